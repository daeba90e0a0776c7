"""``argmap.af``: the compact framework type and the ICCMA argument names.

The adjacency (CSR) is checked against the attack list it is built from, on random
frameworks; ``normalized`` against a set of pairs; ``ArgumentNumbers`` against the
list of names it stands for.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.af import AF, ArgumentNumbers

from .helpers.budget import examples


@st.composite
def frameworks(draw: st.DrawFn) -> tuple[int, list[tuple[int, int]]]:
    """``(n, attacks)`` with repeats and self-attacks allowed."""
    n = draw(st.integers(0, 12))
    if n == 0:
        return 0, []
    pair = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
    return n, draw(st.lists(pair, max_size=40))


def build(n: int, attacks: list[tuple[int, int]]) -> AF:
    names = [f"a{i}" for i in range(n)]
    return AF.from_pairs(names, [(names[a], names[b]) for a, b in attacks])


def test_from_pairs_keeps_names_and_order() -> None:
    af = AF.from_pairs(["x", "y", "z"], [("z", "x"), ("x", "y"), ("z", "x")], meta={"title": "t"})
    assert (af.n, af.m) == (3, 3)
    assert af.pairs() == [("z", "x"), ("x", "y"), ("z", "x")]
    assert af.src.dtype == np.int32 and af.dst.dtype == np.int32
    assert af.index() == {"x": 0, "y": 1, "z": 2} and af.meta == {"title": "t"}
    assert repr(af) == "<AF n=3 m=3>"


def test_from_pairs_refuses_an_unknown_name() -> None:
    with pytest.raises(KeyError):
        AF.from_pairs(["x"], [("x", "w")])


def test_an_empty_framework() -> None:
    af = AF.from_pairs([], [])
    assert (af.n, af.m, af.pairs()) == (0, 0, [])
    assert af.normalized() is af
    ptr, idx = af.attackers_csr()
    assert ptr.tolist() == [0] and idx.tolist() == []


@settings(max_examples=examples(200))
@given(frameworks())
def test_adjacency_lists_every_attack_once_per_line(fw: tuple[int, list[tuple[int, int]]]) -> None:
    n, attacks = fw
    af = build(n, attacks)
    for i in range(n):
        assert sorted(af.attackers_of(i).tolist()) == sorted(a for a, b in attacks if b == i)
        assert sorted(af.targets_of(i).tolist()) == sorted(b for a, b in attacks if a == i)
        assert af.attackers_of(i).tolist() == sorted(af.attackers_of(i).tolist())  # rows come out sorted
    ptr, idx = af.targets_csr()
    assert ptr[0] == 0 and ptr[-1] == len(attacks) == idx.shape[0]


@settings(max_examples=examples(200))
@given(frameworks())
def test_normalized_removes_repeats_and_sorts(fw: tuple[int, list[tuple[int, int]]]) -> None:
    n, attacks = fw
    af = build(n, attacks)
    norm = af.normalized()
    assert list(zip(norm.src.tolist(), norm.dst.tolist())) == sorted(set(attacks))
    assert norm.names == af.names
    assert af.pairs() == [(f"a{a}", f"a{b}") for a, b in attacks]  # the original is unchanged


def test_normalized_copies_meta_rather_than_sharing_it() -> None:
    af = AF.from_pairs(["a", "b"], [("a", "b"), ("a", "b")], meta={"k": 1})
    norm = af.normalized()
    norm.meta["k"] = 2
    assert af.meta == {"k": 1} and norm.m == 1


def test_the_adjacency_is_cached() -> None:
    af = build(3, [(0, 1), (1, 2)])
    assert af.attackers_csr() is af.attackers_csr()
    assert af.index() is af.index()


@pytest.mark.parametrize("n", [0, 1, 9, 10, 11, 123])
def test_argument_numbers_behave_as_the_list_of_names(n: int) -> None:
    names = ArgumentNumbers(n)
    listed = [str(k) for k in range(1, n + 1)]
    assert len(names) == n and list(names) == listed and names == listed
    assert names[1:4] == listed[1:4] and names[::-1] == listed[::-1]
    if n:
        assert names[0] == "1" and names[-1] == str(n)
        assert names.index(str(n)) == n - 1
    for name in listed:
        assert name in names
    for name in ("0", "01", str(n + 1), "+1", " 1", "1.0", "١"):  # the last is an Arabic-Indic one
        assert name not in names
    assert 1 not in names


def test_argument_numbers_refuse_what_is_not_there() -> None:
    names = ArgumentNumbers(3)
    with pytest.raises(IndexError):
        names[3]
    with pytest.raises(IndexError):
        names[-4]
    with pytest.raises(ValueError):
        names.index("4")
    with pytest.raises(ValueError):
        names.index("3", 0, 2)  # outside the range asked about
    assert names.index("3", 1) == 2


def test_argument_numbers_compare_by_size_and_are_not_hashable() -> None:
    assert ArgumentNumbers(2) == ArgumentNumbers(2) and ArgumentNumbers(2) != ArgumentNumbers(3)
    assert ArgumentNumbers(2) != ["1", "3"] and ArgumentNumbers(2) != "12"
    assert repr(ArgumentNumbers(5)) == "ArgumentNumbers(5)"
    with pytest.raises(TypeError):
        hash(ArgumentNumbers(2))


def test_an_af_over_argument_numbers_names_its_arguments() -> None:
    af = AF(ArgumentNumbers(4), np.array([3, 0], dtype=np.int32), np.array([0, 1], dtype=np.int32))
    assert af.n == 4 and af.pairs() == [("4", "1"), ("1", "2")]
    assert af.index()["4"] == 3
