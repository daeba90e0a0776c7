"""CLI commands that draw a map: ``argmap render`` (Graphviz) and ``argmap html``."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..vocabulary import DiagramFormat, GroupBy, RankDir
from ._app import (
    FromOpt,
    MapArg,
    MapOpt,
    OptionalSemanticsOpt,
    SpeakerFromOpt,
    SupportOpt,
    SupportReading,
    app,
    complete_ids,
    echo,
    load_map,
    reader_options,
    resolve_map,
    run,
)

__all__ = ["render", "html"]


class Status(str, Enum):
    """Statuses that can be shown without a semantics."""

    unattacked = "unattacked"


OutOpt = Annotated[Path, typer.Option(
    "--output", "-o", metavar="FILE", help="File to write; the suffix picks the format (.svg .png .pdf .dot). "
    "`-` writes to stdout (the format from --format, default svg).",
    show_default=False)]
HtmlOutOpt = Annotated[Path, typer.Option("--output", "-o", metavar="FILE", help="The HTML file to write.",
                                          show_default=False)]
RankDirOpt = Annotated[RankDir, typer.Option(
    "--rankdir", case_sensitive=False,
    help="auto: the direction that fits a screen or page best. TB: reasons above, "
         "conclusions below. LR: reasons left, conclusions right.")]


WatchOpt = Annotated[bool, typer.Option(
    "--watch", help="Draw again on every save of the map or its sources, until interrupted.")]


@app.command()
@run
def render(
    output: OutOpt,
    map_path: MapArg = None,
    map_opt: MapOpt = None,
    fmt: Annotated[DiagramFormat | None, typer.Option(
        "--format", "-f", case_sensitive=False,
        help="Output format when the suffix does not say.", show_default=False)] = None,
    group_by: Annotated[GroupBy, typer.Option(
        "--group-by", case_sensitive=False,
        help="none: the speaker is shown by colour and name in each box, so each answer sits "
             "next to what it answers. speaker: a titled box per speaker.")] = GroupBy.none,
    status: Annotated[Status | None, typer.Option(
        "--status", case_sensitive=False,
        help="Fill the claims nobody attacks.", show_default=False)] = None,
    semantics: OptionalSemanticsOpt = None,
    support: SupportOpt = SupportReading.none,
    speaker: Annotated[str | None, typer.Option(
        "--speaker", metavar="ID", help="Draw only this speaker's claims and what they touch.",
        show_default=False)] = None,
    focus: Annotated[str | None, typer.Option(
        "--focus", metavar="ID", autocompletion=complete_ids, show_default=False,
        help="Draw only the neighbourhood of this claim (see --depth).")] = None,
    depth: Annotated[int, typer.Option(
        "--depth", min=0, help="How many relations away from --focus to draw.")] = 2,
    rankdir: RankDirOpt = RankDir.auto,
    legend: Annotated[bool, typer.Option("--legend/--no-legend", help="Draw the legend.")] = True,
    from_fmt: FromOpt = None,
    speaker_from: SpeakerFromOpt = None,
    watch: WatchOpt = False,
) -> None:
    """Draw the map with Graphviz: SVG, PNG, PDF, or the DOT text itself.

    Speakers are told apart by colour and by name in each claim (`--group-by
    speaker` adds a box each); theses have a double border; support is a thin green
    arrow, attack a thick red line ending in a bar; linked premises meet at a dot
    before their arrow, and an undercut (purple, double bar) hits that dot.
    `--status unattacked` or `--semantics GR|CO|PR|ST…` fills claims by status, in
    plain words. `--focus`/`--speaker` draw a part and mark claims with relations
    left out.
    SVG, PNG and PDF need Graphviz (bundled with the pygraphviz wheel; a `dot` on
    PATH or $ARGMAP_DOT also works); `.dot` needs nothing. On failure nothing is
    written and the exit status is 1.

    Example: argmap render maps/enhanced-cooperation.yaml -o map.svg --semantics GR
    """
    from ..drawing import diagram_options
    from ..render import write

    path = resolve_map(map_path, map_opt)
    read = reader_options(path, from_fmt, speaker_from)

    def draw() -> None:
        amap = load_map(path, from_fmt, speaker_from=speaker_from)
        options = dict(group_by=group_by.value,
                       **diagram_options(amap, semantics.value if semantics else None, support.value,
                                         status=status.value if status else None),
                       speaker=speaker, focus=focus, depth=depth, rankdir=rankdir.value, legend=legend)
        if str(output) == "-":
            import sys

            from ..render import render as render_bytes

            sys.stdout.buffer.write(render_bytes(amap, fmt.value if fmt else "svg", **options))
            sys.stdout.flush()
            return
        drawn = write(amap, output, fmt.value if fmt else None, **options)
        echo(f"wrote {output} ({drawn.summary()})")

    if watch and str(output) == "-":
        raise typer.BadParameter("--watch needs a file to write, not -", param_hint="--output")
    if not watch:
        draw()
        return
    from ._live import watch_map

    watch_map(path, from_fmt, "render", draw, read)



@app.command()
@run
def html(
    output: HtmlOutOpt,
    map_path: MapArg = None,
    map_opt: MapOpt = None,
    semantics: OptionalSemanticsOpt = None,
    support: SupportOpt = SupportReading.none,
    status: Annotated[Status | None, typer.Option(
        "--status", case_sensitive=False,
        help="Colour the claims nobody attacks (when no --semantics is given).",
        show_default=False)] = None,
    rankdir: RankDirOpt = RankDir.auto,
    from_fmt: FromOpt = None,
    speaker_from: SpeakerFromOpt = None,
    watch: Annotated[bool, typer.Option(
        "--watch", help="Write the page again on every save of the map or its sources, and serve "
        "a copy on 127.0.0.1 that reloads itself (its URL is printed first), until interrupted.")] = False,
) -> None:
    """Write one self-contained, offline HTML page: the diagram beside the source texts.

    Every claim's quote is highlighted in its speaker's colour, with its id. The
    diagram opens on the theses and what answers them; `--semantics` colours it by
    status and heads the page with a verdict per speaker. Click a claim (or Tab to it
    and press Enter) to zoom to it, mark its quote and see its details; click a quote
    to select its claim; search by id or words. "What if": switch a claim off and
    the grounded statuses are recomputed in the page. Filters by speaker, by status,
    and for the claims that answer another speaker. The page loads nothing from the
    network.

    Example: argmap html maps/enhanced-cooperation.yaml -o map.html --semantics GR
    """
    from ..drawing import page_options
    from ..render.html import to_html, write_html

    def options(amap: Any) -> dict[str, Any]:
        return dict(**page_options(amap, semantics.value if semantics else None, support.value,
                                   status=status.value if status else None), rankdir=rankdir.value)

    path = resolve_map(map_path, map_opt)
    read = reader_options(path, from_fmt, speaker_from)

    def page() -> None:
        amap = load_map(path, from_fmt, speaker_from=speaker_from)
        drawn = write_html(amap, output, **options(amap))
        echo(f"wrote {output} ({drawn.summary()})")

    if not watch:
        page()
        return
    import sys

    from ..server import EditServer
    from ._live import watch_map

    server = EditServer(path, editing=False, fmt=from_fmt, read_options=read,
                        build=lambda amap: to_html(amap, **options(amap))).start()
    echo(f"{server.url}  (this copy reloads itself on every save)")
    sys.stdout.flush()
    try:
        watch_map(path, from_fmt, "html", page, read)
    finally:
        server.stop()
