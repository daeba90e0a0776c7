"""Plain-text output for an 80-column terminal (no colour codes, so it pipes cleanly)."""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Sequence

__all__ = ["width", "table", "wrap"]


def width() -> int:
    """The terminal width, at most 100 and at least 60 (80 when not a terminal)."""
    if os.environ.get("COLUMNS", "").isdigit():
        return max(60, min(100, int(os.environ["COLUMNS"])))
    return max(60, min(100, shutil.get_terminal_size((80, 24)).columns))


def wrap(text: str, indent: str = "", first: str | None = None) -> str:
    """Wrap *text* to the terminal width with the given indents."""
    return textwrap.fill(" ".join(text.split()), width=width(),
                         initial_indent=indent if first is None else first,
                         subsequent_indent=indent) or (first or indent)


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A left-aligned table; the last column wraps to fit the terminal.

    >>> print(table(["id", "text"], [["E1", "short"]]))
    id  text
    --  -----
    E1  short
    """
    cols = len(headers)
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    lead = sum(widths[:-1]) + 2 * (cols - 1)
    last = max(20, width() - lead)
    widths[-1] = min(widths[-1], last)
    out = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip(),
           "  ".join("-" * w for w in widths).rstrip()]
    for row in rows:
        lines = textwrap.wrap(" ".join(row[-1].split()), width=widths[-1]) or [""]
        head = "  ".join(cell.ljust(w) for cell, w in zip(row[:-1], widths[:-1]))
        out.append((head + ("  " if cols > 1 else "") + lines[0]).rstrip())
        pad = " " * lead
        out.extend((pad + line).rstrip() for line in lines[1:])
    return "\n".join(out)
