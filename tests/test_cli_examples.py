"""Every ``Example:`` line of every command's ``--help`` runs, and the README's walkthrough
("Writing a map of your own texts") prints what the README shows.

The examples name files a user would have (``map.yaml``, ``framework.af``,
``debate/ann.txt``); the fixture makes them in a temporary folder, with a copy of the
shipped map under ``maps/``.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from argmap.cli import app

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
README = (ROOT / "README.md").read_text(encoding="utf-8")
EXE = str(Path(sys.executable).parent / "argmap")


def _examples() -> list[tuple[str, str]]:
    found = []
    for name, command in typer.main.get_command(app).commands.items():  # type: ignore[attr-defined]
        for line in re.findall(r"Example: (argmap .*)", command.help or ""):
            found.append((name, line))
    return sorted(found)


EXAMPLES = _examples()


def test_every_command_has_an_example() -> None:
    names = set(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    assert {name for name, _ in EXAMPLES} == names


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "maps", tmp_path / "maps")
    shutil.copytree(DATA / "good" / "sources", tmp_path / "sources")
    text = (DATA / "good" / "debate.yaml").read_text(encoding="utf-8")
    first = re.search(r'quote: "([^"]+)"', text)
    assert first is not None
    words = first.group(1)
    typo = words[:3] + words[4] + words[3] + words[5:]   # two letters swapped: --fix repairs it
    (tmp_path / "map.yaml").write_text(text.replace(words, typo, 1), encoding="utf-8")
    (tmp_path / "sources" / "essay.txt").write_text(
        "Uniforms help.\nWith everyone dressed alike, children\ncan't be mocked for their clothes.\n",
        encoding="utf-8")
    n = 20
    (tmp_path / "framework.af").write_text(
        f"p af {n}\n" + "".join(f"{i} {i + 1}\n" for i in range(1, n)), encoding="utf-8")
    (tmp_path / "debate").mkdir()
    (tmp_path / "debate" / "ann.txt").write_text("Ann: Cars out of the centre.\n", encoding="utf-8")
    (tmp_path / "debate" / "bob.txt").write_text("Bob: Shops need cars.\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("name", "example"), EXAMPLES, ids=[n for n, _ in EXAMPLES])
def test_the_example_runs(folder: Path, name: str, example: str) -> None:
    words = shlex.split(example)[1:]
    if name == "edit":  # it serves until interrupted: see that it starts and prints its URL
        subprocess.run([EXE, "init", "debate/ann.txt", "debate/bob.txt", "-o", "debate/map.yaml"],
                       cwd=folder, check=True, capture_output=True)
        proc = subprocess.Popen([EXE, *words, "--no-browser"], cwd=folder, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        try:
            assert proc.stdout is not None
            assert proc.stdout.readline().startswith("http://127.0.0.1:")
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        return
    done = subprocess.run([EXE, *words], cwd=folder, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    if name == "check":
        assert "fixed the quote" in done.stdout and "ok (" in done.stdout
    if name == "quote":
        assert "can't be mocked" in done.stdout


def _walkthrough() -> list[tuple[str, list[str]]]:
    """The README walkthrough's ``$ argmap`` commands, each with the lines it shows."""
    section = README.split("## Writing a map of your own texts", 1)[1].split("\n## ", 1)[0]
    steps: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```text\n(.*?)```", section, flags=re.S):
        for line in block.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            elif steps:
                steps[-1][1].append(line)
    return steps


def test_the_readme_walkthrough_prints_what_it_shows(tmp_path: Path) -> None:
    for name in ("letter.txt", "reply.txt"):
        shutil.copy(DATA / "edit" / name, tmp_path / name)
    steps = _walkthrough()
    assert [shlex.split(c)[1] for c, _ in steps] == ["init", "edit", "quote"]
    for command, shown in steps:
        words = shlex.split(command)[1:]
        if words[0] == "edit":
            proc = subprocess.Popen([EXE, *words, "--no-browser"], cwd=tmp_path, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True)
            try:
                assert proc.stdout is not None
                url = proc.stdout.readline().strip()
            finally:
                proc.terminate()
                proc.wait(timeout=30)
            prefix = shown[0].split(":4")[0]          # the README's port and token are examples
            assert url.startswith(prefix) and "/?token=" in url
            continue
        done = subprocess.run([EXE, *words], cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines() == shown, command
    checked = subprocess.run([EXE, "check", "market.yaml"], cwd=tmp_path, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
