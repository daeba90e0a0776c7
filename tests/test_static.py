"""Static checks as part of the suite: ruff and mypy, with the settings in pyproject.toml.

The rule sets are stated there (``[tool.ruff.lint]``: pycodestyle, pyflakes, bugbear,
import order, annotations on ``src/``; ``[tool.mypy]`` on ``src/argmap`` with its
per-module exceptions and their reasons). Running them here means ``scripts/test``
and ``.ci/run`` fail when either finds a problem.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: pip install -e '.[test]'")
    return found


def test_ruff_is_clean():
    result = subprocess.run([_tool("ruff"), "check", "src", "tests"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean():
    result = subprocess.run([_tool("mypy")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
