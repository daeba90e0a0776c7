"""The ``argmap`` command: a thin Typer layer over the library.

Each submodule registers its commands on :data:`app`; a command parses its
options, calls one library function and prints. Library errors
(:class:`argmap.ArgmapError`) are printed once as ``file:line:col: message`` on
stderr with exit status 1 (see :func:`argmap.cli._common.run`).
"""

from __future__ import annotations

from ._common import app

# Importing the command modules registers their commands on ``app``.
from . import _core, _convert, _render, _evaluate, _author  # noqa: E402,F401

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the ``argmap`` console script."""
    app()
