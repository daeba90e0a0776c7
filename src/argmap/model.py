"""Immutable records and the :class:`ArgumentMap` that holds them.

A map is a set of :class:`Source` texts, :class:`Speaker` s, :class:`Claim` s,
:class:`Argument` s (format 2: linked premises for one conclusion) and
:class:`Relation` s. :class:`ArgumentMap` keeps them in file order and mirrors them
in a :class:`networkx.DiGraph` whose nodes are claim and argument ids and whose edges
carry ``type`` (``"support"``, ``"attack"``, or ``"premise"``/``"conclusion"`` for the
edges into and out of an argument node), ``note`` and ``speaker``.

Claims and arguments share one id space. A ``support`` relation is shorthand for an
argument with a single premise; an ``attack`` whose target is an argument is an
*undercut*: it denies that the premises carry the conclusion.

Examples
--------
>>> m = ArgumentMap(
...     title="toy",
...     speakers=[Speaker("a", "Ann"), Speaker("b", "Bob")],
...     claims=[Claim("A1", "a", "It rains.", kind="thesis"), Claim("B1", "b", "The sky is clear.")],
...     relations=[Relation("B1", "A1", "attack")],
... )
>>> m.graph.edges["B1", "A1"]["type"]
'attack'
>>> [c.id for c in m.attackers("A1")]
['B1']
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import MISSING, dataclass, field, fields, replace
from itertools import repeat
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

from .errors import MapFormatError, QueryError, did_you_mean

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = [
    "CLAIM_KINDS",
    "RELATION_TYPES",
    "Source",
    "Speaker",
    "Claim",
    "Argument",
    "Relation",
    "ArgumentMap",
]

#: The kinds a claim may have (DESIGN.md).
CLAIM_KINDS: tuple[str, ...] = ("thesis", "claim", "premise", "fact", "concession", "rebuttal")
#: The two relation types.
RELATION_TYPES: tuple[str, ...] = ("support", "attack")


@dataclass(frozen=True, slots=True)
class Source:
    """A source text that claims quote.

    Attributes
    ----------
    id : str
        Identifier used by claims' ``source`` field.
    file : str
        Path of the text, relative to the map file, as written in the map.
    sha256 : str or None
        Expected SHA-256 of the file's bytes, when the map pins it.
    title : str or None
        Optional human title of the text.
    text : str or None
        The decoded text, once read (not compared, not written out).
    whitespace : str
        ``"exact"`` (default): quotes match character for character. ``"loose"``:
        any run of whitespace in a quote matches any run in the text.
    """

    id: str
    file: str
    sha256: str | None = None
    title: str | None = None
    text: str | None = field(default=None, compare=False, repr=False)
    whitespace: str = "exact"


@dataclass(frozen=True, slots=True)
class Speaker:
    """Someone who makes claims: an author, a commenter, a party to a debate."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement by one speaker, anchored by a verbatim quote.

    Attributes
    ----------
    id, speaker : str
        The claim's identifier and its speaker's id.
    text : str
        A short paraphrase.
    kind : str
        One of :data:`CLAIM_KINDS`.
    source : str or None
        The id of the source text the quote comes from.
    quote : str or None
        The exact words of the source that carry the claim.
    occurrence : int or None
        Which occurrence of the quote is meant (1-based), when it occurs more than once.
    tags : tuple of str
        Free labels.
    start, end : int or None
        Character offsets of the quote in its source, derived when the map is loaded.
    act : str or None
        The speaker's illocution as AIF names it (``asserting`` when None;
        ``questioning``, ``challenging``, ``conceding`` ...). A pure question or a
        challenge is not asserted (see :attr:`asserted`).
    silence : tuple of (str, str)
        ``(rule id, reason)`` pairs: lint rules (:mod:`argmap.lint`) silenced for this
        claim, each with the reason the map's author gives (native key ``silence:``).
    """

    id: str
    speaker: str
    text: str
    kind: str = "claim"
    source: str | None = None
    quote: str | None = None
    occurrence: int | None = None
    tags: tuple[str, ...] = ()
    start: int | None = None
    end: int | None = None
    act: str | None = None
    silence: tuple[tuple[str, str], ...] = ()

    @property
    def asserted(self) -> bool:
        """Whether the speaker commits to the claim (False for pure questions and
        challenges: :data:`NOT_ASSERTED_ACTS`)."""
        return self.act is None or self.act not in NOT_ASSERTED_ACTS


#: Illocutions under which the speaker does not commit to the claim (Inference Anchoring
#: Theory, Budzynska et al. 2014): a pure question asks whether it holds, a challenge asks
#: for reasons (assertive and rhetorical challenges commit to the opposite, not to the
#: claim). Assertive and rhetorical questions convey the speaker's own opinion, so they
#: assert their content (QT30 reconstructs it as the proposition the speaker conveys).
NOT_ASSERTED_ACTS: frozenset[str] = frozenset({
    "questioning", "pure questioning",
    "challenging", "pure challenging", "assertive challenging", "rhetorical challenging",
})


@dataclass(frozen=True, slots=True)
class Argument:
    """One reason given by one speaker: linked premises for one conclusion.

    The premises support the conclusion only together; several arguments for the
    same conclusion are alternatives (any one of them can carry it). An attack whose
    target is the argument's id is an undercut.

    Attributes
    ----------
    id : str
        Unique across claims and arguments.
    premises : tuple of str
        Claim ids, at least one, jointly needed.
    conclusion : str
        A claim id, not among the premises.
    speaker : str or None
        Who gives the argument; :meth:`ArgumentMap.argument_speaker` falls back to
        the conclusion's speaker.
    scheme, note : str or None
        An optional argumentation scheme name (Walton-style) and a free note.
    """

    id: str
    premises: tuple[str, ...]
    conclusion: str
    speaker: str | None = None
    scheme: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    """A ``support`` or ``attack`` from one claim to another claim (or, for an
    attack, to an argument: an undercut).

    ``speaker`` is the speaker who asserted the relation when the map says so;
    :meth:`ArgumentMap.relation_speaker` falls back to the speaker of the source claim.
    """

    from_id: str
    to_id: str
    type: str
    note: str | None = None
    speaker: str | None = None


_Record = TypeVar("_Record", Claim, Relation, Argument, Speaker, Source)


def _columns(cls: type[_Record], n: int, **columns: Sequence[Any]) -> list[_Record]:
    """*n* records of *cls*, field by field: record ``i`` has ``columns[name][i]`` for each field given,
    the field's default for the others.

    The records are the ones ``cls(...)`` builds (same class, same fields, so the same
    equality, hash, repr, pickling, and still frozen); they are only built without *n*
    calls of the dataclass ``__init__`` (one ``object.__setattr__`` per field and record):
    each field's slot is filled for all records at once, by a C-level ``map``. For the
    readers' bulk paths, whose values are checked already (the records have no
    ``__post_init__`` to run).

    >>> _columns(Relation, 2, from_id=["a", "b"], to_id=["b", "c"], type=["attack", "support"])
    [Relation(from_id='a', to_id='b', type='attack', note=None, speaker=None), \
Relation(from_id='b', to_id='c', type='support', note=None, speaker=None)]
    """
    records: list[_Record] = list(map(object.__new__, repeat(cls, n)))
    for f in fields(cls):
        given = columns.pop(f.name, None)
        column: Iterable[Any]
        if given is not None:
            if len(given) != n:
                raise ValueError(f"{len(given)} values of {f.name!r} for {n} records")
            column = given
        elif f.default is not MISSING:
            column = repeat(f.default, n)
        else:
            raise TypeError(f"no values of {cls.__name__}.{f.name}")
        any(map(getattr(cls, f.name).__set__, records, column))  # each __set__ gives None: consumes the map
    if columns:
        raise TypeError(f"{cls.__name__} has no field {next(iter(columns))!r}")
    return records


class ArgumentMap:
    """An argument map: sources, speakers, claims and relations, plus a title.

    The records are kept in the order given; :meth:`to_networkx` exports them as a
    :class:`networkx.DiGraph` (and :attr:`graph` caches one). The constructor checks
    the structural rules of DESIGN.md (unique ids, resolvable references, relation
    types, no self-relation, one relation per ordered pair) and raises
    :class:`~argmap.errors.MapFormatError` without a file location;
    :func:`argmap.load` checks the same rules with locations first.

    A map is immutable, like its records: its attributes are read-only, so the
    indexes built from them cannot fall out of step. Derive a changed map with
    :meth:`with_claims`, or build a new one.

    Parameters
    ----------
    title : str
    sources, speakers, claims, relations, arguments : iterables of records
    path : Path, optional
        The file the map was read from (used to resolve source files).
    positions : mapping, optional
        Where each record stands in that file (see :attr:`positions`); given by the loaders.
        A read-only ``types.MappingProxyType`` is kept as it is (the native reader's
        is filled on first use), any other mapping is copied.

    See Also
    --------
    argmap.load : read a map from a file, with located errors.
    argmap.queries : questions about a map (unattacked claims, chains, reasons).
    argmap.evaluation.statuses : the claims' statuses under a semantics.
    """

    __slots__ = ("_title", "_sources", "_speakers", "_claims", "_arguments", "_relations", "_path",
                 "_claims_by_id", "_arguments_by_id", "_speakers_by_id", "_sources_by_id", "_graph",
                 "_out", "_in", "_for", "_positions")

    def __init__(
        self,
        *,
        title: str = "",
        sources: Iterable[Source] = (),
        speakers: Iterable[Speaker] = (),
        claims: Iterable[Claim] = (),
        relations: Iterable[Relation] = (),
        path: str | Path | None = None,
        positions: Mapping[tuple[Any, ...], tuple[int, int]] | None = None,
        arguments: Iterable[Argument] = (),
    ) -> None:
        self._fill(title, sources, speakers, claims, relations, path, positions, arguments)
        self._validate()

    @classmethod
    def _checked(cls, *, title: str, sources: Iterable[Source], speakers: Iterable[Speaker],
                 claims: Iterable[Claim], relations: Iterable[Relation], path: str | Path | None,
                 positions: Mapping[tuple[Any, ...], tuple[int, int]] | None,
                 arguments: Iterable[Argument]) -> ArgumentMap:
        """The map of records a reader has already checked against every rule of the constructor.

        For the native reader's fast path (:func:`argmap.formats.native._parse_fast`),
        which declines on anything the constructor would refuse: the map is the one the
        constructor builds, without checking each value a second time.
        """
        self = object.__new__(cls)
        self._fill(title, sources, speakers, claims, relations, path, positions, arguments)
        return self

    def _fill(self, title: str, sources: Iterable[Source], speakers: Iterable[Speaker], claims: Iterable[Claim],
              relations: Iterable[Relation], path: str | Path | None,
              positions: Mapping[tuple[Any, ...], tuple[int, int]] | None, arguments: Iterable[Argument]) -> None:
        self._title = title
        self._sources: tuple[Source, ...] = tuple(sources)
        self._speakers: tuple[Speaker, ...] = tuple(speakers)
        self._claims: tuple[Claim, ...] = tuple(claims)
        self._relations: tuple[Relation, ...] = tuple(relations)
        self._arguments: tuple[Argument, ...] = tuple(arguments)
        self._path = Path(path) if path is not None else None
        self._positions: Mapping[tuple[Any, ...], tuple[int, int]] = (
            positions if isinstance(positions, MappingProxyType) else MappingProxyType(dict(positions or {})))
        self._claims_by_id = {c.id: c for c in self._claims}
        self._arguments_by_id = {a.id: a for a in self._arguments}
        self._speakers_by_id = {s.id: s for s in self._speakers}
        self._sources_by_id = {s.id: s for s in self._sources}
        self._graph: nx.DiGraph | None = None
        # the relations from and to each node and the arguments for each claim: built on first use
        self._out: dict[str, list[Relation]] | None = None
        self._in: dict[str, list[Relation]] = {}
        self._for: dict[str, list[Argument]] = {}

    def _index(self) -> dict[str, list[Relation]]:
        """Build the indexes (a node without relations or arguments has no entry); return ``_out``."""
        if self._out is None:
            out: dict[str, list[Relation]] = {}
            into: dict[str, list[Relation]] = {}
            for r in self._relations:
                if r.from_id in out:
                    out[r.from_id].append(r)
                else:
                    out[r.from_id] = [r]
                if r.to_id in into:
                    into[r.to_id].append(r)
                else:
                    into[r.to_id] = [r]
            for a in self._arguments:
                self._for.setdefault(a.conclusion, []).append(a)
            self._in = into
            self._out = out
        return self._out

    # -- the records (read-only) -----------------------------------------------------------
    @property
    def title(self) -> str:
        """The map's title."""
        return self._title

    @property
    def sources(self) -> tuple[Source, ...]:
        """The source texts, in map order."""
        return self._sources

    @property
    def speakers(self) -> tuple[Speaker, ...]:
        """The speakers, in map order."""
        return self._speakers

    @property
    def claims(self) -> tuple[Claim, ...]:
        """The claims, in map order."""
        return self._claims

    @property
    def arguments(self) -> tuple[Argument, ...]:
        """The explicit arguments (format 2), in map order."""
        return self._arguments

    @property
    def relations(self) -> tuple[Relation, ...]:
        """The support and attack relations, in map order."""
        return self._relations

    @property
    def path(self) -> Path | None:
        """The file the map was read from, or None for a map built in code."""
        return self._path

    @property
    def positions(self) -> Mapping[tuple[Any, ...], tuple[int, int]]:
        """Where the loader found each record in the map file (a read-only mapping).

        Keys are ``(section, index)`` -- ``("claims", 3)`` is the fourth claim, the
        sections being ``speakers``, ``sources``, ``claims``, ``arguments`` and
        ``relations`` -- or ``(section, index, key)`` for one field of a record
        (``("claims", 3, "quote")``); values are 1-based ``(line, column)``. The
        readers fill what their format can locate (the native reader every record and
        the ``quote`` and ``silence`` of claims; Argdown and AIF the claims). Empty for a
        map built in code or read from an abstract-framework file. :func:`argmap.lint.lint` uses it to locate
        its findings. Not compared by ``==``.
        """
        return self._positions

    # -- validation -----------------------------------------------------------------
    def _validate(self) -> None:
        # Each group of rules is first checked in bulk (set operations, linear); only a
        # group that fails is walked record by record, to raise the first problem in order.
        def unique(kind: str, ids: list[str]) -> set[str]:
            seen = set(ids)
            if len(seen) == len(ids):
                return seen
            seen = set()
            for i in ids:
                if i in seen:
                    raise MapFormatError(f"duplicate {kind} id {i!r}", hint="ids must be unique")
                seen.add(i)
            return seen  # pragma: no cover - a repeat was raised above

        ident = operator.attrgetter("id")
        speakers = unique("speaker", list(map(ident, self.speakers)))
        sources = unique("source", list(map(ident, self.sources)))
        claims = unique("claim", list(map(ident, self.claims)))

        def ref(kind: str, value: str, known: set[str], where: str) -> None:
            if value not in known:
                raise MapFormatError(f"unknown {kind} {value!r} in {where}",
                                     hint=did_you_mean(value, known))

        def field_set(name: str, records: Iterable[Any]) -> set[Any]:
            return set(map(operator.attrgetter(name), records))

        if not (field_set("speaker", self.claims) <= speakers
                and field_set("source", self.claims) - {None} <= sources
                and field_set("kind", self.claims) <= set(CLAIM_KINDS)):
            self._validate_claims(speakers, sources, ref)
        arguments = unique("argument", list(map(ident, self.arguments)))
        clash = sorted(arguments & claims)
        if clash:
            raise MapFormatError(f"id {clash[0]!r} names both a claim and an argument",
                                 hint="claims and arguments share one id space")
        shapes = self._validate_arguments(speakers, claims, ref)
        relations = self.relations
        froms = list(map(operator.attrgetter("from_id"), relations))
        tos = list(map(operator.attrgetter("to_id"), relations))
        if arguments or not (claims.issuperset(froms) and claims.issuperset(tos)
                             and field_set("type", relations) <= set(RELATION_TYPES)
                             and not any(map(operator.eq, froms, tos))
                             and len(set(zip(froms, tos))) == len(relations)
                             and field_set("speaker", relations) - {None} <= speakers):
            self._validate_relations(speakers, claims, arguments, shapes, ref)

    def _validate_claims(self, speakers: set[str], sources: set[str], ref: Callable[..., None]) -> None:
        for c in self.claims:
            ref("speaker", c.speaker, speakers, f"claim {c.id!r}")
            if c.source is not None:
                ref("source", c.source, sources, f"claim {c.id!r}")
            if c.kind not in CLAIM_KINDS:
                raise MapFormatError(f"claim {c.id!r} has unknown kind {c.kind!r}",
                                     hint="use one of " + ", ".join(CLAIM_KINDS))

    def _validate_arguments(self, speakers: set[str], claims: set[str],
                            ref: Callable[..., None]) -> set[tuple[frozenset[str], str]]:
        shapes: set[tuple[frozenset[str], str]] = set()
        for a in self.arguments:
            where = f"argument {a.id!r}"
            if not a.premises:
                raise MapFormatError(f"{where} has no premises", hint="give at least one premise")
            for p in a.premises:
                ref("claim", p, claims, where)
            ref("claim", a.conclusion, claims, where)
            if a.conclusion in a.premises:
                raise MapFormatError(f"{where} has its conclusion {a.conclusion!r} among its premises")
            if len(set(a.premises)) != len(a.premises):
                raise MapFormatError(f"{where} names a premise twice")
            if a.speaker is not None:
                ref("speaker", a.speaker, speakers, where)
            shape = (frozenset(a.premises), a.conclusion)
            if shape in shapes:
                raise MapFormatError(f"{where} repeats another argument",
                                     hint="same premises and conclusion as an earlier argument")
            shapes.add(shape)
        return shapes

    def _validate_relations(self, speakers: set[str], claims: set[str], arguments: set[str],
                            shapes: set[tuple[frozenset[str], str]], ref: Callable[..., None]) -> None:
        pairs: set[tuple[str, str]] = set()
        for r in self.relations:
            where = f"relation {r.from_id} -> {r.to_id}"
            ref("claim", r.from_id, claims, where)
            if r.to_id in arguments:
                if r.type != "attack":
                    raise MapFormatError(f"{where}: a {r.type} relation cannot end at argument "
                                         f"{r.to_id!r}", hint="only attacks (undercuts) may target an argument")
            else:
                ref("claim", r.to_id, claims, where)
            if r.type not in RELATION_TYPES:
                raise MapFormatError(f"{where} has unknown type {r.type!r}",
                                     hint="use 'support' or 'attack'")
            if r.from_id == r.to_id:
                raise MapFormatError(f"{where} relates a claim to itself")
            if (r.from_id, r.to_id) in pairs:
                raise MapFormatError(f"{where} appears twice",
                                     hint="keep at most one relation per ordered pair")
            pairs.add((r.from_id, r.to_id))
            if r.speaker is not None:
                ref("speaker", r.speaker, speakers, where)
            if r.to_id in arguments and r.from_id in self._arguments_by_id[r.to_id].premises:
                raise MapFormatError(f"{where}: claim {r.from_id!r} undercuts an argument of which "
                                     "it is a premise")
            if r.type == "support" and (frozenset((r.from_id,)), r.to_id) in shapes:
                raise MapFormatError(f"{where}: the support repeats a one-premise argument",
                                     hint="a support is a one-premise argument; keep one of them")

    # -- lookups ----------------------------------------------------------------------
    @property
    def graph(self) -> nx.DiGraph:
        """The map as a :class:`networkx.DiGraph`, built on first use and then cached.

        It is :meth:`to_networkx` with ``records=True``: nodes also hold their record
        (``claim`` or ``argument``), and every edge has ``type``, ``note`` and ``speaker``.
        It is shared by every caller: treat it as read-only, or take a fresh copy from
        :meth:`to_networkx`.
        """
        if self._graph is None:
            self._graph = self.to_networkx(records=True)
        return self._graph

    def to_networkx(self, *, records: bool = False) -> nx.DiGraph:
        """A fresh :class:`networkx.DiGraph` of the map: argmap's one export to networkx.

        The format writers for GraphML and node-link JSON shape their attributes from
        this graph.

        Parameters
        ----------
        records : bool
            Also attach each node's record (``claim`` or ``argument``), and give every
            edge a ``note`` (None when unset). Without it every attribute is plain
            data (str, int, list, dict) and unset fields are left out.

        Returns
        -------
        networkx.DiGraph
            The graph attribute ``title``. One node per claim: ``speaker``, ``kind``,
            ``text`` and, when set, ``source``, ``quote``, ``occurrence``, ``start``,
            ``end``, ``tags`` (list), ``act`` and ``silence`` (rule -> reason). One node
            per argument: ``kind="argument"``, ``speaker`` (:meth:`argument_speaker`),
            ``text`` (its note, or ``""``), ``premises`` (list, in order), ``conclusion``
            and, when set, ``scheme`` and ``note``. Edges: premise ->
            argument (``type="premise"``), argument -> conclusion (``"conclusion"``) and
            one per relation (``"support"``/``"attack"``, an undercut ending at the
            argument), each with ``speaker`` (the asserting speaker, defaulted as
            :meth:`relation_speaker` does) and ``note`` when set.

        See Also
        --------
        graph : a cached ``to_networkx(records=True)``.
        argmap.formats.graphml, argmap.formats.nodelink : the file formats built on it.

        Examples
        --------
        >>> m = ArgumentMap(speakers=[Speaker("a", "Ann")],
        ...     claims=[Claim("C", "a", "It rains.", tags=("weather",)), Claim("P", "a", "Clouds.")],
        ...     arguments=[Argument("R", ("P",), "C")])
        >>> g = m.to_networkx()
        >>> g.nodes["C"], g.nodes["R"]["kind"], sorted(g.edges(data="type"))
        ({'speaker': 'a', 'kind': 'claim', 'text': 'It rains.', 'tags': ['weather']}, 'argument', \
[('P', 'R', 'premise'), ('R', 'C', 'conclusion')])
        """
        import networkx as nx

        def edge(spk: str, note: str | None, kind: str) -> dict[str, Any]:
            attrs: dict[str, Any] = {"type": kind}
            if note is not None or records:
                attrs["note"] = note
            attrs["speaker"] = spk
            return attrs

        g = nx.DiGraph(title=self._title)
        for c in self._claims:
            attrs: dict[str, Any] = {"claim": c} if records else {}
            attrs.update(speaker=c.speaker, kind=c.kind, text=c.text)
            for key in ("source", "quote", "occurrence", "start", "end"):
                if getattr(c, key) is not None:
                    attrs[key] = getattr(c, key)
            if c.tags:
                attrs["tags"] = list(c.tags)
            if c.act is not None:
                attrs["act"] = c.act
            if c.silence:
                attrs["silence"] = dict(c.silence)
            g.add_node(c.id, **attrs)
        for a in self._arguments:
            spk = self.argument_speaker(a)
            attrs = {"argument": a} if records else {}
            attrs.update(speaker=spk, kind="argument", text=a.note or "", premises=list(a.premises),
                         conclusion=a.conclusion)
            for key in ("scheme", "note"):
                if getattr(a, key) is not None:
                    attrs[key] = getattr(a, key)
            g.add_node(a.id, **attrs)
            for p in a.premises:
                g.add_edge(p, a.id, **edge(spk, None, "premise"))
            g.add_edge(a.id, a.conclusion, **edge(spk, a.note if records else None, "conclusion"))
        for r in self._relations:
            g.add_edge(r.from_id, r.to_id, **edge(self.relation_speaker(r), r.note, r.type))
        return g

    def claim(self, claim_id: str) -> Claim:
        """Return the claim with this id.

        Raises
        ------
        QueryError
            If there is none (with a "did you mean" hint).
        """
        try:
            return self._claims_by_id[claim_id]
        except KeyError:
            raise QueryError(f"no claim {claim_id!r} in the map",
                             hint=did_you_mean(claim_id, self._claims_by_id) or
                             "`argmap show` lists the claims") from None

    def has_claim(self, claim_id: str) -> bool:
        """Whether the map has a claim with this id."""
        return claim_id in self._claims_by_id

    def argument(self, argument_id: str) -> Argument:
        """Return the argument with this id, or raise :class:`QueryError`."""
        try:
            return self._arguments_by_id[argument_id]
        except KeyError:
            raise QueryError(f"no argument {argument_id!r} in the map",
                             hint=did_you_mean(argument_id, self._arguments_by_id)) from None

    def has_argument(self, argument_id: str) -> bool:
        """Whether the map has an argument with this id."""
        return argument_id in self._arguments_by_id

    def arguments_for(self, claim_id: str) -> list[Argument]:
        """The explicit arguments whose conclusion is this claim, in map order.

        One-premise ``support`` relations are not included; see :meth:`supporters`.
        """
        self.claim(claim_id)
        self._index()
        return list(self._for.get(claim_id, ()))

    def undercutters(self, argument_id: str) -> list[Claim]:
        """Claims that attack (undercut) this argument, in map order of the relations."""
        self.argument(argument_id)
        self._index()
        return [self._claims_by_id[r.from_id] for r in self._in.get(argument_id, ())]

    def argument_speaker(self, argument: Argument) -> str:
        """Who gives *argument*: its own ``speaker`` or else its conclusion's."""
        return argument.speaker or self._claims_by_id[argument.conclusion].speaker

    def speaker_of(self, node_id: str) -> str:
        """The speaker id of a claim, or of an argument (:meth:`argument_speaker`).

        Useful for relations, whose target may be either (an undercut ends at an argument).
        """
        claim = self._claims_by_id.get(node_id)
        if claim is not None:
            return claim.speaker
        return self.argument_speaker(self.argument(node_id))

    def speaker(self, speaker_id: str) -> Speaker:
        """Return the speaker with this id, or raise :class:`QueryError`."""
        found = self._speakers_by_id.get(speaker_id)
        if found is not None:
            return found
        raise QueryError(f"no speaker {speaker_id!r} in the map",
                         hint=did_you_mean(speaker_id, [s.id for s in self.speakers]) or
                         "known speakers: " + ", ".join(s.id for s in self.speakers))

    def source(self, source_id: str) -> Source:
        """Return the source with this id, or raise :class:`QueryError`."""
        found = self._sources_by_id.get(source_id)
        if found is not None:
            return found
        raise QueryError(f"no source {source_id!r} in the map",
                         hint=did_you_mean(source_id, [s.id for s in self.sources]))

    def claims_by(self, speaker_id: str) -> list[Claim]:
        """The claims of one speaker, in map order."""
        self.speaker(speaker_id)
        return [c for c in self.claims if c.speaker == speaker_id]

    def theses(self) -> list[Claim]:
        """The claims whose kind is ``thesis``, in map order."""
        return [c for c in self.claims if c.kind == "thesis"]

    def outgoing(self, claim_id: str) -> list[Relation]:
        """Relations from this claim, in map order."""
        self.claim(claim_id)
        return list(self._index().get(claim_id, ()))

    def incoming(self, claim_id: str) -> list[Relation]:
        """Relations to this claim (or, for undercuts, to this argument), in map order."""
        if claim_id not in self._arguments_by_id:
            self.claim(claim_id)
        self._index()
        return list(self._in.get(claim_id, ()))

    def attackers(self, claim_id: str) -> list[Claim]:
        """Claims that attack this claim, in map order of the relations."""
        return [self._claims_by_id[r.from_id] for r in self.incoming(claim_id) if r.type == "attack"]

    def supporters(self, claim_id: str) -> list[Claim]:
        """Claims that support this claim, in map order of the relations."""
        return [self._claims_by_id[r.from_id] for r in self.incoming(claim_id) if r.type == "support"]

    def relation_speaker(self, relation: Relation) -> str:
        """Who asserted *relation*: its own ``speaker`` or else its source claim's."""
        return relation.speaker or self._claims_by_id[relation.from_id].speaker

    def relation(self, from_id: str, to_id: str) -> Relation | None:
        """The relation from *from_id* to *to_id*, or None."""
        for r in self._index().get(from_id, ()):
            if r.to_id == to_id:
                return r
        return None

    def source_path(self, source: Source) -> Path:
        """Where *source*'s file lives: relative to the map file's folder."""
        base = self.path.parent if self.path is not None else Path.cwd()
        return base / source.file

    def with_claims(self, claims: Iterable[Claim]) -> ArgumentMap:
        """A copy of this map with other claim records (same ids expected).

        Equality of maps compares arguments by their resolved speaker
        (:meth:`argument_speaker`), so an argument that names its conclusion's speaker
        equals one that leaves it implicit.
        """
        return ArgumentMap(title=self.title, sources=self.sources, speakers=self.speakers,
                           claims=claims, relations=self.relations, path=self.path,
                           positions=self.positions, arguments=self.arguments)

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.claims)

    def __len__(self) -> int:
        return len(self.claims)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ArgumentMap):
            return NotImplemented
        strip = lambda cs: tuple(replace(c, start=None, end=None) for c in cs)  # noqa: E731
        def args(m: ArgumentMap) -> tuple[Argument, ...]:
            return tuple(replace(a, speaker=m.argument_speaker(a)) for a in m.arguments)

        return (self.title == other.title and self.sources == other.sources
                and self.speakers == other.speakers and strip(self.claims) == strip(other.claims)
                and self.relations == other.relations and args(self) == args(other))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (f"<ArgumentMap {self.title!r}: {len(self.claims)} claims, "
                f"{len(self.relations)} relations, {len(self.arguments)} arguments, "
                f"{len(self.speakers)} speakers>")
