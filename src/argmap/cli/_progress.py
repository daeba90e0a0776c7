"""A one-line progress display on stderr for long commands (only on a terminal).

:func:`shown` wraps a command's work: when stderr is a terminal and the output is
not ``--json``, it shows a spinner line with the phase, the SAT calls made and the
extensions found (:mod:`argmap.progress` feeds it), drawn by ``rich`` (imported
only then, so piped and scripted runs never pay for it). Otherwise it does
nothing. The line is cleared when the work ends, so stdout stays clean either way.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from .. import progress

if TYPE_CHECKING:  # pragma: no cover
    from rich.status import Status

__all__ = ["shown", "wanted"]

#: Seconds between redraws of the line (the solver reports far more often).
_EVERY = 0.1


def wanted(as_json: bool) -> bool:
    """Progress is shown on a terminal, never with ``--json``."""
    if as_json:
        return False
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # closed or replaced stderr
        return False


class _Line:
    """Redraws a ``rich`` status line from the progress state, at most every 0.1 s."""

    def __init__(self, status: Status) -> None:
        self.status = status
        self.last = 0.0

    def update(self, state: progress.Progress) -> None:
        now = time.monotonic()
        if now - self.last < _EVERY:
            return
        self.last = now
        parts = [state.phase or "working"]
        if state.sat_calls:
            parts.append(f"{state.sat_calls:,} SAT call{'s' if state.sat_calls != 1 else ''}")
        if state.found:
            parts.append(f"{state.found:,} found")
        self.status.update(" · ".join(parts))


@contextmanager
def shown(as_json: bool, first_phase: str = "reading") -> Iterator[progress.Progress | None]:
    """Show progress on stderr inside the block when :func:`wanted`; yields the state."""
    if not wanted(as_json):
        yield None
        return
    from rich.console import Console

    console = Console(stderr=True)
    with console.status(first_phase, spinner="dots") as status:
        line = _Line(status)
        with progress.listening(line) as state:
            progress.phase(first_phase)
            yield state
