"""Which claims of a map stand, under which semantics and support reading, and why.

Map-level entry points for the CLI and the other modules:

* :func:`statuses` -- every claim's status: ``in``/``out``/``undec`` under GR,
  ``skeptical``/``credulous``/``rejected`` under CO, PR, ST, SST, ID
  (:func:`compiled_statuses`: the same for a map already compiled);
* :func:`survivors` -- the claims that stand (GR: ``in``; others: skeptical);
* :func:`uncontested` -- the claims nobody attacks, and under a semantics the
  attacked ones that survive and those that fall (``argmap uncontested``);
* :func:`claim_acceptance` -- one claim (ICCMA DC/DS) with a witness or
  counter-example extension;
* :func:`map_extensions` / :func:`count_extensions` -- the extensions themselves,
  for a map or an :class:`~argmap.af.AF`;
* :func:`explain` -- a dialectical tree: why a claim is in, out or undecided;
* :func:`compare_standing` -- each speaker's claims that stand with and without the
  other speaker's claims.

A map is compiled with :func:`argmap.framework.compile_map` (claims first, then the
auxiliary arguments a support reading needs: under ``necessary`` the map is a bipolar
abstract dialectical framework, Brewka & Woltran 2010, whose arguments and
disjunctive necessities, Nouioua 2013, become auxiliary Dung arguments; see
docs/evaluation.md) and labelled by the grounded labelling first
(:func:`argmap.semantics.grounded.grounded_labels`, on plain lists). Statuses,
extensions and explanations are projected back to the claims. When that labelling leaves nothing
undecided -- as in most argument maps -- every semantics here coincides with it
(a total grounded labelling is the unique complete labelling), and neither numpy
nor the SAT solver is imported, so ``argmap status --semantics PR`` starts as fast
as ``argmap uncontested``. Otherwise the framework goes to :mod:`argmap.semantics`.

The package has one module per concept: :mod:`~argmap.evaluation.acceptance`
(statuses, survivors, one claim's acceptance), :mod:`~argmap.evaluation.extensions`
(the extensions and their count), :mod:`~argmap.evaluation.explanation` (the
dialectical tree and its text) and :mod:`~argmap.evaluation.standing` (two speakers'
standing and its text). ``_bridge`` compiles a map and labels it, for all four. The
names are served from their modules on first use, so a command loads only its part.

Examples
--------
>>> from argmap.evaluation import statuses
>>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
>>> m = ArgumentMap(speakers=[Speaker("e", "Essay"), Speaker("c", "Commenter")],
...     claims=[Claim("E1", "e", "thesis", kind="thesis"), Claim("E2", "e", "reason"),
...             Claim("C1", "c", "objection"), Claim("E3", "e", "reply")],
...     relations=[Relation("E2", "E1", "support"), Relation("C1", "E2", "attack"),
...                Relation("E3", "C1", "attack")])
>>> statuses(m)
{'E1': 'in', 'E2': 'in', 'C1': 'out', 'E3': 'in'}
>>> statuses(m, "PR", "necessary")
{'E1': 'skeptical', 'E2': 'skeptical', 'C1': 'rejected', 'E3': 'skeptical'}
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .acceptance import (
        ClaimAcceptance,
        Uncontested,
        claim_acceptance,
        compiled_statuses,
        statuses,
        survivors,
        uncontested,
    )
    from .explanation import ExplainNode, Explanation, explain, format_explanation
    from .extensions import count_extensions, map_extensions
    from .standing import Standing, compare_standing, format_standing

__all__ = [
    "statuses",
    "compiled_statuses",
    "survivors",
    "Uncontested",
    "uncontested",
    "ClaimAcceptance",
    "claim_acceptance",
    "map_extensions",
    "count_extensions",
    "ExplainNode",
    "Explanation",
    "explain",
    "format_explanation",
    "Standing",
    "compare_standing",
    "format_standing",
]

_ACCEPTANCE = {"statuses", "compiled_statuses", "survivors", "Uncontested", "uncontested", "ClaimAcceptance",
               "claim_acceptance"}
_EXTENSIONS = {"map_extensions", "count_extensions"}
_EXPLANATION = {"ExplainNode", "Explanation", "explain", "format_explanation"}
_STANDING = {"Standing", "compare_standing", "format_standing"}


def __getattr__(name: str) -> Any:
    """Serve each name from its concept's module on first use (PEP 562), so that a
    command loads only the part of the evaluation it runs."""
    if name in _ACCEPTANCE:
        from . import acceptance as module
    elif name in _EXTENSIONS:
        from . import extensions as module  # type: ignore[no-redef]
    elif name in _EXPLANATION:
        from . import explanation as module  # type: ignore[no-redef]
    elif name in _STANDING:
        from . import standing as module  # type: ignore[no-redef]
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names, served or not."""
    return sorted(set(globals()) | set(__all__))
