"""argmap: argument maps from source texts.

The public API::

    >>> import argmap
    >>> m = argmap.load(argmap.shipped_map_path())
    >>> m.claim("E1").speaker
    'essay'

``load`` reads a map (native YAML/JSON, or any format the registry knows),
``save`` writes one, ``check`` lists every problem of a map file without stopping
at the first. The records (:class:`Claim`, :class:`Relation`, :class:`Speaker`,
:class:`Source`) are immutable; :class:`ArgumentMap` wraps a networkx ``DiGraph``.
"""

from __future__ import annotations

from .errors import (
    ArgmapError,
    ConversionError,
    EngineNotFoundError,
    FrameworkFormatError,
    MapFormatError,
    ProvenanceError,
    QueryError,
    RenderError,
)
from .model import CLAIM_KINDS, RELATION_TYPES, ArgumentMap, Claim, Relation, Source, Speaker
from .io import check, load, loads, save, shipped_map_path

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "load",
    "loads",
    "save",
    "check",
    "shipped_map_path",
    "ArgumentMap",
    "Claim",
    "Relation",
    "Speaker",
    "Source",
    "CLAIM_KINDS",
    "RELATION_TYPES",
    "ArgmapError",
    "MapFormatError",
    "ProvenanceError",
    "FrameworkFormatError",
    "ConversionError",
    "QueryError",
    "RenderError",
    "EngineNotFoundError",
]
