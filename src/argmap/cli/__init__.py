"""The ``argmap`` command: a thin Typer layer over the library.

Each submodule registers its commands on :data:`app`; a command parses its
options, calls one library function and prints. Library errors
(:class:`argmap.ArgmapError`) are printed once as ``file:line:col: message`` on
stderr with exit status 1 (see :func:`argmap.cli._app.run`).

Modules: :mod:`._app` (the app, shared options, error handling), :mod:`._map`
(check, show, uncontested, chain, why, compare), :mod:`._evaluate` (status,
extensions, explain), :mod:`._convert` (convert), :mod:`._render` (render, html), :mod:`._author` (quote, schema, init),
:mod:`._lint` (lint), :mod:`._iccma` (iccma), :mod:`._lean` (iccma's start-up path
without Typer), :mod:`._text` (plain-text layout).

``app`` is built on first access (PEP 562), so that :func:`main` can answer an
ICCMA harness's ``argmap iccma -p TASK -f FILE`` without importing Typer, Click
or rich (see :mod:`._lean`).
"""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["app", "main", "one_command"]


def __getattr__(name: str) -> Any:
    """Build the Typer app (``argmap.cli.app``) on first use."""
    if name != "app":
        raise AttributeError(f"module 'argmap.cli' has no attribute {name!r}")
    from ._app import app

    # Importing the command modules registers their commands on ``app``, in this order (the order of --help).
    from . import _map, _convert, _render, _evaluate, _author, _iccma, _lint  # noqa: F401

    globals()["app"] = app
    return app


def main() -> None:
    """Entry point of the ``argmap`` console script."""
    from ._lean import lean

    status = lean(sys.argv[1:])
    if status is None:
        one_command(sys.argv[1:])()
    elif status:
        raise SystemExit(status)


def one_command(args: list[str]) -> Any:
    """The app to run *args* with: for ``argmap NAME …``, a copy of :data:`app` holding command NAME only.

    Typer builds the Click command of every registered command before it parses
    anything (about 50 ms for the 18 commands, in every run); a command's own
    parsing, help and usage messages never look at its siblings, so the copy answers
    exactly as the whole app does. The whole app runs anything else: no command
    name first (``--help``, ``--version``, a misspelt command, which gets the
    suggestions), and shell completion (``_ARGMAP_COMPLETE``), which lists commands.
    """
    import copy
    import os

    full = __getattr__("app")
    if not args or "_ARGMAP_COMPLETE" in os.environ:
        return full
    from typer.main import get_command_name

    chosen = [c for c in full.registered_commands
              if c.callback is not None and (c.name or get_command_name(c.callback.__name__)) == args[0]]
    if not chosen:
        return full
    one = copy.copy(full)
    one.registered_commands = chosen
    return one
