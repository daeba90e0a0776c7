r"""``argmap.render.escape``: what Graphviz reads back is what the user wrote.

Each helper is checked against a small model of how Graphviz reads the string it
makes: a quoted string loses one level of ``\`` escapes (a tooltip two) and then its
``&…;`` entities; an HTML-like label is XML whose backslashes Graphviz also expands.
The properties run on arbitrary text (quotes, backslashes, entities, control
characters, tabs, line breaks), so a missed case fails.
"""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.render.escape import MAX_TEXT, clean, html_label, html_text, quoted, squash, tooltip, wrap

from .helpers.budget import examples

#: Text that is hard to escape: the DOT and XML metacharacters and Graphviz's escapes.
TRICKY = st.lists(st.sampled_from(list('ab \\"&;<>\'\t\n\r\x00\x1bNGlrE') + ["&amp;", "\\N", "é", "\u2028"]),
                  max_size=60).map("".join)
TEXT = st.one_of(TRICKY, st.text(max_size=80))


def read_escstring(value: str, passes: int = 1) -> str:
    """What Graphviz shows for the DOT quoted string *value*: *passes* rounds of
    backslash escapes, then the entities (as the SVG output decodes them)."""
    assert value.startswith('"') and value.endswith('"'), value
    inner = value[1:-1]
    assert re.search(r'(?<!\\)(?:\\\\)*"', inner) is None, "an unescaped quote ends the string early"
    for _ in range(passes):
        out, i = [], 0
        while i < len(inner):
            ch = inner[i]
            if ch == "\\":
                assert i + 1 < len(inner) and inner[i + 1] in '\\"', f"a live escape in {inner!r}"
                out.append(inner[i + 1])
                i += 2
            else:
                out.append(ch)
                i += 1
        inner = "".join(out)
    return html.unescape(inner)


@settings(max_examples=examples(300))
@given(TEXT)
def test_a_quoted_string_shows_the_squashed_text(text: str) -> None:
    assert read_escstring(quoted(text)) == squash(text)


@settings(max_examples=examples(300))
@given(TEXT)
def test_a_tooltip_survives_graphvizs_two_rounds(text: str) -> None:
    assert read_escstring(tooltip(text), passes=2) == squash(text)


@settings(max_examples=examples(300))
@given(TEXT)
def test_html_text_is_xml_safe_and_reads_back(text: str) -> None:
    out = html_text(text)
    assert not set(out) & set('<>"\t\n')
    assert re.fullmatch(r"(?:[^&]|&(?:lt|gt|amp|quot|#x27);)*", out), out
    assert html.unescape(out).replace("\\\\", "\\") == clean(text).expandtabs(4).replace("\n", " ")


@settings(max_examples=examples(300))
@given(TEXT)
def test_clean_leaves_no_control_character(text: str) -> None:
    out = clean(text)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", out)
    assert "\r" not in out
    assert len(out) <= MAX_TEXT


def test_clean_keeps_tabs_and_newlines_and_marks_control_characters() -> None:
    assert clean("a\tb\r\nc\rd\x07") == "a\tb\nc\nd\ufffd"


@pytest.mark.parametrize("limit", [1, 2, 10, MAX_TEXT])
def test_every_helper_caps_its_input(limit: int) -> None:
    long = "x" * (limit + 50)
    assert len(clean(long, limit)) == limit and clean(long, limit).endswith("…")
    assert clean("x" * limit, limit) == "x" * limit  # at the limit nothing is cut


def test_the_cap_keeps_a_string_under_graphvizs_limit() -> None:
    worst = '"' * (MAX_TEXT * 3)  # each becomes \" then &quot; in HTML
    assert len(quoted(worst).encode("utf-8")) < 16_384
    assert len(tooltip("\\" * (MAX_TEXT * 3)).encode("utf-8")) < 16_384
    assert len(html_text("&" * (MAX_TEXT * 3)).encode("utf-8")) < 16_384
    assert len(quoted("𝔸" * (MAX_TEXT * 3)).encode("utf-8")) < 16_384


def test_squash_collapses_every_kind_of_whitespace() -> None:
    assert squash(" a \t\n b\u00a0\u2028c ") == "a b c"


def test_html_label_delimits_without_escaping() -> None:
    assert html_label("<B>x</B>") == "<<B>x</B>>"


@settings(max_examples=examples(200))
@given(st.text(alphabet=st.sampled_from(list("abc de-")), max_size=120), st.integers(3, 30), st.integers(1, 5))
def test_wrap_respects_width_and_line_count(text: str, width: int, max_lines: int) -> None:
    lines = wrap(text, width, max_lines)
    assert len(lines) <= max_lines
    assert all(len(line) <= width for line in lines)
    whole = wrap(text, width, 10_000)
    if len(whole) <= max_lines:  # nothing cut: every character is kept, in order
        assert lines == whole and "".join(lines).replace(" ", "") == squash(text).replace(" ", "")
    else:
        assert lines[-1].endswith("…")


def test_wrap_breaks_long_words() -> None:
    assert wrap("abcdefghij", 4, 5) == ["abcd", "efgh", "ij"]
    assert wrap("abcdefghij", 4, 2) == ["abcd", "efg…"]
