"""Argdown building: the scanner's items to claims, arguments and relations.

See the package docstring for how Argdown's statements, arguments, premise–conclusion
structures and relations become argmap's records.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import ArgmapError, MapFormatError, did_you_mean
from ...model import CLAIM_KINDS, Argument, ArgumentMap, Claim, Relation, Source, Speaker
from ...provenance import Where, place_quotes
from .._ids import slug, unique_id
from ._scan import _TAG_WORD, DATA_KEYS, Element, Item, Scanner, clean, show

__all__ = ["Builder"]

_UNATTRIBUTED = Speaker("unattributed", "Unattributed")
_NO_CHILDREN = 1 << 30
#: Without declared sources, ``source``/``quote``/``occurrence`` are the user's own data (citations).
_WITHOUT_SOURCES = tuple(k for k in DATA_KEYS if k not in ("source", "quote", "occurrence"))
Ref = tuple[str, ...]  # ("s", title) | ("a", title) | ("i", argument title, conclusion position)


def _is_silence(value: Any) -> bool:
    """Whether a ``silence`` data value is argmap's (lint rule ids to reasons, as argmap
    writes it); any other value under that key is the user's data."""
    return isinstance(value, dict) and all(isinstance(k, str) and k and isinstance(v, str) and v.strip()
                                          for k, v in value.items())


@dataclass
class _Entry:
    """What the file says about one statement (equivalence class) or one argument."""

    title: str
    argument: bool
    where: tuple[int, int]
    texts: list[tuple[str, tuple[int, int]]] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    data_at: dict[str, tuple[int, int]] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    headings: list[tuple[int, str, dict[str, Any]]] | None = None
    pcs: list[tuple[Any, ...]] | None = None
    pcs_where: tuple[int, int] | None = None
    rank: int = 0  # when it was first defined (else first mentioned): the claims' order


class Builder:
    """Read one document: scan it, collect its entries and relations, build the map."""

    def __init__(self, text: str, path: str | Path | None, speaker_from: str, strict: bool,
                 warnings: list[ArgmapError] | None, advisories: list[ArgmapError] | None) -> None:
        self.file = path
        self.speaker_from = speaker_from
        self.strict = strict
        self.warnings = warnings
        self.advisories = advisories
        self.counts: Counter[str] = Counter()
        self.first: dict[str, tuple[int, int] | None] = {}
        self.scan = Scanner(text, path, self.warn)
        self.statements: dict[str, _Entry] = {}
        self.arguments: dict[str, _Entry] = {}
        self.order: list[Ref] = []
        self.links: list[tuple[Ref, Ref, str, tuple[int, int]]] = []
        self.untitled = 0
        self.sequence = 0
        self.headed = False  # whether the document has headings
        self.unknown_keys: Counter[str] = Counter()

    # reporting -------------------------------------------------------------------------------
    def fail(self, where: tuple[int, int] | None, message: str, hint: str | None = None) -> MapFormatError:
        return self.scan.fail(where, message, hint)

    def warn(self, where: tuple[int, int] | None, message: str, hint: str | None = None) -> None:
        """Something argmap skips: an error under ``strict``, else a located warning."""
        exc = self.fail(where, message, hint)
        if self.strict:
            raise exc
        if self.warnings is not None:
            self.warnings.append(exc)

    def lose(self, kind: str, where: tuple[int, int] | None, n: int = 1) -> None:
        """Count what is not kept; each kind is reported once, with its count."""
        self.counts[kind] += n
        self.first.setdefault(kind, where)

    # reading -----------------------------------------------------------------------------------
    def read(self) -> ArgumentMap:
        items = self.scan.items()
        front = self.scan.front
        strict_mode = isinstance(front.get("model"), dict) and front["model"].get("mode") == "strict"
        headings: list[tuple[int, str, dict[str, Any]]] = []
        stack: list[tuple[int, Ref, int]] = []  # (indent, element, indent of its children)
        block = -1
        owner: str | None = None       # the argument a premise–conclusion structure belongs to
        pcs: list[tuple[Any, ...]] | None = None
        for item in items:
            if item.kind == "heading":
                self.headed = True
                el = self.scan.element(item)
                text = el.text or (show(el.title, el.argument) if el.title else "")
                while headings and headings[-1][0] >= item.level:
                    headings.pop()
                headings.append((item.level, text, el.data))
                stack, owner, pcs = [], None, None
                continue
            if item.block != block:  # a structure has no empty line: the next one is another argument
                block, stack, pcs = item.block, [], None
            if item.kind in ("pcs", "inference"):
                if pcs is None:
                    pcs = self.start_pcs(owner, item)
                    owner = None
                stack = [(item.indent, self.pcs_item(item, pcs, headings), _NO_CHILDREN)]
                continue
            el = self.scan.element(item)
            ref = self.register(el, headings)
            if ref is None:
                continue
            if item.symbol is None:
                pcs = None
                owner = el.title if el.argument and item.kind == "element" else None
                stack = [(item.indent, ref, _NO_CHILDREN)]
                continue
            # Argdown closes every list of children indented deeper than this line
            while stack and (stack[-1][0] >= item.indent or item.indent < stack[-1][2] < _NO_CHILDREN):
                stack.pop()
            if not stack:
                self.warn((item.line, item.indent + 1), f"relation {item.symbol!r} has no parent; skipped",
                          "a relation line goes below its parent statement or argument, indented, "
                          "with no empty line between them")
            else:
                if stack[-1][2] == _NO_CHILDREN:
                    stack[-1] = (stack[-1][0], stack[-1][1], item.indent)
                self.links.append((stack[-1][1], ref, item.symbol, (item.line, item.indent + 1)))
            stack.append((item.indent, ref, _NO_CHILDREN))
        return self.build(strict_mode)

    def new_title(self) -> str:
        self.untitled += 1
        return f"Untitled {self.untitled}"

    def register(self, el: Element, headings: list[tuple[int, str, dict[str, Any]]]) -> Ref | None:
        """Record one element; return its reference, or None when it is skipped."""
        title = el.title
        if title is None:
            if el.text is None:
                self.warn(el.where, "an element with neither title nor text; skipped",
                          "write `[Title]: text`, or give the data to a titled statement")
                return None
            title = self.new_title()
        table = self.arguments if el.argument else self.statements
        entry = table.get(title)
        self.sequence += 1
        if entry is None:
            entry = table[title] = _Entry(title, el.argument, el.where, rank=self.sequence)
            self.order.append(("a" if el.argument else "s", title))
        if el.text is not None:
            if not entry.texts:
                entry.rank = self.sequence  # a claim takes its place where it is defined
            entry.texts.append((el.text, el.where))
        if entry.headings is None and (el.text is not None or not el.reference):
            entry.headings = list(headings)
        for t in el.tags:
            if t not in entry.tags:
                entry.tags.append(t)
        own = DATA_KEYS if "sources" in self.scan.front else _WITHOUT_SOURCES
        for key, value in el.data.items():
            if key == "uses":
                continue  # Argdown's: the premises of an inference (read from the structure)
            if key not in own or (key == "silence" and not _is_silence(value)) \
                    or (key == "relations" and not isinstance(value, dict)):  # not argmap's: the user's data
                self.unknown_keys[key] += 1
                self.first.setdefault("keys", el.data_at[key])
                continue
            if key in entry.data and entry.data[key] != value:
                self.warn(el.data_at[key], f"{show(title, el.argument)} has {key}: {value!r} here but "
                          f"{key}: {entry.data[key]!r} at line {entry.data_at[key][0]}; the first is kept",
                          "give each claim one value per key")
                continue
            entry.data[key] = value
            entry.data_at.setdefault(key, el.data_at[key])
        return ("a" if el.argument else "s", title)

    # premise–conclusion structures -----------------------------------------------------------
    def start_pcs(self, owner: str | None, item: Item) -> list[tuple[Any, ...]]:
        where = (item.line, item.column)
        if owner is not None and self.arguments[owner].pcs is not None:
            self.warn(where, f"{show(owner, True)} already has a premise-conclusion structure "
                      f"(line {self.arguments[owner].pcs_where[0]}); this one is read as an "  # type: ignore[index]
                      "untitled argument")
            owner = None
        if owner is None:
            owner = self.new_title()
            self.arguments[owner] = _Entry(owner, True, where)
            self.order.append(("a", owner))
        entry = self.arguments[owner]
        entry.pcs, entry.pcs_where = [], where
        entry.pcs.append(("owner", owner))
        return entry.pcs

    def pcs_item(self, item: Item, pcs: list[tuple[Any, ...]], headings: list[tuple[int, str, dict[str, Any]]]
                 ) -> Ref:
        owner = pcs[0][1]
        where = (item.line, item.column)
        if item.kind == "inference":
            data, data_at, rest = self.scan.data(item.content, where)
            pcs.append(("inference", clean(rest), data, where))
            return ("i", owner, str(len(pcs)))
        el = self.scan.element(item)
        if el.argument:
            self.warn(el.where, f"the argument {show(el.title or '', True)} stands as premise or conclusion "
                      "of a premise-conclusion structure; skipped", "premises and conclusions are statements")
            ref: Ref | None = None
        else:
            ref = self.register(el, headings)
        if ref is None:
            return ("i", owner, str(len(pcs)))
        uses = el.data.get("uses")
        pcs.append(("statement", ref[1], item.number, where, uses))
        if pcs[-2][0] == "inference":  # a conclusion: an undercut below it undercuts its inference
            return ("c", owner, str(len(pcs) - 1), ref[1])
        return ref

    # building -----------------------------------------------------------------------------------
    def build(self, strict_mode: bool) -> ArgumentMap:
        claim_of: dict[Ref, str] = {}
        taken: set[str] = set(self.statements)
        for kind, title in self.order:
            if kind == "s":
                claim_of[("s", title)] = title
            elif self.arguments[title].pcs is None:
                cid = title if title not in taken else unique_id(f"{title} (argument)", taken)
                taken.add(cid)
                claim_of[("a", title)] = cid
        steps, arguments = self.pcs_arguments(claim_of, taken)
        claims, where, speakers = self.claims(claim_of)
        for a in arguments:
            if a.speaker is not None and a.speaker not in self.known_speakers:
                self.known_speakers[a.speaker] = Speaker(a.speaker, a.speaker)
                speakers.append(self.known_speakers[a.speaker])
        relations = self.relations(claim_of, steps, arguments, strict_mode, speakers)
        self.report()
        sources = self.declared_sources()
        source_where = {s.id: self.scan.front_where.get("sources") for s in sources}
        claims, sources = place_quotes(claims, sources, path=self.file, claim_where=where,
                                       source_where=source_where, advisories=self.advisories)
        title = self.scan.front.get("title")
        if title is None:
            title = Path(self.file).stem if self.file is not None else ""
        if isinstance(title, (int, float, datetime.date)) and not isinstance(title, bool):
            title = str(title)  # a YAML number or date (`title: 2019`): its words
        if not isinstance(title, str):
            raise self.fail(self.scan.front_where.get("title"), "the title must be text")
        positions = {("claims", i): where[c.id] for i, c in enumerate(claims) if where.get(c.id)}
        try:
            return ArgumentMap(title=title, sources=sources, speakers=speakers, claims=claims,
                               relations=relations, arguments=arguments, path=self.file, positions=positions)
        except MapFormatError as exc:
            raise MapFormatError(exc.message, path=self.scan.path, hint=exc.hint) from None

    def pcs_arguments(self, claim_of: dict[Ref, str], taken: set[str]
                      ) -> tuple[dict[Ref, str], list[Argument]]:
        """One argument per inference step; returns (step reference -> argument id, arguments)."""
        steps: dict[Ref, str] = {}
        arguments: list[Argument] = []
        shapes: dict[tuple[frozenset[str], str], str] = {}
        for kind, title in self.order:
            entry = self.arguments.get(title) if kind == "a" else None
            if entry is None or entry.pcs is None:
                continue
            main = title if title not in taken else unique_id(f"{title} (argument)", taken)
            taken.add(main)
            statements = [p for p in entry.pcs if p[0] == "statement"]
            last_conclusion = max((k for k, p in enumerate(entry.pcs) if p[0] == "statement" and k > 0
                                   and entry.pcs[k - 1][0] == "inference"), default=None)
            if last_conclusion is None:
                self.warn(entry.pcs_where, f"the premise-conclusion structure of {show(title, True)} has "
                          "no inference bar before its last statement; its statements are kept, not the argument",
                          "end it with `----` and the conclusion `(n) …`")
                claim_of[("a", title)] = unique_id(title, taken)
                continue
            if entry.pcs[-1][0] != "statement" or len(entry.pcs) - 1 != last_conclusion:
                self.warn(entry.pcs[-1][3], f"what follows the conclusion of {show(title, True)} is not "
                          "part of an inference; skipped")
            if entry.tags:
                self.lose("the tags of {n} reconstructed argument{s} (arguments have no tags)", entry.where)
            note = entry.texts[0][0] if entry.texts else None
            speaker = entry.data.get("speaker") if isinstance(entry.data.get("speaker"), str) else None
            position = {id(p): k for k, p in enumerate(statements)}
            since = 0
            previous: tuple[Any, ...] | None = None
            for k, part in enumerate(entry.pcs):
                if part[0] != "statement" or k == 0 or entry.pcs[k - 1][0] != "inference":
                    continue
                inference = entry.pcs[k - 1]
                pos = position[id(part)]
                conclusion = claim_of[("s", part[1])]
                uses = inference[2].get("uses", part[4])
                if isinstance(uses, list) and uses and all(isinstance(u, int) and not isinstance(u, bool)
                                                           for u in uses):
                    by_number = {p[2]: p for p in statements[:pos]}
                    missing = [u for u in uses if u not in by_number]
                    if missing:
                        self.warn(inference[3], f"`uses` names statement ({missing[0]}), which is not above "
                                  "this inference; the others are used")
                    chosen = [by_number[u] for u in uses if u in by_number]
                else:
                    chosen = ([previous] if previous is not None else []) + statements[since:pos]
                extra = sorted(set(inference[2]) - {"uses"})
                if extra:
                    self.lose("{n} data key{s} of inferences not kept (argmap keeps the rule as the "
                              "argument's scheme)", inference[3], len(extra))
                premises = tuple(dict.fromkeys(claim_of[("s", p[1])] for p in chosen))
                previous, since = part, pos + 1
                is_main = k == last_conclusion
                step = main if is_main else unique_id(f"{main} ({pos + 1})", taken)
                if conclusion in premises or not premises:
                    self.warn(part[3], f"the inference to ({part[2]}) of {show(title, True)} "
                              + ("has its conclusion among its premises" if premises else "has no premises")
                              + "; skipped")
                    continue
                shape = (frozenset(premises), conclusion)
                if shape in shapes:
                    steps[("i", title, str(k))] = shapes[shape]
                    if is_main:
                        steps[("a", title)] = shapes[shape]
                    continue
                taken.add(step)
                shapes[shape] = step
                steps[("i", title, str(k))] = step
                if is_main:
                    steps[("a", title)] = step
                    steps[("conclusion", title)] = conclusion
                arguments.append(Argument(step, premises, conclusion, speaker, inference[1] or None,
                                          note if is_main else None))
        return steps, arguments

    # claims and speakers ----------------------------------------------------------------------------
    def claims(self, claim_of: dict[Ref, str]) -> tuple[list[Claim], dict[str, Where], list[Speaker]]:
        declared_list = self.declared_speakers()
        declared = {s.id: s for s in declared_list}
        speakers = list(declared_list)
        known = dict(declared)
        entries = [(self.statements[t] if k == "s" else self.arguments[t], claim_of[(k, t)])
                   for k, t in self.order if (k, t) in claim_of]
        entries.sort(key=lambda pair: pair[0].rank)
        assigned: dict[str, str | None] = {}
        for e, cid in entries:
            sid, name = self.speaker_of(e, declared)
            assigned[cid] = sid
            if sid is not None and sid not in known:
                known[sid] = Speaker(sid, name or sid)
                speakers.append(known[sid])
        if entries and all(v is None for v in assigned.values()):
            speakers.append(_UNATTRIBUTED)
            assigned = {k: _UNATTRIBUTED.id for k in assigned}
            others = [m for m in ("tag", "heading") if m != self.speaker_from
                      and (m == "heading" and self.headed or m == "tag" and any(e.tags for e, _ in entries))]
            if others and self.warnings is not None:  # speakers may be written another way (never strict)
                self.warnings.append(self.fail(entries[0][0].where, "no claim names its speaker; all are "
                                                 "kept as 'unattributed'",
                                                 "add {speaker: ID}, or read the speakers with "
                                                 + " or ".join(f"`speaker_from` {m}" for m in others)))
        self.known_speakers = known
        claims: list[Claim] = []
        where: dict[str, Where] = {}
        several = 0
        for e, cid in entries:
            texts = list(dict.fromkeys(t for t, _ in e.texts))
            if len(texts) > 1:
                several += 1
                self.first.setdefault("texts", e.texts[1][1])
            text = texts[0] if texts else e.title
            sid = assigned[cid]
            if sid is None:
                how = {"data": "add {speaker: ID}", "tag": "add a speaker tag",
                       "heading": "put it under a heading that names a speaker"}[self.speaker_from]
                self.warn(e.texts[0][1] if e.texts else e.where, f"{show(e.title, e.argument)} has no speaker; "
                          "it is kept as 'unattributed'",
                          f"{how}, or read the speakers with " + " or ".join(
                              f"`speaker_from` {other}" for other in ("data", "tag", "heading")
                              if other != self.speaker_from))
                if _UNATTRIBUTED.id not in known:
                    known[_UNATTRIBUTED.id] = _UNATTRIBUTED
                    speakers.append(_UNATTRIBUTED)
                sid = _UNATTRIBUTED.id
            kind = e.data.get("kind", "claim")
            if kind not in CLAIM_KINDS:
                raise self.fail(e.data_at.get("kind"), f"{cid!r} has unknown kind {kind!r}",
                                " ".join(filter(None, [did_you_mean(str(kind), CLAIM_KINDS),
                                                      "kinds: " + ", ".join(CLAIM_KINDS)])))
            for key in ("source", "quote", "act"):
                if key in e.data and not isinstance(e.data[key], str):
                    raise self.fail(e.data_at[key], f"the {key} of {cid!r} must be text")
            occ = e.data.get("occurrence")
            if occ is not None and (not isinstance(occ, int) or isinstance(occ, bool) or occ < 1):
                raise self.fail(e.data_at["occurrence"], f"the occurrence of {cid!r} must be a number ≥ 1")
            silence = tuple((str(k), v) for k, v in e.data.get("silence", {}).items())
            claims.append(Claim(cid, sid, text, kind, e.data.get("source"), e.data.get("quote"),
                                occ, tuple(e.tags), act=e.data.get("act"), silence=silence))
            where[cid] = e.texts[0][1] if e.texts else e.where
        if several:
            self.lose("{n} statement{s} defined with several different texts: the first is kept (Argdown "
                      "keeps each as a member of one equivalence class)", self.first["texts"], several)
        return claims, where, speakers

    def speaker_of(self, e: _Entry, declared: dict[str, Speaker]) -> tuple[str | None, str | None]:
        """(speaker id, speaker name to create if new) for one entry; a speaker tag is dropped."""
        if "speaker" in e.data:
            value = e.data["speaker"]
            if not isinstance(value, str) or not value.strip():
                raise self.fail(e.data_at["speaker"], f"the speaker of {e.title!r} must be text")
            if self.speaker_from == "tag":
                e.tags = [t for t in e.tags if t != value]
            return value, value
        if self.speaker_from == "tag":
            hits = [t for t in e.tags if t in declared] if declared else e.tags[:1]
            if len(hits) > 1:
                raise self.fail(e.where, f"{e.title!r} is tagged with two speakers: {hits[0]!r} and {hits[1]!r}",
                                "keep one speaker tag per claim")
            if hits:
                e.tags = [t for t in e.tags if t != hits[0]]
                tag = re.compile(r"(?:(?<=\s)|^)#" + (re.escape(hits[0]) if _TAG_WORD.fullmatch(hits[0])
                                                        else r"\(\s*" + re.escape(hits[0]) + r"\s*\)") + r"(?=\s|$)")
                e.texts = [(" ".join(tag.sub("", t).split()), w) for t, w in e.texts]
                return hits[0], hits[0]
            return None, None
        if self.speaker_from == "heading":
            names = {s.name: s.id for s in declared.values()}
            for level, text, data in reversed(e.headings or []):
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

    def declared_speakers(self) -> list[Speaker]:
        raw = self.scan.front.get("speakers")
        where = self.scan.front_where.get("speakers")
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
                    raise self.fail(where, "each entry of `speakers:` must be {id: …, name: …}")
        else:
            raise self.fail(where, "`speakers:` must map ids to names", "write speakers: {essay: Essay author}")
        for sid, name in pairs:
            if not isinstance(name, str):
                raise self.fail(where, f"the name of speaker {sid!r} must be text")
            if any(s.id == sid for s in out):
                raise self.fail(where, f"speaker {sid!r} is declared twice")
            out.append(Speaker(sid, name))
        return out

    def declared_sources(self) -> list[Source]:
        raw = self.scan.front.get("sources")
        where = self.scan.front_where.get("sources")
        if raw is None:
            return []
        if not isinstance(raw, list) or not all(isinstance(s, dict) and "id" in s and "file" in s for s in raw):
            self.warn(where, "`sources` is not argmap's list of {id, file, sha256?, title?}; not read",
                      "write sources: [{id: post, file: post.txt}]")
            return []
        out: list[Source] = []
        for s in raw:
            if not set(s) <= {"id", "file", "sha256", "title"}:
                raise self.fail(where, "each source must be {id, file, sha256?, title?}")
            if any(o.id == str(s["id"]) for o in out):
                raise self.fail(where, f"source {s['id']!r} is declared twice")
            out.append(Source(str(s["id"]), str(s["file"]),
                              str(s["sha256"]).lower() if s.get("sha256") else None,
                              str(s["title"]) if s.get("title") is not None else None))
        return out

    # relations ------------------------------------------------------------------------------------
    def end(self, ref: Ref, claim_of: dict[Ref, str], steps: dict[Ref, str], source: bool,
            undercut: bool = False) -> str | None:
        if ref[0] == "c":  # a conclusion: its claim, or for an undercut the inference to it
            return steps.get(("i",) + ref[1:3]) if undercut and not source else claim_of[("s", ref[3])]
        if ref in claim_of:
            return claim_of[ref]
        if ref[0] == "a":
            return steps.get(("conclusion", ref[1])) if source else steps.get(ref)
        if ref[0] == "i":
            return None if source else steps.get(ref)
        return None

    def relations(self, claim_of: dict[Ref, str], steps: dict[Ref, str], arguments: list[Argument],
                  strict_mode: bool, speakers: list[Speaker]) -> list[Relation]:
        by_arg = {a.id: a for a in arguments}
        one_premise = {(a.premises[0], a.conclusion) for a in arguments if len(a.premises) == 1}
        found: dict[tuple[str, str], tuple[str, str | None, tuple[int, int]]] = {}

        def add(src: str, dst: str, rtype: str, note: str | None, where: tuple[int, int]) -> None:
            if src == dst:
                self.warn(where, f"{src!r} is related to itself; skipped", "a claim cannot support or attack itself")
                return
            if rtype == "support" and (src, dst) in one_premise:
                return  # the same inference as a one-premise argument
            if dst in by_arg and src in by_arg[dst].premises:
                self.warn(where, f"{src!r} undercuts the argument {dst!r} of which it is a premise; skipped")
                return
            old = found.get((src, dst))
            if old is None:
                found[(src, dst)] = (rtype, note, where)
            elif old[0] != rtype:
                self.warn(where, f"{src!r} both {old[0]}s and {rtype}s {dst!r} (line {old[2][0]}); "
                          "this one is skipped", "keep one relation per ordered pair")
            elif old[1] is None and note is not None:
                found[(src, dst)] = (rtype, note, old[2])

        for parent, child, symbol, where in self.links:
            outgoing = not symbol.endswith(">")  # the child is the source
            src_ref, dst_ref = (child, parent) if outgoing else (parent, child)
            src = self.end(src_ref, claim_of, steps, True)
            dst = self.end(dst_ref, claim_of, steps, False, "_" in symbol)
            if src is None or dst is None:
                self.warn(where, f"relation {symbol!r} ends at an inference or argument that was skipped; skipped")
                continue
            # a reconstructed argument's relation to a statement is its main conclusion's (the
            # Argdown CLI derives entailment and contrariness from it in strict mode)
            statements = (src_ref[0] in "sc" or (src_ref[0] == "a" and src_ref not in claim_of)) \
                and dst_ref[0] in "sc"
            if "_" in symbol:
                add(src, dst, "attack", "undercut", where)
            elif symbol == "><" or (strict_mode and statements and "-" in symbol):
                note = "contradictory" if symbol == "><" else "contrary"
                add(src, dst, "attack", note, where)
                add(dst, src, "attack", note, where)
            elif "+" in symbol:
                if dst in by_arg:
                    self.warn(where, f"a support of the reconstructed argument {show(dst_ref[1], True)} "
                              "cannot be kept; skipped", "argmap supports claims; support one of its premises")
                    continue
                add(src, dst, "support", "entails" if strict_mode and statements else None, where)
            else:
                add(src, dst, "attack", None, where)
        extra = self.relation_data(found, claim_of)
        out = []
        for (src, dst), (rtype, note, _) in found.items():
            info = extra.get((src, dst), {})
            out.append(Relation(src, dst, rtype, info.get("note", note), info.get("speaker")))
        return out

    def relation_data(self, found: dict[tuple[str, str], Any], claim_of: dict[Ref, str]
                      ) -> dict[tuple[str, str], dict[str, Any]]:
        """The ``relations: {TARGET: {note, speaker}}`` data argmap writes on a claim."""
        extra: dict[tuple[str, str], dict[str, Any]] = {}
        speakers = self.known_speakers
        for ref, cid in claim_of.items():
            e = self.statements[ref[1]] if ref[0] == "s" else self.arguments[ref[1]]
            spec = e.data.get("relations")
            if spec is None:
                continue
            at = e.data_at["relations"]
            if not isinstance(spec, dict):
                raise self.fail(at, f"`relations` of {cid!r} must map target ids to {{note, speaker}}")
            for target, info in spec.items():
                target = str(target)
                if (cid, target) not in found:
                    raise self.fail(at, f"`relations` of {cid!r} names {target!r}, but {cid!r} "
                                    f"has no relation to it", did_you_mean(target, [d for s, d in found if s == cid]))
                if not isinstance(info, dict) or not set(info) <= {"note", "speaker"}:
                    raise self.fail(at, f"`relations` entry {target!r} of {cid!r} must be {{note, speaker}}")
                for key in info:
                    if not isinstance(info[key], str):
                        raise self.fail(at, f"the {key} of the relation {cid!r} → {target!r} must be text")
                if "speaker" in info and info["speaker"] not in speakers:
                    raise self.fail(at, f"unknown speaker {info['speaker']!r} in `relations` of {cid!r}",
                                    did_you_mean(info["speaker"], speakers))
                extra[(cid, target)] = info
        return extra

    def report(self) -> None:
        if self.unknown_keys:
            def show_key(k: str, n: int) -> str:
                near = did_you_mean(k, DATA_KEYS) if k not in DATA_KEYS else None
                return k + (f" ×{n}" if n > 1 else "") + (f" ({near})" if near else "")

            keys = ", ".join(show_key(k, n) for k, n in sorted(self.unknown_keys.items()))
            self.lose("{n} data value{s} argmap has no field for, not kept: " + keys, self.first["keys"],
                      sum(self.unknown_keys.values()))
        if self.scan.links:
            self.lose("{n} link target{s} in texts not kept (the link's text is)", None, self.scan.links)
        for kind, n in self.counts.items():
            self.warn(self.first[kind], kind.replace("{n}", str(n)).replace("{s}", "" if n == 1 else "s"))
