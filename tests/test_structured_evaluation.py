"""The three readings on structured maps (format 2): named cases, an exhaustive oracle,
hypothesis properties, and agreement with the earlier readings where they must agree.

The oracle (``helpers/structured_oracle.py``) implements the definitions of docs/evaluation.md
directly (the BADF operator of Brewka et al. 2013 for ``necessary``; labellings with
the deductive closure for ``deductive``); argmap compiles the map to a Dung framework
with auxiliary arguments and runs its SAT-backed solvers.
"""

from __future__ import annotations

from itertools import combinations, product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.af import AF
from argmap.evaluation import statuses
from argmap.framework import compile_map, support_closure
from argmap.model import Argument, ArgumentMap, Claim, Relation, Speaker

from .helpers.budget import examples
from .helpers.structured_oracle import semantics as oracle_semantics
from .helpers.structured_oracle import statuses as oracle_statuses

SEMANTICS = ("GR", "CO", "PR", "ST", "SST", "ID")
READINGS = ("none", "necessary", "deductive")


def mk(claims: str, relations: list[tuple[str, str, str]] = (),
       arguments: list[tuple[str, str, str]] = ()) -> ArgumentMap:
    """Claims by id (``?X``: X is a pure question, not asserted); relations as
    (from, '+'|'x', to); arguments as (id, 'P Q', conclusion)."""
    def claim(c: str) -> Claim:
        cid = c.lstrip("?")
        return Claim(cid, "b" if cid.startswith("B") else "a", f"text of {cid}",
                     act="pure questioning" if c.startswith("?") else None)
    return ArgumentMap(
        speakers=[Speaker("a", "Ann"), Speaker("b", "Bob")],
        claims=[claim(c) for c in claims.split()],
        relations=[Relation(x, y, "support" if t == "+" else "attack") for x, t, y in relations],
        arguments=[Argument(i, tuple(p.split()), c) for i, p, c in arguments])


def gr(amap: ArgumentMap, reading: str) -> dict[str, str]:
    return statuses(amap, "GR", reading)


def agrees_with_oracle(amap: ArgumentMap) -> None:
    for reading in READINGS:
        computed = oracle_semantics(amap, reading)
        for sem in SEMANTICS:
            assert statuses(amap, sem, reading) == oracle_statuses(amap, sem, reading, computed), \
                (reading, sem)


# -- named cases ------------------------------------------------------------------------------
def test_linked_argument_with_one_premise_attacked():
    # A1 <= (A2 + A3), B1 attacks A3
    m = mk("A1 A2 A3 B1", [("B1", "x", "A3")], [("R", "A2 A3", "A1")])
    assert gr(m, "necessary") == {"A1": "out", "A2": "in", "A3": "out", "B1": "in"}
    assert gr(m, "none") == {"A1": "in", "A2": "in", "A3": "out", "B1": "in"}
    # deductive: the attack on A3 does not reach A1 (a conclusion needs no reason)
    assert gr(m, "deductive") == {"A1": "in", "A2": "in", "A3": "out", "B1": "in"}
    agrees_with_oracle(m)


def test_alternatives_with_one_attacked():
    # A1 <= A2, A1 <= A3 (two reasons), B1 attacks A3: A1 still stands under necessary
    m = mk("A1 A2 A3 B1", [("A2", "+", "A1"), ("A3", "+", "A1"), ("B1", "x", "A3")])
    assert gr(m, "necessary") == {"A1": "in", "A2": "in", "A3": "out", "B1": "in"}
    # the same reasons, linked: A1 falls
    linked = mk("A1 A2 A3 B1", [("B1", "x", "A3")], [("R", "A2 A3", "A1")])
    assert gr(linked, "necessary")["A1"] == "out"
    # both alternatives attacked: A1 falls
    both = mk("A1 A2 A3 B1 B2", [("A2", "+", "A1"), ("A3", "+", "A1"), ("B1", "x", "A3"),
                                 ("B2", "x", "A2")])
    assert gr(both, "necessary")["A1"] == "out"
    agrees_with_oracle(m)


def test_an_undercut():
    # B1 undercuts R (A2 => A1): premise and conclusion are not denied
    m = mk("A1 A2 B1", [("B1", "x", "R")], [("R", "A2", "A1")])
    assert gr(m, "necessary") == {"A1": "out", "A2": "in", "B1": "in"}
    assert gr(m, "none") == {"A1": "in", "A2": "in", "B1": "in"}
    assert gr(m, "deductive") == {"A1": "in", "A2": "in", "B1": "in"}
    # with another, intact reason the conclusion stands
    alt = mk("A1 A2 A3 B1", [("B1", "x", "R"), ("A3", "+", "A1")], [("R", "A2", "A1")])
    assert gr(alt, "necessary")["A1"] == "in"
    agrees_with_oracle(m)


def test_chains_of_arguments():
    # A3 + A4 => A2, A2 + A5 => A1; B1 attacks A4: both conclusions fall under necessary
    m = mk("A1 A2 A3 A4 A5 B1", [("B1", "x", "A4")], [("R1", "A3 A4", "A2"), ("R2", "A2 A5", "A1")])
    g = gr(m, "necessary")
    assert (g["A1"], g["A2"], g["A3"], g["A5"]) == ("out", "out", "in", "in")
    # deductive: linked arguments commit as wholes; an attack on A1 defeats R2, not A2
    d = mk("A1 A2 A3 A4 A5 B1", [("B1", "x", "A1")], [("R1", "A3 A4", "A2"), ("R2", "A2 A5", "A1")])
    assert gr(d, "deductive") == {"A1": "out", "A2": "in", "A3": "in", "A4": "in", "A5": "in",
                                  "B1": "in"}
    agrees_with_oracle(m)
    agrees_with_oracle(mk("A1 A2 A3 B1", [("B1", "x", "A1"), ("A3", "+", "A2")],
                          [("R", "A2 A3", "A1")]))


def test_cycles_through_arguments():
    # A1 + A3 => A2 and A2 => A1: a cycle of support through a linked argument
    m = mk("A1 A2 A3", [("A2", "+", "A1")], [("R", "A1 A3", "A2")])
    # no foundation: undecided under GR, a choice under PR (both in, or both out)
    assert gr(m, "necessary") == {"A1": "undec", "A2": "undec", "A3": "in"}
    assert statuses(m, "PR", "necessary") == {"A1": "credulous", "A2": "credulous", "A3": "skeptical"}
    assert statuses(m, "ST", "necessary")["A1"] == "credulous"
    # an attack on the cycle settles it
    hit = mk("A1 A2 A3 B1", [("A2", "+", "A1"), ("B1", "x", "A3")], [("R", "A1 A3", "A2")])
    assert gr(hit, "necessary") == {"A1": "out", "A2": "out", "A3": "out", "B1": "in"}
    agrees_with_oracle(m)
    agrees_with_oracle(hit)


def test_undercut_of_an_undercutters_argument():
    # Bob's R2 (B2 => B1) concludes the undercutter B1 of Ann's R1 (A2 => A1);
    # Ann's A3 undercuts R2: B1 loses its only reason, so R1 holds again
    m = mk("A1 A2 A3 B1 B2", [("B1", "x", "R1"), ("A3", "x", "R2")],
           [("R1", "A2", "A1"), ("R2", "B2", "B1")])
    assert gr(m, "necessary") == {"A1": "in", "A2": "in", "A3": "in", "B1": "out", "B2": "in"}
    # without Ann's undercut, Bob's undercut wins
    m2 = mk("A1 A2 B1 B2", [("B1", "x", "R1")], [("R1", "A2", "A1"), ("R2", "B2", "B1")])
    assert gr(m2, "necessary")["A1"] == "out"
    # under none and deductive undercuts do nothing
    assert gr(m, "none")["A1"] == "in" and gr(m2, "deductive")["A1"] == "in"
    agrees_with_oracle(m)


def test_undercut_a_linked_argument_under_deductive_only_the_whole_falls():
    # A2 + A3 => A1 undercut by B1; A1 attacks B2; deductive: R's premises no longer attack B2
    m = mk("A1 A2 A3 B1 B2", [("B1", "x", "R"), ("A1", "x", "B2")], [("R", "A2 A3", "A1")])
    c = compile_map(m, "deductive")
    assert ("R", "B2") in c.derived and c.derived[("R", "B2")].kind == "supported"
    assert gr(m, "deductive") == {"A1": "in", "A2": "in", "A3": "in", "B1": "in", "B2": "out"}
    agrees_with_oracle(m)


def test_self_defeating_argument_never_holds():
    # R: (A2, B1) => A1 while B1 attacks A1
    m = mk("A1 A2 B1", [("B1", "x", "A1")], [("R", "A2 B1", "A1")])
    assert gr(m, "necessary")["A1"] == "out"
    agrees_with_oracle(m)


# -- questioned claims: not put forward, they stand only on an accepted reason ----------------
def test_a_question_nobody_answers_does_not_stand_and_attacks_nothing():
    # Bob asks "is B1?", and B1 would attack Ann's A1: asking is not arguing
    m = mk("A1 ?B1", [("B1", "x", "A1")])
    for reading in READINGS:
        assert gr(m, reading) == {"A1": "in", "B1": "out"}, reading
    agrees_with_oracle(m)
    # asserted, the same B1 defeats A1
    assert gr(mk("A1 B1", [("B1", "x", "A1")]), "none") == {"A1": "out", "B1": "in"}


def test_a_question_answered_by_a_reason_stands_and_then_attacks():
    # Bob asks B1 and gives the reason B2 for it: under the support readings B1 stands
    m = mk("A1 ?B1 B2", [("B1", "x", "A1"), ("B2", "+", "B1")])
    assert gr(m, "none") == {"A1": "in", "B1": "out", "B2": "in"}
    for reading in ("necessary", "deductive"):
        assert gr(m, reading) == {"A1": "out", "B1": "in", "B2": "in"}, reading
    agrees_with_oracle(m)
    # a reason that is itself defeated does not establish the question
    hit = mk("A1 ?B1 B2 A2", [("B1", "x", "A1"), ("B2", "+", "B1"), ("A2", "x", "B2")])
    for reading in READINGS:
        assert gr(hit, reading)["B1"] == "out" and gr(hit, reading)["A1"] == "in", reading
    agrees_with_oracle(hit)


def test_a_questioned_premise_is_a_critical_question_on_an_assumption():
    # Ann's R: A2 + ?A3 => A1, where A3 ("the expert is reliable") is only asked:
    # the argument does not hold until A3 is established (Carneades' assumptions)
    m = mk("A1 A2 ?A3", [], [("R", "A2 A3", "A1")])
    g = gr(m, "necessary")
    assert (g["A1"], g["A3"]) == ("out", "out")
    agrees_with_oracle(m)
    answered = mk("A1 A2 ?A3 A4", [("A4", "+", "A3")], [("R", "A2 A3", "A1")])
    assert gr(answered, "necessary") == {"A1": "in", "A2": "in", "A3": "in", "A4": "in"}
    agrees_with_oracle(answered)


def test_a_questioned_undercutter_is_a_critical_question_on_an_exception():
    # Bob asks whether B1 (an exception to Ann's R) holds: the undercut does nothing
    # until B1 is argued for (Carneades' exceptions)
    m = mk("A1 A2 ?B1", [("B1", "x", "R")], [("R", "A2", "A1")])
    assert gr(m, "necessary") == {"A1": "in", "A2": "in", "B1": "out"}
    argued = mk("A1 A2 ?B1 B2", [("B1", "x", "R"), ("B2", "+", "B1")], [("R", "A2", "A1")])
    assert gr(argued, "necessary") == {"A1": "out", "A2": "in", "B1": "in", "B2": "in"}
    agrees_with_oracle(m)
    agrees_with_oracle(argued)


def test_deductive_question_needs_its_reason_and_its_reason_takes_the_attacks():
    # ?A1 <= A2, B1 attacks A1: deductively B1 also attacks A2 (mediated); A1 out
    m = mk("?A1 A2 B1", [("A2", "+", "A1"), ("B1", "x", "A1")])
    assert gr(m, "deductive") == {"A1": "out", "A2": "out", "B1": "in"}
    # a support cycle of questions has no foundation: undecided, never both in alone
    cyc = mk("?A1 ?A2", [("A1", "+", "A2"), ("A2", "+", "A1")])
    for reading in ("necessary", "deductive"):
        assert gr(cyc, reading) == {"A1": "undec", "A2": "undec"}, reading
    agrees_with_oracle(m)
    agrees_with_oracle(cyc)


def test_assertive_and_rhetorical_questions_assert_their_content():
    for act in ("assertive questioning", "rhetorical questioning", "conceding", "restating"):
        m = ArgumentMap(speakers=[Speaker("a", "Ann"), Speaker("b", "Bob")],
                        claims=[Claim("A1", "a", "x"), Claim("B1", "b", "y", act=act)],
                        relations=[Relation("B1", "A1", "attack")])
        assert gr(m, "none") == {"A1": "out", "B1": "in"}, act


def test_questions_add_auxiliary_nodes_only_where_needed():
    plain = mk("A1 B1", [("B1", "x", "A1")])
    assert compile_map(plain, "none").aux == ()
    c = compile_map(mk("A1 ?B1", [("B1", "x", "A1")]), "none")
    assert c.ids == ("A1", "B1", "unsupported:B1") and c.n_claims == 2
    assert [(c.ids[a], c.ids[b]) for a, b in c.attacks] == [("B1", "A1"), ("unsupported:B1", "B1")]
    d = compile_map(mk("?A1 A2", [("A2", "+", "A1")]), "deductive")
    assert [(d.ids[a], d.ids[b]) for a, b in d.attacks] == [("A2", "unsupported:A1"),
                                                            ("unsupported:A1", "A1")]
    # restricted to some claims, a question outside them adds nothing
    assert compile_map(mk("A1 ?B1"), "none", claims=["A1"]).aux == ()


# -- exhaustive: every map over three claims with up to two relations and at most one linked
# -- argument (undercut or not) ------------------------------------------------------------------
def _small_maps(names: str = "a b c"):
    ids = ["a", "b", "c"]
    pairs = [(x, y) for x in ids for y in ids if x != y]
    for k in range(3):
        for chosen in combinations(pairs, k):
            for kinds in product("+x", repeat=k):
                rels = [(x, t, y) for (x, y), t in zip(chosen, kinds)]
                yield mk(names, rels)
                for concl in ids:
                    prem = " ".join(x for x in ids if x != concl)
                    yield mk(names, rels, [("R", prem, concl)])
                    yield mk(names, rels + [(concl, "x", "R")], [("R", prem, concl)])


@pytest.mark.slow
@pytest.mark.parametrize("names", ["a b c", "a ?b c"])
def test_every_small_structured_map_agrees_with_the_oracle(names):
    # with ``?b``: the same maps where b is a question nobody asserts
    count = 0
    for amap in _small_maps(names):
        agrees_with_oracle(amap)
        count += 1
    assert count == 511


# -- hypothesis: larger random structured maps --------------------------------------------------
@st.composite
def structured_maps(draw: st.DrawFn) -> ArgumentMap:
    n = draw(st.integers(2, 4))
    ids = [f"K{i}" for i in range(n)]
    pairs = [(a, b) for a in ids for b in ids if a != b]
    rels = draw(st.lists(st.tuples(st.sampled_from(pairs), st.sampled_from("x+")),
                         max_size=5, unique_by=lambda r: r[0]))
    relations = [(a, t, b) for (a, b), t in rels]
    arguments = []
    if n >= 3:
        for k in range(draw(st.integers(0, 2))):
            concl = draw(st.sampled_from(ids))
            others = [i for i in ids if i != concl]
            prem = draw(st.lists(st.sampled_from(others), min_size=2, max_size=2, unique=True))
            arguments.append((f"R{k}", " ".join(prem), concl))
            if draw(st.booleans()):
                und = draw(st.sampled_from(ids))
                if und not in prem:
                    relations.append((und, "x", f"R{k}"))
    asked = draw(st.sets(st.sampled_from(ids), max_size=2))
    names = " ".join(f"?{i}" if i in asked else i for i in ids)
    try:
        return mk(names, relations, arguments)
    except Exception:
        return mk(names, [(a, t, b) for (a, b), t in rels])


@settings(max_examples=examples(40), deadline=None)
@given(structured_maps())
def test_random_structured_maps_agree_with_the_oracle(amap):
    agrees_with_oracle(amap)


# -- where the readings must give today's answers --------------------------------------------
@st.composite
def simple_maps(draw: st.DrawFn, one_reason: bool) -> ArgumentMap:
    """Format-1 maps: one-premise supports, no undercuts; acyclic supports with at most one
    supporter per claim when *one_reason*."""
    n = draw(st.integers(2, 7))
    ids = [f"K{i}" for i in range(n)]
    rels = []
    seen = set()
    supported = set()
    for _ in range(draw(st.integers(0, 10))):
        a, b = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
        if a == b or (a, b) in seen:
            continue
        t = draw(st.sampled_from("x+"))
        if t == "+" and one_reason and (b in supported or ids.index(a) > ids.index(b)):
            t = "x"
        seen.add((a, b))
        if t == "+":
            supported.add(b)
        rels.append((a, t, b))
    return mk(" ".join(ids), rels)


def _reference(amap: ArgumentMap, reading: str) -> AF:
    """The framework the earlier releases built: claims only, with the closure's attacks."""
    ids = [c.id for c in amap.claims]
    direct = [(r.from_id, r.to_id) for r in amap.relations if r.type == "attack"]
    fwd: dict[str, list[str]] = {}
    bwd: dict[str, list[str]] = {}
    for r in amap.relations:
        if r.type == "support":
            fwd.setdefault(r.from_id, []).append(r.to_id)
            bwd.setdefault(r.to_id, []).append(r.from_id)
    derived = support_closure(direct, fwd, bwd, reading) if reading != "none" and fwd else {}
    return AF.from_pairs(ids, direct + list(derived))


def _af_statuses(af: AF, sem: str) -> dict[str, str]:
    from argmap.semantics import acceptance, grounded_labelling

    if sem == "GR":
        lab = grounded_labelling(af)
        return {af.names[i]: {1: "in", -1: "out", 0: "undec"}[int(x)] for i, x in enumerate(lab)}
    cred, skep = acceptance(af, sem)
    return {af.names[i]: "skeptical" if s and c else "credulous" if c else "rejected"
            for i, (c, s) in enumerate(zip(cred.tolist(), skep.tolist()))}


@settings(max_examples=examples(40), deadline=None)
@given(simple_maps(one_reason=False), st.sampled_from(["none", "deductive"]), st.sampled_from(SEMANTICS))
def test_none_and_deductive_give_todays_answers_on_format_1_maps(amap, reading, sem):
    assert statuses(amap, sem, reading) == _af_statuses(_reference(amap, reading), sem)


@settings(max_examples=examples(40), deadline=None)
@given(simple_maps(one_reason=True), st.sampled_from(SEMANTICS))
def test_necessary_gives_todays_answers_where_every_claim_has_one_reason(amap, sem):
    assert statuses(amap, sem, "necessary") == _af_statuses(_reference(amap, "necessary"), sem)


def test_necessary_differs_where_a_claim_has_several_reasons():
    m = mk("A1 A2 A3 B1", [("A2", "+", "A1"), ("A3", "+", "A1"), ("B1", "x", "A3")])
    assert _af_statuses(_reference(m, "necessary"), "GR")["A1"] == "out"   # every supporter needed
    assert statuses(m, "GR", "necessary")["A1"] == "in"                   # one reason suffices
