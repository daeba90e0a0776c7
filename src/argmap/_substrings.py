"""Every occurrence of many strings in one text, in one pass over the text.

A map of 10⁵ claims quotes a source of 10 MB 10⁵ times. Searching the text once
per quote costs ``quotes × text``; :func:`find_all` instead reads the text once
per *tier* (below) and costs time linear in the text plus the occurrences found.

How it works (a seed-and-verify search, as in Rabin–Karp with many patterns):

1. Each pattern of length ``L`` is given a *tier* ``k``: the largest power of two
   not above ``L``, at most :data:`K_MAX`. All ``k``-grams of the text are hashed
   (a polynomial hash modulo 2³² with a random odd base, computed for all
   positions at once with numpy by doubling: the hash of a ``2m``-gram from two
   ``m``-grams, then multiplied by an odd constant so that the top bits depend on every
   character), and a table counts how often each bucket of hashes (their top 20 bits)
   occurs at every :data:`_COUNT_STRIDE`-th position (an estimate is all step 2 needs).
2. Each pattern is *anchored* at its rarest ``k``-gram by that count (among up to
   :data:`_SAMPLES` evenly spaced ones), so a pattern that shares common words with
   the text still has few candidates.
3. Every text position whose ``k``-gram hashes like an anchor is a candidate for the
   patterns anchored there; each candidate is verified exactly (``str.startswith``).
   A hash only proposes candidates: a collision costs one comparison, never a wrong
   answer.

Patterns of at least ``K_MAX + _STRIDE - 1`` characters (a map's quotes, mostly) take a
sampled tier (:func:`_sampled_tier`): only the text's ``k``-grams at every ``_STRIDE``-th
offset are hashed and looked up, and each pattern is anchored at ``_STRIDE`` consecutive
``k``-grams of its own, one of which every occurrence meets at a sampled offset.

Small inputs (text length times pattern count below :data:`DIRECT_WORK`) are
searched directly with ``str.find``, which is faster there; both ways give the
same offsets (``tests/test_substrings.py`` compares them on random inputs). A
pattern whose anchor is so frequent that verifying it would cost more than
searching the text is searched with ``str.find`` as well (a periodic pattern in a
periodic text, say), so no pattern costs more than it does alone.

Examples
--------
>>> {p: list(v) for p, v in find_all("a rose is a rose", ["rose", "is", "tulip"]).items()}
{'rose': [2, 12], 'is': [7], 'tulip': []}
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from itertools import repeat
from typing import Any

__all__ = ["find_all", "find_each", "K_MAX", "DIRECT_WORK"]

#: The longest anchor, in characters (longer patterns are anchored at one of their 32-grams).
K_MAX = 32
#: Below this ``len(text) * len(patterns)``, :func:`find_all` searches with ``str.find``
#: (``str.find`` reads a few 10⁹ characters a second; importing numpy and indexing costs
#: a few tenths of a second).
DIRECT_WORK = 500_000_000
_TABLE_BITS = 22         # candidate table: 4 M booleans, indexed by a hash's top bits
_COUNT_BITS = 20         # frequency table: 1 M counters, by a hash's top bits
_COUNT_STRIDE = 4        # the frequency table counts every fourth position of the text
_CHUNK = 1 << 21         # text positions hashed at a time (bounds the memory)
_PAIR_CAP = 1 << 17      # more candidates than this for one pattern: str.find instead
_MIX = 0x9E3779B1        # the multiplier of Fibonacci hashing (2³² over the golden ratio, odd)
_SAMPLES = 16            # k-grams of a pattern weighed as its anchor (evenly spaced, first and last among them)
_STRIDE = 8              # the sampled tier hashes the text's k-grams at every _STRIDE-th position only


def find_each(text: str, pattern: str) -> list[int]:
    """Every start offset of *pattern* in *text*, overlapping ones included (``str.find``)."""
    out: list[int] = []
    if not pattern:
        return out
    pos = text.find(pattern)
    while pos != -1:
        out.append(pos)
        pos = text.find(pattern, pos + 1)
    return out


def find_all(text: str, patterns: Iterable[str]) -> dict[str, list[int]]:
    """The start offsets of every occurrence of each pattern in *text*.

    Parameters
    ----------
    text : str
    patterns : iterable of str
        Repeated patterns are searched once; an empty pattern has no occurrence.

    Returns
    -------
    dict
        Each distinct pattern to the list of its offsets in increasing order
        (overlapping occurrences included).
    """
    out: dict[str, list[int]] = dict(zip(patterns, map(list, repeat(()))))
    todo = list(out)
    if not all(todo) or max(map(len, todo), default=0) > len(text):
        todo = [p for p in todo if p and len(p) <= len(text)]
    if not todo:
        return out
    if len(text) * len(todo) < DIRECT_WORK or len(todo) < 4:
        for p in todo:
            out[p] = find_each(text, p)
        return out
    import numpy as np

    codes = _codes(text)
    base = secrets.randbits(32) | 1
    lengths = np.fromiter(map(len, todo), dtype=np.int64, count=len(todo))
    long = K_MAX + _STRIDE - 1  # patterns this long are found from every _STRIDE-th k-gram of the text
    if int(lengths.min()) >= long:  # one tier (a map's quotes are sentences)
        _sampled_tier(np, text, codes, base, K_MAX, _STRIDE, todo, lengths, out)
        return out
    tiers: dict[int, list[str]] = {}
    for p in todo:
        tiers.setdefault(-1 if len(p) >= long else min(K_MAX, 1 << (len(p).bit_length() - 1)), []).append(p)
    for k, group in sorted(tiers.items()):
        group_lengths = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
        if k < 0:
            _sampled_tier(np, text, codes, base, K_MAX, _STRIDE, group, group_lengths, out)
        else:
            _tier(np, text, codes, base, k, group, group_lengths, out)
    return out


def _codes(text: str) -> Any:
    """The code points of *text* as 32-bit unsigned integers."""
    import numpy as np

    if text.isascii():
        return np.frombuffer(text.encode("ascii"), dtype=np.uint8).astype(np.uint32)
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _hashes(np: Any, codes: Any, base: int, k: int) -> Any:
    """Hash of every ``k``-gram of *codes* (``k`` a power of two): ``len(codes) - k + 1`` values.

    ``sum(codes[i + j] * base ** (k - 1 - j))`` modulo 2³², by doubling: the hash of a
    ``2m``-gram is that of its first half times ``base ** m`` plus that of its second.
    """
    h = codes
    m = 1
    while m < k:
        h = h[:-m] * np.uint32(pow(base, m, 1 << 32)) + h[m:]
        m *= 2
    return h


def _tier(np: Any, text: str, codes: Any, base: int, k: int, group: list[str], lengths: Any,
          out: dict[str, list[int]]) -> None:
    """Fill *out* with the occurrences of the patterns of *group* (of *lengths*, all at least *k*)
    that occur (the others keep their empty lists)."""
    n = len(codes)
    # 1. the hash of every k-gram of the text, chunk by chunk, and how often each bucket occurs
    #    (counted at every _COUNT_STRIDE-th position)
    hashes = np.empty(n - k + 1, dtype=np.uint32)
    # times an odd constant (a bijection modulo 2³²: equal hashes stay equal, unequal ones
    # unequal), so that k-grams that differ only near their end (the low bits of the plain
    # hash) fall in different buckets of the top bits
    mix = np.uint32(_MIX)
    for lo in range(0, n - k + 1, _CHUNK):
        hi = min(n - k + 1, lo + _CHUNK)
        hashes[lo:hi] = _hashes(np, codes[lo:hi + k - 1], base, k) * mix
    counts = np.bincount(hashes[::_COUNT_STRIDE] >> np.uint32(32 - _COUNT_BITS), minlength=1 << _COUNT_BITS)
    # 2. each pattern's rarest k-gram (by its bucket's count) among at most _SAMPLES of them,
    #    evenly spaced: its anchor (any k-gram of a pattern would do; a rare one has few candidates)
    joined = _codes("".join(group))
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    ph = _hashes(np, joined, base, k) * mix
    windows = lengths - k + 1
    sampled = np.minimum(windows, _SAMPLES)  # the first and the last k-gram among them
    first = np.concatenate(([0], np.cumsum(sampled)[:-1]))
    offset = (np.arange(int(sampled.sum()), dtype=np.int64) - np.repeat(first, sampled)) \
        * np.repeat(windows - 1, sampled) // np.repeat(np.maximum(sampled - 1, 1), sampled)
    freq = counts[ph[np.repeat(starts, sampled) + offset] >> np.uint32(32 - _COUNT_BITS)]
    key = (freq.astype(np.uint64) << np.uint64(32)) | offset.astype(np.uint64)
    anchor_offset = (np.minimum.reduceat(key, first) & np.uint64(0xFFFFFFFF)).astype(np.int64)
    anchor_hash = ph[starts + anchor_offset]
    del ph, offset, freq, key
    # 3. candidates: the text positions whose k-gram hashes like an anchor, sorted by hash
    #    (positions ascending within a hash); each pattern's are the run of its anchor's hash
    table = np.zeros(1 << _TABLE_BITS, dtype=bool)
    table[anchor_hash >> np.uint32(32 - _TABLE_BITS)] = True
    cand = np.flatnonzero(table[hashes >> np.uint32(32 - _TABLE_BITS)])
    cand_hash = hashes[cand]
    del hashes, table
    by_hash = np.argsort(cand_hash, kind="stable")
    cand, cand_hash = cand[by_hash], cand_hash[by_hash]
    run_lo = np.searchsorted(cand_hash, anchor_hash, side="left")
    per = np.searchsorted(cand_hash, anchor_hash, side="right") - run_lo
    direct = per > _PAIR_CAP  # more candidates than a search of the text costs
    for j in np.flatnonzero(direct).tolist():
        out[group[j]] = find_each(text, group[j])
    which = np.flatnonzero(~direct & (per > 0))
    if not len(which):
        return
    at, which = _expand(np, run_lo, per, which)
    start = cand[at] - anchor_offset[which]
    ok = (start >= 0) & (start + lengths[which] <= n)
    start, which = start[ok], which[ok]  # pattern by pattern, each pattern's offsets ascending
    # 4. verify exactly (str.startswith, mapped over all candidates), then each pattern's offsets
    _keep(np, text, group, start, which, out)


def _expand(np: Any, run_lo: Any, per: Any, which: Any) -> tuple[Any, Any]:
    """Each anchor of *which* repeated once per candidate of its run, with that candidate's index.

    Anchor ``j``'s candidates are ``run_lo[j] … run_lo[j] + per[j] - 1`` in the sorted
    candidate array; returns those indices for all of *which*, run after run, and beside
    each the anchor it belongs to.
    """
    reps = per[which]
    total = int(reps.sum())
    at = np.repeat(run_lo[which] - (np.cumsum(reps) - reps), reps) + np.arange(total, dtype=np.int64)
    return at, np.repeat(which, reps)


def _keep(np: Any, text: str, group: list[str], start: Any, which: Any, out: dict[str, list[int]],
          by_pattern: bool = False) -> None:
    """Verify each candidate ``group[which[i]]`` at ``start[i]`` exactly and store the hits in *out*.

    The candidates must come pattern by pattern, each pattern's offsets ascending; with
    *by_pattern* they may come in any order in which each pattern's offsets ascend (in the
    text's order, say), and are grouped by pattern (a stable sort) after the check.
    """
    which_l = which.tolist()
    hit = np.fromiter(map(text.startswith, map(group.__getitem__, which_l), start.tolist()), dtype=bool,
                      count=len(which_l))
    start, which = start[hit], which[hit]
    if not len(which):
        return
    if by_pattern:
        order = np.argsort(which, kind="stable")
        start, which = start[order], which[order]
    found, first_hit, per = np.unique(which, return_index=True, return_counts=True)
    starts_l = start.tolist()
    if int(per.max()) == 1:  # each pattern found once at most: one list of one offset each
        out.update(zip(map(group.__getitem__, found.tolist()), map(list, zip(starts_l))))
        return
    for j, at_, c in zip(found.tolist(), first_hit.tolist(), per.tolist()):
        out[group[j]] = starts_l[at_:at_ + c]


def _sampled_hashes(np: Any, codes: Any, base: int, k: int, s: int) -> Any:
    """The hashes of :func:`_hashes` of the ``k``-grams of *codes* at offsets ``0, s, 2s, ...``
    (*s* a power of two dividing *k*), each ``k``-gram that fits: its ``s``-grams there
    (Horner's rule over *s* strided columns), then ``k / s`` of them combined."""
    m = (len(codes) - k) // s + 1  # the k-grams that fit
    g_count = m + k // s - 1      # the s-grams they are made of
    grid = codes[:g_count * s].reshape(g_count, s)
    b = np.uint32(base)
    g = grid[:, 0].copy()
    for j in range(1, s):
        g *= b
        g += grid[:, j]
    h = np.zeros(m, dtype=np.uint32)
    for t in range(k // s):
        h *= np.uint32(pow(base, s, 1 << 32))
        h += g[t:t + m]
    return h


def _sampled_tier(np: Any, text: str, codes: Any, base: int, k: int, s: int, group: list[str], lengths: Any,
                  out: dict[str, list[int]]) -> None:
    """:func:`_tier` for patterns of at least ``k + s - 1`` characters, the text hashed at every *s*-th offset.

    Each pattern is anchored at *s* consecutive ``k``-grams of its own (offsets ``a`` to
    ``a + s - 1``, around its rarest sampled one): an occurrence at ``q`` then covers
    exactly one sampled offset ``p`` of the text among ``q + a`` to ``q + a + s - 1``,
    where the text's ``k``-gram is the pattern's at ``p - q``; so every occurrence is
    proposed once, by one text ``k``-gram in *s*, and verified exactly. The text costs
    ``1 / s`` of what :func:`_tier` spends on it; each pattern *s* anchors instead of one.
    A pattern whose anchors propose more than :data:`_PAIR_CAP` candidates is left to
    :func:`_tier` (and, if its rarest ``k``-gram is that common too, to ``str.find``).
    """
    n = len(codes)
    mix = np.uint32(_MIX)
    hashes = _sampled_hashes(np, codes, base, k, s) * mix  # the k-gram at s * i, for each i
    counts = np.bincount(hashes >> np.uint32(32 - _COUNT_BITS), minlength=1 << _COUNT_BITS)
    # each pattern's rarest k-gram among _SAMPLES evenly spaced ones, then the s k-grams around it
    joined = _codes("".join(group))
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    ph = _hashes(np, joined, base, k) * mix
    windows = lengths - k + 1  # at least s
    sampled = np.minimum(windows, _SAMPLES)
    first = np.concatenate(([0], np.cumsum(sampled)[:-1]))
    offset = (np.arange(int(sampled.sum()), dtype=np.int64) - np.repeat(first, sampled)) \
        * np.repeat(windows - 1, sampled) // np.repeat(np.maximum(sampled - 1, 1), sampled)
    freq = counts[ph[np.repeat(starts, sampled) + offset] >> np.uint32(32 - _COUNT_BITS)]
    key = (freq.astype(np.uint64) << np.uint64(32)) | offset.astype(np.uint64)
    rarest = (np.minimum.reduceat(key, first) & np.uint64(0xFFFFFFFF)).astype(np.int64)
    block = np.clip(rarest - s // 2, 0, windows - s)  # the first of the pattern's s anchors
    owner = np.repeat(np.arange(len(group), dtype=np.int64), s)  # anchor e belongs to pattern owner[e]
    anchor_offset = np.repeat(block, s) + np.tile(np.arange(s, dtype=np.int64), len(group))
    anchor_hash = ph[starts[owner] + anchor_offset]
    del ph, offset, freq, key
    # the anchors by hash (sorted queries make the searches below local), in any order within
    # a hash: the hits are put in order at the end
    by_hash = np.argsort(anchor_hash)
    owner, anchor_offset, anchor_hash = owner[by_hash], anchor_offset[by_hash], anchor_hash[by_hash]
    # candidates: the sampled k-grams of the text that hash like an anchor, sorted by hash
    table = np.zeros(1 << _TABLE_BITS, dtype=bool)
    table[anchor_hash >> np.uint32(32 - _TABLE_BITS)] = True
    cand = np.flatnonzero(table[hashes >> np.uint32(32 - _TABLE_BITS)])
    cand_hash = hashes[cand]
    del hashes, table
    by_hash = np.argsort(cand_hash)
    cand, cand_hash = cand[by_hash] * s, cand_hash[by_hash]  # (text offsets)
    run_lo = np.searchsorted(cand_hash, anchor_hash, side="left")
    per = np.searchsorted(cand_hash, anchor_hash, side="right") - run_lo
    # a pattern with more candidates than that (its anchors are common k-grams): left to _tier,
    # anchored at its one rarest k-gram (which may be rare where its neighbours are not)
    heavy = np.bincount(owner, weights=per, minlength=len(group)) > _PAIR_CAP
    if heavy.any():
        left = np.flatnonzero(heavy)
        _tier(np, text, codes, base, k, [group[j] for j in left.tolist()], lengths[left], out)
    which = np.flatnonzero(~heavy[owner] & (per > 0))  # anchors
    if not len(which):
        return
    at, which = _expand(np, run_lo, per, which)
    start = cand[at] - anchor_offset[which]
    which = owner[which]  # (now patterns)
    ok = (start >= 0) & (start + lengths[which] <= n)
    start, which = start[ok], which[ok]
    # verify exactly in the text's order, then each pattern's offsets in increasing order (each
    # occurrence was proposed once)
    order = np.argsort(start)
    start, which = start[order], which[order]
    _keep(np, text, group, start, which, out, by_pattern=True)
