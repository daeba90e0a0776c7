"""Hypothesis properties of the semantics on random frameworks."""

from __future__ import annotations

from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.af import AF
from argmap.semantics import (
    acceptance,
    count,
    credulous,
    extensions,
    grounded,
    grounded_labelling,
    ideal,
    is_admissible,
    is_complete,
    is_conflict_free,
    is_grounded,
    is_ideal,
    is_preferred,
    is_semi_stable,
    is_stable,
    one_extension,
    skeptical,
)

from .helpers.budget import examples


@st.composite
def frameworks(draw: st.DrawFn, max_n: int = 8) -> AF:
    n = draw(st.integers(0, max_n))
    pairs = [(a, b) for a in range(n) for b in range(n)]
    att = draw(st.lists(st.sampled_from(pairs), max_size=3 * n, unique=True)) if pairs else []
    return AF.from_pairs([str(i) for i in range(n)], [(str(a), str(b)) for a, b in att])


def exts(af: AF, sem: str) -> list[frozenset[int]]:
    return list(extensions(af, sem))


PRED = {"CO": is_complete, "PR": is_preferred, "ST": is_stable, "SST": is_semi_stable,
        "GR": is_grounded, "ID": is_ideal}


@settings(max_examples=examples(150))
@given(frameworks())
def test_each_result_passes_its_predicate(af: AF) -> None:
    for sem, pred in PRED.items():
        found = exts(af, sem)
        assert len(found) == len(set(found)) == count(af, sem)
        for e in found:
            assert pred(af, e) and is_conflict_free(af, e)
        one = one_extension(af, sem)
        assert (one is None) == (not found)
        if one is not None:
            assert one in found


@settings(max_examples=examples(150))
@given(frameworks())
def test_grounded_is_in_every_complete_extension(af: AF) -> None:
    g = one_extension(af, "GR")
    complete = exts(af, "CO")
    assert g in complete and all(g <= c for c in complete)
    assert set(grounded(af).nonzero()[0].tolist()) == g
    label = grounded_labelling(af)
    attacked = {int(b) for a, b in zip(af.src, af.dst) if int(a) in g}
    assert {i for i in range(af.n) if label[i] == -1} == attacked


@settings(max_examples=examples(150))
@given(frameworks())
def test_stable_preferred_semistable_ideal(af: AF) -> None:
    pr = set(exts(af, "PR"))
    stable = set(exts(af, "ST"))
    sst = set(exts(af, "SST"))
    assert stable <= pr and sst <= pr
    if stable:
        assert sst == stable
    i = ideal(af)
    assert is_admissible(af, i) and all(i <= p for p in pr)


@settings(max_examples=examples(100))
@given(frameworks(max_n=7))
def test_preferred_are_the_maximal_admissible_sets(af: AF) -> None:
    adm = [frozenset(c) for k in range(af.n + 1) for c in combinations(range(af.n), k)
           if is_admissible(af, c)]
    maximal = {s for s in adm if not any(s < t for t in adm)}
    assert set(exts(af, "PR")) == maximal


@settings(max_examples=examples(100))
@given(frameworks(), st.sampled_from(["CO", "PR", "ST", "SST"]))
def test_acceptance_tasks_agree_with_enumeration(af: AF, sem: str) -> None:
    found = exts(af, sem)
    cred, skep = acceptance(af, sem)
    for q in range(af.n):
        in_some = any(q in e for e in found)
        in_all = all(q in e for e in found)
        ok, wit = credulous(af, sem, q)
        assert ok == in_some == bool(cred[q])
        assert wit is None or (q in wit and wit in found)
        ok, cex = skeptical(af, sem, q)
        assert ok == in_all == bool(skep[q])
        assert cex is None or (q not in cex and cex in found)
