"""The reasoning tasks (ICCMA: SE, EE, CE, DC, DS) for every semantics.

Each task first runs the linear grounded labelling
(:func:`argmap.semantics.grounded.grounded_labelling`). Every complete-based
extension (CO, PR, ST, SST, ID) contains the grounded extension and no argument it
defeats (Baroni & Giacomin 2007, directionality), so only the *core* — the
``undec`` arguments and the attacks among them — goes to the SAT solver, and the
core's extensions are lifted back by adding the grounded extension. Acyclic
frameworks, and the decided parts of any framework, never reach the solver.

Then the core is split into weakly connected components: extensions of a
framework are the products of its components' extensions (for every semantics
here), so counting multiplies per-component counts and enumeration is a product.

Extensions are ``frozenset`` s of argument numbers (``0 … n-1``); use
:func:`names` to turn them into argument names.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import numpy as np

from .. import progress
from ..af import AF
from ..errors import QueryError
from ..vocabulary import Semantics, parse_semantics
from . import _sat
from ._core import arg_index, as_extension
from .grounded import IN, OUT, UNDEC, grounded_labelling

__all__ = ["core", "one_extension", "extensions", "count", "credulous", "skeptical",
           "acceptance", "ideal", "names", "lazy_product"]


def names(af: AF, ext: frozenset[int] | None) -> list[str] | None:
    """The sorted argument names of an extension (``None`` stays ``None``); see :meth:`AF.names_of`.

    Examples
    --------
    >>> af = AF.from_pairs(["10", "9", "a10", "a2"], [])
    >>> names(af, frozenset({0, 1, 2, 3}))
    ['9', '10', 'a2', 'a10']
    """
    return None if ext is None else af.names_of(ext)


def core(af: AF) -> tuple[np.ndarray, AF, np.ndarray]:
    """Split *af* into its grounded labelling and its undecided core.

    Returns
    -------
    label : numpy.ndarray of int8
        The grounded labelling (``1`` in, ``-1`` out, ``0`` undec).
    core_af : AF
        The ``undec`` arguments (renumbered ``0 … k-1``) and the attacks among them.
    members : numpy.ndarray of int64
        ``members[j]`` is the argument of *af* that core argument ``j`` stands for.

    Notes
    -----
    ``O(n + m)``. Every argument of the core has an attacker in the core.

    Examples
    --------
    >>> af = AF.from_pairs("abcd", [("a", "b"), ("c", "d"), ("d", "c")])
    >>> label, c, members = core(af)
    >>> label.tolist(), c.n, c.m, members.tolist()
    ([1, -1, 0, 0], 2, 2, [2, 3])
    """
    return af.cached("core", lambda: _split_core(af))


def _split_core(af: AF) -> tuple[np.ndarray, AF, np.ndarray]:
    progress.phase("grounded core")
    label = grounded_labelling(af)
    members = np.flatnonzero(label == UNDEC)
    renum = np.full(af.n, -1, dtype=np.int64)
    renum[members] = np.arange(members.shape[0])
    keep = (label[af.src] == UNDEC) & (label[af.dst] == UNDEC) if af.m else np.zeros(0, bool)
    core_af = AF([af.names[i] for i in members.tolist()],
                 renum[af.src[keep]].astype(np.int32), renum[af.dst[keep]].astype(np.int32))
    return label, core_af, members


def _components(c: AF) -> list[tuple[AF, np.ndarray]]:
    """Weakly connected components of a core, each as (AF, member numbers in the core).

    Union-find over the attacks, ``O(m α(n))``; cached on the core.
    """
    if c.n == 0:
        return []
    return c.cached("components", lambda: _split_components(c))


def _split_components(c: AF) -> list[tuple[AF, np.ndarray]]:
    progress.phase(f"components of the core ({c.n:,} arguments)")
    parent = list(range(c.n))
    for a, b in zip(c.src.tolist(), c.dst.tolist()):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        while parent[b] != b:
            parent[b] = parent[parent[b]]
            b = parent[b]
        if a != b:
            parent[a] = b
    for i in range(c.n):
        r = i
        while parent[r] != r:
            r = parent[r]
        parent[i] = r
    roots = np.asarray(parent, dtype=np.int64)
    order = np.argsort(roots, kind="stable")
    bounds = np.flatnonzero(np.diff(roots[order])) + 1
    groups = np.split(order, bounds)
    if len(groups) == 1:
        out = [(c, np.arange(c.n))]
    else:
        comp_of_edge = roots[c.src]
        edge_order = np.argsort(comp_of_edge, kind="stable")
        edge_groups = dict(zip(*_group_bounds(comp_of_edge[edge_order])))
        renum = np.empty(c.n, dtype=np.int64)
        out = []
        for members in groups:
            renum[members] = np.arange(members.shape[0])
            lo, hi = edge_groups.get(int(roots[members[0]]), (0, 0))
            sel = edge_order[lo:hi]
            out.append((AF([c.names[i] for i in members.tolist()],
                           renum[c.src[sel]].astype(np.int32),
                           renum[c.dst[sel]].astype(np.int32)), members))
    progress.phase(f"SAT search ({len(out):,} component{'s' if len(out) != 1 else ''})")
    return out


def _group_bounds(sorted_keys: np.ndarray) -> tuple[list[int], list[tuple[int, int]]]:
    """``(keys, (start, end) ranges)`` of the runs of equal values in a sorted array."""
    if sorted_keys.shape[0] == 0:
        return [], []
    starts = np.flatnonzero(np.concatenate(([True], sorted_keys[1:] != sorted_keys[:-1])))
    ends = np.append(starts[1:], sorted_keys.shape[0])
    return sorted_keys[starts].tolist(), list(zip(starts.tolist(), ends.tolist()))


def _lift(af: AF, label: np.ndarray, members: np.ndarray, core_mask: np.ndarray
          ) -> frozenset[int]:
    full = label == IN
    full[members[core_mask]] = True
    return as_extension(full)


def ideal(af: AF) -> frozenset[int]:
    """The ideal extension (Dung, Mancarella & Toni 2007): the ⊆-largest admissible
    set contained in every preferred extension.

    Notes
    -----
    The grounded extension plus the ideal extension of the core, computed as in
    Dunne (2009) by one credulous-acceptance cover (a few SAT calls) and a
    polynomial fixpoint.

    Examples
    --------
    >>> af = AF.from_pairs("ab", [("a", "b"), ("b", "a"), ("b", "b")])
    >>> sorted(ideal(af)), sorted(one_extension(af, "GR"))
    ([0], [])
    """
    label, c, members = core(af)
    if c.n == 0:
        return as_extension(label == IN)
    return _lift(af, label, members, _sat.ideal_core(c))


def _core_extensions(c: AF, sem: Semantics) -> Iterator[np.ndarray]:
    if sem is Semantics.PR:
        return _sat.preferred_extensions(c)
    if sem is Semantics.ST:
        return _sat.stable_extensions(c)
    if sem is Semantics.CO:
        return _sat.complete_extensions(c)
    if sem is Semantics.SST:
        return _sat.semi_stable_extensions(c)
    raise AssertionError(sem)  # pragma: no cover


def one_extension(af: AF, semantics: str | Semantics) -> frozenset[int] | None:
    """One extension of *af* under *semantics* (ICCMA task SE), or ``None`` if there is none.

    Parameters
    ----------
    af : AF
    semantics : {"GR", "CO", "PR", "ST", "SST", "ID"}

    Returns
    -------
    frozenset of int or None
        ``None`` only for ST when no stable extension exists (e.g. an odd cycle);
        every other semantics always has an extension.

    Notes
    -----
    GR is ``O(n + m)``; ID needs a few SAT calls; CO returns the grounded extension;
    PR grows an admissible set to a maximal one; SST maximises the range; ST is one
    SAT call. Only the grounded core reaches the solver. For PR and SST, a stable
    extension found within a small conflict budget is returned first (stable
    extensions are preferred, and semi-stable whenever one exists).

    Examples
    --------
    >>> af = AF.from_pairs("abc", [("a", "b"), ("b", "a"), ("b", "c")])
    >>> sorted(one_extension(af, "GR"))
    []
    >>> one_extension(AF.from_pairs("abc", [("a", "b"), ("b", "c"), ("c", "a")]), "ST") is None
    True
    """
    sem = parse_semantics(semantics)
    if sem is Semantics.GR:
        return as_extension(grounded_labelling(af) == IN)
    label, c, members = core(af)
    if sem is Semantics.CO or c.n == 0:
        # the grounded extension is complete; with an empty core it is the only
        # extension of every semantics (a total labelling is also stable)
        return as_extension(label == IN)
    if sem is Semantics.ID:
        return ideal(af)
    full = label == IN
    for comp, sub in _components(c):
        if sem is Semantics.PR:
            ext = _sat.one_preferred(comp)
        else:
            ext = _sat.quick_stable(comp) if sem is Semantics.SST else None
        if ext is None:
            ext = next(iter(_core_extensions(comp, sem)), None)
        if ext is None:
            return None
        full[members[sub[ext]]] = True
    return as_extension(full)


def extensions(af: AF, semantics: str | Semantics) -> Iterator[frozenset[int]]:
    """All extensions of *af* under *semantics* (ICCMA task EE), as a generator.

    The semantics is checked when the function is called, not on the first ``next``.

    Parameters
    ----------
    af : AF
    semantics : {"GR", "CO", "PR", "ST", "SST", "ID"}

    Yields
    ------
    frozenset of int
        Each extension once. Nothing for ST without stable extensions.

    Raises
    ------
    QueryError
        For an unknown semantics code.

    Notes
    -----
    The product of the extensions of the core's weakly connected components. There
    may be exponentially many; each component's extensions are enumerated by SAT
    with blocking clauses.

    Examples
    --------
    >>> af = AF.from_pairs("ab", [("a", "b"), ("b", "a")])
    >>> sorted(sorted(e) for e in extensions(af, "PR"))
    [[0], [1]]
    >>> sorted(sorted(e) for e in extensions(af, "CO"))
    [[], [0], [1]]
    """
    sem = parse_semantics(semantics)
    return _extensions(af, sem)


def _extensions(af: AF, sem: Semantics) -> Iterator[frozenset[int]]:
    if sem is Semantics.GR:
        yield as_extension(grounded_labelling(af) == IN)
        return
    label, c, members = core(af)
    if sem in (Semantics.GR, Semantics.ID) or c.n == 0:
        yield as_extension(label == IN) if sem is not Semantics.ID else ideal(af)
        return
    comps = _components(c)
    streams = [_component_stream(comp, sem) for comp, _ in comps]
    base = label == IN
    for choice in lazy_product(streams):
        full = base.copy()
        for (_, sub), part in zip(comps, choice):
            full[members[sub[part]]] = True
        yield as_extension(full)


#: Components with at most this many arguments are enumerated in one go (up to
#: :data:`_EAGER_EXTENSIONS` extensions), so that a framework of many small
#: components does not keep one open SAT solver per component.
_EAGER_ARGUMENTS = 64
_EAGER_EXTENSIONS = 256


def _component_stream(comp: AF, sem: Semantics) -> Iterator[np.ndarray]:
    """The extensions of one core component, as masks, lazily.

    The first preferred extension comes from the same algorithm as
    :func:`one_extension` (so :func:`extensions` yields its first extension about as
    fast), the others from the enumeration that blocks what was already found.
    """
    if sem is Semantics.PR:
        stream = _sat.preferred_extensions(comp, first=_sat.one_preferred(comp))
    else:
        stream = _core_extensions(comp, sem)
    if comp.n <= _EAGER_ARGUMENTS:
        head = list(itertools.islice(stream, _EAGER_EXTENSIONS))
        if len(head) < _EAGER_EXTENSIONS:
            return iter(head)
        return itertools.chain(head, stream)
    return stream


def lazy_product(streams: list[Iterator]) -> Iterator[tuple]:
    """The Cartesian product of *streams*, reading each only as far as needed.

    :func:`itertools.product` exhausts every input before yielding anything; here
    the first tuple needs only the first item of each stream, and stream *i* is
    read further only when the streams after it have been gone through (an
    odometer, the last stream turning fastest). Items read are kept for reuse.
    Nothing is yielded if a stream is empty.

    Examples
    --------
    >>> list(lazy_product([iter("ab"), iter("xy")]))
    [('a', 'x'), ('a', 'y'), ('b', 'x'), ('b', 'y')]
    >>> list(lazy_product([iter("ab"), iter("")]))
    []
    >>> list(lazy_product([]))
    [()]
    """
    k = len(streams)
    seen: list[list] = [[] for _ in range(k)]
    done = [False] * k

    def item(i: int, j: int) -> bool:
        while len(seen[i]) <= j and not done[i]:
            try:
                seen[i].append(next(streams[i]))
            except StopIteration:
                done[i] = True
        return j < len(seen[i])

    if not all(item(i, 0) for i in range(k)):
        return
    pos = [0] * k
    while True:
        yield tuple(seen[i][pos[i]] for i in range(k))
        i = k - 1
        while i >= 0 and not item(i, pos[i] + 1):
            pos[i] = 0
            i -= 1
        if i < 0:
            return
        pos[i] += 1


def count(af: AF, semantics: str | Semantics, limit: int | None = None) -> int:
    """The number of extensions of *af* under *semantics* (ICCMA task CE).

    Parameters
    ----------
    af : AF
    semantics : {"GR", "CO", "PR", "ST", "SST", "ID"}
    limit : int, optional
        Stop counting at *limit*: the result is ``min(count, limit)``, found
        without enumerating further than needed.

    Notes
    -----
    The product of per-component counts, so independent parts of a framework do not
    multiply the work. With a limit each component is counted only up to it (a
    product of factors that are each at least 1 reaches the limit as soon as one
    factor does).

    Examples
    --------
    >>> af = AF.from_pairs("abcd", [("a", "b"), ("b", "a"), ("c", "d"), ("d", "c")])
    >>> count(af, "ST"), count(af, "CO"), count(af, "CO", limit=5)
    (4, 9, 5)
    """
    sem = parse_semantics(semantics)
    if limit is not None and limit < 0:
        raise QueryError(f"the limit must not be negative, not {limit}")
    if limit == 0:
        return 0
    label, c, members = core(af)
    if sem in (Semantics.GR, Semantics.ID) or c.n == 0:
        return 1
    counts = []
    for comp, _ in _components(c):
        stream = _component_stream(comp, sem)
        k = sum(1 for _ in (stream if limit is None else itertools.islice(stream, limit)))
        if k == 0:
            return 0
        counts.append(k)
    total = 1
    for k in counts:
        total *= k
        if limit is not None and total >= limit:
            return limit
    return total


def credulous(af: AF, semantics: str | Semantics, arg: int | str
              ) -> tuple[bool, frozenset[int] | None]:
    """Is *arg* in some extension (ICCMA task DC)? With a witness extension if so.

    Parameters
    ----------
    af : AF
    semantics : {"GR", "CO", "PR", "ST", "SST", "ID"}
    arg : int or str
        An argument number, or an argument name.

    Returns
    -------
    (bool, frozenset of int or None)
        The answer and, when it is yes, an extension containing *arg*.

    Notes
    -----
    GR and ID: membership. CO and PR: one SAT call for an admissible set containing
    *arg* (credulous preferred = credulous admissible), grown to a preferred
    (hence complete) witness. ST: one SAT call. SST: one SAT call per maximal range.

    Examples
    --------
    >>> af = AF.from_pairs("abc", [("a", "b"), ("b", "a"), ("b", "c")])
    >>> ok, witness = credulous(af, "PR", "c")
    >>> ok, sorted(witness)
    (True, [0, 2])
    """
    sem = parse_semantics(semantics)
    q = arg_index(af, arg)
    label, c, members = core(af)
    if sem in (Semantics.GR, Semantics.ID):
        ext = one_extension(af, sem)
        assert ext is not None
        return (q in ext, ext if q in ext else None)
    if label[q] == OUT:
        return False, None
    comp_af, sub, local = _locate(c, members, q)
    if label[q] == IN:
        ext = one_extension(af, sem)
        return (ext is not None, ext)
    if sem in (Semantics.CO, Semantics.PR):
        found = _sat.credulous_admissible(comp_af, local)
    elif sem is Semantics.ST:
        found = None
        with _sat.Encoding(comp_af, "stb", prefer_in=False) as enc:
            model = enc.solve([local + 1])
            if model is not None:
                found = enc.x(model).copy()
    else:
        found = _sst_with(comp_af, local, want=True)
    if found is None:
        return False, None
    ext = _complete_with(af, sem, label, members, c, sub, found)
    # None: another component has no stable extension, so the framework has none
    return (ext is not None, ext)


def skeptical(af: AF, semantics: str | Semantics, arg: int | str
              ) -> tuple[bool, frozenset[int] | None]:
    """Is *arg* in every extension (ICCMA task DS)? With a counter-example if not.

    Returns
    -------
    (bool, frozenset of int or None)
        The answer and, when it is no, an extension lacking *arg*.

    Notes
    -----
    GR and ID: membership. CO: membership in the grounded extension (the least
    complete extension is the counter-example). ST: one SAT call; with no stable
    extension at all every argument is skeptically accepted (vacuously, as in
    ICCMA). PR: a CEGAR loop over maximal admissible sets without *arg* (see
    :func:`argmap.semantics._sat.skeptical_preferred`). SST: one SAT call per
    maximal range.

    Examples
    --------
    >>> af = AF.from_pairs("abc", [("a", "b"), ("b", "a"), ("b", "c")])
    >>> ok, counter = skeptical(af, "PR", "c")
    >>> ok, sorted(counter)
    (False, [1])
    """
    sem = parse_semantics(semantics)
    q = arg_index(af, arg)
    label, c, members = core(af)
    if sem in (Semantics.GR, Semantics.ID, Semantics.CO):
        ext = one_extension(af, Semantics.GR if sem is Semantics.CO else sem)
        assert ext is not None
        return (q in ext, None if q in ext else ext)
    if label[q] == IN:
        return True, None
    if label[q] == OUT:
        ext = one_extension(af, sem)
        return (ext is None, ext)
    comp_af, sub, local = _locate(c, members, q)
    if sem is Semantics.PR:
        found = _sat.skeptical_preferred(comp_af, local)
    elif sem is Semantics.ST:
        found = None
        with _sat.Encoding(comp_af, "stb", prefer_in=False) as enc:
            if enc.solve() is None:
                # no stable extension in this component, hence none at all
                return True, None
            model = enc.solve([-(local + 1)])
            if model is not None:
                found = enc.x(model).copy()
    else:
        found = _sst_with(comp_af, local, want=False)
    if found is None:
        return True, None
    ext = _complete_with(af, sem, label, members, c, sub, found)
    if ext is None:  # pragma: no cover - another component has no stable extension
        return True, None
    return False, ext


def _locate(c: AF, members: np.ndarray, q: int) -> tuple[AF, np.ndarray, int]:
    """The core component holding argument *q* of the framework, and *q*'s number in it."""
    pos = int(np.searchsorted(members, q))
    if pos >= members.shape[0] or members[pos] != q:
        return c, np.arange(c.n), -1
    for comp, sub in _components(c):
        hit = np.flatnonzero(sub == pos)
        if hit.shape[0]:
            return comp, sub, int(hit[0])
    raise AssertionError(q)  # pragma: no cover


def _complete_with(af: AF, sem: Semantics, label: np.ndarray, members: np.ndarray,
                   c: AF, sub: np.ndarray, found: np.ndarray) -> frozenset[int] | None:
    """Lift a component's extension to the framework, choosing any extension elsewhere."""
    full = label == IN
    full[members[sub[found]]] = True
    for comp, other in _components(c):
        if other[0] == sub[0]:
            continue
        ext = next(iter(_core_extensions(comp, sem)), None)
        if ext is None:
            return None
        full[members[other[ext]]] = True
    return as_extension(full)


def _sst_with(c: AF, q: int, *, want: bool) -> np.ndarray | None:
    """A semi-stable extension of *c* containing (*want*) or lacking *q*; ``None`` if none."""
    lit = (q + 1) if want else -(q + 1)
    with _sat.Encoding(c, "stb", prefer_in=False) as st:
        if st.solve() is not None:
            model = st.solve([lit])
            return None if model is None else st.x(model).copy()
    n = c.n
    with _sat.Encoding(c, "com", ranges=True) as enc, \
            _sat.Encoding(c, "com", ranges=True) as probe:
        for rng in _sat.semi_stable_ranges(c, enc):
            model = probe.solve(_sat.exact_range(n, rng) + [lit])
            if model is not None:
                return probe.x(model).copy()
    return None


def acceptance(af: AF, semantics: str | Semantics, *,
               among: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Credulous and skeptical acceptance of every argument at once.

    Parameters
    ----------
    among : int, optional
        Only arguments ``0 … among-1`` need their skeptical answer (a compiled map
        puts its claims first and auxiliary arguments after them); for the others
        the PR skeptical mask may say False where the answer is True. Default: all.

    Returns
    -------
    credulous, skeptical : numpy.ndarray of bool
        Masks over the arguments. With no extension at all (ST on an odd cycle),
        ``credulous`` is all ``False`` and ``skeptical`` all ``True`` (vacuously).

    Notes
    -----
    CO/PR credulous: a cover loop of admissible sets (one SAT call per newly covered
    batch). PR skeptical: the ideal extension is skeptical for free; the remaining
    candidates (members of one preferred extension) each get the CEGAR check. ST:
    cover loop and an intersection loop. SST: enumeration (after the stable
    shortcut).

    Examples
    --------
    >>> af = AF.from_pairs("abc", [("a", "b"), ("b", "a"), ("b", "c")])
    >>> cred, skep = acceptance(af, "PR")
    >>> cred.tolist(), skep.tolist()
    ([True, True, True], [False, False, False])
    """
    sem = parse_semantics(semantics)
    label, c, members = core(af)
    n = af.n
    if sem in (Semantics.GR, Semantics.ID):
        ext = np.zeros(n, dtype=bool)
        ext[list(one_extension(af, sem) or ())] = True
        return ext, ext.copy()
    cred = label == IN
    skep = label == IN
    if c.n == 0:
        return cred, skep
    for comp, sub in _components(c):
        wanted = None if among is None else members[sub] < among
        ccred, cskep = _component_acceptance(comp, sem, wanted)
        if ccred is None:  # no extension in this component, hence none at all
            return np.zeros(n, dtype=bool), np.ones(n, dtype=bool)
        cred[members[sub[ccred]]] = True
        skep[members[sub[cskep]]] = True
    return cred, skep


def _component_acceptance(c: AF, sem: Semantics,
                          wanted: np.ndarray | None = None) -> tuple[np.ndarray | None, np.ndarray]:
    none = np.zeros(c.n, dtype=bool)
    if sem is Semantics.CO:
        return _sat.credulous_cover(c, "adm"), none
    if sem is Semantics.PR:
        cred = _sat.credulous_cover(c, "adm")
        skep = _sat.ideal_core(c)
        first = next(_sat.preferred_extensions(c))
        open_ = first & ~skep if wanted is None else first & ~skep & wanted
        for q in np.flatnonzero(open_).tolist():
            if _sat.skeptical_preferred(c, q) is None:
                skep[q] = True
        return cred, skep
    if sem is Semantics.ST:
        inter = _sat.stable_intersection(c)
        if inter is None:
            return None, none
        return _sat.credulous_cover(c, "stb"), inter
    cred = none.copy()
    skep = np.ones(c.n, dtype=bool)
    any_ext = False
    for e in _sat.semi_stable_extensions(c):
        any_ext = True
        cred |= e
        skep &= e
    return (cred if any_ext else None), skep
