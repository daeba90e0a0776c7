"""Questions about a map: what stands unattacked, chains of reasons, trees of reasons,
how two speakers' positions meet, and one claim or argument described.

The rule between this module and :mod:`argmap.evaluation`: a question about the map's
structure alone (what relates to what, and who says it) is answered here and needs no
semantics; a question about which claims *stand* needs a semantics and is answered
there. So ``argmap why`` is :func:`reasons` and ``argmap explain`` is
:func:`argmap.evaluation.explain`; both return the one tree type, :class:`ClaimTree`.

All functions are pure: they read an :class:`~argmap.model.ArgumentMap` and return
plain records. Unknown claim or speaker ids raise :class:`~argmap.errors.QueryError`
at the call (also for the generator :func:`chains`).

Examples
--------
>>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
>>> m = ArgumentMap(speakers=[Speaker("a", "A"), Speaker("b", "B")],
...     claims=[Claim("T", "a", "thesis", "thesis"), Claim("P", "a", "premise"),
...             Claim("X", "b", "objection")],
...     relations=[Relation("P", "T", "support"), Relation("X", "P", "attack")])
>>> [c.id for c in unattacked(m)]
['T', 'X']
>>> [(c.path, c.polarity) for c in chains(m, "X")]
[(('X', 'P', 'T'), 'attack')]
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import QueryError
from .model import Argument, ArgumentMap, Claim, Relation, Speaker

if TYPE_CHECKING:  # pragma: no cover
    from typing_extensions import Self

__all__ = [
    "unattacked",
    "Chain",
    "chains",
    "ClaimTree",
    "ReasonNode",
    "reasons",
    "Comparison",
    "compare",
    "claim_record",
    "Description",
    "describe",
]

#: Default bound on the number of relations in a chain.
DEFAULT_MAX_DEPTH = 12
#: Default bound on the relation steps one :func:`chains` search may take (a dense map
#: has exponentially many simple paths; the search stops with a QueryError here).
DEFAULT_MAX_STEPS = 1_000_000
#: Default depth of the tree of reasons (``argmap why``), counted from the claim.
DEFAULT_TREE_DEPTH = 12
#: The deepest tree of reasons :func:`reasons` builds, whatever is asked.
MAX_TREE_DEPTH = 200
#: Default bound on the nodes of a tree of reasons; below it, nodes are marked truncated.
DEFAULT_TREE_NODES = 10_000


def claim_record(claim: Claim) -> dict[str, str]:
    """The short public record of a claim: id, speaker, kind, text, and its act when it has one.

    ``act`` (e.g. ``"pure questioning"``) appears only for a claim whose speech act the map
    records (``Claim.act``); a claim put forward as a plain assertion has no ``act`` key.

    See Also
    --------
    describe : everything about one claim or argument.

    Examples
    --------
    >>> from argmap.model import Claim
    >>> claim_record(Claim("Q", "s", "Is it true?", act="pure questioning"))["act"]
    'pure questioning'
    """
    record = {"id": claim.id, "speaker": claim.speaker, "kind": claim.kind, "text": claim.text}
    if claim.act is not None:
        record["act"] = claim.act
    return record


@dataclass(frozen=True)
class Description:
    """One claim or one argument with what bears on it (see :func:`describe`).

    Attributes
    ----------
    kind : {"claim", "argument"}
        What :attr:`id` names.
    id : str
        The claim or argument id.
    speaker : Speaker
        The claim's speaker, or the speaker who gives the argument.
    claim : Claim or None
        The claim, for a claim.
    argument : Argument or None
        The argument, for an argument.
    incoming : tuple of Relation
        Relations ending here: supports and attacks of a claim, undercuts of an argument.
    outgoing : tuple of Relation
        Relations from the claim (empty for an argument).
    concluding : tuple of Argument
        For a claim, the explicit arguments whose conclusion it is.
    premise_of : tuple of Argument
        For a claim, the explicit arguments that have it among their premises.
    quote_line, quote_column : int or None
        Where a claim's quote starts in its source text (1-based), when it is located.

    See Also
    --------
    describe : builds it.
    claim_record : the short record of a claim.
    """

    kind: str
    id: str
    speaker: Speaker
    claim: Claim | None = None
    argument: Argument | None = None
    incoming: tuple[Relation, ...] = ()
    outgoing: tuple[Relation, ...] = ()
    concluding: tuple[Argument, ...] = ()
    premise_of: tuple[Argument, ...] = ()
    quote_line: int | None = None
    quote_column: int | None = None

    @property
    def attackers(self) -> list[str]:
        """The ids of the claims that attack the claim or undercut the argument, in map order."""
        return [r.from_id for r in self.incoming if r.type == "attack"]

    @property
    def status(self) -> str:
        """``attacked``/``unattacked`` for a claim, ``undercut``/``not undercut`` for an argument."""
        if self.kind == "argument":
            return "undercut" if self.attackers else "not undercut"
        return "attacked" if self.attackers else "unattacked"

    def to_dict(self) -> dict[str, object]:
        """Plain data, for JSON (``argmap show ID --json``).

        A claim gives its :func:`claim_record` fields, ``source``, ``quote``,
        ``start``, ``end``, ``tags``, ``incoming`` (``from``, ``type``, ``note``),
        ``outgoing`` (``to``, ``type``, ``note``), ``arguments`` (the ids of the arguments
        for it), ``premise_of`` and ``status``. An argument gives ``id``, ``kind``
        (``"argument"``), ``speaker``, ``premises``, ``conclusion``, ``scheme``,
        ``note``, ``undercutters`` (``from``, ``note``) and ``status``.
        """
        if self.argument is not None:
            a = self.argument
            return {"id": a.id, "kind": "argument", "speaker": self.speaker.id,
                    "premises": list(a.premises), "conclusion": a.conclusion,
                    "scheme": a.scheme, "note": a.note,
                    "undercutters": [{"from": r.from_id, "note": r.note} for r in self.incoming],
                    "status": self.status}
        c = self.claim
        assert c is not None
        record: dict[str, object] = dict(claim_record(c))
        record.update({
            "source": c.source, "quote": c.quote, "start": c.start, "end": c.end, "tags": list(c.tags),
            "incoming": [{"from": r.from_id, "type": r.type, "note": r.note} for r in self.incoming],
            "outgoing": [{"to": r.to_id, "type": r.type, "note": r.note} for r in self.outgoing],
            "arguments": [a.id for a in self.concluding],
            "premise_of": [a.id for a in self.premise_of],
            "status": self.status,
        })
        return record


def describe(amap: ArgumentMap, node_id: str) -> Description:
    """Describe the claim or the argument called *node_id*, with what bears on it.

    Claims and arguments share one id space, so *node_id* names exactly one of them.

    Raises
    ------
    QueryError
        When the map has neither a claim nor an argument with that id (with a
        "did you mean" hint over both).

    See Also
    --------
    claim_record : the short record each listed claim gets.
    reasons : the tree of reasons for a claim.

    Examples
    --------
    >>> from argmap.model import Argument, ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("s", "S")],
    ...     claims=[Claim(i, "s", i) for i in ("C", "P", "Q", "U")],
    ...     arguments=[Argument("R", ("P", "Q"), "C", scheme="example")],
    ...     relations=[Relation("U", "R", "attack")])
    >>> d = describe(m, "R")
    >>> d.kind, d.argument.premises, d.attackers, d.status
    ('argument', ('P', 'Q'), ['U'], 'undercut')
    >>> describe(m, "C").to_dict()["arguments"], describe(m, "P").status
    (['R'], 'unattacked')
    """
    if amap.has_argument(node_id):
        a = amap.argument(node_id)
        return Description("argument", a.id, amap.speaker(amap.argument_speaker(a)), argument=a,
                           incoming=tuple(amap.incoming(a.id)))
    if not amap.has_claim(node_id):
        from .errors import did_you_mean

        known = [c.id for c in amap.claims] + [a.id for a in amap.arguments]
        what = "claim or argument" if amap.arguments else "claim"
        raise QueryError(f"no {what} {node_id!r} in the map",
                         hint=did_you_mean(node_id, known) or "`argmap show` lists the claims")
    c = amap.claim(node_id)
    line = column = None
    if c.start is not None and c.source is not None:
        from .provenance import line_col

        line, column = line_col(amap.source(c.source).text or "", c.start)
    return Description("claim", c.id, amap.speaker(c.speaker), claim=c,
                       incoming=tuple(amap.incoming(c.id)), outgoing=tuple(amap.outgoing(c.id)),
                       concluding=tuple(amap.arguments_for(c.id)),
                       premise_of=tuple(a for a in amap.arguments if c.id in a.premises),
                       quote_line=line, quote_column=column)


def unattacked(amap: ArgumentMap, support: str = "none") -> list[Claim]:
    """The claims nobody attacks (no incoming ``attack`` relation), in map order.

    Under the readings that use supports (``necessary``, ``deductive``), a claim is
    also contested when an argument for it is undercut (format 2): the undercut
    denies that the argument carries it. Under ``none`` undercuts do not count. For
    the claims that *survive* attacks, see :func:`argmap.evaluation.statuses`.

    See Also
    --------
    argmap.evaluation.survivors : the claims that survive their attacks under a semantics.
    chains : how a claim's reasons and attacks reach a thesis.

    Notes
    -----
    O(claims + relations + arguments).

    Examples
    --------
    >>> from argmap.model import Argument, ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("s", "S")],
    ...     claims=[Claim(i, "s", i) for i in ("C", "P", "U")],
    ...     arguments=[Argument("R", ("P",), "C")], relations=[Relation("U", "R", "attack")])
    >>> [c.id for c in unattacked(m)], [c.id for c in unattacked(m, "necessary")]
    (['C', 'P', 'U'], ['P', 'U'])
    """
    from .vocabulary import parse_support

    reading = parse_support(support).value
    attacked = {r.to_id for r in amap.relations if r.type == "attack"}
    if reading != "none":
        attacked |= {a.conclusion for a in amap.arguments if a.id in attacked}
    return [c for c in amap.claims if c.id not in attacked]


@dataclass(frozen=True)
class Chain:
    """A simple path of relations from one claim to another.

    Attributes
    ----------
    path : tuple of str
        Claim ids from the start to the end.
    types : tuple of str
        The type of each step along the path (``len(path) - 1`` of them):
        ``support`` or ``attack`` (a relation), ``argument`` (from a premise to the
        conclusion of a format-2 argument) or ``undercut`` (from an undercutter to the
        conclusion of the argument it undercuts).
    via : tuple
        For each step, the argument it passes (``argument``/``undercut`` steps), else
        None; empty when no step passes an argument.
    premises : tuple
        For each step, the premises of the argument it passes (all of them: a chain
        passes an argument only with all its linked premises), else ``()``; empty when
        no step passes an argument.
    polarity : str
        ``"support"`` when the path has an even number of attacks and undercuts, else
        ``"attack"``.
    """

    path: tuple[str, ...]
    types: tuple[str, ...]
    via: tuple[str | None, ...] = ()
    premises: tuple[tuple[str, ...], ...] = ()

    @property
    def polarity(self) -> str:
        """The net effect of the path: an even number of attacks (and undercuts) supports."""
        odd = (self.types.count("attack") + self.types.count("undercut")) % 2
        return "attack" if odd else "support"

    @property
    def target(self) -> str:
        """The claim the chain ends at."""
        return self.path[-1]

    def to_dict(self) -> dict[str, object]:
        """Plain data, for JSON: ``path``, ``types``, ``polarity``, ``target``, and
        ``via``/``premises`` when a step passes an argument.

        Examples
        --------
        >>> Chain(("X", "P", "T"), ("attack", "support")).to_dict()
        {'path': ['X', 'P', 'T'], 'types': ['attack', 'support'], 'polarity': 'attack', 'target': 'T'}
        """
        d: dict[str, object] = {"path": list(self.path), "types": list(self.types),
                                "polarity": self.polarity, "target": self.target}
        if self.via:
            d["via"] = list(self.via)
            d["premises"] = [list(p) for p in self.premises]
        return d


def chains(amap: ArgumentMap, start: str, end: str | None = None, *,
           max_depth: int = DEFAULT_MAX_DEPTH, max_steps: int | None = DEFAULT_MAX_STEPS) -> Iterator[Chain]:
    """Every simple relation path from *start* to *end*.

    Parameters
    ----------
    amap : ArgumentMap
    start : str
        The claim the paths begin at.
    end : str, optional
        The claim they must reach. By default, every thesis the paths reach (other
        than *start* itself).
    max_depth : int
        The longest path considered, in relations.
    max_steps : int or None
        The most relation steps the search may take (default
        :data:`DEFAULT_MAX_STEPS`); None for no bound.

    Yields
    ------
    Chain
        In depth-first order, following relations in map order.

    Raises
    ------
    QueryError
        On an unknown claim id or a *max_depth* below 1, at the call; during the
        iteration, when the search has taken *max_steps* steps (the chains yielded
        so far are valid).

    See Also
    --------
    reasons : the tree of reasons for one claim.
    Chain.to_dict : the JSON record of a chain.

    Notes
    -----
    Paths are simple (no claim twice), so cycles in the map are harmless. A
    breadth-first search backwards from the targets first gives each claim its
    distance to the nearest target; the walk never enters a claim from which no
    target is within the remaining depth, so a search that finds nothing costs
    O(claims + relations). The number of simple paths that do reach a target can
    still grow exponentially with the map's density: *max_depth* and *max_steps*
    bound that work.
    """
    amap.claim(start)
    if end is not None:
        amap.claim(end)
    if max_depth < 1:
        raise QueryError(f"max depth must be at least 1, not {max_depth}")
    targets = {end} if end is not None else {c.id for c in amap.theses()} - {start}
    return _walk(amap, start, targets, max_depth, max_steps)


def _distances(amap: ArgumentMap, targets: set[str], bound: int) -> dict[str, int]:
    """Fewest relations from each claim to a target (up to *bound*), by a backward BFS."""
    dist = dict.fromkeys(targets, 0)
    queue = deque(targets)
    while queue:
        node = queue.popleft()
        d = dist[node] + 1
        if d > bound:
            continue
        before = [rel.from_id for rel in amap.incoming(node)]
        for a in amap.arguments_for(node):  # premises and undercutters step to the conclusion
            before += list(a.premises) + [r.from_id for r in amap.incoming(a.id)]
        for claim in before:
            if claim not in dist:
                dist[claim] = d
                queue.append(claim)
    return dist


def _steps(amap: ArgumentMap, claim_id: str,
           premise_of: dict[str, list[str]]) -> Iterator[tuple[str, str, str | None]]:
    """``(next claim, step type, argument id)`` for every step out of *claim_id*."""
    for rel in amap.outgoing(claim_id):
        if amap.has_argument(rel.to_id):
            yield amap.argument(rel.to_id).conclusion, "undercut", rel.to_id
        else:
            yield rel.to_id, rel.type, None
    for aid in premise_of.get(claim_id, ()):
        yield amap.argument(aid).conclusion, "argument", aid


def _walk(amap: ArgumentMap, start: str, targets: set[str], max_depth: int,
          max_steps: int | None) -> Iterator[Chain]:
    dist = _distances(amap, targets, max_depth)
    if start not in dist:
        return
    premise_of: dict[str, list[str]] = {}
    for a in amap.arguments:
        for p in a.premises:
            premise_of.setdefault(p, []).append(a.id)
    steps = 0
    path = [start]
    types: list[str] = []
    via: list[str | None] = []
    on_path = {start}

    def chain() -> Chain:
        if not any(v is not None for v in via):
            return Chain(tuple(path), tuple(types))
        linked = tuple(amap.argument(v).premises if v is not None and t == "argument" else ()
                       for t, v in zip(types, via))
        return Chain(tuple(path), tuple(types), tuple(via), linked)

    # An explicit stack of iterators over outgoing steps keeps deep maps off the C stack.
    stack: list[Iterator[tuple[str, str, str | None]]] = [_steps(amap, start, premise_of)]
    while stack:
        rel = next(stack[-1], None)
        steps += 1
        if max_steps is not None and steps > max_steps:
            raise QueryError(f"the chain search stopped after {max_steps:,} steps (the map has very "
                             f"many chains of up to {max_depth} relations)",
                             hint="lower `max_depth`, or name the claim to reach")
        if rel is None:
            stack.pop()
            if len(path) > 1:
                on_path.discard(path.pop())
                types.pop()
                via.pop()
            continue
        target, kind, arg = rel
        if target in on_path or dist.get(target, max_depth + 1) > max_depth - len(types) - 1:
            continue
        path.append(target)
        types.append(kind)
        via.append(arg)
        if target in targets:
            yield chain()
        if len(types) < max_depth:
            on_path.add(target)
            stack.append(_steps(amap, target, premise_of))
        else:
            path.pop()
            types.pop()
            via.pop()


@dataclass(kw_only=True)
class ClaimTree(ABC):
    """A tree about a claim: a node, the nodes that bear on it below, and why a branch stops.

    The one tree type of argmap. :class:`ReasonNode` (``argmap why``: what the map says
    for and against a claim) and :class:`argmap.evaluation.ExplainNode` (``argmap
    explain``: why the evaluation gives the claim its status) are its two kinds; each
    adds what its nodes carry and says how a node and its children appear in JSON.

    Attributes
    ----------
    children : list
        The nodes below this one, of the same kind.
    repeated : bool
        The node already occurs on the path from the root (a cycle): not expanded
        again, which is what keeps the tree finite on cyclic maps.
    truncated : bool
        Not expanded (or not fully) because the tree reached a depth or size bound.

    Notes
    -----
    :meth:`walk` and :meth:`to_dict` use an explicit stack, not recursion, so a tree
    of any depth can be walked and written. A kind provides ``_record()`` (the node's
    own JSON fields) and ``_slot(child)`` (the key of the list a child goes in).
    """

    children: list[Self] = field(default_factory=list)
    repeated: bool = False
    truncated: bool = False

    @abstractmethod
    def _record(self) -> dict[str, Any]:
        """The node's own JSON fields, with the (empty) child lists always present."""

    @abstractmethod
    def _slot(self, child: Self) -> str:
        """The key of the JSON list that *child* goes in."""

    def to_dict(self) -> dict[str, Any]:
        """Plain nested data, for JSON: each node's record with its children's records
        in the lists :meth:`_slot` names, in order."""
        top = self._record()
        stack = [(self, top)]
        while stack:
            node, record = stack.pop()
            for child in node.children:
                sub = child._record()
                record.setdefault(node._slot(child), []).append(sub)
                stack.append((child, sub))
        return top

    def walk(self, depth: int = 0) -> Iterator[tuple[int, Self]]:
        """``(depth, node)`` for this node and every descendant, pre-order (no recursion)."""
        stack = [(depth, self)]
        while stack:
            d, node = stack.pop()
            yield d, node
            stack.extend((d + 1, child) for child in reversed(node.children))


@dataclass
class ReasonNode(ClaimTree):
    """One node of the tree of reasons for and against a claim (:func:`reasons`).

    Attributes
    ----------
    claim : Claim
    relation : str or None
        How this claim bears on its parent (``support``/``attack``); None at the root.
    note : str or None
        The note of that relation.
    argument : Argument or None
        Set on an argument node (its ``claim`` is then the argument's conclusion).
    children : list of ReasonNode
        The claims that bear on this one: supporters and attackers (relations), and
        one node per format-2 argument for it (``relation`` ``"argument"``), whose
        children are its linked premises together (``"premise"``) and its
        undercutters (``"undercut"``). In JSON: ``children``.
    repeated, truncated : bool
        See :class:`ClaimTree`; ``truncated`` is set when the depth or node bound
        stopped the expansion although reasons remain.
    """

    claim: Claim
    relation: str | None = None
    note: str | None = None
    argument: Argument | None = None

    def _record(self) -> dict[str, Any]:
        if self.argument is not None:
            d: dict[str, Any] = {"argument": self.argument.id,
                                 "premises": list(self.argument.premises),
                                 "conclusion": self.argument.conclusion}
        else:
            d = dict(claim_record(self.claim))
        d["relation"] = self.relation
        if self.note is not None:
            d["note"] = self.note
        if self.repeated:
            d["repeated"] = True
        if self.truncated:
            d["truncated"] = True
        d["children"] = []
        return d

    def _slot(self, child: ReasonNode) -> str:
        return "children"


def reasons(amap: ArgumentMap, claim_id: str, *, max_depth: int | None = DEFAULT_TREE_DEPTH,
            max_nodes: int | None = DEFAULT_TREE_NODES) -> ReasonNode:
    """The tree of claims for and against *claim_id*, recursively.

    Each node's children are the claims with a relation *to* it (supporters and
    attackers, in map order). A claim already on the path from the root appears
    once more as a leaf marked ``repeated``, so cyclic maps give finite trees.

    Parameters
    ----------
    max_depth : int, optional
        Stop expanding below this depth (the root is depth 0); nodes cut off are
        marked ``truncated``. Default :data:`DEFAULT_TREE_DEPTH`; at most
        :data:`MAX_TREE_DEPTH`; None means that maximum.
    max_nodes : int, optional
        Stop adding nodes once the tree has this many (default
        :data:`DEFAULT_TREE_NODES`; None for no bound): the tree is built
        breadth-first, so what is cut is the deepest part, and the nodes left
        unexpanded are marked ``truncated``. A map of a few kilobytes can have
        exponentially many paths (each claim supporting two claims of the next
        layer doubles them), so without this bound the tree could not be built.

    Raises
    ------
    QueryError
        On an unknown claim id, or a depth below 0 or above :data:`MAX_TREE_DEPTH`.

    See Also
    --------
    chains : the paths from a claim towards a thesis.
    argmap.evaluation.explain : why a claim is in, out or undecided under a semantics.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("s", "S")],
    ...     claims=[Claim("A", "s", "a"), Claim("B", "s", "b")],
    ...     relations=[Relation("A", "B", "attack"), Relation("B", "A", "attack")])
    >>> tree = reasons(m, "A")
    >>> [(d, n.claim.id, n.relation, n.repeated) for d, n in tree.walk()]
    [(0, 'A', None, False), (1, 'B', 'attack', False), (2, 'A', 'attack', True)]
    """
    root = ReasonNode(amap.claim(claim_id))
    if max_depth is None:
        max_depth = MAX_TREE_DEPTH
    if not 0 <= max_depth <= MAX_TREE_DEPTH:
        raise QueryError(f"max depth must be between 0 and {MAX_TREE_DEPTH}, not {max_depth}")
    if max_nodes is not None and max_nodes < 1:
        raise QueryError(f"max nodes must be at least 1, not {max_nodes}")
    count = 1
    queue: deque[tuple[ReasonNode, frozenset[str], int]] = deque([(root, frozenset({claim_id}), 0)])
    while queue:
        node, on_path, depth = queue.popleft()
        found: list[tuple[Claim | Argument, str, str | None]]
        if node.argument is not None:
            a = node.argument
            found = [(amap.claim(p), "premise", None) for p in a.premises]
            found += [(amap.claim(r.from_id), "undercut", r.note) for r in amap.incoming(a.id)]
        else:
            found = [(amap.claim(r.from_id), r.type, r.note) for r in amap.incoming(node.claim.id)]
            found += [(x, "argument", x.note) for x in amap.arguments_for(node.claim.id)]
        if depth >= max_depth or (max_nodes is not None and count + len(found) > max_nodes):
            node.truncated = bool(found)
            continue
        for item, rtype, note in found:
            count += 1
            if isinstance(item, Argument):  # the premises stay at the same claim depth
                child = ReasonNode(amap.claim(item.conclusion), rtype, note, argument=item)
                node.children.append(child)
                queue.append((child, on_path, depth + 1))
                continue
            child = ReasonNode(item, rtype, note)
            node.children.append(child)
            if item.id in on_path:
                child.repeated = True
            else:
                queue.append((child, on_path | {item.id}, depth + 1))
    return root


@dataclass
class Comparison:
    """Two speakers' positions side by side (see :func:`compare`).

    A speaker's *position* is the claims they assert (:attr:`Claim.asserted
    <argmap.model.Claim.asserted>`). A claim its speaker only asks or challenges is
    not held by them: it is listed in :attr:`questions` and in no other field on that
    speaker's side.

    Attributes
    ----------
    a, b : str
        The speaker ids.
    attacked, supported : dict of str to list of str
        A's asserted claims that B's asserted claims attack / support, each with the
        B claims doing so.
    untouched : list of str
        A's asserted claims B neither attacks, supports nor questions.
    unanswering : list of str
        B's asserted claims with no relation to any of A's claims (their own line of
        argument).
    shared : list of tuple of (str, str)
        Shared ground: ``(a_claim, b_claim)`` pairs of asserted claims where one
        supports the other and B does not also attack (assert against) that claim of A's.
    undercut : dict of str to list of str
        A's arguments (format 2) that B's asserted claims undercut, each with the B
        claims doing so: an undercut answers A's reasoning without denying a claim of
        A's. A claim of B's that undercuts is *answering*.
    questioned : dict of str to list of str
        A's asserted claims and arguments that B only asks about: B's unasserted
        claims attacking, supporting or undercutting them (a critical question, a
        challenge). B's question is *answering*, but not B's position.
    answered : dict of str to list of str
        A's questions (unasserted claims) that B's asserted claims answer, by attacking
        or supporting them.
    questions : dict of str to list of str
        Each speaker's unasserted claims (``{a: [...], b: [...]}``).
    """

    a: str
    b: str
    attacked: dict[str, list[str]]
    supported: dict[str, list[str]]
    untouched: list[str]
    unanswering: list[str]
    shared: list[tuple[str, str]]
    undercut: dict[str, list[str]] = field(default_factory=dict)
    questioned: dict[str, list[str]] = field(default_factory=dict)
    answered: dict[str, list[str]] = field(default_factory=dict)
    questions: dict[str, list[str]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        """Plain data, for JSON."""
        return {
            "speakers": [self.a, self.b],
            "attacked": self.attacked,
            "supported": self.supported,
            "untouched": self.untouched,
            "unanswering": self.unanswering,
            "shared": [list(p) for p in self.shared],
            "undercut": self.undercut,
            "questioned": self.questioned,
            "answered": self.answered,
            "questions": self.questions,
        }


def compare(amap: ArgumentMap, a: str | None = None, b: str | None = None) -> Comparison:
    """Compare speaker *a*'s claims with speaker *b*'s answers.

    Parameters
    ----------
    a, b : str, optional
        Speaker ids; by default the map's first two speakers.

    Raises
    ------
    QueryError
        When a speaker is unknown, the two are the same, or the map has fewer than
        two speakers and none are named.

    See Also
    --------
    argmap.evaluation.compare_standing : which of each speaker's claims stand, with and without the other.
    unattacked : the claims nobody attacks.

    Notes
    -----
    Positions are asserted claims: a claim a speaker only asks or challenges is not
    theirs to defend (docs/evaluation.md, "Questions and challenges"). See
    :class:`Comparison` for where questions go.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("a", "Ann"), Speaker("b", "Bob")],
    ...     claims=[Claim("A1", "a", "thesis"), Claim("A2", "a", "is it cheap?", act="pure questioning"),
    ...             Claim("B1", "b", "is the source biased?", act="pure questioning"),
    ...             Claim("B2", "b", "it is not cheap")],
    ...     relations=[Relation("B1", "A1", "attack"), Relation("B2", "A2", "attack")])
    >>> c = compare(m)
    >>> c.attacked, c.questioned, c.answered, c.untouched, c.questions
    ({}, {'A1': ['B1']}, {'A2': ['B2']}, [], {'a': ['A2'], 'b': ['B1']})
    """
    if a is None or b is None:
        ids = [s.id for s in amap.speakers]
        rest = [s for s in ids if s not in (a, b)]
        a = a if a is not None else (rest.pop(0) if rest else None)
        b = b if b is not None else (rest.pop(0) if rest else None)
        if a is None or b is None:
            has = f"one speaker, {ids[0]!r}" if len(ids) == 1 else "no speaker"
            if ids == ["unattributed"]:  # what the Argdown and AIF readers give claims nobody speaks
                hint = ("no claim says who speaks it; in Argdown, give each its {speaker: ID}, or read "
                        "tags or headings as speakers with `speaker_from` tag or `speaker_from` heading")
            else:
                hint = "comparing needs claims by two speakers; add the other speaker's claims to the map"
            raise QueryError(f"the map has {has}, so there are fewer than two speakers to compare", hint=hint)
    amap.speaker(a)
    amap.speaker(b)
    if a == b:
        raise QueryError(f"cannot compare speaker {a!r} with itself", hint="name two different speakers")
    # At 10⁵ claims every look-up per relation counts: one pass keeps the relations
    # between the two speakers, in map order, and the rest works on those; the asserted
    # claims are all but a few, so "held" is tested as "not among the unasserted".
    claims = amap.claims
    speaker_of = {c.id: c.speaker for c in claims}
    argument_ids = {x.id for x in amap.arguments}
    speaker_of.update((x.id, amap.argument_speaker(x)) for x in amap.arguments)
    asked = [c for c in claims if c.act is not None and not c.asserted]  # in map order
    unheld = {c.id for c in asked}  # an argument is given, never only asked
    attacked: dict[str, list[str]] = {}
    supported: dict[str, list[str]] = {}
    undercut: dict[str, list[str]] = {}
    questioned: dict[str, list[str]] = {}
    answered: dict[str, list[str]] = {}
    answering: set[str] = set()
    between: list[Relation] = []  # B's relations to A's claims and arguments, and A's to B's
    for r in amap.relations:
        by = speaker_of[r.from_id]
        if by == b:
            if speaker_of[r.to_id] == a:
                between.append(r)
        elif by == a and speaker_of[r.to_id] == b:
            between.append(r)
    answers = [r for r in between if speaker_of[r.from_id] == b]

    def answer(src: str, dst: str, kind: str) -> None:
        if dst in unheld:  # a question of A's: answered by B's assertions only
            if src not in unheld:
                answering.add(src)
                answered.setdefault(dst, []).append(src)
            return
        answering.add(src)
        if src in unheld:
            questioned.setdefault(dst, []).append(src)
        elif dst in argument_ids:
            undercut.setdefault(dst, []).append(src)
        else:
            (attacked if kind == "attack" else supported).setdefault(dst, []).append(src)

    if unheld or argument_ids:
        for r in answers:
            answer(r.from_id, r.to_id, r.type)
    else:  # what answer() does when every claim is asserted and there are no arguments
        for r in answers:
            (attacked if r.type == "attack" else supported).setdefault(r.to_id, []).append(r.from_id)
        answering.update(r.from_id for r in answers)
    for x in amap.arguments:  # B's arguments for a claim of A's
        if speaker_of[x.id] == b and speaker_of[x.conclusion] == a:
            for p in x.premises:
                if speaker_of[p] == b:
                    answer(p, x.conclusion, "support")
    a_claims = [c.id for c in claims if c.speaker == a]
    order = a_claims + [x.id for x in amap.arguments]

    def ordered(d: dict[str, list[str]]) -> dict[str, list[str]]:  # in map order (every key is in *order*)
        return {k: d[k] for k in order if k in d} if d else {}

    attacked, supported, questioned, answered = map(ordered, (attacked, supported, questioned, answered))
    untouched = [cid for cid in a_claims if cid not in unheld and cid not in attacked
                 and cid not in supported and cid not in questioned]
    unanswering = [c.id for c in claims if c.speaker == b and c.id not in unheld and c.id not in answering]
    undercut = {k: undercut[k] for k in (x.id for x in amap.arguments) if k in undercut}
    # Shared ground: supports between assertions, less those whose target the supporter's
    # side also attacks (only attacks between the two sides can reach such a target).
    attacked_by = {r.to_id for r in between if r.type == "attack" and r.from_id not in unheld}
    shared = [((r.to_id, r.from_id) if speaker_of[r.from_id] == b else (r.from_id, r.to_id)) for r in between
              if r.type == "support" and r.from_id not in unheld and r.to_id not in unheld
              and r.to_id not in attacked_by]
    questions = {s: [c.id for c in asked if c.speaker == s] for s in (a, b)}
    return Comparison(a, b, attacked, supported, untouched, unanswering, shared, undercut,
                      questioned, answered, questions)
