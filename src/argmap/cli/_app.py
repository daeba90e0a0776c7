"""Shared pieces of the CLI: the Typer app, the options every command shares, errors, output.

The choices of the shared options are the library's own enums
(:mod:`argmap.vocabulary`); each option is defined here once, with one help text.
"""

from __future__ import annotations

import functools
import gc
import keyword
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from typer._click import Context as ClickContext
from typer._click.exceptions import UsageError as ClickUsageError
from typer._click.globals import get_current_context
from typer._types import TyperChoice
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from ..errors import ArgmapError
from ..vocabulary import (
    SEMANTICS_NAMES,
    SUPPORT_DESCRIPTIONS,
    Semantics,
    SpeakerFrom,
    SupportReading,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..model import ArgumentMap

__all__ = ["app", "run", "Semantics", "SupportReading", "SemanticsOpt", "OptionalSemanticsOpt", "SupportOpt",
           "MapArg", "MapOpt", "JsonOpt", "FromOpt", "SpeakerFromOpt", "usage_error", "resolve_map",
           "reader_options", "MAP_SUFFIXES", "not_a_map", "complete_ids", "load_map", "print_json", "echo", "err",
           "print_problems", "in_flags"]

F = TypeVar("F", bound=Callable[..., Any])


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"argmap {__version__}")
        raise typer.Exit()


MAP_SUFFIXES = (".yaml", ".yml", ".json", ".argdown", ".ad", ".aif")


class _Group(TyperGroup):
    """The command group, with usage errors that name the fix.

    ``argmap show A1 map.yaml`` is refused by Click as an extra argument; when that
    argument looks like a map file and the command takes ``-m``, the message says
    to write ``-m map.yaml``. A command that already has its map positionally
    (``argmap check a.yaml b.yaml``) says that it reads one map at a time.
    """

    def invoke(self, ctx: ClickContext) -> Any:
        try:
            return super().invoke(ctx)
        except ClickUsageError as exc:
            sub = exc.ctx.command if exc.ctx is not None else None
            takes_m = sub is not None and any("-m" in getattr(p, "opts", ()) for p in sub.params)
            positional = sub is not None and any(p.name == "map_path" and isinstance(p, TyperArgument)
                                                 for p in sub.params)
            extra = re.search(r"unexpected extra argument(?:\(s\)|s)? \((.*)\)", exc.message)
            if extra and takes_m:
                files = [w for w in extra.group(1).split() if w.lower().endswith(MAP_SUFFIXES)]
                if files and positional:
                    exc.message += (f"; argmap {sub.name if sub else ''} reads one map at a time "
                                    f"(run it once per map)")
                elif files:
                    exc.message += f"; to name the map, write -m {files[0]}"
            raise


# Metavars for the options that declare none, by the click type's name: the vendored
# click would print ``<str>``, ``<int range>`` and the choices in lower case.
_METAVARS = {"integer": "N", "int": "N", "integer range": "N", "int range": "N", "float": "X",
             "float range": "X", "path": "FILE", "file": "FILE", "text": "TEXT"}


class _Command(TyperCommand):
    """A command whose help reads like other Unix tools'.

    Options without a metavar get ``N``, ``FILE`` or ``TEXT`` (not ``<int range>``,
    ``<path>``, ``<str>``), choices are listed as declared (``[GR|CO|PR…]``, the
    case the documentation uses; any case is accepted), and required arguments show
    as ``ID``, not ``{ID}``.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if not isinstance(param, TyperOption) or param.is_flag or param.metavar is not None:
                continue
            if isinstance(param.type, TyperChoice):
                param.metavar = "[" + "|".join(str(c) for c in param.type.choices) + "]"
            else:
                param.metavar = _METAVARS.get(param.type.name, (param.name or "value").upper())

    def collect_usage_pieces(self, ctx: ClickContext) -> list[str]:
        """The usage line's pieces, required arguments without Typer's braces."""
        return [re.sub(r"^\{(.*)\}$", r"\1", piece) for piece in super().collect_usage_pieces(ctx)]


class _Typer(typer.Typer):
    """The app: every command is a :class:`_Command` unless it says otherwise."""

    def command(self, *args: Any, cls: type[TyperCommand] | None = None, **kwargs: Any) -> Any:
        """Register a command (see :meth:`typer.Typer.command`)."""
        return super().command(*args, cls=cls or _Command, **kwargs)


app = _Typer(
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
#: The map as a positional argument, for the commands about a whole map (they take -m too).
MapArg = Annotated[Path | None, typer.Argument(
    metavar="[MAP]", help="Map file (.yaml/.json, .argdown, .aif.json). Default: $ARGMAP_MAP, else the shipped "
    "map. Or give it with -m.", show_default=False)]
#: ``-m/--map``: every command that reads a map takes it. A list, so that naming two maps is refused
#: rather than the last one silently winning (see :func:`resolve_map`).
MapOpt = Annotated[list[Path] | None, typer.Option(
    "--map", "-m", metavar="MAP", help="Map file. Default: $ARGMAP_MAP, else the shipped map.", show_default=False)]
#: ``--speaker-from``: for every command that reads a map, passed to the reader (Argdown only).
SpeakerFromOpt = Annotated[SpeakerFrom | None, typer.Option(
    "--speaker-from", case_sensitive=False,
    help="Argdown input: where a claim's speaker comes from when its data does not say: its "
    "{speaker: ID} data (default), its #tag, or the heading it is under.", show_default=False)]
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
            print_problems(exc.errors)  # which names the flags (in_flags)
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
        finally:
            _thaw()

    return wrapper  # type: ignore[return-value]


_PARAMETER = re.compile(r"`([A-Za-z_][A-Za-z0-9_]*)`")


def in_flags(error: ArgmapError) -> ArgmapError:
    """Name the running command's flags where *error* names the library's parameters.

    Library messages and hints name a parameter in backquotes (``lower `max_depth```);
    when the command being run has the matching option (``--max-depth``: the same
    name with dashes), the flag replaces it, so the CLI speaks of its flags and the
    library of its parameters. Returns *error*, changed in place.

    Other names in messages -- a file's keys, such as Argdown's ``speakers:`` data --
    are written with their colon (or in quotes), so they are never taken for a
    parameter; ``tests/test_cli_app.py`` checks that every backquoted name that some
    command could swap is a parameter meant.

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
        if keyword.iskeyword(match.group(1)):  # `from` is a map's key, never a parameter
            return match.group(0)
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
        err(problem_line(in_flags(problem)))


def usage_error(message: str) -> ClickUsageError:
    """A usage error of the running command (printed with its usage line, exit status 2)."""
    return ClickUsageError(message, ctx=get_current_context(silent=True))


def not_a_map(amap: ArgumentMap, *words: str | None) -> None:
    """Refuse a claim id that is the name of a map file (``argmap why map.yaml``), naming ``-m``."""
    for word in words:
        if word and word.lower().endswith(MAP_SUFFIXES) and not amap.has_claim(word) \
                and not amap.has_argument(word):
            raise usage_error(f"{word!r} is not a claim of the map; to name the map, write -m {word}")


def complete_ids(ctx: typer.Context, args: list[str], incomplete: str) -> list[str]:
    """Shell completion for a claim or argument id: the ids of the map named so far.

    The map is the one the command line names (``MAP`` or ``-m``; *args* are the
    words typed so far, read when Click has not parsed them yet), else
    ``$ARGMAP_MAP``, else the shipped map; ``--from`` and ``--speaker-from`` apply.
    A map that does not load completes nothing rather than breaking the shell.
    """
    params = ctx.params
    positional, option = params.get("map_path"), params.get("map_opt")
    if isinstance(positional, (list, tuple)):  # the claim commands call their -m list map_path
        positional, option = None, positional
    named = ([positional] if positional else []) + list(option or [])
    if not named:  # Click leaves a positional unparsed before an option being completed
        import shlex

        typed = os.environ.get("COMP_WORDS") or os.environ.get("_TYPER_COMPLETE_ARGS") or ""
        try:
            words = [*args, *shlex.split(typed)]
        except ValueError:  # an open quote in what is being typed
            words = [*args, *typed.split()]
        after_m = [b for a, b in zip(words, words[1:]) if a in ("-m", "--map")]
        named = after_m or [w for w in words if w.lower().endswith(MAP_SUFFIXES)]
    try:
        from ..api import load

        path = Path(named[0]) if named else resolve_map()
        options = {"speaker_from": SpeakerFrom(params["speaker_from"]).value} if params.get("speaker_from") else {}
        amap = load(path, params.get("fmt") or params.get("from_fmt"), **options)
    except Exception:  # noqa: BLE001 - completion must never print a traceback into the shell
        return []
    return [i for i in [*(c.id for c in amap.claims), *(a.id for a in amap.arguments)] if i.startswith(incomplete)]


def resolve_map(path: Path | None = None, option: list[Path] | None = None) -> Path:
    """The map to work on: *path* or ``-m`` (*option*), else ``$ARGMAP_MAP``, else the shipped map.

    Raises a usage error (exit 2) when the map is named more than once, as
    ``MAP`` and ``-m``, or with ``-m`` twice.
    """
    named = ([path] if path is not None else []) + list(option or [])
    if len(named) > 1:
        shown = " and ".join(f"-m {p}" if k >= (path is not None) else str(p) for k, p in enumerate(named))
        times = "twice" if len(named) == 2 else f"{len(named)} times"
        raise usage_error(f"the map is named {times} ({shown}); name it once, as MAP or with -m MAP")
    if named:
        return named[0]
    env = os.environ.get("ARGMAP_MAP")
    if env:
        return Path(env)
    from ..api import shipped_map_path

    return shipped_map_path()


def reader_options(path: Path, fmt: str | None, speaker_from: SpeakerFrom | str | None = None) -> dict[str, Any]:
    """The reader options the command line gave, checked against the map's format.

    Raises a usage error naming ``--speaker-from`` when the format's reader does not
    take it (only Argdown's does); the library's own check
    (:meth:`argmap.formats.Format.reader_options`) names the parameter instead.
    """
    from ..formats import for_path

    options: dict[str, Any] = {}
    if speaker_from is not None:
        try:
            fmt_ = for_path(path, fmt, verb="loads")
        except ArgmapError:
            fmt_ = None  # the reader reports the unknown format
        if fmt_ is not None and not fmt_.takes("speaker_from"):
            raise typer.BadParameter(f"applies to Argdown input only, and {path} is read as {fmt_.name} "
                                     "(a native map names each claim's speaker)", param_hint="--speaker-from")
        options["speaker_from"] = SpeakerFrom(speaker_from).value
    return options


def load_map(path: Path | None, fmt: str | None = None, *, strict: bool = False,
             speaker_from: SpeakerFrom | str | None = None, **options: Any) -> ArgumentMap:
    """Resolve and load the map (see :func:`resolve_map`), printing what reading lost.

    *speaker_from* (``--speaker-from``) goes to the reader, after
    :func:`reader_options` has checked that the format takes it. For the formats
    whose readers report (Argdown, AIF), each skipped part and each kind of
    information not kept is printed on stderr as ``file:line:col: warning: …``;
    with *strict* the first one is an error instead.
    """
    from ..api import load
    from ..formats import for_path

    path = resolve_map(path)
    options.update(reader_options(path, fmt, speaker_from))
    lost: list[ArgmapError] = []
    try:
        reports = for_path(path, fmt, verb="loads").reports
    except ArgmapError:
        reports = False  # the reader says what is wrong (a folder, an unknown suffix)
    if reports:
        options.update(strict=strict, warnings=lost)
    amap = load(path, format=fmt, **options)
    _freeze()
    print_warnings(lost)
    return amap


_frozen = [False]


def _freeze() -> None:
    """Exempt what exists now (the loaded map) from the garbage collector's passes, until the command ends.

    The map lives until the command returns; a map of 10⁵ claims is 10⁶ objects, and
    every full collection while the command works would walk them all again (it
    doubled the time of `compare` at that size). Reference counting still frees them.
    """
    if not _frozen[0]:
        gc.freeze()
        _frozen[0] = True


def _thaw() -> None:
    """Undo :func:`_freeze` when the command ends (the test suite runs many commands in one process)."""
    if _frozen[0]:
        gc.unfreeze()
        _frozen[0] = False


def print_warnings(lost: list[ArgmapError]) -> None:
    """Print what a reader skipped or could not keep, one located ``warning:`` line each."""
    for w in lost:
        where = f"{w.location}: " if w.location else "argmap: "
        w = in_flags(w)
        err(f"{where}warning: {w.message}" + (f" ({w.hint})" if w.hint else ""))


def print_json(data: Any) -> None:
    """Print *data* as indented JSON on stdout (UTF-8, non-ASCII kept, no raw control character)."""
    from ._text import json_text

    typer.echo(json_text(data, indent=2))
