"""The CLI's shared edge (``argmap.cli._app``): library errors printed in the CLI's words.

The library names its parameters (``lower `max_depth```); the running command's flags
replace them (``--max-depth``), so the library never needs to know the CLI.
"""

from __future__ import annotations

import ast
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
