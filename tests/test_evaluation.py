"""Map-level evaluation: statuses, survivors, one-claim answers, extensions,
explanations and the speakers' standing."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import QueryError, UsageError
from argmap.evaluation import (
    claim_acceptance,
    compare_standing,
    count_extensions,
    explain,
    format_explanation,
    format_standing,
    map_extensions,
    statuses,
    survivors,
)
from argmap.framework import to_af
from argmap.model import ArgumentMap, Claim, Relation, Speaker

from .helpers.budget import examples
from .helpers.calls import count_calls
from .helpers.oracle import all_extensions


def mk(claims: str, relations: list[tuple[str, str, str]]) -> ArgumentMap:
    return ArgumentMap(
        speakers=[Speaker("e", "Essay"), Speaker("c", "Commenter")],
        claims=[Claim(c, "c" if c.startswith("C") else "e", f"text of {c}") for c in claims.split()],
        relations=[Relation(a, b, "support" if t == "+" else "attack") for a, t, b in relations])


# the worked example of docs/evaluation.md
WORKED = mk("E1 E2 C1 C2 E3", [("E2", "+", "E1"), ("C1", "x", "E1"), ("C2", "+", "C1"),
                               ("E3", "x", "C2")])
CYCLE = mk("A B C", [("A", "x", "B"), ("B", "x", "A"), ("B", "x", "C")])
ODD = mk("A B C", [("A", "x", "B"), ("B", "x", "C"), ("C", "x", "A")])


@pytest.mark.parametrize("reading, want", [
    ("none", {"E1": "out", "E2": "in", "C1": "in", "C2": "out", "E3": "in"}),
    ("deductive", {"E1": "out", "E2": "out", "C1": "in", "C2": "out", "E3": "in"}),
    ("necessary", {"E1": "in", "E2": "in", "C1": "out", "C2": "out", "E3": "in"}),
])
def test_worked_example_readings_differ(reading: str, want: dict[str, str]) -> None:
    assert statuses(WORKED, "GR", reading) == want
    sk = {k: ("skeptical" if v == "in" else "rejected") for k, v in want.items()}
    for sem in ("CO", "PR", "ST", "SST", "ID"):
        assert statuses(WORKED, sem, reading) == sk


def test_statuses_on_cycles() -> None:
    assert statuses(CYCLE, "GR") == {"A": "undec", "B": "undec", "C": "undec"}
    assert statuses(CYCLE, "PR") == {"A": "credulous", "B": "credulous", "C": "credulous"}
    assert statuses(ODD, "ST") == {"A": "rejected", "B": "rejected", "C": "rejected"}
    assert statuses(ODD, "SST") == {"A": "rejected", "B": "rejected", "C": "rejected"}
    floating = mk("A B C D", [("A", "x", "B"), ("B", "x", "A"), ("A", "x", "C"),
                              ("B", "x", "C"), ("C", "x", "D")])
    assert statuses(floating, "PR")["D"] == "skeptical"
    assert statuses(floating, "ID")["D"] == "rejected"


def test_empty_map() -> None:
    empty = ArgumentMap(speakers=[Speaker("e", "E")])
    assert statuses(empty, "PR") == {}
    assert list(map_extensions(empty, "ST")) == [[]]


def test_survivors_and_errors() -> None:
    assert [c.id for c in survivors(WORKED, "GR", "necessary")] == ["E1", "E2", "E3"]
    assert [c.id for c in survivors(CYCLE, "PR")] == []
    with pytest.raises(UsageError, match="unknown semantics"):
        statuses(WORKED, "XX")
    with pytest.raises(UsageError, match="support reading"):
        statuses(WORKED, "GR", "strong")


def test_claim_acceptance() -> None:
    r = claim_acceptance(CYCLE, "C", "PR")
    assert (r.status, r.credulous, r.skeptical) == ("credulous", True, False)
    assert "C" in r.witness and "C" not in r.counterexample
    r = claim_acceptance(WORKED, "E1", "GR", "necessary")
    assert r.status == "in" and r.counterexample is None and "E1" in r.witness
    r = claim_acceptance(ODD, "A", "ST")
    assert (r.status, r.credulous, r.skeptical, r.witness) == ("rejected", False, True, None)
    assert r.to_dict()["claim"] == "A"
    with pytest.raises(QueryError, match="no claim"):
        claim_acceptance(CYCLE, "Z", "PR")


def test_map_extensions_and_count() -> None:
    assert sorted(map_extensions(CYCLE, "PR")) == [["A", "C"], ["B"]]
    assert list(map_extensions(CYCLE, "CO", limit=1)) and len(list(map_extensions(CYCLE, "CO", limit=2))) == 2
    assert count_extensions(CYCLE, "CO") == 3
    assert count_extensions(ODD, "ST") == 0
    assert list(map_extensions(WORKED, "PR", "deductive")) == [["C1", "E3"]]
    with pytest.raises(UsageError):
        list(map_extensions(CYCLE, "PR", limit=-1))


def test_explain_names_derived_attacks() -> None:
    e = explain(WORKED, "E2", "GR", "deductive")
    assert e.status == "out"
    [child] = e.tree.children
    assert (child.claim, child.label, child.attack.kind, child.attack.chain) == \
        ("C1", "in", "mediated", ("C1", "E1", "E2"))
    text = format_explanation(e, WORKED)
    assert "mediated attack via C1 -x-> E1 <-+- E2" in text
    assert all(len(line) <= 80 for line in text.splitlines())
    d = e.to_dict()
    assert d["tree"]["attackers"][0]["attack"]["kind"] == "mediated"


def test_explain_in_claim_lists_defeated_attackers_down_to_unattacked() -> None:
    e = explain(WORKED, "E1", "GR", "necessary")
    walk = [(d, n.claim, n.label, n.role) for d, n in e.tree.walk()]
    # C1 is out because its only reason (C2 => C1) does not hold: C2 is out, E3 is in
    assert walk == [(0, "E1", "in", "root"), (1, "C1", "out", "attack"),
                    (2, "C2=>C1", "out", "reason"), (3, "C2", "out", "premise"),
                    (4, "E3", "in", "attack"), (1, "E2=>E1", "in", "reason"),
                    (2, "E2", "in", "premise")]


def test_explain_is_cycle_safe() -> None:
    e = explain(CYCLE, "A", "GR")
    walk = [(d, n.claim, n.label, n.repeated) for d, n in e.tree.walk()]
    assert walk == [(0, "A", "undec", False), (1, "B", "undec", False), (2, "A", "undec", True)]
    assert "(cycle)" in format_explanation(e, CYCLE)


def test_explain_other_semantics_uses_an_extension() -> None:
    e = explain(CYCLE, "C", "PR")
    assert e.status == "credulous" and "C" in e.extension
    assert [(n.claim, n.label, n.repeated) for _, n in e.tree.walk()] == \
        [("C", "in", False), ("B", "out", False), ("A", "in", False), ("B", "out", True)]
    e = explain(ODD, "A", "ST")
    assert e.extension is None and e.tree.label == "undec"


@pytest.mark.parametrize("amap, claim, sem, reading, solver", [
    (CYCLE, "C", "PR", "none", 1),          # undecided core: the solver is asked, once
    (CYCLE, "A", "ST", "necessary", 1),
    (WORKED, "E1", "PR", "necessary", 0),   # decided by the grounded labelling
    (WORKED, "E2", "GR", "deductive", 0),
])
def test_explain_compiles_once_and_asks_the_solver_once(monkeypatch: pytest.MonkeyPatch, amap: ArgumentMap,
                                                        claim: str, sem: str, reading: str, solver: int) -> None:
    import argmap.framework
    import argmap.semantics

    want = explain(amap, claim, sem, reading).to_dict()
    compiles = count_calls(monkeypatch, argmap.framework, "compile_map")
    asked = count_calls(monkeypatch, argmap.semantics, "credulous")
    e = explain(amap, claim, sem, reading)
    assert (len(compiles), len(asked)) == (1, solver)
    assert e.to_dict() == want
    assert e.status == claim_acceptance(amap, claim, sem, reading).status


def test_compare_standing() -> None:
    s = compare_standing(WORKED, "e", "c", "GR", "none")
    assert s.together == {"e": ["E2", "E3"], "c": ["C1"]}
    assert s.alone == {"e": ["E1", "E2", "E3"], "c": ["C1", "C2"]}
    assert s.lost == {"e": ["E1"], "c": ["C2"]}
    assert s.gained == {"e": [], "c": []}
    assert s.to_dict()["speakers"] == ["e", "c"]
    text = format_standing(s, WORKED)
    assert "knocked down by Commenter: E1" in text
    s = compare_standing(WORKED, "e", "c", "PR", "necessary")
    assert s.lost == {"e": [], "c": ["C1", "C2"]}
    with pytest.raises(QueryError):
        compare_standing(WORKED, "e", "nobody")


# -- property: map-level statuses agree with the brute-force oracle on the compiled AF ------
@st.composite
def small_maps(draw: st.DrawFn) -> ArgumentMap:
    n = draw(st.integers(2, 6))
    ids = [f"K{i}" for i in range(n)]
    pairs = [(a, b) for a in ids for b in ids if a != b]
    rels = draw(st.lists(st.tuples(st.sampled_from(pairs), st.sampled_from(["x", "+"])),
                         max_size=10, unique_by=lambda r: r[0]))
    return mk(" ".join(ids), [(a, t, b) for (a, b), t in rels])


@settings(max_examples=examples(60))
@given(small_maps(), st.sampled_from(["none", "deductive", "necessary"]),
       st.sampled_from(["GR", "CO", "PR", "ST", "SST", "ID"]))
def test_statuses_match_oracle(amap: ArgumentMap, reading: str, sem: str) -> None:
    af = to_af(amap, reading)
    idx = {name: i for i, name in enumerate(af.names) if i < af.meta["claims"]}
    att = frozenset((int(a), int(b)) for a, b in zip(af.src.tolist(), af.dst.tolist()))
    exts = all_extensions(af.n, att)[sem]
    got = statuses(amap, sem, reading)
    for cid, i in idx.items():
        if sem == "GR":
            [g] = exts
            attacked = {b for a, b in att if a in g}
            want = "in" if i in g else "out" if i in attacked else "undec"
        elif exts and all(i in e for e in exts):
            want = "skeptical"
        elif any(i in e for e in exts):
            want = "credulous"
        else:
            want = "rejected"
        assert got[cid] == want
    assert np.array_equal(np.array(sorted(idx.values())), np.arange(len(amap.claims)))
