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
    Each section (``claims:``, ``relations:`` ... at column 0) is read on its own:

    * a run of canonical flow records, one per line (``- {id: C1, speaker: pro,
      text: "…"}`` as :mod:`benchmarks.mapgen` and argmap's own writer write them),
      is checked by one pattern over the whole run and, split at its double
      quotes, turned into JSON by ``str.replace`` for the C decoder (see
      :data:`_CANON_LINE`);
    * a section of canonical block records (``- key: value`` then ``  key: value``
      lines), also with comment lines at the records' indentation and plain block
      scalars (``>-`` …) among them, is read the same way in one run
      (:func:`_block_run`, :func:`_unfolded`);
    * a block record whose lines are simple ``key: value`` lines (quoted or plain
      scalars on one line, flow lists of them, trailing comments) is read from one
      pattern match per line;
    * any other record -- folded or block scalars, nested blocks, an odd flow
      mapping -- is read alone, from its own lines, by
      :func:`argmap.formats._tree.parse_yaml` (unless it holds anchors, aliases or
      tags: then the section is not read here).

    The rest of the document (the header, the sections not read here) is read by
    :func:`argmap.formats._tree.parse_yaml` from a copy of the text without the
    sections read here, and turned into plain values with the line numbers of the
    text. The copy is accepted only if each left-out section's head is a key of
    the top-level mapping on its own line.
JSON
    The C scanner of :mod:`json` reads the top level value by value and each
    section record by record, so that each record's start is known (its
    ``quote`` key is found by a pattern that skips the record's strings);
    duplicate keys, numbers longer than
    :data:`~argmap.formats._tree.MAX_NUMBER_LENGTH`, ``NaN`` and the like, and
    (maybe lone) surrogates make it decline.

A plain YAML scalar that does not read as a string (``id: 1``, ``argmap: 2``,
``occurrence: 3``, ``title: yes``) is kept as :class:`Plain`, with its value and its
text as written: the schema reads some fields as text (``id: 1`` is the id ``"1"``)
and others as numbers.

Each record is ``(fields, line, column, quote_at, silence_at)``: its mapping, where
it starts, and where the values of its ``quote`` and ``silence`` keys start (None
when absent). A run of canonical records (flow or block) that all have the same keys
in the same order is given as :class:`Columns` instead: each key's values as one list,
cut from one ``str.split`` of the run (:func:`_templated`, whose one pattern made of the
first record's keys checks the run and its key order at once, or :func:`_table`),
without a mapping per record;
:meth:`Columns.records` gives the same records as a list. :func:`read` returns None
whenever the document is outside these shapes; it never raises on bad input.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable, Iterator
from itertools import compress, repeat
from operator import add, lt
from typing import Any

from . import _plainyaml, _tree
from ._tree import MAX_NUMBER_LENGTH, Node

__all__ = ["Plain", "Record", "Columns", "read", "read_yaml", "read_json", "SECTIONS"]

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


class Columns:
    """A section whose records all have the same keys in the same order, kept by column.

    ``keys`` are the records' keys in their order, ``values[key]`` the values of *key*
    record by record (all strings), ``lines`` where each record starts (its ``column``
    is the same for all), ``quote_at`` where each record's ``quote`` value starts (None
    when the records have no ``quote``). The records never have a ``silence``.
    :meth:`records` gives the section as a list of :data:`Record` (what :func:`read`
    gives for every other section); iterating and ``len`` use it.
    """

    __slots__ = ("keys", "values", "lines", "column", "quote_at", "_records")

    def __init__(self, keys: tuple[str, ...], values: dict[str, list[str]], lines: list[int], column: int,
                 quote_at: list[tuple[int, int]] | None) -> None:
        self.keys = keys
        self.values = values
        self.lines = lines
        self.column = column
        self.quote_at = quote_at
        self._records: list[Record] | None = None

    def records(self) -> list[Record]:
        """The records as ``(fields, line, column, quote_at, silence_at)``, built once."""
        if self._records is None:
            keys = self.keys
            fields = list(map(dict, map(zip, repeat(keys), zip(*map(self.values.__getitem__, keys)))))
            quotes = self.quote_at if self.quote_at is not None else repeat(None)
            self._records = list(zip(fields, self.lines, repeat(self.column), quotes, repeat(None)))
        return self._records

    def __len__(self) -> int:
        return len(self.lines)

    def __iter__(self) -> Iterator[Record]:
        return iter(self.records())


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
_PLAIN = r"[^\s,\[\]{}#:'\"&*!|>%@`?\-\\\x00][^,\[\]{}#:\"\\\n\x00 ]*+(?: ++[^,\[\]{}#:\"\\\n\x00 ]++)*+"
_CANON_LINE = r"- \{" + _KEY + r": (?:\"[^\"\\\n]*+\"|" + _PLAIN + r")(?:, " + _KEY + r": (?:\"[^\"\\\n]*+\"|" \
    + _PLAIN + r"))*+\}"
# the same with each double-quoted scalar replaced by NUL (the text split at its quotes)
_CANON_SKELETON = r"- \{" + _KEY + r": (?:\x00|" + _PLAIN + r")(?:, " + _KEY + r": (?:\x00|" + _PLAIN + r"))*+\}"
_CANON: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {}
_HEAD = re.compile(r"(" + "|".join(SECTIONS) + r"):(?: *+(?:#[^\n]*)?)$", re.M)
# the end of a section: a line that starts at column 0 with anything but a dash or a comment
_END = re.compile(r"\n(?=[^ \n#\-])")
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
    bulk: dict[str, tuple[int, list[Record] | Columns]] = {}
    pieces: list[str] = []
    # the bulk sections' lines are left out of the skeleton: (its line of each such head,
    # the lines left out after it so far), to give the skeleton's lines their numbers
    heads: list[int] = []
    removed: list[int] = []
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
        gone = removed[-1] if removed else 0
        heads.append(line - 1 - gone)
        removed.append(gone + body.count("\n"))
        pieces.append(text[done:start])
        done = end
    pieces.append(text[done:])
    skeleton = "".join(pieces)
    try:
        root = _tree.parse_yaml(skeleton, "")
    except Exception:  # noqa: BLE001 - any problem: the located path reports it
        return None
    if root.kind != "map":
        return None

    def line_of(skeleton_line: int) -> int:
        k = bisect.bisect_left(heads, skeleton_line)
        return skeleton_line + (removed[k - 1] if k else 0)

    top: dict[str, Any] = {}
    for key, value in root.pairs:
        name = key.value
        if type(name) is not str:
            return None
        if name in bulk:
            head_line, records = bulk.pop(name)
            # the left-out section must be this very key, with nothing else as its value
            if line_of(key.line) != head_line or key.column != 1 or value.kind != "scalar" \
                    or value.value is not None or value.raw != "":
                return None
            top[name] = records
        elif name in SECTIONS and value.kind == "seq":
            top[name] = [(fields, line_of(line), column, (line_of(quote[0]), quote[1]) if quote else None,
                          (line_of(silence[0]), silence[1]) if silence else None)
                         for fields, line, column, quote, silence in _node_records(value)] if heads \
                else _node_records(value)
        else:
            top[name] = _plain(value)
    if bulk:  # a left-out head that is not a key of the top-level mapping
        return None
    return top


def _section(body: str, first_line: int) -> list[Record] | Columns | None:
    """The records of a section body (its lines after the ``claims:`` line), or None.

    Records are flow mappings on one line or block mappings (``- key: value`` and
    ``  key: value`` lines); blank lines and comments may stand between them. A run of
    canonical flow lines is read by :func:`_run`, a block record of simple lines by
    :func:`_block_record`, any other record (a folded scalar, a nested block, an odd
    flow mapping) by :func:`argmap.formats._tree.parse_yaml` on its own lines.
    """
    first = _FIRST_ITEM.search(body)
    if first is None:
        return None
    indent = first.group(1)
    body = body.rstrip("\n")
    whole = _run(body, first_line, indent)
    if whole is None:
        whole = _block_run(body, first_line, indent)
    if whole is None:  # block records with comment lines or block scalars among them
        unfolded = _unfolded(body, indent)
        if unfolded is not None:
            whole = _block_run(unfolded[0], first_line, indent, unfolded[1])
    if whole is not None:
        return whole
    lines = body.split("\n")
    flow_line, _ = _canon(indent)
    block_line = _block_line(indent)
    rows = block_line.findall(body)
    simple = len(rows) == len(lines)  # every line a simple `key: value` line: row k is line k
    if simple:
        found = _simple_block(rows, first_line, indent)
        if found is not None:
            return found
    n = len(lines)
    if not simple:  # which lines are simple: row k for line k, None for the others
        matched = rows
        rows = [None] * n
        r = 0
        for k, text in enumerate(lines):
            # the matches are whole lines, in order; a line equal to a match's is matched too
            if r < len(matched) and matched[r][0] == text:
                rows[k] = matched[r]
                r += 1
    opening = indent + "- "
    inner = indent + "  "
    records: list[Record] = []
    start = -1          # the line where the open record starts
    fields: dict[str, Any] | None = None  # its fields while its lines are simple, else None
    quote: tuple[int, int] | None = None
    looked = _LOOKED_AT_SET
    k = 0

    def close(end: int) -> bool:
        if start < 0:
            return True
        if fields is not None:
            records.append((fields, first_line + start, len(indent) + 3, quote, None))
            return True
        found = _exact_record(lines[start:end], first_line + start - 1)
        if found is None:
            return False
        records.append(found)
        return True

    while k < n:
        text = lines[k]
        row = rows[k]
        if row is not None:
            _, ind, dash, key, sep, value = row
            if dash and ind == indent:
                if not close(k):
                    return None
                start, fields, quote = k, {}, None
            elif dash or ind != inner or start < 0:
                row = None
        if row is None:
            if not text.startswith(opening):
                if _BLANK.fullmatch(text):
                    k += 1
                    continue
                if start < 0:
                    return None
                fields = None  # a line of the record beyond the simple shape
                k += 1
                continue
            # a record that starts with anything but a simple line
            if not close(k):
                return None
            if flow_line.fullmatch(text):
                end = k + 1
                while end < n and flow_line.fullmatch(lines[end]):
                    end += 1
                run = _run("\n".join(lines[k:end]), first_line + k, indent)
                if run is None:
                    return None
                records += run
                start, k = -1, end
                continue
            start, fields = k, None
            k += 1
            continue
        if fields is not None:
            if key in fields:
                return None  # a repeated key: the located path reports it
            here = k
            first = value[0]
            if first == '"' and "\\" not in value:
                converted: Any = value[1:-1]
            elif first in "\"'[>|" or looked is None or first in looked:
                converted = _block_value(value)
            else:
                converted = value
            if converted is _BLOCK_SCALAR:
                converted, k = _block_scalar(lines, k, len(ind), value)
            if converted is _NOT_SIMPLE:
                fields = None
            else:
                fields[key] = converted
                if key == "quote":
                    quote = (first_line + here, len(ind) + len(dash) + len(key) + len(sep) + 1)
        k += 1
    if not close(n):
        return None
    return records


def _simple_block(rows: list[tuple[str, ...]], first_line: int, indent: str) -> list[Record] | None:
    """The block records of a section all of whose lines are simple (``rows``: one per line), or None."""
    inner = indent + "  "
    column = len(indent) + 3
    records: list[Record] = []
    append = records.append
    fields: dict[str, Any] | None = None
    start = 0
    quote: tuple[int, int] | None = None
    looked = _LOOKED_AT_SET
    for k, (_, ind, dash, key, sep, value) in enumerate(rows):
        if dash:
            if ind != indent:
                return None
            if fields is not None:
                append((fields, first_line + start, column, quote, None))
            fields, start, quote = {}, k, None
        elif ind != inner or fields is None or key in fields:
            return None
        first = value[0]
        if first == '"' and "\\" not in value:
            converted: Any = value[1:-1]
        elif first in ">|":
            return None  # a block scalar: read by _section
        elif first in "\"'[" or looked is None or first in looked:
            converted = _block_value(value)
            if converted is _NOT_SIMPLE:
                return None
        else:
            converted = value
        fields[key] = converted
        if key == "quote":
            quote = (first_line + k, len(ind) + len(dash) + len(key) + len(sep) + 1)
    if fields is not None:
        append((fields, first_line + start, column, quote, None))
    return records


# A simple line of a block record: `- key: value` (the record's first) or `  key: value`, the
# value a quoted scalar, a plain scalar that starts with no indicator and holds no ':' or '#'
# (so it cannot hide a comment or a nested key), or a flow sequence of such scalars; then
# maybe a comment.
_BLOCK_PLAIN = r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\s#:]*+(?: ++[^\s#:]++)*+"
_BLOCK_VALUE = (r"[>|]-?$|\"[^\"\\\n]*+(?:\\[^\n][^\"\\\n]*+)*+\"|'[^'\n]*+(?:''[^'\n]*+)*+'|\[[^\[\]{}#\n]*+\]|"
                + _BLOCK_PLAIN)
_BLOCK: dict[str, re.Pattern[str]] = {}
_FIRST_ITEM = re.compile(r"^( *)- ", re.M)
_FLOW_ITEM = re.compile(r" *+(?:\"([^\"\\\n]*+)\"|'((?:[^'\n]|'')*+)'|([^\s,\[\]{}#:'\"&*!|>%@`?\-][^,\[\]{}#:\n]*+))"
                        r" *+(?:,|$)")
# anchors, aliases and tags: not read record by record (an alias may expand far beyond its text)
_NODE_PROPERTY = re.compile(r"(?:^|[\s\[{,])[&*!]")
_NOT_SIMPLE = object()
_BLOCK_SCALAR = object()


def _block_scalar(lines: list[str], k: int, key_indent: int, header: str) -> tuple[Any, int]:
    """The block scalar whose header ends ``lines[k]``, and the index of its last line.

    Only the plain case: one or more lines, all at one indentation deeper than the
    key, none blank, none ending in a space, and not followed by a blank line or by
    a line indented between the key and the text. ``>`` joins the lines with spaces,
    ``|`` with line breaks; ``-`` drops the final line break. Anything else is
    :data:`_NOT_SIMPLE` (with *k* unchanged): the record is then read whole.
    """
    j = k + 1
    if j >= len(lines):
        return _NOT_SIMPLE, k
    stripped = lines[j].lstrip(" ")
    indent = len(lines[j]) - len(stripped)
    if not stripped or indent <= key_indent:
        return _NOT_SIMPLE, k
    parts: list[str] = []
    while j < len(lines):
        line = lines[j]
        stripped = line.lstrip(" ")
        if not stripped:
            return _NOT_SIMPLE, k
        at = len(line) - len(stripped)
        if at < indent:
            if at > key_indent:
                return _NOT_SIMPLE, k
            break
        if at > indent or line.endswith(" "):
            return _NOT_SIMPLE, k
        parts.append(stripped)
        j += 1
    text = (" " if header[0] == ">" else "\n").join(parts)
    return (text if header.endswith("-") else text + "\n"), j - 1


def _block_line(indent: str) -> re.Pattern[str]:
    found = _BLOCK.get(indent)
    if found is None:
        found = _BLOCK[indent] = re.compile(
            r"^((" + indent + r"(?:  )?)(- )?(" + _KEY + r")(: ++)(" + _BLOCK_VALUE + r")(?: ++#[^\n]*+| *+))$", re.M)
    return found


def _block_value(value: str) -> Any:
    """The value of a simple block line as YAML reads it (:class:`Plain` if not a string), or :data:`_NOT_SIMPLE`.

    :data:`_BLOCK_SCALAR` for the header of a block scalar (``>``, ``>-``, ``|``, ``|-``).
    """
    first = value[0]
    if first in ">|":
        return _BLOCK_SCALAR
    if first == '"':
        body = value[1:-1]
        if "\\" in body:
            try:
                return _plainyaml._Reader.double(body)
            except Exception:  # noqa: BLE001 - an escape beyond the line reader: the record is read whole
                return _NOT_SIMPLE
        return body
    if first == "'":
        return value[1:-1].replace("''", "'")
    if first == "[":
        items: list[Any] = []
        inside = value[1:-1]
        if not inside.strip(" "):
            return items
        at = 0
        while at < len(inside):
            m = _FLOW_ITEM.match(inside, at)
            if m is None or m.end() == at:
                return _NOT_SIMPLE
            dq, sq, plain = m.groups()
            if dq is not None:
                items.append(dq)
            elif sq is not None:
                items.append(sq.replace("''", "'"))
            else:
                items.append(_resolved(plain.rstrip(" ")))
            at = m.end()
        if inside.rstrip(" ").endswith(","):
            return _NOT_SIMPLE  # a trailing comma
        return items
    return _resolved(value)


def _resolved(raw: str) -> Any:
    """A plain scalar *raw*: itself if YAML reads it as a string, else :class:`Plain`."""
    if _LOOKED_AT_SET is not None and raw[0] not in _LOOKED_AT_SET:
        return raw
    found = _PLAINS.get(raw)
    if found is None:
        global _READER
        if _READER is None:
            _READER = _plainyaml._Reader()
        try:
            node = _READER.plain(raw, 1, 1)
        except Exception:  # noqa: BLE001 - a tag outside the core schema: not simple
            raise _Decline from None
        found = raw if type(node.value) is str else Plain(node.value, raw)
        if len(_PLAINS) < 10_000:
            _PLAINS[raw] = found
    return found


_PLAINS: dict[str, Any] = {}
_READER: _plainyaml._Reader | None = None


def _exact_record(lines: list[str], offset: int) -> Record | None:
    """A record read by the full YAML reader from its own lines (*offset*: lines before them)."""
    text = "\n".join(lines) + "\n"
    if _NODE_PROPERTY.search(text):
        return None
    # every line after the first (comments and blank lines aside) inside the item: the lines
    # mean on their own what they mean in the section
    dash = len(lines[0]) - len(lines[0].lstrip(" "))
    for line in lines[1:]:
        stripped = line.lstrip(" ")
        if stripped and not stripped.startswith("#") and len(line) - len(stripped) <= dash:
            return None
    try:
        root = _tree.parse_yaml(text, "")
    except Exception:  # noqa: BLE001 - any problem: the located path reports it
        return None
    if root.kind != "seq" or len(root.items) != 1 or root.items[0].kind != "map":
        return None
    fields, at, column, quote, silence = _node_record(root.items[0])
    return (fields, at + offset, column, (quote[0] + offset, quote[1]) if quote else None,
            (silence[0] + offset, silence[1]) if silence else None)


_TEMPLATES: dict[tuple[str, str, tuple[str, ...]], re.Pattern[str]] = {}
_FLOW_KEYS = re.compile(r"(?:\{|, )(" + _KEY + r"): ")


def _templated(text: str, skeleton: str, quoted: list[str], indent: str, flow: bool) -> \
        tuple[tuple[str, ...], dict[str, list[str]]] | None:
    """A run's records by column when each has its first record's keys in that order, or None.

    *skeleton* is the run with NUL for each of its *quoted* values (in order). One
    pattern made of the first record's keys (those keys, in that order, around
    canonical values: :data:`_CANON_LINE`, or the block records of :func:`_block_run`)
    must match the whole skeleton; then each separator before a value (a record's start
    and first key, a later key) is one known string, and one ``str.split`` gives the
    values alone, record by record. None when the pattern does not match (the keys
    differ somewhere, or a line is not canonical): the caller then reads the run as
    before.
    """
    if _SEP in text:
        return None
    if flow:
        first = skeleton[:skeleton.find("\n")] if "\n" in skeleton else skeleton
        names = tuple(_FLOW_KEYS.findall(first))
    else:
        cut = skeleton.find("\n" + indent + "- ")
        first = skeleton[:cut] if cut >= 0 else skeleton
        names = tuple(m.group(1) for m in re.finditer("^" + indent + "(?:- |  )(" + _KEY + "): ", first, re.M))
    if not names or len(set(names)) != len(names):
        return None
    pattern = _TEMPLATES.get((indent, "flow" if flow else "block", names))
    if pattern is None:
        if flow:
            value = r"(?:\x00|" + _PLAIN + ")"
            line = indent + r"- \{" + ", ".join(k + ": " + value for k in names) + r"\}"
        else:
            value = r"(?:\x00|" + _BLOCK_CANON_PLAIN + ")"
            line = indent + "- " + (r"\n" + indent + "  ").join(k + ": " + value for k in names)
        pattern = re.compile(line + r"(?:\n" + line + r")*+")
        if len(_TEMPLATES) < 64:
            _TEMPLATES[(indent, "flow" if flow else "block", names)] = pattern
    if pattern.fullmatch(skeleton) is None:
        return None
    first_key, m = names[0], len(names)
    # the skeleton from the first value to the end of the last, each separator before a value made _SEP
    if flow:
        body = skeleton[len(indent) + len(first_key) + 5:-1].replace("}\n" + indent + "- {" + first_key + ": ", _SEP)
        for key in names[1:]:
            body = body.replace(", " + key + ": ", _SEP)
    else:
        body = skeleton[len(indent) + len(first_key) + 4:].replace("\n" + indent + "- " + first_key + ": ", _SEP)
        for key in names[1:]:
            body = body.replace("\n" + indent + "  " + key + ": ", _SEP)
    parts = body.split("\x00")
    if len(parts) != len(quoted) + 1:
        return None
    joined = [""] * (len(parts) + len(quoted))
    joined[0::2] = parts
    joined[1::2] = quoted
    flat = "".join(joined).split(_SEP)
    if len(flat) % m:
        return None
    return names, {key: flat[j::m] for j, key in enumerate(names)}


# the separator and the record mark of _table: characters that no text read here holds
# (read_yaml declines every control character but the line break; _table checks anyway)
_SEP, _MARK = "\x01", "\x02"


def _table(text: str, body: str, record_sep: str, pair_sep: str, quoted: list[str]) -> \
        tuple[tuple[str, ...], dict[str, list[str]]] | None:
    """A run's records by column when all of them have the same keys in the same order, or None.

    *text* is the run as written and *body* its skeleton (NUL for each of the *quoted* values, in order) from its
    first key to the end of its last value, with *record_sep* between two records,
    *pair_sep* between two pairs of a record, and ``: `` after each key (and nowhere
    else). With each separator made one character that no value holds, the values are
    one ``str.split`` of the text, keys and values in turn; a mark before each record's
    first key tells the records apart, so that comparing the keys with the first
    record's, repeated, proves that every record has those keys, in that order (and none
    twice). Returns the keys and each key's values, record by record.
    """
    if _SEP in text or _MARK in text:
        return None
    parts = body.replace(record_sep, _SEP + _MARK).replace(pair_sep, _SEP).replace(": ", _SEP).split("\x00")
    if len(parts) != len(quoted) + 1:
        return None
    parts[0] = _MARK + parts[0]
    joined = [""] * (len(parts) + len(quoted))
    joined[0::2] = parts
    joined[1::2] = quoted
    flat = "".join(joined).split(_SEP)
    if len(flat) % 2:
        return None
    keys = flat[0::2]
    try:
        m = keys.index(keys[0], 1)  # the second record's first key
    except ValueError:
        m = len(keys)  # one record
    names = (keys[0][1:], *keys[1:m])
    if len(keys) % m or keys != keys[:m] * (len(keys) // m) or len(set(names)) != m \
            or any(k.startswith(_MARK) for k in names[1:]):  # (another record's start among them)
        return None
    return names, {name: flat[2 * j + 1::2 * m] for j, name in enumerate(names)}


def _decode(parts: list[str], quoted: list[str], skeleton: str) -> list[dict[str, Any]] | None:
    """The records of a section turned into JSON text: *parts* (the skeleton split at each
    quoted value) interleaved with the *quoted* values, read by the C decoder; None when
    the skeleton holds more ``: `` than the records have keys (a key given twice)."""
    joined = [""] * (len(parts) + len(quoted))
    joined[0::2] = parts
    joined[1::2] = quoted
    data: list[dict[str, Any]] = json.loads('[{"' + "".join(joined) + '"}]')
    if sum(map(len, data)) != skeleton.count(": "):
        return None
    return data


def _run(text: str, first_line: int, indent: str) -> list[Record] | Columns | None:
    """The records of consecutive canonical lines (see :data:`_CANON_LINE`), or None if they are not.

    When every record has the same keys in the same order they come as :class:`Columns`
    (:func:`_templated` when the first record's keys make a pattern of the whole run,
    else :func:`_table`), else as a list of records (turned into JSON for the C decoder).
    """
    if not text.startswith(indent + "- {") or "\\" in text:
        return None
    pieces = text.split('"')
    if len(pieces) % 2 == 0:
        return None
    quoted = pieces[1::2]
    skeleton = "\x00".join(pieces[0::2])
    # no quoted scalar over two lines, and every line canonical
    breaks = text.count("\n")
    if skeleton.count("\n") != breaks:
        return None
    table = _templated(text, skeleton, quoted, indent, True)  # (a match is canonical too)
    if table is None and _canon(indent)[1].fullmatch(skeleton) is None:
        return None
    if _UNSURE is not None:  # plain scalars YAML might read as something else than a string
        for raw in set(_UNSURE.findall(skeleton)):
            if not _is_string(raw):
                return None
    column = len(indent) + 3
    body = skeleton[len(indent) + 3:-1]
    if table is None:
        table = _table(text, body, "}\n" + indent + "- {", ", ", quoted)
    if table is not None:
        names, values = table
        n = breaks + 1  # one record a line
        if len(values[names[0]]) != n:
            return None
        at = range(first_line, first_line + n)
        if "quote" not in values:
            return Columns(names, values, list(at), column, None)
        lines = text.split("\n")
        keys = list(map(str.find, lines, repeat("quote: ")))
        again = list(map(str.find, lines, repeat("quote:"), map(add, keys, repeat(1))))
        if max(again) < 0:  # the key once on each line: that is the key
            return Columns(names, values, list(at), column, list(zip(at, map(add, keys, repeat(8)))))
        return Columns(names, values, list(at), column,
                       [(first_line + k, key + 8) if more < 0 else _quote_at(line, first_line + k, column)
                        for k, (line, key, more) in enumerate(zip(lines, keys, again))])
    # `INDENT- {` … `}` on each line: between two records, `}\nINDENT- {` becomes `"},{"`
    parts = body.replace("}\n" + indent + "- {", '"},{"').replace(", ", '", "').replace(": ", '": "').split("\x00")
    data = _decode(parts, quoted, skeleton)
    if data is None:
        return None
    at = range(first_line, first_line + len(data))  # one record a line
    if "quote: " not in text:  # no record has a quote (a key is always followed by ': ')
        return list(zip(data, at, repeat(column), repeat(None), repeat(None)))
    lines = text.split("\n")
    # where `quote: ` is on each line, and whether it is there once (then it is the key)
    keys = list(map(str.find, lines, repeat("quote: ")))
    again = list(map(str.find, lines, repeat("quote:"), map(add, keys, repeat(1))))
    if max(again) < 0 and all(map(dict.__contains__, data, repeat("quote"))):
        # each line has the key once, and each record a quote: the key is that one
        return list(zip(data, at, repeat(column), zip(at, map(add, keys, repeat(8))), repeat(None)))
    return [(fields, first_line + k, column, None if "quote" not in fields else (first_line + k, key + 8)
             if more < 0 else _quote_at(line, first_line + k, column), None)
            for k, (fields, line, key, more) in enumerate(zip(data, lines, keys, again))]


_RESOLVER, _SCALAR_NODE, _LOOKED_AT = _resolver()
_LOOKED_AT_SET = frozenset(re.sub(r"\\(.)", r"\1", _LOOKED_AT)) if _LOOKED_AT else None
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


# A canonical block record: `- key: value` then `  key: value` lines, one space after each
# colon, each value a double-quoted scalar without escapes or a plain scalar that starts
# with no indicator, holds none of "#:\ and the quote character, and ends without a space.
# In a run of them (split at its double quotes) ': ' only follows keys and each line break
# starts a key or a record, so `str.replace` turns the run into JSON, as in :func:`_run`.
_BLOCK_CANON_PLAIN = r"[^\s\-?:,\[\]{}#&*!|>'\"%@`\\\x00][^\s#:\"\\\x00]*+(?: ++[^\s#:\"\\\x00]++)*+"
_BLOCK_CANON: dict[str, re.Pattern[str]] = {}
_BLOCK_UNSURE = re.compile(r": ([" + _LOOKED_AT + r"][^\n\x00]*+)") if _LOOKED_AT else None


def _block_run(text: str, first_line: int, indent: str, origin: list[int] | None = None) \
        -> list[Record] | Columns | None:
    """The records of a section made only of canonical block records, or None.

    As :class:`Columns` when every record has the same keys in the same order
    (:func:`_templated`, else :func:`_table`).

    *origin*: for the lines of a section rewritten by :func:`_unfolded`, the index in
    the section of each line of *text* (by default line ``k`` is the section's line ``k``).
    """
    if "\\" in text or not text.startswith(indent + "- "):
        return None
    pieces = text.split('"')
    if len(pieces) % 2 == 0:
        return None
    quoted = pieces[1::2]
    skeleton = "\x00".join(pieces[0::2])
    pattern = _BLOCK_CANON.get(indent)
    if pattern is None:
        pair = _KEY + r": (?:\x00|" + _BLOCK_CANON_PLAIN + ")"
        record = indent + "- " + pair + r"(?:\n" + indent + "  " + pair + ")*+"
        pattern = _BLOCK_CANON[indent] = re.compile(record + r"(?:\n" + record + ")*+")
    if skeleton.count("\n") != text.count("\n"):
        return None
    table = _templated(text, skeleton, quoted, indent, False)  # (a match is canonical too)
    if table is None and pattern.fullmatch(skeleton) is None:
        return None
    if _BLOCK_UNSURE is not None:
        for raw in set(_BLOCK_UNSURE.findall(skeleton)):
            if not _is_string(raw):
                return None
    column = len(indent) + 3
    body = skeleton[len(indent) + 2:]
    if table is None:
        table = _table(text, body, "\n" + indent + "- ", "\n" + indent + "  ", quoted)
    if table is not None:
        names, values = table
        m = len(names)
        n = len(values[names[0]])
        if n * m != skeleton.count("\n") + 1:  # (each pair on a line of its own)
            return None
        lines_at: Any = (lambda k: first_line + origin[k]) if origin is not None else first_line.__add__
        quotes_at = None
        if "quote" in values:
            j = names.index("quote")  # the quote's line in each record
            quotes_at = list(zip(map(lines_at, range(j, n * m, m)), repeat(column + 7)))
        return Columns(names, values, list(map(lines_at, range(0, n * m, m))), column, quotes_at)
    parts = body.replace("\n" + indent + "- ", '"},{"').replace("\n" + indent + "  ", '", "') \
        .replace(": ", '": "').split("\x00")
    data = _decode(parts, quoted, skeleton)
    if data is None:
        return None
    lines = text.split("\n")
    opening = indent + "- "
    starts = list(compress(range(len(lines)), map(str.startswith, lines, repeat(opening))))
    if len(starts) != len(data):
        return None
    if origin is not None:
        lines_of = [first_line + k for k in origin]  # each line's number in the document
        at = list(map(lines_of.__getitem__, starts))
    else:
        at = list(map(add, starts, repeat(first_line)))
    quoted_records = [("quote" in fields) for fields in data]
    if not any(quoted_records):
        return list(zip(data, at, repeat(column), repeat(None), repeat(None)))
    quote_lines = list(compress(range(len(lines)), map(str.startswith, lines, repeat(indent + "  quote: "))))
    ends = starts[1:] + [len(lines)]
    if all(quoted_records) and len(quote_lines) == len(data) and all(map(lt, starts, quote_lines)) \
            and all(map(lt, quote_lines, ends)):  # one quote line inside each record
        quote_at = map(lines_of.__getitem__, quote_lines) if origin is not None \
            else map(add, quote_lines, repeat(first_line))
        return list(zip(data, at, repeat(column), zip(quote_at, repeat(column + 7)), repeat(None)))
    records: list[Record] = []
    found = set(quote_lines)
    for fields, start, end, line in zip(data, starts, ends, at):
        quote = None
        if "quote" in fields:
            if lines[start].startswith(opening + "quote: "):
                quote = (line, column + 7)
            else:
                k = next((k for k in range(start + 1, end) if k in found), None)
                if k is None:
                    return None
                quote = (lines_of[k] if origin is not None else first_line + k, column + 7)
        records.append((fields, line, column, quote, None))
    return records


_BLOCK_SPECIAL: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {}


def _unfolded(body: str, indent: str) -> tuple[str, list[int]] | None:
    """A block section with its comment lines left out and each plain block scalar on one line.

    Comment lines must stand at the records' indentation (``  # …``). A block scalar
    (``>``, ``>-``, ``|``, ``|-`` after the key of a record's later line, one space
    after the colon) must be one that :func:`_block_scalar` reads, and its text one that
    a double-quoted scalar holds without escapes: it becomes ``key: "text"`` on its
    header's line. Returns the new text and, for each of its lines, the index of the
    section's line it comes from (for :func:`_block_run`), or None when there is no
    such line or one of them is beyond these shapes.
    """
    comment, inner = indent + "#", indent + "  "
    found = _BLOCK_SPECIAL.get(indent)
    if found is None:
        found = _BLOCK_SPECIAL[indent] = (re.compile(inner + "(" + _KEY + r"): ([>|]-?)"),
                                          re.compile(r"\n(?:" + comment + "|" + inner + _KEY + r": [>|]-?\n)"))
    header, specials = found
    special: list[int] = []  # the indexes of the comment and header lines
    k = at = 0
    for m in specials.finditer("\n" + body):
        k += body.count("\n", at, m.start())  # (m.start() is where the line starts in body)
        at = m.start()
        special.append(k)
    if not special:
        return None
    lines = body.split("\n")
    out: list[str] = []
    origin: list[int] = []
    done = 0  # the lines before this one are in out, or left out
    for k in special:
        if k < done:
            continue  # a line of a block scalar read already
        out += lines[done:k]
        origin += range(done, k)
        line = lines[k]
        done = k + 1
        if line.startswith(comment):
            continue
        head = header.fullmatch(line)
        if head is None:
            return None
        value, last = _block_scalar(lines, k, len(inner), head.group(2))
        if value is _NOT_SIMPLE or '"' in value or "\\" in value or not value.isprintable():
            return None
        out.append(f'{inner}{head.group(1)}: "{value}"')
        origin.append(k)
        done = last + 1
    out += lines[done:]
    origin += range(done, len(lines))
    return "\n".join(out), origin


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
_SURROGATES = re.compile(r"\\u[dD][89a-fA-F]")


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False

# from just after a record's `{`: the record's other keys and values, up to its `"quote"` key
# (None when a nested list or object comes first)
_QUOTE_KEY = re.compile(r'(?:[^"{}\[\]]++|"(?!quote"\s*+:)(?:[^"\\]++|\\.)*+")*+"quote"\s*+:\s*+')
_WS = re.compile(r"[ \t\n\r]*+")
# what follows a record in its list: a comma and the next record's start, or the closing bracket
_AFTER_RECORD = re.compile(r"[ \t\n\r]*+(?:,[ \t\n\r]*+(?=\{)|(\]))")
_skip: Callable[..., re.Match[str]] = _WS.match  # type: ignore[assignment]  # it always matches


def read_json(text: str) -> dict[str, Any] | None:
    """A JSON native map read as described in the module docstring, or None.

    The text is walked at its top level with the C decoder, each section record by
    record (so that each record's start is known), everything else value by value.
    """
    if ("\\u" in text and _SURROGATES.search(text)) or (not text.isascii() and _has_surrogate(text)):
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
    scan = _DECODER.scan_once  # type: ignore[attr-defined]  # the C scanner itself (raw_decode is a Python wrapper around it)
    after = _AFTER_RECORD.match
    quote_key = _QUOTE_KEY.match
    records: list[Record] = []
    append = records.append
    if text.startswith("]", pos):
        return records, pos + 1
    # (line, column) counted on from the last offset asked for
    line, last = lines.line, lines.offset
    while True:
        if text[pos] != "{":
            raise _Decline  # not a record: the located path says so
        line += text.count("\n", last, pos)
        start = (line, pos - text.rfind("\n", 0, pos))
        last = pos
        try:
            fields, end = scan(text, pos)
        except StopIteration:
            raise _Decline from None
        quote = silence = None
        if "quote" in fields:
            m = quote_key(text, pos + 1, end)
            if m is not None:
                at = m.end()
                line += text.count("\n", last, at)
                last = at
                quote = (line, at - text.rfind("\n", 0, at))
            else:
                lines.line, lines.offset = line, last
                quote = _json_value_at(text, pos, "quote", lines)
                line, last = lines.line, lines.offset
        if "silence" in fields:
            lines.line, lines.offset = line, last
            silence = _json_value_at(text, pos, "silence", lines)
            line, last = lines.line, lines.offset
        append((fields, start[0], start[1], quote, silence))
        m = after(text, end)
        if m is None:
            raise _Decline
        pos = m.end()
        if m.group(1) == "]":
            lines.line, lines.offset = line, last
            return records, pos


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
