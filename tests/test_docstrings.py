"""numpydoc structure of the public API: "See Also" sections that lead somewhere.

Every function of the public face listed here names its neighbours in a "See Also"
section (networkx style), and every name there resolves, so a rename cannot leave a
dangling pointer.
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Callable
from typing import Any

import pytest

import argmap
from argmap import api, evaluation, formats, framework, queries
from argmap.model import ArgumentMap
from argmap.render import html as page
from argmap.render import render, write

PUBLIC: list[Callable[..., Any]] = [
    api.load, api.loads, api.save, api.check, api.shipped_map_path,
    queries.claim_record, queries.unattacked, queries.chains, queries.reasons, queries.compare, queries.describe,
    formats.read, formats.loads, formats.dumps, formats.losses, formats.write, formats.check, formats.convert,
    formats.read_af, formats.write_af, formats.loads_af, formats.dumps_af,
    ArgumentMap.to_networkx, render, write, page.write_html,
    evaluation.statuses, evaluation.compiled_statuses, evaluation.survivors, evaluation.claim_acceptance,
    evaluation.explain, evaluation.map_extensions, evaluation.count_extensions, evaluation.compare_standing,
    framework.to_af, framework.compile_map,
]


def _see_also(func: Callable[..., Any]) -> list[str]:
    doc = inspect.getdoc(func) or ""
    match = re.search(r"^See Also\n-+\n(.*?)(?:\n\n|\Z)", doc, flags=re.S | re.M)
    assert match, f"{func.__qualname__} has no See Also section"
    names = []
    for line in match.group(1).splitlines():
        if line and not line.startswith(" "):
            names += [n.strip() for n in line.split(":")[0].split(",")]
    return names


def _resolve(name: str, home: Any) -> Any:
    """*name* relative to the function's module (or its class), else absolute."""
    for base in (home, importlib.import_module(home.__module__) if not inspect.ismodule(home) else home):
        obj = base
        try:
            for part in name.split("."):
                obj = getattr(obj, part)
            return obj
        except AttributeError:
            continue
    head, _, rest = name.partition(".")
    obj = importlib.import_module(head)
    for part in rest.split(".") if rest else []:
        try:
            obj = getattr(obj, part)
        except AttributeError:
            obj = importlib.import_module(f"{obj.__name__}.{part}")
    return obj


@pytest.mark.parametrize("func", PUBLIC, ids=lambda f: f.__qualname__)
def test_see_also_names_resolve(func: Callable[..., Any]) -> None:
    names = _see_also(func)
    assert names
    owner = ArgumentMap if func.__qualname__.startswith("ArgumentMap.") else importlib.import_module(func.__module__)
    for name in names:
        assert _resolve(name, owner) is not None, f"{func.__qualname__}: {name}"


def test_the_package_face_points_to_the_same_functions() -> None:
    assert argmap.describe is queries.describe and argmap.convert is formats.convert
