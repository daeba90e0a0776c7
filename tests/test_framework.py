"""Derived attacks of each support reading, on hand-checked examples."""

from __future__ import annotations

import pytest

from argmap.errors import QueryError, UsageError
from argmap.framework import Derived, compile_map, support_closure, to_af
from argmap.model import ArgumentMap, Claim, Relation, Speaker
from argmap.vocabulary import parse_support


def mk(claims: str, relations: list[tuple[str, str, str]]) -> ArgumentMap:
    return ArgumentMap(speakers=[Speaker("s", "S")],
                       claims=[Claim(c, "s", f"claim {c}") for c in claims.split()],
                       relations=[Relation(a, b, "support" if t == "+" else "attack")
                                  for a, t, b in relations])


def derived(amap: ArgumentMap, reading: str) -> dict[tuple[str, str], Derived]:
    if reading == "deductive":
        return compile_map(amap, reading).derived
    # the closure of the earlier necessary reading, kept as the reference its BADF agrees
    # with where every claim has one reason (tests/test_structured_evaluation.py)
    direct = [(r.from_id, r.to_id) for r in amap.relations if r.type == "attack"]
    fwd: dict[str, list[str]] = {}
    for r in amap.relations:
        if r.type == "support":
            fwd.setdefault(r.from_id, []).append(r.to_id)
    return support_closure(direct, fwd, {}, reading)


def test_none_ignores_supports() -> None:
    m = mk("A X C", [("A", "+", "X"), ("X", "x", "C")])
    c = compile_map(m, "none")
    assert c.derived == {} and c.attacks == ((1, 2),)


def test_deductive_supported_attack_along_a_chain() -> None:
    m = mk("A B X C", [("A", "+", "B"), ("B", "+", "X"), ("X", "x", "C")])
    assert derived(m, "deductive") == {
        ("B", "C"): Derived("supported", ("B", "X", "C")),
        ("A", "C"): Derived("supported", ("A", "B", "X", "C")),
    }


def test_deductive_mediated_and_super_mediated() -> None:
    # C attacks X, A supports X  => C attacks A (mediated)
    # D supports C                => D attacks X (supported), D attacks A (super-mediated)
    m = mk("A X C D", [("A", "+", "X"), ("C", "x", "X"), ("D", "+", "C")])
    assert derived(m, "deductive") == {
        ("C", "A"): Derived("mediated", ("C", "X", "A")),
        ("D", "X"): Derived("supported", ("D", "C", "X")),
        ("D", "A"): Derived("super-mediated", ("D", "C", "X", "A")),
    }


def test_necessary_secondary_and_extended() -> None:
    # C attacks A, A supports B  => C attacks B (secondary)
    m = mk("A B C", [("A", "+", "B"), ("C", "x", "A")])
    assert derived(m, "necessary") == {("C", "B"): Derived("secondary", ("C", "A", "B"))}
    # A supports B, A attacks C  => B attacks C (extended)
    m = mk("A B C", [("A", "+", "B"), ("A", "x", "C")])
    assert derived(m, "necessary") == {("B", "C"): Derived("extended", ("B", "A", "C"))}
    assert derived(m, "deductive") == {}


def test_necessary_extended_secondary_combination() -> None:
    m = mk("A B C D", [("A", "+", "B"), ("A", "x", "C"), ("C", "+", "D")])
    assert derived(m, "necessary") == {
        ("B", "C"): Derived("extended", ("B", "A", "C")),
        ("A", "D"): Derived("secondary", ("A", "C", "D")),
        ("B", "D"): Derived("extended-secondary", ("B", "A", "C", "D")),
    }


def test_support_cycles_terminate_and_keep_shortest_chain() -> None:
    m = mk("A B C", [("A", "+", "B"), ("B", "+", "A"), ("C", "x", "A")])
    assert derived(m, "deductive") == {("C", "B"): Derived("mediated", ("C", "A", "B"))}
    assert derived(m, "necessary") == {("C", "B"): Derived("secondary", ("C", "A", "B"))}


def test_derived_self_attack() -> None:
    # A supports X and X attacks A: under the deductive reading A defeats itself
    m = mk("A X", [("A", "+", "X"), ("X", "x", "A")])
    assert derived(m, "deductive")[("A", "A")] == Derived("supported", ("A", "X", "A"))


def test_direct_attacks_are_not_recorded_as_derived() -> None:
    m = mk("A X C", [("A", "+", "X"), ("X", "x", "C"), ("A", "x", "C")])
    assert derived(m, "deductive") == {}


WORKED = mk("E1 E2 C1 C2 E3", [("E2", "+", "E1"), ("C1", "x", "E1"), ("C2", "+", "C1"),
                               ("E3", "x", "C2")])


@pytest.mark.parametrize("reading, pairs", [
    ("none", {("C1", "E1"), ("E3", "C2")}),
    ("deductive", {("C1", "E1"), ("E3", "C2"), ("C1", "E2"), ("C2", "E1"), ("C2", "E2")}),
])
def test_worked_example_of_the_docs(reading: str, pairs: set[tuple[str, str]]) -> None:
    af = to_af(WORKED, reading)
    assert set(af.pairs()) == pairs
    assert af.meta["support"] == reading
    assert set(af.meta["derived"]) == pairs - {("C1", "E1"), ("E3", "C2")}
    assert list(af.names) == ["E1", "E2", "C1", "C2", "E3"]


def test_restricting_claims_drops_chains_through_removed_claims() -> None:
    m = mk("A B X C", [("A", "+", "B"), ("B", "+", "X"), ("X", "x", "C")])
    c = compile_map(m, "deductive", claims=["A", "X", "C"])
    assert c.ids == ("A", "X", "C") and c.derived == {}
    with pytest.raises(QueryError):
        compile_map(m, "deductive", claims=["nope"])


def test_unknown_reading() -> None:
    with pytest.raises(UsageError, match="did you mean 'deductive'"):
        parse_support("deductiv")


def test_necessary_compiles_arguments_to_auxiliary_nodes() -> None:
    af = to_af(WORKED, "necessary")
    assert list(af.names)[:5] == ["E1", "E2", "C1", "C2", "E3"] and af.meta["claims"] == 5
    assert set(af.pairs()) == {
        ("C1", "E1"), ("E3", "C2"),                       # the map's attacks
        ("E2", "not:E2"), ("not:E2", "E2=>E1"), ("C1", "E2=>E1"),   # E2 => E1, rebutted by C1
        ("E2=>E1", "unsupported:E1"), ("unsupported:E1", "E1"),
        ("C2", "not:C2"), ("not:C2", "C2=>C1"), ("C2=>C1", "unsupported:C1"),
        ("unsupported:C1", "C1"),
    }
    assert [a.kind for a in af.meta["aux"]] == ["argument", "not", "argument", "not",
                                                "unsupported", "unsupported"]
    assert af.meta["derived"] == {}


def test_auxiliary_names_avoid_the_maps_ids() -> None:
    m = mk("A B not:A", [("A", "+", "B")])
    c = compile_map(m, "necessary")
    assert "not:A'" in c.ids and c.ids.count("not:A") == 1
