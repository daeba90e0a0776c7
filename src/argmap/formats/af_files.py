"""Abstract-argumentation files: ICCMA 2023, ASPARTIX (APX) and TGF.

This module reads and writes :class:`~argmap.af.AF` frameworks, choosing the
format by the file's suffix or by name:

===========  ====================  ==============================================
name         suffixes              syntax
===========  ====================  ==============================================
``iccma``    ``.af``, ``.i23``     ``p af N`` header, ``a b`` attack lines, ``#``
                                   comment lines; arguments are ``1 … N``
``apx``      ``.apx``              ``arg(a).`` and ``att(a,b).`` statements,
                                   ``%`` comments
``tgf``      ``.tgf``              one argument id per line (optionally followed by
                                   a label), a ``#`` line, then ``a b`` attack lines
===========  ====================  ==============================================

Every malformed file raises :class:`~argmap.errors.FrameworkFormatError` with the
file, line and column of the first problem, what is wrong and how to fix it.
Reading ICCMA files is vectorised (numpy over the bytes) for files in the usual
layout, and falls back to a careful line-by-line reader otherwise, so that a
framework of 10⁶ arguments and 3·10⁶ attacks is read in well under a second.

The three format modules (:mod:`argmap.formats.iccma`, :mod:`~argmap.formats.apx`,
:mod:`~argmap.formats.tgf`) are also map formats of the registry in
:mod:`argmap.formats`: writing a map exports its attack graph (an ICCMA file carries
the claim ids in ``# i id`` comment lines), reading one gives a map with one claim
per argument.

Examples
--------
>>> af = loads_af("p af 3\\n1 2\\n2 3\\n", "iccma")
>>> af.n, af.m, list(af.names)
(3, 2, ['1', '2', '3'])
>>> print(dumps_af(af, "apx"), end="")
arg(1).
arg(2).
arg(3).
att(1,2).
att(2,3).
>>> format_for("debate.i23")
'iccma'
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import numpy as np

from ..errors import FrameworkFormatError, did_you_mean

if TYPE_CHECKING:  # pragma: no cover
    from ..af import AF
    from ..model import ArgumentMap

__all__ = ["AF_FORMATS", "AF_SUFFIXES", "format_for", "read_af", "loads_af", "dumps_af", "write_af"]

#: The framework formats and the modules implementing them.
AF_FORMATS: dict[str, str] = {
    "iccma": "argmap.formats.iccma",
    "apx": "argmap.formats.apx",
    "tgf": "argmap.formats.tgf",
}

#: Suffix (lower case, with the dot) -> format name.
AF_SUFFIXES: dict[str, str] = {".af": "iccma", ".i23": "iccma", ".apx": "apx", ".tgf": "tgf"}

#: The speaker of a map read from a framework file.
AF_SPEAKER_ID = "af"


def format_for(path: str | Path, name: str | None = None) -> str:
    """The framework format of *path*: *name* when given, else chosen by suffix.

    Parameters
    ----------
    path : str or Path
        The file name (it need not exist).
    name : str, optional
        A format name (``iccma``, ``apx`` or ``tgf``, case-insensitive); overrides the
        suffix.

    Returns
    -------
    str
        The format name.

    Raises
    ------
    FrameworkFormatError
        For an unknown name or suffix, listing the known ones.

    Examples
    --------
    >>> format_for("x.apx"), format_for("x.txt", "TGF")
    ('apx', 'tgf')
    """
    if name:
        key = name.lower()
        if key not in AF_FORMATS:
            raise FrameworkFormatError(
                f"unknown framework format {name!r}",
                hint=did_you_mean(key, AF_FORMATS) or "known formats: " + ", ".join(AF_FORMATS))
        return key
    suffix = Path(str(path)).suffix.lower()
    if suffix not in AF_SUFFIXES:
        known = ", ".join(f"{s} ({n})" for s, n in AF_SUFFIXES.items())
        raise FrameworkFormatError(
            f"cannot tell the framework format from the suffix {suffix or '(none)'!r}",
            path=path, hint=f"use a known suffix: {known}; or name the format (--from iccma|apx|tgf)")
    return AF_SUFFIXES[suffix]


def _module(name: str) -> ModuleType:
    return importlib.import_module(AF_FORMATS[name])


def read_af(path: str | Path, name: str | None = None) -> AF:
    """Read the framework file at *path*.

    Parameters
    ----------
    path : str or Path
        An ICCMA (``.af``/``.i23``), APX (``.apx``) or TGF (``.tgf``) file.
    name : str, optional
        The format (``iccma``, ``apx``, ``tgf``), for files with another suffix.

    Returns
    -------
    AF
        The framework. ICCMA arguments are named ``"1" … "N"``; APX and TGF arguments
        keep their names, in the order they are declared.

    Raises
    ------
    FrameworkFormatError
        If the file is missing, unreadable or malformed (located at ``file:line:col``).

    Examples
    --------
    >>> import tempfile, os
    >>> folder = tempfile.mkdtemp()
    >>> p = os.path.join(folder, "toy.tgf")
    >>> _ = open(p, "w").write("a\\nb\\n#\\na b\\n")
    >>> read_af(p).pairs()
    [('a', 'b')]
    """
    fmt = format_for(path, name)
    data = _read_bytes(path)
    return _module(fmt).loads_af(data, path=path)


def loads_af(text: str | bytes, name: str, path: str | Path | None = None) -> AF:
    """Parse a framework held in memory.

    Parameters
    ----------
    text : str or bytes
        The file's content.
    name : str
        The format: ``iccma``, ``apx`` or ``tgf``.
    path : str or Path, optional
        Used in error locations (default ``<string>``).

    Returns
    -------
    AF

    Examples
    --------
    >>> loads_af("arg(a). arg(b). att(b,a).", "apx").pairs()
    [('b', 'a')]
    """
    return _module(format_for("", name)).loads_af(text, path=path)


def dumps_af(af: AF, name: str) -> str:
    """Serialise *af* in the format called *name*.

    Parameters
    ----------
    af : AF
    name : str
        ``iccma``, ``apx`` or ``tgf``.

    Returns
    -------
    str
        The file's text. An ICCMA file whose names are not ``1 … N`` carries them in
        ``# i name`` comment lines after an ``# argmap ids`` line.

    Examples
    --------
    >>> from argmap.af import AF
    >>> print(dumps_af(AF.from_pairs(["x", "y"], [("x", "y")]), "tgf"), end="")
    x
    y
    #
    x y
    """
    return _module(format_for("", name)).dumps_af(af)


def write_af(af: AF, path: str | Path, name: str | None = None) -> str:
    """Write *af* to *path* atomically, in the format of its suffix or *name*.

    Parameters
    ----------
    af : AF
    path : str or Path
    name : str, optional
        The format, overriding the suffix.

    Returns
    -------
    str
        The format name used.

    Examples
    --------
    >>> import tempfile, os
    >>> from argmap.af import AF
    >>> p = os.path.join(tempfile.mkdtemp(), "out.af")
    >>> write_af(AF.from_pairs(["1", "2"], [("2", "1")]), p)
    'iccma'
    >>> open(p).read()
    'p af 2\\n2 1\\n'
    """
    from . import atomic_write

    fmt = format_for(path, name)
    atomic_write(path, _module(fmt).dumps_af(af))
    return fmt


# -- helpers shared by the three format modules ------------------------------------------

def _read_bytes(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise FrameworkFormatError("no such file", path=path, hint="check the path") from None
    except IsADirectoryError:
        raise FrameworkFormatError("is a folder, not a framework file", path=path) from None
    except OSError as exc:
        raise FrameworkFormatError(f"cannot read the file: {exc.strerror}", path=path) from None


def _where(path: str | Path | None) -> str:
    return str(path) if path is not None else "<string>"


def _as_text(data: str | bytes, path: str | Path | None) -> str:
    """Decode *data* as UTF-8 (BOM allowed), with a located error if it is not."""
    if isinstance(data, str):
        return data[1:] if data.startswith("\ufeff") else data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise FrameworkFormatError("the file is not valid UTF-8", path=_where(path), line=line,
                                   column=col, hint="save it as UTF-8 (or ASCII)") from None


def _build(names: Sequence[str], src: Iterable[int] | np.ndarray, dst: Iterable[int] | np.ndarray,
           fmt: str, path: str | Path | None, **meta: object) -> AF:
    from ..af import AF

    s = np.asarray(src if isinstance(src, np.ndarray) else list(src), dtype=np.int32)
    d = np.asarray(dst if isinstance(dst, np.ndarray) else list(dst), dtype=np.int32)
    info: dict[str, object] = {"format": fmt}
    if path is not None:
        info["path"] = str(path)
    info.update(meta)
    return AF(names, s.reshape(-1), d.reshape(-1), info)


def _map_to_af(amap: ArgumentMap) -> AF:
    """The attack graph of *amap*: one argument per claim (map order), its attacks."""
    from ..af import AF

    attacks = [(r.from_id, r.to_id) for r in amap.relations
               if r.type == "attack" and not amap.has_argument(r.to_id)]
    return AF.from_pairs([c.id for c in amap.claims], attacks, {"title": amap.title})


def _af_to_map(af: AF, path: str | Path | None, positions: Sequence[tuple[int, int]],
               texts: dict[str, str] | None = None) -> ArgumentMap:
    """A map with one claim per argument (one speaker, text = label or name)."""
    from ..model import ArgumentMap, Claim, Relation, Speaker

    names = [str(x) for x in af.names]
    src = af.src.tolist()
    dst = af.dst.tolist()
    seen: set[tuple[int, int]] = set()
    relations = []
    for k, (a, b) in enumerate(zip(src, dst)):
        if a == b:
            line, col = positions[k] if k < len(positions) else (None, None)
            raise FrameworkFormatError(
                f"argument {names[a]!r} attacks itself, which an argument map cannot hold",
                path=_where(path), line=line, column=col,
                hint="read the file as a framework instead (argmap extensions FILE), "
                     "or remove the self-attack")
        if (a, b) in seen:
            continue  # a repeated attack line says nothing new
        seen.add((a, b))
        relations.append(Relation(names[a], names[b], "attack"))
    texts = texts or {}
    claims = [Claim(n, AF_SPEAKER_ID, texts.get(n) or n) for n in names]
    title = Path(str(path)).stem if path is not None else ""
    return ArgumentMap(title=title, speakers=[Speaker(AF_SPEAKER_ID, "Framework file")],
                       claims=claims, relations=relations, path=None)


def _plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


def _losses(amap: ArgumentMap, fmt: str, *, keeps_texts: bool = False) -> list[str]:
    """What a framework format drops of *amap*, one line per kind, with counts."""
    out: list[str] = []
    supports = sum(1 for r in amap.relations if r.type == "support")
    if supports:
        out.append(f"{_plural(supports, 'support relation')} (an abstract framework holds attacks only)")
    if amap.arguments:
        out.append(f"{_plural(len(amap.arguments), 'argument')} (premises and conclusion; an abstract "
                   "framework holds attacks only)")
    undercuts = sum(1 for r in amap.relations if amap.has_argument(r.to_id))
    if undercuts:
        out.append(f"{_plural(undercuts, 'undercut')} (attacks on arguments)")
    acts = sum(1 for c in amap.claims if c.act is not None)
    if acts:
        out.append(f"the speech act of {_plural(acts, 'claim')} (questioning, challenging, …)")
    if amap.speakers and not (len(amap.speakers) == 1 and amap.speakers[0].id == AF_SPEAKER_ID):
        out.append(f"{_plural(len(amap.speakers), 'speaker')} and who made each claim")
    rel_speakers = sum(1 for r in amap.relations if r.type == "attack" and r.speaker)
    if rel_speakers:
        out.append(f"the asserting speaker of {_plural(rel_speakers, 'attack')}")
    quotes = sum(1 for c in amap.claims if c.quote)
    if quotes:
        out.append(f"{_plural(quotes, 'quote')} and their places in the sources")
    if amap.sources:
        out.append(f"{_plural(len(amap.sources), 'source text')}")
    if not keeps_texts:
        texts = sum(1 for c in amap.claims if c.text and c.text != c.id)
        if texts:
            out.append(f"{_plural(texts, 'claim text')} (only the ids are kept)")
    kinds = sum(1 for c in amap.claims if c.kind != "claim")
    if kinds:
        out.append(f"the kind of {_plural(kinds, 'claim')} (thesis, premise, …)")
    tags = sum(1 for c in amap.claims if c.tags)
    if tags:
        out.append(f"the tags of {_plural(tags, 'claim')}")
    notes = sum(1 for r in amap.relations if r.note)
    if notes:
        out.append(f"{_plural(notes, 'relation note')}")
    if amap.title:
        out.append("the title")
    return out
