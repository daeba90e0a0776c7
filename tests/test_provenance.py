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


# -- one set of provenance checks for every format that holds sources ----------------------

import argmap  # noqa: E402
from argmap import formats  # noqa: E402
from argmap.errors import MapFormatError, ProvenanceError  # noqa: E402
from argmap.provenance import place, read_source, sha_problem  # noqa: E402

SOURCE = "Ann: cars. Bob: shops. Ann: cars again, cars.\n"
MAP = """argmap: 1
title: Drifted
sources:
  - {id: talk, file: talk.txt, sha256: %s}
speakers:
  - {id: ann, name: Ann}
  - {id: bob, name: Bob}
claims:
  - {id: A1, speaker: ann, text: Ban cars., quote: cars}
  - {id: B1, speaker: bob, text: Shops suffer., quote: shops}
relations:
  - {from: B1, to: A1, type: attack}
"""


@pytest.mark.parametrize("target", ["yaml", "json", "argdown", "aif"])
def test_check_reports_the_same_problems_in_every_format(tmp_path, target):
    (tmp_path / "talk.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "m.yaml").write_text(MAP % ("0" * 64), encoding="utf-8")
    amap = argmap.load(tmp_path / "m.yaml")  # loading tolerates both problems
    suffix = {"yaml": ".yaml", "json": ".json", "argdown": ".argdown", "aif": ".aif.json"}[target]
    out = tmp_path / f"copy{suffix}"
    formats.write(amap, out, target)
    problems = argmap.check(out)
    messages = sorted(p.message.split(":")[0] for p in problems)
    assert messages == ["source 'talk' changed",
                        "the quote of claim 'A1' occurs 3 times in source 'talk'; the first is used"]
    assert all(isinstance(p, ProvenanceError) and p.path == str(out) and p.line for p in problems)


def test_read_source_is_confined_and_hashes_what_it_read(tmp_path):
    (tmp_path / "t.txt").write_bytes("\ufeffcafé".encode())
    found = read_source("t.txt", tmp_path)
    assert found.text == "café"
    import hashlib

    assert found.sha256 == hashlib.sha256((tmp_path / "t.txt").read_bytes()).hexdigest()
    for bad, word in (("/etc/passwd", "absolute"), ("../t.txt", "leaves"), ("nope.txt", "not found")):
        with pytest.raises(MapFormatError, match=word) as err:
            read_source(bad, tmp_path)
        assert err.value.path is None  # the caller locates it
    assert sha_problem("t", found.sha256, found.sha256.upper()) is None


def test_place_says_which_field_is_wrong():
    assert place("a b a", "a", 3, claim="C", source="s").error_field == "occurrence"
    missing = place("a b a", "c", None, claim="C", source="s")
    assert missing.match is None and missing.error_field == "quote" and "does not occur" in missing.error.message
    assert place("a b", "a", None, claim="C", source="s").advisory is None
