"""A fast reader for the plain subset of YAML that maps are written in, or None.

PyYAML hands a document to Python one event at a time, a few microseconds each: a
map of 10⁵ claims (2·10⁶ events) takes about ten seconds before any checking
starts. Maps are nearly always written in a small, regular part of YAML -- block
mappings and sequences, one scalar or one flow collection (``{id: C1, text: …}``)
per line, comments -- the part argmap's own writer emits. :func:`parse` reads
exactly that part, line by line with regular expressions, and builds the same
:class:`~argmap.formats._tree.Node` tree, with the same values and the same line
and column for every node, as the event composer of :mod:`argmap.formats._tree`.

It returns None, and the caller uses the full composer, on anything else: anchors,
aliases and tags, block scalars, quoted or plain scalars over several lines,
complex keys, directives and document markers, tabs, characters YAML does not
allow, and any line it cannot place -- so every error is still reported by the
full composer, with its message and location. Plain scalars are resolved by
PyYAML's own resolver (YAML 1.1: ``yes`` is a boolean, ``0x1F`` a number).
``tests/test_formats_plainyaml.py`` compares both readers on every YAML file of the
test data and on generated documents.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ._tree import _CORE, _SCALAR_TAGS, MAX_DEPTH, Node, _check_duplicates, _scalar_value

__all__ = ["parse"]

# Characters that send a document to the full composer wherever they are: what YAML
# does not allow (PyYAML's reader), its other line breaks, tabs, a byte-order mark.
_AWKWARD = re.compile("[^\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
# the same test on the text's UTF-8 (far quicker than the pattern over a long text): an ASCII
# control or DEL; C1 controls (U+0080-U+009F), U+2028, U+2029, U+FEFF, U+FFFE, U+FFFF (their
# encodings start with a lead byte, so a match is a character); a lone surrogate cannot be encoded
_ALLOWED_BYTES = bytes([10, 13, *range(0x20, 0x7F), *range(0x80, 0x100)])
_C1 = re.compile(b"\xc2[\x80-\x9f]")
_AWKWARD_UTF8 = (b"\xe2\x80\xa8", b"\xe2\x80\xa9", b"\xef\xbb\xbf", b"\xef\xbf\xbe", b"\xef\xbf\xbf")


def awkward(text: str) -> bool:
    """Whether *text* holds a character that sends a document to the full composer (as :data:`_AWKWARD`)."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return True  # a lone surrogate
    if data.translate(None, _ALLOWED_BYTES):
        return True
    if text.isascii():
        return False
    return (b"\xc2" in data and _C1.search(data) is not None) or any(seq in data for seq in _AWKWARD_UTF8)
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_.\-]*):(?: +|$)")
_DQ = re.compile(r'"((?:[^"\\]|\\.)*)"')
_SQ = re.compile(r"'((?:[^']|'')*)'")
# a plain scalar inside a flow collection: up to a flow indicator, ':' or '#'
_FLOW_PLAIN = re.compile(r"[^\s,\[\]{}#:'\"&*!|>%@`?\-][^,\[\]{}#:]*|-[^\s,\[\]{}#:][^,\[\]{}#:]*")
_SPACES = re.compile(r" *")
# one `key: value` of a flow mapping whose value is a double-quoted scalar without
# escapes or a plain scalar, then the ',' or '}' after it (the common case, read in one match)
_PAIR = re.compile(r"""([A-Za-z_][A-Za-z0-9_.\-]*): +(?:"([^"\\]*)"|"""
                   r"""([^\s,\[\]{}#:'"&*!|>%@`?\-][^,\[\]{}#:]*|-[^\s,\[\]{}#:][^,\[\]{}#:]*)) *(?:(,) *|(\}))""")
_ESCAPES = {"0": "\0", "a": "\x07", "b": "\x08", "t": "\t", "n": "\n", "v": "\x0b", "f": "\x0c",
            "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
            "L": "\u2028", "P": "\u2029"}
_HEX = {"x": 2, "u": 4, "U": 8}
_ESCAPE = re.compile(r"\\(?:([0abtnvfre \"/\\N_LP])|x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))")
_BLOCK_START = set("-?:,[]{}#&*!|>'\"%@`")


class _Everything(str):
    """A string that "contains" every character."""

    def __contains__(self, item: object) -> bool:
        return True


_EVERYTHING = _Everything()


class _Unsupported(Exception):
    """Outside the subset: let the full composer read the document."""


class _Reader:
    def __init__(self) -> None:
        import yaml

        self.resolver = yaml.resolver.Resolver()
        self.scalar_node = yaml.ScalarNode
        self.resolved: dict[str, tuple[Any, str]] = {}
        resolvers = self.resolver.yaml_implicit_resolvers
        # first characters some implicit resolver looks at (all of them if one looks at any)
        self.first: set[str] | str = set(resolvers) if None not in resolvers else ""
        if not self.first:
            self.first = _EVERYTHING

    # -- scalars ------------------------------------------------------------------------
    def plain(self, raw: str, line: int, column: int) -> Node:
        if raw and raw[0] not in self.first:  # no implicit resolver applies: a string
            return Node("scalar", line, column, raw, raw=raw)
        hit = self.resolved.get(raw)
        if hit is None:
            tag = self.resolver.resolve(self.scalar_node, raw, (True, False))
            short = tag[len(_CORE):] if tag.startswith(_CORE) else None
            if short not in _SCALAR_TAGS:
                raise _Unsupported  # merge keys, other tags: the composer says why
            hit = (_scalar_value(short, raw), short)
            if len(self.resolved) < 100_000:
                self.resolved[raw] = hit
        return Node("scalar", line, column, hit[0], raw=raw)

    @staticmethod
    def double(body: str) -> str:
        if "\\" not in body:
            return body
        if _ESCAPE.sub("", body).count("\\"):
            raise _Unsupported  # a line continuation or an unknown escape
        return _ESCAPE.sub(_unescape, body)

    # -- flow collections -----------------------------------------------------------------
    def flow(self, text: str, pos: int, line: int, depth: int) -> tuple[Node, int]:
        """The flow collection opening at ``text[pos]``; returns it and the offset after it."""
        if depth >= MAX_DEPTH - 1:
            raise _Unsupported
        opening = text[pos]
        if opening == "{":
            found = self.simple_map(text, pos, line)
            if found is not None:
                return found
        node = Node("map" if opening == "{" else "seq", line, pos + 1)
        close = "}" if opening == "{" else "]"
        pos = _SPACES.match(text, pos + 1).end()  # type: ignore[union-attr]
        if text.startswith(close, pos):
            return node, pos + 1
        while True:
            if opening == "{":
                key, pos = self.flow_scalar(text, pos, line, key=True)
                value, pos = self.flow_value(text, pos, line, depth)
                node.pairs.append((key, value))
            else:
                value, pos = self.flow_value(text, pos, line, depth)
                node.items.append(value)
            pos = _SPACES.match(text, pos).end()  # type: ignore[union-attr]
            if text.startswith(",", pos):
                pos = _SPACES.match(text, pos + 1).end()  # type: ignore[union-attr]
                if text.startswith(close, pos) or pos >= len(text):
                    raise _Unsupported  # a trailing comma, or the collection goes on below
                continue
            if text.startswith(close, pos):
                if opening == "{":
                    _check_duplicates(node.pairs, "")
                return node, pos + 1
            raise _Unsupported

    def simple_map(self, text: str, pos: int, line: int) -> tuple[Node, int] | None:
        """The flow mapping at ``text[pos]`` if every value is a plain or simple quoted scalar."""
        pairs: list[tuple[Node, Node]] = []
        at = pos + 1
        while text.startswith(" ", at):
            at += 1
        match = _PAIR.match
        plain = self.plain
        first = self.first
        while True:
            m = match(text, at)
            if m is None:
                return None
            key, quoted, bare, _, closing = m.groups()
            knode = Node("scalar", line, at + 1, key, raw=key) if key[0] not in first \
                else plain(key, line, at + 1)
            if quoted is not None:
                value = Node("scalar", line, m.start(2), quoted, raw=quoted)
            else:
                bare = bare.rstrip(" ")
                value = Node("scalar", line, m.start(3) + 1, bare, raw=bare) if bare[0] not in first \
                    else plain(bare, line, m.start(3) + 1)
            pairs.append((knode, value))
            at = m.end()
            if closing is not None:
                break
        if len(pairs) > 1 and len({k.value for k, _ in pairs}) < len(pairs):
            _check_duplicates(pairs, "")
        return Node("map", line, pos + 1, None, pairs), at

    def flow_value(self, text: str, pos: int, line: int, depth: int) -> tuple[Node, int]:
        if pos < len(text) and text[pos] in "{[":
            return self.flow(text, pos, line, depth + 1)
        return self.flow_scalar(text, pos, line, key=False)

    def flow_scalar(self, text: str, pos: int, line: int, *, key: bool) -> tuple[Node, int]:
        ch = text[pos] if pos < len(text) else ""
        if ch == '"':
            m = _DQ.match(text, pos)
            if m is None:
                raise _Unsupported
            node = Node("scalar", line, pos + 1, value := self.double(m.group(1)), raw=value)
        elif ch == "'":
            m = _SQ.match(text, pos)
            if m is None:
                raise _Unsupported
            value = m.group(1).replace("''", "'")
            node = Node("scalar", line, pos + 1, value, raw=value)
        else:
            m = _FLOW_PLAIN.match(text, pos)
            if m is None:
                raise _Unsupported
            node = self.plain(m.group().rstrip(" "), line, pos + 1)
        end = m.end()
        if key:  # `key: value`, with a space after the colon
            end = _SPACES.match(text, end).end()  # type: ignore[union-attr]
            if not text.startswith(": ", end):
                raise _Unsupported
            end = _SPACES.match(text, end + 2).end()  # type: ignore[union-attr]
        elif ch in "\"'" and text.startswith(":", end):
            raise _Unsupported  # a quoted key where a value was expected
        return node, end

    # -- block values ---------------------------------------------------------------------
    def value(self, text: str, pos: int, line: int, depth: int) -> tuple[Node, bool]:
        """The value filling the rest of a line from ``pos`` (not empty), and whether it is a plain scalar."""
        ch = text[pos]
        if ch in "{[":
            node, end = self.flow(text, pos, line, depth)
        elif ch == '"' or ch == "'":
            node, end = self.flow_scalar(text, pos, line, key=False)
        else:
            if ch in _BLOCK_START and not (ch == "-" and pos + 1 < len(text) and text[pos + 1] != " "):
                raise _Unsupported
            cut = text.find(" #", pos)
            raw = (text[pos:] if cut < 0 else text[pos:cut]).rstrip(" ")
            if ": " in raw or raw.endswith(":"):
                raise _Unsupported
            return self.plain(raw, line, pos + 1), cut < 0
        rest = text[end:].lstrip(" ")
        if rest and (not rest.startswith("#") or end == len(text) - len(rest)):
            raise _Unsupported  # something after the value (or a comment with no space before it)
        return node, False

    def folded(self, node: Node, lines: list[str], index: int, indent: int) -> tuple[Node, int]:
        """A plain scalar that goes on over the lines after ``lines[index]``, indented more than *indent*.

        The lines are joined by single spaces (YAML's folding); returns the node and the
        index of its last line. A blank line, a comment or anything a plain scalar could
        not hold sends the document to the full composer.
        """
        parts: list[str] = [node.raw or ""]
        last = index
        while last + 1 < len(lines):
            text = lines[last + 1]
            stripped = text.lstrip(" ")
            if not stripped or len(text) - len(stripped) <= indent or stripped.startswith("#"):
                break
            if stripped[0] in _BLOCK_START or ": " in stripped or stripped.endswith(":"):
                raise _Unsupported
            last += 1
            cut = stripped.find(" #")
            parts.append((stripped if cut < 0 else stripped[:cut]).rstrip(" "))
            if cut >= 0:
                break
        if last == index:
            return node, index
        return self.plain(" ".join(parts), node.line, node.column), last


def _unescape(m: re.Match[str]) -> str:
    simple = m.group(1)
    if simple is not None:
        return _ESCAPES[simple]
    code = int(m.group(2) or m.group(3) or m.group(4), 16)
    if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        raise _Unsupported
    return chr(code)


def parse(text: str, path: str | Path) -> Node | None:
    """The document's tree as :func:`argmap.formats._tree.parse_yaml` builds it, or None.

    None means the document uses YAML beyond the plain subset (or is not valid):
    read it with the full composer, which also reports every error.
    """
    if "\r" in text:
        if "\r" in text.replace("\r\n", ""):
            return None
        text = text.replace("\r\n", "\n")
    if not text or text.startswith("\ufeff") or awkward(text):
        return None
    try:
        root = _parse_lines(text.split("\n"), _Reader())
    except _Unsupported:
        return None
    except Exception:  # noqa: BLE001 - a duplicate key and the like: the composer reports it
        return None
    return root


def _parse_lines(lines: list[str], reader: _Reader) -> Node | None:
    # each open block: [indent, node, is_sequence, parent indent or -1]
    stack: list[list[Any]] = []
    pending: Node | None = None   # a key whose value starts on a later line
    pending_at = (0, 0)            # where its null value would be
    root: Node | None = None
    key_match = _KEY.match
    index = -1
    while index + 1 < len(lines):
        index += 1
        number, text = index + 1, lines[index]
        stripped = text.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(text) - len(stripped)
        if indent == 0 and (text.startswith("---") or text.startswith("...") or text.startswith("%")):
            raise _Unsupported
        item = stripped.startswith("- ") or stripped == "-"
        if pending is not None:
            top = stack[-1]
            if indent > top[0] or (item and indent == top[0] and not top[2]):
                block = Node("seq" if item else "map", number, indent + 1)
                top[1].pairs.append((pending, block))
                if len(stack) >= MAX_DEPTH - 1:
                    raise _Unsupported
                stack.append([indent, block, item, top[0]])
                pending = None
            else:
                top[1].pairs.append((pending, Node("scalar", pending_at[0], pending_at[1], None, raw="")))
                pending = None
        if root is None:
            root = Node("seq" if item else "map", number, indent + 1)
            stack.append([indent, root, item, -1])
        # close the blocks this line is left of (and an indentless sequence ended by a key)
        while stack and (stack[-1][0] > indent or (stack[-1][0] == indent and stack[-1][2] and not item
                                                    and stack[-1][3] == indent)):
            closed = stack.pop()
            if not closed[2]:
                _check_duplicates(closed[1].pairs, "")
        if not stack or stack[-1][0] != indent:
            raise _Unsupported
        top = stack[-1]
        pos = indent
        if item:
            if not top[2]:
                raise _Unsupported
            if stripped == "-":
                raise _Unsupported  # an item whose value starts below
            pos = _SPACES.match(text, indent + 1).end()  # type: ignore[union-attr]
            if pos >= len(text) or text[pos] == "#":
                raise _Unsupported
            m = key_match(text, pos)
            if m is None:
                if text.startswith("- ", pos) or text[pos:] == "-":
                    raise _Unsupported  # a sequence in a sequence on one line
                node, plain = reader.value(text, pos, number, len(stack))
                if plain:
                    node, index = reader.folded(node, lines, index, indent)
                top[1].items.append(node)
                continue
            # `- key: value`: a mapping that goes on at the key's column
            block = Node("map", number, pos + 1)
            top[1].items.append(block)
            if len(stack) >= MAX_DEPTH - 1:
                raise _Unsupported
            stack.append([pos, block, False, indent])
            top = stack[-1]
        else:
            if top[2]:
                raise _Unsupported
            m = key_match(text, pos)
            if m is None:
                raise _Unsupported
        key = reader.plain(m.group(1), number, pos + 1)
        after = m.end()
        if after >= len(text) or text[after] == "#":
            if after < len(text) and text[after - 1] != " ":
                raise _Unsupported  # `key:#` is not a comment
            pending, pending_at = key, (number, m.start(1) + len(m.group(1)) + 2)
            continue
        node, plain = reader.value(text, after, number, len(stack))
        if plain:
            node, index = reader.folded(node, lines, index, top[0])
        top[1].pairs.append((key, node))
    if root is None:
        return None
    if pending is not None:
        stack[-1][1].pairs.append((pending, Node("scalar", pending_at[0], pending_at[1], None, raw="")))
    for frame in stack:
        if not frame[2]:
            _check_duplicates(frame[1].pairs, "")
    return root
