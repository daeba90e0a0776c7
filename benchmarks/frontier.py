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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("probe", choices=("structure", "ball", "first", "refute", "refutation",
                                      "cubes", "failed", "phases"))
    ap.add_argument("file")
    ap.add_argument("--radii", default="4,8,12,16,18,20")
    ap.add_argument("--query", choices=("stb", "dcq", "ne"), default="stb")
    ap.add_argument("--solver", default="cadical195")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="a CaDiCaL option (refutation; repeatable)")
    ap.add_argument("--k", type=int, default=2)
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--cpu", type=int, default=600, help="CPU seconds for the whole probe")
    args = ap.parse_args(argv)
    resource.setrlimit(resource.RLIMIT_CPU, (args.cpu, args.cpu))
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
    else:
        refute(af)
    return 0


if __name__ == "__main__":
    sys.exit(main())
