"""`--watch` on render and html: each save redraws; html serves a copy that reloads itself.
The commands run as subprocesses, read with timeouts, and are always terminated."""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "good"


def _pump(stream, out: queue.Queue) -> None:
    for line in stream:
        out.put(line)


class Running:
    """`argmap ARGS…` in the background, its output lines in a queue."""

    def __init__(self, *args: str) -> None:
        exe = Path(sys.executable).parent / "argmap"
        self.proc = subprocess.Popen([str(exe), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True)
        self.lines: queue.Queue = queue.Queue()
        for stream in (self.proc.stdout, self.proc.stderr):
            threading.Thread(target=_pump, args=(stream, self.lines), daemon=True).start()

    def wait_for(self, text: str, seconds: float = 90) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                continue
            if text in line:
                return line
        raise AssertionError(f"no line with {text!r}")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


@pytest.fixture
def debate(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path / "d")
    return tmp_path / "d" / "debate.yaml"


def test_render_watch_redraws_on_save(debate: Path) -> None:
    out = debate.parent / "d.dot"
    run = Running("render", str(debate), "-o", str(out), "--watch")
    try:
        run.wait_for("wrote")
        first = out.read_text(encoding="utf-8")
        time.sleep(0.1)
        debate.write_text(debate.read_text(encoding="utf-8").replace("Cities should ban cars from their "
                                                                      "centres.\n", "Ban cars.\n", 1),
                          encoding="utf-8")
        run.wait_for("wrote")
        assert out.read_text(encoding="utf-8") != first and "Ban cars." in out.read_text(encoding="utf-8")
        debate.write_text("argmap: 1\nclaims: [\n", encoding="utf-8")       # a broken save
        run.wait_for("debate.yaml:")                                        # reported, still watching
        assert run.proc.poll() is None
    finally:
        run.stop()


def test_html_watch_serves_a_page_that_reloads(debate: Path) -> None:
    out = debate.parent / "d.html"
    run = Running("html", str(debate), "-o", str(out), "--watch")
    try:
        url = run.wait_for("http://127.0.0.1:").split()[0]
        run.wait_for("wrote")
        page = urllib.request.urlopen(url, timeout=30).read().decode("utf-8")  # noqa: S310 - local
        assert "/api/version" in page and 'data-action="new-claim"' not in page
        base, token = url.split("/?token=")
        req = urllib.request.Request(base + "/api/version", headers={"X-Argmap-Token": token})
        before = json.loads(urllib.request.urlopen(req, timeout=30).read())["version"]  # noqa: S310
        time.sleep(0.1)
        debate.write_text(debate.read_text(encoding="utf-8") + "# saved again\n", encoding="utf-8")
        run.wait_for("wrote")
        after = json.loads(urllib.request.urlopen(req, timeout=30).read())["version"]  # noqa: S310
        assert after != before
    finally:
        run.stop()
