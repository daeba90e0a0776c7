"""The native map format in YAML syntax (see :mod:`argmap.formats.native`)."""

from __future__ import annotations

from pathlib import Path

from ..model import ArgumentMap
from . import native

__all__ = ["loads", "dumps", "losses"]


def loads(text: str, *, path: str | Path | None = None) -> ArgumentMap:
    """Read a native map written in YAML; see :func:`argmap.formats.native.loads`."""
    return native.loads(text, path=path, syntax="yaml")


def dumps(amap: ArgumentMap, *, offsets: bool | None = None) -> str:
    """Write *amap* as native YAML; see :func:`argmap.formats.native.dumps`."""
    return native.dumps(amap, syntax="yaml", offsets=offsets)


def losses(amap: ArgumentMap) -> list[str]:
    """Nothing is lost in the native format."""
    return []
