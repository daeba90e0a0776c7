"""The CLI's shared edge (``argmap.cli._app``): library errors printed in the CLI's words.

The library names its parameters (``lower `max_depth```); the running command's flags
replace them (``--max-depth``), so the library never needs to know the CLI.
"""

from __future__ import annotations

import ast
import keyword
import re
from pathlib import Path

import typer

from argmap.cli._app import in_flags, run
from argmap.errors import QueryError

from .helpers.cli import invoke

SRC = Path(__file__).resolve().parent.parent / "src" / "argmap"


def test_in_flags_outside_a_command_leaves_the_parameter_names():
    error = QueryError("x", hint="lower `max_depth`")
    assert in_flags(error).hint == "lower `max_depth`"


def test_in_flags_uses_the_running_commands_flags():
    app = typer.Typer()

    @app.command()
    @run
    def probe(max_depth: int = typer.Option(3, "--max-depth"),
              fmt: str = typer.Option("svg", "--format", "-f")) -> None:
        raise QueryError("`max_depth` is too big for `fmt` and `other`", hint="lower `max_depth`")

    from typer.testing import CliRunner

    result = CliRunner().invoke(app, [])
    assert result.exit_code == 1
    assert result.stderr.strip() == "argmap: --max-depth is too big for --format and `other` (lower --max-depth)"


def test_a_library_hint_reaches_the_user_with_the_flag(tmp_path):
    """`argmap convert --strict`: the library's `strict` becomes --strict."""
    result = invoke("convert", "-o", tmp_path / "x.yaml", "--strict", "--to", "apx")
    assert result.exit_code == 1
    assert "convert without --strict to accept the losses" in result.stderr
    assert "`strict`" not in result.stderr


_FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]*")


def _messages(path: Path) -> list[tuple[int, str]]:
    """String constants of *path* that are not docstrings, with their line numbers."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def test_library_messages_name_parameters_not_flags():
    """Outside ``cli/``, a string names no flag of ours, except inside a spelled-out command
    (``argmap check --fix``: a pointer to another command) or another tool's flag (pip's)."""
    bad = []
    for path in sorted(SRC.rglob("*.py")):
        if "cli" in path.relative_to(SRC).parts or path.name == "__main__.py":
            continue
        for line, text in _messages(path):
            for flag in _FLAG.findall(text):
                if flag == "--force-reinstall" or re.search(r"argmap [a-z]+ [^`]*" + re.escape(flag), text):
                    continue
                bad.append(f"{path.relative_to(SRC)}:{line}: {flag} in {text[:60]!r}")
    assert bad == []


_BACKQUOTED = re.compile(r"(?<!`)`([A-Za-z_][A-Za-z0-9_]*)`(?!`)")

#: The library parameters that messages name on purpose, for the CLI to turn into flags.
PARAMETERS_MEANT = {"to", "output", "strict", "max_depth", "depth", "fmt", "group_by", "rankdir", "speaker",
                    "focus", "force", "speakers", "speaker_from", "statuses"}


def _swappable() -> set[str]:
    """Every name that in_flags would turn into a flag for some command."""
    import typer.main

    from argmap.cli import app

    names: set[str] = set()
    group = typer.main.get_command(app)
    for command in group.commands.values():  # type: ignore[attr-defined]
        for param in command.params:
            long = [o for o in getattr(param, "opts", ()) if o.startswith("--")]
            if long:
                names.add(long[0][2:].replace("-", "_"))
                if param.name:
                    names.add(param.name)
    return {n for n in names if not keyword.iskeyword(n)}  # in_flags never swaps a keyword (`from`)


def test_a_backquoted_name_that_a_command_could_swap_is_a_parameter_meant():
    """A file key like Argdown's `speakers:` must not become `--speakers` under `argmap compare`."""
    swappable = _swappable()
    assert {"max_depth", "speakers", "fmt", "to"} <= swappable  # the scan sees the commands' options
    accidental = []
    for path in sorted(SRC.rglob("*.py")):
        if "cli" in path.relative_to(SRC).parts or path.name == "__main__.py":
            continue
        for line, text in _messages(path):
            for name in _BACKQUOTED.findall(text):
                if name in swappable and name not in PARAMETERS_MEANT:
                    accidental.append(f"{path.relative_to(SRC)}:{line}: `{name}` in {text[:60]!r}")
    assert accidental == []
