"""Shared pieces of the CLI: the Typer app, map resolution, error handling, output."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from ..errors import ArgmapError

__all__ = ["app", "run", "Semantics", "Support", "MapArg", "MapOpt", "JsonOpt", "FromOpt", "resolve_map", "load_map",
           "print_json", "echo", "err"]

F = TypeVar("F", bound=Callable[..., Any])


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"argmap {__version__}")
        raise typer.Exit()


app = typer.Typer(
    name="argmap",
    help="Argument maps from source texts: check, draw, evaluate, compare, convert.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """argmap: argument maps from source texts."""


class Semantics(str, Enum):
    """ICCMA codes: grounded, complete, preferred, stable, semi-stable, ideal."""

    GR = "GR"
    CO = "CO"
    PR = "PR"
    ST = "ST"
    SST = "SST"
    ID = "ID"


class Support(str, Enum):
    """Support readings: how supports take part in evaluation (docs/evaluation.md)."""

    none = "none"
    deductive = "deductive"
    necessary = "necessary"


MapArg = Annotated[Path | None, typer.Argument(
    metavar="[MAP]", help="Map file (.yaml/.json or another known format). Default: $ARGMAP_MAP, else the shipped map.",
    show_default=False)]
MapOpt = Annotated[Path | None, typer.Option(
    "--map", "-m", metavar="MAP", help="Map file. Default: $ARGMAP_MAP, else the shipped map.", show_default=False)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON only.")]
FromOpt = Annotated[str | None, typer.Option(
    "--from", metavar="FORMAT", help="Input format name when the suffix does not tell (see `argmap convert --help`).",
    show_default=False)]


def err(message: str) -> None:
    """Print *message* on stderr."""
    typer.echo(message, err=True)


def echo(message: str = "") -> None:
    """Print *message* on stdout."""
    typer.echo(message)


def run(func: F) -> F:
    """Decorate a command so that an :class:`ArgmapError` becomes a clean exit 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ArgmapError as exc:
            for problem in getattr(exc, "errors", None) or [exc]:
                err(f"argmap: {problem}" if not problem.location else str(problem))
            raise typer.Exit(1) from None
        except KeyboardInterrupt:  # pragma: no cover - interactive only
            err("argmap: interrupted")
            raise typer.Exit(130) from None
        except BrokenPipeError:  # pragma: no cover - `argmap ... | head`
            try:
                sys.stdout = open(os.devnull, "w")  # noqa: SIM115
            except OSError:
                pass
            raise typer.Exit(0) from None

    return wrapper  # type: ignore[return-value]


def resolve_map(path: Path | None) -> Path:
    """The map to work on: *path*, else ``$ARGMAP_MAP``, else the shipped map."""
    if path is not None:
        return path
    env = os.environ.get("ARGMAP_MAP")
    if env:
        return Path(env)
    from ..io import shipped_map_path

    return shipped_map_path()


def load_map(path: Path | None, fmt: str | None = None):  # noqa: ANN201 - ArgumentMap
    """Resolve and load the map (see :func:`resolve_map`)."""
    from ..io import load

    return load(resolve_map(path), format=fmt)


def print_json(data: Any) -> None:
    """Print *data* as indented JSON on stdout (UTF-8, non-ASCII kept)."""
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
