"""Every command names its map the same way: ``-m/--map`` everywhere, positionally too for
the commands about a whole map, ``$ARGMAP_MAP`` by default; and ``--speaker-from`` on
every command that reads a map, passed to the reader through the format registry."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap import formats
from argmap.cli import app
from argmap.errors import UsageError

GOOD = Path(__file__).parent / "data" / "good"
FORMATS = Path(__file__).parent / "data" / "formats"
MAP = GOOD / "debate.yaml"
HEADINGS = FORMATS / "debate-headings.argdown"
EXE = str(Path(sys.executable).parent / "argmap")


def _args(tmp: Path) -> dict[str, tuple[list[str], bool]]:
    """Per command: the arguments besides the map, and whether it takes the map positionally."""
    return {
        "check": ([], True),
        "lint": ([], True),
        "show": (["A1"], False),
        "uncontested": ([], True),
        "chain": (["B1"], False),
        "why": (["A1"], False),
        "compare": ([], True),
        "convert": (["--to", "json"], True),
        "render": (["-o", str(tmp / "m.dot")], True),
        "html": (["-o", str(tmp / "m.html")], True),
        "status": ([], True),
        "extensions": (["-s", "GR"], True),
        "explain": (["A1"], False),
        "quote": (["talk", "Shops", "in", "car-free", "Pontevedra"], False),
    }


#: Commands that read no map, and why.
NO_MAP = {"schema": "prints the format's schema", "iccma": "reads ICCMA's -f FILE, as the competition's interface says"}
#: Commands that take the map with -m but are tested on their own below (they write or serve it).
OWN_TESTS = {"init", "edit"}
COMMANDS = sorted(_args(Path("/")))


def test_every_command_is_decided() -> None:
    """A new command must say here how it takes its map."""
    import typer.main

    names = set(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    assert names == set(COMMANDS) | set(NO_MAP) | OWN_TESTS


@pytest.mark.parametrize("command", COMMANDS)
def test_the_map_with_m(cli: Any, tmp_path: Path, command: str) -> None:
    rest, _ = _args(tmp_path)[command]
    result = cli(command, *rest, "-m", MAP)
    assert result.exit_code == 0, result.stderr
    long = cli(command, *rest, "--map", MAP)
    assert long.exit_code == 0, long.stderr


#: The commands about a whole map: they take it positionally too.
WHOLE_MAP = [c for c in COMMANDS if _args(Path("/"))[c][1]]
#: The others take a claim or a source positionally (their map only with -m; see the test below).
CLAIM_COMMANDS = [c for c in COMMANDS if c not in WHOLE_MAP]


def test_the_two_groups() -> None:
    assert CLAIM_COMMANDS == ["chain", "explain", "quote", "show", "why"]


@pytest.mark.parametrize("command", WHOLE_MAP)
def test_the_map_positionally_for_whole_map_commands(cli: Any, tmp_path: Path, command: str) -> None:
    rest, _ = _args(tmp_path)[command]
    result = cli(command, MAP, *rest)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == cli(command, "-m", MAP, *rest).stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_naming_the_map_twice_is_a_usage_error(cli: Any, tmp_path: Path, command: str) -> None:
    rest, positional = _args(tmp_path)[command]
    other = tmp_path / "other.yaml"
    shutil.copy(MAP, other)
    twice = cli(command, *rest, "-m", MAP, "-m", other)
    assert twice.exit_code == 2 and "named twice" in twice.stderr and "name it once" in twice.stderr
    assert twice.stdout == ""
    if positional:
        both = cli(command, MAP, *rest, "-m", MAP)
        assert both.exit_code == 2 and "named twice" in both.stderr and both.stdout == ""
        two = cli(command, MAP, other, *rest)
        assert two.exit_code == 2 and "one map at a time" in two.stderr
    else:  # the map where a claim goes: the hint names -m
        given = cli(command, *rest, MAP)
        assert given.exit_code == 2 and f"write -m {MAP}" in given.stderr
        if command != "quote":   # the map instead of the claim id
            instead = cli(command, MAP)
            assert instead.exit_code == 2 and f"write -m {MAP}" in instead.stderr


@pytest.mark.parametrize("command", [*COMMANDS, *sorted(OWN_TESTS)])
def test_help_names_m_and_the_positional_map(cli: Any, tmp_path: Path, command: str) -> None:
    text = cli(command, "--help").stdout
    assert "-m, --map MAP" in text
    if command in OWN_TESTS or _args(tmp_path)[command][1]:
        assert "[MAP" in text.split("\n\n")[0] or command == "init"


@pytest.mark.parametrize("command", COMMANDS)
def test_argmap_map_applies(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    rest, _ = _args(tmp_path)[command]
    monkeypatch.setenv("ARGMAP_MAP", str(MAP))
    result = cli(command, *rest)
    assert result.exit_code == 0, result.stderr
    monkeypatch.setenv("ARGMAP_MAP", str(tmp_path / "missing.yaml"))
    assert cli(command, *rest, "-m", MAP).exit_code == 0  # -m wins over the environment


def test_extensions_reads_a_framework_with_m(cli: Any, tmp_path: Path) -> None:
    af = tmp_path / "toy.af"
    af.write_text("p af 3\n1 2\n2 3\n", encoding="utf-8")
    result = cli("extensions", "-m", af, "-s", "GR", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["extensions"] == [["1", "3"]]
    refused = cli("extensions", "-m", af, "--speaker-from", "tag")
    assert refused.exit_code == 2 and "--speaker-from" in refused.stderr


def test_init_writes_the_map_named_by_m(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Ann: Cars out.\n", encoding="utf-8")
    result = cli("init", tmp_path / "a.txt", "-m", tmp_path / "map.yaml")
    assert result.exit_code == 0, result.stderr
    assert cli("check", tmp_path / "map.yaml").exit_code == 0
    both = cli("init", tmp_path / "a.txt", "-o", tmp_path / "x.yaml", "-m", tmp_path / "y.yaml")
    assert both.exit_code == 2 and "named twice" in both.stderr
    assert not (tmp_path / "x.yaml").exists() and not (tmp_path / "y.yaml").exists()
    none = cli("init", tmp_path / "a.txt")
    assert none.exit_code == 2 and "-o MAP" in none.stderr


def test_edit_takes_the_map_positionally_or_with_m(cli: Any, tmp_path: Path) -> None:
    shutil.copy(MAP, tmp_path / "m.yaml")
    shutil.copytree(GOOD / "sources", tmp_path / "sources")
    both = cli("edit", tmp_path / "m.yaml", "-m", tmp_path / "m.yaml", "--no-browser")
    assert both.exit_code == 2 and "named twice" in both.stderr and both.stdout == ""
    proc = subprocess.Popen([EXE, "edit", "-m", str(tmp_path / "m.yaml"), "--no-browser"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().startswith("http://127.0.0.1:")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_completion_offers_the_map_options_and_their_values() -> None:
    def complete(words: str) -> list[str]:
        env = {**os.environ, "_ARGMAP_COMPLETE": "complete_bash", "COMP_WORDS": words,
               "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))}
        return subprocess.run([EXE], capture_output=True, text=True, env=env, timeout=60).stdout.split()

    assert {"--map", "--speaker-from"} <= set(complete("argmap status --"))
    assert set(complete("argmap check --speaker-from ")) == {"data", "tag", "heading"}
    assert "-m" in complete("argmap why -")
    # claim ids, from the map named so far (-m or positional), with the reader's options
    assert complete(f"argmap why -m {MAP} A") == ["A1", "A2", "A3", "A4", "A5"]
    assert complete(f"argmap status {MAP} -c B") == ["B1", "B2", "B3"]
    assert complete(f"argmap render {MAP} -o x.svg --focus B") == ["B1", "B2", "B3"]
    assert complete(f"argmap chain -m {HEADINGS} --speaker-from heading T") == ["Trade"]
    assert complete(f"argmap explain -m {MAP} A1 ") == []            # the id is given
    assert complete("argmap show -m missing.yaml A") == []          # no traceback in the shell
    shipped = {c.id for c in argmap.load(argmap.shipped_map_path()).claims}
    assert set(complete("argmap show E4")) == {i for i in shipped if i.startswith("E4")}


# -- --speaker-from ---------------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_speaker_from_on_every_command_that_reads_a_map(cli: Any, tmp_path: Path, command: str) -> None:
    rest, _ = _args(tmp_path)[command]
    rest = {"show": ["Ban"], "chain": ["Trade"], "why": ["Ban"], "explain": ["Ban"],
            "quote": [str(GOOD / "sources" / "debate.txt"), "cars"]}.get(command, rest)
    result = cli(command, *rest, "-m", HEADINGS, "--speaker-from", "heading")
    assert result.exit_code == 0, result.stderr
    assert "--speaker-from" in cli(command, "--help").stdout
    refused = cli(command, *rest, "-m", MAP, "--speaker-from", "heading")
    if command == "quote":  # a text file: no map is read
        assert refused.exit_code == 0
        return
    assert refused.exit_code == 2 and "Argdown input only" in refused.stderr and refused.stdout == ""


def test_speaker_from_reaches_the_reader(cli: Any) -> None:
    shown = json.loads(cli("show", "-m", HEADINGS, "--speaker-from", "heading", "--json").stdout)
    assert {c["id"]: c["speaker"] for c in shown} == {"Ban": "ann", "Air": "ann", "Study": "ann",
                                                      "Trade": "ben"}
    plain = json.loads(cli("show", "-m", HEADINGS, "--json").stdout)
    assert {c["speaker"] for c in plain} == {"unattributed"}
    checked = cli("check", HEADINGS, "--speaker-from", "HEADING")   # any case
    assert checked.exit_code == 0 and "2 speakers" in checked.stdout
    compared = cli("compare", HEADINGS, "--speaker-from", "heading", "--json")
    assert json.loads(compared.stdout)["attacked"] == {"Ban": ["Trade"]}
    status = json.loads(cli("status", HEADINGS, "--speaker-from", "heading", "--json").stdout)
    assert status["status"] == {"Ban": "out", "Air": "in", "Study": "in", "Trade": "in"}
    bad = cli("check", HEADINGS, "--speaker-from", "voice")
    assert bad.exit_code == 2 and "data" in bad.stderr and "heading" in bad.stderr


def test_argdown_hints_name_the_flag_on_the_command_line(cli: Any, tmp_path: Path) -> None:
    doc = tmp_path / "d.argdown"
    doc.write_text("[A]: a {speaker: ann}\n  <- [B]: b\n", encoding="utf-8")
    result = cli("check", doc)
    assert "--speaker-from tag or --speaker-from heading" in result.stderr
    assert "speaker_from" not in result.stderr
    compared = cli("compare", HEADINGS)
    assert compared.exit_code == 1 and "one speaker, 'unattributed'" in compared.stderr
    assert "--speaker-from heading" in compared.stderr
    warnings: list[Any] = []
    argmap.load(doc, warnings=warnings)   # the library names its parameter
    assert any("`speaker_from` tag" in (w.hint or "") for w in warnings)


def test_the_registry_passes_reader_options_and_refuses_others(tmp_path: Path) -> None:
    assert argmap.load(HEADINGS, speaker_from="heading").claim("Trade").speaker == "ben"
    checked = formats.check(HEADINGS, speaker_from="heading")
    assert checked.ok and checked.map is not None and len(checked.map.speakers) == 2
    with pytest.raises(UsageError, match="yaml reader takes no option `speaker_from`") as caught:
        argmap.load(MAP, speaker_from="heading")
    assert "argdown" in (caught.value.hint or "")
    assert not formats.check(MAP, speaker_from="tag").ok
    with pytest.raises(UsageError, match="takes no option `colour`"):
        formats.loads("[A]: a {speaker: x}\n", "argdown", colour=True)
    assert formats.by_name("argdown").takes("speaker_from") and not formats.by_name("aif").takes("speaker_from")


def test_the_unknown_suffix_hint_offers_what_can_be_read_or_written(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as read:
        argmap.load(tmp_path / "m.txt")
    assert ".graphml" not in (read.value.hint or "") and ".yaml" in (read.value.hint or "")
    assert "reads" in (read.value.hint or "")
    with pytest.raises(UsageError) as written:
        formats.write(argmap.load(MAP), tmp_path / "m.txt")
    assert ".graphml" in (written.value.hint or "") and "writes" in (written.value.hint or "")


@pytest.mark.parametrize("command", COMMANDS)
def test_a_folder_given_as_the_map_names_the_maps_in_it(cli: Any, tmp_path: Path, command: str) -> None:
    rest, _ = _args(tmp_path)[command]
    if command == "quote":
        rest = ["talk", "Shops"]
    result = cli(command, *rest, "-m", GOOD)
    assert result.exit_code == 1 and result.stdout == ""
    assert f"{GOOD}: is a folder, not a map file (name a map file in it: debate.yaml" in result.stderr


def test_the_library_refuses_a_folder_before_its_suffix(tmp_path: Path) -> None:
    from argmap.errors import FileAccessError

    with pytest.raises(FileAccessError, match="is a folder") as caught:
        argmap.load(GOOD)
    assert "debate.yaml" in (caught.value.hint or "") and "structured.yaml" in (caught.value.hint or "")
    assert [p.message for p in formats.check(tmp_path).problems] == ["is a folder, not a map file"]
