"""argmap's native map format (DESIGN.md), shared by its YAML and JSON syntaxes.

Reading is strict. Every rule of DESIGN.md is enforced and every violation is
reported with ``file:line:col`` and a hint; all problems of a file are collected
(see :func:`parse`), not just the first:

* ``argmap: 1`` or ``argmap: 2`` is required (any other version is an error);
  format 2 adds ``arguments:`` (linked premises for one conclusion), attacks that
  end at an argument (undercuts) and a claim's ``act``; a format-1 file that uses
  them is told to say ``argmap: 2``;
* unknown keys are errors, with a "did you mean" hint;
* ids are unique (claims and arguments share one id space); every reference
  (speaker, source, claim, argument) resolves;
* relation ``type`` is ``support`` or ``attack``; no self-relation; at most one
  relation per ordered pair; a relation starts at a claim; a ``support`` ends at a
  claim, an ``attack`` at a claim or an argument (an undercut), but not at an
  argument that has the attacker among its premises;
* an argument has at least one premise, all claims, none twice, none its own
  conclusion (a claim); no argument repeats another or a ``support`` relation
  (same premises, same conclusion);
* source files stay inside the map's folder (no absolute paths, no ``..``,
  no symbolic link leading out);
* each quote occurs in its source (exactly; the first occurrence unless
  ``occurrence: N`` is given), and ``start``/``end`` are derived from it. A file
  may carry ``start``/``end`` (``argmap convert --to json`` writes them) only if
  they agree with the derived offsets.
* a claim may carry ``silence: {RULE: REASON}``, lint rules silenced for that
  claim with the author's reason (:mod:`argmap.lint`); each reason must be a
  non-empty string.

:func:`parse` also returns *advisories*, problems that do not stop a map from
loading but that ``argmap check`` reports as failures: a quote that occurs more
than once without ``occurrence:``, and a source whose SHA-256 differs from the
one the map pins (the text changed under the quotes).

Writing (:func:`dumps`) is lossless: reading the output gives an equal map.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain, repeat
from operator import attrgetter, itemgetter
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .._jsondump import Records, encode_string, interleave
from ..errors import ArgmapError, MapFormatError, ProvenanceError, did_you_mean
from ..model import (
    CLAIM_KINDS,
    RELATION_TYPES,
    Argument,
    ArgumentMap,
    Claim,
    Relation,
    Source,
    Speaker,
    _columns,
)
from ..provenance import QuoteLocator, SourceText, place, read_source, sha_problem
from . import _records
from ._records import Plain
from ._tree import Node, dump_json, parse_json, parse_yaml, paused_gc

__all__ = ["FORMAT_VERSION", "FORMAT_VERSIONS", "parse", "loads", "dumps", "to_data", "losses",
           "version_needed", "Parsed"]

#: The newest format version this release reads and writes (2: arguments and undercuts).
FORMAT_VERSION = 2
#: Every format version this release reads; a map is written as 1 unless it needs 2.
FORMAT_VERSIONS = (1, 2)

_TOP = ("argmap", "title", "sources", "speakers", "claims", "arguments", "relations")
_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # section: (required keys, optional keys)
    "sources": (("id", "file"), ("sha256", "title", "whitespace")),
    "speakers": (("id",), ("name",)),
    "claims": (("id", "speaker", "text"), ("kind", "source", "quote", "occurrence", "tags", "start", "end",
                                           "act", "silence")),
    "arguments": (("id", "premises", "conclusion"), ("speaker", "scheme", "note")),
    "relations": (("from", "to", "type"), ("note", "speaker")),
}
_SINGULAR = {"sources": "source", "speakers": "speaker", "claims": "claim", "arguments": "argument",
             "relations": "relation"}
_HEX64 = re.compile(r"[0-9a-fA-F]{64}")
#: How a source's quotes match its whitespace (docs/format.md).
WHITESPACE = ("exact", "loose")


@dataclass
class Parsed:
    """The outcome of :func:`parse`.

    Attributes
    ----------
    map : ArgumentMap or None
        The map, when there were no errors.
    errors : list of ArgmapError
        Problems that prevent loading.
    advisories : list of ArgmapError
        Problems ``argmap check`` reports but loading tolerates (ambiguous quotes,
        changed sources).
    """

    map: ArgumentMap | None
    errors: list[ArgmapError] = field(default_factory=list)
    advisories: list[ArgmapError] = field(default_factory=list)


_SHAPES: dict[tuple[str, ...], frozenset[str]] = {}


class _Checker:
    def __init__(self, path: str | Path | None) -> None:
        self.path = str(path) if path is not None else "<string>"
        self.errors: list[ArgmapError] = []
        self.advisories: list[ArgmapError] = []

    def error(self, node: Node | None, message: str, hint: str | None = None,
              cls: type[ArgmapError] = MapFormatError, advisory: bool = False) -> None:
        exc = cls(message, path=self.path, line=node.line if node else None,
                  column=node.column if node else None, hint=hint)
        (self.advisories if advisory else self.errors).append(exc)

    def add(self, node: Node | None, exc: ArgmapError, advisory: bool = False) -> None:
        """Record *exc* (raised unlocated by :mod:`argmap.provenance`) at *node*."""
        exc.at(self.path, node.line if node else None, node.column if node else None)
        (self.advisories if advisory else self.errors).append(exc)

    def string(self, node: Node, what: str, allow_empty: bool = False) -> str | None:
        value = node.value
        if type(value) is str and node.kind == "scalar" and (allow_empty or not value.isspace() and value):
            return value  # the common case, decided at once
        if node.kind == "scalar" and value is not None and not isinstance(value, str) and node.raw is not None:
            value = node.raw  # a YAML plain scalar such as `id: 1` or `title: yes`
        if node.kind != "scalar" or not isinstance(value, str):
            self.error(node, f"{what} must be a string, not {node.type_name()}",
                       hint="quote it" if node.kind == "scalar" else None)
            return None
        if not allow_empty and not value.strip():
            self.error(node, f"{what} must not be empty")
            return None
        return value

    def integer(self, node: Node, what: str, minimum: int) -> int | None:
        if node.kind != "scalar" or isinstance(node.value, bool) or not isinstance(node.value, int):
            self.error(node, f"{what} must be a whole number, not {node.type_name()}")
            return None
        if node.value < minimum:
            self.error(node, f"{what} must be at least {minimum}")
            return None
        return node.value

    def keys(self, node: Node, required: tuple[str, ...], optional: tuple[str, ...],
             what: str) -> dict[str, Node] | None:
        if node.kind != "map":
            self.error(node, f"{what} must be a mapping, not {node.type_name()}")
            return None
        allowed = required + optional
        shape = _SHAPES.get(allowed)
        if shape is None:
            shape = _SHAPES[allowed] = frozenset(allowed)
        found: dict[str, Node] = {k.value: v for k, v in node.pairs}
        if len(found) == len(node.pairs) and shape.issuperset(found) and all(k in found for k in required):
            return found  # the common case: known keys (strings), the required ones there
        found = {}
        for key, value in node.pairs:
            name = key.value if isinstance(key.value, str) else str(key.raw or key.value)
            if name not in allowed:
                self.error(key, f"unknown key {name!r} in {what}",
                           hint=did_you_mean(name, allowed) or "allowed keys: " + ", ".join(allowed))
                continue
            found[name] = value
        missing = [k for k in required if k not in found]
        if missing:
            self.error(node, f"{what} lacks {', '.join(repr(k) for k in missing)}",
                       hint="required keys: " + ", ".join(required))
        return found


def parse(text: str, *, path: str | Path | None = None, syntax: str = "yaml",
          read_sources: bool = True) -> Parsed:
    """Parse and check a native map, collecting every problem.

    Parameters
    ----------
    text : str
        The file's content.
    path : str or Path, optional
        Where it came from: used in messages and to resolve source files
        (relative to its folder; the current folder when None).
    syntax : {"yaml", "json"}
    read_sources : bool
        Read source texts and locate quotes (default). When False, quotes are not
        checked and offsets stay unset.

    Returns
    -------
    Parsed
    """
    with paused_gc():
        return _parse(text, path=path, syntax=syntax, read_sources=read_sources)


def _parse(text: str, *, path: str | Path | None, syntax: str, read_sources: bool) -> Parsed:
    reuse = _Reuse()
    fast = _parse_fast(text, path=path, syntax=syntax, read_sources=read_sources, reuse=reuse)
    if fast is not None:
        return fast
    return _parse_located(text, path=path, syntax=syntax, read_sources=read_sources, reuse=reuse)


class _Reuse:
    """Source texts and quote locators kept from a fast attempt for the located path."""

    def __init__(self) -> None:
        self.sources: dict[tuple[str, Path], SourceText] = {}
        self.locators: dict[tuple[int, bool], QuoteLocator] = {}

    def read(self, file: str, base: Path) -> SourceText:
        """:func:`~argmap.provenance.read_source`, once per file."""
        found = self.sources.get((file, base))
        if found is None:
            found = self.sources[(file, base)] = read_source(file, base)
        return found

    def locator(self, text: str, loose: bool) -> QuoteLocator:
        """A :class:`~argmap.provenance.QuoteLocator` of *text*, once per text."""
        found = self.locators.get((id(text), loose))
        if found is None or found.text is not text:
            found = self.locators[(id(text), loose)] = QuoteLocator(text, loose=loose)
        return found


def _parse_located(text: str, *, path: str | Path | None = None, syntax: str = "yaml", read_sources: bool = True,
                   reuse: _Reuse | None = None) -> Parsed:
    """The located path: a node per value, every problem reported where it is."""
    reuse = reuse or _Reuse()
    checker = _Checker(path)
    try:
        root = parse_json(text, checker.path) if syntax == "json" else parse_yaml(text, checker.path)
    except MapFormatError as exc:
        return Parsed(None, [exc])
    top = checker.keys(root, ("argmap", "speakers", "claims"), tuple(k for k in _TOP if k not in
                       ("argmap", "speakers", "claims")), "the map")
    if top is None:
        return Parsed(None, checker.errors)
    version = top.get("argmap")
    level = FORMAT_VERSION
    if version is not None:
        if version.kind == "scalar" and version.value in FORMAT_VERSIONS and not isinstance(version.value, bool):
            level = version.value
        else:
            shown = version.value if version.kind == "scalar" else version.type_name()
            checker.error(version, f"unsupported format version {shown!r}",
                          hint="this argmap reads `argmap: 1` and `argmap: 2`")
    title = ""
    if "title" in top:
        title = checker.string(top["title"], "title", allow_empty=True) or ""

    sections: dict[str, list[tuple[Node, dict[str, Node]]]] = {}
    for section in ("sources", "speakers", "claims", "arguments", "relations"):
        sections[section] = []
        node = top.get(section)
        if node is None:
            continue
        if node.kind == "scalar" and node.value is None:
            continue  # `relations:` with nothing after it: an empty list
        if node.kind != "seq":
            checker.error(node, f"{section!r} must be a list, not {node.type_name()}")
            continue
        if section == "arguments" and level < 2 and node.items:
            checker.error(node, "`arguments:` needs format 2",
                          hint="write `argmap: 2` at the top of the map")
        required, optional = _FIELDS[section]
        for i, item in enumerate(node.items):
            fields = checker.keys(item, required, optional, f"{_SINGULAR[section]} {i + 1}")
            if fields is not None:
                sections[section].append((item, fields))

    base = Path(path).parent if path is not None else Path.cwd()
    sources, texts = _sources(checker, sections["sources"], base, read_sources, reuse)
    speakers = _speakers(checker, sections["speakers"])
    positions: dict[tuple[Any, ...], tuple[int, int]] = {}
    claims = _claims(checker, sections["claims"], sources, texts, {s.id for s in speakers},
                     read_sources, positions, reuse)
    claim_ids = {_peek(f["id"]) for _, f in sections["claims"] if "id" in f} - {None}
    if level < 2:
        for _, f in sections["claims"]:
            if "act" in f:
                checker.error(f["act"], "a claim's `act` needs format 2",
                              hint="write `argmap: 2` at the top of the map")
    arguments = _arguments(checker, sections["arguments"], claim_ids,
                           {s.id for s in speakers}, positions)
    argument_ids = {_peek(f["id"]) for _, f in sections["arguments"] if "id" in f} - {None} - claim_ids
    relations = _relations(checker, sections["relations"], claim_ids,
                           {s.id for s in speakers}, positions,
                           arguments={a.id: a for a in arguments}, argument_ids=argument_ids,
                           level=level, version=top.get("argmap"))
    if checker.errors:
        return Parsed(None, checker.errors, checker.advisories)
    for i, (item, _) in enumerate(sections["speakers"]):
        positions[("speakers", i)] = (item.line, item.column)
    for i, (item, _) in enumerate(sections["sources"]):
        positions[("sources", i)] = (item.line, item.column)
    amap = ArgumentMap(title=title, sources=sources, speakers=speakers, claims=claims,
                       relations=relations, path=Path(path) if path is not None else None,
                       positions=positions, arguments=arguments)
    return Parsed(amap, [], checker.advisories)


def _peek(node: Node) -> str | None:
    """The string a scalar node holds (as :meth:`_Checker.string` reads it), without reporting."""
    if node.kind != "scalar" or node.value is None:
        return None
    return node.value if isinstance(node.value, str) else node.raw


def _unique(checker: _Checker, seen: dict[str, Node], value: str | None, node: Node, what: str) -> bool:
    if value is None:
        return False
    if value in seen:
        checker.error(node, f"duplicate {what} id {value!r} (first at line {seen[value].line})",
                      hint="ids must be unique")
        return False
    seen[value] = node
    return True


def _sources(checker: _Checker, items: list[tuple[Node, dict[str, Node]]], base: Path,
             read: bool, reuse: _Reuse) -> tuple[list[Source], dict[str, str]]:
    seen: dict[str, Node] = {}
    sources: list[Source] = []
    texts: dict[str, str] = {}
    for _, f in items:
        sid = checker.string(f["id"], "source id") if "id" in f else None
        file = checker.string(f["file"], "source file") if "file" in f else None
        sha = checker.string(f["sha256"], "sha256") if "sha256" in f else None
        title = checker.string(f["title"], "source title", allow_empty=True) if "title" in f else None
        whitespace = checker.string(f["whitespace"], "whitespace") if "whitespace" in f else "exact"
        if whitespace is not None and whitespace not in WHITESPACE:
            checker.error(f["whitespace"], f"unknown whitespace {whitespace!r}",
                          hint="use exact (quotes match character for character, the default) or loose")
            whitespace = None
        if sha is not None and not _HEX64.fullmatch(sha):
            checker.error(f["sha256"], "sha256 must be 64 hexadecimal digits",
                          hint="compute it with `sha256sum FILE`")
            sha = None
        if not _unique(checker, seen, sid, f.get("id"), "source") or file is None:
            continue
        text = None
        if read:
            try:
                found = reuse.read(file, base)
            except MapFormatError as exc:
                checker.add(f["file"], exc)
            else:
                text = texts[sid] = found.text
                changed = sha_problem(sid, found.sha256, sha)
                if changed is not None:
                    checker.add(f["sha256"], changed, advisory=True)
        sources.append(Source(sid, file, sha.lower() if sha else None, title, text, whitespace or "exact"))
    return sources, texts


def _speakers(checker: _Checker, items: list[tuple[Node, dict[str, Node]]]) -> list[Speaker]:
    seen: dict[str, Node] = {}
    speakers = []
    for _, f in items:
        sid = checker.string(f["id"], "speaker id") if "id" in f else None
        name = checker.string(f["name"], "speaker name") if "name" in f else sid
        if _unique(checker, seen, sid, f.get("id"), "speaker"):
            speakers.append(Speaker(sid, name or sid))
    return speakers


def _ref(checker: _Checker, node: Node, value: str | None, known: set[str] | dict[str, Any],
         what: str, listing: str) -> bool:
    if value is None:
        return False
    if value not in known:
        checker.error(node, f"unknown {what} {value!r}",
                      hint=did_you_mean(value, known) or (f"{listing}: " + ", ".join(sorted(known))
                                                          if known else f"the map has no {listing}"))
        return False
    return True


def _claims(checker: _Checker, items: list[tuple[Node, dict[str, Node]]], sources: list[Source],
            texts: dict[str, str], speakers: set[str], read: bool,
            positions: dict[tuple[Any, ...], tuple[int, int]], reuse: _Reuse) -> list[Claim]:
    seen: dict[str, Node] = {}
    claims = []
    source_ids = {s.id: s for s in sources}
    # every quote of a source is located in one pass over its text
    quotes: dict[str, list[str]] = {}
    if read:
        only = sources[0].id if len(sources) == 1 else None
        for _, f in items:
            quote_node, source_node = f.get("quote"), f.get("source")
            quote = _peek(quote_node) if quote_node is not None else None
            sid = _peek(source_node) if source_node is not None else only
            if quote is not None and sid in texts:
                quotes.setdefault(sid, []).append(quote)
    locators = {sid: reuse.locator(texts[sid], source_ids[sid].whitespace == "loose") for sid in quotes}
    for sid, listed in quotes.items():
        locators[sid].prepare(listed)
    for item, f in items:
        cid = checker.string(f["id"], "claim id") if "id" in f else None
        speaker = checker.string(f["speaker"], "speaker") if "speaker" in f else None
        text = checker.string(f["text"], "claim text") if "text" in f else None
        kind = checker.string(f["kind"], "kind") if "kind" in f else "claim"
        if kind is not None and kind not in CLAIM_KINDS:
            checker.error(f["kind"], f"unknown kind {kind!r}",
                          hint=" ".join(filter(None, [did_you_mean(kind, CLAIM_KINDS),
                                                        "kinds: " + ", ".join(CLAIM_KINDS)])))
            kind = None
        source = checker.string(f["source"], "source") if "source" in f else None
        quote = checker.string(f["quote"], "quote") if "quote" in f else None
        occurrence = checker.integer(f["occurrence"], "occurrence", 1) if "occurrence" in f else None
        act = checker.string(f["act"], "act") if "act" in f else None
        tags: list[str] = []
        if "tags" in f:
            tnode = f["tags"]
            if tnode.kind != "seq":
                checker.error(tnode, f"tags must be a list, not {tnode.type_name()}", hint="write [a, b]")
            else:
                tags = [t for t in (checker.string(n, "a tag") for n in tnode.items) if t is not None]
        silence = _silence(checker, f["silence"]) if "silence" in f else ()
        ok = _unique(checker, seen, cid, f.get("id"), "claim")
        ok = _ref(checker, f.get("speaker"), speaker, speakers, "speaker", "speakers") and ok
        if source is not None:
            ok = _ref(checker, f["source"], source, source_ids, "source", "sources") and ok
        elif quote is not None:
            if len(sources) == 1:
                source = sources[0].id
            else:
                checker.error(f["quote"], f"claim {cid!r} has a quote but no source",
                              hint="add `source: ID`" if sources else "add the text under `sources:`")
                ok = False
        if occurrence is not None and quote is None:
            checker.error(f["occurrence"], "occurrence without a quote")
        start = end = None
        if ok and quote is not None and read and source in texts:
            start, end = _place(checker, f, cid, quote, occurrence, texts[source], source,
                                loose=source_ids[source].whitespace == "loose", locator=locators.get(source))
        elif not read:
            start = checker.integer(f["start"], "start", 0) if "start" in f else None
            end = checker.integer(f["end"], "end", 0) if "end" in f else None
        if not ok or None in (cid, speaker, text, kind):
            continue
        positions[("claims", len(claims))] = (item.line, item.column)
        if "quote" in f:
            positions[("claims", len(claims), "quote")] = (f["quote"].line, f["quote"].column)
        if "silence" in f:
            positions[("claims", len(claims), "silence")] = (f["silence"].line, f["silence"].column)
        claims.append(Claim(cid, speaker, text, kind, source, quote, occurrence, tuple(tags), start, end,
                            act, silence=silence))
    return claims


def _silence(checker: _Checker, node: Node) -> tuple[tuple[str, str], ...]:
    """A claim's ``silence: {RULE: REASON}``: lint rules silenced for it, each with a reason.

    Which rule ids exist is :mod:`argmap.lint`'s business (it reports unknown ones);
    here each entry must be a rule id and a non-empty reason.
    """
    if node.kind != "map":
        checker.error(node, f"silence must map lint rule ids to reasons, not {node.type_name()}",
                      hint="write `silence: {no-thesis: why the text leaves this claim aside}`")
        return ()
    entries = []
    for key, value in node.pairs:
        rule = checker.string(key, "a silenced rule id")
        reason = checker.string(value, f"the reason for silencing {rule!r}" if rule else "a reason")
        if rule is not None and reason is not None:
            entries.append((rule, reason))
    return tuple(entries)


def _place(checker: _Checker, f: dict[str, Node], cid: str | None, quote: str, occurrence: int | None,
           text: str, source: str, loose: bool = False,
           locator: QuoteLocator | None = None) -> tuple[int | None, int | None]:
    placed = place(text, quote, occurrence, claim=cid, source=source, loose=loose, locator=locator)
    match = placed.match
    if match is None:
        assert placed.error is not None
        checker.add(f[placed.error_field], placed.error)
        return None, None
    if placed.advisory is not None:
        checker.add(f["quote"], placed.advisory, advisory=True)
    for key, derived in (("start", match.start), ("end", match.end)):
        if key in f:
            given = checker.integer(f[key], key, 0)
            if given is not None and given != derived:
                checker.error(f[key], f"{key} of claim {cid!r} is {given}, but the quote is at "
                              f"{match.start}..{match.end}", cls=ProvenanceError,
                              hint="offsets are derived from the quote: remove start/end or fix the quote")
    return match.start, match.end


def _arguments(checker: _Checker, items: list[tuple[Node, dict[str, Node]]],
               claim_ids: set[str], speakers: set[str],
               positions: dict[tuple[Any, ...], tuple[int, int]]) -> list[Argument]:
    """The ``arguments:`` section (format 2), each rule a located error."""
    seen: dict[str, Node] = {}
    shapes: dict[tuple[frozenset[str], str], tuple[str, Node]] = {}
    arguments = []
    named = {_peek(f["id"]) for _, f in items if "id" in f} - claim_ids

    def claim_ref(node: Node, value: str, role: str) -> bool:
        if value in named:
            checker.error(node, f"{role} {value!r} is an argument, not a claim",
                          hint="premises and conclusions are claims; to chain arguments, use the "
                          "conclusion of one as a premise of the next")
            return False
        return _ref(checker, node, value, claim_ids, "claim", "claims")

    for item, f in items:
        aid = checker.string(f["id"], "argument id") if "id" in f else None
        ok = aid is not None
        if aid is not None and aid in claim_ids:
            checker.error(f["id"], f"argument id {aid!r} is already a claim id",
                          hint="claims and arguments share one id space; rename one of them")
            ok = False
        elif not _unique(checker, seen, aid, f.get("id"), "argument"):
            ok = False
        premises: list[str] = []
        pnode = f.get("premises")
        if pnode is not None:
            if pnode.kind == "scalar" and isinstance(_peek(pnode), str) and pnode.value is not None:
                checker.error(pnode, f"premises must be a list, not {pnode.type_name()}",
                              hint=f"write [{_peek(pnode)}]")
                ok = False
            elif pnode.kind != "seq":
                checker.error(pnode, f"premises must be a list, not {pnode.type_name()}",
                              hint="write [P1, P2]")
                ok = False
            elif not pnode.items:
                checker.error(pnode, f"argument {aid!r} has no premises",
                              hint="give at least one premise (a claim id)")
                ok = False
            else:
                for n in pnode.items:
                    pid = checker.string(n, "a premise")
                    if pid is None:
                        ok = False
                        continue
                    if not claim_ref(n, pid, "premise"):
                        ok = False
                        continue
                    if pid in premises:
                        checker.error(n, f"argument {aid!r} names premise {pid!r} twice")
                        ok = False
                        continue
                    premises.append(pid)
        conclusion = checker.string(f["conclusion"], "conclusion") if "conclusion" in f else None
        if conclusion is not None:
            if not claim_ref(f["conclusion"], conclusion, "conclusion"):
                ok = False
            elif conclusion in premises:
                checker.error(f["conclusion"], f"argument {aid!r} has its conclusion {conclusion!r} "
                              "among its premises", hint="an argument cannot conclude one of its premises")
                ok = False
        else:
            ok = False
        speaker = checker.string(f["speaker"], "speaker") if "speaker" in f else None
        if speaker is not None and not _ref(checker, f["speaker"], speaker, speakers, "speaker", "speakers"):
            ok = False
        scheme = checker.string(f["scheme"], "scheme") if "scheme" in f else None
        note = checker.string(f["note"], "note", allow_empty=True) if "note" in f else None
        if not ok or conclusion is None or not premises:
            continue
        shape = (frozenset(premises), conclusion)
        if shape in shapes:
            other, node = shapes[shape]
            checker.error(item, f"argument {aid!r} repeats argument {other!r} (line {node.line}): "
                          "same premises, same conclusion", hint="keep one of them")
            continue
        shapes[shape] = (aid, item)  # type: ignore[assignment]
        positions[("arguments", len(arguments))] = (item.line, item.column)
        arguments.append(Argument(aid, tuple(premises), conclusion, speaker, scheme, note))  # type: ignore[arg-type]
    return arguments


def _relations(checker: _Checker, items: list[tuple[Node, dict[str, Node]]], claims: set[str],
               speakers: set[str], positions: dict[tuple[Any, ...], tuple[int, int]], *,
               arguments: dict[str, Argument] | None = None, argument_ids: set[str] | None = None,
               level: int = FORMAT_VERSION, version: Node | None = None) -> list[Relation]:
    arguments = arguments or {}
    argument_ids = argument_ids or set()
    one_premise = {(a.premises[0], a.conclusion): a for a in arguments.values() if len(a.premises) == 1}
    pairs: dict[tuple[str, str], Node] = {}
    relations = []
    for item, f in items:
        a = checker.string(f["from"], "from") if "from" in f else None
        b = checker.string(f["to"], "to") if "to" in f else None
        rtype = checker.string(f["type"], "type") if "type" in f else None
        note = checker.string(f["note"], "note", allow_empty=True) if "note" in f else None
        speaker = checker.string(f["speaker"], "speaker") if "speaker" in f else None
        if a is not None and a in argument_ids:
            checker.error(f["from"], f"relation starts at argument {a!r}",
                          hint="relations start at a claim; an argument is attacked, it does not attack")
            ok = False
        else:
            ok = _ref(checker, f.get("from"), a, claims, "claim", "claims")
        if b is not None and b in argument_ids:
            if rtype == "support":
                checker.error(f["to"], f"a support relation cannot end at argument {b!r}",
                              hint="only an attack (an undercut) may end at an argument; to add a "
                              "premise, list it in the argument's premises")
                ok = False
            elif level < 2:
                checker.error(f["to"], f"an attack on argument {b!r} (an undercut) needs format 2",
                              hint="write `argmap: 2` at the top of the map")
                ok = False
            elif b in arguments and a is not None and a in arguments[b].premises:
                checker.error(item, f"claim {a!r} undercuts argument {b!r}, of which it is a premise",
                              hint="a premise cannot deny that its own argument carries the conclusion")
                ok = False
        elif argument_ids:
            ok = _ref(checker, f.get("to"), b, claims | argument_ids, "claim or argument",
                      "claims and arguments") and ok
        else:
            ok = _ref(checker, f.get("to"), b, claims, "claim", "claims") and ok
        if rtype is not None and rtype not in RELATION_TYPES:
            checker.error(f["type"], f"unknown relation type {rtype!r}",
                          hint=did_you_mean(rtype, RELATION_TYPES) or "use 'support' or 'attack'")
            ok = False
        if speaker is not None:
            ok = _ref(checker, f["speaker"], speaker, speakers, "speaker", "speakers") and ok
        if a is not None and a == b:
            checker.error(item, f"relation from {a!r} to itself", hint="a claim cannot support or attack itself")
            ok = False
        elif a is not None and b is not None:
            if (a, b) in pairs:
                checker.error(item, f"second relation from {a!r} to {b!r} (first at line "
                              f"{pairs[(a, b)].line})", hint="keep at most one relation per ordered pair")
                ok = False
            else:
                pairs[(a, b)] = item
            if rtype == "support" and (a, b) in one_premise:
                checker.error(item, f"support from {a!r} to {b!r} repeats argument "
                              f"{one_premise[(a, b)].id!r}",
                              hint="a support is a one-premise argument; keep one of them")
                ok = False
        if ok and None not in (a, b, rtype):
            positions[("relations", len(relations))] = (item.line, item.column)
            relations.append(Relation(a, b, rtype, note, speaker))
    return relations


# -- the fast path: plain values from _records, the same rules, no message ever -------------

class _Decline(Exception):
    """The fast path is not sure the map is valid: the located path reads it and says why."""


def _parse_fast(text: str, *, path: str | Path | None = None, syntax: str = "yaml", read_sources: bool = True,
                reuse: _Reuse | None = None) -> Parsed | None:
    """The map read through :mod:`argmap.formats._records`, or None to read it located.

    It applies every rule of the located path to plain values and accepts only a map
    the located path accepts without a problem or an advisory; the outcome (the map
    and its positions) is the same. On anything else it returns None: then
    :func:`_parse_located` reads the file and reports what is wrong, where.
    """
    top = _records.read(text, syntax)
    if top is None:
        return None
    try:
        return _fast(top, path, read_sources, reuse or _Reuse())
    except _Decline:
        return None


def _text(v: Any, empty: bool = False) -> str:
    """A string field as :meth:`_Checker.string` reads it, or :class:`_Decline`."""
    if type(v) is str:
        if empty or (v and not v.isspace()):
            return v
    elif type(v) is Plain and v.value is not None:
        if empty or v.raw.strip():
            return v.raw
    raise _Decline


def _whole(v: Any, minimum: int) -> int:
    """A whole-number field as :meth:`_Checker.integer` reads it, or :class:`_Decline`."""
    value = v.value if type(v) is Plain else v
    if type(value) is not int or value < minimum or value.bit_length() > 3000:
        raise _Decline  # (more than 900 digits: maybe a JSON number the located reader refuses)
    return value


#: A section's mappings (one per record), or the section by column.
_Table = list[dict[str, Any]] | _records.Columns


_REQUIRED = object()


def _column(table: _Table, key: str, default: Any = _REQUIRED) -> list[Any]:
    """The values of *key* in each record of *table*; *default* where a record lacks it
    (every record has it when no default is given)."""
    if type(table) is _records.Columns:
        found = table.values.get(key)
        if found is not None:
            return found
        if default is _REQUIRED:
            raise _Decline
        return [default] * len(table)
    if default is _REQUIRED:
        return list(map(itemgetter(key), table))
    return list(map(dict.get, table, repeat(key), repeat(default)))


def _places(records: Any) -> tuple[list[int], list[int], list[Any]]:
    """Where each record of a section starts (lines, columns) and where its quote does."""
    if type(records) is _records.Columns:
        n = len(records)
        return records.lines, [records.column] * n, records.quote_at or [None] * n
    return list(map(itemgetter(1), records)), list(map(itemgetter(2), records)), list(map(itemgetter(3), records))


_TOP_KEYS = frozenset(_TOP)
_KEYS = {section: (frozenset(required + optional), required) for section, (required, optional) in _FIELDS.items()}


def _fields(section: str, records: Any, columns: dict[str, tuple[_Table, set[str]]]) -> Any:
    """The records of *section*, its keys checked; *columns* gets its mappings (or its
    :class:`~argmap.formats._records.Columns`) and the keys they use."""
    if records is None or (type(records) is Plain and records.value is None):
        columns[section] = ([], set())
        return []
    allowed, required = _KEYS[section]
    if type(records) is _records.Columns:
        keys = set(records.keys)
        if not allowed.issuperset(keys) or not keys.issuperset(required):
            raise _Decline
        columns[section] = (records, keys)
        return records
    if type(records) is not list:
        raise _Decline
    fields = list(map(itemgetter(0), records))  # (every item of a section is a record: _records makes them)
    keys = set().union(*fields)
    if not allowed.issuperset(keys):
        raise _Decline
    for key in required:
        if not all(map(dict.__contains__, fields, repeat(key))):
            raise _Decline
    columns[section] = (fields, keys)
    return records


def _fast(top: dict[str, Any], path: str | Path | None, read: bool, reuse: _Reuse) -> Parsed:
    if not top.keys() <= _TOP_KEYS or "argmap" not in top or "speakers" not in top or "claims" not in top:
        raise _Decline
    version = top["argmap"]
    level = version.value if type(version) is Plain else version
    if type(version) is str or isinstance(level, bool) or level not in FORMAT_VERSIONS:
        raise _Decline
    title = (_text(top["title"], True) if "title" in top else "") or ""
    columns: dict[str, tuple[_Table, set[str]]] = {}
    sections = {name: _fields(name, top.get(name), columns) for name in _records.SECTIONS}
    if level < 2 and sections["arguments"]:
        raise _Decline
    base = Path(path).parent if path is not None else Path.cwd()

    # sources
    sources: list[Source] = []
    source_ids: set[str] = set()
    texts: dict[str, str] = {}
    for f, *_ in sections["sources"]:
        sid = _text(f["id"])
        file = _text(f["file"])
        sha = _text(f["sha256"]) if "sha256" in f else None
        stitle = _text(f["title"], True) if "title" in f else None
        whitespace = _text(f["whitespace"]) if "whitespace" in f else "exact"
        if whitespace not in WHITESPACE or (sha is not None and not _HEX64.fullmatch(sha)) or sid in source_ids:
            raise _Decline
        source_ids.add(sid)
        source_text = None
        if read:
            try:
                found = reuse.read(file, base)
            except MapFormatError:
                raise _Decline from None
            source_text = texts[sid] = found.text
            if sha_problem(sid, found.sha256, sha) is not None:
                raise _Decline
        sources.append(Source(sid, file, sha.lower() if sha else None, stitle, source_text, whitespace))
    by_source = {s.id: s for s in sources}

    # speakers
    speakers: list[Speaker] = []
    speaker_ids: set[str] = set()
    for f, *_ in sections["speakers"]:
        sid = _text(f["id"])
        name = _text(f["name"]) if "name" in f else sid
        if sid in speaker_ids:
            raise _Decline
        speaker_ids.add(sid)
        speakers.append(Speaker(sid, name or sid))

    # positions in the located path's order, each part a dict or a function giving the pairs
    parts: list[Any] = []

    def part() -> dict[tuple[Any, ...], tuple[int, int]]:
        parts.append({})
        return parts[-1]

    claims = _bulk_claims(sections["claims"], *columns["claims"], sources, by_source, texts, speaker_ids, read,
                          parts, reuse)
    if claims is None:
        claims = _fast_claims(sections["claims"], sources, by_source, texts, speaker_ids, read, level, part(),
                              reuse)
    claim_ids = {c.id for c in claims}
    arguments = _fast_arguments(sections["arguments"], claim_ids, speaker_ids, part())
    relations = _bulk_relations(sections["relations"], *columns["relations"], claim_ids, arguments, parts)
    if relations is None:
        relations = _fast_relations(sections["relations"], claim_ids, speaker_ids, arguments, level, part())
    rest = part()
    for i, (_, line, column, _, _) in enumerate(sections["speakers"]):
        rest[("speakers", i)] = (line, column)
    for i, (_, line, column, _, _) in enumerate(sections["sources"]):
        rest[("sources", i)] = (line, column)
    # every rule of the constructor was checked above (or the fast path declined)
    amap = ArgumentMap._checked(title=title, sources=sources, speakers=speakers, claims=claims,
                                relations=relations, path=Path(path) if path is not None else None,
                                positions=MappingProxyType(_Positions(parts)), arguments=arguments)
    return Parsed(amap, [], [])


def _fast_claims(records: list[Any], sources: list[Source], by_source: dict[str, Source], texts: dict[str, str],
                 speakers: set[str], read: bool, level: int | float,
                 positions: dict[tuple[Any, ...], tuple[int, int]], reuse: _Reuse) -> list[Claim]:
    only = sources[0].id if len(sources) == 1 else None
    locators: dict[str, QuoteLocator] = {}
    if read:
        quotes: dict[str, list[str]] = {}
        for f, *_ in records:
            if "quote" in f:
                sid = _text(f["source"]) if "source" in f else only
                if sid in texts:
                    quotes.setdefault(sid, []).append(_text(f["quote"]))
        for sid, listed in quotes.items():
            locators[sid] = reuse.locator(texts[sid], by_source[sid].whitespace == "loose")
            locators[sid].prepare(listed)
    claims: list[Claim] = []
    seen: set[str] = set()
    kinds = frozenset(CLAIM_KINDS)
    for f, line, column, quote_at, silence_at in records:
        cid = f["id"]
        if type(cid) is not str or not cid or cid.isspace():
            cid = _text(cid)
        speaker = f["speaker"]
        if type(speaker) is not str or not speaker or speaker.isspace():
            speaker = _text(speaker)
        text = f["text"]
        if type(text) is not str or not text or text.isspace():
            text = _text(text)
        if cid in seen or speaker not in speakers:
            raise _Decline
        seen.add(cid)
        kind = "claim"
        source = quote = act = None
        occurrence = start = end = None
        tags: tuple[str, ...] = ()
        silence: tuple[tuple[str, str], ...] = ()
        if len(f) > 3:
            if "kind" in f:
                kind = _text(f["kind"])
                if kind not in kinds:
                    raise _Decline
            if "source" in f:
                source = _text(f["source"])
                if source not in by_source:
                    raise _Decline
            if "quote" in f:
                quote = f["quote"]
                if type(quote) is not str or not quote or quote.isspace():
                    quote = _text(quote)
                if source is None:
                    if len(sources) != 1:
                        raise _Decline
                    source = sources[0].id
            if "occurrence" in f:
                occurrence = _whole(f["occurrence"], 1)
                if quote is None:
                    raise _Decline
            if "act" in f:
                if level < 2:
                    raise _Decline
                act = _text(f["act"])
            if "tags" in f:
                listed = f["tags"]
                if type(listed) is not list:
                    raise _Decline
                tags = tuple(_text(t) for t in listed)
            if "silence" in f:
                entries = f["silence"]
                if type(entries) is not dict:
                    raise _Decline
                silence = tuple((_text(rule), _text(reason)) for rule, reason in entries.items())
            if quote is not None and read:
                if source not in texts:
                    raise _Decline
                match = locators[source].locate(quote, occurrence)
                if match is None or (match.count > 1 and occurrence is None):
                    raise _Decline
                start, end = match.start, match.end
                if ("start" in f and _whole(f["start"], 0) != start) or ("end" in f and _whole(f["end"], 0) != end):
                    raise _Decline
            elif not read:
                start = _whole(f["start"], 0) if "start" in f else None
                end = _whole(f["end"], 0) if "end" in f else None
        i = len(claims)
        positions[("claims", i)] = (line, column)
        if quote_at is not None:
            positions[("claims", i, "quote")] = quote_at
        if silence_at is not None:
            positions[("claims", i, "silence")] = silence_at
        claims.append(Claim(cid, speaker, text, kind, source, quote, occurrence, tags, start, end, act,
                            silence=silence))
    return claims


def _fast_arguments(records: list[Any], claim_ids: set[str], speakers: set[str],
                    positions: dict[tuple[Any, ...], tuple[int, int]]) -> list[Argument]:
    arguments: list[Argument] = []
    seen: set[str] = set()
    shapes: set[tuple[frozenset[str], str]] = set()
    for f, line, column, _, _ in records:
        aid = _text(f["id"])
        if aid in claim_ids or aid in seen:
            raise _Decline
        seen.add(aid)
        listed = f["premises"]
        if type(listed) is not list or not listed:
            raise _Decline
        premises: list[str] = []
        for p in listed:
            pid = _text(p)
            if pid not in claim_ids or pid in premises:
                raise _Decline
            premises.append(pid)
        conclusion = _text(f["conclusion"])
        if conclusion not in claim_ids or conclusion in premises:
            raise _Decline
        speaker = _text(f["speaker"]) if "speaker" in f else None
        if speaker is not None and speaker not in speakers:
            raise _Decline
        scheme = _text(f["scheme"]) if "scheme" in f else None
        note = _text(f["note"], True) if "note" in f else None
        shape = (frozenset(premises), conclusion)
        if shape in shapes:
            raise _Decline
        shapes.add(shape)
        positions[("arguments", len(arguments))] = (line, column)
        arguments.append(Argument(aid, tuple(premises), conclusion, speaker, scheme, note))
    return arguments


def _fast_relations(records: list[Any], claims: set[str], speakers: set[str], arguments: list[Argument],
                    level: int | float, positions: dict[tuple[Any, ...], tuple[int, int]]) -> list[Relation]:
    by_id = {a.id: a for a in arguments}
    one_premise = {(a.premises[0], a.conclusion) for a in arguments if len(a.premises) == 1}
    pairs: set[tuple[str, str]] = set()
    relations: list[Relation] = []
    types = frozenset(RELATION_TYPES)
    for f, line, column, _, _ in records:
        a = f["from"]
        if type(a) is not str or not a or a.isspace():
            a = _text(a)
        b = f["to"]
        if type(b) is not str or not b or b.isspace():
            b = _text(b)
        rtype = f["type"]
        if type(rtype) is not str:
            rtype = _text(rtype)
        note = speaker = None
        if len(f) > 3:
            note = _text(f["note"], True) if "note" in f else None
            speaker = _text(f["speaker"]) if "speaker" in f else None
            if speaker is not None and speaker not in speakers:
                raise _Decline
        if a not in claims or rtype not in types or a == b:
            raise _Decline
        if b in by_id:
            if rtype == "support" or level < 2 or a in by_id[b].premises:
                raise _Decline
        elif b not in claims:
            raise _Decline
        pair = (a, b)
        if pair in pairs or (rtype == "support" and pair in one_premise):
            raise _Decline
        pairs.add(pair)
        positions[("relations", len(relations))] = (line, column)
        relations.append(Relation(a, b, rtype, note, speaker))
    return relations


# The common case checked a column at a time (C-level set and map operations): records
# that hold only the keys below, all strings. Anything else (or any doubt) goes through
# the record-by-record loops above, which decline on every problem.
_SIMPLE_CLAIM = frozenset({"id", "speaker", "text", "kind", "source", "quote", "start", "end"})
_BARE_RELATION = frozenset({"from", "to", "type"})
_ABSENT = object()
_CLAIM_KINDS = frozenset(CLAIM_KINDS)
_RELATION_TYPES = frozenset(RELATION_TYPES)


def _strings(values: list[Any]) -> bool:
    """Whether every value is a string that is neither empty nor blank."""
    return set(map(type, values)) <= {str} and all(values) and not any(map(str.isspace, values))


def _bulk_claims(records: Any, fields: _Table, keys: set[str], sources: list[Source],
                 by_source: dict[str, Source], texts: dict[str, str], speakers: set[str], read: bool,
                 parts: list[Any], reuse: _Reuse) -> list[Claim] | None:
    """:func:`_fast_claims` for records of strings with the keys of :data:`_SIMPLE_CLAIM`, or None.

    *fields* are the records' mappings, *keys* all the keys they use (:func:`_fields`).
    """
    if not _SIMPLE_CLAIM.issuperset(keys):
        return None
    n = len(fields)
    ids = _column(fields, "id")
    texts_ = _column(fields, "text")
    said = _column(fields, "speaker")
    kinds = _column(fields, "kind", "claim") if "kind" in keys else ["claim"] * n
    quotes = _column(fields, "quote", None) if "quote" in keys else [None] * n
    given: list[Any] = _column(fields, "source", None) if "source" in keys else [None] * n
    quoted = quotes if None not in quotes else [q for q in quotes if q is not None]
    try:
        if not (_strings(ids) and len(set(ids)) == n and _strings(texts_) and speakers.issuperset(said)
                and _CLAIM_KINDS.issuperset(kinds) and _strings(quoted)
                and by_source.keys() >= set(given) - {None}):
            return None
    except TypeError:  # an unhashable value
        return None
    only = sources[0].id if len(sources) == 1 else None
    if None in given:
        if only is None and len(quoted) != sum(1 for q, s in zip(quotes, given) if q is not None and s is not None):
            return None  # a quote without a source, and not one source to take it from
        given = [s if s is not None or q is None else only for s, q in zip(given, quotes)]
    starts: list[Any] = [None] * n
    ends: list[Any] = [None] * n
    offsets = "start" in keys or "end" in keys
    if offsets:  # as written (checked against the derived offsets when the sources are read)
        given_starts = _column(fields, "start", _ABSENT)
        given_ends = _column(fields, "end", _ABSENT)
        if not read:
            starts = [None if v is _ABSENT else _whole(v, 0) for v in given_starts]
            ends = [None if v is _ABSENT else _whole(v, 0) for v in given_ends]
    if read and quoted:
        # each source's quotes (their claims' indexes), located in one call per source
        if len(quoted) == n and len(set(given)) == 1:
            by_text: dict[str, list[int]] = {given[0]: list(range(n))}
        else:
            by_text = {}
            for i, (q, s) in enumerate(zip(quotes, given)):
                if q is not None:
                    by_text.setdefault(s, []).append(i)
        for sid, indexes in by_text.items():
            if sid not in texts:
                return None
            locator = reuse.locator(texts[sid], by_source[sid].whitespace == "loose")
            found = locator.locate_each(quotes if len(indexes) == n else [quotes[i] for i in indexes])
            if found is None:
                return None  # a quote not found, or found more than once
            if len(indexes) == n:
                starts, ends = found
            else:
                for i, start, end in zip(indexes, *found):
                    starts[i], ends[i] = start, end
        if offsets:
            for i in range(n):
                if quotes[i] is not None:
                    start, end = given_starts[i], given_ends[i]
                    if (start is not _ABSENT and _whole(start, 0) != starts[i]) \
                            or (end is not _ABSENT and _whole(end, 0) != ends[i]):
                        return None
    claims = _columns(Claim, n, id=ids, speaker=said, text=texts_, kind=kinds, source=given, quote=quotes,
                      start=starts, end=ends)
    lines, columns, quote_at = _places(records)

    def where() -> Iterator[tuple[tuple[Any, ...], tuple[int, int]]]:  # each record, then its quote
        at = zip(zip(repeat("claims"), range(n)), zip(lines, columns))
        if len(quoted) == n:
            return chain.from_iterable(zip(at, zip(zip(repeat("claims"), range(n), repeat("quote")), quote_at)))
        return chain.from_iterable(((key, pos), (key + ("quote",), q)) if q is not None else ((key, pos),)
                                   for (key, pos), q in zip(at, quote_at))

    parts.append(where)
    return claims


def _bulk_relations(records: Any, fields: _Table, keys: set[str], claims: set[str],
                    arguments: list[Argument], parts: list[Any]) -> list[Relation] | None:
    """:func:`_fast_relations` for a map without arguments whose relations have only from, to, type; or None.

    *fields* are the records' mappings, *keys* all the keys they use (:func:`_fields`: each
    record has the required from, to and type).
    """
    n = len(fields)
    if arguments or not keys <= _BARE_RELATION:
        return None
    froms = _column(fields, "from")
    tos = _column(fields, "to")
    types = _column(fields, "type")
    try:
        if not (claims.issuperset(froms) and claims.issuperset(tos) and _RELATION_TYPES.issuperset(types)
                and not any(map(str.__eq__, froms, tos)) and len(set(zip(froms, tos))) == n):
            return None
    except TypeError:
        return None
    lines, columns, _ = _places(records)
    parts.append(lambda: zip(zip(repeat("relations"), range(n)), zip(lines, columns)))
    return _columns(Relation, n, from_id=froms, to_id=tos, type=types)


class _Positions(Mapping[tuple[Any, ...], tuple[int, int]]):
    """:attr:`ArgumentMap.positions` of a map read by the fast path, built on first use.

    *parts* are dicts and functions giving ``(key, position)`` pairs, in the order in
    which the located path fills its dict; only :mod:`argmap.lint` asks for positions.
    """

    __slots__ = ("_parts", "_built")

    def __init__(self, parts: list[Any]) -> None:
        self._parts = parts
        self._built: dict[tuple[Any, ...], tuple[int, int]] | None = None

    def _data(self) -> dict[tuple[Any, ...], tuple[int, int]]:
        if self._built is None:
            built: dict[tuple[Any, ...], tuple[int, int]] = {}
            for piece in self._parts:
                built.update(piece() if callable(piece) else piece)
            self._built, self._parts = built, []
        return self._built

    def __getitem__(self, key: tuple[Any, ...]) -> tuple[int, int]:
        return self._data()[key]

    def __contains__(self, key: object) -> bool:
        return key in self._data()

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self._data())

    def __len__(self) -> int:
        return len(self._data())


def loads(text: str, *, path: str | Path | None = None, syntax: str = "yaml",
          advisories: list[ArgmapError] | None = None) -> ArgumentMap:
    """Read a native map from *text*.

    Parameters
    ----------
    text : str
    path : str or Path, optional
        Where it came from (source files are relative to its folder).
    syntax : {"yaml", "json"}
    advisories : list, optional
        Where to append the problems loading tolerates but ``argmap check``
        reports (see :func:`parse`).

    Raises
    ------
    MapFormatError
        The first problem; the attribute ``errors`` lists all of them.
    """
    parsed = parse(text, path=path, syntax=syntax)
    if advisories is not None:
        advisories.extend(parsed.advisories)
    if parsed.errors:
        first = parsed.errors[0]
        raise MapFormatError(first.message, path=first.path, line=first.line, column=first.column,
                             hint=first.hint, errors=parsed.errors)
    assert parsed.map is not None
    return parsed.map


def to_data(amap: ArgumentMap, *, offsets: bool = False) -> dict[str, Any]:
    """The map as plain data in the native schema (``start``/``end`` with *offsets*).

    ``argmap`` is 1 unless the map needs format 2 (see :func:`version_needed`).
    ``arguments`` (only when the map has some) lists ``{id, premises, conclusion,
    speaker, scheme?, note?}``, ``speaker`` resolved to the conclusion's speaker when
    the argument names none.
    """
    return _data(amap, offsets, encoded=False)


def _data(amap: ArgumentMap, offsets: bool, encoded: bool, rows: bool = True) -> dict[str, Any]:
    """:func:`to_data`; with *encoded*, flat claims and relations as JSON :class:`Records` (for :func:`dumps`).

    Without *rows*, ``claims`` and ``relations`` are None (the YAML writer writes them column by column).
    """
    if not rows:
        claims: Any = None
        relations: Any = None
    elif encoded and not any(c.tags or c.silence for c in amap.claims):
        claims = Records([_claim_json(c, offsets) for c in amap.claims])
        relations = Records([_relation_json(r) for r in amap.relations])
    else:
        claims = [_claim_data(c, offsets) for c in amap.claims]
        relations = [_relation_data(r) for r in amap.relations]
    sources = []
    for s in amap.sources:
        d: dict[str, Any] = {"id": s.id, "file": s.file}
        if s.sha256:
            d["sha256"] = s.sha256
        if s.title is not None:
            d["title"] = s.title
        if s.whitespace != "exact":
            d["whitespace"] = s.whitespace
        sources.append(d)
    arguments = []
    for a in amap.arguments:
        d = {"id": a.id, "premises": list(a.premises), "conclusion": a.conclusion,
             "speaker": amap.argument_speaker(a)}
        if a.scheme is not None:
            d["scheme"] = a.scheme
        if a.note is not None:
            d["note"] = a.note
        arguments.append(d)
    data: dict[str, Any] = {"argmap": version_needed(amap), "title": amap.title}
    if sources:
        data["sources"] = sources
    data["speakers"] = [{"id": s.id, "name": s.name} for s in amap.speakers]
    data["claims"] = claims
    if arguments:
        data["arguments"] = arguments
    data["relations"] = relations
    return data


def _claim_data(c: Claim, offsets: bool) -> dict[str, Any]:
    d: dict[str, Any] = {"id": c.id, "speaker": c.speaker}
    if c.source is not None:
        d["source"] = c.source
    d["kind"] = c.kind
    d["text"] = c.text
    if c.quote is not None:
        d["quote"] = c.quote
    if c.occurrence is not None:
        d["occurrence"] = c.occurrence
    if c.tags:
        d["tags"] = list(c.tags)
    if c.act is not None:
        d["act"] = c.act
    if c.silence:
        d["silence"] = dict(c.silence)
    if offsets and c.start is not None:
        d["start"], d["end"] = c.start, c.end
    return d


def _claim_json(c: Claim, offsets: bool) -> str:
    """:func:`_claim_data` of a claim without tags or silences, as a JSON :class:`Records` body."""
    text = f'"id": {encode_string(c.id)},\n"speaker": {encode_string(c.speaker)}'
    if c.source is not None:
        text += ',\n"source": ' + encode_string(c.source)
    text += f',\n"kind": {encode_string(c.kind)},\n"text": {encode_string(c.text)}'
    if c.quote is not None:
        text += ',\n"quote": ' + encode_string(c.quote)
    if c.occurrence is not None:
        text += f',\n"occurrence": {c.occurrence:d}'
    if c.act is not None:
        text += ',\n"act": ' + encode_string(c.act)
    if offsets and c.start is not None:
        text += f',\n"start": {c.start:d},\n"end": {c.end:d}'
    return text


def _relation_data(r: Relation) -> dict[str, Any]:
    d = {"from": r.from_id, "to": r.to_id, "type": r.type}
    if r.note is not None:
        d["note"] = r.note
    if r.speaker is not None:
        d["speaker"] = r.speaker
    return d


def _relation_json(r: Relation) -> str:
    """:func:`_relation_data` as a JSON :class:`Records` body."""
    text = f'"from": {encode_string(r.from_id)},\n"to": {encode_string(r.to_id)},\n"type": {encode_string(r.type)}'
    if r.note is not None:
        text += ',\n"note": ' + encode_string(r.note)
    if r.speaker is not None:
        text += ',\n"speaker": ' + encode_string(r.speaker)
    return text


def version_needed(amap: ArgumentMap) -> int:
    """The lowest format version that holds *amap*: 2 with arguments, undercuts or acts, else 1.

    Examples
    --------
    >>> from argmap.model import Speaker
    >>> version_needed(ArgumentMap(speakers=[Speaker("s", "S")], claims=[Claim("A", "s", "a")]))
    1
    """
    if amap.arguments or any(c.act is not None for c in amap.claims):
        return 2
    return 1


def dumps(amap: ArgumentMap, *, syntax: str = "yaml", offsets: bool | None = None) -> str:
    """Write *amap* in the native format.

    Parameters
    ----------
    syntax : {"yaml", "json"}
    offsets : bool, optional
        Include the derived ``start``/``end`` of each claim. Default: yes for JSON
        (the stable output of ``argmap convert --to json``), no for YAML.

    Notes
    -----
    The YAML is written in the plain subset that :mod:`argmap.formats._plainyaml`
    reads fast: block mappings, one line per scalar (never wrapped), speakers and
    relations without a note on one line each, short lists of strings inline; a
    string is written plain when YAML reads it back as that very string, else
    double-quoted with escapes.
    """
    return "".join(dump_chunks(amap, syntax=syntax, offsets=offsets))


def dump_chunks(amap: ArgumentMap, *, syntax: str = "yaml", offsets: bool | None = None) -> list[str]:
    """The text of :func:`dumps` in pieces (their concatenation), to be written one after the other.

    The YAML comes in the pieces it is made of (the claims' and relations' blocks
    among them), the JSON in one.

    Examples
    --------
    >>> from argmap.model import Speaker
    >>> m = ArgumentMap(speakers=[Speaker("s", "S")], claims=[Claim("A", "s", "a")])
    >>> "".join(dump_chunks(m, syntax="json")) == dumps(m, syntax="json")
    True
    """
    if offsets is None:
        offsets = syntax == "json"
    if syntax == "json":
        return [dump_json(_data(amap, offsets, encoded=True))]
    return _Yaml().document(_data(amap, offsets, encoded=False, rows=False), amap, offsets)


#: The least length of the pieces of :func:`dump_chunks` (but those before a longer one, and the last).
_CHUNK = 1 << 20


class _Yaml:
    """The YAML writer of :func:`dumps` (linear, one ``str.join`` at the end)."""

    def __init__(self) -> None:
        import yaml

        self.resolver = yaml.resolver.Resolver()
        self.scalar_node = yaml.ScalarNode
        self.cache: dict[tuple[str, bool], str] = {}
        # a string whose first character starts no implicit resolver is a string
        resolvers = self.resolver.yaml_implicit_resolvers
        plain = None in resolvers or self.resolver.yaml_path_resolvers
        self.resolved = None if plain else frozenset(k for k in resolvers if k)
        # first characters (or none) that make :meth:`column` ask :meth:`scalar`
        self.bad_first = frozenset({""} | _YAML_INDICATORS | (self.resolved or set()))

    def scalar(self, value: Any, flow: bool) -> str:
        if type(value) is not str:
            if value is None:
                return "null"
            if isinstance(value, bool):
                return "true" if value else "false"
            if isinstance(value, (int, float)):
                return repr(value)
        key = (value, flow)
        hit = self.cache.get(key)
        if hit is None:
            hit = value if self._plain(value, flow) else _double_quoted(value)
            if len(value) < 64:  # ids, speakers, kinds repeat; long texts seldom do
                self.cache[key] = hit
        return hit

    def _plain(self, s: str, flow: bool) -> bool:
        if not s or s[0] in _YAML_INDICATORS or s[-1] in " :" or ": " in s or " #" in s \
                or _YAML_UNSAFE.search(s) or (flow and _YAML_FLOW_UNSAFE.search(s)):
            return False
        if self.resolved is not None and s[0] not in self.resolved:
            return True
        return self.resolver.resolve(self.scalar_node, s, (True, False)) == "tag:yaml.org,2002:str"

    def value(self, key: str, v: Any, indent: str, out: list[str]) -> None:
        if isinstance(v, dict):
            if not v:
                out.append(f"{indent}{key}: {{}}")
                return
            out.append(f"{indent}{key}:")
            for k, item in v.items():
                self.value(self.scalar(k, False), item, indent + "  ", out)
        elif isinstance(v, list):
            if not v:
                out.append(f"{indent}{key}: []")
            elif all(isinstance(x, str) and len(x) < 40 for x in v):
                out.append(f"{indent}{key}: [" + ", ".join(self.scalar(x, True) for x in v) + "]")
            else:
                out.append(f"{indent}{key}:")
                out.extend(f"{indent}- {self.scalar(x, False)}" for x in v)
        else:
            out.append(f"{indent}{key}: {self.scalar(v, False)}")

    def records(self, key: str, items: list[dict[str, Any]], flow: bool, out: list[str]) -> None:
        if not items:
            out.append(f"{key}: []")
            return
        out.append(f"{key}:")
        scalar, cache = self.scalar, self.cache
        for item in items:
            if flow and "note" not in item:
                out.append("- {" + ", ".join([f"{k}: {cache.get((v, True)) or scalar(v, True)}"
                                              for k, v in item.items()]) + "}")
                continue
            lead = "- "
            for k, v in item.items():
                if type(v) is str:  # the common case, one line
                    out.append(f"{lead}{k}: {cache.get((v, False)) or scalar(v, False)}")
                else:
                    lines: list[str] = []
                    self.value(k, v, "  ", lines)
                    lines[0] = lead + lines[0][2:]
                    out.extend(lines)
                lead = "  "

    def document(self, data: dict[str, Any], amap: ArgumentMap, offsets: bool) -> list[str]:
        """The YAML of *data* (from :func:`_data` without rows: the claims and relations come from *amap*), in
        pieces (see :func:`dump_chunks`)."""
        out: list[str] = []
        for key, v in data.items():
            if key == "claims":
                self.claims(amap.claims, offsets, out)
            elif key == "relations":
                self.relations(amap.relations, out)
            elif key in ("sources", "speakers", "arguments"):
                self.records(key, v, key == "speakers", out)
            else:
                self.value(key, v, "", out)
        from .._jsondump import coalesce

        return coalesce([*chain.from_iterable(zip(out, repeat("\n")))], _CHUNK)

    def column(self, values: list[Any], flow: bool) -> list[str]:
        """``[self.scalar(v, flow) for v in values]``, deciding plain or quoted for the whole column at once.

        A string is plain when none of :meth:`_plain`'s reasons to quote it holds; the
        reasons are looked for in the joined column first (a first or last character,
        ``": "``, ``" #"``, a character :meth:`str.isprintable` refuses, which every
        character YAML escapes is, a flow indicator), then, if any is found, row by row
        with the same cheap tests; only the rows they pick go through :meth:`scalar`.
        """
        if not values:
            return []
        if self.resolved is None or set(map(type, values)) != {str}:
            return [self.scalar(v, flow) for v in values]
        bad_first = self.bad_first
        joined = " ".join(values)  # a space: it can only join two reasons to rows that have one already
        if min(map(len, values)) and bad_first.isdisjoint(set(map(itemgetter(0), values))) \
                and _YAML_BAD_LAST.isdisjoint(set(map(itemgetter(-1), values))) \
                and ": " not in joined and " #" not in joined and joined.isprintable() \
                and not (flow and _YAML_FLOW_UNSAFE.search(joined)):
            return values
        scalar = self.scalar
        if flow:
            search = _YAML_FLOW_UNSAFE.search
            return [scalar(v, True) if v[:1] in bad_first or v[-1:] in _YAML_BAD_LAST or ": " in v or " #" in v
                    or not v.isprintable() or search(v) else v for v in values]
        return [scalar(v, False) if v[:1] in bad_first or v[-1:] in _YAML_BAD_LAST or ": " in v or " #" in v
                or not v.isprintable() else v for v in values]

    def repeated(self, values: list[Any], flow: bool) -> list[str]:
        """:meth:`column` of a column with few distinct values (speakers, kinds): each written once."""
        if set(map(type, values)) != {str}:  # 1 and True are one key of a dict
            return [self.scalar(v, flow) for v in values]
        written = {v: self.scalar(v, flow) for v in set(values)}
        return [written[v] for v in values]

    def claims(self, claims: tuple[Claim, ...], offsets: bool, out: list[str]) -> None:
        """The ``claims`` block: one block mapping per claim, in :func:`_claim_data`'s key order."""
        if not claims:
            out.append("claims: []")
            return
        out.append("claims:")
        n = len(claims)
        cells: list[str | list[str]] = [
            "- id: ", self.column(list(map(_ID, claims)), False),
            "\n  speaker: ", self.repeated(list(map(_SPEAKER, claims)), False),
            self.optional("source", list(map(_SOURCE, claims)), True),
            "\n  kind: ", self.repeated(list(map(_KIND, claims)), False),
            "\n  text: ", self.column(list(map(_TEXT, claims)), False),
            self.optional("quote", list(map(_QUOTE, claims)), False),
            self.optional("occurrence", list(map(_OCCURRENCE, claims)), True),
        ]
        if any(map(_TAGS, claims)):
            cells.append(["" if not c.tags else self.lines("tags", list(c.tags)) for c in claims])
        cells.append(self.optional("act", list(map(_ACT, claims)), True))
        if any(map(_SILENCE, claims)):
            cells.append(["" if not c.silence else self.lines("silence", dict(c.silence)) for c in claims])
        if offsets and any(c.start is not None for c in claims):
            cells.append(["" if c.start is None else f"\n  start: {self.scalar(c.start, False)}\n"
                          f"  end: {self.scalar(c.end, False)}" for c in claims])
        out.append(_rows(n, cells))

    def optional(self, key: str, values: list[Any], repeated: bool) -> list[str]:
        """The cells of an optional field: ``"\\n  key: value"``, or nothing where the value is None."""
        present = [v for v in values if v is not None]
        if not present:
            return [""] * len(values)
        written = iter((self.repeated if repeated else self.column)(present, False))
        lead = f"\n  {key}: "
        return ["" if v is None else lead + next(written) for v in values]

    def lines(self, key: str, v: Any) -> str:
        """A claim's field that is not a scalar (tags, silence) as :meth:`value` writes it, after a line break."""
        lines: list[str] = []
        self.value(key, v, "  ", lines)
        return "\n" + "\n".join(lines)

    def relations(self, relations: tuple[Relation, ...], out: list[str]) -> None:
        """The ``relations`` block: a flow mapping per relation, a block mapping for one with a note."""
        if not relations:
            out.append("relations: []")
            return
        out.append("relations:")
        n = len(relations)
        if set(map(_NOTE, relations)) != {None}:
            records = [_relation_data(r) for r in relations]
            lines: list[str] = []
            self.records("relations", records, True, lines)
            out.extend(lines[1:])
            return
        speakers = list(map(_SPEAKER, relations))
        present = [v for v in speakers if v is not None]
        spoken: list[str] = [""] * n
        if present:
            written = iter(self.repeated(present, True))
            spoken = ["" if v is None else ", speaker: " + next(written) for v in speakers]
        out.append(_rows(n, [
            "- {from: ", self.column(list(map(_FROM, relations)), True),
            ", to: ", self.column(list(map(_TO, relations)), True),
            ", type: ", self.repeated(list(map(_TYPE, relations)), True), spoken, "}"]))


def _rows(rows: int, cells: list[str | list[str]]) -> str:
    """The *rows* rows made of *cells* (see :func:`argmap._jsondump.interleave`), one per line."""
    pieces = interleave(rows, ["\n", *cells])
    pieces[0] = pieces[0][1:]  # no line break before the first
    return "".join(pieces)


_ID, _SPEAKER, _SOURCE, _KIND, _TEXT, _QUOTE, _OCCURRENCE, _TAGS, _ACT, _SILENCE = map(attrgetter, (
    "id", "speaker", "source", "kind", "text", "quote", "occurrence", "tags", "act", "silence"))
_NOTE, _FROM, _TO, _TYPE = map(attrgetter, ("note", "from_id", "to_id", "type"))
# a string starting with one of these is not written plain
_YAML_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`~= ")
# nor one holding a line break, a tab or a character YAML escapes
_YAML_UNSAFE = re.compile("[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
# nor one ending with one of these
_YAML_BAD_LAST = frozenset({" ", ":"})
# nor, inside {…} or […], a flow indicator or a colon
_YAML_FLOW_UNSAFE = re.compile(r"[,\[\]{}#:]")
_YAML_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _double_quoted(s: str) -> str:
    """*s* as a YAML double-quoted scalar on one line."""
    def escape(m: re.Match[str]) -> str:
        ch = m.group()
        if ch in _YAML_ESCAPES:
            return _YAML_ESCAPES[ch]
        code = ord(ch)
        return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
    return '"' + _YAML_QUOTED_ESCAPE.sub(escape, s) + '"'


_YAML_QUOTED_ESCAPE = re.compile('[\\\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]')


def losses(amap: ArgumentMap) -> list[str]:
    """The native format holds everything: always an empty list."""
    return []
