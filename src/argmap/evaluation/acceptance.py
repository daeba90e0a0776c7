"""Claim statuses and acceptance: every claim's status, the survivors, one claim's answer.

:func:`statuses` labels every claim (``in``/``out``/``undec`` under GR,
``skeptical``/``credulous``/``rejected`` under the others), :func:`survivors` keeps
the claims that stand, and :func:`claim_acceptance` decides one claim (ICCMA DC and
DS) with a witness or counter-example extension.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..framework import Compiled
from ..model import ArgumentMap, Claim
from ..vocabulary import Label, parse_support
from ._bridge import (
    CREDULOUS,
    IN,
    LABEL,
    REJECTED,
    SKEPTICAL,
    Evaluated,
    acceptance,
    evaluate,
    in_map_order,
    labelled,
    semantics_code,
)

__all__ = ["statuses", "compiled_statuses", "survivors", "Uncontested", "uncontested", "ClaimAcceptance",
           "claim_acceptance"]


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

    See Also
    --------
    survivors : the claims that stand.
    claim_acceptance : one claim, with a witness extension.
    argmap.evaluation.explain : why one claim has its status.
    argmap.queries.unattacked : the structural question, without a semantics.

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
    sem = semantics_code(semantics)
    return _statuses(evaluate(amap, support), sem)


def compiled_statuses(compiled: Compiled, semantics: str = "GR") -> dict[str, str]:
    """Every claim's status in a map already compiled under a support reading.

    ``compiled_statuses(compile_map(amap, support), semantics)`` is
    ``statuses(amap, semantics, support)``; this form is for a caller that needs the
    compiled framework as well (a diagram draws its derived attacks), so that the map
    is compiled once.

    Raises
    ------
    UsageError
        For an unknown semantics.

    See Also
    --------
    statuses : the same from a map.
    argmap.framework.compile_map : what it takes.

    Examples
    --------
    >>> from argmap.framework import compile_map
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("s", "S")],
    ...     claims=[Claim("A", "s", "a"), Claim("B", "s", "b"), Claim("C", "s", "c")],
    ...     relations=[Relation("A", "B", "support"), Relation("B", "C", "attack")])
    >>> compiled = compile_map(m, "deductive")
    >>> compiled_statuses(compiled, "GR"), sorted(compiled.derived)
    ({'A': 'in', 'B': 'in', 'C': 'out'}, [('A', 'C')])
    """
    sem = semantics_code(semantics)
    return _statuses(labelled(compiled), sem)


def _statuses(ev: Evaluated, sem: str) -> dict[str, str]:
    if sem == "GR":
        return {cid: LABEL[lab] for cid, lab in zip(ev.compiled.claim_ids, ev.label)}
    cred, skep = acceptance(ev, sem)
    return {cid: (SKEPTICAL if s and c else CREDULOUS if c else REJECTED)
            for cid, c, s in zip(ev.compiled.claim_ids, cred, skep)}


def survivors(amap: ArgumentMap, semantics: str = "GR", support: str = "none") -> list[Claim]:
    """The claims that survive every attack: ``in`` under GR, skeptically accepted otherwise.

    Returns
    -------
    list of Claim
        In map order.

    See Also
    --------
    statuses : every claim's status.
    argmap.queries.unattacked : the claims nobody attacks.

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
    standing = {label.value for label in Label if label.accepted}  # the words, not a Label per claim
    return [c for c in amap.claims if st[c.id] in standing]


@dataclass(frozen=True)
class Uncontested:
    """The claims nobody attacks; with a semantics, those that survive and those that fall (:func:`uncontested`).

    Attributes
    ----------
    semantics : str or None
        The ICCMA code evaluated under, or None for the structural question only.
    support : str
        The support reading.
    unattacked : list of Claim
        The claims with no incoming attack (:func:`argmap.queries.unattacked`), in map order.
    surviving, attacked_surviving, falling : list of Claim
        With a semantics: the claims accepted under it (:func:`survivors`), those of
        them that are attacked, and every other claim; each in map order. Empty
        without a semantics.
    """

    semantics: str | None
    support: str
    unattacked: list[Claim]
    surviving: list[Claim] = field(default_factory=list)
    attacked_surviving: list[Claim] = field(default_factory=list)
    falling: list[Claim] = field(default_factory=list)

    def to_data(self) -> list[dict[str, str]] | dict[str, Any]:
        """Plain data, for JSON: the list of unattacked claim records, or with a semantics an object.

        The object holds ``semantics``, ``support`` and the four lists of claim
        records (:func:`argmap.queries.claim_record`): ``unattacked``, ``surviving``,
        ``attacked_surviving`` and ``falling``.
        """
        from ..queries import claim_record

        if self.semantics is None:
            return [claim_record(c) for c in self.unattacked]
        return {"semantics": self.semantics, "support": self.support,
                "unattacked": [claim_record(c) for c in self.unattacked],
                "surviving": [claim_record(c) for c in self.surviving],
                "attacked_surviving": [claim_record(c) for c in self.attacked_surviving],
                "falling": [claim_record(c) for c in self.falling]}


def uncontested(amap: ArgumentMap, semantics: str | None = None, support: str = "none") -> Uncontested:
    """The claims nobody attacks and, under *semantics*, the attacked claims that survive and those that fall.

    Parameters
    ----------
    amap : ArgumentMap
    semantics : {"GR", "CO", "PR", "ST", "SST", "ID"}, optional
        Without it, only the unattacked claims are listed.
    support : {"none", "deductive", "necessary"}

    Raises
    ------
    UsageError
        For an unknown semantics or support reading.

    See Also
    --------
    argmap.queries.unattacked : the structural question alone.
    survivors : the claims that stand.

    Notes
    -----
    An unattacked assertion survives by definition; an unattacked question need not
    (it stands only on an accepted reason), so ``attacked_surviving`` is the
    survivors less the unattacked claims, not the survivors less every unattacked
    assertion.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("s", "S")],
    ...     claims=[Claim("A", "s", "a"), Claim("B", "s", "b"), Claim("C", "s", "c")],
    ...     relations=[Relation("A", "B", "attack"), Relation("B", "C", "attack")])
    >>> u = uncontested(m, "GR")
    >>> [[c.id for c in x] for x in (u.unattacked, u.surviving, u.attacked_surviving, u.falling)]
    [['A'], ['A', 'C'], ['C'], ['B']]
    """
    from ..queries import unattacked

    reading = parse_support(support).value
    plain = unattacked(amap, reading)
    if semantics is None:
        return Uncontested(None, reading, plain)
    sem = semantics_code(semantics)
    surviving = survivors(amap, sem, reading)
    plain_ids = {c.id for c in plain}
    surviving_ids = {c.id for c in surviving}
    return Uncontested(sem, reading, plain, surviving, [c for c in surviving if c.id not in plain_ids],
                       [c for c in amap.claims if c.id not in surviving_ids])


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

    See Also
    --------
    statuses : all claims at once.
    argmap.evaluation.explain : the dialectical tree behind the answer.

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
    sem = semantics_code(semantics)
    amap.claim(claim_id)
    ev = evaluate(amap, support)
    return decide(ev, claim_id, sem, parse_support(support).value)[0]


def decide(ev: Evaluated, claim_id: str, sem: str, reading: str
           ) -> tuple[ClaimAcceptance, frozenset[int] | None]:
    """One claim's acceptance in an evaluated map, and the extension that shows it.

    The extension is given whole (claims and auxiliary arguments, as framework
    numbers): a witness when the claim is credulously accepted, else a
    counter-example; ``None`` when there is none (no stable extension). Under GR, and
    whenever the grounded labelling decides everything, it is the grounded extension.
    """
    ids = ev.compiled.claim_ids
    q = ids.index(claim_id)
    if sem == "GR" or ev.decided:
        ext = [cid for cid, lab in zip(ids, ev.label) if lab == IN]
        inside = ev.label[q] == IN
        status = LABEL[ev.label[q]] if sem == "GR" else (SKEPTICAL if inside else REJECTED)
        full = frozenset(i for i, lab in enumerate(ev.label) if lab == IN)
        return ClaimAcceptance(claim_id, sem, reading, status, inside, inside,
                               ext if inside else None, None if inside else ext), full
    from ..semantics import credulous, skeptical

    af = ev.framework()
    c_ok, wit = credulous(af, sem, q)
    s_ok, cex = skeptical(af, sem, q)
    status = SKEPTICAL if s_ok and c_ok else CREDULOUS if c_ok else REJECTED
    return ClaimAcceptance(claim_id, sem, reading, status, c_ok, s_ok,
                           in_map_order(af, wit), in_map_order(af, cex)), wit if c_ok else cex
