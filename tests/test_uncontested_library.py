""":func:`argmap.evaluation.uncontested` (what ``argmap uncontested`` prints) gives the lists and the
JSON the command assembled itself before, on every map file of the tests and on generated maps."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.api import load
from argmap.errors import ArgmapError
from argmap.evaluation import survivors, uncontested
from argmap.model import ArgumentMap
from argmap.queries import claim_record, unattacked

from .helpers.budget import examples
from .helpers.maps import ROOT
from .test_compare_fast import MAP_FILES, maps


def _reference(amap: ArgumentMap, semantics: str | None, support: str) -> object:
    """The JSON the command built before (the CLI's own assembly)."""
    plain = unattacked(amap, support)
    if semantics is None:
        return [claim_record(c) for c in plain]
    surviving = survivors(amap, semantics, support)
    return {"semantics": semantics, "support": support,
            "unattacked": [claim_record(c) for c in plain],
            "surviving": [claim_record(c) for c in surviving],
            "attacked_surviving": [claim_record(c) for c in surviving if c.id not in {p.id for p in plain}],
            "falling": [claim_record(c) for c in amap.claims if c.id not in {x.id for x in surviving}]}


def _agree(amap: ArgumentMap, semantics: str | None, support: str) -> None:
    found = uncontested(amap, semantics, support)
    assert found.to_data() == _reference(amap, semantics, support)
    if semantics is None:
        assert (found.surviving, found.attacked_surviving, found.falling) == ([], [], [])


@pytest.mark.parametrize("path", MAP_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_uncontested_agrees_with_the_commands_assembly_on_every_map_file(path):
    try:
        amap = load(path)
    except (ArgmapError, OSError):
        return
    for semantics, support in ((None, "none"), (None, "necessary"), ("GR", "none"), ("GR", "deductive")):
        _agree(amap, semantics, support)


@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(maps(), st.sampled_from([None, "GR", "PR", "ST"]), st.sampled_from(["none", "deductive", "necessary"]))
def test_uncontested_agrees_with_the_commands_assembly_on_generated_maps(amap, semantics, support):
    _agree(amap, semantics, support)


def test_semantics_and_support_are_named_as_the_command_names_them():
    amap = load(ROOT / "maps" / "enhanced-cooperation.yaml")
    data = uncontested(amap, "gr", "NONE").to_data()
    assert isinstance(data, dict) and (data["semantics"], data["support"]) == ("GR", "none")
