"""The core commands through Typer's CliRunner: success, bad input, --help."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers.cli import invoke

DATA = Path(__file__).parent / "data"
GOOD = str(DATA / "good" / "debate.yaml")
BAD = str(DATA / "bad" / "unknown-claim.yaml")




CORE = ["check", "show", "uncontested", "chain", "why", "compare"]


@pytest.mark.parametrize("command", CORE)
def test_help(cli, command):
    result = cli(command, "--help")
    assert result.exit_code == 0
    assert "Usage: argmap " + command in result.output
    assert cli(command, "-h").exit_code == 0


def _commands() -> list[str]:
    from argmap.cli import app

    return sorted(c.name or c.callback.__name__ for c in app.registered_commands)


@pytest.mark.parametrize("command", _commands())
def test_every_help_ends_its_description_with_an_example(cli, command):
    """The description of every command's --help ends with ``Example: argmap COMMAND …``."""
    out = cli(command, "--help").output
    description = out.split("\nArguments:")[0].split("\nOptions:")[0].rstrip()
    last = description.split("\n\n")[-1].strip()
    assert last.startswith(f"Example: argmap {command}"), last


def test_version_and_root_help(cli):
    from importlib.metadata import version

    assert cli("--version").output == f"argmap {version('argmap')}\n"
    out = cli("--help").output
    for command in CORE:
        assert command in out


def test_check_ok(cli):
    result = cli("check", GOOD)
    assert result.exit_code == 0
    assert "ok (8 claims, 8 relations, 2 speakers; 8 quotes located)" in result.output


def test_check_bad(cli):
    result = cli("check", BAD)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{BAD}:12:20: unknown claim 'A2'" in result.stderr
    assert "Traceback" not in result.output


def test_check_json(cli):
    result = cli("check", BAD, "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["ok"] is False
    assert data["problems"][0]["line"] == 12 and data["problems"][0]["column"] == 20
    ok = json.loads(cli("check", GOOD, "--json").stdout)
    assert ok == {"map": GOOD, "ok": True, "problems": []}


def test_check_missing_file(cli, tmp_path):
    result = cli("check", str(tmp_path / "none.yaml"))
    assert result.exit_code == 1
    assert "no such file" in result.stderr


def test_default_map_comes_from_the_environment(cli, monkeypatch):
    monkeypatch.setenv("ARGMAP_MAP", GOOD)
    assert "8 claims" in cli("check").output


def test_show_list_and_one(cli):
    listing = cli("show", "-m", GOOD)
    assert listing.exit_code == 0
    assert all(len(line) <= 80 for line in listing.output.splitlines())
    assert "A4" in listing.output
    one = cli("show", "A3", "-m", GOOD)
    assert one.exit_code == 0
    assert "quote [talk 1:94, chars 93-113]" in one.output
    assert "- B3 (attack)" in one.output
    assert "status: attacked by B3" in one.output
    data = json.loads(cli("show", "A3", "-m", GOOD, "--json").stdout)
    assert data["status"] == "attacked" and data["start"] == 93
    assert [r["from"] for r in data["incoming"]] == ["B3", "A5"]


def test_show_bad(cli):
    result = cli("show", "Z1", "-m", GOOD)
    assert result.exit_code == 1
    assert "no claim 'Z1'" in result.stderr
    assert cli("show", "-m", BAD).exit_code == 1


def test_uncontested(cli):
    data = json.loads(cli("uncontested", GOOD, "--json").stdout)
    assert [c["id"] for c in data] == ["A2", "B2", "A4", "A5"]
    assert data[0] == {"id": "A2", "speaker": "ann", "kind": "premise",
                       "text": "Car-free streets are safer for children."}
    human = cli("uncontested", GOOD)
    assert human.exit_code == 0 and "4 of 8 claims are unattacked" in human.output
    assert cli("uncontested", BAD).exit_code == 1


def test_uncontested_rejects_an_unknown_semantics(cli):
    result = invoke(["uncontested", GOOD, "--semantics", "XX"])
    assert result.exit_code == 2


def test_chain(cli):
    result = cli("chain", "A5", "-m", GOOD)
    assert result.exit_code == 0
    assert "2 chains from A5 to a thesis" in result.output
    data = json.loads(cli("chain", "B2", "A1", "-m", GOOD, "--json").stdout)
    assert data["chains"] == [{"path": ["B2", "B1", "A1"], "types": ["support", "attack"],
                               "polarity": "attack", "target": "A1"}]
    none = cli("chain", "A1", "B2", "-m", GOOD)
    assert "no chain" in none.output
    bad = cli("chain", "A9", "-m", GOOD)
    assert bad.exit_code == 1 and "no claim 'A9'" in bad.stderr
    assert invoke(["chain", "A5", "-m", GOOD, "--max-depth", "0"]).exit_code == 2


def test_why(cli):
    result = cli("why", "A1", "-m", GOOD)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("A1 [ann]")
    assert any(line.startswith("    - B1 [bob]") for line in lines)
    assert any(line.startswith("        - A4 [ann]") for line in lines)
    tree = json.loads(cli("why", "A1", "-m", GOOD, "--json").stdout)
    assert [c["id"] for c in tree["children"]] == ["A2", "A3", "B1"]
    bad = cli("why", "nope", "-m", GOOD)
    assert bad.exit_code == 1


def test_compare(cli):
    result = cli("compare", GOOD)
    assert result.exit_code == 0
    assert "Ann's claims that Bob attacks (2)" in result.output
    data = json.loads(cli("compare", GOOD, "--speakers", "bob,ann", "--json").stdout)
    assert data["speakers"] == ["bob", "ann"]
    assert data["attacked"] == {"B1": ["A4"], "B3": ["A5"]}
    for bad in ("bob", "bob,ann,cy", "bob,"):
        r = cli("compare", GOOD, "--speakers", bad)
        assert r.exit_code == 2 and "two ids" in r.stderr  # a usage error (DESIGN: exit 2)
    assert cli("compare", GOOD, "--speakers", "bob,zed").exit_code == 1


def test_shipped_map_is_the_default(cli):
    result = cli("check")
    assert result.exit_code == 0
    assert "enhanced-cooperation.yaml: ok" in result.output
