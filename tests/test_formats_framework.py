"""Abstract-framework files: ICCMA 2023, APX, TGF (read, write, errors, real instances)."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from argmap import formats
from argmap.af import AF, ArgumentNumbers
from argmap.errors import (
    ArgmapError,
    ConversionError,
    FileAccessError,
    FrameworkFormatError,
    UsageError,
)
from argmap.formats import (
    apx,
    dumps_af,
    for_path,
    iccma,
    loads_af,
    read_af,
    tgf,
    write_af,
)
from argmap.model import ArgumentMap, Claim, Relation, Speaker

from .helpers.answers import INSTANCES, read_instance


def same(a: AF, b: AF) -> bool:
    return list(a.names) == list(b.names) and a.pairs() == b.pairs()


# -- reading ------------------------------------------------------------------------------

def test_iccma_reads_header_comments_and_isolated_arguments() -> None:
    af = loads_af("# made by hand\np af 5\n# 2 = Trucks\n2 1\n3 2\n", "iccma")
    assert af.n == 5 and af.pairs() == [("2", "1"), ("3", "2")]
    assert isinstance(af.names, ArgumentNumbers)
    assert af.src.dtype == np.int32 and af.dst.dtype == np.int32
    assert af.meta["format"] == "iccma"


@pytest.mark.parametrize("text", [
    "p af 3\n1 2\n2 3",                 # no final line break
    "p af 3\n1 2\n2 3\n\n\n",           # trailing blank lines
    "p af 3\r\n1 2\r\n2 3\r\n",         # CRLF
    "p af 3\n\t1   2 \n\n2\t3\n",       # tabs, extra spaces, blank line
    "p af 3\n1 2\n# between\n2 3\n",    # comment among the attacks
    "\ufeffp af 3\n1 2\n2 3\n",          # BOM
])
def test_iccma_layouts(text: str) -> None:
    af = loads_af(text, "iccma")
    assert af.n == 3 and af.pairs() == [("1", "2"), ("2", "3")]


def test_iccma_empty_frameworks() -> None:
    assert loads_af("p af 0\n", "iccma").n == 0
    af = loads_af("p af 4\n", "iccma")
    assert (af.n, af.m) == (4, 0)


def test_iccma_fast_and_careful_readers_agree() -> None:
    rng = np.random.default_rng(7)
    n = 500
    src = rng.integers(0, n, 3 * n).astype(np.int32)
    dst = rng.integers(0, n, 3 * n).astype(np.int32)
    text = dumps_af(AF(ArgumentNumbers(n), src, dst), "iccma")
    fast = iccma._parse_fast(text.encode())
    assert fast is not None
    slow = iccma._parse_slow(text, None)
    assert fast[0] == slow[0] == n
    assert fast[1].tolist() == slow[1] == src.tolist()
    assert fast[2].tolist() == slow[2] == dst.tolist()
    # a layout the fast path declines still reads the same
    assert iccma._parse_fast(text.replace(" ", "\t").encode()) is None
    assert same(loads_af(text.replace(" ", "\t"), "iccma"), loads_af(text, "iccma"))


def test_apx_reads_facts_in_any_layout() -> None:
    af = loads_af('% comment\narg(a). arg( b ).arg("E-1").\natt(a,b).  att(b, "E-1"). % end\n', "apx")
    assert list(af.names) == ["a", "b", "E-1"]
    assert af.pairs() == [("a", "b"), ("b", "E-1")]


def test_apx_attack_before_declaration() -> None:
    assert loads_af("att(a,b).\narg(a).\narg(b).\n", "apx").pairs() == [("a", "b")]


def test_tgf_reads_labels() -> None:
    af = loads_af("a It rains.\nb\n\n#\na b\n", "tgf")
    assert list(af.names) == ["a", "b"] and af.pairs() == [("a", "b")]
    assert af.meta["labels"] == {"a": "It rains."}


def test_tgf_without_attacks() -> None:
    assert loads_af("a\nb\n", "tgf").m == 0
    assert loads_af("a\nb\n#\n", "tgf").n == 2


# -- writing and round trips ----------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["iccma", "apx", "tgf"])
def test_round_trip_numbers(fmt: str) -> None:
    af = AF(ArgumentNumbers(4), np.array([0, 1, 3], np.int32), np.array([1, 0, 0], np.int32))
    back = loads_af(dumps_af(af, fmt), fmt)
    assert same(af, back)


@pytest.mark.parametrize("fmt", ["apx", "tgf", "iccma"])
def test_round_trip_names(fmt: str) -> None:
    af = AF.from_pairs(["E1", "c_2", "E-3", "9"], [("c_2", "E1"), ("E-3", "c_2"), ("9", "9")])
    text = dumps_af(af, fmt)
    back = loads_af(text, fmt)
    if fmt == "iccma":
        assert back.meta["ids"] == ("E1", "c_2", "E-3", "9")
        assert back.pairs() == [("2", "1"), ("3", "2"), ("4", "4")]
    else:
        assert same(af, back)


def test_apx_quotes_what_asp_would_misread() -> None:
    text = dumps_af(AF.from_pairs(["E1", "a", "a b", 'say "x"'], []), "apx")
    assert text == 'arg("E1").\narg(a).\narg("a b").\narg("say \\"x\\"").\n'
    assert list(loads_af(text, "apx").names) == ["E1", "a", "a b", 'say "x"']


def test_writers_refuse_unwritable_names() -> None:
    with pytest.raises(ConversionError):
        dumps_af(AF.from_pairs(["a b"], []), "tgf")
    with pytest.raises(ConversionError):
        dumps_af(AF.from_pairs(["a\nb"], []), "iccma")


def test_write_and_read_files(tmp_path: Path) -> None:
    af = AF.from_pairs(["a", "b", "c"], [("a", "b"), ("b", "c")])
    for suffix, fmt in [(".af", "iccma"), (".i23", "iccma"), (".apx", "apx"), (".tgf", "tgf")]:
        path = tmp_path / f"x{suffix}"
        assert write_af(af, path) == fmt
        back = read_af(path)
        assert back.pairs() == ([("1", "2"), ("2", "3")] if fmt == "iccma" else af.pairs())
    assert write_af(af, tmp_path / "x.txt", "apx") == "apx"
    assert read_af(tmp_path / "x.txt", "APX").pairs() == af.pairs()


def test_format_choice_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as err:
        for_path("x.csv", kind="framework")
    assert ".af" in err.value.hint and ".apx" in err.value.hint and ".tgf" in err.value.hint
    with pytest.raises(UsageError, match="unknown format 'icma'"):
        for_path("x.af", "icma", kind="framework")
    with pytest.raises(UsageError, match="not an abstract-framework format"):
        read_af(tmp_path / "x.yaml", "yaml")
    with pytest.raises(FileAccessError, match="no such file"):
        read_af(tmp_path / "missing.af")


# -- malformed files: every error is located ----------------------------------------------

BAD = [
    # format, text, line, column, what the message says
    ("iccma", "", 1, 1, "missing the header"),
    ("iccma", "# only a comment\n", 1, 1, "missing the header"),
    ("iccma", "1 2\n", 1, 1, "missing the header"),
    ("iccma", "p af\n", 1, 5, "lacks the number of arguments"),
    ("iccma", "p af x\n", 1, 6, "whole number"),
    ("iccma", "p af -3\n", 1, 6, "whole number"),
    ("iccma", "p aba 3\n", 1, 3, "expected 'af'"),
    ("iccma", "p af 3 2\n", 1, 8, "unexpected '2'"),
    ("iccma", "p af 3\n1 2\np af 3\n", 3, 1, "a second header"),
    ("iccma", "p af 3\n1 4\n", 2, 3, "argument 4 does not exist"),
    ("iccma", "p af 3\n0 1\n", 2, 1, "argument 0 does not exist"),
    ("iccma", "p af 3\n  1\n", 2, 4, "needs two argument numbers"),
    ("iccma", "p af 3\n1 2 3\n", 2, 5, "unexpected '3'"),
    ("iccma", "p af 3\n1 2 # why\n", 2, 5, "unexpected '#'"),
    ("iccma", "p af 3\n1 b\n", 2, 3, "expected an argument number"),
    ("iccma", "p af 3\n1 2\n2 3\n3 1\n1 99999999999\n", 5, 3, "does not exist"),
    ("iccma", "p af 2\n1 2\xff\n", 2, 4, "not valid UTF-8"),
    ("iccma", "p af 2\n" + iccma.IDS_MARKER + "\n# 1 E1\n# 1 E2\n", 4, 3, "named twice"),
    ("iccma", "p af 2\n" + iccma.IDS_MARKER + "\n# 1 E1\n# 2 E1\n", 4, 5, "duplicate claim id"),
    ("iccma", "p af 2\n" + iccma.IDS_MARKER + "\n# 3 E1\n", 3, 3, "names argument 3"),
    ("iccma", "p af 2\n" + iccma.IDS_MARKER + "\n# 1 E1\n", 2, 1, "names 1 of 2"),
    ("apx", "arg(a).\narg(a).\n", 2, 5, "declared twice"),
    ("apx", "arg(a).\natt(a,b).\n", 2, 7, "unknown argument 'b'"),
    ("apx", "arg(a1).\natt(a1,a2).\n", 2, 8, "unknown argument 'a2'"),
    ("apx", "arg(a).\narg(b)\n", 2, 7, "missing '.'"),
    ("apx", "arg(a).\nattack(a,a).\n", 2, 1, "unknown statement attack"),
    ("apx", "arg(a,b).\n", 1, 1, "takes 1 argument name"),
    ("apx", "att(a).\n", 1, 1, "takes 2 argument names"),
    ("apx", "arg(a-b).\n", 1, 5, "bad argument name"),
    ("apx", "arg(a).\n  junk\n", 2, 3, "unexpected 'junk'"),
    ("tgf", "a\na\n", 2, 1, "listed twice"),
    ("tgf", "a\nb\n#\na c\n", 4, 3, "unknown argument 'c'"),
    ("tgf", "a\nb\n#\nb\n", 4, 2, "needs two ids"),
    ("tgf", "a\nb\n#\na b label\n", 4, 5, "unexpected 'label'"),
    ("tgf", "a\nb\n#\na b\n#\n", 5, 1, "a second '#' line"),
    ("tgf", "a\n#x\n", 2, 1, "unexpected '#x'"),
    ("tgf", "a\nb\na b\n", 3, 1, "listed twice"),
]


@pytest.mark.parametrize(("fmt", "text", "line", "col", "what"), BAD,
                         ids=[f"{b[0]}-{i}" for i, b in enumerate(BAD)])
def test_malformed_files_are_located(fmt: str, text: str, line: int, col: int, what: str) -> None:
    data = text.encode("latin-1") if "\xff" in text else text.encode()
    with pytest.raises(FrameworkFormatError) as err:
        loads_af(data, fmt, path=f"bad.{fmt}")
    e = err.value
    assert (e.path, e.line, e.column) == (f"bad.{fmt}", line, col), str(e)
    assert what in e.message, str(e)
    assert e.hint, "every error says how to fix it"
    assert str(e).startswith(f"bad.{fmt}:{line}:{col}: ")


def test_missing_declaration_hint_names_the_fix() -> None:
    with pytest.raises(FrameworkFormatError) as err:
        loads_af("arg(a1).\natt(a1,a2).\n", "apx")
    assert "arg(a2)." in err.value.hint
    with pytest.raises(FrameworkFormatError) as err:
        loads_af("a\nb\na b\n", "tgf")
    assert "'#' line" in err.value.hint


def test_errors_without_a_path_name_the_string() -> None:
    with pytest.raises(FrameworkFormatError, match=r"^<string>:2:3: "):
        loads_af("p af 1\n1 2\n", "iccma")


# -- the map formats ------------------------------------------------------------------------

def toy_map() -> ArgumentMap:
    return ArgumentMap(
        title="toy",
        speakers=[Speaker("essay", "Essay"), Speaker("c", "Commenter")],
        claims=[Claim("E1", "essay", "The WGEC failed.", kind="thesis", quote="failed"),
                Claim("E2", "essay", "It was slow."),
                Claim("C1", "c", "It was multistakeholder.", tags=("wgec",))],
        relations=[Relation("E2", "E1", "support"),
                   Relation("C1", "E1", "attack", note="the WGEC was multistakeholder"),
                   Relation("E2", "C1", "attack")],
    )


def test_registry_knows_the_framework_formats() -> None:
    assert formats.for_path("m.af").name == "iccma"
    assert formats.for_path("m.i23").name == "iccma"
    assert formats.for_path("m.apx").name == "apx"
    assert formats.for_path("m.tgf").name == "tgf"


def test_map_export_to_iccma_carries_the_ids(tmp_path: Path) -> None:
    text = formats.dumps(toy_map(), "iccma")
    assert text.splitlines()[:5] == ["p af 3", iccma.IDS_MARKER, "# 1 E1", "# 2 E2", "# 3 C1"]
    assert text.splitlines()[5:] == ["3 1", "2 3"]
    path = tmp_path / "toy.af"
    formats.write(toy_map(), path)
    back = formats.read(path)
    assert [c.id for c in back.claims] == ["E1", "E2", "C1"]
    assert [(r.from_id, r.to_id, r.type) for r in back.relations] == [("C1", "E1", "attack"),
                                                                      ("E2", "C1", "attack")]
    assert [s.id for s in back.speakers] == ["af"] and back.title == "toy"
    # the framework reading keeps ICCMA's numbers and offers the ids
    af = read_af(path)
    assert list(af.names) == ["1", "2", "3"] and af.meta["ids"] == ("E1", "E2", "C1")


@pytest.mark.parametrize("fmt", ["apx", "tgf"])
def test_map_export_by_name(fmt: str) -> None:
    back = formats.for_path("x." + fmt).load_module().loads(formats.dumps(toy_map(), fmt))
    assert [c.id for c in back.claims] == ["E1", "E2", "C1"]
    assert [(r.from_id, r.to_id) for r in back.relations] == [("C1", "E1"), ("E2", "C1")]
    if fmt == "tgf":  # texts travel as labels
        assert [c.text for c in back.claims] == ["The WGEC failed.", "It was slow.",
                                                 "It was multistakeholder."]
    else:
        assert [c.text for c in back.claims] == ["E1", "E2", "C1"]


def test_losses_count_what_is_dropped() -> None:
    lost = formats.losses(toy_map(), "iccma")
    assert lost == [
        "1 support relation (an abstract framework holds attacks only)",
        "2 speakers and who made each claim",
        "1 quote and their places in the sources",
        "3 claim texts (only the ids are kept)",
        "the kind of 1 claim (thesis, premise, …)",
        "the tags of 1 claim",
        "1 relation note",
        "the title",
    ]
    assert formats.losses(toy_map(), "apx") == lost
    assert not any("claim text" in x for x in formats.losses(toy_map(), "tgf"))
    af_map = apx.loads("arg(a). arg(b). att(a,b).")
    assert formats.losses(af_map, "iccma") == []


def test_map_reading_rejects_self_attacks_with_location() -> None:
    with pytest.raises(FrameworkFormatError) as err:
        iccma.loads("p af 2\n1 2\n2 2\n", path="s.af")
    assert (err.value.line, err.value.column) == (3, 1)
    with pytest.raises(FrameworkFormatError) as err:
        apx.loads("arg(a).\n\natt(a,a).\n", path="s.apx")
    assert (err.value.line, err.value.column) == (3, 1)
    with pytest.raises(FrameworkFormatError) as err:
        tgf.loads("a\n#\n a a\n", path="s.tgf")
    assert (err.value.line, err.value.column) == (3, 2)
    # as a framework, a self-attack is fine
    assert loads_af("p af 1\n1 1\n", "iccma").pairs() == [("1", "1")]


def test_map_reading_merges_repeated_attacks() -> None:
    m = iccma.loads("p af 2\n1 2\n1 2\n")
    assert len(m.relations) == 1


def test_read_errors_are_argmap_errors() -> None:
    assert issubclass(FrameworkFormatError, ArgmapError)


# -- real instances (the ICCMA corpus of tests/data/iccma; answers agreed by two reasoners) --

def test_instances_are_there() -> None:
    assert len(INSTANCES) >= 8
    assert {p.suffix for p in INSTANCES} == {".af", ".apx", ".tgf", ".dl"}


@pytest.mark.parametrize("path", INSTANCES, ids=[p.name for p in INSTANCES])
def test_instance_round_trips(path: Path) -> None:
    af = read_instance(path)
    header = path.with_name(path.name + ".answers.txt").read_text().splitlines()[0]
    n, m = map(int, re.search(r"arguments: (\d+)\s+attacks: (\d+)", header).groups())
    assert (af.n, af.normalized().m) == (n, m)
    for fmt in ("iccma", "apx", "tgf"):
        back = loads_af(dumps_af(af, fmt), fmt)
        assert back.src.tolist() == af.src.tolist() and back.dst.tolist() == af.dst.tolist()
