"""The engine layer with real Graphviz: hostile maps render verbatim and inert."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from argmap.errors import EngineNotFoundError, RenderError
from argmap.render import engine, render
from argmap.render.dot import to_dot
from argmap.render.escape import wrap

from .helpers.hostile import (
    CASES,
    assert_inert,
    claim_groups,
    hostile_map,
    parse_svg,
    squashed,
    text_lines,
    tooltip,
)

BAD_DOT = 'digraph { a [label="ends with \\"] }'


@pytest.fixture(scope="module")
def hostile_svg() -> bytes:
    return render(hostile_map(), "svg")


def test_an_engine_is_available_after_pip_install() -> None:
    assert engine.find_engine().name in {"pygraphviz"} | {os.environ.get("ARGMAP_DOT", "")}


@pytest.mark.parametrize(("fmt", "magic"), [("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF")])
def test_formats(fmt: str, magic: bytes) -> None:
    assert engine.render_bytes("digraph { a -> b }", fmt).startswith(magic)


def test_unknown_format_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        engine.render_bytes("digraph { a }", "gif")


def test_every_hostile_claim_is_in_the_svg_with_its_label_verbatim(hostile_svg: bytes) -> None:
    groups = claim_groups(parse_svg(hostile_svg))
    assert set(groups) == {squashed(cid) for cid, _ in CASES}
    for cid, text in CASES:
        g = groups[squashed(cid)]
        lines = text_lines(g)
        assert lines[0].startswith((f"{squashed(cid)} · claim · ", f"{squashed(cid)} · thesis · "))
        assert lines[0].endswith(('Ann "node" <b>', "Bob \\N & co"))  # the speaker, verbatim
        assert lines[1:] == wrap(text, 30, 6)
        assert " ".join(lines[1:]) == squashed(text)
        assert tooltip(g) == squashed(text)


def test_hostile_titles_speakers_and_notes_are_verbatim(hostile_svg: bytes) -> None:
    root = parse_svg(hostile_svg)
    shown = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert 'Hostile <map> & "title" \\' in shown
    assert 'Ann "node" <b>' in shown and "Bob \\N & co" in shown
    titles = [a.get("{http://www.w3.org/1999/xlink}title") for a in root.iter("{http://www.w3.org/2000/svg}a")]
    assert 'edge attacks node: note with "quotes" <x> \\' in titles
    assert "Node supports edge: <script>alert(2)</script>" in titles


def test_hostile_svg_is_inert(hostile_svg: bytes) -> None:
    assert_inert(parse_svg(hostile_svg))
    assert b"<script" not in hostile_svg and b"<img" not in hostile_svg


@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_hostile_map_renders_to_other_formats(fmt: str) -> None:
    assert len(render(hostile_map(), fmt)) > 1000


def test_graphviz_message_is_kept_and_stdout_stays_clean(capfd: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(RenderError) as info:
        engine.render_bytes(BAD_DOT, "svg")
    assert "syntax error" in str(info.value)
    out, err = capfd.readouterr()
    assert out == "" and "syntax error" not in err
    # Graphviz state is not poisoned by the failure, and fd 2 works again.
    assert engine.render_bytes("digraph { a }", "svg").startswith(b"<?xml")
    os.write(2, b"fd2 ok\n")
    assert "fd2 ok" in capfd.readouterr().err


def _fake_dot(folder: Path, body: str) -> Path:
    script = folder / "dot"
    script.write_text(f"#!{sys.executable}\nimport sys\n{body}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def test_argmap_dot_runs_a_subprocess_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A `dot` that is really pygraphviz behind a command line, to exercise the subprocess path.
    exe = _fake_dot(tmp_path, "\n".join([
        "import pygraphviz",
        "fmt = sys.argv[1][2:]",
        "try:",
        "    sys.stdout.buffer.write(pygraphviz.AGraph(string=sys.stdin.read()).draw(format=fmt, prog='dot'))",
        "except Exception:",
        "    sys.stderr.write('Error: <stdin>: syntax error in line 1\\n'); sys.exit(1)",
    ]))
    monkeypatch.setenv("ARGMAP_DOT", str(exe))
    found = engine.find_engine()
    assert found.name == str(exe)
    svg = engine.render_bytes(to_dot(hostile_map()).to_string(), "svg")
    assert len(claim_groups(parse_svg(svg))) == len(CASES)
    with pytest.raises(RenderError, match="syntax error in line 1"):
        engine.render_bytes(BAD_DOT, "svg")


def test_argmap_dot_that_is_not_executable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGMAP_DOT", "/nonexistent/dot")
    with pytest.raises(EngineNotFoundError, match="ARGMAP_DOT"):
        engine.find_engine()


def test_no_engine_says_how_to_fix_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ARGMAP_DOT", raising=False)
    monkeypatch.setattr(engine, "_pygraphviz_problem", lambda: "not importable: test")
    monkeypatch.setattr(engine, "_which_dot", lambda: None)
    with pytest.raises(EngineNotFoundError) as info:
        engine.render_bytes("digraph { a }", "svg")
    message = str(info.value)
    assert "pygraphviz" in message and "dot" in message and "`fmt` dot" in message and "--format" not in message


def test_dot_on_path_is_used_when_pygraphviz_is_missing(monkeypatch: pytest.MonkeyPatch,
                                                        tmp_path: Path) -> None:
    _fake_dot(tmp_path, "sys.stdout.write('<svg/>')")
    monkeypatch.delenv("ARGMAP_DOT", raising=False)
    monkeypatch.setattr(engine, "_pygraphviz_problem", lambda: "not importable: test")
    monkeypatch.setenv("PATH", str(tmp_path))
    assert engine.find_engine().name == str(tmp_path / "dot")
    assert engine.render_bytes("digraph { a }", "svg") == b"<svg/>"
