"""Build the Graphviz diagram of an argument map, as a :class:`pydot.Dot`.

Building is pure: nothing here runs Graphviz, and nothing here evaluates the map.
Statuses and derived attacks are handed in as data (see :func:`to_dot`), so the
drawing never reaches back into :mod:`argmap.evaluation` or :mod:`argmap.framework`;
the caller (the CLI, or your code) evaluates. :mod:`argmap.render.engine` lays the
graph out and draws it.

What the diagram shows
----------------------
* one box per claim, labelled with the claim id, its kind, its speaker (unless the
  speakers have boxes of their own) and its paraphrase (wrapped, capped); theses get
  a double border; the quote is the tooltip;
* speakers by colour (fill, and the border when the fill shows a status), by name in
  each box, and by a titled cluster each with ``group_by="speaker"``;
* support as a thin green line with a filled arrowhead, attack as a thick red line
  ending in a bar (``tee``), so the two differ in greyscale too;
* an argument with two or more premises (or one that is undercut) as a small
  junction where its premises meet, with one arrow on to the conclusion; an undercut
  (an attack on an argument) as a purple line ending in a double bar at the junction;
* attacks a support reading derives, dashed (when handed in);
* statuses, when handed in: the fill and a plain word (in / out / undecided; accepted
  by all / by some / by none; unattacked / attacked);
* in a part of the map (``focus``/``speaker``), a ``+N not drawn`` line on every
  claim that has relations outside the picture, and a title that says it is a part;
* a legend.

Graphviz copies each node's ``id`` and ``class`` onto its SVG ``<g>`` element:
claims are ``id="claim-<claim id>"`` with ``class="argnode speaker-<i> kind-<kind>
[status-<label>] [cut]"``, junctions ``id="arg-<argument id>"`` with ``class="argjunction
speaker-<i>"``; relations ``id="rel-<i>"`` (``i`` is the relation's index in the map)
with ``class="argedge support|attack|undercut"``; an argument's edges
``argp-<id>-<k>`` (premise ``k``) and ``argc-<id>`` (to the conclusion), or
``arg-<id>`` when a one-premise argument is drawn as a single arrow.

Node identifiers are synthetic (``n0``, ``a0`` …): user text never becomes a DOT
identifier, and every string is escaped by :mod:`argmap.render.escape`.

Examples
--------
>>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
>>> m = ArgumentMap(
...     title="toy",
...     speakers=[Speaker("a", "Ann"), Speaker("b", "Bob")],
...     claims=[Claim("A1", "a", "It rains.", kind="thesis"), Claim("B1", "b", "The sky is clear.")],
...     relations=[Relation("B1", "A1", "attack")],
... )
>>> g = to_dot(m)
>>> g.get_node("n0")[0].get("id")
'"claim-A1"'
>>> 'n1 -> n0' in g.to_string()
True
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from ..errors import UsageError
from ..vocabulary import GroupBy, RankDir, parse_choice
from .escape import html_label, html_text, quoted, squash, tooltip, wrap
from .style import (
    FONT,
    STATUS_STYLES,
    SpeakerStyle,
    edge_style,
    speaker_styles,
    status_word,
)

if TYPE_CHECKING:  # pragma: no cover
    import pydot

    from ..model import Argument, ArgumentMap, Claim, Relation

__all__ = [
    "DERIVED_LIMIT",
    "STATUS_STYLES",
    "SpeakerStyle",
    "Selection",
    "speaker_styles",
    "select",
    "select_claims",
    "unattacked_statuses",
    "choose_rankdir",
    "to_dot",
]


#: Characters per line of a claim's paraphrase in its box.
WRAP_WIDTH = 30
#: Lines of paraphrase at most; the rest is cut with an ellipsis.
MAX_LINES = 6
#: The CLI draws derived attacks only when a picture has at most this many.
DERIVED_LIMIT = 40
#: Characters of a quote kept in a tooltip.
MAX_TOOLTIP = 1500
#: The aspect (width / height) ``rankdir="auto"`` aims for: between a portrait page
#: (0.71) and a landscape screen (1.6).
TARGET_ASPECT = 1.1


@dataclass(frozen=True)
class Selection:
    """What a (sub)diagram shows, and what it leaves out.

    Attributes
    ----------
    claims : list of Claim
        In map order.
    relations : list of int
        Indices into ``amap.relations`` of the relations shown.
    arguments : list of Argument
        The explicit arguments shown (their conclusion and at least one premise are
        drawn), in map order.
    cut : dict
        ``claim id -> number`` of relations, premise links and undercuts touching a
        drawn claim that the picture does not draw.
    part : str or None
        None for the whole map; otherwise what part is drawn, in words.
    total_claims, total_relations : int
        The sizes of the whole map (relations and argument premise links).
    """

    claims: list[Claim]
    relations: list[int]
    arguments: list[Argument]
    cut: dict[str, int] = field(default_factory=dict)
    part: str | None = None
    total_claims: int = 0
    total_relations: int = 0

    @property
    def drawn_relations(self) -> int:
        """Relations drawn, counting each argument as one per premise."""
        return len(self.relations) + sum(len(a.premises) for a in self.arguments)

    def summary(self) -> str:
        """``7 of 87 claims, 9 of 115 relations`` (or ``87 claims, 115 relations``).

        Examples
        --------
        >>> Selection([], [], [], total_claims=3, total_relations=1, part="x").summary()
        '0 of 3 claims, 0 of 1 relation'
        """
        def count(n: int, total: int, word: str) -> str:
            noun = word if total == 1 else word + "s"
            return f"{n} of {total} {noun}" if self.part else f"{n} {word if n == 1 else word + 's'}"

        text = (count(len(self.claims), self.total_claims, "claim") + ", "
                + count(self.drawn_relations, self.total_relations, "relation"))
        if self.arguments:
            text += f", {len(self.arguments)} argument{'s' if len(self.arguments) != 1 else ''}"
        return text


def _links(amap: ArgumentMap) -> list[tuple[str, str, str]]:
    """Every drawn-or-not link between claims: ``(claim, claim, key)``.

    A relation between claims is one link; an argument links each premise to its
    conclusion; an undercut links its claim to the argument's conclusion and premises.
    """
    out: list[tuple[str, str, str]] = []
    args = {a.id: a for a in amap.arguments}
    for i, r in enumerate(amap.relations):
        target = args.get(r.to_id)
        if target is None:
            out.append((r.from_id, r.to_id, f"r{i}"))
        else:
            for end in (target.conclusion, *target.premises):
                out.append((r.from_id, end, f"r{i}"))
    for a in amap.arguments:
        for p in a.premises:
            out.append((p, a.conclusion, f"a{a.id}:{p}"))
    return out


def select(
    amap: ArgumentMap,
    *,
    speaker: str | None = None,
    focus: str | None = None,
    depth: int = 2,
) -> Selection:
    """The claims, relations and arguments a (sub)diagram shows, and what it cuts.

    Parameters
    ----------
    amap : ArgumentMap
    speaker : str, optional
        Keep this speaker's claims, the claims they relate to or are related from
        (arguments count: the premises and conclusion of the speaker's arguments), and
        the relations touching the speaker's claims.
    focus : str, optional
        Keep the claims within *depth* links (either direction) of this claim; an
        argument links each premise to its conclusion and to its co-premises, an
        undercut its claim to the argument's premises and conclusion.
    depth : int
        Radius around *focus*; 0 keeps the claim alone.

    Raises
    ------
    QueryError
        If *speaker* or *focus* is not in the map.
    UsageError
        If *depth* is negative (also a ValueError).

    Notes
    -----
    The neighbourhood is a breadth-first search over the undirected links:
    :math:`O(V + E)`. When both filters are given, a claim must pass both.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("a", "A")],
    ...                 claims=[Claim(i, "a", i) for i in "pqrs"],
    ...                 relations=[Relation("q", "p", "support"), Relation("r", "q", "attack")])
    >>> s = select(m, focus="p", depth=1)
    >>> [c.id for c in s.claims], s.cut, s.part
    (['p', 'q'], {'q': 1}, 'the neighbourhood of p (depth 1)')
    """
    if depth < 0:
        raise UsageError(f"`depth` must be 0 or more, not {depth}")
    links = _links(amap)
    keep = {c.id for c in amap.claims}
    parts = []
    own: set[str] | None = None
    if speaker is not None:
        own = {c.id for c in amap.claims_by(speaker)}
        own_args = {a.id for a in amap.arguments if amap.argument_speaker(a) == speaker}
        touched = set(own)
        for r in amap.relations:
            if r.from_id in own or r.to_id in own:
                touched.add(r.from_id)
                if amap.has_claim(r.to_id):
                    touched.add(r.to_id)
        for a in amap.arguments:
            if a.id in own_args or a.conclusion in own or own & set(a.premises):
                touched.update((a.conclusion, *a.premises))
        keep &= touched
        parts.append(f"what {amap.speaker(speaker).name} says and what it touches")
    if focus is not None:
        amap.claim(focus)
        adjacent: dict[str, set[str]] = {}
        for x, y, _ in links:
            adjacent.setdefault(x, set()).add(y)
            adjacent.setdefault(y, set()).add(x)
        for a in amap.arguments:  # linked premises are one step from each other
            for p in a.premises:
                adjacent.setdefault(p, set()).update(q for q in a.premises if q != p)
        near = {focus: 0}
        queue = deque([focus])
        while queue:
            cur = queue.popleft()
            if near[cur] == depth:
                continue
            for other in sorted(adjacent.get(cur, ())):
                if other not in near:
                    near[other] = near[cur] + 1
                    queue.append(other)
        keep &= set(near)
        keep.add(focus)
        parts.append(f"the neighbourhood of {focus} (depth {depth})")

    def touches_own(*ids: str) -> bool:
        return own is None or bool(own & set(ids))

    claims = [c for c in amap.claims if c.id in keep]
    args_by_id = {a.id: a for a in amap.arguments}
    arguments = [a for a in amap.arguments if a.conclusion in keep
                 and any(p in keep for p in a.premises)
                 and touches_own(a.conclusion, *a.premises)]
    drawn_args = {a.id for a in arguments}
    rels = []
    for i, r in enumerate(amap.relations):
        if r.from_id not in keep:
            continue
        if r.to_id in args_by_id:
            if r.to_id in drawn_args and touches_own(r.from_id, r.to_id, *args_by_id[r.to_id].premises,
                                                    args_by_id[r.to_id].conclusion):
                rels.append(i)
        elif r.to_id in keep and touches_own(r.from_id, r.to_id):
            rels.append(i)
    drawn = {f"r{i}" for i in rels}
    drawn |= {f"a{a.id}:{p}" for a in arguments for p in a.premises if p in keep}
    cut: dict[str, int] = {}
    seen: set[tuple[str, str]] = set()
    for x, y, key in links:
        if key in drawn:
            continue
        for end in (x, y):
            if end in keep and (end, key) not in seen:
                seen.add((end, key))
                cut[end] = cut.get(end, 0) + 1
    total_rel = len(amap.relations) + sum(len(a.premises) for a in amap.arguments)
    return Selection(claims, rels, arguments, cut if parts else {},
                     "; ".join(parts) if parts else None, len(amap.claims), total_rel)


def select_claims(amap: ArgumentMap, *, speaker: str | None = None, focus: str | None = None,
                  depth: int = 2) -> tuple[list[Claim], list[int]]:
    """The claims and relation indices of :func:`select` (kept for older callers).

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Speaker
    >>> claims, relations = select_claims(ArgumentMap(speakers=[Speaker("a", "A")],
    ...                                                claims=[Claim("p", "a", "P")]))
    >>> [c.id for c in claims], relations
    (['p'], [])
    """
    s = select(amap, speaker=speaker, focus=focus, depth=depth)
    return s.claims, s.relations


def unattacked_statuses(amap: ArgumentMap) -> dict[str, str]:
    """``unattacked`` or ``attacked`` for every claim: read off the map, no evaluation.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("a", "A")], claims=[Claim("p", "a", "P"), Claim("q", "a", "Q")],
    ...                 relations=[Relation("q", "p", "attack")])
    >>> unattacked_statuses(m)
    {'p': 'attacked', 'q': 'unattacked'}
    """
    return {c.id: "attacked" if amap.attackers(c.id) else "unattacked" for c in amap.claims}


def _ranks(ids: Sequence[str], edges: Iterable[tuple[str, str]]) -> dict[str, int]:
    """Longest-path layers of the edge graph (back edges of cycles ignored)."""
    succ: dict[str, list[str]] = {i: [] for i in ids}
    for a, b in edges:
        if a in succ and b in succ:
            succ[a].append(b)
    # Iterative DFS for a topological order that skips back edges.
    order: list[str] = []
    state: dict[str, int] = {}
    for root in ids:
        if root in state:
            continue
        stack = [(root, iter(succ[root]))]
        state[root] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                order.append(node)
                stack.pop()
            elif nxt not in state:
                state[nxt] = 1
                stack.append((nxt, iter(succ[nxt])))
    order.reverse()
    pos = {n: k for k, n in enumerate(order)}
    rank = {n: 0 for n in ids}
    for n in order:
        for m in succ[n]:
            if pos[m] > pos[n] and rank[m] < rank[n] + 1:
                rank[m] = rank[n] + 1
    return rank


def choose_rankdir(amap: ArgumentMap, selection: Selection | None = None) -> str:
    """``TB`` or ``LR``: the direction whose estimated aspect is nearer a screen or page.

    The estimate lays claims out in longest-path layers (a box is about 230 × 95
    points, a layer gap about 60): ``TB`` is as wide as the fullest layer and as tall
    as the number of layers; ``LR`` the other way round.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> star = ArgumentMap(speakers=[Speaker("a", "A")], claims=[Claim(f"c{i}", "a", "x") for i in range(9)],
    ...                    relations=[Relation(f"c{i}", "c0", "support") for i in range(1, 9)])
    >>> choose_rankdir(star)
    'LR'
    """
    sel = selection or select(amap)
    ids = [c.id for c in sel.claims]
    if not ids:
        return "TB"
    edges = [(amap.relations[i].from_id, amap.relations[i].to_id) for i in sel.relations]
    for a in sel.arguments:
        edges += [(p, a.conclusion) for p in a.premises]
    rank = _ranks(ids, edges)
    layers: dict[int, int] = {}
    for r in rank.values():
        layers[r] = layers.get(r, 0) + 1
    depth, breadth = len(layers), max(layers.values())
    box_w, box_h, gap = 230.0, 95.0, 60.0
    tb = (breadth * box_w) / (depth * (box_h + gap))
    lr = (depth * (box_w + gap)) / (breadth * box_h)
    score = lambda a: abs(math.log(a / TARGET_ASPECT))  # noqa: E731
    return "TB" if score(tb) <= score(lr) else "LR"


def _claim_label(claim: Claim, style: SpeakerStyle, *, show_speaker: bool,
                 status_text: str | None, cut: int) -> str:
    head = [f"<B>{html_text(claim.id, 80)}</B>", html_text(claim.kind)]
    if show_speaker:
        head.append(html_text(style.name, 40))
    if status_text:
        head.append(f"<B>{html_text(status_text)}</B>")
    lines = wrap(claim.text, WRAP_WIDTH, MAX_LINES) or [" "]
    body = "<BR/>".join(html_text(line) for line in lines)
    foot = (f'<BR/><FONT POINT-SIZE="9" COLOR="#6d4c41"><I>+{cut} not drawn</I></FONT>'
            if cut else "")
    return html_label(f'<FONT POINT-SIZE="10" COLOR="{style.line}">'
                      f'{" · ".join(head)}</FONT><BR/>{body}{foot}')


#: Legend samples of each kind of line, as coloured glyphs (HTML-like labels cannot
#: draw lines): the line, then its end.
_SAMPLES = {
    "support": ("#1b7837", "\u2501\u2501\u2501\u25b6", "supports"),
    "attack": ("#c62828", "\u2501\u2501\u2501\u252b", "attacks"),
    "premise": ("#1b7837", "\u2501\u25cf\u2501\u25b6", "linked premises: jointly one reason"),
    "undercut": ("#7b1fa2", "\u2501\u2501\u2501\u2016", "undercuts the reason at its dot"),
    "derived": ("#c62828", "\u254d\u254d\u254d\u252b", "derived attack"),
}


def _legend_label(styles: Mapping[str, SpeakerStyle], *, statuses_shown: Collection[str],
                  semantics: str | None, kinds: Sequence[str], statuses_fill: bool,
                  hidden_derived: int = 0, cut: bool = False, columns: int = 3) -> str:
    """The legend as an HTML-like table: a label, so it never moves the layout."""
    cells = []
    for st in styles.values():
        cells.append(f'<TD BGCOLOR="{st.fill}" BORDER="1" COLOR="{st.line}" WIDTH="18"> </TD>'
                     f'<TD ALIGN="LEFT">{html_text(st.name, 60)}'
                     f'{" (border, name)" if statuses_fill else ""}</TD>')
    cells.append('<TD><TABLE BORDER="1" CELLBORDER="1" CELLSPACING="2" CELLPADDING="0">'
                 '<TR><TD WIDTH="12" HEIGHT="8"> </TD></TR></TABLE></TD>'
                 '<TD ALIGN="LEFT">thesis (double border)</TD>')
    for kind in kinds:
        colour, glyphs, word = _SAMPLES[kind]
        cells.append(f'<TD><FONT COLOR="{colour}" POINT-SIZE="12"><B>{glyphs}</B></FONT></TD>'
                     f'<TD ALIGN="LEFT">{html_text(word)}</TD>')
    for label in statuses_shown:
        st = STATUS_STYLES[label]
        cells.append(f'<TD BGCOLOR="{st.fill}" BORDER="1" WIDTH="18"> </TD>'
                     f'<TD ALIGN="LEFT"><B>{html_text(st.word)}</B>: {html_text(st.meaning)}</TD>')
    if hidden_derived:
        cells.append(f'<TD> </TD><TD ALIGN="LEFT">{hidden_derived} derived attacks not drawn'
                     f' (more than {DERIVED_LIMIT})</TD>')
    if cut:
        cells.append('<TD><FONT COLOR="#6d4c41"><I>+N</I></FONT></TD>'
                     '<TD ALIGN="LEFT">relations not drawn in this part</TD>')
    rows = ["".join(cells[i:i + columns]) for i in range(0, len(cells), columns)]
    under = f" (statuses under {html_text(semantics)})" if semantics and statuses_shown else ""
    head = (f'<TR><TD COLSPAN="{2 * columns}" ALIGN="LEFT"><B>Legend</B>{under}</TD></TR>')
    return ('<TABLE BORDER="1" COLOR="#9e9e9e" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2" '
            'STYLE="ROUNDED" ID="legend" CLASS="legend">' + head + "".join(f"<TR>{r}</TR>" for r in rows) + "</TABLE>")


def to_dot(
    amap: ArgumentMap,
    *,
    statuses: Mapping[str, object] | None = None,
    semantics: str | None = None,
    derived: Iterable[tuple[str, str, str]] = (),
    hidden_derived: int = 0,
    derived_limit: int | None = None,
    status: Literal["unattacked"] | None = None,
    group_by: Literal["speaker", "none"] = "none",
    speaker: str | None = None,
    focus: str | None = None,
    depth: int = 2,
    rankdir: Literal["auto", "TB", "LR"] = "auto",
    legend: bool = True,
    selection: Selection | None = None,
) -> pydot.Dot:
    """Build the diagram of *amap* as a :class:`pydot.Dot` (no Graphviz, no evaluation).

    Parameters
    ----------
    amap : ArgumentMap
        The map to draw.
    statuses : mapping, optional
        ``claim id -> label`` to fill the claims by: the labels of
        :func:`argmap.evaluation.statuses` (``in``/``out``/``undec``,
        ``skeptical``/``credulous``/``rejected``), ``unattacked``/``attacked``, as
        strings or str Enums. Claims missing from it are drawn plain.
    semantics : str, optional
        The name of the semantics the *statuses* come from (for the legend only).
    derived : iterable of (str, str, str)
        Attacks a support reading derives, as ``(attacker id, attacked id, why)``:
        drawn dashed (they do not move the layout) between drawn claims.
    hidden_derived : int
        How many derived attacks the caller chose not to draw (the legend says so).
    derived_limit : int, optional
        Draw the derived attacks between drawn claims only when there are at most this
        many (the legend counts them otherwise); default: draw them all.
    status : {"unattacked"}, optional
        Shorthand for ``statuses=unattacked_statuses(amap)`` (read off the map).
    group_by : {"none", "speaker"}
        ``none`` (default): the speaker is carried by colour and by name in each box,
        so an answer sits next to what it answers; ``speaker``: a titled cluster each.
    speaker : str, optional
        Draw only this speaker's claims and what they touch.
    focus : str, optional
        Draw only the claims within *depth* links of this claim (which gets a thick
        border).
    depth : int
        Radius around *focus*.
    rankdir : {"auto", "TB", "LR"}
        Layout direction: top to bottom, left to right, or chosen from the map's
        shape (:func:`choose_rankdir`).
    legend : bool
        Add the legend cluster.
    selection : Selection, optional
        A ready :func:`select` result (overrides *speaker*, *focus* and *depth*).

    Returns
    -------
    pydot.Dot
        A directed graph; ``.to_string()`` gives DOT text for any Graphviz engine.

    Raises
    ------
    QueryError
        If *speaker* or *focus* is unknown.
    UsageError
        If an option has a value outside the ones listed, or a status cannot be drawn
        (also a ValueError).

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("a", "A")],
    ...                 claims=[Claim("p", "a", 'say "hi"'), Claim("q", "a", "C:\\\\new")],
    ...                 relations=[Relation("q", "p", "support")])
    >>> text = to_dot(m, statuses={"p": "in", "q": "out"}, rankdir="LR").to_string()
    >>> "rankdir=LR" in text and "C:\\\\\\\\new" in text and "status-out" in text
    True
    """
    import pydot

    group_by = parse_choice(group_by, GroupBy, "group_by").value  # type: ignore[assignment]
    rankdir = parse_choice(rankdir, RankDir, "rankdir").value  # type: ignore[assignment]
    if status is not None and status != "unattacked":
        raise UsageError(f"unknown status {status!r}", hint="use 'unattacked', or hand in `statuses`")
    if semantics is not None and statuses is None:
        raise UsageError("to_dot draws the statuses it is handed",
                         hint="pass statuses=argmap.evaluation.statuses(amap, semantics) as well")

    sel = selection or select(amap, speaker=speaker, focus=focus, depth=depth)
    if rankdir == "auto":
        rankdir = choose_rankdir(amap, sel)  # type: ignore[assignment]
    styles = speaker_styles(amap)
    if statuses is None and status is not None:
        statuses = unattacked_statuses(amap)
    words = {cid: status_word(label) for cid, label in (statuses or {}).items()}
    kept = {c.id for c in sel.claims}
    derived_pairs = [(a, b, why) for a, b, why in derived if a in kept and b in kept]
    if derived_limit is not None and len(derived_pairs) > derived_limit:
        hidden_derived += len(derived_pairs)
        derived_pairs = []

    dot = _graph(rankdir)
    node_of = {c.id: f"n{i}" for i, c in enumerate(amap.claims)}
    groups = _speaker_clusters(dot, amap, sel, styles) if group_by == "speaker" else {}
    for claim in sel.claims:
        node = _claim_node(claim, node_of[claim.id], styles[claim.speaker], words.get(claim.id),
                           cut=sel.cut.get(claim.id, 0), focused=focus is not None and claim.id == focus,
                           show_speaker=group_by == "none")
        (groups.get(claim.speaker) or dot).add_node(node)
    junction_of, kinds_drawn = _arguments(dot, amap, sel, styles, node_of)
    kinds_drawn |= _relation_edges(dot, amap, sel, node_of, junction_of)
    for k, (a, b, why) in enumerate(derived_pairs):
        kinds_drawn.add("derived")
        dot.add_edge(pydot.Edge(node_of[a], node_of[b], id=quoted(f"derived-{k}"),
                                tooltip=tooltip(why),
                                constraint="false", **{"class": '"argedge derived"'},
                                **edge_style("derived")))
    _stagger_leaves(dot, amap, sel, node_of)
    _graph_label(dot, amap, sel, styles, words, kinds_drawn, legend=legend, semantics=semantics,
                 hidden_derived=hidden_derived)
    return dot


# -- the parts of a drawing (to_dot puts them together) -------------------------------------
def _graph(rankdir: str) -> pydot.Dot:
    """The empty graph with argmap's layout and default node and edge attributes."""
    import pydot

    dot = pydot.Dot("argmap", graph_type="digraph")
    dot.set("rankdir", rankdir)
    dot.set("newrank", "true")
    dot.set("compound", "true")
    dot.set("fontname", f'"{FONT}"')
    dot.set("nodesep", "0.3")
    dot.set("ranksep", "0.5")
    dot.set("outputorder", "edgesfirst")
    dot.set("pad", "0.2")
    dot.set_node_defaults(shape="box", style='"rounded,filled"', fontname=f'"{FONT}"',
                          fontsize="11", margin='"0.14,0.07"', penwidth="1.3")
    dot.set_edge_defaults(fontname=f'"{FONT}"', fontsize="9")
    return dot


def _speaker_clusters(dot: pydot.Dot, amap: ArgumentMap, sel: Selection,
                      styles: Mapping[str, SpeakerStyle]) -> dict[str, pydot.Subgraph]:
    """One titled box per speaker with a drawn claim, added to *dot*; by speaker id."""
    import pydot

    groups: dict[str, pydot.Subgraph] = {}
    for sp in amap.speakers:
        if not any(c.speaker == sp.id for c in sel.claims):
            continue
        st = styles[sp.id]
        cluster = pydot.Cluster(f"s{st.index}", label=html_label(
            f'<B>{html_text(st.name, 80)}</B>'), fontname=f'"{FONT}"', fontsize="16",
            labeljust="l",
            fontcolor=st.line, color=st.line, style='"rounded,filled"', fillcolor=st.tint,
            penwidth="1.2", margin="14")
        cluster.set("class", f'"speaker-cluster speaker-{st.index}"')
        cluster.set("id", quoted(f"speaker-{st.index}"))
        groups[sp.id] = cluster
        dot.add_subgraph(cluster)
    return groups


def _claim_node(claim: Claim, name: str, st: SpeakerStyle, label_word: str | None, *, cut: int,
                focused: bool, show_speaker: bool) -> pydot.Node:
    """The box of one claim: speaker colours, or the fill of its status; thesis, focus and cut marks."""
    import pydot

    classes = ["argnode", f"speaker-{st.index}", f"kind-{claim.kind}"]
    attrs: dict[str, str] = {
        "label": _claim_label(claim, st, show_speaker=show_speaker,
                              status_text=STATUS_STYLES[label_word].word if label_word else None,
                              cut=cut),
        "id": quoted(f"claim-{claim.id}", 200),
        "tooltip": tooltip(claim.quote or claim.text, MAX_TOOLTIP),
        "color": st.line,
        "fillcolor": st.fill,
    }
    if label_word:
        sty = STATUS_STYLES[label_word]
        attrs["fillcolor"] = sty.fill
        attrs["penwidth"] = "2.2"
        if sty.border != "solid":
            attrs["style"] = f'"rounded,filled,{sty.border}"'
        classes.append(f"status-{label_word}")
    if claim.kind == "thesis":
        attrs["peripheries"] = "2"
        attrs["penwidth"] = "2.2" if label_word else "1.8"
    if focused:
        attrs["penwidth"] = "3.5"
        classes.append("focus")
    if cut:
        classes.append("cut")
    attrs["class"] = quoted(" ".join(classes))
    return pydot.Node(name, **attrs)


def _arguments(dot: pydot.Dot, amap: ArgumentMap, sel: Selection, styles: Mapping[str, SpeakerStyle],
               node_of: Mapping[str, str]) -> tuple[dict[str, str], set[str]]:
    """Draw the arguments: a one-premise one as a support edge, others as a junction where
    linked premises meet (and where undercuts land). Returns the junction of each argument
    drawn with one, and the kinds of edge drawn."""
    import pydot

    kept = {c.id for c in sel.claims}
    undercut = {amap.relations[i].to_id for i in sel.relations
                if amap.has_argument(amap.relations[i].to_id)}
    junction_of: dict[str, str] = {}
    kinds_drawn: set[str] = set()
    for k, arg in enumerate(sel.arguments):
        st = styles[amap.argument_speaker(arg)]
        premises = [p for p in arg.premises if p in kept]
        tip = _argument_tip(arg)
        if len(arg.premises) == 1 and arg.id not in undercut:
            dot.add_edge(pydot.Edge(node_of[premises[0]], node_of[arg.conclusion],
                                    id=quoted(f"arg-{arg.id}", 200), tooltip=tooltip(tip),
                                    **{"class": '"argedge support argument"'},
                                    **edge_style("support")))
            kinds_drawn.add("support")
            continue
        name = f"a{k}"
        junction_of[arg.id] = name
        dot.add_node(pydot.Node(name, shape="circle", label='""', width="0.16", height="0.16",
                                fixedsize="true", style="filled", fillcolor=st.line,
                                color=st.line, penwidth="1",
                                id=quoted(f"arg-{arg.id}", 200), tooltip=tooltip(tip),
                                **{"class": quoted(f"argjunction speaker-{st.index}")}))
        for j, p in enumerate(premises):
            dot.add_edge(pydot.Edge(node_of[p], name, id=quoted(f"argp-{arg.id}-{j}", 200),
                                    tooltip=tooltip(tip), **{"class": '"argedge premise"'},
                                    **edge_style("premise")))
        dot.add_edge(pydot.Edge(name, node_of[arg.conclusion], id=quoted(f"argc-{arg.id}", 200),
                                tooltip=tooltip(tip), **{"class": '"argedge conclusion"'},
                                **edge_style("conclusion")))
        kinds_drawn.add("premise")
    return junction_of, kinds_drawn


def _relation_edges(dot: pydot.Dot, amap: ArgumentMap, sel: Selection, node_of: Mapping[str, str],
                    junction_of: Mapping[str, str]) -> set[str]:
    """One edge per drawn relation (an undercut ends at its argument's junction); the kinds drawn."""
    import pydot

    kinds_drawn: set[str] = set()
    for i in sel.relations:
        rel = amap.relations[i]
        if rel.to_id in junction_of:
            kind, head = "undercut", junction_of[rel.to_id]
        else:
            kind, head = rel.type, node_of[rel.to_id]
        kinds_drawn.add(kind)
        dot.add_edge(pydot.Edge(node_of[rel.from_id], head,
                                id=quoted(f"rel-{i}"), tooltip=tooltip(_relation_tip(rel, kind)),
                                **{"class": quoted(f"argedge {kind}")}, **edge_style(kind)))
    return kinds_drawn


def _graph_label(dot: pydot.Dot, amap: ArgumentMap, sel: Selection, styles: Mapping[str, SpeakerStyle],
                 words: Mapping[str, str], kinds_drawn: set[str], *, legend: bool, semantics: str | None,
                 hidden_derived: int) -> None:
    """Title, part and legend as one graph label at the top.

    A label never moves the layout (a legend cluster did: 42 -> 63 crossings on the
    shipped map).
    """
    rows = []
    if amap.title:
        rows.append(f'<TR><TD><FONT POINT-SIZE="18"><B>{html_text(amap.title, 200)}</B></FONT></TD></TR>')
    if sel.part:
        part = html_text(f"Part of the map: {sel.part}, {sel.summary()}", 400)
        rows.append(f'<TR><TD><FONT POINT-SIZE="13">{part}</FONT></TD></TR>')
    if legend:
        shown = [lbl for lbl in STATUS_STYLES if lbl in {words.get(c.id) for c in sel.claims}]
        order = ["support", "attack", "premise", "undercut", "derived"]
        kinds = [k for k in order if k in kinds_drawn] or ["support", "attack"]
        rows.append("<TR><TD>" + _legend_label(
            {sid: styles[sid] for sid in styles if any(c.speaker == sid for c in sel.claims)},
            statuses_shown=shown, semantics=semantics, kinds=kinds, statuses_fill=bool(shown),
            hidden_derived=hidden_derived, cut=bool(sel.cut)) + "</TD></TR>")
    if rows:
        dot.set("label", html_label('<TABLE BORDER="0" CELLSPACING="4">' + "".join(rows)
                                    + "</TABLE>"))
        dot.set("labelloc", "t")
        dot.set("fontsize", "11")


def _stagger_leaves(dot: pydot.Dot, amap: ArgumentMap, sel: Selection,
                    node_of: Mapping[str, str]) -> None:
    """Give every other leaf reason of a claim one extra rank (``minlen=2``).

    A claim with many unanswered reasons otherwise lines them all up in one layer,
    which makes the picture a long strip; alternating two layers halves that layer
    (what Graphviz's ``unflatten -l 2`` does) and, measured on the shipped map,
    also removes crossings.
    """
    has_in = {amap.relations[i].to_id for i in sel.relations}
    has_in |= {a.conclusion for a in sel.arguments}
    count: dict[str, int] = {}
    tail_of = {name: cid for cid, name in node_of.items()}
    for edge in dot.get_edges():
        src = tail_of.get(edge.get_source())
        dst = edge.get_destination()
        if src is None or src in has_in or not dst.startswith("n") \
                or edge.get("constraint") in ('"false"', "false"):
            continue  # linked premises stay together at their junction
        k = count.get(dst, 0)
        count[dst] = k + 1
        if k % 2:
            edge.set("minlen", "2")


def _argument_tip(arg: Argument) -> str:
    joined = " + ".join(arg.premises)
    tip = (f"{arg.id}: {joined} together support {arg.conclusion}" if len(arg.premises) > 1
           else f"{arg.id}: {joined} supports {arg.conclusion}")
    if arg.scheme:
        tip += f" ({squash(arg.scheme, 200)})"
    if arg.note:
        tip += f": {squash(arg.note, 500)}"
    return tip


def _relation_tip(rel: Relation, kind: str) -> str:
    verb = {"support": "supports", "attack": "attacks",
            "undercut": "undercuts the argument"}.get(kind, kind)
    tip = f"{rel.from_id} {verb} {rel.to_id}"
    if rel.note:
        tip += f": {squash(rel.note, 500)}"
    return tip
