"""Diagrams of argument maps: build with :func:`to_dot`, draw with Graphviz.

:func:`to_dot` (in :mod:`argmap.render.dot`) is pure; :func:`render` turns a map
into file contents in any of :data:`DIAGRAM_FORMATS` (``dot`` needs no Graphviz,
the others go through :mod:`argmap.render.engine`); :func:`write` adds the file,
written atomically. :mod:`argmap.render.html` writes the interactive page.

Examples
--------
>>> import argmap
>>> from argmap.render import render
>>> m = argmap.load(argmap.shipped_map_path())
>>> render(m, "dot", focus="E1", depth=1).startswith(b"digraph argmap {")
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .._files import atomic_write
from ..errors import UsageError
from ..vocabulary import DiagramFormat, parse_choice
from .dot import Selection, choose_rankdir, select, to_dot

if TYPE_CHECKING:  # pragma: no cover
    from ..model import ArgumentMap

__all__ = ["DIAGRAM_FORMATS", "Drawn", "to_dot", "diagram_format", "render", "write"]

#: Output formats by file suffix (the formats are :class:`~argmap.vocabulary.DiagramFormat`).
DIAGRAM_FORMATS: dict[str, str] = {**{f".{f.value}": f.value for f in DiagramFormat}, ".gv": "dot"}


def diagram_format(path: str | Path, fmt: str | None = None) -> str:
    """The diagram format for *path*: *fmt* when given, else chosen by the suffix.

    Raises
    ------
    UsageError
        If the suffix is unknown and no *fmt* is given, or *fmt* is unknown.

    Examples
    --------
    >>> diagram_format("map.SVG"), diagram_format("map.out", "png")
    ('svg', 'png')
    """
    if fmt is not None:
        return parse_choice(fmt, DiagramFormat, "diagram format", case="lower").value
    found = DIAGRAM_FORMATS.get(Path(path).suffix.lower())
    if found is None:
        raise UsageError(f"cannot tell the diagram format of {str(path)!r} from its suffix",
                         path=path, hint="name the file .svg, .png, .pdf or .dot, or name the format")
    return found


@dataclass(frozen=True)
class Drawn:
    """What :func:`write` drew: the format, the direction and the part of the map.

    Attributes
    ----------
    fmt : str
    rankdir : str
        ``TB`` or ``LR`` (``auto`` resolved).
    selection : Selection
        The claims, relations and arguments drawn (see :func:`~argmap.render.dot.select`).
    """

    fmt: str
    rankdir: str
    selection: Selection

    def summary(self) -> str:
        """``svg; 7 of 87 claims, 9 of 115 relations; a part: …`` for the CLI's report."""
        text = f"{self.fmt}; {self.selection.summary()}"
        if self.selection.part:
            text += f"; a part of the map: {self.selection.part}"
        return text


def _dot_text(amap: ArgumentMap, sel: Selection, rankdir: str, *, statuses: Mapping[str, object] | None,
              semantics: str | None, derived: Iterable[tuple[str, str, str]], hidden_derived: int,
              derived_limit: int | None, status: Literal["unattacked"] | None, group_by: str,
              focus: str | None, legend: bool) -> str:
    """The DOT text of the drawing, the selection and direction resolved."""
    return str(to_dot(amap, statuses=statuses, semantics=semantics, derived=derived,
                      hidden_derived=hidden_derived, derived_limit=derived_limit, status=status,
                      group_by=group_by, focus=focus, rankdir=rankdir,  # type: ignore[arg-type]
                      legend=legend, selection=sel).to_string())


def _resolve(amap: ArgumentMap, selection: Selection | None, speaker: str | None, focus: str | None,
             depth: int, rankdir: str) -> tuple[Selection, str]:
    sel = selection or select(amap, speaker=speaker, focus=focus, depth=depth)
    return sel, choose_rankdir(amap, sel) if rankdir == "auto" else rankdir


def render(amap: ArgumentMap, fmt: str = "svg", *, statuses: Mapping[str, object] | None = None,
           semantics: str | None = None, derived: Iterable[tuple[str, str, str]] = (),
           hidden_derived: int = 0, derived_limit: int | None = None,
           status: Literal["unattacked"] | None = None, group_by: str = "none",
           speaker: str | None = None, focus: str | None = None, depth: int = 2,
           rankdir: str = "auto", legend: bool = True, selection: Selection | None = None) -> bytes:
    """The diagram of *amap* as the bytes of a *fmt* file.

    Parameters
    ----------
    amap : ArgumentMap
    fmt : {"svg", "png", "pdf", "dot"}
        ``dot`` is the DOT text itself (UTF-8) and needs no Graphviz.
    statuses, semantics, derived, hidden_derived, derived_limit, status, group_by, legend
        What to draw, as in :func:`~argmap.render.dot.to_dot`. Statuses and derived
        attacks are data the caller computed (for example with
        :func:`argmap.drawing.diagram_options`): rendering never evaluates.
    speaker, focus, depth, selection
        Which part of the map to draw (see :func:`~argmap.render.dot.select`); a
        ready *selection* wins over the other three.
    rankdir : {"auto", "TB", "LR"}
        Direction; ``auto`` chooses by the shape of the part drawn.

    Returns
    -------
    bytes

    Raises
    ------
    UsageError
        For an unknown format or option value.
    EngineNotFoundError
        If *fmt* needs Graphviz and no engine is available.
    RenderError
        If Graphviz fails (the message carries Graphviz's own).

    See Also
    --------
    write : the same, into a file, atomically.
    argmap.render.dot.to_dot : the diagram as a pydot graph.
    argmap.render.html.to_html : the interactive page.
    """
    sel, direction = _resolve(amap, selection, speaker, focus, depth, rankdir)
    text = _dot_text(amap, sel, direction, statuses=statuses, semantics=semantics, derived=derived,
                     hidden_derived=hidden_derived, derived_limit=derived_limit, status=status,
                     group_by=group_by, focus=focus, legend=legend)
    if fmt == "dot":
        return text.encode("utf-8")
    from .engine import render_bytes

    return render_bytes(text, fmt)


def write(amap: ArgumentMap, path: str | Path, fmt: str | None = None, *,
          statuses: Mapping[str, object] | None = None, semantics: str | None = None,
          derived: Iterable[tuple[str, str, str]] = (), hidden_derived: int = 0,
          derived_limit: int | None = None, status: Literal["unattacked"] | None = None,
          group_by: str = "none", speaker: str | None = None, focus: str | None = None,
          depth: int = 2, rankdir: str = "auto", legend: bool = True,
          selection: Selection | None = None) -> Drawn:
    """Render *amap* and write it to *path* atomically; say what was drawn.

    The file is written only once rendering has succeeded, through a temporary file
    and a rename: a failure leaves an existing file untouched.

    Parameters
    ----------
    amap : ArgumentMap
    path : str or Path
    fmt : str, optional
        Default: from the suffix of *path* (see :func:`diagram_format`).
    statuses, semantics, derived, hidden_derived, derived_limit, status, group_by, speaker, focus, depth, \
rankdir, legend, selection
        As in :func:`render`.

    Returns
    -------
    Drawn
        The format, the direction and the :class:`~argmap.render.dot.Selection` drawn.

    See Also
    --------
    render : the bytes without the file.
    argmap.render.html.write_html : the interactive page, into a file.
    """
    fmt = diagram_format(path, fmt)
    sel, direction = _resolve(amap, selection, speaker, focus, depth, rankdir)
    from ..provenance import map_inputs

    data = render(amap, fmt, statuses=statuses, semantics=semantics, derived=derived,
                  hidden_derived=hidden_derived, derived_limit=derived_limit, status=status,
                  group_by=group_by, focus=focus, rankdir=direction, legend=legend, selection=sel)
    atomic_write(path, data, keep=map_inputs(amap))
    return Drawn(fmt, direction, sel)
