"""The span finder behind `argmap quote` and `check --fix`: a table of near misses,
properties over random spans, and the command itself."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.quoting import QuoteFinder, find_quote, locate_loose, yaml_scalar

from .helpers.budget import examples

DATA = Path(__file__).parent / "data"
ESSAY = (DATA / "good" / "sources" / "debate.txt").read_text(encoding="utf-8")

TEXT = ("The committee met in May.\nIts members – all of them – agreed that “enhanced\n"
        "cooperation” had failed, and that children can no longer be mocked.\n"
        "The committee met again in June.")


@pytest.mark.parametrize("words, expected", [
    ("Its members – all of them", "Its members – all of them"),                     # exact
    ("enhanced cooperation", "enhanced\ncooperation"),                               # line break
    ('"enhanced cooperation"', "“enhanced\ncooperation”"),                           # straight quotes
    ("members - all of them - agreed", "members – all of them – agreed"),            # hyphens for dashes
    ("ITS MEMBERS all of them", "Its members – all of them"),                        # case, no dashes
    ("chidlren can no longr be mocked", "children can no longer be mocked"),         # two typos
    ("children can no longer be mocked.", "children can no longer be mocked."),      # trailing stop
    ("the committee met again in june", "The committee met again in June"),          # the right one of two
    ("had failed and that the children can no longer", "had failed, and that children can no longer"),  # extra word
    ("agreed enhanced cooperation had failed", "agreed that “enhanced\ncooperation” had failed"),  # missing word
])
def test_near_misses_find_the_span(words, expected):
    span = find_quote(TEXT, words)
    assert span is not None
    assert span.quote == expected
    assert TEXT[span.start:span.end] == span.quote
    line = TEXT.count("\n", 0, span.start) + 1
    assert span.line == line
    assert span.column == span.start - (TEXT.rfind("\n", 0, span.start) + 1) + 1


def test_exact_words_are_similarity_one_and_others_less():
    assert find_quote(TEXT, "Its members").exact
    loose = find_quote(TEXT, "its members")
    assert not loose.exact and loose.similarity < 1


@pytest.mark.parametrize("words", ["zebra quantum", "", "   ", "– –", "the the the the the the the zebra"])
def test_no_span_when_nothing_is_close(words):
    assert find_quote(TEXT, words) is None


def test_occurrences_are_counted():
    span = find_quote(TEXT, "the committee met")
    assert span.quote == "The committee met" and span.count == 2 and span.occurrence == 1


def test_one_typo_in_a_single_word_is_found():
    assert find_quote(TEXT, "comittee").quote == "committee"


def _perturb(rng: random.Random, span: str) -> str:
    """Rewrite *span* the way an author would remember it."""
    out = []
    for word in span.split():
        word = word.replace("–", "-").replace("’", "'").replace("“", '"').replace("”", '"')
        if rng.random() < 0.3:
            word = word.lower()
        out.append(word)
    return " ".join(out)


@settings(max_examples=examples(40))
@given(st.integers(0, 10**6))
def test_property_a_remembered_span_finds_itself(seed):
    rng = random.Random(seed)
    finder = QuoteFinder(ESSAY)
    words = ESSAY.split()
    n = rng.randint(4, 12)
    i = rng.randint(0, len(words) - n)
    remembered = _perturb(rng, " ".join(words[i:i + n]))
    span = finder.find(remembered)
    assert span is not None
    assert ESSAY[span.start:span.end] == span.quote
    # The span holds the same words, in the same order, as what was remembered.
    import re

    tokens = lambda s: re.findall(r"\w+", s.casefold())  # noqa: E731
    assert tokens(span.quote) == tokens(remembered)


@settings(max_examples=examples(60))
@given(st.text(alphabet=st.sampled_from("ab c\n–-’'\"é"), max_size=40), st.text(max_size=12))
def test_property_whatever_is_found_is_a_span_of_the_text(text, words):
    span = find_quote(text, words, 0.0)
    if span is not None:
        assert text[span.start:span.end] == span.quote
        assert 0 <= span.similarity <= 1
        assert 1 <= span.occurrence <= span.count


def test_big_text_finds_the_one_wrapped_span():
    rng = random.Random(7)
    vocabulary = ESSAY.split()
    filler = " ".join(rng.choice(vocabulary) for _ in range(150_000))
    target = "the quick brown fox jumps over\nthe lazy dog by the river at dawn"
    text = filler[:len(filler) // 2] + " " + target + " " + filler[len(filler) // 2:]
    span = find_quote(text, "the quikc brown fox jumps over the lazy dog by the river at dawn")
    assert span.quote == target


def test_locate_loose():
    assert locate_loose("a b\n c  a b", "a b") == (0, 3, 2)
    assert locate_loose("a b\n c  a b", "b c") == (2, 6, 1)
    assert locate_loose("a b\n c  a b", "a b", occurrence=2) == (8, 11, 2)
    assert locate_loose("a b", "a c") is None
    assert locate_loose("a b", "  ") is None


@pytest.mark.parametrize("value", ["plain", 'say "no"', "two\nlines", "tab\there", "back\\slash",
                                   "odd \u2028 break", "\x85 next line", "# not a comment", "- dash",
                                   ": colon", "emoji 🙂", "\x7f"])
def test_yaml_scalar_round_trips(value):
    import yaml

    assert yaml.safe_load(f"quote: {yaml_scalar(value)}") == {"quote": value}
    assert "\n" not in yaml_scalar(value)


# -- the command ---------------------------------------------------------------



@pytest.fixture
def text_file(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_quote_prints_a_scalar_to_paste(cli, text_file):
    result = cli("quote", str(text_file), "enhanced", "cooperation", "had", "faild")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == 'quote: "enhanced\\ncooperation” had failed"'
    assert lines[-1].startswith(f"# {text_file}:2:") and "similar" in lines[-1]


def test_quote_json_offsets_are_the_text(cli, text_file):
    result = cli("quote", str(text_file), "The committee met", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert TEXT[data["start"]:data["end"]] == data["quote"] == "The committee met"
    assert (data["line"], data["column"], data["count"], data["occurrence"]) == (1, 1, 2, 1)


def test_quote_notes_the_occurrence(cli, text_file):
    result = cli("quote", str(text_file), "The committee met")
    assert "occurrence: 1" in result.stdout.splitlines()


def test_quote_by_source_id_of_a_map(cli):
    result = cli("quote", "talk", "cities should ban cars", "-m", str(DATA / "good" / "debate.yaml"), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["quote"] == "Cities should ban cars"


@pytest.mark.parametrize("args, message", [
    (["nope.txt", "x"], "neither a file nor a source"),
    (["tlak", "x", "-m", str(DATA / "good" / "debate.yaml")], "did you mean 'talk'?"),
])
def test_quote_bad_source(cli, args, message):
    result = cli("quote", *args)
    assert result.exit_code == 1 and message in result.stderr and not result.stdout


def test_quote_nothing_close(cli, text_file):
    result = cli("quote", str(text_file), "zebra", "quantum")
    assert result.exit_code == 1 and "no span" in result.stderr and not result.stdout


def test_quote_not_utf8(cli, tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(b"caf\xe9\n")
    result = cli("quote", str(path), "cafe")
    assert result.exit_code == 1 and "UTF-8" in result.stderr


def test_quote_help(cli):
    result = cli("quote", "--help")
    assert result.exit_code == 0 and "Usage: argmap quote" in result.stdout


def _indexed_neighbours(text: str, word: str) -> list[str]:
    """The neighbours through the deletion index, forced (the probe budget spent)."""
    finder = QuoteFinder(text)
    finder._alphabet = ""
    finder._probed = 10**18
    return finder._neighbours(word)


_WORD = st.text(alphabet="abcdé", min_size=1, max_size=7)


@settings(max_examples=examples(300), deadline=None)
@given(words=st.lists(_WORD, min_size=1, max_size=30), word=_WORD)
def test_probing_a_misspelt_word_finds_what_the_deletion_index_finds(words: list[str], word: str) -> None:
    text = " ".join(words)
    finder = QuoteFinder(text)
    assert finder._neighbours(word) == _indexed_neighbours(text, word)
    assert finder._near is None or len(word) < 3 or finder._probed == 0


def test_the_index_is_built_only_after_probes_cost_as_much() -> None:
    text = " ".join(f"w{i}" for i in range(2000))
    finder = QuoteFinder(text)
    assert finder._neighbours("w19999") == _indexed_neighbours(text, "w19999")
    assert finder._near is None  # one misspelt word: probed, no index over 2,000 words
    for i in range(5000):
        finder._neighbours(f"x{i}yz")
    assert finder._near is not None  # many: the index paid for itself and is used
    assert finder._neighbours("w19999") == _indexed_neighbours(text, "w19999")
