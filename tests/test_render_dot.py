"""``to_dot`` builds a safe, styled pydot graph without running Graphviz."""

from __future__ import annotations

import re

import pydot
import pytest

from argmap.errors import QueryError, UsageError
from argmap.model import ArgumentMap, Claim, Relation, Speaker
from argmap.render.dot import STATUS_STYLES, select_claims, speaker_styles, to_dot
from argmap.render.escape import MAX_TEXT, clean, html_text, quoted, wrap

from .helpers.hostile import CASES, hostile_map

GRAPHVIZ_STRING_LIMIT = 16_383


def toy() -> ArgumentMap:
    return ArgumentMap(
        title="toy",
        speakers=[Speaker("a", "Ann"), Speaker("b", "Bob")],
        claims=[Claim("T", "a", "Thesis.", kind="thesis", quote="the thesis"),
                Claim("P", "a", "Premise."), Claim("Q", "b", "Objection."),
                Claim("R", "b", "Reply."), Claim("Z", "a", "Far away.")],
        relations=[Relation("P", "T", "support"), Relation("Q", "T", "attack"),
                   Relation("R", "Q", "attack"), Relation("Z", "R", "support")],
    )


def nodes(g: pydot.Dot) -> dict[str, pydot.Node]:
    """Claim nodes by claim id, found in clusters too."""
    out = {}

    def walk(graph: pydot.Graph) -> None:
        for n in graph.get_nodes():
            cid = n.get("id")
            if cid and cid.startswith('"claim-'):
                out[cid[len('"claim-'):-1]] = n
        for sub in graph.get_subgraphs():
            walk(sub)

    walk(g)
    return out


def edges(g: pydot.Dot) -> list[pydot.Edge]:
    return [e for e in g.get_edges() if not e.get_source().startswith("legend")]


# -- identifiers and escaping ------------------------------------------------------------

def test_node_names_are_synthetic_and_ids_carry_the_claim_id() -> None:
    g = to_dot(hostile_map())
    found = nodes(g)
    assert set(found) == {quoted(cid)[1:-1] for cid, _ in CASES}
    for n in found.values():
        assert re.fullmatch(r"n\d+", n.get_name())
    for e in edges(g):
        assert re.fullmatch(r"n\d+", e.get_source()) and re.fullmatch(r"n\d+", e.get_destination())


def test_no_statement_of_the_dot_text_starts_with_a_keyword_default() -> None:
    text = to_dot(hostile_map()).to_string()
    # `node [...]`, `edge [...]`, `graph [...]` statements would restyle everything.
    assert re.findall(r"^\s*(node|edge|graph)\s*\[", text, flags=re.M | re.I) == ["node", "edge"]


@pytest.mark.parametrize(("raw", "expected"), [
    ('say "hi"', '"say \\"hi\\""'),
    ("C:\\temp\\new", '"C:\\\\temp\\\\new"'),
    ("ends with \\", '"ends with \\\\"'),
    ("\\N and \\G", '"\\\\N and \\\\G"'),
    ("AT&amp;T", '"AT&amp;amp;T"'),
    ("<not html>", '"<not html>"'),
    ("{a|b} <p>", '"{a|b} <p>"'),
    ("two\nlines", '"two lines"'),
    ("café “x”", '"café “x”"'),
])
def test_quoted_strings(raw: str, expected: str) -> None:
    assert quoted(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
    ('"q"', "&quot;q&quot;"),
    ("back\\slash", "back\\\\slash"),
    ("<script>", "&lt;script&gt;"),
    ("tab\there", "tab here"),
])
def test_html_text(raw: str, expected: str) -> None:
    assert html_text(raw) == expected


def test_control_characters_are_replaced() -> None:
    assert "\x00" not in quoted("a\x00b") and "\ufffd" in quoted("a\x00b")
    assert clean("x\x1by") == "x\ufffdy"


def test_pydot_keeps_every_value_as_written() -> None:
    g = to_dot(hostile_map())
    text = g.to_string()
    again = pydot.graph_from_dot_data(text)
    assert again is not None and again[0].to_string() == text


def test_huge_texts_are_capped_far_below_the_graphviz_limit() -> None:
    big = "&\\\"<é" * 20_000
    m = ArgumentMap(title=big, speakers=[Speaker("s", big)],
                    claims=[Claim("c", "s", big, quote=big), Claim("d", "s", "x" * 50_000)],
                    relations=[Relation("d", "c", "attack", note=big)])
    text = to_dot(m).to_string()
    strings = re.findall(r'"(?:[^"\\]|\\.)*"|<(?:[^<>]|<[^<>]*>)*>', text)
    assert max(len(s.encode("utf-8")) for s in strings) < GRAPHVIZ_STRING_LIMIT // 2
    label = nodes(to_dot(m))["d"].get("label")
    assert label.count("<BR/>") <= 6 and "…" in label
    assert len(clean(big)) == MAX_TEXT


def test_wrap_keeps_words_and_marks_cuts() -> None:
    assert wrap("one two three four five six", 9, 2) == ["one two", "three…"]
    assert all(len(line) <= 30 for line in wrap("x" * 100, 30, 10))


# -- styling -------------------------------------------------------------------------------

def test_speakers_get_a_cluster_each_or_none() -> None:
    grouped = to_dot(toy())
    names = {s.get_name() for s in grouped.get_subgraphs()}
    assert {"cluster_s0", "cluster_s1", "cluster_legend"} <= names
    flat = to_dot(toy(), group_by="none")
    assert {s.get_name() for s in flat.get_subgraphs()} == {"cluster_legend"}
    assert "Ann" in nodes(flat)["T"].get("label")  # the speaker is named in the box instead


def test_speaker_colours_differ_and_theses_stand_out() -> None:
    styles = speaker_styles(toy())
    assert styles["a"].fill != styles["b"].fill and styles["a"].line != styles["b"].line
    found = nodes(to_dot(toy()))
    assert found["T"].get("peripheries") == "2"
    assert found["P"].get("peripheries") is None
    assert found["T"].get("fillcolor") == styles["a"].fill
    assert found["T"].get("tooltip") == '"the thesis"'
    assert found["P"].get("tooltip") == '"Premise."'
    assert "kind-thesis" in found["T"].get("class")


def test_support_and_attack_differ_in_colour_arrowhead_and_width() -> None:
    by_type = {e.get("class").strip('"').split()[-1]: e for e in edges(to_dot(toy()))}
    sup, att = by_type["support"], by_type["attack"]
    assert sup.get("arrowhead") == "normal" and att.get("arrowhead") == "tee"
    assert sup.get("color") != att.get("color")
    assert float(att.get("penwidth")) > 1.5 * float(sup.get("penwidth"))


def test_legend_explains_edges_and_speakers() -> None:
    text = to_dot(toy()).to_string()
    assert "cluster_legend" in text and '"supports"' in text and '"attacks"' in text
    assert "Ann" in text and "Bob" in text and "thesis" in text
    assert "cluster_legend" not in to_dot(toy(), legend=False).to_string()


def test_status_unattacked_fills_and_names_the_status() -> None:
    found = nodes(to_dot(toy(), status="unattacked"))
    assert found["P"].get("fillcolor") == STATUS_STYLES["unattacked"][0]
    assert found["T"].get("fillcolor") == STATUS_STYLES["attacked"][0]
    assert "status-unattacked" in found["P"].get("class")
    assert "unattacked" in found["P"].get("label")
    legend = to_dot(toy(), status="unattacked").to_string()
    assert "unattacked" in legend[legend.index("cluster_legend"):]


def test_given_statuses_are_drawn_in_greyscale_distinguishable_ways() -> None:
    labels = {"T": "out", "P": "in", "Q": "undec", "R": "in", "Z": "in"}
    found = nodes(to_dot(toy(), statuses=labels))
    assert "dashed" in found["T"].get("style") and "dotted" in found["Q"].get("style")
    assert "OUT" in found["T"].get("label") and "IN" in found["P"].get("label")
    assert "status-undec" in found["Q"].get("class")


def test_semantics_fill_claims_by_label() -> None:
    found = nodes(to_dot(toy(), semantics="GR"))
    assert "status-in" in found["R"].get("class")
    assert "status-out" in found["Q"].get("class")
    assert "IN" in found["T"].get("label")
    pr = nodes(to_dot(toy(), semantics="PR"))
    assert "status-skeptical" in pr["T"].get("class")


def test_unknown_semantics_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        to_dot(toy(), semantics="XX")


def test_derived_attacks_are_dashed_and_do_not_move_the_layout() -> None:
    m = ArgumentMap(speakers=[Speaker("s", "S")],
                    claims=[Claim(i, "s", i) for i in ("A", "X", "C")],
                    relations=[Relation("A", "X", "support"), Relation("C", "X", "attack")])
    derived = [e for e in to_dot(m, support="deductive").get_edges() if "derived" in (e.get("class") or "")]
    assert len(derived) == 1
    (e,) = derived
    assert e.get("style") == "dashed" and e.get("constraint") == "false"
    assert "mediated" in e.get("tooltip")
    assert not [e for e in to_dot(m).get_edges() if "derived" in (e.get("class") or "")]
    assert not [e for e in to_dot(m, support="deductive", derived=False).get_edges()
                if "derived" in (e.get("class") or "")]
    assert '"derived attack"' in to_dot(m, support="deductive").to_string()


# -- subsets -----------------------------------------------------------------------------

def test_focus_and_depth() -> None:
    assert [c.id for c in select_claims(toy(), focus="T", depth=0)[0]] == ["T"]
    assert [c.id for c in select_claims(toy(), focus="T", depth=1)[0]] == ["T", "P", "Q"]
    assert [c.id for c in select_claims(toy(), focus="T", depth=5)[0]] == ["T", "P", "Q", "R", "Z"]
    g = to_dot(toy(), focus="Q", depth=1)
    assert set(nodes(g)) == {"T", "Q", "R"}
    assert nodes(g)["Q"].get("penwidth") == "3.5"
    assert len(edges(g)) == 2


def test_speaker_subset_keeps_what_the_speaker_touches() -> None:
    claims, rels = select_claims(toy(), speaker="b")
    assert [c.id for c in claims] == ["T", "Q", "R", "Z"]
    assert rels == [1, 2, 3]


def test_rankdir() -> None:
    assert "rankdir=LR" in to_dot(toy(), rankdir="LR").to_string()
    assert "rankdir=TB" in to_dot(toy()).to_string()


@pytest.mark.parametrize("kwargs", [{"focus": "nope"}, {"speaker": "nobody"}])
def test_unknown_ids_are_query_errors(kwargs: dict[str, str]) -> None:
    with pytest.raises(QueryError):
        to_dot(toy(), **kwargs)


@pytest.mark.parametrize("kwargs", [{"group_by": "kind"}, {"rankdir": "BT"}, {"depth": -1, "focus": "T"},
                                    {"status": "in"}])
def test_bad_option_values(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        to_dot(toy(), **kwargs)


def test_too_many_derived_attacks_are_counted_not_drawn() -> None:
    n = 50  # C attacks X, which 50 claims support: 50 derived (mediated) attacks on them
    claims = [Claim(f"S{i}", "s", "s") for i in range(n)] + [Claim("X", "s", "x"), Claim("C", "s", "c")]
    rels = [Relation(f"S{i}", "X", "support") for i in range(n)] + [Relation("C", "X", "attack")]
    m = ArgumentMap(speakers=[Speaker("s", "S")], claims=claims, relations=rels)
    text = to_dot(m, support="deductive").to_string()
    assert "50 derived attacks not drawn" in text and 'class="argedge derived"' not in text
    assert 'class="argedge derived"' in to_dot(m, support="deductive", derived=True).to_string()
