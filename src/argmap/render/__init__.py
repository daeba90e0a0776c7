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

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

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


def _prepare(amap: ArgumentMap, options: dict[str, Any]) -> tuple[Selection, str, dict[str, Any]]:
    """Resolve the selection and the direction once; return them and the other options."""
    rest = dict(options)
    where = {k: rest.pop(k) for k in ("speaker", "focus", "depth") if k in rest}
    sel = rest.pop("selection", None) or select(amap, **where)
    rankdir = rest.pop("rankdir", "auto")
    if rankdir == "auto":
        rankdir = choose_rankdir(amap, sel)
    return sel, rankdir, rest


def render(amap: ArgumentMap, fmt: str = "svg", **options: Any) -> bytes:
    """The diagram of *amap* as the bytes of a *fmt* file.

    Parameters
    ----------
    amap : ArgumentMap
    fmt : {"svg", "png", "pdf", "dot"}
        ``dot`` is the DOT text itself (UTF-8) and needs no Graphviz.
    **options
        Passed to :func:`~argmap.render.dot.to_dot` (``statuses``, ``semantics``,
        ``derived``, ``group_by``, ``speaker``, ``focus``, ``depth``, ``rankdir`` …).
        Statuses and derived attacks are data the caller computed (for example with
        :func:`argmap.evaluation.statuses`): rendering never evaluates.

    Returns
    -------
    bytes

    Raises
    ------
    EngineNotFoundError
        If *fmt* needs Graphviz and no engine is available.
    RenderError
        If Graphviz fails (the message carries Graphviz's own).
    """
    sel, rankdir, rest = _prepare(amap, options)
    text = to_dot(amap, selection=sel, rankdir=rankdir, focus=options.get("focus"),  # type: ignore[arg-type]
                  **rest).to_string()
    if fmt == "dot":
        return text.encode("utf-8")
    from .engine import render_bytes

    return render_bytes(text, fmt)


def write(amap: ArgumentMap, path: str | Path, fmt: str | None = None, **options: Any) -> Drawn:
    """Render *amap* and write it to *path* atomically; say what was drawn.

    The file is written only once rendering has succeeded, through a temporary file
    and a rename: a failure leaves an existing file untouched.

    Parameters
    ----------
    amap : ArgumentMap
    path : str or Path
    fmt : str, optional
        Default: from the suffix of *path* (see :func:`diagram_format`).
    **options
        Passed to :func:`~argmap.render.dot.to_dot` (see :func:`render`).

    Returns
    -------
    Drawn
        The format, the direction and the :class:`~argmap.render.dot.Selection` drawn.
    """
    fmt = diagram_format(path, fmt)
    sel, rankdir, rest = _prepare(amap, options)
    from ..provenance import map_inputs

    atomic_write(path, render(amap, fmt, selection=sel, rankdir=rankdir,
                              focus=options.get("focus"), **rest), keep=map_inputs(amap))
    return Drawn(fmt, rankdir, sel)
