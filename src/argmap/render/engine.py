"""The one place where argmap runs Graphviz: DOT text in, SVG/PNG/PDF bytes out.

Engines are tried in this order, and the first available one is used:

1. ``$ARGMAP_DOT``: an explicit ``dot`` executable (when set, nothing else is tried);
2. **pygraphviz**, in-process: its wheel bundles Graphviz, so ``pip install argmap``
   is enough on the common platforms;
3. ``dot`` on ``PATH`` (or in this interpreter's scripts folder).

Graphviz's own diagnostics are kept: a subprocess engine's stderr is captured, and
for pygraphviz, whose C library writes straight to file descriptor 2 while Python
only sees ``DotError('Invalid Input')``, descriptor 2 is redirected to a temporary
file around the call. Nothing is ever printed on stdout (pydot's ``create_*``
methods are not used: they print failures to stdout and ``assert``).

Examples
--------
>>> svg = render_bytes("digraph { a -> b }", "svg")   # doctest: +SKIP
>>> svg.lstrip().startswith(b"<?xml")                   # doctest: +SKIP
True
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..errors import EngineNotFoundError, RenderError, UsageError
from ..vocabulary import DiagramFormat

__all__ = ["FORMATS", "Engine", "find_engine", "render_bytes"]

#: Output formats an engine is asked for: every :class:`~argmap.vocabulary.DiagramFormat` but
#: ``dot``, and Graphviz's ``json`` layout (node positions and splines; used to measure layouts).
FORMATS: tuple[str, ...] = (*(f.value for f in DiagramFormat if f is not DiagramFormat.dot), "json")

#: Seconds a layout may take before it is stopped (``$ARGMAP_RENDER_TIMEOUT`` overrides it).
#: A dense framework can keep Graphviz busy for many minutes; past this, rendering
#: fails with "Graphviz … took more than N s".
TIMEOUT = 120.0


def _timeout() -> float:
    try:
        value = float(os.environ.get("ARGMAP_RENDER_TIMEOUT", TIMEOUT))
    except ValueError:
        return TIMEOUT
    return value if value > 0 else TIMEOUT

_HOW_TO_FIX = (
    "fix one of: `pip install --force-reinstall pygraphviz` (bundles Graphviz); "
    "install Graphviz so that `dot` is on PATH (apt-get install graphviz | brew install graphviz | "
    "winget install graphviz); set ARGMAP_DOT=/path/to/dot. `fmt` dot works without an engine"
)
_RENDER_HINT = ("the DOT text argmap wrote is kept with `fmt` dot; "
                "try `group_by` none or `rankdir` LR, or run Graphviz on it yourself")


@dataclass(frozen=True)
class Engine:
    """A way to run Graphviz.

    Attributes
    ----------
    name : str
        ``"pygraphviz"`` or the path of a ``dot`` executable.
    run : callable
        ``run(dot_text, fmt) -> bytes``; raises :class:`~argmap.errors.RenderError`.
    """

    name: str
    run: Callable[[str, str], bytes]


def find_engine() -> Engine:
    """The first available Graphviz engine (see the module docstring for the order).

    Raises
    ------
    EngineNotFoundError
        When none is available; the message lists what was tried and how to fix it.
    """
    explicit = os.environ.get("ARGMAP_DOT")
    if explicit:
        exe = shutil.which(explicit)
        if exe is None:
            raise EngineNotFoundError(
                f"ARGMAP_DOT={explicit!r} is not an executable Graphviz `dot`",
                hint="point ARGMAP_DOT at Graphviz's dot program, or unset it to use the bundled engine")
        return _subprocess_engine(exe)
    tried = []
    reason = _pygraphviz_problem()
    if reason is None:
        return Engine("pygraphviz", _run_pygraphviz)
    tried.append(f"pygraphviz ({reason})")
    exe = _which_dot()
    if exe is not None:
        return _subprocess_engine(exe)
    tried.append("`dot` (not on PATH)")
    raise EngineNotFoundError("no Graphviz layout engine found; tried " + ", ".join(tried),
                              hint=_HOW_TO_FIX)


def render_bytes(dot_text: str, fmt: str, *, engine: Engine | None = None) -> bytes:
    """Lay out *dot_text* with Graphviz ``dot`` and return the drawing in *fmt*.

    Parameters
    ----------
    dot_text : str
        A complete DOT graph.
    fmt : {"svg", "png", "pdf"}
        Output format.
    engine : Engine, optional
        The engine to use; default :func:`find_engine`.

    Returns
    -------
    bytes
        The file contents.

    Raises
    ------
    EngineNotFoundError
        If no engine is available.
    RenderError
        If Graphviz fails; the message carries Graphviz's own diagnostics.
    UsageError
        If *fmt* is not one of :data:`FORMATS` (also a ``ValueError``).
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown engine format {fmt!r}", hint="use one of " + ", ".join(FORMATS))
    engine = engine or find_engine()
    out = engine.run(dot_text, fmt)
    if not out:
        raise RenderError(f"Graphviz ({engine.name}) produced no {fmt} output", hint=_RENDER_HINT)
    return out


# -- pygraphviz -----------------------------------------------------------------------

def _pygraphviz_problem() -> str | None:
    try:
        with _captured_fd2():
            import pygraphviz  # noqa: F401
    except ImportError as exc:
        return f"not importable: {exc}"
    except OSError as exc:  # pragma: no cover - broken shared libraries
        return f"cannot load: {exc}"
    return None


def _run_pygraphviz(dot_text: str, fmt: str) -> bytes:
    """Lay out with pygraphviz; in a forked child where possible, so that it can be stopped.

    Graphviz's C code does not return to Python until the layout is done, so a
    long layout could neither time out nor be interrupted with Ctrl-C in-process.
    On POSIX systems the layout runs in a child process: the parent waits at most
    :data:`TIMEOUT` seconds (``$ARGMAP_RENDER_TIMEOUT``) and kills the child on
    timeout or on Ctrl-C. Elsewhere it runs in-process.
    """
    if not hasattr(os, "fork") or threading.current_thread() is not threading.main_thread():
        return _layout_pygraphviz(dot_text, fmt)
    return _in_child(_layout_pygraphviz, dot_text, fmt, _timeout())


def _in_child(layout: Callable[[str, str], bytes], dot_text: str, fmt: str, timeout: float) -> bytes:
    """Run ``layout(dot_text, fmt)`` in a forked child; its bytes, or its RenderError, come back."""
    import pickle
    import select
    import signal
    import time

    read_end, write_end = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child (coverage does not follow forks)
        os.close(read_end)
        try:
            try:
                result: tuple[str, object] = ("ok", layout(dot_text, fmt))
            except RenderError as exc:
                result = ("error", (str(exc.message), exc.hint))
            except BaseException as exc:  # noqa: BLE001 - reported to the parent as a failure
                result = ("error", (f"Graphviz (pygraphviz) failed: {exc!r}", _RENDER_HINT))
            data = pickle.dumps(result)
            view = memoryview(data)
            while view:
                view = view[os.write(write_end, view):]
        finally:
            os._exit(0)
    os.close(write_end)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    finished = False
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            ready, _, _ = select.select([read_end], [], [], min(left, 0.5))
            if ready:
                chunk = os.read(read_end, 1 << 20)
                if not chunk:
                    finished = True
                    break
                chunks.append(chunk)
    finally:
        os.close(read_end)
        if not finished:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.waitpid(pid, 0)
    if not finished:
        raise RenderError(f"Graphviz (pygraphviz) took more than {timeout:g} s and was stopped",
                          hint="draw a subset with `speaker` or `focus`, or set "
                          "ARGMAP_RENDER_TIMEOUT to a larger number of seconds")
    try:
        kind, value = pickle.loads(b"".join(chunks))  # noqa: S301 - our own child's bytes
    except Exception:  # noqa: BLE001
        raise RenderError("Graphviz (pygraphviz) stopped without a result", hint=_RENDER_HINT) from None
    if kind == "ok":
        return value  # type: ignore[return-value]
    message, hint = value  # type: ignore[misc]
    raise RenderError(message, hint=hint)


def _layout_pygraphviz(dot_text: str, fmt: str) -> bytes:
    import pygraphviz

    log = ""
    try:
        with _captured_fd2() as grab:
            try:
                graph = pygraphviz.AGraph(string=dot_text)
                out = graph.draw(format=fmt, prog="dot")
            finally:
                log = grab()
    except (pygraphviz.DotError, ValueError, OSError) as exc:
        detail = _diagnostics(log) or str(exc)
        raise RenderError(f"Graphviz (pygraphviz) failed: {detail}", hint=_RENDER_HINT) from None
    return bytes(out or b"")


@contextlib.contextmanager
def _captured_fd2() -> Iterator[Callable[[], str]]:
    """Send file descriptor 2 to a temporary file; yield a function reading it back."""
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as tmp:
        os.dup2(tmp.fileno(), 2)
        stolen_stderr = sys.stderr
        try:
            def read() -> str:
                sys.stderr.flush()
                tmp.flush()
                tmp.seek(0)
                return tmp.read().decode("utf-8", "replace")

            yield read
        finally:
            stolen_stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)


def _diagnostics(log: str) -> str:
    """Graphviz's messages, without fontconfig chatter, on one line."""
    keep = [line.strip() for line in log.splitlines()
            if line.strip() and not line.lstrip().startswith("Fontconfig")]
    return " | ".join(keep)


# -- subprocess -------------------------------------------------------------------------

def _which_dot() -> str | None:
    scripts = sysconfig.get_path("scripts")
    search = os.pathsep.join(p for p in (os.environ.get("PATH", ""), scripts) if p)
    return shutil.which("dot", path=search)


def _subprocess_engine(exe: str) -> Engine:
    def run(dot_text: str, fmt: str) -> bytes:
        try:
            proc = subprocess.run([exe, f"-T{fmt}"], input=dot_text.encode("utf-8"),
                                  capture_output=True, timeout=_timeout(), check=False)
        except subprocess.TimeoutExpired:
            raise RenderError(f"Graphviz ({exe}) took more than {_timeout():g} s and was stopped",
                              hint="draw a subset with `speaker` or `focus`, or set "
                              "ARGMAP_RENDER_TIMEOUT to a larger number of seconds") from None
        except OSError as exc:
            raise EngineNotFoundError(f"cannot run {exe}: {exc.strerror}", hint=_HOW_TO_FIX) from None
        if proc.returncode != 0:
            detail = _diagnostics(proc.stderr.decode("utf-8", "replace")) or f"exit status {proc.returncode}"
            raise RenderError(f"Graphviz ({exe}) failed: {detail}", hint=_RENDER_HINT)
        return proc.stdout

    return Engine(exe, run)
