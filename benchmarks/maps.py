"""Map-level commands on synthetic maps of growing size, whole processes.

``python benchmarks/maps.py --claims 1000,10000,100000 --json out.json`` runs ``check``,
``uncontested``, ``compare``, ``status --semantics GR``, ``convert --to`` json, yaml,
aif and argdown (on stdout), and ``check`` of the map's own AIF export (argmap reading
what it wrote) on the maps of ``benchmarks/mapgen.py`` (generated first when missing),
one fresh ``argmap`` process each. It records the wall time and the child's CPU time
(user + system; it depends much less on the load of a shared machine), then the growth
per 10× size, and prints a Markdown table (``--json`` also keeps the figures).
``--only check,compare`` runs some of the commands; ``--style block`` runs them on the
block-style maps of ``mapgen.py --style block`` (``map-N-block.yaml``, the same maps).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: name -> argmap's words; ``{map}`` is the map file, ``{aif}`` its AIF export.
COMMANDS = {
    "check": ["check", "{map}"],
    "uncontested": ["uncontested", "{map}"],
    "compare": ["compare", "{map}"],
    "status GR": ["status", "{map}", "--semantics", "GR"],
    "convert json": ["convert", "{map}", "--to", "json"],
    "convert yaml": ["convert", "{map}", "--to", "yaml"],
    "convert aif": ["convert", "{map}", "--to", "aif"],
    "convert argdown": ["convert", "{map}", "--to", "argdown"],
    "check own AIF": ["check", "{aif}"],
}

Cell = tuple[float | None, float | None, int | None]


def run(words: list[str], timeout: float) -> Cell:
    """(wall, cpu, exit status) of one argmap process; None on timeout."""
    exe = Path(sys.executable).with_name("argmap")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    try:
        done = subprocess.run([str(exe), *words], capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, None, None
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 2):
        print(done.stderr.decode(errors="replace")[-400:], file=sys.stderr)
    return wall, cpu, done.returncode


def main() -> int:
    """Measure every command on every size; print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", default="1000,10000,100000")
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--only", default=",".join(COMMANDS), help="comma-separated command names")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument("--style", choices=("flow", "block"), default="flow",
                        help="the maps' YAML style (see mapgen.py)")
    args = parser.parse_args()
    sizes = [int(x) for x in args.claims.split(",")]
    names = [n.strip() for n in args.only.split(",")]
    unknown = [n for n in names if n not in COMMANDS]
    if unknown:
        parser.error(f"unknown command(s) {unknown}; known: {list(COMMANDS)}")
    sys.path.insert(0, str(HERE))
    import mapgen

    rows: dict[tuple[str, int], Cell] = {}
    for n in sizes:
        path = HERE / "_work" / "maps" / (f"map-{n}.yaml" if args.style == "flow" else f"map-{n}-block.yaml")
        if not path.exists():
            mapgen.generate(n, style=args.style)
        aif = path.with_name(f"{path.stem}.aif.json")
        if "check own AIF" in names and not aif.exists():
            exe = Path(sys.executable).with_name("argmap")
            subprocess.run([str(exe), "convert", str(path), "--to", "aif", "-o", str(aif)],
                           capture_output=True, timeout=args.timeout * 2)
        for name in names:
            words = [w.format(map=path, aif=aif) for w in COMMANDS[name]]
            rows[(name, n)] = run(words, args.timeout) if "{aif}" not in COMMANDS[name] or aif.exists() \
                else (None, None, None)
            wall, cpu, rc = rows[(name, n)]
            print(name, n, wall, cpu, rc, file=sys.stderr, flush=True)

    def cell(v: Cell) -> str:
        wall, cpu, rc = v
        if wall is None or cpu is None:
            return f"TO>{args.timeout:.0f}s"
        text = f"{wall:.2f} s (cpu {cpu:.2f})"
        return text + ("" if rc == 0 else f" exit {rc}")

    head = ["| command | " + " | ".join(f"{n:,} claims" for n in sizes) + " | growth per 10× (cpu) |",
            "|---|" + "---:|" * len(sizes) + "---|"]
    lines = []
    for name in names:
        growth = []
        for a, b in zip(sizes, sizes[1:]):
            ca, cb = rows[(name, a)][1], rows[(name, b)][1]
            growth.append(f"{cb / ca:.1f}×" if ca and cb else "–")
        lines.append(f"| {name} | " + " | ".join(cell(rows[(name, n)]) for n in sizes)
                     + " | " + ", ".join(growth) + " |")
    print("\n".join(head + lines))
    if args.json is not None:
        args.json.write_text(json.dumps({
            "command": "python benchmarks/maps.py " + " ".join(sys.argv[1:]),
            "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "cells": [{"command": k[0], "claims": k[1], "wall": v[0], "cpu": v[1], "exit": v[2]}
                      for k, v in rows.items()]}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
