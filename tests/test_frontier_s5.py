"""The session-5 local-search probes of ``benchmarks/frontier.py`` (ABLATION.md, "Random 6·10⁴, session 5").

The probes are measurements, not solver code, but their figures are only worth
recording if what they report is true: a "stable extension found" is stable, the
reported number of defects is the number of defects of the returned set, the
admissible part is admissible and the admissible walk's set is admissible and of the
reported size. Brute force over small random frameworks is the oracle.
"""

from __future__ import annotations

import sys
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest

from argmap.af import AF
from argmap.semantics._core import is_admissible, is_stable

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def frontier():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import frontier as module
    finally:
        sys.path.pop(0)
    return module


def _random_af(rng: np.random.Generator, n: int, m: int, self_attacks: bool) -> AF:
    src = rng.integers(0, n, m)
    dst = rng.integers(0, n, m)
    if not self_attacks:
        keep = src != dst
        src, dst = src[keep], dst[keep]
    pairs = sorted(set(zip(src.tolist(), dst.tolist())))
    return AF([str(i) for i in range(n)], np.array([p[0] for p in pairs], dtype=np.int32),
              np.array([p[1] for p in pairs], dtype=np.int32))


def _defects(af: AF, mask: np.ndarray) -> int:
    hit = np.zeros(af.n, dtype=bool)
    hit[af.dst[mask[af.src]]] = True
    return int(np.count_nonzero(mask == hit))


def _has_stable(af: AF) -> bool:
    return any(is_stable(af, set(s)) for k in range(af.n + 1)
               for s in combinations(range(af.n), k))


@pytest.mark.parametrize("cb", [None, 3.5])
def test_kernel_walk_reports_true_defects_and_finds_only_stable_sets(frontier, cb):
    rng = np.random.default_rng(5)
    found = 0
    for trial in range(80):
        n = int(rng.integers(1, 9))
        af = _random_af(rng, n, int(rng.integers(0, 3 * n + 1)), self_attacks=trial % 3 == 0)
        attackers, victims = frontier._neighbours(af)
        best, members, _ = frontier.kernel_walk(attackers, victims, 2000, 0.4, trial, cb)
        mask = np.array(members, dtype=bool)
        assert best == _defects(af, mask)
        assert (best == 0) == is_stable(af, mask)
        if best == 0:
            found += 1
        else:
            assert best > 0
        if not _has_stable(af):
            assert best > 0
    assert found > 20  # small frameworks with a stable extension: the walk finds most


@pytest.mark.parametrize("cb", [None, 3.5])
def test_kernel_walk_finds_the_stable_extension_of_an_even_cycle_chain(frontier, cb):
    # a 2-cycle attacking a chain: two stable extensions, both found from any seed
    af = AF.from_pairs("abcde", [("a", "b"), ("b", "a"), ("b", "c"), ("c", "d"), ("d", "e")])
    attackers, victims = frontier._neighbours(af)
    for seed in range(5):
        best, members, _ = frontier.kernel_walk(attackers, victims, 500, 0.3, seed, cb)
        assert best == 0 and is_stable(af, np.array(members, dtype=bool))


def test_admissible_part_is_an_admissible_subset_and_keeps_admissible_sets(frontier):
    rng = np.random.default_rng(7)
    for _ in range(150):
        n = int(rng.integers(1, 9))
        af = _random_af(rng, n, int(rng.integers(0, 3 * n + 1)), self_attacks=True)
        mask = rng.random(n) < 0.5
        part = frontier.admissible_part(af, mask)
        assert is_admissible(af, part)
        assert not (part & ~mask).any()
        if is_admissible(af, mask):
            assert np.array_equal(part, mask)


def test_admissible_walk_returns_admissible_sets_of_the_reported_size(frontier):
    rng = np.random.default_rng(11)
    reached = 0
    for trial in range(60):
        n = int(rng.integers(2, 10))
        af = _random_af(rng, n, int(rng.integers(1, 3 * n + 1)), self_attacks=False)
        attackers, victims = frontier._neighbours(af)
        start = rng.random(n) < 0.4
        size, members, fewest = frontier.admissible_walk(attackers, victims, start, 300, 0.1,
                                                         4.0, trial)
        assert fewest >= 0
        if members is None:
            assert size == -1
            continue
        mask = np.array(members, dtype=bool)
        assert is_admissible(af, mask) and int(mask.sum()) == size
        reached += size > 0
    assert reached > 10
