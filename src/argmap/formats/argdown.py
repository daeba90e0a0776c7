"""Argdown (``.argdown``): read a documented subset, write Argdown that Argdown tools render.

Reading
-------
The subset real maps use:

* **frontmatter** between two ``===`` lines (YAML). argmap reads ``title``,
  ``speakers`` (``{id: name}`` or a list of ``{id, name}``) and ``sources`` (a list of
  ``{id, file, sha256?, title?}``); every other key is Argdown configuration and
  is left to Argdown. ``model: {mode: strict}`` switches to Argdown's strict reading
  of statement–statement relations (see below).
* **headings** ``# …`` (sections), **statements** ``[Title]: text``, **arguments**
  ``<Title>: text``, **references** ``[Title]`` / ``<Title>``, untitled statements,
  statements spread over several lines.
* **relations** on indented lines below their parent, in every direction:
  ``+``/``<+`` (the child supports the parent), ``+>`` (the parent supports the
  child), ``-``/``<-`` and ``->`` likewise for attack, nested to any depth.
* ``#tags`` and ``#(tags with spaces)``, inline ``{yaml data}`` (flow, or block when
  a line break follows ``{``), comments ``//``, ``/* */`` and ``<!-- -->``,
  backslash escapes.

How Argdown maps onto argmap: argmap has one kind of node, the claim. Each
statement equivalence class **and** each argument becomes one claim whose id is
its title (the two share one namespace: ``[X]`` and ``<X>`` in one file is an
error). The claim's text is the text of the first definition; a later definition
with a different text is an error (argmap keeps one text per claim). Untitled
statements become claims with the id ``untitled-LINE``. Data keys read:
``speaker``, ``kind``, ``source``, ``quote``, ``occurrence`` and ``relations``
(``{TARGET: {note: …, speaker: …}}``: the note and asserting speaker of this
claim's relation to TARGET); other data keys belong to Argdown and are ignored,
except a near-miss of a known key (``speeker``), which is an error.

Speakers (``speaker_from``):

* ``"data"`` (default): ``{speaker: ID}`` on the claim;
* ``"tag"``: the tag naming a speaker declared in the frontmatter or, when none is
  declared, the claim's first tag (that tag is then not kept among the claim's tags);
* ``"heading"``: the nearest enclosing heading that names a speaker, by
  ``{speaker: ID}`` data on the heading or by its text being a declared speaker's id
  or name; when the frontmatter declares no speakers, each level-1 heading names one.

Explicit ``{speaker: …}`` data always wins. When no claim has a speaker the map gets
one speaker, ``unattributed``; when only some have one, the first claim without a
speaker is an error.

Relations that argmap cannot hold are never turned into support:

* **undercut** (``_``, ``<_``, ``_>``): an error by default; with
  ``undercut="attack"`` it becomes an attack on the undercut argument's claim with
  the note ``"undercut: attacks the inference"``;
* **contradiction** (``><``) and, in strict mode, **contrary** (``-`` between two
  statements) are symmetric: they become an attack in each direction, noted
  ``"contradictory"`` / ``"contrary"``; strict-mode ``+`` between statements
  (entailment) becomes a support noted ``"entails"``.

Premise–conclusion structures (``(1) …`` and inference bars) and lists are outside
the subset and are refused with a located error.

Writing
-------
:func:`dumps` writes the frontmatter (title, speakers, sources, and
``selection: {excludeDisconnected: false}`` so every claim is drawn), then one
section per speaker (``# Name {speaker: id}``) holding that speaker's claims as
titled statements ``[ID]: text #tags {speaker, kind, source, quote, occurrence,
relations}``, each followed by its outgoing relations (``+> [TARGET]``,
``-> [TARGET]``). Reading the output back gives the same claims, relations,
speakers, sources and title; only line breaks inside claim texts are lost (they
become spaces, see :func:`losses`) and relations are listed by source claim.

Examples
--------
>>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
>>> m = ArgumentMap(title="toy", speakers=[Speaker("a", "Ann"), Speaker("b", "Bob")],
...                 claims=[Claim("A1", "a", "It rains.", kind="thesis"),
...                         Claim("B1", "b", "The sky is clear.")],
...                 relations=[Relation("B1", "A1", "attack")])
>>> text = dumps(m)
>>> print(text.split("===")[-1].strip())
# Ann {speaker: a}
<BLANKLINE>
[A1]: It rains. {speaker: a, kind: thesis}
<BLANKLINE>
# Bob {speaker: b}
<BLANKLINE>
[B1]: The sky is clear. {speaker: b}
    -> [A1]
>>> loads(text) == m
True
>>> loads("[T]: Cars pollute. {speaker: ann}\\n  <- [U]: Not electric ones. {speaker: ben}\\n").relations
(Relation(from_id='U', to_id='T', type='attack', note=None, speaker=None),)
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ArgmapError, ConversionError, MapFormatError, UsageError, did_you_mean
from ..model import CLAIM_KINDS, ArgumentMap, Claim, Relation, Source, Speaker
from ..provenance import Where, place_quotes
from ..vocabulary import SpeakerFrom, parse_choice
from ._ids import slug, unique_id

__all__ = ["UNDERCUT", "loads", "dumps", "losses"]

#: What to do with an undercut when reading (``undercut=``).
UNDERCUT: tuple[str, ...] = ("error", "attack")

_REL = re.compile(r"(<\+|\+>|<-|->|<_|_>|><|\+|-|_)(?=\s|$)")
_HEADING = re.compile(r"(#+)\s+")
_TAG = re.compile(r"(?<!\S)#(?:\(([^)\n]*)\)|([\w\-]+))")
_TITLE = {"[": re.compile(r"\[([^\[\]\n]+)\]"), "<": re.compile(r"<([^<>\n]+)>")}
_DATA_KEYS = ("speaker", "kind", "source", "quote", "occurrence", "relations")
_UNATTRIBUTED = Speaker("unattributed", "Unattributed")


# -- reading ------------------------------------------------------------------------------


@dataclass
class _Item:
    """One logical line: a heading, or an element with its relation symbol."""

    block: int
    indent: int
    symbol: str | None
    content: str
    line: int
    column: int
    heading: int = 0


@dataclass
class _Entry:
    """What the file says about one claim."""

    cid: str
    argument: bool
    where: tuple[int, int]
    text: str | None = None
    text_where: tuple[int, int] | None = None
    data: dict[str, Any] = field(default_factory=dict)
    data_where: dict[str, tuple[int, int]] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    headings: list[tuple[int, str, dict[str, Any]]] = field(default_factory=list)


class _Reader:
    def __init__(self, text: str, path: str | Path | None, speaker_from: str, undercut: str) -> None:
        self.path = str(path) if path is not None else "<string>"
        self.file = path
        self.speaker_from = speaker_from
        self.undercut = undercut
        self.advisories: list[ArgmapError] | None = None
        self.lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.front: dict[str, Any] = {}
        self.front_where: dict[str, tuple[int, int]] = {}
        self.entries: dict[str, _Entry] = {}
        self.relations: dict[tuple[str, str], tuple[str, str | None, tuple[int, int]]] = {}

    def fail(self, where: Where, message: str, hint: str | None = None) -> MapFormatError:
        line, col = where if where else (None, None)
        return MapFormatError(message, path=self.path, line=line, column=col, hint=hint)

    # frontmatter ---------------------------------------------------------------------
    def frontmatter(self) -> None:
        first = next((i for i, ln in enumerate(self.lines) if ln.strip()), None)
        if first is None or self.lines[first].strip() != "===":
            return
        end = next((i for i in range(first + 1, len(self.lines)) if self.lines[i].strip() == "==="), None)
        if end is None:
            raise self.fail((first + 1, 1), "the frontmatter is not closed", "end it with a line `===`")
        body = "\n".join(self.lines[first + 1:end])
        data = self.yaml(body, (first + 2, 1), "frontmatter")
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise self.fail((first + 2, 1), "the frontmatter must be a YAML mapping", "write `key: value` lines")
        self.front = data
        for i in range(first + 1, end):
            m = re.match(r"([A-Za-z_][\w-]*)\s*:", self.lines[i])
            if m and m.group(1) not in self.front_where:
                self.front_where[m.group(1)] = (i + 1, 1)
        for i in range(first, end + 1):
            self.lines[i] = ""

    def yaml(self, text: str, where: tuple[int, int], what: str) -> Any:
        import yaml

        try:
            return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, col = where
            if mark is not None:
                col = (col + mark.column) if mark.line == 0 else mark.column + 1
                line += mark.line
            msg = " ".join(p for p in (exc.context, exc.problem) if p) or "invalid YAML"
            raise self.fail((line, col), f"YAML error in {what}: {msg}",
                            "YAML needs a space after each colon; quote text with : # { } in it") from None
        except yaml.YAMLError as exc:
            raise self.fail(where, f"YAML error in {what}: {exc}") from None

    # comments -----------------------------------------------------------------------
    def strip_comments(self) -> None:
        text = "\n".join(self.lines)
        out = list(text)
        i, n, depth, quote, prev = 0, len(text), 0, "", "{"

        def blank(a: int, b: int) -> None:
            for k in range(a, b):
                if out[k] != "\n":
                    out[k] = " "

        while i < n:
            ch = text[i]
            if depth:
                if quote:
                    if ch == "\\" and quote == '"':
                        i += 2
                        continue
                    if ch == quote:
                        quote = ""
                        prev = ch
                    i += 1
                    continue
                if ch in "\"'" and prev in "{[,:-\n":
                    quote = ch
                elif ch == "{":
                    depth += 1
                elif ch == "}":
                    depth -= 1
                if not ch.isspace() or ch == "\n":
                    prev = ch
                i += 1
                continue
            if ch == "\\":
                i += 2
                continue
            if ch == "{":
                depth, prev = 1, "{"
            elif text.startswith("/*", i) or text.startswith("<!--", i):
                close = "*/" if ch == "/" else "-->"
                end = text.find(close, i + 2)
                if end < 0:
                    raise self.fail(self.where_of(text, i), "comment not closed",
                                    f"end it with {close}")
                blank(i, end + len(close))
                i = end + len(close)
                continue
            elif text.startswith("//", i) and (i == 0 or text[i - 1] != ":"):
                end = text.find("\n", i)
                end = n if end < 0 else end
                blank(i, end)
                i = end
                continue
            i += 1
        self.lines = "".join(out).split("\n")

    @staticmethod
    def where_of(text: str, offset: int) -> tuple[int, int]:
        line = text.count("\n", 0, offset) + 1
        return line, offset - (text.rfind("\n", 0, offset) + 1) + 1

    # lines -> items --------------------------------------------------------------------
    def items(self) -> list[_Item]:
        items: list[_Item] = []
        block = 0
        i = 0
        lines = [ln.expandtabs(4) for ln in self.lines]
        while i < len(lines):
            raw = lines[i]
            if not raw.strip():
                block += 1
                i += 1
                continue
            indent = len(raw) - len(raw.lstrip(" "))
            body = raw[indent:]
            lineno = i + 1
            hm = _HEADING.match(body)
            if hm and indent == 0:
                items.append(_Item(block, 0, None, body[hm.end():], lineno, hm.end() + 1,
                                   heading=len(hm.group(1))))
                block += 1
                i += 1
                continue
            if re.match(r"\(\d+\)\s", body) or re.match(r"-{2,}", body):
                raise self.fail((lineno, indent + 1), "premise-conclusion structures are not supported",
                                "argmap reads statements, arguments and relations; describe the "
                                "argument as `<Title>: text` and relate its premises with + and -")
            if re.match(r"(\*|\d+\.)\s", body) and indent == 0:
                raise self.fail((lineno, 1), "Argdown lists are not supported",
                                "write each point as a statement `[Title]: text`")
            rm = _REL.match(body)
            symbol, start = (rm.group(1), rm.end()) if rm else (None, 0)
            while start < len(body) and body[start] == " ":
                start += 1
            content_lines = [body[start:]]
            column = indent + start + 1
            if symbol is not None and (not items or items[-1].block != block or items[-1].heading):
                raise self.fail((lineno, indent + 1), f"relation {symbol!r} has no parent",
                                "a relation line goes directly below its parent statement or argument, "
                                "with no empty line between them")
            if symbol is not None and indent == 0:
                raise self.fail((lineno, 1), f"relation {symbol!r} is not indented",
                                "indent relation lines below their parent")
            i += 1
            # continuation lines: text that wraps, or a data block spanning lines
            while i < len(lines) and lines[i].strip():
                nxt = lines[i]
                joined = "\n".join(content_lines)
                if not _braces_open(joined):
                    nbody = nxt.lstrip(" ")
                    if _REL.match(nbody) or (_HEADING.match(nbody) and nxt == nbody):
                        break
                    if not nxt.startswith(" ") and re.match(r"[\[<][^\]>]*[\]>]:", nbody):
                        break
                content_lines.append(nxt)
                i += 1
            if symbol is None and items and items[-1].block == block and not items[-1].heading:
                raise self.fail((lineno, indent + 1), "a new statement or argument must start a new block",
                                "put an empty line before it, or indent it with + or - to relate it")
            items.append(_Item(block, indent, symbol, "\n".join(content_lines), lineno, column))
        return items

    # one element ------------------------------------------------------------------------
    def element(self, item: _Item, headings: list[tuple[int, str, dict[str, Any]]]) -> str:
        content, line, col = item.content, item.line, item.column
        data, spans, data_at = self.data_blocks(content, (line, col))
        rest = content
        for a, b in reversed(spans):
            rest = rest[:a] + "\0" * (b - a) + rest[b:]
        tags: list[str] = []

        def tag(m: re.Match[str]) -> str:
            tags.append(m.group(1) if m.group(1) is not None else m.group(2))
            return "\0" * len(m.group(0))

        rest = _TAG.sub(tag, rest)
        lead = len(rest) - len(rest.lstrip())
        stripped = rest.lstrip()
        where = self.where_in(content, lead, (line, col))
        argument = stripped.startswith("<")
        title = None
        text: str | None = None
        tm = _TITLE[stripped[0]].match(stripped) if stripped[:1] in _TITLE else None
        if tm:
            title = _unescape(tm.group(1)).strip()
            after = stripped[tm.end():]
            if after.startswith(":"):
                text = _clean(after[1:])
                if not text:
                    raise self.fail(where, f"{_show(title, argument)} is defined with an empty text",
                                    "write its text after the colon")
            elif _clean(after):
                raise self.fail(where, f"text after the reference {_show(title, argument)}",
                                f"to define it, write {_show(title, argument)}: text")
        else:
            argument = False
            text = _clean(stripped)
            if not text:
                raise self.fail(where, "an element with neither title nor text",
                                "write `[Title]: text`, or give the data to a titled statement")
            title = unique_id(f"untitled-{line}", set(self.entries))
        entry = self.entries.get(title)
        if entry is None:
            entry = self.entries[title] = _Entry(title, argument, where)
        elif entry.argument != argument:
            raise self.fail(where, f"{_show(title, argument)} is also used as "
                            f"{_show(title, entry.argument)} (line {entry.where[0]})",
                            "argmap keeps statements and arguments in one namespace; rename one")
        if text is not None:
            if entry.text is None:
                entry.text, entry.text_where = text, where
                entry.headings = list(headings)
            elif entry.text != text:
                raise self.fail(where, f"{_show(title, argument)} is defined again with another text "
                                f"(first at line {entry.text_where[0]})",  # type: ignore[index]
                                "argmap keeps one text per claim; refer to it as "
                                f"{_show(title, argument)} instead")
        for t in tags:
            if t not in entry.tags:
                entry.tags.append(t)
        for key, value in data.items():
            if key in entry.data and entry.data[key] != value:
                raise self.fail(where, f"{_show(title, argument)} has {key}: {value!r} here but "
                                f"{key}: {entry.data[key]!r} at line {entry.data_where[key][0]}",
                                "give each claim one value per key")
            entry.data[key] = value
            entry.data_where.setdefault(key, data_at[key])
        return title

    def data_blocks(self, content: str, where: tuple[int, int]
                    ) -> tuple[dict[str, Any], list[tuple[int, int]], dict[str, tuple[int, int]]]:
        data: dict[str, Any] = {}
        data_at: dict[str, tuple[int, int]] = {}
        spans = []
        pos = 0
        while True:
            start = _find_unescaped(content, "{", pos)
            if start < 0:
                break
            end = _match_brace(content, start)
            at = self.where_in(content, start, where)
            if end < 0:
                raise self.fail(at, "data `{` is not closed", "end the YAML data with `}`")
            chunk = content[start:end + 1]
            inner = chunk[1:-1]
            if inner.lstrip(" ").startswith("\n"):
                value = self.yaml(textwrap.dedent(inner.lstrip(" ")[1:]), (at[0] + 1, 1), "data")
            else:
                value = self.yaml(chunk, at, "data")
            if value is None:
                value = {}
            if not isinstance(value, dict):
                raise self.fail(at, "data must be a YAML mapping", "write {key: value}")
            for key in value:
                if not isinstance(key, str):
                    raise self.fail(at, f"data key {key!r} is not a string")
                if key not in _DATA_KEYS:
                    near = did_you_mean(key, _DATA_KEYS)
                    if near:
                        raise self.fail(at, f"unknown data key {key!r}", near)
                if key in data:
                    raise self.fail(at, f"data key {key!r} given twice")
            data.update(value)
            data_at.update({key: at for key in value})
            spans.append((start, end + 1))
            pos = end + 1
        return data, spans, data_at

    @staticmethod
    def where_in(content: str, offset: int, where: tuple[int, int]) -> tuple[int, int]:
        nl = content.count("\n", 0, offset)
        if nl == 0:
            return where[0], where[1] + offset
        return where[0] + nl, offset - content.rfind("\n", 0, offset)

    # the whole file ---------------------------------------------------------------------
    def read(self) -> ArgumentMap:
        self.frontmatter()
        self.strip_comments()
        items = self.items()
        strict = isinstance(self.front.get("model"), dict) and self.front["model"].get("mode") == "strict"
        headings: list[tuple[int, str, dict[str, Any]]] = []
        stack: list[tuple[int, str]] = []
        block = -1
        for item in items:
            if item.heading:
                data, spans, _ = self.data_blocks(item.content, (item.line, item.column))
                text = item.content
                for a, b in reversed(spans):
                    text = text[:a] + text[b:]
                text = _clean(_TAG.sub("", text))
                while headings and headings[-1][0] >= item.heading:
                    headings.pop()
                headings.append((item.heading, text, data))
                stack = []
                continue
            if item.block != block:
                block, stack = item.block, []
            cid = self.element(item, headings)
            if item.symbol is not None:
                while stack and stack[-1][0] >= item.indent:
                    stack.pop()
                if not stack:
                    raise self.fail((item.line, item.column), f"relation {item.symbol!r} has no parent",
                                    "indent it more than the element it relates to")
                self.relate(stack[-1][1], cid, item.symbol, (item.line, item.column - len(item.symbol) - 1), strict)
            stack.append((item.indent, cid))
        return self.build()

    def relate(self, parent: str, child: str, symbol: str, where: tuple[int, int], strict: bool) -> None:
        both_statements = not self.entries[parent].argument and not self.entries[child].argument
        outgoing = not symbol.endswith(">")  # the child is the source
        src, dst = (child, parent) if outgoing else (parent, child)
        if symbol in ("_", "<_", "_>"):
            if self.undercut == "error":
                raise self.fail(where, f"undercut {symbol!r}: argmap has no undercut relation",
                                "write it as an attack (-) on the argument if that is what you mean, "
                                "or read with undercut='attack' to keep it as an attack noted 'undercut'")
            self.add(src, dst, "attack", "undercut: attacks the inference", where)
        elif symbol == "><" or (strict and both_statements and "-" in symbol):
            note = "contradictory" if symbol == "><" else "contrary"
            self.add(src, dst, "attack", note, where)
            self.add(dst, src, "attack", note, where)
        elif "+" in symbol:
            self.add(src, dst, "support", "entails" if strict and both_statements else None, where)
        else:
            self.add(src, dst, "attack", None, where)

    def add(self, src: str, dst: str, rtype: str, note: str | None, where: tuple[int, int]) -> None:
        if src == dst:
            raise self.fail(where, f"{src!r} is related to itself", "a claim cannot support or attack itself")
        old = self.relations.get((src, dst))
        if old is None:
            self.relations[(src, dst)] = (rtype, note, where)
        elif old[0] != rtype:
            raise self.fail(where, f"{src!r} both {old[0]}s and {rtype}s {dst!r} (line {old[2][0]})",
                            "keep one relation per ordered pair")
        elif old[1] is None and note is not None:
            self.relations[(src, dst)] = (rtype, note, old[2])

    # build ---------------------------------------------------------------------------------
    def declared_speakers(self) -> list[Speaker]:
        raw = self.front.get("speakers")
        where = self.front_where.get("speakers")
        if raw is None:
            return []
        out: list[Speaker] = []
        if isinstance(raw, dict):
            pairs = [(str(k), v if v is not None else k) for k, v in raw.items()]
        elif isinstance(raw, list):
            pairs = []
            for s in raw:
                if isinstance(s, dict) and "id" in s and set(s) <= {"id", "name"}:
                    pairs.append((str(s["id"]), s.get("name", s["id"])))
                elif isinstance(s, str):
                    pairs.append((s, s))
                else:
                    raise self.fail(where, "each entry of `speakers` must be {id: …, name: …}")
        else:
            raise self.fail(where, "`speakers` must map ids to names", "write speakers: {essay: Essay author}")
        for sid, name in pairs:
            if not isinstance(name, str):
                raise self.fail(where, f"the name of speaker {sid!r} must be text")
            if any(s.id == sid for s in out):
                raise self.fail(where, f"speaker {sid!r} is declared twice")
            out.append(Speaker(sid, name))
        return out

    def declared_sources(self) -> list[Source]:
        raw = self.front.get("sources")
        where = self.front_where.get("sources")
        if raw is None:
            return []
        if not isinstance(raw, list):
            raise self.fail(where, "`sources` must be a list", "write sources: [{id: post, file: post.txt}]")
        out: list[Source] = []
        for s in raw:
            if not isinstance(s, dict) or not {"id", "file"} <= set(s) or not set(s) <= {"id", "file", "sha256", "title"}:
                raise self.fail(where, "each source must be {id, file, sha256?, title?}")
            if any(o.id == str(s["id"]) for o in out):
                raise self.fail(where, f"source {s['id']!r} is declared twice")
            out.append(Source(str(s["id"]), str(s["file"]),
                              str(s["sha256"]).lower() if s.get("sha256") else None,
                              str(s["title"]) if s.get("title") is not None else None))
        return out

    def speaker_of(self, e: _Entry, declared: dict[str, Speaker]) -> tuple[str | None, str | None]:
        """(speaker id, speaker name to create if new) for one entry, and drop a speaker tag."""
        if "speaker" in e.data:
            value = e.data["speaker"]
            if not isinstance(value, str) or not value.strip():
                raise self.fail(e.data_where["speaker"], f"the speaker of {e.cid!r} must be text")
            if self.speaker_from == "tag":
                e.tags = [t for t in e.tags if t != value]
            return value, value
        if self.speaker_from == "tag":
            hits = [t for t in e.tags if t in declared] if declared else e.tags[:1]
            if len(hits) > 1:
                raise self.fail(e.where, f"{e.cid!r} is tagged with two speakers: {hits[0]!r} and {hits[1]!r}",
                                "keep one speaker tag per claim")
            if hits:
                e.tags = [t for t in e.tags if t != hits[0]]
                return hits[0], hits[0]
            return None, None
        if self.speaker_from == "heading":
            names = {s.name: s.id for s in declared.values()}
            for level, text, data in reversed(e.headings):
                if isinstance(data.get("speaker"), str):
                    return data["speaker"], text or data["speaker"]
                if declared:
                    if text in declared:
                        return text, text
                    if text in names:
                        return names[text], text
                elif level == 1 and text:
                    return slug(text) or text, text
            return None, None
        return None, None

    def build(self) -> ArgumentMap:
        declared_list = self.declared_speakers()
        declared = {s.id: s for s in declared_list}
        speakers = list(declared_list)
        known = dict(declared)
        assigned: dict[str, str | None] = {}
        for e in self.entries.values():
            sid, name = self.speaker_of(e, declared)
            assigned[e.cid] = sid
            if sid is not None and sid not in known:
                known[sid] = Speaker(sid, name or sid)
                speakers.append(known[sid])
        if self.entries and all(v is None for v in assigned.values()):
            speakers.append(_UNATTRIBUTED)
            assigned = {k: _UNATTRIBUTED.id for k in assigned}
        claims: list[Claim] = []
        where: dict[str, Where] = {}
        for e in self.entries.values():
            if e.text is None:
                raise self.fail(e.where, f"{_show(e.cid, e.argument)} is referenced but never defined",
                                f"define it somewhere as {_show(e.cid, e.argument)}: text")
            sid = assigned[e.cid]
            if sid is None:
                how = {"data": "add {speaker: ID}", "tag": "add a speaker tag",
                       "heading": "put it under a heading that names a speaker"}[self.speaker_from]
                raise self.fail(e.text_where, f"{_show(e.cid, e.argument)} has no speaker",
                                f"{how}, or read with another speaker_from (data, tag, heading)")
            kind = e.data.get("kind", "claim")
            if kind not in CLAIM_KINDS:
                raise self.fail(e.data_where.get("kind"), f"{e.cid!r} has unknown kind {kind!r}",
                                did_you_mean(str(kind), CLAIM_KINDS) or "use one of " + ", ".join(CLAIM_KINDS))
            for key in ("source", "quote"):
                if key in e.data and not isinstance(e.data[key], str):
                    raise self.fail(e.data_where[key], f"the {key} of {e.cid!r} must be text")
            occ = e.data.get("occurrence")
            if occ is not None and (not isinstance(occ, int) or isinstance(occ, bool) or occ < 1):
                raise self.fail(e.data_where["occurrence"], f"the occurrence of {e.cid!r} must be a number ≥ 1")
            claims.append(Claim(e.cid, sid, e.text, kind, e.data.get("source"), e.data.get("quote"),
                                occ, tuple(e.tags)))
            where[e.cid] = e.text_where
        relations = self.relation_records(known)
        sources = self.declared_sources()
        source_where = {s.id: self.front_where.get("sources") for s in sources}
        claims, sources = place_quotes(claims, sources, path=self.file, claim_where=where,
                                       source_where=source_where, advisories=self.advisories)
        title = self.front.get("title")
        if title is None:
            title = Path(self.file).stem if self.file is not None else ""
        if not isinstance(title, str):
            raise self.fail(self.front_where.get("title"), "the title must be text")
        positions = {("claims", i): where[c.id] for i, c in enumerate(claims) if where.get(c.id)}
        try:
            return ArgumentMap(title=title, sources=sources, speakers=speakers, claims=claims,
                               relations=relations, path=self.file, positions=positions)
        except MapFormatError as exc:
            raise MapFormatError(exc.message, path=self.path, hint=exc.hint) from None

    def relation_records(self, speakers: dict[str, Speaker]) -> list[Relation]:
        extra: dict[tuple[str, str], dict[str, Any]] = {}
        for e in self.entries.values():
            spec = e.data.get("relations")
            if spec is None:
                continue
            at = e.data_where["relations"]
            if not isinstance(spec, dict):
                raise self.fail(at, f"`relations` of {e.cid!r} must map target ids to {{note, speaker}}")
            for target, info in spec.items():
                target = str(target)
                if (e.cid, target) not in self.relations:
                    raise self.fail(at, f"`relations` of {e.cid!r} names {target!r}, but {e.cid!r} "
                                    f"has no relation to it", did_you_mean(target, self.entries))
                if not isinstance(info, dict) or not set(info) <= {"note", "speaker"}:
                    raise self.fail(at, f"`relations` entry {target!r} of {e.cid!r} must be {{note, speaker}}")
                for key in info:
                    if not isinstance(info[key], str):
                        raise self.fail(at, f"the {key} of the relation {e.cid!r} → {target!r} must be text")
                if "speaker" in info and info["speaker"] not in speakers:
                    raise self.fail(at, f"unknown speaker {info['speaker']!r} in `relations` of {e.cid!r}",
                                    did_you_mean(info["speaker"], speakers))
                extra[(e.cid, target)] = info
        out = []
        for (src, dst), (rtype, note, _) in self.relations.items():
            info = extra.get((src, dst), {})
            out.append(Relation(src, dst, rtype, info.get("note", note), info.get("speaker")))
        return out


def _show(title: str, argument: bool) -> str:
    return f"<{title}>" if argument else f"[{title}]"


def _clean(text: str) -> str:
    text = re.sub(r"[ \t]*\0+[ \t]*", " ", text)
    return _unescape(" ".join(part.strip() for part in text.split("\n") if part.strip()))


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _find_unescaped(text: str, ch: str, pos: int) -> int:
    i = pos
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == ch:
            return i
        i += 1
    return -1


def _match_brace(text: str, start: int) -> int:
    depth, quote, prev = 0, "", "{"
    i = start
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\" and quote == '"':
                i += 2
                continue
            if ch == quote:
                quote = ""
        elif ch in "\"'" and prev in "{[,:-\n":
            quote = ch
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i
        if not ch.isspace() or ch == "\n":
            prev = ch
        i += 1
    return -1


def _braces_open(text: str) -> bool:
    start = _find_unescaped(text, "{", 0)
    while start >= 0:
        end = _match_brace(text, start)
        if end < 0:
            return True
        start = _find_unescaped(text, "{", end + 1)
    return False


def loads(text: str, *, path: str | Path | None = None, speaker_from: str | SpeakerFrom = "data",
          undercut: str = "error", advisories: list[ArgmapError] | None = None,
          strict: bool = False, warnings: list[ArgmapError] | None = None) -> ArgumentMap:
    """Read an Argdown document (the subset described in the module docstring).

    Parameters
    ----------
    text : str
        The document.
    path : str or Path, optional
        Where it comes from: named in errors, and the folder that source files
        (frontmatter ``sources``) are relative to.
    speaker_from : {"data", "tag", "heading"}
        Where a claim's speaker comes from when its data does not say.
    undercut : {"error", "attack"}
        Refuse undercuts (default) or keep each as an attack noted as an undercut.
    advisories : list, optional
        Where to append what loading tolerates but ``argmap check`` reports (an
        ambiguous quote, a changed source); see :func:`argmap.provenance.place_quotes`.
    strict, warnings
        As for the other readers that report: this subset is read whole or refused, so
        nothing is ever skipped and *warnings* stays empty.

    Returns
    -------
    ArgumentMap

    Raises
    ------
    MapFormatError
        At ``file:line:col`` for anything outside the subset or inconsistent.

    Examples
    --------
    >>> doc = '''
    ... # Ann
    ... [Ban]: Ban cars downtown.
    ...   <+ <Fumes>: Fumes harm residents.
    ...
    ... # Ben
    ... <Trucks>: Most fumes come from trucks.
    ...   -> <Fumes>
    ... '''
    >>> m = loads(doc, speaker_from="heading")
    >>> [(c.id, c.speaker) for c in m.claims]
    [('Ban', 'ann'), ('Fumes', 'ann'), ('Trucks', 'ben')]
    >>> [(r.from_id, r.type, r.to_id) for r in m.relations]
    [('Fumes', 'support', 'Ban'), ('Trucks', 'attack', 'Fumes')]
    """
    speaker = parse_choice(speaker_from, SpeakerFrom, "speaker_from").value
    if undercut not in UNDERCUT:
        raise UsageError(f"unknown undercut {undercut!r}", hint="use one of " + ", ".join(UNDERCUT))
    reader = _Reader(text, path, speaker, undercut)
    reader.advisories = advisories
    return reader.read()


# -- writing ------------------------------------------------------------------------------

_ESCAPE = re.compile(r"([\\\[\]<>{}#@*_`])|(/(?=[/*]))")


def _escape(text: str) -> str:
    return _ESCAPE.sub(lambda m: "\\" + m.group(0), " ".join(text.split("\n")).strip())


def _flow(value: Any) -> str:
    if isinstance(value, str):
        if re.fullmatch(r"[A-Za-z][\w\-. ]*", value) and value == value.strip() and not _yaml_special(value):
            return value
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_flow(k)}: {_flow(v)}" for k, v in value.items()) + "}"
    return json.dumps(value, ensure_ascii=False)


def _yaml_special(value: str) -> bool:
    return value.lower() in {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"}


def _title(cid: str) -> str:
    if not cid or cid != cid.strip() or re.search(r"[\[\]\n\\]", cid):
        raise ConversionError(f"claim id {cid!r} cannot be an Argdown title",
                              hint="Argdown titles cannot hold [ ] \\ or line breaks, nor start or end with a space")
    return cid


def _tag(tag: str) -> str:
    if re.fullmatch(r"[\w\-]+", tag):
        return "#" + tag
    if ")" in tag or "\n" in tag:
        raise ConversionError(f"tag {tag!r} cannot be written in Argdown", hint="Argdown tags cannot hold ')'")
    return f"#({tag})"


def dumps(amap: ArgumentMap) -> str:
    """Write *amap* as Argdown.

    The output has a frontmatter (title, speakers, sources), one section per
    speaker, and each claim as a titled statement with its data and its outgoing
    relations. What it cannot hold is listed by :func:`losses`.

    Raises
    ------
    ConversionError
        If a claim id or tag cannot be written in Argdown syntax.
    """
    import yaml

    front: dict[str, Any] = {"title": amap.title,
                             "speakers": {s.id: s.name for s in amap.speakers}}
    if amap.sources:
        front["sources"] = [{k: v for k, v in (("id", s.id), ("file", s.file), ("sha256", s.sha256),
                                                ("title", s.title)) if v is not None} for s in amap.sources]
    front["selection"] = {"excludeDisconnected": False}
    parts = ["===\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1000) + "===\n"]
    for speaker in amap.speakers:
        claims = [c for c in amap.claims if c.speaker == speaker.id]
        parts.append(f"# {_escape(speaker.name)} {{speaker: {_flow(speaker.id)}}}\n")
        for c in claims:
            data: dict[str, Any] = {"speaker": c.speaker}
            if c.kind != "claim":
                data["kind"] = c.kind
            if c.source is not None:
                data["source"] = c.source
            if c.quote is not None:
                data["quote"] = c.quote
            if c.occurrence is not None:
                data["occurrence"] = c.occurrence
            rels = amap.outgoing(c.id)
            extra = {}
            for r in rels:
                info = {k: v for k, v in (("note", r.note), ("speaker", r.speaker)) if v is not None}
                if info:
                    extra[r.to_id] = info
            if extra:
                data["relations"] = extra
            tags = "".join(" " + _tag(t) for t in c.tags)
            block = [f"[{_title(c.id)}]: {_escape(c.text)}{tags} {_flow(data)}"]
            for r in rels:
                block.append(f"    {'+>' if r.type == 'support' else '->'} [{_title(r.to_id)}]")
            parts.append("\n".join(block) + "\n")
    return "\n".join(parts)


def losses(amap: ArgumentMap) -> list[str]:
    """What Argdown output cannot hold of *amap*: line breaks inside claim texts.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("a", "Ann")], claims=[Claim("A1", "a", "two\\nlines")])
    >>> losses(m)
    ['1 claim text with line breaks (written on one line)']
    """
    out = []
    broken = sum(1 for c in amap.claims if "\n" in c.text or c.text != c.text.strip())
    if broken:
        out.append(f"{broken} claim text{'s' if broken != 1 else ''} with line breaks "
                   "(written on one line)")
    return out
