"""``to_dot`` builds a safe, styled pydot graph without running Graphviz."""

from __future__ import annotations

import enum
import re
import subprocess
import sys

import pydot
import pytest

from argmap.errors import QueryError
from argmap.model import Argument, ArgumentMap, Claim, Relation, Speaker
from argmap.render.dot import (
    STATUS_STYLES,
    choose_rankdir,
    select,
    select_claims,
    speaker_styles,
    to_dot,
    unattacked_statuses,
)
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

def test_speakers_are_named_in_each_box_or_get_a_cluster_each() -> None:
    flat = to_dot(toy())
    assert not [s for s in flat.get_subgraphs() if s.get_name().startswith("cluster_s")]
    assert "Ann" in nodes(flat)["T"].get("label")  # the speaker is named in the box
    grouped = to_dot(toy(), group_by="speaker")
    names = {s.get_name() for s in grouped.get_subgraphs()}
    assert {"cluster_s0", "cluster_s1"} <= names
    assert "Ann" not in nodes(grouped)["T"].get("label")


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


def legend_of(g: pydot.Dot) -> str:
    label = g.get("label") or ""
    return label[label.index("Legend"):] if "Legend" in label else ""


def test_legend_is_a_label_that_explains_edges_and_speakers() -> None:
    g = to_dot(toy())
    legend = legend_of(g)
    assert "supports" in legend and "attacks" in legend and "thesis" in legend
    assert "Ann" in legend and "Bob" in legend
    # A label never moves the layout: no legend nodes or clusters.
    assert "legend" not in " ".join(n.get_name() for n in g.get_nodes())
    assert not g.get_subgraphs()
    assert legend_of(to_dot(toy(), legend=False)) == ""


def test_status_unattacked_fills_and_names_the_status() -> None:
    g = to_dot(toy(), status="unattacked")
    found = nodes(g)
    assert found["P"].get("fillcolor") == STATUS_STYLES["unattacked"].fill
    assert found["T"].get("fillcolor") == STATUS_STYLES["attacked"].fill
    assert "status-unattacked" in found["P"].get("class")
    assert "unattacked" in found["P"].get("label")
    assert "unattacked" in legend_of(g) and "border, name" in legend_of(g)
    assert to_dot(toy(), statuses=unattacked_statuses(toy())).to_string() == g.to_string()


def test_given_statuses_are_drawn_in_plain_words_and_greyscale_distinguishable_ways() -> None:
    labels = {"T": "out", "P": "in", "Q": "undec", "R": "in", "Z": "in"}
    g = to_dot(toy(), statuses=labels, semantics="GR")
    found = nodes(g)
    assert "dashed" in found["T"].get("style") and "dotted" in found["Q"].get("style")
    assert "<B>out</B>" in found["T"].get("label") and "<B>in</B>" in found["P"].get("label")
    assert "<B>undecided</B>" in found["Q"].get("label")
    assert "status-undec" in found["Q"].get("class")
    # The speaker stays visible: border colour and name.
    assert found["T"].get("color") == speaker_styles(toy())["a"].line
    assert "Ann" in found["T"].get("label")
    assert "statuses under GR" in legend_of(g)
    pr = nodes(to_dot(toy(), statuses={"T": "skeptical", "P": "credulous", "Q": "rejected"}))
    assert "accepted by all" in pr["T"].get("label") and "accepted by some" in pr["P"].get("label")
    assert "accepted by none" in pr["Q"].get("label") and "status" not in pr["R"].get("class")


def test_statuses_may_be_str_enums() -> None:
    class Label(str, enum.Enum):
        IN = "in"
        OUT = "out"

    found = nodes(to_dot(toy(), statuses={"T": Label.OUT, "P": Label.IN}))
    assert "status-out" in found["T"].get("class") and "status-in" in found["P"].get("class")


def test_render_draws_what_it_is_handed_and_evaluates_nothing() -> None:
    from argmap.errors import UsageError

    with pytest.raises(UsageError, match="statuses"):
        to_dot(toy(), semantics="GR")
    with pytest.raises(UsageError, match="cannot draw"):
        to_dot(toy(), statuses={"T": "maybe"})
    code = ("import sys, argmap\n"
            "from argmap.render import render\n"
            "from argmap.render.html import to_html\n"
            "m = argmap.load(argmap.shipped_map_path())\n"
            "render(m, 'dot', statuses={'E1': 'in'}, derived=[('C2', 'E3', 'why')])\n"
            "to_html(m, svg='<svg></svg>', statuses={'E1': 'out'})\n"
            "bad = [n for n in sys.modules if n.startswith(('argmap.evaluation', 'argmap.framework',"
            " 'argmap.semantics'))]\n"
            "assert not bad, bad\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_derived_attacks_are_dashed_and_do_not_move_the_layout() -> None:
    m = ArgumentMap(speakers=[Speaker("s", "S")],
                    claims=[Claim(i, "s", i) for i in ("A", "X", "C")],
                    relations=[Relation("A", "X", "support"), Relation("C", "X", "attack")])
    handed = [("C", "A", "C attacks A: mediated attack under the deductive reading, via C → X ← A")]
    g = to_dot(m, derived=handed)
    derived = [e for e in g.get_edges() if "derived" in (e.get("class") or "")]
    assert len(derived) == 1
    (e,) = derived
    assert e.get("style") == "dashed" and e.get("constraint") == "false"
    assert "mediated" in e.get("tooltip")
    assert "derived attack" in legend_of(g)
    assert not [e for e in to_dot(m).get_edges() if "derived" in (e.get("class") or "")]


def test_derived_attacks_left_out_are_counted_in_the_legend() -> None:
    g = to_dot(toy(), hidden_derived=583)
    assert "583 derived attacks not drawn" in legend_of(g)


# -- arguments and undercuts -----------------------------------------------------------------

def structured() -> ArgumentMap:
    """E2 has a linked argument (P1 + P2, undercut by U) and a one-premise one (P3)."""
    return ArgumentMap(
        title="structured",
        speakers=[Speaker("a", "Ann"), Speaker("b", "Bob")],
        claims=[Claim("E2", "a", "Conclusion.", kind="thesis"), Claim("P1", "a", "First premise."),
                Claim("P2", "a", "Second premise."), Claim("P3", "a", "Another reason."),
                Claim("U", "b", "The premises do not carry it."), Claim("X", "b", "Plain attack.")],
        arguments=[Argument("A1", ("P1", "P2"), "E2", scheme="argument from example"),
                   Argument("A2", ("P3",), "E2")],
        relations=[Relation("U", "A1", "attack"), Relation("X", "P3", "attack")],
    )


def test_linked_premises_meet_at_a_junction_before_one_arrow() -> None:
    g = to_dot(structured())
    junctions = [n for n in g.get_nodes() if (n.get("id") or "").startswith('"arg-')]
    assert [n.get("id") for n in junctions] == ['"arg-A1"']
    (j,) = junctions
    assert "argjunction" in j.get("class") and j.get("shape") == "circle"
    assert "P1 + P2 together support E2" in j.get("tooltip")
    by_id = {e.get("id"): e for e in g.get_edges()}
    ids = nodes(g)
    into = [e for e in g.get_edges() if e.get_destination() == j.get_name()]
    assert {e.get_source() for e in into} == {ids["P1"].get_name(), ids["P2"].get_name(),
                                              ids["U"].get_name()}
    assert by_id['"argp-A1-0"'].get("arrowhead") == "none"
    assert by_id['"argc-A1"'].get_destination() == ids["E2"].get_name()
    assert by_id['"argc-A1"'].get("arrowhead") == "normal"
    # A one-premise argument nobody undercuts is a plain arrow.
    assert by_id['"arg-A2"'].get_source() == ids["P3"].get_name()
    assert "linked premises" in legend_of(g)


def test_an_undercut_hits_the_junction_in_its_own_style() -> None:
    g = to_dot(structured())
    (cut,) = [e for e in g.get_edges() if "undercut" in (e.get("class") or "")]
    (att,) = [e for e in edges(g) if (e.get("class") or "").endswith('attack"')]
    assert cut.get("color") != att.get("color") and cut.get("arrowhead") != att.get("arrowhead")
    assert "undercuts" in cut.get("tooltip") and "undercuts" in legend_of(g)
    # An undercut of a one-premise argument gets a junction too.
    m = ArgumentMap(speakers=[Speaker("a", "A")],
                    claims=[Claim(i, "a", i) for i in ("C", "P", "U")],
                    arguments=[Argument("A", ("P",), "C")], relations=[Relation("U", "A", "attack")])
    assert '"arg-A"' in [n.get("id") for n in to_dot(m).get_nodes()]


def test_subsets_walk_through_arguments_and_mark_what_they_cut() -> None:
    s = select(structured(), focus="E2", depth=1)
    assert {c.id for c in s.claims} == {"E2", "P1", "P2", "P3", "U"}
    assert [a.id for a in s.arguments] == ["A1", "A2"]
    assert s.cut == {"P3": 1}  # X's attack on P3 is not drawn
    g = to_dot(structured(), focus="P1", depth=1)
    assert set(nodes(g)) == {"P1", "E2", "P2", "U"}
    assert "+1 not drawn" in nodes(g)["E2"].get("label") and "cut" in nodes(g)["E2"].get("class")
    assert "Part of the map: the neighbourhood of P1 (depth 1), 4 of 6 claims" in g.get("label")


# -- subsets -----------------------------------------------------------------------------

def test_focus_and_depth() -> None:
    assert [c.id for c in select_claims(toy(), focus="T", depth=0)[0]] == ["T"]
    assert [c.id for c in select_claims(toy(), focus="T", depth=1)[0]] == ["T", "P", "Q"]
    assert [c.id for c in select_claims(toy(), focus="T", depth=5)[0]] == ["T", "P", "Q", "R", "Z"]
    g = to_dot(toy(), focus="Q", depth=1)
    assert set(nodes(g)) == {"T", "Q", "R"}
    assert nodes(g)["Q"].get("penwidth") == "3.5"
    assert len(edges(g)) == 2


def test_a_part_says_so_and_marks_claims_with_undrawn_relations() -> None:
    s = select(toy(), focus="Q", depth=1)
    assert s.cut == {"T": 1, "R": 1} and s.part == "the neighbourhood of Q (depth 1)"
    assert s.summary() == "3 of 5 claims, 2 of 4 relations"
    g = to_dot(toy(), focus="Q", depth=1)
    assert "+1 not drawn" in nodes(g)["T"].get("label") and "cut" not in nodes(g)["Q"].get("class")
    assert "Part of the map" in g.get("label") and "not drawn in this part" in legend_of(g)
    whole = select(toy())
    assert whole.part is None and not whole.cut and whole.summary() == "5 claims, 4 relations"
    assert "Part of the map" not in (to_dot(toy()).get("label") or "")


def test_speaker_subset_keeps_what_the_speaker_touches() -> None:
    claims, rels = select_claims(toy(), speaker="b")
    assert [c.id for c in claims] == ["T", "Q", "R", "Z"]
    assert rels == [1, 2, 3]
    s = select(toy(), speaker="b")
    assert s.cut == {"T": 1} and "Bob" in (s.part or "")


def test_rankdir() -> None:
    assert "rankdir=LR" in to_dot(toy(), rankdir="LR").to_string()
    assert "rankdir=TB" in to_dot(toy(), rankdir="TB").to_string()


def test_auto_rankdir_follows_the_shape_of_the_map() -> None:
    chain = ArgumentMap(speakers=[Speaker("a", "A")], claims=[Claim(f"c{i}", "a", "x") for i in range(8)],
                        relations=[Relation(f"c{i + 1}", f"c{i}", "support") for i in range(7)])
    fan = ArgumentMap(speakers=[Speaker("a", "A")], claims=[Claim(f"c{i}", "a", "x") for i in range(30)],
                      relations=[Relation(f"c{i}", "c0", "support") for i in range(1, 30)])
    assert choose_rankdir(chain) == "TB" and choose_rankdir(fan) == "LR"
    assert "rankdir=LR" in to_dot(fan).to_string()


@pytest.mark.parametrize("kwargs", [{"focus": "nope"}, {"speaker": "nobody"}])
def test_unknown_ids_are_query_errors(kwargs: dict[str, str]) -> None:
    with pytest.raises(QueryError):
        to_dot(toy(), **kwargs)


@pytest.mark.parametrize("kwargs", [{"group_by": "kind"}, {"rankdir": "BT"}, {"depth": -1, "focus": "T"},
                                    {"status": "in"}])
def test_bad_option_values(kwargs: dict[str, object]) -> None:
    """Bad option values are the library's usage errors (still ValueErrors for old callers)."""
    from argmap.errors import UsageError

    with pytest.raises(UsageError) as info:
        to_dot(toy(), **kwargs)
    assert isinstance(info.value, ValueError)


def test_render_and_write_spell_out_their_options(tmp_path) -> None:
    """No ``**options``: help() and type checkers see every keyword, and a typo is a TypeError."""
    import inspect

    from argmap import render as rendering
    from argmap.render.html import write_html

    for func in (rendering.render, rendering.write, write_html):
        kinds = {p.kind for p in inspect.signature(func).parameters.values()}
        assert inspect.Parameter.VAR_KEYWORD not in kinds, func.__name__
    assert {"statuses", "derived", "group_by", "focus", "rankdir", "legend"} <= set(
        inspect.signature(rendering.write).parameters)
    with pytest.raises(TypeError):
        rendering.render(toy(), "dot", grup_by="speaker")  # type: ignore[call-arg]
    drawn = rendering.write(toy(), tmp_path / "m.dot", focus="T", depth=0, rankdir="LR")
    assert drawn.rankdir == "LR" and [c.id for c in drawn.selection.claims] == ["T"]
    assert "rankdir=LR" in (tmp_path / "m.dot").read_text(encoding="utf-8")


def test_statuses_are_the_vocabularys_labels_and_the_drawings_own() -> None:
    """One label vocabulary: no synonym table in render (F1)."""
    from argmap.errors import UsageError
    from argmap.render.style import DRAWING_STATUSES, STATUS_STYLES, status_word
    from argmap.vocabulary import Label

    assert {status_word(lab) for lab in Label} | set(DRAWING_STATUSES) == set(STATUS_STYLES)
    assert status_word("OUT") == "out"
    for synonym in ("undecided", "skeptically", "none"):
        with pytest.raises(UsageError, match="cannot draw"):
            status_word(synonym)
