"""The model: immutable records, structural rules, the graph view, lookups."""

from __future__ import annotations

import dataclasses

import pytest

from argmap import ArgumentMap, Claim, MapFormatError, QueryError, Relation, Speaker

SPEAKERS = [Speaker("a", "Ann"), Speaker("b", "Bob")]
CLAIMS = [Claim("A1", "a", "thesis", "thesis"), Claim("A2", "a", "reason", "premise"),
          Claim("B1", "b", "objection", "rebuttal")]


def make(relations=(), claims=CLAIMS, speakers=SPEAKERS):
    return ArgumentMap(title="t", speakers=speakers, claims=claims, relations=relations)


def test_records_are_immutable():
    with pytest.raises(dataclasses.FrozenInstanceError):
        CLAIMS[0].text = "changed"  # type: ignore[misc]


def test_graph_mirrors_relations():
    m = make([Relation("A2", "A1", "support"), Relation("B1", "A1", "attack", note="n")])
    g = m.graph
    assert set(g.nodes) == {"A1", "A2", "B1"}
    assert g.edges["B1", "A1"] == {"type": "attack", "note": "n", "speaker": "b"}
    assert g.nodes["A1"]["kind"] == "thesis"
    assert m.graph is g  # cached


def test_lookups():
    m = make([Relation("A2", "A1", "support"), Relation("B1", "A1", "attack"),
              Relation("B1", "A2", "attack", speaker="a")])
    assert [c.id for c in m.attackers("A1")] == ["B1"]
    assert [c.id for c in m.supporters("A1")] == ["A2"]
    assert [r.to_id for r in m.outgoing("B1")] == ["A1", "A2"]
    assert m.relation_speaker(m.relation("B1", "A2")) == "a"
    assert m.relation_speaker(m.relation("B1", "A1")) == "b"
    assert [c.id for c in m.theses()] == ["A1"]
    assert [c.id for c in m.claims_by("b")] == ["B1"]
    assert m.relation("A1", "B1") is None


def test_unknown_claim_suggests_a_close_id():
    with pytest.raises(QueryError, match="did you mean 'A1'"):
        make().claim("a1")


@pytest.mark.parametrize(("relations", "claims", "message"), [
    ([Relation("A1", "A1", "support")], CLAIMS, "to itself"),
    ([Relation("A2", "A1", "support"), Relation("A2", "A1", "attack")], CLAIMS, "appears twice"),
    ([Relation("A2", "A9", "support")], CLAIMS, "unknown claim 'A9'"),
    ([Relation("A2", "A1", "rebut")], CLAIMS, "unknown type"),
    ([], CLAIMS + [Claim("A1", "a", "dup")], "duplicate claim id"),
    ([], [Claim("X", "zed", "t")], "unknown speaker 'zed'"),
    ([], [Claim("X", "a", "t", kind="opinion")], "unknown kind"),
])
def test_structural_rules(relations, claims, message):
    with pytest.raises(MapFormatError, match=message):
        make(relations, claims)


def test_equality_ignores_derived_offsets():
    m1 = make(claims=[Claim("X", "a", "t", start=1, end=2)])
    m2 = make(claims=[Claim("X", "a", "t")])
    assert m1 == m2
    assert m1 != make(claims=[Claim("X", "a", "other")])


@pytest.mark.parametrize("name", ["title", "sources", "speakers", "claims", "arguments", "relations",
                                  "path", "positions"])
def test_a_map_is_read_only(name):
    m = make([Relation("A2", "A1", "support")])
    with pytest.raises(AttributeError):
        setattr(m, name, ())


def test_positions_are_a_read_only_view():
    m = ArgumentMap(speakers=SPEAKERS, claims=CLAIMS, positions={("claims", 0): (3, 5)})
    assert m.positions[("claims", 0)] == (3, 5)
    with pytest.raises(TypeError):
        m.positions[("claims", 1)] = (4, 5)  # type: ignore[index]
    assert m.with_claims(m.claims).positions == m.positions
    assert make().positions == {}


def test_speaker_and_source_lookups_by_id():
    from argmap import Source

    m = ArgumentMap(speakers=SPEAKERS, claims=CLAIMS, sources=[Source("t", "t.txt"), Source("u", "u.txt")])
    assert m.speaker("b").name == "Bob" and m.source("u").file == "u.txt"
    with pytest.raises(QueryError, match="no speaker 'c'"):
        m.speaker("c")
    with pytest.raises(QueryError, match="no source 'v'"):
        m.source("v")


def test_to_networkx_is_fresh_plain_data_and_graph_adds_the_records():
    from argmap import Argument

    claims = [*CLAIMS, Claim("A3", "a", "asked", act="questioning", silence=(("unrelated", "why"),))]
    m = ArgumentMap(title="t", speakers=SPEAKERS, claims=claims,
                    arguments=[Argument("R", ("A2", "A3"), "A1", speaker="a", scheme="s", note="both")],
                    relations=[Relation("B1", "R", "attack")])
    g = m.to_networkx()
    assert g is not m.to_networkx() and g.graph == {"title": "t"}
    assert g.nodes["A3"] == {"speaker": "a", "kind": "claim", "text": "asked", "act": "questioning",
                             "silence": {"unrelated": "why"}}
    assert g.nodes["R"] == {"speaker": "a", "kind": "argument", "text": "both", "premises": ["A2", "A3"],
                            "conclusion": "A1", "scheme": "s", "note": "both"}
    assert {(u, v): d["type"] for u, v, d in g.edges(data=True)} == {
        ("A2", "R"): "premise", ("A3", "R"): "premise", ("R", "A1"): "conclusion", ("B1", "R"): "attack"}
    assert g.edges["B1", "R"] == {"type": "attack", "speaker": "b"}
    cached = m.graph
    assert cached.nodes["R"]["argument"] is m.arguments[0] and cached.nodes["A1"]["claim"] is claims[0]
    assert cached.edges["B1", "R"] == {"type": "attack", "note": None, "speaker": "b"}
    assert cached.edges["R", "A1"]["note"] == "both"
