"""From an argument map to an abstract argumentation framework, under a support reading.

Claims become arguments of a Dung (1995) framework (numbered in map order, named by
claim id) and attacks on claims become attacks. Supports, format-2 arguments (linked
premises for one conclusion) and undercuts (attacks on arguments) are not part of
Dung's frameworks; a *support reading* says what they mean (docs/evaluation.md):

``none``
    Supports, arguments and undercuts are ignored; only attacks on claims count.
``necessary``
    The map is read as a *bipolar abstract dialectical framework* (BADF; Brewka &
    Woltran 2010, "Abstract dialectical frameworks", KR; semantics of Brewka,
    Ellmauthaler, Strass, Wallner & Woltran 2013, "Abstract dialectical frameworks
    revisited", IJCAI; bipolar case: Strass & Wallner 2015, "Analyzing the
    computational complexity of abstract dialectical frameworks via approximation
    fixpoint theory", AIJ 226). Its statements are the claims and the arguments (a
    ``support`` relation is a one-premise argument). Acceptance conditions:

    - an argument ``A`` (premises ``P``, conclusion ``c``) is accepted iff every
      premise is, no undercutter of ``A`` is, and no attacker of ``c`` is;
    - a claim that is the conclusion of arguments ``A1 … Ak`` is accepted iff one of
      them is and none of its attackers is (the *disjunctive necessity* of
      Nouioua 2013, "AFs with necessities: further semantics and labelling
      characterization", SUM, LNCS 8078: ``{A1 … Ak}`` is necessary for ``c``);
    - any other claim is accepted iff none of its attackers is.

    Adding "no attacker of ``c``" to the argument changes no claim's value (``c``
    needs it anyway), and makes each auxiliary node below faithful (see Notes). An
    argument one of whose premises attacks its conclusion can never hold (its
    condition is unsatisfiable) and is left out.
``deductive``
    "Accepting the premises commits to the conclusion" (Cayrol &
    Lagasquie-Schiex 2013, "Bipolarity in argumentation graphs: towards a better
    understanding", IJAR 54(7); Boella et al. 2010). A one-premise support that
    nothing undercuts is a deductive support between claims, as before: added are
    *supported* attacks (A supports* X, X attacks C ⇒ A attacks C), *mediated*
    attacks (C attacks X, A supports* X ⇒ C attacks A) and *super-mediated* ones (A
    supports* X, X attacks Y, B supports* Y ⇒ A attacks B). A linked argument (two
    or more premises), or one that is undercut, commits only as a whole: it becomes
    a node ``A``, accepted iff all its premises are and no undercutter is, which
    deductively supports its conclusion. So ``A`` attacks what its conclusion
    attacks, and an attack on the conclusion attacks ``A`` (the premises taken
    together with their inference), not any one premise.

A claim that its speaker does not assert (``Claim.asserted`` is False: a pure
question "is P?", a challenge "why P?") is not put forward: it has no presumption of
acceptance and stands only when an accepted reason establishes it, under every
reading. Under ``necessary`` this is the condition of any concluded claim, extended
to a questioned claim with no argument (which never stands); under ``deductive`` the
claim needs one of its reasons in (a premise of a one-premise support, or an
argument node); under ``none`` no reason counts, so it never stands. What it attacks
or supports is kept and counts only when it stands: asking whether P is not arguing
that P. Each such claim ``Q`` gets an ``unsupported:Q`` node (below).

``supports*`` is a chain of one or more supports. The closure under the deductive
rules is "one direct attack with a support chain (possibly empty) at each end",
computed in one pass: for every direct attack ``X → Y``, a breadth-first search
along supports from ``X`` and from ``Y`` (cycle-safe). Each derived attack keeps the
shortest chain that produces it in ``Compiled.derived``: ``(attacker, attacked) ->
Derived(kind, chain)``, the chain listing node names from attacker to attacked.

The framework has the claims first (``ids[:n_claims]`` are the claim ids in map
order), then auxiliary arguments (:class:`Aux`): ``argument`` nodes (named by the
argument's id; a support relation's argument is named ``P=>C``), ``not`` nodes
(``not:P``, attacked by the claim ``P`` alone, attacking every argument with premise
``P``: accepted iff ``P`` is rejected) and ``unsupported`` nodes (``unsupported:C``,
attacked by every argument for ``C``, attacking ``C``: accepted iff no argument for
``C`` is; under ``necessary`` for every concluded or unasserted claim, under
``deductive`` attacked by the reasons of an unasserted claim, under ``none`` not
attacked at all). Names are made unique against the map's ids.

Examples
--------
>>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
>>> m = ArgumentMap(speakers=[Speaker("s", "S")],
...     claims=[Claim(i, "s", i) for i in ("A", "X", "C")],
...     relations=[Relation("A", "X", "support"), Relation("C", "X", "attack")])
>>> compile_map(m, "deductive").derived
{('C', 'A'): Derived(kind='mediated', chain=('C', 'X', 'A'))}
>>> compile_map(m, "necessary").ids
('A', 'X', 'C', 'A=>X', 'not:A', 'unsupported:X')
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from .model import ArgumentMap
from .vocabulary import SupportReading, parse_support

if TYPE_CHECKING:  # pragma: no cover
    from .af import AF

__all__ = ["Derived", "Aux", "Compiled", "StructuredArgument", "structured_arguments",
           "support_closure", "compile_map", "to_af"]


class Derived(NamedTuple):
    """Why an attack that the map does not state holds under the deductive reading.

    Attributes
    ----------
    kind : str
        ``supported``, ``mediated`` or ``super-mediated``.
    chain : tuple of str
        Node names from the attacker to the attacked node; each neighbouring pair is
        joined by a support (in either direction: a support relation, or an argument
        node and its conclusion) or by the one direct attack.
    """

    kind: str
    chain: tuple[str, ...]


class Aux(NamedTuple):
    """An auxiliary argument of a compiled framework (not a claim).

    Attributes
    ----------
    kind : str
        ``argument`` (a map argument: its premises jointly, its inference),
        ``not`` (accepted iff the claim ``of`` is rejected) or ``unsupported``
        (accepted iff no argument for the claim ``of`` is accepted).
    of : str
        For ``argument``: the argument's id, or ``None`` for a support relation's
        one-premise argument; for ``not``/``unsupported``: the claim id.
    premises : tuple of str
        For ``argument``: its premises; else empty.
    conclusion : str or None
        For ``argument``: its conclusion.
    """

    kind: str
    of: str | None
    premises: tuple[str, ...] = ()
    conclusion: str | None = None


class StructuredArgument(NamedTuple):
    """One argument of a map as the readings see it: an explicit one or a support.

    ``id`` is None for a ``support`` relation (a one-premise argument);
    ``undercutters`` are the claims attacking the argument.
    """

    id: str | None
    premises: tuple[str, ...]
    conclusion: str
    undercutters: tuple[str, ...]


def structured_arguments(amap: ArgumentMap, keep: set[str] | None = None) -> list[StructuredArgument]:
    """Every argument of *amap*: explicit arguments (map order), then one per support.

    With *keep*, only the arguments whose premises and conclusion are all kept, and
    only kept undercutters.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Argument, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("s", "S")],
    ...     claims=[Claim(i, "s", i) for i in "PQCU"],
    ...     arguments=[Argument("R", ("P", "Q"), "C")],
    ...     relations=[Relation("U", "R", "attack"), Relation("P", "Q", "support")])
    >>> [(a.id, a.premises, a.conclusion, a.undercutters) for a in structured_arguments(m)]
    [('R', ('P', 'Q'), 'C', ('U',)), (None, ('P',), 'Q', ())]
    """
    out = []
    for a in amap.arguments:
        if keep is not None and (a.conclusion not in keep or not keep.issuperset(a.premises)):
            continue
        under = tuple(r.from_id for r in amap.incoming(a.id)
                      if keep is None or r.from_id in keep)
        out.append(StructuredArgument(a.id, a.premises, a.conclusion, under))
    for r in amap.relations:
        if r.type == "support" and (keep is None or (r.from_id in keep and r.to_id in keep)):
            out.append(StructuredArgument(None, (r.from_id,), r.to_id, ()))
    return out


@dataclass(frozen=True)
class Compiled:
    """A map's framework under a support reading, in plain Python (no numpy).

    Attributes
    ----------
    ids : tuple of str
        Node names: the claim ids first, in map order (``ids[i]`` is argument
        ``i``), then the auxiliary arguments (see :attr:`aux`).
    attacks : tuple of (int, int)
        Direct attacks on claims first (map order), then the others; no duplicates.
    derived : dict
        ``(attacker name, attacked name) -> Derived`` for every attack of the
        deductive closure that the map does not state itself.
    support : SupportReading
    n_claims : int
        How many of the nodes are claims (``len(ids)`` when there are no
        auxiliary arguments).
    aux : tuple of Aux
        ``aux[k]`` describes node ``n_claims + k``.
    """

    ids: tuple[str, ...]
    attacks: tuple[tuple[int, int], ...]
    derived: dict[tuple[str, str], Derived]
    support: SupportReading
    n_claims: int = -1
    aux: tuple[Aux, ...] = ()

    def __post_init__(self) -> None:
        if self.n_claims < 0:
            object.__setattr__(self, "n_claims", len(self.ids))

    @property
    def claim_ids(self) -> tuple[str, ...]:
        """The claim ids, in map order (the first :attr:`n_claims` nodes)."""
        return self.ids[:self.n_claims]

    def to_af(self) -> AF:
        """The :class:`~argmap.af.AF` (imports numpy).

        ``meta`` holds ``derived``, ``support``, ``claims`` (the number of claim
        nodes, which come first) and ``aux``.
        """
        import numpy as np

        from .af import AF

        src = np.fromiter((a for a, _ in self.attacks), dtype=np.int32, count=len(self.attacks))
        dst = np.fromiter((b for _, b in self.attacks), dtype=np.int32, count=len(self.attacks))
        return AF(self.ids, src, dst, {"derived": dict(self.derived), "support": self.support.value,
                                       "claims": self.n_claims, "aux": self.aux})


class _Chain(Sequence[str]):
    """A derived attack's chain, kept as two ends of breadth-first search trees.

    ``(a, …, x)`` follows *tree_a* from *a* back to its root *x* (the attacker of
    the direct attack), then ``(y, …, b)`` follows *tree_b* from *b* back to its root
    *y*, reversed. Storing the two ends instead of the tuple keeps a reading's
    derived attacks in memory linear in the map: a chain of 20 000 supports below
    one attack derives 20 000 attacks whose chains, written out, would hold 2·10⁸
    ids. The tuple is built on each access (O(length)); a chain compares equal to
    the tuple it stands for.
    """

    __slots__ = ("_a", "_tree_a", "_b", "_tree_b", "_len")

    def __init__(self, a: str, tree_a: dict[str, tuple[str | None, int]], b: str,
                 tree_b: dict[str, tuple[str | None, int]]) -> None:
        self._a, self._tree_a, self._b, self._tree_b = a, tree_a, b, tree_b
        self._len = tree_a[a][1] + tree_b[b][1] + 2

    def _tuple(self) -> tuple[str, ...]:
        head: list[str] = []
        node: str | None = self._a
        while node is not None:
            head.append(node)
            node = self._tree_a[node][0]
        tail: list[str] = []
        node = self._b
        while node is not None:
            tail.append(node)
            node = self._tree_b[node][0]
        return tuple(head) + tuple(reversed(tail))

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i):  # type: ignore[no-untyped-def]  # noqa: ANN001, ANN204
        return self._tuple()[i]

    def __iter__(self) -> Iterator[str]:
        return iter(self._tuple())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (_Chain, tuple, list)):
            return len(self) == len(other) and self._tuple() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._tuple())

    def __repr__(self) -> str:
        return repr(self._tuple())


def _support_tree(start: str, step: dict[str, list[str]]) -> dict[str, tuple[str | None, int]]:
    """Breadth-first search along *step* from *start* (cycle-safe): ``node -> (parent, depth)``.

    Following parents from a node back to *start* gives a shortest support path, in
    memory linear in the nodes reached (the paths themselves would be quadratic).
    """
    tree: dict[str, tuple[str | None, int]] = {start: (None, 0)}
    queue = deque([start])
    while queue:
        x = queue.popleft()
        depth = tree[x][1] + 1
        for y in step.get(x, ()):
            if y not in tree:
                tree[y] = (x, depth)
                queue.append(y)
    return tree


#: Names of derived attacks: (one end, the other end, both ends) extended by supports.
CLOSURE_KINDS = {
    "deductive": ("supported", "mediated", "super-mediated"),
    "necessary": ("extended", "secondary", "extended-secondary"),
}


def support_closure(direct: list[tuple[str, str]], forward: dict[str, list[str]],
                    backward: dict[str, list[str]], reading: str) -> dict[tuple[str, str], Derived]:
    """The attacks a support closure adds to *direct* (Cayrol & Lagasquie-Schiex 2013).

    ``deductive``: the supporters (backwards along supports) of an attacker attack the
    supporters of the attacked node. ``necessary``: what an attacker and the attacked
    node support (forwards), the bipolar framework of Nouioua & Risch 2010 for one
    necessary supporter per claim; argmap's ``necessary`` reading is the BADF of this
    module's docstring, which agrees with it wherever every claim has at most one
    reason and no support cycle, and this form is kept as that reference.

    Returns ``(attacker, attacked) -> Derived`` for each pair not in *direct*.
    """
    seen = set(direct)
    derived: dict[tuple[str, str], Derived] = {}
    step = backward if reading == "deductive" else forward
    one_end, other_end, both = CLOSURE_KINDS[reading]
    cache: dict[str, dict[str, tuple[str | None, int]]] = {}
    for x, y in direct:
        px = cache.get(x) or cache.setdefault(x, _support_tree(x, step))
        py = cache.get(y) or cache.setdefault(y, _support_tree(y, step))
        if len(px) == 1 and len(py) == 1:
            continue
        for a, (_, depth_a) in px.items():
            for b, (_, depth_b) in py.items():
                if (a, b) in seen and (a, b) not in derived:
                    continue
                old = derived.get((a, b))
                if old is not None and len(old.chain) <= depth_a + depth_b + 2:
                    continue
                kind = both if a != x and b != y else (one_end if a != x else other_end)
                derived[(a, b)] = Derived(kind, _Chain(a, px, b, py))  # type: ignore[arg-type]
                seen.add((a, b))
    return derived


class _Nodes:
    """Node numbering with names made unique against the map's ids."""

    def __init__(self, claim_ids: tuple[str, ...], taken: set[str]) -> None:
        self.names = list(claim_ids)
        self.index = {c: i for i, c in enumerate(claim_ids)}
        self.taken = taken | set(claim_ids)
        self.aux: list[Aux] = []

    def add(self, name: str, aux: Aux) -> int:
        if not (aux.kind == "argument" and aux.of == name):  # an argument's own id is its name
            while name in self.taken:
                name += "'"
        self.taken.add(name)
        self.index[name] = len(self.names)
        self.names.append(name)
        self.aux.append(aux)
        return len(self.names) - 1


def compile_map(amap: ArgumentMap, support: str | SupportReading = "none", *,
                claims: Iterable[str] | None = None) -> Compiled:
    """The framework of *amap* under a support reading (pure Python).

    Parameters
    ----------
    amap : ArgumentMap
    support : {"none", "deductive", "necessary"}
    claims : iterable of str, optional
        Keep only these claims (and the relations and arguments among them); default all.

    Returns
    -------
    Compiled

    Raises
    ------
    UsageError
        For an unknown support reading.
    QueryError
        For an unknown claim id.

    See Also
    --------
    to_af : the framework alone.
    argmap.evaluation.statuses : evaluate a map (compiles it).

    Notes
    -----
    ``necessary`` is compiled to a Dung framework with auxiliary arguments (one
    ``argument`` node per argument, one ``not`` node per premise claim, one
    ``unsupported`` node per concluded claim), in time and size linear in the map.
    In a complete labelling each auxiliary node's label is the Kleene value of its
    acceptance condition, so complete labellings of the framework and complete
    interpretations of the BADF correspond one to one, preserving the information
    order: GR, CO, PR, ID carry over. An auxiliary node is undecided exactly when one
    statement is (``not:P`` when ``P`` is; ``unsupported:C`` when ``C`` is, because
    every argument for ``C`` includes "no attacker of ``C``"), so ⊆-minimal
    undecided sets, hence SST, carry over too, and ST (no undecided node) is the
    BADF's two-valued models. Under ``deductive``, every attacker of an unasserted
    claim ``Q`` (direct or derived) also attacks each of ``Q``'s reasons (the closure's
    mediated attacks), so ``unsupported:Q`` is again undecided exactly when ``Q`` is,
    and the same argument carries all six semantics over. ``deductive`` costs ``O(a · (n + s) + d)`` for ``a``
    attacks, ``s`` supports and ``d`` derived attacks.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("s", "S")],
    ...     claims=[Claim(i, "s", i) for i in ("A", "B", "C")],
    ...     relations=[Relation("A", "B", "support"), Relation("C", "A", "attack")])
    >>> c = compile_map(m, "necessary")
    >>> [(c.ids[a], c.ids[b]) for a, b in c.attacks]
    [('C', 'A'), ('A', 'not:A'), ('not:A', 'A=>B'), ('A=>B', 'unsupported:B'), ('unsupported:B', 'B')]
    """
    reading = parse_support(support)
    if claims is None:
        ids = tuple(c.id for c in amap.claims)
        keep: set[str] | None = None
    else:
        keep = set(claims)
        for cid in keep:
            amap.claim(cid)
        ids = tuple(c.id for c in amap.claims if c.id in keep)
    index = dict(zip(ids, range(len(ids))))
    asked = {c.id for c in amap.claims if c.act is not None and not c.asserted and c.id in index}
    if reading is SupportReading.none and not asked and keep is None:
        # every claim is kept (only an undercut's target, an argument, is not in *index*): one pass
        get = index.get
        return Compiled(ids, tuple([(index[r.from_id], j) for r in amap.relations
                                    if r.type == "attack" and (j := get(r.to_id)) is not None]), {}, reading)
    direct = [(r.from_id, r.to_id) for r in amap.relations
              if r.type == "attack" and r.from_id in index and r.to_id in index]
    if reading is SupportReading.none and not asked:
        return Compiled(ids, tuple([(index[a], index[b]) for a, b in direct]), {}, reading)
    nodes = _Nodes(ids, {a.id for a in amap.arguments})
    if reading is SupportReading.none:  # no reason counts: a claim nobody asserts never stands
        attacks = [(index[a], index[b]) for a, b in direct]
        for c in ids:
            if c in asked:
                attacks.append((nodes.add(f"unsupported:{c}", Aux("unsupported", c)), index[c]))
        return Compiled(tuple(nodes.names), tuple(attacks), {}, reading, len(ids), tuple(nodes.aux))
    args = structured_arguments(amap, keep)
    if reading is SupportReading.necessary:
        return _necessary(amap, ids, direct, args, nodes, reading, asked)
    return _deductive(ids, direct, args, nodes, reading, asked)


def _argument_name(a: StructuredArgument) -> str:
    return a.id if a.id is not None else f"{a.premises[0]}=>{a.conclusion}"


def _necessary(amap: ArgumentMap, ids: tuple[str, ...], direct: list[tuple[str, str]],
               args: list[StructuredArgument], nodes: _Nodes, reading: SupportReading,
               asked: set[str]) -> Compiled:
    index = nodes.index
    attacks = [(index[x], index[y]) for x, y in direct]
    attackers: dict[str, list[int]] = {}
    for x, y in direct:
        attackers.setdefault(y, []).append(index[x])
    negation: dict[str, int] = {}
    reasons: dict[str, list[int]] = {}
    for a in args:
        rebutters = {nodes.names[x] for x in attackers.get(a.conclusion, ())}
        if rebutters.intersection(a.premises):
            continue  # a premise attacks the conclusion: the argument can never hold
        node = nodes.add(_argument_name(a), Aux("argument", a.id, a.premises, a.conclusion))
        reasons.setdefault(a.conclusion, []).append(node)
        for p in a.premises:
            neg = negation.get(p)
            if neg is None:
                neg = negation[p] = nodes.add(f"not:{p}", Aux("not", p))
                attacks.append((index[p], neg))
            attacks.append((neg, node))
        attacks.extend((index[u], node) for u in a.undercutters)
        attacks.extend((x, node) for x in attackers.get(a.conclusion, ()))
    concluded = {a.conclusion for a in args}
    for c in ids:
        if c in concluded or c in asked:
            lack = nodes.add(f"unsupported:{c}", Aux("unsupported", c))
            attacks.extend((node, lack) for node in reasons.get(c, ()))
            attacks.append((lack, index[c]))
    return Compiled(tuple(nodes.names), tuple(dict.fromkeys(attacks)), {}, reading, len(ids),
                    tuple(nodes.aux))


def _deductive(ids: tuple[str, ...], direct: list[tuple[str, str]], args: list[StructuredArgument],
               nodes: _Nodes, reading: SupportReading, asked: set[str]) -> Compiled:
    index = nodes.index
    forward: dict[str, list[str]] = {}
    backward: dict[str, list[str]] = {}
    necessity: list[tuple[int, int]] = []
    negation: dict[str, int] = {}
    for a in args:
        if len(a.premises) == 1 and not a.undercutters:
            source = a.premises[0]
        else:
            node = nodes.add(_argument_name(a), Aux("argument", a.id, a.premises, a.conclusion))
            source = nodes.names[node]
            for p in a.premises:
                neg = negation.get(p)
                if neg is None:
                    neg = negation[p] = nodes.add(f"not:{p}", Aux("not", p))
                    necessity.append((index[p], neg))
                necessity.append((neg, node))
            necessity.extend((index[u], node) for u in a.undercutters)
        if a.conclusion not in forward.get(source, ()):
            forward.setdefault(source, []).append(a.conclusion)
            backward.setdefault(a.conclusion, []).append(source)
    derived = support_closure(direct, forward, backward, "deductive") if forward else {}
    attacks = [(index[a], index[b]) for a, b in direct]
    attacks += [(index[a], index[b]) for a, b in derived]
    attacks += necessity
    for c in ids:  # a claim nobody asserts stands only on one of its reasons
        if c in asked:
            lack = nodes.add(f"unsupported:{c}", Aux("unsupported", c))
            attacks.extend((index[source], lack) for source in backward.get(c, ()))
            attacks.append((lack, index[c]))
    return Compiled(tuple(nodes.names), tuple(dict.fromkeys(attacks)), derived, reading, len(ids),
                    tuple(nodes.aux))


def to_af(amap: ArgumentMap, support: str | SupportReading = "none", *,
          claims: Iterable[str] | None = None) -> AF:
    """The :class:`~argmap.af.AF` of *amap* under a support reading.

    The first ``meta["claims"]`` arguments are the claims in map order (names = claim
    ids), then the auxiliary arguments (``meta["aux"]``, see :class:`Aux`); ``meta``
    also has ``"support"`` (the reading) and ``"derived"`` (``(attacker, attacked) ->
    Derived(kind, chain)``). See :func:`compile_map` for parameters and complexity.

    See Also
    --------
    compile_map : the same, with the derived attacks and auxiliary nodes as typed fields.
    argmap.formats.write_af : write the framework to a file.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("s", "S")],
    ...     claims=[Claim(i, "s", i) for i in ("A", "X", "C")],
    ...     relations=[Relation("A", "X", "support"), Relation("X", "C", "attack")])
    >>> af = to_af(m, "deductive")
    >>> af.pairs()
    [('X', 'C'), ('A', 'C')]
    >>> af.meta["derived"][("A", "C")].kind
    'supported'
    """
    return compile_map(amap, support, claims=claims).to_af()
