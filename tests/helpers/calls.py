"""Counting the calls of a library function in a test, wherever it was imported.

``from .framework import compile_map`` binds the function in the importing module,
so patching ``argmap.framework.compile_map`` alone would miss those callers.
:func:`count_calls` replaces the function in every loaded module that holds it.
"""

from __future__ import annotations

import sys
from typing import Any

import pytest

__all__ = ["count_calls"]


def count_calls(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[tuple[Any, ...]]:
    """Wrap ``module.name`` (and every other module's binding of the same function) so
    that each call is recorded; return the list of the calls' positional arguments."""
    original = getattr(module, name)
    calls: list[tuple[Any, ...]] = []

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return original(*args, **kwargs)

    for loaded in list(sys.modules.values()):
        if loaded is not None and loaded.__dict__.get(name) is original:
            monkeypatch.setattr(loaded, name, counted)
    monkeypatch.setattr(module, name, counted)
    return calls
