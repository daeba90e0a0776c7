"""Shared fixtures: the isolated environment, the ``cli`` runner, hypothesis profiles, Chromium.

* Every test runs without ``ARGMAP_MAP`` and with ``COLUMNS=80`` (autouse), so the
  developer's shell does not change results.
* ``cli(*args)`` runs ``argmap ARGS…`` (:func:`tests.helpers.cli.invoke`).
* Hypothesis profiles: ``dev`` (the default: few examples, quick) and ``ci`` (the full
  budgets), chosen by ``HYPOTHESIS_PROFILE`` (``scripts/test`` sets ``ci`` when ``CI``
  is set). A property's budget is ``@settings(max_examples=examples(N))``
  (:mod:`tests.helpers.budget`): N under ``ci``, at most 25 under ``dev``.
* ``@pytest.mark.slow`` marks the slowest tests (seconds each); the inner loop is
  ``pytest -m "not slow and not browser"``.

A real headless Chromium serves the HTML page tests:

Debian's ``chromium`` is driven through Playwright's sync API with
``executable_path`` (``playwright install`` cannot download browsers here). When
Chromium or Playwright is missing the browser tests are skipped locally, but they
FAIL when ``CI`` is set, so CI cannot pass without running them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import settings

from .helpers.budget import PROFILE
from .helpers.cli import invoke

settings.register_profile("ci", deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None, max_examples=25)
settings.load_profile(PROFILE)


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No ``ARGMAP_MAP`` from the developer's shell; an 80-column terminal."""
    monkeypatch.delenv("ARGMAP_MAP", raising=False)
    monkeypatch.setenv("COLUMNS", "80")


@pytest.fixture
def cli() -> Any:
    """Run ``argmap ARGS…`` in-process: ``cli("check", path)`` returns Click's result."""
    return invoke

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-dev-shm-usage", "--disable-default-apps"]


def _chromium() -> str | None:
    return (os.environ.get("ARGMAP_CHROMIUM") or shutil.which("chromium")
            or shutil.which("chromium-browser"))


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so browser tests must run)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole session."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed: pip install -e '.[test]'")
    exe = _chromium()
    if not exe:
        _missing("Chromium not found: apt-get install -y chromium (or set ARGMAP_CHROMIUM)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh 1280x800 page; fails the test on any JS error, console error or dialog."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = context.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
          if m.type in ("error", "warning") else None)

    def on_dialog(d: Any) -> None:
        problems.append(f"dialog {d.type}: {d.message}")
        d.dismiss()

    pg.on("dialog", on_dialog)
    pg.problems = problems  # type: ignore[attr-defined]
    yield pg
    context.close()
    assert not problems, problems
