"""The CLI's text helpers: :func:`argmap.cli._text.wrap` and :func:`~argmap.cli._text.table` lay
text out exactly as :mod:`textwrap` does (their fast paths for one-line texts and plain greedy
fills are compared with it on generated texts)."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.cli._text import single_spaced, table, wrap
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


@settings(max_examples=examples(400))
@given(st.lists(st.text(st.sampled_from(list("ab,.é𝄞x")), min_size=1, max_size=40), max_size=300),
       st.integers(60, 100), st.integers(0, 14), st.sampled_from([None, "", "  C12: ", "in          "]))
def test_wrap_without_hyphens_is_textwrap_fill(words, columns, indent, first):
    # the greedy fill's own path (no hyphen, every word fits): many lines, long words
    text = " ".join(words)
    lead = " " * indent if first is None else first
    want = textwrap.fill(text, width=columns, initial_indent=lead,
                         subsequent_indent=" " * indent) or (first or " " * indent)
    assert wrap(text, " " * indent, first, columns) == want


def test_wrap_without_hyphens_at_every_width_and_indent():
    # lines that fill their width exactly, or miss it by one, for every width and indent
    text = " ".join("abcdefghij"[:1 + (k * 7) % 10] for k in range(400))
    for columns in range(60, 101):
        for indent in (0, 3, 12):
            want = textwrap.fill(text, width=columns, initial_indent="  C12: ", subsequent_indent=" " * indent)
            assert wrap(text, " " * indent, "  C12: ", columns) == want


def _reference_table(headers, rows):
    """The table as it was built before it went a column at a time (one row at a time)."""
    cols = len(headers)
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    lead = sum(widths[:-1]) + 2 * (cols - 1)
    widths[-1] = min(widths[-1], max(20, terminal_width() - lead))
    out = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip(),
           "  ".join("-" * w for w in widths).rstrip()]
    for row in rows:
        last_cell = " ".join(row[-1].split())
        lines = [last_cell] if len(last_cell) <= widths[-1] else textwrap.wrap(last_cell, width=widths[-1])
        lines = lines if lines and lines[0] else [""]
        head = "  ".join(cell.ljust(w) for cell, w in zip(row[:-1], widths[:-1]))
        out.append((head + ("  " if cols > 1 else "") + lines[0]).rstrip())
        out.extend((" " * lead + line).rstrip() for line in lines[1:])
    return "\n".join(out)


CELLS = st.text(st.sampled_from(list("ab -é\t\n")), max_size=130)


@settings(max_examples=examples(300))
@given(st.integers(1, 5).flatmap(lambda n: st.tuples(
    st.lists(st.text("ABC", min_size=1, max_size=6), min_size=n, max_size=n),
    st.lists(st.lists(CELLS, min_size=n, max_size=n), max_size=8))))
def test_table_is_the_row_by_row_table(case):
    headers, rows = case
    assert table(headers, rows) == _reference_table(headers, rows)


SPACED = st.lists(st.text(st.sampled_from(list("ab |é\t\n\x0b\x1c\x85\xa0\u2028\u3000\x00")), max_size=12), max_size=6)


@settings(max_examples=examples(500))
@given(SPACED)
def test_single_spaced_never_says_yes_wrongly(texts):
    if single_spaced(texts):
        assert all(" ".join(t.split()) == t for t in texts)


@settings(max_examples=examples(300))
@given(st.lists(st.lists(st.text("abé,", min_size=1, max_size=8), max_size=5).map(" ".join), max_size=6))
def test_single_spaced_says_yes_to_single_spaced_texts(texts):
    assert single_spaced(texts)


def test_single_spaced_looks_at_every_texts_ends():
    assert single_spaced(["a b", "c", ""]) and single_spaced([])
    for texts in (["a", " b"], ["a ", "b"], ["a", "b "], [" a", "b"], ["a", "b  c"], ["a", "b\u00a0c"]):
        assert not single_spaced(texts), texts
