"""Progress of long computations, reported to whoever listens (nobody by default).

The library calls :func:`phase` when it starts a stage of work (reading, grounded
labelling, components, SAT search), :func:`sat_call` once per SAT call and
:func:`found` once per extension it hands out. With no listener each call is one
test of a module global, so the solvers pay nothing measurable. The command line
installs a listener (:func:`listening`) only when stderr is a terminal, and never
for ``--json`` (see :mod:`argmap.cli._progress`).

Examples
--------
>>> seen = []
>>> class Collect:
...     def update(self, state): seen.append((state.phase, state.sat_calls, state.found))
>>> with listening(Collect()) as state:
...     phase("search")
...     sat_call()
...     found()
>>> seen[-1], state.found
(('search', 1, 1), 1)
>>> phase("nobody listens")  # no listener: nothing happens
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol

__all__ = ["Progress", "Listener", "listening", "phase", "sat_call", "found", "current"]


@dataclass
class Progress:
    """What is known about the running computation.

    Attributes
    ----------
    phase : str
        The stage of work, in words ("reading", "grounded core", "SAT search", ...).
    sat_calls : int
        SAT calls made so far.
    found : int
        Extensions (or answers) found so far.
    """

    phase: str = ""
    sat_calls: int = 0
    found: int = 0


class Listener(Protocol):
    """Anything with ``update(state)``; called after every change."""

    def update(self, state: Progress) -> None:
        """Show *state*."""


_listener: Listener | None = None
_state: Progress | None = None


@contextmanager
def listening(listener: Listener) -> Iterator[Progress]:
    """Report progress to *listener* inside the ``with`` block; yields the live state."""
    global _listener, _state
    saved = (_listener, _state)
    _listener, _state = listener, Progress()
    try:
        yield _state
    finally:
        _listener, _state = saved


def current() -> Progress | None:
    """The live state, or ``None`` when nobody listens."""
    return _state


def phase(name: str) -> None:
    """A new stage of work begins."""
    if _listener is not None and _state is not None:
        _state.phase = name
        _listener.update(_state)


def sat_call() -> None:
    """One more SAT call."""
    if _listener is not None and _state is not None:
        _state.sat_calls += 1
        _listener.update(_state)


def found(k: int = 1) -> None:
    """*k* more extensions (or answers) found."""
    if _listener is not None and _state is not None:
        _state.found += k
        _listener.update(_state)
