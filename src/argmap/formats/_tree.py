"""Located document trees: YAML and JSON parsed into nodes that know their line and column.

Both syntaxes of the native format are first parsed into the same small tree of
:class:`Node` s, so that the schema checks in :mod:`argmap.formats.native` can name
``file:line:col`` for every problem, whichever syntax the file uses.

YAML is read safely: the tree is composed here from PyYAML's parser events (no
Python objects are ever constructed), any tag outside YAML's core schema is
refused, recursive aliases are refused, and aliases share nodes while their
expanded size is budgeted, so the work is linear in the file's length (a "billion
laughs" file fails at the first alias over the budget). JSON numbers are at most
:data:`MAX_NUMBER_LENGTH` characters long and lone surrogates are refused. Both
syntaxes nest at most :data:`MAX_DEPTH` levels.

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
import gc
import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._jsondump import dumps as dumps_indented
from ..errors import MapFormatError

__all__ = ["Node", "parse_yaml", "parse_json", "to_python", "expansion_limit", "paused_gc", "dump_json",
           "EXPANSION_FACTOR", "EXPANSION_ALLOWANCE", "MAX_DEPTH", "MAX_NUMBER_LENGTH"]

#: Aliases may expand a YAML document to at most this many work units per character
#: of its text, plus :data:`EXPANSION_ALLOWANCE` (a unit: one node, or one character of
#: a scalar). A document without aliases stays well below it.
EXPANSION_FACTOR = 4
#: Work units every YAML document may use whatever its length.
EXPANSION_ALLOWANCE = 100_000
#: Upper bound on nesting depth (YAML and JSON).
MAX_DEPTH = 64
#: The longest number a JSON document may write, in characters.
MAX_NUMBER_LENGTH = 1000


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while building a large tree of objects.

    Each of its full passes walks every object alive, and building 10⁶ nodes sets
    off enough of them to cost several times the building itself. The nodes hold no
    cycles that need it; the collector runs again (as it was) at the end.

    At the end every object the collector tracks joins its oldest generation
    (``gc.freeze()`` then at once ``gc.unfreeze()``, which moves the tracked objects there
    and sets the young generation's count back to zero): otherwise the objects built
    meanwhile would all sit in the youngest generation, and the next allocations would
    walk them in a young pass, then again in the middle one, and set off full passes
    (at 10⁵ claims, three of them, 0.2 s of a map command). They are still collected
    as usual, at the next full pass; nothing stays frozen.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


@dataclass(slots=True)
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


def to_python(node: Node) -> Any:
    """Plain Python data (dict, list, scalars) for a tree from :func:`parse_yaml` or :func:`parse_json`.

    Nodes shared through YAML aliases stay shared (as with ``yaml.safe_load``), so
    this costs time linear in the file, not in the expansion.

    >>> to_python(parse_yaml("a: &x [1, two]\\nb: *x\\n", "m.yaml"))
    {'a': [1, 'two'], 'b': [1, 'two']}
    """
    memo: dict[int, Any] = {}

    def build(n: Node) -> Any:
        hit = memo.get(id(n))
        if hit is not None:
            return hit
        if n.kind == "scalar":
            return n.value
        if n.kind == "seq":
            out: Any = [build(item) for item in n.items]
        else:
            out = {k.value: build(v) for k, v in n.pairs}
        memo[id(n)] = out
        return out

    return build(node)


# -- YAML -------------------------------------------------------------------------------

_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = {"str", "int", "float", "bool", "null", "timestamp"}


def expansion_limit(text: str) -> int:
    """The most work units a document of *text* may expand to (see :data:`EXPANSION_FACTOR`).

    >>> expansion_limit("a: 1")
    100016
    """
    return EXPANSION_FACTOR * len(text) + EXPANSION_ALLOWANCE


def parse_yaml(text: str, path: str | Path) -> Node:
    """Parse one YAML document into a located :class:`Node` tree.

    A document in the plain subset of YAML that maps are written in is read by the
    faster :mod:`argmap.formats._plainyaml`, which builds the same tree; any other
    is composed here from PyYAML's parser events (no Python objects are ever
    constructed). An alias does not copy its anchor: it shares the anchor's
    node, and adds the anchor's *expanded size* to a running total, so a "billion
    laughs" file is refused at the alias that crosses :func:`expansion_limit`, after
    work proportional to the file's length (not to its expansion).

    Raises
    ------
    MapFormatError
        On a syntax error, several documents, a non-core tag, a merge key, an
        undefined or recursive alias, nesting deeper than :data:`MAX_DEPTH`, or an
        expansion beyond :func:`expansion_limit` (``the document expands through
        aliases to more than N nodes and characters``).
    """
    with paused_gc():
        return _parse_yaml(text, path)


def _parse_yaml(text: str, path: str | Path) -> Node:
    from . import _plainyaml

    plain = _plainyaml.parse(text, path)
    if plain is not None:
        return plain
    import yaml

    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        loader = loader_cls(text)
        try:
            root = _YamlComposer(loader, path, expansion_limit(text)).document()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        msg = " ".join(p for p in (exc.context, exc.problem) if p) or "invalid YAML"
        raise MapFormatError(f"YAML syntax error: {msg}", path=path,
                             line=mark.line + 1 if mark else None,
                             column=mark.column + 1 if mark else None,
                             hint="check indentation, colons and quoting near here") from None
    except yaml.YAMLError as exc:
        raise MapFormatError(f"YAML error: {exc}", path=path) from None
    return root


class _YamlComposer:
    """Build :class:`Node` s from parser events, with a budget on the expanded size.

    ``size[id(node)]`` is the node's expanded size in work units: 1 per node plus
    the length of each scalar's text, counting an alias as a full copy of its
    anchor. Aliases share nodes, so building costs O(events); the budget bounds
    the work of everything that walks the tree afterwards.
    """

    def __init__(self, loader: Any, path: str | Path, limit: int) -> None:
        self.loader = loader
        self.path = path
        self.limit = limit
        self.total = 0
        self.anchors: dict[str, Node] = {}
        self.open_anchors: set[str] = set()
        self.size: dict[int, int] = {}

    def fail(self, mark: Any, message: str, hint: str | None = None) -> MapFormatError:
        return MapFormatError(message, path=self.path, line=mark.line + 1, column=mark.column + 1, hint=hint)

    def document(self) -> Node:
        import yaml

        events = self.loader
        events.get_event()  # StreamStartEvent
        if events.check_event(yaml.StreamEndEvent):
            raise MapFormatError("the file is empty", path=self.path, line=1, column=1,
                                 hint="a map starts with `argmap: 1`")
        events.get_event()  # DocumentStartEvent
        root = self.compose()
        events.get_event()  # DocumentEndEvent
        if not events.check_event(yaml.StreamEndEvent):
            mark = events.peek_event().start_mark
            raise self.fail(mark, "the file holds several YAML documents; a map is one document",
                            hint="remove the `---` line and what follows, or split the file")
        return root

    def add(self, units: int, mark: Any) -> None:
        self.total += units
        if self.total > self.limit:
            raise self.fail(mark, f"the document expands through aliases to more than {self.limit:,} "
                            "nodes and characters (alias bomb?)",
                            hint=f"aliases may expand a document to at most {EXPANSION_FACTOR} times "
                            "its length; write the repeated parts out or reuse fewer anchors")

    def compose(self) -> Node:
        """The node starting at the next event (an explicit stack: no recursion)."""
        import yaml

        events = self.loader
        # each frame: [node, anchor, start mark, pending key (maps)]
        stack: list[list[Any]] = []
        result: Node | None = None
        while result is None:
            event = events.get_event()
            mark = event.start_mark
            node: Node | None = None
            if isinstance(event, yaml.AliasEvent):
                name = event.anchor
                if name in self.open_anchors:
                    raise self.fail(mark, "recursive alias",
                                    hint="an anchor may not contain an alias to itself")
                if name not in self.anchors:
                    raise self.fail(mark, f"unknown alias *{name}", hint="define &NAME before *NAME")
                node = self.anchors[name]
                self.add(self.size[id(node)], mark)
            elif isinstance(event, yaml.ScalarEvent):
                tag = event.tag
                if tag is None or tag == "!":
                    tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
                short = tag[len(_CORE):] if tag.startswith(_CORE) else None
                if short == "merge":
                    raise self.fail(mark, "merge keys (<<) are not allowed", hint="write the keys out")
                if short not in _SCALAR_TAGS:
                    raise self.fail(mark, f"tag {_show(tag)!r} is not allowed",
                                    hint="argmap reads plain YAML: strings, numbers, lists, mappings")
                units = 1 + len(event.value)
                self.add(units, mark)
                node = Node("scalar", mark.line + 1, mark.column + 1,
                            value=_scalar_value(short, event.value), raw=event.value)
                self.size[id(node)] = units
                if event.anchor is not None:
                    self.anchors[event.anchor] = node
            elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                is_seq = isinstance(event, yaml.SequenceStartEvent)
                tag = event.tag
                if tag is None or tag == "!":
                    tag = self.loader.resolve(yaml.SequenceNode if is_seq else yaml.MappingNode,
                                              None, event.implicit)
                if tag != _CORE + ("seq" if is_seq else "map"):
                    raise self.fail(mark, f"tag {_show(tag)!r} is not allowed",
                                    hint="sets, ordered maps and merge keys are not part of the map format")
                if len(stack) >= MAX_DEPTH:
                    raise self.fail(mark, f"nesting deeper than {MAX_DEPTH} levels",
                                    hint="a map nests a few levels; this is not a map")
                self.add(1, mark)
                container = Node("seq" if is_seq else "map", mark.line + 1, mark.column + 1)
                if event.anchor is not None:
                    self.open_anchors.add(event.anchor)
                stack.append([container, event.anchor, self.total - 1, None])
                continue
            else:  # SequenceEndEvent / MappingEndEvent
                container, anchor, started, pending = stack.pop()
                if container.kind == "map":
                    _check_duplicates(container.pairs, self.path)
                self.size[id(container)] = self.total - started
                if anchor is not None:
                    self.open_anchors.discard(anchor)
                    self.anchors[anchor] = container
                node = container
            # attach the finished node to its parent (or return it)
            if not stack:
                result = node
                break
            frame = stack[-1]
            parent = frame[0]
            if parent.kind == "seq":
                parent.items.append(node)
            elif frame[3] is None:
                if node.kind != "scalar":
                    raise MapFormatError("a mapping key must be a plain word", path=self.path,
                                         line=node.line, column=node.column)
                frame[3] = node
            else:
                parent.pairs.append((frame[3], node))
                frame[3] = None
        return result


def _show(tag: str) -> str:
    return "!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag


def _scalar_value(short: str, raw: str) -> Any:
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
_SURROGATE = re.compile("[\ud800-\udfff]")


class _JsonParser:
    """A small recursive-descent JSON parser (RFC 8259) that records positions."""

    def __init__(self, text: str, path: str | Path,
                 on_duplicate: Callable[[MapFormatError], None] | None = None) -> None:
        self.text = text
        self.path = path
        self.on_duplicate = on_duplicate
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

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
        text = self.text
        ch = text[pos] if pos < len(text) else ""
        if depth >= MAX_DEPTH and ch in "[{":
            raise self.fail(pos, f"nesting deeper than {MAX_DEPTH} levels",
                            "a map nests a few levels; this is not a map")
        line, col = self.where(pos)
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
                    if self.on_duplicate is None:
                        _check_duplicates(node.pairs, self.path)
                    else:
                        node.pairs = _first_of_duplicates(node.pairs, self.path, self.on_duplicate)
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
            lone = _SURROGATE.search(value)
            if lone is not None:
                raise self.fail(pos, f"the string holds a lone surrogate (U+{ord(lone.group()):04X}), "
                                "which is not a character", "write the character itself, or a "
                                "valid \\uD8xx\\uDCxx pair")
            return Node("scalar", line, col, value=value), end
        for word, literal in _LITERALS.items():
            if text.startswith(word, pos):
                return Node("scalar", line, col, value=literal), pos + len(word)
        m = _NUMBER.match(text, pos)
        if m and m.end() > pos:
            if m.end() - pos > MAX_NUMBER_LENGTH:
                raise self.fail(pos, f"a number of {m.end() - pos} characters (at most "
                                f"{MAX_NUMBER_LENGTH})", "no value of a map is that long a number")
            number = float(m.group()) if (m.group(1) or m.group(2)) else int(m.group())
            return Node("scalar", line, col, value=number), m.end()
        if not ch:
            raise self.fail(pos, "unexpected end of file")
        raise self.fail(pos, f"unexpected character {ch!r}")


def _first_of_duplicates(pairs: list[tuple[Node, Node]], path: str | Path,
                         report: Callable[[MapFormatError], None]) -> list[tuple[Node, Node]]:
    seen: dict[Any, Node] = {}
    kept = []
    for key, value in pairs:
        hashable = key.value if not isinstance(key.value, (list, dict)) else repr(key.value)
        if hashable in seen:
            report(MapFormatError(f"duplicate key {key.value!r} (first at line {seen[hashable].line}); "
                                  "the first value is kept", path=path, line=key.line, column=key.column))
            continue
        seen[hashable] = key
        kept.append((key, value))
    return kept


def parse_json(text: str, path: str | Path,
               on_duplicate: Callable[[MapFormatError], None] | None = None) -> Node:
    """Parse a JSON document into a located :class:`Node` tree.

    Duplicate keys are refused (plain :func:`json.loads` keeps the last silently);
    with *on_duplicate*, each is handed to it instead and the first value is kept.

    Raises
    ------
    MapFormatError
        On any syntax error, located at the offending character.
    """
    with paused_gc():
        return _JsonParser(text, path, on_duplicate).parse()


# -- JSON output ------------------------------------------------------------------------

def dump_json(data: Any) -> str:
    """``json.dumps(data, indent=2, ensure_ascii=False) + "\\n"``, the same text, faster.

    With an indent, the standard library encodes in pure Python, one generator per
    value (a minute for a map of 10⁵ claims in AIF); :func:`argmap._jsondump.dumps`
    writes lists and dicts of records with one C encoder call each.

    >>> dump_json({"a": [1, "é", {}], "b": {"c": None, "d": 1.5, "e": True}}) == \\
    ...     json.dumps({"a": [1, "é", {}], "b": {"c": None, "d": 1.5, "e": True}}, indent=2,
    ...                ensure_ascii=False) + "\\n"
    True
    """
    return dumps_indented(data, end="\n")
