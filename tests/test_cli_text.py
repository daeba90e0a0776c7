"""The CLI's text helpers: :func:`argmap.cli._text.wrap` and :func:`~argmap.cli._text.table` lay
text out exactly as :mod:`textwrap` does (their fast paths for one-line texts and plain greedy
fills are compared with it on generated texts)."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.cli._text import table, wrap
from argmap.cli._text import width as terminal_width

from .helpers.budget import examples

WORDS = st.lists(st.text(st.sampled_from(list("ab-,.é𝄞x\t\n")), min_size=1, max_size=30), max_size=40)


@settings(max_examples=examples(400))
@given(WORDS, st.integers(60, 100), st.integers(0, 14), st.sampled_from([None, "", "  C12: ", "in          "]))
def test_wrap_is_textwrap_fill(words, columns, indent, first):
    text = " ".join(words)
    lead = " " * indent if first is None else first
    want = textwrap.fill(" ".join(text.split()), width=columns, initial_indent=lead,
                         subsequent_indent=" " * indent) or (first or " " * indent)
    assert wrap(text, " " * indent, first, columns) == want


@settings(max_examples=examples(100))
@given(st.lists(st.tuples(st.text("ab", max_size=4), st.text(st.sampled_from(list("ab -")), max_size=120)),
                max_size=6))
def test_table_wraps_its_last_column_as_textwrap(rows):
    out = table(["id", "text"], [list(r) for r in rows]).split("\n")[2:]
    lead = max([2] + [len(r[0]) for r in rows]) + 2
    width = min(max([4] + [len(r[1]) for r in rows]), max(20, terminal_width() - lead))
    want = []
    for cid, text in rows:
        lines = textwrap.wrap(" ".join(text.split()), width=width) or [""]
        want.append((cid.ljust(lead - 2) + "  " + lines[0]).rstrip())
        want += [(" " * lead + line).rstrip() for line in lines[1:]]
    assert out == want
