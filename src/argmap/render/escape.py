r"""Escaping user text for DOT, so Graphviz shows it verbatim.

Graphviz reads three kinds of strings that matter here, each with its own traps:

* **quoted strings** (``"…"``, Graphviz's *escString*): ``\`` starts an escape
  (``\n``, ``\l``, ``\N``, ``\G`` …), ``"`` ends the string, and the SVG writer
  passes ``&name;`` entities through undecoded, so a literal ``&`` must become
  ``&amp;``;
* **HTML-like labels** (``<…>``): XML, so ``< > & "`` must be entities; Graphviz
  *still* expands backslash escapes inside them, so ``\`` is doubled as well, and
  tabs are dropped, so they are expanded first;
* **identifiers**: never built from user text here (synthetic ``n0``, ``n1`` …).

pydot leaves a value alone when it is already wrapped in ``"…"`` or ``<…>``, so
every helper returns the complete, delimited value and pydot's own (partial)
quoting never runs.

Control characters (other than tab and newline) cannot be shown and can break the
DOT lexer; they are replaced by U+FFFD. Every helper caps its input (see
:data:`MAX_TEXT`) so that no string comes near Graphviz's 16 KB limit.

Examples
--------
>>> print(quoted('say "hi" \\ C:\\new'))
"say \"hi\" \\ C:\\new"
>>> html_text("a < b & c")
'a &lt; b &amp; c'
>>> html_label("<B>E1</B>")
'<<B>E1</B>>'
"""

from __future__ import annotations

import html
import re
import textwrap

__all__ = ["MAX_TEXT", "clean", "squash", "quoted", "tooltip", "html_text", "html_label", "wrap"]

#: Characters of user text kept in any one DOT string (before escaping). Escaping
#: grows a character to at most 6 bytes (``&quot;``, or 4 UTF-8 bytes), so a
#: string stays below 13 KB, well under Graphviz's 16,384-byte limit.
MAX_TEXT = 2000

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SPACE = re.compile(r"\s+")


def clean(text: str, limit: int = MAX_TEXT) -> str:
    r"""Replace control characters by U+FFFD and cut *text* to *limit* characters.

    A cut string ends with ``…``.

    Examples
    --------
    >>> clean("a\x00b")
    'a\ufffdb'
    >>> clean("abcdef", limit=4)
    'abc…'
    """
    text = _CONTROL.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))
    if len(text) > limit:
        text = text[: max(limit - 1, 0)].rstrip() + "…"
    return text


def squash(text: str, limit: int = MAX_TEXT) -> str:
    r""":func:`clean` *text* and collapse every run of whitespace to one space.

    Examples
    --------
    >>> squash("  two\n  lines\t here ")
    'two lines here'
    """
    return clean(_SPACE.sub(" ", text).strip(), limit)


def quoted(text: str, limit: int = MAX_TEXT) -> str:
    r"""A DOT quoted string that Graphviz shows as exactly *text* (whitespace squashed).

    Use it for ``tooltip``, ``id``, ``class`` and plain labels.

    Examples
    --------
    >>> print(quoted("ends with \\"))
    "ends with \\"
    >>> print(quoted("AT&amp;T \\N"))
    "AT&amp;amp;T \\N"
    """
    t = squash(text, limit)
    t = t.replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")
    return f'"{t}"'


def tooltip(text: str, limit: int = MAX_TEXT) -> str:
    r"""A DOT quoted string for a ``tooltip``, which Graphviz unescapes twice.

    Graphviz (2.43 and 14.1 alike) runs a tooltip through its escape expansion twice:
    ``\\N`` in the DOT text becomes ``\N`` and then the node's name. Backslashes
    are therefore written four times.

    Examples
    --------
    >>> print(tooltip("C:\\new \\N"))
    "C:\\\\new \\\\N"
    """
    t = squash(text, limit)
    t = t.replace("\\", "\\\\\\\\").replace('"', '\\"').replace("&", "&amp;")
    return f'"{t}"'


def html_text(text: str, limit: int = MAX_TEXT) -> str:
    """*text* escaped for use between tags of an HTML-like label (no delimiters).

    Newlines become spaces; wrap with :func:`wrap` and join with ``<BR/>``.
    """
    t = clean(text, limit).expandtabs(4).replace("\n", " ")
    return html.escape(t.replace("\\", "\\\\"), quote=True)


def html_label(markup: str) -> str:
    """Wrap already escaped HTML-like *markup* as a DOT label value ``<…>``."""
    return f"<{markup}>"


def wrap(text: str, width: int, max_lines: int) -> list[str]:
    """Break *text* into at most *max_lines* lines of about *width* characters.

    Long words are broken; when text is left over, the last line ends with ``…``.

    Examples
    --------
    >>> wrap("the quick brown fox jumps over the lazy dog", 10, 3)
    ['the quick', 'brown fox', 'jumps…']
    >>> wrap("", 10, 3)
    []
    """
    lines = textwrap.wrap(squash(text), width=width, break_long_words=True,
                          break_on_hyphens=False)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        if len(last) >= width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[: width - 1]
        lines[-1] = last.rstrip() + "…"
    return lines
