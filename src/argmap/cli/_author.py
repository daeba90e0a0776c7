"""CLI commands for writing maps: quote, schema, init."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._common import JsonOpt, MapOpt, app, echo, print_json, resolve_map, run

__all__ = ["quote"]


@app.command()
@run
def quote(
    source: Annotated[str, typer.Argument(
        metavar="SOURCE", help="A text file, or the id of a source of the map (-m, $ARGMAP_MAP, else the shipped map).")],
    words: Annotated[list[str], typer.Argument(
        metavar="WORDS...", help="The words as you remember them (several arguments are joined by spaces).")],
    map_path: MapOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Find the span of a source that some words mean, ready to paste as a quote.

    Spacing, line breaks, case, straight or curly quote marks, dashes and small
    misspellings may differ from the source: the words are matched as tokens and the
    closest span wins. Prints `quote: "..."` (a YAML scalar with the exact characters,
    line breaks as \\n), an `occurrence:` line when the span occurs more than once, and a
    comment with file:line:col and how close the match is. --json prints
    {quote, start, end, line, column, similarity, count, occurrence} where quote equals
    text[start:end]. Exit 1 when no span is similar enough.

    Example: argmap quote sources/essay.txt "childern cant be mocked"
    """
    from ..quoting import quote_source, yaml_scalar

    if map_path is None and not Path(source).exists():
        map_path = resolve_map(None)   # a source id of $ARGMAP_MAP or the shipped map
    path, span = quote_source(source, " ".join(words), map_path)
    if as_json:
        print_json({"source": str(path), **span.as_dict()})
        return
    echo(f"quote: {yaml_scalar(span.quote)}")
    if span.count > 1:
        echo(f"occurrence: {span.occurrence}")
    how = "exact" if span.exact else f"close match, {int(span.similarity * 100)}% similar"
    times = "once" if span.count == 1 else f"{span.count} times"
    echo(f"# {path}:{span.line}:{span.column} ({how}; occurs {times})")
