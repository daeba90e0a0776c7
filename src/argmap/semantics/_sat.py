"""SAT encodings of Dung's semantics on python-sat (CaDiCaL 1.9.5) and the loops over them.

Everything here works on the *core* of a framework: the arguments the grounded
labelling leaves ``undec`` and the attacks among them (see
:func:`argmap.semantics.tasks.core`). Every complete extension of a framework is
its grounded extension plus a complete extension of the core, so the solvers never
see the arguments that propagation already decided.

Encoding (linear in ``n + m``; Besnard & Doutre 2004, Cerutti et al. 2013): the
variable ``x_i`` says argument ``i`` is in, ``d_i`` says ``i`` is attacked by the
set ("defeated"), ``d_i <-> OR(x_c : c attacks i)``.

* conflict-free: ``-x_a | -x_b`` for each attack ``(a, b)``;
* admissible: ``x_b -> OR(x_c : c attacks a)`` for each attack ``(a, b)``, or
  ``x_b -> d_a`` where ``a`` has many attackers and targets
  (:meth:`Encoding._admissible`);
* complete: admissible and ``x_b | OR(-d_a : a attacks b)``;
* stable: conflict-free and ``x_b | OR(x_c : c attacks b)`` (no ``d``);
* range (semi-stable): complete plus ``r_i <-> x_i | d_i``.

Maximisation (preferred, semi-stable) is an incremental "grow" loop: keep the found
set as assumptions and ask, under a fresh activation literal, for one more argument
(or one more range element) until the solver says no. CaDiCaL is told to prefer
``x_i = true``, which makes the first model close to maximal; with Glucose the
same loop needs orders of magnitude more calls (see docs/evaluation.md).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import numpy as np

from .. import progress
from ..af import AF
from ._clauses import at_least_one

__all__ = ["Cadical", "Encoding", "preferred_extensions", "grow_preferred", "stable_extensions",
           "complete_extensions", "semi_stable_extensions", "semi_stable_ranges",
           "credulous_admissible", "skeptical_preferred", "credulous_cover", "one_preferred",
           "race", "quick_stable",
           "ideal_core", "stable_intersection", "exact_range"]


#: The admissible encoding writes defence directly, without ``d`` variables, where
#: that stays small (:meth:`Encoding._admissible`); ``False``: ``d`` everywhere
#: (the ablation's ``no direct-defence``).
DIRECT_DEFENCE = True


class Cadical:
    """One CaDiCaL 1.9.5 solver, driven through python-sat's C extension ``pysolvers``.

    The calls are the ones :class:`pysat.solvers.Cadical195` makes, without importing
    ``pysat.solvers``: that module also imports ``typing``, pysat's formula classes and
    its propagator engines, 70–100 ms of start-up against 13–20 ms for the extension
    alone, which is a tenth of a whole ``argmap iccma`` process on 10^4 arguments.
    A solve started in the main thread can be interrupted with Ctrl-C (the extension
    checks for signals when told it runs there), as with pysat's class.
    """

    __slots__ = ("handle", "ok")

    def __init__(self) -> None:
        import pysolvers  # python-sat's extension module

        self.handle = pysolvers.cadical195_new()
        self.ok = True  # False once a clause made the formula trivially unsatisfiable

    @staticmethod
    def _main() -> int:
        import threading

        return int(threading.current_thread() is threading.main_thread())

    def add_clause(self, clause: list[int]) -> None:
        """Add one clause."""
        import pysolvers

        if not pysolvers.cadical195_add_cl(self.handle, clause):
            self.ok = False

    def add_clauses(self, clauses: list[list[int]]) -> None:
        """Add many clauses; ``map()`` keeps the loop in C (a quarter faster than a Python loop)."""
        import pysolvers

        if False in list(map(pysolvers.cadical195_add_cl, itertools.repeat(self.handle, len(clauses)),
                             clauses)):
            self.ok = False

    def set_phases(self, literals: list[int]) -> None:
        """Force the phase of each literal's variable (and switch off CaDiCaL's 'lucky' phases)."""
        import pysolvers

        pysolvers.cadical195_set(self.handle, "lucky", 0)
        pysolvers.cadical195_setphases(self.handle, literals)

    def solve(self, assumptions: list[int]) -> bool:
        """``True`` if satisfiable under *assumptions*."""
        import pysolvers

        if not self.ok:
            return False
        return bool(pysolvers.cadical195_solve(self.handle, assumptions, self._main()))

    def solve_limited(self, assumptions: list[int], budget: int) -> bool | None:
        """As :meth:`solve` within *budget* conflicts; ``None`` when the budget ran out."""
        import pysolvers

        if not self.ok:
            return False
        pysolvers.cadical195_cbudget(self.handle, min(budget, 2**31 - 1))  # a C int
        res = pysolvers.cadical195_solve_lim(self.handle, assumptions, self._main())
        return None if res == 0 else res > 0

    def model(self) -> list[int]:
        """The model of the last satisfiable call (literals of every variable)."""
        import pysolvers

        return pysolvers.cadical195_model(self.handle) or []

    def stats(self) -> dict[str, int]:
        """CaDiCaL's counters (conflicts, decisions, propagations, restarts)."""
        import pysolvers

        return dict(pysolvers.cadical195_acc_stats(self.handle))

    def delete(self) -> None:
        """Free the solver (idempotent)."""
        import pysolvers

        if self.handle is not None:
            pysolvers.cadical195_del(self.handle, None)
            self.handle = None


class Encoding:
    """One incremental CaDiCaL instance holding an encoding of a (core) framework.

    Parameters
    ----------
    af : AF
        The framework (usually a grounded core).
    kind : {"adm", "com", "stb"}
        Admissible, complete or stable sets.
    ranges : bool
        Also define the range variables ``r_i`` (semi-stable).
    prefer_in : bool
        Force the phase ``x_i = true`` from the start (see :meth:`prefer_in`).
        Without it, CaDiCaL's own phase saving answers a first query much faster
        on dense cyclic frameworks; grow loops switch it on afterwards.
    """

    def __init__(self, af: AF, kind: str, *, ranges: bool = False, prefer_in: bool = True) -> None:
        self.n = n = af.n
        self.solver = Cadical()
        self.top = 3 * n if ranges else 2 * n
        src = af.src.astype(np.int64)
        dst = af.dst.astype(np.int64)
        clauses: list[list[int]] = []
        self_att = src == dst
        clauses += (-(src[self_att] + 1))[:, None].tolist()
        other = ~self_att
        clauses += np.stack([-(src[other] + 1), -(dst[other] + 1)], axis=1).tolist()
        ptr, idx = af.attackers_csr()
        p = ptr.tolist()
        xs = (idx.astype(np.int64) + 1).tolist()
        if kind == "stb":
            # stable: every argument is in or attacked by a member (no d variables)
            for b in range(n):
                clauses.append([b + 1] + xs[p[b]:p[b + 1]])
        elif kind == "adm":
            self._admissible(af, clauses, src, dst, p, xs)
        else:
            # d_a <-> OR(x_c : c attacks a)
            for a in range(n):
                clauses.append([-(n + a + 1)] + xs[p[a]:p[a + 1]])
            clauses += np.stack([-(src + 1), n + dst + 1], axis=1).tolist()
            # x_b -> d_a for each attack (a, b)
            clauses += np.stack([-(dst + 1), n + src + 1], axis=1).tolist()
        if kind == "com":
            ds = [-(n + v) for v in xs]
            for b in range(n):
                clauses.append([b + 1] + ds[p[b]:p[b + 1]])
        if ranges:
            ar = np.arange(n, dtype=np.int64)
            r = 2 * n + ar + 1
            clauses += np.stack([-r, ar + 1, n + ar + 1], axis=1).tolist()
            clauses += np.stack([r, -(ar + 1)], axis=1).tolist()
            clauses += np.stack([r, -(n + ar + 1)], axis=1).tolist()
        self.add_all(clauses)
        self.prefers_in = False
        if prefer_in:
            self.prefer_in()

    def _admissible(self, af: AF, clauses: list[list[int]], src: np.ndarray, dst: np.ndarray,
                    p: list[int], xs: list[int]) -> None:
        """The defence clauses of the admissible encoding, direct where that stays small.

        For an argument ``a`` with few attackers and targets, each attack ``(a, b)``
        gets the clause ``x_b -> OR(x_c : c attacks a)`` (no ``d_a``); for the others
        ``d_a`` is defined as in the complete encoding and ``(a, b)`` gets
        ``x_b -> d_a``. The direct clauses give the solver no auxiliary variables to
        branch on: on random 3*10^4 it refutes a DC-PR query in 6 838 conflicts
        instead of 9 416 and finds the first grow model in 11 070 instead of 16 097,
        and the encoding of dense cyclic 10^4 builds in half the time
        (benchmarks/ABLATION.md). ``a`` keeps ``d_a`` when ``outdeg * indeg`` exceeds
        ``4 (indeg + outdeg) + 8``, which bounds the clause size at a constant
        factor of the ``d`` encoding's for hubs.
        """
        n = self.n
        indeg = np.bincount(dst, minlength=n)
        outdeg = np.bincount(src, minlength=n)
        aux = outdeg * indeg > 4 * (indeg + outdeg) + 8
        if not DIRECT_DEFENCE:
            aux[:] = True
        direct = ~aux[src]
        for a, b in zip(src[direct].tolist(), (-(dst[direct] + 1)).tolist()):
            clauses.append([b] + xs[p[a]:p[a + 1]])
        if not aux.any():
            return
        for a in np.flatnonzero(aux).tolist():
            clauses.append([-(n + a + 1)] + xs[p[a]:p[a + 1]])
        via = ~direct
        clauses += np.stack([-(dst[via] + 1), n + src[via] + 1], axis=1).tolist()
        into = aux[dst]
        clauses += np.stack([-(src[into] + 1), n + dst[into] + 1], axis=1).tolist()

    def prefer_in(self) -> None:
        """Make the solver decide ``x_i = true`` first (large sets; grow loops)."""
        if self.n and not self.prefers_in:
            self.solver.set_phases(list(range(1, self.n + 1)))
        self.prefers_in = True

    def new_var(self) -> int:
        """A fresh variable (activation literals)."""
        self.top += 1
        return self.top

    def add(self, clause: list[int]) -> None:
        """Add a clause permanently."""
        self.solver.add_clause(clause)

    def add_all(self, clauses: list[list[int]]) -> None:
        """Add many clauses (straight to CaDiCaL, see :meth:`Cadical.add_clauses`)."""
        self.solver.add_clauses(clauses)

    def solve_limited(self, assumptions: list[int], budget: int) -> np.ndarray | bool | None:
        """Solve within *budget* conflicts: a model, ``False`` (UNSAT) or ``None`` (unknown)."""
        progress.sat_call()
        res = self.solver.solve_limited(assumptions, budget)
        if res is not True:
            return res
        return np.asarray(self.solver.model()[:self.top]) > 0

    def solve(self, assumptions: list[int] | None = None) -> np.ndarray | None:
        """Solve; return the mask of ``x`` (and ``r`` rows if defined) or ``None`` if UNSAT."""
        progress.sat_call()
        if not self.solver.solve(assumptions or []):
            return None
        model = self.solver.model()
        vals = np.asarray(model[:self.top if self.top <= len(model) else len(model)]) > 0
        return vals

    def x(self, model: np.ndarray) -> np.ndarray:
        """The extension part (``x`` variables) of a model."""
        return model[:self.n]

    def r(self, model: np.ndarray) -> np.ndarray:
        """The range part (``r`` variables) of a model."""
        return model[2 * self.n:3 * self.n]

    def close(self) -> None:
        """Free the solver."""
        self.solver.delete()

    def __enter__(self) -> Encoding:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _lits(mask: np.ndarray, offset: int = 0, sign: int = 1) -> list[int]:
    return (sign * (np.flatnonzero(mask) + 1 + offset)).tolist()


def _close(af: AF, m: np.ndarray, banned: int | None) -> np.ndarray:
    """Add what an admissible set defends until nothing changes (a complete superset).

    Iterating the characteristic function from an admissible set stays admissible
    and is polynomial; it saves grow-loop SAT calls. *banned* stays out (the
    closure is skipped if it would have to add it).
    """
    src, dst = af.src, af.dst
    while True:
        plus = np.zeros(af.n, dtype=bool)
        plus[dst[m[src]]] = True
        undefended = np.zeros(af.n, dtype=bool)
        undefended[dst[~plus[src]]] = True
        new = ~undefended & ~m
        if banned is not None and new[banned]:
            return m
        if not new.any():
            return m
        m = m | new


def grow_preferred(enc: Encoding, start: np.ndarray, assumptions: list[int] | None = None,
                   af: AF | None = None, banned: int | None = None) -> np.ndarray:
    """Grow an admissible set to a ⊆-maximal one (under extra *assumptions*).

    With *af*, each set found is first closed under defence (:func:`_close`).
    """
    m = enc.x(start).copy()
    extra = list(assumptions or [])
    while True:
        if af is not None:
            m = _close(af, m, banned)
        outside = _lits(~m)
        if not outside:
            return m
        act = enc.new_var()
        at_least_one(enc, outside, guard=act)
        res = enc.solve([act] + _lits(m) + extra)
        enc.add([-act])
        if res is None:
            return m
        m = enc.x(res).copy()


def preferred_extensions(af: AF, first: np.ndarray | None = None) -> Iterator[np.ndarray]:
    """All preferred extensions of *af* (masks), each found by growing an admissible set.

    After each extension ``P`` the clause ``OR(x_i : i not in P)`` forbids its subsets,
    so every new admissible set grows into a new preferred extension. *first*, a
    preferred extension found otherwise (:func:`one_preferred`), is yielded first.
    """
    if first is not None:
        yield first
    with Encoding(af, "adm") as enc:
        if first is not None:
            outside = _lits(~first)
            if not outside:
                return
            at_least_one(enc, outside)
        while True:
            model = enc.solve()
            if model is None:
                return
            p = grow_preferred(enc, model, af=af)
            yield p
            outside = _lits(~p)
            if not outside:
                return
            at_least_one(enc, outside)


def stable_extensions(af: AF) -> Iterator[np.ndarray]:
    """All stable extensions of *af* (masks); none when it has none (odd cycles)."""
    with Encoding(af, "stb", prefer_in=False) as enc:
        while True:
            model = enc.solve()
            if model is None:
                return
            s = enc.x(model).copy()
            yield s
            outside = _lits(~s)
            if not outside:
                return
            enc.add(outside)


def complete_extensions(af: AF) -> Iterator[np.ndarray]:
    """All complete extensions of *af* (masks), blocking each exact assignment."""
    with Encoding(af, "com") as enc:
        while True:
            model = enc.solve()
            if model is None:
                return
            c = enc.x(model).copy()
            yield c
            block = _lits(~c) + _lits(c, sign=-1)
            if not block:
                return
            enc.add(block)


def semi_stable_ranges(af: AF, enc: Encoding) -> Iterator[np.ndarray]:
    """The ⊆-maximal ranges of complete extensions (masks), each once.

    *enc* must be a complete encoding with range variables; subsets of every yielded
    range are blocked in it.
    """
    n = af.n
    while True:
        model = enc.solve()
        if model is None:
            return
        rng = enc.r(model).copy()
        while True:
            outside = _lits(~rng, offset=2 * n)
            if not outside:
                break
            act = enc.new_var()
            enc.add([-act] + outside)
            res = enc.solve([act] + _lits(rng, offset=2 * n))
            enc.add([-act])
            if res is None:
                break
            rng = enc.r(res).copy()
        yield rng
        outside = _lits(~rng, offset=2 * n)
        if not outside:
            return
        enc.add(outside)


def exact_range(n: int, rng: np.ndarray) -> list[int]:
    """Assumptions fixing the range variables to exactly *rng* (semi-stable enumeration)."""
    return _lits(rng, offset=2 * n) + _lits(~rng, offset=2 * n, sign=-1)


def semi_stable_extensions(af: AF) -> Iterator[np.ndarray]:
    """All semi-stable extensions of *af* (Caminada 2006): complete extensions of maximal range.

    If *af* has a stable extension, the semi-stable ones are exactly the stable ones.
    """
    with Encoding(af, "stb", prefer_in=False) as st:
        has_stable = st.solve() is not None
    if has_stable:
        yield from stable_extensions(af)
        return
    n = af.n
    with Encoding(af, "com", ranges=True) as enc:
        for rng in semi_stable_ranges(af, enc):
            with Encoding(af, "com", ranges=True) as inner:
                exact = exact_range(n, rng)
                while True:
                    model = inner.solve(exact)
                    if model is None:
                        break
                    e = inner.x(model).copy()
                    yield e
                    inner.add(_lits(~e) + _lits(e, sign=-1))


#: Conflict budget of the first round of a :func:`race`; each later round doubles it.
#: On the dense-cyclic family at 10^5 arguments CaDiCaL finds a stable extension
#: after about 2 700 conflicts; on random 10^4 it proves there is none within 2 000.
RACE_FIRST_BUDGET = 5000

#: Conflicts the stable search of a :func:`race` (and of :func:`skeptical_preferred`'s
#: shortcut) may use in all, per argument of the framework; ``None``: no cap.
#: Where a stable extension exists, CaDiCaL finds it after few conflicts per
#: argument (0.013-0.035 on the dense cyclic family from 10^3 to 10^5 arguments:
#: the search is mostly propagation); proving that there is none needs a real
#: refutation (0.27 conflicts per argument on random 10^4, 0.7 on random 3*10^4),
#: and a race that lets the stable search finish that proof spends 25-40 % of its
#: time on an answer it does not use (benchmarks/ABLATION.md). Capped, the stable
#: search is a probe: it answers where it is fast and costs a tenth of a refutation
#: where it is not; the grow loop, the authoritative strategy, is never capped.
STABLE_CONFLICTS_PER_ARGUMENT: float | None = 0.1

#: The cap never goes below this many conflicts (small frameworks, where a conflict is cheap).
STABLE_MIN_CONFLICTS = 100


def stable_cap(n: int) -> int | None:
    """The conflict cap of the stable search on a framework of *n* arguments (``None``: none)."""
    if STABLE_CONFLICTS_PER_ARGUMENT is None:
        return None
    return max(STABLE_MIN_CONFLICTS, int(n * STABLE_CONFLICTS_PER_ARGUMENT))


#: The strategies a race runs, in the order they join it (one more per round).
#: ``stable``: a stable extension (every stable extension is preferred);
#: ``grow``: the grow loop with the phase ``x_i = true`` (large sets first).
RACE_STRATEGIES = ("stable", "grow")


class _Stable:
    """A stable extension under assumptions, searched in budgeted steps.

    ``step`` returns ``("found", mask)``, ``("none", None)`` when there is no such
    stable extension or its conflict cap (:func:`stable_cap`) is used up, or ``None``
    when the budget ran out (call again with more). A stable extension is preferred,
    so finding one answers the race; "none" only drops this strategy
    (``authoritative = False``).
    """

    authoritative = False

    def __init__(self, af: AF, assumptions: list[int]) -> None:
        self.enc = Encoding(af, "stb", prefer_in=False)
        self.assumptions = assumptions
        self.left = stable_cap(af.n)

    def step(self, budget: int) -> tuple[str, np.ndarray | None] | None:
        if self.left is not None:
            budget = min(budget, self.left)
        res = self.enc.solve_limited(self.assumptions, budget)
        if res is None:
            if self.left is not None:
                self.left -= budget
                if self.left <= 0:
                    return ("none", None)
            return None
        if res is False:
            return ("none", None)
        return ("found", self.enc.x(res).copy())

    def close(self) -> None:
        self.enc.close()


class _Grow:
    """The grow loop to a ⊆-maximal admissible set, in budgeted steps.

    Starts from an admissible set containing the assumptions (the empty set when
    there are none); each SAT call asks for a strictly larger admissible set. With
    a non-empty *assumptions* list that no admissible set satisfies, the answer is
    ``("none", None)`` and it is authoritative: no preferred extension satisfies
    them either (every admissible set lies in a preferred one).
    """

    authoritative = True

    def __init__(self, af: AF, assumptions: list[int], banned: int | None = None) -> None:
        self.af = af
        self.enc = Encoding(af, "adm", prefer_in=True)
        self.extra = assumptions
        self.banned = banned
        # the first query is a plain solve under the assumptions, not "a non-empty
        # set": with the phases forced, CaDiCaL often answers it with a large set at
        # once, while the same search under an activation literal can stall
        self.m: np.ndarray | None = None
        self.act: int | None = None

    def step(self, budget: int) -> tuple[str, np.ndarray | None] | None:
        enc = self.enc
        while True:
            if self.m is None:  # first: any admissible set satisfying the assumptions
                res = enc.solve_limited(self.extra, budget)
                if res is None:
                    return None
                if res is False:
                    return ("none", None)
                self.m = enc.x(res).copy()
                continue
            if self.act is None:
                self.m = _close(self.af, self.m, self.banned)
                outside = _lits(~self.m)
                if self.banned is not None:
                    outside = [v for v in outside if v != self.banned + 1]
                if not outside:
                    return ("found", self.m)
                self.act = enc.new_var()
                at_least_one(enc, outside, guard=self.act)
            res = enc.solve_limited([self.act] + _lits(self.m) + self.extra, budget)
            if res is None:
                return None
            enc.add([-self.act])
            self.act = None
            if res is False:
                return ("found", self.m)
            self.m = enc.x(res).copy()

    def close(self) -> None:
        self.enc.close()


def race(af: AF, assumptions: list[int] | None = None,
         strategies: tuple[str, ...] | None = None,
         first_budget: int | None = None) -> np.ndarray | None:
    """A preferred extension of *af* satisfying *assumptions*, or ``None`` if there is none.

    Runs complete strategies side by side on their own incremental solvers
    (:data:`RACE_STRATEGIES`), each SAT call within a conflict budget that doubles
    every round; strategy *k* joins in round *k*, so a framework one strategy
    answers fast never pays for building the others. The first strategy to finish
    answers. A CDCL solver's time on one query varies by orders of magnitude with
    its phase heuristics; racing a few of them with geometric budgets costs at most
    a small factor over the best of them on each instance (Luby et al. 1993, Gomes
    et al. 2000), where a single fixed choice stalls on some families.

    The answer satisfies the assumptions; it is ⊆-maximal among admissible sets
    satisfying them, which for the assumptions used here (``x_q`` or ``-x_q``,
    a single argument) is a preferred extension, except that a maximal admissible
    set without ``q`` need not be preferred (callers check that, see
    :func:`skeptical_preferred`).
    """
    extra = list(assumptions or [])
    order = strategies if strategies is not None else RACE_STRATEGIES
    budget = first_budget if first_budget is not None else RACE_FIRST_BUDGET
    makers = {
        "stable": lambda: _Stable(af, extra),
        "grow": lambda: _Grow(af, extra),
    }
    running: list = []
    waiting = list(order)
    try:
        while running or waiting:
            if waiting:
                running.append(makers[waiting.pop(0)]())
            for task in list(running):
                out = task.step(budget)
                if out is None:
                    continue
                kind, mask = out
                if kind == "found":
                    return mask
                if task.authoritative:
                    return None
                running.remove(task)
                task.close()
            budget *= 2
        raise AssertionError("a race without an authoritative strategy")  # pragma: no cover
    finally:
        for task in running:
            task.close()


def quick_stable(af: AF, assumptions: list[int] | None = None,
                 budget: int = 5000) -> np.ndarray | None:
    """A stable extension (under *assumptions*) if CaDiCaL finds one within *budget* conflicts.

    ``None`` means "not found quickly" (or none exists). Semi-stable extensions use
    it as a first try: when a stable extension exists, the semi-stable ones are the
    stable ones.
    """
    with Encoding(af, "stb", prefer_in=False) as enc:
        res = enc.solve_limited(assumptions or [], budget)
        return None if res is None or res is False else enc.x(res).copy()


def one_preferred(af: AF) -> np.ndarray:
    """One preferred extension (see :func:`race`)."""
    found = race(af)
    assert found is not None  # the empty set is admissible
    return found


def credulous_admissible(af: AF, q: int) -> np.ndarray | None:
    """A preferred extension containing *q*, or ``None`` if there is none (see :func:`race`).

    Credulous acceptance under preferred equals credulous acceptance under
    admissible: any admissible set containing *q* grows into a preferred extension.
    """
    return race(af, [q + 1])


def skeptical_preferred(af: AF, q: int) -> np.ndarray | None:
    """A preferred extension lacking *q*, or ``None`` if *q* is in every one (CEGAR).

    First try: a stable extension without *q* (:func:`quick_stable`, within the
    stable search's conflict cap, :func:`stable_cap`). Second: if *q* is in no
    admissible set, any preferred extension lacks it. Then the loop: find a
    ⊆-maximal admissible set ``M`` without *q*; if no admissible superset of ``M``
    contains *q*, ``M`` is preferred and a counter-example; otherwise forbid the
    subsets of ``M`` and repeat. When no *q*-free admissible set is left, *q* is
    skeptically accepted.

    One incremental solver serves the search and the check (the shortcut has its
    own, smaller, stable encoding): the blocking clauses of the search carry an
    activation literal that only the search assumes. The 'in' phase is forced from
    the first query on: with the direct admissible encoding CaDiCaL refutes "q in
    an admissible set" on random 3*10^4 in 6 838 conflicts with it against 12 191
    with its own phases (7.7 s against 12.9 s for the whole task).
    """
    cap = stable_cap(af.n)
    quick = quick_stable(af, [-(q + 1)], budget=RACE_FIRST_BUDGET if cap is None else cap)
    if quick is not None:
        return quick
    with Encoding(af, "adm", prefer_in=True) as enc:
        if enc.solve([q + 1]) is None:
            # q is in no admissible set, so every preferred extension lacks it
            model = enc.solve()
            assert model is not None
            return grow_preferred(enc, model, af=af)
        search = enc.new_var()
        while True:
            model = enc.solve([search, -(q + 1)])
            if model is None:
                return None
            m = grow_preferred(enc, model, [search, -(q + 1)], af=af, banned=q)
            if enc.solve(_lits(m) + [q + 1]) is None:
                return m
            outside = [i for i in _lits(~m) if i != q + 1]
            if not outside:
                return None
            at_least_one(enc, outside, guard=search)


def credulous_cover(af: AF, kind: str = "adm") -> np.ndarray:
    """Mask of the arguments in at least one admissible (``"adm"``) or stable (``"stb"``) set.

    Each call asks for a set containing an argument not yet covered, so it needs at
    most one SAT call per argument and usually far fewer.
    """
    covered = np.zeros(af.n, dtype=bool)
    with Encoding(af, kind, prefer_in=kind != "stb") as enc:
        while True:
            rest = _lits(~covered)
            if not rest:
                return covered
            act = enc.new_var()
            enc.add([-act] + rest)
            model = enc.solve([act])
            if model is None:
                return covered
            covered |= enc.x(model)


def stable_intersection(af: AF) -> np.ndarray | None:
    """Mask of the arguments in every stable extension; ``None`` if there is none."""
    with Encoding(af, "stb", prefer_in=False) as enc:
        model = enc.solve()
        if model is None:
            return None
        inter = enc.x(model).copy()
        while True:
            members = _lits(inter, sign=-1)
            if not members:
                return inter
            act = enc.new_var()
            enc.add([-act] + members)
            model = enc.solve([act])
            if model is None:
                return inter
            inter &= enc.x(model)


def ideal_core(af: AF) -> np.ndarray:
    """The ideal extension of a framework whose grounded extension is empty (mask).

    Dunne (2009): the ideal extension is the largest admissible subset of the
    credulously accepted arguments none of whose attackers is credulously accepted.
    That candidate set is conflict-free, so its largest admissible subset is the
    greatest fixpoint of "drop members with an attacker the set does not attack".
    """
    cred = credulous_cover(af, "adm")
    attacked_by_cred = np.zeros(af.n, dtype=bool)
    attacked_by_cred[af.dst[cred[af.src]]] = True
    cand = cred & ~attacked_by_cred
    while True:
        plus = np.zeros(af.n, dtype=bool)
        plus[af.dst[cand[af.src]]] = True
        bad = np.zeros(af.n, dtype=bool)
        bad[af.dst[~plus[af.src]]] = True
        drop = cand & bad
        if not drop.any():
            return cand
        cand &= ~drop
