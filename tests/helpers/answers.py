"""The ICCMA corpus under ``tests/data/iccma/``: its instances and their answer files.

The answer format is described in ``tests/data/iccma/README.md``: ``[TASK extra]
rest`` headers (``[EE-PR count=2 digest=…]``, ``[DC-PR a1] YES``) each followed by
body lines.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["ICCMA", "INSTANCES", "parse_answers", "answers_of", "read_instance"]

#: The corpus folder (one sub-folder per origin).
ICCMA = Path(__file__).resolve().parent.parent / "data" / "iccma"
#: Every framework file of the corpus, sorted by path.
INSTANCES = sorted(p for p in ICCMA.glob("*/*") if p.suffix in {".af", ".apx", ".tgf", ".dl"})


def parse_answers(path: Path) -> dict[str, tuple[str, list[str]]]:
    """``task header -> (rest of the header line, body lines)`` of one answers file."""
    out: dict[str, tuple[str, list[str]]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        m = re.match(r"\[([A-Z]{2}-[A-Z]{2})( [^\]]+)?\]\s*(.*)", line)
        if m:
            current = m.group(1) + (m.group(2) or "")
            out[current] = (m.group(3), [])
        elif current is not None:
            out[current][1].append(line)
    return out


def answers_of(instance: Path) -> dict[str, tuple[str, list[str]]]:
    """The parsed answers file next to *instance*."""
    return parse_answers(instance.with_name(instance.name + ".answers.txt"))


def read_instance(path: Path):  # noqa: ANN201 - argmap.af.AF
    """The framework in *path* (``.dl`` files are APX)."""
    from argmap.formats import read_af

    return read_af(path, "apx" if path.suffix == ".dl" else None)
