"""Fuzzing every reader: bytes, text and structure, under a time and memory budget per example.

The contract (issue 13): whatever a file holds, reading it either succeeds or raises
an :class:`~argmap.errors.ArgmapError` that names the file, never another exception;
and it costs no more than a bounded time and memory for the input's size. Each
example has a deadline (hypothesis fails an example slower than
:data:`DEADLINE`) and a memory check (peak traced allocation at most
:data:`MEMORY_BASE` plus :data:`MEMORY_PER_CHAR` per character of input).

The number of examples follows the hypothesis profile (``dev`` locally, ``ci``
under CI; see tests/helpers/budget.py). Inputs are seeded from real files of
tests/data, mutated by insertions of each format's own punctuation, YAML anchors
and aliases, huge numbers, control characters and lone surrogates.
"""

from __future__ import annotations

import tracemalloc
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import formats
from argmap.errors import ArgmapError

from .helpers.budget import examples

DATA = Path(__file__).parent / "data"
DEADLINE = timedelta(seconds=5)
MEMORY_BASE = 64 << 20
MEMORY_PER_CHAR = 2000

SEEDS = {
    "yaml": (DATA / "formats" / "toy.yaml").read_text(encoding="utf-8"),
    "json": '{"argmap": 1, "title": "t", "speakers": [{"id": "a", "name": "A"}], "claims": '
            '[{"id": "X", "speaker": "a", "kind": "thesis", "text": "x"}, {"id": "Y", "speaker": "a", '
            '"text": "y"}], "relations": [{"from": "Y", "to": "X", "type": "attack"}]}',
    "argdown": (DATA / "formats" / "toy.argdown").read_text(encoding="utf-8"),
    "aif": (DATA / "formats" / "toy.aif.json").read_text(encoding="utf-8"),
    "iccma": "p af 4\n# comment\n2 1\n3 2\n4 4\n",
    "apx": "arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,c).\n% comment\n",
    "tgf": "a first\nb second\nc\n#\na b\nb c\n",
}
READERS = sorted(SEEDS)

#: Fragments a hostile user would insert: each format's punctuation, anchors and
#: aliases, nesting, long numbers, control characters, surrogates.
FRAGMENTS = st.sampled_from([
    "&a ", "*a", "&b [*a, *a, *a, *a]", "<<: *a", "!!python/object ", "!!binary ", "---\n", "...\n",
    "[", "]", "{", "}", "[[[[[[[[", ":", ",", "-", "- ", "\n  ", "\t", "'", '"', "\\", "\\u", "\\ud800",
    "9" * 60, "9" * 1200, "1e99999", "-0", "0x1F", "NaN", "null", "true", "~",
    "\x00", "\x1b[2J", "\x9b", "\u2028", "\ufeff", "\r", "\r\n",
    "===\n", "#(", "#", "//", "/*", "<!--", "{speaker: ", "<A>: ", "[A]: ", "    +> [A]", "    -", " _ ",
    "p af ", "p af 4294967296", "p af 10000000000000", "arg(", "att(", ").", "%",
    '"nodeID"', '"type": "RA"', '"argmap": {"speakers": 5}', '"edges": [', '"fromID": ',
])


def _mutate(seed: str, edits: list[tuple[int, int, str]]) -> str:
    text = seed
    for pos, cut, insert in edits:
        pos %= len(text) + 1
        text = text[:pos] + insert + text[pos + cut:]
    return text


def _read(name: str, text: str) -> None:
    """Read *text* as format *name*: success, or an ArgmapError that names the file."""
    module = formats.by_name(name)
    tracemalloc.start()
    try:
        module.verb("loads")(text, path="fuzz.input")
    except ArgmapError as exc:
        assert exc.message, "an error without a message"
        for problem in getattr(exc, "errors", None) or [exc]:
            assert problem.path is not None, f"unlocated error: {problem}"
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert peak <= MEMORY_BASE + MEMORY_PER_CHAR * len(text), f"{peak} bytes for {len(text)} characters"


@pytest.fixture(autouse=True, scope="module")
def _warm_readers() -> None:
    """Import every reader (numpy, PyYAML) once, so that no example pays for the imports."""
    for name in READERS:
        try:
            formats.by_name(name).verb("loads")(SEEDS[name], path="warm.input")
        except ArgmapError:
            pass


def fuzz(n: int) -> settings:
    """*n* examples (scaled by the profile), each under :data:`DEADLINE`."""
    return settings(max_examples=examples(n), deadline=DEADLINE,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


@pytest.mark.parametrize("name", READERS)
@fuzz(150)
@given(edits=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 8), FRAGMENTS), min_size=1, max_size=6))
def test_structure_mutations(name, edits):
    _read(name, _mutate(SEEDS[name], edits))


@pytest.mark.parametrize("name", READERS)
@fuzz(100)
@given(text=st.text(max_size=400))
def test_random_text(name, text):
    _read(name, text)


@pytest.mark.parametrize("name", READERS)
@fuzz(100)
@given(data=st.binary(max_size=400))
def test_random_bytes_through_the_file_reader(name, data, tmp_path_factory):
    suffix = formats.by_name(name).suffixes[0]
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    try:
        formats.read(path, name)
    except ArgmapError as exc:
        for problem in getattr(exc, "errors", None) or [exc]:
            assert problem.path is not None, f"unlocated error: {problem}"


@pytest.mark.parametrize("name", ["yaml", "argdown"])
@fuzz(60)
@given(levels=st.integers(2, 12), width=st.integers(2, 12))
def test_alias_bombs_of_any_shape(name, levels, width):
    lines = ["l0: &l0 [" + ",".join(["lol"] * width) + "]"]
    lines += [f"l{k}: &l{k} [" + ",".join([f"*l{k - 1}"] * width) + "]" for k in range(1, levels)]
    if name == "yaml":
        text = "argmap: 1\n" + "\n".join(lines) + f"\nspeakers: *l{levels - 1}\nclaims: []\n"
    else:
        text = "===\n" + "\n".join(lines) + f"\nspeakers: *l{levels - 1}\n===\n\n[A]: a {{tags: *l{levels - 1}}}\n"
    _read(name, text)
