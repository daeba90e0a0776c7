"""Structured maps (format 2) against the same maps flattened to one-premise supports.

Synthetic maps of 10^3 to 10^5 claims: about n/2 arguments, a third of them linked
(two or three premises), 5 % of the arguments undercut, about n/4 attacks between
claims (uniform; a fifth of them mutual, so undecided cores occur and PR and ST go to
the SAT solver). The *flattened* twin replaces every
argument by one support relation per premise and every undercut by an attack on the
undercut argument's conclusion: same claims, same number of inference links.

For each size and reading it times ``argmap.evaluation.statuses`` (compile + solve)
under GR, PR and ST on the structured map and on its twin, in one process,
interleaved, best of *repeat* runs, and writes the ratios to
``benchmarks/RESULTS-structured.md``.

    python benchmarks/structured.py                 # 1e3, 1e4, 1e5; necessary and deductive
    python benchmarks/structured.py --sizes 1000 --repeat 5
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import time
from pathlib import Path

from argmap.evaluation import statuses
from argmap.model import Argument, ArgumentMap, Claim, Relation, Speaker

HERE = Path(__file__).resolve().parent


def structured(n: int, seed: int = 1) -> ArgumentMap:
    """A random structured map with *n* claims (see the module docstring)."""
    rng = random.Random(seed)
    ids = [f"c{i}" for i in range(n)]
    speakers = [Speaker("a", "A"), Speaker("b", "B")]
    claims = [Claim(c, "a" if i % 2 else "b", c) for i, c in enumerate(ids)]
    arguments: list[Argument] = []
    shapes: set[tuple[frozenset[str], str]] = set()
    while len(arguments) < n // 2:
        k = rng.choice((2, 3)) if len(arguments) % 3 == 0 else 1
        c = rng.randrange(n)
        # premises mostly further down the list: support runs mostly one way, some cycles
        prem = {ids[min(n - 1, c + 1 + rng.randrange(50))] if rng.random() < 0.9 else ids[rng.randrange(n)]
                for _ in range(k)}
        prem.discard(ids[c])
        if not prem or (frozenset(prem), ids[c]) in shapes:
            continue
        shapes.add((frozenset(prem), ids[c]))
        arguments.append(Argument(f"r{len(arguments)}", tuple(sorted(prem)), ids[c]))
    pairs: set[tuple[str, str]] = set()
    relations: list[Relation] = []
    while len(relations) < n // 4:
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b and (ids[a], ids[b]) not in pairs:
            pairs.add((ids[a], ids[b]))
            relations.append(Relation(ids[a], ids[b], "attack"))
            if rng.random() < 0.2 and (ids[b], ids[a]) not in pairs:  # mutual: undecided cores
                pairs.add((ids[b], ids[a]))
                relations.append(Relation(ids[b], ids[a], "attack"))
    for arg in rng.sample(arguments, len(arguments) // 20):
        u = ids[rng.randrange(n)]
        if u not in arg.premises:
            relations.append(Relation(u, arg.id, "attack"))
    return ArgumentMap(title=f"structured {n}", speakers=speakers, claims=claims,
                       relations=relations, arguments=arguments)


def flattened(amap: ArgumentMap) -> ArgumentMap:
    """The twin: every argument as one-premise supports, every undercut as an attack on
    the undercut argument's conclusion (pairs kept unique)."""
    seen: set[tuple[str, str]] = set()
    relations = []
    for r in amap.relations:
        to = amap.argument(r.to_id).conclusion if amap.has_argument(r.to_id) else r.to_id
        if r.from_id != to and (r.from_id, to) not in seen:
            seen.add((r.from_id, to))
            relations.append(Relation(r.from_id, to, "attack"))
    for a in amap.arguments:
        for p in a.premises:
            if (p, a.conclusion) not in seen:
                seen.add((p, a.conclusion))
                relations.append(Relation(p, a.conclusion, "support"))
    return ArgumentMap(title=amap.title + " flattened", speakers=amap.speakers, claims=amap.claims,
                       relations=relations)


def best(fn, repeat: int) -> float:
    """The best wall time of *repeat* calls."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write RESULTS-structured.md."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    ap.add_argument("--readings", nargs="+", default=["necessary", "deductive"])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", type=Path, default=HERE / "RESULTS-structured.md")
    args = ap.parse_args(argv)
    rows = []
    warm = structured(300, seed=99)  # imports (numpy, the SAT solver) before any timing
    for sem in ("GR", "PR", "ST"):
        statuses(warm, sem, "necessary")
    for n in args.sizes:
        s = structured(n)
        f = flattened(s)
        linked = sum(1 for a in s.arguments if len(a.premises) > 1)
        undercuts = sum(1 for r in s.relations if s.has_argument(r.to_id))
        for reading in args.readings:
            for sem in ("GR", "PR", "ST"):
                ts = best(lambda: statuses(s, sem, reading), args.repeat)
                tf = best(lambda: statuses(f, sem, reading), args.repeat)
                rows.append((n, len(s.arguments), linked, undercuts, reading, sem, ts, tf, ts / tf))
                print(f"n={n} {reading:9s} {sem}: structured {ts:.3f}s flattened {tf:.3f}s "
                      f"ratio {ts / tf:.2f}", flush=True)
    lines = [
        "# Structured maps against their flattened twins",
        "",
        "`statuses(map, SEM, READING)` (compile to a framework + solve), best of "
        f"{args.repeat}, structured map vs the same map with every argument flattened to "
        "one-premise supports (undercuts become attacks on the conclusion). Target: ratio "
        "at most 2.",
        "",
        f"Command: `python benchmarks/structured.py {' '.join(sys.argv[1:])}`".rstrip() + "  ",
        f"Machine: {platform.machine()}, Python {platform.python_version()}, shared with other jobs "
        "(ratios are measured in one process, interleaved).",
        "",
        "| claims | arguments | linked | undercuts | reading | semantics | structured (s) | flattened (s) | ratio |",
        "|---:|---:|---:|---:|---|---|---:|---:|---:|",
    ]
    for n, a, lk, u, reading, sem, ts, tf, ratio in rows:
        lines.append(f"| {n:,} | {a:,} | {lk:,} | {u:,} | {reading} | {sem} | {ts:.3f} | {tf:.3f} | "
                     f"{ratio:.2f} |")
    worst = max(r[-1] for r in rows)
    lines += ["", f"Worst ratio: {worst:.2f} ({'within' if worst <= 2 else 'over'} the 2x target)."]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
