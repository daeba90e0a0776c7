"""Map-level commands on synthetic maps of growing size, whole processes.

``python benchmarks/maps.py --claims 1000,10000,100000 --write`` runs ``check``,
``uncontested``, ``compare``, ``status --semantics GR`` and ``convert --to json`` on the
maps of ``benchmarks/mapgen.py`` (generated first when missing), one fresh ``argmap``
process each, and records the wall time and the child's CPU time (user + system; it
depends much less on the load of a shared machine), then the growth per 10× size.
With ``--write`` the table goes to ``benchmarks/MAPS.md`` with the command line.
"""

from __future__ import annotations

import argparse
import resource
import shlex
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
COMMANDS = {
    "check": ["check"],
    "uncontested": ["uncontested"],
    "compare": ["compare"],
    "status GR": ["status", "--semantics", "GR"],
    "convert json": ["convert", "--to", "json"],
}


def run(words: list[str], timeout: float) -> tuple[float | None, float | None, int | None]:
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
    return wall, cpu, done.returncode


def main() -> int:
    """Measure every command on every size; print (or write) the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", default="1000,10000,100000")
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    sizes = [int(x) for x in args.claims.split(",")]
    sys.path.insert(0, str(HERE))
    import mapgen

    rows: dict[tuple[str, int], tuple[float | None, float | None, int | None]] = {}
    for n in sizes:
        path = HERE / "_work" / "maps" / f"map-{n}.yaml"
        if not path.exists():
            mapgen.generate(n)
        for name, words in COMMANDS.items():
            rows[(name, n)] = run(words[:1] + [str(path)] + words[1:], args.timeout)
            wall, cpu, rc = rows[(name, n)]
            print(name, n, wall, cpu, rc, file=sys.stderr, flush=True)

    def cell(v: tuple[float | None, float | None, int | None]) -> str:
        wall, cpu, rc = v
        if wall is None:
            return f"TO>{args.timeout:.0f}s"
        text = f"{wall:.2f} s (cpu {cpu:.2f})"
        return text + ("" if rc == 0 else f" exit {rc}")

    head = ["| command | " + " | ".join(f"{n:,} claims" for n in sizes) + " | growth per 10× (cpu) |",
            "|---|" + "---:|" * len(sizes) + "---|"]
    lines = []
    for name in COMMANDS:
        growth = []
        for a, b in zip(sizes, sizes[1:]):
            ca, cb = rows[(name, a)][1], rows[(name, b)][1]
            growth.append(f"{cb / ca:.1f}×" if ca and cb else "–")
        lines.append(f"| {name} | " + " | ".join(cell(rows[(name, n)]) for n in sizes)
                     + " | " + ", ".join(growth) + " |")
    table = "\n".join(head + lines) + "\n"
    print(table)
    if args.write:
        command = "python benchmarks/maps.py " + " ".join(shlex.quote(a) for a in sys.argv[1:])
        (HERE / "MAPS.md").write_text(
            "# Map-level commands at scale\n\n"
            f"`{command}` ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}): one fresh "
            "`argmap` process per cell on the synthetic maps of `benchmarks/mapgen.py` (about "
            "100 bytes of source per claim: 11 MB at 10⁵ claims; 1.5 relations per claim). "
            "Wall seconds, and the process's CPU seconds (user + system), which depend much "
            "less on the load of the shared machine. Exit 0 unless said.\n\n" + table,
            encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
