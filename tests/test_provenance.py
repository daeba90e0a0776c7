"""Locating quotes: exact matching, occurrences, near-miss hints."""

from __future__ import annotations

import pytest

from argmap.provenance import count_occurrences, line_col, locate, near_miss_hint

TEXT = "It’s late. It’s  late.\nThe “end” – almost."


def test_exact_match_and_offsets():
    m = locate(TEXT, "It’s late.")
    assert (m.start, m.end, m.count) == (0, 10, 1)
    assert TEXT[m.start:m.end] == "It’s late."


def test_occurrences():
    assert count_occurrences("aaa", "aa") == 2
    assert locate("x y x", "x", 2).start == 4
    assert locate("x y x", "x", 3) is None
    assert locate("abc", "") is None


@pytest.mark.parametrize(("quote", "word"), [
    ("It’s late. It’s late.", "whitespace"),
    ('The "end" - almost', "curly"),
    ("the “END”", "case"),
    ("nothing like it", "copy the words exactly"),
])
def test_near_miss_hints(quote, word):
    assert locate(TEXT, quote) is None
    assert word in near_miss_hint(TEXT, quote)


def test_line_col():
    assert line_col(TEXT, TEXT.index("The")) == (2, 1)
