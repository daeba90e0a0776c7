"""A brute-force oracle for the three support readings on structured maps.

Written from the definitions in docs/evaluation.md, sharing no code with
``argmap.framework`` or ``argmap.semantics``:

* ``necessary``: a bipolar ADF (Brewka & Woltran 2010; Brewka et al. 2013) whose
  statements are the claims and the arguments (supports included). The
  characteristic operator is computed from its definition, over all two-valued
  completions of an interpretation, not by Kleene evaluation.
* ``deductive``: three-valued labellings of the claims and of the argument nodes of
  linked or undercut arguments, with the attacks of the deductive closure found by
  enumerating support paths.
* ``none``: three-valued labellings of the claims under their direct attacks.

A claim whose speaker does not assert it (``Claim.asserted`` False) is accepted only
with one of its reasons: under ``necessary`` its condition is the disjunction of its
arguments (false with none), under ``deductive`` it needs a support source labelled
in (and is out when all are out), under ``none`` it is out.

Semantics from the complete interpretations: GR least, PR ⊑-maximal, ST two-valued,
SST ⊆-minimal undecided statements, ID the ⊑-greatest complete interpretation below
every preferred one; CO all. Exponential; for maps of a handful of statements.
"""

from __future__ import annotations

from itertools import product

from argmap.model import ArgumentMap

T, F, U = "t", "f", "u"


def _arguments(amap: ArgumentMap) -> list[tuple[str, tuple[str, ...], str, tuple[str, ...]]]:
    out = [(a.id, a.premises, a.conclusion, tuple(c.id for c in amap.undercutters(a.id)))
           for a in amap.arguments]
    out += [(f"{r.from_id}+{r.to_id}", (r.from_id,), r.to_id, ())
            for r in amap.relations if r.type == "support"]
    return out


def _attacks(amap: ArgumentMap) -> list[tuple[str, str]]:
    return [(r.from_id, r.to_id) for r in amap.relations
            if r.type == "attack" and amap.has_claim(r.to_id)]


# -- necessary: a BADF with the operator of Brewka et al. 2013 ---------------------------------
def _necessary_conditions(amap: ArgumentMap):
    """statement -> (parents, condition over a dict of booleans)."""
    attackers: dict[str, list[str]] = {c.id: [] for c in amap.claims}
    for x, y in _attacks(amap):
        attackers[y].append(x)
    conds = {}
    reasons: dict[str, list[str]] = {}
    for aid, prem, concl, under in _arguments(amap):
        reasons.setdefault(concl, []).append(aid)
        parents = tuple(prem) + tuple(under) + tuple(attackers[concl])

        def phi(w, prem=prem, under=under, att=tuple(attackers[concl])):
            return all(w[p] for p in prem) and not any(w[u] for u in under) and not any(w[x] for x in att)
        conds[aid] = (parents, phi)
    for c in amap.claims:
        att = tuple(attackers[c.id])
        if c.id in reasons:
            rs = tuple(reasons[c.id])

            def phi(w, rs=rs, att=att):
                return any(w[r] for r in rs) and not any(w[x] for x in att)
            conds[c.id] = (rs + att, phi)
        elif not c.asserted:  # nobody puts it forward and nothing argues for it
            conds[c.id] = ((), lambda w: False)
        else:
            conds[c.id] = (att, lambda w, att=att: not any(w[x] for x in att))
    return conds


def _gamma(v: dict[str, str], conds) -> dict[str, str]:
    out = {}
    for s, (parents, phi) in conds.items():
        parents = tuple(dict.fromkeys(parents))
        free = [p for p in parents if v[p] == U]
        fixed = {p: v[p] == T for p in parents if v[p] != U}
        values = set()
        for bits in product((False, True), repeat=len(free)):
            w = dict(fixed)
            w.update(zip(free, bits))
            values.add(phi(w))
            if len(values) == 2:
                break
        out[s] = U if len(values) == 2 else (T if values == {True} else F)
    return out


def _necessary_complete(amap: ArgumentMap) -> list[dict[str, str]]:
    conds = _necessary_conditions(amap)
    claims = [c.id for c in amap.claims]
    args = [s for s in conds if s not in set(claims)]
    found = []
    # an argument's parents are claims only, so in a fixpoint v(A) = Γ(v)(A) is fixed
    # by the claims' values: enumerate those, complete the arguments with Γ, and keep
    # the fixpoints of the operator
    arg_conds = {a: conds[a] for a in args}
    for cv in product((T, F, U), repeat=len(claims)):
        v = dict(zip(claims, cv))
        v.update((a, U) for a in args)
        v.update(_gamma(v, arg_conds))
        if _gamma(v, conds) == v:
            found.append(v)
    return found


# -- deductive: labellings with the attacks of the closure ------------------------------------
def _deductive_labellings(amap: ArgumentMap) -> list[dict[str, str]]:
    claims = [c.id for c in amap.claims]
    nodes: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}  # argument node -> (premises, undercutters)
    edges: list[tuple[str, str]] = []  # support edges (source, conclusion)
    for aid, prem, concl, under in _arguments(amap):
        if len(prem) == 1 and not under:
            edges.append((prem[0], concl))
        else:
            nodes[aid] = (prem, under)
            edges.append((aid, concl))
    everything = claims + list(nodes)

    def reaches(a: str) -> set[str]:
        seen, todo = {a}, [a]
        while todo:
            x = todo.pop()
            for s, t in edges:
                if s == x and t not in seen:
                    seen.add(t)
                    todo.append(t)
        return seen

    down = {a: reaches(a) for a in everything}
    att = set()
    for x, y in _attacks(amap):
        for a in everything:
            if x in down[a]:
                for b in everything:
                    if y in down[b]:
                        att.add((a, b))
    asked = {c.id for c in amap.claims if not c.asserted}
    found = []
    for vals in product((T, F, U), repeat=len(everything)):
        v = dict(zip(everything, vals))
        ok = True
        for s in everything:
            attackers = [a for a, b in att if b == s]
            prem, under = nodes.get(s, ((), ()))
            is_in = all(v[a] == F for a in attackers) and all(v[p] == T for p in prem) \
                and all(v[u] == F for u in under)
            is_out = any(v[a] == T for a in attackers) or any(v[p] == F for p in prem) \
                or any(v[u] == T for u in under)
            if s in asked:  # an unasserted claim needs one of its reasons (support sources)
                sources = [x for x, y in edges if y == s]
                is_in = is_in and any(v[x] == T for x in sources)
                is_out = is_out or all(v[x] == F for x in sources)
            want = T if is_in else F if is_out else U
            if v[s] != want:
                ok = False
                break
        if ok:
            found.append(v)
    return found


def _none_labellings(amap: ArgumentMap) -> list[dict[str, str]]:
    claims = [c.id for c in amap.claims]
    asked = {c.id for c in amap.claims if not c.asserted}  # no reason counts: never in
    att = _attacks(amap)
    found = []
    for vals in product((T, F, U), repeat=len(claims)):
        v = dict(zip(claims, vals))
        if all(v[s] == (F if s in asked else T if all(v[a] == F for a, b in att if b == s)
                        else F if any(v[a] == T for a, b in att if b == s) else U) for s in claims):
            found.append(v)
    return found


def complete_interpretations(amap: ArgumentMap, reading: str) -> list[dict[str, str]]:
    """The complete interpretations (labellings) of the map's statements under *reading*."""
    if reading == "necessary":
        return _necessary_complete(amap)
    if reading == "deductive":
        return _deductive_labellings(amap)
    return _none_labellings(amap)


def _leq(v: dict[str, str], w: dict[str, str]) -> bool:
    return all(x == U or x == w[s] for s, x in v.items())


def semantics(amap: ArgumentMap, reading: str) -> dict[str, list[dict[str, str]]]:
    """The interpretations of each semantics, by ICCMA code."""
    co = complete_interpretations(amap, reading)
    gr = [v for v in co if all(_leq(v, w) for w in co)]
    pr = [v for v in co if not any(_leq(v, w) and v != w for w in co)]
    st = [v for v in co if U not in v.values()]
    und = {id(v): {s for s, x in v.items() if x == U} for v in co}
    sst = [v for v in co if not any(und[id(w)] < und[id(v)] for w in co)]
    below = [v for v in co if all(_leq(v, p) for p in pr)]
    ideal = [v for v in below if all(_leq(w, v) for w in below)]
    assert len(gr) == 1 and len(ideal) == 1
    return {"GR": gr, "CO": co, "PR": pr, "ST": st, "SST": sst, "ID": ideal}


def statuses(amap: ArgumentMap, sem: str, reading: str,
             computed: dict[str, list[dict[str, str]]] | None = None) -> dict[str, str]:
    """Claim statuses as ``argmap.evaluation.statuses`` words them (*computed*: the
    result of :func:`semantics`, to reuse it)."""
    exts = (computed or semantics(amap, reading))[sem]
    out = {}
    for c in amap.claims:
        if sem == "GR":
            out[c.id] = {T: "in", F: "out", U: "undec"}[exts[0][c.id]]
        elif exts and all(v[c.id] == T for v in exts):
            out[c.id] = "skeptical"
        elif any(v[c.id] == T for v in exts):
            out[c.id] = "credulous"
        else:
            out[c.id] = "rejected"
    return out
