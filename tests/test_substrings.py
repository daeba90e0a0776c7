"""One-pass location of many quotes: the same answers as searching the text once per quote.

:func:`argmap._substrings.find_all` and :class:`argmap.provenance.QuoteLocator` are
compared with the straightforward methods (``str.find`` per quote, the regex of
:func:`argmap.quoting.locate_loose`, the per-quote hint) on random texts and quotes,
with the indexed path forced on (``DIRECT_WORK = 0``) so that small examples take it.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import _substrings
from argmap.provenance import _FOLD, QuoteLocator, locate, near_miss_hint
from argmap.quoting import MIN_SIMILARITY, finder_for, locate_loose, yaml_scalar

from .helpers.budget import examples

# few letters, so that quotes occur often, overlap and nearly match; curly quotes, dashes,
# non-BMP and whitespace of several kinds for the loose and near-miss paths
ALPHABET = st.sampled_from(list("ab a\n\tc’'—-é𝄞") + ["\u2028", "\u00a0", "  "])
TEXTS = st.lists(ALPHABET, max_size=400).map("".join)


@pytest.fixture(autouse=True)
def indexed(monkeypatch):
    """Take the indexed path whatever the size."""
    monkeypatch.setattr(_substrings, "DIRECT_WORK", 0)


def _quotes(draw, text: str) -> list[str]:
    quotes = []
    for _ in range(draw(st.integers(4, 12))):
        if text and draw(st.booleans()):
            i = draw(st.integers(0, len(text) - 1))
            quotes.append(text[i:i + draw(st.integers(0, 80))])
        else:
            quotes.append(draw(st.lists(ALPHABET, max_size=40).map("".join)))
    return quotes


@st.composite
def cases(draw):
    text = draw(TEXTS)
    return text, _quotes(draw, text)


def _plain(text: str, quote: str) -> list[int]:
    out, pos = [], text.find(quote) if quote else -1
    while pos != -1:
        out.append(pos)
        pos = text.find(quote, pos + 1)
    return out


@settings(max_examples=examples(300))
@given(cases())
def test_find_all_finds_what_str_find_finds(case):
    text, quotes = case
    found = _substrings.find_all(text, quotes)
    assert set(found) == set(quotes)
    for q in quotes:
        assert found[q] == _plain(text, q), q


def test_find_all_on_periodic_text_and_many_tiers():
    text = "ab" * 3000 + "abc" + "a" * 500
    quotes = ["ab" * n for n in range(1, 40)] + ["a" * n for n in (1, 2, 3, 31, 32, 33, 64, 499, 500, 501)] + \
             ["abc", "ba" * 17 + "c", "x", ""]
    found = _substrings.find_all(text, quotes)
    for q in quotes:
        assert found[q] == _plain(text, q), q


def test_heavy_anchors_fall_back_to_str_find(monkeypatch):
    monkeypatch.setattr(_substrings, "_PAIR_CAP", 10)
    searched: list[str] = []
    original = _substrings.find_each

    def counted(text, pattern):
        searched.append(pattern)
        return original(text, pattern)

    monkeypatch.setattr(_substrings, "find_each", counted)
    text = "a" * 2000 + "b"
    quotes = ["a" * 40, "a" * 40 + "b", "a" * 100 + "c", "b", "ab"]
    found = _substrings.find_all(text, quotes)
    for q in quotes:
        assert found[q] == _plain(text, q), q
    # an all-"a" pattern has ~2000 candidates: searched with str.find instead; the others are
    # anchored at their rare end (the last k-gram is always weighed)
    assert "a" * 40 in searched and "a" * 100 + "c" not in searched and "a" * 40 + "b" not in searched


@settings(max_examples=examples(300))
@given(cases(), st.integers(1, 4))
def test_locator_answers_like_locate(case, occurrence):
    text, quotes = case
    where = QuoteLocator(text)
    where.prepare(quotes)
    for q in quotes:
        assert where.locate(q) == locate(text, q)
        assert where.locate(q, occurrence) == locate(text, q, occurrence)


@settings(max_examples=examples(300))
@given(cases(), st.integers(1, 3))
def test_loose_locator_answers_like_the_regex(case, occurrence):
    text, quotes = case
    where = QuoteLocator(text, loose=True)
    where.prepare(quotes)
    for q in quotes:
        expected = locate_loose(text, q, occurrence)
        got = where.locate(q, occurrence)
        assert (tuple(got) if got is not None else None) == expected, q


@settings(max_examples=examples(300))
@given(cases(), st.booleans(), st.booleans())
def test_locate_each_answers_like_locate_one_by_one(case, loose, unique):
    text, quotes = case
    if unique:  # keep the quotes that occur exactly once, so that the call succeeds
        quotes = [q for q in quotes if (locate_loose(text, q) if loose else locate(text, q)) is not None
                  and (QuoteLocator(text, loose=loose).locate(q) or (0, 0, 0))[2] == 1]
    where = QuoteLocator(text, loose=loose)
    alone = [QuoteLocator(text, loose=loose).locate(q) for q in quotes]
    got = where.locate_each(quotes)
    if all(m is not None and m.count == 1 for m in alone):
        assert got == ([m.start for m in alone], [m.end for m in alone])  # type: ignore[union-attr]
    else:
        assert got is None
    for q, m in zip(quotes, alone):  # the locator still answers each quote afterwards
        assert where.locate(q) == m


def _hint_one_by_one(text: str, quote: str, loose: bool) -> str:
    """The hint as it was computed before, each quote on its own."""
    def squash(s: str) -> str:
        return re.sub(r"\s+", " ", s).strip()

    if not loose and squash(quote) and squash(quote) in squash(text):
        why = ("it matches if whitespace is ignored (copy the line breaks, or mark the source "
               "`whitespace: loose`)")
    elif quote.translate(_FOLD) in text.translate(_FOLD):
        why = "it matches if straight and curly quotes or dashes are treated alike"
    elif squash(quote.translate(_FOLD)).lower() in squash(text.translate(_FOLD)).lower():
        why = "it matches only ignoring case, whitespace and punctuation style"
    else:
        why = "copy the words exactly from the source text"
    span = finder_for(text).find(quote, MIN_SIMILARITY)
    if span is None:
        return why
    shown = span.quote if len(span.quote) <= 80 else span.quote[:79] + "…"
    return f"{why}; nearest: {yaml_scalar(shown)} at {span.line}:{span.column} of the source; " \
           "`argmap check --fix` writes it"


@settings(max_examples=examples(300))
@given(cases(), st.booleans())
def test_hints_for_all_failing_quotes_at_once_are_the_hints_one_by_one(case, loose):
    text, quotes = case
    where = QuoteLocator(text, loose=loose)
    where.prepare(quotes)
    for q in quotes:
        if where.locate(q) is None:
            assert where.hint(q) == _hint_one_by_one(text, q, loose), q
            assert near_miss_hint(text, q, loose=loose) == where.hint(q)


def test_whitespace_is_the_same_for_split_isspace_and_the_regex():
    from argmap.provenance import _whitespace

    spaces = {chr(cp) for cp in _whitespace()}
    every = {chr(cp) for cp in range(0x110000) if 0xD800 > cp or cp > 0xDFFF}
    assert spaces == {c for c in every if c.isspace()}
    assert spaces == {c for c in every if re.fullmatch(r"\s", c)}
    assert spaces == {c for c in every if not c.split()}


def test_a_long_text_with_many_quotes_and_near_misses():
    """The map-scale path with the real thresholds: many quotes, a text of 1 MB."""
    _substrings.DIRECT_WORK = 500_000_000  # the fixture's patch is undone after the test
    words = [f"w{i}" for i in range(150_000)]
    text = " ".join(words)
    quotes = [f"w{i} w{i + 1}" for i in range(0, 150_000, 97)] + [f"w{i}  w{i + 1}" for i in range(5)]
    where = QuoteLocator(text)
    where.prepare(quotes)
    for q in quotes[::50] + quotes[-5:]:
        assert where.locate(q) == locate(text, q)
    assert where.hint(quotes[-1]).startswith("it matches if whitespace is ignored")


def test_the_benchmark_source_and_its_quotes_with_misses_and_repeats(tmp_path):
    """A mapgen source and its quotes (sentences of few words, so many shared k-grams), plus
    quotes that are absent, repeated, overlapping, cut at a k-gram's edge or of every tier."""
    import random
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    try:
        import mapgen
    finally:
        sys.path.pop(0)
    _, source = mapgen.generate(1500, 7, tmp_path)
    text = source.read_text(encoding="utf-8")
    rng = random.Random(7)
    quotes = [text[s:s + n] for s, n in ((rng.randrange(len(text) - 200), rng.choice([1, 3, 31, 32, 33, 64, 150]))
                                        for _ in range(400))]
    quotes += [q.replace("a", "á") for q in quotes[:40]] + ["Point 1 says", "says that", " ", "policy policy"]
    quotes += [s.rstrip(".") + "." for s in text.split(". ")[:300]]  # the quoted sentences themselves
    found = _substrings.find_all(text, quotes)
    assert set(found) == set(quotes)
    for q in quotes:
        assert found[q] == _plain(text, q), q
