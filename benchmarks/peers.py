"""One benchmark measurement in a fresh process: ``python peers.py PEER TASK FILE [QUERY]``.

PEER is one of ``argmap``, ``py``, ``clingo``, ``pysat``, ``pygarg``, ``pyarg``, ``afsolver``;
TASK one of ``GR``, ``SE-ST``, ``SE-PR``, ``DC-PR``, ``DS-PR``; FILE an ICCMA 2023
instance (clingo reads the ``.apx`` twin beside it); QUERY the argument number for
DC/DS. The child prints the answer as ICCMA does (``w 1 2 5``, ``YES``/``NO`` and a
witness line) and, last, one JSON line with its own timings: ``load`` (reading the
file and building the peer's structure), ``solve`` and ``print``. Interpreter start-up
and imports are not included (``run.py`` also records the wall time of the whole
child). This file must run on the afsolver interpreter (CPython 3.13) too, so it
imports nothing from argmap at module level.
"""

from __future__ import annotations

import json
import sys
import time

__all__ = ["main"]

now = time.perf_counter


def read_iccma_lists(path: str) -> tuple[int, list[tuple[int, int]]]:
    """A plain-Python ICCMA reader (what a user without argmap would write)."""
    n = 0
    attacks = []
    with open(path) as handle:
        for line in handle:
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("p"):
                n = int(line.split()[2])
                continue
            a, b = line.split()
            attacks.append((int(a), int(b)))
    return n, attacks


# -- argmap -------------------------------------------------------------------------------

def run_argmap(task: str, path: str, query: int | None) -> tuple[float, float, str, list]:
    import numpy as np

    from argmap.formats import read_af
    from argmap.semantics import credulous, grounded, one_extension, skeptical

    if task != "GR":  # argmap imports its SAT solver lazily; imports are not timed for any peer
        import pysat.solvers  # noqa: F401

    t0 = now()
    af = read_af(path)
    t1 = now()
    if task == "GR":
        ext = (np.flatnonzero(grounded(af)) + 1).tolist()
        return t1 - t0, now() - t1, "w", ext
    if task in ("SE-ST", "SE-PR"):
        found = one_extension(af, task[3:])
        if found is None:
            return t1 - t0, now() - t1, "NO", []
        return t1 - t0, now() - t1, "w", sorted(k + 1 for k in found)
    fn = credulous if task == "DC-PR" else skeptical
    yes, witness = fn(af, "PR", str(query))
    ext = sorted(k + 1 for k in witness) if witness is not None else None
    return t1 - t0, now() - t1, "YES" if yes else "NO", ext


# -- ~25 lines of plain Python (grounded only) ---------------------------------------------

def run_py(task: str, path: str, query: int | None) -> tuple[float, float, str, list]:
    t0 = now()
    n, attacks = read_iccma_lists(path)
    attackers_count = [0] * (n + 1)
    targets: list[list[int]] = [[] for _ in range(n + 1)]
    for a, b in attacks:
        attackers_count[b] += 1
        targets[a].append(b)
    t1 = now()
    state = [0] * (n + 1)  # 1 in, -1 out
    todo = [x for x in range(1, n + 1) if attackers_count[x] == 0]
    while todo:
        x = todo.pop()
        if state[x]:
            continue
        state[x] = 1
        for y in targets[x]:
            if state[y] == 0:
                state[y] = -1
                for z in targets[y]:
                    attackers_count[z] -= 1
                    if attackers_count[z] == 0 and state[z] == 0:
                        todo.append(z)
    return t1 - t0, now() - t1, "w", [x for x in range(1, n + 1) if state[x] == 1]


# -- clingo with our ASP encodings ---------------------------------------------------------

ASP_GROUNDED = """
in(X) :- arg(X), defeated(Y) : att(Y,X).
defeated(X) :- in(Y), att(Y,X).
"""
ASP_CF = """
{ in(X) } :- arg(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
"""
ASP_STABLE = ASP_CF + ":- arg(X), not in(X), not defeated(X).\n"
ASP_ADMISSIBLE = ASP_CF + ":- in(X), att(Y,X), not defeated(Y).\n"
ASP_MAXIMAL = "#heuristic in(X) : arg(X). [1,true]\n"
ASP_SHOW = "#show in/1.\n"


def run_clingo(task: str, path: str, query: int | None) -> tuple[float, float, str, list]:
    import clingo

    apx = path[: -len(".af")] + ".apx"
    options = ["--heuristic=Domain", "--enum-mode=domRec"] if task in ("SE-PR", "DS-PR") else []
    program = {"GR": ASP_GROUNDED, "SE-ST": ASP_STABLE}.get(task, ASP_ADMISSIBLE) + ASP_SHOW
    if task in ("SE-PR", "DS-PR"):
        program += ASP_MAXIMAL
    t0 = now()
    ctl = clingo.Control(options + ["--models=1"])
    ctl.load(apx)
    ctl.add("base", [], program)
    ctl.ground([("base", [])])
    t1 = now()

    def solve(assumptions: list) -> list[int] | None:
        found: list[list[int]] = []
        ctl.solve(assumptions=assumptions,
                  on_model=lambda m: found.append(
                      [s.arguments[0].number for s in m.symbols(shown=True) if s.name == "in"]))
        return sorted(found[0]) if found else None

    def atom(k: int):  # noqa: ANN202
        return clingo.Function("in", [clingo.Number(k)])

    if task == "GR":
        ext = solve([])
        return t1 - t0, now() - t1, "w", ext or []
    if task in ("SE-ST", "SE-PR"):
        ext = solve([])
        return t1 - t0, now() - t1, ("w" if ext is not None else "NO"), ext or []
    if task == "DC-PR":
        ext = solve([(atom(query), True)])
        return t1 - t0, now() - t1, ("YES" if ext is not None else "NO"), ext
    # DS-PR: CEGAR. M = a subset-maximal admissible set without q. If no admissible
    # superset of M contains q, M is preferred and lacks q: NO. Otherwise block every
    # subset of M and look for the next one; when none is left, YES.
    rounds = 0
    while True:
        rounds += 1
        m = solve([(atom(query), False)])
        if m is None:
            return t1 - t0, now() - t1, "YES", None
        if solve([(atom(query), True)] + [(atom(k), True) for k in m]) is None:
            return t1 - t0, now() - t1, "NO", m
        inside = set(m)
        rest = ", ".join(f"not in({k})" for k in _all_args(ctl) if k not in inside)
        ctl.add(f"block{rounds}", [], f":- {rest}." if rest else ":- .")
        ctl.ground([(f"block{rounds}", [])])


def _all_args(ctl) -> list[int]:  # noqa: ANN001
    return [a.symbol.arguments[0].number for a in ctl.symbolic_atoms.by_signature("arg", 1)]


# -- pygarg ----------------------------------------------------------------------------------

def run_pygarg(task: str, path: str, query: int | None) -> tuple[float, float, str, list]:
    from pygarg.dung import dimacs_parser, solver

    t0 = now()
    args, atts = dimacs_parser.parse(path)
    t1 = now()
    if task == "GR":
        ext = solver.compute_grounded_extension(args, atts)
        return t1 - t0, now() - t1, "w", sorted(map(int, ext))
    if task in ("SE-ST", "SE-PR"):
        ext = solver.compute_some_extension(args, atts, task[3:])
        if ext == "NO":
            return t1 - t0, now() - t1, "NO", []
        return t1 - t0, now() - t1, "w", sorted(map(int, ext))
    fn = solver.credulous_acceptability if task == "DC-PR" else solver.skeptical_acceptability
    yes, witness = fn(args, atts, str(query), "PR")
    return (t1 - t0, now() - t1, "YES" if yes else "NO",
            sorted(map(int, witness)) if witness is not None else None)


# -- PyArg (python-argumentation) ------------------------------------------------------------

def run_pyarg(task: str, path: str, query: int | None) -> tuple[float, float, str, list]:
    from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension
    from py_arg.algorithms.semantics.get_preferred_extensions import get_preferred_extensions
    from py_arg.algorithms.semantics.get_stable_extensions import get_stable_extensions
    from py_arg.import_export.argumentation_framework_from_iccma23_format_reader import (
        ArgumentationFrameworkFromICCMA23FormatReader,
    )

    t0 = now()
    with open(path) as handle:
        af = ArgumentationFrameworkFromICCMA23FormatReader.from_iccma23(handle.read())
    t1 = now()

    def nums(ext) -> list[int]:  # noqa: ANN001
        return sorted(int(a.name[1:]) for a in ext)

    if task == "GR":
        found = get_grounded_extension(af)
        return t1 - t0, now() - t1, "w", nums(found)
    if task == "SE-ST":
        exts = sorted(nums(e) for e in get_stable_extensions(af))
        return t1 - t0, now() - t1, ("w" if exts else "NO"), exts[0] if exts else []
    exts = sorted(nums(e) for e in get_preferred_extensions(af))
    if task == "SE-PR":
        return t1 - t0, now() - t1, "w", exts[0]
    if task == "DC-PR":
        hit = [e for e in exts if query in e]
        return t1 - t0, now() - t1, ("YES" if hit else "NO"), hit[0] if hit else None
    miss = [e for e in exts if query not in e]
    return t1 - t0, now() - t1, ("NO" if miss else "YES"), miss[0] if miss else None


# -- afsolver (CPython 3.13) ----------------------------------------------------------------

def run_afsolver(task: str, path: str, query: int | None) -> tuple[float, float, str, list]:
    from afsolver import ArgumentationFramework

    t0 = now()
    n, attacks = read_iccma_lists(path)
    af = ArgumentationFramework(range(1, n + 1), attacks)
    t1 = now()
    if task == "GR":
        found = af.grounded()
        return t1 - t0, now() - t1, "w", sorted(found)
    if task == "SE-ST":
        exts = sorted(sorted(e) for e in af.stable())
        return t1 - t0, now() - t1, ("w" if exts else "NO"), exts[0] if exts else []
    if task == "SE-PR":
        pref = sorted(sorted(e) for e in af.preferred())
        return t1 - t0, now() - t1, "w", pref[0]
    if task == "DC-PR":
        found = af.minimal_admissible(contains=[query])
        return t1 - t0, now() - t1, ("YES" if found else "NO"), sorted(found[0]) if found else None
    miss = [sorted(e) for e in af.preferred() if query not in e]
    return t1 - t0, now() - t1, ("NO" if miss else "YES"), miss[0] if miss else None


# -- a plain SAT encoding on CaDiCaL (what a user with python-sat would write) --------------

def run_pysat(task: str, path: str, query: int | None) -> tuple[float, float, str, list]:
    """The linear encodings of the performance anchors, on the whole framework: no
    grounded core, no components, no shortcut. Stable: conflict-free and every
    outsider attacked. Preferred: admissible (defeat variables ``d``), phase
    ``x = true``, grown until no strictly larger admissible set exists. DC-PR: an
    admissible set holding q. DS-PR: the CEGAR loop clingo's peer uses."""
    from pysat.solvers import Cadical195

    t0 = now()
    n, attacks = read_iccma_lists(path)
    solver = Cadical195()
    attackers: list[list[int]] = [[] for _ in range(n + 1)]
    for a, b in attacks:
        attackers[b].append(a)
        solver.add_clause([-a, -b] if a != b else [-a])
    if task == "SE-ST":
        for b in range(1, n + 1):
            solver.add_clause([b] + attackers[b])
    else:
        for a, b in attacks:
            solver.add_clause([-b, n + a])  # x_b -> d_a: every attacker of a member defeated
            solver.add_clause([-a, n + b])  # x_a -> d_b
        for b in range(1, n + 1):
            solver.add_clause([-(n + b)] + attackers[b])  # d_b -> some attacker of b is in
        solver.set_phases(list(range(1, n + 1)))
    t1 = now()
    top = [2 * n]

    def model(assumptions: list[int]) -> list[int] | None:
        if not solver.solve(assumptions=assumptions):
            return None
        return [v for v in solver.get_model()[:n] if v > 0]

    def grow(m: list[int], extra: list[int], banned: int | None = None) -> list[int]:
        while True:
            inside = set(m)
            outside = [i for i in range(1, n + 1) if i not in inside and i != banned]
            if not outside:
                return m
            top[0] += 1
            act = top[0]
            solver.add_clause([-act] + outside)
            bigger = model([act] + m + extra)
            solver.add_clause([-act])
            if bigger is None:
                return m
            m = bigger

    # (each answer is computed before its solve time is read)
    if task == "SE-ST":
        ext = model([])
        return t1 - t0, now() - t1, ("w" if ext is not None else "NO"), ext or []
    if task == "SE-PR":
        found = sorted(grow(model([]) or [], []))
        return t1 - t0, now() - t1, "w", found
    assert query is not None
    if task == "DC-PR":
        ext = model([query])
        witness = sorted(grow(ext, [])) if ext is not None else None
        return t1 - t0, now() - t1, ("YES" if ext is not None else "NO"), witness
    top[0] += 1
    search = top[0]
    while True:  # DS-PR: CEGAR over maximal q-free admissible sets
        m = model([search, -query])
        if m is None:
            return t1 - t0, now() - t1, "YES", None
        m = grow(m, [search, -query], banned=query)
        if model(m + [query]) is None:
            return t1 - t0, now() - t1, "NO", sorted(m)
        inside = set(m)
        solver.add_clause([-search] + [i for i in range(1, n + 1) if i not in inside and i != query])


PEERS = {"argmap": run_argmap, "py": run_py, "clingo": run_clingo, "pysat": run_pysat,
         "pygarg": run_pygarg, "pyarg": run_pyarg, "afsolver": run_afsolver}


def main(argv: list[str]) -> int:
    """Run one measurement and print the answer, then the timings as JSON."""
    peer, task, path = argv[:3]
    query = int(argv[3]) if len(argv) > 3 and argv[3] else None
    load, solve, verdict, ext = PEERS[peer](task, path, query)
    t = now()
    out = sys.stdout
    if verdict == "w":
        out.write("w " + " ".join(map(str, ext)) + "\n")
    else:
        out.write(verdict + "\n")
        if ext is not None:
            out.write("w " + " ".join(map(str, ext)) + "\n")
    out.flush()
    printing = now() - t
    out.write(json.dumps({"load": load, "solve": solve, "print": printing}) + "\n")
    return 0


if __name__ == "__main__":
    sys.setrecursionlimit(100000)
    raise SystemExit(main(sys.argv[1:]))
