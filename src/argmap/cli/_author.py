"""CLI commands for writing maps: quote, schema, init."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._app import (
    MAP_SUFFIXES,
    JsonOpt,
    MapOpt,
    SpeakerFromOpt,
    app,
    echo,
    load_map,
    print_json,
    resolve_map,
    run,
    usage_error,
)

__all__ = ["quote", "schema", "init", "edit"]


@app.command()
@run
def quote(
    source: Annotated[str, typer.Argument(
        metavar="SOURCE",
        help="A text file, or the id of a source of the map (-m, $ARGMAP_MAP, else the shipped map).")],
    words: Annotated[list[str], typer.Argument(
        metavar="WORDS...", help="The words as you remember them (several arguments are joined by spaces).")],
    map_path: MapOpt = None,
    speaker_from: SpeakerFromOpt = None,
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

    last = words[-1]
    if len(words) > 1 and last.lower().endswith(MAP_SUFFIXES) and Path(last).is_file():
        raise usage_error(f"the last word, {last}, is a map file; to name the map, write -m {last}")
    amap = None
    if not Path(source).is_file() and (map_path or not Path(source).exists()):
        # a source id of this map, $ARGMAP_MAP or the shipped map
        amap = load_map(resolve_map(None, map_path), speaker_from=speaker_from)
    path, span = quote_source(source, " ".join(words), amap)
    if as_json:
        print_json({"source": str(path), **span.as_dict()})
        return
    echo(f"quote: {yaml_scalar(span.quote)}")
    if span.count > 1:
        echo(f"occurrence: {span.occurrence}")
    how = "exact" if span.exact else f"close match, {int(span.similarity * 100)}% similar"
    times = "once" if span.count == 1 else f"{span.count} times"
    echo(f"# {path}:{span.line}:{span.column} ({how}; occurs {times})")


@app.command()
@run
def schema(
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the schema to this file instead of stdout.", show_default=False)] = None,
) -> None:
    """Print the JSON Schema of the map format, for editors' YAML and JSON plugins.

    Save it beside your maps and name it in the map's first line, for the YAML
    language server (VS Code's YAML extension, Neovim, Helix, Emacs lsp-mode):
    `# yaml-language-server: $schema=argmap.schema.json`. The schema checks keys,
    kinds and value types as you type; `argmap check` checks the rest (ids,
    references, quotes). See docs/format.md.

    Example: argmap schema -o argmap.schema.json
    """
    import json

    from ..schema import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False)
    if output is None:
        echo(text)
        return
    from .._files import atomic_write

    atomic_write(output, text + "\n")
    echo(f"wrote {output}")


@app.command()
@run
def init(
    sources: Annotated[list[Path], typer.Argument(metavar="SOURCE...", help="The source texts (UTF-8).")],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="MAP", help="The map file to write (.yaml); -m MAP says the same.",
        show_default=False)] = None,
    map_opt: Annotated[list[Path] | None, typer.Option(
        "--map", "-m", metavar="MAP", help="The map file to write, as with -o.", show_default=False)] = None,
    speakers: Annotated[list[str] | None, typer.Option(
        "--speaker", metavar="ID[=NAME]", help="A speaker (repeat for several). Default: the names that "
        "open transcript lines (`Ann: ...`), else one speaker per text.", show_default=False)] = None,
    title: Annotated[str | None, typer.Option("--title", metavar="TEXT", help="The map's title (default: the first "
                                              "text's name).", show_default=False)] = None,
    with_schema: Annotated[bool, typer.Option(
        "--schema", help="Also write the JSON Schema beside the map and name it in the map's first line.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing map.")] = False,
) -> None:
    """Write a starting map: the sources with their SHA-256, and the speakers.

    Source paths are written relative to the map's folder, so the map must lie in
    the folder of its texts or above it. The map has no claims yet: add them with
    `argmap edit MAP` (select words in the text), or with `argmap quote` and an editor.

    Example: argmap init debate/ann.txt debate/bob.txt -o debate/map.yaml --speaker ann=Ann --speaker bob=Bob
    """
    from ..scaffold import write_starting_map

    named = ([output] if output is not None else []) + list(map_opt or [])
    if not named:  # $ARGMAP_MAP is not used: init must not write over a map it was not named
        raise usage_error("name the map to write: -o MAP (or -m MAP)")
    output = resolve_map(None, named)  # refuses a map named twice
    written = write_starting_map(sources, output, speakers, title, with_schema, force)
    from ..api import load

    amap = load(output)
    echo(f"wrote {', '.join(str(w) for w in written)} ({_count(len(amap.sources), 'source')}, "
         f"{_count(len(amap.speakers), 'speaker')}: {', '.join(s.id for s in amap.speakers)})")


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


@app.command()
@run
def edit(
    map_path: Annotated[Path | None, typer.Argument(
        metavar="[MAP]", help="The map file to edit (.yaml, .yml or .json). Default: $ARGMAP_MAP. "
        "Or give it with -m.", show_default=False)] = None,
    map_opt: Annotated[list[Path] | None, typer.Option(
        "--map", "-m", metavar="MAP", help="The map file to edit, as an option.", show_default=False)] = None,
    port: Annotated[int, typer.Option("--port", min=0, max=65535,
                                      help="Port on 127.0.0.1 (0: a random free one).")] = 0,
    browser: Annotated[bool, typer.Option("--browser/--no-browser",
                                          help="Open the page in the web browser.")] = True,
) -> None:
    """Edit a map in the browser: select words in the text to make a claim, link, edit, delete.

    Serves the interactive page on 127.0.0.1 (a random port unless --port) with a
    token made for this run; requests without it, or from other sites, are refused.
    Prints the page's URL (token included) as the first line on stdout, opens it
    unless --no-browser, and serves until interrupted (Ctrl-C). Every change is
    written to the map file at once, atomically, keeping its comments and layout,
    and re-checked: the page lists the problems `argmap check` finds. The page also
    reloads itself when the map or its sources are saved by another program.

    Example: argmap edit debate/map.yaml
    """
    import os
    import sys

    from ..server import EditServer

    if map_path is None and not map_opt and not os.environ.get("ARGMAP_MAP"):
        from ..errors import ArgmapError  # never the shipped map: edit writes

        raise ArgmapError("name the map to edit", hint="argmap edit MAP (start one with argmap init)")
    chosen = resolve_map(map_path, map_opt)
    if not chosen.is_file():
        from ..errors import ArgmapError

        raise ArgmapError("no such map file", path=chosen, hint="start one with argmap init SOURCE... -o MAP")
    server = EditServer(chosen, port=port)
    echo(server.url)
    sys.stdout.flush()
    if browser:
        import webbrowser

        webbrowser.open(server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server._httpd.server_close()
