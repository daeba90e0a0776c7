"""CLI command ``argmap lint``: the reviewer's checks of :mod:`argmap.lint`."""

from __future__ import annotations

from typing import Annotated

import typer

from ._app import FromOpt, JsonOpt, MapArg, MapOpt, SpeakerFromOpt, app, echo, load_map, print_json, resolve_map, run
from ._text import count, table

__all__ = ["lint"]


@app.command()
@run
def lint(
    map_path: MapArg = None,
    map_opt: MapOpt = None,
    rules: Annotated[str | None, typer.Option(
        "--select", metavar="RULE,…", help="Run only these rules (comma-separated ids).",
        show_default=False)] = None,
    list_rules: Annotated[bool, typer.Option(
        "--rules", help="List the rules (id, level, what each finds) and exit.")] = False,
    fmt: FromOpt = None,
    speaker_from: SpeakerFromOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Check a map the way an expert reviewer would: self-defeat, contradictory stances,
    dangling claims, attacks on facts, quotes cut inside a word, notes quoting words the
    quotes lack.

    One line per finding, `file:line:col: rule: message (hint)`, then a summary. Exit
    status 1 when any finding is an error, 0 otherwise (warnings alone pass). A claim's
    `silence: {RULE: REASON}` in the map silences that rule for that claim;
    `--rules` lists the rules, `--select` runs some of them, `--json` prints data.

    Example: argmap lint maps/enhanced-cooperation.yaml --select self-defeat,attacks-fact
    """
    from ..lint import RULES, lint_report

    if list_rules:
        if as_json:
            print_json([{"id": r.id, "level": r.level, "summary": r.summary} for r in RULES.values()])
        else:
            echo(table(["rule", "level", "finds"], [[r.id, r.level, r.summary] for r in RULES.values()]))
        return
    path = resolve_map(map_path, map_opt)
    amap = load_map(path, fmt, speaker_from=speaker_from)
    selected = None if rules is None else [r.strip() for r in rules.split(",") if r.strip()]
    report = lint_report(amap, selected)
    if as_json:
        print_json(dict(report.to_dict(), map=str(path)))
    else:
        for finding in report.findings:
            echo(str(finding))
        errors, warnings = len(report.errors), len(report.warnings)
        silenced = f", {len(report.silenced)} silenced" if report.silenced else ""
        if report.findings:
            echo(f"{path}: {count(errors, 'error')}, {count(warnings, 'warning')}{silenced}")
        else:
            echo(f"{path}: ok ({len(selected or RULES)} rules{silenced})")
    if report.errors:
        raise typer.Exit(1)
