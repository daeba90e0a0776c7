"""Quotes that nearly match: `whitespace: loose` sources, the nearest span in `check`,
`check --fix` (round-trip, atomic), and `check --watch`."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import argmap
from argmap.errors import ArgmapError
from argmap.fixing import fix_quotes
from argmap.watch import snapshot, watch

TEXT = "Car-free streets are safer for\nchildren. The air gets “cleaner” – they say.\nThe air gets cleaner.\n"


def write(folder: Path, body: str, name: str = "m.yaml") -> Path:
    (folder / "t.txt").write_text(TEXT, encoding="utf-8")
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


HEAD = "argmap: 1\nsources:\n  - id: t\n    file: t.txt\n{extra}speakers: [{{id: a}}]\nclaims:\n"


def one_claim(quote: str, extra: str = "", more: str = "") -> str:
    return HEAD.format(extra=extra) + f"  - id: A1  # keep me\n    speaker: a\n    text: x\n    quote: {quote}\n{more}"


# -- whitespace: loose ----------------------------------------------------------------

def test_loose_whitespace_matches_a_wrapped_source(tmp_path):
    path = write(tmp_path, one_claim("safer for children", extra="    whitespace: loose\n"))
    claim = argmap.load(path).claim("A1")
    assert TEXT[claim.start:claim.end] == "safer for\nchildren"
    assert argmap.load(path).sources[0].whitespace == "loose"


def test_exact_is_the_default_and_says_how_to_loosen(tmp_path):
    path = write(tmp_path, one_claim("safer for children"))
    with pytest.raises(ArgmapError) as info:
        argmap.load(path)
    hint = info.value.errors[0].hint if getattr(info.value, "errors", None) else info.value.hint
    assert "whitespace: loose" in hint
    assert 'nearest: "safer for\\nchildren" at 1:22' in hint


def test_loose_is_only_about_whitespace(tmp_path):
    path = write(tmp_path, one_claim('"The air gets \\"cleaner\\" - they say"', extra="    whitespace: loose\n"))
    with pytest.raises(ArgmapError):
        argmap.load(path)


def test_unknown_whitespace_value(tmp_path):
    path = write(tmp_path, one_claim("safer for", extra="    whitespace: wide\n"))
    with pytest.raises(ArgmapError, match="unknown whitespace 'wide'"):
        argmap.load(path)


def test_loose_survives_conversion(tmp_path):
    path = write(tmp_path, one_claim("safer for children", extra="    whitespace: loose\n"))
    m = argmap.load(path)
    out = tmp_path / "again.yaml"
    argmap.save(m, out)
    assert argmap.load(out).sources[0].whitespace == "loose"


# -- check --fix -----------------------------------------------------------------------

def test_fix_rewrites_only_the_quote(tmp_path):
    body = one_claim("safer for childern", more="# trailing comment\nrelations: []\n")
    path = write(tmp_path, body)
    report = fix_quotes(path)
    assert [(f.claim, f.new) for f in report.fixed] == [("A1", "safer for\nchildren")]
    assert path.read_text(encoding="utf-8") == body.replace("quote: safer for childern",
                                                             'quote: "safer for\\nchildren"')
    assert argmap.load(path).claim("A1").quote == "safer for\nchildren"


def test_fix_a_block_scalar_and_a_json_map(tmp_path):
    path = write(tmp_path, one_claim("|\n      the air gets cleaner - they say", more="relations: []\n"))
    fix_quotes(path)
    assert argmap.load(path).claim("A1").quote == "The air gets “cleaner” – they say"
    assert path.read_text(encoding="utf-8").endswith("\nrelations: []\n")
    data = {"argmap": 1, "sources": [{"id": "t", "file": "t.txt"}], "speakers": [{"id": "a"}],
            "claims": [{"id": "A1", "speaker": "a", "text": "x", "quote": "Car free streets"}]}
    jpath = write(tmp_path, json.dumps(data, indent=2), "m.json")
    fix_quotes(jpath)
    assert argmap.load(jpath).claim("A1").quote == "Car-free streets"


def test_fix_sets_an_existing_occurrence(tmp_path):
    path = write(tmp_path, one_claim("the air gets cleaner.", more="    occurrence: 1\n"))
    report = fix_quotes(path)
    claim = argmap.load(path).claim("A1")
    assert claim.quote == "The air gets cleaner." and claim.occurrence == 1
    assert report.fixed[0].new == "The air gets cleaner."


def test_fix_leaves_what_is_not_close_and_writes_nothing(tmp_path):
    body = one_claim("zebra quantum physics")
    path = write(tmp_path, body)
    before = path.stat().st_mtime_ns
    report = fix_quotes(path)
    assert not report.fixed and [f.claim for f in report.unfixed] == ["A1"] and not report.written
    assert path.stat().st_mtime_ns == before and path.read_text(encoding="utf-8") == body


def test_check_fix_command(cli, tmp_path):
    path = write(tmp_path, one_claim("safer for childern"))
    first = cli("check", str(path))
    assert first.exit_code == 1 and "nearest:" in first.stderr and "1:22" in first.stderr
    fixed = cli("check", str(path), "--fix")
    assert fixed.exit_code == 0, fixed.output
    assert "fixed the quote of claim 'A1'" in fixed.stdout and "fixed 1 quote" in fixed.stdout
    assert "ok (1 claim, 0 relations, 1 speaker; 1 quote located)" in fixed.stdout


def test_check_fix_and_watch_is_a_usage_error(cli, tmp_path):
    path = write(tmp_path, one_claim("safer for"))
    result = cli("check", str(path), "--fix", "--watch")
    assert result.exit_code == 2 and "rewrite the map while you edit it" in result.stderr


# -- --watch -------------------------------------------------------------------------

def test_watch_runs_again_after_a_change_and_stops():
    import tempfile

    folder = Path(tempfile.mkdtemp())
    f = folder / "a.txt"
    f.write_text("1", encoding="utf-8")
    time.sleep(0.1)          # a save just before a run counts as a save during it
    stop = threading.Event()
    seen: list[str] = []

    def work():
        seen.append(f.read_text(encoding="utf-8"))
        if len(seen) == 1:
            threading.Timer(0.1, f.write_text, ["22"]).start()
        elif len(seen) == 2:
            stop.set()
        return [f, folder / "missing.txt"]

    done = threading.Thread(target=watch, args=(work,), kwargs={"interval": 0.02, "stop": stop})
    done.start()
    done.join(timeout=20)
    assert not done.is_alive() and seen == ["1", "22"]


def test_snapshot_sees_a_missing_file(tmp_path):
    assert snapshot([tmp_path / "nope"]) == {tmp_path / "nope": None}
    assert watch(lambda: [], max_runs=1) == 1


def _lines(stream, out: queue.Queue) -> None:
    for line in stream:
        out.put(line)


def test_check_watch_reports_each_save(tmp_path):
    path = write(tmp_path, one_claim("safer for children"))
    exe = Path(sys.executable).parent / "argmap"
    proc = subprocess.Popen([str(exe), "check", str(path), "--watch"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_lines, args=(proc.stderr, lines), daemon=True).start()
    threading.Thread(target=_lines, args=(proc.stdout, lines), daemon=True).start()

    def wait_for(text: str) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if text in lines.get(timeout=1):
                    return
            except queue.Empty:
                continue
        raise AssertionError(f"no line with {text!r}")

    try:
        wait_for("1 problem")
        path.write_text(one_claim('"safer for\\nchildren"'), encoding="utf-8")
        wait_for(": ok (1 claim")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
