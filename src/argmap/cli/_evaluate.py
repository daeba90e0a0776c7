"""CLI commands that evaluate a map or a framework: status, extensions, explain.

Each command parses its options, calls one function of :mod:`argmap.evaluation`
and prints. The solver is imported only when a framework needs it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:  # pragma: no cover
    from ..af import AF
    from ..model import ArgumentMap

from .. import progress
from ..vocabulary import Label, SpeakerFrom
from ._app import (
    FromOpt,
    JsonOpt,
    MapArg,
    MapOpt,
    Semantics,
    SemanticsOpt,
    SpeakerFromOpt,
    SupportOpt,
    SupportReading,
    app,
    complete_ids,
    echo,
    err,
    load_map,
    not_a_map,
    print_json,
    resolve_map,
    run,
)
from ._text import count as count_words
from ._text import json_text, wrap

__all__ = ["status", "extensions", "explain"]

# JSON with more names than this is printed compactly (still one JSON document)
_INDENT_UP_TO = 10_000


@app.command()
@run
def status(
    map_path: MapArg = None,
    map_opt: MapOpt = None,
    semantics: SemanticsOpt = Semantics.GR,
    support: SupportOpt = SupportReading.none,
    claim: Annotated[str | None, typer.Option(
        "--claim", "-c", metavar="ID", autocompletion=complete_ids, show_default=False,
        help="Decide one claim only (ICCMA DC/DS), with a witness or counter-example extension.")] = None,
    fmt: FromOpt = None,
    speaker_from: SpeakerFromOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Every claim's status under a semantics: in/out/undec for GR;
    skeptical/credulous/rejected for the others.

    JSON: {"semantics": "GR", "support": "none", "status": {"E1": "in", ...}}; with
    --claim, the claim's credulous and skeptical acceptance and the extensions that
    show them.

    Example: argmap status maps/enhanced-cooperation.yaml -s PR --support necessary
    """
    amap = load_map(resolve_map(map_path, map_opt), fmt, speaker_from=speaker_from)
    if claim is not None:
        from ..evaluation import claim_acceptance

        answer = claim_acceptance(amap, claim, semantics.value, support.value)
        if as_json:
            print_json(answer.to_dict())
            return
        echo(f"{claim} under {semantics.value} (support reading: {support.value}): "
             f"{answer.status}")
        echo(f"  credulously accepted: {'yes' if answer.credulous else 'no'}")
        if answer.witness is not None:
            echo(wrap("{" + ", ".join(answer.witness) + "}", "      ", "    witness: "))
        echo(f"  skeptically accepted: {'yes' if answer.skeptical else 'no'}")
        if answer.counterexample is not None:
            echo(wrap("{" + ", ".join(answer.counterexample) + "}", "      ",
                      "    counter-example: "))
        return
    from ..evaluation import statuses

    result = statuses(amap, semantics.value, support.value)
    if as_json:
        print_json({"semantics": semantics.value, "support": support.value, "status": result})
        return
    echo(f"{count_words(len(result), 'claim')} under {semantics.value} (support reading: {support.value})")
    grouped: dict[str, list[str]] = {}
    for cid, st in result.items():
        grouped.setdefault(st, []).append(cid)
    for label in Label.for_semantics(semantics):
        ids = grouped.get(label.value)
        if ids:
            echo(wrap(", ".join(ids), " " * 12, f"{label.value:10s}  "))


@app.command()
@run
def extensions(
    map_path: Annotated[Path | None, typer.Argument(
        metavar="[MAP|AF-FILE]", help="A map, or an abstract-framework file (.af/.i23 ICCMA, "
        ".apx, .tgf). Default: $ARGMAP_MAP, else the shipped map. Or give it with -m.",
        show_default=False)] = None,
    map_opt: Annotated[list[Path] | None, typer.Option(
        "--map", "-m", metavar="MAP|AF-FILE", help="The map or framework file, as an option.",
        show_default=False)] = None,
    semantics: SemanticsOpt = Semantics.PR,
    support: SupportOpt = SupportReading.none,
    count: Annotated[bool, typer.Option("--count", help="Print only the number of extensions.")]
    = False,
    limit: Annotated[int | None, typer.Option("--limit", "-n", min=0,
                                              help="Stop after N extensions (with --count: "
                                              "count up to N).",
                                              show_default=False)] = None,
    fmt: FromOpt = None,
    speaker_from: SpeakerFromOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The extensions of a map or of an abstract framework under a semantics.

    Extensions are printed as they are found; --limit stops the search after N
    (with --count, counting stops at N). Ctrl-C prints what was found so far. On a
    terminal a progress line on stderr shows the phase, the SAT calls and the
    extensions found (never with --json).

    JSON: {"semantics": "PR", "extensions": [["a", "b"], ...]} (with --count:
    {"semantics": "PR", "count": 2}). For ICCMA files the argument names are the
    numbers as strings. --support applies to maps only.

    Example: argmap extensions framework.af -s ST --count
    """
    from ..evaluation import count_extensions, map_extensions
    from ._progress import shown

    with shown(as_json) as state:
        source = _load_source(map_path, map_opt, fmt, speaker_from)
        if count:
            try:
                k = count_extensions(source, semantics.value, support.value, limit=limit)
            except KeyboardInterrupt:
                err("argmap: interrupted before the count was complete")
                raise typer.Exit(130) from None
            if as_json:
                data: dict[str, object] = {"semantics": semantics.value, "support": support.value, "count": k}
                if limit is not None:
                    data["limit"] = limit
                print_json(data)
            else:
                echo(str(k))
                if limit is not None and k >= limit:
                    err(f"argmap: stopped counting at --limit {limit}")
            return
        stream = map_extensions(source, semantics.value, support.value, limit=limit)
        if as_json:
            found: list[list[str]] = []
            interrupted = False
            try:
                for ext in stream:
                    found.append(ext)
                    if state is not None:
                        progress.found()
            except KeyboardInterrupt:
                interrupted = True
            data = {"semantics": semantics.value, "support": support.value, "extensions": found}
            if interrupted:
                data["interrupted"] = True
            if sum(len(e) for e in found) <= _INDENT_UP_TO:
                print_json(data)
            else:  # the indenting encoder is pure Python; a million names take seconds
                echo(json_text(data))
            if interrupted:
                err(f"argmap: interrupted after {count_words(len(found), 'extension')}")
                raise typer.Exit(130)
            return
        k = 0
        try:
            for ext in stream:  # printed as found
                k += 1
                progress.found()
                echo(wrap(", ".join(ext) if ext else "(empty)", "      ", f"{k:>4}  "))
        except KeyboardInterrupt:
            err(f"argmap: interrupted after {count_words(k, 'extension')}")
            raise typer.Exit(130) from None
        if not k:
            echo(f"no {semantics.value} extension")


def _load_source(path: Path | None, option: list[Path] | None, fmt: str | None,
                 speaker_from: SpeakerFrom | None) -> ArgumentMap | AF:
    """A framework file through the framework readers, anything else as a map."""
    from .. import formats

    chosen = resolve_map(path, option)
    if formats.is_framework(chosen, fmt):
        if speaker_from is not None:
            raise typer.BadParameter(f"applies to Argdown input only, not to the framework file {chosen}",
                                     param_hint="--speaker-from")
        return formats.read_af(chosen, fmt)
    return load_map(chosen, fmt, speaker_from=speaker_from)


@app.command()
@run
def explain(
    claim_id: Annotated[str, typer.Argument(metavar="ID", help="The claim to explain.",
                                            autocompletion=complete_ids)],
    map_path: MapOpt = None,
    semantics: SemanticsOpt = Semantics.GR,
    support: SupportOpt = SupportReading.none,
    fmt: FromOpt = None,
    speaker_from: SpeakerFromOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Why a claim is in, out or undecided, as a dialectical tree.

    Below an in claim: all its attackers (each out); below an out claim: the in
    claims that defeat it; below an undecided claim: its attackers that are not
    out. Derived attacks (under --support deductive or necessary) are named with the
    support chain behind them. A claim met again on its own branch is marked (cycle).

    Example: argmap explain E1 -m maps/enhanced-cooperation.yaml -s PR
    """
    from ..evaluation import explain as explain_claim
    from ..evaluation import format_explanation
    from ._text import width

    amap = load_map(resolve_map(None, map_path), fmt, speaker_from=speaker_from)
    not_a_map(amap, claim_id)
    result = explain_claim(amap, claim_id, semantics.value, support.value)
    if as_json:
        print_json(result.to_dict())
        return
    echo(format_explanation(result, amap, width(), full_list="--json lists them"))
