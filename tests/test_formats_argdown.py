"""Argdown: the documented reading subset, the writer, round trips, located errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import ArgmapError, ConversionError, MapFormatError, ProvenanceError
from argmap.formats import argdown
from argmap.model import ArgumentMap, Claim, Relation, Speaker

from .helpers.budget import examples
from .helpers.maps import DATA, FIRST_VERSION, SHIPPED, assert_same_map


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


def test_untitled_statements_are_named_as_argdown_names_them() -> None:
    m = argdown.loads("[A]: Alpha.\n  + A reason without a title.\n  - <>: x\n\nAnother one.\n")
    assert [c.id for c in m.claims][:2] == ["A", "Untitled 1"]
    assert "Untitled 2" in [c.id for c in m.claims]


def test_strict_mode_statement_relations() -> None:
    doc = "===\nmodel: {mode: strict}\n===\n\n[A]: a\n  - [B]: b\n  + [C]: c\n  - <D>: d\n"
    m = argdown.loads(doc)
    assert rels(m) == {("B", "attack", "A"), ("A", "attack", "B"), ("C", "support", "A"), ("D", "attack", "A")}
    assert m.relation("B", "A").note == "contrary" and m.relation("C", "A").note == "entails"
    assert m.relation("D", "A").note is None


def test_undercut_of_a_sketched_argument_is_an_attack_noted_undercut() -> None:
    m = argdown.loads("<A>: a\n  _ <B>: b\n  <_ <C>: c\n\n<D>: d\n  _> <A>\n")
    assert rels(m) == {("B", "attack", "A"), ("C", "attack", "A"), ("D", "attack", "A")}
    assert {r.note for r in m.relations} == {"undercut"}


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
    m = argmap.load(FIRST_VERSION)
    back = argdown.loads(argdown.dumps(m), path=FIRST_VERSION.parent / "copy.argdown")
    assert_same_map(back, m)
    assert [(c.start, c.end) for c in sorted(back.claims, key=lambda c: c.id)] == \
        [(c.start, c.end) for c in sorted(m.claims, key=lambda c: c.id)]


def test_lint_silences_are_kept_as_data() -> None:
    m = argmap.load(SHIPPED)
    silenced = {c.id: c.silence for c in m.claims if c.silence}
    assert silenced and argdown.losses(m) == []
    back = argdown.loads(argdown.dumps(m), path=SHIPPED.parent / "copy.argdown")
    assert {c.id: c.silence for c in back.claims if c.silence} == silenced
    assert_same_map(back, m)


def test_a_silence_that_is_not_rules_to_reasons_is_the_users_data() -> None:
    lost: list[ArgmapError] = []
    m = argdown.loads("[A]: text {silence: true}\n[B]: text {silence: {unrelated: why}}\n", warnings=lost)
    assert m.claim("A").silence == () and m.claim("B").silence == (("unrelated", "why"),)
    assert any("silence" in w.message and "not kept" in w.message for w in lost)


def test_one_section_per_speaker() -> None:
    text = argdown.dumps(argmap.load(FIRST_VERSION))
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
    ("unclosed data", "[A]: text {speaker: x\n", 1, 11, "not closed"),
    ("bad yaml", "[A]: text {speaker: [x}\n", 1, None, "YAML error"),
    ("kind", "[A]: t {speaker: x, kind: thesys}\n", 1, 8, "unknown kind"),
    ("comment", "[A]: t /* never closed\n", 1, 8, "comment not closed"),
    ("frontmatter", "===\ntitle: x\n", 1, 1, "frontmatter is not closed"),
    ("relations key", "[A]: t {speaker: x, relations: {B: {note: n}}}\n", 1, 8, "no relation"),
    ("inference", "<A>\n\n(1) p\n--\nrule\n\n(2) c\n", 4, 1, "inference not closed"),
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


# What argmap skips or cannot keep: read, with a located warning; refused under strict.
SKIPS = [
    ("redefined", "[A]: one {speaker: x}\n\n[A]: two\n", 3, 1, "several different texts"),
    ("orphan relation", "[A]: t\n\n  + [B]: u\n", 3, 3, "no parent"),
    ("unindented relation", "[A]: t\n+ [B]: u\n", 2, 1, "no parent"),
    ("both", "[A]: t {speaker: x}\n  + [B]: u {speaker: x}\n  - [B]\n", 3, 3, "both supports and attacks"),
    ("typo is user data", "[A]: t {speeker: x}\n", 1, 8, "speeker (did you mean 'speaker'?)"),
    ("some speakers", "[A]: t {speaker: x}\n  + [B]: u\n", 2, 5, "no speaker"),
    ("self", "[A]: t\n  + [A]\n", 2, 3, "itself"),
    ("text after reference", "[A]: t\n\n[A] and more\n", 3, 1, "text after the reference"),
    ("no title nor text", "{speaker: x}\n", 1, 1, "neither title nor text"),
    ("support of a reconstruction", "<A>\n\n(1) p\n----\n(2) c\n\n[X]: x\n  +> <A>\n", 8, 3,
     "support of the reconstructed argument"),
    ("argument as premise", "<A>\n\n(1) <B>\n(2) p\n----\n(3) c\n", 3, 5, "stands as premise"),
    ("no inference bar", "<A>\n\n(1) p\n(2) c\n", 3, 5, "no inference bar"),
    ("circular step", "<A>\n\n(1) [p]: p\n----\n(2) [p]\n", 5, 5, "conclusion among its premises"),
    ("uses names nothing", "<A>\n\n(1) p\n(2) q\n-- {uses: [1, 7]} --\n(3) c\n", 5, 1, "statement (7)"),
]


@pytest.mark.parametrize("text,line,column,message", [b[1:] for b in SKIPS], ids=[b[0] for b in SKIPS])
def test_skipped_with_a_located_warning_or_refused_under_strict(text: str, line: int, column: int,
                                                                message: str) -> None:
    lost: list = []
    argdown.loads(text, path="bad.argdown", warnings=lost)
    hits = [w for w in lost if message in str(w)]
    assert [(w.path, w.line, w.column) for w in hits] == [("bad.argdown", line, column)]
    with pytest.raises(MapFormatError, match=re.escape(message)) as info:
        argdown.loads(text, path="bad.argdown", strict=True)
    assert (info.value.line, info.value.column) == (line, column)


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


# -- what real files use -------------------------------------------------------------------------


def test_premise_conclusion_structure_one_argument_per_inference_step() -> None:
    doc = """<Trains>: Trains beat planes on short trips. #transport {speaker: ann}

(1) [Fast]: Trains are fast door to door.
(2) Planes need check-in time.
--
Comparison {uses: [1, 2]}
--
(3) [Faster]: Trains are faster on short trips.
(4) Speed decides short trips.
----
(5) [Choose]: Choose the train for short trips.
  -> [Fly]: Always fly.
"""
    lost: list = []
    m = argdown.loads(doc, warnings=lost)
    assert [(a.id, a.premises, a.conclusion, a.scheme, a.note, a.speaker) for a in m.arguments] == [
        ("Trains (3)", ("Fast", "Untitled 1"), "Faster", "Comparison", None, "ann"),
        ("Trains", ("Faster", "Untitled 2"), "Choose", None, "Trains beat planes on short trips.", "ann"),
    ]
    assert not m.has_claim("Trains")  # a reconstructed argument is its arguments, not a claim
    assert rels(m) == {("Choose", "attack", "Fly")}
    assert any("tags of 1 reconstructed argument" in w.message for w in lost)


def test_relations_of_reconstructed_arguments_as_argdown_resolves_them() -> None:
    doc = """<A>

(1) p
----
(2) [C]: c

<B>: b
  _> <A>
  -> <A>

[X]: x
  <- <A>
"""
    m = argdown.loads(doc)
    assert [a.id for a in m.arguments] == ["A"]
    # from <A>: its conclusion; to <A>: the argument itself (undercut or attack of the inference)
    assert rels(m) == {("B", "attack", "A"), ("C", "attack", "X")}
    assert m.relation("B", "A").note == "undercut"


def test_undercut_below_a_conclusion_or_an_inference() -> None:
    below_conclusion = "<a>\n\n(1) s1\n(2) s2\n-----\n(3) s3\n    <_ <b>\n    +> <c>\n"
    m = argdown.loads(below_conclusion)
    assert rels(m) == {("b", "attack", "a"), ("Untitled 3", "support", "c")}
    below_inference = "<a>\n\n(1) s1\n(2) s2\n-----\n    <_ [t1]: t\n(3) s3\n"
    m = argdown.loads(below_inference)
    assert rels(m) == {("t1", "attack", "a")} and m.relation("t1", "a").note == "undercut"


def test_referenced_but_never_defined_takes_its_title_as_text() -> None:
    m = argdown.loads("[Tax]: Raise the tax.\n  - [Jobs lost]\n  + <Fairness>\n")
    assert (m.claim("Jobs lost").text, m.claim("Fairness").text) == ("Jobs lost", "Fairness")


def test_definition_with_tags_or_data_but_no_text() -> None:
    m = argdown.loads("[A]: #important {kind: thesis}\n\n[A]: The text comes later.\n")
    assert (m.claim("A").text, m.claim("A").kind, m.claim("A").tags) == ("The text comes later.", "thesis",
                                                                       ("important",))


def test_relation_below_a_comment_line_keeps_its_parent() -> None:
    m = argdown.loads("[A]: a\n  // why:\n  + [B]: b\n  /* and\n  more */\n  - [C]: c\n")
    assert rels(m) == {("B", "support", "A"), ("C", "attack", "A")}


def test_markdown_lists_are_statements() -> None:
    m = argdown.loads("Intro text.\n\n* First point\n* Second point\n  spread over two lines\n1. Third\n")
    assert [c.text for c in m.claims] == ["Intro text.", "First point", "Second point spread over two lines",
                                         "Third"]


def test_statement_and_argument_may_share_a_title() -> None:
    m = argdown.loads("[A1]: a statement\n\n<A1>: an argument\n  +> [A1]\n")
    assert rels(m) == {("A1 (argument)", "support", "A1")}


def test_unknown_data_keys_are_the_users_data() -> None:
    doc = "[A]: a {sources: [x], reason: why, source: Smith 2001}\n"
    lost: list = []
    m = argdown.loads(doc, warnings=lost)
    assert m.claim("A").source is None
    assert [w.message for w in lost] == [
        "3 data values argmap has no field for, not kept: reason (did you mean 'relations'?), source, "
        "sources (did you mean 'source'?)"]


def test_contrary_and_contradictory_in_strict_mode() -> None:
    doc = "===\nmodel:\n  mode: strict\n===\n\n[A]: a\n  - [B]: b\n  >< [C]: c\n  + [D]: d\n"
    m = argdown.loads(doc)
    assert {(r.from_id, r.to_id, r.note) for r in m.relations} == {
        ("B", "A", "contrary"), ("A", "B", "contrary"), ("A", "C", "contradictory"), ("C", "A", "contradictory"),
        ("D", "A", "entails")}


def test_a_reconstructed_arguments_attack_on_a_statement_is_its_conclusions_contrariness_in_strict_mode() -> None:
    # as the Argdown CLI derives it: <b> attacks s, so b's main conclusion is contrary to s
    doc = ("===\nmodel:\n  mode: strict\n===\n\n<b>\n\n(1) p\n----\n(2) [T]: t\n\n"
           "[S]: s\n  <- <b>\n  <+ <b2>\n\n<b2>\n\n(1) q\n----\n(2) [U]: u\n")
    m = argdown.loads(doc)
    assert {(r.from_id, r.to_id, r.note) for r in m.relations} == {
        ("T", "S", "contrary"), ("S", "T", "contrary"), ("U", "S", "entails")}


def test_a_structure_after_a_structure_is_another_untitled_argument() -> None:
    # a premise-conclusion structure has no empty line; Argdown numbers untitled
    # arguments and statements with one counter
    m = argdown.loads("<A>\n\n(1) p\n----\n(2) q\n\n(1) r\n----\n(2) s\n")
    assert [(a.id, a.premises, a.conclusion) for a in m.arguments] == [
        ("A", ("Untitled 1",), "Untitled 2"), ("Untitled 3", ("Untitled 4",), "Untitled 5")]


def test_include_resolves_inside_the_folder(tmp_path: Path) -> None:
    (tmp_path / "part.argdown").write_text("[B]: b\n  - [A]\n", encoding="utf-8")
    (tmp_path / "main.argdown").write_text("[A]: a\n\n@include(part.argdown)\n\n[C]: c\n  + [A]\n",
                                           encoding="utf-8")
    m = argmap.load(tmp_path / "main.argdown")
    assert rels(m) == {("A", "attack", "B"), ("A", "support", "C")}
    (tmp_path / "loop.argdown").write_text("@include(loop.argdown)\n", encoding="utf-8")
    with pytest.raises(MapFormatError, match="cycle") as info:
        argmap.load(tmp_path / "loop.argdown")
    assert info.value.path == str(tmp_path / "loop.argdown")
    (tmp_path / "out.argdown").write_text("[A]: a\n@include(../x.argdown)\n", encoding="utf-8")
    with pytest.raises(MapFormatError, match="leaves the folder") as info:
        argmap.load(tmp_path / "out.argdown")
    assert info.value.line == 2
    (tmp_path / "bad.argdown").write_text("@include(part.argdown)\n\n[X]: x {kind: nope}\n", encoding="utf-8")
    with pytest.raises(MapFormatError, match="unknown kind") as info:
        argmap.load(tmp_path / "bad.argdown")
    assert info.value.line == 3


def test_error_inside_an_included_file_names_that_file(tmp_path: Path) -> None:
    (tmp_path / "part.argdown").write_text("[B]: b\n\n[C]: c {kind: nope}\n", encoding="utf-8")
    (tmp_path / "main.argdown").write_text("[A]: a\n\n@include(part.argdown)\n", encoding="utf-8")
    with pytest.raises(MapFormatError) as info:
        argmap.load(tmp_path / "main.argdown")
    assert (info.value.path, info.value.line) == (str(tmp_path / "part.argdown"), 3)


@pytest.mark.parametrize("make", [
    lambda n: "[A]: " + "word " * n + "\n",                        # one long paragraph
    lambda n: "[A]: a\n" + "  continued line\n" * (n // 3),       # many continuation lines
    lambda n: "[A]: " + "#(" * n + "\n",                           # unclosed tag openers
    lambda n: "[A]: " + "#(x " * (n // 2) + "\n  more\n" * 3,
    lambda n: "[A]: a\n" + "  + [B]: b\n" * (n // 4),              # many relations, one parent
], ids=["paragraph", "continuations", "unclosed tags", "tags over lines", "relations"])
def test_hostile_shapes_read_without_blowing_up(make) -> None:  # noqa: ANN001 - a factory
    text = make(20_000)
    m = argdown.loads(text)
    assert m.claims[0].id == "A"


def test_inline_data_alias_bomb_is_refused_with_a_location() -> None:
    bomb = "[A]: a {a: &a [x, x, x, x, x, x, x, x, x], b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a], " \
           "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b], d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c], " \
           "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d], f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]}\n"
    with pytest.raises(MapFormatError) as info:
        argdown.loads(bomb, path="bomb.argdown")
    assert info.value.line == 1


# -- the Argdown project's own files and argmap's syntax fixtures, against the Argdown CLI's reading ---

REAL = Path(__file__).parent / "data" / "argdown-real"
_POLARITY = {"support": "support", "entails": "support", "attack": "attack", "undercut": "attack",
             "contrary": "attack", "contradictory": "attack"}


def _shifted() -> dict[str, bool]:
    rows = [ln.split("\t") for ln in (REAL / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()]
    k = rows[0].index("reference")
    return {r[0]: "blank line added" in r[k] for r in rows[1:]}


SYNTAX = Path(__file__).parent / "data" / "argdown-syntax"
#: CLI relations argmap cannot hold (a support of a reconstructed argument), by file
_UNHOLDABLE = {"s11-reconstructed-relations.argdown": {("s3", "b")}}


@pytest.mark.parametrize("path", [p for folder in (REAL, SYNTAX) for p in sorted(folder.glob("*.argdown"))],
                         ids=lambda p: p.name)
def test_real_file_has_the_argdown_clis_relations_and_steps(path: Path) -> None:
    import json

    name = path.name
    m = argmap.load(path)
    cli = json.loads(path.with_name(name + "-cli.json").read_text(encoding="utf-8"))
    shift = 1 if path.parent == REAL and _shifted()[name] else 0
    at_line = {m.positions[("claims", i)][0]: c.id for i, c in enumerate(m.claims) if ("claims", i) in m.positions}

    def statement(title: str) -> str:
        for member in cli["statements"][title]["members"]:
            if member["startLine"] - shift in at_line:
                return at_line[member["startLine"] - shift]
        return title

    def end(title: str, kind: str, index: int | None) -> str:
        if kind == "equivalence-class":
            return statement(title)
        pcs = cli["arguments"][title].get("pcs") or []
        if kind == "inference" and index is not None and index < len(pcs) - 1:
            return f"{title} ({index + 1})"
        if not pcs and title in cli["statements"]:
            return f"{title} (argument)"  # a statement has the same title
        return title

    have = {(r.from_id, r.to_id): r.type for r in m.relations}
    have.update(((a.premises[0], a.conclusion), "support") for a in m.arguments if len(a.premises) == 1)
    for r in cli["relations"]:
        a, b = end(r["from"], r["fromType"], None), end(r["to"], r["toType"], r.get("conclusionIndex"))
        pairs = [(a, b), (b, a)] if r["relationType"] in ("contrary", "contradictory") else [(a, b)]
        for pair in pairs:
            if pair in _UNHOLDABLE.get(name, ()):
                assert pair not in have
                continue
            assert have.get(pair) == _POLARITY[r["relationType"]], (r, pair)
    statement_pairs = {(r.from_id, r.to_id) for r in m.relations if m.has_claim(r.to_id)}
    expected = {(end(r["from"], r["fromType"], None), end(r["to"], r["toType"], r.get("conclusionIndex")))
                for r in cli["relations"]}
    expected |= {(b, a) for a, b in expected}
    assert statement_pairs <= expected  # argmap adds no relation between claims
    conclusions = {(a.conclusion, frozenset(a.premises)) for a in m.arguments}
    for arg in cli["arguments"].values():
        pcs = arg.get("pcs") or []
        for s in pcs:
            if s.get("role") in ("main-conclusion", "intermediary-conclusion"):
                assert statement(s["title"]) in {c for c, _ in conclusions}, (arg["title"], s["title"])


@pytest.mark.parametrize("path", sorted(SYNTAX.glob("*.argdown")), ids=lambda p: p.name)
def test_syntax_fixture_has_the_argdown_clis_statements_texts_and_tags(path: Path) -> None:
    import json

    m = argmap.load(path)
    cli = json.loads(path.with_name(path.name + "-cli.json").read_text(encoding="utf-8"))
    at_line = {m.positions[("claims", i)][0]: c.id for i, c in enumerate(m.claims) if ("claims", i) in m.positions}
    trailing_tags = re.compile(r"(\s+#(\([^)]*\)|[\w-]+))+$")
    seen = set()
    for title, ec in cli["statements"].items():
        cid = next((at_line[mb["startLine"]] for mb in ec["members"] if mb["startLine"] in at_line), title)
        seen.add(cid)
        texts = [mb["text"] for mb in ec["members"] if mb.get("text") and not mb.get("isReference")]
        want = trailing_tags.sub("", " ".join(texts[0].split())) if texts else title
        assert " ".join(m.claim(cid).text.split()) == want, title
        assert set(m.claim(cid).tags) == set(ec["tags"]), title
    # every other claim is an argument the file never reconstructs (argmap's claim for it)
    assert {c.id for c in m.claims} - seen <= {f"{t} (argument)" if t in cli["statements"] else t
                                                for t in cli["arguments"]}


def test_no_speaker_anywhere_warns_once_when_headings_or_tags_could_name_them() -> None:
    lost: list[ArgmapError] = []
    m = argdown.loads("# Ann\n\n[A]: a #x\n  - [B]: b\n", warnings=lost)
    assert [s.id for s in m.speakers] == ["unattributed"]
    (w,) = [w for w in lost if "names its speaker" in w.message]
    assert (w.line, w.column) == (3, 1) and "`speaker_from` tag or `speaker_from` heading" in (w.hint or "")
    assert argdown.loads("# Ann\n\n[A]: a\n", speaker_from="heading").claims[0].speaker == "ann"
    quiet: list[ArgmapError] = []
    argdown.loads("[A]: a\n  - [B]: b\n", warnings=quiet)
    assert quiet == []
    argdown.loads("# Ann\n\n[A]: a #x\n", strict=True)  # never refused: the file simply names no speaker
