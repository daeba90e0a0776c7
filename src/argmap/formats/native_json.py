"""The native map format in JSON syntax (see :mod:`argmap.formats.native`)."""

from __future__ import annotations

from pathlib import Path

from ..model import ArgumentMap
from . import native

__all__ = ["loads", "dumps", "losses"]


def loads(text: str, *, path: str | Path | None = None) -> ArgumentMap:
    """Read a native map written in JSON; see :func:`argmap.formats.native.loads`."""
    return native.loads(text, path=path, syntax="json")


def dumps(amap: ArgumentMap, *, offsets: bool | None = None) -> str:
    """Write *amap* as native JSON; see :func:`argmap.formats.native.dumps`."""
    return native.dumps(amap, syntax="json", offsets=offsets)


def losses(amap: ArgumentMap) -> list[str]:
    """Nothing is lost in the native format."""
    return []
