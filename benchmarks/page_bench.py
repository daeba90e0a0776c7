"""Time the interactive page of a 500-claim map in headless Chromium.

Run: ``python benchmarks/page_bench.py [--claims 500] [--repeat 5] [--write]``.
``--write`` appends the table to ``benchmarks/RENDER.md`` (replacing an earlier page
table). Needs Chromium (``ARGMAP_CHROMIUM`` or ``chromium`` on PATH) and Playwright.

The map is :func:`render_bench.synthetic_map` (4 speakers, a forest of reasons, a
cross-speaker attack for every fifth claim), written with grounded statuses and the
compiled framework as ``argmap html --semantics GR`` does. Measured in the page:

* load: navigation start to the end of the ``load`` event (HTML parse, inline SVG,
  the scripts' start-up: statuses painted, verdicts, opening view);
* select: a click on a claim (panel filled, quote scrolled, diagram zoomed), to the
  next animation frame;
* search: typing a word that matches many claims, to the next frame;
* what-if: switching a claim off (grounded labelling recomputed over the whole
  framework, every node repainted, verdicts and the change list rebuilt), to the next
  frame; and switching it back on;
* zoom: one step of the zoom button.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from render_bench import synthetic_map  # noqa: E402

from argmap.evaluation import statuses  # noqa: E402
from argmap.framework import compile_map  # noqa: E402
from argmap.render.html import to_html  # noqa: E402

__all__ = ["main"]

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]

def _timed(pg, body: str) -> tuple[float, float]:
    """(script time, time to the next frame) of *body*, in ms."""
    return tuple(pg.evaluate(f"""async () => {{
      const page = window.argmap.page;
      const t0 = performance.now();
      {body}
      const t1 = performance.now();
      await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
      return [t1 - t0, performance.now() - t0];
    }}"""))


def main() -> None:
    """Run the benchmark and print (or write) a Markdown table."""
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="add the table to benchmarks/RENDER.md")
    args = parser.parse_args()

    amap = synthetic_map(args.claims)
    t0 = time.perf_counter()
    compiled = compile_map(amap)
    framework = {"ids": list(compiled.ids), "attacks": [list(p) for p in compiled.attacks]}
    page_text = to_html(amap, statuses=statuses(amap, "GR"), semantics="GR", framework=framework)
    build = time.perf_counter() - t0
    exe = os.environ.get("ARGMAP_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        raise SystemExit("Chromium not found (set ARGMAP_CHROMIUM)")
    rows: dict[str, list[tuple[float, float]]] = {k: [] for k in (
        "load", "select", "search", "what-if off", "what-if on", "zoom")}
    target = amap.claims[0].id  # a thesis with many reasons: a large panel
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        path = Path(tmp) / "page.html"
        path.write_text(page_text, encoding="utf-8")
        browser = p.chromium.launch(executable_path=exe, headless=True, args=ARGS)
        for _ in range(args.repeat):
            pg = browser.new_page(viewport={"width": 1400, "height": 900})
            pg.goto(path.as_uri())
            rows["load"].append(tuple(pg.evaluate(
                "() => { const n = performance.getEntriesByType('navigation')[0];"
                " return [n.loadEventEnd - n.responseEnd, n.loadEventEnd - n.startTime]; }")))
            rows["select"].append(_timed(pg, f"page.select(page.claimIndex({target!r}), 'diagram');"))
            rows["search"].append(_timed(pg, "const s = document.getElementById('search');"
                                             " s.value = 'policy'; s.dispatchEvent(new Event('input'));"))
            rows["what-if off"].append(_timed(pg, f"page.toggle({target!r});"))
            rows["what-if on"].append(_timed(pg, f"page.toggle({target!r});"))
            rows["zoom"].append(_timed(pg, "document.getElementById('zoom-in').click();"))
            pg.close()
        browser.close()
        version = browser.version
    table = [
        "## The page of a 500-claim map in Chromium",
        "",
        f"`python benchmarks/page_bench.py --claims {args.claims} --repeat {args.repeat}`: "
        f"{len(amap.claims)} claims, {len(amap.relations)} relations; page {len(page_text) / 1024:.0f} KB, "
        f"built in {build:.1f} s (evaluation, Graphviz layout, page). Headless Chromium {version}, "
        f"viewport 1400 × 900; median (and worst) of {args.repeat} fresh page loads. Machine: "
        f"{platform.machine()}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} "
        "(shared with other work).",
        "",
        "| step | script (median) | to the next frame (median) | to the next frame (worst) |",
        "|---|---|---|---|",
        *(f"| {name} | {statistics.median(a for a, _ in v):.0f} ms | "
          f"{statistics.median(b for _, b in v):.0f} ms | {max(b for _, b in v):.0f} ms |"
          for name, v in rows.items()),
        "",
        "Load: *script* is from the end of the file's arrival to the end of the `load` event "
        "(parsing, the inline SVG, the page's start-up: statuses painted, verdicts, opening "
        "view), the next column from navigation start. The other steps: *script* is the "
        "page's own JavaScript, the next columns include Chromium's style, layout and paint "
        "of the 500-node SVG up to the next animation frame, which is most of the time and "
        "grows with the machine's load.",
        "",
    ]
    text = "\n".join(table)
    print(text)
    if args.write:
        out = Path(__file__).parent / "RENDER.md"
        old = out.read_text(encoding="utf-8")
        old = re.sub(r"\n## The page of a .*", "", old, flags=re.S).rstrip("\n")
        out.write_text(old + "\n\n" + text, encoding="utf-8")


if __name__ == "__main__":
    main()
