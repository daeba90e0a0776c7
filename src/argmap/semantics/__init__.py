"""Dung's semantics over :class:`argmap.af.AF`: pure functions, ICCMA codes.

Stable API (other modules and the benchmarks call exactly these)::

    from argmap.semantics import (
        Semantics,                     # str Enum: GR CO PR ST SST ID
        grounded_labelling,            # (af) -> np.ndarray[int8]: 1 in, -1 out, 0 undec; O(n+m)
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
propagation never import it.

Examples
--------
>>> from argmap.af import AF
>>> af = AF.from_pairs("abc", [("a", "b"), ("b", "a"), ("b", "c")])
>>> grounded_labelling(af).tolist()
[0, 0, 0]
>>> sorted(names(af, e) for e in extensions(af, "PR"))
[['a', 'c'], ['b']]
>>> skeptical(af, "ST", "a")[0], credulous(af, "ST", "c")[0]
(False, True)
"""

from __future__ import annotations

from ..vocabulary import Semantics, parse_semantics
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
from .grounded import IN, OUT, UNDEC, grounded, grounded_labelling
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
