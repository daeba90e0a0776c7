"""The extensions of a map or an abstract framework, and how many there are (ICCMA EE, CE)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..model import ArgumentMap
from ._bridge import IN, evaluate, in_map_order, semantics_code

if TYPE_CHECKING:  # pragma: no cover
    from ..af import AF

__all__ = ["map_extensions", "count_extensions"]


def map_extensions(source: ArgumentMap | AF, semantics: str, support: str = "none", *,
                   limit: int | None = None) -> Iterator[list[str]]:
    """The extensions of a map (claim ids, map order) or of an AF (names, natural order).

    Parameters
    ----------
    source : ArgumentMap or AF
    semantics : {"GR", "CO", "PR", "ST", "SST", "ID"}
    support : {"none", "deductive", "necessary"}
        Only for maps.
    limit : int, optional
        Stop after this many.

    Yields
    ------
    list of str
        One extension at a time; none for ST without a stable extension.

    See Also
    --------
    count_extensions : how many, without listing them.
    argmap.semantics.extensions : the same on an AF, by argument number.

    Examples
    --------
    >>> from argmap.af import AF
    >>> list(map_extensions(AF.from_pairs(["1", "2"], [("1", "2"), ("2", "1")]), "ST"))
    [['1'], ['2']]
    """
    sem = semantics_code(semantics)
    if limit is not None and limit < 0:
        raise UsageError(f"limit must not be negative, not {limit}")
    if isinstance(source, ArgumentMap):
        ev = evaluate(source, support)
        if ev.decided:
            if limit != 0:
                yield [cid for cid, lab in zip(ev.compiled.claim_ids, ev.label) if lab == IN]
            return
        af, ordered = ev.framework(), True
    else:
        af, ordered = source, False
    if limit == 0:
        return
    # stop right after the last wanted extension: asking the stream for one more
    # would start a whole new SAT search
    for k, ext in enumerate(_af_extensions(af, sem, ordered), 1):
        yield ext
        if limit is not None and k >= limit:
            return


def _af_extensions(af: AF, sem: str, map_order: bool) -> Iterator[list[str]]:
    from ..semantics import extensions, names

    for ext in extensions(af, sem):
        yield in_map_order(af, ext) if map_order else names(af, ext)  # type: ignore[misc]


def count_extensions(source: ArgumentMap | AF, semantics: str, support: str = "none", *,
                     limit: int | None = None) -> int:
    """The number of extensions of a map or an AF (ICCMA CE); at most *limit* if given.

    See Also
    --------
    map_extensions : the extensions themselves.

    Examples
    --------
    >>> from argmap.af import AF
    >>> count_extensions(AF.from_pairs("abc", [("a", "b"), ("b", "c"), ("c", "a")]), "ST")
    0
    """
    sem = semantics_code(semantics)
    if limit is not None and limit < 0:
        raise UsageError(f"limit must not be negative, not {limit}")
    if isinstance(source, ArgumentMap):
        ev = evaluate(source, support)
        if ev.decided:
            return min(1, limit) if limit is not None else 1
        af = ev.framework()
    else:
        af = source
    from ..semantics import count

    return count(af, sem, limit=limit)
