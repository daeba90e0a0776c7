"""GraphML and networkx node-link writers: golden files, what they hold, what they lose."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest

import argmap
from argmap.formats import graphml, nodelink
from argmap.model import ArgumentMap, Claim, Relation, Source, Speaker

from .helpers.maps import DATA, SHIPPED

STRUCTURED = DATA.parent / "good" / "structured.yaml"


def test_graphml_golden() -> None:
    m = argmap.load(DATA / "toy.yaml")
    assert graphml.dumps(m) == (DATA / "toy.graphml").read_text(encoding="utf-8")


def test_graphml_reads_back_in_networkx() -> None:
    m = argmap.load(SHIPPED)
    g = nx.read_graphml(io.BytesIO(graphml.dumps(m).encode("utf-8")))
    assert set(g.nodes) == {c.id for c in m.claims} | {a.id for a in m.arguments}
    assert {(a, b, d["type"]) for a, b, d in g.edges(data=True)} == \
        {(a, b, d["type"]) for a, b, d in m.graph.edges(data=True)}
    assert {g.nodes[a.id]["kind"] for a in m.arguments} == {"argument"}
    c = m.claims[0]
    node = g.nodes[c.id]
    assert (node["speaker"], node["kind"], node["text"]) == (c.speaker, c.kind, c.text)
    assert node["label"].startswith(f"{c.id}: ")
    assert g.graph["title"] == m.title


def test_graphml_losses() -> None:
    m = ArgumentMap(sources=[Source("s", "s.txt")], speakers=[Speaker("a", "A"), Speaker("b", "B"), Speaker("c", "C")],
                    claims=[Claim("X", "a", "x", tags=("p;q",)), Claim("Y", "b", "y")],
                    relations=[Relation("Y", "X", "attack", speaker="a")])
    assert graphml.losses(m) == [
        "1 source record (file, sha256): only claims' source ids are written",
        "1 speaker without claims",
        "1 relation speaker given explicitly (written like defaulted ones)",
        "1 claim tag list with ';' inside a tag (ambiguous once joined)",
    ]


def test_nodelink_golden_and_lossless() -> None:
    m = argmap.load(DATA / "toy.yaml")
    text = nodelink.dumps(m)
    assert text == (DATA / "toy.nodelink.json").read_text(encoding="utf-8")
    assert nodelink.losses(m) == []
    g = nx.node_link_graph(json.loads(text), edges="edges")
    rebuilt = ArgumentMap(
        title=g.graph["title"],
        sources=[Source(**s) for s in g.graph["sources"]],
        speakers=[Speaker(**s) for s in g.graph["speakers"]],
        claims=[Claim(n, d["speaker"], d["text"], d["kind"], d.get("source"), d.get("quote"),
                      d.get("occurrence"), tuple(d.get("tags", ())), d.get("start"), d.get("end"))
                for n, d in g.nodes(data=True)],
        relations=[Relation(a, b, d["type"], d.get("note"), d.get("speaker")) for a, b, d in g.edges(data=True)],
    )
    assert rebuilt == m
    assert [(c.start, c.end) for c in rebuilt.claims] == [(c.start, c.end) for c in m.claims]


def test_nodelink_keeps_arguments_acts_and_silences() -> None:
    """Node-link says it loses nothing: format-2 arguments, undercuts, acts and lint silences included."""
    m = argmap.load(STRUCTURED)
    data = json.loads(nodelink.dumps(m))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["R1"] == {"id": "R1", "kind": "argument", "speaker": "ann", "scheme": "argument from consequences",
                           "text": "safety and clean air together outweigh the cost", "premises": ["A2", "A3"],
                           "conclusion": "A1", "note": "safety and clean air together outweigh the cost"}
    assert nodes["B3"]["act"] == "challenging"
    edges = {(e["source"], e["target"]): e for e in data["edges"]}
    assert edges[("A2", "R1")]["type"] == "premise" and edges[("R1", "A1")]["type"] == "conclusion"
    assert edges[("B2", "R2")] == {"type": "premise", "speaker": "bob", "source": "B2", "target": "R2"}
    assert edges[("A4", "R2")]["type"] == "attack"
    assert "speaker" not in edges[("A2", "R1")]  # R1 names no speaker of its own


def test_graphml_labels_arguments_and_keeps_scalars_only() -> None:
    m = argmap.load(STRUCTURED)
    g = nx.read_graphml(io.BytesIO(graphml.dumps(m).encode("utf-8")))
    assert g.nodes["R1"]["label"] == "R1: A2 + A3 => A1" and g.nodes["R1"]["speaker_name"] == "Ann"
    assert g.nodes["B3"]["act"] == "challenging"
    assert all(not isinstance(v, (list, dict)) for _, d in graphml.to_networkx(m).nodes(data=True) for v in d.values())


def _from_nodelink(text: str) -> ArgumentMap:
    """Rebuild a map from node-link JSON alone (relations come grouped by their source node)."""
    from argmap.model import Argument

    g = nx.node_link_graph(json.loads(text), edges="edges")
    claims, arguments = [], []
    for n, d in g.nodes(data=True):
        if d["kind"] == "argument":
            named = {g.edges[p, n].get("speaker") for p in d["premises"]}
            arguments.append(Argument(n, tuple(d["premises"]), d["conclusion"], named.pop(), d.get("scheme"),
                                      d.get("note")))
        else:
            claims.append(Claim(n, d["speaker"], d["text"], d["kind"], d.get("source"), d.get("quote"),
                                d.get("occurrence"), tuple(d.get("tags", ())), d.get("start"), d.get("end"),
                                d.get("act"), tuple(d.get("silence", {}).items())))
    relations = [Relation(a, b, d["type"], d.get("note"), d.get("speaker")) for a, b, d in g.edges(data=True)
                 if d["type"] in ("support", "attack")]
    return ArgumentMap(title=g.graph["title"], sources=[Source(**s) for s in g.graph["sources"]],
                       speakers=[Speaker(**s) for s in g.graph["speakers"]], claims=claims,
                       relations=relations, arguments=arguments)


@pytest.mark.parametrize("path", [STRUCTURED, SHIPPED])
def test_nodelink_loses_nothing_of_a_structured_map(path) -> None:
    m = argmap.load(path)
    assert nodelink.losses(m) == []
    rebuilt = _from_nodelink(nodelink.dumps(m))
    order = {(r.from_id, r.to_id): i for i, r in enumerate(m.relations)}
    rebuilt = ArgumentMap(title=rebuilt.title, sources=rebuilt.sources, speakers=rebuilt.speakers,
                          claims=rebuilt.claims, arguments=rebuilt.arguments,
                          relations=sorted(rebuilt.relations, key=lambda r: order[(r.from_id, r.to_id)]))
    assert rebuilt == m
    assert [c.silence for c in rebuilt.claims] == [c.silence for c in m.claims]
    assert [c.act for c in rebuilt.claims] == [c.act for c in m.claims]
