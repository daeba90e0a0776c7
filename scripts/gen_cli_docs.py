"""Generate docs/cli.md, the CLI reference, from the commands' own --help.

Usage: python scripts/gen_cli_docs.py [--check]
With --check, exit 1 when docs/cli.md differs from what would be generated.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def generate() -> str:
    """The CLI reference as Markdown: the root help, then each command's help."""
    os.environ["COLUMNS"] = "80"
    os.environ["TERM"] = "dumb"
    from typer.main import get_command
    from typer.testing import CliRunner

    from argmap.cli import app

    runner = CliRunner()
    names = list(get_command(app).commands)  # type: ignore[attr-defined]
    parts = ["# argmap command-line reference", "",
             "Generated from `--help` by `python scripts/gen_cli_docs.py`; "
             "a test fails when it is stale.", "", "```text",
             runner.invoke(app, ["--help"], prog_name="argmap", terminal_width=80).output.rstrip(), "```"]
    for name in names:
        out = runner.invoke(app, [name, "--help"], prog_name="argmap", terminal_width=80).output.rstrip()
        parts += ["", f"## argmap {name}", "", "```text", out, "```"]
    return "\n".join(parts) + "\n"


def main() -> int:
    """Write docs/cli.md, or with --check compare it."""
    text = generate()
    if "--check" in sys.argv[1:]:
        if not TARGET.exists() or TARGET.read_text(encoding="utf-8") != text:
            print("docs/cli.md is stale: run python scripts/gen_cli_docs.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
