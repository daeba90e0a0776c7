"""The evaluation commands through Typer's CliRunner: status, extensions, explain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.model import ArgumentMap, Claim, Relation, Speaker

from .helpers.cli import invoke

DATA = Path(__file__).parent / "data" / "iccma"  # the one copy of the corpus


def mk(claims: str, relations: list[tuple[str, str, str]]) -> ArgumentMap:
    return ArgumentMap(
        speakers=[Speaker("e", "Essay"), Speaker("c", "Commenter")],
        claims=[Claim(c, "c" if c.startswith("C") else "e", f"text of {c}") for c in claims.split()],
        relations=[Relation(a, b, "support" if t == "+" else "attack") for a, t, b in relations])


@pytest.fixture
def worked(tmp_path: Path) -> Path:
    path = tmp_path / "worked.yaml"
    argmap.save(mk("E1 E2 C1 C2 E3", [("E2", "+", "E1"), ("C1", "x", "E1"), ("C2", "+", "C1"),
                                      ("E3", "x", "C2")]), path)
    return path


@pytest.fixture
def cycle(tmp_path: Path) -> Path:
    path = tmp_path / "cycle.yaml"
    argmap.save(mk("A B C", [("A", "x", "B"), ("B", "x", "A"), ("B", "x", "C")]), path)
    return path


# -- status -------------------------------------------------------------------------------
def test_status_json(worked: Path) -> None:
    r = invoke("status", worked, "--support", "necessary", "--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) == {"semantics": "GR", "support": "necessary",
                                    "status": {"E1": "in", "E2": "in", "C1": "out", "C2": "out",
                                               "E3": "in"}}


def test_status_human(cycle: Path) -> None:
    r = invoke("status", cycle, "-s", "PR")
    assert r.exit_code == 0
    assert "credulous" in r.stdout and all(len(x) <= 80 for x in r.stdout.splitlines())


def test_status_claim_witness_and_counterexample(cycle: Path) -> None:
    r = invoke("status", cycle, "-s", "pr", "--claim", "C", "--json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["status"] == "credulous" and "C" in data["witness"]
    assert "C" not in data["counterexample"]
    r = invoke("status", cycle, "-s", "ST", "--claim", "A")
    assert "witness: {A, C}" in r.stdout and "counter-example: {B}" in r.stdout


def test_status_bad_input(cycle: Path, tmp_path: Path) -> None:
    r = invoke("status", cycle, "--semantics", "XX")
    assert r.exit_code == 2
    r = invoke("status", cycle, "--support", "strong")
    assert r.exit_code == 2
    r = invoke("status", cycle, "--claim", "Z")
    assert r.exit_code == 1 and "no claim 'Z'" in r.stderr
    r = invoke("status", tmp_path / "missing.yaml")
    assert r.exit_code == 1 and "Traceback" not in r.output


def test_status_shipped_map() -> None:
    r = invoke("status", "--json", "-s", "PR", "--support", "deductive")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert set(data["status"].values()) <= {"skeptical", "credulous", "rejected"}


# -- extensions -----------------------------------------------------------------------------
def test_extensions_map(cycle: Path) -> None:
    r = invoke("extensions", cycle, "--json")
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    assert (data["semantics"], data["support"]) == ("PR", "none")
    assert sorted(data["extensions"]) == [["A", "C"], ["B"]]  # solver order
    r = invoke("extensions", cycle, "-s", "CO", "--count")
    assert r.stdout.strip() == "3"
    r = invoke("extensions", cycle, "-s", "CO", "--limit", "1", "--json")
    assert len(json.loads(r.stdout)["extensions"]) == 1


def test_extensions_framework_files(tmp_path: Path) -> None:
    iccma = tmp_path / "odd.af"
    iccma.write_text("p af 4\n# an odd cycle and an isolated argument\n1 2\n2 3\n3 1\n")
    r = invoke("extensions", iccma, "-s", "ST", "--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["extensions"] == []
    r = invoke("extensions", iccma, "-s", "GR", "--json")
    assert json.loads(r.stdout)["extensions"] == [["4"]]
    r = invoke("extensions", iccma, "-s", "ST")
    assert "no ST extension" in r.stdout
    r = invoke("extensions", DATA / "probo-examples" / "ex1.apx", "-s", "ST", "--json")
    assert sorted(json.loads(r.stdout)["extensions"]) == [["a1", "a3", "a4"], ["a2", "a5"]]
    dl = DATA / "argsemsat-tests" / "nixon.dl"
    r = invoke("extensions", dl, "--from", "apx", "--count", "--json")
    assert r.exit_code == 0 and json.loads(r.stdout)["count"] == 2


def test_extensions_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.af"
    bad.write_text("p af 2\n1 3\n")
    r = invoke("extensions", bad)
    assert r.exit_code == 1 and "bad.af:2" in r.stderr
    r = invoke("extensions", bad, "--limit", "-1")
    assert r.exit_code == 2
    r = invoke("extensions", bad, "-s", "nope")
    assert r.exit_code == 2


# -- explain -------------------------------------------------------------------------------
def test_explain(worked: Path) -> None:
    r = invoke("explain", "E2", "-m", worked, "--support", "deductive")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[0] == "E2 is out under GR (support reading: deductive)."
    assert "mediated attack via C1 -x-> E1 <-+- E2" in r.stdout
    r = invoke("explain", "E2", "-m", worked, "--support", "deductive", "--json")
    data = json.loads(r.stdout)
    assert data["tree"]["attackers"][0]["attack"] == {"kind": "mediated", "chain": ["C1", "E1", "E2"]}


def test_explain_bad_input(worked: Path) -> None:
    r = invoke("explain", "E9", "-m", worked)
    assert r.exit_code == 1 and "did you mean" in r.stderr
    r = invoke("explain", "E2", "-m", worked, "-s", "QQ")
    assert r.exit_code == 2


@pytest.mark.parametrize("command", ["status", "extensions", "explain"])
def test_help(command: str) -> None:
    r = invoke(command, "--help")
    assert r.exit_code == 0 and "--semantics" in r.stdout and "--json" in r.stdout
