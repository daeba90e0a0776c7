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


def test_two_speakers_each_with_a_thesis(shipped):
    assert [s.id for s in shipped.speakers] == ["essay", "commenter"]
    for speaker in ("essay", "commenter"):
        assert any(c.kind == "thesis" for c in shipped.claims_by(speaker))


def test_every_commenter_claim_is_linked(shipped):
    for claim in shipped.claims_by("commenter"):
        related = [r for r in shipped.relations if claim.id in (r.from_id, r.to_id)]
        assert related, f"{claim.id} is not linked to anything"


def test_the_comment_answers_the_essay(shipped):
    speaker = {c.id: c.speaker for c in shipped.claims}
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
