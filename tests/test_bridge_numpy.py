"""A large map is labelled with numpy when numpy is imported already (:data:`argmap.evaluation._bridge.NUMPY_FROM`):
the labels, statuses and survivors are those of the list labelling, on every map file and generated maps."""

from __future__ import annotations

import numpy  # noqa: F401  (the array path runs only when numpy is imported)
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.api import load
from argmap.errors import ArgmapError
from argmap.evaluation import _bridge, statuses, uncontested
from argmap.framework import compile_map
from argmap.model import ArgumentMap

from .helpers.budget import examples
from .helpers.maps import ROOT
from .test_compare_fast import MAP_FILES, maps


def _both(amap: ArgumentMap, support: str, monkeypatch: pytest.MonkeyPatch) -> None:
    compiled = compile_map(amap, support)
    with monkeypatch.context() as m:
        m.setattr(_bridge, "NUMPY_FROM", 10**9)
        lists = _bridge.labelled(compiled)
        want = [statuses(amap, s, support) for s in ("GR", "PR", "ST")], uncontested(amap, "GR", support).to_data()
    with monkeypatch.context() as m:
        m.setattr(_bridge, "NUMPY_FROM", 0)
        arrays = _bridge.labelled(compiled)
        assert arrays.af is not None and all(type(x) is int for x in arrays.label)
        got = [statuses(amap, s, support) for s in ("GR", "PR", "ST")], uncontested(amap, "GR", support).to_data()
    assert arrays.label == lists.label
    assert got == want


@pytest.mark.parametrize("path", MAP_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_array_labelling_is_the_lists_on_every_map_file(path, monkeypatch):
    try:
        amap = load(path)
    except (ArgmapError, OSError):
        return
    for support in ("none", "necessary"):
        _both(amap, support, monkeypatch)


@settings(max_examples=examples(150), deadline=None,
          suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture])
@given(amap=maps(), support=st.sampled_from(["none", "deductive", "necessary"]))
def test_the_array_labelling_is_the_lists_on_generated_maps(amap, support, monkeypatch):
    _both(amap, support, monkeypatch)
