"""The checks an expert reviewer makes of an argument map, as rules with ids.

:func:`lint` runs every rule of :data:`RULES` over a map and returns
:class:`Finding` s, each located at the claim, relation or argument it is about
(``file:line:col`` when the map was read from a native file) with a message and a
hint. ``argmap lint`` prints them and exits with status 1 when any finding is an
error.

The rules look for what makes a map's verdicts wrong rather than what makes it
invalid (``argmap check`` does that):

========================  =======  ==================================================
rule                      level    finds
========================  =======  ==================================================
``self-defeat``           error    a speaker's own claims, evaluated without the other
                                   speakers, defeat one of that speaker's claims
                                   under some support reading
``support-and-attack``    error    a speaker both supports and attacks one claim
``attacks-own-concession`` error   a speaker attacks what their own concession grants,
                                   or a concession attacks its own speaker's claim
``quote-boundary``        error    a quote starts or ends inside a word
``no-thesis``             warning  a claim or argument from which no path leads to a
                                   thesis of its speaker, nor to an attack on another
                                   speaker
``unrelated``             warning  a claim related to nothing
``answers-nothing``       warning  a later speaker's claim from which no path leads to
                                   an earlier speaker's claim or argument
``attacks-fact``          warning  an attack on a claim of kind ``fact``
``note-quote``            warning  a note quotes words («…», "…", “…” or '…') found in the
                                   quote of none of the claims it is about
``unknown-silence``       error    a ``silence`` entry names no rule
``unused-silence``        warning  a ``silence`` entry silences nothing
========================  =======  ==================================================

**Silencing.** A claim may carry ``silence: {RULE: REASON}`` in a native map; the
findings of that rule whose subject is the claim are then dropped (and counted as
silenced). The subject of a finding is the claim it is located at; for a relation
it is the relation's ``from`` claim, for an argument its conclusion. An entry for an
unknown rule is itself an error, and one that silences nothing a warning, so
silences do not outlive the problems they excuse.

**Speakers in order.** ``answers-nothing`` needs to know who spoke later. Speaker B
is *later* than A when, in every source both quote, B's first quote starts after
A's last quote ends, or, when they share no source, every source B quotes comes
after every source A quotes in the map's ``sources`` list. A speaker quoted inside
another's text (a letter quoted in an essay) is therefore neither earlier nor later
than that text. Speakers without located quotes are ordered as the map lists them.

Examples
--------
>>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
>>> m = ArgumentMap(speakers=[Speaker("a", "A")],
...     claims=[Claim("A1", "a", "thesis", kind="thesis"), Claim("A2", "a", "reason"),
...             Claim("A3", "a", "stray")], relations=[Relation("A2", "A1", "support")])
>>> [(f.rule, f.subject) for f in lint(m)]
[('unrelated', 'A3')]
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .model import ArgumentMap, Claim, Relation

__all__ = ["Rule", "RULES", "Finding", "LintReport", "lint", "lint_report"]


@dataclass(frozen=True)
class Rule:
    """A lint rule: its id, its level (``error`` or ``warning``) and what it finds."""

    id: str
    level: str
    summary: str


#: Every rule, by id, in the order they run.
RULES: dict[str, Rule] = {r.id: r for r in (
    Rule("self-defeat", "error",
         "a speaker's own claims, evaluated without the other speakers, defeat one of "
         "that speaker's claims under some support reading"),
    Rule("support-and-attack", "error", "a speaker both supports and attacks the same claim"),
    Rule("attacks-own-concession", "error",
         "a speaker attacks what their own concession grants, or a concession attacks a "
         "claim of its own speaker"),
    Rule("quote-boundary", "error", "a quote starts or ends inside a word"),
    Rule("no-thesis", "warning",
         "a claim or argument from which no path leads to a thesis of its speaker or to an "
         "attack on another speaker"),
    Rule("unrelated", "warning", "a claim related to nothing"),
    Rule("answers-nothing", "warning",
         "a later speaker's claim from which no path leads to an earlier speaker's claim"),
    Rule("attacks-fact", "warning",
         "an attack on a claim of kind fact (usually the target is an inference or a stance)"),
    Rule("note-quote", "warning",
         "a note quotes words that are in the quote of none of the claims it is about"),
    Rule("unknown-silence", "error", "a silence entry names no known rule"),
    Rule("unused-silence", "warning", "a silence entry silences nothing"),
)}


@dataclass(frozen=True)
class Finding:
    """One problem a rule found.

    Attributes
    ----------
    rule, level : str
        The rule's id and level (``error`` or ``warning``).
    message, hint : str
    subject : str
        The claim (or, for argument findings without a claim, argument) the finding is
        about; a ``silence`` entry on that claim drops it.
    path : str or None
        The map file.
    line, column : int or None
        Where the claim, relation or argument is written in the file.
    """

    rule: str
    level: str
    message: str
    hint: str
    subject: str
    path: str | None = None
    line: int | None = None
    column: int | None = None

    @property
    def location(self) -> str:
        """``file:line:col`` as far as known (``<map>`` without a file)."""
        parts = [self.path or "<map>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        return f"{self.location}: {self.rule}: {self.message} ({self.hint})"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"rule": self.rule, "level": self.level, "message": self.message,
                "hint": self.hint, "subject": self.subject, "path": self.path,
                "line": self.line, "column": self.column}


@dataclass
class LintReport:
    """What :func:`lint_report` found: the findings kept and those silenced."""

    findings: list[Finding] = field(default_factory=list)
    silenced: list[tuple[Finding, str]] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        """The findings of level ``error``."""
        return [f for f in self.findings if f.level == "error"]

    @property
    def warnings(self) -> list[Finding]:
        """The findings of level ``warning``."""
        return [f for f in self.findings if f.level == "warning"]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: findings, silenced findings (with reasons) and counts."""
        return {"findings": [f.to_dict() for f in self.findings],
                "silenced": [dict(f.to_dict(), reason=why) for f, why in self.silenced],
                "errors": len(self.errors), "warnings": len(self.warnings)}


# -- locating ------------------------------------------------------------------------------
class _Where:
    """Positions of claims, relations and arguments in the map file."""

    def __init__(self, amap: ArgumentMap) -> None:
        self.path = str(amap.path) if amap.path is not None else None
        self.pos = amap.positions
        self.claim_index = {c.id: i for i, c in enumerate(amap.claims)}
        self.relation_index = {id(r): i for i, r in enumerate(amap.relations)}
        self.argument_index = {a.id: i for i, a in enumerate(amap.arguments)}

    def _at(self, key: tuple[Any, ...]) -> tuple[int | None, int | None]:
        found = self.pos.get(key)
        return (found[0], found[1]) if found else (None, None)

    def claim(self, cid: str, key: str | None = None) -> tuple[int | None, int | None]:
        i = self.claim_index[cid]
        if key is not None and ("claims", i, key) in self.pos:
            return self._at(("claims", i, key))
        return self._at(("claims", i))

    def relation(self, r: Relation) -> tuple[int | None, int | None]:
        return self._at(("relations", self.relation_index[id(r)]))

    def argument(self, aid: str) -> tuple[int | None, int | None]:
        return self._at(("arguments", self.argument_index[aid]))


class _Collector:
    def __init__(self, amap: ArgumentMap) -> None:
        self.where = _Where(amap)
        self.found: list[Finding] = []

    def add(self, rule: str, message: str, hint: str, subject: str,
            at: tuple[int | None, int | None]) -> None:
        self.found.append(Finding(rule, RULES[rule].level, message, hint, subject,
                                  self.where.path, at[0], at[1]))


# -- the graph the path rules walk ---------------------------------------------------------
def _successors(amap: ArgumentMap) -> dict[str, list[tuple[str, str]]]:
    """``node -> [(next node, edge type)]`` over claims and arguments."""
    out: dict[str, list[tuple[str, str]]] = {c.id: [] for c in amap.claims}
    out.update({a.id: [] for a in amap.arguments})
    for r in amap.relations:
        out[r.from_id].append((r.to_id, r.type))
    for a in amap.arguments:
        for p in a.premises:
            out[p].append((a.id, "premise"))
        out[a.id].append((a.conclusion, "conclusion"))
    return out


def _speaker_of(amap: ArgumentMap) -> dict[str, str]:
    who = {c.id: c.speaker for c in amap.claims}
    who.update({a.id: amap.argument_speaker(a) for a in amap.arguments})
    return who


def _related(amap: ArgumentMap) -> set[str]:
    ids: set[str] = set()
    for r in amap.relations:
        ids.update((r.from_id, r.to_id))
    for a in amap.arguments:
        ids.update(a.premises)
        ids.add(a.conclusion)
    return ids


# -- rules -----------------------------------------------------------------------------------
def _alone(amap: ArgumentMap, speaker: str) -> ArgumentMap:
    """The map restricted to one speaker's claims and the links among them."""
    mine = {c.id for c in amap.claims if c.speaker == speaker}
    arguments = [a for a in amap.arguments if a.conclusion in mine and set(a.premises) <= mine]
    kept = mine | {a.id for a in arguments}
    relations = [r for r in amap.relations if r.from_id in mine and r.to_id in kept]
    return ArgumentMap(title=amap.title, sources=amap.sources, speakers=amap.speakers,
                       claims=[c for c in amap.claims if c.id in mine], relations=relations,
                       arguments=arguments, path=amap.path)


def _self_defeat(amap: ArgumentMap, out: _Collector) -> None:
    from .evaluation import explain, statuses
    from .vocabulary import SupportReading

    for speaker in amap.speakers:
        solo = _alone(amap, speaker.id)
        if not solo.claims:
            continue
        lost: dict[str, list[tuple[str, str]]] = {}
        for reading in (r.value for r in SupportReading):
            for cid, status in statuses(solo, "GR", reading).items():
                if status != "in":
                    lost.setdefault(cid, []).append((reading, status))
        for cid, how in lost.items():
            reading, status = how[0]
            tree = explain(solo, cid, "GR", reading).tree
            by = sorted({child.claim for child in tree.children})
            readings = ", ".join(r for r, _ in how)
            word = "out" if status == "out" else "undecided"
            against = f", attacked by {', '.join(by)}" if by else ""
            out.add("self-defeat",
                    f"{cid} is {word} when {speaker.id}'s claims are evaluated alone "
                    f"(grounded; support reading {readings}){against}",
                    "a speaker rarely refutes their own claim: aim the attack at the stance "
                    "of the speaker it answers (a claim of theirs), or at an inference "
                    "(an undercut), or drop it", cid, out.where.claim(cid))


def _support_and_attack(amap: ArgumentMap, out: _Collector) -> None:
    supports: set[tuple[str, str]] = set()
    for r in amap.relations:
        if r.type == "support":
            supports.add((amap.relation_speaker(r), r.to_id))
    for a in amap.arguments:
        supports.add((amap.argument_speaker(a), a.conclusion))
    for r in amap.relations:
        who = amap.relation_speaker(r)
        if r.type == "attack" and (who, r.to_id) in supports:
            out.add("support-and-attack",
                    f"{who} both supports and attacks {r.to_id} (attack from {r.from_id})",
                    "decide which way the speaker argues, or split the target into the part "
                    "they grant and the part they deny", r.from_id, out.where.relation(r))


def _attacks_own_concession(amap: ArgumentMap, out: _Collector) -> None:
    granted: dict[tuple[str, str], str] = {}
    for c in amap.claims:
        if c.kind == "concession":
            granted[(c.speaker, c.id)] = c.id
    for r in amap.relations:
        src = amap.claim(r.from_id)
        if r.type == "support" and src.kind == "concession":
            granted.setdefault((src.speaker, r.to_id), src.id)
    for a in amap.arguments:
        for p in a.premises:
            pc = amap.claim(p)
            if pc.kind == "concession":
                granted.setdefault((pc.speaker, a.conclusion), pc.id)
    for r in amap.relations:
        if r.type != "attack":
            continue
        who = amap.relation_speaker(r)
        src = amap.claim(r.from_id)
        if (who, r.to_id) in granted:
            concession = granted[(who, r.to_id)]
            what = "its own concession" if concession == r.to_id else f"what its concession {concession} grants"
            out.add("attacks-own-concession",
                    f"{who} attacks {r.to_id}, {what}",
                    "a speaker does not refute what they concede: drop the attack or aim it "
                    "at the part not conceded", r.from_id, out.where.relation(r))
        elif (src.kind == "concession" and amap.has_claim(r.to_id)
              and amap.claim(r.to_id).speaker == src.speaker):
            out.add("attacks-own-concession",
                    f"the concession {src.id} attacks {r.to_id}, a claim of its own speaker",
                    "an «although» clause limits the claim it qualifies, it does not refute "
                    "it: drop the attack, or link the concession elsewhere", r.from_id,
                    out.where.relation(r))


def _quote_boundary(amap: ArgumentMap, out: _Collector) -> None:
    texts = {s.id: s.text for s in amap.sources if s.text is not None}
    for c in amap.claims:
        text = texts.get(c.source or "")
        if text is None or c.start is None or c.end is None or c.start >= c.end:
            continue
        bad = []
        if c.start > 0 and text[c.start - 1].isalnum() and text[c.start].isalnum():
            word = _word_around(text, c.start)
            bad.append(f"starts inside the word {word!r}")
        if c.end < len(text) and text[c.end - 1].isalnum() and text[c.end].isalnum():
            word = _word_around(text, c.end)
            bad.append(f"ends inside the word {word!r}")
        if bad:
            out.add("quote-boundary", f"the quote of {c.id} " + " and ".join(bad),
                    "a cut word usually means a cut claim: extend the quote to whole words",
                    c.id, out.where.claim(c.id, "quote"))


def _word_around(text: str, i: int) -> str:
    a = i
    while a > 0 and text[a - 1].isalnum():
        a -= 1
    b = i
    while b < len(text) and text[b].isalnum():
        b += 1
    return text[a:b]


def _reaches(start: str, succ: dict[str, list[tuple[str, str]]],
             goal: Any) -> bool:
    """Breadth-first search from *start*: does ``goal(node, via, edge)`` hold for some edge?"""
    seen = {start}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt, edge in succ.get(node, ()):
            if goal(node, nxt, edge):
                return True
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return False


def _no_thesis(amap: ArgumentMap, out: _Collector) -> None:
    succ = _successors(amap)
    who = _speaker_of(amap)
    theses = {c.id for c in amap.claims if c.kind == "thesis"}
    with_thesis = {amap.claim(t).speaker for t in theses}
    related = _related(amap)

    def anchored(node: str) -> bool:
        me = who[node]
        return _reaches(node, succ, lambda u, v, edge: (v in theses and who[v] == me) or (
            edge == "attack" and who[u] == me and who[v] != me))

    for c in amap.claims:
        if (c.speaker not in with_thesis or c.kind in ("thesis", "concession")
                or c.id not in related or anchored(c.id)):
            continue
        out.add("no-thesis",
                f"no path leads from {c.id} to a thesis of {c.speaker} or to an attack on "
                "another speaker",
                "link it to what it is a reason for, or say in a silence why the text "
                "leaves it aside", c.id, out.where.claim(c.id))
    for a in amap.arguments:
        me = who[a.id]
        if me not in with_thesis or who[a.conclusion] == me or anchored(a.id):
            continue
        out.add("no-thesis",
                f"no path leads from argument {a.id} to a thesis of {me} or to an attack on "
                "another speaker",
                "an argument for another speaker's claim should serve the arguer's own case",
                a.conclusion, out.where.argument(a.id))


def _unrelated(amap: ArgumentMap, out: _Collector) -> None:
    related = _related(amap)
    for c in amap.claims:
        if c.id not in related:
            out.add("unrelated", f"{c.id} supports, attacks and is part of nothing",
                    "link it to the claim it bears on, or drop it from the map", c.id,
                    out.where.claim(c.id))


def _speaker_order(amap: ArgumentMap) -> dict[tuple[str, str], bool]:
    """``(a, b) -> True`` when speaker b spoke later than speaker a (module docstring)."""
    source_rank = {s.id: i for i, s in enumerate(amap.sources)}
    spans: dict[str, dict[str, tuple[int, int]]] = {}
    for c in amap.claims:
        if c.source is None or c.start is None or c.end is None:
            continue
        per = spans.setdefault(c.speaker, {})
        lo, hi = per.get(c.source, (c.start, c.end))
        per[c.source] = (min(lo, c.start), max(hi, c.end))
    rank = {s.id: i for i, s in enumerate(amap.speakers)}
    later: dict[tuple[str, str], bool] = {}
    for a in rank:
        for b in rank:
            if a == b:
                continue
            sa, sb = spans.get(a), spans.get(b)
            if not sa or not sb:
                later[(a, b)] = rank[b] > rank[a]
                continue
            shared = set(sa) & set(sb)
            if shared:
                later[(a, b)] = all(sb[s][0] >= sa[s][1] for s in shared)
            else:
                later[(a, b)] = (min(source_rank.get(s, 0) for s in sb)
                                 > max(source_rank.get(s, 0) for s in sa))
    return later


def _answers_nothing(amap: ArgumentMap, out: _Collector) -> None:
    later = _speaker_order(amap)
    succ = _successors(amap)
    who = _speaker_of(amap)
    related = _related(amap)
    for c in amap.claims:
        earlier = {a for (a, b), is_later in later.items() if b == c.speaker and is_later}
        if not earlier or c.id not in related:
            continue
        if _reaches(c.id, succ, lambda u, v, edge, earlier=earlier: who[v] in earlier):
            continue
        names = ", ".join(sorted(earlier))
        out.add("answers-nothing",
                f"{c.id} ({c.speaker}) bears on nothing that {names} said before",
                "link it to the earlier claim it answers, or to the speaker's own claim that "
                "does", c.id, out.where.claim(c.id))


def _attacks_fact(amap: ArgumentMap, out: _Collector) -> None:
    for r in amap.relations:
        if r.type == "attack" and amap.has_claim(r.to_id) and amap.claim(r.to_id).kind == "fact":
            out.add("attacks-fact", f"{r.from_id} attacks {r.to_id}, a claim of kind fact",
                    "a reported fact is rarely what is denied: attack the inference drawn "
                    "from it (an undercut of the argument), the stance it reports, or change "
                    "the kind", r.from_id, out.where.relation(r))


# «…», “…”, "…", and '…' when the single quotes stand at word edges (not apostrophes)
_QUOTED = re.compile(r"«([^»]+)»|“([^”]+)”|\"([^\"]+)\""
                     r"|(?:^|(?<=[\s(\[]))'(?=\S)([^'\n]+?)(?<=\S)'(?=$|[\s).,;:!?\]])")
_ELLIPSIS = re.compile(r"…|\.\.\.")


def _normal(text: str) -> str:
    """Casefolded, NFKC, typographic quotes and dashes unified, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).casefold()
    table: dict[str, str | int | None] = {"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"}
    text = text.translate(str.maketrans(table))
    return " ".join(text.split())


def _note_quote(amap: ArgumentMap, out: _Collector) -> None:
    texts = {s.id: s.text for s in amap.sources if s.text is not None}

    def check(note: str | None, claims: Iterable[Claim], subject: str, what: str,
              at: tuple[int | None, int | None]) -> None:
        if not note:
            return
        claims = list(claims)
        quotes = [_normal(c.quote) for c in claims if c.quote]
        if not quotes:
            return
        for m in _QUOTED.finditer(note):
            words = next(g for g in m.groups() if g is not None)
            pieces = [p.strip(" ,.;:") for p in _ELLIPSIS.split(words)]
            pieces = [_normal(p) for p in pieces if p.strip(" ,.;:")]
            if not pieces or all(any(p in q for q in quotes) for p in pieces):
                continue
            ids = ", ".join(c.id for c in claims)
            in_source = [c.id for c in claims if c.source in texts
                         and all(p in _normal(texts[c.source]) for p in pieces)]
            hint = ("the words are in the source: extend a quote to carry them, or stop "
                    "quoting them" if in_source else
                    "quote the source exactly, or drop the quotation marks")
            out.add("note-quote", f"the note of {what} quotes {m.group(0)}, which is in the "
                    f"quote of none of {ids}", hint, subject, at)

    for r in amap.relations:
        involved = [amap.claim(r.from_id)]
        if amap.has_argument(r.to_id):
            a = amap.argument(r.to_id)
            involved += [amap.claim(p) for p in a.premises] + [amap.claim(a.conclusion)]
        else:
            involved.append(amap.claim(r.to_id))
        check(r.note, involved, r.from_id, f"{r.from_id} -> {r.to_id}", out.where.relation(r))
    for a in amap.arguments:
        involved = [amap.claim(p) for p in a.premises] + [amap.claim(a.conclusion)]
        check(a.note, involved, a.conclusion, f"argument {a.id}", out.where.argument(a.id))


_CHECKS = (
    ("self-defeat", _self_defeat),
    ("support-and-attack", _support_and_attack),
    ("attacks-own-concession", _attacks_own_concession),
    ("quote-boundary", _quote_boundary),
    ("no-thesis", _no_thesis),
    ("unrelated", _unrelated),
    ("answers-nothing", _answers_nothing),
    ("attacks-fact", _attacks_fact),
    ("note-quote", _note_quote),
)


def lint_report(amap: ArgumentMap, rules: Iterable[str] | None = None) -> LintReport:
    """Run the rules over *amap* and apply the claims' ``silence`` entries.

    Parameters
    ----------
    amap : ArgumentMap
    rules : iterable of str, optional
        Rule ids to run (default: all). ``unknown-silence`` and ``unused-silence``
        run whenever silences are applied.

    Returns
    -------
    LintReport
        Findings in rule order, then map order; and the silenced ones with reasons.

    Raises
    ------
    UsageError
        For an unknown rule id in *rules*.
    """
    from .errors import UsageError, did_you_mean

    wanted = list(RULES) if rules is None else list(rules)
    for rid in wanted:
        if rid not in RULES:
            raise UsageError(f"unknown lint rule {rid!r}",
                             hint=did_you_mean(rid, RULES) or "known rules: " + ", ".join(RULES))
    out = _Collector(amap)
    for rid, check in _CHECKS:
        if rid in wanted:
            check(amap, out)
    report = LintReport()
    used: set[tuple[str, str]] = set()
    silences = {c.id: dict(c.silence) for c in amap.claims if c.silence}
    for f in out.found:
        reason = silences.get(f.subject, {}).get(f.rule)
        if reason is not None:
            report.silenced.append((f, reason))
            used.add((f.subject, f.rule))
        else:
            report.findings.append(f)
    for cid, entries in silences.items():
        at = out.where.claim(cid, "silence")
        for rid in entries:
            if rid not in RULES:
                report.findings.append(Finding(
                    "unknown-silence", "error", f"{cid} silences {rid!r}, which is no lint rule",
                    did_you_mean(rid, RULES) or "known rules: " + ", ".join(RULES), cid,
                    out.where.path, *at))
            elif rid in wanted and (cid, rid) not in used:
                report.findings.append(Finding(
                    "unused-silence", "warning", f"{cid} silences {rid}, which finds nothing there",
                    "remove the entry", cid, out.where.path, *at))
    return report


def lint(amap: ArgumentMap, rules: Iterable[str] | None = None) -> list[Finding]:
    """The findings of :func:`lint_report` that its silences leave (see the module docs).

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("a", "A")],
    ...     claims=[Claim("A1", "a", "x", kind="fact"), Claim("A2", "a", "not x")],
    ...     relations=[Relation("A2", "A1", "attack")])
    >>> sorted({f.rule for f in lint(m)})
    ['attacks-fact', 'self-defeat']
    """
    return lint_report(amap, rules).findings
