"""``argmap.drawing``: the evaluation half of a drawing, handed to render as data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.drawing import diagram_options, page_framework, page_options
from argmap.errors import UsageError
from argmap.evaluation import statuses
from argmap.render import render
from argmap.render.dot import DERIVED_LIMIT

from .helpers.calls import count_calls

DEBATE = Path(__file__).parent / "data" / "render" / "debate.yaml"


def test_statuses_are_the_evaluations() -> None:
    amap = argmap.load(DEBATE)
    options = diagram_options(amap, "PR")
    assert options == {"statuses": statuses(amap, "PR"), "semantics": "PR"}
    dot = render(amap, "dot", **options).decode()
    assert dot.count("status-skeptical") + dot.count("status-rejected") + dot.count("status-credulous") == 9
    assert diagram_options(amap, status="unattacked")["statuses"]["A5"] == "unattacked"
    assert diagram_options(amap) == {}


def test_derived_attacks_come_with_their_chain_and_the_limit() -> None:
    amap = argmap.load(DEBATE)
    options = diagram_options(amap, "GR", "deductive")
    assert options["derived_limit"] == DERIVED_LIMIT
    # B2 attacks A4, which supports nothing; A3 supports A2, which B1 attacks: B1 attacks A3 too.
    assert any(a == "B1" and b == "A3" and "A2" in why for a, b, why in options["derived"])


def test_page_framework_lists_what_each_attack_needs() -> None:
    amap = argmap.load(DEBATE)
    af = page_framework(amap, "deductive")
    assert af["ids"] == [c.id for c in amap.claims]
    pairs = {(af["ids"][a], af["ids"][b]): need for (a, b), need in zip(af["attacks"], af["needs"])}
    assert pairs[("B2", "A4")] == []
    assert set(pairs[("B1", "A3")]) == {"B1", "A2", "A3"}
    assert sorted(page_options(amap, "GR")) == ["framework", "semantics", "statuses", "support"]


def test_unknown_names_are_usage_errors() -> None:
    amap = argmap.load(DEBATE)
    with pytest.raises(UsageError):
        diagram_options(amap, "XX")
    with pytest.raises(UsageError):
        page_framework(amap, "sideways")


# -- work done once: a diagram compiles the map once per call ---------------------------------
@pytest.mark.parametrize("command, args, compiles", [
    ("render", ["-s", "PR", "--support", "necessary"], 1),
    ("render", ["-s", "GR", "--support", "deductive"], 1),
    ("render", ["--support", "deductive"], 1),
    ("render", ["-s", "ST"], 1),
    ("render", ["--status", "unattacked"], 0),
    ("html", ["-s", "PR", "--support", "necessary"], 1),
    ("html", ["--support", "deductive"], 1),
    ("html", [], 1),
])
def test_render_and_html_compile_the_map_once(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               command: str, args: list[str], compiles: int) -> None:
    import argmap.framework

    calls = count_calls(monkeypatch, argmap.framework, "compile_map")
    out = tmp_path / ("out.dot" if command == "render" else "out.html")
    r = cli(command, DEBATE, "-o", out, *args)
    assert r.exit_code == 0, r.stderr
    assert out.stat().st_size > 0
    assert len(calls) == compiles


def test_page_options_hand_one_compiled_framework_to_both_halves(monkeypatch: pytest.MonkeyPatch) -> None:
    import argmap.framework

    amap = argmap.load(DEBATE)
    want = page_options(amap, "PR", "deductive")
    calls = count_calls(monkeypatch, argmap.framework, "compile_map")
    assert page_options(amap, "PR", "deductive") == want
    assert len(calls) == 1
    assert want["statuses"] == statuses(amap, "PR", "deductive")
    assert want["framework"] == page_framework(amap, "deductive")


def test_a_framework_of_another_reading_is_refused() -> None:
    from argmap.framework import compile_map

    amap = argmap.load(DEBATE)
    with pytest.raises(UsageError, match="deductive"):
        diagram_options(amap, "GR", "necessary", compiled=compile_map(amap, "deductive"))
