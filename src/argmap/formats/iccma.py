"""ICCMA 2023 abstract-framework files (``.af``, ``.i23``).

The format of the International Competition on Computational Models of
Argumentation since 2023::

    p af 4
    # a comment line
    2 1
    3 2

The first line that is not a comment is the header ``p af N``: the framework has
the arguments ``1 … N``, including those that occur in no attack (argument 4
above). Every further line ``a b`` says that argument ``a`` attacks argument
``b``; lines starting with ``#`` are comments. Repeated attack lines are allowed
(they mean the same attack). The older ICCMA forms (``p af N M`` with
``i -j 0`` clauses) are rejected with a hint.

An argument map exported to ICCMA keeps its claim ids in comment lines, so that
reading it back restores them::

    p af 3
    # argmap ids: argument number, then claim id
    # 1 E1
    # 2 E2
    # 3 C1
    3 1

Reading is vectorised: for files in the usual layout (one ``a b`` per line,
single spaces) the bytes are checked and tokenised with numpy in one pass;
anything else goes through a line-by-line reader that locates the first error.

Examples
--------
>>> af = loads_af("p af 4\\n# comment\\n2 1\\n3 2\\n")
>>> af.n, af.pairs()
(4, [('2', '1'), ('3', '2')])
>>> print(dumps_af(af), end="")
p af 4
2 1
3 2
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..af import ArgumentNumbers
from ..errors import ConversionError, FrameworkFormatError
from ._framework import (
    af_to_map,
    as_text,
    build_af,
    framework_losses,
    map_to_af,
    shown_path,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..af import AF
    from ..model import ArgumentMap

__all__ = ["IDS_MARKER", "MAX_ARGUMENTS", "MAX_MAP_ARGUMENTS", "loads_af", "dumps_af", "loads", "dumps",
           "losses"]

#: The comment line that opens the block of claim ids in an exported map.
IDS_MARKER = "# argmap ids: argument number, then claim id"

#: A header ``p af N`` read as a framework (``argmap extensions``) may declare at most
#: this many arguments more than the file has bytes. Every argument costs work whether
#: or not an attack line names it, so the budget grows with the file, not with N.
MAX_ARGUMENTS = 1_000_000
#: The same allowance when the file is read as a map (``check``, ``convert``), where
#: every argument becomes a claim.
MAX_MAP_ARGUMENTS = 100_000
_MAX_DIGITS = 10  # int32 argument numbers: no file argmap reads needs more digits

_BOM = b"\xef\xbb\xbf"
_HEADER_FAST = re.compile(rb"p af (0|[1-9][0-9]*)\r?")
_COMMENT_LINES = re.compile(rb"(?m)^#[^\n]*(?:\n|\Z)")
_TOKEN = re.compile(r"\S+")
_NUMBER = re.compile(r"[0-9]+")
_ID_LINE = re.compile(r"#[ \t]+([0-9]+)[ \t]+(\S(?:.*\S)?)[ \t]*")


# -- reading ------------------------------------------------------------------------------

def loads_af(data: str | bytes, *, path: str | Path | None = None) -> AF:
    """Parse an ICCMA 2023 framework.

    Parameters
    ----------
    data : str or bytes
        The file's content (bytes are read fastest).
    path : str or Path, optional
        The file name, for error locations (default ``<string>``).

    Returns
    -------
    AF
        Arguments named ``"1" … "N"`` (an :class:`ArgumentNumbers`); ``meta`` has
        ``format`` and, for an exported map, ``ids`` (the claim id of each argument).

    Raises
    ------
    FrameworkFormatError
        For a missing or bad header, an argument outside ``1 … N``, a line that is
        not ``a b``, or a malformed ``argmap ids`` block; located at ``file:line:col``.

    Notes
    -----
    The fast path checks, on the bytes, that after the header every line is
    ``digits space digits``; it then tokenises with :func:`numpy.fromstring` and checks
    the range, in O(size of the file) numpy operations. Files it does not accept
    (tabs, trailing spaces, blank lines, errors) are read line by line, which locates
    the first error.

    Examples
    --------
    >>> loads_af("p af 2\\n1 3\\n", path="bad.af")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
      ...
    argmap.errors.FrameworkFormatError: bad.af:2:3: argument 3 does not exist: the header 'p af 2' (line 1) ...
    """
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    if raw.startswith(_BOM):
        raw = raw[3:]
    if b"# argmap ids" not in raw:
        fast = _parse_fast(raw)
        if fast is not None:
            n, src, dst = fast
            return build_af(ArgumentNumbers(n), src, dst, "iccma", path)
    n, src_l, dst_l, _pos, ids = _parse_slow(as_text(raw, path), path)
    meta = {"ids": tuple(ids)} if ids is not None else {}
    return build_af(ArgumentNumbers(n), src_l, dst_l, "iccma", path, **meta)


def _parse_fast(raw: bytes) -> tuple[int, np.ndarray, np.ndarray] | None:
    """Vectorised reading of a file in the usual layout, or None to use the slow path."""
    pos = 0
    while raw.startswith(b"#", pos):
        end = raw.find(b"\n", pos)
        if end < 0:
            return None
        pos = end + 1
    end = raw.find(b"\n", pos)
    header = raw[pos:] if end < 0 else raw[pos:end]
    match = _HEADER_FAST.fullmatch(header)
    if match is None or len(match.group(1)) > _MAX_DIGITS \
            or int(match.group(1)) > MAX_ARGUMENTS + len(raw):
        return None  # the slow path reports a header over the limit
    n = int(match.group(1))
    body = b"" if end < 0 else raw[end + 1:]
    if b"#" in body:
        body = _COMMENT_LINES.sub(b"", body)
    if b"\r" in body:
        body = body.replace(b"\r\n", b"\n")
    size = len(body)
    while size and body[size - 1] == 10:  # trailing blank lines
        size -= 1
    empty = np.zeros(0, dtype=np.int32)
    if not size:
        return n, empty, empty
    if size + 1 < len(body):
        body = body[:size + 1]
    arr = np.frombuffer(body, dtype=np.uint8)
    spaces = np.flatnonzero(arr == 32)
    newlines = np.flatnonzero(arr == 10)
    if newlines.shape[0] == 0 or newlines[-1] != size:  # no final line break
        newlines = np.append(newlines, size)
    lines = newlines.shape[0]
    digits = np.count_nonzero((arr - 48) <= 9)
    if digits + spaces.shape[0] + lines != size + 1:  # something else than digits, ' ', '\n'
        return None
    # every line is exactly 'digits space digits': one space per line, strictly between
    # the line breaks, with 1 to 9 digits on either side (int32 cannot overflow)
    if spaces.shape[0] != lines:
        return None
    first = spaces - np.concatenate(([-1], newlines[:-1]))  # 1 + length of the first number
    second = newlines - spaces  # 1 + length of the second number
    if int(first.min()) < 2 or int(second.min()) < 2 or int(first.max()) > 10 \
            or int(second.max()) > 10:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            values = np.fromstring(body, dtype=np.int32, sep=" ")  # noqa: NPY201
    except ValueError:
        return None
    if values.shape[0] != 2 * lines or values.min() < 1 or values.max() > n:
        return None
    values -= 1
    pairs = values.reshape(-1, 2)
    return n, np.ascontiguousarray(pairs[:, 0]), np.ascontiguousarray(pairs[:, 1])


def _value(tok: str) -> int:
    """The number *tok* (digits only), or ``2**31`` when it has too many digits to be one."""
    digits = tok.lstrip("0") or "0"
    return int(digits) if len(digits) <= _MAX_DIGITS else 2**31


def _short(tok: str) -> str:
    """*tok* for a message: long numbers shortened to their first and last digits."""
    return tok if len(tok) <= 24 else f"{tok[:10]}…{tok[-10:]} ({len(tok)} digits)"


def _parse_slow(text: str, path: str | Path | None, allowance: int = MAX_ARGUMENTS
                ) -> tuple[int, list[int], list[int], list[tuple[int, int]], list[str] | None]:
    """Line-by-line reading with located errors.

    Returns ``(n, src, dst, positions, ids)`` with 0-based arguments, the
    ``(line, column)`` of each attack line, and the claim ids of an ``argmap ids``
    block (or None). A header over ``allowance + len(text)`` arguments is an error.
    """
    limit = min(allowance + len(text), 2**31 - 1)
    name = "MAX_ARGUMENTS" if allowance == MAX_ARGUMENTS else "MAX_MAP_ARGUMENTS"
    where = shown_path(path)
    n: int | None = None
    header_line = 0
    src: list[int] = []
    dst: list[int] = []
    positions: list[tuple[int, int]] = []
    ids: dict[int, str] | None = None
    ids_open = False
    ids_line = 0
    seen_ids: dict[str, int] = {}

    def fail(message: str, line: int, col: int, hint: str | None = None) -> FrameworkFormatError:
        return FrameworkFormatError(message, path=where, line=line, column=col, hint=hint)

    for lineno, line in enumerate(text.split("\n"), 1):
        if line.endswith("\r"):
            line = line[:-1]
        stripped = line.strip()
        if not stripped:
            ids_open = False
            continue
        col0 = len(line) - len(line.lstrip()) + 1
        if stripped.startswith("#"):
            if stripped.startswith("# argmap ids"):
                if n is None:
                    raise fail("the 'argmap ids' block comes before the header", lineno, col0,
                               "put the 'p af N' line first")
                if ids is not None:
                    raise fail("a second 'argmap ids' block", lineno, col0,
                               f"the first one starts on line {ids_line}; keep one")
                ids, ids_open, ids_line = {}, True, lineno
            elif ids_open:
                assert ids is not None and n is not None
                match = _ID_LINE.fullmatch(stripped)
                if match is None:
                    ids_open = False
                    continue
                number, name = _value(match.group(1)), match.group(2)
                col = col0 + match.start(1)
                if not 1 <= number <= n:
                    raise fail(f"the ids block names argument {_short(match.group(1))}, but the header declares "
                               f"arguments 1 to {n}", lineno, col, "fix the number or the header")
                if number in ids:
                    raise fail(f"argument {number} is named twice in the ids block", lineno, col,
                               "give each argument one id")
                if name in seen_ids:
                    raise fail(f"duplicate claim id {name!r} in the ids block (also argument "
                               f"{seen_ids[name]})", lineno, col0 + match.start(2),
                               "ids must be unique")
                ids[number] = name
                seen_ids[name] = number
            continue
        ids_open = False
        tokens = [(m.group(), m.start() + 1) for m in _TOKEN.finditer(line)]
        if n is None:
            n = _header(tokens, lineno, fail, limit, f"{name} = {allowance:,}, plus one per character")
            header_line = lineno
            continue
        first, col = tokens[0]
        if first == "p":
            raise fail("a second header line", lineno, col,
                       f"the header is on line {header_line}; keep one 'p af N' line")
        pair: list[int] = []
        for tok, col in tokens[:2]:
            if _NUMBER.fullmatch(tok) is None:
                hint = ("comments go on their own line, starting with '#'" if tok.startswith("#")
                        else f"use the numbers 1 to {n}")
                raise fail(f"expected an argument number, got {tok!r}", lineno, col, hint)
            value = _value(tok)
            if not 1 <= value <= n:
                raise fail(f"argument {_short(tok)} does not exist: the header 'p af {n}' (line "
                           f"{header_line}) declares arguments 1 to {n}", lineno, col,
                           "raise N in the header or fix this number")
            pair.append(value - 1)
        if len(tokens) == 1:
            raise fail("an attack line needs two argument numbers, 'attacker attacked'",
                       lineno, tokens[0][1] + len(tokens[0][0]), "add the attacked argument")
        if len(tokens) > 2:
            tok, col = tokens[2]
            hint = ("comments go on their own line, starting with '#'" if tok.startswith("#")
                    else "write one attack per line")
            raise fail(f"unexpected {tok!r} after the attack '{tokens[0][0]} {tokens[1][0]}'",
                       lineno, col, hint)
        src.append(pair[0])
        dst.append(pair[1])
        positions.append((lineno, col0))
    if n is None:
        raise fail("missing the header line 'p af N'", 1, 1,
                   "start the file with 'p af N', N = the number of arguments")
    names: list[str] | None = None
    if ids is not None:
        missing = [k for k in range(1, n + 1) if k not in ids]
        if missing:
            raise fail(f"the ids block names {len(ids)} of {n} arguments (argument {missing[0]} "
                       f"has no id)", ids_line, 1, "name every argument or drop the block")
        names = [ids[k] for k in range(1, n + 1)]
    return n, src, dst, positions, names


def _header(tokens: list[tuple[str, int]], lineno: int, fail: Callable[..., FrameworkFormatError], limit: int,
            why: str) -> int:
    first, col = tokens[0]
    if first != "p":
        raise fail(f"missing the header line 'p af N' (found {first!r})", lineno, col,
                   "start the file with 'p af N', N = the number of arguments")
    if len(tokens) < 2 or tokens[1][0] != "af":
        got = repr(tokens[1][0]) if len(tokens) > 1 else "nothing"
        raise fail(f"expected 'af' after 'p' in the header, got {got}",
                   lineno, tokens[1][1] if len(tokens) > 1 else col + 1,
                   "this reads abstract frameworks: 'p af N'")
    if len(tokens) < 3:
        raise fail("the header lacks the number of arguments", lineno,
                   tokens[1][1] + 2, "write 'p af N', N = the number of arguments")
    tok, ncol = tokens[2]
    if _NUMBER.fullmatch(tok) is None:
        raise fail(f"the number of arguments must be a whole number >= 0, got {tok!r}",
                   lineno, ncol, "write 'p af N'")
    if len(tokens) > 3:
        tok4, col4 = tokens[3]
        hint = ("'p af N M' is the pre-2023 ICCMA clause form, which argmap does not read; "
                "convert it to 'p af N' and 'a b' lines" if _NUMBER.fullmatch(tok4)
                else "the header is exactly 'p af N'")
        raise fail(f"unexpected {tok4!r} after the header 'p af {_short(tok)}'", lineno, col4, hint)
    n = _value(tok)
    if n > limit:
        raise fail(f"the header declares {_short(tok)} arguments; a file of this length may "
                   f"declare at most {limit:,} ({why})", lineno, ncol,
                   "is the number a typo? arguments that no attack names cost memory too")
    return n


# -- writing ------------------------------------------------------------------------------

def dumps_af(af: AF) -> str:
    """Write *af* in ICCMA 2023 syntax.

    Parameters
    ----------
    af : AF

    Returns
    -------
    str
        ``p af N`` and one ``a b`` line per stored attack. When the names are not
        ``"1" … "N"``, an ``argmap ids`` comment block maps each number to its name.

    Raises
    ------
    ConversionError
        If a name cannot be written on one comment line (empty, a line break, or
        surrounding spaces).

    Examples
    --------
    >>> from argmap.af import AF
    >>> print(dumps_af(AF.from_pairs(["E1", "C1"], [("C1", "E1")])), end="")
    p af 2
    # argmap ids: argument number, then claim id
    # 1 E1
    # 2 C1
    2 1
    """
    n = af.n
    parts = [f"p af {n}\n"]
    names = af.names
    if not (isinstance(names, ArgumentNumbers) or list(names) == [str(k) for k in range(1, n + 1)]):
        parts.append(IDS_MARKER + "\n")
        for k, name in enumerate(names, 1):
            name = str(name)
            if not name or name != name.strip() or "\n" in name or "\r" in name:
                raise ConversionError(f"the name {name!r} cannot be kept in an ICCMA comment line",
                                      hint="use ids without line breaks or surrounding spaces")
            parts.append(f"# {k} {name}\n")
    if af.m:
        parts.append(_attack_lines(af.src, af.dst))
    return "".join(parts)


def _attack_lines(src: np.ndarray, dst: np.ndarray) -> str:
    """``"a b\\n"`` for every attack, 1-based."""
    a = map(str, (src.astype(np.int64) + 1).tolist())
    b = map(str, (dst.astype(np.int64) + 1).tolist())
    return "\n".join(map(" ".join, zip(a, b))) + "\n"


# -- the map-format verbs -----------------------------------------------------------------

def loads(text: str, *, path: str | Path | None = None) -> ArgumentMap:
    """Read an ICCMA file as an argument map.

    Parameters
    ----------
    text : str
    path : str or Path, optional

    Returns
    -------
    ArgumentMap
        One claim per argument, named by the ``argmap ids`` block when there is one
        (else ``"1" … "N"``), all by one speaker ``af``, text = id; the attacks.

    Raises
    ------
    FrameworkFormatError
        For a malformed file, or a self-attack (which a map cannot hold).

    Examples
    --------
    >>> m = loads("p af 2\\n# argmap ids: argument number, then claim id\\n# 1 E1\\n# 2 C1\\n2 1\\n")
    >>> [(r.from_id, r.to_id, r.type) for r in m.relations]
    [('C1', 'E1', 'attack')]
    """
    n, src, dst, positions, ids = _parse_slow(as_text(text, path), path, MAX_MAP_ARGUMENTS)
    names = ids if ids is not None else [str(k) for k in range(1, n + 1)]
    af = build_af(names, src, dst, "iccma", path)
    return af_to_map(af, path, positions)


def dumps(amap: ArgumentMap) -> str:
    """Export the attack graph of *amap* as an ICCMA file, with its claim ids.

    The format cannot hold supports, speakers, quotes, sources, claim texts, kinds,
    tags, notes or the title; :func:`losses` counts them.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("s", "S")], claims=[Claim("A", "s", "a"),
    ...     Claim("B", "s", "b")], relations=[Relation("B", "A", "attack")])
    >>> loads(dumps(m)).relations[0].from_id
    'B'
    """
    return dumps_af(map_to_af(amap))


def losses(amap: ArgumentMap) -> list[str]:
    """What an ICCMA export of *amap* drops, one line per kind, with counts.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("s", "S")], claims=[Claim("A", "s", "a"),
    ...     Claim("B", "s", "b")], relations=[Relation("B", "A", "support")])
    >>> losses(m)[:2]
    ['1 support relation (an abstract framework holds attacks only)', '1 speaker and who made each claim']
    """
    return framework_losses(amap)
