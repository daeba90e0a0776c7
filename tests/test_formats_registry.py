"""The one format registry: names, suffixes, verbs, and clean refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap import formats
from argmap.errors import ArgmapError, FileAccessError, MapFormatError, UsageError

DATA = Path(__file__).parent / "data"


def test_every_format_module_has_the_verbs_its_entry_promises():
    for fmt in formats.FORMATS.values():
        module = fmt.load_module()
        for verb in ("loads", "dumps", "losses", "loads_af", "dumps_af"):
            assert fmt.has(verb) == callable(getattr(module, verb, None)), (fmt.name, verb)
        assert not hasattr(module, "read") and not hasattr(module, "write"), fmt.name


@pytest.mark.parametrize("name", ["graphml", "nodelink"])
def test_reading_a_write_only_format_is_a_usage_error(name):
    with pytest.raises(UsageError, match=f"can write {name} but not read it") as err:
        argmap.loads("<graph/>", name)
    assert isinstance(err.value, ValueError) and "readable formats" in err.value.hint


def test_framework_verbs_only_for_framework_formats():
    with pytest.raises(UsageError, match="not an abstract-framework format"):
        formats.loads_af("a", "yaml")
    assert formats.names("loads_af") == ["iccma", "apx", "tgf"]
    assert formats.is_framework("x.I23") and not formats.is_framework("x.yaml")
    assert not formats.is_framework("x.unknown")


def test_names_and_suffixes():
    with pytest.raises(UsageError, match="did you mean 'yaml'"):
        formats.by_name("yml2")
    assert formats.for_path("a.aif.json").name == "aif"  # the longest suffix wins
    with pytest.raises(UsageError, match="cannot tell the format"):
        formats.for_path("a.txt")


def test_file_errors_are_located(tmp_path):
    with pytest.raises(FileAccessError, match="no such file"):
        argmap.load(tmp_path / "none.yaml")
    with pytest.raises(FileAccessError, match="is a folder"):
        argmap.load(tmp_path, "yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"argmap: 1\ntitle: caf\xe9\n")
    with pytest.raises(MapFormatError, match="not valid UTF-8") as err:
        argmap.load(bad)
    assert (err.value.line, err.value.column) == (2, 11)


def test_check_reads_once_and_returns_the_map():
    checked = formats.check(DATA / "good" / "debate.yaml")
    assert checked.ok and checked.map is not None and checked.map.claims
    broken = formats.check(DATA / "bad" / "unknown-claim.yaml")
    assert broken.map is None and all(isinstance(p, ArgmapError) and p.line for p in broken.problems)
    assert formats.check(DATA / "nothing.yaml").problems[0].message == "no such file"


def test_errors_lists_every_problem():
    with pytest.raises(MapFormatError) as err:
        argmap.load(DATA / "bad" / "unknown-claim.yaml")
    assert err.value.errors and err.value.errors[0].message == err.value.message
    single = ArgmapError("x")
    assert single.errors == [single]


def test_convert_returns_text_and_losses_without_writing():
    amap = argmap.load(DATA / "formats" / "toy.yaml")
    done = formats.convert(amap, "graphml")
    assert done.output is None and done.copied == []
    assert done.text == formats.dumps(amap, "graphml")
    assert done.losses == formats.losses(amap, "graphml") and done.losses


def test_convert_strict_refuses_and_writes_nothing(tmp_path):
    amap = argmap.load(DATA / "formats" / "toy.yaml")
    out = tmp_path / "m.graphml"
    out.write_text("keep me")
    with pytest.raises(argmap.ConversionError) as info:
        formats.convert(amap, output=out, strict=True)
    assert info.value.losses == formats.losses(amap, "graphml")
    assert "`strict`" in info.value.hint and "--" not in str(info.value)
    assert out.read_text() == "keep me"


def test_convert_writes_by_suffix_and_carries_the_sources(tmp_path):
    amap = argmap.load(DATA / "formats" / "toy.yaml")
    out = tmp_path / "elsewhere" / "m.argdown"
    out.parent.mkdir()
    done = formats.convert(amap, output=out)
    assert done.target.name == "argdown" and done.output == out
    assert [p.relative_to(out.parent).as_posix() for p in done.copied] == ["sources/toy.txt"]
    assert argmap.load(out).claims  # the export loads where it was written


def test_convert_needs_a_target_and_never_overwrites_its_input():
    amap = argmap.load(DATA / "formats" / "toy.yaml")
    with pytest.raises(UsageError, match="`to`"):
        formats.convert(amap)
    with pytest.raises(UsageError, match="unknown format"):
        formats.convert(amap, "docx")
    with pytest.raises(FileAccessError):
        formats.convert(amap, "yaml", output=amap.path)
