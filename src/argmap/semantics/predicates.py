"""Predicates whose check needs a search: preferred, semi-stable, grounded, ideal.

The cheap ones (conflict-free, admissible, complete, stable) live in
:mod:`argmap.semantics._core`; these four build on them and, for maximality, make
one SAT call. All serve as test oracles.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from ..af import AF
from ._core import as_mask, attacked_by, is_admissible, is_complete

__all__ = ["is_preferred", "is_semi_stable", "is_grounded", "is_ideal"]


def is_preferred(af: AF, ext: Iterable[int] | np.ndarray) -> bool:
    """Whether *ext* is a ⊆-maximal admissible set (Dung 1995, Def. 8).

    Notes
    -----
    ``O(n + m)`` plus one SAT call asking for an admissible strict superset.

    Examples
    --------
    >>> af = AF.from_pairs("ab", [("a", "b"), ("b", "a")])
    >>> is_preferred(af, {0}), is_preferred(af, set())
    (True, False)
    """
    from ._sat import Encoding

    mask = as_mask(af, ext)
    if not is_admissible(af, mask):
        return False
    outside = (np.flatnonzero(~mask) + 1).tolist()
    if not outside:
        return True
    with Encoding(af, "adm") as enc:
        enc.add(outside)
        return enc.solve((np.flatnonzero(mask) + 1).tolist()) is None


def is_semi_stable(af: AF, ext: Iterable[int] | np.ndarray) -> bool:
    """Whether *ext* is admissible with a ⊆-maximal range ``S ∪ S+`` (Caminada 2006).

    Examples
    --------
    >>> af = AF.from_pairs("abc", [("a", "b"), ("b", "c"), ("c", "a")])
    >>> is_semi_stable(af, set())
    True
    """
    from ._sat import Encoding

    mask = as_mask(af, ext)
    if not is_admissible(af, mask):
        return False
    rng = mask | attacked_by(af, mask)
    n = af.n
    outside = (np.flatnonzero(~rng) + 1 + 2 * n).tolist()
    if not outside:
        return True
    with Encoding(af, "com", ranges=True) as enc:
        enc.add(outside)
        return enc.solve((np.flatnonzero(rng) + 1 + 2 * n).tolist()) is None


def is_grounded(af: AF, ext: Iterable[int] | np.ndarray) -> bool:
    """Whether *ext* is the grounded extension (the least complete extension).

    Examples
    --------
    >>> af = AF.from_pairs("ab", [("a", "b")])
    >>> is_grounded(af, {0}), is_grounded(af, set())
    (True, False)
    """
    from .grounded import grounded

    return bool(np.array_equal(as_mask(af, ext), grounded(af)))


def is_ideal(af: AF, ext: Iterable[int] | np.ndarray) -> bool:
    """Whether *ext* is the ideal extension (Dung, Mancarella & Toni 2007).

    Examples
    --------
    >>> af = AF.from_pairs("ab", [("a", "b"), ("b", "a")])
    >>> is_ideal(af, set())
    True
    """
    from .tasks import ideal

    mask = as_mask(af, ext)
    return is_complete(af, mask) and set(np.flatnonzero(mask).tolist()) == set(ideal(af))
