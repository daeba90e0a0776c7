"""The fast reader of plain YAML builds the very tree the event composer builds, or declines.

:func:`argmap.formats._plainyaml.parse` must give, for every document it accepts,
the same nodes (kind, value and its type, raw text, line, column) as the composer of
:mod:`argmap.formats._tree`; on everything else it returns None, and in particular on
every document the composer refuses.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.formats import _plainyaml, _tree
from argmap.formats.native import dumps, loads

from .helpers.budget import examples

DATA = Path(__file__).resolve().parent / "data"
ROOT = Path(__file__).resolve().parent.parent


def composed(text: str):
    """The event composer's tree (the fast reader switched off), or the error it raises."""
    try:
        return _tree._YamlComposer(yaml.CSafeLoader(text), "m", _tree.expansion_limit(text)).document()
    except yaml.YAMLError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - MapFormatError and the like
        return exc


def flat(node) -> list[tuple]:
    out, stack = [], [node]
    while stack:
        n = stack.pop()
        out.append((n.kind, n.line, n.column, repr(n.value), type(n.value).__name__, n.raw,
                    len(n.pairs), len(n.items)))
        for k, v in reversed(n.pairs):
            stack += [v, k]
        stack += reversed(n.items)
    return out


def same_or_declined(text: str) -> bool:
    """True when the fast reader declines *text* or builds the composer's tree; assert it."""
    fast = _plainyaml.parse(text, "m")
    if fast is None:
        return False
    slow = composed(text)
    assert isinstance(slow, _tree.Node), f"accepted what the composer refuses: {slow}"
    assert flat(fast) == flat(slow)
    return True


YAML_FILES = sorted({*DATA.rglob("*.yaml"), *DATA.rglob("*.yml"), *(ROOT / "maps").glob("*.yaml")})


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_yaml_file_of_the_test_data(path):
    text = path.read_text(encoding="utf-8", errors="replace")
    same_or_declined(text)


def test_the_shipped_map_and_its_export_take_the_fast_path():
    text = (ROOT / "maps" / "enhanced-cooperation.yaml").read_text(encoding="utf-8")
    assert same_or_declined(text)
    amap = loads(text, path=ROOT / "maps" / "enhanced-cooperation.yaml")
    assert same_or_declined(dumps(amap))


SCALARS = st.one_of(
    st.text(st.sampled_from(list("ab yes:#-'\"{}[],&*!|>%@`?\\é\n\t0.1x") + ["\u2028", "\x85"]), max_size=12),
    st.integers(-10**6, 10**6), st.floats(allow_nan=False), st.booleans(), st.none(),
    st.sampled_from(["yes", "No", "on", "~", "null", "0x1F", "0o17", "1_000", "1:30", "2001-12-14",
                     ".inf", "-.5", "<<", "=", "-", "- x", "a: b", "#c", "x #c", " lead", "trail "]))
KEYS = st.one_of(st.from_regex(r"[A-Za-z_][A-Za-z0-9_.-]{0,6}", fullmatch=True), SCALARS)
DATA_TREES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=4)), max_leaves=12)


@settings(max_examples=examples(400))
@given(DATA_TREES, st.sampled_from([None, False, True]), st.sampled_from([20, 80, 10**6]),
       st.booleans(), st.integers(1, 4))
def test_documents_as_pyyaml_writes_them(data, flow, width, unicode, indent):
    try:
        text = yaml.safe_dump(data, default_flow_style=flow, width=width, allow_unicode=unicode,
                              indent=max(2, indent), sort_keys=False)
    except yaml.YAMLError:
        return
    same_or_declined(text)


@settings(max_examples=examples(400))
@given(DATA_TREES, st.lists(st.tuples(st.integers(0, 10**4), st.sampled_from(
    list(" \n-:#'\"{}[],&*!?|>\\\tx") + ["  ", ": ", " #", "- ", "\n  ", "\r\n", "---\n"])), max_size=4))
def test_mutated_documents(data, edits):
    text = yaml.safe_dump(data, default_flow_style=None, width=60, sort_keys=False)
    for at, piece in edits:
        at %= len(text) + 1
        text = text[:at] + piece + text[at:]
    same_or_declined(text)


@pytest.mark.parametrize("text", [
    "a: 1\nb:\n  - x\n  - {p: q, r: [s, 't', \"u\"]}\nc:\nd: \"é\\u00e9\\x41\\/\"  # note\n",
    "claims:\n- id: C1\n  text: a long text\n    folded onto a second line\n  tags: [x, y]\n",
    "- {id: C0, speaker: pro, text: \"Claim 0\", quote: \"Point 0 says.\"}\n-  id: 2\n   n: -1\n",
    "a:\n\n  # comment\n  b: yes\n  c: 0x1F\n  e: 1.5\n  f: ~\n",
])
def test_hand_written_documents_are_read_fast_and_alike(text):
    assert same_or_declined(text)


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: |\n  block\n", "a: 'two\n  lines'\n", "? a\n: b\n",
    "%YAML 1.1\n---\na: 1\n", "a: 1\n---\nb: 2\n", "a:\tb\n", "a: 1\na: 2\n", "<<: {a: 1}\n",
    "a: {b: c,}\n", "a: b: c\n", "- - x\n", "a:\n  b\n", "a: \"\\ud800\"\n", "\ufeffa: 1\n",
])
def test_beyond_the_subset_the_composer_decides(text):
    assert _plainyaml.parse(text, "m") is None


@settings(max_examples=examples(200))
@given(st.lists(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30)
                .filter(lambda s: s.strip()), min_size=1, max_size=6))
def test_the_writer_round_trips_any_text_and_stays_in_the_subset(texts):
    from argmap.model import ArgumentMap, Claim, Relation, Speaker

    amap = ArgumentMap(title=texts[0], speakers=[Speaker("s", texts[-1])],
                       claims=[Claim(f"C{i}", "s", t, tags=(t[:20],)) for i, t in enumerate(texts)],
                       relations=[Relation(f"C{i}", "C0", "attack", note=t if i % 2 else None)
                                  for i, t in enumerate(texts) if i])
    text = dumps(amap)
    assert loads(text) == amap
    assert same_or_declined(text) or any(c in "".join(texts) for c in "\t\x85\u2028\u2029\ufeff") \
        or any(ord(c) < 32 or 0x7f <= ord(c) <= 0x9f for c in "".join(texts))


JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=8)),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.one_of(st.text(max_size=4), st.integers(0, 3)), inner, max_size=4)),
    max_leaves=20)


@settings(max_examples=examples(300))
@given(JSON_VALUES)
def test_dump_json_writes_what_json_dumps_writes(value):
    import json

    assert _tree.dump_json(value) == json.dumps(value, indent=2, ensure_ascii=False) + "\n"
