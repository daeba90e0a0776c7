"""The cheap predicates of the semantics package, and the helpers they share.

The ICCMA codes (:class:`~argmap.vocabulary.Semantics`) live in :mod:`argmap.vocabulary`.

The predicates are cheap, vectorised checks of Dung's (1995) definitions. They are
the oracles the tests check every computed extension against; :func:`is_preferred`
and :func:`is_semi_stable` need one SAT call each (maximality is coNP-hard).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from ..af import AF
from ..errors import QueryError, did_you_mean

__all__ = [
    "Extension",
    "as_mask",
    "as_extension",
    "arg_index",
    "attacked_by",
    "is_conflict_free",
    "is_admissible",
    "is_complete",
    "is_stable",
]

#: An extension: the set of argument numbers it contains.
Extension = frozenset[int]


def arg_index(af: AF, arg: int | str) -> int:
    """The argument number of *arg*: an ``int`` is a number, a ``str`` a name.

    Raises
    ------
    QueryError
        If there is no such argument.

    Examples
    --------
    >>> arg_index(AF.from_pairs(["a", "b"], []), "b")
    1
    """
    if isinstance(arg, (int, np.integer)) and not isinstance(arg, bool):
        if 0 <= int(arg) < af.n:
            return int(arg)
        raise QueryError(f"argument number {arg} out of range 0..{af.n - 1}")
    idx = af.index().get(str(arg))
    if idx is None:
        raise QueryError(f"no argument {arg!r} in the framework",
                         hint=did_you_mean(str(arg), af.names[:10000]))
    return idx


def as_mask(af: AF, ext: Iterable[int] | np.ndarray) -> np.ndarray:
    """A boolean membership mask of length ``af.n`` for a set of argument numbers."""
    if isinstance(ext, np.ndarray) and ext.dtype == bool:
        return ext
    mask = np.zeros(af.n, dtype=bool)
    items = np.fromiter((int(i) for i in ext), dtype=np.int64)
    mask[items] = True
    return mask


def as_extension(mask: np.ndarray) -> frozenset[int]:
    """The :data:`Extension` (frozenset of argument numbers) of a boolean mask."""
    return frozenset(np.flatnonzero(mask).tolist())


def attacked_by(af: AF, ext: Iterable[int] | np.ndarray) -> np.ndarray:
    """Mask of the arguments attacked by *ext* (its "plus" set ``S+``); ``O(n + m)``."""
    mask = as_mask(af, ext)
    hit = np.zeros(af.n, dtype=bool)
    hit[af.dst[mask[af.src]]] = True
    return hit


def is_conflict_free(af: AF, ext: Iterable[int] | np.ndarray) -> bool:
    """Whether no argument of *ext* attacks one of *ext* (self-attacks included).

    Examples
    --------
    >>> af = AF.from_pairs("ab", [("a", "b")])
    >>> is_conflict_free(af, {0}), is_conflict_free(af, {0, 1})
    (True, False)
    """
    mask = as_mask(af, ext)
    return not bool(np.any(mask[af.src] & mask[af.dst]))


def is_admissible(af: AF, ext: Iterable[int] | np.ndarray) -> bool:
    """Conflict-free and attacking every attacker of its members (Dung 1995, Def. 6).

    Examples
    --------
    >>> af = AF.from_pairs("abc", [("a", "b"), ("b", "c")])
    >>> is_admissible(af, {0, 2}), is_admissible(af, {2})
    (True, False)
    """
    mask = as_mask(af, ext)
    if not is_conflict_free(af, mask):
        return False
    plus = attacked_by(af, mask)
    return bool(np.all(plus[af.src[mask[af.dst]]]))


def _defended(af: AF, mask: np.ndarray) -> np.ndarray:
    """Mask of the arguments defended by *mask* (the characteristic function)."""
    plus = attacked_by(af, mask)
    undefended = np.zeros(af.n, dtype=bool)
    undefended[af.dst[~plus[af.src]]] = True
    return ~undefended


def is_complete(af: AF, ext: Iterable[int] | np.ndarray) -> bool:
    """Admissible and containing every argument it defends (Dung 1995, Def. 23).

    Examples
    --------
    >>> af = AF.from_pairs("abc", [("a", "b"), ("b", "c")])
    >>> is_complete(af, {0}), is_complete(af, {0, 2})
    (False, True)
    """
    mask = as_mask(af, ext)
    return is_admissible(af, mask) and bool(np.all(mask[_defended(af, mask)]))


def is_stable(af: AF, ext: Iterable[int] | np.ndarray) -> bool:
    """Conflict-free and attacking every argument outside it (Dung 1995, Def. 13).

    Examples
    --------
    >>> af = AF.from_pairs("ab", [("a", "b"), ("b", "a")])
    >>> is_stable(af, {0}), is_stable(af, set())
    (True, False)
    """
    mask = as_mask(af, ext)
    return is_conflict_free(af, mask) and bool(np.all(mask | attacked_by(af, mask)))
