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

__all__ = ["app", "main"]


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
        __getattr__("app")()
    elif status:
        raise SystemExit(status)
