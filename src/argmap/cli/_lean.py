"""``argmap iccma`` without Typer: the competition interface on a short start-up path.

An ICCMA harness starts the solver once per task, so a solver's start-up is part
of every answer it gives. :func:`argmap.cli.main` offers the command line to
:func:`lean` first: when it is an ``iccma`` call made only of the options that
command knows (``-p/--problem``, ``-f/--file``, ``-a/--argument``,
``-fo/--format``, ``--problems``, ``--formats``, each at most once, with its value),
it is answered here without importing Typer, Click or rich (rich only draws
progress on a terminal). Anything else (``--help``, an unknown or repeated option,
a missing value, a missing ``-p`` or ``-f``) returns ``None`` and goes to the
Typer app, which prints the usual help and usage messages; so both paths are one
command with one contract. :func:`iccma_lines` is the command's body, shared with
the Typer command in :mod:`argmap.cli._iccma`.

The lean path also keeps the BLAS library behind numpy to one thread
(``OPENBLAS_NUM_THREADS=1`` unless it is set): argmap does no linear algebra,
and starting a BLAS thread pool costs a noticeable part of numpy's import.

Examples
--------
>>> parse(["iccma", "-p", "SE-PR", "-f", "a.af"])
{'problem': 'SE-PR', 'file': 'a.af'}
>>> parse(["iccma", "--problem=DC-ST", "-f", "a.af", "-a", "3"])
{'problem': 'DC-ST', 'file': 'a.af', 'arg': '3'}
>>> parse(["iccma", "--help"]) is None, parse(["check"]) is None
(True, True)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..errors import ArgmapError
from ._text import printable, problem_line

__all__ = ["parse", "lean", "iccma_lines"]

#: Options taking a value -> the parameter they set.
_VALUED = {"-p": "problem", "--problem": "problem", "-f": "file", "--file": "file",
           "-a": "arg", "--argument": "arg", "-fo": "fmt", "--format": "fmt"}
#: Flags -> the parameter they set.
_FLAGS = {"--problems": "problems", "--formats": "formats"}


def parse(args: list[str]) -> dict[str, str | bool] | None:
    """The options of an ``iccma`` command line, or ``None`` if the lean path does not take it."""
    if not args or args[0] != "iccma":
        return None
    opts: dict[str, str | bool] = {}
    rest = args[1:]
    k = 0
    while k < len(rest):
        token = rest[k]
        k += 1
        if token in _FLAGS:
            key: str = _FLAGS[token]
            value: str | bool = True
        else:
            name, eq, inline = token.partition("=")
            if eq and name.startswith("--") and name in _VALUED:
                key, value = _VALUED[name], inline
            elif token in _VALUED and k < len(rest) and not rest[k].startswith("-"):
                key, value = _VALUED[token], rest[k]
                k += 1
            else:
                return None  # --help, unknown options, a missing value: the Typer app answers
        if key in opts:
            return None
        opts[key] = value
    return opts


def iccma_lines(problem: str | None, file: Path | None, arg: str | None, fmt: str | None,
                problems: bool = False, formats: bool = False) -> list[str]:
    """The stdout lines of ``argmap iccma`` for these options (raises ArgmapError on bad input)."""
    from ..errors import QueryError

    if problems or formats:
        from ..semantics.competition import FORMATS, PROBLEMS

        return ["[" + ",".join(PROBLEMS if problems else FORMATS) + "]"]
    if problem is None and file is None:
        from .. import __version__

        return [f"argmap {__version__}"]
    if problem is None:
        raise QueryError("no task given", hint="add -p TASK, for instance -p SE-PR")
    if file is None:
        raise QueryError("no framework file given", hint="add -f FILE")
    from ..semantics.competition import answer, lines, parse_problem

    parse_problem(problem)  # an unknown task fails before the file is read
    from .. import formats as registry
    from ._progress import shown

    name = {"i23": "iccma"}.get((fmt or "").lower(), fmt)
    if name is None and not registry.is_framework(file):
        name = "iccma"  # the competition's own format, whatever the file is called
    with shown(as_json=False):
        af = registry.read_af(file, name)
        result = answer(af, problem, arg)
    return lines(result)


def lean(args: list[str]) -> int | None:
    """Run an ``iccma`` command line without Typer; its exit status, or ``None`` if not taken."""
    opts = parse(args)
    if opts is None:
        return None
    if not (opts.get("problems") or opts.get("formats")) and ("problem" in opts) != ("file" in opts):
        return None  # a missing -p or -f: the Typer app words the error
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    file = opts.get("file")
    try:
        out = iccma_lines(
            str(opts["problem"]) if "problem" in opts else None,
            Path(str(file)) if file is not None else None,
            str(opts["arg"]) if "arg" in opts else None,
            str(opts["fmt"]) if "fmt" in opts else None,
            bool(opts.get("problems")), bool(opts.get("formats")))
        sys.stdout.write("".join(printable(line) + "\n" for line in out))
        sys.stdout.flush()
    except ArgmapError as exc:
        for problem in exc.errors:
            sys.stderr.write(printable(problem_line(problem)) + "\n")
        return 1
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        sys.stderr.write("argmap: interrupted\n")
        return 130
    except BrokenPipeError:  # pragma: no cover - `argmap iccma ... | head`
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        except OSError:
            pass
    return 0
