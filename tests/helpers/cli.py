"""Running the ``argmap`` command in a test (the conftest's ``cli`` fixture serves :func:`invoke`).

The environment is isolated for every test by the autouse fixture in
``tests/conftest.py`` (no ``ARGMAP_MAP``, ``COLUMNS=80``), so results do not depend on
the developer's shell.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from typer.testing import CliRunner, Result

from argmap.cli import app

__all__ = ["invoke"]


def invoke(*args: Any, input: str | None = None) -> Result:  # noqa: A002
    """Run ``argmap ARGS…`` and return the runner's result (stdout and stderr apart).

    Arguments are turned into strings (paths may be given as ``Path``); a single
    list or tuple is taken as the whole argument list. Exceptions other than a
    clean exit propagate, so a traceback fails the test.
    """
    if len(args) == 1 and isinstance(args[0], Sequence) and not isinstance(args[0], str):
        args = tuple(args[0])
    return CliRunner().invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)
