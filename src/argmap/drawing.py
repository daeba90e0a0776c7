"""What a drawing is handed: statuses, derived attacks and the compiled framework.

:mod:`argmap.render` never evaluates a map; it draws the data it is given. This
module is the other half: it evaluates a map (with :mod:`argmap.evaluation` and
:mod:`argmap.framework`) and returns keyword arguments ready for
:func:`argmap.render.render`, :func:`argmap.render.write`,
:func:`argmap.render.dot.to_dot` and :func:`argmap.render.html.to_html`.

Examples
--------
>>> import argmap
>>> from argmap.render import render
>>> m = argmap.load(argmap.shipped_map_path())
>>> options = diagram_options(m, "GR")
>>> sorted(options), options["statuses"]["C20"]
(['semantics', 'statuses'], 'in')
>>> render(m, "dot", **options).count(b"status-") == len(m.claims)
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .framework import Compiled
    from .model import ArgumentMap
    from .vocabulary import SupportReading

__all__ = ["diagram_options", "page_framework", "page_options"]


def diagram_options(amap: ArgumentMap, semantics: str | None = None, support: str = "none", *,
                    status: str | None = None, compiled: Compiled | None = None) -> dict[str, Any]:
    """Statuses and derived attacks of *amap*, as keyword arguments for a diagram.

    Parameters
    ----------
    amap : ArgumentMap
    semantics : str, optional
        ICCMA code: ``statuses`` are :func:`argmap.evaluation.statuses` under it.
    support : {"none", "deductive", "necessary"}
        Support reading for the evaluation; other than ``none``, the attacks it derives
        are handed in too (``derived``, drawn dashed when a picture holds at most
        :data:`~argmap.render.dot.DERIVED_LIMIT`).
    status : {"unattacked"}, optional
        Without *semantics*: mark the claims nobody attacks.
    compiled : Compiled, optional
        *amap* already compiled under *support*
        (:func:`argmap.framework.compile_map`); by default it is compiled here, once,
        when there are statuses or derived attacks to find.

    Raises
    ------
    UsageError
        For an unknown semantics or support reading, or a *compiled* framework of
        another support reading.
    """
    from .render.dot import DERIVED_LIMIT, unattacked_statuses
    from .vocabulary import SupportReading, parse_semantics, parse_support

    reading = parse_support(support)
    out: dict[str, Any] = {}
    if semantics is not None:
        from .evaluation import compiled_statuses

        sem = parse_semantics(semantics)
        compiled = _compiled(amap, reading, compiled)
        out["statuses"] = compiled_statuses(compiled, sem.value)
        out["semantics"] = sem.value
    elif status is not None:
        out["statuses"] = unattacked_statuses(amap)
    if reading is not SupportReading.none:
        compiled = _compiled(amap, reading, compiled)
        out["derived"] = [
            (a, b, f"{a} attacks {b}: {d.kind} attack under the {reading.value} reading, via "
             + " → ".join(d.chain))
            for (a, b), d in compiled.derived.items()
            if amap.has_claim(a) and amap.has_claim(b)]  # not from a deductive argument node
        out["derived_limit"] = DERIVED_LIMIT
    return out


def _compiled(amap: ArgumentMap, reading: SupportReading, compiled: Compiled | None) -> Compiled:
    """*compiled* when it was handed in (and is of *reading*), else *amap* compiled now."""
    if compiled is None:
        from .framework import compile_map

        return compile_map(amap, reading.value)
    if compiled.support is not reading:
        from .errors import UsageError

        raise UsageError(f"the framework handed in was compiled under the {compiled.support.value} "
                         f"support reading, not {reading.value}")
    return compiled


def page_framework(amap: ArgumentMap, support: str = "none", *,
                   compiled: Compiled | None = None) -> dict[str, Any]:
    """The compiled attack graph as plain data, for the page's what-if.

    ``ids`` are the framework's arguments (a claim's status is that of the argument
    with its id), ``attacks`` index pairs, and ``needs`` for each attack the claims it
    runs through (a derived attack's support chain), so that switching one of them
    off in the page removes the attack too. The page computes the grounded labelling
    over it (``render/assets/grounded.js``).

    Parameters
    ----------
    amap : ArgumentMap
    support : {"none", "deductive", "necessary"}
    compiled : Compiled, optional
        *amap* already compiled under *support*; by default it is compiled here.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("s", "S")],
    ...     claims=[Claim(i, "s", i) for i in ("A", "X", "C")],
    ...     relations=[Relation("A", "X", "support"), Relation("X", "C", "attack")])
    >>> page_framework(m, "deductive")
    {'ids': ['A', 'X', 'C'], 'attacks': [[1, 2], [0, 2]], 'needs': [[], ['A', 'X', 'C']], 'support': 'deductive'}
    """
    from .vocabulary import parse_support

    reading = parse_support(support)
    compiled = _compiled(amap, reading, compiled)
    ids = list(compiled.ids)
    needs = []
    for a, b in compiled.attacks:
        d = compiled.derived.get((ids[a], ids[b]))
        needs.append(list(d.chain) if d is not None else [])
    return {"ids": ids, "attacks": [list(p) for p in compiled.attacks], "needs": needs,
            "support": reading.value}


def page_options(amap: ArgumentMap, semantics: str | None = None, support: str = "none", *,
                 status: str | None = None) -> dict[str, Any]:
    """Keyword arguments for :func:`argmap.render.html.to_html`: the diagram's data,
    the support reading's name and the framework for the what-if.

    Examples
    --------
    >>> import argmap
    >>> sorted(page_options(argmap.load(argmap.shipped_map_path()), "GR"))
    ['framework', 'semantics', 'statuses', 'support']
    """
    from .framework import compile_map
    from .vocabulary import parse_semantics, parse_support

    reading = parse_support(support)
    if semantics is not None:
        parse_semantics(semantics)  # a bad name is reported before any work
    compiled = compile_map(amap, reading.value)
    out = diagram_options(amap, semantics, support, status=status, compiled=compiled)
    out["support"] = reading.value
    out["framework"] = page_framework(amap, support, compiled=compiled)
    return out
