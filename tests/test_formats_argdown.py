"""Argdown: the documented reading subset, the writer, round trips, located errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import ArgmapError, ConversionError, MapFormatError, ProvenanceError
from argmap.formats import argdown
from argmap.model import ArgumentMap, Claim, Relation, Speaker

from .helpers.budget import examples
from .helpers.maps import DATA, SHIPPED, assert_same_map


def rels(m: ArgumentMap) -> set[tuple[str, str, str]]:
    return {(r.from_id, r.type, r.to_id) for r in m.relations}


# -- hand-written debates --------------------------------------------------------------


def test_debate_with_speakers_in_data() -> None:
    m = argmap.load(DATA / "debate.argdown")
    assert m.title == "Should the library open on Sundays?"
    assert [(s.id, s.name) for s in m.speakers] == [("maya", "Maya (councillor)"), ("olu", "Olu (librarian)")]
    who = {c.id: c.speaker for c in m.claims}
    assert who == {"Sunday": "maya", "Families": "maya", "Saturday": "olu", "Cost": "olu",
                   "Study": "maya", "Volunteers": "maya", "Crowded": "maya", "Insurance": "olu"}
    kinds = {c.id: c.kind for c in m.claims}
    assert kinds["Sunday"] == "thesis" and kinds["Crowded"] == "fact" and kinds["Study"] == "claim"
    assert rels(m) == {
        ("Families", "support", "Sunday"),      # <+ under the parent
        ("Saturday", "attack", "Families"),     # <- nested one level deeper
        ("Cost", "attack", "Sunday"),           # <- and, repeated later, -> : one relation
        ("Sunday", "support", "Study"),         # +> : the parent supports the child
        ("Volunteers", "attack", "Cost"),       # relation below a reference
        ("Crowded", "attack", "Saturday"),      # >< : an attack each way
        ("Saturday", "attack", "Crowded"),
        ("Insurance", "attack", "Volunteers"),
    }
    assert m.relation("Crowded", "Saturday").note == "contradictory"
    assert m.relation("Insurance", "Volunteers").note == "the insurer requires one employee on site"
    assert m.claim("Crowded").tags == ("space and staff",)
    assert m.claim("Study").text == "Students would gain a quiet place to study before Monday exams."
    assert not any(r.type == "support" and r.note == "contradictory" for r in m.relations)


def test_debate_speakers_from_tags() -> None:
    m = argmap.load(DATA / "debate-tags.argdown", speaker_from="tag")
    assert {c.id: c.speaker for c in m.claims} == {"Ban": "ann", "Air": "ann", "Trade": "ben", "Survey": "ann"}
    assert m.claim("Ban").tags == ("transport",)          # the speaker tag is consumed
    assert m.claim("Survey").text == "Most shoppers there come on foot or by tram. #1"  # escaped #
    assert rels(m) == {("Air", "support", "Ban"), ("Trade", "attack", "Ban"), ("Survey", "attack", "Trade")}


def test_debate_speakers_from_headings() -> None:
    m = argmap.load(DATA / "debate-headings.argdown", speaker_from="heading")
    assert [(s.id, s.name) for s in m.speakers] == [("ann", "Ann"), ("ben", "Ben")]
    assert {c.id: c.speaker for c in m.claims} == {"Ban": "ann", "Air": "ann", "Study": "ann", "Trade": "ben"}
    assert m.title == "debate-headings"


def test_through_the_public_loader_with_options() -> None:
    m = argmap.load(DATA / "debate-headings.argdown", speaker_from="heading")
    assert m.claim("Trade").speaker == "ben"


def test_no_speaker_anywhere_means_one_unattributed_speaker() -> None:
    m = argdown.loads("[A]: Alpha.\n  - [B]: Beta.\n")
    assert [s.id for s in m.speakers] == ["unattributed"]
    assert rels(m) == {("B", "attack", "A")}


def test_untitled_statements_get_line_ids() -> None:
    m = argdown.loads("[A]: Alpha.\n  + A reason without a title.\n")
    assert [c.id for c in m.claims] == ["A", "untitled-2"]


def test_strict_mode_statement_relations() -> None:
    doc = "===\nmodel: {mode: strict}\n===\n\n[A]: a\n  - [B]: b\n  + [C]: c\n  - <D>: d\n"
    m = argdown.loads(doc)
    assert rels(m) == {("B", "attack", "A"), ("A", "attack", "B"), ("C", "support", "A"), ("D", "attack", "A")}
    assert m.relation("B", "A").note == "contrary" and m.relation("C", "A").note == "entails"
    assert m.relation("D", "A").note is None


def test_undercut_as_attack_when_asked() -> None:
    m = argdown.loads("<A>: a\n  _ <B>: b\n", undercut="attack")
    assert rels(m) == {("B", "attack", "A")}
    assert "undercut" in m.relation("B", "A").note


def test_comments_and_urls() -> None:
    doc = ("// a comment line\n[A]: See http://example.org for it. /* inline */ {speaker: \"a // b\"}\n"
           "<!-- html comment -->\n")
    m = argdown.loads(doc)
    assert m.claim("A").text == "See http://example.org for it."
    assert m.claim("A").speaker == "a // b"


def test_block_yaml_data() -> None:
    m = argdown.loads("[A]: Alpha. {\n  speaker: ann\n  kind: thesis\n}\n")
    assert (m.claim("A").speaker, m.claim("A").kind) == ("ann", "thesis")


# -- writing -------------------------------------------------------------------------------


def test_golden_writer() -> None:
    m = argmap.load(DATA / "toy.yaml")
    assert argdown.dumps(m) == (DATA / "toy.argdown").read_text(encoding="utf-8")
    assert argdown.losses(m) == []


def test_golden_reads_back_to_the_native_map() -> None:
    assert_same_map(argmap.load(DATA / "toy.argdown"), argmap.load(DATA / "toy.yaml"))


def test_shipped_map_round_trip(tmp_path: Path) -> None:
    m = argmap.load(SHIPPED)
    back = argdown.loads(argdown.dumps(m), path=SHIPPED.parent / "copy.argdown")
    assert_same_map(back, m)
    assert [(c.start, c.end) for c in sorted(back.claims, key=lambda c: c.id)] == \
        [(c.start, c.end) for c in sorted(m.claims, key=lambda c: c.id)]


def test_one_section_per_speaker() -> None:
    text = argdown.dumps(argmap.load(SHIPPED))
    headings = [ln for ln in text.splitlines() if ln.startswith("# ")]
    assert headings == ["# Essay author {speaker: essay}", "# Commenter {speaker: commenter}"]


def test_line_breaks_are_reported() -> None:
    m = ArgumentMap(speakers=[Speaker("a", "A")], claims=[Claim("X", "a", "one\ntwo"), Claim("Y", "a", "y\nz")])
    assert argdown.losses(m) == ["2 claim texts with line breaks (written on one line)"]
    assert argdown.loads(argdown.dumps(m)).claim("X").text == "one two"


def test_unwritable_title() -> None:
    m = ArgumentMap(speakers=[Speaker("a", "A")], claims=[Claim("x]y", "a", "t")])
    with pytest.raises(ConversionError, match="Argdown title"):
        argdown.dumps(m)


def test_relation_speaker_and_note_survive() -> None:
    m = ArgumentMap(speakers=[Speaker("a", "A"), Speaker("b", "B")],
                    claims=[Claim("X", "a", "x"), Claim("Y", "b", "y")],
                    relations=[Relation("Y", "X", "attack", note="why: because", speaker="a")])
    assert argdown.loads(argdown.dumps(m)) == m


# -- malformed input, located ------------------------------------------------------------------

BAD = [
    ("undercut", "<A>: a {speaker: x}\n  _ <B>: b {speaker: x}\n", 2, 3, "undercut"),
    ("pcs", "<A>: a\n\n(1) premise\n(2) premise\n----\n(3) conclusion\n", 3, 1, "premise-conclusion"),
    ("unclosed data", "[A]: text {speaker: x\n", 1, 11, "not closed"),
    ("bad yaml", "[A]: text {speaker: [x}\n", 1, None, "YAML error"),
    ("redefined", "[A]: one {speaker: x}\n\n[A]: two\n", 3, 1, "defined again"),
    ("never defined", "[A]: t {speaker: a}\n  + [B]\n", 2, 5, "never defined"),
    ("orphan relation", "[A]: t\n\n  + [B]: u\n", 3, 3, "no parent"),
    ("unindented relation", "[A]: t\n+ [B]: u\n", 2, 1, "not indented"),
    ("two blocks", "[A]: t\n[B]: u\n", 2, 1, "new block"),
    ("namespace", "[A]: t {speaker: x}\n\n<A>: u\n", 3, 1, "namespace"),
    ("both", "[A]: t {speaker: x}\n  + [B]: u {speaker: x}\n  - [B]\n", 3, 3, "both"),
    ("kind", "[A]: t {speaker: x, kind: thesys}\n", 1, 8, "unknown kind"),
    ("typo", "[A]: t {speeker: x}\n", 1, 8, "did you mean 'speaker'"),
    ("some speakers", "[A]: t {speaker: x}\n  + [B]: u\n", 2, 5, "no speaker"),
    ("comment", "[A]: t /* never closed\n", 1, 8, "comment not closed"),
    ("frontmatter", "===\ntitle: x\n", 1, 1, "frontmatter is not closed"),
    ("self", "[A]: t\n  + [A]\n", 2, 3, "itself"),
    ("relations key", "[A]: t {speaker: x, relations: {B: {note: n}}}\n", 1, 8, "no relation"),
]


@pytest.mark.parametrize("text,line,column,message", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_malformed(text: str, line: int, column: int | None, message: str) -> None:
    with pytest.raises(MapFormatError) as info:
        argdown.loads(text, path="bad.argdown")
    exc = info.value
    assert message in str(exc)
    assert exc.path == "bad.argdown" and exc.line == line
    if column is not None:
        assert exc.column == column


def test_quote_must_occur_in_source() -> None:
    doc = ("===\nsources: [{id: t, file: sources/toy.txt}]\n===\n\n"
           "[A]: a {speaker: x, quote: \"no such words\"}\n")
    with pytest.raises(ProvenanceError) as info:
        argdown.loads(doc, path=DATA / "q.argdown")
    assert info.value.line == 5


def test_source_must_stay_in_folder() -> None:
    doc = "===\nsources: [{id: t, file: ../secret.txt}]\n===\n\n[A]: a {speaker: x}\n"
    with pytest.raises(MapFormatError, match="leaves the map's folder") as info:
        argdown.loads(doc, path=DATA / "q.argdown")
    assert info.value.line == 2


def test_bad_option() -> None:
    with pytest.raises(ValueError):
        argdown.loads("[A]: a\n", speaker_from="tags")


# -- property: any text either reads or fails with a located ArgmapError --------------------

_PIECES = st.sampled_from(list("[]<>{}:#+-_ \n\t\\/*=()1aA\"',@") + [
    "===", "\n  + ", "\n  - ", "\n    <- ", "><", "{speaker: a}", "[A]: ", "<B>: ", "/*", "*/", "//", "\n\n"])


@settings(max_examples=examples(400))
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_any_text_reads_or_fails_cleanly(text: str) -> None:
    try:
        argdown.loads(text, path="fuzz.argdown")
    except ArgmapError as exc:
        assert exc.path == "fuzz.argdown" and exc.line is not None and exc.message, str(exc)


@settings(max_examples=examples(100))
@given(st.lists(st.sampled_from(["support", "attack"]), min_size=1, max_size=6),
       st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30))
def test_written_texts_read_back(types: list[str], text: str) -> None:
    claims = [Claim(f"K{i}", "a", f"{text} {i}") for i in range(len(types) + 1)]
    relations = [Relation(f"K{i + 1}", "K0", t) for i, t in enumerate(types)]
    m = ArgumentMap(speakers=[Speaker("a", "A")], claims=claims, relations=relations)
    back = argdown.loads(argdown.dumps(m))
    assert [c.text for c in back.claims] == [" ".join(c.text.split("\n")).strip() for c in m.claims]
    assert set(back.relations) == set(m.relations)
