"""``argmap.formats._tree``: the located YAML and JSON trees under the native format.

Both parsers must read what the standard readers read (``json.loads``,
``yaml.safe_load``) for any plain document, put every node at the line and column
where its text starts, and refuse, at a location, what a map never needs (tags,
merge keys, recursive or over-budget aliases, deep nesting, lone surrogates, giant
numbers, duplicate keys).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import MapFormatError
from argmap.formats._tree import MAX_DEPTH, MAX_NUMBER_LENGTH, Node, expansion_limit, parse_json, parse_yaml, to_python

from .helpers.budget import examples

SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12),
                    st.floats(allow_nan=False, allow_infinity=False, width=32),
                    st.text(st.characters(exclude_categories=("Cs",)), max_size=12))
DOCUMENTS = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(st.characters(exclude_categories=("Cs",)), max_size=6),
                                                 inner, max_size=4)), max_leaves=20)


def walk(node: Node) -> list[Node]:
    out = [node]
    for k, v in node.pairs:
        out += [k, *walk(v)]
    for item in node.items:
        out += walk(item)
    return out


def offset(text: str, line: int, column: int) -> int:
    lines = text.split("\n")
    return sum(len(x) + 1 for x in lines[:line - 1]) + column - 1


@settings(max_examples=examples(300))
@given(DOCUMENTS, st.sampled_from([None, 1, 2]))
def test_json_reads_what_json_loads_reads(doc: Any, indent: int | None) -> None:
    text = json.dumps(doc, indent=indent, ensure_ascii=False)
    assert to_python(parse_json(text, "m.json")) == json.loads(text)


@settings(max_examples=examples(300))
@given(DOCUMENTS)
def test_every_json_node_starts_where_it_is_written(doc: Any) -> None:
    text = json.dumps(doc, indent=1, ensure_ascii=False)
    for node in walk(parse_json(text, "m.json")):
        at = offset(text, node.line, node.column)
        first = text[at]
        if node.kind == "map":
            assert first == "{"
        elif node.kind == "seq":
            assert first == "["
        else:  # a scalar (or a key): the JSON value that starts there is the node's value
            assert json.JSONDecoder().raw_decode(text, at)[0] == node.value


@settings(max_examples=examples(300))
@given(DOCUMENTS)
def test_yaml_reads_what_safe_load_reads(doc: Any) -> None:
    text = yaml.safe_dump(doc, allow_unicode=True)
    assert to_python(parse_yaml(text, "m.yaml")) == yaml.safe_load(text)


def test_yaml_nodes_are_located_and_plain_scalars_keep_their_text() -> None:
    text = "title: yes\nitems:\n  - 1\n  - {a: 'x'}\n"
    root = parse_yaml(text, "m.yaml")
    title = root.get("title")
    assert (title.value, title.raw, title.line, title.column) == (True, "yes", 1, 8)
    items = root.get("items")
    assert [(n.line, n.column) for n in items.items] == [(3, 5), (4, 5)]
    a = items.items[1].get("a")
    assert (a.value, a.line, a.column) == ("x", 4, 9)
    assert root.get("nothing") is None


def test_type_names_for_messages() -> None:
    root = parse_json('{"m": {}, "s": [], "n": 1, "f": 1.5, "b": true, "z": null, "t": "x"}', "m.json")
    assert {k.value: v.type_name() for k, v in root.pairs} == {
        "m": "a mapping", "s": "a list", "n": "a number", "f": "a number", "b": "a boolean", "z": "null",
        "t": "a string"}


def test_aliases_stay_shared() -> None:
    data = to_python(parse_yaml("a: &x [1, two]\nb: *x\n", "m.yaml"))
    assert data == {"a": [1, "two"], "b": [1, "two"]} and data["a"] is data["b"]


@pytest.mark.parametrize(("text", "where", "words"), [
    ('{"a": 1, "a": 2}', (1, 10), "duplicate key 'a'"),
    ("NaN", (1, 1), "unexpected character"),
    ("[1] x", (1, 5), "extra data"),
    ('"\\ud800"', (1, 1), "lone surrogate"),
    ("1" * (MAX_NUMBER_LENGTH + 1), (1, 1), f"at most {MAX_NUMBER_LENGTH}"),
    ("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), (1, MAX_DEPTH + 1), f"deeper than {MAX_DEPTH}"),
    ('{"a": [1,\n 2,,]}', (2, 4), "JSON syntax error"),
    ("", (1, 1), "empty"),
])
def test_json_refusals_are_located(text: str, where: tuple[int, int], words: str) -> None:
    with pytest.raises(MapFormatError, match=words) as info:
        parse_json(text, "m.json")
    assert (info.value.path, info.value.line, info.value.column) == ("m.json", *where)


def test_json_duplicates_can_be_reported_instead() -> None:
    seen: list[MapFormatError] = []
    root = parse_json('{"a": 1,\n "a": 2}', "m.json", on_duplicate=seen.append)
    assert to_python(root) == {"a": 1}
    assert [(e.line, e.column) for e in seen] == [(2, 2)] and "first value is kept" in seen[0].message


@pytest.mark.parametrize(("text", "where", "words"), [
    ("a: !!python/object:os.system x", (1, 4), "is not allowed"),
    ("a: !custom x", (1, 4), "is not allowed"),
    ("a: &x {b: 1}\nc:\n  <<: *x\n", (3, 3), "merge keys"),
    ("a: &x [*x]", (1, 8), "recursive alias"),
    ("a: *y", (1, 4), "unknown alias"),
    ("a: 1\n---\nb: 2\n", (2, 1), "several YAML documents"),
    ("a: 1\na: 2\n", (2, 1), "duplicate key 'a'"),
    ("- " * (MAX_DEPTH + 1) + "1", (1, 2 * MAX_DEPTH + 1), f"deeper than {MAX_DEPTH}"),
    ("a: [1, 2\nb: 3\n", (2, 2), "YAML syntax error"),
    ("", (1, 1), "empty"),
])
def test_yaml_refusals_are_located(text: str, where: tuple[int, int], words: str) -> None:
    with pytest.raises(MapFormatError, match=words) as info:
        parse_yaml(text, "m.yaml")
    assert (info.value.path, info.value.line, info.value.column) == ("m.yaml", *where)


def test_a_billion_laughs_stops_at_the_budget() -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    text = "\n".join(lines) + "\n"
    with pytest.raises(MapFormatError, match="expands through aliases") as info:
        parse_yaml(text, "bomb.yaml")
    assert info.value.line is not None and info.value.line <= len(lines)
    small = "\n".join(lines[:3]) + "\n"  # 10 * 10 * 10 leaves: within the budget
    assert len(to_python(parse_yaml(small, "ok.yaml"))["a2"]) == 10


def test_the_budget_grows_with_the_text() -> None:
    assert expansion_limit("") < expansion_limit("x" * 1000) == expansion_limit("") + 4000
