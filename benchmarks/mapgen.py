"""Seeded synthetic argument maps for the map-level benchmarks (not part of argmap).

``python benchmarks/mapgen.py --claims 100000`` writes ``benchmarks/_work/maps/map-100000.yaml``
(format 1) and its source text ``source-100000.txt``: every claim quotes one sentence
of the source, which holds the quoted sentences among filler sentences so that the
source has about 100 bytes per claim (10 MB at 10^5 claims), with its SHA-256 in the
map. Two speakers; claim ``k`` attacks or supports claims of lower numbers (the graph
is acyclic, so grounded decides every claim, and ``status --semantics GR`` has real
work), about 1.5 relations per claim, two thirds of them attacks.

``--style block`` writes ``map-100000-block.yaml`` instead: the same map (it loads to
an equal map, with the same source) with every claim and relation as a block mapping,
one ``key: value`` per line, as people write maps by hand; every tenth claim's text
folded over two lines with ``>-`` and a comment line before every fiftieth claim.

The same (claims, seed, style) always gives the same files.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from pathlib import Path

__all__ = ["generate", "main"]

HERE = Path(__file__).resolve().parent
WORDS = ("policy network state market rule law trust power public private global local "
         "agency forum right duty cost benefit risk proof claim reason fact norm voice "
         "access openness control standard process model stake interest actor").split()


def _sentence(rng: random.Random, k: int) -> str:
    body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 11)))
    return f"Point {k} says that {body}."


def generate(claims: int, seed: int = 1, out: Path | None = None, style: str = "flow") -> tuple[Path, Path]:
    """Write the map and its source; return their paths.

    *style* is ``"flow"`` (one ``{…}`` record per line) or ``"block"`` (block mappings).
    """
    if style not in ("flow", "block"):
        raise ValueError(f"unknown style {style!r}")
    rng = random.Random(f"{seed}-{claims}")
    out = out or HERE / "_work" / "maps"
    out.mkdir(parents=True, exist_ok=True)
    source_path = out / f"source-{claims}.txt"
    map_path = out / (f"map-{claims}.yaml" if style == "flow" else f"map-{claims}-block.yaml")
    quotes = [_sentence(rng, k) for k in range(claims)]
    parts = []
    for k, quote in enumerate(quotes):
        parts.append(quote)
        if k % 2 == 0:  # filler between the quoted sentences
            parts.append(f"Aside {k}: " + " ".join(rng.choice(WORDS) for _ in range(8)) + ".")
        if k % 7 == 6:
            parts.append("\n\n")
    text = " ".join(parts) + "\n"
    source_path.write_text(text, encoding="utf-8")
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    lines = ["argmap: 1", f"title: Synthetic map of {claims} claims", "sources:",
             f"  - {{id: src, file: {source_path.name}, sha256: {sha}}}", "speakers:",
             "  - {id: pro, name: Proponent}", "  - {id: con, name: Opponent}", "claims:"]
    for k, quote in enumerate(quotes):
        speaker = "pro" if k % 2 == 0 else "con"
        if style == "flow":
            lines.append(f"  - {{id: C{k}, speaker: {speaker}, text: {json.dumps('Claim ' + str(k))}, "
                         f"quote: {json.dumps(quote)}}}")
            continue
        if k % 50 == 0:
            lines.append(f"  # claims {k} to {k + 49}")
        lines += [f"  - id: C{k}", f"    speaker: {speaker}"]
        lines += ["    text: >-", "      Claim", f"      {k}"] if k % 10 == 3 else [f'    text: "Claim {k}"']
        lines.append(f"    quote: {json.dumps(quote)}")
    lines.append("relations:")
    for k in range(1, claims):
        window = range(max(0, k - 50), k)
        # at most one relation per ordered pair (the map format's rule)
        for target in rng.sample(window, min(len(window), 1 if rng.random() < 0.5 else 2)):
            kind = "attack" if rng.random() < 2 / 3 else "support"
            if style == "flow":
                lines.append(f"  - {{from: C{k}, to: C{target}, type: {kind}}}")
            else:
                lines += [f"  - from: C{k}", f"    to: C{target}", f"    type: {kind}"]
    map_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return map_path, source_path


def main(argv: list[str] | None = None) -> int:
    """Command line: write the maps of the requested sizes."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", default="1000,10000,100000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--style", choices=("flow", "block"), default="flow",
                        help="flow: one {…} record per line (the default); block: block mappings")
    args = parser.parse_args(argv)
    for n in (int(x) for x in args.claims.split(",")):
        t = time.perf_counter()
        map_path, source_path = generate(n, args.seed, args.out, args.style)
        print(f"{map_path.name}: {source_path.stat().st_size / 1e6:.1f} MB source, "
              f"{time.perf_counter() - t:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
