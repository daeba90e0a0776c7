"""Helpers shared by the interchange formats (Argdown, AIF): sources, quotes, ids.

The interchange readers build plain claim and relation records and then hand them
here, so that every imported map obeys the same rules as a native one: source files
stay inside the map's folder, each quote is located in its source (offsets are
derived, never trusted from the file), and speaker ids are well-formed.

Examples
--------
>>> slug("Essay author")
'essay-author'
>>> slug("  ") == ""
True
>>> unique_id("ann", {"ann", "ann-2"})
'ann-3'
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from ..errors import MapFormatError, ProvenanceError
from ..model import Claim, Source
from ..provenance import locate, near_miss_hint

__all__ = ["slug", "unique_id", "read_source_text", "place_quotes", "Where"]

#: ``(line, column)`` of an item in the file being read, or None.
Where = tuple[int, int] | None


def slug(name: str) -> str:
    """A lower-case, hyphenated id made from a human *name* (may be empty).

    Examples
    --------
    >>> slug("Ben Smith (commenter)")
    'ben-smith-commenter'
    """
    return re.sub(r"[^\w]+", "-", name.strip().lower(), flags=re.UNICODE).strip("-_")


def unique_id(base: str, taken: set[str]) -> str:
    """*base*, or *base* with the smallest suffix ``-2``, ``-3``… not in *taken*."""
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def read_source_text(file: str, base: Path, *, path: str | Path | None, where: Where) -> str:
    """Read the source text *file* relative to the folder *base*, confined to it.

    Parameters
    ----------
    file : str
        The source path as written in the map (relative, no ``..``).
    base : Path
        The folder of the map file.
    path : str or Path, optional
        The map file, for error locations.
    where : (line, column) or None
        Where the source is declared in the map file.

    Raises
    ------
    MapFormatError
        If the path is absolute, leaves the folder, or cannot be read as UTF-8.
    """
    line, col = where if where else (None, None)

    def fail(message: str, hint: str | None = None) -> MapFormatError:
        return MapFormatError(message, path=path, line=line, column=col, hint=hint)

    posix, windows = PurePosixPath(file), PureWindowsPath(file)
    if posix.is_absolute() or windows.is_absolute() or windows.drive:
        raise fail(f"source file {file!r} is an absolute path", "give a path relative to the map's folder")
    if ".." in posix.parts or ".." in windows.parts:
        raise fail(f"source file {file!r} leaves the map's folder",
                   "keep source texts in the map's folder or below it")
    target = base / file
    try:
        real_base, real = base.resolve(), target.resolve()
        if real != real_base and real_base not in real.parents:
            raise fail(f"source file {file!r} leads outside the map's folder (symbolic link)",
                       "copy the text into the map's folder")
        data = real.read_bytes()
    except FileNotFoundError:
        raise fail(f"source file {file!r} not found (looked for {target})",
                   "source paths are relative to the folder of the file being read; "
                   "keep the file next to its sources") from None
    except IsADirectoryError:
        raise fail(f"source file {file!r} is a folder") from None
    except OSError as exc:
        raise fail(f"cannot read source file {file!r}: {exc.strerror}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail(f"source file {file!r} is not valid UTF-8 (byte {exc.start})", "save the text as UTF-8") from None


def place_quotes(
    claims: list[Claim],
    sources: list[Source],
    *,
    path: str | Path | None,
    claim_where: dict[str, Where],
    source_where: dict[str, Where],
) -> tuple[list[Claim], list[Source]]:
    """Resolve sources, then locate every claim's quote and set ``start``/``end``.

    A claim with a quote and no source takes the map's only source; with several
    sources that is an error. Each quote must occur in its source (exactly; the
    first occurrence unless the claim gives ``occurrence``).

    Returns
    -------
    (claims, sources)
        The claims with offsets and the sources with their text.

    Raises
    ------
    MapFormatError, ProvenanceError
        Located at the claim (or source) that is at fault.
    """
    base = Path(path).parent if path is not None else Path.cwd()
    texts: dict[str, str] = {}
    out_sources = []
    for s in sources:
        text = read_source_text(s.file, base, path=path, where=source_where.get(s.id))
        texts[s.id] = text
        out_sources.append(replace(s, text=text))
    known = {s.id for s in sources}
    out = []
    for c in claims:
        line, col = claim_where.get(c.id) or (None, None)

        def fail(message: str, hint: str | None = None, cls: type[MapFormatError] = MapFormatError,
                 _line: Any = line, _col: Any = col) -> MapFormatError:
            return cls(message, path=path, line=_line, column=_col, hint=hint)

        source = c.source
        if source is not None and source not in known:
            from ..errors import did_you_mean

            raise fail(f"claim {c.id!r} names unknown source {source!r}",
                       did_you_mean(source, known) or "declare it under `sources:`")
        if c.quote is None:
            if c.occurrence is not None:
                raise fail(f"claim {c.id!r} has an occurrence but no quote")
            out.append(c)
            continue
        if source is None:
            if len(sources) != 1:
                raise fail(f"claim {c.id!r} has a quote but no source",
                           "add `source: ID`" if sources else "declare the source text under `sources:`")
            source = sources[0].id
        match = locate(texts[source], c.quote, c.occurrence)
        if match is None:
            raise fail(f"the quote of claim {c.id!r} does not occur in source {source!r}"
                       + (f" {c.occurrence} time(s)" if c.occurrence else ""),
                       near_miss_hint(texts[source], c.quote), ProvenanceError)
        out.append(replace(c, source=source, start=match.start, end=match.end))
    return out, out_sources
