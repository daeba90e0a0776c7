"""Session 5's writing helpers: ids converted once, rows formatted in blocks, the output kept in pieces.

The AIF writer formats its record lists :data:`argmap.formats.aif._BLOCK` rows at a
time (:func:`~argmap.formats.aif._blocks`), converts every id to text once
(:func:`~argmap.formats.aif._numbers`) and hands its text over in pieces
(:func:`argmap.formats.dump_chunks`), which ``convert`` writes one after the other, to
stdout or through :func:`argmap._files.atomic_write`, without joining them. Each helper
is checked here against the plain formulation it stands for; the writers' texts against
the session-3 writers are in ``tests/test_writers_differential.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import formats
from argmap._files import atomic_write
from argmap._jsondump import coalesce, dumps, interleave, pieces, uniform
from argmap.formats import aif

from .helpers.budget import examples
from .helpers.cli import invoke
from .helpers.maps import SHIPPED

TEXT = st.text(st.sampled_from(list('ab%,{}"\n\\é\x00𝄞')), max_size=5)


@settings(max_examples=examples(200))
@given(st.integers(0, 30_000))
def test_numbers_are_str_of_the_range(count):
    assert aif._numbers(count) == list(map(str, range(count)))


@pytest.mark.parametrize("count", [999, 1000, 1001, 1999, 2001, 10**6 - 1, 10**6, 10**6 + 1, 1_001_001])
def test_numbers_at_the_thousands(count):
    assert aif._numbers(count) == list(map(str, range(count)))


@st.composite
def cell_rows(draw):
    """A number of rows and cells for them: constant texts and columns of one text per row."""
    rows = draw(st.integers(0, 12))
    column = st.lists(TEXT, min_size=rows, max_size=rows)
    cells = draw(st.lists(TEXT | column | column.map(lambda c: [c[0]] * len(c) if c else c), max_size=6))
    return rows, cells


@settings(max_examples=examples(200))
@given(cell_rows(), st.integers(1, 5))
def test_blocks_are_the_rows_cut_every_block(rows_and_cells, block):
    rows, cells = rows_and_cells
    before = aif._BLOCK
    aif._BLOCK = block
    try:
        got = aif._blocks(rows, cells)
    finally:
        aif._BLOCK = before
    assert "".join(got) == "".join(interleave(rows, cells))
    assert len(got) == -(-rows // block)  # one text per block of rows, none without a row
    per_row = ["".join(c if isinstance(c, str) else c[i] for c in cells) for i in range(rows)]
    assert got == ["".join(per_row[i:i + block]) for i in range(0, rows, block)]


@settings(max_examples=examples(200))
@given(st.lists(TEXT.filter(lambda t: "%" not in t), min_size=1, max_size=5), st.integers(0, 6), st.data())
def test_cells_of_a_template_are_the_template_row_by_row(constants, rows, data):
    template = "%s".join(constants)
    columns = [data.draw(st.lists(TEXT | st.just("same"), min_size=rows, max_size=rows)) for _ in constants[1:]]
    cells = aif._cells(template, *columns)
    by_row = "".join(template % row for row in zip(*columns)) if columns else template * rows
    assert "".join(aif._blocks(rows, cells)) == by_row
    # a column of one repeated text is a constant
    assert [c for c in cells if isinstance(c, list)] == [c for c in columns if len(set(c)) > 1 or not c]
    assert all(uniform(c) == (c[0] if c and len(set(c)) == 1 else c) for c in columns)


def test_cells_refuse_a_template_that_does_not_fit():
    with pytest.raises(ValueError):
        aif._cells("%s and %d", ["a"])
    with pytest.raises(ValueError):
        aif._cells("%s", ["a"], ["b"])


@settings(max_examples=examples(300))
@given(st.lists(st.text(st.sampled_from("abc"), max_size=7), max_size=12), st.integers(1, 6))
def test_coalesce_joins_the_runs_of_short_texts(texts, size):
    out = coalesce(texts, size)
    assert "".join(out) == "".join(texts)
    assert "" not in out
    longs = [t for t in texts if len(t) >= size]
    assert [t for t in out if any(t is x for x in longs)] == longs  # long texts kept, not copied
    for i, t in enumerate(out[:-1]):  # a short text ends a run only before a long one
        assert len(t) >= size or len(out[i + 1]) >= size and any(out[i + 1] is x for x in longs)


@settings(max_examples=examples(100))
@given(st.recursive(st.none() | st.integers() | TEXT,
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
                    max_leaves=20), st.sampled_from([1, 2]), st.sampled_from(["", "\n"]))
def test_pieces_are_what_dumps_joins(data, indent, end):
    assert "".join(pieces(data, indent, end)) == dumps(data, indent, end)


def test_dump_chunks_of_every_writer_are_its_text():
    amap = argmap.load(SHIPPED)
    for name in formats.names("dumps"):
        try:
            text = formats.dumps(amap, name)
        except argmap.ArgmapError:
            continue  # a framework format that cannot hold an id of this map
        assert "".join(formats.dump_chunks(amap, name)) == text, name


def test_aif_chunks_are_long_and_the_text_of_dumps(monkeypatch):
    amap = argmap.load(SHIPPED)
    monkeypatch.setattr(aif, "_BLOCK", 2)
    monkeypatch.setattr(aif, "_CHUNK", 300)
    chunks = aif.dump_chunks(amap)
    assert 10 < len(chunks) < len(pieces(aif._document(amap), end="\n"))
    assert all(len(c) >= 300 or len(after) >= 300 for c, after in zip(chunks, chunks[1:]))
    monkeypatch.undo()
    assert "".join(chunks) == aif.dumps(amap)


def test_a_conversion_joins_its_chunks_when_asked(tmp_path):
    amap = argmap.load(SHIPPED)
    done = formats.convert(amap, "aif")
    assert done.text == "".join(done.chunks) == formats.dumps(amap, "aif")
    out = tmp_path / "m.aif.json"
    written = formats.convert(amap, output=out)
    assert out.read_text(encoding="utf-8") == written.text == done.text


def test_atomic_write_of_pieces(tmp_path):
    path = tmp_path / "out.txt"
    atomic_write(path, ["caf", "é\n", "", "x" * 70_000])
    assert path.read_bytes() == ("café\n" + "x" * 70_000).encode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_atomic_write_of_pieces_one_of_which_cannot_be_encoded_writes_nothing(tmp_path):
    path = tmp_path / "out.txt"
    path.write_text("before", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        atomic_write(path, ["fine", "lone \ud800 surrogate"])
    assert path.read_text(encoding="utf-8") == "before"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_atomic_write_of_pieces_into_a_fifo(tmp_path):
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(Path(fifo).read_bytes()))
    reader.start()
    atomic_write(fifo, ["a", "b", "ç"])
    reader.join(10)
    assert got == ["abç".encode("utf-8")]


@pytest.mark.parametrize("to", ["aif", "yaml", "json", "argdown"])
def test_convert_prints_and_writes_the_pieces_of_a_long_output(monkeypatch, tmp_path, to):
    from argmap.cli import _convert

    monkeypatch.setattr(aif, "_BLOCK", 3)
    monkeypatch.setattr(aif, "_CHUNK", 50)
    monkeypatch.setattr(_convert, "_CHUNK", 7)  # pieces longer than a slice, too
    expected = formats.dumps(argmap.load(SHIPPED), to)
    result = invoke(["convert", str(SHIPPED), "--to", to])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == expected.encode("utf-8")
    out = tmp_path / f"m.{to}"
    result = invoke(["convert", str(SHIPPED), "--to", to, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == expected


def test_print_of_pieces_with_a_terminal_code_in_a_later_piece_is_what_echo_prints(capsys):
    from typer._click._compat import strip_ansi

    from argmap.cli import _convert

    chunks = ["plain ", "", "\x1b[31mred\x1b[0m é\n"]
    _convert._print(chunks)
    assert capsys.readouterr().out == strip_ansi("".join(chunks))
    _convert._print([])
    _convert._print(["", ""])
    assert capsys.readouterr().out == ""


@settings(max_examples=examples(300))
@given(st.lists(st.text(st.sampled_from(list('ab "\\\n\t\x00\x1f\x7f\x85é\u2028\ud800𝄞')), max_size=6), max_size=8))
def test_inner_strings_are_the_encoder_without_quotation_marks(values):
    from argmap._jsondump import encode_string, inner_strings

    assert inner_strings(values) == [encode_string(v)[1:-1] for v in values]


def test_native_chunks_are_its_text(monkeypatch):
    from argmap.formats import native

    amap = argmap.load(SHIPPED)
    monkeypatch.setattr(native, "_CHUNK", 64)
    for syntax in ("yaml", "json"):
        for offsets in (None, False, True):
            chunks = native.dump_chunks(amap, syntax=syntax, offsets=offsets)
            assert "".join(chunks) == native.dumps(amap, syntax=syntax, offsets=offsets)
    assert len(native.dump_chunks(amap)) > 3


ARGDOWN_TEXT = st.text(st.sampled_from(list("aZ0_-. /*\\[]<>{}#@`:é\t\n\x00ß𝄞")), max_size=8)


@settings(max_examples=examples(300))
@given(ARGDOWN_TEXT)
def test_plain_characters_is_the_absence_of_a_non_plain_one(text):
    from argmap.formats.argdown import _write

    assert _write._plain_characters(text) == (not _write._NOT_PLAIN.search(text))


@settings(max_examples=examples(300))
@given(st.lists(ARGDOWN_TEXT, max_size=6))
def test_escaped_column_is_each_text_escaped(texts):
    from argmap.formats.argdown import _write

    assert _write._escaped(texts) == [_write._escape(t) for t in texts]


@settings(max_examples=examples(200))
@given(st.lists(st.none() | ARGDOWN_TEXT | st.just("src"), max_size=6))
def test_slot_cells_are_the_field_row_by_row(values):
    from argmap.formats.argdown import _write

    rows = "".join(interleave(len(values), _write._slot("k", values))) if values else ""
    assert rows == "".join("" if v is None else ", k: " + _write._flow(v) for v in values)
