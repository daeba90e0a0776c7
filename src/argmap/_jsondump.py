"""Indented JSON text, the very text of ``json.dumps(data, indent=N, ensure_ascii=False)``, fast.

The standard library writes indented JSON in pure Python (its C encoder serves only
the one-line form), one generator step per value: the AIF export of a map of 10⁵
claims (1.2·10⁶ records, 4·10⁶ values) took about 20 s. Here the C encoder writes
whole *record lists* at once, and the indentation is put in afterwards:

- A *flat* container holds no dict, list or tuple. It is written by one C call with
  the item separator ``",\\n" + indent``, then wrapped in its brackets on their own lines.
- A container whose children are all non-empty flat dicts (a list of records, or a
  dict from ids to records) is written by one C call for all children with the
  separator ``",\\n"``. No string the encoder writes holds a raw line break (it
  escapes every control character), so each raw ``\\n`` is a separator: replaced by
  the children's line break and indent, and ``}`` ``,\\n`` ``{`` then marks the
  boundaries between children, since an item inside a flat dict starts with a key
  (a ``"``), never with ``{``.
- Anything else is walked in Python, as :mod:`json` does.

Scalars (strings, numbers, ``NaN``, ``None``, booleans, non-string keys) are always
written by the encoder itself, so they come out exactly as :func:`json.dumps` writes
them; ``tests/test_jsondump.py`` compares the two on generated data.

>>> dumps({"a": [1, "é", {}], "b": [{"c": None, "d": 1.5}, {"c": True}]}) == json.dumps(
...     {"a": [1, "é", {}], "b": [{"c": None, "d": 1.5}, {"c": True}]}, indent=2, ensure_ascii=False)
True
"""

from __future__ import annotations

import json
from collections.abc import Callable
from itertools import chain, islice
from typing import Any

__all__ = ["dumps", "pieces", "coalesce", "Records", "Laid", "body", "encode_string", "encode_strings", "inner_strings",
           "interleave", "blocks", "uniform"]

#: A string as JSON (the C function the encoder itself uses, non-ASCII kept).
encode_string: Callable[[str], str] = json.encoder.encode_basestring

_encoders: dict[str, Callable[[Any], str]] = {}


def _encoder(newline: str) -> Callable[[Any], str]:
    """The C encoder writing items separated by ``"," + newline`` (one line break plus indent)."""
    found = _encoders.get(newline)
    if found is None:
        found = json.JSONEncoder(ensure_ascii=False, separators=("," + newline, ": ")).encode
        _encoders[newline] = found
    return found


_scalar = _encoder("")  # a scalar or key: the separators do not matter
_column = _encoder("\n")  # a list of strings: one encoded string per line (no encoded string holds a raw line break)


def encode_strings(values: list[str]) -> list[str]:
    """``[encode_string(v) for v in values]``, with one encoder call.

    >>> encode_strings(["a", 'b"\\n', "é"])
    ['"a"', '"b\\\\"\\\\n"', '"é"']
    """
    if not values:
        return []
    return _column(values)[1:-1].split(",\n")


def inner_strings(values: list[str]) -> list[str]:
    """``[encode_string(v)[1:-1] for v in values]``: each string encoded, without its quotation marks.

    The encoder escapes ``"``, ``\\`` and the control characters below U+0020 only; a
    string without them, as most texts are, is its own encoding. That is checked on the
    joined column first (three scans in C), then, if it fails, row by row, with
    :meth:`str.isprintable` standing for the control characters (it refuses every one
    of them); only the rows that fail go through the encoder.

    >>> inner_strings(["a", 'b"', "", "\\n", "é"])
    ['a', 'b\\\\"', '', '\\\\n', 'é']
    """
    joined = "".join(values)
    if '"' not in joined and "\\" not in joined and joined.isprintable():
        return list(values)
    return [encode_string(v)[1:-1] if '"' in v or "\\" in v or not v.isprintable() else v for v in values]


class Records:
    """Flat records already encoded, for :func:`dumps` to lay out: a list, or a dict when *keys* are given.

    Each body is a record's items as the C encoder writes them with the item
    separator ``",\\n"``, without the braces: ``'"id": "C1",\\n"n": 2'`` (see
    :func:`body`; a writer may format them from a template instead). Bodies must be
    non-empty and hold no raw control character other than those separators, as any
    text of the encoder does, except that in a list one body may hold several records
    separated by ``"\\x00"`` (the separator the layout puts between bodies). *keys* are
    the dict's string keys, one per body.
    """

    __slots__ = ("bodies", "keys")

    def __init__(self, bodies: list[str], keys: list[str] | None = None) -> None:
        self.bodies = bodies
        self.keys = keys


class Laid:
    """A list (or, with *mapping*, a dict) of records already laid out, for :func:`dumps` to place as they are.

    Each piece is one or more records as :func:`json.dumps` indents them at *at* (the
    line break and indent of the list's brackets, e.g. ``"\\n  "`` for a value of the
    top-level dict with indent 2), each record preceded by ``","`` and its own line
    break and indent: ``',\\n    {\\n      "id": "C1"\\n    }'`` (in a dict, each with its key:
    ``',\\n    "k": {…}'``). The layout drops the
    first comma and joins the pieces with the rest of the text, without a copy.
    """

    __slots__ = ("pieces", "at", "brackets")

    def __init__(self, pieces: list[str], at: str, mapping: bool = False) -> None:
        self.pieces = pieces
        self.at = at
        self.brackets = "{}" if mapping else "[]"


_NESTED = (dict, list, tuple, Records, Laid)


def body(record: dict[str, Any]) -> str:
    """The body of a non-empty flat *record* for :class:`Records`.

    >>> body({"id": "C1", "n": 2})
    '"id": "C1",\\n"n": 2'
    """
    return _encoder("\n")(record)[1:-1]


def dumps(data: Any, indent: int = 2, end: str = "") -> str:
    """``json.dumps(data, indent=indent, ensure_ascii=False) + end``: the same text.

    Data :mod:`json` cannot write raises the same ``TypeError`` or ``ValueError``.
    """
    return "".join(pieces(data, indent, end))


def pieces(data: Any, indent: int = 2, end: str = "") -> list[str]:
    """The text of :func:`dumps` as the list of pieces it joins (the pieces of :class:`Laid` lists among them).

    >>> pieces({"a": [1]})
    ['{', '\\n  ', '"a"', ': ', '[\\n    1\\n  ]', '\\n}', '']
    """
    out: list[str] = []
    _write(data, "\n", " " * indent, out)
    out.append(end)
    return out


def coalesce(texts: list[str], size: int) -> list[str]:
    """*texts* with the runs of short ones joined: the same concatenation, in fewer and longer texts.

    For writing a long text made of many pieces a few large writes at a time, without
    joining it all. A text *size* long or more is kept as it is (not copied); the
    texts shorter than that are joined in runs of at least *size* characters, but for
    a run cut short by a long text or by the end. Empty texts are left out.

    >>> coalesce(["a", "b", "cdef", "g", "", "h"], 3)
    ['ab', 'cdef', 'gh']
    """
    out: list[str] = []
    run: list[str] = []
    length = 0
    for text in texts:
        if len(text) >= size:
            if run:
                out.append("".join(run))
                run, length = [], 0
            out.append(text)
            continue
        run.append(text)
        length += len(text)
        if length >= size:
            out.append("".join(run))
            run, length = [], 0
    if run:
        out.append("".join(run))
    return [t for t in out if t]


def _flat(values: Any) -> bool:
    """No value in the iterable *values* is a dict, list, tuple (or a subclass of one) or :class:`Records`."""
    return not any(issubclass(t, _NESTED) for t in set(map(type, values)))


def _write(value: Any, newline: str, step: str, out: list[str]) -> None:
    """Append the indented JSON of *value*; *newline* is a line break plus the current indent."""
    if type(value) is Records:
        _write_bodies(value, newline, newline + step, newline + step + step, out)
        return
    if type(value) is Laid:
        if value.at != newline or step != "  ":
            raise ValueError("laid out for another place or indent")
        if not value.pieces:
            out.append(value.brackets)
            return
        out += (value.brackets[0], value.pieces[0][1:])  # no comma before the first record
        out += islice(value.pieces, 1, None)
        out += (newline, value.brackets[1])
        return
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        values: Any = value.values()
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        values = value
    else:
        out.append(_scalar(value))
        return
    inner = newline + step
    if _flat(values):
        text = _encoder(inner)(value)
        out.append(text[0] + inner + text[1:-1] + newline + text[-1])
        return
    if _records(values) and _write_records(value, values, newline, inner, step, out):
        return
    if isinstance(value, dict):
        out.append("{")
        first = True
        for key, item in value.items():
            out.append(inner if first else "," + inner)
            first = False
            out.append(_key(key))
            out.append(": ")
            _write(item, inner, step, out)
        out.append(newline + "}")
    else:
        out.append("[")
        first = True
        for item in value:
            out.append(inner if first else "," + inner)
            first = False
            _write(item, inner, step, out)
        out.append(newline + "]")


def _key(key: Any) -> str:
    """A dict key as the encoder writes it (a non-string key becomes a string, as in :mod:`json`)."""
    return _scalar(key) if isinstance(key, str) else _scalar({key: 0})[1:-4]


def _records(values: Any) -> bool:
    """Every value is a non-empty plain dict of scalars (a record)."""
    return set(map(type, values)) == {dict} and all(values) and _flat(
        chain.from_iterable(map(dict.values, values)))


def _write_records(value: Any, values: Any, newline: str, inner: str, step: str, out: list[str]) -> bool:
    """Append *value*, whose children *values* are records, with one encoder call; False if it cannot."""
    children = values if isinstance(value, (list, tuple)) else list(values)
    parts = _encoder("\n")(children)[2:-2].split("},\n{")
    if len(parts) != len(children):  # cannot happen (see the module docstring); stay exact regardless
        return False
    keys = None if isinstance(value, (list, tuple)) else [_key(k)[1:-1] for k in value]
    _write_bodies(Records(parts, keys), newline, inner, inner + step, out, encoded_keys=True)
    return True


def _write_bodies(records: Records, newline: str, inner: str, items: str, out: list[str],
                  encoded_keys: bool = False) -> None:
    """Append *records*: the list or dict brackets at *newline*, the records' at *inner*, their items at *items*."""
    bodies, keys = records.bodies, records.keys
    if not bodies:
        out.append("[]" if keys is None else "{}")
        return
    if keys is None:
        text = "\x00".join(bodies).replace("\n", items).replace("\x00", inner + "}," + inner + "{" + items)
        out += ("[", inner, "{", items, text, inner, "}", newline, "]")  # no copy of the long text
        return
    if not encoded_keys:
        keys = [encode_string(k)[1:-1] for k in keys]
    text = "\x00".join([k + "\x01" + b for k, b in zip(keys, bodies)]).replace("\n", items)
    text = text.replace("\x01", '": {' + items).replace("\x00", inner + "}," + inner + '"')
    out += ("{", inner, '"', text, inner, "}", newline, "}")


def interleave(rows: int, cells: list[str | list[str]]) -> list[str]:
    """The pieces of *rows* rows, each the concatenation of its *cells*: a text for every row, or a list of one per row.

    ``"".join(interleave(2, ["<", ["a", "b"], ">"]))`` is ``"<a><b>"``; adjacent texts are
    merged first, so the pieces are as few as the columns allow.
    """
    merged: list[str | list[str]] = []
    for cell in cells:
        if isinstance(cell, str) and merged and isinstance(merged[-1], str):
            merged[-1] += cell
        else:
            merged.append(cell)
    width = len(merged)
    pieces: list[str] = [""] * (rows * width)
    for j, cell in enumerate(merged):
        pieces[j::width] = [cell] * rows if isinstance(cell, str) else cell
    return pieces


def blocks(rows: int, cells: list[str | list[str]], size: int) -> list[str]:
    """The *rows* rows made of *cells* (see :func:`interleave`), *size* rows to a text: ``"".join`` of them is all rows.

    A writer lays out a long list of records a block at a time: each text is a few
    megabytes, not the whole list, and the list of pieces joined for it stays short.

    >>> blocks(3, ["<", ["a", "b", "c"], ">"], 2)
    ['<a><b>', '<c>']
    """
    if rows <= size:
        return ["".join(interleave(rows, cells))] if rows else []
    return ["".join(interleave(min(size, rows - start),
                               [c if type(c) is str else c[start:start + size] for c in cells]))
            for start in range(0, rows, size)]


def uniform(column: list[str]) -> str | list[str]:
    """*column*'s one text when every row holds it (and there are rows), else the column, for :func:`interleave`.

    >>> uniform(["x", "x"]), uniform(["x", "y"]), uniform([])
    ('x', ['x', 'y'], [])
    """
    if column and column.count(column[0]) == len(column):
        return column[0]
    return column
