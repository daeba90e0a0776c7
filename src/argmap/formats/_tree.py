"""Located document trees: YAML and JSON parsed into nodes that know their line and column.

Both syntaxes of the native format are first parsed into the same small tree of
:class:`Node` s, so that the schema checks in :mod:`argmap.formats.native` can name
``file:line:col`` for every problem, whichever syntax the file uses.

YAML is read safely: PyYAML *composes* the document (no Python objects are ever
built), any tag outside YAML's core schema is refused, recursive aliases are
refused, and alias expansion is bounded (a "billion laughs" file fails fast).

Examples
--------
>>> root = parse_json('{"a": [1, "x"]}', "m.json")
>>> root.get("a").items[1].value, root.get("a").items[1].line, root.get("a").items[1].column
('x', 1, 11)
>>> parse_yaml("a:\\n  - 1\\n", "m.yaml").get("a").items[0].value
1
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import MapFormatError

__all__ = ["Node", "parse_yaml", "parse_json", "MAX_NODES", "MAX_DEPTH"]

#: Upper bound on nodes after alias expansion (a defence against alias bombs).
MAX_NODES = 5_000_000
#: Upper bound on nesting depth.
MAX_DEPTH = 64


@dataclass
class Node:
    """One node of a located document tree.

    Attributes
    ----------
    kind : {"map", "seq", "scalar"}
    value : Any
        For scalars the Python value (str, int, float, bool or None).
    pairs : list of (Node, Node)
        For maps: ``(key, value)`` in file order (keys are scalar nodes).
    items : list of Node
        For sequences.
    line, column : int
        1-based position of the node's first character.
    raw : str or None
        For YAML plain scalars, the text as written (so ``title: yes`` can stay a string).
    """

    kind: str
    line: int
    column: int
    value: Any = None
    pairs: list[tuple[Node, Node]] = field(default_factory=list)
    items: list[Node] = field(default_factory=list)
    raw: str | None = None

    def get(self, key: str) -> Node | None:
        """The value node under *key* in a map node, or None."""
        for k, v in self.pairs:
            if k.value == key:
                return v
        return None

    def type_name(self) -> str:
        """A word for this node's type, for error messages."""
        if self.kind == "map":
            return "a mapping"
        if self.kind == "seq":
            return "a list"
        if self.value is None:
            return "null"
        return {bool: "a boolean", int: "a number", float: "a number", str: "a string"}.get(
            type(self.value), type(self.value).__name__)


# -- YAML -------------------------------------------------------------------------------

_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = {"str", "int", "float", "bool", "null", "timestamp"}


def parse_yaml(text: str, path: str | Path) -> Node:
    """Parse one YAML document into a located :class:`Node` tree.

    Raises
    ------
    MapFormatError
        On a syntax error, several documents, a non-core tag, a recursive alias,
        or an alias expansion beyond :data:`MAX_NODES` nodes.
    """
    import yaml

    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        loader = loader_cls(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        msg = " ".join(p for p in (exc.context, exc.problem) if p) or "invalid YAML"
        if "expected a single document" in msg:
            msg = "the file holds several YAML documents; a map is one document"
        raise MapFormatError(f"YAML syntax error: {msg}", path=path,
                             line=mark.line + 1 if mark else None,
                             column=mark.column + 1 if mark else None,
                             hint="check indentation, colons and quoting near here") from None
    except yaml.YAMLError as exc:
        raise MapFormatError(f"YAML error: {exc}", path=path) from None
    if root is None:
        raise MapFormatError("the file is empty", path=path, line=1, column=1,
                             hint="a map starts with `argmap: 1`")
    budget = [MAX_NODES]
    return _convert_yaml(root, path, budget, set(), 0)


def _convert_yaml(node: Any, path: str | Path, budget: list[int], stack: set[int], depth: int) -> Node:
    import yaml

    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    budget[0] -= 1
    if budget[0] < 0:
        raise MapFormatError("the document expands to too many nodes (alias bomb?)", path=path,
                             line=line, column=col, hint="avoid deep reuse of anchors and aliases")
    if depth > MAX_DEPTH:
        raise MapFormatError(f"nesting deeper than {MAX_DEPTH} levels", path=path, line=line, column=col)
    tag = node.tag or ""
    if id(node) in stack:
        raise MapFormatError("recursive alias", path=path, line=line, column=col,
                             hint="an anchor may not contain an alias to itself")
    if isinstance(node, yaml.ScalarNode):
        short = tag[len(_CORE):] if tag.startswith(_CORE) else None
        if short == "merge":
            raise MapFormatError("merge keys (<<) are not allowed", path=path, line=line,
                                 column=col, hint="write the keys out")
        if short not in _SCALAR_TAGS:
            raise MapFormatError(f"tag {_show(tag)!r} is not allowed", path=path, line=line, column=col,
                                 hint="argmap reads plain YAML: strings, numbers, lists, mappings")
        return Node("scalar", line, col, value=_scalar_value(short, node), raw=node.value)
    if isinstance(node, yaml.SequenceNode):
        if tag != _CORE + "seq":
            raise MapFormatError(f"tag {_show(tag)!r} is not allowed", path=path, line=line, column=col)
        stack.add(id(node))
        items = [_convert_yaml(n, path, budget, stack, depth + 1) for n in node.value]
        stack.discard(id(node))
        return Node("seq", line, col, items=items)
    if tag != _CORE + "map":
        raise MapFormatError(f"tag {_show(tag)!r} is not allowed", path=path, line=line, column=col,
                             hint="sets, ordered maps and merge keys are not part of the map format")
    stack.add(id(node))
    pairs = []
    for k, v in node.value:
        key = _convert_yaml(k, path, budget, stack, depth + 1)
        if key.kind != "scalar":
            raise MapFormatError("a mapping key must be a plain word", path=path,
                                 line=key.line, column=key.column)
        pairs.append((key, _convert_yaml(v, path, budget, stack, depth + 1)))
    stack.discard(id(node))
    _check_duplicates(pairs, path)
    return Node("map", line, col, pairs=pairs)


def _show(tag: str) -> str:
    return "!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag


def _scalar_value(short: str, node: Any) -> Any:
    raw = node.value
    if short == "str" or short == "timestamp":
        return raw
    if short == "null":
        return None
    if short == "bool":
        return raw.lower() in ("yes", "true", "on", "y")
    if short == "int":
        cleaned = raw.replace("_", "")
        try:
            if cleaned.lower().startswith(("0x", "-0x", "+0x")):
                return int(cleaned, 16)
            if cleaned.lower().startswith(("0o", "-0o", "+0o")):
                return int(cleaned, 8)
            if cleaned.lower().startswith(("0b", "-0b", "+0b")):
                return int(cleaned, 2)
            if ":" in cleaned:  # YAML 1.1 sexagesimal: keep the text
                return raw
            return int(cleaned, 10)
        except ValueError:
            return raw
    if short == "float":
        try:
            return float(raw.replace("_", ""))
        except ValueError:
            return raw
    return raw  # pragma: no cover - guarded by _SCALAR_TAGS


def _check_duplicates(pairs: list[tuple[Node, Node]], path: str | Path) -> None:
    seen: dict[Any, Node] = {}
    for key, _ in pairs:
        hashable = key.value if not isinstance(key.value, (list, dict)) else repr(key.value)
        if hashable in seen:
            first = seen[hashable]
            raise MapFormatError(f"duplicate key {key.value!r} (first at line {first.line})",
                                 path=path, line=key.line, column=key.column,
                                 hint="each key may appear once in a mapping")
        seen[hashable] = key


# -- JSON -------------------------------------------------------------------------------

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_LITERALS = {"true": True, "false": False, "null": None}


class _JsonParser:
    """A small recursive-descent JSON parser (RFC 8259) that records positions."""

    def __init__(self, text: str, path: str | Path) -> None:
        self.text = text
        self.path = path
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.budget = MAX_NODES

    def where(self, pos: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, pos)
        return line, pos - self.starts[line - 1] + 1

    def fail(self, pos: int, message: str, hint: str | None = None) -> MapFormatError:
        line, col = self.where(pos)
        return MapFormatError(f"JSON syntax error: {message}", path=self.path, line=line,
                              column=col, hint=hint)

    def skip(self, pos: int) -> int:
        return _WS.match(self.text, pos).end()  # type: ignore[union-attr]

    def parse(self) -> Node:
        pos = self.skip(0)
        if pos >= len(self.text):
            raise MapFormatError("the file is empty", path=self.path, line=1, column=1,
                                 hint='a map starts with {"argmap": 1, ...}')
        node, pos = self.value(pos, 0)
        pos = self.skip(pos)
        if pos != len(self.text):
            raise self.fail(pos, "extra data after the document")
        return node

    def value(self, pos: int, depth: int) -> tuple[Node, int]:
        self.budget -= 1
        if depth > MAX_DEPTH or self.budget < 0:
            raise self.fail(pos, "document too deep or too large")
        text = self.text
        line, col = self.where(pos)
        ch = text[pos] if pos < len(text) else ""
        if ch == "{":
            node = Node("map", line, col)
            pos = self.skip(pos + 1)
            if text.startswith("}", pos):
                return node, pos + 1
            while True:
                if not text.startswith('"', pos):
                    raise self.fail(pos, "expected a quoted key", 'keys are written "like_this"')
                key, pos = self.value(pos, depth + 1)
                pos = self.skip(pos)
                if not text.startswith(":", pos):
                    raise self.fail(pos, "expected ':' after the key")
                val, pos = self.value(self.skip(pos + 1), depth + 1)
                node.pairs.append((key, val))
                pos = self.skip(pos)
                if text.startswith(",", pos):
                    pos = self.skip(pos + 1)
                    if text.startswith("}", pos):
                        raise self.fail(pos, "trailing comma before '}'")
                    continue
                if text.startswith("}", pos):
                    _check_duplicates(node.pairs, self.path)
                    return node, pos + 1
                raise self.fail(pos, "expected ',' or '}'")
        if ch == "[":
            node = Node("seq", line, col)
            pos = self.skip(pos + 1)
            if text.startswith("]", pos):
                return node, pos + 1
            while True:
                item, pos = self.value(pos, depth + 1)
                node.items.append(item)
                pos = self.skip(pos)
                if text.startswith(",", pos):
                    pos = self.skip(pos + 1)
                    if text.startswith("]", pos):
                        raise self.fail(pos, "trailing comma before ']'")
                    continue
                if text.startswith("]", pos):
                    return node, pos + 1
                raise self.fail(pos, "expected ',' or ']'")
        if ch == '"':
            try:
                value, end = json.decoder.scanstring(text, pos + 1, True)
            except json.JSONDecodeError as exc:
                raise self.fail(exc.pos, exc.msg.lower()) from None
            return Node("scalar", line, col, value=value), end
        for word, literal in _LITERALS.items():
            if text.startswith(word, pos):
                return Node("scalar", line, col, value=literal), pos + len(word)
        m = _NUMBER.match(text, pos)
        if m and m.end() > pos:
            number = float(m.group()) if (m.group(1) or m.group(2)) else int(m.group())
            return Node("scalar", line, col, value=number), m.end()
        if not ch:
            raise self.fail(pos, "unexpected end of file")
        raise self.fail(pos, f"unexpected character {ch!r}")


def parse_json(text: str, path: str | Path) -> Node:
    """Parse a JSON document into a located :class:`Node` tree.

    Duplicate keys are refused (plain :func:`json.loads` keeps the last silently).

    Raises
    ------
    MapFormatError
        On any syntax error, located at the offending character.
    """
    return _JsonParser(text, path).parse()
