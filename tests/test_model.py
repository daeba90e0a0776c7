"""The model: immutable records, structural rules, the graph view, lookups."""

from __future__ import annotations

import dataclasses

import pytest

from argmap import ArgumentMap, Claim, MapFormatError, QueryError, Relation, Speaker
from argmap.model import Argument, Source, _columns

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


# -- records built a column at a time (model._columns, the readers' bulk paths) ------------

def _column_cases():
    claims = [Claim("C1", "a", "t"), Claim("C2", "b", "u", "thesis", "s", "q", 2, ("x",), 3, 4, "questioning",
                                            (("rule", "why"),))]
    return [
        (Claim, claims),
        (Relation, [Relation("a", "b", "attack"), Relation("b", "c", "support", "n", "s")]),
        (Argument, [Argument("A", ("p", "q"), "c"), Argument("B", ("p",), "d", "s", "scheme", "note")]),
        (Speaker, [Speaker("a", "Ann")]),
        (Source, [Source("s", "t.txt", "ab" * 32, "T", "text", "loose"), Source("u", "u.txt")]),
    ]


@pytest.mark.parametrize(("cls", "built"), _column_cases(), ids=lambda v: getattr(v, "__name__", ""))
def test_records_built_by_columns_are_the_constructors_records(cls, built):
    import pickle

    names = [f.name for f in dataclasses.fields(cls)]
    columns = {name: [getattr(r, name) for r in built] for name in names}
    made = _columns(cls, len(built), **columns)
    assert made == built
    for a, b in zip(made, built):
        assert type(a) is cls and repr(a) == repr(b) and hash(a) == hash(b)
        assert [getattr(a, n) for n in names] == [getattr(b, n) for n in names]
        assert pickle.loads(pickle.dumps(a)) == b and dataclasses.replace(a) == b
        assert dataclasses.astuple(a) == dataclasses.astuple(b)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(a, names[0], "changed")
    # fields not given take their defaults, as in the constructor
    required = [f.name for f in dataclasses.fields(cls)
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    first = built[0]
    assert _columns(cls, 1, **{n: [getattr(first, n)] for n in required}) == [cls(*[getattr(first, n)
                                                                                    for n in required])]


def test_records_by_columns_refuse_what_the_constructor_refuses():
    with pytest.raises(TypeError, match="text"):
        _columns(Claim, 1, id=["C"], speaker=["a"])  # a field without default, not given
    with pytest.raises(TypeError, match="colour"):
        _columns(Claim, 1, id=["C"], speaker=["a"], text=["t"], colour=["red"])
    with pytest.raises(ValueError, match="2 values"):
        _columns(Relation, 1, from_id=["a", "b"], to_id=["b"], type=["attack"])
    assert _columns(Relation, 0, from_id=[], to_id=[], type=[]) == []


def test_a_checked_map_is_the_constructors_map():
    kw = dict(title="t", sources=[], speakers=SPEAKERS, claims=CLAIMS, path=None, positions=None,
              relations=[Relation("A2", "A1", "support"), Relation("B1", "A1", "attack")],
              arguments=[Argument("X", ("A2", "B1"), "A1")])
    made, checked = ArgumentMap(**kw), ArgumentMap._checked(**kw)
    assert made == checked and repr(made) == repr(checked)
    assert [r.from_id for r in checked.incoming("A1")] == ["A2", "B1"] and checked.arguments_for("A1")
    assert checked.claim("B1") is CLAIMS[2] and dict(checked.positions) == {}
    assert nx_edges(made) == nx_edges(checked)


def nx_edges(m):
    return sorted((a, b, tuple(sorted(d.items()))) for a, b, d in m.graph.edges(data=True))
