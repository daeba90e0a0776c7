"""A brute-force oracle for Dung's semantics, written from the definitions with sets.

Independent of argmap.semantics (it shares no code with it); exponential, for
frameworks of at most a dozen arguments.
"""

from __future__ import annotations

from itertools import combinations

Attacks = frozenset[tuple[int, int]]


def subsets(n: int) -> list[frozenset[int]]:
    return [frozenset(c) for k in range(n + 1) for c in combinations(range(n), k)]


def plus(s: frozenset[int], att: Attacks) -> set[int]:
    return {b for a, b in att if a in s}


def conflict_free(s: frozenset[int], att: Attacks) -> bool:
    return not any(a in s and b in s for a, b in att)


def defends(s: frozenset[int], x: int, att: Attacks) -> bool:
    p = plus(s, att)
    return all(a in p for a, b in att if b == x)


def admissible(s: frozenset[int], att: Attacks) -> bool:
    return conflict_free(s, att) and all(defends(s, x, att) for x in s)


def complete(s: frozenset[int], n: int, att: Attacks) -> bool:
    return admissible(s, att) and all(x in s for x in range(n) if defends(s, x, att))


def stable(s: frozenset[int], n: int, att: Attacks) -> bool:
    return conflict_free(s, att) and set(range(n)) - s <= plus(s, att)


def all_extensions(n: int, att: Attacks) -> dict[str, set[frozenset[int]]]:
    """Every semantics' extensions, by ICCMA code."""
    subs = subsets(n)
    adm = [s for s in subs if admissible(s, att)]
    co = [s for s in adm if complete(s, n, att)]
    gr = min(co, key=len)
    pr = [s for s in adm if not any(s < t for t in adm)]
    st = [s for s in subs if stable(s, n, att)]
    rng = {s: s | plus(s, att) for s in adm}
    sst = [s for s in adm if not any(rng[s] < rng[t] for t in adm)]
    inter = frozenset.intersection(*pr) if pr else frozenset()
    ideal = max((s for s in adm if s <= inter), key=len)
    return {"GR": {gr}, "CO": set(co), "PR": set(pr), "ST": set(st), "SST": set(sst),
            "ID": {ideal}}


def grounded_fixpoint(n: int, att: Attacks) -> list[int]:
    """The grounded labelling from its definition: the least fixpoint of ``F(S)``, the
    arguments *S* defends, iterated from the empty set (Dung 1995, Theorem 25 for the
    iteration); ``1`` in the fixpoint, ``-1`` attacked by it, ``0`` neither.

    Polynomial (``O(n * m)`` per round), so it checks frameworks far beyond a dozen
    arguments, large enough for the vectorised rounds of argmap's labelling."""
    attackers: dict[int, set[int]] = {x: set() for x in range(n)}
    for a, b in att:
        attackers[b].add(a)
    s: frozenset[int] = frozenset()
    while True:
        p = plus(s, att)
        nxt = frozenset(x for x in range(n) if attackers[x] <= p)
        if nxt == s:
            return [1 if x in s else -1 if x in p else 0 for x in range(n)]
        s = nxt
