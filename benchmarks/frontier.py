"""Probes of the random 6·10^4 frontier: why the NP tasks stall there (ABLATION.md, last section).

Each subcommand measures one question about a framework's grounded core with CaDiCaL
1.9.5 (python-sat) and prints one line per measurement (CPU seconds of this process,
conflicts, answer). Run them one at a time under ``nice``; ``--cpu`` caps each solver
call (``RLIMIT_CPU`` of the whole process).

* ``structure FILE`` -- core size, strongly connected components, the benchmark's
  DC/DS query (the first argument grounded leaves undecided) and its ancestors;
* ``ball FILE --radii 4,8,...`` -- local refutation of the query: an admissible set
  holding it, restricted to the arguments within *r* attack steps upstream, with
  the defence of the outermost two layers dropped (a relaxation: UNSAT means NO);
* ``first FILE`` -- the first non-empty admissible set, with the phase ``x = true``
  (what the grow loop does) and with ``x = false`` under a clause tree "some x";
* ``refute FILE`` -- after the core part ``M`` of a preferred extension, refute
  "one more argument" on the largest SCC of the reduct in a fresh solver: one flat
  clause, the same without bounded variable elimination, and a tree of 32-literal
  clauses.

Session 4 (ABLATION.md, "Random 6·10⁴, session 4"):

* ``refutation FILE --query stb|dcq|ne`` -- one of the three global questions as a
  plain CNF over the core (``stb``: a stable extension; ``dcq``: an admissible set
  holding the query; ``ne``: a non-empty admissible set in the largest SCC, "some
  x" as a clause tree), solved by ``--solver`` (python-sat's name, e.g. cadical195,
  cadical300, kissat404, lingeling, maplechrono) with CaDiCaL options
  ``--set key=value`` (repeatable), progress every 20 000 conflicts;
* ``cubes FILE --k K`` -- the ``stb`` question split into the 2^K cubes over the K
  variables with most occurrences, each cube in a fresh CaDiCaL;
* ``failed FILE`` -- failed-literal probing of ``x_a`` for every argument of the
  largest SCC (admissible clauses, unit propagation only) to a fixpoint;
* ``phases FILE --sample K`` -- the first query of DC (an admissible set holding
  argument a) for K random arguments of the largest core component, each in a fresh
  solver, with the phase ``x = false`` and with ``x = true`` (the grow loop's).

Session 5 (ABLATION.md, "Random 6·10⁴, session 5"), stochastic local search, no SAT:

* ``walk FILE --steps N --noise P [--cb CB] --runs R`` -- a focused random walk over sets of the
  core (WalkSAT-style: pick a random defect, flip the candidate that lowers the
  number of defects most, or a random candidate with probability ``P``) towards a
  stable extension (a defect is an argument in the set and attacked by it, or out of
  it and not attacked); then the largest admissible set left when conflicts and
  undefended arguments are removed from the best set; then a second walk from that
  best set's conflict-free part that looks for admissible sets directly (hard
  admissibility clauses weighted ``--weight`` against one unit of size), reporting
  the largest admissible set it reaches and its fewest defective members. The
  admissible part's reduct (what a maximality proof would still have to cover) is
  printed with its largest SCC.
* ``sweep --sizes 1000,2000 --seeds K [--per P --cb CB]`` -- random frameworks of
  ``generate.py`` (m = 3n, seeds 1..K): how many have a stable extension (argmap's
  solver), how many a preferred extension larger than the grounded one, the core
  fraction; with ``--per P``, how many of the stable extensions that exist the walk
  finds within P steps per core argument;
* ``moment --sizes ...`` -- the tree (cavity) prediction of the grounded labelling of
  a random digraph with mean in-degree 3, and the expected number of stable
  extensions of D(n, 3/(n-1)) (exact first-moment sum).

Example: ``nice -n 10 python benchmarks/frontier.py ball benchmarks/instances/random-30000.af``
"""

from __future__ import annotations

import argparse
import itertools
import resource
import sys
import time

import networkx as nx
import numpy as np

from argmap.af import AF
from argmap.formats import read_af
from argmap.semantics import one_extension
from argmap.semantics.tasks import core


def _restrict(af: AF, keep: np.ndarray) -> tuple[AF, np.ndarray]:
    members = np.flatnonzero(keep)
    renum = np.full(af.n, -1, dtype=np.int64)
    renum[members] = np.arange(members.shape[0])
    sel = keep[af.src] & keep[af.dst]
    return (AF([af.names[i] for i in members.tolist()], renum[af.src[sel]].astype(np.int32),
               renum[af.dst[sel]].astype(np.int32)), members)


def _sccs(af: AF) -> list[set[int]]:
    g = nx.DiGraph()
    g.add_nodes_from(range(af.n))
    g.add_edges_from(zip(af.src.tolist(), af.dst.tolist()))
    return sorted(nx.strongly_connected_components(g), key=len, reverse=True)


def _solver(config: dict[str, int] | None = None):  # noqa: ANN202 - pysat's class
    from pysat.solvers import Cadical195

    s = Cadical195()
    if config:
        s.configure(config)
    return s


def _admissible_clauses(s, af: AF) -> None:  # noqa: ANN001
    """Conflict-free and direct defence: ``x_b -> OR(x_c : c attacks a)`` for each attack (a, b)."""
    ptr, idx = af.attackers_csr()
    p, xs = ptr.tolist(), (idx.astype(np.int64) + 1).tolist()
    for a, b in zip(af.src.tolist(), af.dst.tolist()):
        s.add_clause([-(a + 1), -(b + 1)])
        s.add_clause([-(b + 1)] + xs[p[a]:p[a + 1]])


def _tree(s, lits: list[int], top: int, fanout: int = 32) -> int:  # noqa: ANN001
    while len(lits) > fanout:
        grouped = []
        for i in range(0, len(lits), fanout):
            top += 1
            s.add_clause([-top] + lits[i:i + fanout])
            grouped.append(top)
        lits = grouped
    s.add_clause(lits)
    return top


def _run(s, label: str, assumptions: list[int] | None = None) -> bool:  # noqa: ANN001
    t = time.process_time()
    res = s.solve(assumptions=assumptions or [])
    print(f"{label}: {'SAT' if res else 'UNSAT'} in {time.process_time() - t:.2f} s CPU, "
          f"{s.accum_stats()['conflicts']} conflicts", flush=True)
    return bool(res)


def _query(af: AF) -> tuple[AF, np.ndarray, np.ndarray, int]:
    label, c, members = core(af)
    q = int(np.flatnonzero(label == 0)[0])
    return c, label, members, int(np.searchsorted(members, q))


def structure(af: AF) -> None:
    c, label, members, qc = _query(af)
    sccs = _sccs(c)
    g = nx.DiGraph()
    g.add_edges_from(zip(c.src.tolist(), c.dst.tolist()))
    print(f"n {af.n}, core {c.n} arguments / {c.m} attacks; {len(sccs)} SCCs, largest "
          f"{len(sccs[0])}, single arguments {sum(len(x) == 1 for x in sccs)}")
    print(f"query {members[qc] + 1} (ICCMA number), in the largest SCC: {qc in sccs[0]}, "
          f"ancestors {len(nx.ancestors(g, qc)) + 1}")


def ball(af: AF, radii: list[int]) -> None:
    c, _, _, qc = _query(af)
    ptr, idx = c.attackers_csr()
    p, att = ptr.tolist(), idx.tolist()
    dist = np.full(c.n, -1)
    dist[qc] = 0
    layer, d = [qc], 0
    while layer:
        d += 1
        nxt = []
        for v in layer:
            for u in att[p[v]:p[v + 1]]:
                if dist[u] < 0:
                    dist[u] = d
                    nxt.append(u)
        layer = nxt
    print(f"eccentricity of the query upstream: {int(dist.max())}")
    for r in radii:
        inside = (dist >= 0) & (dist <= r)
        s = _solver()
        for a, b in zip(c.src.tolist(), c.dst.tolist()):
            if inside[a] and inside[b]:
                s.add_clause([-(a + 1), -(b + 1)])
                if dist[b] + 2 <= r:
                    s.add_clause([-(b + 1)] + [x + 1 for x in att[p[a]:p[a + 1]]])
        _run(s, f"radius {r} ({int(inside.sum())} arguments)", [qc + 1])


def first(af: AF) -> None:
    c, _, _, _ = _query(af)
    for phase in ("in", "out"):
        s = _solver()
        _admissible_clauses(s, c)
        if phase == "out":
            _tree(s, list(range(1, c.n + 1)), c.n)
        s.set_phases([(i + 1) if phase == "in" else -(i + 1) for i in range(c.n)])
        if _run(s, f"first admissible set, phase x={phase == 'in'}"):
            print(f"  size {sum(1 for v in s.get_model()[:c.n] if v > 0)}")


def refute(af: AF) -> None:
    label, c, members = core(af)
    ext = one_extension(af, "PR")
    m = np.zeros(af.n, dtype=bool)
    m[list(ext or ())] = True
    mc = m[members]
    out = mc.copy()
    out[c.dst[mc[c.src]]] = True
    red, _ = _restrict(c, ~out)
    if red.n == 0:
        print(f"core part of the preferred extension: {int(mc.sum())}; the reduct is empty")
        return
    big = np.zeros(red.n, dtype=bool)
    big[list(_sccs(red)[0])] = True
    g, _ = _restrict(red, big)
    print(f"core part of the preferred extension: {int(mc.sum())}; reduct {red.n}, largest SCC {g.n}")
    for name, config, tree in (("tree of 32-literal clauses", None, True),
                               ("one flat clause, elim=0", {"elim": 0}, False),
                               ("one flat clause", None, False)):
        s = _solver(config)
        _admissible_clauses(s, g)
        lits = list(range(1, g.n + 1))
        if tree:
            _tree(s, lits, g.n)
        else:
            s.add_clause(lits)
        s.set_phases([-(i + 1) for i in range(g.n)])
        _run(s, f"one more argument, {name}")


def _cnf(af: AF, query: str) -> list[list[int]]:
    """The clauses of one of the global questions of ``refutation`` (see the module docstring)."""
    c, _, _, qc = _query(af)
    if query == "ne":
        big = np.zeros(c.n, dtype=bool)
        big[list(_sccs(c)[0])] = True
        c, _ = _restrict(c, big)
    ptr, idx = c.attackers_csr()
    p, xs = ptr.tolist(), (idx.astype(np.int64) + 1).tolist()
    src, dst = c.src.tolist(), c.dst.tolist()
    clauses = [[-(a + 1), -(b + 1)] if a != b else [-(a + 1)] for a, b in zip(src, dst)]
    if query == "stb":
        return clauses + [[b + 1] + xs[p[b]:p[b + 1]] for b in range(c.n)]
    clauses += [[-(b + 1)] + xs[p[a]:p[a + 1]] for a, b in zip(src, dst)]
    if query == "dcq":
        return clauses + [[qc + 1]]
    top, lits = c.n, list(range(1, c.n + 1))
    while len(lits) > 32:
        grouped = []
        for i in range(0, len(lits), 32):
            top += 1
            clauses.append([-top] + lits[i:i + 32])
            grouped.append(top)
        lits = grouped
    return clauses + [lits]


def refutation(af: AF, query: str, solver: str, options: list[str]) -> None:
    from pysat.solvers import Solver

    clauses = _cnf(af, query)
    s = Solver(name=solver, bootstrap_with=clauses)
    for opt in options:
        key, value = opt.split("=")
        import pysolvers

        getattr(pysolvers, f"{solver}_set")(s.solver.cadical, key, int(value))
    t = time.process_time()
    if solver.startswith("kissat"):  # no conflict budgets or statistics through python-sat
        res = s.solve()
        print(f"{query} {solver}: {'SAT' if res else 'UNSAT'} in {time.process_time() - t:.2f} s CPU")
        return
    while True:
        s.conf_budget(20000)
        res = s.solve_limited()
        print(f"{query} {solver} {' '.join(options)}: {time.process_time() - t:7.1f} s CPU, "
              f"{s.accum_stats()['conflicts']} conflicts, "
              f"{'unknown' if res is None else 'SAT' if res else 'UNSAT'}", flush=True)
        if res is not None:
            return


def cubes(af: AF, k: int) -> None:
    clauses = _cnf(af, "stb")
    occ: dict[int, int] = {}
    for cl in clauses:
        for lit in cl:
            occ[abs(lit)] = occ.get(abs(lit), 0) + 1
    split = sorted(occ, key=lambda v: -occ[v])[:k]
    t = time.process_time()
    total = 0
    for signs in itertools.product((1, -1), repeat=k):
        s = _solver()
        for cl in clauses:
            s.add_clause(cl)
        res = s.solve(assumptions=[sg * v for sg, v in zip(signs, split)])
        total += s.accum_stats()["conflicts"]
        s.delete()
        if res:
            break
    print(f"stb in {2 ** k} cubes: {'SAT' if res else 'UNSAT'}, {total} conflicts, "
          f"{time.process_time() - t:.2f} s CPU")


def failed(af: AF) -> None:
    from pysat.solvers import Solver

    c, _, _, _ = _query(af)
    big = np.zeros(c.n, dtype=bool)
    big[list(_sccs(c)[0])] = True
    g, _ = _restrict(c, big)
    s = Solver(name="glucose4")
    ptr, idx = g.attackers_csr()
    p, xs = ptr.tolist(), (idx.astype(np.int64) + 1).tolist()
    for a, b in zip(g.src.tolist(), g.dst.tolist()):
        s.add_clause([-(a + 1), -(b + 1)] if a != b else [-(a + 1)])
        s.add_clause([-(b + 1)] + xs[p[a]:p[a + 1]])
    out = np.zeros(g.n, dtype=bool)
    while True:
        new = 0
        for a in np.flatnonzero(~out).tolist():
            if not s.propagate(assumptions=[a + 1])[0]:
                out[a] = True
                new += 1
                s.add_clause([-(a + 1)])
        if not new:
            break
    rest, _ = _restrict(g, ~out)
    print(f"largest SCC {g.n}: {int(out.sum())} arguments in no admissible set by failed "
          f"literals; of the rest, largest SCC {len(_sccs(rest)[0]) if rest.n else 0}")


def phases(af: AF, sample: int) -> None:
    from argmap.semantics import _sat
    from argmap.semantics.tasks import _components

    _, c, _ = core(af)
    comp, _ = max(_components(c), key=lambda t: t[0].n)
    rng = np.random.default_rng(1)
    for name in ("x=false", "x=true"):
        row = []
        for q in rng.choice(comp.n, sample, replace=False).tolist():
            enc = _sat.Encoding(comp, "adm", prefer_in=name == "x=true")
            if name == "x=false":
                enc.solver.set_phases([-(i + 1) for i in range(comp.n)])
            res = enc.solve_limited([q + 1], 2000)
            row.append(("?" if res is None else "N" if res is False else "Y")
                       + str(enc.solver.stats()["conflicts"]))
            enc.close()
        print(f"{name} (answer, conflicts; ? = none within 2000): {' '.join(row)}", flush=True)
        rng = np.random.default_rng(1)


def _neighbours(c: AF) -> tuple[list[list[int]], list[list[int]]]:
    """Attackers and victims of every argument of *c*, as lists of lists."""
    ptr, idx = c.attackers_csr()
    p, a = ptr.tolist(), idx.tolist()
    attackers = [a[p[i]:p[i + 1]] for i in range(c.n)]
    order = np.argsort(c.src, kind="stable")
    vp = np.searchsorted(c.src[order], np.arange(c.n + 1)).tolist()
    d = c.dst[order].tolist()
    return attackers, [d[vp[i]:vp[i + 1]] for i in range(c.n)]


class _Bag:
    """A set of argument numbers with O(1) insertion, removal and uniform random choice."""

    def __init__(self, n: int) -> None:
        self.items: list[int] = []
        self.pos = [-1] * n

    def put(self, x: int, member: bool) -> None:
        """Make *x* a member of the bag or not."""
        pos, items = self.pos, self.items
        if member and pos[x] < 0:
            pos[x] = len(items)
            items.append(x)
        elif not member and pos[x] >= 0:
            last = items.pop()
            if last != x:
                items[pos[x]] = last
                pos[last] = pos[x]
            pos[x] = -1


def kernel_walk(attackers: list[list[int]], victims: list[list[int]], steps: int,
                noise: float, seed: int, cb: float | None = None) -> tuple[int, list[bool], int]:
    """A focused random walk towards a stable extension (a kernel of the attack graph).

    Starts from a random maximal conflict-free set (greedy in a random order). A
    *defect* is an argument in the set that the set attacks, or one outside it that the
    set does not attack; a stable extension is a set with no defect. Each step takes a
    random defect ``u`` and the candidates that change its status (``u`` and, if ``u``
    is out, its attackers; if ``u`` is in, its attackers in the set), and flips a random
    candidate with probability *noise*, else the one that lowers the number of defects
    most. With *cb* set, the choice is probSAT's instead (Balint & Schöning 2012): a
    candidate is drawn with probability proportional to ``(1 + breaks) ** -cb``, breaks
    being the arguments without defect that the flip would give one (*noise* unused).
    Returns the fewest defects seen, the set where they were seen, and the steps taken
    (fewer than *steps* when a stable extension was found). Self-attacking arguments
    are never put in the set.
    """
    import random

    rnd = random.Random(seed)
    n = len(attackers)
    self_attacking = [v in attackers[v] for v in range(n)]
    ins, cnt = [False] * n, [0] * n
    blocked = list(self_attacking)
    order = list(range(n))
    rnd.shuffle(order)
    for v in order:
        if not blocked[v]:
            ins[v] = True
            for w in victims[v]:
                blocked[w] = True
                cnt[w] += 1
            for w in attackers[v]:
                blocked[w] = True
    bag = _Bag(n)
    for v in range(n):
        bag.put(v, ins[v] == (cnt[v] > 0))
    best, best_set, step = len(bag.items), ins[:], 0
    while step < steps and bag.items:
        step += 1
        u = bag.items[rnd.randrange(len(bag.items))]
        cands = [u] + [a for a in attackers[u] if ins[a]] if ins[u] else [u] + attackers[u]
        cands = [x for x in cands if ins[x] or not self_attacking[x]]
        if not cands:
            continue
        if cb is not None:
            weights = []
            for x in cands:
                if ins[x]:
                    br = cnt[x] == 0
                    for w in victims[x]:
                        br += cnt[w] == 1 and not ins[w]
                else:
                    br = cnt[x] > 0
                    for w in victims[x]:
                        br += cnt[w] == 0 and ins[w]
                weights.append((1.0 + br) ** -cb)
            v = rnd.choices(cands, weights)[0]
        elif rnd.random() < noise:
            v = cands[rnd.randrange(len(cands))]
        else:
            v, low = u, None
            for x in cands:
                if ins[x]:
                    d = -1 if cnt[x] > 0 else 1
                    for w in victims[x]:
                        if cnt[w] == 1:
                            d += -1 if ins[w] else 1
                else:
                    d = -1 if cnt[x] == 0 else 1
                    for w in victims[x]:
                        if cnt[w] == 0:
                            d += 1 if ins[w] else -1
                if low is None or d < low or (d == low and rnd.random() < 0.5):
                    v, low = x, d
        ins[v] = not ins[v]
        inc = 1 if ins[v] else -1
        for w in victims[v]:
            cnt[w] += inc
            bag.put(w, ins[w] == (cnt[w] > 0))
        bag.put(v, ins[v] == (cnt[v] > 0))
        if len(bag.items) < best:
            best, best_set = len(bag.items), ins[:]
    return best, best_set, step


def admissible_part(c: AF, mask: np.ndarray) -> np.ndarray:
    """The admissible set left of *mask* after removing what it attacks, then undefended members.

    Every argument the set attacks is dropped (the rest is conflict-free), then, until
    nothing changes, every member with an attacker the current set does not attack.
    The result is admissible (conflict-free, and each member defended by the set).
    """
    s = np.asarray(mask, dtype=bool).copy()
    hit = np.zeros(c.n, dtype=bool)
    hit[c.dst[s[c.src]]] = True
    s &= ~hit
    while True:
        attacked = np.zeros(c.n, dtype=bool)
        attacked[c.dst[s[c.src]]] = True
        undefended = np.zeros(c.n, dtype=bool)
        undefended[c.dst[s[c.dst] & ~attacked[c.src]]] = True
        if not (undefended & s).any():
            return s
        s &= ~undefended


def admissible_walk(attackers: list[list[int]], victims: list[list[int]], start: np.ndarray,
                    steps: int, noise: float, weight: float, seed: int
                    ) -> tuple[int, list[bool] | None, int]:
    """A focused random walk for a large admissible set, from the set *start*.

    Cost = *weight* × (violated admissibility clauses: ``¬x_a ∨ ¬x_b`` and
    ``¬x_b ∨ OR(x_c : c attacks a)`` for each attack (a, b)) − the size of the set. A
    member is *defective* if it lies in a violated clause (attacked by the set, or with
    an attacker the set does not attack). Each step takes a random defective member
    ``b`` and flips, at random with probability *noise*, else the one lowering the cost
    most, among: ``b``; its attackers in the set; the attackers of its undefended
    attackers. When no member is defective the set is admissible: it is recorded and
    a random argument the set does not attack is added. Returns the largest admissible
    set's size (``-1`` if none was reached) and members, and the fewest defective
    members seen.
    """
    import random

    rnd = random.Random(seed)
    n = len(attackers)
    ins, cnt, sv = [False] * n, [0] * n, [0] * n
    und = [len(attackers[b]) for b in range(n)]
    bag = _Bag(n)
    stamp, tick = [0] * n, 0

    def touch(x: int) -> None:
        bag.put(x, ins[x] and (cnt[x] > 0 or und[x] > 0))

    def flip(v: int) -> None:
        ins[v] = not ins[v]
        inc = 1 if ins[v] else -1
        for w in victims[v]:
            cnt[w] += inc
            if cnt[w] == (1 if inc > 0 else 0):
                for b in victims[w]:
                    und[b] -= inc
                    touch(b)
            touch(w)
        for a in attackers[v]:
            sv[a] += inc
        touch(v)

    for v in np.flatnonzero(start).tolist():
        flip(v)
    size, best, best_set, fewest = int(np.count_nonzero(start)), -1, None, len(bag.items)
    for _ in range(steps):
        if not bag.items:
            if size > best:
                best, best_set = size, ins[:]
            for _ in range(20):
                v = rnd.randrange(n)
                if not ins[v] and cnt[v] == 0:
                    flip(v)
                    size += 1
                    break
            continue
        fewest = min(fewest, len(bag.items))
        b = bag.items[rnd.randrange(len(bag.items))]
        cands = [b] + ([a for a in attackers[b] if ins[a]] if cnt[b] else [])
        if und[b]:
            for a in attackers[b]:
                if cnt[a] == 0:
                    cands += attackers[a]
        if rnd.random() < noise:
            v = cands[rnd.randrange(len(cands))]
        else:
            v, low = b, None
            for x in cands:
                tick += 1
                if ins[x]:
                    for a in attackers[x]:
                        stamp[a] = tick
                    dv = -(cnt[x] + sv[x]) - und[x]
                    for w in victims[x]:
                        if cnt[w] == 1:
                            dv += sv[w] - (stamp[w] == tick)
                    d = weight * dv + 1
                else:
                    for w in victims[x]:
                        stamp[w] = tick
                    dv = cnt[x] + sv[x]
                    for a in attackers[x]:
                        if cnt[a] == 0 and stamp[a] != tick:
                            dv += 1
                    for w in victims[x]:
                        if cnt[w] == 0:
                            dv -= sv[w]
                    d = weight * dv - 1
                if low is None or d < low or (d == low and rnd.random() < 0.5):
                    v, low = x, d
        size += -1 if ins[v] else 1
        flip(v)
    if not bag.items and size > best:
        best, best_set = size, ins[:]
    return best, best_set, fewest


def _reduct_size(c: AF, part: np.ndarray) -> str:
    """", reduct R, largest SCC L": what is left for a maximality proof after *part*."""
    if not part.any():
        return ""
    gone = part.copy()
    gone[c.dst[part[c.src]]] = True
    red, _ = _restrict(c, ~gone)
    return f", its reduct {red.n}, largest SCC {len(_sccs(red)[0]) if red.n else 0}"


def walk(af: AF, steps: int, noise: float, runs: int, weight: float,
         cb: float | None = None) -> None:
    """The ``walk`` probe: stable-extension walk, admissible remainder, admissible walk."""
    from argmap.semantics._core import is_admissible, is_stable

    _, c, _ = core(af)
    attackers, victims = _neighbours(c)
    for seed in range(runs):
        t = time.process_time()
        best, found, taken = kernel_walk(attackers, victims, steps, noise, seed, cb)
        elapsed = time.process_time() - t
        mask = np.array(found, dtype=bool)
        part = admissible_part(c, mask)
        assert is_admissible(c, part)
        verdict = f"stable extension found (verified: {is_stable(c, mask)})" if best == 0 else \
            f"fewest defects {best}"
        print(f"run {seed}: core {c.n}; {verdict}; set of {int(mask.sum())}, {taken} steps, "
              f"{elapsed:.1f} s CPU ({taken / max(elapsed, 1e-9):,.0f} steps/s); admissible "
              f"part {int(part.sum())}{_reduct_size(c, part)}", flush=True)
        hit = np.zeros(c.n, dtype=bool)
        hit[c.dst[mask[c.src]]] = True
        t = time.process_time()
        size, adm, fewest = admissible_walk(attackers, victims, mask & ~hit, steps // 3, 0.02,
                                            weight, seed)
        ok = is_admissible(c, np.array(adm, dtype=bool)) if adm is not None else None
        print(f"  admissible walk from it ({steps // 3} steps, {time.process_time() - t:.1f} s): "
              f"largest admissible {size} (verified: {ok}), fewest defective members {fewest}",
              flush=True)


def sweep(sizes: list[int], seeds: int, per: int, noise: float, cb: float | None) -> None:
    """The ``sweep`` probe: how often small random frameworks have stable extensions, and
    how often the walk finds them."""
    from generate import generate

    from argmap.semantics._core import is_stable

    for n in sizes:
        t = time.process_time()
        has = larger = found = 0
        fractions, used = [], []
        for seed in range(1, seeds + 1):
            src, dst = generate("random", n, seed=seed)
            af = AF([str(i + 1) for i in range(n)], src.astype(np.int32), dst.astype(np.int32))
            _, c, _ = core(af)
            fractions.append(c.n / n)
            stable = one_extension(af, "ST") is not None
            has += stable
            larger += len(one_extension(af, "PR") or ()) > len(one_extension(af, "GR") or ())
            if per and stable and c.n:
                attackers, victims = _neighbours(c)
                best, members, taken = kernel_walk(attackers, victims, per * c.n, noise, 0, cb)
                if best == 0:
                    assert is_stable(c, np.array(members, dtype=bool))
                    found += 1
                    used.append(round(taken / c.n))
        walk_note = (f"; the walk found {found} of them (steps per core argument: {sorted(used)})"
                     if per else "")
        print(f"n={n}: {has}/{seeds} have a stable extension{walk_note}; preferred larger "
              f"than grounded: {larger}/{seeds}; core fraction mean {np.mean(fractions):.3f} "
              f"(min {min(fractions):.3f}, max {max(fractions):.3f}); "
              f"{time.process_time() - t:.0f} s CPU", flush=True)


def moment(sizes: list[int], c: float = 3.0) -> None:
    """The ``moment`` probe: grounded-labelling fixpoints on the tree and E[#stable]."""
    from math import exp, lgamma, log, log1p

    u = 0.0
    for _ in range(10_000):
        u = exp(-c * exp(-c * u))
    grid = np.linspace(0.0, 1.0, 2_000_001)
    f = np.exp(-c * np.exp(-c * grid)) - grid
    roots = grid[np.flatnonzero(np.diff(np.sign(f)))]
    print(f"mean in-degree {c}: u = exp(-c exp(-c u)) has the roots "
          f"{', '.join(f'{r:.4f}' for r in roots)}; grounded in {u:.4f}, out "
          f"{1 - exp(-c * u):.4f}, core {exp(-c * u) - u:.4f}")
    for n in sizes:
        p = c / (n - 1)
        k = np.arange(1, n)
        lc = np.array([lgamma(n + 1) - lgamma(x + 1) - lgamma(n - x + 1) for x in k.tolist()])
        l1p = log1p(-p)
        terms = lc + k * (k - 1) * l1p + (n - k) * np.log1p(-np.exp(k * l1p))
        top = float(terms.max())
        print(f"n={n}: E[#stable extensions of D(n, {c}/(n-1))] = "
              f"{exp(top + log(float(np.exp(terms - top).sum()))):.4f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("probe", choices=("structure", "ball", "first", "refute", "refutation",
                                      "cubes", "failed", "phases", "walk", "sweep", "moment"))
    ap.add_argument("file", nargs="?", help="the framework (not for sweep and moment)")
    ap.add_argument("--sizes", default="1000,2000,4000")
    ap.add_argument("--seeds", type=int, default=30)
    ap.add_argument("--per", type=int, default=0, help="sweep: walk steps per core argument")
    ap.add_argument("--radii", default="4,8,12,16,18,20")
    ap.add_argument("--query", choices=("stb", "dcq", "ne"), default="stb")
    ap.add_argument("--solver", default="cadical195")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="a CaDiCaL option (refutation; repeatable)")
    ap.add_argument("--k", type=int, default=2)
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--steps", type=int, default=3_000_000)
    ap.add_argument("--noise", type=float, default=0.3)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--weight", type=float, default=4.0)
    ap.add_argument("--cb", type=float, default=None, help="walk: probSAT's choice, exponent cb")
    ap.add_argument("--cpu", type=int, default=600, help="CPU seconds for the whole probe")
    args = ap.parse_args(argv)
    resource.setrlimit(resource.RLIMIT_CPU, (args.cpu, args.cpu))
    if args.probe in ("sweep", "moment"):
        sizes = [int(x) for x in args.sizes.split(",")]
        if args.probe == "sweep":
            sweep(sizes, args.seeds, args.per, args.noise, args.cb)
        else:
            moment(sizes)
        return 0
    if args.file is None:
        ap.error(f"{args.probe} needs a framework file")
    af = read_af(args.file)
    if args.probe == "structure":
        structure(af)
    elif args.probe == "ball":
        ball(af, [int(r) for r in args.radii.split(",")])
    elif args.probe == "first":
        first(af)
    elif args.probe == "refutation":
        refutation(af, args.query, args.solver, args.set)
    elif args.probe == "cubes":
        cubes(af, args.k)
    elif args.probe == "failed":
        failed(af)
    elif args.probe == "phases":
        phases(af, args.sample)
    elif args.probe == "walk":
        walk(af, args.steps, args.noise, args.runs, args.weight, args.cb)
    else:
        refute(af)
    return 0


if __name__ == "__main__":
    sys.exit(main())
