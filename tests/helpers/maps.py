"""Shared helpers for the interchange-format tests."""

from __future__ import annotations

from pathlib import Path

from argmap.model import ArgumentMap

DATA = Path(__file__).resolve().parent.parent / "data" / "formats"
ROOT = Path(__file__).resolve().parent.parent.parent
SHIPPED = ROOT / "maps" / "enhanced-cooperation.yaml"
#: The first shipped version of the map (format 1, 87 claims): a real map for exact round
#: trips through formats that hold no arguments or lint silences (GraphML, node-link).
FIRST_VERSION = DATA / "enhanced-cooperation-v1" / "enhanced-cooperation.yaml"

__all__ = ["DATA", "ROOT", "SHIPPED", "FIRST_VERSION", "assert_same_map"]


def assert_same_map(a: ArgumentMap, b: ArgumentMap) -> None:
    """The two maps hold the same title, speakers, sources, claims and relations (any order)."""
    assert a.title == b.title
    assert list(a.speakers) == list(b.speakers)
    assert set(a.sources) == set(b.sources)
    assert {c.id: c for c in a.claims} == {c.id: c for c in b.claims}
    assert set(a.relations) == set(b.relations)
