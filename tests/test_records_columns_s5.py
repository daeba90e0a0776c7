"""Sections read by column (session 5): the same records as the JSON route, or a decline.

:func:`argmap.formats._records._run` and :func:`_records._block_run` give a run whose
records all have the same keys in the same order as :class:`_records.Columns`
(:func:`_records._table`, one ``str.split``), and any other run as a list of records
decoded from JSON (the route they always took). The oracle here is that JSON route
itself: the same functions with :func:`_records._templated` and :func:`_records._table`
switched off (and the columns of :func:`_records._table` alone must be those of
:func:`_records._templated`, which reads the values only, its pattern made of the first
record's keys). Materialised,
the columns must be those records exactly (fields, starts, quote places), and
whatever the table refuses must still come out as before.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.formats import _records, native

from .helpers.budget import examples

ROOT = Path(__file__).resolve().parent.parent


def _both(read, *args):
    """(what *read* gives now, what it gives with the table switched off)."""
    now = read(*args)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(_records, "_table", lambda *a: None)
        m.setattr(_records, "_templated", lambda *a: None)
        before = read(*args)
    with pytest.MonkeyPatch.context() as m:  # the general table alone gives the same columns
        m.setattr(_records, "_templated", lambda *a: None)
        general = read(*args)
    assert type(general) is type(now)
    if type(now) is _records.Columns:
        assert (general.keys, general.values, general.lines, general.quote_at) == \
            (now.keys, now.values, now.lines, now.quote_at)
    return now, before


def _plain(found):
    return found.records() if type(found) is _records.Columns else found


def _check(read, *args, columns: bool | None = None):
    now, before = _both(read, *args)
    assert _plain(now) == before
    if type(now) is _records.Columns:
        assert len(now) == len(before) and list(now) == before
        assert list(now.keys) == list(before[0][0]) and set(now.values) == set(now.keys)
        for key in now.keys:
            assert now.values[key] == [r[0][key] for r in before]
    if columns is not None:
        assert (type(now) is _records.Columns) == columns, now
    return now


def _flow_line(pairs: list[tuple[str, str, bool]]) -> str:
    return "  - {" + ", ".join(f'{k}: "{v}"' if q else f"{k}: {v}" for k, v, q in pairs) + "}"


def _block_lines(pairs: list[tuple[str, str, bool]]) -> list[str]:
    return [("  - " if i == 0 else "    ") + (f'{k}: "{v}"' if q else f"{k}: {v}") for i, (k, v, q) in enumerate(pairs)]


KEYS = st.sampled_from(["id", "speaker", "text", "quote", "from", "to", "type", "a_1"])
# values that a canonical run holds: plain ones (also ones with ", " or ": " that only quoting
# allows) and quoted ones with separators, marks of the table's own and "quote:" inside
VALUES = st.one_of(st.sampled_from(["C0", "pro", "x y", "é", "Claim 1", "attack"]),
                   st.text(st.sampled_from(list("ab :,{}#'é-")), min_size=0, max_size=6))


@st.composite
def runs(draw):
    """Records (lists of (key, value, quoted)), most with one key order, some odd ones."""
    keys = draw(st.lists(KEYS, min_size=1, max_size=4, unique=True))
    n = draw(st.integers(1, 6))
    records = []
    for _ in range(n):
        order = list(keys)
        change = draw(st.integers(0, 19))
        if change == 0 and len(order) > 1:
            order.reverse()
        elif change == 1:
            order = order[:-1] or order
        elif change == 2:
            order = order + [order[0]]  # a key twice
        elif change == 3:
            order = order + [draw(KEYS)]
        pairs = []
        for k in order:
            v = draw(VALUES)
            plain = draw(st.booleans()) and _records._canon("  ")[0].fullmatch("  - {k: " + v + "}") is not None
            pairs.append((k, v, not plain))
        records.append(pairs)
    return records


@settings(max_examples=examples(300))
@given(runs())
def test_flow_runs_by_column_are_the_json_records(records):
    text = "\n".join(map(_flow_line, records))
    _check(_records._run, text, 7, "  ")


@settings(max_examples=examples(300))
@given(runs())
def test_block_runs_by_column_are_the_json_records(records):
    text = "\n".join(line for r in records for line in _block_lines(r))
    _check(_records._block_run, text, 7, "  ")


def test_uniform_runs_come_by_column_and_others_as_records():
    same_keys = [[("id", "C1", False), ("text", "a, b: c", True)], [("id", "C2", False), ("text", "", True)]]
    _check(_records._run, "\n".join(map(_flow_line, same_keys)), 3, "  ", columns=True)
    _check(_records._block_run, "\n".join(line for r in same_keys for line in _block_lines(r)),
           3, "  ", columns=True)
    # the keys in another order, one fewer, one twice, or shifted across the records: records
    for records in ([[("id", "a", False), ("text", "b", False)], [("text", "c", False), ("id", "d", False)]],
                    [[("id", "a", False), ("text", "b", False)], [("id", "c", False)]],
                    [[("id", "a", False), ("text", "b", False), ("id", "c", False)], [("text", "d", False)]],
                    [[("id", "a", False), ("text", "b", False), ("id", "c", False)],
                     [("text", "d", False), ("id", "e", False), ("text", "f", False)]],
                    [[("text", "a", True), ("id", "b", True)], [("id", "c", True)]]):
        flow = "\n".join(map(_flow_line, records))
        block = "\n".join(line for r in records for line in _block_lines(r))
        for read, text in ((_records._run, flow), (_records._block_run, block)):
            now = _check(read, text, 3, "  ", columns=False)
            repeated = any(len({k for k, _, _ in r}) < len(r) for r in records)
            assert (now is None) == repeated  # a key twice: the located path says so


def test_quote_places_by_column():
    # "quote: " inside another value, before and after the key; the quote first in block records
    records = [[("id", "C1", False), ("text", "a quote: b", True), ("quote", "q", True)],
               [("id", "C2", False), ("text", "t", True), ("quote", "quote: x", True)]]
    now = _check(_records._run, "\n".join(map(_flow_line, records)), 10, "  ", columns=True)
    assert now.quote_at == [(10, 41), (11, 32)]
    first = [[("quote", "q", True), ("id", "C1", False)], [("quote", "r", True), ("id", "C2", False)]]
    now = _check(_records._block_run, "\n".join(line for r in first for line in _block_lines(r)),
                 4, "  ", columns=True)
    assert now.quote_at == [(4, 12), (6, 12)] and now.lines == [4, 6]


def test_a_separator_in_the_text_keeps_the_json_route():
    for odd in (_records._SEP, _records._MARK):
        text = "\n".join(map(_flow_line, [[("id", "C1", False), ("text", "a" + odd, True)]]))
        assert _records._table(text, "", "}\n  - {", ", ", []) is None
        pieces = text.split('"')
        skeleton = "\x00".join(pieces[0::2])
        found = _records._templated(text, skeleton, pieces[1::2], "  ", True)
        # (the mark is _table's own: the values alone need only the separator to be absent)
        assert found is None if odd == _records._SEP else found == (("id", "text"), {"id": ["C1"], "text": ["a" + odd]})


def test_unfolded_block_sections_come_by_column_with_their_line_numbers():
    lines = ["  # claims", "  - id: C1", "    text: >-", "      two", "      lines", "    quote: \"q\"",
             "  # more", "  - id: C2", '    text: "t"', "    quote: \"r\""]
    body = "\n".join(lines)
    unfolded, origin = _records._unfolded(body, "  ")
    now = _check(_records._block_run, unfolded, 20, "  ", origin, columns=True)
    assert now.lines == [21, 27] and now.quote_at == [(25, 12), (29, 12)]
    assert now.values["text"] == ["two lines", "t"]


@pytest.mark.parametrize("style", ["flow", "block"])
def test_the_benchmark_sections_are_read_by_column(tmp_path, style):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import mapgen
    finally:
        sys.path.pop(0)
    path, _ = mapgen.generate(300, 4, tmp_path, style=style)
    text = path.read_text(encoding="utf-8")
    top = _records.read(text, "yaml")
    assert top is not None
    assert type(top["claims"]) is _records.Columns and type(top["relations"]) is _records.Columns
    assert len(top["claims"]) == 300
    located = native._parse_located(text, path=path)
    fast = native._parse_fast(text, path=path)
    assert fast is not None and fast.map == located.map
    assert list(fast.map.positions.items()) == list(located.map.positions.items())


def test_columns_through_the_per_record_checks(tmp_path):
    """A section by column that the bulk checks leave to the record-by-record ones (here: a tag
    list needs them) reads as the located path reads it."""
    head = "argmap: 2\nspeakers:\n  - {id: s}\nclaims:\n"
    claims = "\n".join(f'  - {{id: C{i}, speaker: s, text: "t {i}", act: questioning}}' for i in range(4))
    relations = "\n".join(f"  - {{from: C{i}, to: C{i + 1}, type: attack, note: n}}" for i in range(3))
    text = head + claims + "\nrelations:\n" + relations + "\n"
    top = _records.read(text, "yaml")
    assert type(top["claims"]) is _records.Columns
    fast = native._parse_fast(text, read_sources=False)
    located = native._parse_located(text, read_sources=False)
    assert fast is not None and fast.map == located.map
    assert [c.act for c in fast.map.claims] == ["questioning"] * 4
    assert list(fast.map.positions.items()) == list(located.map.positions.items())
    assert json.loads(native.dumps(fast.map, syntax="json")) == json.loads(native.dumps(located.map, syntax="json"))
