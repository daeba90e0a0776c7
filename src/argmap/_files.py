"""Reading and writing files: the one text reader and the one atomic writer.

:func:`read_bytes` maps the operating system's refusals to a located
:class:`~argmap.errors.FileAccessError`; :func:`decode` turns bytes into text
(UTF-8, a byte-order mark removed) and reports invalid bytes at ``file:line:col``;
:func:`read_text` is the two together. :func:`atomic_write` replaces a file through
a temporary file and a rename, so an existing file is either fully replaced or left
untouched.

Examples
--------
>>> import os, tempfile
>>> p = os.path.join(tempfile.mkdtemp(), "note.txt")
>>> atomic_write(p, "caf\\u00e9\\n")
>>> read_text(p)
'café\\n'
>>> decode(b"ok\\n\\xff", "x.txt")
Traceback (most recent call last):
...
argmap.errors.MapFormatError: x.txt:2:1: the file is not valid UTF-8 (save it as UTF-8)
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from .errors import ArgmapError, FileAccessError, MapFormatError

__all__ = ["read_bytes", "decode", "read_text", "atomic_write"]


def read_bytes(path: str | Path, *, what: str = "file") -> bytes:
    """The bytes of the file at *path*.

    Parameters
    ----------
    path : str or Path
    what : str
        What the file is, for the message about a folder (``"map file"``).

    Raises
    ------
    FileAccessError
        If the file is missing, is a folder or cannot be read.
    """
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise FileAccessError("no such file", path=path, hint="check the path") from None
    except IsADirectoryError:
        raise FileAccessError(f"is a folder, not a {what}", path=path) from None
    except OSError as exc:
        raise FileAccessError(f"cannot read the file: {exc.strerror}", path=path) from None


def decode(data: str | bytes, path: str | Path | None = None, *,
           error: type[ArgmapError] = MapFormatError) -> str:
    """*data* as text: UTF-8 with an optional byte-order mark, which is removed.

    Parameters
    ----------
    data : str or bytes
        A ``str`` only loses a leading byte-order mark.
    path : str or Path, optional
        Named in the error (default ``<string>``).
    error : ArgmapError subclass
        The class raised for invalid UTF-8 (default :class:`MapFormatError`; the
        framework readers pass :class:`~argmap.errors.FrameworkFormatError`).

    Raises
    ------
    ArgmapError
        Of class *error*, at the line and column of the first invalid byte.
    """
    if isinstance(data, str):
        return data[1:] if data.startswith("\ufeff") else data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise error("the file is not valid UTF-8", path=str(path) if path is not None else "<string>",
                    line=line, column=col, hint="save it as UTF-8") from None


def read_text(path: str | Path, *, what: str = "file",
              error: type[ArgmapError] = MapFormatError) -> str:
    """The text of the file at *path* (:func:`read_bytes` then :func:`decode`)."""
    return decode(read_bytes(path, what=what), path, error=error)


def atomic_write(path: str | Path, data: str | bytes | list[str], *, keep: Iterable[str | Path] = ()) -> None:
    """Write *data* (text as UTF-8) to *path* through a temporary file and a rename.

    An existing file at *path* is either fully replaced or left untouched, never
    half-written; it keeps its permission bits. A new file gets the usual
    permissions (``0o666`` less the umask).

    Parameters
    ----------
    path : str or Path
        Where to write. A symbolic link is followed (its target is replaced, the
        link stays). Something that is not a regular file -- a FIFO, a character
        device such as ``/dev/null``, ``/dev/stdout`` -- is written in place,
        never replaced by a regular file.
    data : str, bytes or list of str
        A list of texts is written as their concatenation, one after the other (a long
        output need not be joined into one string first). Every text is encoded
        before the file is opened, so one that cannot be encoded writes nothing.
    keep : iterable of paths
        Files that must not be overwritten, typically the inputs of the command
        (the map and its source texts, see :func:`argmap.provenance.map_inputs`):
        when *path* is one of them (the same file, by device and inode), nothing
        is written.

    Raises
    ------
    FileAccessError
        If *path* is one of *keep*, the folder does not exist, or the file cannot
        be written.

    Notes
    -----
    SIGTERM and SIGHUP arriving during the write (in the main thread) remove the
    temporary file before the signal takes its usual effect; Ctrl-C
    (KeyboardInterrupt) does the same. Only SIGKILL can leave a ``.NAME.*.tmp``
    file behind, and it never replaces *path*.
    """
    path = Path(path)
    if isinstance(data, list):
        raw: bytes | list[bytes] = [chunk.encode("utf-8") for chunk in data]
    else:
        raw = data.encode("utf-8") if isinstance(data, str) else data
    _refuse_inputs(path, keep)
    try:
        info = path.stat()
    except (OSError, ValueError):
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_in_place(path, raw, info)
        return
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    folder = path.parent if str(path.parent) else Path(".")
    with _signals_clean_up() as cleanup:
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        except FileNotFoundError:
            raise FileAccessError("the output folder does not exist", path=path,
                                  hint="create it first") from None
        except OSError as exc:
            raise FileAccessError(f"cannot write here: {exc.strerror}", path=path) from None
        cleanup.append(tmp)
        try:
            with os.fdopen(fd, "wb") as handle:
                _write_all(handle, raw)
            if info is not None:
                try:
                    os.chmod(tmp, info.st_mode & 0o777)
                except OSError:
                    pass
            else:
                os.chmod(tmp, 0o666 & ~_umask())
            os.replace(tmp, path)
            cleanup.clear()
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            cleanup.clear()
            raise FileAccessError(f"cannot write the file: {exc.strerror}", path=path) from None
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            cleanup.clear()
            raise


def _refuse_inputs(path: Path, keep: Iterable[str | Path]) -> None:
    """Raise when *path* is the same file as one of *keep* (missing files never are)."""
    try:
        target = path.stat()
    except (OSError, ValueError):
        return
    if not stat.S_ISREG(target.st_mode):
        return  # /dev/null or a pipe may well be both input and output
    for other in keep:
        try:
            info = Path(other).stat()
        except (OSError, ValueError):
            continue
        if (info.st_dev, info.st_ino) == (target.st_dev, target.st_ino):
            raise FileAccessError(
                "will not overwrite this file: it is an input of this command (the map or one of "
                "its source texts)", path=path,
                hint="write to another file (then move it, if that is what you want)")


def _write_all(handle: BinaryIO, raw: bytes | list[bytes]) -> None:
    """Write *raw*, or each of its pieces in order, to *handle*."""
    if isinstance(raw, bytes):
        handle.write(raw)
        return
    for piece in raw:
        handle.write(piece)


def _write_in_place(path: Path, raw: bytes | list[bytes], info: os.stat_result) -> None:
    """Write to a FIFO, device or other non-regular file by opening it, never replacing it."""
    if stat.S_ISDIR(info.st_mode):
        raise FileAccessError("is a folder, not a file", path=path, hint="give a file name")
    try:
        with open(path, "wb") as handle:  # a FIFO blocks here until a reader opens it
            _write_all(handle, raw)
    except OSError as exc:
        raise FileAccessError(f"cannot write the file: {exc.strerror}", path=path) from None


class _Interrupted(BaseException):
    """A terminating signal arrived while a temporary file existed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _signals_clean_up() -> Iterator[list[str]]:
    """Turn SIGTERM/SIGHUP into an exception for the duration, then re-deliver the signal.

    Yields a list: the temporary files to remove if a signal arrives. Outside the
    main thread (where handlers cannot be set) it only yields.
    """
    cleanup: list[str] = []
    if threading.current_thread() is not threading.main_thread():
        yield cleanup
        return
    names = [getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n)]

    def handler(signum: int, frame: object) -> None:
        raise _Interrupted(signum)

    old = {}
    for signum in names:
        try:
            if signal.getsignal(signum) is signal.SIG_DFL:  # an ignored or handled signal stays so
                old[signum] = signal.signal(signum, handler)
        except (OSError, ValueError):  # pragma: no cover - unusual embedding
            pass
    try:
        yield cleanup
    except _Interrupted as exc:
        for tmp in cleanup:
            Path(tmp).unlink(missing_ok=True)
        _restore(old)
        signal.raise_signal(exc.signum)  # the usual effect: by default, the process ends
        raise KeyboardInterrupt from None  # pragma: no cover - a handler that returns
    finally:
        _restore(old)


def _restore(old: dict[int, Any]) -> None:
    for signum, previous in old.items():
        try:
            signal.signal(signum, previous)
        except (OSError, ValueError, TypeError):  # pragma: no cover
            pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
