"""`argmap convert`: formats in and out, losses on stderr, --strict, usage errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import argmap
from argmap.formats import native

from .helpers.cli import invoke
from .helpers.maps import DATA, FIRST_VERSION, SHIPPED


def run(*args: str) -> object:
    return invoke(["convert", *args])


def test_help() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for word in ("--to", "--strict", "--speaker-from", "argdown", "aif"):
        assert word in result.output


def test_to_json_is_the_native_schema_with_offsets() -> None:
    result = run(str(SHIPPED), "--to", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data == native.to_data(argmap.load(SHIPPED), offsets=True)
    assert data["argmap"] == 2 and data["arguments"], "the shipped map uses arguments (format 2)"
    quoted = [c for c in data["claims"] if "quote" in c]
    assert quoted and all(isinstance(c["start"], int) and c["end"] > c["start"] for c in quoted)


def test_default_map_is_the_shipped_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARGMAP_MAP", raising=False)
    assert run("--to", "json").stdout == run(str(SHIPPED), "--to", "json").stdout


def test_uncontested_matches_convert_json() -> None:
    data = json.loads(run(str(SHIPPED), "--to", "json").stdout)
    attacked = {r["to"] for r in data["relations"] if r["type"] == "attack"}
    expected = [c["id"] for c in data["claims"] if c["id"] not in attacked]
    result = invoke(["uncontested", str(SHIPPED), "--json"])
    assert result.exit_code == 0, result.output
    got = json.loads(result.stdout)
    items = got if isinstance(got, list) else got.get("claims", got)
    assert [c["id"] for c in items] == expected


@pytest.mark.parametrize("fmt", ["yaml", "argdown", "aif", "graphml", "nodelink"])
def test_stdout_matches_the_library(fmt: str) -> None:
    from argmap import formats

    result = run(str(DATA / "toy.yaml"), "--to", fmt)
    assert result.exit_code == 0, result.output
    assert result.stdout == formats.dumps(argmap.load(DATA / "toy.yaml"), fmt)


def test_output_file_by_suffix_and_round_trip(tmp_path: Path) -> None:
    # the first, format-1 version of the shipped map (the revised map's round trips,
    # lint silences included, are in test_formats_aif/test_formats_argdown)
    shutil.copytree(FIRST_VERSION.parent / "sources", tmp_path / "sources")
    for name in ("m.argdown", "m.aif.json"):
        out = tmp_path / name
        result = run(str(FIRST_VERSION), "-o", str(out))
        assert result.exit_code == 0, result.output
        assert out.exists()
        back = run(str(out), "--to", "json")
        assert back.exit_code == 0, back.output
        a = json.loads(back.stdout)
        b = native.to_data(argmap.load(FIRST_VERSION), offsets=True)
        key = lambda d: sorted(json.dumps(x, sort_keys=True) for x in d)  # noqa: E731
        assert a["title"] == b["title"] and a["speakers"] == b["speakers"] and a["sources"] == b["sources"]
        assert key(a["claims"]) == key(b["claims"]) and key(a["relations"]) == key(b["relations"])


def test_losses_on_stderr_and_strict(tmp_path: Path) -> None:
    out = tmp_path / "m.graphml"
    result = run(str(DATA / "toy.yaml"), "-o", str(out))
    assert result.exit_code == 0
    assert "graphml cannot hold: 1 source record" in result.stderr
    assert "graphml cannot hold: 1 relation speaker" in result.stderr
    assert out.exists()
    out.write_text("keep me")
    strict = run(str(DATA / "toy.yaml"), "-o", str(out), "--strict")
    assert strict.exit_code == 1
    assert "cannot hold everything" in strict.stderr
    assert out.read_text() == "keep me"
    printed = run(str(DATA / "toy.yaml"), "--to", "graphml", "--strict")
    assert printed.exit_code == 1 and printed.stdout == ""


def test_no_losses_means_strict_passes() -> None:
    result = run(str(DATA / "toy.yaml"), "--to", "aif", "--strict")
    assert result.exit_code == 0 and result.stderr == ""


def test_to_overrides_suffix(tmp_path: Path) -> None:
    out = tmp_path / "m.txt"
    assert run(str(DATA / "toy.yaml"), "-o", str(out), "--to", "argdown").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("===\n")


def test_argdown_input_with_speaker_from() -> None:
    result = run(str(DATA / "debate-headings.argdown"), "--speaker-from", "heading", "--to", "json")
    assert result.exit_code == 0, result.output
    who = {c["id"]: c["speaker"] for c in json.loads(result.stdout)["claims"]}
    assert who["Trade"] == "ben"


def test_aif_dialogue_to_json() -> None:
    result = run(str(DATA / "dialogue.aif.json"), "--to", "json")
    assert result.exit_code == 0, result.output
    assert {s["id"] for s in json.loads(result.stdout)["speakers"]} == {"carla-moreno", "dev-anand", "unattributed"}


@pytest.mark.parametrize("args", [
    ["--to", "bogus"],
    [],                                         # stdout needs --to
    ["--speaker-from", "tag", "--to", "json"],  # only for Argdown input
    ["--speaker-from", "voice", "--to", "json"],
    ["--from", "nope", "--to", "json"],
])
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert run(str(DATA / "toy.yaml"), *args).exit_code == 2


def test_cannot_read_a_write_only_format(tmp_path: Path) -> None:
    bad = tmp_path / "x.graphml"
    bad.write_text("<graphml/>")
    result = run(str(bad), "--to", "json")
    assert result.exit_code == 1 and "but not read it" in result.stderr


def test_bad_input_is_located(tmp_path: Path) -> None:
    bad = tmp_path / "bad.argdown"
    bad.write_text("[A]: a {speaker: x}\n  + [B]: b {speaker: x, kind: nope}\n", encoding="utf-8")
    result = run(str(bad), "--to", "json")
    assert result.exit_code == 1
    assert f"{bad}:2:12: 'B' has unknown kind 'nope'" in result.stderr
    assert "Traceback" not in result.output


def test_read_warnings_are_located_and_strict_refuses(tmp_path: Path) -> None:
    doc = tmp_path / "d.argdown"
    doc.write_text("[A]: a\n  + [A]\n", encoding="utf-8")
    result = run(str(doc), "--to", "json")
    assert result.exit_code == 0
    assert f"{doc}:2:3: warning: 'A' is related to itself; skipped" in result.stderr
    out = tmp_path / "d.yaml"
    refused = run(str(doc), "--strict", "-o", str(out))
    assert refused.exit_code == 1 and f"{doc}:2:3: 'A' is related to itself" in refused.stderr
    assert not out.exists()


def test_missing_file() -> None:
    result = run("no/such/map.yaml", "--to", "json")
    assert result.exit_code == 1 and "no such file" in result.stderr


@pytest.mark.parametrize("to", ["yaml", "json", "aif", "argdown"])
def test_stdout_is_the_writers_text_written_in_slices(monkeypatch: pytest.MonkeyPatch, to: str) -> None:
    from argmap import formats
    from argmap.cli import _convert

    monkeypatch.setattr(_convert, "_CHUNK", 7)  # many slices, some ending inside a multi-byte character
    result = run(str(SHIPPED), "--to", to)
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == formats.dumps(argmap.load(SHIPPED), to).encode("utf-8")


def test_stdout_of_a_text_with_terminal_codes_is_what_echo_prints(tmp_path: Path) -> None:
    from typer._click._compat import strip_ansi

    from argmap import formats

    path = tmp_path / "m.yaml"
    amap = argmap.ArgumentMap(title="t", speakers=[argmap.Speaker("s", "S")],
                              claims=[argmap.Claim("\x1b[31mC", "s", "red é")])
    path.write_text(native.dumps(amap), encoding="utf-8")
    result = run(str(path), "--to", "tgf")  # TGF writes ids as they are
    assert result.exit_code == 0, result.output
    text = formats.dumps(argmap.load(path), "tgf")
    assert "\x1b[31m" in text
    assert result.stdout == strip_ansi(text) == "C red é\n#\n"  # as typer.echo prints into a pipe
