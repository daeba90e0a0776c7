"""Questioned claims (``Claim.asserted`` False) through every input format: the evaluation,
``compare``, ``compare_standing`` and ``explain`` treat them as not asserted
(docs/evaluation.md, "Questions and challenges").

The same small debate is written as a native format-2 map, as Argdown and as AIF
(QT30-shaped: the question's L-node anchored by "Pure Questioning"). Ann claims A1 with the
reason A2; Bob asks B1 ("is Ann's source biased?"), which would attack A2, and asserts B2,
which attacks A1 only if B1 holds (B1 supports B2). Nobody argues for B1.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from argmap.evaluation import compare_standing, explain, format_explanation, format_standing, statuses
from argmap.formats import aif, argdown, native
from argmap.model import ArgumentMap
from argmap.queries import compare

SEMANTICS = ("GR", "CO", "PR", "ST", "SST", "ID")
READINGS = ("none", "necessary", "deductive")

YAML = """argmap: 2
speakers: [{id: ann, name: Ann}, {id: bob, name: Bob}]
claims:
  - {id: A1, speaker: ann, text: Cycling to work is healthy}
  - {id: A2, speaker: ann, text: A study shows it}
  - {id: B1, speaker: bob, text: Is the study biased?, act: pure questioning}
  - {id: B2, speaker: bob, text: Commuters breathe polluted air}
relations:
  - {from: A2, to: A1, type: support}
  - {from: B1, to: A2, type: attack}
  - {from: B2, to: A1, type: attack}
"""

ARGDOWN = """# Ann {speaker: ann}

[A1]: Cycling to work is healthy {speaker: ann}
  + [A2]: A study shows it {speaker: ann}
    - [B1]: Is the study biased? {speaker: bob, act: pure questioning}
  - [B2]: Commuters breathe polluted air {speaker: bob}
"""


def _aif() -> str:
    said = [("A1", "Cycling to work is healthy", "Ann", "Asserting"), ("A2", "A study shows it", "Ann", "Asserting"),
            ("B1", "Is the study biased?", "Bob", "Pure Questioning"),
            ("B2", "Commuters breathe polluted air", "Bob", "Asserting")]
    nodes, edges = [], []
    for cid, text, who, act in said:
        nodes += [{"nodeID": cid, "type": "I", "text": text},
                  {"nodeID": f"L{cid}", "type": "L", "text": f"{who} : {text}"},
                  {"nodeID": f"Y{cid}", "type": "YA", "text": act}]
        edges += [(f"L{cid}", f"Y{cid}"), (f"Y{cid}", cid)]
    for sid, kind, src, dst in [("R1", "RA", "A2", "A1"), ("C1", "CA", "B1", "A2"), ("C2", "CA", "B2", "A1")]:
        nodes.append({"nodeID": sid, "type": kind, "text": "Default Inference" if kind == "RA" else "Default Conflict"})
        edges += [(src, sid), (sid, dst)]
    return json.dumps({"nodes": nodes, "edges": [{"fromID": a, "toID": b} for a, b in edges], "locutions": []})


@pytest.fixture(scope="module")
def maps() -> dict[str, ArgumentMap]:
    return {"native": native.loads(YAML), "argdown": argdown.loads(ARGDOWN), "aif": aif.loads(_aif())}


def test_every_format_marks_the_question(maps: dict[str, ArgumentMap]) -> None:
    for name, m in maps.items():
        b1 = m.claim("B1")
        assert (b1.act, b1.asserted) == ("pure questioning", False), name
        assert {c.id for c in m.claims if c.asserted} == {"A1", "A2", "B2"}, name


@pytest.mark.parametrize("reading", READINGS)
@pytest.mark.parametrize("sem", SEMANTICS)
def test_the_question_stands_nowhere_and_the_formats_agree(maps: dict[str, ArgumentMap], sem: str,
                                                           reading: str) -> None:
    got = {name: statuses(m, sem, reading) for name, m in maps.items()}
    assert got["argdown"] == got["native"] == got["aif"]
    s = got["native"]
    assert s["B1"] in ("out", "rejected")  # nobody asserts it and nothing argues for it
    # asking whether the study is biased changes nothing: the same as without the question
    without = native.loads(YAML.replace("  - {id: B1, speaker: bob, text: Is the study biased?, "
                                        "act: pure questioning}\n", "")
                           .replace("  - {from: B1, to: A2, type: attack}\n", ""))
    assert {k: v for k, v in s.items() if k != "B1"} == statuses(without, sem, reading)


def test_asserted_the_same_claim_defeats_the_reason() -> None:
    m = native.loads(YAML.replace(", act: pure questioning", ""))
    assert statuses(m, "GR", "none")["A2"] == "out"
    assert statuses(m, "GR", "necessary")["A1"] == "out"  # A1's only reason falls, and B2 attacks it


def test_format_1_maps_are_read_as_before() -> None:
    one = native.loads(YAML.replace("argmap: 2", "argmap: 1").replace(", act: pure questioning", ""))
    assert all(c.asserted for c in one.claims)
    assert statuses(one, "GR", "none") == {"A1": "out", "A2": "out", "B1": "in", "B2": "in"}


def test_an_answered_question_stands_under_the_support_readings() -> None:
    # Bob backs his question with a reason: now it stands (and defeats A2) under the readings
    # that count reasons; under none no reason counts
    answered = YAML.replace("  - {id: B2,", "  - {id: B3, speaker: bob, text: A bike maker paid for the study}\n"
                            "  - {id: B2,") + "  - {from: B3, to: B1, type: support}\n"
    m = native.loads(answered)
    assert statuses(m, "GR", "none")["B1"] == "out"
    for reading in ("necessary", "deductive"):
        got = statuses(m, "GR", reading)
        assert (got["B1"], got["A2"]) == ("in", "out"), reading


def test_compare_does_not_take_a_question_for_a_position(maps: dict[str, ArgumentMap]) -> None:
    for name, m in maps.items():
        c = compare(m, "ann", "bob")
        assert c.attacked == {"A1": ["B2"]}, name
        assert c.questioned == {"A2": ["B1"]}, name      # Bob only asks about A2
        assert c.untouched == [] and c.questions == {"ann": [], "bob": ["B1"]}, name
        assert "B1" not in c.unanswering, name
        data = c.to_dict()
        assert data["questioned"] == {"A2": ["B1"]} and data["questions"]["bob"] == ["B1"]


def test_compare_standing_lists_asserted_claims_only(maps: dict[str, ArgumentMap]) -> None:
    m = maps["native"]
    s = compare_standing(m, "ann", "bob")
    assert s.together == {"ann": ["A2"], "bob": ["B2"]}
    assert s.alone == {"ann": ["A1", "A2"], "bob": ["B2"]}
    assert s.lost == {"ann": ["A1"], "bob": []}
    text = format_standing(s, m)
    assert "Bob: 1 of 1 claims stand with Ann's claims, 1 without (1 question not counted)." in text


def test_explain_says_the_question_is_not_asserted(maps: dict[str, ArgumentMap]) -> None:
    m = maps["argdown"]
    text = format_explanation(explain(m, "B1", support="deductive"), m)
    assert "B1 [out] Is the study biased? [pure questioning: not asserted" in " ".join(text.split())
    assert "not asserted" not in format_explanation(explain(m, "B2"), m)


def test_uncontested_marks_an_unattacked_question_and_lets_it_fall(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "q.yaml"
    path.write_text(YAML, encoding="utf-8")
    plain = cli("uncontested", str(path), "--json")
    assert plain.exit_code == 0, plain.stderr
    records = {r["id"]: r for r in json.loads(plain.stdout)}
    assert set(records) == {"B1", "B2"}
    assert records["B1"]["act"] == "pure questioning" and "act" not in records["B2"]
    text = cli("uncontested", str(path), "--semantics", "GR")
    assert text.exit_code == 0, text.stderr
    assert "claim (pure questioning)" in text.stdout
    assert "1 of them is only questioned or challenged: nobody asserts it" in text.stdout
    evaluated = json.loads(cli("uncontested", str(path), "--semantics", "GR", "--json").stdout)
    assert "B1" in {r["id"] for r in evaluated["unattacked"]}
    assert "B1" in {r["id"] for r in evaluated["falling"]}
    assert "B1" not in {r["id"] for r in evaluated["surviving"]}
