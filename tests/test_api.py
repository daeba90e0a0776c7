"""``argmap.api``: load, loads, save, check and the shipped map (``argmap.load`` …)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import argmap
from argmap.errors import FileAccessError, MapFormatError, ProvenanceError, UsageError

GOOD = Path(__file__).parent / "data" / "good" / "debate.yaml"


def copy_map(tmp_path: Path) -> Path:
    shutil.copytree(GOOD.parent, tmp_path / "m")
    return tmp_path / "m" / GOOD.name


def test_the_package_face_is_the_api() -> None:
    assert (argmap.load, argmap.loads, argmap.save, argmap.check) == (
        argmap.api.load, argmap.api.loads, argmap.api.save, argmap.api.check)


def test_load_locates_every_quote_and_keeps_the_path() -> None:
    m = argmap.load(GOOD)
    assert m.path == GOOD
    assert all(c.start is not None for c in m.claims if c.quote is not None)


def test_save_then_load_gives_the_same_map_in_every_native_syntax(tmp_path: Path) -> None:
    m = argmap.load(copy_map(tmp_path))
    for name in ("again.yaml", "again.json"):
        out = tmp_path / "m" / name
        argmap.save(m, out)
        assert argmap.load(out) == m
    argmap.save(m, tmp_path / "m" / "forced.txt", "json")
    assert argmap.load(tmp_path / "m" / "forced.txt", "json") == m


def test_save_never_replaces_one_of_the_maps_inputs(tmp_path: Path) -> None:
    path = copy_map(tmp_path)
    m = argmap.load(path)
    source = m.source_path(m.sources[0])
    before = source.read_bytes()
    with pytest.raises(FileAccessError):
        argmap.save(m, source, "yaml")
    assert source.read_bytes() == before


def test_loads_resolves_sources_next_to_the_path() -> None:
    text = GOOD.read_text(encoding="utf-8")
    assert argmap.loads(text, path=GOOD) == argmap.load(GOOD)
    with pytest.raises(MapFormatError):  # no path: the source is looked for in the current folder
        argmap.loads(text)


def test_loads_refuses_a_format_it_cannot_read() -> None:
    with pytest.raises(UsageError, match="can write graphml but not read it"):
        argmap.loads("<graph/>", "graphml")
    with pytest.raises(UsageError, match="unknown format"):
        argmap.loads("x", "docx")


def test_check_lists_every_problem(tmp_path: Path) -> None:
    assert argmap.check(GOOD) == []
    path = copy_map(tmp_path)
    text = path.read_text(encoding="utf-8")
    text = text.replace("speaker: bob", "speaker: bobby", 1).replace("kind: thesis", "kind: theses", 1)
    path.write_text(text, encoding="utf-8")
    problems = argmap.check(path)
    assert len(problems) >= 2 and all(p.path == str(path) and p.line for p in problems)
    assert any("bobby" in p.message for p in problems) and any("theses" in p.message for p in problems)


def test_check_reports_a_changed_source_that_load_accepts(tmp_path: Path) -> None:
    path = copy_map(tmp_path)
    source = path.parent / "sources" / "debate.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\nA later line.\n", encoding="utf-8")
    argmap.load(path)  # loading tolerates it
    [problem] = argmap.check(path)
    assert isinstance(problem, ProvenanceError) and "sha256" in str(problem).lower()


def test_a_missing_file_is_a_file_access_error(tmp_path: Path) -> None:
    with pytest.raises(FileAccessError):
        argmap.load(tmp_path / "nothing.yaml")
    [problem] = argmap.check(tmp_path / "nothing.yaml")
    assert isinstance(problem, FileAccessError)


def test_the_shipped_map_is_found_and_sound() -> None:
    path = argmap.shipped_map_path()
    assert path.is_file() and path.name == "enhanced-cooperation.yaml"
    assert argmap.check(path) == []
