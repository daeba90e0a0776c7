"""The one exception tree of argmap.

Every error a user can cause by what they feed argmap derives from
:class:`ArgmapError`. The command-line interface catches that root once, prints
``file:line:col: message`` (plus a hint) on stderr and exits with status 1.
Anything else escaping the library is a bug.

::

    ArgmapError                    root; carries path, line, column, hint
    ├── MapFormatError             a map file breaks the schema or a DESIGN rule
    │   └── ProvenanceError        a quote is missing, ambiguous or its source changed
    ├── FrameworkFormatError       an abstract-framework file (ICCMA, APX, TGF) is malformed
    ├── ConversionError            a format cannot hold what the map has (``--strict``)
    ├── QueryError                 a query names an unknown claim or speaker, etc.
    └── RenderError                Graphviz failed or no layout engine was found
        └── EngineNotFoundError
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

__all__ = [
    "ArgmapError",
    "MapFormatError",
    "ProvenanceError",
    "FrameworkFormatError",
    "ConversionError",
    "QueryError",
    "RenderError",
    "EngineNotFoundError",
    "did_you_mean",
]


class ArgmapError(Exception):
    """Root of every error a user can cause.

    Parameters
    ----------
    message : str
        What is wrong, in one sentence.
    path : str or Path, optional
        The file the error is about.
    line, column : int, optional
        1-based position in that file.
    hint : str, optional
        How to fix it.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column
        self.hint = hint

    @property
    def location(self) -> str:
        """``file:line:col`` (as much of it as is known), or ``""``."""
        if self.path is None:
            return ""
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}" if self.location else self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class MapFormatError(ArgmapError):
    """A map file breaks the native schema or one of the rules of DESIGN.md."""


class ProvenanceError(MapFormatError):
    """A claim's quote cannot be located unambiguously in an unchanged source."""


class FrameworkFormatError(ArgmapError):
    """An abstract-argumentation file (ICCMA ``.af``/``.i23``, ``.apx``, ``.tgf``) is malformed."""


class ConversionError(ArgmapError):
    """A conversion would lose information and the caller asked for strictness."""


class QueryError(ArgmapError):
    """A query refers to something the map does not have (an unknown claim or speaker)."""


class RenderError(ArgmapError):
    """Graphviz could not lay out or render a diagram."""


class EngineNotFoundError(RenderError):
    """No Graphviz layout engine (pygraphviz, ``dot`` on PATH, ``ARGMAP_DOT``) is available."""


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """Return ``"did you mean 'x'?"`` for the closest of *choices*, or None.

    Examples
    --------
    >>> did_you_mean("E4O", ["E1", "E40", "C2"])
    "did you mean 'E40'?"
    >>> did_you_mean("zzz", ["support", "attack"]) is None
    True
    """
    import difflib

    options = [str(c) for c in choices]
    lowered = {c.lower(): c for c in options}
    if str(word).lower() in lowered:
        return f"did you mean {lowered[str(word).lower()]!r}?"
    cutoff = 0.5 if len(str(word)) <= 4 else 0.6
    close = difflib.get_close_matches(str(word), options, n=1, cutoff=cutoff)
    return f"did you mean {close[0]!r}?" if close else None
