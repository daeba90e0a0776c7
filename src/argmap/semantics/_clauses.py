"""Long disjunctions as trees of short clauses, for the SAT loops of :mod:`argmap.semantics._sat`.

The grow and enumeration loops ask for "one more argument" with a clause over every
argument outside the current set, thousands of literals on a large core. As one
clause it is correct but slow to refute: CaDiCaL's bounded variable elimination
rescans the long clause again and again, so its cost grows with the square of the
clause. On the reduct of a random 3·10^4 core (12 874 arguments), refuting "one
more argument" in a fresh solver took over 94 s of CPU with the flat clause and
11.4 s with the tree below (15 s with elimination switched off instead;
benchmarks/ABLATION.md).

:func:`at_least_one` writes ``OR(lits)`` as a tree: fresh variables ``y_j`` with
``y_j -> OR(group j)`` over groups of at most :data:`FANOUT` literals, then the
same one level up, and a root clause over the top-level ``y``. The tree is
satisfiable with exactly the assignments of the ``lits`` that satisfy ``OR(lits)``
(a ``y_j`` can be true only when its group has a true literal, and may always be
false), so it is an equisatisfiable replacement, also under a *guard* literal
(``guard -> OR(lits)``, the activation literals of the loops): once the guard is
retired (``-guard`` added), every ``y`` can be false and the tree constrains
nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ._sat import Encoding

__all__ = ["FANOUT", "at_least_one"]

#: The largest clause :func:`at_least_one` writes (besides the guard literal).
FANOUT = 32


def at_least_one(enc: Encoding, lits: list[int], guard: int | None = None) -> None:
    """Add ``OR(lits)`` to *enc* (``guard -> OR(lits)`` with a *guard*) as a tree of short clauses.

    Examples
    --------
    >>> from argmap.af import AF
    >>> from argmap.semantics._sat import Encoding
    >>> af = AF.from_pairs([str(i) for i in range(100)], [])
    >>> with Encoding(af, "adm", prefer_in=False) as enc:
    ...     enc.add_all([[-(i + 1)] for i in range(99)])  # all but argument 99 out
    ...     g = enc.new_var()
    ...     at_least_one(enc, list(range(1, 101)), guard=g)
    ...     model = enc.solve([g])
    ...     bool(model[99]), enc.solve([g, -100]) is None
    (True, True)
    """
    while len(lits) > FANOUT:
        grouped = []
        for i in range(0, len(lits), FANOUT):
            y = enc.new_var()
            enc.add([-y] + lits[i:i + FANOUT])
            grouped.append(y)
        lits = grouped
    enc.add(lits if guard is None else [-guard] + lits)
