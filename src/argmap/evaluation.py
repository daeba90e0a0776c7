"""Which claims of a map stand, under which semantics and support reading, and why.

Map-level entry points for the CLI and the other modules:

* :func:`statuses` -- every claim's status: ``in``/``out``/``undec`` under GR,
  ``skeptical``/``credulous``/``rejected`` under CO, PR, ST, SST, ID;
* :func:`survivors` -- the claims that stand (GR: ``in``; others: skeptical);
* :func:`claim_acceptance` -- one claim (ICCMA DC/DS) with a witness or
  counter-example extension;
* :func:`map_extensions` / :func:`count_extensions` -- the extensions themselves,
  for a map or an :class:`~argmap.af.AF`;
* :func:`explain` -- a dialectical tree: why a claim is in, out or undecided;
* :func:`compare_standing` -- each speaker's claims that stand with and without the
  other speaker's claims.

A map is compiled with :func:`argmap.framework.compile_map` (claims first, then the
auxiliary arguments a support reading needs: under ``necessary`` the map is a bipolar
abstract dialectical framework, Brewka & Woltran 2010, whose arguments and
disjunctive necessities, Nouioua 2013, become auxiliary Dung arguments; see
docs/evaluation.md) and labelled by a pure-Python grounded labelling first. Statuses,
extensions and explanations are projected back to the claims. When that labelling leaves nothing
undecided -- as in most argument maps -- every semantics here coincides with it
(a total grounded labelling is the unique complete labelling), and neither numpy
nor the SAT solver is imported, so ``argmap status --semantics PR`` starts as fast
as ``argmap uncontested``. Otherwise the framework goes to :mod:`argmap.semantics`.

Examples
--------
>>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
>>> m = ArgumentMap(speakers=[Speaker("e", "Essay"), Speaker("c", "Commenter")],
...     claims=[Claim("E1", "e", "thesis", kind="thesis"), Claim("E2", "e", "reason"),
...             Claim("C1", "c", "objection"), Claim("E3", "e", "reply")],
...     relations=[Relation("E2", "E1", "support"), Relation("C1", "E2", "attack"),
...                Relation("E3", "C1", "attack")])
>>> statuses(m)
{'E1': 'in', 'E2': 'in', 'C1': 'out', 'E3': 'in'}
>>> statuses(m, "PR", "necessary")
{'E1': 'skeptical', 'E2': 'skeptical', 'C1': 'rejected', 'E3': 'skeptical'}
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import UsageError
from .framework import Compiled, Derived, compile_map
from .model import ArgumentMap, Claim
from .vocabulary import Label, parse_semantics, parse_support

if TYPE_CHECKING:  # pragma: no cover
    from .af import AF

__all__ = [
    "statuses",
    "survivors",
    "ClaimAcceptance",
    "claim_acceptance",
    "map_extensions",
    "count_extensions",
    "ExplainNode",
    "Explanation",
    "explain",
    "format_explanation",
    "Standing",
    "compare_standing",
    "format_standing",
]

_IN, _OUT, _UNDEC = 1, -1, 0
_LABEL = {_IN: Label.IN.value, _OUT: Label.OUT.value, _UNDEC: Label.UNDEC.value}
_SKEPTICAL, _CREDULOUS, _REJECTED = Label.SKEPTICAL.value, Label.CREDULOUS.value, Label.REJECTED.value


def _sem(semantics: str) -> str:
    return parse_semantics(semantics).value


def _grounded(n: int, attacks: Iterable[tuple[int, int]]) -> list[int]:
    """Grounded labelling in plain Python (small maps; no numpy import)."""
    targets: list[list[int]] = [[] for _ in range(n)]
    count = [0] * n
    for a, b in attacks:
        targets[a].append(b)
        count[b] += 1
    label = [_UNDEC] * n
    todo = [i for i in range(n) if count[i] == 0]
    while todo:
        a = todo.pop()
        if label[a] != _UNDEC:
            continue
        label[a] = _IN
        for b in targets[a]:
            if label[b] == _UNDEC:
                label[b] = _OUT
                for c in targets[b]:
                    count[c] -= 1
                    if count[c] == 0 and label[c] == _UNDEC:
                        todo.append(c)
    return label


@dataclass
class _Evaluated:
    compiled: Compiled
    label: list[int]          # grounded
    af: AF | None = None

    @property
    def decided(self) -> bool:
        return _UNDEC not in self.label

    def framework(self) -> AF:
        if self.af is None:
            self.af = self.compiled.to_af()
        return self.af


def _evaluate(amap: ArgumentMap, support: str, claims: Iterable[str] | None = None) -> _Evaluated:
    compiled = compile_map(amap, support, claims=claims)
    return _Evaluated(compiled, _grounded(len(compiled.ids), compiled.attacks))


def _acceptance(ev: _Evaluated, sem: str) -> tuple[list[bool], list[bool]]:
    """(credulous, skeptical) per claim; skeptical is vacuous when there is no extension."""
    if sem == "GR" or ev.decided:
        inside = [lab == _IN for lab in ev.label]
        return inside, list(inside)
    from .semantics import acceptance

    cred, skep = acceptance(ev.framework(), sem, among=ev.compiled.n_claims)
    return cred.tolist(), skep.tolist()


def statuses(amap: ArgumentMap, semantics: str = "GR", support: str = "none") -> dict[str, str]:
    """Every claim's status under *semantics* and a support reading.

    Parameters
    ----------
    amap : ArgumentMap
    semantics : {"GR", "CO", "PR", "ST", "SST", "ID"}
    support : {"none", "deductive", "necessary"}

    Returns
    -------
    dict
        ``claim id -> status`` in map order. GR: ``in``, ``out`` or ``undec`` (the
        grounded labelling). Others: ``skeptical`` (in every extension),
        ``credulous`` (in some) or ``rejected`` (in none). When the semantics has no
        extension at all (ST on an odd cycle), every claim is ``rejected``.

    Raises
    ------
    UsageError
        For an unknown semantics or support reading.

    Notes
    -----
    ``O(n + m)`` when the grounded labelling decides every claim; otherwise SAT
    calls on the undecided core (see :func:`argmap.semantics.acceptance`).

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("s", "S")],
    ...     claims=[Claim("A", "s", "a"), Claim("B", "s", "b")],
    ...     relations=[Relation("A", "B", "attack"), Relation("B", "A", "attack")])
    >>> statuses(m, "GR"), statuses(m, "ST")
    ({'A': 'undec', 'B': 'undec'}, {'A': 'credulous', 'B': 'credulous'})
    """
    sem = _sem(semantics)
    ev = _evaluate(amap, support)
    if sem == "GR":
        return {cid: _LABEL[lab] for cid, lab in zip(ev.compiled.claim_ids, ev.label)}
    cred, skep = _acceptance(ev, sem)
    return {cid: (_SKEPTICAL if s and c else _CREDULOUS if c else _REJECTED)
            for cid, c, s in zip(ev.compiled.claim_ids, cred, skep)}


def survivors(amap: ArgumentMap, semantics: str = "GR", support: str = "none") -> list[Claim]:
    """The claims that survive every attack: ``in`` under GR, skeptically accepted otherwise.

    Returns
    -------
    list of Claim
        In map order.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("s", "S")],
    ...     claims=[Claim("A", "s", "a"), Claim("B", "s", "b"), Claim("C", "s", "c")],
    ...     relations=[Relation("A", "B", "attack"), Relation("B", "C", "attack")])
    >>> [c.id for c in survivors(m)]
    ['A', 'C']
    """
    st = statuses(amap, semantics, support)
    return [c for c in amap.claims if Label(st[c.id]).accepted]


@dataclass(frozen=True)
class ClaimAcceptance:
    """One claim's acceptance (ICCMA DC and DS) with the extensions that show it.

    Attributes
    ----------
    claim, semantics, support : str
    status : str
        As in :func:`statuses`.
    credulous, skeptical : bool
        ``skeptical`` follows ICCMA: vacuously true when there is no extension.
    witness : list of str or None
        An extension containing the claim, when credulously accepted.
    counterexample : list of str or None
        An extension lacking the claim, when not skeptically accepted.
    """

    claim: str
    semantics: str
    support: str
    status: str
    credulous: bool
    skeptical: bool
    witness: list[str] | None
    counterexample: list[str] | None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the fields."""
        return {"claim": self.claim, "semantics": self.semantics, "support": self.support,
                "status": self.status, "credulous": self.credulous, "skeptical": self.skeptical,
                "witness": self.witness, "counterexample": self.counterexample}


def claim_acceptance(amap: ArgumentMap, claim_id: str, semantics: str = "GR",
                     support: str = "none") -> ClaimAcceptance:
    """Decide one claim's credulous and skeptical acceptance, with witnesses.

    Only the work for this claim is done (one or a few SAT calls on the core for
    the hard semantics).

    Raises
    ------
    QueryError
        For an unknown claim.
    UsageError
        For an unknown semantics or support reading.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("s", "S")],
    ...     claims=[Claim("A", "s", "a"), Claim("B", "s", "b")],
    ...     relations=[Relation("A", "B", "attack"), Relation("B", "A", "attack")])
    >>> r = claim_acceptance(m, "A", "PR")
    >>> r.status, r.witness, r.counterexample
    ('credulous', ['A'], ['B'])
    """
    sem = _sem(semantics)
    amap.claim(claim_id)
    ev = _evaluate(amap, support)
    ids = ev.compiled.claim_ids
    q = ids.index(claim_id)
    reading = parse_support(support).value
    if sem == "GR" or ev.decided:
        ext = [cid for cid, lab in zip(ids, ev.label) if lab == _IN]
        inside = ev.label[q] == _IN
        status = _LABEL[ev.label[q]] if sem == "GR" else (_SKEPTICAL if inside else _REJECTED)
        return ClaimAcceptance(claim_id, sem, reading, status, inside, inside,
                               ext if inside else None, None if inside else ext)
    from .semantics import credulous, skeptical

    af = ev.framework()
    c_ok, wit = credulous(af, sem, q)
    s_ok, cex = skeptical(af, sem, q)
    status = _SKEPTICAL if s_ok and c_ok else _CREDULOUS if c_ok else _REJECTED
    return ClaimAcceptance(claim_id, sem, reading, status, c_ok, s_ok,
                           _in_map_order(af, wit), _in_map_order(af, cex))


def _in_map_order(af: AF, ext: frozenset[int] | None) -> list[str] | None:
    """The claims of an extension of a compiled map, in map order (auxiliary nodes dropped)."""
    n = af.meta.get("claims", af.n)
    return None if ext is None else [af.names[i] for i in sorted(ext) if i < n]


def map_extensions(source: ArgumentMap | AF, semantics: str, support: str = "none", *,
                   limit: int | None = None) -> Iterator[list[str]]:
    """The extensions of a map (claim ids, map order) or of an AF (names, natural order).

    Parameters
    ----------
    source : ArgumentMap or AF
    semantics : {"GR", "CO", "PR", "ST", "SST", "ID"}
    support : {"none", "deductive", "necessary"}
        Only for maps.
    limit : int, optional
        Stop after this many.

    Yields
    ------
    list of str
        One extension at a time; none for ST without a stable extension.

    Examples
    --------
    >>> from argmap.af import AF
    >>> list(map_extensions(AF.from_pairs(["1", "2"], [("1", "2"), ("2", "1")]), "ST"))
    [['1'], ['2']]
    """
    sem = _sem(semantics)
    if limit is not None and limit < 0:
        raise UsageError(f"limit must not be negative, not {limit}")
    if isinstance(source, ArgumentMap):
        ev = _evaluate(source, support)
        if ev.decided:
            if limit != 0:
                yield [cid for cid, lab in zip(ev.compiled.claim_ids, ev.label) if lab == _IN]
            return
        af, ordered = ev.framework(), True
    else:
        af, ordered = source, False
    return_gen = _af_extensions(af, sem, ordered)
    for k, ext in enumerate(return_gen):
        if limit is not None and k >= limit:
            return
        yield ext


def _af_extensions(af: AF, sem: str, map_order: bool) -> Iterator[list[str]]:
    from .semantics import extensions, names

    for ext in extensions(af, sem):
        yield _in_map_order(af, ext) if map_order else names(af, ext)  # type: ignore[misc]


def count_extensions(source: ArgumentMap | AF, semantics: str, support: str = "none", *,
                     limit: int | None = None) -> int:
    """The number of extensions of a map or an AF (ICCMA CE); at most *limit* if given.

    Examples
    --------
    >>> from argmap.af import AF
    >>> count_extensions(AF.from_pairs("abc", [("a", "b"), ("b", "c"), ("c", "a")]), "ST")
    0
    """
    sem = _sem(semantics)
    if limit is not None and limit < 0:
        raise UsageError(f"limit must not be negative, not {limit}")
    if isinstance(source, ArgumentMap):
        ev = _evaluate(source, support)
        if ev.decided:
            return min(1, limit) if limit is not None else 1
        af = ev.framework()
    else:
        af = source
    from .semantics import count

    return count(af, sem, limit=limit)


# -- explanations -------------------------------------------------------------------------
@dataclass
class ExplainNode:
    """One claim or argument in a dialectical tree.

    Attributes
    ----------
    claim : str
        The claim id, or for an argument node (``role`` ``reason``, or a deductive
        argument that attacks) the argument's name in the framework (its id; ``P=>C``
        for a support relation).
    label : str
        ``in``, ``out`` or ``undec`` in the labelling the explanation uses.
    attack : Derived or None
        How this node attacks its parent: ``None`` at the root and for reasons and
        premises, ``Derived("direct", (self, parent))`` for an attack the map states,
        else the derived attack's kind and support chain.
    children : list of ExplainNode
        IN claim: all its attackers (each out) and, under ``necessary``, one argument
        for it that holds. OUT claim: its IN attackers; under ``necessary``, when it has
        none, its arguments (none holds). UNDEC claim: attackers that are not out and
        arguments that are not out. An argument: its premises (linked: shown
        together), its undercutters and the attackers of its conclusion that decide it.
    repeated : bool
        The node already occurs on the path from the root (a cycle): not expanded.
    truncated : bool
        Not expanded because the tree reached its size limit.
    role : str
        ``attack``, ``undercut`` (an attack on the parent argument), ``reason`` (an
        argument for the parent claim), ``premise`` (of the parent argument), or
        ``root``.
    premises : tuple of str
        For an argument node: its premises (the conclusion is in ``conclusion``).
    conclusion : str or None
    """

    claim: str
    label: str
    attack: Derived | None = None
    children: list[ExplainNode] = field(default_factory=list)
    repeated: bool = False
    truncated: bool = False
    role: str = "root"
    premises: tuple[str, ...] = ()
    conclusion: str | None = None

    @property
    def is_argument(self) -> bool:
        """Whether the node is an argument (it has premises), not a claim."""
        return bool(self.premises)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready nested dict (``attackers`` holds attacks and undercuts;
        ``reasons`` and ``premises`` appear only where there are some)."""
        key = "argument" if self.is_argument else "claim"
        out: dict[str, Any] = {key: self.claim, "label": self.label}
        if self.is_argument:
            out["premises"] = list(self.premises)
            out["conclusion"] = self.conclusion
        if self.attack is not None:
            out["attack"] = {"kind": self.attack.kind, "chain": list(self.attack.chain)}
        if self.role == "undercut":
            out["undercut"] = True
        if self.repeated:
            out["repeated"] = True
        if self.truncated:
            out["truncated"] = True
        out["attackers"] = [c.to_dict() for c in self.children if c.role in ("attack", "undercut")]
        for role, name in (("reason", "reasons"), ("premise", "linked_premises")):
            items = [c.to_dict() for c in self.children if c.role == role]
            if items:
                out[name] = items
        return out

    def walk(self, depth: int = 0) -> Iterator[tuple[int, ExplainNode]]:
        """``(depth, node)`` in depth-first order."""
        yield depth, self
        for c in self.children:
            yield from c.walk(depth + 1)


@dataclass
class Explanation:
    """Why a claim has its status: the status, the labelling used, and the tree.

    Attributes
    ----------
    claim, semantics, support, status : str
    extension : list of str or None
        For semantics other than GR: the extension whose labelling the tree uses (a
        witness when the claim is credulously accepted); ``None`` for GR, or when no
        extension exists (the tree then uses the grounded labelling).
    tree : ExplainNode
    """

    claim: str
    semantics: str
    support: str
    status: str
    extension: list[str] | None
    tree: ExplainNode

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"claim": self.claim, "semantics": self.semantics, "support": self.support,
                "status": self.status, "extension": self.extension, "tree": self.tree.to_dict()}


def _witnesses(ev: _Evaluated, sem: str, q: int) -> tuple[bool, frozenset[int] | None, bool,
                                                           frozenset[int] | None]:
    """Credulous and skeptical acceptance of node *q* with the full extensions (aux included)."""
    from .semantics import credulous, skeptical

    af = ev.framework()
    c_ok, wit = credulous(af, sem, q)
    s_ok, cex = skeptical(af, sem, q)
    return c_ok, wit, s_ok, cex


def explain(amap: ArgumentMap, claim_id: str, semantics: str = "GR", support: str = "none",
            *, max_nodes: int = 500) -> Explanation:
    """A dialectical tree explaining a claim's status.

    The tree follows a complete labelling of the compiled framework: the grounded one
    for GR (and when no extension exists), otherwise the labelling of one extension
    (``in`` = member, ``out`` = attacked by it, ``undec`` = neither), chosen to contain
    the claim when it is credulously accepted. Below an ``in`` claim are all its
    attackers (each ``out``) and, under ``necessary``, one argument for it that holds;
    below an ``out`` claim, the ``in`` attackers that defeat it, or, under
    ``necessary`` when there are none, every argument for it (none holds); below an
    ``undec`` claim, what is not ``out``. An argument shows its linked premises
    together, then its undercutters (named as such) and, under ``necessary``, the
    attackers of its conclusion. Leaves are unattacked claims, nodes met again on
    their own branch (``repeated``) and, past *max_nodes* nodes, ``truncated`` ones.
    Derived attacks carry their kind and support chain.

    Parameters
    ----------
    amap : ArgumentMap
    claim_id : str
    semantics : {"GR", "CO", "PR", "ST", "SST", "ID"}
    support : {"none", "deductive", "necessary"}
    max_nodes : int
        Size limit of the tree.

    Raises
    ------
    QueryError
        For an unknown claim.
    UsageError
        For an unknown semantics or support reading.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("s", "S")],
    ...     claims=[Claim("A", "s", "a"), Claim("B", "s", "b"), Claim("C", "s", "c")],
    ...     relations=[Relation("B", "A", "attack"), Relation("C", "B", "attack")])
    >>> e = explain(m, "A")
    >>> [(d, n.claim, n.label) for d, n in e.tree.walk()]
    [(0, 'A', 'in'), (1, 'B', 'out'), (2, 'C', 'in')]
    """
    sem = _sem(semantics)
    amap.claim(claim_id)
    ev = _evaluate(amap, support)
    comp = ev.compiled
    names = comp.ids
    reading = parse_support(support).value
    label = list(ev.label)
    extension: list[str] | None = None
    q = names.index(claim_id)
    if sem == "GR":
        status = _LABEL[label[q]]
    else:
        answer = claim_acceptance(amap, claim_id, sem, reading)
        status = answer.status
        if ev.decided:
            full = frozenset(i for i, lab in enumerate(label) if lab == _IN)
            ext_full: frozenset[int] | None = full
        else:
            c_ok, wit, _, cex = _witnesses(ev, sem, q)
            ext_full = wit if c_ok else cex
        if ext_full is not None:
            extension = [names[i] for i in sorted(ext_full) if i < comp.n_claims]
            attacked = {b for a, b in comp.attacks if a in ext_full}
            label = [_IN if i in ext_full else _OUT if i in attacked else _UNDEC
                     for i in range(len(names))]
    lab = {name: _LABEL[x] for name, x in zip(names, label)}
    aux = {names[comp.n_claims + k]: a for k, a in enumerate(comp.aux)}
    skip = {name for name, a in aux.items() if a.kind != "argument"}
    attackers: dict[str, list[str]] = {name: [] for name in names}
    for x, y in comp.attacks:
        if names[x] not in skip:
            attackers[names[y]].append(names[x])
    reasons: dict[str, list[str]] = {}
    if reading == "necessary":
        for name, a in aux.items():
            if a.kind == "argument" and a.conclusion is not None:
                reasons.setdefault(a.conclusion, []).append(name)
    undercutters = {x.id: {c.id for c in amap.undercutters(x.id)} for x in amap.arguments}
    derived = comp.derived
    budget = [max_nodes - 1]

    def children_of(node: ExplainNode) -> list[tuple[str, str]]:
        """(name, role) of the children to show, by the rules of the docstring."""
        here = node.claim
        out: list[tuple[str, str]] = []
        if node.is_argument:
            prem = node.premises
            under = undercutters.get(here, set())
            others = [a for a in attackers[here] if a not in under]
            if node.label == "in":
                out += [(p, "premise") for p in prem]
                out += [(u, "undercut") for u in attackers[here] if u in under]
            elif node.label == "out":
                out += [(p, "premise") for p in prem if lab[p] == "out"]
                out += [(u, "undercut") for u in attackers[here] if u in under and lab[u] == "in"]
                out += [(x, "attack") for x in others if lab[x] == "in"]
            else:
                out += [(p, "premise") for p in prem if lab[p] != "in"]
                out += [(u, "undercut") for u in attackers[here] if u in under and lab[u] != "out"]
                out += [(x, "attack") for x in others if lab[x] != "out"]
            return out
        atts = [a for a in attackers[here] if not (reading == "necessary" and a in aux)]
        mine = reasons.get(here, [])
        if node.label == "in":
            out += [(a, "attack") for a in atts]
            holding = [r for r in mine if lab[r] == "in"]
            out += [(r, "reason") for r in holding[:1]]
        elif node.label == "out":
            winners = [a for a in atts if lab[a] == "in"]
            out += [(a, "attack") for a in winners]
            if not winners:
                out += [(r, "reason") for r in mine]
        else:
            out += [(a, "attack") for a in atts if lab[a] != "out"]
            if not any(lab[r] == "in" for r in mine):
                out += [(r, "reason") for r in mine if lab[r] != "out"]
        return out

    def make(name: str, role: str, parent: str) -> ExplainNode:
        via = None
        if role in ("attack", "undercut"):
            via = derived.get((name, parent)) or Derived("direct", (name, parent))
        a = aux.get(name)
        if a is not None and a.kind == "argument":
            return ExplainNode(name, lab[name], via, role=role, premises=a.premises,
                               conclusion=a.conclusion)
        return ExplainNode(name, lab[name], via, role=role)

    root = ExplainNode(claim_id, lab[claim_id])
    stack: list[tuple[ExplainNode, frozenset[str]]] = [(root, frozenset({claim_id}))]
    while stack:
        node, path = stack.pop()
        for name, role in children_of(node):
            child = make(name, role, node.claim)
            node.children.append(child)
            if name in path:
                child.repeated = True
            elif budget[0] <= 0:
                child.truncated = True
            else:
                budget[0] -= 1
        for child in reversed(node.children):
            if not child.repeated and not child.truncated:
                stack.append((child, path | {child.claim}))
    return Explanation(claim_id, sem, reading, status, extension, root)


_MARK = {"root": "", "attack": "<- ", "undercut": "<-/ ", "reason": "<= ", "premise": "+ "}


def format_explanation(expl: Explanation, amap: ArgumentMap, width: int = 80) -> str:
    """The explanation as indented text lines (at most *width* columns where possible).

    Attacks are marked ``<-``, undercuts ``<-/`` (naming the argument they undercut),
    arguments for a claim ``<=`` (with their linked premises below, marked ``+``).

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("s", "S")],
    ...     claims=[Claim("A", "s", "Alpha"), Claim("B", "s", "Beta")],
    ...     relations=[Relation("B", "A", "attack")])
    >>> print(format_explanation(explain(m, "A"), m))
    A is out under GR (support reading: none).
    A [out] Alpha
      <- B [in] Beta
    """
    import textwrap

    head = f"{expl.claim} is {expl.status} under {expl.semantics} (support reading: {expl.support})."
    lines = textwrap.wrap(head, width)
    if expl.extension is not None:
        lines += textwrap.wrap("labels from the extension {" + ", ".join(expl.extension) + "}",
                               width, subsequent_indent="  ")
    parents: dict[int, ExplainNode] = {}
    for depth, node in expl.tree.walk():
        parents[depth] = node
        indent = "  " * depth
        mark = _MARK[node.role]
        tail = " (cycle)" if node.repeated else " (...)" if node.truncated else ""
        if node.is_argument:
            kind = ("linked argument" if len(node.premises) > 1 else
                    "argument" if amap.has_argument(node.claim) else "support")
            text = f"{kind}: {' + '.join(node.premises)} => {node.conclusion}"
            if amap.has_argument(node.claim) and amap.argument(node.claim).note:
                text += f" ({amap.argument(node.claim).note})"
        else:
            text = amap.claim(node.claim).text
        if node.role == "undercut":
            text += f" [undercuts {parents[depth - 1].claim}]"
        first = f"{indent}{mark}{node.claim} [{node.label}] "
        lines += textwrap.wrap(text + tail, width, initial_indent=first,
                               subsequent_indent=indent + "     ") or [first.rstrip()]
        if node.attack is not None and node.attack.kind != "direct":
            chain = _chain_text(amap, node.attack.chain)
            lines += textwrap.wrap(f"{node.attack.kind} attack via {chain}", width,
                                   initial_indent=indent + "     (",
                                   subsequent_indent=indent + "      ")
            lines[-1] += ")"
    return "\n".join(lines)


def _chain_text(amap: ArgumentMap, chain: tuple[str, ...]) -> str:
    """``A -+-> X -x-> C`` with the map relation between neighbours (``<-+-`` backwards).

    A step from an argument to its conclusion (or back) is a support (``=+=>``)."""
    out = [chain[0]]
    for p, q in zip(chain, chain[1:]):
        rel = amap.relation(p, q) if amap.has_claim(p) else None
        if rel is not None:
            out.append("-x->" if rel.type == "attack" else "-+->")
        elif amap.has_argument(p) or "=>" in p:
            out.append("=+=>")
        elif amap.has_argument(q) or "=>" in q:
            out.append("<=+=")
        else:
            back = amap.relation(q, p) if amap.has_claim(q) else None
            out.append("<-x-" if back is not None and back.type == "attack" else "<-+-")
        out.append(q)
    return " ".join(out)


# -- comparing speakers ---------------------------------------------------------------------
@dataclass(frozen=True)
class Standing:
    """Which of two speakers' claims stand, with and without the other speaker's claims.

    "Stand" means ``in`` under GR and skeptically accepted under the others.

    Attributes
    ----------
    a, b : str
        Speaker ids.
    semantics, support : str
    together : dict
        ``speaker -> claim ids`` that stand in the whole map.
    alone : dict
        ``speaker -> claim ids`` that stand once the other speaker's claims (and the
        relations touching them) are removed.
    lost : dict
        ``speaker -> claim ids`` that stand alone but not together: what the other
        speaker's claims knock down.
    gained : dict
        ``speaker -> claim ids`` that stand together but not alone: what the other
        speaker's claims rescue.
    """

    a: str
    b: str
    semantics: str
    support: str
    together: dict[str, list[str]]
    alone: dict[str, list[str]]
    lost: dict[str, list[str]]
    gained: dict[str, list[str]]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"speakers": [self.a, self.b], "semantics": self.semantics,
                "support": self.support, "together": self.together, "alone": self.alone,
                "lost": self.lost, "gained": self.gained}


def _standing(amap: ArgumentMap, sem: str, support: str, keep: list[str]) -> set[str]:
    ev = _evaluate(amap, support, keep)
    if sem == "GR":
        return {cid for cid, lab in zip(ev.compiled.claim_ids, ev.label) if lab == _IN}
    cred, skep = _acceptance(ev, sem)
    return {cid for cid, c, s in zip(ev.compiled.claim_ids, cred, skep) if c and s}


def compare_standing(amap: ArgumentMap, speaker_a: str, speaker_b: str, semantics: str = "GR",
                     support: str = "none") -> Standing:
    """Each speaker's standing claims with and without the other speaker's claims.

    For an essay (*speaker_a*) and a comment on it (*speaker_b*), ``lost[a]`` is
    what the comment changes in the essay's standing.

    Raises
    ------
    QueryError
        For an unknown speaker.
    UsageError
        For an unknown semantics or support reading.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("e", "Essay"), Speaker("c", "Comment")],
    ...     claims=[Claim("E1", "e", "thesis"), Claim("C1", "c", "objection")],
    ...     relations=[Relation("C1", "E1", "attack")])
    >>> s = compare_standing(m, "e", "c")
    >>> s.together, s.lost
    ({'e': [], 'c': ['C1']}, {'e': ['E1'], 'c': []})
    """
    sem = _sem(semantics)
    reading = parse_support(support).value
    amap.speaker(speaker_a)
    amap.speaker(speaker_b)
    every = [c.id for c in amap.claims]
    whole = _standing(amap, sem, support, every)
    by = {s: [c.id for c in amap.claims if c.speaker == s] for s in (speaker_a, speaker_b)}
    together: dict[str, list[str]] = {}
    alone: dict[str, list[str]] = {}
    for s, other in ((speaker_a, speaker_b), (speaker_b, speaker_a)):
        removed = set(by[other])
        kept = [cid for cid in every if cid not in removed]
        solo = _standing(amap, sem, support, kept)
        together[s] = [cid for cid in by[s] if cid in whole]
        alone[s] = [cid for cid in by[s] if cid in solo]
    lost = {s: [c for c in alone[s] if c not in set(together[s])] for s in together}
    gained = {s: [c for c in together[s] if c not in set(alone[s])] for s in together}
    return Standing(speaker_a, speaker_b, sem, reading, together, alone, lost, gained)


def format_standing(standing: Standing, amap: ArgumentMap, width: int = 80) -> str:
    """The standing comparison as readable text.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("e", "Essay"), Speaker("c", "Comment")],
    ...     claims=[Claim("E1", "e", "thesis"), Claim("C1", "c", "objection")],
    ...     relations=[Relation("C1", "E1", "attack")])
    >>> print(format_standing(compare_standing(m, "e", "c"), m))
    Standing under GR (support reading: none); "stand" = in
    Essay: 0 of 1 claims stand with Comment's claims, 1 without.
      knocked down by Comment: E1
    Comment: 1 of 1 claims stand with Essay's claims, 1 without.
    """
    import textwrap

    name = {s.id: s.name for s in amap.speakers}
    word = "in" if standing.semantics == "GR" else "skeptically accepted"
    lines = [f"Standing under {standing.semantics} (support reading: {standing.support}); "
             f"\"stand\" = {word}"]
    for s, other in ((standing.a, standing.b), (standing.b, standing.a)):
        total = sum(1 for c in amap.claims if c.speaker == s)
        lines.append(f"{name[s]}: {len(standing.together[s])} of {total} claims stand with "
                     f"{name[other]}'s claims, {len(standing.alone[s])} without.")
        for key, what in (("lost", f"knocked down by {name[other]}"),
                          ("gained", f"rescued by {name[other]}")):
            items = getattr(standing, key)[s]
            if items:
                lines += textwrap.wrap(f"{what}: " + ", ".join(items), width,
                                       initial_indent="  ", subsequent_indent="    ")
    return "\n".join(lines)
