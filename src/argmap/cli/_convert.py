"""CLI command ``argmap convert``: between map formats, saying what the target cannot hold.

Library behind it: :func:`argmap.formats.convert` (target, losses, ``strict``, writing
and carrying the source texts); reading is :func:`argmap.cli._app.load_map`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ._app import FromOpt, MapArg, MapOpt, SpeakerFromOpt, app, err, load_map, resolve_map, run

__all__ = ["convert"]


def _format_names(writable: bool) -> str:
    from ..formats import names

    return ", ".join(names("dumps" if writable else "loads"))


@app.command()
@run
def convert(
    map_path: MapArg = None,
    map_opt: MapOpt = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE", help="Write here (atomically); the format comes from --to, else the suffix. "
        "Default: print on stdout (then --to is required).", show_default=False)] = None,
    from_: FromOpt = None,
    to: Annotated[str | None, typer.Option(
        "--to", metavar="FORMAT", help="Output format: json, yaml, argdown, aif, graphml, nodelink, iccma, apx, tgf.",
        show_default=False)] = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Fail (exit 1, nothing written) if the output format cannot hold "
        "everything in the map, or if reading the input skipped or lost anything.")] = False,
    speaker_from: SpeakerFromOpt = None,
) -> None:
    """Convert a map to another format (stdout when no -o).

    Formats, by name and suffix: json (.json) and yaml (.yaml), argmap's own;
    argdown (.argdown); aif (.aif.json); graphml (.graphml) and nodelink
    (.nodelink.json), write only; and the attack-graph formats iccma, apx, tgf.
    `--to json` prints the native schema with the derived start/end of each claim.

    What the output format cannot hold is listed on stderr, one line per kind of
    loss with counts, and so is what reading an Argdown or AIF input skipped or could
    not keep (file:line:col: warning: …); --strict turns any loss into an error. Written into another
    folder, a map takes its source texts along (copied to the same relative paths
    next to it), so the export loads there and after that folder is moved.
    docs/formats.md says per format what is read, written and lost.

    Example: argmap convert maps/enhanced-cooperation.yaml --to argdown -o map.argdown
    """
    from .. import formats
    from ..errors import ConversionError

    path = resolve_map(map_path, map_opt)
    if from_ is not None and from_.lower() not in formats.FORMATS:
        raise typer.BadParameter(f"unknown format {from_!r}; readable formats: {_format_names(False)}",
                                 param_hint="--from")
    if to is not None and to.lower() not in formats.FORMATS:
        raise typer.BadParameter(f"unknown format {to!r}; writable formats: {_format_names(True)}",
                                 param_hint="--to")
    if to is None and output is None:
        raise typer.BadParameter("say which format to print, e.g. --to json (or give -o FILE)",
                                 param_hint="--to")
    amap = load_map(path, from_, strict=strict, speaker_from=speaker_from)
    try:
        done = formats.convert(amap, to, output=output, strict=strict, keep=(path,))
    except ConversionError as exc:
        _print_losses(formats.for_path(output or "", to).name, exc.losses)
        raise
    _print_losses(done.target.name, done.losses)
    if done.output is None:
        if sys.stdout.isatty():  # a terminal acts on control characters; a pipe gets the data
            from ._text import printable

            _print([printable(done.text)])
        else:
            _print(done.chunks)
        return
    err(f"argmap: wrote {done.output} ({done.target.name})")
    for destination in done.copied:
        err(f"argmap: copied the source text {destination} (the export refers to it)")


#: How much of a long output is encoded and written at once (characters).
_CHUNK = 1 << 22


def _print(chunks: list[str]) -> None:
    """``typer.echo("".join(chunks), nl=False)``, the same bytes, for outputs of 100 MB too.

    Without an ESC character there is no terminal code for the echo to strip from a
    pipe, so the pieces are written to the echo's stream as they are, one after the
    other and a long one in slices of :data:`_CHUNK` characters: the stream encodes
    one slice at a time, and the output is never joined into one string nor copied
    into one bytes object.
    """
    if not any(chunks) or any("\x1b" in chunk for chunk in chunks):
        typer.echo("".join(chunks), nl=False)
        return
    from typer._click.utils import _default_text_stdout

    stream = _default_text_stdout()
    if stream is None:  # no standard output (as typer.echo: nothing to write to)
        return
    for chunk in chunks:
        if len(chunk) <= _CHUNK:
            stream.write(chunk)
            continue
        for start in range(0, len(chunk), _CHUNK):
            stream.write(chunk[start:start + _CHUNK])
    stream.flush()


def _print_losses(target: str, lost: list[str]) -> None:
    for line in lost:
        err(f"argmap: {target} cannot hold: {line}")
