"""How fast `argmap quote` and `check --fix` find spans, as the text grows.

Builds texts of 10 KB to 1 MB from the shipped source's words (a seeded shuffle), plants
one hard-wrapped sentence in the middle, and times indexing the text and finding the
sentence from words with two typos, straight quotes and no line break. Prints a
Markdown table; the ratios to the 10 KB row are what to read (the machine is shared).

Usage: python benchmarks/quoting.py [--sizes 10000,100000,1000000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from argmap.quoting import QuoteFinder

ROOT = Path(__file__).resolve().parent.parent
TARGET = "the committee “agreed” that the quick brown fox\njumps over the lazy dog at dawn"
WORDS = 'the comittee "agreed" that the quikc brown fox jumps over the lazy dog at dawn'


def make_text(size: int, seed: int = 1) -> str:
    """About *size* characters of shuffled essay words with TARGET in the middle."""
    words = (ROOT / "maps" / "sources" / "enhanced-cooperation.txt").read_text(encoding="utf-8").split()
    rng = random.Random(seed)
    out: list[str] = []
    length = 0
    while length < size:
        w = rng.choice(words)
        out.append(w)
        length += len(w) + 1
    middle = len(out) // 2
    return " ".join(out[:middle]) + " " + TARGET + " " + " ".join(out[middle:])


def main() -> None:
    """Run the measurements and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        text = make_text(size)
        index = find = float("inf")
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            finder = QuoteFinder(text)
            t1 = time.perf_counter()
            span = finder.find(WORDS)
            t2 = time.perf_counter()
            index, find = min(index, t1 - t0), min(find, t2 - t1)
            assert span is not None and span.quote == TARGET, span
        rows.append((size, index, find))
    base = rows[0]
    print("| text | index (s) | find (s) | index ratio | find ratio |")
    print("|---:|---:|---:|---:|---:|")
    for size, index, find in rows:
        print(f"| {size:,} | {index:.4f} | {find:.4f} | {index / base[1]:.1f} | {find / base[2]:.1f} |")


if __name__ == "__main__":
    main()
