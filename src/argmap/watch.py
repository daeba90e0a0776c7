"""Redo a piece of work whenever one of its files is saved (``--watch``).

Polling, not operating-system notifications: every *interval* seconds the watcher
compares each file's ``(mtime_ns, size, inode)`` with what it saw last. That works
the same on every platform and every file system (network shares and containers
included), needs no dependency, and catches editors that save by writing a new file
and renaming it over the old one. A change is acted on once the files have been
quiet for one interval, so a save that touches the map and then its source counts
once; a save made while the work was running counts as a change.

The files to watch are asked for again after each run: a map that gains a source
is then watched with it.

Examples
--------
>>> import tempfile, threading
>>> from pathlib import Path
>>> f = Path(tempfile.mkdtemp()) / "m.yaml"
>>> _ = f.write_text("a")
>>> import time; time.sleep(0.1)
>>> runs = []
>>> stop = threading.Event()
>>> def work():
...     runs.append(f.read_text())
...     if len(runs) == 1:
...         threading.Timer(0.05, f.write_text, ["bb"]).start()   # a save, later
...     else:
...         stop.set()
...     return [f]
>>> watch(work, interval=0.01, stop=stop)
2
>>> runs
['a', 'bb']
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

__all__ = ["snapshot", "watch"]

Stamp = tuple[int, int, int] | None
_CLOCK_SLACK_NS = 20_000_000


def snapshot(paths: Iterable[str | Path]) -> dict[Path, Stamp]:
    """``path -> (mtime_ns, size, inode)`` for each path, None for a missing one."""
    out: dict[Path, Stamp] = {}
    for p in paths:
        path = Path(p)
        try:
            st = os.stat(path)
        except OSError:
            out[path] = None
        else:
            out[path] = (st.st_mtime_ns, st.st_size, st.st_ino)
    return out


def watch(work: Callable[[], Iterable[str | Path]], *, interval: float = 0.3,
          stop: threading.Event | None = None, max_runs: int | None = None) -> int:
    """Run *work* now and again after every change of the files it names.

    Parameters
    ----------
    work : callable
        Does the job and returns the files to watch until the next run (the map and
        its sources). It should report its own errors and return normally, so that a
        broken save is shown and the next save retried.
    interval : float
        Seconds between two looks at the files.
    stop : threading.Event, optional
        Set it to end the watch (tests, servers); otherwise it runs until
        interrupted (Ctrl-C raises :class:`KeyboardInterrupt` to the caller).
    max_runs : int, optional
        End after this many runs.

    Returns
    -------
    int
        How many times *work* ran.
    """
    stop = stop or threading.Event()
    runs = 0
    while not stop.is_set():
        # File clocks are coarse: count a save from just before the run as during it.
        started = time.time_ns() - _CLOCK_SLACK_NS
        files = list(work())
        runs += 1
        if max_runs is not None and runs >= max_runs:
            break
        seen = snapshot(files)
        # A save while the work ran is a change too (it may not be in what the work read).
        changed = any(stamp is not None and stamp[0] >= started for stamp in seen.values())
        while not stop.is_set():
            if stop.wait(interval):
                break
            now = snapshot(seen)
            if now != seen:
                seen, changed = now, True     # changed: wait until it is quiet
            elif changed:
                break
    return runs

