"""Explanations: why a claim is in, out or undecided, as a dialectical tree, and its text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..framework import Derived
from ..model import ArgumentMap
from ..queries import ClaimTree
from ..vocabulary import parse_support
from ._bridge import IN, LABEL, OUT, UNDEC, evaluate, semantics_code
from .acceptance import decide

__all__ = ["ExplainNode", "Explanation", "explain", "format_explanation"]


@dataclass
class ExplainNode(ClaimTree):
    """One claim or argument in a dialectical tree (a kind of :class:`~argmap.queries.ClaimTree`).

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
        In JSON: ``attackers`` (attacks and undercuts), ``reasons`` and
        ``linked_premises`` (the last two only where there are some).
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
    role: str = "root"
    premises: tuple[str, ...] = ()
    conclusion: str | None = None

    @property
    def is_argument(self) -> bool:
        """Whether the node is an argument (it has premises), not a claim."""
        return bool(self.premises)

    def _record(self) -> dict[str, Any]:
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
        out["attackers"] = []
        return out

    def _slot(self, child: ExplainNode) -> str:
        return _SLOT[child.role]


#: The JSON list a child goes in, by its role.
_SLOT = {"attack": "attackers", "undercut": "attackers", "reason": "reasons", "premise": "linked_premises"}


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

    See Also
    --------
    format_explanation : the text form.
    argmap.evaluation.statuses : the statuses it explains.
    argmap.queries.reasons : the tree of reasons, without a semantics.

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
    sem = semantics_code(semantics)
    amap.claim(claim_id)
    ev = evaluate(amap, support)
    comp = ev.compiled
    names = comp.ids
    reading = parse_support(support).value
    label = list(ev.label)
    extension: list[str] | None = None
    q = names.index(claim_id)
    if sem == "GR":
        status = LABEL[label[q]]
    else:
        answer, ext_full = decide(ev, claim_id, sem, reading)
        status = answer.status
        if ext_full is not None:
            extension = [names[i] for i in sorted(ext_full) if i < comp.n_claims]
            attacked = {b for a, b in comp.attacks if a in ext_full}
            label = [IN if i in ext_full else OUT if i in attacked else UNDEC
                     for i in range(len(names))]
    lab = {name: LABEL[x] for name, x in zip(names, label)}
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


def format_explanation(expl: Explanation, amap: ArgumentMap, width: int = 80, *,
                       full_list: str = "Explanation.to_dict() lists them") -> str:
    """The explanation as indented text lines (at most *width* columns where possible).

    Under a semantics other than GR, a line names the extension the labels come from:
    its members when it has at most :data:`LISTED_EXTENSION` claims, else their number
    and *full_list*, which says where to find them.

    Attacks are marked ``<-``, undercuts ``<-/`` (naming the argument they undercut),
    arguments for a claim ``<=`` (with their linked premises below, marked ``+``). A claim
    its speaker does not assert (a question, a challenge) says so after its text.

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
        lines += textwrap.wrap(_extension_note(expl, len(amap.claims), full_list), width,
                               subsequent_indent="  ")
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
            claim = amap.claim(node.claim)
            text = claim.text
            if not claim.asserted:  # docs/evaluation.md, "Questions and challenges"
                text += f" [{claim.act}: not asserted, stands only on an accepted reason]"
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


#: An extension with at most this many claims is listed in the text; a longer one is counted.
LISTED_EXTENSION = 12


def _extension_note(expl: Explanation, total: int, full_list: str) -> str:
    """Which extension the labels come from: listed when short, else counted.

    A preferred extension of a real map holds most of its claims; listing 70 ids
    before the tree buries the tree, and the in-labelled claims in it are the
    extension's members that matter here. :meth:`Explanation.to_dict` keeps the list.
    """
    from ..vocabulary import SEMANTICS_NAMES, Semantics

    assert expl.extension is not None
    name = SEMANTICS_NAMES[Semantics(expl.semantics)]
    if len(expl.extension) <= LISTED_EXTENSION:
        return f"Labels from the {name} extension {{" + ", ".join(expl.extension) + "}."
    holds = "holds" if expl.claim in expl.extension else "does not hold"
    return (f"Labels from one {name} extension: {len(expl.extension)} of the {total} claims, and it "
            f"{holds} {expl.claim} ({full_list}).")


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
