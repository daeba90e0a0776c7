"""``argmap render``: formats, options, failures, and the diagram shipped in docs/."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.render import engine

from .helpers.cli import invoke
from .helpers.hostile import (
    CASES,
    assert_inert,
    claim_groups,
    parse_svg,
    squashed,
    write_hostile_map,
)

ROOT = Path(__file__).resolve().parent.parent
DOCS_SVG = ROOT / "docs" / "enhanced-cooperation.svg"
#: The command that made docs/enhanced-cooperation.svg (also quoted in docs/diagrams.md).
DOCS_ARGS = ["render", "maps/enhanced-cooperation.yaml", "-o", "docs/enhanced-cooperation.svg"]


@pytest.fixture(scope="module")
def shipped() -> argmap.ArgumentMap:
    return argmap.load(argmap.shipped_map_path())


@pytest.mark.parametrize(("suffix", "magic"), [(".svg", b"<?xml"), (".png", b"\x89PNG"),
                                               (".pdf", b"%PDF"), (".dot", b"digraph argmap {")])
def test_shipped_map_in_every_format(tmp_path: Path, suffix: str, magic: bytes) -> None:
    out = tmp_path / f"map{suffix}"
    result = invoke(["render", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(magic)
    assert str(out) in result.stdout


def test_svg_carries_every_claim_id(tmp_path: Path, shipped: argmap.ArgumentMap) -> None:
    out = tmp_path / "map.svg"
    assert invoke(["render", "-o", str(out)]).exit_code == 0
    assert set(claim_groups(parse_svg(out.read_bytes()))) == {c.id for c in shipped.claims}


def test_format_option_beats_the_suffix(tmp_path: Path) -> None:
    out = tmp_path / "diagram.out"
    assert invoke(["render", "-o", str(out), "--format", "png"]).exit_code == 0
    assert out.read_bytes().startswith(b"\x89PNG")


def test_hostile_map_file_renders_verbatim_and_inert(tmp_path: Path) -> None:
    path = write_hostile_map(tmp_path)
    out = tmp_path / "hostile.svg"
    result = invoke(["render", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    root = parse_svg(out.read_bytes())
    assert set(claim_groups(root)) == {squashed(cid) for cid, _ in CASES}
    assert_inert(root)


@pytest.mark.parametrize(("args", "present", "absent"), [
    ([], ["rankdir=LR", "Essay author"], ["cluster_s0"]),
    (["--group-by", "speaker"], ["cluster_s0"], []),
    (["--status", "unattacked"], ["status-unattacked"], []),
    (["--speaker", "commenter"], ['"claim-C1"', '"claim-E1"'], ['"claim-E15"']),
    (["--focus", "E4", "--depth", "1"], ['"claim-E4"', '"claim-E41"'], ['"claim-E9"']),
    (["--rankdir", "TB"], ["rankdir=TB"], []),
    (["--no-legend"], [], ["Legend"]),
    (["--semantics", "GR"], ["status-in", "status-out", "statuses under GR"], []),
    (["--semantics", "PR"], ["accepted by all"], ["skeptical)"]),
])
def test_options_reach_the_diagram(tmp_path: Path, args: list[str],
                                   present: list[str], absent: list[str]) -> None:
    out = tmp_path / "map.dot"
    result = invoke(["render", "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    for needle in present:
        assert needle in text
    for needle in absent:
        assert needle not in text


@pytest.mark.parametrize(("args", "said"), [
    ([], "(svg; 97 claims, 138 relations, 13 arguments)"),
    (["--focus", "E1", "--depth", "0"], "(svg; 1 of 97 claims, 0 of 138 relations; a part of the map: "
                                        "the neighbourhood of E1 (depth 0))"),
    (["--speaker", "commenter"], "of 97 claims"),
])
def test_render_reports_what_it_drew(tmp_path: Path, args: list[str], said: str) -> None:
    out = tmp_path / "map.svg"
    result = invoke(["render", "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    assert said in result.stdout
    drawn = claim_groups(parse_svg(out.read_bytes()))
    assert f"{len(drawn)} of 97 claims" in result.stdout or len(drawn) == 97


def test_deductive_support_draws_or_counts_the_derived_attacks(tmp_path: Path) -> None:
    out = tmp_path / "map.dot"
    result = invoke(["render", "-o", str(out), "-s", "GR", "--support", "deductive"])
    assert result.exit_code == 0, result.output
    assert "derived attacks not drawn (more than 40)" in out.read_text(encoding="utf-8")
    result = invoke(["render", "-o", str(out), "-s", "GR", "--support", "deductive",
                                 "--focus", "E4", "--depth", "1"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert 'class="argedge derived"' in text and "not drawn (more than" not in text


@pytest.mark.parametrize(("args", "message"), [
    (["-o", "{tmp}/map.txt"], "suffix"),
    (["-o", "{tmp}/map.svg", "--focus", "E999"], "did you mean"),
    (["-o", "{tmp}/map.svg", "--speaker", "nobody"], "no speaker"),
    (["-o", "{tmp}/missing/map.svg"], "does not exist"),
])
def test_failures_exit_1_with_stderr_only(tmp_path: Path, args: list[str],
                                          message: str) -> None:
    result = invoke(["render", *(a.format(tmp=tmp_path) for a in args)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert message in result.stderr
    assert not list(tmp_path.glob("map*"))


def test_bad_choices_are_usage_errors(tmp_path: Path) -> None:
    result = invoke(["render", "-o", str(tmp_path / "m.svg"), "--rankdir", "BT"])
    assert result.exit_code == 2 and result.stdout == ""


def test_no_engine_leaves_the_old_file_untouched(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARGMAP_DOT", raising=False)
    monkeypatch.setattr(engine, "_pygraphviz_problem", lambda: "not importable: test")
    monkeypatch.setattr(engine, "_which_dot", lambda: None)
    out = tmp_path / "map.svg"
    out.write_bytes(b"old")
    result = invoke(["render", "-o", str(out)])
    assert result.exit_code == 1 and result.stdout == ""
    assert "no Graphviz layout engine" in result.stderr and "--format dot" in result.stderr
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.svg"]
    # DOT output needs no engine.
    assert invoke(["render", "-o", str(tmp_path / "map.dot")]).exit_code == 0


def test_graphviz_failure_carries_its_message(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(dot_text: str, fmt: str) -> bytes:
        return engine._run_pygraphviz('digraph { a [label="x\\"] }', fmt)

    monkeypatch.setattr(engine, "find_engine", lambda: engine.Engine("pygraphviz", broken))
    result = invoke(["render", "-o", str(tmp_path / "map.svg")])
    assert result.exit_code == 1 and result.stdout == ""
    assert "syntax error" in result.stderr
    assert not list(tmp_path.iterdir())


def _skeleton(svg: bytes) -> list[tuple[str, ...]]:
    """What a diagram says, without where Graphviz put it: ids, classes, texts, tooltips."""
    root = parse_svg(svg)
    rows = []
    for el in root.iter():
        tag = el.tag.split("}")[-1]
        if tag in {"g", "a", "text", "title"}:
            rows.append((tag, el.get("id", ""), el.get("class", ""), (el.text or "").strip(),
                         el.get("{http://www.w3.org/1999/xlink}title", ""),
                         el.get("fill", ""), el.get("stroke", "")))
    return rows


def test_docs_svg_is_up_to_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    fresh = tmp_path / "fresh.svg"
    args = [a if a != "docs/enhanced-cooperation.svg" else str(fresh) for a in DOCS_ARGS]
    assert invoke(args).exit_code == 0
    stale = "docs/enhanced-cooperation.svg is stale: run `argmap " + " ".join(DOCS_ARGS) + "`"
    assert _skeleton(DOCS_SVG.read_bytes()) == _skeleton(fresh.read_bytes()), stale
