"""Loading, saving and checking maps: the entry points of the public API.

These are re-exported by :mod:`argmap` (``argmap.load``, ``argmap.check``, …) and
delegate to the format registry (:mod:`argmap.formats`), which picks the format by
name or by the file's suffix.

Examples
--------
>>> m = load(shipped_map_path())
>>> check(shipped_map_path())
[]
>>> loads("<graph/>", "graphml")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
argmap.errors.UsageError: argmap can write graphml but not read it (readable formats: yaml, json, ...)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import ArgmapError
from .model import ArgumentMap

__all__ = ["load", "loads", "save", "check", "shipped_map_path"]


def load(path: str | Path, format: str | None = None, **options: Any) -> ArgumentMap:  # noqa: A002
    """Read the map at *path*.

    Parameters
    ----------
    path : str or Path
    format : str, optional
        A registered format name (``yaml``, ``json``, …); default from the suffix.
    **options
        Passed to the format's reader (for instance ``speaker_from`` for Argdown).

    Raises
    ------
    ArgmapError
        With ``file:line:col`` for any problem of the file (a
        :class:`~argmap.errors.MapFormatError` lists all of them in ``errors``).

    See Also
    --------
    loads : read a map held in a string.
    check : every problem of a map file, not only the first.
    save : write a map.
    argmap.formats.FORMATS : the formats, their suffixes and verbs.

    Examples
    --------
    >>> m = load(shipped_map_path())
    >>> {s.id for s in m.speakers} == {"essay", "commenter", "us-gov"}
    True
    """
    from . import formats

    return formats.read(path, format, **options)


def loads(text: str, format: str = "yaml", *, path: str | Path | None = None,  # noqa: A002
          **options: Any) -> ArgumentMap:
    """Read a map from *text* in the format called *format* (default native YAML).

    Source files are resolved relative to *path*'s folder (the current folder when
    no path is given). A format argmap cannot read raises
    :class:`~argmap.errors.UsageError`.

    See Also
    --------
    load : read a map file.
    argmap.formats.loads : the registry's verb, which this calls.
    """
    from . import formats

    return formats.loads(text, format, path=path, **options)


def save(amap: ArgumentMap, path: str | Path, format: str | None = None, **options: Any) -> None:  # noqa: A002
    """Write *amap* to *path* atomically (format from the suffix unless given).

    See Also
    --------
    load : read a map file.
    argmap.formats.convert : write another format, with the losses reported.
    """
    from . import formats

    formats.write(amap, path, format, **options)


def check(path: str | Path, format: str | None = None, **options: Any) -> list[ArgmapError]:  # noqa: A002
    """Every problem of the map at *path*, located; an empty list when it is sound.

    This goes beyond :func:`load` for every format that holds sources (native
    YAML/JSON, Argdown, AIF): it also reports a quote that occurs more than once
    without ``occurrence`` and a source whose SHA-256 differs from the one the map
    pins. The file is read once (:func:`argmap.formats.check`).

    See Also
    --------
    load : read a map, stopping at the first problem.
    argmap.formats.check : the same, with the map when it loads.
    argmap.lint.lint : the reviewer's checks of a sound map.
    """
    from . import formats

    return formats.check(path, format, **options).problems


def shipped_map_path() -> Path:
    """Where the shipped enhanced-cooperation map lives (installed or in the source tree).

    See Also
    --------
    load : read it.
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "maps", here.parent.parent / "maps"):
        target = candidate / "enhanced-cooperation.yaml"
        if target.is_file():
            return target
    raise ArgmapError("the shipped map is missing from this installation",
                      hint="reinstall argmap, or give a map file")
