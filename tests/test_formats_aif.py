"""AIF JSON: AIFdb/OVA-shaped dialogues, the writer's dialogue layer, round trips, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import ArgmapError, MapFormatError
from argmap.formats import aif
from argmap.model import ArgumentMap, Claim, Speaker

from .helpers.budget import examples
from .helpers.maps import DATA, FIRST_VERSION, SHIPPED, assert_same_map


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
        ("504", "support", "501"),   # RA with one premise: the shorthand
        ("527", "attack", "501"),    # CA
        ("516", "attack", "510"),
        ("510", "support", "520"),
        ("520", "support", "510"),   # MA: the rephrase is an equivalence, a support each way
    }
    assert m.relation("520", "510").note == "rephrase"  # 510 -> 520 is an RA of its own
    assert [(a.id, a.premises, a.conclusion) for a in m.arguments] == [("526", ("525", "520"), "527")]
    assert m.claim("520").tags == ()
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
    m = argmap.load(FIRST_VERSION)
    back = aif.loads(aif.dumps(m), path=FIRST_VERSION.parent / "copy.aif.json")
    assert back == m


def test_the_revised_maps_lint_silences_survive_a_round_trip() -> None:
    m = argmap.load(SHIPPED)
    assert any(c.silence for c in m.claims)
    back = aif.loads(aif.dumps(m), path=SHIPPED.parent / "copy.aif.json")
    assert back == m and aif.losses(m) == []


def test_a_malformed_silence_in_the_argmap_block_is_a_located_error() -> None:
    doc = json.loads(aif.dumps(ArgumentMap(speakers=[Speaker("a", "Ann")],
                                           claims=[Claim("A1", "a", "t", silence=(("unrelated", "why"),))])))
    (entry,) = doc["argmap"]["claims"].values()
    assert entry["silence"] == {"unrelated": "why"}
    entry["silence"] = {"unrelated": ""}
    with pytest.raises(MapFormatError, match="silence"):
        aif.loads(json.dumps(doc))


def test_plain_aif_without_the_argmap_block_keeps_claims_speakers_and_kinds_of_relation() -> None:
    m = argmap.load(FIRST_VERSION)
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
# One malformed part each: read without it (a located warning), refused under strict.
BAD = [
    ("preference", _doc([I1, {"nodeID": "9", "type": "PA"}], []), "preference"),
    ("near-miss type", _doc([I1, {"nodeID": "9", "type": "XA"}], []), "unknown type"),
    ("duplicate id", _doc([I1, {"nodeID": 1, "type": "I", "text": "again"}], []), "duplicate nodeID"),
    ("dangling edge", _doc([I1], [{"fromID": "1", "toID": "77"}]), "names no node"),
    ("no conclusion", _doc([I1, {"nodeID": "3", "type": "RA"}], [{"fromID": "1", "toID": "3"}]), "0 conclusions"),
    ("no premise", _doc([I1, {"nodeID": "3", "type": "CA"}], [{"fromID": "3", "toID": "1"}]), "no premise"),
    ("empty text", _doc([{"nodeID": "1", "type": "I", "text": " "}], []), "no text"),
    ("bool id", _doc([{"nodeID": True, "type": "I", "text": "x"}], []), "nodeID must be"),
    ("bad locution", _doc([I1], [], locutions=[{"nodeID": "1", "personID": 3}]), "names no L-node"),
    ("duplicate key", _doc([{"nodeID": "1", "type": "I", "text": "a", "text ": 0}], [])
     .replace('"text ": 0', '"text": "b"'), "duplicate key"),
    ("L-node premise", _doc([I1, I2, {"nodeID": "3", "type": "RA"}, {"nodeID": "4", "type": "L", "text": "x"}],
                            [{"fromID": "1", "toID": "3"}, {"fromID": "3", "toID": "2"},
                             {"fromID": "4", "toID": "3"}]), "only I-nodes are premises"),
]


@pytest.mark.parametrize("text,message", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_malformed_is_refused_under_strict_with_a_location(text: str, message: str) -> None:
    with pytest.raises(MapFormatError) as info:
        aif.loads(text, path="bad.aif.json", strict=True)
    exc = info.value
    assert message in str(exc)
    assert exc.path == "bad.aif.json" and exc.line is not None and exc.line > 1 and exc.column is not None


@pytest.mark.parametrize("text,message", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_malformed_part_is_skipped_with_a_located_warning(text: str, message: str) -> None:
    lost: list = []
    m = aif.loads(text, path="bad.aif.json", warnings=lost)
    hits = [w for w in lost if message in str(w)]
    assert len(hits) == 1 and hits[0].line is not None and hits[0].line > 1
    assert all(c.text.strip() for c in m.claims)


def test_one_bad_node_does_not_lose_the_rest() -> None:
    nodes = [{"nodeID": str(i), "type": "I", "text": f"p{i}"} for i in range(1, 201)]
    nodes += [{"nodeID": "ra", "type": "RA"}, {"nodeID": "ra2", "type": "RA"},
              {"nodeID": "7", "type": "I", "text": "dup"}]
    edges = [{"fromID": "1", "toID": "ra"}, {"fromID": "2", "toID": "ra"}, {"fromID": "ra", "toID": "3"},
             {"fromID": "4", "toID": "ra2"}]
    lost: list = []
    m = aif.loads(_doc(nodes, edges), warnings=lost)
    assert len(m.claims) == 200 and m.claim("7").text == "p7"
    assert [(a.premises, a.conclusion) for a in m.arguments] == [(("1", "2"), "3")]
    assert sorted(w.message.split(";")[0] for w in lost) == [
        "RA-node 'ra2' has 0 conclusions, not one", "duplicate nodeID '7' (first at line 33)"]


def test_nodes_outside_the_core_are_skipped_and_counted() -> None:
    extra = [{"nodeID": f"e{i}", "type": "EventDescription", "text": "x"} for i in range(3)]
    lost: list = []
    m = aif.loads(_doc([I1, *extra, {"nodeID": "ev", "type": "LocutionEvent"}], []), warnings=lost)
    assert [c.id for c in m.claims] == ["1"]
    assert sorted(w.message for w in lost) == [
        "1 node of type 'LocutionEvent' (outside AIF's core) skipped",
        "3 nodes of type 'EventDescription' (outside AIF's core) skipped"]
    with pytest.raises(MapFormatError, match="EventDescription"):
        aif.loads(_doc([I1, *extra], []), strict=True)


def _qt30(*locutions: tuple[str, str, str]) -> str:
    """A QT30-shaped nodeset: each (I text, L text, illocution), locutions with personIDs and no participants."""
    nodes, edges, locs = [], [], []
    for k, (itext, ltext, act) in enumerate(locutions):
        i, ln, ya = f"{k}1", f"{k}2", f"{k}3"
        nodes += [{"nodeID": i, "type": "I", "text": itext}, {"nodeID": ln, "type": "L", "text": ltext},
                  {"nodeID": ya, "type": "YA", "text": act}]
        edges += [{"fromID": ln, "toID": ya}, {"fromID": ya, "toID": i}]
        locs.append({"nodeID": ln, "personID": 100 + k, "start": "x", "end": "y"})
    return _doc(nodes, edges, locutions=locs)


def test_speaker_names_from_locution_text_with_or_without_space_before_the_colon() -> None:
    m = aif.loads(_qt30(("rents are high", "Fiona Bruce : rents are high", "Asserting"),
                        ("they are not", "Ann Smith: they are not", "Disagreeing"),
                        ("is it?", "Fiona Bruce : is it?", "Pure Questioning")))
    names = {s.id: s.name for s in m.speakers}
    assert [names[c.speaker] for c in m.claims] == ["Fiona Bruce", "Ann Smith", "Fiona Bruce"]
    assert not any(n.startswith("Participant") for n in names.values())


@pytest.mark.parametrize("illocution,act,asserted", [
    ("Asserting", None, True),
    ("Pure Questioning", "pure questioning", False),
    ("PureQuestioning", "pure questioning", False),
    ("Assertive Questioning", "assertive questioning", True),  # conveys an opinion (IAT)
    ("Rhetorical Questioning", "rhetorical questioning", True),
    ("Challenging", "challenging", False),
    ("Conceding", "conceding", True),
    ("Restating", "restating", True),
])
def test_illocution_becomes_the_claims_act(illocution: str, act: str | None, asserted: bool) -> None:
    c = aif.loads(_qt30(("p", "Ann : p", illocution))).claims[0]
    assert (c.act, c.asserted) == (act, asserted)


def test_an_assertion_wins_over_a_question_of_the_same_proposition() -> None:
    doc = json.loads(_qt30(("p", "Ann : is it p?", "Pure Questioning"), ("q", "Bob : p", "Asserting")))
    doc["edges"].append({"fromID": "13", "toID": "01"})  # Bob's YA also anchors the first proposition
    c = aif.loads(json.dumps(doc)).claim("01")
    assert c.act is None and c.asserted and c.speaker == "bob"


def _argument_doc(ca_target: str = "ra", scheme: str = "Default Inference") -> str:
    return _doc([I1, I2, {"nodeID": "3", "type": "I", "text": "c"}, {"nodeID": "4", "type": "I", "text": "d"},
                 {"nodeID": "ra", "type": "RA", "text": scheme},
                 {"nodeID": "ca", "type": "CA", "text": "Default Conflict"}],
                [{"fromID": "1", "toID": "ra"}, {"fromID": "2", "toID": "ra"}, {"fromID": "ra", "toID": "3"},
                 {"fromID": "4", "toID": "ca"}, {"fromID": "ca", "toID": ca_target}])


def test_linked_ra_is_one_argument_and_ca_on_it_an_undercut() -> None:
    m = aif.loads(_argument_doc())
    assert [(a.id, a.premises, a.conclusion, a.scheme) for a in m.arguments] == [("ra", ("1", "2"), "3", None)]
    assert rels(m) == {("4", "attack", "ra")}
    assert [c.id for c in m.undercutters("ra")] == ["4"]


def test_undercut_one_premise_ra_and_scheme_names() -> None:
    doc = _doc([I1, I2, {"nodeID": "4", "type": "I", "text": "d"},
                {"nodeID": "ra", "type": "RA", "text": "Argument From Expert Opinion"},
                {"nodeID": "ra2", "type": "RA", "text": "Default Inference"},
                {"nodeID": "ca", "type": "CA", "text": "Default Conflict", "scheme": "Calling Out"}],
               [{"fromID": "1", "toID": "ra"}, {"fromID": "ra", "toID": "2"},
                {"fromID": "4", "toID": "ra2"}, {"fromID": "ra2", "toID": "1"},
                {"fromID": "2", "toID": "ca"}, {"fromID": "ca", "toID": "ra2"}])
    m = aif.loads(doc)
    assert [(a.id, a.premises, a.conclusion, a.scheme) for a in m.arguments] == [
        ("ra", ("1",), "2", "Argument From Expert Opinion"), ("ra2", ("4",), "1", None)]
    assert [(r.from_id, r.to_id, r.type, r.note) for r in m.relations] == [("2", "ra2", "attack", "Calling Out")]


def test_arguments_acts_and_undercuts_round_trip() -> None:
    m = aif.loads(_argument_doc(scheme="Argument From Example"))
    m = m.with_claims([c if c.id != "4" else Claim(c.id, c.speaker, c.text, act="pure questioning")
                       for c in m.claims])
    doc = json.loads(aif.dumps(m))
    assert "Pure Questioning" in [n["text"] for n in doc["nodes"] if n["type"] == "YA"]
    assert aif.loads(aif.dumps(m)) == m


def test_every_read_reports_what_is_not_kept() -> None:
    lost: list = []
    argmap.load(DATA / "dialogue.aif.json", warnings=lost)
    messages = [w.message for w in lost]
    assert any("transitions between locutions (TA-nodes) not kept" in t and t.startswith("2 ") for t in messages)
    assert all(w.line for w in lost)
    with pytest.raises(MapFormatError, match="not kept"):
        argmap.load(DATA / "dialogue.aif.json", strict=True)
    own: list = []
    aif.loads(aif.dumps(argmap.load(SHIPPED)), path=SHIPPED.parent / "x.aif.json", warnings=own)
    assert own == []


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


def test_cli_prints_read_losses_and_strict_refuses(tmp_path) -> None:
    from typer.testing import CliRunner

    from argmap.cli import app

    runner = CliRunner()
    path = str(DATA / "dialogue.aif.json")
    shown = runner.invoke(app, ["show", "-m", path])
    assert shown.exit_code == 0
    assert f"{path}:" in shown.stderr and "warning: 2 transitions between locutions" in shown.stderr
    out = tmp_path / "x.yaml"
    refused = runner.invoke(app, ["convert", path, "--strict", "-o", str(out)])
    assert refused.exit_code == 1 and "not kept" in refused.stderr and not out.exists()


@settings(max_examples=examples(60))
@given(st.data())
def test_arguments_undercuts_and_acts_round_trip_through_aif_and_argdown(data: st.DataObject) -> None:
    from argmap.formats import argdown
    from argmap.model import Argument, ArgumentMap, Relation, Speaker

    n = data.draw(st.integers(3, 7))
    acts = st.sampled_from([None, "pure questioning", "conceding", "challenging"])
    claims = [Claim(f"C{i}", "a" if i % 2 else "b", f"text {i}", act=data.draw(acts)) for i in range(n)]
    arguments, shapes = [], set()
    for k in range(data.draw(st.integers(0, 3))):
        conclusion = data.draw(st.integers(0, n - 1))
        premises = data.draw(st.lists(st.integers(0, n - 1).filter(lambda i, c=conclusion: i != c),
                                      min_size=2, max_size=3, unique=True))
        shape = (frozenset(premises), conclusion)
        if shape in shapes:
            continue
        shapes.add(shape)
        arguments.append(Argument(f"A{k}", tuple(f"C{i}" for i in premises), f"C{conclusion}",
                                  scheme=data.draw(st.sampled_from([None, "Argument From Example"]))))
    relations = []
    for a in arguments:
        outside = [c.id for c in claims if c.id not in a.premises]
        if outside and data.draw(st.booleans()):
            relations.append(Relation(outside[0], a.id, "attack", note="undercut"))
    m = ArgumentMap(title="t", speakers=[Speaker("a", "Ann"), Speaker("b", "Bob")], claims=claims,
                    arguments=arguments, relations=relations)
    assert aif.loads(aif.dumps(m)) == m
    back = argdown.loads(argdown.dumps(m))
    assert_same_map(back, m)
    assert set(back.arguments) == set(m.arguments)


# -- variants of real files: xAIF wrappers, text-less L-nodes, scheme fields, S-nodes on S-nodes --------
VARIANTS = Path(__file__).parent / "data" / "aif-variants"


def _read_variant(name: str) -> tuple[ArgumentMap, list[ArgmapError]]:
    lost: list[ArgmapError] = []
    return aif.loads((VARIANTS / name).read_text(encoding="utf-8"), path=VARIANTS / name, warnings=lost), lost


def test_xaif_with_text_less_locutions_participants_and_scheme_fields() -> None:
    m, lost = _read_variant("v1-xaif.json")
    names = {s.id: s.name for s in m.speakers}
    assert names == {"ann-smith": "Ann Smith", "bob": "Bob"}
    assert [(c.id, c.speaker, c.act, c.asserted) for c in m.claims] == [
        ("1", "ann-smith", None, True), ("4", "bob", None, True), ("8", "ann-smith", "pure questioning", False)]
    # the RA-node's scheme comes from `scheme` (its text is the default); the undercut keeps it an argument;
    # the TA-node's "Arguing" gives the argument to Bob, who answers Ann's claim with his premise
    (a,) = m.arguments
    assert (a.id, a.premises, a.conclusion, a.scheme, a.speaker) == (
        "7", ("4",), "1", "Argument From Expert Opinion", "bob")
    assert [(r.from_id, r.to_id, r.type) for r in m.relations] == [("8", "7", "attack")]
    assert sorted(w.message.split(" ", 2)[1] for w in lost) == ["transition", "wording"]


def test_lower_case_wrapper_numeric_ids_and_names_in_the_text() -> None:
    m, lost = _read_variant("v2-lower-aif.json")
    assert {s.id for s in m.speakers} == {"cy", "dee"}
    claims = {c.id: c for c in m.claims}
    assert (claims["2"].speaker, claims["2"].act) == ("cy", None)  # asserted by Cy, asked by Dee: Cy's
    assert (claims["3"].speaker, claims["3"].act, claims["3"].asserted) == ("dee", "rhetorical questioning", True)
    assert claims["11"].act == "default illocuting" and claims["11"].asserted
    (a,) = m.arguments
    assert (a.premises, a.conclusion, a.scheme) == (("1", "2"), "3", "Practical Reasoning")
    assert {(r.from_id, r.to_id, r.note) for r in m.relations} == {("11", "2", "rephrase"), ("2", "11", "rephrase")}
    assert len(lost) == 1 and "wording of 5 locutions" in lost[0].message


def test_s_nodes_on_s_nodes_and_preferences_are_skipped_once_each_with_their_place() -> None:
    m, lost = _read_variant("v3-aifdb.json")
    assert m.claim("2").act == "challenging" and not m.claim("2").asserted
    assert [(a.premises, a.conclusion, a.scheme) for a in m.arguments] == [(("1",), "2", "Argument From Analogy")]
    assert [(r.from_id, r.to_id) for r in m.relations] == [("4", "2")]
    messages = [(w.line, w.message) for w in lost]
    assert (33, "CA-node '7' concludes CA-node '5': an attack on a conflict, which argmap cannot hold; "
            "skipped") in messages
    assert any(msg.startswith("RA-node '9' concludes RA-node '3': an argument for an inference") for _, msg in messages)
    assert any("1 preference (PA-nodes) skipped" in msg for _, msg in messages)
    assert not any("names no node" in msg for _, msg in messages)  # the PA-node's edges go with it
    assert len(lost) == 4
    with pytest.raises(MapFormatError, match="CA-node '7' concludes"):
        aif.loads((VARIANTS / "v3-aifdb.json").read_text(encoding="utf-8"), strict=True)


_FIELD_TEXT = st.text(st.characters(codec="utf-8"), max_size=8)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(st.characters(codec="utf-8").filter(lambda c: c != "%"), max_size=6), min_size=1, max_size=5),
       st.integers(0, 6), st.data())
def test_fill_is_the_template_formatted_row_by_row(constants, rows, data):
    template = "%s".join(constants)
    columns = [data.draw(st.lists(_FIELD_TEXT, min_size=rows, max_size=rows)) for _ in constants[1:]]
    # with no column, zip() gives no row: the empty text, as _fill gives
    assert aif._fill(template, *columns) == "".join(template % row for row in zip(*columns))


def test_fill_refuses_a_template_that_does_not_fit_its_columns():
    with pytest.raises(ValueError):
        aif._fill("%s and %d", ["a"])
    with pytest.raises(ValueError):
        aif._fill("%s and %s", ["a"])
