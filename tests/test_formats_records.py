"""The record-level fast path of the native reader gives the located path's outcome, or declines.

:func:`argmap.formats.native.parse` first tries :func:`native._parse_fast` (plain values
from :mod:`argmap.formats._records`, the schema checked on them) and reads the file
located (:func:`native._parse_located`) when it declines. For every map it accepts, the
located path must find no problem and no advisory, and build the same map with the same
positions; on every other input, :func:`native.parse` must report exactly what the
located path reports. The common shapes must take the fast path (so it cannot be
skipped silently).
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.formats import _plainyaml, _records, native
from argmap.model import Argument, ArgumentMap, Claim, Relation, Speaker

from .helpers.budget import examples

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SHIPPED = ROOT / "maps" / "enhanced-cooperation.yaml"


def _syntax(path: Path) -> str:
    return "json" if path.suffix == ".json" else "yaml"


def _messages(parsed: native.Parsed) -> tuple[list[str], list[str]]:
    def show(e):
        return (str(e), e.path, e.line, e.column, e.hint, type(e).__name__)
    return [show(e) for e in parsed.errors], [show(e) for e in parsed.advisories]


def same(text: str, path: Path | None = None, syntax: str = "yaml", read_sources: bool = True) -> bool:
    """Assert that the fast path declines or agrees with the located path; True if it was taken."""
    fast = native._parse_fast(text, path=path, syntax=syntax, read_sources=read_sources)
    slow = native._parse_located(text, path=path, syntax=syntax, read_sources=read_sources)
    chosen = native.parse(text, path=path, syntax=syntax, read_sources=read_sources)
    assert _messages(chosen) == _messages(slow)
    if fast is None:
        assert (chosen.map is None) == (slow.map is None)
        if slow.map is not None:
            assert chosen.map == slow.map and dict(chosen.map.positions) == dict(slow.map.positions)
        return False
    assert not slow.errors, f"the fast path accepted a map with errors: {slow.errors[0]}"
    assert not slow.advisories, f"the fast path hid an advisory: {slow.advisories[0]}"
    assert fast.map is not None and slow.map is not None
    assert fast.map == slow.map
    assert fast.map.title == slow.map.title and fast.map.path == slow.map.path
    assert list(fast.map.positions.items()) == list(slow.map.positions.items())
    for a, b in zip(fast.map.claims, slow.map.claims):
        assert (a.start, a.end, a.silence, a.act) == (b.start, b.end, b.silence, b.act)
    assert fast.map.sources == slow.map.sources
    assert [s.text for s in fast.map.sources] == [s.text for s in slow.map.sources]
    return True


MAP_FILES = sorted({p for pattern in ("*.yaml", "*.yml", "*.json") for p in DATA.rglob(pattern)}
                   | set((ROOT / "maps").glob("*.yaml")))


@pytest.mark.parametrize("path", MAP_FILES, ids=lambda p: str(p.relative_to(ROOT)))
@pytest.mark.parametrize("read_sources", [True, False])
def test_every_map_file_of_the_test_data(path, read_sources):
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return
    same(text, path, _syntax(path), read_sources)


TAKEN = [SHIPPED, DATA / "good" / "debate.yaml", DATA / "good" / "structured.yaml", DATA / "formats" / "toy.yaml",
         DATA / "formats" / "enhanced-cooperation-v1" / "enhanced-cooperation.yaml"]


@pytest.mark.parametrize("path", TAKEN, ids=lambda p: p.name)
def test_valid_maps_take_the_fast_path(path):
    text = path.read_text(encoding="utf-8")
    assert same(text, path)
    amap = native.loads(text, path=path)
    # what argmap writes, in both syntaxes, is read fast too
    assert same(native.dumps(amap), path)
    assert same(native.dumps(amap, syntax="json"), path.with_suffix(".json"), "json")


def _mapgen(tmp_path: Path, claims: int, seed: int) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import mapgen
    finally:
        sys.path.pop(0)
    map_path, _ = mapgen.generate(claims, seed, tmp_path)
    return map_path


def test_the_benchmark_map_is_read_in_bulk(tmp_path, monkeypatch):
    path = _mapgen(tmp_path, 300, 3)
    text = path.read_text(encoding="utf-8")
    # the claims and relations sections never reach the line reader or the tree builder
    runs: list[int] = []
    original = _records._run

    def counted(block, first_line, indent):
        found = original(block, first_line, indent)
        runs.append(len(found or ()))
        return found

    monkeypatch.setattr(_records, "_run", counted)
    assert same(text, path)
    assert sum(runs) >= 300 + 300 and all(runs)
    top = _records.read(text, "yaml")
    assert top is not None and len(top["claims"]) == 300
    amap = native.loads(text, path=path)
    assert same(native.dumps(amap, syntax="json"), path.with_suffix(".json"), "json")


def test_lines_outside_the_canonical_shape_are_read_one_by_one(tmp_path):
    path = _mapgen(tmp_path, 60, 4)
    lines = path.read_text(encoding="utf-8").split("\n")
    at = lines.index("claims:")
    lines[at + 3] = lines[at + 3].replace("{id: ", "{ id:   ").replace("}", " }  # odd spacing")
    lines[at + 5] = lines[at + 5].replace("}", ", tags: [x, 'y']}")
    lines[at + 7] = lines[at + 7].replace("text: ", "occurrence: 1, text: ")
    lines.insert(at + 9, "")
    lines.insert(at + 9, "  # a comment")
    text = "\n".join(lines)
    assert same(text, path)
    amap = native.loads(text, path=path)
    assert amap.claims[4].tags == ("x", "y") and amap.claims[6].occurrence == 1


SPEAKERS = [Speaker("s1", "One"), Speaker("no", "yes"), Speaker("x y", "Z")]
IDS = st.sampled_from(["C1", "c2", "n1", "t3", "1", "yes", "C 4", "é5", "-6", "C7:", "C8#", "'9'", "~", "null",
                       "C[1]", "a\\b", 'q"r', "0x1F", "2001-12-14"])
TEXTS = st.one_of(st.text(st.sampled_from(list("ab :,#'\"{}[]-é\\")), min_size=0, max_size=8),
                  st.sampled_from(["yes", "no", "1.5", "~", "", " ", "x: y", "a, b"]))


@st.composite
def maps(draw) -> ArgumentMap:
    ids = draw(st.lists(IDS, min_size=1, max_size=6, unique=True))
    claims = [Claim(cid, draw(st.sampled_from(SPEAKERS)).id, draw(TEXTS).strip() or "t",
                    draw(st.sampled_from(["claim", "fact", "thesis"])),
                    tags=tuple(draw(st.lists(st.sampled_from(["a", "b c", "yes"]), max_size=2, unique=True))),
                    act=draw(st.sampled_from([None, None, "questioning"])))
              for cid in ids]
    relations = []
    for a in ids:
        for b in ids:
            if a != b and draw(st.integers(0, 3)) == 0:
                relations.append(Relation(a, b, draw(st.sampled_from(["attack", "support"])),
                                          draw(st.sampled_from([None, "a note", ""])),
                                          draw(st.sampled_from([None, "s1"]))))
    arguments = []
    if len(ids) >= 3 and draw(st.booleans()):
        arguments.append(Argument("A-" + ids[0], (ids[1], ids[2]), ids[0], draw(st.sampled_from([None, "no"])),
                                  draw(st.sampled_from([None, "expert"]))))
        relations = [r for r in relations if not (r.type == "support" and (r.from_id, r.to_id) in
                                                  {(ids[1], ids[0]), (ids[2], ids[0])})]
    return ArgumentMap(title=draw(TEXTS), speakers=SPEAKERS, claims=claims, relations=relations,
                       arguments=arguments)


def _flow(amap: ArgumentMap) -> str:
    """The map with every record as one flow mapping per line, the way benchmarks/mapgen.py writes."""
    data = native.to_data(amap)
    lines = [f"argmap: {data['argmap']}", f"title: {json.dumps(data['title'])}"]
    for section in ("speakers", "claims", "arguments", "relations"):
        if section not in data:
            continue
        lines.append(f"{section}:")
        for record in data[section]:
            pairs = ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in record.items())
            lines.append(f"  - {{{pairs}}}")
    return "\n".join(lines) + "\n"


@settings(max_examples=examples(200))
@given(maps(), st.sampled_from(["yaml", "json", "flow"]))
def test_generated_maps_are_read_alike(amap, how):
    if how == "flow":
        text = _flow(amap)
        syntax = "yaml"
    else:
        text = native.dumps(amap, syntax=how)
        syntax = how
    assert native.loads(text, syntax=syntax) == amap
    taken = same(text, None, syntax)
    # flow records of strings without escapes are read fast whatever their ids
    if syntax == "json" or not any("\\" in c.id or '"' in c.id for c in amap.claims):
        assert taken


EDITS = ["", " ", "\n", "  ", "- ", ": ", ", ", "#", " #", "{", "}", "[", "]", '"', "'", "\\", "\t", "&a ", "*a",
         "!!str ", "yes", "1", "~", "null", "---\n", "\n- {id: X}\n", "id", "quote", "claims:\n", "\u2028", "\x85"]


@settings(max_examples=examples(300))
@given(maps(), st.sampled_from(["yaml", "json", "flow"]),
       st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(EDITS), st.integers(0, 3)), min_size=1, max_size=3))
def test_mutated_maps_report_what_the_located_path_reports(amap, how, edits):
    text = _flow(amap) if how == "flow" else native.dumps(amap, syntax=how)
    for at, piece, cut in edits:
        at %= len(text) + 1
        text = text[:at] + piece + text[at + cut:]
    same(text, None, "json" if how == "json" else "yaml")


def _with_source(tmp_path: Path, text: str, quotes: list[str],
                 extra: dict[int, dict[str, int]] | None = None) -> tuple[str, Path]:
    extra = extra or {}
    (tmp_path / "src.txt").write_text(text, encoding="utf-8")
    claims = "\n".join(
        f"  - {{id: C{i}, speaker: s, text: t{i}, quote: {json.dumps(q)}" +
        "".join(f", {k}: {v}" for k, v in extra.get(i, {}).items()) + "}"
        for i, q in enumerate(quotes))
    doc = f"argmap: 1\nsources:\n  - {{id: src, file: src.txt}}\nspeakers:\n  - {{id: s}}\nclaims:\n{claims}\n"
    path = tmp_path / "m.yaml"
    path.write_text(doc, encoding="utf-8")
    return doc, path


@pytest.mark.parametrize("quotes,extra", [
    (["a rose", "is a"], {}),
    (["a rose", "rose"], {}),                       # ambiguous: an advisory, the located path reports it
    (["a rose", "tulip"], {}),                      # missing: an error with the near-miss hint
    (["rose", "is"], {0: {"occurrence": 2}}),
    (["rose"], {0: {"occurrence": 3}}),
    (["a  rose"], {}),
    (["a rose"], {0: {"start": 0, "end": 6}}),
    (["a rose"], {0: {"start": 1}}),
])
def test_quotes_are_placed_alike(tmp_path, quotes, extra):
    doc, path = _with_source(tmp_path, "a rose is a rose", quotes, extra)
    same(doc, path)
    same(doc, path, read_sources=False)


def test_a_changed_source_is_reported_by_the_located_path(tmp_path):
    doc, path = _with_source(tmp_path, "a rose is a rose", ["is a"])
    doc = doc.replace("file: src.txt}", "file: src.txt, sha256: " + "0" * 64 + "}")
    path.write_text(doc, encoding="utf-8")
    assert not same(doc, path)
    assert native.parse(doc, path=path).advisories


def test_the_fast_path_reuses_what_it_read_when_it_declines(tmp_path, monkeypatch):
    doc, path = _with_source(tmp_path, "a rose is a rose", ["a rose", "tulip"])
    reads: list[str] = []
    original = native.read_source

    def counted(file, base):
        reads.append(file)
        return original(file, base)

    monkeypatch.setattr(native, "read_source", counted)
    parsed = native.parse(doc, path=path)
    assert reads == ["src.txt"]  # the located path took the text the fast path had read
    assert _messages(parsed) == _messages(native._parse_located(doc, path=path))
    assert "does not occur" in str(parsed.errors[0])


HOSTILE = sorted((DATA / "hostile").glob("*.yaml")) + sorted((DATA / "hostile").glob("*.json"))


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.name)
def test_hostile_inputs_are_refused_as_before(path):
    text = path.read_text(encoding="utf-8", errors="surrogateescape")
    same(text, path, _syntax(path))


HEAD = "argmap: 1\nspeakers:\n  - {id: s}\nclaims:\n"


@pytest.mark.parametrize("text", [
    HEAD + "  - {id: C1, speaker: s, text: a}\n  - {id: C1, speaker: s, text: b}\n",
    HEAD + "  - {id: C1, speaker: s, text: a, text: b}\n",
    HEAD + "  - {id: C1, speaker: s, text: a}\nclaims:\n  - {id: C2, speaker: s, text: a}\n",
    HEAD + "  - {id: C1, speaker: s, text: a}\n---\nx: 1\n",
    HEAD + "  - {id: C1, speaker: s, text: a}\n    more: x\n",
    HEAD + "- {id: C1, speaker: s, text: a}\n  - {id: C2, speaker: s, text: a}\n",
    "argmap: 3\nspeakers:\n  - {id: s}\nclaims:\n  - {id: C1, speaker: s, text: a}\n",
    HEAD + "  - {id: C1, speaker: s, text: a, act: asking}\n",
    HEAD + "  - {id: C1, speaker: t, text: a}\n",
    HEAD + "  - {id: C1, speaker: s, text: ~}\n",
    HEAD + "  - {id: C1, speaker: s, text: \"\"}\n",
    HEAD + "  - {id: C1, speaker: s, text: yes, kind: premiss}\n",
    HEAD + "  - {id: C1, speaker: s, text: a, quote: q}\n",
    HEAD + "  - {id: C1, speaker: s, text: a}\n"
    "relations:\n  - {from: C1, to: C1, type: attack}\n",
    HEAD + "  - {id: C1, speaker: s, text: a}\n  - {id: C2, speaker: s, text: a}\n"
    "relations:\n  - {from: C1, to: C2, type: attack}\n  - {from: C1, to: C2, type: support}\n",
    HEAD + "  - {id: C1, speaker: s, text: a}\n  - {id: C2, speaker: s, text: a}\n"
    "relations:\n  - {from: C1, to: C2, type: attacks}\n",
])
def test_hand_made_problems_are_reported_by_the_located_path(text):
    assert not same(text)
    assert native.parse(text).errors


@pytest.mark.parametrize("text", [
    "argmap: 1\nspeakers:\n  - {id: s}\nclaims:\n  - {id: C1, speaker: s, text: \"a\n    b\"}\n",
    "argmap: 1\nspeakers:\n  - {id: s}\nclaims:\n  - id: C1\n    speaker: s\n    text: >-\n      folded\n      text\n",
    "argmap: 1\nspeakers: [{id: s}]\nclaims:\n  - &c {id: C1, speaker: s, text: a}\nrelations: []\n",
    "argmap: 1\r\nspeakers:\r\n  - {id: s}\r\nclaims:\r\n  - {id: C1, speaker: s, text: a}\r\n",
    "argmap: 1\nspeakers:\n- {id: s}\nclaims:\n- {id: C1, speaker: s, text: a}\n\n\nrelations:\n",
    # a section read by the tree after sections read in bulk: its lines keep their numbers
    "argmap: 1\nspeakers:\n  - {id: s}\nclaims:\n  - {id: C1, speaker: s, text: a}\n  - {id: C2, speaker: s, text: b}\n"
    "\n# c\nrelations:\n  - &r {from: C1, to: C2, type: attack}\n  - {from: C2, to: C1, type: attack}\n",
    "argmap: 1\nclaims:\n  - {id: C1, speaker: s, text: a}\n  - {id: C2, speaker: s, text: b}\nspeakers:\n"
    "  - !!map {id: s}\nrelations:\n  - {from: C1, to: C2, type: attack}\ntitle: x\n",
    # a head inside a quoted scalar over several lines is not a section
    "argmap: 1\ntitle: \"a\nclaims:\n  - {id: C2, speaker: s, text: a}\n\"\nspeakers:\n  - {id: s}\nclaims: []\n",
])
def test_odd_but_valid_maps_are_read_alike(text):
    same(text)
    assert not native.parse(text).errors


def test_plain_scalars_keep_their_text_where_the_schema_wants_text():
    text = ("argmap: 1\ntitle: yes\nspeakers:\n  - {id: 1, name: no}\nclaims:\n"
            "  - {id: 2, speaker: 1, text: 0x1F, tags: [on, 3]}\n  - {id: n1, speaker: 1, text: null text}\n"
            "relations:\n  - {from: n1, to: 2, type: attack}\n")
    assert same(text)
    amap = native.loads(text)
    assert amap.title == "yes" and amap.claims[0].text == "0x1F" and amap.claims[0].tags == ("on", "3")


@settings(max_examples=examples(300))
@given(st.text(st.sampled_from(list("ab\n\r\t \x00\x1f\x7f\x80\x85\x9f\xa0é\u2027\u2028\u2029\ud7ff\ue000\ufefe"
                                    "\ufeff\ufffd\ufffe\uffff") + ["\U00010000", "\ud800", "\udfff"]), max_size=12))
def test_the_byte_level_test_for_awkward_characters_agrees_with_the_pattern(text):
    assert _plainyaml.awkward(text) == (_plainyaml._AWKWARD.search(text) is not None)


def test_the_json_reader_declines_what_the_located_reader_refuses():
    good = '{"argmap": 1, "speakers": [{"id": "s"}], "claims": [{"id": "C1", "speaker": "s", "text": "a"}]}'
    assert same(good, None, "json")
    for bad in [good.replace('"a"}', '"a", "text": "b"}'), good.replace('"a"', '"\\ud800"'),
                good.replace("1,", "NaN,"), good.replace("1,", "1" * 1001 + ","), good + " x", "\ufeff" + good,
                good.replace('"a"', '"a\tb"'), good.replace("1,", "1.0,"), good.replace("1,", "true,"),
                "[" * 100 + "]" * 100]:
        same(bad, None, "json")


def test_positions_of_json_records_with_nested_values():
    amap = native.loads(SHIPPED.read_text(encoding="utf-8"), path=SHIPPED)
    text = native.dumps(amap, syntax="json")
    # quote keys inside silenced rules and texts do not fool the key search
    text = text.replace('"speaker": "essay",', '"silence": {"quote": "\\"quote\\": x", "no-thesis": "y"}, '
                        '"speaker": "essay",', 1)
    text = text.replace('"text": "', '"text": "\\"quote\\": ', 3)
    assert same(text, SHIPPED.with_suffix(".json"), "json")


def test_random_line_shuffles_of_a_flow_map(tmp_path):
    path = _mapgen(tmp_path, 40, 5)
    lines = path.read_text(encoding="utf-8").split("\n")
    rng = random.Random(7)
    for _ in range(examples(40)):
        mutated = list(lines)
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        mutated[i], mutated[j] = mutated[j], mutated[i]
        same("\n".join(mutated), path)


def test_the_bulk_shape_is_what_the_docstring_says():
    one, _ = _records._canon("  ")
    assert one.fullmatch('  - {id: C0, speaker: pro, text: "Claim 0", quote: "a, b: {c}"}')
    for line in ['  - {id: C0 , speaker: pro}', '  - { id: C0}', '  - {id: C0}  ', '  - {id: "a\\"b"}',
                 '  - {id: [a]}', '  - {id: a #b}', '  - {id: &a b}', '  -  {id: a}']:
        assert not one.fullmatch(line), line
    assert re.fullmatch(_records._PLAIN, "C0 x") and not re.fullmatch(_records._PLAIN, "C0 ")


def _block(amap: ArgumentMap, rng: random.Random | None = None) -> str:
    """The map with every record in block style, as people write maps by hand.

    With *rng*, some values are written plain, some single-quoted, some texts folded
    with ``>`` over two lines, and comments and blank lines stand between records.
    """
    data = native.to_data(amap)
    lines = [f"argmap: {data['argmap']}", f"title: {json.dumps(data['title'])}"]

    def scalar(v: object) -> str:
        if rng is not None and isinstance(v, str):
            pick = rng.randrange(4)
            if pick == 0 and re.fullmatch(r"[A-Za-z][A-Za-z0-9 ]*[A-Za-z0-9]|[A-Za-z]", v) and yaml.safe_load(v) == v:
                return v
            if pick == 1 and "\n" not in v and "'" not in v:
                return "'" + v + "'"
        return json.dumps(v, ensure_ascii=False)

    for section in ("speakers", "claims", "arguments", "relations"):
        if section not in data:
            continue
        lines.append(f"{section}:")
        for record in data[section]:
            if rng is not None and rng.randrange(5) == 0:
                lines += ["", "  # a comment between records"]
            first = True
            for k, v in record.items():
                lead = "  - " if first else "    "
                first = False
                if isinstance(v, list):
                    lines.append(f"{lead}{k}: [" + ", ".join(scalar(x) for x in v) + "]")
                elif rng is not None and k == "text" and isinstance(v, str) \
                        and re.fullmatch(r"[a-z]+ [a-z ]*[a-z]", v) and rng.randrange(3) == 0:
                    head, _, tail = v.partition(" ")
                    lines += [f"{lead}{k}: >-", f"      {head}", f"      {tail}"]
                else:
                    lines.append(f"{lead}{k}: {scalar(v)}")
    return "\n".join(lines) + "\n"


@settings(max_examples=examples(200))
@given(maps(), st.integers(0, 10**6), st.booleans())
def test_generated_maps_in_block_style_are_read_alike(amap, seed, varied):
    text = _block(amap, random.Random(seed) if varied else None)
    assert native.loads(text) == amap
    assert same(text)


@settings(max_examples=examples(300))
@given(maps(), st.integers(0, 10**6),
       st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(EDITS + ["    ", "  - ", ">-\n      x", "|\n"]),
                          st.integers(0, 3)), min_size=1, max_size=3))
def test_mutated_maps_in_block_style_report_what_the_located_path_reports(amap, seed, edits):
    text = _block(amap, random.Random(seed))
    for at, piece, cut in edits:
        at %= len(text) + 1
        text = text[:at] + piece + text[at + cut:]
    same(text)


def test_block_records_of_simple_lines_never_reach_a_tree(tmp_path, monkeypatch):
    path = _mapgen(tmp_path, 200, 6)
    amap = native.loads(path.read_text(encoding="utf-8"), path=path)
    text = native.dumps(amap)  # claims in block style, relations one per line
    assert "\n  speaker: " in text or "\n    speaker: " in text
    parsed_texts: list[str] = []
    original = _records._tree.parse_yaml

    def counted(text, path):
        parsed_texts.append(text)
        return original(text, path)

    monkeypatch.setattr(_records._tree, "parse_yaml", counted)
    assert same(text, path)
    # only skeletons (the title and header lines, every section left out) went through a tree
    # (one for each fast attempt: same() makes two)
    assert parsed_texts and all(len(t) < 400 for t in parsed_texts)
    assert not any("speaker" in t.replace("speakers:", "") for t in parsed_texts)


def test_block_records_beyond_simple_lines_are_read_one_by_one():
    text = HEAD.replace("claims:\n", "") + (
        "claims:\n"
        "  # comments and blank lines\n"
        "\n"
        "  - id: C1\n    speaker: s\n    text: >-\n      folded over\n      two lines\n"
        "  - id: C2  # a comment\n    speaker: s\n    text: |\n      kept\n      as is\n"
        "  - id: C3\n    speaker: s\n    text: a plain text\n      going on below\n"
        "  - id: C4\n    speaker: s\n    text: 'it''s'\n    tags:\n      - x\n      - \"y\"\n"
        "  - id: C5\n    speaker: s\n    text: \"esc\\u00e9\\\"\"\n    silence:\n      no-thesis: why\n"
        "  - {id: C6, speaker: s, text: \"flow\", tags: [a, b]}\n"
        "  - {id: C7, speaker: s, text: flow}\n"
        "  - id: C8\n    speaker: s\n    text: yes\n    kind: fact\n")
    assert same(text)
    amap = native.loads(text)
    assert [c.text for c in amap.claims][:5] == ["folded over two lines", "kept\nas is\n",
                                                "a plain text going on below", "it's", 'escé"']
    assert amap.claims[3].tags == ("x", "y") and amap.claims[4].silence == (("no-thesis", "why"),)
    assert amap.claims[7].text == "yes"


@pytest.mark.parametrize("scalar", [
    ">\n      folded\n      text", ">-\n      a: b\n      # not a comment", "|\n      kept\n      lines",
    "|-\n      one", ">-\n        deeper\n        text", ">\n      x\n\n      y", ">-\n      x\n        more",
    ">-\n      trailing \n      space", ">-\n      x\n     odd", "|2\n      indicated", ">-  # c\n      x", ">-",
])
def test_block_scalars_are_read_as_the_located_path_reads_them(scalar):
    head = HEAD.replace("speakers:", "sources:\n  - {id: src, file: x.txt}\nspeakers:")
    text = head + f"  - id: C1\n    speaker: s\n    text: {scalar}\n    quote: |-\n      q\n  # c\n" \
        "  - id: C2\n    speaker: s\n    text: b\n"
    taken = same(text, read_sources=False)
    assert taken or native._parse_located(text, read_sources=False).errors


def test_the_block_benchmark_map_is_read_in_bulk(tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import mapgen
    finally:
        sys.path.pop(0)
    block, _ = mapgen.generate(120, 2, tmp_path, style="block")
    flow, _ = mapgen.generate(120, 2, tmp_path)
    calls: list[int] = []
    monkeypatch.setattr(_records, "_exact_record", lambda lines, offset: calls.append(1))
    text = block.read_text(encoding="utf-8")
    assert ">-" in text and "  # claims" in text
    assert same(text, block)
    assert not calls  # no record needed the YAML reader
    assert native.loads(text, path=block) == native.loads(flow.read_text(encoding="utf-8"), path=flow)


def test_canonical_block_sections_are_read_in_one_run(tmp_path, monkeypatch):
    path = _mapgen(tmp_path, 150, 8)
    text = native.dumps(native.loads(path.read_text(encoding="utf-8"), path=path))  # block claims
    runs: list[int] = []
    original = _records._block_run

    def counted(block, first_line, indent):
        found = original(block, first_line, indent)
        runs.append(len(found or ()))
        return found

    monkeypatch.setattr(_records, "_block_run", counted)
    assert same(text, path)
    assert 150 in runs  # the claims section, whole
    # a record whose quote is its first key, and one without a quote
    head = HEAD.replace("speakers:", "sources:\n  - {id: src, file: x.txt}\nspeakers:")
    odd = head + "  - quote: q\n    id: C1\n    speaker: s\n    text: a\n  - id: C2\n    speaker: s\n    text: b\n"
    runs.clear()
    assert same(odd, read_sources=False) and runs == [2, 2]


@pytest.mark.parametrize("style", ["flow", "block", "own yaml", "own json"])
def test_the_bulk_path_builds_records_by_columns_and_places_quotes_in_one_call(tmp_path, monkeypatch, style):
    """The common shapes skip the per-record constructors, the per-quote lookups and the map's re-check."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import mapgen
    finally:
        sys.path.pop(0)
    path, _ = mapgen.generate(200, 5, tmp_path, style="block" if style == "block" else "flow")
    text, syntax = path.read_text(encoding="utf-8"), "yaml"
    if style.startswith("own"):
        syntax = style[4:]
        text = native.dumps(native.loads(text, path=path), syntax=syntax)
    expected = native._parse_located(text, path=path, syntax=syntax)
    calls: dict[str, int] = {}

    def counting(name, original):
        def counted(*args, **kwargs):
            calls[name] = calls.get(name, 0) + 1
            return original(*args, **kwargs)
        return counted

    from argmap.provenance import QuoteLocator

    for cls in (Claim, Relation):
        monkeypatch.setattr(cls, "__init__", counting(cls.__name__, cls.__init__))
    monkeypatch.setattr(ArgumentMap, "_validate", counting("validate", ArgumentMap._validate))
    monkeypatch.setattr(QuoteLocator, "locate", counting("locate", QuoteLocator.locate))
    monkeypatch.setattr(QuoteLocator, "locate_each", counting("locate_each", QuoteLocator.locate_each))
    fast = native._parse_fast(text, path=path, syntax=syntax)
    assert fast is not None and calls == {"locate_each": 1}, calls
    assert fast.map == expected.map
    assert [(c.start, c.end) for c in fast.map.claims] == [(c.start, c.end) for c in expected.map.claims]
    assert list(fast.map.positions.items()) == list(expected.map.positions.items())


@pytest.mark.parametrize("lines", [
    ["  # a comment", "  - id: C1", "    speaker: s", "    text: >-", "      folded", "      text", "  - id: C2",
     "    speaker: s", '    text: "b"'],
    ["  - id: C1", "    speaker: s", "    text: |-", "      one", "  # he said \"no\"", "  - id: C2", "    speaker: s",
     "    text: b"],
    ["  - id: C1", "    speaker: s", "    text: >", "      ends with a break", "  - id: C2", "    speaker: s",
     "    text: b"],
    ["  - id: C1", "    speaker: s", "    text: |-", "      two", "      lines", "  - id: C2", "    speaker: s",
     "    text: b"],
    ["  - id: C1", "    speaker: s", "    text: >-", '      a "quoted" word', "  - id: C2", "    speaker: s",
     "    text: b"],
    ["  - id: C1", "    speaker: s", "    text: >-", "      back\\slash", "  - id: C2", "    speaker: s",
     "    text: b"],
    ["  - id: C1", "    speaker: s", "    text:  >-", "      two spaces", "  - id: C2", "    speaker: s",
     "    text: b"],
    ["  - text: >-", "      first key", "    id: C1", "    speaker: s", "  # c", "  - id: C2", "    speaker: s",
     "    text: b"],
    ["  - id: C1", "    speaker: s", "    text: >-", "      # content, not a comment", "  - id: C2",
     "    speaker: s", "    text: b"],
    ["  - id: C1", "    speaker: s", "    text: >-", "      x", "", "  - id: C2", "    speaker: s", "    text: b"],
    ["  - id: C1", "    speaker: s", "    text: >-", "      x", "   # odd comment", "  - id: C2", "    speaker: s",
     "    text: b"],
    ["  - id: C1", "    speaker: s", "    text: >-", "      tab\there", "  - id: C2", "    speaker: s",
     "    text: b"],
    ["  - id: C1", "    speaker: s", "    text: >-", "      x", "    # deeper comment", "  - id: C2",
     "    speaker: s", "    text: b"],
    ["  - id: C1", "    speaker: s", '    text: "a', '  # b"', "  - id: C2", "    speaker: s", "    text: b"],
    ["  - id: C1", "    speaker: s", "    quote: >-", "      the", "      quote", "    text: t", "  # c",
     "  - id: C2", "    speaker: s", "    text: >-", "      b", "    quote: q"],
    ["  - id: C1", "    speaker: s", "    text: >-", "      x", "    note: >-", "      y", "  - id: C2",
     "    speaker: s", "    text: b"],
])
def test_block_sections_with_comments_and_block_scalars_are_read_alike(lines):
    head = HEAD.replace("speakers:", "sources:\n  - {id: src, file: x.txt}\nspeakers:")
    text = head + "\n".join(lines) + "\n"
    taken = same(text, read_sources=False)
    if lines[0] == "  # a comment" or "the" in lines or "  # he said \"no\"" in lines:
        assert taken  # comments at the records' indentation and plain block scalars: read fast


def test_the_block_benchmark_claims_are_read_in_one_run(tmp_path, monkeypatch):
    """Comment lines and folded texts among block records: one _block_run, no line-by-line reading."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import mapgen
    finally:
        sys.path.pop(0)
    path, _ = mapgen.generate(260, 3, tmp_path, style="block")
    text = path.read_text(encoding="utf-8")
    runs: list[int] = []
    original = _records._block_run

    def counted(block, first_line, indent, origin=None):
        found = original(block, first_line, indent, origin)
        runs.append(len(found or ()) if origin is not None else -1)
        return found

    monkeypatch.setattr(_records, "_block_run", counted)
    monkeypatch.setattr(_records, "_block_line", lambda indent: pytest.fail("read line by line"))
    assert same(text, path)
    assert 260 in runs  # the claims, whole, through _unfolded
