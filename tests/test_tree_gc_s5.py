""":func:`argmap.formats._tree.paused_gc` (session 5): the collector as it was, new objects in the oldest generation.

Leaving the pause moves every tracked object to the oldest generation (``gc.freeze``
then ``gc.unfreeze``), so that the young passes after a large read do not walk what it
built. Nothing may stay frozen, the collector's state must be what it was, and cyclic
garbage made inside the pause must still be collected.
"""

from __future__ import annotations

import gc
import weakref

from argmap.formats import native
from argmap.formats._tree import paused_gc


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_the_collector_is_back_as_it_was_and_nothing_stays_frozen():
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        built = [[i] for i in range(50_000)]
    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert gc.get_count()[0] < 1000  # the young generation does not hold what was built
    assert gc.is_tracked(built) and built[-1] == [49_999]
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # a disabled collector stays disabled
    finally:
        gc.enable()


def test_cyclic_garbage_made_in_the_pause_is_still_collected():
    with paused_gc():
        cycle = _Cycle()
        gone = weakref.ref(cycle)
        del cycle
    assert gone() is not None  # a cycle: not freed by reference counting
    gc.collect()
    assert gone() is None


def test_nested_pauses_leave_at_the_outer_one():
    with paused_gc():
        with paused_gc():
            pass
        assert not gc.isenabled()
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_map_read_leaves_the_collector_as_it_was():
    text = "argmap: 1\nspeakers:\n  - {id: s}\nclaims:\n" + "".join(
        f'  - {{id: C{i}, speaker: s, text: "t {i}"}}\n' for i in range(2000))
    amap = native.loads(text)
    assert len(amap.claims) == 2000
    assert gc.isenabled() and gc.get_freeze_count() == 0 and gc.get_count()[0] < 1000
