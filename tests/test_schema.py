"""The JSON Schema (`argmap schema`) agrees with the loader, and `argmap init` starts valid maps."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

import argmap
from argmap.formats import native
from argmap.schema import FIELDS, KIND_MEANINGS, json_schema

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
VALIDATOR = jsonschema.Draft202012Validator(json_schema())

GOOD_MAPS = sorted([ROOT / "maps" / "enhanced-cooperation.yaml", *DATA.glob("good/*.yaml"),
                    *DATA.glob("formats/*.yaml"), *DATA.glob("*/*.yaml")])
GOOD_MAPS = sorted({p for p in GOOD_MAPS if "bad" not in p.parts and "hostile" not in p.parts})


def _data(path: Path):
    text = path.read_text(encoding="utf-8")
    return json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)


def test_the_schema_is_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(json_schema())


@pytest.mark.parametrize("path", GOOD_MAPS, ids=lambda p: p.name)
def test_maps_that_load_are_valid(path):
    argmap.load(path)  # every map gathered here loads; the schema must accept it too
    errors = list(VALIDATOR.iter_errors(_data(path)))
    assert not errors, [e.message for e in errors]


# Bad maps whose fault is one a schema can see (the rest need `check`).
SCHEMA_VISIBLE = ["unknown-claim-key.yaml", "unknown-kind.yaml", "unknown-top-key.yaml", "bad-type.yaml",
                  "claims-not-list.yaml", "no-version.yaml", "not-a-mapping.yaml",
                  ]


@pytest.mark.parametrize("name", SCHEMA_VISIBLE)
def test_schema_visible_faults_are_invalid(name):
    path = DATA / "bad" / name
    with pytest.raises(argmap.ArgmapError):
        argmap.load(path)
    assert list(VALIDATOR.iter_errors(_data(path)))


def test_schema_keys_are_the_loaders_keys():
    # Every key the loader reads is in the schema, and the schema has no key the loader refuses.
    assert set(json_schema()["properties"]) == set(native._TOP)
    assert set(FIELDS) == set(native._FIELDS)
    for section, (required, optional) in native._FIELDS.items():
        assert set(FIELDS[section][0]) == set(required), section
        assert set(FIELDS[section][1]) == set(optional), section
    assert json_schema()["$defs"]["source"]["properties"]["whitespace"]["enum"] == list(native.WHITESPACE)


def test_every_kind_has_a_meaning_in_schema_and_docs():
    docs = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    assert list(KIND_MEANINGS) == list(argmap.model.CLAIM_KINDS)
    for kind in KIND_MEANINGS:
        assert f"| `{kind}` |" in docs
    for section, (required, optional) in FIELDS.items():
        for key in required + optional:
            rows = [line for line in docs.splitlines() if line.startswith("| `")]
            assert any(f"`{key}`" in row.split("|")[1] for row in rows), (section, key)


def test_docs_point_only_inside_the_repository():
    docs = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    assert "../shared" not in docs and "DESIGN.md" not in docs


# -- the commands --------------------------------------------------------------



def test_schema_command_prints_the_schema(cli):
    result = cli("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json_schema()


def test_schema_command_writes_a_file(cli, tmp_path):
    out = tmp_path / "s.json"
    result = cli("schema", "-o", str(out))
    assert result.exit_code == 0 and json.loads(out.read_text(encoding="utf-8")) == json_schema()


@pytest.mark.parametrize("command", ["schema", "init"])
def test_help(cli, command):
    assert cli(command, "--help").exit_code == 0


@pytest.fixture
def texts(tmp_path):
    (tmp_path / "sources").mkdir()
    a = tmp_path / "sources" / "ann.txt"
    b = tmp_path / "sources" / "bob letter.txt"
    a.write_text("Cities should ban cars.\nThe air gets cleaner.\n", encoding="utf-8")
    b.write_text("A ban hurts shops.\n", encoding="utf-8")
    return a, b


def test_init_writes_a_map_that_checks(cli, tmp_path, texts):
    out = tmp_path / "map.yaml"
    result = cli("init", *map(str, texts), "-o", str(out), "--speaker", "ann=Ann Smith", "--speaker", "bob")
    assert result.exit_code == 0, result.output
    assert "2 sources, 2 speakers" in result.stdout
    m = argmap.load(out)
    assert [s.file for s in m.sources] == ["sources/ann.txt", "sources/bob letter.txt"]
    assert all(s.sha256 and len(s.sha256) == 64 for s in m.sources)
    assert [(s.id, s.name) for s in m.speakers] == [("ann", "Ann Smith"), ("bob", "bob")]
    assert not list(VALIDATOR.iter_errors(_data(out)))
    assert cli("check", str(out)).exit_code == 0


def test_init_one_speaker_per_text_and_schema(cli, tmp_path, texts):
    out = tmp_path / "map.yaml"
    assert cli("init", *map(str, texts), "-o", str(out), "--schema").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=argmap.schema.json\n")
    assert json.loads((tmp_path / "argmap.schema.json").read_text(encoding="utf-8")) == json_schema()
    assert [s.id for s in argmap.load(out).speakers] == ["ann", "bob-letter"]


def test_init_refuses_to_overwrite(cli, tmp_path, texts):
    out = tmp_path / "map.yaml"
    out.write_text("precious", encoding="utf-8")
    result = cli("init", str(texts[0]), "-o", str(out))
    assert result.exit_code == 1 and "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "precious"


@pytest.mark.parametrize("case", ["missing", "outside", "twice", "not-utf8"])
def test_init_bad_input(cli, tmp_path, texts, case):
    out = tmp_path / "sub" / "map.yaml"
    out.parent.mkdir()
    args = {"missing": [str(out.parent / "nope.txt")], "outside": [str(texts[0])],
            "twice": [str(out.parent / "x.txt")] * 2, "not-utf8": [str(out.parent / "x.txt")]}[case]
    (out.parent / "x.txt").write_bytes(b"caf\xe9" if case == "not-utf8" else b"ok")
    result = cli("init", *args, "-o", str(out))
    assert result.exit_code == 1 and result.stderr and not out.exists()


@pytest.mark.parametrize("data", [
    {"argmap": 3, "speakers": [], "claims": []},
    {"argmap": 1, "speakers": [], "claims": [{"id": "A", "speaker": "a", "text": "t", "act": "questioning"}]},
    {"argmap": 1, "speakers": [], "claims": [], "arguments": [{"id": "R", "premises": ["A"], "conclusion": "B"}]},
    {"argmap": 2, "speakers": [], "claims": [], "arguments": [{"id": "R", "premises": [], "conclusion": "B"}]},
    {"argmap": 1, "speakers": [], "claims": [], "sources": [{"id": "s", "file": "x", "whitespace": "wide"}]},
])
def test_schema_rejects(data):
    assert list(VALIDATOR.iter_errors(data))
