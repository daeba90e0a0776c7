"""``--watch`` for the CLI: redo a command's work on every save of the map or its sources."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import ArgmapError
from ._app import err, print_problems

__all__ = ["watched_files", "watch_map"]


def watched_files(path: Path, fmt: str | None = None, options: dict[str, Any] | None = None) -> list[Path]:
    """The map and, when it loads (with the reader *options*), its sources' files."""
    from ..api import load

    try:
        amap = load(path, fmt, **(options or {}))
    except ArgmapError:
        return [path]
    return [path, *(amap.source_path(s) for s in amap.sources)]


def watch_map(path: Path, fmt: str | None, name: str, action: Callable[[], None],
              options: dict[str, Any] | None = None) -> None:
    """Run *action* now and after every save of *path* or its sources, until Ctrl-C.

    *options* are the reader's (``speaker_from``), used to find the sources.

    Each run is headed on stderr by the time and the command; an
    :class:`~argmap.errors.ArgmapError` is printed (``file:line:col: message``) and
    the watch goes on, so the next save is tried again.
    """
    from ..watch import watch

    def once() -> list[Path]:
        err(f"-- {time.strftime('%H:%M:%S')} argmap {name} {path}")
        try:
            action()
        except ArgmapError as exc:
            print_problems(getattr(exc, "errors", None) or [exc])
        return watched_files(path, fmt, options)

    try:
        watch(once)
    except KeyboardInterrupt:
        pass
