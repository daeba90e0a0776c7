"""Abstract argumentation frameworks as compact integer arrays.

An :class:`AF` has ``n`` arguments numbered ``0 … n-1`` (their display names in
:attr:`AF.names`) and attacks given as two parallel ``int32`` arrays
(``src[k]`` attacks ``dst[k]``). Adjacency in compressed sparse row form is built
on demand and cached. Semantics (:mod:`argmap.semantics`) work on this type only;
:mod:`argmap.framework` compiles an argument map to it.

Examples
--------
>>> af = AF.from_pairs(["a", "b", "c"], [("a", "b"), ("b", "c")])
>>> af.n, af.m
(3, 2)
>>> [af.names[j] for j in af.attackers_of(2)]
['b']
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar, overload

import numpy as np

__all__ = ["AF", "ArgumentNumbers"]

T = TypeVar("T")


class ArgumentNumbers(Sequence[str]):
    """The names ``"1" … "N"`` of an ICCMA framework, without storing them.

    Parameters
    ----------
    n : int
        The number of arguments.

    Examples
    --------
    >>> names = ArgumentNumbers(3)
    >>> len(names), names[0], list(names), "3" in names, names.index("2")
    (3, '1', ['1', '2', '3'], True, 1)
    """

    __slots__ = ("_n",)

    def __init__(self, n: int) -> None:
        self._n = int(n)

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> list[str]: ...

    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [str(k + 1) for k in range(*i.indices(self._n))]
        k = operator.index(i)
        if k < 0:
            k += self._n
        if not 0 <= k < self._n:
            raise IndexError("argument index out of range")
        return str(k + 1)

    def __iter__(self) -> Iterator[str]:
        return map(str, range(1, self._n + 1))

    def __contains__(self, name: object) -> bool:
        return (isinstance(name, str) and name.isascii() and name.isdigit()
                and not name.startswith("0") and len(name) <= len(str(self._n)) and int(name) <= self._n)

    def index(self, name: object, start: int = 0, stop: int | None = None) -> int:
        """The position of *name* (``int(name) - 1``); ValueError if absent."""
        if name not in self:
            raise ValueError(f"{name!r} is not an argument")
        k = int(name) - 1  # type: ignore[call-overload]
        if k < start or (stop is not None and k >= stop):
            raise ValueError(f"{name!r} is not in the given range")
        return k

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ArgumentNumbers):
            return self._n == other._n
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == self._n and list(other) == list(self)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"ArgumentNumbers({self._n})"


@dataclass(frozen=True, eq=False)
class AF:
    """An abstract argumentation framework (Dung 1995) over integer arguments.

    Attributes
    ----------
    names : sequence of str
        ``names[i]`` is the display name of argument ``i``; ``len(names)`` is ``n``.
    src, dst : numpy.ndarray of int32
        Attack ``k`` goes from ``src[k]`` to ``dst[k]``. Duplicates are allowed on
        construction and removed by :meth:`normalized`.
    meta : dict
        Free information carried along (for instance, for a framework compiled from a
        map, the derived attacks and the support chains behind them).
    """

    names: Sequence[str]
    src: np.ndarray
    dst: np.ndarray
    meta: dict[str, Any] = field(default_factory=dict)
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def n(self) -> int:
        """Number of arguments."""
        return len(self.names)

    @property
    def m(self) -> int:
        """Number of attacks (as stored)."""
        return int(self.src.shape[0])

    @classmethod
    def from_pairs(cls, names: Iterable[str], attacks: Iterable[tuple[str, str]],
                   meta: dict[str, Any] | None = None) -> AF:
        """Build an AF from argument names and ``(attacker, attacked)`` name pairs."""
        names = tuple(names)
        index = {a: i for i, a in enumerate(names)}
        pairs = [(index[a], index[b]) for a, b in attacks]
        src = np.fromiter((p[0] for p in pairs), dtype=np.int32, count=len(pairs))
        dst = np.fromiter((p[1] for p in pairs), dtype=np.int32, count=len(pairs))
        return cls(names, src, dst, dict(meta or {}))

    def cached(self, key: str, compute: Callable[[], T]) -> T:
        """The value stored under *key* for this framework, computed by *compute* on first use.

        An AF is immutable, so anything derived from it (adjacency, the grounded core,
        its components) can be kept with it; modules that derive such data store it
        here instead of writing the private ``_cache`` field.

        >>> af = AF.from_pairs("ab", [("a", "b")])
        >>> af.cached("twice", lambda: 2 * af.m), af.cached("twice", lambda: 0)
        (2, 2)
        """
        if key in self._cache:
            return self._cache[key]
        value = compute()
        self._cache[key] = value
        return value

    def names_of(self, ext: Iterable[int]) -> list[str]:
        """The sorted names of the arguments in *ext* (argument numbers).

        Names are sorted naturally: runs of digits compare by value.

        >>> AF.from_pairs(["10", "9", "a10", "a2"], []).names_of({0, 1, 2, 3})
        ['9', '10', 'a2', 'a10']
        >>> AF(ArgumentNumbers(12), np.zeros(0, np.int32), np.zeros(0, np.int32)).names_of({11, 1})
        ['2', '12']
        """
        if isinstance(self.names, ArgumentNumbers):  # "1" … "N", computed on access
            return [str(i + 1) for i in sorted(ext)]
        names = self.names
        out = [names[i] for i in ext]
        if all(s.isdigit() for s in out):  # ICCMA names: a fast path for big extensions
            return sorted(out, key=int)
        return sorted(out, key=_natural)

    def index(self) -> dict[str, int]:
        """``name -> argument number`` (cached)."""
        idx = self._cache.get("index")
        if idx is None:
            idx = {a: i for i, a in enumerate(self.names)}
            self._cache["index"] = idx
        return idx

    def _csr(self, by: str) -> tuple[np.ndarray, np.ndarray]:
        key = "csr_" + by
        hit = self._cache.get(key)
        if hit is None:
            keys, vals = (self.dst, self.src) if by == "in" else (self.src, self.dst)
            # One sort of a packed 64-bit key (vectorised in numpy >= 2) is several
            # times faster than a stable argsort; rows come out sorted as well.
            packed = (keys.astype(np.int64) << 32) | vals.astype(np.int64)
            packed.sort()
            ptr = np.zeros(self.n + 1, dtype=np.int64)
            np.cumsum(np.bincount(keys, minlength=self.n), out=ptr[1:])
            hit = (ptr, (packed & 0xFFFFFFFF).astype(np.int32))
            self._cache[key] = hit
        return hit

    def attackers_csr(self) -> tuple[np.ndarray, np.ndarray]:
        """``(ptr, idx)``: the attackers of ``i`` are ``idx[ptr[i]:ptr[i+1]]``."""
        return self._csr("in")

    def targets_csr(self) -> tuple[np.ndarray, np.ndarray]:
        """``(ptr, idx)``: the arguments ``i`` attacks are ``idx[ptr[i]:ptr[i+1]]``."""
        return self._csr("out")

    def attackers_of(self, i: int) -> np.ndarray:
        """The arguments attacking argument *i*."""
        ptr, idx = self.attackers_csr()
        return idx[ptr[i]:ptr[i + 1]]

    def targets_of(self, i: int) -> np.ndarray:
        """The arguments argument *i* attacks."""
        ptr, idx = self.targets_csr()
        return idx[ptr[i]:ptr[i + 1]]

    def pairs(self) -> list[tuple[str, str]]:
        """The attacks as ``(attacker, attacked)`` name pairs, in stored order."""
        names = self.names
        return [(names[a], names[b]) for a, b in zip(self.src.tolist(), self.dst.tolist())]

    def normalized(self) -> AF:
        """A copy without duplicate attacks, sorted by (attacker, attacked)."""
        if self.m == 0:
            return self
        key = np.unique(self.src.astype(np.int64) * max(self.n, 1) + self.dst)
        src = (key // max(self.n, 1)).astype(np.int32)
        dst = (key % max(self.n, 1)).astype(np.int32)
        return AF(self.names, src, dst, dict(self.meta))

    def __repr__(self) -> str:
        return f"<AF n={self.n} m={self.m}>"


def _natural(name: str) -> tuple[tuple[int, int, str], ...]:
    """Natural sort key: digit runs compare as numbers (``a2 < a10``)."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                 for part in re.split(r"(\d+)", name) if part)
