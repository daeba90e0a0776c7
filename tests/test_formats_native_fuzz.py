"""Any text fed to the native loader either loads or fails with a located ArgmapError."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.formats import native

from .helpers.budget import examples

GOOD = """argmap: 1
title: t
speakers: [{id: a, name: A}, {id: b}]
claims:
  - {id: X, speaker: a, kind: thesis, text: x}
  - {id: Y, speaker: b, text: y}
relations:
  - {from: Y, to: X, type: attack, note: n}
"""


def _loads_or_clean_error(text: str, syntax: str) -> None:
    try:
        native.loads(text, syntax=syntax)
    except argmap.ArgmapError as exc:
        assert exc.path == "<string>"
        assert exc.message


@settings(max_examples=examples(300))
@given(st.text(max_size=300))
def test_random_text(text):
    _loads_or_clean_error(text, "yaml")
    _loads_or_clean_error(text, "json")


@settings(max_examples=examples(300))
@given(st.integers(0, len(GOOD) - 1), st.integers(1, 12), st.text(max_size=12))
def test_mutated_good_map(pos, cut, insert):
    mutated = GOOD[:pos] + insert + GOOD[pos + cut:]
    _loads_or_clean_error(mutated, "yaml")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20)


@settings(max_examples=examples(300))
@given(st.dictionaries(st.sampled_from(["argmap", "title", "speakers", "claims", "relations", "sources", "x"]),
                       json_values, max_size=6))
def test_wrong_shapes(data):
    _loads_or_clean_error(json.dumps(data), "json")
    _loads_or_clean_error(json.dumps(data), "yaml")


def test_good_map_loads():
    m = native.loads(GOOD)
    assert [c.id for c in m.claims] == ["X", "Y"]
    assert m.speakers[1].name == "b"
