"""Record-level fast reading of a native map: plain values and positions, or None.

The located readers (:mod:`argmap.formats._tree`, :mod:`argmap.formats._plainyaml`)
build one :class:`~argmap.formats._tree.Node` per scalar, so that every problem can be
reported at its ``file:line:col``. A valid map needs only a few positions -- where
each record starts, and the ``quote`` and ``silence`` of each claim
(:attr:`argmap.model.ArgumentMap.positions`) -- so :func:`read` reads the common
shapes of a map into plain Python values (``str``, ``int``, lists, dicts) and
those positions, without a node per scalar. :mod:`argmap.formats.native` checks the
schema on these values and, on any doubt, goes back to the located path, which
reports every problem exactly as it always did.

YAML
    A section (``claims:``, ``relations:`` ... at column 0) whose items are one
    flow mapping per line, ``- {id: C1, speaker: pro, text: "…"}`` as
    :mod:`benchmarks.mapgen` and argmap's own writer write them, is read in bulk:
    one regular expression over the whole section for the lines whose values are
    double-quoted scalars without escapes or plain scalars that YAML reads as
    strings (their first character decides it, as in
    :mod:`argmap.formats._plainyaml`), and the line reader of
    :mod:`argmap.formats._plainyaml` for any other one-line flow mapping. The
    rest of the document (the header, sections in block style) is read by
    :func:`argmap.formats._tree.parse_yaml` from a copy of the text in which the
    bulk sections are blank lines (so every line keeps its number), and turned
    into plain values. The copy is accepted only if each blanked section's key is
    a key of the top-level mapping on its own line.
JSON
    The C decoder of :mod:`json` reads the document; duplicate keys, numbers
    longer than :data:`~argmap.formats._tree.MAX_NUMBER_LENGTH`, ``NaN`` and the
    like, and lone surrogates make it decline. Positions are found by a scan of
    the text that skips strings.

A plain YAML scalar that does not read as a string (``id: 1``, ``argmap: 2``,
``occurrence: 3``, ``title: yes``) is kept as :class:`Plain`, with its value and its
text as written: the schema reads some fields as text (``id: 1`` is the id ``"1"``)
and others as numbers.

Each record is ``(fields, line, column, quote_at, silence_at)``: its mapping, where
it starts, and where the values of its ``quote`` and ``silence`` keys start (None
when absent). :func:`read` returns None whenever the document is outside these
shapes; it never raises on bad input.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from . import _plainyaml, _tree
from ._tree import MAX_NUMBER_LENGTH, Node

__all__ = ["Plain", "Record", "read", "read_yaml", "read_json", "SECTIONS"]

#: The top-level keys whose values are lists of records.
SECTIONS = ("sources", "speakers", "claims", "arguments", "relations")

#: ``(fields, line, column, quote_at, silence_at)``.
Record = tuple[dict[str, Any], int, int, "tuple[int, int] | None", "tuple[int, int] | None"]


class Plain:
    """A plain YAML scalar that YAML does not read as a string: its value and its text."""

    __slots__ = ("value", "raw")

    def __init__(self, value: Any, raw: str) -> None:
        self.value = value
        self.raw = raw

    def __repr__(self) -> str:
        return f"Plain({self.value!r}, {self.raw!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Plain) and (type(self.value), self.value, self.raw) == \
            (type(other.value), other.value, other.raw)

    def __hash__(self) -> int:
        return hash(self.raw)


class _Decline(Exception):
    """Outside the shapes read here: the located path reads the document."""


def read(text: str, syntax: str) -> dict[str, Any] | None:
    """The top-level mapping of a native map as plain values, its sections as lists of records, or None."""
    try:
        return read_json(text) if syntax == "json" else read_yaml(text)
    except Exception:  # noqa: BLE001 - _Decline, or anything unforeseen: the located path decides
        return None


# -- YAML -------------------------------------------------------------------------------

def _resolver() -> tuple[Any, Any, str]:
    """PyYAML's resolver, its scalar node class, and the first characters it looks at (a regex class body)."""
    import yaml

    resolver = yaml.resolver.Resolver()
    resolvers = resolver.yaml_implicit_resolvers
    looked_at = "".join(ch for ch in resolvers if ch)
    return resolver, yaml.ScalarNode, "" if None in resolvers else re.escape(looked_at)


# A canonical flow record line: `- {key: value, key: value}`, one space after each ':' and
# ',', none inside the braces or at the end of the line. A value is a double-quoted scalar
# without escapes or a plain scalar that starts with no indicator and holds none of
# ,[]{}#:"\ and ends without a space. In such a line ', ' and ': ' only separate pairs and
# keys, and '{' and '}' only open and close the record, so `str.replace` turns a run of
# them into JSON for the C decoder.
_KEY = r"[A-Za-z_][A-Za-z0-9_]*+"
_PLAIN = r"[^\s,\[\]{}#:'\"&*!|>%@`?\-\\\x00](?: *+[^,\[\]{}#:\"\\\n\x00 ])*+"
_CANON_LINE = r"- \{" + _KEY + r": (?:\"[^\"\\\n]*+\"|" + _PLAIN + r")(?:, " + _KEY + r": (?:\"[^\"\\\n]*+\"|" \
    + _PLAIN + r"))*+\}"
# the same with each double-quoted scalar replaced by NUL (the text split at its quotes)
_CANON_SKELETON = r"- \{" + _KEY + r": (?:\x00|" + _PLAIN + r")(?:, " + _KEY + r": (?:\x00|" + _PLAIN + r"))*+\}"
_CANON: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {}
_HEAD = re.compile(r"(" + "|".join(SECTIONS) + r"):(?: *+(?:#[^\n]*)?)$", re.M)
# the end of a section: a line that starts at column 0 with anything but a dash or a comment
_END = re.compile(r"\n(?=[^ \n#\-])")
_ITEM = re.compile(r"( *)- *+\{")
_BLANK = re.compile(r" *+(?:#.*)?")


def _canon(indent: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(one canonical line, a run of them with NUL for each quoted scalar) at *indent*."""
    found = _CANON.get(indent)
    if found is None:
        line = indent + _CANON_SKELETON
        found = _CANON[indent] = (re.compile(indent + _CANON_LINE), re.compile(f"{line}(?:\\n{line})*+"))
    return found


def _heads(text: str) -> list[re.Match[str]]:
    """The lines ``claims:`` and the like at column 0 (the first of each name), in order."""
    found = []
    for name in SECTIONS:
        at = 0 if text.startswith(name + ":") else text.find("\n" + name + ":") + 1
        if at > 0 or text.startswith(name + ":"):
            m = _HEAD.match(text, at)
            if m is not None:
                found.append(m)
    return sorted(found, key=lambda m: m.start())


def read_yaml(text: str) -> dict[str, Any] | None:
    """A YAML native map read as described in the module docstring, or None."""
    if "\r" in text:
        if "\r" in text.replace("\r\n", ""):
            return None
        text = text.replace("\r\n", "\n")
    if not text or text.startswith("\ufeff") or _plainyaml.awkward(text):
        return None
    bulk: dict[str, tuple[int, list[Record]]] = {}
    pieces: list[str] = []
    done = 0
    for head in _heads(text):
        if head.start() < done:
            continue
        start = head.end() + 1
        if start > len(text):
            break
        end_match = _END.search(text, start - 1)
        end = end_match.start() if end_match else len(text)
        body = text[start:end]
        line = text.count("\n", 0, start) + 1
        records = _section(body, line)
        if records is None:
            continue
        bulk[head.group(1)] = (line - 1, records)
        pieces.append(text[done:start])
        pieces.append("\n" * body.count("\n"))
        done = end
    pieces.append(text[done:])
    skeleton = "".join(pieces)
    try:
        root = _tree.parse_yaml(skeleton, "")
    except Exception:  # noqa: BLE001 - any problem: the located path reports it
        return None
    if root.kind != "map":
        return None
    top: dict[str, Any] = {}
    for key, value in root.pairs:
        name = key.value
        if type(name) is not str:
            return None
        if name in bulk:
            head_line, records = bulk.pop(name)
            # the blanked section must be this very key, with nothing else as its value
            if key.line != head_line or key.column != 1 or value.kind != "scalar" or value.value is not None \
                    or value.raw != "":
                return None
            top[name] = records
        elif name in SECTIONS and value.kind == "seq":
            top[name] = _node_records(value)
        else:
            top[name] = _plain(value)
    if bulk:  # a blanked head that is not a key of the top-level mapping
        return None
    return top


def _section(body: str, first_line: int) -> list[Record] | None:
    """The records of a section whose lines are one flow mapping each (blank lines and comments aside).

    A run of canonical lines is read by :func:`_run`; any other flow mapping line by the
    line reader of :mod:`argmap.formats._plainyaml`. None if any line is something else.
    """
    item = _ITEM.match(body)
    if item is None:
        return None
    indent = item.group(1)
    body = body.rstrip("\n")
    whole = _run(body, first_line, indent)
    if whole is not None:
        return whole
    one, _ = _canon(indent)
    lines = body.split("\n")
    records: list[Record] = []
    reader: _plainyaml._Reader | None = None
    k = 0
    while k < len(lines):
        if one.fullmatch(lines[k]):
            end = k + 1
            while end < len(lines) and one.fullmatch(lines[end]):
                end += 1
            run = _run("\n".join(lines[k:end]), first_line + k, indent)
            if run is None:
                return None
            records += run
            k = end
            continue
        text, number = lines[k], first_line + k
        k += 1
        if _BLANK.fullmatch(text):
            continue
        found = _ITEM.match(text)
        if found is None or found.group(1) != indent:
            return None
        if reader is None:
            reader = _plainyaml._Reader()
        try:
            node, _ = reader.value(text, found.end() - 1, number, 2)
        except Exception:  # noqa: BLE001 - _Unsupported, a duplicate key: not for this path
            return None
        records.append(_node_record(node))
    return records


def _run(text: str, first_line: int, indent: str) -> list[Record] | None:
    """The records of consecutive canonical lines (see :data:`_CANON_LINE`), or None if they are not."""
    if "\\" in text:
        return None
    pieces = text.split('"')
    if len(pieces) % 2 == 0:
        return None
    quoted = pieces[1::2]
    skeleton = "\x00".join(pieces[0::2])
    # no quoted scalar over two lines, and every line canonical
    if skeleton.count("\n") != text.count("\n") or _canon(indent)[1].fullmatch(skeleton) is None:
        return None
    if _UNSURE is not None:  # plain scalars YAML might read as something else than a string
        for raw in set(_UNSURE.findall(skeleton)):
            if not _is_string(raw):
                return None
    # `INDENT- {` … `}` on each line: between two records, `}\nINDENT- {` becomes `"},{"`
    parts = skeleton[len(indent) + 3:-1].replace("}\n" + indent + "- {", '"},{"').replace(", ", '", "') \
        .replace(": ", '": "').split("\x00")
    joined = [""] * (len(parts) + len(quoted))
    joined[0::2] = parts
    joined[1::2] = quoted
    data = json.loads('[{"' + "".join(joined) + '"}]')
    if sum(map(len, data)) != skeleton.count(": "):
        return None  # a key given twice in one record
    column = len(indent) + 3
    lines = text.split("\n")
    return [(fields, first_line + k, column, _quote_at(lines[k], first_line + k, column) if "quote" in fields
             else None, None) for k, fields in enumerate(data)]


_RESOLVER, _SCALAR_NODE, _LOOKED_AT = _resolver()
_UNSURE = re.compile(r": ([" + _LOOKED_AT + r"][^,}\x00]*+)") if _LOOKED_AT else None
_STRINGS: dict[str, bool] = {}


def _is_string(raw: str) -> bool:
    """Whether YAML reads the plain scalar *raw* as a string."""
    hit = _STRINGS.get(raw)
    if hit is None:
        hit = _RESOLVER.resolve(_SCALAR_NODE, raw, (True, False)) == "tag:yaml.org,2002:str"
        if len(_STRINGS) < 10_000:
            _STRINGS[raw] = hit
    return hit


def _quote_at(text: str, line: int, column: int) -> tuple[int, int]:
    """Where the value of the ``quote`` key starts on a record line."""
    k = text.find("quote: ")
    if k >= 0 and text.find("quote:", k + 1) < 0 and text[k + 7] != " ":  # once on the line: the key itself
        return line, k + 8
    node, _ = _plainyaml._Reader().value(text, column - 1, line, 2)
    quote = node.get("quote")
    assert quote is not None
    return quote.line, quote.column


def _plain(node: Node) -> Any:
    """A located node as plain values (YAML plain scalars that are not strings as :class:`Plain`)."""
    if node.kind == "scalar":
        value = node.value
        if type(value) is str:
            return value
        return Plain(value, node.raw) if node.raw is not None else value
    if node.kind == "seq":
        return [_plain(n) for n in node.items]
    out = {}
    for key, value in node.pairs:
        if type(key.value) is not str:
            raise _Decline
        out[key.value] = _plain(value)
    return out


def _node_record(node: Node) -> Record:
    if node.kind != "map":
        raise _Decline
    fields = _plain(node)
    quote = silence = None
    for key, value in node.pairs:
        if key.value == "quote":
            quote = (value.line, value.column)
        elif key.value == "silence":
            silence = (value.line, value.column)
    return fields, node.line, node.column, quote, silence


def _node_records(node: Node) -> list[Record]:
    return [_node_record(item) for item in node.items]


# -- JSON -------------------------------------------------------------------------------

def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise _Decline  # a duplicate key: the located reader refuses it
    return found


def _constant(text: str) -> Any:
    raise _Decline  # NaN, Infinity: not JSON


def _number(text: str) -> Any:
    if len(text) > MAX_NUMBER_LENGTH:
        raise _Decline
    return float(text)


# duplicate keys, NaN and overlong floats decline (an overlong integer is declined by the schema
# check, which refuses every integer of more than 900 digits)
_DECODER = json.JSONDecoder(object_pairs_hook=_pairs, parse_constant=_constant, parse_float=_number)
_scanstring: Any = json.decoder.scanstring  # type: ignore[attr-defined]
# `\ud800`-style escapes (maybe lone surrogates), and the characters themselves
_SURROGATES = re.compile(r"\\u[dD][89a-fA-F]|[\ud800-\udfff]")
# from just after a record's `{`: the record's other keys and values, up to its `"quote"` key
# (None when a nested list or object comes first)
_QUOTE_KEY = re.compile(r'(?:[^"{}\[\]]++|"(?!quote"\s*+:)(?:[^"\\]++|\\.)*+")*+"quote"\s*+:\s*+')
_WS = re.compile(r"[ \t\n\r]*+")
_skip: Callable[..., re.Match[str]] = _WS.match  # type: ignore[assignment]  # it always matches


def read_json(text: str) -> dict[str, Any] | None:
    """A JSON native map read as described in the module docstring, or None.

    The text is walked at its top level with the C decoder, each section record by
    record (so that each record's start is known), everything else value by value.
    """
    if _SURROGATES.search(text):
        return None
    decode = _DECODER.raw_decode
    ws = _skip
    lines = _Lines(text)
    pos = ws(text).end()
    if not text.startswith("{", pos):
        return None
    top: dict[str, Any] = {}
    pos = ws(text, pos + 1).end()
    first = True
    while not text.startswith("}", pos):
        if not first:
            if not text.startswith(",", pos):
                return None
            pos = ws(text, pos + 1).end()
        first = False
        if not text.startswith('"', pos):
            return None
        key, pos = _scanstring(text, pos + 1, True)
        pos = ws(text, pos).end()
        if not text.startswith(":", pos) or key in top:
            return None
        pos = ws(text, pos + 1).end()
        if key in SECTIONS and text.startswith("[", pos):
            top[key], pos = _json_records(text, ws(text, pos + 1).end(), lines)
        else:
            top[key], pos = decode(text, pos)
        pos = ws(text, pos).end()
    if ws(text, pos + 1).end() != len(text):
        return None
    return top


def _json_records(text: str, pos: int, lines: _Lines) -> tuple[list[Record], int]:
    """The records of a section from its first item at ``text[pos]``; returns them and the offset after ``]``."""
    decode = _DECODER.raw_decode
    ws = _skip
    records: list[Record] = []
    append = records.append
    if text.startswith("]", pos):
        return records, pos + 1
    while True:
        if not text.startswith("{", pos):
            raise _Decline  # not a record: the located path says so
        line, column = lines.at(pos)
        fields, end = decode(text, pos)
        quote = silence = None
        if "quote" in fields:
            m = _QUOTE_KEY.match(text, pos + 1, end)
            quote = lines.at(m.end()) if m is not None else _json_value_at(text, pos, "quote", lines)
        if "silence" in fields:
            silence = _json_value_at(text, pos, "silence", lines)
        append((fields, line, column, quote, silence))
        pos = ws(text, end).end()
        if text.startswith(",", pos):
            pos = ws(text, pos + 1).end()
            continue
        if text.startswith("]", pos):
            return records, pos + 1
        raise _Decline


def _json_value_at(text: str, start: int, key: str, lines: _Lines) -> tuple[int, int]:
    """Where the value of *key* starts in the record (an object) at ``text[start]``."""
    ws = _skip
    pos = ws(text, start + 1).end()
    while True:
        name, pos = _scanstring(text, pos + 1, True)
        pos = ws(text, ws(text, pos).end() + 1).end()  # past the colon
        if name == key:
            return lines.at(pos)
        _, pos = _DECODER.raw_decode(text, pos)
        pos = ws(text, ws(text, pos).end() + 1).end()  # past the comma


class _Lines:
    """1-based ``(line, column)`` of offsets, counted on from the last one asked for."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.offset = 0
        self.line = 1

    def at(self, offset: int) -> tuple[int, int]:
        text = self.text
        if offset < self.offset:  # asked backwards: count from the start
            self.offset, self.line = 0, 1
        self.line += text.count("\n", self.offset, offset)
        self.offset = offset
        return self.line, offset - text.rfind("\n", 0, offset)
