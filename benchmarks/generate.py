"""Seeded abstract-framework generator for the benchmarks (not part of argmap).

Three families, as in the project's performance anchors:

* ``random``: m = 3n uniform attacks, no self-attacks, no duplicates;
* ``acyclic`` (layered): 8 layers, every attack from a higher layer to a lower one,
  70 % of them to the adjacent layer; m = 3n; grounded decides everything;
* ``cyclic`` (dense cyclic): a ring in which every argument is attacked by its
  successor, plus random attacks between arguments at most 50 ring positions apart,
  half of the draws as mutual attacks, up to m = 5n; the grounded extension is empty.

Argument numbers are shuffled by a seeded permutation and the attack lines are
shuffled, so file order carries no structure. Output for each (family, n):
``<out>/<family>-<n>.af`` (ICCMA 2023) and ``<family>-<n>.apx`` (ASPARTIX, for clingo).
The same (family, n, seed) always gives the same files.

Usage::

    python benchmarks/generate.py --sizes 1000,10000,100000,1000000 --seed 1
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

__all__ = ["FAMILIES", "generate", "write_instance", "main"]

FAMILIES = ("random", "acyclic", "cyclic")
HERE = Path(__file__).resolve().parent


def _dedupe(src: np.ndarray, dst: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Drop self-attacks and repeated pairs, keeping the first occurrence's order."""
    keep = src != dst
    src, dst = src[keep], dst[keep]
    key = src.astype(np.int64) * n + dst
    _, first = np.unique(key, return_index=True)
    first.sort()
    return src[first], dst[first]


def _fill(draw, n: int, m: int, base: tuple[np.ndarray, np.ndarray] | None = None
          ) -> tuple[np.ndarray, np.ndarray]:  # noqa: ANN001
    """Call ``draw(k)`` for batches of candidate attacks until *m* distinct ones exist."""
    src = base[0] if base else np.zeros(0, np.int64)
    dst = base[1] if base else np.zeros(0, np.int64)
    while src.shape[0] < m:
        need = m - src.shape[0]
        s, d = draw(int(need * 1.1) + 16)
        src, dst = _dedupe(np.concatenate([src, s]), np.concatenate([dst, d]), n)
    return src[:m], dst[:m]


def generate(family: str, n: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Attacks ``(src, dst)`` (0-based int32) of one instance of *family* with *n* arguments.

    Examples
    --------
    >>> s, d = generate("random", 100, seed=3)
    >>> len(s), bool((s != d).all())
    (300, True)
    """
    rng = np.random.default_rng([seed, FAMILIES.index(family), n])
    if family == "random":
        def draw(k: int) -> tuple[np.ndarray, np.ndarray]:
            return rng.integers(0, n, k), rng.integers(0, n, k)
        src, dst = _fill(draw, n, 3 * n)
    elif family == "acyclic":
        layers = 8
        bounds = [n * i // layers for i in range(layers + 1)]
        layer_of = np.repeat(np.arange(layers), np.diff(bounds))

        def draw(k: int) -> tuple[np.ndarray, np.ndarray]:
            s = rng.integers(bounds[1], n, k)  # any argument above the bottom layer
            ls = layer_of[s]
            adjacent = rng.random(k) < 0.7
            far = np.floor(rng.random(k) * np.maximum(ls - 1, 1)).astype(np.int64)
            lt = np.where(adjacent | (ls == 1), ls - 1, far)
            lo, hi = np.asarray(bounds)[lt], np.asarray(bounds)[lt + 1]
            d = lo + np.floor(rng.random(k) * (hi - lo)).astype(np.int64)
            return s, d
        src, dst = _fill(draw, n, 3 * n)
    elif family == "cyclic":
        ring = (np.arange(n, dtype=np.int64) + 1) % n, np.arange(n, dtype=np.int64)

        def draw(k: int) -> tuple[np.ndarray, np.ndarray]:
            half = k // 2 + 1
            a = rng.integers(0, n, half)
            off = rng.integers(1, 51, half) * rng.choice([-1, 1], half)
            b = (a + off) % n
            mutual = rng.random(half) < 0.5
            s = np.concatenate([a, b[mutual]])
            d = np.concatenate([b, a[mutual]])
            return s, d
        src, dst = _fill(draw, n, 5 * n, base=ring)
    else:
        raise ValueError(f"unknown family {family!r}; known: {', '.join(FAMILIES)}")
    perm = rng.permutation(n)
    order = rng.permutation(src.shape[0])
    return perm[src[order]].astype(np.int32), perm[dst[order]].astype(np.int32)


def write_instance(family: str, n: int, seed: int, out: Path) -> tuple[Path, Path]:
    """Write ``<family>-<n>.af`` and ``.apx`` into *out*; return their paths."""
    from argmap.af import ArgumentNumbers
    from argmap.formats.iccma import dumps_af

    from argmap.af import AF

    src, dst = generate(family, n, seed)
    out.mkdir(parents=True, exist_ok=True)
    af_path, apx_path = out / f"{family}-{n}.af", out / f"{family}-{n}.apx"
    af_path.write_text(dumps_af(AF(ArgumentNumbers(n), src, dst)))
    s = (src.astype(np.int64) + 1).tolist()
    d = (dst.astype(np.int64) + 1).tolist()
    with apx_path.open("w") as handle:
        handle.write("".join(f"arg({k}).\n" for k in range(1, n + 1)))
        handle.write("".join(f"att({a},{b}).\n" for a, b in zip(s, d)))
    return af_path, apx_path


def main(argv: list[str] | None = None) -> int:
    """Command line: generate the requested families and sizes."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--families", default=",".join(FAMILIES))
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=HERE / "instances")
    args = parser.parse_args(argv)
    for family in args.families.split(","):
        for n in (int(x) for x in args.sizes.split(",")):
            t = time.perf_counter()
            af_path, _ = write_instance(family, n, args.seed, args.out)
            print(f"{af_path.name}: {time.perf_counter() - t:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
