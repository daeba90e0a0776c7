"""ASPARTIX (``.apx``) abstract-framework files.

The input format of the ASPARTIX answer-set programs and of ICCMA 2015–2021::

    arg(a).
    arg(b).
    att(a,b).   % a comment

One ``arg(x).`` fact per argument and one ``att(x,y).`` fact per attack, in any
order and layout (several facts on a line are fine); ``%`` starts a comment that
runs to the end of the line. Names are ASP constants (letters, digits, ``_``) or
double-quoted strings (``"E-1"``, with ``\\"`` and ``\\\\`` escapes). Every
argument must be declared once, and every attack must name declared arguments.

The writer quotes every name that is not a lower-case ASP constant or a number, so
the output is a valid logic program (``arg(E1).`` would make ``E1`` a variable).

Examples
--------
>>> af = loads_af("arg(a). arg(b).\\natt(a,b).")
>>> list(af.names), af.pairs()
(['a', 'b'], [('a', 'b')])
>>> from argmap.af import AF
>>> print(dumps_af(AF.from_pairs(["E1", "c2"], [("c2", "E1")])), end="")
arg("E1").
arg(c2).
att(c2,"E1").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import FrameworkFormatError, did_you_mean
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

__all__ = ["loads_af", "dumps_af", "loads", "dumps", "losses"]

_NAME = r'[A-Za-z0-9_]+|"(?:[^"\\\n]|\\.)*"'
_ARG = re.compile(rf"arg\(\s*({_NAME})\s*\)\s*\.")
_ATT = re.compile(rf"att\(\s*({_NAME})\s*,\s*({_NAME})\s*\)\s*\.")
_ANY = re.compile(rf"arg\(\s*(?:{_NAME})\s*\)\s*\.|att\(\s*(?:{_NAME})\s*,\s*(?:{_NAME})\s*\)\s*\.")
_COMMENT = re.compile(r"%[^\n]*")
_SAFE = re.compile(r"[a-z][A-Za-z0-9_]*|0|[1-9][0-9]*")
_NAME_ONLY = re.compile(_NAME)
# the pieces the careful reader walks over
_SPACE = re.compile(r"(?:\s+|%[^\n]*)+")
_LOOSE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*\(([^()\n]*)\)")


def _unquote(name: str) -> str:
    if not name.startswith('"'):
        return name
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), name[1:-1])


def _quote(name: str) -> str:
    if _SAFE.fullmatch(name):
        return name
    escaped = name.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def loads_af(data: str | bytes, *, path: str | Path | None = None) -> AF:
    """Parse an APX framework.

    Parameters
    ----------
    data : str or bytes
        The file's content.
    path : str or Path, optional
        The file name, for error locations (default ``<string>``).

    Returns
    -------
    AF
        Arguments in the order of their ``arg`` facts, attacks in file order.

    Raises
    ------
    FrameworkFormatError
        For anything but ``arg``/``att`` facts and comments, a missing ``.``, an
        argument declared twice, or an attack on an undeclared argument; located at
        ``file:line:col``.

    Examples
    --------
    >>> loads_af("arg(a).\\natt(a,b).", path="x.apx")
    Traceback (most recent call last):
      ...
    argmap.errors.FrameworkFormatError: x.apx:2:7: unknown argument 'b' in att(a,b) (declare it with arg(b).)
    """
    text = as_text(data, path)
    fast = _parse_fast(text)
    if fast is not None:
        names, src, dst = fast
        return build_af(names, src, dst, "apx", path)
    names, src_l, dst_l, _positions = _parse_slow(text, path)
    return build_af(names, src_l, dst_l, "apx", path)


def _parse_fast(text: str) -> tuple[list[str], list[int], list[int]] | None:
    """Regex-level reading of a well-formed file, or None to use the careful reader."""
    if "%" in text:
        if '"' in text:
            return None
        text = _COMMENT.sub("", text)
    rest = _ANY.sub("", text)
    if rest and not rest.isspace():
        return None
    names = _ARG.findall(text)
    if '"' in text:
        names = [_unquote(x) for x in names]
    index = {name: k for k, name in enumerate(names)}
    if len(index) != len(names):
        return None
    attacks = _ATT.findall(text)
    if not attacks:
        return names, [], []
    a, b = zip(*attacks)
    if '"' in text:
        a, b = tuple(map(_unquote, a)), tuple(map(_unquote, b))
    try:
        return names, list(map(index.__getitem__, a)), list(map(index.__getitem__, b))
    except KeyError:
        return None


def _parse_slow(text: str, path: str | Path | None
                ) -> tuple[list[str], list[int], list[int], list[tuple[int, int]]]:
    """Statement-by-statement reading; locates the first error."""
    where = shown_path(path)
    starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def at(offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def fail(message: str, offset: int, hint: str | None = None) -> FrameworkFormatError:
        line, col = at(offset)
        return FrameworkFormatError(message, path=where, line=line, column=col, hint=hint)

    names: list[str] = []
    first: dict[str, int] = {}
    raw_attacks: list[tuple[str, str, int, int, str]] = []
    pos, end = 0, len(text)
    while True:
        space = _SPACE.match(text, pos)
        if space:
            pos = space.end()
        if pos >= end:
            break
        m = _ARG.match(text, pos)
        if m:
            name = _unquote(m.group(1))
            if name in first:
                line, _ = at(first[name])
                raise fail(f"argument {name!r} is declared twice (first on line {line})",
                           m.start(1), "declare each argument once")
            first[name] = m.start(1)
            names.append(name)
            pos = m.end()
            continue
        m = _ATT.match(text, pos)
        if m:
            raw_attacks.append((_unquote(m.group(1)), _unquote(m.group(2)), m.start(1), m.start(2),
                                text[m.start():m.end()].rstrip(". \t\n")))
            pos = m.end()
            continue
        raise _diagnose(text, pos, fail)
    index = {name: k for k, name in enumerate(names)}
    src: list[int] = []
    dst: list[int] = []
    positions: list[tuple[int, int]] = []
    for a, b, oa, ob, stmt in raw_attacks:
        for name, offset in ((a, oa), (b, ob)):
            if name not in index:
                close = did_you_mean(name, index)
                raise fail(f"unknown argument {name!r} in {stmt}", offset,
                           (close + "; or " if close else "") + f"declare it with arg({_quote(name)}).")
        src.append(index[a])
        dst.append(index[b])
        positions.append(at(oa - len("att(")))
    return names, src, dst, positions


def _diagnose(text: str, pos: int, fail: Callable[[str, int, str], FrameworkFormatError]) -> FrameworkFormatError:
    """The error for the statement starting at *pos*, which is not a valid fact."""
    loose = _LOOSE.match(text, pos)
    if loose is None:
        token = re.match(r"[^\s%]+", text[pos:])
        word = token.group() if token else text[pos]
        return fail(f"unexpected {word!r}", pos, "an APX file holds only arg(a). and att(a,b). "
                    "facts and % comments")
    pred, inner = loose.group(1), loose.group(2)
    args = [x.strip() for x in inner.split(",")]
    if pred not in ("arg", "att"):
        return fail(f"unknown statement {pred}(…)", pos, "an APX file holds only arg(a). and "
                    "att(a,b). facts" + (f"; {did_you_mean(pred, ['arg', 'att'])}"
                                         if did_you_mean(pred, ["arg", "att"]) else ""))
    want = 1 if pred == "arg" else 2
    if len(args) != want:
        return fail(f"{pred}(…) takes {want} argument name{'s' if want > 1 else ''}, got {len(args)}",
                    pos, "write arg(a). or att(a,b).")
    offset = loose.start(2)
    for arg in inner.split(","):
        lead = len(arg) - len(arg.lstrip())
        name = arg.strip()
        if not _NAME_ONLY.fullmatch(name):
            return fail(f"bad argument name {name!r}", offset + lead,
                        'use letters, digits and _, or a double-quoted string like "E-1"')
        offset += len(arg) + 1
    after = loose.end()
    while after < len(text) and text[after] in " \t":
        after += 1
    return fail(f"missing '.' after {text[pos:loose.end()]}", after,
                "end every fact with a full stop")


def dumps_af(af: AF) -> str:
    """Write *af* as APX facts: every ``arg``, then every ``att``.

    Parameters
    ----------
    af : AF

    Returns
    -------
    str
        Names that are not lower-case ASP constants or numbers are double-quoted.

    Examples
    --------
    >>> from argmap.af import AF
    >>> dumps_af(AF.from_pairs(["a b"], []))
    'arg("a b").\\n'
    """
    quoted = [_quote(str(x)) for x in af.names]
    parts = [f"arg({q}).\n" for q in quoted]
    parts.extend(f"att({quoted[a]},{quoted[b]}).\n" for a, b in zip(af.src.tolist(), af.dst.tolist()))
    return "".join(parts)


def loads(text: str, *, path: str | Path | None = None) -> ArgumentMap:
    """Read an APX file as an argument map: one claim per argument (text = name).

    Raises
    ------
    FrameworkFormatError
        For a malformed file, or a self-attack (which a map cannot hold).

    Examples
    --------
    >>> [c.id for c in loads("arg(a). arg(b). att(b,a).").claims]
    ['a', 'b']
    """
    names, src, dst, positions = _parse_slow(as_text(text, path), path)
    return af_to_map(build_af(names, src, dst, "apx", path), path, positions)


def dumps(amap: ArgumentMap) -> str:
    """Export the attack graph of *amap* as APX facts named by claim id.

    The format cannot hold supports, speakers, quotes, sources, claim texts, kinds,
    tags, notes or the title; :func:`losses` counts them.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("s", "S")], claims=[Claim("a", "s", "a"),
    ...     Claim("b", "s", "b")], relations=[Relation("b", "a", "attack")])
    >>> print(dumps(m), end="")
    arg(a).
    arg(b).
    att(b,a).
    """
    return dumps_af(map_to_af(amap))


def losses(amap: ArgumentMap) -> list[str]:
    """What an APX export of *amap* drops, one line per kind, with counts.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Speaker
    >>> losses(ArgumentMap(speakers=[Speaker("s", "S")], claims=[Claim("a", "s", "It rains.")]))
    ['1 speaker and who made each claim', '1 claim text (only the ids are kept)']
    """
    return framework_losses(amap)
