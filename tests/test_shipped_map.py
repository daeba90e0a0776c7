"""Structural checks of the shipped enhanced-cooperation map."""

from __future__ import annotations

import hashlib
import json

import pytest

import argmap

from .helpers.cli import invoke


@pytest.fixture(scope="module")
def shipped():
    return argmap.load(argmap.shipped_map_path())


def test_check_passes_with_no_advisories():
    assert argmap.check(argmap.shipped_map_path()) == []


def test_source_is_pinned_and_every_quote_resolves(shipped):
    (source,) = shipped.sources
    path = shipped.source_path(source)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == source.sha256
    for claim in shipped.claims:
        assert claim.quote, f"{claim.id} has no quote"
        assert source.text[claim.start:claim.end] == claim.quote
        assert source.text.count(claim.quote) == 1 or claim.occurrence


def test_three_speakers_the_essay_and_the_comment_each_with_a_thesis(shipped):
    assert [s.id for s in shipped.speakers] == ["essay", "commenter", "us-gov"]
    for speaker in ("essay", "commenter"):
        assert any(c.kind == "thesis" for c in shipped.claims_by(speaker))
    # the letter the essay quotes and answers is a speaker of its own, answered by the essay
    letter = {c.id for c in shipped.claims_by("us-gov")}
    assert letter and any(r.to_id in letter and r.type == "attack"
                          and shipped.claim(r.from_id).speaker == "essay" for r in shipped.relations)


def test_every_claim_is_linked_unless_the_map_says_why(shipped):
    linked = {r.from_id for r in shipped.relations} | {r.to_id for r in shipped.relations}
    for a in shipped.arguments:
        linked |= set(a.premises) | {a.conclusion}
    for claim in shipped.claims:
        assert claim.id in linked or dict(claim.silence).get("unrelated"), f"{claim.id} is not linked"


def test_format_2_structures_are_used(shipped):
    assert any(len(a.premises) >= 2 for a in shipped.arguments), "linked premises"
    undercuts = [r for r in shipped.relations if shipped.has_argument(r.to_id)]
    assert {r.type for r in undercuts} == {"attack"} and len(undercuts) >= 4
    conclusions = [a.conclusion for a in shipped.arguments]
    assert any(conclusions.count(c) > 1 for c in conclusions), "alternative arguments"


def test_no_speaker_attacks_its_own_claims(shipped):
    for r in shipped.relations:
        if r.type == "attack" and shipped.has_claim(r.to_id):
            assert shipped.claim(r.from_id).speaker != shipped.claim(r.to_id).speaker, r


def test_lint_passes_with_only_reasoned_silences(shipped):
    from argmap.lint import lint_report

    report = lint_report(shipped)
    assert report.findings == []
    assert all(reason.strip() for _, reason in report.silenced)
    result = invoke(["lint"])
    assert result.exit_code == 0 and ": ok (" in result.stdout


@pytest.mark.parametrize("support", ["none", "necessary"])
def test_each_text_alone_keeps_every_one_of_its_claims(shipped, support):
    result = invoke(["compare", "--semantics", "GR", "--support", support, "--json"])
    assert result.exit_code == 0, result.output
    alone = json.loads(result.stdout)["evaluation"]["alone"]
    for speaker in ("essay", "commenter"):
        assert sorted(alone[speaker]) == sorted(c.id for c in shipped.claims_by(speaker)), speaker


def test_the_comment_answers_the_essay(shipped):
    speaker = {c.id: c.speaker for c in shipped.claims}
    speaker.update({a.id: shipped.argument_speaker(a) for a in shipped.arguments})
    across = [r for r in shipped.relations if speaker[r.from_id] == "commenter" and speaker[r.to_id] == "essay"]
    assert len({r.type for r in across}) == 2, "the comment both attacks and concedes"
    assert len(across) >= 15
    answering = {r.from_id for r in across}
    # every commenter claim reaches the essay, directly or through his own claims
    g = shipped.graph
    import networkx as nx
    essay = {c.id for c in shipped.claims_by("essay")}
    for claim in shipped.claims_by("commenter"):
        reach = nx.descendants(g, claim.id)
        assert claim.id in answering or reach & essay, f"{claim.id} never bears on the essay"


def test_size_and_shape(shipped):
    assert 50 <= len(shipped.claims) <= 120
    assert len(shipped.relations) > len(shipped.claims)
    kinds = {c.kind for c in shipped.claims}
    assert {"thesis", "fact", "premise", "concession"} <= kinds
    texts = [c.text for c in shipped.claims]
    assert len(set(texts)) == len(texts), "paraphrases are distinct"


def test_uncontested_json_equals_claims_without_incoming_attack_from_convert():
    converted = invoke(["convert", "--to", "json"])
    assert converted.exit_code == 0, converted.output
    data = json.loads(converted.stdout)
    attacked = {r["to"] for r in data["relations"] if r["type"] == "attack"}
    expected = {c["id"] for c in data["claims"]} - attacked
    listed = json.loads(invoke(["uncontested", "--json"]).stdout)
    assert {c["id"] for c in listed} == expected
    assert len(listed) == len(expected)


def test_show_lists_an_undercut_by_its_argument():
    result = invoke(["show", "C2"])
    assert result.exit_code == 0, result.output
    assert "argument A8 (undercut): E5 + E38 + E40 => E2" in result.output
