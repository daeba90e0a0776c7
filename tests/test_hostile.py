"""Hostile input: each class of attack of issue 13, and the corpus in tests/data/hostile/.

The corpus table ``tests/data/hostile/EXPECTED.tsv`` gives, for every file, the
command run on it, the exit status expected and a fragment of the expected output.
Every run must end with that status and no exception other than a clean exit, and
must print no raw terminal control character.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import stat
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.errors import ArgmapError, MapFormatError, QueryError
from argmap.formats import _tree, iccma, native
from argmap.model import ArgumentMap, Claim, Relation, Speaker

HOSTILE = Path(__file__).parent / "data" / "hostile"
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _corpus() -> list[tuple[str, str, int, str]]:
    rows = []
    for line in (HOSTILE / "EXPECTED.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, command, code, fragment, _what = line.split("\t")
        rows.append((name, command, int(code), fragment))
    return rows


@pytest.fixture
def cli(monkeypatch):
    monkeypatch.delenv("ARGMAP_MAP", raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, list(args))

    return invoke


@pytest.mark.parametrize(("name", "command", "code", "fragment"), _corpus(),
                         ids=lambda v: str(v)[:40])
def test_corpus_file_behaves_as_the_table_says(cli, name, command, code, fragment):
    args = [a.replace("{f}", str(HOSTILE / name)) for a in shlex.split(command)]
    result = cli(*args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == code, result.output
    out = result.stdout + result.stderr
    assert fragment in out, out[-500:]
    assert "Traceback" not in out
    assert not RAW_CONTROL.search(out), "raw control character printed"
    if code == 1:  # every error line is located at the file
        lines = [x for x in result.stderr.splitlines() if x.strip()]
        assert lines and lines[0].startswith(str(HOSTILE / name))


# -- bombs: a budget on the work, not on nodes already built -----------------------------

def _bomb(levels: int, width: int = 9) -> str:
    lines = ["argmap: 1", "l0: &l0 [" + ",".join(['"lol"'] * width) + "]"]
    lines += [f"l{k}: &l{k} [" + ",".join([f"*l{k - 1}"] * width) + "]" for k in range(1, levels)]
    return "\n".join(lines) + "\nspeakers: [{id: s}]\nclaims: []\n"


@pytest.mark.parametrize("levels", [6, 9, 30])
def test_alias_bombs_are_refused_at_the_alias_that_crosses_the_budget(levels):
    text = _bomb(levels)
    with pytest.raises(MapFormatError, match="expands through aliases") as info:
        _tree.parse_yaml(text, "bomb.yaml")
    assert info.value.line is not None and info.value.line <= levels + 1


def test_the_budget_grows_with_the_file_and_ordinary_aliases_pass():
    text = "argmap: 1\nwho: &who ann\nlist: [" + ", ".join(["*who"] * 5000) + "]\n"
    root = _tree.parse_yaml(text, "ok.yaml")
    assert len(root.get("list").items) == 5000
    assert _tree.expansion_limit(text) == 4 * len(text) + 100_000


def test_an_alias_shares_its_anchor_node_instead_of_copying_it():
    root = _tree.parse_yaml("a: &x [1, {b: c}]\nd: *x\n", "m.yaml")
    assert root.get("a") is root.get("d")
    assert _tree.to_python(root) == {"a": [1, {"b": "c"}], "d": [1, {"b": "c"}]}


def test_long_scalars_count_by_their_length():
    text = "a: &t " + "x" * 30_000 + "\nb: [" + ", ".join(["*t"] * 20) + "]\n"
    with pytest.raises(MapFormatError, match="expands through aliases"):
        _tree.parse_yaml(text, "m.yaml")


@pytest.mark.parametrize("text", ["a: &a [*a]\n", "a: &a {b: *a}\n"])
def test_recursive_aliases_are_refused(text):
    with pytest.raises(MapFormatError, match="recursive alias"):
        _tree.parse_yaml(text, "m.yaml")


def test_undefined_alias_and_several_documents_are_located():
    with pytest.raises(MapFormatError) as info:
        _tree.parse_yaml("a: 1\n---\nb: 2\n", "m.yaml")
    assert "several YAML documents" in info.value.message and info.value.line == 2
    with pytest.raises(MapFormatError):
        _tree.parse_yaml("a: *nope\n", "m.yaml")


@pytest.mark.parametrize("depth", [65, 1000, 100_000])
def test_deep_nesting_is_refused_without_recursion(depth):
    for text, parse in (("[" * depth + "]" * depth, _tree.parse_json),
                        ("x: " + "[" * depth + "]" * depth, _tree.parse_yaml)):
        with pytest.raises(MapFormatError):
            parse(text, "m")


# -- tracebacks: numbers, surrogates, headers --------------------------------------------

def test_json_numbers_have_a_length_limit():
    assert _tree.parse_json("[" + "9" * 1000 + "]", "m.json").items[0].value == int("9" * 1000)
    with pytest.raises(MapFormatError, match="a number of 1001 characters"):
        _tree.parse_json("[" + "9" * 1001 + "]", "m.json")


def test_lone_surrogates_are_refused_but_pairs_are_characters():
    assert _tree.parse_json('["\\ud83d\\ude00"]', "m.json").items[0].value == "\U0001f600"
    for text in ('["\\ud800"]', '["\\udc00x"]', '["a\\ud83d"]'):
        with pytest.raises(MapFormatError, match="lone surrogate") as info:
            _tree.parse_json(text, "m.json")
        assert (info.value.line, info.value.column) == (1, 2)


def test_yaml_integers_beyond_python_s_digit_limit_stay_text():
    root = _tree.parse_yaml("n: " + "7" * 5000 + "\n", "m.yaml")
    assert root.get("n").value == "7" * 5000


@pytest.mark.parametrize(("text", "fragment"), [
    ("p af 3\n1 " + "9" * 5000 + "\n", "does not exist"),
    ("p af " + "9" * 5000 + "\n", "the header declares"),
    ("p af 1000000000000\n1 2\n", "the header declares 1000000000000"),
    ("p af 2147483648\n", "the header declares 2147483648"),
    ("p af 3\n# argmap ids: argument number, then claim id\n# " + "9" * 30 + " A\n", "names argument"),
])
def test_iccma_numbers_and_headers_are_bounded(text, fragment):
    with pytest.raises(ArgmapError, match=fragment):
        iccma.loads_af(text, path="x.af")
    with pytest.raises(ArgmapError, match=fragment):
        iccma.loads(text, path="x.af")


def test_iccma_header_allowance_follows_the_file_length():
    n = iccma.MAX_ARGUMENTS
    assert iccma.loads_af(f"p af {n}\n").n == n
    with pytest.raises(ArgmapError, match="MAX_ARGUMENTS"):
        iccma.loads_af(f"p af {n + 100}\n")
    assert iccma.loads(f"p af {iccma.MAX_MAP_ARGUMENTS // 100}\n").claims[-1].id == str(iccma.MAX_MAP_ARGUMENTS // 100)
    with pytest.raises(ArgmapError, match="MAX_MAP_ARGUMENTS"):
        iccma.loads(f"p af {iccma.MAX_MAP_ARGUMENTS + 100}\n")


def _source_map(folder: Path, file: str) -> Path:
    path = folder / "m.json"
    path.write_text(json.dumps({"argmap": 1, "sources": [{"id": "s", "file": file}],
                                "speakers": [{"id": "s"}],
                                "claims": [{"id": "A", "speaker": "s", "text": "a", "quote": "a"}]}))
    return path


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file types")
@pytest.mark.parametrize(("make", "fragment"), [
    (lambda p: os.symlink(p.name, p), "symbolic link loop"),
    (lambda p: os.mkfifo(p), "not a regular file"),
])
def test_sources_that_are_loops_or_pipes_are_refused_without_blocking(tmp_path, make, fragment):
    make(tmp_path / "text.txt")
    problems = argmap.check(_source_map(tmp_path, "text.txt"))
    assert problems and fragment in problems[0].message and problems[0].line is not None


def test_control_characters_in_source_paths_are_refused(tmp_path):
    for name in ("a\x00b.txt", "a\nb.txt"):
        problems = argmap.check(_source_map(tmp_path, name))
        assert problems and "control character" in problems[0].message


# -- why and chain: bounded, iterative ---------------------------------------------------

def _chain_map(n: int, attack: bool = False) -> ArgumentMap:
    claims = [Claim(f"C{i}", "s", f"c{i}") for i in range(n)]
    relations = [Relation(f"C{i + 1}", f"C{i}", "support") for i in range(n - 1)]
    if attack:
        claims.append(Claim("X", "s", "x"))
        relations.append(Relation("X", "C0", "attack"))
    return ArgumentMap(speakers=[Speaker("s", "S")], claims=claims, relations=relations)


def _ladder(levels: int, width: int) -> ArgumentMap:
    claims = [Claim("T", "s", "t", "thesis")]
    relations = []
    prev = ["T"]
    for k in range(levels):
        layer = [f"L{k}_{j}" for j in range(width)]
        claims += [Claim(c, "s", c) for c in layer]
        relations += [Relation(c, p, "support") for c in layer for p in prev]
        prev = layer
    return ArgumentMap(speakers=[Speaker("s", "S")], claims=claims, relations=relations)


def test_why_on_a_long_chain_neither_recurses_nor_overflows_json():
    from argmap.queries import MAX_TREE_DEPTH, reasons

    tree = reasons(_chain_map(3000), "C0", max_depth=None)
    depths = [d for d, _ in tree.walk()]
    assert max(depths) == MAX_TREE_DEPTH
    json.dumps(tree.to_dict())
    with pytest.raises(QueryError):
        reasons(_chain_map(3), "C0", max_depth=MAX_TREE_DEPTH + 1)


def test_why_is_bounded_by_nodes_and_cut_breadth_first():
    from argmap.queries import reasons

    tree = reasons(_ladder(32, 2), "T", max_depth=200, max_nodes=1000)
    nodes = list(tree.walk())
    assert len(nodes) <= 1000
    # breadth-first: every level above the cut is complete
    by_depth: dict[int, int] = {}
    for d, _ in nodes:
        by_depth[d] = by_depth.get(d, 0) + 1
    assert all(by_depth[d] == 2 ** d for d in range(1, 8))
    assert any(n.truncated for _, n in nodes)


def test_chain_search_is_pruned_and_bounded():
    from argmap.queries import chains

    amap = _ladder(12, 6)
    amap2 = ArgumentMap(speakers=amap.speakers, claims=[*amap.claims, Claim("Z", "s", "z")],
                        relations=amap.relations)
    assert list(chains(amap2, "L11_0", "Z")) == []  # unreachable: found without walking
    with pytest.raises(QueryError, match="stopped after 1,000 steps"):
        list(chains(amap, "L11_0", "T", max_steps=1000))
    first = next(chains(amap, "L11_0", "T"))
    assert first.path[0] == "L11_0" and first.path[-1] == "T" and len(first.path) == 13


def test_chain_pruning_keeps_every_chain():
    from argmap.queries import chains

    amap = _ladder(3, 3)
    pruned = {c.path for c in chains(amap, "L2_0", "T", max_depth=3)}
    assert len(pruned) == 9
    assert {c.path for c in chains(amap, "L2_0", "T", max_depth=2)} == set()


def test_deductive_reading_of_a_long_support_chain_stays_linear():
    from argmap.framework import compile_map

    n = 5000
    compiled = compile_map(_chain_map(n, attack=True), "deductive")
    assert len(compiled.derived) == n - 1
    far = compiled.derived[("X", f"C{n - 1}")]
    assert far.kind == "mediated"
    assert len(far.chain) == n + 1
    assert tuple(far.chain) == ("X", *(f"C{i}" for i in range(n)))
    assert far.chain == ("X", *(f"C{i}" for i in range(n)))
    assert list(far.chain)[:2] == ["X", "C0"]


# -- terminal injection -------------------------------------------------------------------

def test_printed_text_has_no_raw_control_characters(cli, tmp_path):
    evil = "\x1b]52;c;ZXZpbA==\x07\x1b[2J\x9b31m\x7f"
    path = tmp_path / "m.json"
    path.write_text(json.dumps({
        "argmap": 1, "title": evil, "speakers": [{"id": "s", "name": evil}],
        "claims": [{"id": "A", "speaker": "s", "kind": "thesis", "text": evil},
                   {"id": "B", "speaker": "s", "text": "b"}],
        "relations": [{"from": "B", "to": "A", "type": "attack", "note": evil}]}))
    for args in (["show", "A", "-m", str(path)], ["show", "-m", str(path)], ["why", "A", "-m", str(path)],
                 ["status", str(path)], ["show", "-m", str(path), "--json"],
                 ["chain", "B", "A", "-m", str(path)], ["uncontested", str(path)]):
        result = cli(*args)
        assert result.exit_code == 0, result.output
        assert not RAW_CONTROL.search(result.stdout + result.stderr), args
    data = json.loads(cli("show", "-m", str(path), "--json").stdout)
    assert data[0]["text"] == evil  # JSON escapes keep the value


def test_printable_replaces_controls_with_visible_stand_ins():
    from argmap.cli._text import printable

    assert printable("a\tb\nc") == "a\tb\nc"
    assert printable("\x1b[2J\x07\x7f\x9b") == "\u241b[2J\u2407\u2421\ufffd"


def test_derived_chain_compares_like_a_tuple():
    from argmap.framework import compile_map

    m = ArgumentMap(speakers=[Speaker("s", "S")],
                    claims=[Claim(i, "s", i) for i in ("A", "X", "C")],
                    relations=[Relation("A", "X", "support"), Relation("C", "X", "attack")])
    d = compile_map(m, "deductive").derived[("C", "A")]
    assert d.chain == ("C", "X", "A") and repr(d.chain) == "('C', 'X', 'A')"
    assert hash(d.chain) == hash(("C", "X", "A"))


def test_did_you_mean_over_many_ids_is_one_edit_away_and_fast():
    from argmap.errors import did_you_mean

    ids = {f"C{i}" for i in range(5000)}
    assert did_you_mean("C12x", ids) == "did you mean 'C12'?"
    assert did_you_mean("D12", ids) == "did you mean 'C12'?"
    assert did_you_mean("zzzzzz", ids) is None


def test_native_loader_reports_unknown_references_in_linear_work(tmp_path):
    claims = [{"id": f"C{i}", "speaker": "s", "text": "c"} for i in range(3000)]
    relations = [{"from": f"D{i}", "to": f"C{i}", "type": "support"} for i in range(3000)]
    text = json.dumps({"argmap": 1, "speakers": [{"id": "s"}], "claims": claims, "relations": relations})
    parsed = native.parse(text, syntax="json")
    assert len(parsed.errors) == 3000
    assert all(len(str(e)) < 300 for e in parsed.errors)



# -- writing: never clobber an input, never replace a non-regular file, clean up on signals ----

def _small_map(folder: Path) -> Path:
    (folder / "sources").mkdir()
    (folder / "sources" / "text.txt").write_text("The street needs a crossing. Cars are slow.\n")
    path = folder / "map.yaml"
    path.write_text("# the author's comment\nargmap: 1\nsources: [{id: t, file: sources/text.txt}]\n"
                    "speakers: [{id: s}]\nclaims:\n"
                    "  - {id: A, speaker: s, kind: thesis, text: a, quote: The street needs a crossing.}\n"
                    "  - {id: B, speaker: s, text: b, quote: Cars are slow.}\n"
                    "relations: [{from: B, to: A, type: attack}]\n")
    return path


@pytest.mark.parametrize("command", [
    ["convert", "{map}", "-o", "{map}"],
    ["convert", "{map}", "-o", "{src}", "--to", "json"],
    ["render", "{map}", "-o", "{map}", "--format", "dot"],
    ["html", "{map}", "-o", "{src}"],
])
def test_outputs_that_are_inputs_are_refused(cli, tmp_path, command):
    path = _small_map(tmp_path)
    src = tmp_path / "sources" / "text.txt"
    before = {p: p.read_bytes() for p in (path, src)}
    args = [a.replace("{map}", str(path)).replace("{src}", str(src)) for a in command]
    result = cli(*args)
    assert result.exit_code == 1, result.output
    assert "it is an input of this command" in result.stderr
    assert {p: p.read_bytes() for p in (path, src)} == before


def test_a_hard_link_or_symbolic_link_to_an_input_is_refused_too(tmp_path):
    from argmap._files import atomic_write

    path = _small_map(tmp_path)
    os.link(path, tmp_path / "hard.yaml")
    os.symlink(path.name, tmp_path / "soft.yaml")
    for out in ("hard.yaml", "soft.yaml"):
        with pytest.raises(ArgmapError, match="input of this command"):
            atomic_write(tmp_path / out, "x", keep=[path])


def test_a_symbolic_link_is_followed_and_kept(tmp_path):
    from argmap._files import atomic_write

    (tmp_path / "real.txt").write_text("old")
    os.symlink("real.txt", tmp_path / "link.txt")
    atomic_write(tmp_path / "link.txt", "new")
    assert (tmp_path / "link.txt").is_symlink()
    assert (tmp_path / "real.txt").read_text() == "new"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX FIFOs")
def test_a_fifo_is_written_in_place(tmp_path):
    import threading

    from argmap._files import atomic_write

    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    got: list[bytes] = []

    def reader() -> None:
        with open(fifo, "rb") as handle:
            got.append(handle.read())

    thread = threading.Thread(target=reader)
    thread.start()
    atomic_write(fifo, "payload")
    thread.join(10)
    assert got == [b"payload"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="mknod needs root")
def test_a_character_device_is_written_in_place_not_replaced(tmp_path):
    from argmap._files import atomic_write

    dev = tmp_path / "null"
    os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    atomic_write(dev, "gone")
    assert stat.S_ISCHR(dev.lstat().st_mode)


_DYING_CHILD = """
import os, signal, sys
from argmap import _files
real = os.fdopen
def dying(*a, **k):
    os.kill(os.getpid(), signal.SIGTERM)
    return real(*a, **k)
_files.os.fdopen = dying
_files.atomic_write(sys.argv[1], "x" * 1000)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_signal_during_a_write_leaves_no_temporary_file(tmp_path):
    import subprocess

    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "map.yaml"
    target.write_text("old\n")
    done = subprocess.run([sys.executable, "-c", _DYING_CHILD, str(target)], capture_output=True, timeout=60)
    assert done.returncode == -15, done.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["map.yaml"]
    assert target.read_text() == "old\n"


def test_keyboard_interrupt_during_a_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    from argmap import _files

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(_files.os, "fdopen", interrupted)
    with pytest.raises(KeyboardInterrupt):
        _files.atomic_write(tmp_path / "x.yaml", "data")
    assert list(tmp_path.iterdir()) == []


# -- render: a time limit, and a layout that can be stopped --------------------------------

def _slow_layout(dot_text: str, fmt: str) -> bytes:
    import time

    time.sleep(60)
    return b"never"


def _failing_layout(dot_text: str, fmt: str) -> bytes:
    from argmap.errors import RenderError

    raise RenderError("Graphviz (pygraphviz) failed: syntax error in line 1", hint="h")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="layout in a child needs fork")
def test_a_layout_past_the_time_limit_is_stopped():
    import time

    from argmap.errors import RenderError
    from argmap.render import engine

    start = time.monotonic()
    with pytest.raises(RenderError, match="took more than 0.5 s"):
        engine._in_child(_slow_layout, "digraph {}", "svg", 0.5)
    assert time.monotonic() - start < 10
    with pytest.raises(RenderError, match="syntax error in line 1"):
        engine._in_child(_failing_layout, "digraph {}", "svg", 30)
    assert engine._in_child(lambda d, f: (d + f).encode(), "ab", "svg", 30) == b"absvg"


def test_the_render_time_limit_comes_from_the_environment(monkeypatch):
    from argmap.render import engine

    monkeypatch.setenv("ARGMAP_RENDER_TIMEOUT", "7.5")
    assert engine._timeout() == 7.5
    monkeypatch.setenv("ARGMAP_RENDER_TIMEOUT", "soon")
    assert engine._timeout() == engine.TIMEOUT


# -- exports travel; lossy characters are reported ------------------------------------------

@pytest.mark.parametrize(("to", "suffix"), [("yaml", ".yaml"), ("json", ".json"), ("argdown", ".argdown"),
                                            ("aif", ".aif.json")])
def test_an_export_elsewhere_takes_its_sources_and_loads_there_and_after_a_move(cli, tmp_path, to, suffix):
    import shutil

    (tmp_path / "a").mkdir()
    path = _small_map(tmp_path / "a")
    out = tmp_path / "elsewhere" / "deeper" / f"x{suffix}"
    out.parent.mkdir(parents=True)
    result = cli("convert", str(path), "--to", to, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert (out.parent / "sources" / "text.txt").read_bytes() == (path.parent / "sources" / "text.txt").read_bytes()
    assert argmap.check(out) == []
    shutil.move(tmp_path / "elsewhere", tmp_path / "moved")
    moved = tmp_path / "moved" / "deeper" / out.name
    assert argmap.check(moved) == []
    assert [c.quote for c in argmap.load(moved).claims] == [c.quote for c in argmap.load(path).claims]


def test_an_export_does_not_overwrite_a_different_text_in_the_way(cli, tmp_path):
    (tmp_path / "a").mkdir()
    path = _small_map(tmp_path / "a")
    out = tmp_path / "b" / "x.yaml"
    (tmp_path / "b" / "sources").mkdir(parents=True)
    (tmp_path / "b" / "sources" / "text.txt").write_text("someone else's text")
    result = cli("convert", str(path), "-o", str(out))
    assert result.exit_code == 1
    assert "a different file is already there" in result.stderr
    assert not out.exists()
    assert (tmp_path / "b" / "sources" / "text.txt").read_text() == "someone else's text"


@pytest.mark.parametrize("text", ["\x00", "one\rtwo", "one\u2028two", "one\ttwo", "a\x1bb"])
def test_argdown_reports_characters_it_cannot_keep(text):
    from argmap.formats import argdown

    m = ArgumentMap(speakers=[Speaker("s", "S")], claims=[Claim("A", "s", text), Claim("B", "s", "b")],
                    relations=[Relation("B", "A", "support")])
    assert any("cannot keep" in line for line in argdown.losses(m))
    clean = ArgumentMap(speakers=[Speaker("s", "S")], claims=[Claim("A", "s", "plain text")])
    assert argdown.losses(clean) == []
