"""Source texts and the quotes in them: the one home of the provenance rules.

Every format that holds sources (native YAML/JSON, Argdown, AIF) goes through
this module, so a map gets the same checks whatever it is written in:

* :func:`read_source` -- a source file is confined to the map's folder (no
  absolute path, no ``..``, no symbolic link leading out), read once and decoded
  as UTF-8; its SHA-256 is computed from the same bytes;
* :func:`sha_problem` -- a source whose SHA-256 differs from the pinned one;
* :func:`place` -- a quote located in its source (exactly), or why not, and
  whether it is ambiguous;
* :func:`place_quotes` -- all of that for the records of an imported map (the
  Argdown and AIF readers), stopping at the first error and collecting the
  advisories ``argmap check`` reports.

A quote matches **exactly**: same characters, same whitespace, same typographic
quotes and dashes. Offsets are derived here, never typed by hand: ``start`` and
``end`` are Python string indices (code points) into the source as decoded from
UTF-8, with a byte-order mark removed and line endings kept as they are in the file.

When a quote is not found, the hint says whether it would match with whitespace
normalised or with straight instead of curly quotes, so the fix is obvious.

Examples
--------
>>> locate("a rose is a rose", "rose")
Match(start=2, end=6, count=2)
>>> locate("a rose is a rose", "rose", occurrence=2)
Match(start=12, end=16, count=2)
>>> locate("a rose", "tulip") is None
True
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Sequence
from dataclasses import replace
from operator import add, itemgetter
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING, Any, NamedTuple

from . import _substrings
from .errors import ArgmapError, FileAccessError, MapFormatError, ProvenanceError, did_you_mean

if TYPE_CHECKING:  # pragma: no cover
    from .model import ArgumentMap, Claim, Source

__all__ = ["Match", "locate", "count_occurrences", "near_miss_hint", "QuoteLocator", "line_col", "SourceText",
           "read_source", "sha_problem", "Placement", "place", "place_quotes", "Where", "map_inputs",
           "SOURCE_FORMATS", "carry_sources", "copy_sources"]

#: ``(line, column)`` of an item in the file being read, or None.
Where = tuple[int, int] | None


class Match(NamedTuple):
    """Where a quote was found: the chosen occurrence and how many there are."""

    start: int
    end: int
    count: int  # type: ignore[assignment]  # a field, shadowing tuple.count on purpose


def count_occurrences(text: str, quote: str) -> int:
    """How many times *quote* occurs in *text*, overlapping occurrences included."""
    if not quote:
        return 0
    count, pos = 0, text.find(quote)
    while pos != -1:
        count += 1
        pos = text.find(quote, pos + 1)
    return count


def locate(text: str, quote: str, occurrence: int | None = None) -> Match | None:
    """Find *quote* in *text*.

    Parameters
    ----------
    text : str
        The source text.
    quote : str
        The exact words to find.
    occurrence : int, optional
        Which occurrence (1-based) to return; default the first.

    Returns
    -------
    Match or None
        None when the quote (or the requested occurrence) is not in the text.
    """
    if not quote:
        return None
    want = occurrence or 1
    count, pos, chosen = 0, text.find(quote), -1
    while pos != -1:
        count += 1
        if count == want:
            chosen = pos
        pos = text.find(quote, pos + 1)
    if chosen < 0:
        return None
    return Match(chosen, chosen + len(quote), count)


_FOLD = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"',
                       "″": '"', "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "\u00a0": " ",
                       "…": "..."})


def _squash(s: str) -> str:
    """Whitespace runs as one space, ends stripped (``re.sub(r"\\s+", " ", s).strip()``: same whitespace)."""
    return " ".join(s.split())


_NOT_EXACT = ("it matches if whitespace is ignored (copy the line breaks, or mark the source "
              "`whitespace: loose`)")
_NOT_CURLY = "it matches if straight and curly quotes or dashes are treated alike"
_NOT_CASE = "it matches only ignoring case, whitespace and punctuation style"
_NOT_WORDS = "copy the words exactly from the source text"


def near_miss_hint(text: str, quote: str, *, loose: bool = False) -> str:
    """Explain why *quote* is not in *text*, and name the nearest span of *text*.

    The nearest span (:class:`argmap.quoting.QuoteFinder`) is given with its
    ``line:column`` in the source and as a YAML scalar to paste; ``argmap check --fix``
    writes it into the map. For many quotes of one text, :meth:`QuoteLocator.hint`
    gives the same hints and reads the text once for all of them.

    >>> print(near_miss_hint("It is safer for\\nchildren.", "safer for children"))  # doctest: +ELLIPSIS
    it matches if whitespace is ignored (...); nearest: "safer for\\nchildren" at 1:7 of the source; ...
    """
    return QuoteLocator(text, loose=loose).hint(quote)


class QuoteLocator:
    """Where quotes occur in one source text, all of them found in one pass over it.

    :meth:`prepare` takes every quote of the source at once
    (:func:`argmap._substrings.find_all`: time linear in the text plus the
    occurrences); :meth:`locate` then answers like :func:`locate` (or, for a source
    marked ``whitespace: loose``, like :func:`argmap.quoting.locate_loose`) and
    :meth:`hint` like :func:`near_miss_hint`, with the normalised texts its checks
    need built once per source and checked for all failing quotes together.

    Examples
    --------
    >>> where = QuoteLocator("a rose is a rose")
    >>> where.prepare(["rose", "tulip"])
    >>> where.locate("rose", 2), where.locate("tulip")
    (Match(start=12, end=16, count=2), None)
    >>> QuoteLocator("children\\ncan no  longer", loose=True).locate("children can no longer")
    Match(start=0, end=23, count=1)
    """

    def __init__(self, text: str, *, loose: bool = False) -> None:
        self.text = text
        self.loose = loose
        # quote (for loose sources: its words joined by one space) -> each occurrence: its start
        # (exact sources: the end is the start plus the quote's length), or (start, end) (loose)
        self._spans: dict[str, list[Any]] = {}
        self._hints: dict[str, str] = {}
        self._asked: dict[str, str] = {}  # loose: key -> the first quote asked for under it
        self._loose_text: tuple[str, list[int]] | None = None

    def _key(self, quote: str) -> str:
        return " ".join(quote.split()) if self.loose else quote

    def prepare(self, quotes: Sequence[str] | set[str]) -> None:
        """Locate all of *quotes* (repeats and quotes already located are skipped)."""
        if not self.loose:  # a quote is its own key (and the one asked for under it: no _asked)
            keys = [k for k in dict.fromkeys(quotes) if k not in self._spans] if self._spans else quotes
            if keys:
                self._spans.update(_substrings.find_all(self.text, keys))
            return
        for q in quotes:
            self._asked.setdefault(self._key(q), q)
        keys = [k for k in dict.fromkeys(self._key(q) for q in quotes) if k not in self._spans]
        if not keys:
            return
        if len(self.text) * len(keys) < _substrings.DIRECT_WORK or len(keys) < 4:
            from .quoting import loose_spans

            for key in keys:
                self._spans[key] = loose_spans(self.text, key)
            return
        squashed, origin = self._squashed()
        for key, starts in _substrings.find_all(squashed, keys).items():
            self._spans[key] = [(origin[s], origin[s + len(key) - 1] + 1) for s in starts]

    def _squashed(self) -> tuple[str, list[int]]:
        """The text with each whitespace run as one space, and each kept character's offset in the text."""
        if self._loose_text is None:
            import numpy as np

            text = self.text
            codes = _substrings._codes(text)
            space = np.isin(codes, np.array(_whitespace(), dtype=np.uint32))
            keep = ~space
            keep[1:] |= space[1:] & ~space[:-1]
            keep[:1] = True
            origin = np.flatnonzero(keep)
            kept = np.where(space[origin], np.uint32(32), codes[origin]).astype(np.uint32)
            self._loose_text = (kept.tobytes().decode("utf-32-le", "surrogatepass"), origin.tolist())
        return self._loose_text

    def locate(self, quote: str, occurrence: int | None = None) -> Match | None:
        """The *occurrence*-th (1-based, default the first) place of *quote*, or None.

        A quote not passed to :meth:`prepare` is located on its own.
        """
        if not quote or self.loose and not quote.split():
            return None
        key = self._key(quote)
        if key not in self._spans:
            self.prepare([quote])
        spans = self._spans[key]
        want = occurrence or 1
        if want > len(spans):
            return None
        if self.loose:
            start, end = spans[want - 1]
        else:
            start = spans[want - 1]
            end = start + len(key)
        return Match(start, end, len(spans))

    def locate_each(self, quotes: Sequence[str]) -> tuple[list[int], list[int]] | None:
        """The start and end of each of *quotes*, all of which must occur exactly once; else None.

        What :meth:`locate` gives each quote, for all of them at once (one
        :meth:`prepare`, then C-level lookups): None as soon as a quote is not found,
        is empty, or occurs more than once.

        >>> QuoteLocator("a rose is a tulip").locate_each(["rose", "tulip"])
        ([2, 12], [6, 17])
        >>> QuoteLocator("a rose is a rose").locate_each(["rose"]) is None
        True
        """
        if not quotes:
            return [], []
        self.prepare(quotes)
        if self.loose:
            found = list(map(self.locate, quotes))
            if None in found or {m.count for m in found if m is not None} != {1}:
                return None
            return [m.start for m in found if m is not None], [m.end for m in found if m is not None]
        spans = list(map(self._spans.__getitem__, quotes))
        if set(map(len, spans)) != {1}:
            return None
        starts = list(map(itemgetter(0), spans))
        return starts, list(map(add, starts, map(len, quotes)))

    def hint(self, quote: str) -> str:
        """Why *quote* is not in the text, and the nearest span (as :func:`near_miss_hint`)."""
        if quote not in self._hints:
            failing = [k if not self.loose else self._asked[k] for k, spans in self._spans.items()
                       if not spans and (not self.loose or k in self._asked)]
            self._near_misses(list(dict.fromkeys([quote] + failing)))
        return self._hints[quote]

    def _near_misses(self, quotes: list[str]) -> None:
        """Fill :attr:`_hints` for *quotes*, checking each kind of near match for all of them at once."""
        text = self.text
        quotes = [q for q in quotes if q not in self._hints]
        why: dict[str, str] = {}
        if not self.loose:
            wanted = {q: _squash(q) for q in quotes}
            found = _substrings.find_all(_squash(text), [w for w in wanted.values() if w])
            why.update((q, _NOT_EXACT) for q, w in wanted.items() if w and found[w])
        rest = [q for q in quotes if q not in why]
        if rest:
            folded = {q: q.translate(_FOLD) for q in rest}
            found = _substrings.find_all(text.translate(_FOLD), list(folded.values()))
            why.update((q, _NOT_CURLY) for q, w in folded.items() if not w or found[w])
        rest = [q for q in quotes if q not in why]
        if rest:
            lowered = {q: _squash(q.translate(_FOLD)).lower() for q in rest}
            found = _substrings.find_all(_squash(text.translate(_FOLD)).lower(), list(lowered.values()))
            why.update((q, _NOT_CASE) for q, w in lowered.items() if not w or found[w])
        from .quoting import MIN_SIMILARITY, finder_for, yaml_scalar

        finder = finder_for(text)
        for q in quotes:
            reason = why.get(q, _NOT_WORDS)
            # not found exactly (a loose match would be exact too, unless all whitespace)
            span = finder.nearest(q, MIN_SIMILARITY, absent=not self.loose or bool(q.split()))
            if span is None:
                self._hints[q] = reason
                continue
            start, end, _ = span
            shown = text[start:end] if end - start <= 80 else text[start:start + 79] + "…"
            line, column = finder.line_col(start)
            self._hints[q] = (f"{reason}; nearest: {yaml_scalar(shown)} at {line}:{column} of the source; "
                              "`argmap check --fix` writes it")


_WHITESPACE: list[int] = []


def _whitespace() -> list[int]:
    """Every code point Python counts as whitespace (``str.split``, ``str.isspace``, ``re``'s ``\\s``)."""
    if not _WHITESPACE:
        _WHITESPACE.extend(cp for cp in range(0x3001) if chr(cp).isspace())
    return _WHITESPACE


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based ``(line, column)`` of character *offset* in *text*.

    >>> line_col("ab\\ncd", 4)
    (2, 2)
    """
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def map_inputs(amap: ArgumentMap) -> list[Path]:
    """The files a map was read from: its own file and its source texts.

    For :func:`~argmap._files.atomic_write`'s *keep* (an output must not be an input).

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Source
    >>> [str(p) for p in map_inputs(ArgumentMap(path=Path("m/debate.yaml"),
    ...                                          sources=[Source("t", "texts/talk.txt")]))]
    ['m/debate.yaml', 'm/texts/talk.txt']
    """
    if amap.path is None:
        return []
    base = Path(amap.path).parent
    return [Path(amap.path)] + [base / s.file for s in amap.sources]


#: Formats whose files refer to source texts by relative path (and so need them alongside).
SOURCE_FORMATS = ("yaml", "json", "argdown", "aif")


def carry_sources(amap: ArgumentMap, output: str | Path) -> list[tuple[Path, Path]]:
    """Plan the copies that let a map written to *output* find its source texts there.

    A map refers to each source text by a path relative to its own folder, and a
    path may not leave that folder. A map written into another folder therefore
    takes its texts along: each ``base/file`` goes to ``output's folder/file``, so
    the written file loads where it is written, and still after its folder is
    moved (quotes and SHA-256 still verified against the same bytes).

    Returns
    -------
    list of (Path, Path)
        ``(source, destination)`` pairs still to copy; a destination that already
        holds the same bytes (or is the source itself) is left out.

    Raises
    ------
    FileAccessError
        If a destination exists with other bytes (nothing is copied or written),
        or a source text cannot be read.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Source
    >>> carry_sources(ArgumentMap(sources=[Source("t", "talk.txt")]), "out/m.yaml")  # no map file
    []
    """
    from ._files import read_bytes

    if amap.path is None or not amap.sources:
        return []
    base = Path(amap.path).parent
    folder = Path(output).parent
    plan = []
    for s in amap.sources:
        source, destination = base / s.file, folder / s.file
        try:
            if destination.exists() and os.path.samefile(source, destination):
                continue
        except OSError:
            pass
        data = read_bytes(source, what="source text")
        if destination.exists():
            if destination.is_file() and read_bytes(destination) == data:
                continue
            raise FileAccessError(
                f"the map's source text {s.file!r} would be copied here, but a different file is "
                "already there", path=destination,
                hint="write the export into another folder, or next to the map")
        plan.append((source, destination))
    return plan


def copy_sources(plan: list[tuple[Path, Path]]) -> None:
    """Copy the ``(source, destination)`` pairs of :func:`carry_sources` (folders created, atomically)."""
    from ._files import atomic_write, read_bytes

    for source, destination in plan:
        try:
            destination.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise FileAccessError(f"cannot create the folder: {exc.strerror}", path=destination.parent) from None
        atomic_write(destination, read_bytes(source, what="source text"))


class SourceText(NamedTuple):
    """A source file as read: its text (UTF-8, byte-order mark removed) and the SHA-256 of its bytes."""

    text: str
    sha256: str


def read_source(file: str, base: Path) -> SourceText:
    """Read the source text *file* relative to the folder *base*, confined to it.

    Parameters
    ----------
    file : str
        The source path as written in the map (relative, no ``..``).
    base : Path
        The folder of the map file.

    Returns
    -------
    SourceText

    Raises
    ------
    MapFormatError
        Without a location (the caller knows where the source is declared and adds
        it with :meth:`~argmap.errors.ArgmapError.at`): the path is absolute,
        leaves the folder, holds a control character (NUL, a line break), is
        missing, a symbolic link loop, not a regular file (a FIFO would block the
        read forever), unreadable, or not UTF-8.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "talk.txt").write_bytes(b"a rose")
    >>> read_source("talk.txt", folder).text
    'a rose'
    >>> read_source("../talk.txt", folder)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.MapFormatError: source file '../talk.txt' leaves the map's folder (keep source texts ...)
    """
    posix, windows = PurePosixPath(file), PureWindowsPath(file)
    if posix.is_absolute() or windows.is_absolute() or windows.drive:
        raise MapFormatError(f"source file {file!r} is an absolute path",
                             hint="give a path relative to the map's folder")
    if ".." in posix.parts or ".." in windows.parts:
        raise MapFormatError(f"source file {file!r} leaves the map's folder",
                             hint="keep source texts in the map's folder or below it")
    if any(ch < " " or ch == "\x7f" for ch in file):
        raise MapFormatError(f"source file {file!r} has a control character in its name",
                             hint="rename the file; paths may not hold NUL, tabs or line breaks")
    target = base / file
    try:
        real_base, real = base.resolve(), target.resolve(strict=True)
        if real != real_base and real_base not in real.parents:
            raise MapFormatError(f"source file {file!r} leads outside the map's folder (symbolic link)",
                                 hint="copy the text into the map's folder")
        if not real.is_dir() and not stat.S_ISREG(real.stat().st_mode):
            raise MapFormatError(f"source file {file!r} is not a regular file (a FIFO, socket or device)",
                                 hint="a source is a text file; reading a pipe could block forever")
        data = real.read_bytes()
    except RuntimeError:  # Python < 3.13 reports a symbolic link loop so
        raise MapFormatError(f"source file {file!r} is a symbolic link loop",
                             hint="fix or remove the link") from None
    except FileNotFoundError:
        raise MapFormatError(f"source file {file!r} not found (looked for {target})",
                             hint="paths are relative to the map file's folder") from None
    except IsADirectoryError:
        raise MapFormatError(f"source file {file!r} is a folder") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise MapFormatError(f"source file {file!r} is a symbolic link loop",
                                 hint="fix or remove the link") from None
        raise MapFormatError(f"cannot read source file {file!r}: {exc.strerror}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MapFormatError(f"source file {file!r} is not valid UTF-8 (byte {exc.start})",
                             hint="save the text as UTF-8") from None
    return SourceText(text, hashlib.sha256(data).hexdigest())


def sha_problem(source_id: str, actual: str, expected: str | None) -> ProvenanceError | None:
    """The advisory for a source whose SHA-256 *actual* differs from the pinned *expected*, or None.

    Examples
    --------
    >>> sha_problem("talk", "ab" * 32, "AB" * 32) is None
    True
    >>> sha_problem("talk", "ab" * 32, "cd" * 32).message.startswith("source 'talk' changed")
    True
    """
    if expected is None or actual.lower() == expected.lower():
        return None
    return ProvenanceError(f"source {source_id!r} changed: its SHA-256 is {actual}, the map expects {expected}",
                           hint="the quotes may now span different text; re-check them, then update sha256")


class Placement(NamedTuple):
    """Where a quote lies in its source, or why it cannot be placed.

    Attributes
    ----------
    match : Match or None
        The chosen occurrence; None when the quote cannot be placed.
    error : ProvenanceError or None
        Why it cannot be placed (unlocated).
    error_field : str
        ``"quote"`` or ``"occurrence"``: the field the error is about.
    advisory : ProvenanceError or None
        Set when the quote occurs more than once and no occurrence is given: the
        first is used, which ``argmap check`` reports.
    """

    match: Match | None
    error: ProvenanceError | None = None
    error_field: str = "quote"
    advisory: ProvenanceError | None = None


def place(text: str, quote: str, occurrence: int | None, *, claim: str | None, source: str,
          loose: bool = False, locator: QuoteLocator | None = None) -> Placement:
    """Locate the quote of *claim* in the text of *source*.

    With *loose* (a source marked ``whitespace: loose``) any run of whitespace in the
    quote matches any run in the text; the offsets are those of the text's own
    characters. A *locator* of the text (with the same *loose*), prepared with all
    the quotes of the source, answers for all of them in one pass over the text.

    Examples
    --------
    >>> p = place("a rose is a rose", "rose", None, claim="C1", source="s")
    >>> p.match, p.advisory.message
    (Match(start=2, end=6, count=2), "the quote of claim 'C1' occurs 2 times in source 's'; the first is used")
    >>> place("a rose", "rose", 2, claim="C1", source="s").error_field
    'occurrence'
    """
    if locator is None:
        locator = QuoteLocator(text, loose=loose)
    match = locator.locate(quote, occurrence)
    if match is None:
        first = locator.locate(quote) if occurrence is not None else None
        if first is not None:
            return Placement(None, ProvenanceError(
                f"claim {claim!r} asks for occurrence {occurrence} of its quote, but it occurs "
                f"{'once' if first.count == 1 else f'{first.count} times'} in source {source!r}",
                hint=f"use an occurrence from 1 to {first.count}"), "occurrence")
        return Placement(None, ProvenanceError(
            f"the quote of claim {claim!r} does not occur in source {source!r}",
            hint=locator.hint(quote)))
    advisory = None
    if match.count > 1 and occurrence is None:
        advisory = ProvenanceError(f"the quote of claim {claim!r} occurs {match.count} times in source "
                                   f"{source!r}; the first is used",
                                   hint="lengthen the quote or add `occurrence: N`")
    return Placement(match, advisory=advisory)


def place_quotes(
    claims: list[Claim],
    sources: list[Source],
    *,
    path: str | Path | None,
    claim_where: dict[str, Where],
    source_where: dict[str, Where],
    advisories: list[ArgmapError] | None = None,
) -> tuple[list[Claim], list[Source]]:
    """Read the sources, then locate every claim's quote and set ``start``/``end``.

    A claim with a quote and no source takes the map's only source; with several
    sources that is an error. Each quote must occur in its source (exactly; the
    first occurrence unless the claim gives ``occurrence``).

    Parameters
    ----------
    claims, sources : list
        The records as read, without offsets or texts.
    path : str or Path, optional
        The map file: sources are relative to its folder, errors name it.
    claim_where, source_where : dict
        ``(line, column)`` of each claim and source in the map file.
    advisories : list, optional
        Where to append, located, what loading tolerates but ``check`` reports: an
        ambiguous quote, a source whose SHA-256 changed.

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
    where_path = str(path) if path is not None else "<string>"

    def located(exc: ArgmapError, where: Where) -> ArgmapError:
        line, col = where if where else (None, None)
        return exc.at(where_path, line, col)

    texts: dict[str, str] = {}
    loose = {s.id: s.whitespace == "loose" for s in sources}
    out_sources = []
    for s in sources:
        try:
            read = read_source(s.file, base)
        except MapFormatError as exc:
            raise located(exc, source_where.get(s.id)) from None
        changed = sha_problem(s.id, read.sha256, s.sha256)
        if changed is not None and advisories is not None:
            advisories.append(located(changed, source_where.get(s.id)))
        texts[s.id] = read.text
        out_sources.append(replace(s, text=read.text))
    known = {s.id for s in sources}
    by_source: dict[str, list[str]] = {}
    for c in claims:
        sid = c.source if c.source is not None else sources[0].id if len(sources) == 1 else None
        if c.quote is not None and sid in texts:
            by_source.setdefault(sid, []).append(c.quote)
    locators = {sid: QuoteLocator(texts[sid], loose=loose[sid]) for sid in by_source}
    for sid, quotes in by_source.items():
        locators[sid].prepare(quotes)
    out = []
    for c in claims:
        where = claim_where.get(c.id)
        source = c.source
        if source is not None and source not in known:
            raise located(MapFormatError(f"claim {c.id!r} names unknown source {source!r}",
                                         hint=did_you_mean(source, known) or "declare it under `sources:`"),
                          where)
        if c.quote is None:
            if c.occurrence is not None:
                raise located(MapFormatError(f"claim {c.id!r} has an occurrence but no quote"), where)
            out.append(c)
            continue
        if source is None:
            if len(sources) != 1:
                raise located(MapFormatError(
                    f"claim {c.id!r} has a quote but no source",
                    hint="add `source: ID`" if sources else "declare the source text under `sources:`"), where)
            source = sources[0].id
        placed = place(texts[source], c.quote, c.occurrence, claim=c.id, source=source,
                       loose=loose[source], locator=locators.get(source))
        if placed.match is None:
            assert placed.error is not None
            raise located(placed.error, where)
        if placed.advisory is not None and advisories is not None:
            advisories.append(located(placed.advisory, where))
        out.append(replace(c, source=source, start=placed.match.start, end=placed.match.end))
    return out, out_sources
