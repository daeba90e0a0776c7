"""Plain-text output for an 80-column terminal (no colour codes, so it pipes cleanly)."""

from __future__ import annotations

import json
import os
import re
import shutil
import textwrap
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["width", "table", "wrap", "single_spaced", "printable", "problem_line", "json_text", "count"]

# C0 controls except tab and line feed, DEL, and the C1 controls (CSI, OSC, ... as
# single code points): what a terminal may act on instead of showing.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# In JSON strings: DEL, C1 and the two Unicode line separators (JSON escapes C0 already).
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029]")


def _picture(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture": ESC shows as ␛
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def printable(text: str) -> str:
    """*text* with terminal control characters replaced by visible stand-ins.

    Claim texts, speaker names, notes and ids come from map files; printed raw,
    an escape sequence among them could clear the screen, retitle the window or
    write the clipboard (OSC 52). C0 controls other than tab and line feed become
    their Unicode control pictures (``ESC`` shows as ``␛``), DEL becomes ``␡`` and
    C1 controls become ``�``.

    >>> printable("ok\x1b[2J\x9b31m")
    'ok␛[2J�31m'
    """
    return _CONTROL.sub(_picture, text) if _CONTROL.search(text) else text


def problem_line(problem: Exception) -> str:
    """One problem as the CLI prints it: ``file:line:col: message (hint)``, or ``argmap: …`` when unlocated.

    >>> from argmap.errors import QueryError
    >>> problem_line(QueryError("no task given"))
    'argmap: no task given'
    """
    return str(problem) if getattr(problem, "location", None) else f"argmap: {problem}"


def json_text(data: Any, indent: int | None = None) -> str:
    """*data* as JSON (non-ASCII kept) in which no control character is written raw.

    ``json.dumps`` escapes C0 controls but writes DEL, the C1 controls and U+2028/9
    as they are; those are escaped here as ``\\uXXXX`` (the same JSON value).

    >>> json_text({"t": "a\x9bb"})
    '{"t": "a\\\\u009bb"}'
    """
    out = json.dumps(data, indent=indent, ensure_ascii=False)
    if _JSON_UNSAFE.search(out):
        out = _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", out)
    return out


def width() -> int:
    """The terminal width, at most 100 and at least 60 (80 when not a terminal)."""
    if os.environ.get("COLUMNS", "").isdigit():
        return max(60, min(100, int(os.environ["COLUMNS"])))
    return max(60, min(100, shutil.get_terminal_size((80, 24)).columns))


def wrap(text: str, indent: str = "", first: str | None = None, columns: int | None = None) -> str:
    """Wrap *text* to *columns* (default: the terminal :func:`width`) with the given indents."""
    text = " ".join(text.split())
    lead = indent if first is None else first
    columns = width() if columns is None else columns
    if text and len(lead) + len(text) <= columns:
        return lead + text  # what textwrap gives for one line, without its cost (10⁵ calls in compare)
    return _fill(text, columns, lead, indent) or textwrap.fill(
        text, width=columns, initial_indent=lead, subsequent_indent=indent) or (first or indent)


def single_spaced(texts: Iterable[str]) -> bool:
    """Whether every text is already what :func:`wrap` makes of it: ``" ".join(text.split()) == text``.

    Checked on all of them at once, with C-level string scans (``compare`` lays out
    10⁵ texts): no whitespace but the space (``isprintable`` is false for every other
    whitespace character), no two spaces in a row, none at either end. It may answer
    False for texts that are single-spaced (a ``|`` beside a space, other
    unprintable characters); the caller then normalises each, as it would anyway.

    >>> single_spaced(["a b", "c"]), single_spaced(["a  b"]), single_spaced([" a"]), single_spaced(["a\tb"])
    (True, False, False, False)
    """
    joined = "|".join(texts)
    return (joined.isprintable() and "  " not in joined and "| " not in joined and " |" not in joined
            and not joined.startswith(" ") and not joined.endswith(" "))


def _fill(text: str, columns: int, lead: str, indent: str) -> str | None:
    """``textwrap.fill`` of *text* (words separated by single spaces) when it is a plain greedy fill, else None.

    Without a hyphen (where textwrap may also break) and with every word fitting on a
    line, textwrap puts on each line the words that fit, separated by one space; done
    here in one pass (``status`` wraps the ids of 10⁵ claims).
    """
    words = text.split(" ")
    room = columns - max(len(lead), len(indent))
    if "-" in text or not text or max(map(len, words)) > room:
        return None
    lines: list[str] = []
    width = columns - len(lead)
    line: list[str] = []
    used = -1
    for word in words:
        if used + 1 + len(word) > width:
            lines.append((indent if lines else lead) + " ".join(line))
            width = columns - len(indent)
            line, used = [], -1
        line.append(word)
        used += 1 + len(word)
    lines.append((indent if lines else lead) + " ".join(line))
    return "\n".join(lines)


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A left-aligned table; the last column wraps to fit the terminal.

    >>> print(table(["id", "text"], [["E1", "short"]]))
    id  text
    --  -----
    E1  short
    """
    cols = len(headers)
    # a column at a time (``uncontested`` lists 10⁵ claims): the padded cells, then one
    # string per row, its wrapped lines joined
    columns = (list(zip(*rows)) if rows and set(map(len, rows)) == {cols}
               else [[r[i] for r in rows] for i in range(cols)])
    widths = [max(len(h), max(map(len, column), default=0)) for h, column in zip(headers, columns)]
    lead = sum(widths[:-1]) + 2 * (cols - 1)
    last = max(20, width() - lead)
    widths[-1] = min(widths[-1], last)
    out = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip(),
           "  ".join("-" * w for w in widths).rstrip()]
    lasts = [r[-1] for r in rows]
    if not single_spaced(lasts):
        lasts = [" ".join(cell.split()) for cell in lasts]
    heads = (list(map("  ".join, zip(*[[cell.ljust(w) for cell in column]
                                       for column, w in zip(columns, widths[:-1])])))
             if cols > 1 else [""] * len(rows))
    sep = "  " if cols > 1 else ""
    limit = widths[-1]
    pad = " " * lead

    def wrapped(head: str, cell: str) -> str:
        lines = textwrap.wrap(cell, width=limit)
        lines = lines if lines and lines[0] else [""]
        return "\n".join([(head + sep + lines[0]).rstrip(), *((pad + line).rstrip() for line in lines[1:])])

    out.extend((head + sep + cell).rstrip() if len(cell) <= limit else wrapped(head, cell)
               for head, cell in zip(heads, lasts))
    return "\n".join(out)


def count(n: int, word: str, many: str | None = None) -> str:
    """*n* and *word*, plural when *n* is not 1: ``count(1, "claim")`` is ``'1 claim'``.

    >>> count(2, "relation"), count(1, "speaker"), count(0, "quote")
    ('2 relations', '1 speaker', '0 quotes')
    """
    return f"{n} {word if n == 1 else (many or word + 's')}"
