"""argmap lint: each rule on a small map of its own, silences, locations, the CLI."""

from __future__ import annotations

import json
import textwrap

import pytest
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.lint import RULES, lint, lint_report
from argmap.model import Argument, ArgumentMap, Claim, Relation, Source, Speaker

runner = CliRunner()


def make(claims, relations=(), arguments=(), speakers=("a", "b"), source=None):
    """A map from compact tuples: claims (id, speaker, kind[, quote]), relations (from, to, type)."""
    sources = [Source("s", "s.txt", text=source)] if source is not None else []
    built = []
    for c in claims:
        cid, spk, kind = c[:3]
        quote = c[3] if len(c) > 3 else None
        start = end = None
        if quote is not None:
            start = source.index(quote)
            end = start + len(quote)
        built.append(Claim(cid, spk, f"text of {cid}", kind, "s" if quote else None, quote,
                           start=start, end=end))
    rels = [Relation(*r) for r in relations]
    return ArgumentMap(speakers=[Speaker(s, s.upper()) for s in speakers], sources=sources,
                       claims=built, relations=rels, arguments=arguments)


def rules_of(amap, rule=None):
    found = lint(amap)
    return [(f.rule, f.subject) for f in found if rule is None or f.rule == rule]


def write(tmp_path, body, source="one two three four five six seven eight nine ten"):
    (tmp_path / "s.txt").write_text(source, encoding="utf-8")
    path = tmp_path / "m.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


# -- the rule table --------------------------------------------------------------------------
def test_every_rule_has_an_id_a_level_and_one_line():
    assert {"self-defeat", "support-and-attack", "attacks-own-concession", "quote-boundary",
            "no-thesis", "unrelated", "answers-nothing", "attacks-fact", "note-quote"} <= set(RULES)
    for rule in RULES.values():
        assert rule.level in ("error", "warning")
        assert rule.summary and "\n" not in rule.summary


def test_a_clean_map_has_no_findings():
    m = make([("A1", "a", "thesis"), ("A2", "a", "claim"), ("B1", "b", "thesis")],
             [("A2", "A1", "support"), ("B1", "A1", "attack")])
    assert lint(m) == []


# -- self-defeat -------------------------------------------------------------------------------
def test_self_defeat_a_speaker_attacking_its_own_claim():
    m = make([("A1", "a", "thesis"), ("A2", "a", "claim")], [("A2", "A1", "attack")])
    (finding,) = [f for f in lint(m) if f.rule == "self-defeat"]
    assert finding.subject == "A1" and finding.level == "error"
    assert "attacked by A2" in finding.message and "none" in finding.message


def test_self_defeat_only_under_a_support_reading_names_that_reading():
    # A3 knocks out A1 directly; under `necessary` A2 falls with A1, its only support
    m = make([("A2", "a", "thesis"), ("A1", "a", "claim"), ("A3", "a", "claim")],
             [("A1", "A2", "support"), ("A3", "A1", "attack")])
    found = {f.subject: f for f in lint(m) if f.rule == "self-defeat"}
    assert set(found) == {"A1", "A2"}
    assert "necessary" in found["A2"].message and "none" not in found["A2"].message


def test_self_defeat_ignores_attacks_from_other_speakers():
    m = make([("A1", "a", "thesis"), ("B1", "b", "thesis")], [("B1", "A1", "attack")])
    assert rules_of(m, "self-defeat") == []


def test_self_defeat_counts_undercuts_inside_one_speaker():
    args = [Argument("R", ("A2",), "A1")]
    m = make([("A1", "a", "thesis"), ("A2", "a", "claim"), ("A3", "a", "claim")],
             [("A3", "R", "attack"), ("A3", "A1", "support")], arguments=args)
    # A3 undercuts A's own argument: no claim is attacked, so nothing falls under `none`;
    # the finding appears only where undercuts matter, and never crashes
    for f in lint(m):
        assert f.rule != "self-defeat" or "none" not in f.message


# -- support-and-attack --------------------------------------------------------------------------
def test_support_and_attack_of_one_claim_by_one_speaker():
    m = make([("A1", "a", "thesis"), ("A2", "a", "claim"), ("B1", "b", "thesis")],
             [("A1", "B1", "support"), ("A2", "B1", "attack"), ("A2", "A1", "support")])
    assert rules_of(m, "support-and-attack") == [("support-and-attack", "A2")]


def test_support_and_attack_by_different_speakers_is_fine():
    m = make([("A1", "a", "thesis"), ("B1", "b", "thesis"), ("B2", "b", "claim")],
             [("A1", "B2", "support"), ("B1", "B2", "attack")])
    assert rules_of(m, "support-and-attack") == []


def test_support_through_an_argument_counts():
    m = make([("A1", "a", "thesis"), ("A2", "a", "claim"), ("A3", "a", "claim"), ("B1", "b", "thesis")],
             [("A3", "B1", "attack"), ("A3", "A1", "support")],
             arguments=[Argument("R", ("A1", "A2"), "B1", speaker="a")])
    assert ("support-and-attack", "A3") in rules_of(m)


# -- attacks-own-concession -------------------------------------------------------------------
def test_attacking_what_ones_own_concession_grants():
    m = make([("A1", "a", "thesis"), ("B1", "b", "concession"), ("B2", "b", "thesis")],
             [("B1", "A1", "support"), ("B2", "A1", "attack")])
    (finding,) = [f for f in lint(m) if f.rule == "attacks-own-concession"]
    assert finding.subject == "B2" and "B1" in finding.message


def test_attacking_ones_own_concession_itself():
    m = make([("A1", "a", "thesis"), ("B1", "b", "concession"), ("B2", "b", "thesis")],
             [("B1", "A1", "support"), ("B2", "B1", "attack")])
    assert ("attacks-own-concession", "B2") in rules_of(m)


def test_an_although_clause_attacking_its_main_clause():
    m = make([("A1", "a", "thesis"), ("A2", "a", "concession")], [("A2", "A1", "attack")])
    (finding,) = [f for f in lint(m) if f.rule == "attacks-own-concession"]
    assert finding.subject == "A2" and "its own speaker" in finding.message


def test_attacking_the_other_speakers_concession_is_fine():
    m = make([("A1", "a", "thesis"), ("B1", "b", "concession"), ("A2", "a", "claim")],
             [("B1", "A1", "support"), ("A2", "B1", "attack"), ("A2", "A1", "support")])
    assert rules_of(m, "attacks-own-concession") == []


# -- quote-boundary ----------------------------------------------------------------------------
TEXT = "The quick brown fox jumps over the lazy dog."


def test_quote_starting_inside_a_word():
    m = make([("A1", "a", "thesis", "uick brown fox")], source=TEXT)
    (finding,) = [f for f in lint(m) if f.rule == "quote-boundary"]
    assert "starts inside the word 'quick'" in finding.message


def test_quote_ending_inside_a_word():
    m = make([("A1", "a", "thesis", "brown fox ju")], source=TEXT)
    (finding,) = [f for f in lint(m) if f.rule == "quote-boundary"]
    assert "ends inside the word 'jumps'" in finding.message


@pytest.mark.parametrize("quote", ["The quick", "lazy dog.", "fox", "brown fox jumps"])
def test_whole_word_quotes_pass(quote):
    m = make([("A1", "a", "thesis", quote)], source=TEXT)
    assert rules_of(m, "quote-boundary") == []


# -- no-thesis -------------------------------------------------------------------------------------
def test_a_chain_that_reaches_no_thesis():
    m = make([("A1", "a", "thesis"), ("A2", "a", "claim"), ("A3", "a", "claim"), ("A4", "a", "claim")],
             [("A2", "A1", "support"), ("A3", "A4", "support")])
    assert sorted(s for r, s in rules_of(m, "no-thesis")) == ["A3", "A4"]


def test_an_attack_on_another_speaker_anchors_a_rebuttal():
    m = make([("A1", "a", "thesis"), ("B1", "b", "thesis"), ("B2", "b", "rebuttal"), ("B3", "b", "claim")],
             [("B2", "A1", "attack"), ("B3", "B2", "support")])
    assert rules_of(m, "no-thesis") == []


def test_concessions_and_speakers_without_theses_are_exempt():
    m = make([("A1", "a", "thesis"), ("A2", "a", "concession"), ("B1", "b", "claim"), ("B2", "b", "claim")],
             [("A2", "B1", "support"), ("B2", "B1", "support")])
    assert rules_of(m, "no-thesis") == []


def test_an_argument_for_another_speakers_claim_that_serves_nothing():
    m = make([("A1", "a", "thesis"), ("A2", "a", "claim"), ("B1", "b", "thesis"), ("B2", "b", "claim")],
             [("A2", "A1", "support"), ("B2", "B1", "support")],
             arguments=[Argument("R", ("A2",), "B2", speaker="a")])
    (finding,) = [f for f in lint(m) if f.rule == "no-thesis"]
    assert finding.subject == "B2" and "argument R" in finding.message


# -- unrelated -------------------------------------------------------------------------------------
def test_unrelated_claim():
    m = make([("A1", "a", "thesis"), ("A2", "a", "claim"), ("A3", "a", "claim")], [("A2", "A1", "support")])
    assert rules_of(m, "unrelated") == [("unrelated", "A3")]


def test_a_premise_of_an_argument_is_related():
    m = make([("A1", "a", "thesis"), ("A2", "a", "claim"), ("A3", "a", "claim")],
             arguments=[Argument("R", ("A2", "A3"), "A1")])
    assert rules_of(m, "unrelated") == []


# -- answers-nothing -------------------------------------------------------------------------------
DEBATE = ("Essay: taxes should rise. The letter said: waste is everywhere. But Schools need money. "
          "Reply: taxes hurt growth. I like cats. Cats are nice.")


def debate(extra_relations=()):
    claims = [("E1", "e", "thesis", "taxes should rise"), ("E2", "e", "claim", "Schools need money"),
              ("L1", "l", "thesis", "waste is everywhere"),
              ("R1", "r", "thesis", "taxes hurt growth"), ("R2", "r", "claim", "I like cats"),
              ("R3", "r", "claim", "Cats are nice")]
    rels = [("E2", "E1", "support"), ("R1", "E1", "attack"), ("R3", "R2", "support"),
            ("E2", "L1", "attack")] + list(extra_relations)
    return make(claims, rels, speakers=("e", "r", "l"), source=DEBATE)


def test_a_later_speakers_claim_that_answers_nothing():
    assert sorted(s for _, s in rules_of(debate(), "answers-nothing")) == ["R2", "R3"]


def test_answering_through_ones_own_claims_counts():
    assert rules_of(debate([("R2", "R1", "support")]), "answers-nothing") == []


def test_a_speaker_quoted_inside_another_is_not_later():
    # the letter (l) sits inside the essay's span: it need not answer the essay
    assert all(s != "L1" for _, s in rules_of(debate(), "answers-nothing"))


def test_without_quotes_the_map_order_decides():
    m = make([("A1", "a", "thesis"), ("B1", "b", "thesis"), ("B2", "b", "claim")],
             [("B2", "B1", "support"), ("B1", "A1", "attack"), ("A1", "B2", "attack")])
    assert rules_of(m, "answers-nothing") == []
    m = make([("A1", "a", "thesis"), ("B1", "b", "thesis"), ("B2", "b", "claim"), ("A2", "a", "claim")],
             [("B2", "B1", "support"), ("A2", "A1", "support")])
    assert sorted(s for _, s in rules_of(m, "answers-nothing")) == ["B1", "B2"]


# -- attacks-fact ------------------------------------------------------------------------------------
def test_attack_on_a_fact():
    m = make([("A1", "a", "fact"), ("B1", "b", "thesis")], [("B1", "A1", "attack")])
    assert ("attacks-fact", "B1") in rules_of(m)


def test_undercutting_the_inference_from_a_fact_is_fine():
    m = make([("A1", "a", "fact"), ("A2", "a", "thesis"), ("B1", "b", "thesis")],
             [("B1", "R", "attack")], arguments=[Argument("R", ("A1",), "A2")])
    assert rules_of(m, "attacks-fact") == []


# -- note-quote -----------------------------------------------------------------------------------
NOTE_TEXT = "Prices rose sharply in May. Wages did not follow, said the union."


def noted(note, on_argument=False):
    claims = [("A1", "a", "thesis", "Wages did not follow"), ("B1", "b", "thesis", "Prices rose")]
    if on_argument:
        return make(claims, [("B1", "A1", "attack")],
                    arguments=[Argument("R", ("B1",), "A1", note=note)], source=NOTE_TEXT)
    m = make(claims, source=NOTE_TEXT)
    return ArgumentMap(speakers=m.speakers, sources=m.sources, claims=m.claims,
                       relations=[Relation("B1", "A1", "attack", note)])


@pytest.mark.parametrize("note", ["see «wages did not follow»", 'the "Prices rose" part',
                                  "“Prices rose” … while «Wages…follow»", "no quotation here"])
def test_note_quoting_words_of_the_quotes_passes(note):
    assert rules_of(noted(note), "note-quote") == []


def test_note_quoting_words_outside_the_quotes():
    (finding,) = [f for f in lint(noted("the «sharply in May» part")) if f.rule == "note-quote"]
    assert "«sharply in May»" in finding.message
    assert "extend a quote" in finding.hint


def test_single_quotes_count_but_apostrophes_do_not():
    assert ("note-quote", "B1") in rules_of(noted("the 'sharply in May' part"))
    assert rules_of(noted("the union's view, the workers' 'Wages did not follow' line"), "note-quote") == []


def test_note_quoting_words_that_are_nowhere():
    (finding,) = [f for f in lint(noted('as "the bosses" said')) if f.rule == "note-quote"]
    assert "quote the source exactly" in finding.hint


def test_argument_notes_are_checked_against_premises_and_conclusion():
    assert ("note-quote", "A1") in rules_of(noted("«said the union»", on_argument=True))
    assert rules_of(noted("«Prices rose» so «Wages did not follow»", on_argument=True),
                    "note-quote") == []


# -- silences ----------------------------------------------------------------------------------------
def silenced_map(silence):
    return ArgumentMap(speakers=[Speaker("a", "A")],
                       claims=[Claim("A1", "a", "t", "thesis"), Claim("A2", "a", "x", silence=silence),
                               Claim("A3", "a", "y")], relations=[Relation("A3", "A1", "support")])


def test_a_silence_drops_that_rule_for_that_claim_and_keeps_the_reason():
    report = lint_report(silenced_map((("unrelated", "background only"),)))
    assert report.findings == []
    ((finding, reason),) = report.silenced
    assert finding.rule == "unrelated" and reason == "background only"


def test_a_silence_for_an_unknown_rule_is_an_error():
    report = lint_report(silenced_map((("unrelatd", "typo"),)))
    assert {f.rule for f in report.findings} == {"unknown-silence", "unrelated"}
    (bad,) = [f for f in report.findings if f.rule == "unknown-silence"]
    assert bad.level == "error" and "did you mean 'unrelated'" in bad.hint


def test_a_silence_that_silences_nothing_is_a_warning():
    report = lint_report(silenced_map((("unrelated", "ok"), ("attacks-fact", "stale"))))
    assert [(f.rule, f.level) for f in report.findings] == [("unused-silence", "warning")]


def test_selecting_rules(tmp_path):
    m = make([("A1", "a", "fact"), ("A2", "a", "claim"), ("A3", "a", "claim")], [("A2", "A1", "attack")])
    assert {f.rule for f in lint(m, ["unrelated"])} == {"unrelated"}
    with pytest.raises(argmap.errors.UsageError, match="unknown lint rule"):
        lint(m, ["no-such-rule"])


# -- locations, through the native loader ---------------------------------------------------------
MAP = """\
    argmap: 1
    sources:
      - {id: s, file: s.txt}
    speakers:
      - {id: a, name: A}
      - {id: b, name: B}
    claims:
      - id: A1
        speaker: a
        kind: fact
        text: one two
        quote: "one two"
      - id: B1
        speaker: b
        kind: thesis
        text: hree four
        quote: "hree four"
    relations:
      - {from: B1, to: A1, type: attack}
    """


def test_findings_are_located_in_the_map_file(tmp_path):
    path = write(tmp_path, MAP)
    found = {f.rule: f for f in lint(argmap.load(path))}
    assert str(found["attacks-fact"]).startswith(f"{path}:19:5: attacks-fact: B1 attacks A1")
    assert found["quote-boundary"].line == 17  # the quote key of B1
    assert str(found["quote-boundary"]).endswith(")")


def test_cli_prints_findings_and_exits_1_on_errors(tmp_path):
    path = write(tmp_path, MAP)
    result = runner.invoke(app, ["lint", str(path)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith(f"{path}:17:") and ": quote-boundary: " in line for line in lines)
    assert lines[-1] == f"{path}: 1 error, 1 warning"


def test_cli_warnings_alone_pass(tmp_path):
    path = write(tmp_path, MAP.replace("hree four", "three four"))
    result = runner.invoke(app, ["lint", str(path)])
    assert result.exit_code == 0, result.output
    assert "attacks-fact" in result.stdout


def test_cli_json(tmp_path):
    path = write(tmp_path, MAP)
    result = runner.invoke(app, ["lint", str(path), "--json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["errors"] == 1 and data["warnings"] == 1 and data["map"] == str(path)
    assert {f["rule"] for f in data["findings"]} == {"attacks-fact", "quote-boundary"}
    assert all({"line", "column", "hint", "subject", "level"} <= set(f) for f in data["findings"])


def test_cli_lists_rules():
    result = runner.invoke(app, ["lint", "--rules"])
    assert result.exit_code == 0
    for rule in RULES:
        assert rule in result.stdout
    data = json.loads(runner.invoke(app, ["lint", "--rules", "--json"]).stdout)
    assert [r["id"] for r in data] == list(RULES)


def test_cli_bad_input_is_a_clean_error(tmp_path):
    result = runner.invoke(app, ["lint", str(tmp_path / "missing.yaml")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    path = write(tmp_path, MAP)
    result = runner.invoke(app, ["lint", str(path), "--select", "self-defeet"])
    assert result.exit_code == 1 and "did you mean 'self-defeat'" in result.output


def test_cli_help():
    result = runner.invoke(app, ["lint", "--help"])
    assert result.exit_code == 0 and "silence" in result.stdout


# -- the native key ------------------------------------------------------------------------------
SILENCED = MAP.replace("""        quote: "one two"
""", """        quote: "one two"
        silence:
          unrelated: "kept as background"
""").replace('"hree four"', '"three four"').replace("text: hree four", "text: three four")


def test_native_maps_carry_silences_located_and_round_tripped(tmp_path):
    path = write(tmp_path, SILENCED)
    amap = argmap.load(path)
    assert amap.claim("A1").silence == (("unrelated", "kept as background"),)
    report = lint_report(amap)
    (unused,) = [f for f in report.findings if f.rule == "unused-silence"]
    assert unused.line == 14  # the silence entry
    again = argmap.loads(argmap.formats.native.dumps(amap), path=path)
    assert again == amap and again.claim("A1").silence == amap.claim("A1").silence


@pytest.mark.parametrize("value, message", [
    ("[unrelated]", "silence must map lint rule ids to reasons"),
    ("{unrelated: ''}", "must not be empty"),
    ("{unrelated: [a, b]}", "must be a string"),
])
def test_bad_silences_are_located_errors(tmp_path, value, message):
    path = write(tmp_path, SILENCED.replace("""        silence:
          unrelated: "kept as background"
""", f"        silence: {value}\n"))
    with pytest.raises(argmap.MapFormatError, match=message) as info:
        argmap.load(path)
    assert info.value.line == 13
