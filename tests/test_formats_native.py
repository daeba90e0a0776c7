"""The native map format: every loader rule with its location, safe YAML, round trips."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import argmap
from argmap.errors import MapFormatError
from argmap.formats import native

DATA = Path(__file__).parent / "data"
BAD = DATA / "bad"
GOOD = DATA / "good" / "debate.yaml"


def _expected() -> list[tuple[str, int, int, str]]:
    rows = []
    for line in (BAD / "EXPECTED.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, ln, col, fragment = line.split("\t")
        rows.append((name, int(ln), int(col), fragment))
    return rows


def test_every_bad_file_has_an_expectation():
    listed = {row[0] for row in _expected()}
    on_disk = {p.name for p in BAD.iterdir() if p.suffix in (".yaml", ".json")}
    assert listed == on_disk


@pytest.mark.parametrize(("name", "line", "column", "fragment"), _expected(), ids=lambda v: str(v))
def test_check_locates_each_bad_input(name, line, column, fragment):
    problems = argmap.check(BAD / name)
    assert problems, f"{name} passed the check"
    here = [p for p in problems if (Path(p.path).name, p.line, p.column) == (name, line, column)]
    assert here, [str(p) for p in problems]
    first = here[0]
    assert fragment in first.message
    assert str(first).startswith(f"{BAD / name}:{line}:{column}: ")
    located = [(p.line, p.column) for p in problems if p.path is not None and Path(p.path).name == name]
    assert located == sorted(located, key=lambda lc: (lc[0] or 0, lc[1] or 0))   # in the file's order


@pytest.mark.parametrize("name", [r[0] for r in _expected()
                                  if r[0] not in ("quote-ambiguous.yaml", "sha-mismatch.yaml")])
def test_load_refuses_each_bad_input(name):
    with pytest.raises(argmap.ArgmapError) as info:
        argmap.load(BAD / name)
    assert info.value.line is not None


@pytest.mark.parametrize("name", ["quote-ambiguous.yaml", "sha-mismatch.yaml"])
def test_advisories_load_but_fail_the_check(name):
    amap = argmap.load(BAD / name)
    assert len(amap.claims) == 2
    assert argmap.check(BAD / name)


def test_all_problems_are_collected(tmp_path):
    (tmp_path / "m.yaml").write_text(
        "argmap: 1\nspeakers: [{id: a}]\nclaims:\n  - {id: X, speaker: b, text: t}\n"
        "  - {id: Y, speaker: a, text: u, kind: nope}\nrelations:\n  - {from: X, to: Z, type: attack}\n",
        encoding="utf-8")
    problems = argmap.check(tmp_path / "m.yaml")
    assert [(p.line, p.column) for p in problems] == [(4, 22), (5, 40), (7, 19)]
    with pytest.raises(MapFormatError) as info:
        argmap.load(tmp_path / "m.yaml")
    assert len(info.value.errors) == 3


def test_symlink_out_of_the_map_folder_is_refused(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("secret words", encoding="utf-8")
    folder = tmp_path / "map"
    folder.mkdir()
    os.symlink(outside, folder / "link.txt")
    (folder / "m.yaml").write_text(
        "argmap: 1\nsources: [{id: s, file: link.txt}]\nspeakers: [{id: a}]\n"
        "claims: [{id: X, speaker: a, text: t, quote: secret}]\n", encoding="utf-8")
    problems = argmap.check(folder / "m.yaml")
    assert len(problems) == 1 and "outside the map's folder" in problems[0].message
    assert (problems[0].line, problems[0].column) == (2, 25)


def test_good_map_loads_with_offsets():
    amap = argmap.load(GOOD)
    text = amap.source("talk").text
    for claim in amap.claims:
        assert text[claim.start:claim.end] == claim.quote
    assert amap.claim("A3").occurrence == 1
    assert argmap.check(GOOD) == []


@pytest.mark.parametrize("syntax", ["yaml", "json"])
def test_round_trip_is_lossless(tmp_path, syntax):
    original = argmap.load(GOOD)
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "debate.txt").write_bytes((GOOD.parent / "sources" / "debate.txt").read_bytes())
    out = tmp_path / f"copy.{syntax}"
    argmap.save(original, out)
    again = argmap.load(out)
    assert again == original
    assert [(c.start, c.end) for c in again.claims] == [(c.start, c.end) for c in original.claims]
    assert again.relations == original.relations
    # and a second trip gives the same bytes
    out2 = tmp_path / f"copy2.{syntax}"
    argmap.save(again, out2)
    assert out.read_text(encoding="utf-8") == out2.read_text(encoding="utf-8")


def test_json_output_carries_derived_offsets():
    data = json.loads(native.dumps(argmap.load(GOOD), syntax="json"))
    assert data["argmap"] == 1
    first = data["claims"][0]
    assert (first["start"], first["end"]) == (5, 47)


def test_yaml_never_builds_objects(tmp_path):
    (tmp_path / "m.yaml").write_text(
        "argmap: 1\nspeakers: [{id: a}]\nclaims: !!python/object/new:os.system [echo hi]\n", encoding="utf-8")
    with pytest.raises(MapFormatError, match="not allowed"):
        argmap.load(tmp_path / "m.yaml")


def test_yaml_plain_scalars_are_read_as_strings_where_strings_are_expected(tmp_path):
    (tmp_path / "m.yaml").write_text(
        "argmap: 1\ntitle: yes\nspeakers: [{id: 1, name: no}]\nclaims: [{id: 2, speaker: 1, text: 3.50}]\n",
        encoding="utf-8")
    amap = argmap.load(tmp_path / "m.yaml")
    assert amap.title == "yes"
    assert amap.speakers[0] == argmap.Speaker("1", "no")
    assert amap.claims[0].text == "3.50"


def test_map_without_sources_or_quotes(tmp_path):
    (tmp_path / "m.json").write_text(json.dumps({
        "argmap": 1, "speakers": [{"id": "a"}], "claims": [{"id": "x", "speaker": "a", "text": "t"}]}),
        encoding="utf-8")
    amap = argmap.load(tmp_path / "m.json")
    assert amap.claims[0].quote is None and amap.relations == ()
    assert amap.speakers[0].name == "a"


def test_loads_from_a_string_resolves_sources_from_the_given_path():
    text = GOOD.read_text(encoding="utf-8")
    amap = argmap.loads(text, path=GOOD)
    assert amap == argmap.load(GOOD)


def test_unknown_suffix_is_a_clear_error(tmp_path):
    target = tmp_path / "m.txt"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(argmap.ArgmapError, match="cannot tell the format"):
        argmap.load(target)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(argmap.ArgmapError, match="no such file"):
        argmap.load(tmp_path / "nope.yaml")


def test_save_is_atomic_and_keeps_the_old_file_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "m.yaml"
    target.write_text("old", encoding="utf-8")
    amap = argmap.load(GOOD)

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(argmap.ArgmapError, match="No space left"):
        argmap.save(amap, target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["m.yaml"]
