"""``argmap iccma``: the ICCMA 2023 solver interface, so competition harnesses run argmap.

A thin layer over :mod:`argmap.semantics.competition`: read the framework, solve
the task, print the answer lines the competition expects. The body is
:func:`argmap.cli._lean.iccma_lines`, which the lean start-up path
(:func:`argmap.cli._lean.lean`) runs without Typer for the usual harness calls.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._app import app, echo, run

__all__ = ["iccma"]


@app.command()
@run
def iccma(
    problem: Annotated[str | None, typer.Option(
        "-p", "--problem", metavar="TASK", help="The task, e.g. SE-PR, DC-ST, DS-PR "
        "(see --problems).", show_default=False)] = None,
    file: Annotated[Path | None, typer.Option(
        "-f", "--file", metavar="FILE", help="The framework: ICCMA 2023 (.af/.i23), "
        ".apx or .tgf.", show_default=False)] = None,
    arg: Annotated[str | None, typer.Option(
        "-a", "--argument", metavar="ARG", help="The query argument of DC and DS tasks "
        "(its number in an ICCMA file).", show_default=False)] = None,
    fmt: Annotated[str | None, typer.Option(
        "-fo", "--format", metavar="FORMAT", help="Input format when the suffix does not "
        "tell: i23, apx or tgf.", show_default=False)] = None,
    problems: Annotated[bool, typer.Option(
        "--problems", help="List the supported tasks and exit.")] = False,
    formats: Annotated[bool, typer.Option(
        "--formats", help="List the supported input formats and exit.")] = False,
) -> None:
    """Run as an ICCMA 2023 solver: `argmap iccma -p TASK -f FILE [-a ARG]`.

    Prints the answer in the competition's format: `w 1 4 7` for an extension (SE),
    `NO` when there is none; `YES` and a witness line `w ...` (DC), or `YES` / `NO`
    and a counter-example line `w ...` (DS). Without options it prints the solver's
    name and version, as the competition asks; --problems and --formats list what it
    supports.

    Example: argmap iccma -p DS-PR -f framework.af -a 17
    """
    from ._lean import iccma_lines

    for line in iccma_lines(problem, file, arg, fmt, problems, formats):
        echo(line)
