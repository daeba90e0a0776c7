"""Benchmark harness: argmap beside the peers a user would pick instead, in one run.

For every family, size, task and peer, each measurement runs ``peers.py`` in a fresh
child process (timings taken inside the child: reading + building, solving,
printing) with a wall-clock timeout. A cell is the median of 3 runs; a run longer
than 20 s is not repeated (marked ¹). ``TO`` = killed at the timeout; ``TO†`` = not
run because the same peer already failed the same task on a smaller instance of
the family. Every answer is verified outside the timed region (witnesses with
argmap's linear predicates, grounded against argmap's labelling, yes/no answers
across peers) and the table is written to ``RESULTS.md`` with the command line.

Usage::

    python benchmarks/generate.py --sizes 100,1000,10000,30000,60000,100000,1000000
    python benchmarks/run.py                      # everything (about an hour)
    python benchmarks/run.py --families random --sizes 1000,10000 --peers argmap,clingo
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

__all__ = ["main"]

HERE = Path(__file__).resolve().parent
TASKS = ("GR", "SE-ST", "SE-PR", "DC-PR", "DS-PR")
PEERS = ("argmap", "cli", "py", "clingo", "pysat", "pygarg", "pyarg", "afsolver")
SIZES = {
    "random": (100, 1000, 10000, 30000, 60000, 100000, 1000000),
    "cyclic": (100, 1000, 10000, 100000, 1000000),
    "acyclic": (100, 1000, 10000, 100000, 1000000),
}
PY313 = HERE / "_work" / "venv313" / "bin" / "python"
#: The timeout limits each child's CPU time (RLIMIT_CPU; --wall-timeouts: wall time instead);
#: the wall clock stops a child only at WALL_FACTOR times the timeout.
CPU_LIMIT = True
WALL_FACTOR = 3.0


def python_for(peer: str) -> str:
    return str(PY313) if peer == "afsolver" else sys.executable


def cli_command(task: str, path: Path, query: int) -> list[str]:
    """``argmap iccma`` as a competition harness runs it (the venv's console script)."""
    exe = Path(sys.executable).with_name("argmap")
    cmd = [str(exe), "iccma", "-p", "SE-GR" if task == "GR" else task, "-f", str(path)]
    return cmd + (["-a", str(query)] if task.startswith(("DC", "DS")) else [])


def measure(peer: str, task: str, path: Path, query: int, timeout: float) -> dict:
    """One child run: its timings, wall time and the answer it printed.

    The ``cli`` peer is the whole ``argmap iccma`` process: its time is the child's
    wall time, start-up included, and it prints no timings of its own.
    """
    if peer == "cli":
        cmd = cli_command(task, path, query)
    else:
        cmd = [python_for(peer), str(HERE / "peers.py"), peer, task, str(path), str(query)]
    t = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    limit = max(1, int(timeout + 0.999))

    def cpu_limit() -> None:  # in the child: the timeout is a CPU-time limit (SIGXCPU)
        resource.setrlimit(resource.RLIMIT_CPU, (limit, limit + 5))

    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout * WALL_FACTOR,
                              env={**os.environ, "PYTHONHASHSEED": "0"},
                              preexec_fn=cpu_limit if CPU_LIMIT else None)
    except subprocess.TimeoutExpired:
        return {"status": "TO", "why": "wall"}
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU seconds of the child (user + system): on a machine shared with other work the
    # wall time grows with the load, the CPU time much less
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if CPU_LIMIT and (proc.returncode in (-signal.SIGXCPU, -signal.SIGKILL) or cpu >= limit):
        return {"status": "TO", "why": "cpu", "wall": wall, "cpu": cpu}
    if proc.returncode != 0:
        return {"status": "ERR", "error": proc.stderr.strip().splitlines()[-1:] or ["?"]}
    lines = proc.stdout.strip().split("\n")
    if peer == "cli":
        times = {"load": 0.0, "solve": wall, "print": 0.0}
        lines.append("")
    else:
        times = json.loads(lines[-1])
    verdict, ext = None, None
    for line in lines[:-1]:
        if line.startswith("w"):
            ext = [int(x) for x in line.split()[1:]]
        else:
            verdict = line.strip()
    if verdict is None:
        verdict = "w"
    return {"status": "ok", "load": times["load"], "solve": times["solve"], "print": times["print"],
            "total": times["load"] + times["solve"] + times["print"], "wall": wall, "cpu": cpu,
            "verdict": verdict, "ext": ext}


class Checker:
    """Verifies answers for one instance with argmap's predicates (outside timing)."""

    def __init__(self, path: Path) -> None:
        from argmap.formats import read_af
        from argmap.semantics import grounded_labelling

        self.af = read_af(path)
        self.labels = grounded_labelling(self.af)
        undec = np.flatnonzero(self.labels == 0)
        self.query = int(undec[0]) + 1 if undec.size else 1
        self.grounded = (np.flatnonzero(self.labels == 1) + 1).tolist()

    def check(self, task: str, res: dict) -> str:
        from argmap.semantics import is_admissible, is_preferred, is_stable

        ext = res.get("ext")
        verdict = res["verdict"]
        if task == "GR":
            return "ok" if ext == self.grounded else "WRONG grounded"
        if ext is None:
            return "ok"  # a bare YES/NO: compared across peers
        s = frozenset(k - 1 for k in ext)
        if task == "SE-ST":
            return "ok" if verdict == "NO" or is_stable(self.af, s) else "WRONG not stable"
        if not is_admissible(self.af, s):
            return "WRONG not admissible"
        q = self.query - 1
        if task == "DC-PR" and q not in s:
            return "WRONG witness lacks the query"
        if task == "DS-PR" and q in s:
            return "WRONG counter-example holds the query"
        if task in ("SE-PR", "DS-PR") and self.af.n <= 10000 and not is_preferred(self.af, s):
            return "WRONG not preferred"
        return "ok"


def fmt_time(cell: dict) -> str:
    if cell["status"] == "TO":
        return f"TO>{cell['timeout']:.0f}s" + (f" ({cell['note']})" if cell.get("note") else "")
    if cell["status"] == "TO†":
        return "TO†"
    if cell["status"] == "ERR":
        return "ERR"
    if cell["status"] == "cap":
        return "–"
    t = cell["median"]
    text = f"{t * 1000:.1f} ms" if t < 1 else f"{t:.2f} s"
    if cell.get("single"):
        text += "¹"
    if cell.get("verdict") in ("YES", "NO"):
        text += f" ({cell['verdict']})"
    if cell.get("check", "ok") != "ok":
        text += f" **{cell['check']}**"
    return text


def write_results(results: list[dict], command: str, out: Path, started: str,
                  finished: str | None = None, notes: list[str] | tuple[str, ...] = ()) -> None:
    """RESULTS.md: per family a table of medians, then ratios to argmap."""
    finished = finished or time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    lines = [
        "# Benchmark results",
        "",
        f"Produced by one run of `{command}` (started {started}; finished "
        f"{finished}) on "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()} "
        "(afsolver: CPython 3.13). `benchmarks/README.md` says how to reproduce it.",
        "",
        "Times are the median of the runs of each cell (see `--runs` in the command; a run "
        "whose child used more than `--repeat-below` CPU seconds, 20 by default, is not repeated: "
        "¹ = a single run) of reading the file, building the peer's structure, "
        "solving and printing the answer, measured inside a fresh child process "
        "(interpreter start-up and imports excluded; the whole-process table below has the "
        "wall and CPU time of each child). Runs are paired: each round runs every peer of a "
        "cell once, the order reversed every other round, so a change of the machine's load "
        "affects all of them alike. `TO>60s` = killed at "
        "the timeout (20 s at n = 100), a limit on the child's CPU time (RLIMIT_CPU) "
        "unless the command says `--wall-timeouts`; the wall clock stops a child at 3× the "
        "timeout; `TO†` = not run because the same peer already failed "
        "the task on a smaller instance of the family; `(as cli)` = the in-process argmap run "
        "is skipped where the `argmap iccma` process (the same solver) already timed out; "
        "`–` = not run at this size (`--cap`, `--hard-max`). Every answer was verified: witnesses "
        "with argmap's predicates (stable; admissible; preferred up to 10⁴ arguments; DC/DS "
        "witness holds / lacks the query), grounded against argmap's labelling, and YES/NO "
        "answers across peers (a disagreement would be printed in bold).",
        "",
    ]
    if notes:
        lines += ["**Notes on this run.**", ""] + [f"* {note}" for note in notes] + [""]
    families = list(dict.fromkeys(r["family"] for r in results))
    for family in families:
        rows = [r for r in results if r["family"] == family]
        sizes = sorted({r["n"] for r in rows})
        lines += [f"## {family}", "", "| task | peer | " + " | ".join(f"n={_n(n)}" for n in sizes) + " |",
                  "|---|---|" + "---|" * len(sizes)]
        for task in TASKS:
            for peer in PEERS:
                cells = {r["n"]: r for r in rows if r["task"] == task and r["peer"] == peer}
                if not cells:
                    continue
                name = f"**{peer}**" if peer == "argmap" else peer
                lines.append(f"| {task} | {name} | " + " | ".join(
                    fmt_time(cells[n]) if n in cells else "" for n in sizes) + " |")
        lines += ["", f"Ratios (peer time / argmap time; > 1 means argmap is faster), {family}:", "",
                  "| task | peer | " + " | ".join(f"n={_n(n)}" for n in sizes) + " |",
                  "|---|---|" + "---|" * len(sizes)]
        for task in TASKS:
            base = {r["n"]: r for r in rows if r["task"] == task and r["peer"] == "argmap"}
            for peer in PEERS[1:]:
                cells = {r["n"]: r for r in rows if r["task"] == task and r["peer"] == peer}
                if not cells:
                    continue
                out_cells = []
                for n in sizes:
                    a, p = base.get(n), cells.get(n)
                    if not a or not p or a["status"] != "ok":
                        out_cells.append("")
                    elif p["status"] == "ok":
                        out_cells.append(f"{p['median'] / a['median']:.1f}×")
                    elif p["status"] == "TO":
                        out_cells.append(f"> {p['timeout'] / a['median']:.0f}×")
                    else:
                        out_cells.append(p["status"])
                lines.append(f"| {task} | {peer} | " + " | ".join(out_cells) + " |")
        lines.append("")
    lines += ["## Whole processes: wall time of the child, start-up and imports included", "",
              "What a user waits for: `cli` is `argmap iccma -p TASK -f FILE [-a ARG]`; the "
              "other peers are `python benchmarks/peers.py PEER ...` (interpreter, imports, "
              "reading, solving, printing). Median run of each cell: wall seconds, and in "
              "brackets the child's CPU seconds (user + system), which depend much less on "
              "the load of a shared machine; ratio = clingo / argmap CLI, wall and CPU (> 1: "
              "the argmap command is faster).", "",
              "| family | task | n | " + " | ".join(p for p in PEERS if p != "py") + " | clingo / cli |",
              "|---|---|---|" + "---|" * (len(PEERS) - 1) + "---|"]
    for family in families:
        for task in TASKS:
            for n in sorted({r["n"] for r in results if r["family"] == family}):
                cells, walls, cpus = [], {}, {}
                for peer in PEERS:
                    if peer == "py":
                        continue
                    row = next((r for r in results if r["family"] == family and r["n"] == n
                                and r["task"] == task and r["peer"] == peer), None)
                    if row is None:
                        cells.append("")
                    elif row["status"] == "ok":
                        run = row["runs"][row["median_index"]]
                        walls[peer] = run["wall"]
                        cpus[peer] = run.get("cpu")
                        cpu = f" (cpu {run['cpu']:.2f})" if "cpu" in run else ""
                        cells.append(f"{walls[peer]:.2f} s{cpu}")
                    else:
                        cells.append(fmt_time(row))
                if not walls:
                    continue
                ratio = ""
                if "clingo" in walls and "cli" in walls:
                    ratio = f"{walls['clingo'] / walls['cli']:.2f}×"
                    if cpus.get("clingo") and cpus.get("cli"):
                        ratio += f" (cpu {cpus['clingo'] / cpus['cli']:.2f}×)"
                lines.append(f"| {family} | {task} | {_n(n)} | " + " | ".join(cells) + f" | {ratio} |")
    lines.append("")
    lines += ["## Frontier: the largest instance each peer answered within the timeout", "",
              "| family | task | " + " | ".join(PEERS) + " |", "|---|---|" + "---|" * len(PEERS)]
    for family in families:
        for task in TASKS:
            cells = []
            for peer in PEERS:
                done = [r["n"] for r in results if r["family"] == family and r["task"] == task
                        and r["peer"] == peer and r["status"] == "ok"]
                tried = any(r["family"] == family and r["task"] == task and r["peer"] == peer
                            for r in results)
                cells.append(_n(max(done)) if done else ("none" if tried else ""))
            lines.append(f"| {family} | {task} | " + " | ".join(cells) + " |")
    lines.append("")
    lines += ["## Where argmap's time goes (load = read the file; solve; median run)", "",
              "| family | n | task | load | solve | print | total | child wall (with start-up) |",
              "|---|---|---|---|---|---|---|---|"]
    for r in results:
        if r["peer"] == "argmap" and r["status"] == "ok" and r["n"] >= 10000:
            m = r["runs"][r["median_index"]]
            lines.append(f"| {r['family']} | {_n(r['n'])} | {r['task']} | {m['load']:.3f} s | "
                         f"{m['solve']:.3f} s | {m['print']:.3f} s | {m['total']:.3f} s | {m['wall']:.3f} s |")
    lines.append("")
    out.write_text("\n".join(lines))


def _n(n: int) -> str:
    for unit, div in (("M", 10**6), ("k", 10**3)):
        if n >= div and n % div == 0:
            return f"{n // div} {unit}"
    return str(n)


def main(argv: list[str] | None = None) -> int:
    """Run the matrix and write RESULTS.md (after every cell, so a partial run is kept)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--families", default="random,cyclic,acyclic")
    parser.add_argument("--sizes", default="", help="comma list; default: each family's own list")
    parser.add_argument("--tasks", default=",".join(TASKS))
    parser.add_argument("--peers", default=",".join(PEERS))
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--timeout-at", default="",
                        help="per-size timeouts, e.g. 60000=120 (n <= 100 always gets 20 s)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--repeat-below", type=float, default=20.0,
                        help="a run whose child wall time exceeds this many seconds is not repeated")
    parser.add_argument("--wall-timeouts", action="store_true",
                        help="the timeout limits wall time (default: CPU time, wall stops at 3x)")
    parser.add_argument("--hard-max", type=int, default=0,
                        help="above this size only GR is run (0: no limit)")
    parser.add_argument("--cap", default="",
                        help="largest size per peer, e.g. pygarg=1000,pyarg=1000 (larger: not run)")
    parser.add_argument("--instances", type=Path, default=HERE / "instances")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--note", action="append", default=[],
                        help="a note for the table's head (with --merge or --render; repeatable)")
    parser.add_argument("--merge", default="",
                        help="comma list of JSON files of runs made side by side (one family each): "
                             "write --out and its JSON from them, with every command line")
    parser.add_argument("--render", action="store_true",
                        help="only rewrite --out from the JSON beside it (same run, same command)")
    args = parser.parse_args(argv)
    command = "python benchmarks/run.py " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:]))
    command = command.strip()
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    if args.merge:
        parts = [json.loads(Path(f).read_text()) for f in args.merge.split(",")]
        rows = [row for part in parts for row in part["results"]]
        commands = " and ".join(f"`{part['meta']['command']}`" for part in parts).strip("`")
        first = min(part["meta"]["started"] for part in parts)
        last = max(part["meta"].get("finished", "?") for part in parts)
        notes = [f"{len(parts)} harness processes ran side by side (one family or family group "
                 "each), each pairing the peers of its cells; their tables are merged here.",
                 *args.note]
        write_results(rows, commands, args.out, first, last, notes)
        args.out.with_suffix(".json").write_text(json.dumps(
            {"meta": {"command": commands, "started": first, "finished": last, "notes": notes},
             "results": rows}, indent=1))
        return 0
    if args.render:
        saved = json.loads(args.out.with_suffix(".json").read_text())
        meta = saved.get("meta", {}) if isinstance(saved, dict) else {}
        rows = saved["results"] if isinstance(saved, dict) else saved
        notes = [*meta.get("notes", []), *args.note]
        write_results(rows, meta.get("command", "python benchmarks/run.py"), args.out,
                      meta.get("started", "?"), meta.get("finished"), notes)
        if args.note and isinstance(saved, dict):  # keep the notes for the next --render
            saved["meta"] = {**meta, "notes": notes}
            args.out.with_suffix(".json").write_text(json.dumps(saved, indent=1))
        return 0
    global CPU_LIMIT, WALL_FACTOR
    if args.wall_timeouts:
        CPU_LIMIT, WALL_FACTOR = False, 1.0
    peers = [p for p in args.peers.split(",") if p != "afsolver" or PY313.exists()]
    caps = {k: int(v) for k, v in (c.split("=") for c in args.cap.split(",") if c)}
    timeouts = {int(k): float(v) for k, v in (c.split("=") for c in args.timeout_at.split(",") if c)}
    results: list[dict] = []
    raw = args.out.with_suffix(".json")
    for family in args.families.split(","):
        sizes = [int(x) for x in args.sizes.split(",")] if args.sizes else SIZES[family]
        failed: set[tuple[str, str]] = set()
        for n in sizes:
            path = args.instances / f"{family}-{n}.af"
            if not path.exists():
                print(f"missing {path}; run generate.py", file=sys.stderr)
                continue
            checker = Checker(path)
            timeout = 20.0 if n <= 100 else timeouts.get(n, args.timeout)
            for task in args.tasks.split(","):
                answers: dict[str, str] = {}
                rows: dict[str, dict] = {}
                live: list[str] = []
                for peer in peers:
                    if (peer == "py" and task != "GR") or (peer == "pysat" and task == "GR"):
                        continue
                    rows[peer] = {"family": family, "n": n, "task": task, "peer": peer,
                                  "query": checker.query, "runs": []}
                    if n > caps.get(peer, n) or (args.hard_max and task != "GR" and n > args.hard_max):
                        rows[peer]["status"] = "cap"
                    elif (peer, task) in failed:
                        rows[peer]["status"] = "TO†"
                    else:
                        live.append(peer)
                # paired: one run of every peer per round, so a change of load hits them alike
                for round_ in range(args.runs):
                    order = live if round_ % 2 == 0 else live[::-1]
                    for peer in list(order):
                        row = rows[peer]
                        if peer == "argmap" and rows.get("cli", {}).get("status") == "TO":
                            # the same solver in the same run already used its time
                            row.update(status="TO", timeout=timeout, note="as cli")
                            live.remove(peer)
                            continue
                        res = measure(peer, task, path, checker.query, timeout)
                        print(f"{family} {n} {task} {peer}: {res['status']} wall "
                              f"{res.get('wall', -1):.2f}s cpu {res.get('cpu', -1):.2f}s",
                              file=sys.stderr, flush=True)
                        if res["status"] != "ok":
                            row.update(status=res["status"], timeout=timeout, error=res.get("error"),
                                       why=res.get("why"))
                            failed.add((peer, task))
                            live.remove(peer)
                            continue
                        row["runs"].append(res)
                        row["status"] = "ok"
                        if res.get("cpu", res["wall"]) > args.repeat_below:
                            live.remove(peer)
                for peer, row in rows.items():
                    runs = row["runs"]
                    if row.get("status") == "ok":
                        order_ = sorted(range(len(runs)), key=lambda k: runs[k]["total"])
                        mid = order_[len(order_) // 2]
                        best = runs[mid]
                        row.update(median=best["total"], median_index=mid, single=len(runs) == 1,
                                   verdict=best["verdict"], check=checker.check(task, best),
                                   runs=[{k: v for k, v in r.items() if k != "ext"} for r in runs])
                        if best["verdict"] in ("YES", "NO") or task == "SE-ST":
                            answers[peer] = "NO" if best["verdict"] == "NO" else (
                                "YES" if task != "SE-ST" else "w")
                    else:
                        row.pop("runs", None)
                    results.append(row)
                if len(set(answers.values())) > 1:
                    for row in results:
                        if row["family"] == family and row["n"] == n and row["task"] == task \
                                and row.get("status") == "ok":
                            row["check"] = "DISAGREE " + json.dumps(answers)
                write_results(results, command, args.out, started)
                _save(raw, results, command, started)
    write_results(results, command, args.out, started)
    _save(raw, results, command, started)
    return 0


def _save(raw: Path, results: list[dict], command: str, started: str) -> None:
    meta = {"command": command, "started": started,
            "finished": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    raw.write_text(json.dumps({"meta": meta, "results": results}, indent=1))


if __name__ == "__main__":
    raise SystemExit(main())
