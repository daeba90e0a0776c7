"""The words argmap uses, each defined once: semantics, support readings, labels, choices.

Every closed list of names the library accepts lives here as a ``str`` Enum with
one parser, and the command line uses these enums as its choices. This module
imports nothing heavy (no numpy, pydot or solver), so the CLI can load it at
start-up.

========================  ==========================================  =====================
enum                      members                                     parser
========================  ==========================================  =====================
:class:`Semantics`        ``GR CO PR ST SST ID`` (ICCMA codes)        :func:`parse_semantics`
:class:`SupportReading`   ``none deductive necessary``                :func:`parse_support`
:class:`Label`            ``in out undec`` (grounded),                :func:`parse_label`
                          ``skeptical credulous rejected`` (others)
:class:`DiagramFormat`    ``svg png pdf dot``                         :func:`parse_choice`
:class:`GroupBy`          ``speaker none``                            :func:`parse_choice`
:class:`RankDir`          ``TB LR``                                   :func:`parse_choice`
:class:`SpeakerFrom`      ``data tag heading`` (Argdown input)        :func:`parse_choice`
========================  ==========================================  =====================

A bad name raises :class:`~argmap.errors.UsageError` (also a ``ValueError``) with
a "did you mean" hint. Library messages name the parameter (``semantics``); the
CLI adds the flag.

To add a semantics (say stage, ``STG``): add the member to :class:`Semantics`
with its description in :data:`SEMANTICS_NAMES`, then its solver in
:mod:`argmap.semantics.tasks`. The CLI's ``--semantics`` choices and help text
follow from here.

Examples
--------
>>> parse_semantics("pr")
<Semantics.PR: 'PR'>
>>> str(parse_support("Necessary"))
'necessary'
>>> Label.for_semantics("GR")
(<Label.IN: 'in'>, <Label.UNDEC: 'undec'>, <Label.OUT: 'out'>)
>>> parse_choice("lr", RankDir, "rankdir", case="any")
<RankDir.LR: 'LR'>
"""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

from .errors import UsageError, did_you_mean

__all__ = [
    "Semantics",
    "SEMANTICS_NAMES",
    "parse_semantics",
    "SupportReading",
    "SUPPORT_DESCRIPTIONS",
    "parse_support",
    "Label",
    "parse_label",
    "DiagramFormat",
    "GroupBy",
    "RankDir",
    "SpeakerFrom",
    "parse_choice",
]

E = TypeVar("E", bound=Enum)


class _Word(str, Enum):
    """A ``str`` Enum whose ``str()`` is its value (so it prints and formats as the word)."""

    def __str__(self) -> str:
        return str(self.value)


def parse_choice(value: str | E, enum: type[E], what: str, *, case: str = "exact") -> E:
    """The member of *enum* whose value is *value*.

    Parameters
    ----------
    value : str or member of *enum*
        The name to look up; a member is returned as it is.
    enum : Enum class
        A ``str`` Enum of this module.
    what : str
        The parameter's name, for the error message (``"semantics"``).
    case : {"exact", "upper", "lower", "any"}
        How *value* is normalised before lookup: ``any`` compares case-insensitively.

    Raises
    ------
    UsageError
        For an unknown name, with a "did you mean" hint and the known names.

    Examples
    --------
    >>> parse_choice("PNG", DiagramFormat, "format", case="any")
    <DiagramFormat.png: 'png'>
    >>> parse_choice("jpeg", DiagramFormat, "format")
    Traceback (most recent call last):
    ...
    argmap.errors.UsageError: unknown format 'jpeg' (did you mean 'png'?)
    """
    if isinstance(value, enum):
        return value
    text = str(getattr(value, "value", value))
    names = [str(m.value) for m in enum]
    if case == "upper":
        text = text.upper()
    elif case == "lower":
        text = text.lower()
    elif case == "any":
        text = {n.lower(): n for n in names}.get(text.lower(), text)
    try:
        return enum(text)
    except ValueError:
        raise UsageError(f"unknown {what} {str(value)!r}",
                         hint=did_you_mean(text, names) or "use one of " + ", ".join(names)) from None


class Semantics(_Word):
    """The semantics argmap computes, by their ICCMA codes.

    ``GR`` grounded, ``CO`` complete, ``PR`` preferred, ``ST`` stable, ``SST``
    semi-stable, ``ID`` ideal (Dung 1995; Caminada 2006; Dung, Mancarella and
    Toni 2007).
    """

    GR = "GR"
    CO = "CO"
    PR = "PR"
    ST = "ST"
    SST = "SST"
    ID = "ID"

    @property
    def description(self) -> str:
        """The semantics' name in words (``"preferred"``)."""
        return SEMANTICS_NAMES[self]


#: Each semantics' name in words, for help texts and documentation.
SEMANTICS_NAMES: dict[Semantics, str] = {
    Semantics.GR: "grounded",
    Semantics.CO: "complete",
    Semantics.PR: "preferred",
    Semantics.ST: "stable",
    Semantics.SST: "semi-stable",
    Semantics.ID: "ideal",
}


def parse_semantics(semantics: str | Semantics) -> Semantics:
    """The :class:`Semantics` for an ICCMA code (case-insensitive).

    Raises
    ------
    UsageError
        For an unknown code, listing the known ones.

    Examples
    --------
    >>> parse_semantics("sst")
    <Semantics.SST: 'SST'>
    >>> parse_semantics("XX")
    Traceback (most recent call last):
    ...
    argmap.errors.UsageError: unknown semantics 'XX' (use one of GR, CO, PR, ST, SST, ID)
    """
    return parse_choice(semantics, Semantics, "semantics", case="upper")


class SupportReading(_Word):
    """How supports take part in evaluation (see :mod:`argmap.framework`).

    ``none`` ignores them; ``deductive``: accepting A commits to what A supports;
    ``necessary``: a claim needs its supporters.
    """

    none = "none"
    deductive = "deductive"
    necessary = "necessary"


#: One line per support reading, for help texts.
SUPPORT_DESCRIPTIONS: dict[SupportReading, str] = {
    SupportReading.none: "supports are ignored",
    SupportReading.deductive: "accepting A commits to what A supports",
    SupportReading.necessary: "a claim needs its supporters",
}


def parse_support(support: str | SupportReading) -> SupportReading:
    """The :class:`SupportReading` named *support* (case-insensitive).

    Raises
    ------
    UsageError
        For an unknown name, with a "did you mean" hint.

    Examples
    --------
    >>> parse_support("Deductive")
    <SupportReading.deductive: 'deductive'>
    """
    return parse_choice(support, SupportReading, "support reading", case="lower")


class Label(_Word):
    """A claim's status.

    Under grounded semantics a claim is ``in``, ``out`` or ``undec`` (Caminada's
    labelling). Under the others it is ``skeptical`` (in every extension),
    ``credulous`` (in some, not all) or ``rejected`` (in none).
    """

    IN = "in"
    OUT = "out"
    UNDEC = "undec"
    SKEPTICAL = "skeptical"
    CREDULOUS = "credulous"
    REJECTED = "rejected"

    @staticmethod
    def for_semantics(semantics: str | Semantics) -> tuple[Label, Label, Label]:
        """The three labels a semantics gives, strongest first.

        Examples
        --------
        >>> [str(x) for x in Label.for_semantics("PR")]
        ['skeptical', 'credulous', 'rejected']
        """
        if parse_semantics(semantics) is Semantics.GR:
            return (Label.IN, Label.UNDEC, Label.OUT)
        return (Label.SKEPTICAL, Label.CREDULOUS, Label.REJECTED)

    @property
    def accepted(self) -> bool:
        """Whether a claim with this label stands (``in`` or ``skeptical``)."""
        return self in (Label.IN, Label.SKEPTICAL)


def parse_label(label: str | Label) -> Label:
    """The :class:`Label` called *label* (case-insensitive).

    Examples
    --------
    >>> parse_label("UNDEC")
    <Label.UNDEC: 'undec'>
    """
    return parse_choice(label, Label, "status label", case="lower")


class DiagramFormat(_Word):
    """Output formats of a diagram (``argmap render``): Graphviz's output or the DOT text."""

    svg = "svg"
    png = "png"
    pdf = "pdf"
    dot = "dot"


class GroupBy(_Word):
    """How claims are grouped in a diagram: one titled box per speaker, or none."""

    speaker = "speaker"
    none = "none"


class RankDir(_Word):
    """Direction of a diagram's layout: reasons top-to-bottom (``TB``) or left-to-right
    (``LR``), or ``auto``: the one that fits a page or screen (see
    :func:`argmap.render.dot.choose_rankdir`)."""

    auto = "auto"
    TB = "TB"
    LR = "LR"


class SpeakerFrom(_Word):
    """Where an Argdown claim's speaker comes from: ``{speaker: …}`` data, tags or headings."""

    data = "data"
    tag = "tag"
    heading = "heading"
