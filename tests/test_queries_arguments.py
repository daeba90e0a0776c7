"""Queries on structured maps (format 2): chains through arguments, grouped reasons,
undercuts in compare and in uncontested, and explain's grouping."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.evaluation import explain, format_explanation
from argmap.queries import chains, compare, reasons, unattacked

STRUCTURED = Path(__file__).parent / "data" / "good" / "structured.yaml"


def amap():
    return argmap.load(STRUCTURED)


def test_chain_passes_an_argument_with_all_its_premises():
    [c] = list(chains(amap(), "A2"))
    assert c.path == ("A2", "A1") and c.types == ("argument",) and c.via == ("R1",)
    assert c.premises == (("A2", "A3"),) and c.polarity == "support"
    out = CliRunner().invoke(app, ["chain", "A2", "-m", str(STRUCTURED)])
    assert out.exit_code == 0 and "A2 (+ A3) ==R1=> A1" in out.stdout


def test_chain_through_an_undercut_counts_as_an_attack():
    found = {c.path: c for c in chains(amap(), "A4")}
    assert found[("A4", "B1")].types == ("undercut",) and found[("A4", "B1")].polarity == "attack"
    assert found[("A4", "B1", "A1")].polarity == "support"
    out = CliRunner().invoke(app, ["chain", "A4", "-m", str(STRUCTURED), "--json"])
    data = json.loads(out.stdout)
    assert data["chains"][0]["via"] == ["R2"]


def test_format_1_chains_keep_their_json_shape():
    m = argmap.load(STRUCTURED.parent / "debate.yaml")
    for c in chains(m, "A5"):
        assert c.via == () and c.premises == ()


def test_why_groups_linked_premises_and_names_undercuts():
    tree = reasons(amap(), "A1")
    [r1] = [n for n in tree.children if n.argument is not None]
    assert r1.argument.id == "R1" and r1.relation == "argument"
    assert [(n.claim.id, n.relation) for n in r1.children] == [("A2", "premise"), ("A3", "premise")]
    b1 = next(n for n in tree.children if n.claim.id == "B1")
    [r2] = b1.children
    assert [(n.claim.id, n.relation) for n in r2.children] == [("B2", "premise"), ("A4", "undercut")]
    out = CliRunner().invoke(app, ["why", "A1", "-m", str(STRUCTURED)])
    assert out.exit_code == 0
    assert "+ R1 [ann] linked argument: A2 + A3" in out.stdout
    assert "-/ A4 [ann]" in out.stdout


def test_compare_counts_an_undercut_as_an_answer():
    result = compare(amap(), "bob", "ann")
    assert result.undercut == {"R2": ["A4"]} and "A4" not in result.unanswering
    out = CliRunner().invoke(app, ["compare", str(STRUCTURED), "--speakers", "bob,ann"])
    assert "Bob's arguments that Ann undercuts (1)" in out.stdout and "R2 <- A4" in out.stdout


def test_uncontested_treats_an_undercut_conclusion_as_contested_under_support_readings():
    m = amap()
    assert "B1" in [c.id for c in unattacked(m)]
    for reading in ("necessary", "deductive"):
        assert "B1" not in [c.id for c in unattacked(m, reading)]
    out = CliRunner().invoke(app, ["uncontested", str(STRUCTURED), "--support", "necessary", "--json"])
    assert "B1" not in [c["id"] for c in json.loads(out.stdout)]


def test_explain_shows_linked_premises_together_and_names_undercuts():
    m = amap()
    e = explain(m, "A1", "GR", "necessary")
    text = format_explanation(e, m)
    assert "<= R1 [in] linked argument: A2 + A3 => A1" in text
    assert "+ A2 [in]" in text and "+ A3 [in]" in text
    assert "<-/ A4 [in] Shops in car-free Pontevedra prospered. [undercuts R2]" in text
    d = e.to_dict()["tree"]
    assert d["reasons"][0]["argument"] == "R1"
    assert [p["claim"] for p in d["reasons"][0]["linked_premises"]] == ["A2", "A3"]
    out = CliRunner().invoke(app, ["explain", "B1", "-m", str(STRUCTURED), "--support", "necessary"])
    assert out.exit_code == 0 and "undercuts R2" in out.stdout


def test_explain_with_an_extension_on_a_structured_cycle():
    from argmap.model import Argument, ArgumentMap, Claim, Relation, Speaker

    m = ArgumentMap(speakers=[Speaker("s", "S")], claims=[Claim(i, "s", i) for i in ("A", "B", "C")],
                    relations=[Relation("B", "A", "support")], arguments=[Argument("R", ("A", "C"), "B")])
    e = explain(m, "A", "PR", "necessary")
    assert e.status == "credulous" and e.extension is not None and "A" in e.extension
    assert any(n.role == "reason" for _, n in e.tree.walk())


def test_describe_an_argument_and_a_claim():
    from argmap.queries import describe

    m = amap()
    r1 = describe(m, "R1")
    assert (r1.kind, r1.argument.premises, r1.speaker.id, r1.status) == ("argument", ("A2", "A3"), "ann",
                                                                        "not undercut")
    r2 = describe(m, "R2").to_dict()
    assert r2 == {"id": "R2", "kind": "argument", "speaker": "bob", "premises": ["B2"], "conclusion": "B1",
                  "scheme": None, "note": None,
                  "undercutters": [{"from": "A4", "note": "Pontevedra: drivers leaving did not hurt the shops"}],
                  "status": "undercut"}
    a3 = describe(m, "A3").to_dict()
    assert a3["premise_of"] == ["R1"] and a3["arguments"] == [] and a3["status"] == "attacked"
    assert describe(m, "A1").to_dict()["arguments"] == ["R1"]


def test_describe_an_unknown_id_names_both_kinds():
    import pytest

    from argmap.errors import QueryError
    from argmap.queries import describe

    with pytest.raises(QueryError, match="no claim or argument 'R3'") as info:
        describe(amap(), "R3")
    assert "did you mean" in (info.value.hint or "")


def test_show_an_argument(cli):
    out = cli("show", "R1", "-m", str(STRUCTURED))
    assert out.exit_code == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "R1  (linked argument, Ann)"
    assert "scheme: argument from consequences" in lines
    assert "  A2: Car-free streets are safer for children." in lines
    assert "  A1: Cities should ban cars from their centres." in lines
    assert lines[-1] == "status: not undercut"
    undercut = cli("show", "R2", "-m", str(STRUCTURED))
    assert "undercut by:" in undercut.stdout and "  - A4: Shops in car-free Pontevedra prospered." in undercut.stdout
    assert undercut.stdout.splitlines()[-1] == "status: undercut by A4"
    data = json.loads(cli("show", "R2", "-m", str(STRUCTURED), "--json").stdout)
    assert data["kind"] == "argument" and data["undercutters"][0]["from"] == "A4"
    claim = cli("show", "A1", "-m", str(STRUCTURED))
    assert "arguments for it:" in claim.stdout and "  R1: A2 + A3 => A1" in claim.stdout


def test_show_an_unknown_argument_fails_cleanly(cli):
    out = cli("show", "R9", "-m", str(STRUCTURED))
    assert out.exit_code == 1 and "no claim or argument 'R9'" in out.stderr and "Traceback" not in out.output


def test_chain_json_is_the_chain_record(cli):
    out = cli("chain", "A2", "-m", str(STRUCTURED), "--json")
    [record] = json.loads(out.stdout)["chains"]
    assert record == list(chains(amap(), "A2"))[0].to_dict()
    assert record == {"path": ["A2", "A1"], "types": ["argument"], "polarity": "support", "target": "A1",
                      "via": ["R1"], "premises": [["A2", "A3"]]}
