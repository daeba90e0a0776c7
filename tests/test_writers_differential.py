"""The column-wise writers give the very text of the session-3 writers, and what they write reads back.

The native YAML and JSON, AIF and Argdown writers build whole columns at once (one
plain-or-quoted decision per column of YAML scalars, one encoder call per column of
JSON strings, records interleaved in one join). ``tests/helpers/writers_s3.py`` keeps
the writers they replaced; every map here is written by both and the texts compared
(or, where the old writer refused, the error): every map of the test data and of
``maps/``, the benchmark generator's maps in both styles, and generated maps whose ids,
names and texts hold what YAML, JSON and Argdown treat specially.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from argmap import formats
from argmap.errors import ArgmapError
from argmap.formats import native
from argmap.model import Argument, ArgumentMap, Claim, Relation, Source, Speaker

from .helpers import writers_s3 as old
from .helpers.budget import examples

ROOT = Path(__file__).resolve().parent.parent
WRITERS = ("yaml", "json", "aif", "argdown")
OLD = {"yaml": old.native_dumps, "json": lambda m: old.native_dumps(m, syntax="json"),
       "aif": old.aif_dumps, "argdown": old.argdown_dumps}


def _outcome(write, amap: ArgumentMap) -> str:
    try:
        return write(amap)
    except ArgmapError as exc:
        return f"{type(exc).__name__}: {exc}"


def assert_same_output(amap: ArgumentMap) -> None:
    assert formats.losses(amap, "argdown") == old.argdown_losses(amap)
    for name in WRITERS:
        assert _outcome(lambda m, n=name: formats.dumps(m, n), amap) == _outcome(OLD[name], amap), name
    for syntax in ("yaml", "json"):
        for offsets in (False, True):
            assert native.dumps(amap, syntax=syntax, offsets=offsets) == \
                old.native_dumps(amap, syntax=syntax, offsets=offsets), (syntax, offsets)


def _readable() -> list[Path]:
    found = []
    for path in sorted([*(ROOT / "tests" / "data").rglob("*"), *(ROOT / "maps").rglob("*")]):
        if path.is_file() and path.suffix in (".yaml", ".json", ".argdown"):
            found.append(path)
    return found


def test_every_map_of_the_tests_is_written_as_before():
    compared, differing = 0, []
    for path in _readable():
        try:
            amap = formats.read(path)
        except ArgmapError:
            continue  # not a readable map (the test data holds broken ones on purpose)
        compared += 1
        try:
            assert_same_output(amap)
        except AssertionError as exc:
            differing.append(f"{path.relative_to(ROOT)}: {exc}")
    assert not differing, "\n".join(differing)
    assert compared >= 80, compared  # the shipped map, the format examples, the Argdown corpus, ...


@pytest.mark.parametrize("style", ["flow", "block"])
def test_the_generated_benchmark_maps_are_written_as_before(tmp_path, style):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import mapgen
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    map_path, _ = mapgen.generate(1000, out=tmp_path, style=style)
    assert_same_output(formats.read(map_path))


# -- generated maps with hostile strings ------------------------------------------------

#: Words YAML resolves to something else than a string, or reads specially.
WORDS = ["yes", "No", "null", "~", "true", "FALSE", "on", "1e3", "0x1f", "0o7", "12", "-1", "+3", ".inf",
         ".NaN", "2001-12-14", "2001-12-14 21:59:43.10 -5", "<<", "=", "1_000", "y", "n", "", " ", "-", "?",
         "- x", "? x", "a: b", "a #b", "a:b", "#x", "&a", "*a", "!t", "|", ">", "%x", "@x", "`x", "'q'", '"q"',
         "x ", " x", "x:", "[a]", "{a}", "a, b", "Claim 1", "The point", "tab\there", "two\nlines", "cr\rx",
         "é ü", "𝄞", "\x00", "\x1b[31mred", "\x7f", "\x85", "\xa0", "\u2028", "\ufeff", "\ud800", "a\\b",
         ".^.", ":)", "x_y*z", "<b>", "a//b", "/*c*/"]
ALPHABET = list("ab :#-?*&!|>'\"%@`~=,[]{}\t\n\r\\é\x00\x1b\x7f\x85\xa0\u2028\ufeff𝄞._/<>()^")
TEXTS = st.one_of(st.sampled_from(WORDS), st.text(ALPHABET, max_size=10),
                  st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join))
IDS = st.one_of(st.sampled_from(["C1", "yes", "null", "a b", "1e3", "-x", "a:b", "x,y", "[x]", "é", "#1", "x "]),
                st.text(ALPHABET, min_size=1, max_size=6))
_SURROGATE = re.compile(r"[\ud800-\udfff]|\\u[dD][89a-fA-F]|\\x[dD][89a-fA-F]")
SPEAKERS = [Speaker("s1", "Ann: the \"first\""), Speaker("yes", "- Bob #2"), Speaker("a b", "null")]


@st.composite
def hostile_maps(draw) -> ArgumentMap:
    ids = draw(st.lists(IDS, min_size=1, max_size=6, unique=True))
    sources = [Source("src", draw(st.sampled_from(["s.txt", "a b.txt", "yes"])),
                      draw(st.sampled_from([None, "ab" * 32])), draw(st.one_of(st.none(), TEXTS)))]
    claims = []
    for cid in ids:
        quoted = draw(st.booleans())
        start = draw(st.one_of(st.none(), st.integers(0, 50))) if quoted else None
        claims.append(Claim(
            cid, draw(st.sampled_from(SPEAKERS)).id, draw(TEXTS), draw(st.sampled_from(["claim", "fact", "thesis"])),
            source="src" if quoted else None, quote=draw(TEXTS) if quoted else None,
            occurrence=draw(st.one_of(st.none(), st.integers(1, 3))) if quoted else None,
            tags=tuple(draw(st.lists(st.one_of(st.sampled_from(["a", "b-c", "yes", "x y"]), TEXTS), max_size=2,
                                     unique=True))) if draw(st.integers(0, 3)) == 0 else (),
            start=start, end=None if start is None else start + 3,
            act=draw(st.sampled_from([None, None, "questioning", "challenging"])),
            silence=tuple(draw(st.dictionaries(st.sampled_from(["L1", "yes", "a: b"]), TEXTS, max_size=2)).items())
            if draw(st.integers(0, 3)) == 0 else ()))
    relations = []
    for a in ids:
        for b in ids:
            if a != b and draw(st.integers(0, 2)) == 0:
                relations.append(Relation(a, b, draw(st.sampled_from(["attack", "support"])),
                                          draw(st.one_of(st.none(), st.none(), TEXTS)),
                                          draw(st.sampled_from([None, None, "s1", "yes"]))))
    arguments = []
    if len(ids) >= 3 and draw(st.booleans()):
        arguments.append(Argument(draw(st.sampled_from(["A1", "yes", "a: b"])), (ids[1], ids[2]), ids[0],
                                  draw(st.sampled_from([None, "s1"])), draw(st.one_of(st.none(), TEXTS)),
                                  draw(st.one_of(st.none(), TEXTS))))
        relations = [r for r in relations if not (r.type == "support" and (r.from_id, r.to_id) in
                                                  {(ids[1], ids[0]), (ids[2], ids[0])})]
    try:
        return ArgumentMap(title=draw(TEXTS), speakers=SPEAKERS, sources=sources if draw(st.booleans()) else [],
                           claims=claims, relations=relations, arguments=arguments)
    except ArgmapError:  # a combination the model refuses is not a map
        assume(False)
        raise


@settings(max_examples=examples(150), suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(hostile_maps())
def test_hostile_maps_are_written_as_before(amap):
    assert_same_output(amap)


@settings(max_examples=examples(100), suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(hostile_maps(), st.sampled_from(["yaml", "json"]))
def test_what_the_native_writer_writes_reads_back(amap, syntax):
    text = native.dumps(amap, syntax=syntax, offsets=False)
    assume(not _SURROGATE.search(text))  # a lone surrogate is written escaped but no YAML or JSON reader takes it
    back = native.parse(text, syntax=syntax, read_sources=False)
    assume(not any("must not be empty" in str(e) for e in back.errors))  # the reader's rule, not the writer's
    assert not back.errors, back.errors[0]
    assert native.to_data(back.map) == native.to_data(amap)


@settings(max_examples=examples(100), suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXTS, min_size=1, max_size=40), st.booleans())
def test_a_column_of_scalars_is_decided_as_one_scalar_at_a_time(values, flow):
    yaml = native._Yaml()
    assert yaml.column(values, flow) == [native._Yaml().scalar(v, flow) for v in values]


def test_an_empty_map_and_claims_without_relations():
    assert_same_output(ArgumentMap(title="", speakers=[], claims=[]))
    assert_same_output(ArgumentMap(title="t", speakers=SPEAKERS[:1], claims=[Claim("C", "s1", "x")]))


# -- session 5: the AIF writer formats its records in blocks of rows ----------------------

@pytest.mark.parametrize("block", [1, 2, 7, 1000])
@pytest.mark.parametrize("style", ["flow", "block"])
def test_aif_in_blocks_of_rows_is_written_as_before(tmp_path, monkeypatch, style, block):
    from argmap.formats import aif

    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import mapgen
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    amap = formats.read(mapgen.generate(300, out=tmp_path, style=style)[0])
    monkeypatch.setattr(aif, "_BLOCK", block)
    monkeypatch.setattr(aif, "_CHUNK", 1 + block * 50)
    assert "".join(formats.dump_chunks(amap, "aif")) == formats.dumps(amap, "aif") == old.aif_dumps(amap)


@settings(max_examples=examples(100), suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(hostile_maps(), st.integers(1, 3))
def test_hostile_maps_in_blocks_of_rows_are_written_as_before(amap, block):
    from argmap.formats import aif

    before = aif._BLOCK, aif._CHUNK
    aif._BLOCK, aif._CHUNK = block, 40
    try:
        chunks = formats.dump_chunks(amap, "aif")
    finally:
        aif._BLOCK, aif._CHUNK = before
    assert "".join(chunks) == old.aif_dumps(amap)
