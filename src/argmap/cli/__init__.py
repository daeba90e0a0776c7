"""The ``argmap`` command: a thin Typer layer over the library.

Each submodule registers its commands on :data:`app`; a command parses its
options, calls one library function and prints. Library errors
(:class:`argmap.ArgmapError`) are printed once as ``file:line:col: message`` on
stderr with exit status 1 (see :func:`argmap.cli._app.run`).

Modules: :mod:`._app` (the app, shared options, error handling), :mod:`._map`
(check, show, uncontested, chain, why, compare), :mod:`._evaluate` (status,
extensions, explain), :mod:`._convert` (convert), :mod:`._render` (render, html), :mod:`._author` (quote, schema, init),
:mod:`._lint` (lint), :mod:`._text` (plain-text layout).
"""

from __future__ import annotations

from ._app import app

# Importing the command modules registers their commands on ``app``, in this order (the order of --help).
from . import _map, _convert, _render, _evaluate, _author, _iccma, _lint  # noqa: E402,F401

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the ``argmap`` console script."""
    app()
