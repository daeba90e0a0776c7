"""Dung's semantics over :class:`argmap.af.AF`: pure functions, ICCMA codes.

Stable API (other modules and the benchmarks call exactly these)::

    from argmap.semantics import (
        Semantics,                     # str Enum: GR CO PR ST SST ID
        grounded_labelling,            # (af) -> np.ndarray[int8]: 1 in, -1 out, 0 undec; O(n+m)
        grounded_labels,               # (n, attack pairs) -> list[int]: the same, no numpy (small maps)
        grounded,                      # (af) -> np.ndarray[bool]  (True = in the grounded extension)
        one_extension,                 # (af, sem) -> frozenset[int] | None   (ICCMA SE; None: no stable ext.)
        extensions,                    # (af, sem) -> Iterator[frozenset[int]] (EE; guards fire on call)
        count,                         # (af, sem) -> int                    (CE)
        credulous,                     # (af, sem, arg) -> (bool, witness extension | None)        (DC)
        skeptical,                     # (af, sem, arg) -> (bool, counter-example extension | None) (DS)
        acceptance,                    # (af, sem) -> (credulous mask, skeptical mask) for all arguments
        ideal,                         # (af) -> frozenset[int]
        names,                         # (af, ext) -> sorted list of argument names
        is_conflict_free, is_admissible, is_complete, is_stable,   # (af, ext) -> bool, O(n+m)
        is_preferred, is_semi_stable, is_grounded, is_ideal,       # (af, ext) -> bool, SAT-backed
    )

``sem`` is a :class:`Semantics` or its code as a string (case-insensitive);
``arg`` is an argument number (``int``) or name (``str``); an extension is a
``frozenset`` of argument numbers ``0 … n-1``. Unknown codes raise
:class:`argmap.errors.UsageError`, unknown arguments :class:`argmap.errors.QueryError`.

Edge cases: the empty framework has exactly one extension, the empty set, under
every semantics. A self-attacking argument is in no extension. An odd cycle has no
stable extension: ``one_extension(af, "ST")`` is ``None``, ``count`` is 0,
``credulous`` is no and ``skeptical`` is (vacuously, as in ICCMA) yes.

The hard semantics run on python-sat's CaDiCaL 1.9.5, imported only when a SAT
call is made; grounded, the predicates and any framework decided by grounded
propagation never import it. Importing this package imports neither numpy nor the
solver: the names are served on first use (PEP 562), so that
:func:`~argmap.semantics.grounded.grounded_labels`, the numpy-free labelling that
:mod:`argmap.evaluation` uses for argument maps, is as cheap to reach as it is to run.

Examples
--------
>>> from argmap.af import AF
>>> from argmap.semantics import credulous, extensions, grounded_labelling, names, skeptical
>>> af = AF.from_pairs("abc", [("a", "b"), ("b", "a"), ("b", "c")])
>>> grounded_labelling(af).tolist()
[0, 0, 0]
>>> sorted(names(af, e) for e in extensions(af, "PR"))
[['a', 'c'], ['b']]
>>> skeptical(af, "ST", "a")[0], credulous(af, "ST", "c")[0]
(False, True)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..vocabulary import Semantics, parse_semantics
from .grounded import IN, OUT, UNDEC, grounded, grounded_labelling, grounded_labels

if TYPE_CHECKING:  # pragma: no cover
    from ._core import (
        Extension,
        as_extension,
        as_mask,
        attacked_by,
        is_admissible,
        is_complete,
        is_conflict_free,
        is_stable,
    )
    from .predicates import is_grounded, is_ideal, is_preferred, is_semi_stable
    from .tasks import (
        acceptance,
        count,
        credulous,
        extensions,
        ideal,
        names,
        one_extension,
        skeptical,
    )

__all__ = [
    "Semantics",
    "parse_semantics",
    "Extension",
    "IN",
    "OUT",
    "UNDEC",
    "grounded_labelling",
    "grounded_labels",
    "grounded",
    "one_extension",
    "extensions",
    "count",
    "credulous",
    "skeptical",
    "acceptance",
    "ideal",
    "names",
    "as_mask",
    "as_extension",
    "attacked_by",
    "is_conflict_free",
    "is_admissible",
    "is_complete",
    "is_stable",
    "is_preferred",
    "is_semi_stable",
    "is_grounded",
    "is_ideal",
]

_CORE = {"Extension", "as_extension", "as_mask", "attacked_by", "is_admissible", "is_complete",
         "is_conflict_free", "is_stable"}
_PREDICATES = {"is_grounded", "is_ideal", "is_preferred", "is_semi_stable"}
_TASKS = {"acceptance", "count", "credulous", "extensions", "ideal", "names", "one_extension", "skeptical"}


def __getattr__(name: str) -> Any:
    """Serve the numpy-backed names on first use (PEP 562), then keep them."""
    if name in _CORE:
        from . import _core as module
    elif name in _PREDICATES:
        from . import predicates as module  # type: ignore[no-redef]
    elif name in _TASKS:
        from . import tasks as module  # type: ignore[no-redef]
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names, served or not."""
    return sorted(set(globals()) | set(__all__))
