"""Format 2 of the native map (DESIGN.md): arguments with linked premises, undercuts, acts.

The located errors for each format-2 rule live in the bad-input corpus
(``tests/data/bad/arg-*.yaml``, checked by ``test_formats_native.py``); this file checks
the good side: loading, the JSON contract, lossless writing, and format 1 staying 1.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.errors import MapFormatError
from argmap.formats import native
from argmap.model import Argument, ArgumentMap, Claim, Relation, Speaker

from .helpers.cli import invoke

DATA = Path(__file__).parent / "data"
STRUCTURED = DATA / "good" / "structured.yaml"
DEBATE = DATA / "good" / "debate.yaml"


def test_structured_map_loads_with_its_arguments_and_undercut():
    m = argmap.load(STRUCTURED)
    assert [a.id for a in m.arguments] == ["R1", "R2"]
    r1 = m.argument("R1")
    assert r1.premises == ("A2", "A3") and r1.conclusion == "A1"
    assert r1.scheme == "argument from consequences" and r1.speaker is None
    assert m.argument_speaker(r1) == "ann"
    assert [c.id for c in m.undercutters("R2")] == ["A4"]
    assert [a.id for a in m.arguments_for("A1")] == ["R1"]
    assert m.claim("B3").act == "challenging" and not m.claim("B3").asserted
    g = m.graph
    assert g.nodes["R1"]["kind"] == "argument"
    assert g.edges["A2", "R1"]["type"] == "premise" and g.edges["R1", "A1"]["type"] == "conclusion"
    assert g.edges["A4", "R2"]["type"] == "attack"
    assert argmap.check(STRUCTURED) == []


def test_json_contract_lists_arguments_beside_claims_and_relations():
    m = argmap.load(STRUCTURED)
    data = json.loads(native.dumps(m, syntax="json"))
    assert data["argmap"] == 2
    assert list(data) == ["argmap", "title", "sources", "speakers", "claims", "arguments", "relations"]
    assert data["arguments"][0] == {"id": "R1", "premises": ["A2", "A3"], "conclusion": "A1",
                                    "speaker": "ann", "scheme": "argument from consequences",
                                    "note": "safety and clean air together outweigh the cost"}
    assert data["arguments"][1] == {"id": "R2", "premises": ["B2"], "conclusion": "B1", "speaker": "bob"}
    assert {"from": "A4", "to": "R2", "type": "attack",
            "note": "Pontevedra: drivers leaving did not hurt the shops"} in data["relations"]
    b3 = next(c for c in data["claims"] if c["id"] == "B3")
    assert b3["act"] == "challenging" and "start" in b3


def test_cli_convert_to_json_prints_arguments():
    result = invoke(["convert", str(STRUCTURED), "--to", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [a["id"] for a in data["arguments"]] == ["R1", "R2"]


@pytest.mark.parametrize("syntax", ["yaml", "json"])
def test_format_2_is_written_back_losslessly(syntax, tmp_path):
    m = argmap.load(STRUCTURED)
    text = native.dumps(m, syntax=syntax)
    target = DATA / "good" / f"roundtrip.{syntax}"  # resolve the same source folder
    again = native.loads(text, path=target, syntax=syntax)
    assert again == m
    assert native.dumps(again, syntax=syntax) == text
    assert text.startswith("argmap: 2" if syntax == "yaml" else '{\n  "argmap": 2')


def test_format_1_maps_stay_format_1():
    m = argmap.load(DEBATE)
    assert m.arguments == ()
    assert native.dumps(m).startswith("argmap: 1\n")
    assert json.loads(native.dumps(m, syntax="json"))["argmap"] == 1
    assert "arguments" not in json.loads(native.dumps(m, syntax="json"))
    assert native.version_needed(m) == 1


def test_format_2_file_without_arguments_loads():
    text = DEBATE.read_text(encoding="utf-8").replace("argmap: 1", "argmap: 2", 1)
    m = native.loads(text, path=DEBATE)
    assert m == argmap.load(DEBATE)


def test_every_format_2_problem_of_a_file_is_collected(tmp_path):
    (tmp_path / "m.yaml").write_text(
        "argmap: 2\nspeakers: [{id: a}]\nclaims:\n  - {id: X, speaker: a, text: t}\n"
        "  - {id: Y, speaker: a, text: u}\narguments:\n  - {id: X, premises: [Y], conclusion: Z}\n"
        "  - {id: R, premises: [Q], conclusion: X}\nrelations:\n  - {from: X, to: R, type: support}\n",
        encoding="utf-8")
    problems = argmap.check(tmp_path / "m.yaml")
    assert [(p.line, p.column) for p in problems] == [(7, 10), (7, 40), (8, 24), (10, 19)]
    with pytest.raises(MapFormatError) as info:
        argmap.load(tmp_path / "m.yaml")
    assert len(info.value.errors) == 4


def test_argument_speaker_written_explicitly_equals_implicit():
    s = [Speaker("a", "A")]
    c = [Claim("P", "a", "p"), Claim("C", "a", "c")]
    implicit = ArgumentMap(speakers=s, claims=c, arguments=[Argument("R", ("P",), "C")])
    explicit = ArgumentMap(speakers=s, claims=c, arguments=[Argument("R", ("P",), "C", speaker="a")])
    assert implicit == explicit


@pytest.mark.parametrize(("relations", "arguments", "fragment"), [
    ([Relation("P", "R", "attack")], [Argument("R", ("P", "Q"), "C")], "of which it is a premise"),
    ([Relation("P", "C", "support")], [Argument("R", ("P",), "C")], "repeats a one-premise argument"),
    ([Relation("Q", "R", "support")], [Argument("R", ("P",), "C")], "cannot end at argument"),
    ([], [Argument("R", ("P",), "C"), Argument("S", ("P",), "C")], "repeats another argument"),
    ([], [Argument("P", ("Q",), "C")], "names both a claim and an argument"),
])
def test_model_enforces_the_format_2_rules(relations, arguments, fragment):
    with pytest.raises(MapFormatError, match=fragment):
        ArgumentMap(speakers=[Speaker("a", "A")],
                    claims=[Claim(i, "a", i) for i in ("P", "Q", "C")],
                    relations=relations, arguments=arguments)


def test_framework_formats_report_arguments_and_undercuts_as_lost():
    from argmap import formats

    m = argmap.load(STRUCTURED)
    for name in ("apx", "tgf", "iccma"):
        lost = formats.losses(m, name) if hasattr(formats, "losses") else formats.by_name(name).load_module().losses(m)
        assert any("2 arguments" in x for x in lost), (name, lost)
        assert any("1 undercut" in x for x in lost), (name, lost)


def test_compare_counts_an_undercut_as_an_answer():
    from argmap.queries import compare

    m = argmap.load(STRUCTURED)
    result = compare(m, "bob", "ann")
    assert result.undercut == {"R2": ["A4"]}
    assert "A4" not in result.unanswering
    assert result.to_dict()["undercut"] == {"R2": ["A4"]}
