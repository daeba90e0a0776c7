"""Build the Graphviz diagram of an argument map, as a :class:`pydot.Dot`.

Building is pure: nothing here runs Graphviz, so the graph can be inspected and
tested anywhere. :mod:`argmap.render.engine` lays it out and draws it.

What the diagram shows
----------------------
* one box per claim, labelled with the claim id, its kind and its paraphrase
  (wrapped, capped); theses get a double border; the quote is the tooltip;
* speakers by colour, and by a titled cluster each unless ``group_by="none"``;
* support as a thin green line with a filled arrowhead, attack as a thick red
  line ending in a bar (``tee``), so the two differ in greyscale too; derived
  attacks (from support chains, see :mod:`argmap.framework`) dashed;
* optionally the status of each claim: ``status="unattacked"``, or the labels of
  an argumentation semantics (``semantics="GR"`` …): the fill then shows the status
  and the header names it, while the border keeps the speaker's colour;
* a legend.

Graphviz copies each node's ``id`` and ``class`` onto its SVG ``<g>`` element:
claims are ``id="claim-<claim id>"`` with ``class="argnode speaker-<i> kind-<kind>
[status-<label>]"`` and relations ``id="rel-<i>"`` (``i`` is the relation's index in
the map) with ``class="argedge support|attack|derived"``.

Node identifiers are synthetic (``n0``, ``n1`` …): user text never becomes a DOT
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
>>> g = to_dot(m, group_by="none")
>>> g.get_node("n0")[0].get("id")
'"claim-A1"'
>>> 'n1 -> n0' in g.to_string()
True
"""

from __future__ import annotations

from collections import deque
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..vocabulary import GroupBy, RankDir, parse_choice
from .escape import html_label, html_text, quoted, squash, tooltip, wrap

if TYPE_CHECKING:  # pragma: no cover
    import pydot

    from ..model import ArgumentMap, Claim, Relation

__all__ = [
    "STATUS_STYLES",
    "SpeakerStyle",
    "speaker_styles",
    "select_claims",
    "claim_statuses",
    "to_dot",
]

FONT = "Helvetica,Arial,sans-serif"
#: Characters per line of a claim's paraphrase in its box.
WRAP_WIDTH = 30
#: Lines of paraphrase at most; the rest is cut with an ellipsis.
MAX_LINES = 6
#: With ``derived=None``, derived attacks are drawn only when there are at most this many.
DERIVED_LIMIT = 40
#: Characters of a quote kept in a tooltip.
MAX_TOOLTIP = 1500

SUPPORT_COLOR = "#1b7837"
ATTACK_COLOR = "#c62828"


@dataclass(frozen=True)
class SpeakerStyle:
    """How one speaker is drawn.

    Attributes
    ----------
    index : int
        Position of the speaker in the map (used in CSS classes: ``speaker-<index>``).
    name : str
        The speaker's display name.
    fill, line, tint : str
        Box fill, border/text colour and cluster background, as ``#rrggbb``.
    """

    index: int
    name: str
    fill: str
    line: str
    tint: str


# (fill, line, tint): light fills that keep black text legible, dark lines that
# differ in hue and lightness (after Okabe & Ito's colour-blind-safe palette).
_PALETTE: tuple[tuple[str, str, str], ...] = (
    ("#d6e6f5", "#1f5f99", "#f3f8fc"),   # blue
    ("#fbe0c3", "#a94f00", "#fef8f1"),   # orange
    ("#e4d8f0", "#5e3c99", "#f9f6fc"),   # purple
    ("#cdeae5", "#17695f", "#f2faf8"),   # teal
    ("#f7d4e4", "#9c2463", "#fdf4f8"),   # pink
    ("#eee8c4", "#6b5d00", "#fbf9ee"),   # olive
    ("#e0e0e0", "#404040", "#f7f7f7"),   # grey
)

#: ``status label -> (fill, border style, header word)`` when statuses are shown.
STATUS_STYLES: dict[str, tuple[str, str, str]] = {
    "unattacked": ("#c7e9c0", "solid", "unattacked"),
    "attacked": ("#ffffff", "solid", "attacked"),
    "in": ("#c7e9c0", "solid", "IN"),
    "out": ("#e3e3e3", "dashed", "OUT"),
    "undec": ("#fff0a8", "dotted", "UNDEC"),
    "skeptical": ("#c7e9c0", "solid", "accepted (skeptically)"),
    "credulous": ("#fff0a8", "dotted", "accepted (credulously)"),
    "rejected": ("#e3e3e3", "dashed", "rejected"),
}

_STATUS_WORDS = {  # what evaluation modules may call the labels
    "in": "in", "out": "out", "undec": "undec", "undecided": "undec",
    "skeptical": "skeptical", "skeptically": "skeptical",
    "credulous": "credulous", "credulously": "credulous",
    "rejected": "rejected", "none": "rejected", "not": "rejected",
    "unattacked": "unattacked", "attacked": "attacked",
}


def speaker_styles(amap: ArgumentMap) -> dict[str, SpeakerStyle]:
    """The colours of each speaker of *amap*, by speaker id (palette cycles).

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Speaker
    >>> styles = speaker_styles(ArgumentMap(speakers=[Speaker("a", "Ann")]))
    >>> styles["a"].fill, styles["a"].index
    ('#d6e6f5', 0)
    """
    return {s.id: SpeakerStyle(i, s.name, *_PALETTE[i % len(_PALETTE)])
            for i, s in enumerate(amap.speakers)}


def select_claims(
    amap: ArgumentMap,
    *,
    speaker: str | None = None,
    focus: str | None = None,
    depth: int = 2,
) -> tuple[list[Claim], list[int]]:
    """The claims and relations a (sub)diagram shows.

    Parameters
    ----------
    amap : ArgumentMap
    speaker : str, optional
        Keep this speaker's claims, the claims they relate to or are related from,
        and the relations touching the speaker's claims.
    focus : str, optional
        Keep the claims within *depth* relations (either direction) of this claim.
    depth : int
        Radius around *focus*; 0 keeps the claim alone.

    Returns
    -------
    claims : list of Claim
        In map order.
    relations : list of int
        Indices into ``amap.relations`` of the relations shown.

    Raises
    ------
    QueryError
        If *speaker* or *focus* is not in the map.
    ValueError
        If *depth* is negative.

    Notes
    -----
    The neighbourhood is a breadth-first search over the undirected relation graph:
    :math:`O(V + E)`. When both filters are given, a claim must pass both.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("a", "A")],
    ...                 claims=[Claim(i, "a", i) for i in "pqrs"],
    ...                 relations=[Relation("q", "p", "support"), Relation("r", "q", "attack")])
    >>> [c.id for c in select_claims(m, focus="p", depth=1)[0]]
    ['p', 'q']
    """
    if depth < 0:
        raise ValueError(f"depth must be 0 or more, not {depth}")
    keep = {c.id for c in amap.claims}
    edge_ok = lambda r: True  # noqa: E731
    if speaker is not None:
        own = {c.id for c in amap.claims_by(speaker)}
        touched = set(own)
        for r in amap.relations:
            if r.from_id in own or r.to_id in own:
                touched.update((r.from_id, r.to_id))
        keep &= touched
        edge_ok = lambda r: r.from_id in own or r.to_id in own  # noqa: E731
    if focus is not None:
        amap.claim(focus)
        near = {focus: 0}
        queue = deque([focus])
        while queue:
            cur = queue.popleft()
            if near[cur] == depth:
                continue
            for r in amap.outgoing(cur) + amap.incoming(cur):
                other = r.to_id if r.from_id == cur else r.from_id
                if other not in near:
                    near[other] = near[cur] + 1
                    queue.append(other)
        keep &= set(near)
        keep.add(focus)
    claims = [c for c in amap.claims if c.id in keep]
    rels = [i for i, r in enumerate(amap.relations)
            if r.from_id in keep and r.to_id in keep and edge_ok(r)]
    return claims, rels


def claim_statuses(
    amap: ArgumentMap,
    *,
    status: str | None = None,
    semantics: str | None = None,
    support: str | None = None,
) -> dict[str, str]:
    """The status label of every claim, for colouring (empty when none is asked).

    Parameters
    ----------
    amap : ArgumentMap
    status : {"unattacked"}, optional
        Mark claims nobody attacks (``unattacked``; the others ``attacked``).
    semantics : str, optional
        An ICCMA code (``GR``, ``CO``, ``PR``, ``ST`` …); labels come from
        :func:`argmap.evaluation.statuses` and win over *status*.
    support : str, optional
        The support reading passed on to the evaluation.

    Returns
    -------
    dict
        ``claim id -> label``, labels being keys of :data:`STATUS_STYLES`.

    Raises
    ------
    QueryError
        For an unknown semantics or support reading (from the evaluation).

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("a", "A")], claims=[Claim("p", "a", "P"), Claim("q", "a", "Q")],
    ...                 relations=[Relation("q", "p", "attack")])
    >>> claim_statuses(m, status="unattacked")
    {'p': 'attacked', 'q': 'unattacked'}
    """
    if semantics is not None:
        from ..evaluation import statuses

        raw = statuses(amap, semantics, support or "none")
        return {cid: _status_word(label) for cid, label in dict(raw).items()}
    if status is None:
        return {}
    if status != "unattacked":
        raise ValueError(f"unknown status {status!r}; use 'unattacked' or a semantics")
    return {c.id: "attacked" if amap.attackers(c.id) else "unattacked" for c in amap.claims}


def _status_word(label: object) -> str:
    name = getattr(label, "value", label)
    word = _STATUS_WORDS.get(str(name).lower())
    if word is None:
        raise ValueError(f"cannot draw the status {label!r}")
    return word


def _derived_attacks(amap: ArgumentMap, support: str | None) -> list[tuple[str, str, str]]:
    """Attacks the support reading adds: ``(attacker, attacked, why)`` in claim ids."""
    if support in (None, "none"):
        return []
    from ..framework import compile_map

    return [(a, b, f"{a} attacks {b}: {d.kind} attack under the {support} reading, via "
             + " → ".join(d.chain))
            for (a, b), d in compile_map(amap, support).derived.items()]


def _claim_label(claim: Claim, style: SpeakerStyle, *, show_speaker: bool,
                 status_word: str | None) -> str:
    head = [f"<B>{html_text(claim.id, 80)}</B>", html_text(claim.kind)]
    if show_speaker:
        head.append(html_text(style.name, 40))
    if status_word:
        head.append(f"<B>{html_text(status_word)}</B>")
    lines = wrap(claim.text, WRAP_WIDTH, MAX_LINES) or [" "]
    body = "<BR/>".join(html_text(line) for line in lines)
    return html_label(f'<FONT POINT-SIZE="10" COLOR="{style.line}">'
                      f'{" · ".join(head)}</FONT><BR/>{body}')


def _legend(dot: pydot.Dot, styles: Mapping[str, SpeakerStyle], *, rankdir: str,
            statuses_shown: Collection[str], derived: bool, hidden_derived: int = 0) -> None:
    import pydot

    legend = pydot.Cluster("legend", label=html_label("<B>Legend</B>"), fontname=FONT,
                           fontsize="11", style="rounded", color="#9e9e9e", margin="10")
    legend.set("class", '"legend"')
    rows = []
    for st in styles.values():
        rows.append(f'<TR><TD BGCOLOR="{st.fill}" BORDER="1" COLOR="{st.line}" WIDTH="18"> </TD>'
                    f'<TD ALIGN="LEFT">{html_text(st.name, 60)}'
                    f'{" (box border)" if statuses_shown else ""}</TD></TR>')
    rows.append('<TR><TD><TABLE BORDER="1" CELLBORDER="1" CELLSPACING="2" CELLPADDING="0">'
                '<TR><TD WIDTH="12" HEIGHT="8"> </TD></TR></TABLE></TD>'
                '<TD ALIGN="LEFT">thesis (double border)</TD></TR>')
    for label in statuses_shown:
        fill, _, word = STATUS_STYLES[label]
        rows.append(f'<TR><TD BGCOLOR="{fill}" BORDER="1" WIDTH="18"> </TD>'
                    f'<TD ALIGN="LEFT">{html_text(word)}</TD></TR>')
    if hidden_derived:
        rows.append(f'<TR><TD> </TD><TD ALIGN="LEFT">{hidden_derived} derived attacks not drawn'
                    f' (more than {DERIVED_LIMIT})</TD></TR>')
    table = ('<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="2">'
             + "".join(rows) + "</TABLE>")
    legend.add_node(pydot.Node("legend_keys", shape="plain", style="solid", fontname=f'"{FONT}"',
                               fontsize="10", label=html_label(table)))
    kinds = [("support", "supports"), ("attack", "attacks")]
    if derived:
        kinds.append(("derived", "derived attack"))
    # Sample edges side by side: in TB every sample node shares one rank (edges run
    # across); in LR the tails share one rank (a column) and the heads the next.
    row = pydot.Subgraph(rank="same")
    for kind, word in kinds:
        tail, head = f"legend_{kind}_a", f"legend_{kind}_b"
        for name in (tail, head):
            legend.add_node(pydot.Node(name, shape="point", width="0.06", color="#616161"))
        legend.add_edge(pydot.Edge(tail, head, label=quoted(word), fontname=f'"{FONT}"',
                                   fontsize="10", minlen="2" if rankdir == "TB" else "1",
                                   **_edge_style(kind)))
        row.add_node(pydot.Node(tail))
        if rankdir == "TB":
            row.add_node(pydot.Node(head))
    legend.add_subgraph(row)
    legend.add_edge(pydot.Edge("legend_keys", f"legend_{kinds[0][0]}_a", style="invis"))
    dot.add_subgraph(legend)


def _edge_style(kind: str) -> dict[str, str]:
    if kind == "support":
        return {"color": SUPPORT_COLOR, "arrowhead": "normal", "penwidth": "1.4",
                "style": "solid", "arrowsize": "0.9"}
    if kind == "attack":
        return {"color": ATTACK_COLOR, "arrowhead": "tee", "penwidth": "2.6",
                "style": "solid", "arrowsize": "1.0"}
    return {"color": ATTACK_COLOR, "arrowhead": "tee", "penwidth": "1.4",
            "style": "dashed", "arrowsize": "0.8"}


def to_dot(
    amap: ArgumentMap,
    *,
    group_by: Literal["speaker", "none"] = "speaker",
    status: Literal["unattacked"] | None = None,
    semantics: str | None = None,
    support: str | None = None,
    speaker: str | None = None,
    focus: str | None = None,
    depth: int = 2,
    rankdir: Literal["TB", "LR"] = "TB",
    derived: bool | None = None,
    legend: bool = True,
    statuses: Mapping[str, str] | None = None,
) -> pydot.Dot:
    """Build the diagram of *amap* as a :class:`pydot.Dot` (no Graphviz needed).

    Parameters
    ----------
    amap : ArgumentMap
        The map to draw.
    group_by : {"speaker", "none"}
        Put each speaker's claims in a titled cluster, or not (colour only).
    status : {"unattacked"}, optional
        Fill claims that nobody attacks.
    semantics : str, optional
        ICCMA code (``GR``, ``CO``, ``PR``, ``ST`` …): fill claims by their label under
        that semantics (needs :mod:`argmap.evaluation`). Wins over *status*.
    support : str, optional
        Support reading (``none``, ``deductive``, ``necessary`` …) for the evaluation
        and for derived attacks.
    speaker : str, optional
        Draw only this speaker's claims and what they touch.
    focus : str, optional
        Draw only the claims within *depth* relations of this claim (which gets a
        thick border).
    depth : int
        Radius around *focus*.
    rankdir : {"TB", "LR"}
        Layout direction: top to bottom or left to right.
    derived : bool, optional
        Draw the attacks the support reading derives, dashed (they do not move the
        layout). Default: when a support reading other than ``none`` is given and it
        derives at most :data:`DERIVED_LIMIT` attacks; the legend counts the others.
    legend : bool
        Add the legend cluster.
    statuses : mapping, optional
        Precomputed ``claim id -> label`` (keys of :data:`STATUS_STYLES`); overrides
        *status* and *semantics*.

    Returns
    -------
    pydot.Dot
        A directed graph; ``.to_string()`` gives DOT text for any Graphviz engine.

    Raises
    ------
    QueryError
        If *speaker* or *focus* is unknown.
    ValueError
        If an option has a value outside the ones listed.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("a", "A")],
    ...                 claims=[Claim("p", "a", 'say "hi"'), Claim("q", "a", "C:\\\\new")],
    ...                 relations=[Relation("q", "p", "support")])
    >>> text = to_dot(m, status="unattacked", rankdir="LR").to_string()
    >>> "rankdir=LR" in text and "C:\\\\\\\\new" in text
    True
    """
    import pydot

    group_by = parse_choice(group_by, GroupBy, "group_by").value
    rankdir = parse_choice(rankdir, RankDir, "rankdir").value

    claims, rel_indices = select_claims(amap, speaker=speaker, focus=focus, depth=depth)
    styles = speaker_styles(amap)
    if statuses is None:
        statuses = claim_statuses(amap, status=status, semantics=semantics, support=support)
    else:
        statuses = {cid: _status_word(label) for cid, label in statuses.items()}
    kept = {c.id for c in claims}
    derived_pairs = ([(a, b, why) for a, b, why in _derived_attacks(amap, support)
                      if a in kept and b in kept] if derived is not False else [])
    hidden_derived = 0
    if derived is None and len(derived_pairs) > DERIVED_LIMIT:
        hidden_derived, derived_pairs = len(derived_pairs), []

    dot = pydot.Dot("argmap", graph_type="digraph")
    dot.set("rankdir", rankdir)
    dot.set("newrank", "true")
    dot.set("compound", "true")
    dot.set("fontname", f'"{FONT}"')
    dot.set("nodesep", "0.35")
    dot.set("ranksep", "0.55")
    dot.set("outputorder", "edgesfirst")
    dot.set("pad", "0.2")
    if amap.title:
        dot.set("label", html_label(f'<B>{html_text(amap.title, 200)}</B>'))
        dot.set("labelloc", "t")
        dot.set("fontsize", "18")
    dot.set_node_defaults(shape="box", style='"rounded,filled"', fontname=f'"{FONT}"',
                          fontsize="11", margin='"0.14,0.07"', penwidth="1.3")
    dot.set_edge_defaults(fontname=f'"{FONT}"', fontsize="9")

    node_of = {c.id: f"n{i}" for i, c in enumerate(amap.claims)}
    groups: dict[str, pydot.Dot | pydot.Subgraph] = {}
    if group_by == "speaker":
        for sp in amap.speakers:
            if not any(c.speaker == sp.id for c in claims):
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

    for claim in claims:
        st = styles[claim.speaker]
        label_word = statuses.get(claim.id)
        classes = ["argnode", f"speaker-{st.index}", f"kind-{claim.kind}"]
        attrs: dict[str, str] = {
            "label": _claim_label(claim, st, show_speaker=group_by == "none",
                                  status_word=STATUS_STYLES[label_word][2] if label_word else None),
            "id": quoted(f"claim-{claim.id}", 200),
            "tooltip": tooltip(claim.quote or claim.text, MAX_TOOLTIP),
            "color": st.line,
            "fillcolor": st.fill,
        }
        if label_word:
            fill, border, _ = STATUS_STYLES[label_word]
            attrs["fillcolor"] = fill
            if border != "solid":
                attrs["style"] = f'"rounded,filled,{border}"'
            classes.append(f"status-{label_word}")
        if claim.kind == "thesis":
            attrs["peripheries"] = "2"
            attrs["penwidth"] = "1.8"
        if focus is not None and claim.id == focus:
            attrs["penwidth"] = "3.5"
            classes.append("focus")
        attrs["class"] = quoted(" ".join(classes))
        node = pydot.Node(node_of[claim.id], **attrs)
        (groups.get(claim.speaker) or dot).add_node(node)

    for i in rel_indices:
        rel = amap.relations[i]
        dot.add_edge(pydot.Edge(node_of[rel.from_id], node_of[rel.to_id],
                                id=quoted(f"rel-{i}"), tooltip=tooltip(_relation_tip(amap, rel)),
                                **{"class": quoted(f"argedge {rel.type}")},
                                **_edge_style(rel.type)))
    for k, (a, b, why) in enumerate(derived_pairs):
        dot.add_edge(pydot.Edge(node_of[a], node_of[b], id=quoted(f"derived-{k}"),
                                tooltip=tooltip(why),
                                constraint="false", **{"class": '"argedge derived"'},
                                **_edge_style("derived")))

    if legend:
        shown = [lbl for lbl in STATUS_STYLES if lbl in set(statuses.values())]
        _legend(dot, {sid: styles[sid] for sid in styles
                      if any(c.speaker == sid for c in claims)},
                rankdir=rankdir, statuses_shown=shown, derived=bool(derived_pairs),
                hidden_derived=hidden_derived)
    return dot


def _relation_tip(amap: ArgumentMap, rel: Relation) -> str:
    verb = "supports" if rel.type == "support" else "attacks"
    tip = f"{rel.from_id} {verb} {rel.to_id}"
    if rel.note:
        tip += f": {squash(rel.note, 500)}"
    return tip

