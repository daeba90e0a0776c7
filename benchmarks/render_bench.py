"""Time the diagram of a 500-claim synthetic map, from ArgumentMap to SVG.

Run: ``python benchmarks/render_bench.py [--claims 500] [--repeat 3] [--write]``.
``--write`` replaces ``benchmarks/RENDER.md`` with the table printed.

The map is deterministic (seeded): 4 speakers, one thesis per speaker, every other
claim supporting or attacking an earlier claim (a forest of reasons), plus one
cross-speaker attack for every fifth claim; paraphrases of 8-24 words.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import time
from pathlib import Path

from argmap.model import ArgumentMap, Claim, Relation, Speaker
from argmap.render.dot import to_dot
from argmap.render.engine import find_engine, render_bytes

__all__ = ["synthetic_map", "main"]

WORDS = ("government policy internet stakeholder treaty root zone market privacy security "
         "cooperation process sovereignty public technical operators agreement failure reform "
         "accountability consensus bloc review forum principle national global").split()


def synthetic_map(n: int, seed: int = 7) -> ArgumentMap:
    """A deterministic map of *n* claims by 4 speakers (see the module docstring)."""
    rng = random.Random(seed)
    speakers = [Speaker(f"s{i}", f"Speaker {i}") for i in range(4)]
    claims: list[Claim] = []
    relations: list[Relation] = []
    pairs: set[tuple[str, str]] = set()
    for i in range(n):
        sp = speakers[i % 4].id
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 24))).capitalize() + "."
        claims.append(Claim(f"C{i}", sp, text, kind="thesis" if i < 4 else "claim"))
        if i >= 4:
            same = [c.id for c in claims[:-1] if c.speaker == sp]
            target = rng.choice(same[-40:])
            relations.append(Relation(f"C{i}", target, "support" if rng.random() < 0.75 else "attack"))
            pairs.add((f"C{i}", target))
            if i % 5 == 0:
                other = rng.choice([c.id for c in claims[:-1] if c.speaker != sp][-60:])
                if (f"C{i}", other) not in pairs:
                    relations.append(Relation(f"C{i}", other, "attack"))
                    pairs.add((f"C{i}", other))
    return ArgumentMap(title=f"Synthetic map, {n} claims", speakers=speakers, claims=claims,
                       relations=relations)


def _time(func, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main() -> None:
    """Run the benchmark and print (or write) a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", action="store_true", help="write benchmarks/RENDER.md")
    args = parser.parse_args()

    amap = synthetic_map(args.claims)
    engine = find_engine()
    rows = []
    for label, options in [("default (auto direction, no boxes)", {}),
                           ("speaker clusters, TB (the old default)",
                            {"group_by": "speaker", "rankdir": "TB"}),
                           ("speaker clusters, LR", {"group_by": "speaker", "rankdir": "LR"}),
                           ("default + --status unattacked", {"status": "unattacked"})]:
        build, dot = _time(lambda o=options: to_dot(amap, **o).to_string(), args.repeat)
        draw, svg = _time(lambda d=dot: render_bytes(d, "svg", engine=engine), args.repeat)
        rows.append(f"| {label} | {build * 1000:.0f} ms | {draw:.2f} s | {len(dot) / 1024:.0f} KB "
                    f"| {len(svg) / 1024:.0f} KB |")
    text = "\n".join([
        "# Rendering benchmark",
        "",
        "## Diagrams of a 500-claim map",
        "",
        f"`python benchmarks/render_bench.py --claims {args.claims} --repeat {args.repeat}`: "
        f"{len(amap.claims)} claims, {len(amap.relations)} relations, 4 speakers; "
        f"median of {args.repeat} runs. Engine: {engine.name}. "
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"{platform.system()}; load average {os.getloadavg()[0]:.1f} at the end of the run "
        "(other work on the machine slows the layout).",
        "",
        "| diagram | build DOT (to_dot + to_string) | Graphviz layout + SVG | DOT size | SVG size |",
        "|---|---|---|---|---|",
        *rows,
        "",
    ])
    print(text)
    if args.write:
        out = Path(__file__).parent / "RENDER.md"
        old = out.read_text(encoding="utf-8") if out.exists() else ""
        page = old[old.index("\n## The page of a"):] if "\n## The page of a" in old else ""
        out.write_text(text.rstrip("\n") + "\n" + page, encoding="utf-8")


if __name__ == "__main__":
    main()
