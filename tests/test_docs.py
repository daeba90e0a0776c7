"""The README cannot drift: its set-up commands, tour and API example are checked here."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.cli import app

from .helpers.cli import invoke

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, flags=re.S)


def test_exactly_two_setup_commands():
    bash = [b.strip() for b in _blocks("bash")]
    assert bash == [
        "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/argmap render -o enhanced-cooperation.svg",
        "bash scripts/test",
    ]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/test" in ci
    script = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
    assert "pytest" in script and "apt-get install" in script


def test_main_job_renders_the_shipped_map(tmp_path):
    """The README's main job, with the installed console script."""
    exe = Path(sys.executable).parent / "argmap"
    out = tmp_path / "enhanced-cooperation.svg"
    done = subprocess.run([str(exe), "render", "-o", str(out)], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    svg = out.read_text(encoding="utf-8")
    for claim in argmap.load(argmap.shipped_map_path()).claims:
        assert f'id="claim&#45;{claim.id}"' in svg or f'id="claim-{claim.id}"' in svg


def _tour() -> list[str]:
    (block,) = _blocks("console")
    return [line[2:].split("  #")[0].strip() for line in block.splitlines() if line.startswith("$ ")]


@pytest.mark.parametrize("command", _tour())
def test_tour_commands_run(command, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ARGMAP_MAP", raising=False)
    words = shlex.split(command)
    assert words[0] == "argmap"
    result = invoke(words[1:])
    assert result.exit_code == 0, result.output


def test_tour_check_output_is_what_the_readme_shows(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("ARGMAP_MAP", raising=False)
    (block,) = _blocks("console")
    shown = block.splitlines()[1]
    result = invoke(["check", "maps/enhanced-cooperation.yaml"])
    assert result.output.strip() == shown


def test_python_example_runs(monkeypatch):
    monkeypatch.chdir(ROOT)
    (code,) = _blocks("python")
    namespace: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 - our own README
    m = namespace["m"]
    assert m.claim("C2").quote == ("you fail to mention that WGEC was not a traditional "
                                   "inter-governmental process")


def test_cli_reference_is_current():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_cli_docs.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_every_command_is_in_the_reference_and_the_readme():
    from typer.main import get_command

    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in get_command(app).commands:  # type: ignore[attr-defined]
        assert f"## argmap {name}" in reference
        assert f"argmap {name}" in README, name
