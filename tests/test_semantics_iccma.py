"""Semantics on real ICCMA-family instances against agreed reference answers.

The instances and ``*.answers.txt`` files under ``tests/data/iccma/`` are copied
from the project's shared corpus (see the README there for their origin and the
answer format). Enumerations are compared by count and SHA-1 digest.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import numpy as np
import pytest

from argmap.formats import read_af
from argmap.semantics import (
    count,
    credulous,
    extensions,
    grounded,
    is_preferred,
    is_stable,
    names,
    one_extension,
    skeptical,
)

from .helpers.answers import ICCMA, INSTANCES, answers_of, read_instance

# thousands of extensions: enumerating them takes tens of seconds (see the
# benchmarks); these instances are checked on stable extensions only
ST_ONLY = {"n160p3q34h.tgf", "n175p3q34h.tgf"}
#: the instances whose enumeration takes more than a few seconds (marked slow)
SLOW = {"n160p3q34h.tgf", "n175p3q34h.tgf", "n200p3q34h.tgf", "admbuster_8000.af"}


def ext_line(af, ext) -> str:  # noqa: ANN001
    return " ".join(names(af, ext)) or "-"


def digest(lines: list[str]) -> str:
    return hashlib.sha1("\n".join(sorted(lines)).encode()).hexdigest()[:16]


@pytest.mark.parametrize("path", [pytest.param(p, marks=pytest.mark.slow) if p.name in SLOW else p
                                  for p in INSTANCES], ids=[p.name for p in INSTANCES])
def test_iccma_instance(path: Path) -> None:
    af = read_instance(path)
    answers = answers_of(path)
    _, gr = answers["EE-GR"]
    assert ext_line(af, one_extension(af, "GR")) == gr[0]
    assert ext_line(af, frozenset(np.flatnonzero(grounded(af)).tolist())) == gr[0]
    for task, sem, check in (("EE-ST", "ST", is_stable), ("EE-PR", "PR", is_preferred)):
        if task not in answers or (path.name in ST_ONLY and sem == "PR"):
            continue
        head, listed = answers[task]
        want_count = int(re.search(r"count=(\d+)", head).group(1))
        want_digest = re.search(r"digest=([0-9a-f]+)", head).group(1)
        lines = [ext_line(af, e) for e in extensions(af, sem)]
        assert len(lines) == want_count
        if want_count < 100:
            assert count(af, sem) == want_count
        assert digest(lines) == want_digest
        if listed:
            assert sorted(lines) == sorted(listed)
        if want_count and af.n <= 200:
            assert check(af, one_extension(af, sem))
    for key, (answer, _) in answers.items():
        m = re.match(r"(DC|DS)-PR (.+)", key)
        if not m:
            continue
        task, arg = m.groups()
        ok, ext = (credulous if task == "DC" else skeptical)(af, "PR", arg)
        assert ok == (answer == "YES"), key
        q = af.index()[arg]
        if task == "DC" and ok:
            assert q in ext and is_preferred(af, ext)
        if task == "DS" and not ok:
            assert q not in ext and is_preferred(af, ext)


def test_shipped_probo_solutions_agree() -> None:
    """probo's own solution files: EE-CO (the answers files hold no CO) and EE-GR."""
    for path in sorted((ICCMA / "probo-examples").glob("*.apx")):
        af = read_af(path)
        for task, sem in (("EE-CO", "CO"), ("EE-GR", "GR")):
            text = (path.with_name(f"{path.name}.{task}")).read_text()
            want = {frozenset(x for x in grp.split(",") if x) for grp in re.findall(r"\[([^\[\]]*)\]", text)}
            got = {frozenset(names(af, e)) for e in extensions(af, sem)}
            assert got == want, (path.name, task)
