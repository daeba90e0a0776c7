"""Shared pieces of the CLI: the Typer app, the options every command shares, errors, output.

The choices of the shared options are the library's own enums
(:mod:`argmap.vocabulary`); each option is defined here once, with one help text.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from typer._click import Context as ClickContext
from typer._click.exceptions import UsageError as ClickUsageError
from typer.core import TyperGroup

from ..errors import ArgmapError
from ..vocabulary import (
    SEMANTICS_NAMES,
    SUPPORT_DESCRIPTIONS,
    Semantics,
    SupportReading,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..model import ArgumentMap

__all__ = ["app", "run", "Semantics", "SupportReading", "SemanticsOpt", "OptionalSemanticsOpt", "SupportOpt",
           "MapArg", "MapOpt", "JsonOpt", "FromOpt", "resolve_map", "load_map", "print_json", "echo", "err",
           "print_problems", "in_flags"]

F = TypeVar("F", bound=Callable[..., Any])


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"argmap {__version__}")
        raise typer.Exit()


_MAP_SUFFIXES = (".yaml", ".yml", ".json", ".argdown", ".ad", ".aif")


class _Group(TyperGroup):
    """The command group, with usage errors that name the fix.

    ``argmap show A1 map.yaml`` is refused by Click as an extra argument; when that
    argument looks like a map file and the command takes ``-m``, the message says
    to write ``-m map.yaml``.
    """

    def invoke(self, ctx: ClickContext) -> Any:
        try:
            return super().invoke(ctx)
        except ClickUsageError as exc:
            sub = exc.ctx.command if exc.ctx is not None else None
            takes_m = sub is not None and any("-m" in getattr(p, "opts", ()) for p in sub.params)
            extra = re.search(r"unexpected extra argument(?:\(s\)|s)? \((.*)\)", exc.message)
            if extra and takes_m:
                files = [w for w in extra.group(1).split() if w.lower().endswith(_MAP_SUFFIXES)]
                if files:
                    exc.message += f"; to name the map, write -m {files[0]}"
            raise


app = typer.Typer(
    name="argmap",
    cls=_Group,
    help="Argument maps from source texts: check, draw, evaluate, compare, convert.",
    no_args_is_help=True,
    add_completion=True,
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


_SEMANTICS_HELP = "ICCMA code: " + ", ".join(f"{s.value} {name}" for s, name in SEMANTICS_NAMES.items()) + "."
_SUPPORT_HELP = ("How supports count: " + "; ".join(f"{r.value} ({text})" for r, text in SUPPORT_DESCRIPTIONS.items())
                 + ". See docs/evaluation.md.")

#: ``--semantics/-s`` with a default (the command gives it).
SemanticsOpt = Annotated[Semantics, typer.Option("--semantics", "-s", case_sensitive=False, help=_SEMANTICS_HELP)]
#: ``--semantics/-s`` that may be left out (the command then does not evaluate).
OptionalSemanticsOpt = Annotated[Semantics | None, typer.Option(
    "--semantics", "-s", case_sensitive=False, help="Evaluate under this semantics; " + _SEMANTICS_HELP,
    show_default=False)]
#: ``--support``: the support reading.
SupportOpt = Annotated[SupportReading, typer.Option("--support", case_sensitive=False, help=_SUPPORT_HELP)]
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
    """Print *message* on stderr, terminal control characters replaced (see :func:`printable`)."""
    from ._text import printable

    typer.echo(printable(message), err=True)


def echo(message: str = "") -> None:
    """Print *message* on stdout, terminal control characters replaced (see :func:`printable`)."""
    from ._text import printable

    typer.echo(printable(message))


def run(func: F) -> F:
    """Decorate a command so that an :class:`ArgmapError` becomes a clean exit 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ArgmapError as exc:
            print_problems([in_flags(e) for e in exc.errors])
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


_PARAMETER = re.compile(r"`([A-Za-z_][A-Za-z0-9_]*)`")


def in_flags(error: ArgmapError) -> ArgmapError:
    """Name the running command's flags where *error* names the library's parameters.

    Library messages and hints name a parameter in backquotes (``lower `max_depth```);
    when the command being run has the matching option (``--max-depth``: the same
    name with dashes), the flag replaces it, so the CLI speaks of its flags and the
    library of its parameters. Returns *error*, changed in place.

    Examples
    --------
    >>> from ..errors import QueryError
    >>> str(in_flags(QueryError("too many", hint="lower `max_depth`")))  # no command is running
    'too many (lower `max_depth`)'
    """
    from typer._click.globals import get_current_context

    ctx = get_current_context(silent=True)
    if ctx is None:
        return error
    flags: dict[str, str] = {}
    for param in ctx.command.params:
        long = [o for o in getattr(param, "opts", ()) if o.startswith("--")]
        if long:
            flags[long[0][2:].replace("-", "_")] = long[0]
            if param.name:
                flags.setdefault(param.name, long[0])

    def swap(match: re.Match[str]) -> str:
        return flags.get(match.group(1), match.group(0))

    error.message = _PARAMETER.sub(swap, error.message)
    error.args = (error.message,)
    if error.hint:
        error.hint = _PARAMETER.sub(swap, error.hint)
    return error


def print_problems(problems: list[ArgmapError]) -> None:
    """Print each problem on stderr as ``file:line:col: message (hint)`` (``argmap: …`` when unlocated)."""
    from ._text import problem_line

    for problem in problems:
        err(problem_line(problem))


def resolve_map(path: Path | None) -> Path:
    """The map to work on: *path*, else ``$ARGMAP_MAP``, else the shipped map."""
    if path is not None:
        return path
    env = os.environ.get("ARGMAP_MAP")
    if env:
        return Path(env)
    from ..api import shipped_map_path

    return shipped_map_path()


def load_map(path: Path | None, fmt: str | None = None, *, strict: bool = False,
             **options: Any) -> ArgumentMap:
    """Resolve and load the map (see :func:`resolve_map`), printing what reading lost.

    For the formats whose readers report (Argdown, AIF), each skipped part and each kind
    of information not kept is printed on stderr as ``file:line:col: warning: …``;
    with *strict* the first one is an error instead.
    """
    from ..api import load
    from ..formats import for_path

    path = resolve_map(path)
    lost: list[ArgmapError] = []
    if for_path(path, fmt).reports:
        options.update(strict=strict, warnings=lost)
    amap = load(path, format=fmt, **options)
    print_warnings(lost)
    return amap


def print_warnings(lost: list[ArgmapError]) -> None:
    """Print what a reader skipped or could not keep, one located ``warning:`` line each."""
    for w in lost:
        where = f"{w.location}: " if w.location else "argmap: "
        err(f"{where}warning: {w.message}" + (f" ({w.hint})" if w.hint else ""))


def print_json(data: Any) -> None:
    """Print *data* as indented JSON on stdout (UTF-8, non-ASCII kept, no raw control character)."""
    from ._text import json_text

    typer.echo(json_text(data, indent=2))
