"""Semantics against named cases and a brute-force oracle (all frameworks up to 3
arguments, a fixed sample up to 6)."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest

from argmap.af import AF
from argmap.errors import QueryError, UsageError
from argmap.semantics import (
    acceptance,
    count,
    credulous,
    extensions,
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
    names,
    one_extension,
    skeptical,
)

from .helpers.oracle import all_extensions

SEMANTICS = ["GR", "CO", "PR", "ST", "SST", "ID"]


def af_of(n: int, att: set[tuple[int, int]] | frozenset[tuple[int, int]]) -> AF:
    return AF.from_pairs([str(i) for i in range(n)], [(str(a), str(b)) for a, b in sorted(att)])


def ext_sets(af: AF, sem: str) -> set[frozenset[str]]:
    return {frozenset(names(af, e)) for e in extensions(af, sem)}


# -- named cases ----------------------------------------------------------------------
NAMED = {
    # name: (arguments, attacks, {semantics: extensions as sets of names})
    "empty": ([], [], {s: [set()] for s in SEMANTICS}),
    "single": (["a"], [], {s: [{"a"}] for s in SEMANTICS}),
    "self-attack": (["a"], [("a", "a")],
                    {"GR": [set()], "CO": [set()], "PR": [set()], "ST": [], "SST": [set()],
                     "ID": [set()]}),
    "chain": (list("abc"), [("a", "b"), ("b", "c")], {s: [{"a", "c"}] for s in SEMANTICS}),
    "even cycle": (list("ab"), [("a", "b"), ("b", "a")],
                   {"GR": [set()], "CO": [set(), {"a"}, {"b"}], "PR": [{"a"}, {"b"}],
                    "ST": [{"a"}, {"b"}], "SST": [{"a"}, {"b"}], "ID": [set()]}),
    "odd cycle": (list("abc"), [("a", "b"), ("b", "c"), ("c", "a")],
                  {"GR": [set()], "CO": [set()], "PR": [set()], "ST": [], "SST": [set()],
                   "ID": [set()]}),
    "four cycle": (list("abcd"), [("a", "b"), ("b", "c"), ("c", "d"), ("d", "a")],
                   {"GR": [set()], "CO": [set(), {"a", "c"}, {"b", "d"}],
                    "PR": [{"a", "c"}, {"b", "d"}], "ST": [{"a", "c"}, {"b", "d"}],
                    "SST": [{"a", "c"}, {"b", "d"}], "ID": [set()]}),
    # Dung (1995), Example 1 (the couple): a and b attack each other, c is attacked by b
    "dung floating": (list("abc"), [("a", "b"), ("b", "a"), ("b", "c")],
                      {"GR": [set()], "CO": [set(), {"a", "c"}, {"b"}],
                       "PR": [{"a", "c"}, {"b"}], "ST": [{"a", "c"}, {"b"}],
                       "SST": [{"a", "c"}, {"b"}], "ID": [set()]}),
    # floating acceptance: d is in every preferred extension but not grounded, not ideal
    "floating": (list("abcd"), [("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"), ("c", "d")],
                 {"GR": [set()], "CO": [set(), {"a", "d"}, {"b", "d"}],
                  "PR": [{"a", "d"}, {"b", "d"}], "ST": [{"a", "d"}, {"b", "d"}],
                  "SST": [{"a", "d"}, {"b", "d"}], "ID": [set()]}),
    # preferred but no stable: a <-> b, b attacks c, c attacks itself... (Caminada 2006)
    "semi-stable differs": (list("abcd"), [("a", "b"), ("b", "a"), ("b", "c"), ("c", "c"),
                                           ("c", "d")],
                            {"GR": [set()], "CO": [set(), {"a"}, {"b", "d"}],
                             "PR": [{"a"}, {"b", "d"}], "ST": [{"b", "d"}],
                             "SST": [{"b", "d"}], "ID": [set()]}),
    # ideal beyond grounded: a <-> b, b attacks itself
    "ideal": (list("ab"), [("a", "b"), ("b", "a"), ("b", "b")],
              {"GR": [set()], "CO": [set(), {"a"}], "PR": [{"a"}], "ST": [{"a"}],
               "SST": [{"a"}], "ID": [{"a"}]}),
}


@pytest.mark.parametrize("case", sorted(NAMED))
@pytest.mark.parametrize("sem", SEMANTICS)
def test_named_cases(case: str, sem: str) -> None:
    args, att, expected = NAMED[case]
    af = AF.from_pairs(args, att)
    want = {frozenset(e) for e in expected[sem]}
    assert ext_sets(af, sem) == want
    assert count(af, sem) == len(want)
    one = one_extension(af, sem)
    if want:
        assert one is not None and frozenset(names(af, one)) in want
    else:
        assert one is None


def test_odd_cycle_has_no_stable_extension_and_vacuous_skeptical() -> None:
    af = AF.from_pairs("abc", [("a", "b"), ("b", "c"), ("c", "a")])
    assert credulous(af, "ST", "a") == (False, None)
    assert skeptical(af, "ST", "a") == (True, None)
    cred, skep = acceptance(af, "ST")
    assert not cred.any() and skep.all()


def test_grounded_labelling_self_attack_attacked_is_out() -> None:
    af = AF.from_pairs("ab", [("a", "b"), ("b", "b")])
    assert grounded_labelling(af).tolist() == [1, -1]


def test_unknown_semantics_raises_on_call() -> None:
    af = AF.from_pairs("a", [])
    with pytest.raises(UsageError, match="unknown semantics"):
        extensions(af, "XX")  # the generator's guard fires on the call
    with pytest.raises(QueryError):
        credulous(af, "PR", "zz")
    with pytest.raises(QueryError):
        skeptical(af, "PR", 7)


def test_witness_and_counterexample() -> None:
    af = AF.from_pairs(list("abcd"), NAMED["floating"][1])
    ok, cex = skeptical(af, "PR", "d")
    assert ok and cex is None
    ok, cex = skeptical(af, "PR", "a")
    assert not ok and cex is not None and 0 not in cex and is_preferred(af, cex)
    ok, wit = credulous(af, "SST", "b")
    assert ok and 1 in wit and is_semi_stable(af, wit)
    ok, wit = credulous(af, "CO", "c")
    assert not ok and wit is None


# -- brute-force oracle -----------------------------------------------------------------
def _check_against_oracle(n: int, att: frozenset[tuple[int, int]]) -> None:
    af = af_of(n, att)
    want = all_extensions(n, att)
    for sem in SEMANTICS:
        got = {frozenset(e) for e in extensions(af, sem)}
        assert got == want[sem], (sem, n, sorted(att))
        assert count(af, sem) == len(want[sem])
        cred_want = set().union(*want[sem]) if want[sem] else set()
        skep_want = (set(range(n)).intersection(*want[sem]) if want[sem] else set(range(n)))
        cred, skep = acceptance(af, sem)
        assert set(np.flatnonzero(cred).tolist()) == cred_want, (sem, sorted(att))
        assert set(np.flatnonzero(skep).tolist()) == skep_want, (sem, sorted(att))
        for q in range(n):
            ok, wit = credulous(af, sem, q)
            assert ok == (q in cred_want), (sem, q, sorted(att))
            if ok:
                assert q in wit and frozenset(wit) in want[sem]
            ok, cex = skeptical(af, sem, q)
            assert ok == (q in skep_want), (sem, q, sorted(att))
            if not ok:
                assert q not in cex and frozenset(cex) in want[sem]


ALL_PAIRS = {n: [(a, b) for a in range(n) for b in range(n)] for n in range(7)}


@pytest.mark.parametrize("n", [0, 1, 2])
def test_oracle_exhaustive_small(n: int) -> None:
    pairs = ALL_PAIRS[n]
    for bits in itertools.product([0, 1], repeat=len(pairs)):
        _check_against_oracle(n, frozenset(p for p, b in zip(pairs, bits) if b))


@pytest.mark.parametrize("chunk", range(4))
def test_oracle_exhaustive_three(chunk: int) -> None:
    """All 512 frameworks on three arguments (self-attacks included), in four chunks."""
    pairs = ALL_PAIRS[3]
    for code in range(chunk * 128, (chunk + 1) * 128):
        _check_against_oracle(3, frozenset(p for k, p in enumerate(pairs) if code >> k & 1))


@pytest.mark.parametrize("n", [4, 5, 6])
def test_oracle_sampled(n: int) -> None:
    rng = random.Random(4000 + n)
    for _ in range(200):
        density = rng.choice([0.1, 0.2, 0.3, 0.5])
        att = frozenset(p for p in ALL_PAIRS[n]
                        if rng.random() < (density if p[0] != p[1] else density / 4))
        _check_against_oracle(n, att)


def test_predicates_agree_with_oracle_on_every_subset() -> None:
    from .helpers.oracle import admissible, complete, conflict_free, stable, subsets

    rng = random.Random(7)
    for _ in range(40):
        n = rng.randint(1, 5)
        att = frozenset(p for p in ALL_PAIRS[n] if rng.random() < 0.3)
        af = af_of(n, att)
        want = all_extensions(n, att)
        for s in subsets(n):
            assert is_conflict_free(af, s) == conflict_free(s, att)
            assert is_admissible(af, s) == admissible(s, att)
            assert is_complete(af, s) == complete(s, n, att)
            assert is_stable(af, s) == stable(s, n, att)
            assert is_preferred(af, s) == (s in want["PR"])
            assert is_semi_stable(af, s) == (s in want["SST"])
            assert is_grounded(af, s) == (s in want["GR"])
            assert is_ideal(af, s) == (s in want["ID"])


def test_ideal_function_matches_extension() -> None:
    af = AF.from_pairs("ab", [("a", "b"), ("b", "a"), ("b", "b")])
    assert ideal(af) == frozenset({0}) == one_extension(af, "ID")
