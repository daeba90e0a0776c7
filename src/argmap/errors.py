"""The one exception tree of argmap.

Every error a user can cause by what they feed argmap derives from
:class:`ArgmapError`. The command-line interface catches that root once, prints
``file:line:col: message`` (plus a hint) on stderr and exits with status 1.
Anything else escaping the library is a bug.

A loader that collects problems raises the first one and lists all of them in
its :attr:`ArgmapError.errors` (a single error lists itself).

::

    ArgmapError                    root; carries path, line, column, hint and ``errors``
    ├── UsageError                 a bad name or choice: unknown format, semantics, option value
    │                              (also a ValueError)
    ├── FileAccessError            a file cannot be read or written (missing, a folder, no permission)
    ├── MapFormatError             a map file breaks the schema or a DESIGN rule
    │   └── ProvenanceError        a quote is missing, ambiguous or its source changed
    ├── FrameworkFormatError       an abstract-framework file (ICCMA, APX, TGF) is malformed
    ├── ConversionError            a format cannot hold what the map has (``strict``)
    ├── QueryError                 a query names an unknown claim or speaker, etc.
    └── RenderError                Graphviz failed or no layout engine was found
        └── EngineNotFoundError
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

__all__ = [
    "ArgmapError",
    "UsageError",
    "FileAccessError",
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
    errors : list of ArgmapError, optional
        Every problem found, when a loader collected several (this error is the
        first). Default: just this error.

    Attributes
    ----------
    errors : list of ArgmapError
        All problems this error stands for, at least itself.

    Examples
    --------
    >>> exc = ArgmapError("bad", path="m.yaml", line=3, column=1, hint="fix it")
    >>> str(exc), exc.errors == [exc]
    ('m.yaml:3:1: bad (fix it)', True)
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
        errors: list[ArgmapError] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column
        self.hint = hint
        self.errors: list[ArgmapError] = list(errors) if errors else [self]

    def at(self, path: str | Path | None, line: int | None = None,
           column: int | None = None) -> ArgmapError:
        """Set the location (file, line, column) if it is not known yet; return self.

        Used when a helper that does not know where it is called from (say
        :func:`argmap.provenance.read_source`) raises, and its caller knows the place.

        Examples
        --------
        >>> str(MapFormatError("source file 'x' not found").at("m.yaml", 4, 5))
        "m.yaml:4:5: source file 'x' not found"
        """
        if self.path is None and path is not None:
            self.path = str(path)
            self.line, self.column = line, column
        return self

    def to_dict(self) -> dict[str, object]:
        """Plain data, for JSON: ``file``, ``line``, ``column``, ``message``, ``hint``.

        Examples
        --------
        >>> ArgmapError("bad", path="m.yaml", line=3).to_dict()
        {'file': 'm.yaml', 'line': 3, 'column': None, 'message': 'bad', 'hint': None}
        """
        return {"file": self.path, "line": self.line, "column": self.column,
                "message": self.message, "hint": self.hint}

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


class UsageError(ArgmapError, ValueError):
    """A bad name or choice: an unknown format, semantics, support reading or option value."""


class FileAccessError(ArgmapError):
    """A file cannot be read or written: missing, a folder, no permission, no such folder."""


class MapFormatError(ArgmapError):
    """A map file breaks the native schema or one of the rules of DESIGN.md."""


class ProvenanceError(MapFormatError):
    """A claim's quote cannot be located unambiguously in an unchanged source."""


class FrameworkFormatError(ArgmapError):
    """An abstract-argumentation file (ICCMA ``.af``/``.i23``, ``.apx``, ``.tgf``) is malformed."""


class ConversionError(ArgmapError):
    """A conversion would lose information and the caller asked for strictness.

    Attributes
    ----------
    losses : list of str
        What the target format cannot hold, one line per kind of loss (see
        :func:`argmap.formats.losses`); empty when the error is about something else.
    """

    def __init__(self, message: str, *, losses: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.losses: list[str] = list(losses or ())


class QueryError(ArgmapError):
    """A query refers to something the map does not have (an unknown claim or speaker)."""


class RenderError(ArgmapError):
    """Graphviz could not lay out or render a diagram."""


class EngineNotFoundError(RenderError):
    """No Graphviz layout engine (pygraphviz, ``dot`` on PATH, ``ARGMAP_DOT``) is available."""


#: Above this many choices, :func:`did_you_mean` looks only one edit away (an index
#: built once per set of choices) instead of comparing *word* with every choice: a map
#: with thousands of unknown references would otherwise cost choices × references.
_MANY = 200


_last_index: list[object] = [None, -1, {}]


def _index_for(choices: Collection[str]) -> dict[str, str]:
    """The one-edit index of *choices*, reused while the same collection is asked about."""
    if _last_index[0] is not choices or _last_index[1] != len(choices):
        _last_index[:] = [choices, len(choices), _one_edit_index([str(c) for c in choices])]
    return _last_index[2]  # type: ignore[return-value]


def _one_edit_index(options: list[str]) -> dict[str, str]:
    """Each option (lower case) and each of its one-character deletions -> the option."""
    index: dict[str, str] = {}
    for option in options:
        low = option.lower()
        index.setdefault(low, option)
    for option in options:
        low = option.lower()
        for i in range(len(low)):
            index.setdefault(low[:i] + low[i + 1:], option)
    return index


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

    sized = hasattr(choices, "__len__")
    if sized and len(choices) > _MANY:  # type: ignore[arg-type]
        index = _index_for(choices)  # type: ignore[arg-type]
        w = str(word).lower()
        close = index.get(w)
        i = 0
        while close is None and i < len(w):
            close = index.get(w[:i] + w[i + 1:])
            i += 1
        return f"did you mean {close!r}?" if close is not None else None
    options = [str(c) for c in choices]
    lowered = {c.lower(): c for c in options}
    if str(word).lower() in lowered:
        return f"did you mean {lowered[str(word).lower()]!r}?"
    cutoff = 0.5 if len(str(word)) <= 4 else 0.6
    matches = difflib.get_close_matches(str(word), options, n=1, cutoff=cutoff)
    return f"did you mean {matches[0]!r}?" if matches else None
