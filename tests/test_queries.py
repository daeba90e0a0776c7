"""Queries: uncontested claims, chains, the tree of reasons, comparing speakers."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, Claim, QueryError, Relation, Speaker
from argmap.queries import chains, compare, reasons, unattacked

from .helpers.budget import examples

GOOD = Path(__file__).parent / "data" / "good" / "debate.yaml"


@pytest.fixture(scope="module")
def debate():
    return argmap.load(GOOD)


def test_unattacked(debate):
    assert [c.id for c in unattacked(debate)] == ["A2", "B2", "A4", "A5"]


def test_chains_to_theses(debate):
    found = {(c.path, c.polarity) for c in chains(debate, "A5")}
    assert found == {
        (("A5", "B3", "A3", "A1"), "support"),  # attacks the attacker of a support
        (("A5", "A3", "A1"), "support"),
    }


def test_chain_to_a_given_claim_and_depth_bound(debate):
    assert [c.path for c in chains(debate, "B2", "A1")] == [("B2", "B1", "A1")]
    assert [c.polarity for c in chains(debate, "B2", "A1")] == ["attack"]
    assert list(chains(debate, "A5", "A1", max_depth=2)) == [
        c for c in chains(debate, "A5", "A1") if len(c.path) <= 3]


def test_chain_errors_fire_at_the_call(debate):
    with pytest.raises(QueryError, match="did you mean 'A5'"):
        chains(debate, "A6")
    with pytest.raises(QueryError):
        chains(debate, "A5", "Z9")
    with pytest.raises(QueryError, match="at least 1"):
        chains(debate, "A5", max_depth=0)


@st.composite
def digraphs(draw):
    n = draw(st.integers(2, 7))
    edges = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1),
                                    st.sampled_from(["support", "attack"])), max_size=20))
    rels, seen = [], set()
    for a, b, t in edges:
        if a != b and (a, b) not in seen:
            seen.add((a, b))
            rels.append(Relation(f"c{a}", f"c{b}", t))
    claims = [Claim(f"c{i}", "s", f"claim {i}", "thesis" if i == n - 1 else "claim") for i in range(n)]
    return ArgumentMap(speakers=[Speaker("s", "S")], claims=claims, relations=rels)


@settings(max_examples=examples(150))
@given(digraphs(), st.integers(1, 6))
def test_chains_agree_with_networkx_simple_paths(amap, depth):
    g = amap.graph
    target = amap.claims[-1].id
    start = amap.claims[0].id
    ours = {c.path for c in chains(amap, start, target, max_depth=depth)}
    theirs = {tuple(p) for p in nx.all_simple_paths(g, start, target, cutoff=depth)}
    assert ours == theirs
    for c in chains(amap, start, target, max_depth=depth):
        attacks = sum(g.edges[u, v]["type"] == "attack" for u, v in zip(c.path, c.path[1:]))
        assert c.polarity == ("attack" if attacks % 2 else "support")


@settings(max_examples=examples(100))
@given(digraphs())
def test_reason_tree_is_finite_and_follows_incoming_relations(amap):
    root = amap.claims[-1].id
    tree = reasons(amap, root)
    for _, node in tree.walk():
        if node.repeated:
            assert node.children == []
        else:
            assert [c.claim.id for c in node.children] == [r.from_id for r in amap.incoming(node.claim.id)]


def test_reason_tree_depth_bound(debate):
    tree = reasons(debate, "A1", max_depth=1)
    assert [(d, n.claim.id) for d, n in tree.walk()] == [(0, "A1"), (1, "A2"), (1, "A3"), (1, "B1")]
    assert [n.truncated for _, n in tree.walk()] == [False, False, True, True]
    assert tree.to_dict()["children"][2]["relation"] == "attack"


def test_compare(debate):
    result = compare(debate)
    assert (result.a, result.b) == ("ann", "bob")
    assert result.attacked == {"A1": ["B1"], "A3": ["B3"]}
    assert result.supported == {}
    assert result.untouched == ["A2", "A4", "A5"]
    assert result.unanswering == ["B2"]
    assert result.shared == []
    reverse = compare(debate, "bob", "ann")
    assert reverse.attacked == {"B1": ["A4"], "B3": ["A5"]}
    assert reverse.unanswering == ["A1", "A2", "A3"]


def test_compare_shared_ground():
    m = ArgumentMap(speakers=[Speaker("a", "A"), Speaker("b", "B")],
                    claims=[Claim("A1", "a", "x"), Claim("A2", "a", "y"), Claim("B1", "b", "z"),
                            Claim("B2", "b", "w")],
                    relations=[Relation("B1", "A1", "support"), Relation("B1", "A2", "support"),
                               Relation("B2", "A2", "attack")])
    result = compare(m)
    assert result.shared == [("A1", "B1")]
    assert result.supported == {"A1": ["B1"], "A2": ["B1"]}


@pytest.mark.parametrize(("a", "b", "message"), [
    ("ann", "ann", "itself"), ("ann", "bobby", "did you mean 'bob'"), ("x", "bob", "no speaker")])
def test_compare_errors(debate, a, b, message):
    with pytest.raises(QueryError, match=message):
        compare(debate, a, b)


def test_compare_needs_two_speakers():
    m = ArgumentMap(speakers=[Speaker("a", "A")], claims=[Claim("A1", "a", "x")])
    with pytest.raises(QueryError, match="fewer than two"):
        compare(m)


# -- one claim-tree type: why's ReasonNode and explain's ExplainNode --------------------------
def _attack_chain(n: int) -> ArgumentMap:
    return ArgumentMap(speakers=[Speaker("s", "S")],
                       claims=[Claim(f"K{i}", "s", f"claim {i}") for i in range(n)],
                       relations=[Relation(f"K{i + 1}", f"K{i}", "attack") for i in range(n - 1)])


def test_why_and_explain_trees_are_one_type_walked_without_recursion() -> None:
    import sys

    from argmap.evaluation import explain
    from argmap.queries import ClaimTree

    n = sys.getrecursionlimit() + 200  # deeper than any recursive walk could go
    amap = _attack_chain(n)
    why = reasons(amap, "K0", max_depth=None)
    because = explain(amap, "K0", max_nodes=n + 1).tree
    assert isinstance(why, ClaimTree) and isinstance(because, ClaimTree)
    assert [node.claim for _, node in because.walk()] == [f"K{i}" for i in range(n)]
    assert [d for d, _ in because.walk()] == list(range(n))
    depth, record = 0, because.to_dict()
    while record["attackers"]:
        [record] = record["attackers"]
        depth += 1
    assert depth == n - 1
    assert (record["claim"], record["label"], record["attackers"]) == (f"K{n - 1}", "in", [])
    # why stops at its depth bound, and marks where it stopped
    assert [d for d, _ in why.walk()][-1] == 200
    deepest = why.to_dict()
    for _ in range(200):
        [deepest] = deepest["children"]
    assert deepest["truncated"] is True and deepest["children"] == []
