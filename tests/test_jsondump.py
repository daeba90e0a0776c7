"""The fast indented JSON writer gives the very text of ``json.dumps(indent=…, ensure_ascii=False)``.

:func:`argmap._jsondump.dumps` writes lists of records and dicts of records with one
encoder call and puts the indentation in afterwards (its docstring says why that is
safe); these tests compare it with :func:`json.dumps` on generated data, with strings
made of the characters its rewriting looks at (line breaks, braces, commas, quotes).
"""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._jsondump import Records, body, dumps
from argmap.api import load
from argmap.formats import aif, native
from argmap.formats._tree import dump_json
from argmap.model import ArgumentMap

from .helpers.budget import examples

TRICKY = st.text(st.sampled_from(list('ab,{}[]":\n\r\t\\ é\x00\x7f\u2028𝄞')), max_size=12)
SCALARS = (st.none() | st.booleans() | st.integers(-10**20, 10**20) | st.floats(allow_nan=True)
           | TRICKY)
KEYS = TRICKY | st.integers(-5, 5) | st.booleans() | st.none() | st.floats(allow_nan=False, width=16)
RECORD = st.dictionaries(KEYS, SCALARS, min_size=1, max_size=5)
JSONISH = st.recursive(
    SCALARS | RECORD,
    lambda inner: (st.lists(inner, max_size=5) | st.lists(RECORD, min_size=1, max_size=6)
                   | st.dictionaries(KEYS, inner, max_size=5) | st.dictionaries(TRICKY, RECORD, max_size=6)
                   | st.lists(inner, max_size=3).map(tuple)),
    max_leaves=40)


def _same(data, indent=2):
    assert dumps(data, indent) == json.dumps(data, indent=indent, ensure_ascii=False)


@settings(max_examples=examples(300))
@given(JSONISH, st.sampled_from([1, 2, 4]))
def test_the_same_text_as_json_dumps(data, indent):
    _same(data, indent)


@settings(max_examples=examples(100))
@given(st.lists(RECORD, min_size=1, max_size=30), st.lists(st.dictionaries(TRICKY, RECORD, max_size=8)))
def test_lists_and_dicts_of_records(records, by_id):
    _same({"nodes": records, "ext": by_id, "empty": [], "none": {}})
    _same(records)


@pytest.mark.parametrize("data", [
    {}, [], (), "x", 1, None, math.nan, [{}], [{"a": {}}], [{"a": []}, {"b": 1}], [[1, 2], [3]],
    {"a": [{"k": "},\n{"}, {"k": "\n"}]}, {1: {"a": 1}, None: {"b": 2}, 1.5: {"c": 3}},
    [{"a": 1}, [1]], {"a": ({"b": 1}, {"c": (1, 2)})}, [{"a": 1}, {"a": 2}] * 3,
])
def test_edge_cases(data):
    _same(data)
    _same(data, 4)


@pytest.mark.parametrize("data", [{"a": object()}, [{"a": 1}, {"a": {1, 2}}], {(1, 2): 3}, [{(1,): 1}]])
def test_what_json_refuses_it_refuses(data):
    with pytest.raises(TypeError):
        json.dumps(data, indent=2, ensure_ascii=False)
    with pytest.raises(TypeError):
        dumps(data)


@settings(max_examples=examples(50))
@given(JSONISH)
def test_dump_json_ends_with_a_line_break(data):
    assert dump_json(data) == json.dumps(data, indent=2, ensure_ascii=False) + "\n"


@settings(max_examples=examples(100))
@given(st.lists(RECORD, max_size=8), st.dictionaries(TRICKY, RECORD, max_size=8), st.sampled_from([1, 2, 3]))
def test_records_given_as_bodies(records, by_id, indent):
    """:class:`Records` of :func:`body` texts write as the records themselves would."""
    plain = {"list": records, "dict": by_id, "nested": [{"x": records}]}
    encoded = {"list": Records([body(r) for r in records]),
               "dict": Records([body(r) for r in by_id.values()], list(by_id)),
               "nested": [{"x": Records([body(r) for r in records])}]}
    assert dumps(encoded, indent) == json.dumps(plain, indent=indent, ensure_ascii=False)


# -- the writers that format records themselves ------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
MAPS = [ROOT / "maps" / "enhanced-cooperation.yaml", ROOT / "tests" / "data" / "good" / "structured.yaml",
        ROOT / "tests" / "data" / "good" / "debate.yaml", ROOT / "tests" / "data" / "formats" / "toy.yaml"]


def _variants(amap):
    """*amap*, and the same without tags and silences (the writers' template path), with notes and speakers."""
    plain = [dataclasses.replace(c, tags=(), silence=()) for c in amap.claims]
    noted = [dataclasses.replace(r, note=r.note or "a note\n\"quoted\"", speaker=r.speaker or amap.claims[0].speaker)
             for r in amap.relations]
    yield amap
    yield ArgumentMap(title=amap.title, sources=amap.sources, speakers=amap.speakers, claims=plain,
                      relations=noted, arguments=amap.arguments, path=amap.path)


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_native_json_is_json_dumps_of_to_data(path):
    for amap in _variants(load(path)):
        assert native.dumps(amap, syntax="json") == json.dumps(
            native.to_data(amap, offsets=True), indent=2, ensure_ascii=False) + "\n"
        assert native.dumps(amap, syntax="json", offsets=False) == json.dumps(
            native.to_data(amap), indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_aif_text_is_json_dumps_of_its_document(path):
    for amap in _variants(load(path)):
        text = aif.dumps(amap)
        assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"
        assert aif.loads(text, path=path) == amap


def test_laid_records_are_placed_as_they_are():
    from argmap._jsondump import Laid

    records = [{"id": "a", "n": 1}, {"id": "b"}]
    pieces = [",\n    {\n      \"id\": \"a\",\n      \"n\": 1\n    }", ",\n    {\n      \"id\": \"b\"\n    }"]
    assert dumps({"r": Laid(pieces, "\n  "), "x": 1}) == json.dumps({"r": records, "x": 1}, indent=2)
    keyed = [',\n    "k": {\n      "id": "a"\n    }']
    assert dumps({"r": Laid(keyed, "\n  ", mapping=True)}) == json.dumps({"r": {"k": {"id": "a"}}}, indent=2)
    assert dumps({"r": Laid([], "\n  "), "d": Laid([], "\n  ", mapping=True)}) == json.dumps({"r": [], "d": {}},
                                                                                          indent=2)
    with pytest.raises(ValueError, match="another place"):
        dumps({"a": {"r": Laid(pieces, "\n  ")}})  # laid out for a value of the top-level dict, not one level down
