"""Reading AIF without a located tree gives what the located reader gives.

:func:`argmap.formats.aif.loads` first reads a document with the C JSON decoder and
runs the reader on stand-ins that know only where the records of ``nodes`` and the
top-level values start; anything to report declines to the located tree. Here both
ways are compared on every AIF file of the tests, on argmap's own exports, and on
documents with what makes the fast read decline (duplicates, NaN, deep nesting,
long numbers, lone surrogates, skips and losses): the same map with the same
positions, or the same errors, and the same warnings and advisories.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.api import load
from argmap.errors import ArgmapError
from argmap.formats import aif

DATA = Path(__file__).resolve().parent / "data"
ROOT = DATA.parent.parent
FILES = sorted(DATA.rglob("*.json"))


def _outcome(text: str, path: Path, strict: bool = False) -> tuple:
    warnings: list[ArgmapError] = []
    advisories: list[ArgmapError] = []
    try:
        amap = aif.loads(text, path=path, strict=strict, warnings=warnings, advisories=advisories)
        result: object = (amap, dict(amap.positions))
    except ArgmapError as exc:
        result = [str(e) for e in exc.errors]
    return result, [str(w) for w in warnings], [str(a) for a in advisories]


def _both(text: str, path: Path, monkeypatch, strict: bool = False) -> None:
    fast = _outcome(text, path, strict)
    with monkeypatch.context() as m:
        m.setattr(aif, "_fast_root", lambda text: None)
        located = _outcome(text, path, strict)
    assert fast == located


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(DATA)))
def test_every_json_file_of_the_tests(path, monkeypatch):
    text = path.read_text(encoding="utf-8", errors="replace")
    _both(text, path, monkeypatch)
    _both(text, path, monkeypatch, strict=True)


@pytest.mark.parametrize("name", ["maps/enhanced-cooperation.yaml", "tests/data/good/structured.yaml",
                                  "tests/data/good/debate.yaml"])
def test_own_exports_read_fast(name, monkeypatch, tmp_path):
    source = ROOT / name
    text = aif.dumps(load(source))
    path = source.with_name("export.aif.json")  # its sources resolve next to the map
    assert aif._fast_root(text) is not None
    _both(text, path, monkeypatch)
    # the fast read really stands in: no located tree is built for an own export
    with monkeypatch.context() as m:
        m.setattr(aif, "parse_json", lambda *a, **k: pytest.fail("the located tree was built"))
        assert aif.loads(text, path=path) == load(source)


DOC = {"nodes": [{"nodeID": "1", "type": "I", "text": "Ban cars"}, {"nodeID": "2", "type": "I", "text": "Fumes"},
                 {"nodeID": "3", "type": "CA", "text": "Default Conflict"},
                 {"nodeID": "4", "type": "L", "text": "Ben : fumes"},
                 {"nodeID": "5", "type": "YA", "text": "Asserting"}],
       "edges": [{"fromID": "2", "toID": "3"}, {"fromID": "3", "toID": "1"}, {"fromID": "4", "toID": "5"},
                 {"fromID": "5", "toID": "2"}],
       "locutions": [{"nodeID": "4", "personID": 7}],
       "participants": [{"participantID": 7, "firstname": "Ben", "surname": "Ode"}]}
BASE = json.dumps(DOC, indent=1)


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("text", [
    BASE,
    BASE.replace('"text": "Fumes"', '"text": "Fumes", "text": "twice"'),
    BASE.replace('"personID": 7', '"personID": NaN'),
    BASE.replace('"personID": 7', '"personID": ' + "7" * 1001),
    BASE.replace('"personID": 7', '"personID": 1.' + "5" * 1000),
    BASE.replace('"Fumes"', '"Fumes \\ud800"'),
    BASE.replace('"Fumes"', '"Fumes \\ud83d\\ude00"'),
    BASE.replace('"Fumes"', '"Fumes \U0001f600 é"'),
    BASE.replace('"surname": "Ode"', '"surname": "Ode", "deep": ' + _nested(62)),
    BASE.replace('"surname": "Ode"', '"surname": "Ode", "deep": ' + _nested(63)),
    BASE.replace('"surname": "Ode"', '"surname": "Ode", "deep": ' + _nested(64)),
    BASE.replace('"nodeID": "5"', '"nodeID": "1"'),
    BASE.replace('"type": "CA"', '"type": "XX"'),
    BASE.replace('"toID": "1"', '"toID": "9"'),
    '{"AIF": ' + BASE + "}",
    "\ufeff" + BASE, BASE + " x", "[" + BASE + "]", "", "{}", '{"nodes": 1, "edges": []}',
    BASE.replace("\n", "\r\n"), BASE.replace('"nodes"', '"nodes" \f'),
])
def test_what_declines_reads_as_before(text, monkeypatch, tmp_path):
    _both(text, tmp_path / "doc.aif.json", monkeypatch)
    _both(text, tmp_path / "doc.aif.json", monkeypatch, strict=True)
