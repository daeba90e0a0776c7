"""AIF JSON: AIFdb/OVA-shaped dialogues, the writer's dialogue layer, round trips, errors."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import ArgmapError, MapFormatError
from argmap.formats import aif

from .helpers.budget import examples
from .helpers.maps import DATA, SHIPPED, assert_same_map


def rels(m: argmap.ArgumentMap) -> set[tuple[str, str, str]]:
    return {(r.from_id, r.type, r.to_id) for r in m.relations}


def test_dialogue_imports_claims_polarities_and_speakers() -> None:
    m = argmap.load(DATA / "dialogue.aif.json")
    assert [(s.id, s.name) for s in m.speakers] == [
        ("carla-moreno", "Carla Moreno"), ("dev-anand", "Dev Anand"), ("unattributed", "Unattributed")]
    assert {c.id: c.speaker for c in m.claims} == {
        "501": "carla-moreno", "504": "carla-moreno", "510": "dev-anand", "516": "carla-moreno",
        "520": "dev-anand", "525": "unattributed", "527": "unattributed"}
    assert m.claim("516").text == "Regional funds would pay for most of the bridge"  # text as an object
    assert rels(m) == {
        ("504", "support", "501"),   # RA
        ("527", "attack", "501"),    # CA
        ("516", "attack", "510"),
        ("510", "support", "520"),
        ("525", "support", "527"),   # linked premises: one support each
        ("520", "support", "527"),
    }
    assert m.claim("520").tags == ("rephrase:510",)  # MA kept as a tag, not as a relation
    assert m.title == "dialogue"


def test_speaker_from_locution_text_when_no_participants() -> None:
    doc = {"nodes": [{"nodeID": 1, "type": "I", "text": "Rents are too high"},
                     {"nodeID": 2, "type": "L", "text": "Ines : rents here are far too high"},
                     {"nodeID": 3, "type": "YA", "text": "Asserting"}],
           "edges": [{"fromID": 2, "toID": 3}, {"fromID": 3, "toID": 1}]}
    m = aif.loads(json.dumps(doc))
    assert [(s.id, s.name) for s in m.speakers] == [("ines", "Ines")]
    assert m.claim("1").speaker == "ines"


def test_xaif_wrapper_and_integer_ids() -> None:
    doc = {"AIF": {"nodes": [{"nodeID": 10, "type": "I", "text": "a"}, {"nodeID": 11, "type": "I", "text": "b"},
                             {"nodeID": 12, "type": "RA", "text": "Default Inference"}],
                   "edges": [{"edgeID": 1, "fromID": 11, "toID": 12}, {"edgeID": 2, "fromID": 12, "toID": 10}],
                   "locutions": [], "participants": [], "schemefulfillments": []},
           "text": "<span>…</span>", "OVA": {}}
    m = aif.loads(json.dumps(doc))
    assert rels(m) == {("11", "support", "10")}


def test_writer_emits_the_dialogue_layer() -> None:
    m = argmap.load(DATA / "toy.yaml")
    doc = json.loads(aif.dumps(m))
    types = [n["type"] for n in doc["nodes"]]
    assert types.count("I") == len(m.claims) == types.count("L") == types.count("YA")
    assert types.count("RA") == sum(r.type == "support" for r in m.relations)
    assert types.count("CA") == sum(r.type == "attack" for r in m.relations)
    assert len(doc["locutions"]) == len(m.claims)
    assert [p["firstname"] for p in doc["participants"]] == ["Resident", "Neighbour [reply]"]
    l_texts = [n["text"] for n in doc["nodes"] if n["type"] == "L"]
    assert "Resident : Our street needs a crossing." in l_texts


def test_golden_writer_and_reader() -> None:
    m = argmap.load(DATA / "toy.yaml")
    assert aif.dumps(m) == (DATA / "toy.aif.json").read_text(encoding="utf-8")
    assert aif.losses(m) == []
    assert_same_map(argmap.load(DATA / "toy.aif.json"), m)


def test_shipped_map_round_trip() -> None:
    m = argmap.load(SHIPPED)
    back = aif.loads(aif.dumps(m), path=SHIPPED.parent / "copy.aif.json")
    assert back == m


def test_plain_aif_without_the_argmap_block_keeps_claims_speakers_and_kinds_of_relation() -> None:
    m = argmap.load(SHIPPED)
    doc = json.loads(aif.dumps(m))
    del doc["argmap"]
    back = aif.loads(json.dumps(doc))
    names = {s.id: s.name for s in m.speakers}
    assert sorted(s.name for s in back.speakers) == sorted(names.values())
    back_names = {s.id: s.name for s in back.speakers}
    assert sorted((c.text, back_names[c.speaker]) for c in back.claims) == \
        sorted((c.text, names[c.speaker]) for c in m.claims)
    by_text = {c.id: c.text for c in m.claims}
    back_text = {c.id: c.text for c in back.claims}
    assert {(back_text[r.from_id], r.type, back_text[r.to_id]) for r in back.relations} == \
        {(by_text[r.from_id], r.type, by_text[r.to_id]) for r in m.relations}


def _doc(nodes: list, edges: list, **more: object) -> str:
    return json.dumps({"nodes": nodes, "edges": edges, **more}, indent=1)


I1 = {"nodeID": "1", "type": "I", "text": "a"}
I2 = {"nodeID": "2", "type": "I", "text": "b"}
BAD = [
    ("undercut", _doc([I1, I2, {"nodeID": "3", "type": "RA"}, {"nodeID": "4", "type": "I", "text": "c"},
                       {"nodeID": "5", "type": "CA"}],
                      [{"fromID": "1", "toID": "3"}, {"fromID": "3", "toID": "2"},
                       {"fromID": "4", "toID": "5"}, {"fromID": "5", "toID": "3"}]), "undercut"),
    ("preference", _doc([I1, {"nodeID": "9", "type": "PA"}], []), "preference"),
    ("unknown type", _doc([I1, {"nodeID": "9", "type": "XA"}], []), "unknown type"),
    ("duplicate id", _doc([I1, {"nodeID": 1, "type": "I", "text": "again"}], []), "duplicate nodeID"),
    ("dangling edge", _doc([I1], [{"fromID": "1", "toID": "77"}]), "names no node"),
    ("no conclusion", _doc([I1, {"nodeID": "3", "type": "RA"}], [{"fromID": "1", "toID": "3"}]), "0 conclusions"),
    ("no premise", _doc([I1, {"nodeID": "3", "type": "CA"}], [{"fromID": "3", "toID": "1"}]), "no premise"),
    ("empty text", _doc([{"nodeID": "1", "type": "I", "text": " "}], []), "no text"),
    ("bool id", _doc([{"nodeID": True, "type": "I", "text": "x"}], []), "nodeID must be"),
    ("bad locution", _doc([I1], [], locutions=[{"nodeID": "1", "personID": 3}]), "names no L-node"),
]


@pytest.mark.parametrize("text,message", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_malformed_is_located(text: str, message: str) -> None:
    with pytest.raises(MapFormatError) as info:
        aif.loads(text, path="bad.aif.json")
    exc = info.value
    assert message in str(exc)
    assert exc.path == "bad.aif.json" and exc.line is not None and exc.line > 1 and exc.column is not None


def test_json_syntax_error_is_located() -> None:
    with pytest.raises(MapFormatError) as info:
        aif.loads('{"nodes": [\n  {"nodeID": "1",, }\n]}', path="x.aif.json")
    assert (info.value.line, info.value.column) == (2, 18)


@pytest.mark.parametrize("text,message", [
    ("[]", "JSON object"),
    ('{"edges": []}', "needs `nodes`"),
    ('{"nodes": {}, "edges": []}', "must be a list"),
    ('{"analysis": {}, "edges": []}', "OVA"),
])
def test_not_aif(text: str, message: str) -> None:
    with pytest.raises(MapFormatError, match=message):
        aif.loads(text, path="x.json")


def test_undercut_error_points_at_the_ca_node() -> None:
    text = BAD[0][1]
    with pytest.raises(MapFormatError) as info:
        aif.loads(text, path="bad.aif.json")
    line = info.value.line
    assert '"CA"' in text.splitlines()[line - 1] or '"nodeID": "5"' in "\n".join(text.splitlines()[line - 1:line + 1])


# -- property: any JSON either reads or fails with a located ArgmapError --------------------

_KEYS = st.sampled_from(["nodes", "edges", "nodeID", "type", "text", "fromID", "toID", "locutions",
                         "participants", "personID", "participantID", "firstname", "txt", "AIF", "argmap"])
_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 5)
    | st.sampled_from(["I", "RA", "CA", "MA", "L", "YA", "TA", "1", "2", "x : y", "Asserting"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=5), max_leaves=30)


@settings(max_examples=examples(400))
@given(_VALUES)
def test_any_json_reads_or_fails_cleanly(doc: object) -> None:
    try:
        aif.loads(json.dumps(doc), path="fuzz.aif.json")
    except ArgmapError as exc:
        assert exc.path == "fuzz.aif.json" and exc.line is not None and exc.message, str(exc)
