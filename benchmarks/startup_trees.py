"""CLI start-up of several source trees of argmap, paired: the same commands, round-robin.

Each tree is a ``src`` folder (for example ``git archive REV src | tar -x -C DIR``); it is
put first on ``PYTHONPATH`` for its runs, with the third-party packages of the running
interpreter. Every tree is byte-compiled first, because a shell with
``PYTHONDONTWRITEBYTECODE=1`` would otherwise recompile every module on every run and
measure source size, not start-up. One round runs each (tree, command) cell once, so a
change of the machine's load touches all cells alike; the table gives the median wall and
CPU time (user + system) and their ratios to ``python -c "import networkx"``.

Usage: python benchmarks/startup_trees.py [--runs 15] NAME=SRC_DIR [NAME=SRC_DIR ...]
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAP = str(HERE.parent / "maps" / "enhanced-cooperation.yaml")
COMMANDS = {
    "argmap uncontested": ["uncontested", MAP],
    "argmap status --semantics PR": ["status", MAP, "--semantics", "PR"],
    "argmap status --semantics GR": ["status", MAP, "--semantics", "GR"],
    "argmap explain E1 --semantics PR": ["explain", "-m", MAP, "E1", "--semantics", "PR"],
}


def once(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of *cmd*."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    """Measure every (tree, command) cell and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("trees", nargs="+", metavar="NAME=SRC_DIR")
    args = parser.parse_args()
    trees = dict(t.split("=", 1) for t in args.trees)
    for src in trees.values():
        compileall.compile_dir(src, quiet=1)
    base = dict(os.environ)
    cells: list[tuple[str, str, list[str], dict[str, str]]] = [
        ("-", "python -c 'import networkx'", [sys.executable, "-c", "import networkx"], base)]
    for name, argv in COMMANDS.items():
        for tree, src in trees.items():
            cells.append((tree, name, [sys.executable, "-m", "argmap", *argv], dict(base, PYTHONPATH=src)))
    for _, _, cmd, env in cells:  # warm-up round
        once(cmd, env)
    samples: list[list[tuple[float, float]]] = [[] for _ in cells]
    for _ in range(args.runs):
        for k, (_, _, cmd, env) in enumerate(cells):
            samples[k].append(once(cmd, env))
    medians = [(statistics.median(w for w, _ in s), statistics.median(c for _, c in s)) for s in samples]
    base_wall, base_cpu = medians[0]
    print(f"Median of {args.runs} round-robin runs (`python benchmarks/startup_trees.py --runs {args.runs} …`).\n")
    print("| command | tree | wall (ms) | ratio | CPU (ms) | CPU ratio |\n|---|---|---:|---:|---:|---:|")
    for (tree, name, _, _), (w, c) in zip(cells, medians):
        print(f"| `{name}` | {tree} | {w * 1000:.0f} | {w / base_wall:.2f} | {c * 1000:.0f} | {c / base_cpu:.2f} |")


if __name__ == "__main__":
    main()
