"""How diagrams look: speaker palette, status fills and words, edge styles.

One home for every colour and word a diagram or the page uses, so that
:mod:`argmap.render.dot` (the Graphviz drawing) and :mod:`argmap.render.html` (the
page, which recolours nodes in the browser after a what-if) agree. Nothing here
imports Graphviz or the evaluation.

Examples
--------
>>> status_word("undec"), STATUS_STYLES["skeptical"].word
('undec', 'accepted by all')
>>> edge_style("undercut")["arrowhead"]
'teetee'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..vocabulary import Label, parse_label

if TYPE_CHECKING:  # pragma: no cover
    from ..model import ArgumentMap

__all__ = [
    "FONT",
    "SUPPORT_COLOR",
    "ATTACK_COLOR",
    "UNDERCUT_COLOR",
    "SpeakerStyle",
    "StatusStyle",
    "STATUS_STYLES",
    "DRAWING_STATUSES",
    "speaker_styles",
    "status_word",
    "edge_style",
]

FONT = "Helvetica,Arial,sans-serif"
SUPPORT_COLOR = "#1b7837"
ATTACK_COLOR = "#c62828"
#: Undercuts deny an inference, not a claim: their own hue (purple) and a double bar.
UNDERCUT_COLOR = "#7b1fa2"


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


@dataclass(frozen=True)
class StatusStyle:
    """How one status label is drawn.

    Attributes
    ----------
    fill : str
        Box fill.
    border : str
        ``solid``, ``dashed`` or ``dotted`` (so greyscale prints keep the status).
    word : str
        The plain word shown in the box header and the legend.
    meaning : str
        What the word means, for the legend and the page.
    """

    fill: str
    border: str
    word: str
    meaning: str


#: ``status label -> StatusStyle``. The labels are those of :mod:`argmap.evaluation`
#: (``in``/``out``/``undec`` under GR; ``skeptical``/``credulous``/``rejected`` under
#: the other semantics) plus ``unattacked``/``attacked`` and ``off`` (a claim switched
#: off in the page's what-if).
STATUS_STYLES: dict[str, StatusStyle] = {
    "unattacked": StatusStyle("#c7e9c0", "solid", "unattacked", "nobody attacks it"),
    "attacked": StatusStyle("#ffffff", "solid", "attacked", "some claim attacks it"),
    "in": StatusStyle("#c7e9c0", "solid", "in", "stands: every attacker is out"),
    "out": StatusStyle("#e3e3e3", "dashed", "out", "falls: an attacker is in"),
    "undec": StatusStyle("#fff0a8", "dotted", "undecided",
                         "neither: caught in an unresolved conflict"),
    "skeptical": StatusStyle("#c7e9c0", "solid", "accepted by all",
                             "in every extension"),
    "credulous": StatusStyle("#fff0a8", "dotted", "accepted by some",
                             "in some extensions, not all"),
    "rejected": StatusStyle("#e3e3e3", "dashed", "accepted by none", "in no extension"),
    "off": StatusStyle("#f5f5f5", "dotted", "off", "switched off in the what-if"),
}

#: Statuses a diagram draws besides the :class:`~argmap.vocabulary.Label` s: the plain
#: view's (no semantics) and the what-if's.
DRAWING_STATUSES: tuple[str, ...] = ("unattacked", "attacked", "off")


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


def status_word(label: object) -> str:
    """The key of :data:`STATUS_STYLES` for a status *label* (a string or a str Enum).

    The labels are the vocabulary's (:class:`~argmap.vocabulary.Label`, any case),
    plus :data:`DRAWING_STATUSES`.

    Raises
    ------
    UsageError
        For a label no diagram can show (also a ValueError).

    Examples
    --------
    >>> status_word("UNDEC"), status_word(Label.SKEPTICAL), status_word("unattacked")
    ('undec', 'skeptical', 'unattacked')
    """
    from ..errors import UsageError

    name = str(getattr(label, "value", label)).lower()
    if name in DRAWING_STATUSES:
        return name
    try:
        return parse_label(name).value
    except UsageError:
        raise UsageError(f"cannot draw the status {label!r}",
                         hint="statuses are " + "/".join(lab.value for lab in Label) + " or "
                         + "/".join(DRAWING_STATUSES)) from None


def edge_style(kind: str) -> dict[str, str]:
    """Graphviz attributes of one kind of edge.

    *kind* is ``support``, ``attack``, ``derived`` (an attack the support reading
    adds), ``undercut`` (an attack on an argument), ``premise`` (a premise running into
    an argument's junction) or ``conclusion`` (from the junction to the conclusion).
    """
    if kind in ("support", "conclusion"):
        return {"color": SUPPORT_COLOR, "arrowhead": "normal", "penwidth": "1.4",
                "style": "solid", "arrowsize": "0.9"}
    if kind == "premise":
        return {"color": SUPPORT_COLOR, "arrowhead": "none", "penwidth": "1.4",
                "style": "solid", "arrowsize": "0.9"}
    if kind == "attack":
        return {"color": ATTACK_COLOR, "arrowhead": "tee", "penwidth": "2.6",
                "style": "solid", "arrowsize": "1.0"}
    if kind == "undercut":
        return {"color": UNDERCUT_COLOR, "arrowhead": "teetee", "penwidth": "2.2",
                "style": "solid", "arrowsize": "0.9"}
    if kind == "derived":
        return {"color": ATTACK_COLOR, "arrowhead": "tee", "penwidth": "1.4",
                "style": "dashed", "arrowsize": "0.8"}
    raise ValueError(f"unknown edge kind {kind!r}")
