"""What each solving technique gains: argmap with one technique switched off at a time.

Techniques (see docs/evaluation.md):

* ``grounded-core``: the SAT solver sees only the arguments grounded leaves undecided;
* ``components``: the undecided core is split into independent components;
* ``stable-race``: PR tasks race a stable-extension search against the grow loop under
  doubling conflict budgets (``no stable-race``: the grow loop alone);
* ``race``: that race, against the earlier fixed scheme (``no race``: one stable try
  within 5 000 conflicts, then the grow loop without a budget);
* ``defence-closure``: the preferred grow loop adds everything an admissible set defends
  between SAT calls;
* ``stable-cap``: the stable search of the race (and of DS-PR's shortcut) stops after
  0.1 conflicts per argument (``no stable-cap``: it runs until it answers, the race of
  session 2 with its 5 000-conflict DS-PR shortcut);
* ``direct-defence``: the admissible encoding says ``x_b -> OR(x_c : c attacks a)`` for
  each attack ``(a, b)`` (``no direct-defence``: through ``d_a`` variables everywhere).

Each configuration runs the same end-to-end measurement as ``benchmarks/peers.py
argmap`` (read the ICCMA file, solve, print) in a fresh child process, with the
technique switched off by replacing the function that implements it. Answers are
compared with the full configuration's.

Usage: python benchmarks/ablation.py [--sizes 10000] [--families random] [--tasks SE-PR,DC-PR]
[--configs 'no stable-cap,no direct-defence'] [--timeout 60] [--write]
With --write the table goes to benchmarks/ABLATION.md.
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
CONFIGS = ["all", "no grounded-core", "no components", "no stable-race", "no race",
           "no defence-closure", "no stable-cap", "no direct-defence"]
TASKS = ["SE-ST", "SE-PR", "DC-PR", "DS-PR"]
FAMILIES = ["random", "cyclic", "acyclic"]


def _switch_off(config: str) -> None:
    """Replace the function behind one technique with a version that does not use it."""
    import numpy as np

    from argmap.af import AF
    from argmap.semantics import _sat, tasks

    if config == "no grounded-core":
        def whole(af: AF):  # noqa: ANN202 - same shape as tasks.core
            return (np.zeros(af.n, dtype=np.int8), af, np.arange(af.n))
        tasks.core = whole
    elif config == "no components":
        tasks._components = lambda c: [(c, np.arange(c.n))] if c.n else []
    elif config == "no stable-race":
        _sat.RACE_STRATEGIES = ("grow",)
    elif config == "no race":
        def fixed(af: AF, assumptions=None, strategies=None, first_budget=None):  # noqa: ANN001, ANN202
            quick = _sat.quick_stable(af, assumptions, budget=5000)
            if quick is not None:
                return quick
            grow = _sat._Grow(af, list(assumptions or []))
            try:
                return grow.step(2**31 - 1)[1]  # one step without a budget to speak of
            finally:
                grow.close()
        _sat.race = fixed
    elif config == "no defence-closure":
        _sat._close = lambda af, m, banned: m
    elif config == "no stable-cap":
        _sat.STABLE_CONFLICTS_PER_ARGUMENT = None
    elif config == "no direct-defence":
        _sat.DIRECT_DEFENCE = False


def child(config: str, task: str, path: str, query: int) -> None:
    """Measure one run in this process and print the answer line and the timings."""
    sys.path.insert(0, str(HERE))
    import peers

    _switch_off(config)
    cpu = time.process_time()
    _load, _solve, verdict, ext = peers.run_argmap(task, path, query)
    cpu = time.process_time() - cpu  # CPU time: on a shared machine wall time follows the load
    answer = verdict if verdict != "w" else "w " + " ".join(map(str, ext))
    print(json.dumps({"answer": answer, "total": cpu}))


def run_once(config: str, task: str, path: Path, query: int, timeout: float) -> tuple[str, float | None]:
    """One child run: its answer and in-process time; ``None`` past *timeout* seconds of CPU."""
    limit = max(1, int(timeout + 0.999))

    def cpu_limit() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (limit, limit + 5))

    try:
        done = subprocess.run([sys.executable, __file__, "--child", config, task, str(path), str(query)],
                              capture_output=True, text=True, timeout=3 * timeout, preexec_fn=cpu_limit)
    except subprocess.TimeoutExpired:
        return "timeout", None
    if done.returncode != 0:
        return "timeout", None
    data = json.loads(done.stdout.strip().splitlines()[-1])
    return data["answer"], data["total"]


def measure_all(task: str, path: Path, query: int, timeout: float,
                configs: list[str]) -> dict[str, tuple[str, float | None]]:
    """Every configuration on one task, paired: up to 3 rounds, each running every configuration
    once (the order reversed every other round); a configuration stops after a timeout or a
    run over 20 s. The median time of each."""
    times: dict[str, list[float]] = {c: [] for c in configs}
    answers: dict[str, str] = {}
    live = list(configs)
    for round_ in range(3):
        for config in (live if round_ % 2 == 0 else live[::-1]):
            answer, t = run_once(config, task, path, query, timeout)
            answers[config] = answer
            if t is None:
                times[config] = []
            else:
                times[config].append(t)
        live = [c for c in live if times[c] and times[c][-1] <= 20]
    return {c: (answers[c], statistics.median(times[c]) if times[c] else None) for c in configs}


def _query(path: Path) -> int:
    from argmap.formats import read_af
    from argmap.semantics import grounded_labelling

    label = grounded_labelling(read_af(path))
    undec = [i for i, v in enumerate(label.tolist()) if v == 0]
    return (undec[0] if undec else 0) + 1


def main() -> None:
    """Run every configuration on every family and task; print (or write) the table."""
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--families", default=",".join(FAMILIES))
    parser.add_argument("--tasks", default=",".join(TASKS))
    parser.add_argument("--configs", default=",".join(CONFIGS),
                        help="comma list of configurations ('all' is always run first)")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    configs = ["all"] + [c for c in args.configs.split(",") if c != "all"]
    unknown = [c for c in configs if c not in CONFIGS]
    if unknown:
        parser.error(f"unknown configuration(s): {', '.join(unknown)}")
    rows = []
    for size in args.sizes.split(","):
        for family in args.families.split(","):
            path = HERE / "instances" / f"{family}-{size}.af"
            if not path.exists():
                print(f"missing {path}: run benchmarks/generate.py first", file=sys.stderr)
                continue
            q = _query(path)
            for task in args.tasks.split(","):
                cells = []
                measured = measure_all(task, path, q, args.timeout, configs)
                reference = measured["all"][0]
                for config in configs:
                    answer, t = measured[config]
                    verdicts_differ = (t is not None and reference not in (None, "timeout")
                                       and answer.split()[0] != reference.split()[0])
                    cell = "TO" if t is None else (f"{t * 1000:.0f} ms" if t < 1 else f"{t:.2f} s")
                    if verdicts_differ:
                        cell += " **differs**"
                    cells.append(cell)
                    print(family, size, task, config, cell, flush=True)
                rows.append(f"| {family} {int(size):,} | {task} | " + " | ".join(cells) + " |")
    head = ["| instance | task | " + " | ".join(configs) + " |",
            "|---|---|" + "---:|" * len(configs)]
    text = "\n".join(head + rows) + "\n"
    print(text)
    if args.write:
        path = HERE / "ABLATION.md"
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        _, sep, rest = old.partition("\n## ")
        when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        path.write_text(
            "# What each technique gains\n\n"
            f"`python benchmarks/ablation.py --sizes {args.sizes} --families {args.families} "
            f"--timeout {args.timeout:g} --tasks {args.tasks} --configs '{args.configs}' --write` ({when}): "
            "argmap end to end in the child (read, solve, print; CPU time of the child for that part, "
            "start-up excluded; median of 3 "
            "paired rounds, each running every configuration once, one run above 20 s) with one "
            f"technique switched off at a time; TO = over {args.timeout:g} s of CPU time. "
            "The DC/DS query is the first argument grounded leaves undecided. Answers "
            "(YES/NO, or whether an extension exists) are compared with the full configuration.\n\n"
            + text + (sep + rest if sep else ""), encoding="utf-8")


if __name__ == "__main__":
    main()
