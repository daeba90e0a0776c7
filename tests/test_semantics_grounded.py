"""The one grounded labelling (``argmap.semantics.grounded``) against its definition.

Both entry points -- ``grounded_labelling`` (an AF, numpy, vectorised rounds for large
frontiers) and ``grounded_labels`` (lists, used by the map evaluation) -- are compared
with ``helpers.oracle.grounded_fixpoint``, the least fixpoint of the characteristic
function computed with sets, which shares no code with argmap.
"""

from __future__ import annotations

import random
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.af import AF
from argmap.semantics import grounded_labelling, grounded_labels
from argmap.semantics.grounded import _SCALAR_BELOW

from .helpers.budget import examples
from .helpers.oracle import grounded_fixpoint


def both(n: int, attacks: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    af = AF.from_pairs([str(i) for i in range(n)], [(str(a), str(b)) for a, b in attacks])
    return grounded_labels(n, attacks), grounded_labelling(af).tolist()


@st.composite
def attack_lists(draw: st.DrawFn, max_n: int = 30) -> tuple[int, list[tuple[int, int]]]:
    n = draw(st.integers(0, max_n))
    if n == 0:
        return 0, []
    node = st.integers(0, n - 1)
    # duplicates and self-attacks allowed, as both entry points promise
    return n, draw(st.lists(st.tuples(node, node), max_size=3 * n))


@settings(max_examples=examples(200))
@given(attack_lists())
def test_both_entry_points_give_the_definition(case: tuple[int, list[tuple[int, int]]]) -> None:
    n, attacks = case
    want = grounded_fixpoint(n, frozenset(attacks))
    lists, arrays = both(n, attacks)
    assert lists == want
    assert arrays == want


def layered(seed: int, width: int, layers: int, fanout: int, back: int) -> tuple[int, list[tuple[int, int]]]:
    """Layers of *width* arguments, each attacking *fanout* of the next layer, plus *back*
    random attacks anywhere (cycles, self-attacks): wide frontiers, long propagation."""
    rng = random.Random(seed)
    n = width * layers
    attacks = [(layer * width + i, (layer + 1) * width + rng.randrange(width))
               for layer in range(layers - 1) for i in range(width) for _ in range(fanout)]
    attacks += [(rng.randrange(n), rng.randrange(n)) for _ in range(back)]
    return n, attacks


@pytest.mark.parametrize("seed, width, layers, fanout, back", [
    (1, 2 * _SCALAR_BELOW, 6, 1, 0),       # rounds with many attacks per argument (dense count)
    (2, 2 * _SCALAR_BELOW, 30, 1, 40),     # then a small frontier: the worklist finishes
    (3, 6 * _SCALAR_BELOW, 4, 1, 300),     # cycles and self-attacks leave some undecided
    (4, 3 * _SCALAR_BELOW, 3, 3, 0),       # duplicate attacks between layers
])
def test_wide_frameworks_use_the_vectorised_rounds_and_agree(seed: int, width: int, layers: int,
                                                              fanout: int, back: int) -> None:
    n, attacks = layered(seed, width, layers, fanout, back)
    want = grounded_fixpoint(n, frozenset(attacks))
    lists, arrays = both(n, attacks)
    assert lists == want
    assert arrays == want
    assert {1, -1} <= set(want)


def test_sparse_rounds_on_a_large_framework_agree() -> None:
    """Few attacks per round against many arguments: the sort-and-subtract branch."""
    rng = random.Random(5)
    n = 40 * _SCALAR_BELOW
    hub = list(range(_SCALAR_BELOW, 2 * _SCALAR_BELOW))
    attacks = [(a, rng.choice(hub)) for a in range(_SCALAR_BELOW)]
    attacks += [(h, n - 1 - k) for k, h in enumerate(hub)]
    want = grounded_fixpoint(n, frozenset(attacks))
    lists, arrays = both(n, attacks)
    assert lists == want == arrays


def test_the_list_entry_point_does_not_import_numpy() -> None:
    code = ("import sys; from argmap.semantics import grounded_labels; "
            "print(grounded_labels(3, [(0, 1), (1, 2)]), 'numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["[1,", "-1,", "1]", "False"]
