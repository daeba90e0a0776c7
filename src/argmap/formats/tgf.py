"""Trivial Graph Format (``.tgf``) abstract-framework files.

Used by ICCMA 2015–2021 and by generators such as AFGen::

    a
    b   an optional label
    #
    a b

One argument id per line (anything after the id on that line is its label), a
line holding only ``#``, then one ``attacker attacked`` pair per line. Blank
lines are ignored. Ids are unique and contain no spaces; attack lines name
declared ids and carry nothing else (edge labels are rejected, since an abstract
framework has nowhere to keep them).

Examples
--------
>>> af = loads_af("1\\n2\\n3\\n#\\n1 2\\n3 2\\n")
>>> list(af.names), af.pairs()
(['1', '2', '3'], [('1', '2'), ('3', '2')])
>>> print(dumps_af(af), end="")
1
2
3
#
1 2
3 2
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ConversionError, FrameworkFormatError, did_you_mean
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


def loads_af(data: str | bytes, *, path: str | Path | None = None) -> AF:
    """Parse a TGF framework.

    Parameters
    ----------
    data : str or bytes
        The file's content.
    path : str or Path, optional
        The file name, for error locations (default ``<string>``).

    Returns
    -------
    AF
        Arguments in file order (labels are in ``meta["labels"]`` when there are any).

    Raises
    ------
    FrameworkFormatError
        For a duplicate id, an attack line without exactly two ids, an unknown id, or
        a second ``#`` line; located at ``file:line:col``.

    Examples
    --------
    >>> loads_af("a\\nb\\n#\\na c\\n", path="x.tgf")
    Traceback (most recent call last):
      ...
    argmap.errors.FrameworkFormatError: x.tgf:4:3: unknown argument 'c' (list it above the '#' line (line 3))
    """
    names, src, dst, _positions, labels = _parse(as_text(data, path), path)
    meta = {"labels": labels} if labels else {}
    return build_af(names, src, dst, "tgf", path, **meta)


def _parse(text: str, path: str | Path | None
           ) -> tuple[list[str], list[int], list[int], list[tuple[int, int]], dict[str, str]]:
    """Read the file line by line; returns names, attacks, their positions and labels."""
    where = shown_path(path)

    def fail(message: str, line: int, col: int, hint: str | None = None) -> FrameworkFormatError:
        return FrameworkFormatError(message, path=where, line=line, column=col, hint=hint)

    names: list[str] = []
    index: dict[str, int] = {}
    first_line: dict[str, int] = {}
    labels: dict[str, str] = {}
    src: list[int] = []
    dst: list[int] = []
    positions: list[tuple[int, int]] = []
    separator = 0
    for lineno, line in enumerate(text.split("\n"), 1):
        if line.endswith("\r"):
            line = line[:-1]
        stripped = line.strip()
        if not stripped:
            continue
        col = len(line) - len(line.lstrip()) + 1
        if stripped == "#":
            if separator:
                raise fail("a second '#' line", lineno, col,
                           f"the '#' line on line {separator} already separates arguments "
                           "from attacks; keep one")
            separator = lineno
            continue
        if not separator:
            parts = stripped.split(None, 1)
            name = parts[0]
            if name.startswith("#"):
                raise fail(f"unexpected {stripped!r}", lineno, col,
                           "the line between arguments and attacks holds a single '#'")
            if name in index:
                hint = "ids must be unique"
                if len(parts) == 2 and parts[1].split()[0] in index:
                    hint = "is the '#' line between the arguments and the attacks missing?"
                raise fail(f"argument {name!r} is listed twice (first on line {first_line[name]})",
                           lineno, col, hint)
            index[name] = len(names)
            first_line[name] = lineno
            names.append(name)
            if len(parts) == 2:
                labels[name] = parts[1]
            continue
        tokens = stripped.split()
        if len(tokens) == 1:
            raise fail("an attack line needs two ids, 'attacker attacked'", lineno,
                       col + len(tokens[0]), "add the attacked argument")
        if len(tokens) > 2:
            extra = line.index(tokens[2], line.index(tokens[1], col - 1 + len(tokens[0])) + len(tokens[1]))
            raise fail(f"unexpected {tokens[2]!r} after the attack '{tokens[0]} {tokens[1]}'",
                       lineno, extra + 1, "edge labels are not read: write just 'attacker attacked'")
        a, b = tokens
        col_b = line.index(b, col - 1 + len(a)) + 1
        for name, c in ((a, col), (b, col_b)):
            if name not in index:
                close = did_you_mean(name, index)
                raise fail(f"unknown argument {name!r}", lineno, c,
                           (close + "; or " if close else "")
                           + f"list it above the '#' line (line {separator})")
        src.append(index[a])
        dst.append(index[b])
        positions.append((lineno, col))
    return names, src, dst, positions, labels


def dumps_af(af: AF, labels: dict[str, str] | None = None) -> str:
    """Write *af* as TGF: the ids, a ``#`` line, the attacks.

    Parameters
    ----------
    af : AF
    labels : dict, optional
        A label to write after an id (single-line labels only; others are left out).

    Returns
    -------
    str

    Raises
    ------
    ConversionError
        If a name is empty, contains white space or starts with ``#``.

    Examples
    --------
    >>> from argmap.af import AF
    >>> dumps_af(AF.from_pairs(["a"], []))
    'a\\n#\\n'
    """
    names = [str(x) for x in af.names]
    for name in names:
        if not name or name.startswith("#") or len(name.split()) != 1 or name.strip() != name:
            raise ConversionError(f"the name {name!r} cannot be a TGF id",
                                  hint="TGF ids are single words that do not start with '#'")
    labels = labels or {}
    parts = [f"{name} {labels[name]}\n" if _writable_label(labels.get(name)) else name + "\n"
             for name in names]
    parts.append("#\n")
    parts.extend(f"{names[a]} {names[b]}\n" for a, b in zip(af.src.tolist(), af.dst.tolist()))
    return "".join(parts)


def _writable_label(label: str | None) -> bool:
    return label is not None and bool(label) and label == label.strip() and "\n" not in label and "\r" not in label


def loads(text: str, *, path: str | Path | None = None) -> ArgumentMap:
    """Read a TGF file as an argument map: one claim per argument.

    A claim's text is the argument's label when it has one, else its id.

    Raises
    ------
    FrameworkFormatError
        For a malformed file, or a self-attack (which a map cannot hold).

    Examples
    --------
    >>> m = loads("a It rains.\\nb\\n#\\nb a\\n")
    >>> [(c.id, c.text) for c in m.claims]
    [('a', 'It rains.'), ('b', 'b')]
    """
    names, src, dst, positions, labels = _parse(as_text(text, path), path)
    return af_to_map(build_af(names, src, dst, "tgf", path), path, positions, labels)


def dumps(amap: ArgumentMap) -> str:
    """Export the attack graph of *amap* as TGF named by claim id, texts as labels.

    The format cannot hold supports, speakers, quotes, sources, kinds, tags, notes,
    the title, or texts that span lines; :func:`losses` counts them.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("s", "S")], claims=[Claim("a", "s", "a"),
    ...     Claim("b", "s", "b")], relations=[Relation("b", "a", "attack")])
    >>> print(dumps(m), end="")
    a
    b
    #
    b a
    """
    texts = {c.id: c.text for c in amap.claims if c.text != c.id}
    return dumps_af(map_to_af(amap), texts)


def losses(amap: ArgumentMap) -> list[str]:
    """What a TGF export of *amap* drops, one line per kind, with counts.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("s", "S")], claims=[Claim("a", "s", "a"),
    ...     Claim("b", "s", "b")], relations=[Relation("b", "a", "attack", note="why")])
    >>> losses(m)
    ['1 speaker and who made each claim', '1 relation note']
    """
    lost = framework_losses(amap, keeps_texts=True)
    texts = sum(1 for c in amap.claims if c.text != c.id and not _writable_label(c.text))
    if texts:
        lost.append(f"{texts} claim text{'s' if texts != 1 else ''} spanning lines or with "
                    "surrounding spaces (TGF labels are one line)")
    return lost
