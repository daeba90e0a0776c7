"""CLI start-up cost: `argmap uncontested` (and `argmap status --semantics PR`) on the
shipped map, and `argmap iccma` (the ICCMA solver interface, as a harness starts it) on
a small framework, against `python -c "import networkx"`: median of N runs, as ratios.

The commands are run round-robin (one run of each per round, after one warm-up round),
so a change of the machine's load affects all of them alike; wall time and CPU time
(user + system of the child) are both reported. The argmap package is byte-compiled first
and the children run without ``PYTHONDONTWRITEBYTECODE``, as an installed package runs
(``pip install`` writes the ``.pyc`` files): otherwise, in a shell that sets it, every run
would recompile argmap's modules and the table would measure the compiler.

Usage: python benchmarks/startup.py [--runs 10] [--write]
With --write, the table goes to benchmarks/STARTUP.md.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
AF_FILE = HERE.parent / "tests" / "data" / "iccma" / "admbuster" / "admbuster_1000.af"
AF_NAME = AF_FILE.name
#: The children's environment: bytecode may be read and written, as in an installed package.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def once(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of *cmd*."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=ENV)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def timed(cmds: list[list[str]], runs: int) -> list[tuple[float, float]]:
    """Median (wall, CPU) of each command over *runs* round-robin rounds (one warm-up round first)."""
    for cmd in cmds:
        once(cmd)
    samples: list[list[tuple[float, float]]] = [[] for _ in cmds]
    for _ in range(runs):
        for k, cmd in enumerate(cmds):
            samples[k].append(once(cmd))
    return [(statistics.median(w for w, _ in s), statistics.median(c for _, c in s)) for s in samples]


def main() -> None:
    """Measure and print (or write) the start-up table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    argmap = shutil.which("argmap") or str(Path(sys.executable).parent / "argmap")
    import argmap as package

    compileall.compile_dir(str(Path(package.__file__).parent), quiet=1)
    rows = [
        ("python -c 'import networkx'", [sys.executable, "-c", "import networkx"]),
        ("argmap --help", [argmap, "--help"]),
        ("argmap uncontested", [argmap, "uncontested"]),
        ("argmap uncontested --json", [argmap, "uncontested", "--json"]),
        ("argmap status --semantics PR", [argmap, "status", "--semantics", "PR"]),
        ("argmap status --semantics GR", [argmap, "status", "--semantics", "GR"]),
        ("argmap iccma --problems", [argmap, "iccma", "--problems"]),
        (f"argmap iccma -p SE-GR -f {AF_NAME}", [argmap, "iccma", "-p", "SE-GR", "-f", str(AF_FILE)]),
        (f"argmap iccma -p SE-PR -f {AF_NAME}", [argmap, "iccma", "-p", "SE-PR", "-f", str(AF_FILE)]),
        (f"argmap iccma -p DS-PR -f {AF_NAME} -a 1",
         [argmap, "iccma", "-p", "DS-PR", "-f", str(AF_FILE), "-a", "1"]),
    ]
    results = list(zip([name for name, _ in rows], timed([cmd for _, cmd in rows], args.runs)))
    base_wall, base_cpu = results[0][1]
    lines = [f"Start-up, median of {args.runs} round-robin runs "
             f"(`python benchmarks/startup.py --runs {args.runs}{' --write' if args.write else ''}`, "
             f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}); the map commands read the "
             f"shipped map, `iccma` reads `{AF_NAME}` (1 000 arguments, from tests/data/iccma).", "",
             "| command | wall (ms) | ratio to `import networkx` | CPU (ms) | CPU ratio |",
             "|---|---:|---:|---:|---:|"]
    lines += [f"| `{name}` | {w * 1000:.0f} | {w / base_wall:.2f} | {c * 1000:.0f} | {c / base_cpu:.2f} |"
              for name, (w, c) in results]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.write:
        path = HERE / "STARTUP.md"
        old = path.read_text(encoding="utf-8") if path.exists() else "# CLI start-up\n\n"
        head, sep, rest = old.partition("\n## ")
        history = sep + rest if sep else ""
        path.write_text("# CLI start-up\n\n" + text + history, encoding="utf-8")


if __name__ == "__main__":
    main()
