"""The bridge from a map to labels, shared by every part of :mod:`argmap.evaluation`.

:func:`evaluate` compiles the map once (:func:`argmap.framework.compile_map`) and
labels the compiled attacks with the grounded labelling
(:func:`argmap.semantics.grounded.grounded_labels`, the numpy-free entry to the one
implementation in :mod:`argmap.semantics.grounded`). Only when that leaves
something undecided, and the semantics is not GR, is the framework built
(:meth:`Evaluated.framework`) and handed to :mod:`argmap.semantics`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..framework import Compiled, compile_map
from ..model import ArgumentMap
from ..semantics.grounded import IN, OUT, UNDEC, grounded_labels
from ..vocabulary import Label, parse_semantics

if TYPE_CHECKING:  # pragma: no cover
    from ..af import AF

__all__ = ["IN", "OUT", "UNDEC", "LABEL", "SKEPTICAL", "CREDULOUS", "REJECTED", "semantics_code",
           "Evaluated", "evaluate", "labelled", "acceptance", "in_map_order"]

#: ``label code -> status word`` of the grounded labelling.
LABEL = {IN: Label.IN.value, OUT: Label.OUT.value, UNDEC: Label.UNDEC.value}
SKEPTICAL, CREDULOUS, REJECTED = Label.SKEPTICAL.value, Label.CREDULOUS.value, Label.REJECTED.value


def semantics_code(semantics: str) -> str:
    """The ICCMA code of *semantics* (``UsageError`` for an unknown one)."""
    return parse_semantics(semantics).value


@dataclass
class Evaluated:
    """A compiled map with its grounded labelling (and, once asked for, its AF)."""

    compiled: Compiled
    label: list[int]          # grounded
    af: AF | None = None

    @property
    def decided(self) -> bool:
        """Whether the grounded labelling leaves nothing undecided."""
        return UNDEC not in self.label

    def framework(self) -> AF:
        """The compiled map as an :class:`~argmap.af.AF` (built once)."""
        if self.af is None:
            self.af = self.compiled.to_af()
        return self.af


def evaluate(amap: ArgumentMap, support: str, claims: Iterable[str] | None = None) -> Evaluated:
    """Compile *amap* under a support reading (only *claims*, if given) and label it."""
    return labelled(compile_map(amap, support, claims=claims))


#: From this many nodes on, a map is labelled with numpy when numpy is imported already.
NUMPY_FROM = 20_000


def labelled(compiled: Compiled) -> Evaluated:
    """A compiled map with its grounded labelling.

    The labelling of plain lists (:func:`~argmap.semantics.grounded.grounded_labels`)
    spares small maps the import of numpy; a large map has imported it already (to
    locate its quotes), and there the array labelling of the framework, which the
    other semantics would build anyway, costs a fifth as much (10⁵ claims: 20 ms
    against 90 ms). Both give the grounded labelling, which is unique.
    """
    n = len(compiled.ids)
    if n >= NUMPY_FROM and "numpy" in sys.modules:
        from ..semantics.grounded import grounded_labelling

        af = compiled.to_af()
        return Evaluated(compiled, grounded_labelling(af).tolist(), af)
    return Evaluated(compiled, grounded_labels(n, compiled.attacks))


def acceptance(ev: Evaluated, sem: str) -> tuple[list[bool], list[bool]]:
    """(credulous, skeptical) per claim; skeptical is vacuous when there is no extension."""
    if sem == "GR" or ev.decided:
        inside = [lab == IN for lab in ev.label]
        return inside, list(inside)
    from ..semantics import acceptance as af_acceptance

    cred, skep = af_acceptance(ev.framework(), sem, among=ev.compiled.n_claims)
    return cred.tolist(), skep.tolist()


def in_map_order(af: AF, ext: frozenset[int] | None) -> list[str] | None:
    """The claims of an extension of a compiled map, in map order (auxiliary nodes dropped)."""
    n = af.meta.get("claims", af.n)
    return None if ext is None else [af.names[i] for i in sorted(ext) if i < n]
