"""Find the span of a source text that some words mean, and match quotes loosely.

A map's quotes must be the exact characters of the source. Typing them is where
authors stumble: a hard-wrapped line, a curly apostrophe, an en dash, one wrong
letter. :class:`QuoteFinder` takes the words as the author remembers them and finds
the span of the source they mean, so the exact characters can be pasted (``argmap
quote``) or written back into the map (``argmap check --fix``).

Examples
--------
>>> text = "We argue that\\nchildren can’t be mocked – ever."
>>> span = QuoteFinder(text).find("children cant be mocked - ever")
>>> span.quote
'children can’t be mocked – ever'
>>> text[span.start:span.end] == span.quote, span.line, span.column
(True, 2, 1)
>>> QuoteFinder(text).find("childern can't be mocked").quote
'children can’t be mocked'
>>> yaml_scalar(span.quote)
'"children can’t be mocked – ever"'

Notes
-----
The search works on **tokens**: maximal runs of letters and digits, compared
case-folded, so whitespace, line breaks, quote marks and dashes between words never
matter. It runs in two steps, as in seed-and-extend aligners (BLAST; Navarro 2001
surveys approximate string matching):

1. *Anchors.* Each word of the query is looked up in an index of the source's
   tokens (exactly, or, when it occurs nowhere, among the source words one edit away
   through a deletion index, as in SymSpell). A hit of query word ``i`` at source
   token ``p`` votes for the diagonal ``p - i``. The rarest words are used first, so
   common words ("the") add votes only where rarer ones leave the choice open.
2. *Scoring.* Around each of the best diagonals, the query is aligned with a window
   of source tokens by semi-global edit distance (Sellers 1980): free start and end in
   the source, cost 1 for a missing or an extra word, and for two different words
   their normalised Levenshtein distance (1 when they share less than half their
   letters). The cheapest alignment wins; its first and last source tokens, plus any
   punctuation the query also has at its ends, give the span.

Indexing is linear in the text; a search costs its anchors' hits plus
``O(m·(m + w))`` per candidate for ``m`` query words, a few milliseconds on a
1 MB text (``benchmarks/quoting.py``).

References
----------
P. H. Sellers, "The theory and computation of evolutionary distances: pattern
recognition", *J. Algorithms* 1 (1980) 359–373.
G. Navarro, "A guided tour to approximate string matching", *ACM Computing Surveys*
33 (2001) 31–88.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import defaultdict
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ._substrings import find_each
from .errors import FileAccessError, ProvenanceError, UsageError, did_you_mean

if TYPE_CHECKING:  # pragma: no cover
    from .model import ArgumentMap

__all__ = ["Span", "QuoteFinder", "finder_for", "find_quote", "quote_source", "locate_loose", "loose_spans",
           "yaml_scalar",
           "MIN_SIMILARITY"]

#: Below this similarity (1 = the same words) a span is not taken to mean the words.
MIN_SIMILARITY = 0.6

_TOKEN = re.compile(r"\w+")
_FOLD = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"',
                       "″": '"', "«": '"', "»": '"', "–": "-", "—": "-", "‐": "-", "‑": "-",
                       "−": "-", "\u00a0": " ", "…": "..."})
#: How many source hits of common words the anchor step may spend.
_HIT_BUDGET = 20000
#: The most hits the three rarest words may spend (the work of one search is bounded by it).
_HIT_LIMIT = 200_000
_CANDIDATES = 12
# Alignment costs: a word of the query missing from the span; a word of the span the
# query lacks (cheaper: authors skip words more often than they invent them); two
# unrelated words (dearer than a missing word, so unrelated words at the ends stay out).
_MISSING, _EXTRA, _UNRELATED = 1.0, 0.9, 1.05


class Span(NamedTuple):
    """A span of a source text found for some words.

    Attributes
    ----------
    quote : str
        The exact characters of the source, ``text[start:end]``.
    start, end : int
        Character offsets into the text.
    line, column : int
        1-based position of ``start``.
    similarity : float
        1.0 when the words are the span's words exactly (up to case, spacing, quote
        marks and dashes); lower as words are missing, extra or misspelt.
    count : int
        How many times ``quote`` occurs in the text.
    occurrence : int
        Which of those occurrences this span is (1-based).
    """

    quote: str
    start: int
    end: int
    line: int
    column: int
    similarity: float
    count: int  # type: ignore[assignment]  # a field, shadowing tuple.count on purpose
    occurrence: int

    @property
    def exact(self) -> bool:
        """True when the words were the span's characters exactly."""
        return self.similarity == 1.0

    def as_dict(self) -> dict[str, object]:
        """The span as ``{quote, start, end, line, column, similarity, count, occurrence}``."""
        return self._asdict()


def _count_before(text: str, quote: str, start: int) -> tuple[int, int]:
    """(count of *quote* in *text*, 1-based occurrence of the one at *start*)."""
    starts = find_each(text, quote)
    return len(starts), bisect_right(starts, start) if start in starts else 1


def _levenshtein(a: str, b: str, bound: int) -> int:
    """Edit distance of *a* and *b*, or ``bound + 1`` once it must exceed *bound*."""
    if abs(len(a) - len(b)) > bound:
        return bound + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        best = i
        for j, cb in enumerate(b, 1):
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            current.append(value)
            best = min(best, value)
        if best > bound:
            return bound + 1
        previous = current
    return previous[-1]


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))} | {word}


class QuoteFinder:
    """An index of one source text for finding the spans that words mean.

    Build it once per text and call :meth:`find` for each quote.

    Parameters
    ----------
    text : str
        The source text, as decoded.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        # the tokens, case-folded (re's findall and a C-level map: no Python step per token)
        words: list[str] = list(map(str.casefold, _TOKEN.findall(text)))
        positions: dict[str, list[int]] = defaultdict(list)
        for index, word in enumerate(words):
            positions[word].append(index)
        self._words = words
        self._positions = dict(positions)
        self._spans: tuple[list[int], list[int]] | None = None  # token offsets, when first needed
        self._near: dict[str, list[str]] | None = None
        self._alphabet: str | None = None  # the characters of the source's words, when first needed
        self._probed = 0  # candidate strings tried by _probe so far (see _neighbours)
        self._cost: dict[tuple[str, str], float] = {}
        self._lines: list[int] | None = None

    # -- anchors ---------------------------------------------------------------
    def _neighbours(self, word: str) -> list[str]:
        """Source words one edit (or one transposition) away from *word*.

        A source word *w* (two characters or more) is a neighbour when a deletion of at
        most one character from each side makes the two equal, and their edit distance is
        at most 2. For the first misspelt words the candidates are generated from *word*
        and looked up (:meth:`_probe`); once that has cost as much as indexing every
        deletion of every distinct source word would, the index is built and used for the
        rest. Either way the answer is the same, and the work stays linear in the source.
        """
        if len(word) < 3:
            return []
        if self._near is None:
            if self._alphabet is None:
                self._alphabet = "".join(sorted(set("".join(self._positions))))
            cost = (len(word) + 1) * (len(word) + 1) * len(self._alphabet)
            if self._probed + cost <= sum(map(len, self._positions)) + len(self._positions):
                self._probed += cost
                return self._probe(word)
            near: dict[str, list[str]] = defaultdict(list)
            for w in self._positions:
                if len(w) >= 2:
                    for d in _deletions(w):
                        near[d].append(w)
            self._near = dict(near)
        found: set[str] = set()
        for d in _deletions(word):
            for w in self._near.get(d, ()):
                if w != word and _levenshtein(word, w, 2) <= 2:
                    found.add(w)
        return sorted(found)

    def _probe(self, word: str) -> list[str]:
        """:meth:`_neighbours` without the index: a source word shares a deletion with
        *word* exactly when it is one of *word*'s deletions (or *word*) or one of them
        with one character of the source's alphabet inserted."""
        alphabet = self._alphabet or ""
        positions = self._positions
        found: set[str] = set()
        for d in _deletions(word):
            candidates = {d[:i] + c + d[i:] for i in range(len(d) + 1) for c in alphabet}
            candidates.add(d)
            for w in candidates:
                if w in positions and len(w) >= 2 and w != word and _levenshtein(word, w, 2) <= 2:
                    found.add(w)
        return sorted(found)

    def _diagonals(self, query: list[str]) -> list[int]:
        """The best source token indices at which query word 0 would align."""
        hits: list[tuple[int, list[int]]] = []
        for i, word in enumerate(query):
            where = self._positions.get(word)
            if where is None:
                where = sorted(p for w in self._neighbours(word) for p in self._positions[w])
            if where:
                hits.append((i, where))
        hits.sort(key=lambda h: len(h[1]))
        votes: dict[int, set[int]] = defaultdict(set)
        spent = 0
        for rank, (i, where) in enumerate(hits):
            if spent + len(where) > (_HIT_BUDGET if rank >= 3 else _HIT_LIMIT):
                if rank:
                    break
                where = where[:_HIT_LIMIT]  # even the rarest word is everywhere: its first hits
            spent += len(where)
            for p in where:
                votes[p - i].add(i)
        if not votes:
            return []
        drift = max(2, len(query) // 5)
        diagonals = sorted(votes)
        # Score each diagonal by the distinct query words voting within +-drift of it.
        scored = []
        lo = 0
        for hi, d in enumerate(diagonals):
            while diagonals[lo] < d - drift:
                lo += 1
            end = bisect_right(diagonals, d + drift, lo=hi)
            words: set[int] = set()
            for k in range(lo, end):
                words |= votes[diagonals[k]]
            scored.append((-len(words), d))
        scored.sort()
        chosen: list[int] = []
        for _, d in scored:
            if all(abs(d - c) > drift for c in chosen):
                chosen.append(d)
                if len(chosen) == _CANDIDATES:
                    break
        return chosen

    # -- scoring ---------------------------------------------------------------
    def _substitution(self, a: str, b: str) -> float:
        if a == b:
            return 0.0
        key = (a, b)
        cost = self._cost.get(key)
        if cost is None:
            longest = max(len(a), len(b))
            bound = longest // 2
            distance = _levenshtein(a, b, bound)
            cost = distance / longest if distance <= bound else _UNRELATED
            self._cost[key] = cost
        return cost

    def _align(self, query: list[str], lo: int, hi: int) -> tuple[float, int, int]:
        """Semi-global alignment of *query* within source tokens ``lo:hi``.

        Returns ``(cost, first, last)``: the cheapest cost and the source token range
        ``first:last`` it spans (ties: the span closest in length to the query, then
        the earliest).
        """
        words = self._words[lo:hi]
        width = len(words)
        cost = [0.0] * (width + 1)
        start = list(range(width + 1))
        for i, q in enumerate(query, 1):
            new_cost = [i * _MISSING] + [0.0] * width
            new_start = [0] + [0] * width
            for j in range(1, width + 1):
                best = cost[j - 1] + self._substitution(q, words[j - 1])
                origin = start[j - 1]
                skip_query = cost[j] + _MISSING     # the query word is not in the source
                if skip_query < best:
                    best, origin = skip_query, start[j]
                extra = new_cost[j - 1] + _EXTRA    # a source word the query lacks
                if extra < best:
                    best, origin = extra, new_start[j - 1]
                new_cost[j], new_start[j] = best, origin
            new_start[0] = 0
            cost, start = new_cost, new_start
        best_key: tuple[float, int, int] | None = None
        result = (float(len(query)), lo, lo)
        for j in range(1, width + 1):
            if start[j] >= j:      # the alignment would cover no source token
                continue
            key = (round(cost[j], 9), abs((j - start[j]) - len(query)), start[j])
            if best_key is None or key < best_key:
                best_key, result = key, (cost[j], lo + start[j], lo + j)
        return result

    # -- the search --------------------------------------------------------------
    def find(self, words: str, min_similarity: float = MIN_SIMILARITY) -> Span | None:
        """The span of the text that *words* mean, or None when none is similar enough.

        Parameters
        ----------
        words : str
            The words as remembered: spacing, line breaks, case, quote marks, dashes
            and small misspellings may differ from the source.
        min_similarity : float
            The lowest :attr:`Span.similarity` accepted (0 to 1).

        Returns
        -------
        Span or None
            The earliest of the most similar spans; ``similarity`` is 1.0 when the
            words are exactly the span's characters.
        """
        found = self.nearest(words, min_similarity)
        return None if found is None else self._span(*found)

    def nearest(self, words: str, min_similarity: float = MIN_SIMILARITY, *,
                absent: bool = False) -> tuple[int, int, float] | None:
        """``(start, end, similarity)`` of the span :meth:`find` returns, or None.

        With *absent* the caller knows that *words* do not occur exactly (so the text
        is not searched for them), and the span's occurrences are not counted: the
        work is bounded by the anchors' hits, whatever the length of the text.
        """
        text = self.text
        if words and not absent and words in text:
            start = text.find(words)
            return start, start + len(words), 1.0
        query = [m.group().casefold() for m in _TOKEN.finditer(words)]
        if not query:
            return None
        margin = max(2, len(query) // 4) + 1
        found_all: list[tuple[float, int, int]] = []
        for d in self._diagonals(query):
            lo = max(0, d - margin)
            hi = min(len(self._words), d + len(query) + margin)
            if hi <= lo:
                continue
            found = self._align(query, lo, hi)
            if found[2] > found[1]:
                found_all.append(found)
        if not found_all:
            return None
        cost = min(f[0] for f in found_all)
        similarity = max(0.0, 1.0 - cost / len(query))
        if similarity < min_similarity:
            return None
        # Among equally good spans, the one whose characters are closest to the words
        # (punctuation, case, spacing), then the earliest.
        wanted = self._fold(words)
        spans = []
        for c, first, last in found_all:
            if c - cost > 1e-9:
                continue
            starts, ends = self._offsets()
            start, end = self._extend(words, starts[first], ends[last - 1])
            close = SequenceMatcher(None, self._fold(text[start:end]), wanted, autojunk=False).ratio()
            spans.append((-close, start, end))
        _, start, end = min(spans)
        # Same words with other spacing or punctuation are not the very characters.
        exact = text[start:end] == words
        return start, end, 1.0 if exact else min(similarity, 0.999)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based ``(line, column)`` of *offset* (from an index of line starts built once)."""
        if self._lines is None:
            self._lines = [m.end() for m in re.finditer("\n", self.text)]
        line = bisect_right(self._lines, offset)
        return line + 1, offset - (self._lines[line - 1] if line else 0) + 1

    def _offsets(self) -> tuple[list[int], list[int]]:
        """Start and end offset of every token (found again only when a span is to be cut)."""
        if self._spans is None:
            starts: list[int] = []
            ends: list[int] = []
            for m in _TOKEN.finditer(self.text):
                starts.append(m.start())
                ends.append(m.end())
            self._spans = (starts, ends)
        return self._spans

    @staticmethod
    def _fold(s: str) -> str:
        return " ".join(s.translate(_FOLD).split())

    def _extend(self, words: str, start: int, end: int) -> tuple[int, int]:
        """Widen ``start:end`` over punctuation the words also have at their ends."""
        text = self.text
        lead = re.match(r"^[\W_]*", words.strip()).group().strip()  # type: ignore[union-attr]
        trail = re.search(r"[\W_]*$", words.strip()).group().strip()  # type: ignore[union-attr]
        for k in range(min(len(lead), start), 0, -1):
            if text[start - k:start].translate(_FOLD) == lead[-k:].translate(_FOLD):
                start -= k
                break
        for k in range(min(len(trail), len(text) - end), 0, -1):
            if text[end:end + k].translate(_FOLD) == trail[:k].translate(_FOLD):
                end += k
                break
        return start, end

    def _span(self, start: int, end: int, similarity: float) -> Span:
        quote = self.text[start:end]
        line, column = self.line_col(start)
        count, occurrence = _count_before(self.text, quote, start)
        return Span(quote, start, end, line, column, round(similarity, 3), count, occurrence)


@lru_cache(maxsize=8)
def finder_for(text: str) -> QuoteFinder:
    """A :class:`QuoteFinder` for *text*, kept for the few texts used last (one index per source)."""
    return QuoteFinder(text)


def find_quote(text: str, words: str, min_similarity: float = MIN_SIMILARITY) -> Span | None:
    """The span of *text* that *words* mean (see :meth:`QuoteFinder.find`).

    >>> find_quote("It was the best of times,\\nit was the worst of times.", "best of times it was").quote
    'best of times,\\nit was'
    """
    return QuoteFinder(text).find(words, min_similarity)


def quote_source(source: str, words: str, amap: ArgumentMap | None = None,
                 min_similarity: float = MIN_SIMILARITY) -> tuple[Path, Span]:
    """Find *words* in a source named by a file path or by its id in a map.

    Parameters
    ----------
    source : str
        A path to a text file, or the id of one of the sources of *amap*.
    words : str
        The words as remembered (see :meth:`QuoteFinder.find`).
    amap : ArgumentMap, optional
        The map whose source ids *source* may name (its texts are already read).

    Returns
    -------
    (Path, Span)
        The text file read and the span found.

    Raises
    ------
    FileAccessError
        When the source file is missing or cannot be read.
    UsageError
        When *source* names neither a file nor a source of *amap*, or *words* is empty.
    ProvenanceError
        When no span is similar enough; the hint names the closest one, if any.
    """
    from ._files import read_text

    path = Path(source)
    if amap is not None and not path.is_file():
        ids = [s.id for s in amap.sources]
        if source not in ids:
            raise UsageError(f"{source!r} is neither a file nor a source of {amap.path or 'the map'}",
                             hint=did_you_mean(source, ids) or f"its sources: {', '.join(ids) or '(none)'}")
        found = amap.source(source)
        base = Path(amap.path).parent if amap.path is not None else Path.cwd()
        path = base / found.file
        text = found.text if found.text is not None else read_text(path, what="text file")
    elif not path.exists():
        raise FileAccessError(f"no such file: {source}",
                              hint="give the path of the text, or a source id together with the map")
    else:
        text = read_text(path, what="text file")
    if not words.strip():
        raise UsageError("no words to look for", hint="give some words of the text to look for")
    finder = QuoteFinder(text)
    span = finder.find(words, min_similarity)
    if span is None:
        closest = finder.find(words, 0.0)
        hint = (f"the closest span, {round(closest.similarity * 100)}% similar, is at "
                f"{path}:{closest.line}:{closest.column}: {yaml_scalar(_clip(closest.quote))}"
                if closest is not None else "none of its words occurs in the text")
        raise ProvenanceError(f"no span of {path} is close to {yaml_scalar(_clip(words))}", hint=hint)
    return path, span


def _clip(s: str, width: int = 60) -> str:
    return s if len(s) <= width else s[:width - 1] + "…"


def locate_loose(text: str, quote: str, occurrence: int | None = None) -> tuple[int, int, int] | None:
    """Find *quote* in *text* with any run of whitespace matching any other run.

    For sources marked ``whitespace: loose``: a quote written on one line matches
    the same words hard-wrapped in the source. Everything but whitespace must match
    exactly.

    Returns
    -------
    tuple of (start, end, count) or None
        The chosen occurrence's offsets (1-based *occurrence*, default the first)
        and how many occurrences there are; None when it does not occur.

    >>> locate_loose("children\\ncan no  longer", "children can no longer")
    (0, 23, 1)
    """
    spans = loose_spans(text, quote)
    want = occurrence or 1
    if not spans or want > len(spans):
        return None
    return spans[want - 1][0], spans[want - 1][1], len(spans)


def loose_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every whitespace-loose occurrence of *quote* (see :func:`locate_loose`).

    Occurrences may overlap: one is counted at each offset where the quote's words start.

    >>> loose_spans("a b a\\nb", "a b")
    [(0, 3), (4, 7)]
    """
    parts = quote.split()
    if not parts:
        return []
    pattern = re.compile(r"\s+".join(re.escape(p) for p in parts))
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        m = pattern.search(text, pos)
        if m is None:
            return spans
        spans.append((m.start(), m.end()))
        pos = m.start() + 1


def yaml_scalar(value: str) -> str:
    """*value* as a double-quoted YAML scalar, ready to paste after ``quote:``.

    Line breaks become ``\\n``, so a hard-wrapped span stays on one line of the map.

    >>> yaml_scalar('say "no"\\nnow')
    '"say \\\\"no\\\\"\\\\nnow"'
    """
    return _UNPRINTABLE.sub(_escape, json.dumps(value, ensure_ascii=False))


# Characters YAML does not allow raw in a scalar, or reads as line breaks.
_UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
