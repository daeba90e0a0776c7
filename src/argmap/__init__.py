"""argmap: argument maps from source texts.

The public API, one hop away::

    >>> import argmap
    >>> m = argmap.load(argmap.shipped_map_path())
    >>> m.claim("E1").speaker
    'essay'
    >>> len(argmap.statuses(m)) == len(m.claims)
    True

``load`` reads a map (native YAML/JSON, or any format the registry knows),
``save`` writes one, ``check`` lists every problem of a map file without stopping
at the first. The records (:class:`Claim`, :class:`Argument`, :class:`Relation`,
:class:`Speaker`, :class:`Source`) are immutable, and so is the :class:`ArgumentMap`
that holds them (``ArgumentMap.to_networkx()`` exports it as a networkx ``DiGraph``).

Every name here except the errors and the vocabulary is imported on first use
(PEP 562), so that ``import argmap`` stays light (no numpy, pydot or solver, and
not the map model, which ``argmap iccma`` never needs): the map functions and
records above (:mod:`argmap.api`, :mod:`argmap.model`); ``statuses``, ``survivors``,
``explain``, ``extensions`` (:mod:`argmap.evaluation`); ``unattacked``,
``chains``, ``reasons``, ``compare``, ``describe`` (:mod:`argmap.queries`);
``convert`` (:mod:`argmap.formats`); ``to_af`` and
``compile_map`` (:mod:`argmap.framework`); ``AF`` (:mod:`argmap.af`); ``read_af``
and ``write_af`` (:mod:`argmap.formats`); and the vocabulary (``Semantics``,
``SupportReading``, ``Label``). Diagrams are drawn by :mod:`argmap.render`
(``argmap.render.render``, ``argmap.render.write``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import (
    ArgmapError,
    ConversionError,
    EngineNotFoundError,
    FileAccessError,
    FrameworkFormatError,
    MapFormatError,
    ProvenanceError,
    QueryError,
    RenderError,
    UsageError,
)
from .vocabulary import Label, Semantics, SupportReading

if TYPE_CHECKING:  # pragma: no cover - served by __getattr__ at run time
    from .api import check as check
    from .api import load as load
    from .api import loads as loads
    from .api import save as save
    from .api import shipped_map_path as shipped_map_path
    from .model import CLAIM_KINDS as CLAIM_KINDS
    from .model import RELATION_TYPES as RELATION_TYPES
    from .model import Argument as Argument
    from .model import ArgumentMap as ArgumentMap
    from .model import Claim as Claim
    from .model import Relation as Relation
    from .model import Source as Source
    from .model import Speaker as Speaker

#: Names served lazily (PEP 562): attribute -> (module, attribute).
_LAZY: dict[str, tuple[str, str]] = {
    "load": ("argmap.api", "load"),
    "loads": ("argmap.api", "loads"),
    "save": ("argmap.api", "save"),
    "check": ("argmap.api", "check"),
    "shipped_map_path": ("argmap.api", "shipped_map_path"),
    "ArgumentMap": ("argmap.model", "ArgumentMap"),
    "Argument": ("argmap.model", "Argument"),
    "Claim": ("argmap.model", "Claim"),
    "Relation": ("argmap.model", "Relation"),
    "Speaker": ("argmap.model", "Speaker"),
    "Source": ("argmap.model", "Source"),
    "CLAIM_KINDS": ("argmap.model", "CLAIM_KINDS"),
    "RELATION_TYPES": ("argmap.model", "RELATION_TYPES"),
    "statuses": ("argmap.evaluation", "statuses"),
    "survivors": ("argmap.evaluation", "survivors"),
    "explain": ("argmap.evaluation", "explain"),
    "extensions": ("argmap.evaluation", "map_extensions"),
    "unattacked": ("argmap.queries", "unattacked"),
    "chains": ("argmap.queries", "chains"),
    "reasons": ("argmap.queries", "reasons"),
    "compare": ("argmap.queries", "compare"),
    "describe": ("argmap.queries", "describe"),
    "convert": ("argmap.formats", "convert"),
    "to_af": ("argmap.framework", "to_af"),
    "compile_map": ("argmap.framework", "compile_map"),
    "AF": ("argmap.af", "AF"),
    "read_af": ("argmap.formats", "read_af"),
    "write_af": ("argmap.formats", "write_af"),
}

__all__ = [
    "__version__",
    "Semantics",
    "SupportReading",
    "Label",
    "ArgmapError",
    "UsageError",
    "FileAccessError",
    "MapFormatError",
    "ProvenanceError",
    "FrameworkFormatError",
    "ConversionError",
    "QueryError",
    "RenderError",
    "EngineNotFoundError",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    """Import the working functions (and ``__version__``) on first use."""
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("argmap")
        except PackageNotFoundError:  # pragma: no cover - running from an uninstalled tree
            return "0+unknown"
    if name in _LAZY:
        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'argmap' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
