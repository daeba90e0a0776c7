"""``compare`` at 10⁵ claims: :func:`argmap.queries.compare` and the text of ``argmap compare`` give
what the straightforward versions they replaced gave (kept here as references), in the same order,
on every map of the tests, the shipped map, benchmark maps and generated maps (questions,
arguments, undercuts, several speakers, texts that wrap)."""

from __future__ import annotations

import sys

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from argmap.api import load
from argmap.cli._map import _compare_lines
from argmap.cli._text import count, wrap
from argmap.errors import ArgmapError
from argmap.model import Argument, ArgumentMap, Claim, Relation, Speaker
from argmap.queries import Comparison, compare

from .helpers.budget import examples
from .helpers.maps import ROOT

MAP_FILES = sorted(p for d in ("tests/data", "maps") for p in (ROOT / d).rglob("*")
                   if p.is_file() and p.name.endswith((".yaml", ".yml", ".json", ".argdown", ".ad")))


def _reference_compare(amap: ArgumentMap, a: str, b: str) -> Comparison:
    """The comparison as it was computed before the one-pass version (four passes, sorted dicts)."""
    speaker_of = {c.id: c.speaker for c in amap.claims}
    speaker_of.update((x.id, amap.argument_speaker(x)) for x in amap.arguments)
    held = {c.id for c in amap.claims if c.asserted}
    held.update(x.id for x in amap.arguments)
    attacked: dict[str, list[str]] = {}
    supported: dict[str, list[str]] = {}
    undercut: dict[str, list[str]] = {}
    questioned: dict[str, list[str]] = {}
    answered: dict[str, list[str]] = {}
    answering: set[str] = set()

    def answer(src: str, dst: str, kind: str) -> None:
        if dst not in held:
            if src in held:
                answering.add(src)
                answered.setdefault(dst, []).append(src)
            return
        answering.add(src)
        if src not in held:
            questioned.setdefault(dst, []).append(src)
        elif amap.has_argument(dst):
            undercut.setdefault(dst, []).append(src)
        else:
            (attacked if kind == "attack" else supported).setdefault(dst, []).append(src)

    for r in amap.relations:
        if speaker_of[r.from_id] == b and speaker_of[r.to_id] == a:
            answer(r.from_id, r.to_id, r.type)
    for x in amap.arguments:
        if speaker_of[x.id] == b and speaker_of[x.conclusion] == a:
            for p in x.premises:
                if speaker_of[p] == b:
                    answer(p, x.conclusion, "support")
    a_claims = [c.id for c in amap.claims if c.speaker == a]
    order = {cid: i for i, cid in enumerate(a_claims)}
    order.update((x.id, len(order) + i) for i, x in enumerate(amap.arguments))

    def ordered(d: dict[str, list[str]]) -> dict[str, list[str]]:
        return dict(sorted(d.items(), key=lambda kv: order[kv[0]]))

    attacked, supported, questioned, answered = map(ordered, (attacked, supported, questioned, answered))
    untouched = [cid for cid in a_claims if cid in held and cid not in attacked
                 and cid not in supported and cid not in questioned]
    unanswering = [c.id for c in amap.claims if c.speaker == b and c.id in held and c.id not in answering]
    shared: list[tuple[str, str]] = []
    undercut = {k: undercut[k] for k in (x.id for x in amap.arguments) if k in undercut}
    attacked_by = {r.to_id for r in amap.relations
                   if r.type == "attack" and speaker_of[r.from_id] == b and r.from_id in held}
    attacked_a = {r.to_id for r in amap.relations
                  if r.type == "attack" and speaker_of[r.from_id] == a and r.from_id in held}
    for r in amap.relations:
        if r.type != "support" or r.from_id not in held or r.to_id not in held:
            continue
        src, dst = speaker_of[r.from_id], speaker_of[r.to_id]
        if src == b and dst == a and r.to_id not in attacked_by:
            shared.append((r.to_id, r.from_id))
        elif src == a and dst == b and r.to_id not in attacked_a:
            shared.append((r.from_id, r.to_id))
    questions = {s: [c.id for c in amap.claims if c.speaker == s and c.id not in held] for s in (a, b)}
    return Comparison(a, b, attacked, supported, untouched, unanswering, shared, undercut,
                      questioned, answered, questions)


def _reference_lines(amap: ArgumentMap, result: Comparison, columns: int) -> list[str]:
    """The text of ``argmap compare`` as it was built before (one ``wrap`` call per item, sorted)."""
    name = {s.id: s.name for s in amap.speakers}
    text = {c.id: c.text for c in amap.claims}
    text.update((x.id, " + ".join(x.premises) + " => " + x.conclusion) for x in amap.arguments)
    A, B = name[result.a], name[result.b]
    lines: list[str] = []

    def section(title: str, items: dict[str, list[str]] | list[str]) -> None:
        lines.append(f"{title} ({len(items)})")
        if not items:
            lines.append("  (none)")
        for cid in items:
            by = f" <- {', '.join(items[cid])}" if isinstance(items, dict) else ""
            lines.append(wrap(text[cid], "      ", f"  {cid}{by}: ", columns))
        lines.append("")

    section(f"{A}'s claims that {B} attacks", result.attacked)
    if amap.arguments:
        section(f"{A}'s arguments that {B} undercuts", result.undercut)
    section(f"{A}'s claims that {B} supports", result.supported)
    asks = any(result.questions.values())
    if asks:
        section(f"{A}'s claims and arguments that {B} only questions", result.questioned)
    section(f"{A}'s claims that {B} leaves alone", result.untouched)
    section(f"{B}'s claims that answer nothing of {A}'s", result.unanswering)
    if asks:
        section(f"{A}'s questions that {B} answers", result.answered)
        for s in (result.a, result.b):
            section(f"{name[s]}'s questions (not {name[s]}'s position)", result.questions[s])
    listed = {(x, y) for x, ys in result.supported.items() for y in ys}
    backed: dict[str, list[str]] = {}
    for x, y in result.shared:
        if (x, y) not in listed:
            backed.setdefault(y, []).append(x)
    order = {c.id: k for k, c in enumerate(amap.claims)}
    section(f"{B}'s claims that {A} supports", dict(sorted(backed.items(), key=lambda kv: order[kv[0]])))
    lines.append(wrap(f"Shared ground: {count(len(result.shared), 'support')} across the two speakers (both "
                      "support lists, less a support whose speaker also attacks that claim).", "  ", "", columns))
    return lines


def _ordered(c: Comparison) -> list[object]:
    """Every field of *c* with its dicts as item lists (equality of dicts ignores their order)."""
    return [list(v.items()) if isinstance(v, dict) else v for v in vars(c).values()]


def _agree(amap: ArgumentMap, columns: int = 80) -> int:
    """Compare every ordered pair of speakers; the number of pairs compared."""
    ids = [s.id for s in amap.speakers]
    pairs = [(a, b) for a in ids for b in ids if a != b][:6]
    for a, b in pairs:
        ours = compare(amap, a, b)
        ref = _reference_compare(amap, a, b)
        assert _ordered(ours) == _ordered(ref), (a, b)
        assert _compare_lines(amap, ours, columns) == _reference_lines(amap, ref, columns), (a, b)
    return len(pairs)


@pytest.mark.parametrize("path", MAP_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_compare_agrees_with_the_reference_on_every_map_file(path):
    try:
        amap = load(path)
    except (ArgmapError, OSError):
        return  # a file the tests keep for its problems
    _agree(amap, 80)
    _agree(amap, 61)


def test_compare_agrees_with_the_reference_on_benchmark_maps(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import mapgen
    finally:
        sys.path.pop(0)
    for style in ("flow", "block"):
        map_path, _ = mapgen.generate(2000, 5, tmp_path, style)
        assert _agree(load(map_path)) == 2


TEXTS = st.text(st.sampled_from(list("ab -é\t\n")), max_size=140)
ACTS = st.sampled_from([None, None, None, "pure questioning", "assertive challenging", "conceding",
                        "rhetorical questioning"])


@st.composite
def maps(draw: st.DrawFn) -> ArgumentMap:
    """Maps of 2-3 speakers with questions, arguments, undercuts and texts that wrap."""
    speakers = [Speaker(s, s.upper()) for s in ("s", "t", "u")[:draw(st.integers(2, 3))]]
    n = draw(st.integers(2, 12))
    claims = [Claim(f"c{i}", draw(st.sampled_from(speakers)).id, draw(TEXTS), act=draw(ACTS)) for i in range(n)]
    ids = [c.id for c in claims]
    relations, seen = [], set()
    for x, y, t in draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids),
                                           st.sampled_from(["support", "attack"])), max_size=25)):
        if x != y and (x, y) not in seen:
            seen.add((x, y))
            relations.append(Relation(x, y, t))
    arguments = []
    for k in range(draw(st.integers(0, 3))):
        conclusion = draw(st.sampled_from(ids))
        premises = draw(st.lists(st.sampled_from([i for i in ids if i != conclusion]), min_size=1, max_size=3,
                                 unique=True))
        speaker = draw(st.sampled_from([None, *[s.id for s in speakers]]))
        arguments.append(Argument(f"R{k}", tuple(premises), conclusion, speaker=speaker))
        for u in draw(st.lists(st.sampled_from(ids), max_size=2, unique=True)):
            if u not in premises and u != conclusion:
                relations.append(Relation(u, f"R{k}", "attack"))
    try:
        return ArgumentMap(speakers=speakers, claims=claims, relations=relations, arguments=arguments)
    except ArgmapError:
        assume(False)
        raise


@settings(max_examples=examples(400), deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(maps(), st.integers(60, 100))
def test_compare_agrees_with_the_reference_on_generated_maps(amap, columns):
    _agree(amap, columns)
