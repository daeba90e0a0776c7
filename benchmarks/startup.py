"""CLI start-up cost: `argmap uncontested` (and `argmap status --semantics PR`) on the
shipped map against `python -c "import networkx"`, median of N runs, as ratios.

Usage: python benchmarks/startup.py [--runs 10] [--write]
With --write, the table goes to benchmarks/STARTUP.md.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def timed(cmd: list[str], runs: int) -> float:
    """Median wall time of *cmd* over *runs* runs (one warm-up run first)."""
    subprocess.run(cmd, check=True, capture_output=True)
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def main() -> None:
    """Measure and print (or write) the start-up table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    argmap = shutil.which("argmap") or str(Path(sys.executable).parent / "argmap")
    rows = [
        ("python -c 'import networkx'", [sys.executable, "-c", "import networkx"]),
        ("argmap --help", [argmap, "--help"]),
        ("argmap uncontested", [argmap, "uncontested"]),
        ("argmap uncontested --json", [argmap, "uncontested", "--json"]),
        ("argmap status --semantics PR", [argmap, "status", "--semantics", "PR"]),
        ("argmap status --semantics GR", [argmap, "status", "--semantics", "GR"]),
    ]
    results = [(name, timed(cmd, args.runs)) for name, cmd in rows]
    base = results[0][1]
    lines = [f"Start-up on the shipped map, median of {args.runs} runs "
             f"(`python benchmarks/startup.py --runs {args.runs} --write`).", "",
             "| command | median (ms) | ratio to `import networkx` |", "|---|---:|---:|"]
    lines += [f"| `{name}` | {t * 1000:.0f} | {t / base:.2f} |" for name, t in results]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.write:
        (HERE / "STARTUP.md").write_text("# CLI start-up\n\n" + text, encoding="utf-8")


if __name__ == "__main__":
    main()
