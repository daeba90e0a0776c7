"""Locate and verify claims' quotes in their source texts.

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

import hashlib
import re
from pathlib import Path
from typing import NamedTuple

__all__ = ["Match", "locate", "count_occurrences", "near_miss_hint", "sha256_file", "line_col"]


class Match(NamedTuple):
    """Where a quote was found: the chosen occurrence and how many there are."""

    start: int
    end: int
    count: int


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
    return re.sub(r"\s+", " ", s).strip()


def near_miss_hint(text: str, quote: str) -> str:
    """Explain why *quote* is not in *text* when a looser comparison would find it."""
    if _squash(quote) and _squash(quote) in _squash(text):
        return ("it matches if whitespace is ignored; quotes must match exactly, "
                "so copy the line breaks and spaces of the source")
    if quote.translate(_FOLD) in text.translate(_FOLD):
        return ("it matches if straight and curly quotes or dashes are treated alike; "
                "copy the exact characters of the source")
    if _squash(quote.translate(_FOLD)).lower() in _squash(text.translate(_FOLD)).lower():
        return "it matches only ignoring case, whitespace and punctuation style; copy it exactly"
    return "copy the words exactly from the source text"


def sha256_file(path: str | Path) -> str:
    """The SHA-256 hex digest of the file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based ``(line, column)`` of character *offset* in *text*.

    >>> line_col("ab\\ncd", 4)
    (2, 2)
    """
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
