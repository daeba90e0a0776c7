"""Grounded semantics as a linear-time labelling.

The grounded extension is the least fixpoint of Dung's characteristic function
``F(S) = {a | S defends a}``. It is computed here by the classical propagation
(Modgil & Caminada 2009, algorithm for the grounded labelling): an argument all of
whose attackers are ``out`` becomes ``in``; an argument attacked by an ``in``
argument becomes ``out``; what is left is ``undec``.

The propagation runs in vectorised rounds over the framework's CSR adjacency while
the frontier is large, and in a tight scalar loop once it becomes small, so the
whole labelling is ``O(n + m)`` (every attack is looked at at most twice; a round
only pays ``O(n)`` for a dense count when it handles more than ``n/16`` attacks)
without paying Python overhead per argument on large, shallow frameworks.

This module is the one implementation of the labelling. Its worklist,
:func:`propagate`, serves both entry points: :func:`grounded_labelling` (an
:class:`~argmap.af.AF`, numpy arrays, vectorised rounds first) and
:func:`grounded_labels` (a number of arguments and a list of attacks, plain
Python lists). The module imports numpy only when :func:`grounded_labelling` is
called, so that :mod:`argmap.evaluation` can label a small map -- most argument
maps -- without loading numpy at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from ..af import AF

__all__ = ["IN", "OUT", "UNDEC", "grounded_labelling", "grounded_labels", "grounded", "propagate",
           "LABEL_NAMES"]

#: Label codes used in labelling arrays.
IN: int = 1
OUT: int = -1
UNDEC: int = 0
#: ``code -> name`` for the three labels.
LABEL_NAMES: dict[int, str] = {IN: "in", OUT: "out", UNDEC: "undec"}

class Cells(Protocol):
    """What :func:`propagate` needs of a label or count array: a list or a numpy array."""

    def __getitem__(self, i: int, /) -> Any: ...

    def __setitem__(self, i: int, value: int, /) -> None: ...


# Below this many arguments in a frontier, the scalar loop is cheaper than a
# vectorised round (per-round numpy overhead is a few microseconds per call).
_SCALAR_BELOW = 256


def _gather(ptr: np.ndarray, idx: np.ndarray, nodes: np.ndarray) -> np.ndarray:
    """Concatenate ``idx[ptr[v]:ptr[v+1]]`` for every ``v`` in *nodes* (O(output))."""
    import numpy as np

    starts = ptr[nodes]
    lengths = ptr[nodes + 1] - starts
    total = int(lengths.sum())
    if total == 0:
        return idx[:0]
    offsets = np.cumsum(lengths) - lengths
    pos = np.repeat(starts - offsets, lengths) + np.arange(total, dtype=np.int64)
    return idx[pos]


def _unique_unlabelled(cand: np.ndarray, label: np.ndarray, stamp: np.ndarray) -> np.ndarray:
    """The distinct entries of *cand* whose label is UNDEC, in O(len(cand))."""
    import numpy as np

    cand = cand[label[cand] == UNDEC]
    if cand.shape[0] == 0:
        return cand
    pos = np.arange(cand.shape[0], dtype=np.int64)
    stamp[cand] = pos
    return cand[stamp[cand] == pos]


def grounded_labelling(af: AF) -> np.ndarray:
    """Grounded labelling of *af*: an ``int8`` array of ``IN`` (1), ``OUT`` (-1), ``UNDEC`` (0).

    Parameters
    ----------
    af : AF
        The framework. Duplicate attacks and self-attacks are allowed.

    Returns
    -------
    numpy.ndarray of int8, shape (n,)
        ``label[i]`` for argument ``i``.

    Notes
    -----
    Propagation from the unattacked arguments: ``in`` when every attacker is
    ``out``, ``out`` when some attacker is ``in``. Each attack is visited at most
    twice, so time and memory are ``O(n + m)``. A self-attacking argument is never
    ``in``; it is ``out`` if an ``in`` argument attacks it, else ``undec``. The empty
    framework gets the empty labelling.

    References
    ----------
    P. M. Dung, "On the acceptability of arguments and its fundamental role in
    nonmonotonic reasoning, logic programming and n-person games", Artificial
    Intelligence 77 (1995) 321-357.
    S. Modgil and M. Caminada, "Proof theories and algorithms for abstract
    argumentation frameworks", in Argumentation in Artificial Intelligence (2009).

    Examples
    --------
    >>> from argmap.af import AF
    >>> af = AF.from_pairs("abcd", [("a", "b"), ("b", "c"), ("d", "d")])
    >>> grounded_labelling(af).tolist()
    [1, -1, 1, 0]
    """
    import numpy as np

    n = af.n
    label = np.zeros(n, dtype=np.int8)
    if n == 0:
        return label
    ptr, idx = af.targets_csr()
    count = np.bincount(af.dst, minlength=n).astype(np.int32) if af.m else np.zeros(n, np.int32)
    stamp = np.empty(n, dtype=np.int64)
    frontier = np.flatnonzero(count == 0)
    while frontier.shape[0] >= _SCALAR_BELOW:
        label[frontier] = IN
        out_new = _unique_unlabelled(_gather(ptr, idx, frontier), label, stamp)
        label[out_new] = OUT
        hit = _gather(ptr, idx, out_new)
        if hit.shape[0] == 0:
            frontier = hit
            break
        # decrement the live-attacker count once per attack from a new OUT argument
        if hit.shape[0] * 16 > n:
            # a large round: one dense bincount (O(n), vectorised) beats sorting
            dec = np.bincount(hit, minlength=n).astype(np.int32)
            count -= dec
            frontier = np.flatnonzero((count == 0) & (dec > 0) & (label == UNDEC))
        else:
            # a small round: sort, then subtract run lengths (O(k log k), dedups)
            hit = np.sort(hit)
            starts = np.flatnonzero(np.concatenate(([True], hit[1:] != hit[:-1])))
            targets = hit[starts]
            count[targets] -= np.diff(np.append(starts, hit.shape[0])).astype(np.int32)
            frontier = targets[(count[targets] == 0) & (label[targets] == UNDEC)]
    if frontier.shape[0]:
        propagate(frontier.tolist(), label, count, lambda a: idx[ptr[a]:ptr[a + 1]].tolist())
    return label


def propagate(todo: list[int], label: Cells, count: Cells,
              targets: Callable[[int], Iterable[int]]) -> None:
    """The worklist of the grounded labelling: label from *todo* onwards, in place.

    Parameters
    ----------
    todo : list of int
        Arguments whose attackers are all ``OUT`` (or that have none); consumed.
    label : mutable sequence of int
        ``IN``/``OUT``/``UNDEC`` per argument (a list or a numpy array), updated.
    count : mutable sequence of int
        Per argument, the number of its attacks not yet known to come from an ``OUT``
        argument; updated.
    targets : callable
        ``targets(a)``: the arguments *a* attacks.

    Notes
    -----
    An argument taken from the list becomes ``IN``, its targets ``OUT``, and the
    targets of a new ``OUT`` argument lose one live attacker each; one reaching zero
    joins the list. The cost is proportional to the attacks visited, not to the size
    of the framework, which is why :func:`grounded_labelling` finishes with it once
    its frontier is small.

    Examples
    --------
    >>> label, count = [UNDEC] * 3, [0, 1, 1]
    >>> propagate([0], label, count, [[1], [2], []].__getitem__)
    >>> label
    [1, -1, 1]
    """
    while todo:
        a = todo.pop()
        if label[a] != UNDEC:
            continue
        label[a] = IN
        for b in targets(a):
            if label[b] == UNDEC:
                label[b] = OUT
                for c in targets(b):
                    count[c] -= 1
                    if count[c] == 0 and label[c] == UNDEC:
                        todo.append(c)


def grounded_labels(n: int, attacks: Iterable[tuple[int, int]]) -> list[int]:
    """Grounded labelling of the framework with arguments ``0 … n-1`` and *attacks*, as a list.

    The same labelling as :func:`grounded_labelling`, without numpy: for the small
    frameworks of argument maps, where building an :class:`~argmap.af.AF` and importing
    numpy would cost more than labelling.

    Parameters
    ----------
    n : int
        The number of arguments.
    attacks : iterable of (int, int)
        ``(a, b)``: *a* attacks *b*. Duplicates and self-attacks are allowed.

    Returns
    -------
    list of int
        ``IN`` (1), ``OUT`` (-1) or ``UNDEC`` (0) per argument.

    Notes
    -----
    ``O(n + m)``; see :func:`propagate`.

    Examples
    --------
    >>> grounded_labels(4, [(0, 1), (1, 2), (3, 3)])
    [1, -1, 1, 0]
    """
    targets: list[list[int]] = [[] for _ in range(n)]
    count = [0] * n
    for a, b in attacks:
        targets[a].append(b)
        count[b] += 1
    label = [UNDEC] * n
    propagate([i for i in range(n) if count[i] == 0], label, count, targets.__getitem__)
    return label


def grounded(af: AF) -> np.ndarray:
    """The grounded extension of *af* as a boolean mask (``True`` = in).

    Parameters
    ----------
    af : AF

    Returns
    -------
    numpy.ndarray of bool, shape (n,)

    Notes
    -----
    ``O(n + m)``; see :func:`grounded_labelling`.

    Examples
    --------
    >>> from argmap.af import AF
    >>> af = AF.from_pairs("abc", [("a", "b"), ("b", "a"), ("c", "b")])
    >>> grounded(af).nonzero()[0].tolist()
    [0, 2]
    """
    return grounded_labelling(af) == IN
