"""``argmap NAME …`` runs a copy of the app that holds command NAME only (:func:`argmap.cli.one_command`,
the start-up of every command): it must answer exactly as the whole app does."""

from __future__ import annotations

import pytest
from typer.main import get_command_name
from typer.testing import CliRunner

from argmap.cli import app, one_command

from .helpers.maps import SHIPPED

NAMES = [c.name or get_command_name(c.callback.__name__) for c in app.registered_commands]


def _both(args: list[str]) -> tuple[tuple[int, str, str], tuple[int, str, str]]:
    runner = CliRunner()
    out = []
    for which in (app, one_command(args)):
        r = runner.invoke(which, args, catch_exceptions=False)
        out.append((r.exit_code, r.stdout, r.stderr))
    return out[0], out[1]


def test_every_command_is_found_alone():
    assert len(NAMES) == len(set(NAMES)) > 10
    for name in NAMES:
        one = one_command([name, "--help"])
        assert one is not app and [c.callback for c in one.registered_commands] == \
            [c.callback for c in app.registered_commands if (c.name or get_command_name(c.callback.__name__)) == name]
    assert len(app.registered_commands) == len(NAMES)  # the app itself is left whole


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("rest", [["--help"], ["-h"], ["--no-such-option"], ["--json", "--json", "a", "b", "c"]])
def test_help_and_usage_errors_are_the_whole_apps(name, rest):
    whole, alone = _both([name, *rest])
    assert alone == whole


@pytest.mark.parametrize("args", [["check", str(SHIPPED)], ["compare", str(SHIPPED)],
                                  ["show", "A1", str(SHIPPED)], ["status", str(SHIPPED), "-s", "GR"],
                                  ["uncontested", "-m", str(SHIPPED), "--json"]])
def test_runs_are_the_whole_apps(args):
    whole, alone = _both(args)
    assert alone == whole


@pytest.mark.parametrize("args", [[], ["--help"], ["--version"], ["chek"], ["CHECK"]])
def test_anything_else_runs_the_whole_app(args):
    assert one_command(args) is app


def test_completion_runs_the_whole_app(monkeypatch):
    monkeypatch.setenv("_ARGMAP_COMPLETE", "complete_bash")
    assert one_command(["check"]) is app
