"""CLI commands about one map: check, show, uncontested, chain, why, compare.

Library behind each: ``check`` -> :func:`argmap.formats.check`; ``show`` ->
:func:`argmap.queries.describe`; ``uncontested`` -> :func:`argmap.evaluation.uncontested`
(:func:`argmap.queries.unattacked` + :func:`argmap.evaluation.survivors`); ``chain`` -> :func:`argmap.queries.chains`;
``why`` -> :func:`argmap.queries.reasons`; ``compare`` -> :func:`argmap.queries.compare`
(+ :func:`argmap.evaluation.compare_standing`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..queries import DEFAULT_TREE_DEPTH, DEFAULT_TREE_NODES, MAX_TREE_DEPTH
from ._app import (
    FromOpt,
    JsonOpt,
    MapArg,
    MapOpt,
    OptionalSemanticsOpt,
    SpeakerFromOpt,
    SupportOpt,
    SupportReading,
    app,
    complete_ids,
    echo,
    err,
    in_flags,
    load_map,
    not_a_map,
    print_json,
    print_problems,
    print_warnings,
    reader_options,
    resolve_map,
    run,
)
from ._text import single_spaced, table, width, wrap

if TYPE_CHECKING:  # pragma: no cover
    from pathlib import Path

    from ..model import ArgumentMap, Claim
    from ..queries import Chain, Comparison, Description

__all__ = ["check", "show", "uncontested", "chain", "why", "compare"]


@app.command()
@run
def check(
    map_path: MapArg = None,
    map_opt: MapOpt = None,
    fmt: FromOpt = None,
    speaker_from: SpeakerFromOpt = None,
    as_json: JsonOpt = False,
    fix: Annotated[bool, typer.Option(
        "--fix", help="Replace each quote that nearly matches by the exact characters of the nearest "
        "span of its source, in the map file (comments and layout kept), and say what changed.")] = False,
    watch: Annotated[bool, typer.Option(
        "--watch", help="Check again on every save of the map or its sources, until interrupted.")] = False,
) -> None:
    """Validate a map: schema, references, and every quote against its source.

    Exit status 0 when the map is sound, 1 with one `file:line:col: message` line
    per problem on stderr otherwise. Beyond what loading requires, a quote that
    occurs more than once without `occurrence:` and a source whose SHA-256 differs
    from the pinned one are reported as problems. A quote that does not occur is
    shown with the nearest span of its source and where it is; `--fix` writes
    those spans into the map (YAML or JSON), atomically. With `--watch` the check
    runs again on every save (stop with Ctrl-C).

    Example: argmap check map.yaml --fix
    """
    path = resolve_map(map_path, map_opt)
    options = reader_options(path, fmt, speaker_from)
    if fix and watch:
        raise typer.BadParameter("--fix and --watch together would rewrite the map while you edit it; "
                                 "run `argmap check MAP --fix` once, then `argmap check MAP --watch`",
                                 param_hint="--fix/--watch")
    if fix:
        _fix(path, as_json)
    if not watch:
        if _check_once(path, fmt, as_json, options):
            raise typer.Exit(1)
        return
    from ._live import watch_map

    def once() -> None:
        _check_once(path, fmt, as_json, options)

    watch_map(path, fmt, "check", once, options)


def _fix(path: Path, as_json: bool) -> None:
    from ..fixing import fix_quotes
    from ..quoting import yaml_scalar
    from ._text import count

    report = fix_quotes(path)
    say = err if as_json else echo
    for f in report.fixed:
        say(f"{path}:{f.line}:{f.column}: fixed the quote of claim {f.claim!r}: "
            f"{yaml_scalar(f.old)} -> {yaml_scalar(f.new or '')}" + (f" ({f.note})" if f.note else ""))
    for f in report.unfixed:
        near = (f" (the nearest span, {int(f.span.similarity * 100)}% similar, is at {f.span.line}:"
                f"{f.span.column} of the source)" if f.span is not None else "")
        say(f"{path}:{f.line}:{f.column}: left the quote of claim {f.claim!r}: no span is close enough{near}")
    if report.fixed:
        say(f"{path}: fixed {count(len(report.fixed), 'quote')}")


def _check_once(path: Path, fmt: str | None, as_json: bool, options: dict[str, Any]) -> bool:
    """Check and print; True when there are problems."""
    from ..errors import ArgmapError
    from ..formats import check as check_map
    from ..formats import for_path
    from ._text import count

    lost: list[ArgmapError] = []
    try:
        reports = for_path(path, fmt).reports
    except ArgmapError:
        reports = False  # check_map reports the unknown format
    checked = check_map(path, fmt, **options, **({"warnings": lost} if reports else {}))
    print_warnings(lost)
    problems = checked.problems
    if as_json:
        print_json({"map": str(path), "ok": not problems,
                    "problems": [in_flags(p).to_dict() for p in problems]})
    if problems:
        if not as_json:
            print_problems(problems)
            err(f"{path}: {count(len(problems), 'problem')}")
        return True
    if not as_json:
        amap = checked.map
        assert amap is not None
        quoted = sum(1 for c in amap.claims if c.quote is not None)
        echo(f"{path}: ok ({count(len(amap.claims), 'claim')}, {count(len(amap.relations), 'relation')}, "
             f"{count(len(amap.speakers), 'speaker')}; {count(quoted, 'quote')} located)")
    return False


@app.command()
@run
def show(
    node_id: Annotated[str | None, typer.Argument(autocompletion=complete_ids,
        metavar="[ID]", help="A claim or argument id; omit to list all claims.", show_default=False)] = None,
    map_path: MapOpt = None,
    fmt: FromOpt = None,
    speaker_from: SpeakerFromOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List the claims, or show one claim (quote, relations, status) or one argument.

    An argument is shown with its premises, conclusion, speaker, scheme and the claims
    that undercut it.

    Example: argmap show E1 -m maps/enhanced-cooperation.yaml
    """
    from ..queries import claim_record, describe

    amap = load_map(resolve_map(None, map_path), fmt, speaker_from=speaker_from)
    not_a_map(amap, node_id)
    if node_id is None:
        if as_json:
            print_json([claim_record(c) for c in amap.claims])
            return
        echo(table(["id", "speaker", "kind", "text"],
                   [[c.id, c.speaker, c.kind, c.text] for c in amap.claims]))
        return
    found = describe(amap, node_id)
    if as_json:
        print_json(found.to_dict())
        return
    if found.argument is not None:
        _show_argument(amap, found)
        return
    claim = found.claim
    assert claim is not None
    echo(f"{claim.id}  ({claim.kind}, {found.speaker.name})")
    echo(wrap(claim.text, "  "))
    if claim.quote is not None:
        where = ""
        if found.quote_line is not None:
            where = (f" [{claim.source} {found.quote_line}:{found.quote_column}, "
                     f"chars {claim.start}-{claim.end}]")
        echo(f"quote{where}:")
        echo(wrap(f"\u201c{claim.quote}\u201d", "  "))
    if claim.tags:
        echo("tags: " + ", ".join(claim.tags))
    for title, rels, key in (("reasons bearing on it", found.incoming, "from_id"),
                             ("it bears on", found.outgoing, "to_id")):
        if rels:
            echo(f"{title}:")
            for r in rels:
                target = getattr(r, key)
                sign = "+" if r.type == "support" else "-"
                if amap.has_argument(target):  # an undercut: the target is an argument
                    a = amap.argument(target)
                    echo(wrap(" + ".join(a.premises) + " => " + a.conclusion, "      ",
                              f"  {sign} argument {a.id} (undercut): "))
                else:
                    other = amap.claim(target)
                    echo(wrap(f"{other.text}", "      ", f"  {sign} {other.id} ({r.type}): "))
                if r.note:
                    echo(wrap(f"note: {r.note}", "      "))
    for title, args in (("arguments for it", found.concluding), ("premise of", found.premise_of)):
        if args:
            echo(f"{title}:")
            for a in args:
                echo(wrap(" + ".join(a.premises) + " => " + a.conclusion, "      ", f"  {a.id}: "))
    attackers = found.attackers
    echo("status: " + ("attacked by " + ", ".join(attackers) if attackers else "unattacked"))


def _show_argument(amap: ArgumentMap, found: Description) -> None:
    """The text form of ``argmap show ARGUMENT``."""
    a = found.argument
    assert a is not None
    kind = "linked argument" if len(a.premises) > 1 else "argument"
    echo(f"{a.id}  ({kind}, {found.speaker.name})")
    echo(wrap(" + ".join(a.premises) + " => " + a.conclusion, "  "))
    if a.scheme:
        echo(f"scheme: {a.scheme}")
    if a.note:
        echo(wrap(f"note: {a.note}", "  "))
    echo("premises:")
    for p in a.premises:
        echo(wrap(amap.claim(p).text, "      ", f"  {p}: "))
    echo("conclusion:")
    echo(wrap(amap.claim(a.conclusion).text, "      ", f"  {a.conclusion}: "))
    if found.incoming:
        echo("undercut by:")
        for r in found.incoming:
            echo(wrap(amap.claim(r.from_id).text, "      ", f"  - {r.from_id}: "))
            if r.note:
                echo(wrap(f"note: {r.note}", "      "))
    attackers = found.attackers
    echo("status: " + ("undercut by " + ", ".join(attackers) if attackers else "not undercut"))


@app.command()
@run
def uncontested(
    map_path: MapArg = None,
    map_opt: MapOpt = None,
    fmt: FromOpt = None,
    speaker_from: SpeakerFromOpt = None,
    semantics: OptionalSemanticsOpt = None,
    support: SupportOpt = SupportReading.none,
    as_json: JsonOpt = False,
) -> None:
    """Claims that nobody attacks; with --semantics, also the attacked claims that survive, and those that fall.

    Without --semantics, --json prints a list of {id, speaker, kind, text}, one per
    claim with no incoming attack (with "act" for a question or challenge, which
    nobody asserts and which stands only on an accepted reason). With --semantics it prints an object holding
    that list as "unattacked", as "surviving" the claims accepted under the
    semantics (grounded: labelled in; others: skeptically accepted), as
    "attacked_surviving" those of them that are attacked, and as "falling" the rest.

    Example: argmap uncontested maps/enhanced-cooperation.yaml --semantics PR
    """
    from ..evaluation import uncontested as find

    amap = load_map(resolve_map(map_path, map_opt), fmt, speaker_from=speaker_from)
    found = find(amap, None if semantics is None else semantics.value, support.value)
    if as_json:
        print_json(found.to_data())
        return
    plain = found.unattacked

    def rows(cs: list[Claim]) -> str:
        return table(["id", "speaker", "kind", "text"],
                     [[c.id, c.speaker, c.kind if c.act is None else f"{c.kind} ({c.act})", c.text] for c in cs])

    total = len(amap.claims)
    from ._text import count

    echo(f"{len(plain)} of {count(total, 'claim')} {'is' if len(plain) == 1 else 'are'} unattacked:" if plain
         else f"none of the {count(total, 'claim')} is unattacked")
    if plain:
        echo(rows(plain))
        unasserted = [c for c in plain if not c.asserted]
        if unasserted:
            one = len(unasserted) == 1
            echo(f"({count(len(unasserted), 'of them is', 'of them are')} only questioned or challenged: "
                 f"nobody asserts {'it' if one else 'them'}, so {'it stands' if one else 'they stand'} "
                 "only on an accepted reason)")
    if found.semantics is not None:
        # An unattacked assertion survives by definition (an unattacked question need not):
        # list what the semantics adds and what falls.
        kept, fall = found.attacked_surviving, found.falling
        under = f"under {found.semantics} (support reading: {found.support})"
        echo()
        echo(f"{count(len(kept), 'attacked claim')} {'survives' if len(kept) == 1 else 'survive'} every "
             f"attack {under}:" if kept else f"no attacked claim survives {under}")
        if kept:
            echo(rows(kept))
        echo()
        echo(f"{count(len(fall), 'claim')} {'falls' if len(fall) == 1 else 'fall'} {under}:" if fall
             else f"no claim falls {under}")
        if fall:
            echo(rows(fall))


@app.command()
@run
def chain(
    start: Annotated[str, typer.Argument(metavar="FROM", help="The claim the chains start at.",
                                         autocompletion=complete_ids)],
    end: Annotated[str | None, typer.Argument(metavar="[TO]", autocompletion=complete_ids,
                                              help="The claim they must reach (default: every thesis they reach).",
                                              show_default=False)] = None,
    map_path: MapOpt = None,
    fmt: FromOpt = None,
    speaker_from: SpeakerFromOpt = None,
    max_depth: Annotated[int, typer.Option("--max-depth", min=1,
                                           help="Longest chain, in relations.")] = 12,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Print at most this many chains.")] = 1000,
    as_json: JsonOpt = False,
) -> None:
    """Every chain of relations from one claim towards another, with its net polarity.

    An even number of attacks along a chain supports its end; an odd number attacks it.

    Example: argmap chain C1 -m maps/enhanced-cooperation.yaml
    """
    from ..queries import chains

    amap = load_map(resolve_map(None, map_path), fmt, speaker_from=speaker_from)
    not_a_map(amap, start, end)
    found: Iterator[Chain] = itertools.islice(chains(amap, start, end, max_depth=max_depth), limit + 1)
    more = False
    if as_json:
        listed = list(found)
        more = len(listed) > limit

        print_json({"from": start, "to": end, "max_depth": max_depth,
                    "chains": [c.to_dict() for c in listed[:limit]], "truncated": more})
        return
    goal = end if end is not None else "a thesis"
    count = 0
    for c in found:  # printed as found: a dense map can have very many chains
        if count == limit:
            more = True
            break
        count += 1
        steps = [c.path[0]]
        for k, (t, node) in enumerate(zip(c.types, c.path[1:])):
            if t == "argument":
                others = [p for p in c.premises[k] if p != c.path[k]]
                steps.append(("(+ " + " + ".join(others) + ") " if others else "")
                             + f"=={c.via[k]}=> " + node)
            elif t == "undercut":
                steps.append(f"--x[{c.via[k]}]-> " + node)
            else:
                steps.append(("--+-> " if t == "support" else "--x-> ") + node)
        echo(wrap(" ".join(steps), "      ", f"  {c.polarity:7s} "))
    if not count:
        if end is None and amap.claim(start).kind == "thesis":
            echo(f"{start} is a thesis itself; no chain leads from it to another thesis "
                 f"(name a target: argmap chain {start} TO)")
            return
        echo(f"no chain of at most {max_depth} relations leads from {start} to {goal}")
        return
    if more:
        echo(f"the first {count} chains from {start} to {goal}; there are more (raise --limit)")
    else:
        from ._text import count as counted

        echo(f"{counted(count, 'chain')} from {start} to {goal}")


@app.command()
@run
def why(
    claim_id: Annotated[str, typer.Argument(metavar="ID", help="The claim to explain.",
                                            autocompletion=complete_ids)],
    map_path: MapOpt = None,
    fmt: FromOpt = None,
    speaker_from: SpeakerFromOpt = None,
    max_depth: Annotated[int, typer.Option("--max-depth", min=0, max=MAX_TREE_DEPTH,
                                           help="Stop expanding below this depth.")] = DEFAULT_TREE_DEPTH,
    max_nodes: Annotated[int, typer.Option("--max-nodes", min=1,
                                           help="Stop adding reasons once the tree has this many nodes "
                                           "(it is built level by level).")] = DEFAULT_TREE_NODES,
    as_json: JsonOpt = False,
) -> None:
    """The tree of reasons for (+) and against (-) a claim, recursively.

    A claim met again on its own branch is shown once more, marked (cycle), and not
    expanded, so cyclic maps give finite trees. Claims left unexpanded by the depth
    or node bound are marked (...).

    Example: argmap why E1 -m maps/enhanced-cooperation.yaml --max-depth 2
    """
    from ..queries import reasons

    amap = load_map(resolve_map(None, map_path), fmt, speaker_from=speaker_from)
    not_a_map(amap, claim_id)
    tree = reasons(amap, claim_id, max_depth=max_depth, max_nodes=max_nodes)
    if as_json:
        print_json(tree.to_dict())
        return
    cut = False
    marks = {None: "", "support": "+ ", "attack": "- ", "argument": "+ ", "premise": "& ",
             "undercut": "-/ "}
    for depth, node in tree.walk():
        cut = cut or (node.truncated and depth < max_depth)
        c = node.claim
        mark = marks[node.relation]
        tail = " (cycle)" if node.repeated else (" (...)" if node.truncated else "")
        indent = "    " * depth
        if node.argument is not None:
            a = node.argument
            kind = "linked argument" if len(a.premises) > 1 else "argument"
            echo(wrap(f"{kind}: {' + '.join(a.premises)}{tail}", indent + "    ",
                      f"{indent}{mark}{a.id} [{amap.argument_speaker(a)}] "))
            continue
        echo(wrap(f"{c.text}{tail}", indent + "    ", f"{indent}{mark}{c.id} [{c.speaker}] "))
    if cut:
        echo(f"(the tree was cut at {max_nodes} nodes; raise --max-nodes or lower --max-depth)")


@app.command()
@run
def compare(
    map_path: MapArg = None,
    map_opt: MapOpt = None,
    fmt: FromOpt = None,
    speaker_from: SpeakerFromOpt = None,
    speakers: Annotated[str | None, typer.Option(
        "--speakers", metavar="A,B", help="Two speaker ids, A,B (default: the map's first two).",
        show_default=False)] = None,
    semantics: OptionalSemanticsOpt = None,
    support: SupportOpt = SupportReading.none,
    as_json: JsonOpt = False,
) -> None:
    """Two speakers side by side: A's claims that B attacks, supports or leaves alone,
    B's claims that answer nothing of A's, B's claims that A supports, and their shared
    ground (the supports both ways, counted). A claim its speaker
    only asks or challenges (act) is not that speaker's position: it is listed apart.

    With --semantics, also which of each speaker's claims stand with and without the
    other speaker's claims.

    Example: argmap compare maps/enhanced-cooperation.yaml --speakers essay,commenter
    """
    from ..queries import compare as compare_speakers

    a = b = None
    if speakers is not None:
        parts = [p.strip() for p in speakers.split(",")]
        if len(parts) != 2 or not all(parts):
            raise typer.BadParameter(f"takes two ids separated by a comma, not {speakers!r} "
                                     "(for example --speakers essay,commenter)", param_hint="--speakers")
        a, b = parts
    amap = load_map(resolve_map(map_path, map_opt), fmt, speaker_from=speaker_from)
    result = compare_speakers(amap, a, b)
    standing = None
    if semantics is not None:
        from ..evaluation import compare_standing

        standing = compare_standing(amap, result.a, result.b, semantics.value, support.value)
    if as_json:
        data = result.to_dict()
        if standing is not None:
            data["evaluation"] = standing.to_dict()
        print_json(data)
        return
    lines = _compare_lines(amap, result, width())
    if standing is not None:
        from ..evaluation import format_standing

        lines += ["", format_standing(standing, amap)]
    echo("\n".join(lines))


def _compare_lines(amap: ArgumentMap, result: Comparison, columns: int) -> list[str]:
    """The text of ``argmap compare`` (without the evaluation), one string per line or wrapped item."""
    name = {s.id: s.name for s in amap.speakers}
    text = {c.id: c.text for c in amap.claims}
    text.update((x.id, " + ".join(x.premises) + " => " + x.conclusion) for x in amap.arguments)
    A, B = name[result.a], name[result.b]

    lines: list[str] = []  # printed at once: one write instead of one per claim
    plain = single_spaced(text.values())  # then wrap() would not change a text's spaces

    def section(title: str, items: dict[str, list[str]] | list[str]) -> None:
        lines.append(f"{title} ({len(items)})")
        if not items:
            lines.append("  (none)")
        heads = ([f"  {cid} <- {', '.join(by)}: " for cid, by in items.items()] if isinstance(items, dict)
                 else [f"  {cid}: " for cid in items])
        # wrap()'s one-line case inline (10⁵ claims in all); the others through wrap()
        ones = [text[cid] for cid in items] if plain else [" ".join(text[cid].split()) for cid in items]
        lines.extend(head + one if one and len(head) + len(one) <= columns
                     else wrap(text[cid], "      ", head, columns) for cid, head, one in zip(items, heads, ones))
        lines.append("")

    section(f"{A}'s claims that {B} attacks", result.attacked)
    if amap.arguments:
        section(f"{A}'s arguments that {B} undercuts", result.undercut)
    section(f"{A}'s claims that {B} supports", result.supported)
    asks = any(result.questions.values())
    if asks:
        section(f"{A}'s claims and arguments that {B} only questions", result.questioned)
    section(f"{A}'s claims that {B} leaves alone", result.untouched)
    section(f"{B}'s claims that answer nothing of {A}'s", result.unanswering)
    if asks:
        section(f"{A}'s questions that {B} answers", result.answered)
        for s in (result.a, result.b):
            section(f"{name[s]}'s questions (not {name[s]}'s position)", result.questions[s])
    # The shared ground is the supports both ways; B's supports of A's claims are listed above.
    listed = {(x, y) for x, ys in result.supported.items() for y in ys}
    backed: dict[str, list[str]] = {}
    for x, y in result.shared:
        if (x, y) not in listed:
            backed.setdefault(y, []).append(x)
    # in map order (*text* is: every key is a claim)
    section(f"{B}'s claims that {A} supports",
            {cid: backed[cid] for cid in text if cid in backed} if backed else {})
    from ._text import count

    lines.append(wrap(f"Shared ground: {count(len(result.shared), 'support')} across the two speakers (both "
                      "support lists, less a support whose speaker also attacks that claim).", "  ", "", columns))
    return lines
