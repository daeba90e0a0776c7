"""The sampled tier of :func:`argmap._substrings.find_all` (session 5) finds what ``str.find`` finds.

Patterns of at least ``K_MAX + _STRIDE - 1`` characters are found from the text's
``k``-grams at every ``_STRIDE``-th offset only (:func:`_substrings._sampled_tier`),
each pattern anchored at ``_STRIDE`` consecutive ``k``-grams of its own. The oracle is
``str.find`` (every occurrence, overlapping ones included) and the former one-anchor
tier (:func:`_substrings._tier`, still used for shorter patterns), on texts and patterns
made to repeat, overlap and nearly match, at several strides, with the cap that sends
a heavy pattern to ``str.find`` forced low too.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import _substrings

from .helpers.budget import examples


def _plain(text: str, pattern: str) -> list[int]:
    out, pos = [], text.find(pattern) if pattern else -1
    while pos != -1:
        out.append(pos)
        pos = text.find(pattern, pos + 1)
    return out


@pytest.fixture(autouse=True)
def indexed(monkeypatch):
    """Take the indexed path whatever the size."""
    monkeypatch.setattr(_substrings, "DIRECT_WORK", 0)


# few characters (and a non-BMP one, a combining one), so that long patterns still repeat
ALPHABET = st.sampled_from(list("aab b\nc’é𝄞") + ["ab", "ba", "\u0301"])


@st.composite
def cases(draw):
    text = "".join(draw(st.lists(ALPHABET, min_size=0, max_size=600)))
    patterns = []
    for _ in range(draw(st.integers(4, 14))):
        how = draw(st.integers(0, 3))
        if text and how < 2:  # a piece of the text, long enough for the sampled tier, maybe cut or changed
            i = draw(st.integers(0, len(text) - 1))
            piece = text[i:i + draw(st.integers(30, 120))]
            if how == 1 and piece:
                j = draw(st.integers(0, len(piece) - 1))
                piece = piece[:j] + draw(ALPHABET) + piece[j + 1:]
            patterns.append(piece)
        elif how == 2:  # periodic
            patterns.append(draw(st.sampled_from(["a", "ab", "aab", "b b"])) * draw(st.integers(10, 50)))
        else:
            patterns.append("".join(draw(st.lists(ALPHABET, min_size=0, max_size=60))))
    return text, patterns


@settings(max_examples=examples(400))
@given(cases(), st.sampled_from([1, 2, 4, 8, 16, 32]), st.sampled_from([1 << 17, 3]))
def test_the_sampled_tier_finds_what_str_find_finds(case, stride, cap):
    text, patterns = case
    with pytest.MonkeyPatch.context() as m:
        m.setattr(_substrings, "_STRIDE", stride)
        m.setattr(_substrings, "_PAIR_CAP", cap)
        found = _substrings.find_all(text, patterns)
    assert set(found) == set(patterns)
    for p in patterns:
        assert found[p] == _plain(text, p), (p, stride)


@settings(max_examples=examples(200))
@given(cases())
def test_the_sampled_tier_answers_like_the_one_anchor_tier(case):
    text, patterns = case
    patterns = [p for p in dict.fromkeys(patterns) if len(p) >= _substrings.K_MAX + _substrings._STRIDE - 1
                and len(p) <= len(text)]
    if not patterns:
        return
    codes = _substrings._codes(text)
    lengths = np.fromiter(map(len, patterns), dtype=np.int64, count=len(patterns))
    sampled: dict[str, list[int]] = dict.fromkeys(patterns, [])
    tier: dict[str, list[int]] = dict.fromkeys(patterns, [])
    _substrings._sampled_tier(np, text, codes, 12345, _substrings.K_MAX, _substrings._STRIDE, patterns, lengths,
                              sampled)
    _substrings._tier(np, text, codes, 12345, _substrings.K_MAX, patterns, lengths, tier)
    assert sampled == tier


@pytest.mark.parametrize("stride", [2, 4, 8, 16, 32])
def test_sampled_hashes_are_the_hashes_at_every_stride(stride):
    rng = np.random.default_rng(stride)
    codes = rng.integers(0, 0x110000, 1000, dtype=np.uint32)
    for k in (stride, 2 * stride, 32):
        if k % stride or k < stride:
            continue
        every = _substrings._hashes(np, codes, 0x9E3779B1, k)
        got = _substrings._sampled_hashes(np, codes, 0x9E3779B1, k, stride)
        assert np.array_equal(got, every[::stride][:len(got)]) and len(got) == (len(codes) - k) // stride + 1


def test_periodic_text_with_long_periodic_patterns():
    text = "ab" * 3000 + "abc" + "a" * 500 + "ab" * 40
    patterns = ["ab" * n for n in range(19, 45)] + ["a" * n for n in (39, 40, 64, 499, 500, 501)] + \
               ["ba" * 20 + "c", "ab" * 20 + "c" + "a" * 30, "b" + "a" * 60]
    found = _substrings.find_all(text, patterns)
    for p in patterns:
        assert found[p] == _plain(text, p), p


def test_the_text_ends_at_a_sampled_offset_or_just_before():
    for extra in range(0, 20):
        text = "x" * extra + "the quick brown fox jumps over the lazy dog " * 3
        patterns = [text[-n:] for n in (39, 40, 47, 48, 49)] + [text[:39], text[extra:extra + 44]]
        found = _substrings.find_all(text, patterns)
        for p in patterns:
            assert found[p] == _plain(text, p), (extra, p)
