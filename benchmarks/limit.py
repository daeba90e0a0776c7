"""`argmap extensions FILE -s SEM --limit 1` against the library call that finds one extension.

Issue 14's target: the command with ``--limit 1`` within 1.5x the library call
(``read_af`` + ``one_extension``). Three figures per instance, each the median of N
paired rounds (one run of each per round, in fresh processes):

* ``library``: ``read_af(path)`` and ``one_extension(af, SEM)``, timed inside the child
  (imports excluded);
* ``command (in-process)``: the ``extensions`` command run inside the child after the
  imports and after Typer has built its command tree (start-up, see ``startup.py``),
  stdout captured: the library call plus what the command adds (streaming, printing);
* ``command (whole process)``: the CPU seconds of the child ``argmap extensions ...``
  process, start-up included (the start-up itself is measured by ``startup.py``).

Usage: python benchmarks/limit.py [--runs 3] [--write]   (writes benchmarks/LIMIT.md)
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES = [("cyclic-1000", "PR"), ("cyclic-10000", "PR"), ("random-10000", "PR"),
         ("random-30000", "ST"), ("cyclic-100000", "PR")]

_LIBRARY = """
import json, sys, time
import pysat.solvers
from argmap.formats import read_af
from argmap.semantics import one_extension
t = time.perf_counter(); c = time.process_time()
ext = one_extension(read_af(sys.argv[1]), sys.argv[2])
print(json.dumps({"wall": time.perf_counter() - t, "cpu": time.process_time() - c,
                  "size": -1 if ext is None else len(ext)}))
"""

_COMMAND = """
import contextlib, io, json, sys, time
import numpy, pysat.solvers, typer.main
import argmap.cli, argmap.evaluation.extensions, argmap.formats.iccma, argmap.semantics.tasks
# start-up, not timed: the imports above and Typer's command tree (built on every run)
command = typer.main.get_command(argmap.cli.app)
args = ["extensions", sys.argv[1], "-s", sys.argv[2], "--limit", "1"]
out = io.StringIO()
t = time.perf_counter(); c = time.process_time()
with contextlib.redirect_stdout(out):
    command.main(args=args, prog_name="argmap", standalone_mode=False)
wall, cpu = time.perf_counter() - t, time.process_time() - c
lines = [line for line in out.getvalue().splitlines() if line.strip()]
print(json.dumps({"wall": wall, "cpu": cpu, "lines": len(lines)}))
"""

_LIBRARY = _LIBRARY.replace("import pysat.solvers", "import numpy, pysat.solvers, argmap.formats.iccma")


def child_cpu(cmd: list[str]) -> tuple[float, str]:
    """CPU seconds (user + system) of one child run, and its stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done.stdout


def main() -> None:
    """Measure every case and print (or write) the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cases", default=",".join(f"{n}:{s}" for n, s in CASES),
                        help="instance:semantics list")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    exe = str(Path(sys.executable).with_name("argmap"))
    rows = []
    for name, sem in (c.split(":") for c in args.cases.split(",")):
        path = HERE / "instances" / f"{name}.af"
        if not path.exists():
            print(f"missing {path}: run benchmarks/generate.py", file=sys.stderr)
            continue
        lib, cmd, whole = [], [], []
        for _ in range(args.runs):
            lib.append(json.loads(child_cpu([sys.executable, "-c", _LIBRARY, str(path), sem])[1]))
            cmd.append(json.loads(child_cpu([sys.executable, "-c", _COMMAND, str(path), sem])[1]))
            whole.append(child_cpu([exe, "extensions", str(path), "-s", sem, "--limit", "1"])[0])
        lib_cpu = statistics.median(r["cpu"] for r in lib)
        cmd_cpu = statistics.median(r["cpu"] for r in cmd)
        whole_cpu = statistics.median(whole)
        found = "none" if lib[0]["size"] < 0 else f"{lib[0]['size']} arguments"
        rows.append(f"| {name} | {sem} | {found} | {lib_cpu:.3f} s | {cmd_cpu:.3f} s | "
                    f"{cmd_cpu / lib_cpu:.2f}× | {whole_cpu:.3f} s | {whole_cpu / lib_cpu:.2f}× |")
        print(rows[-1], flush=True)
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    text = "\n".join([
        f"Median of {args.runs} paired rounds, CPU seconds (`python benchmarks/limit.py --runs "
        f"{args.runs}{' --write' if args.write else ''}`, {when}).", "",
        "| instance | semantics | extension found | library: read_af + one_extension | "
        "command, in-process | ratio | command, whole process | ratio |",
        "|---|---|---|---:|---:|---:|---:|---:|", *rows]) + "\n"
    print(text)
    if args.write:
        (HERE / "LIMIT.md").write_text(
            "# `extensions --limit 1` against the library call\n\n"
            + "\n\n".join((__doc__ or "").split("\n\n")[1:3])
            + "\n\n" + text, encoding="utf-8")


if __name__ == "__main__":
    main()
