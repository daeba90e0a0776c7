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

import os
import tempfile
from pathlib import Path

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


def atomic_write(path: str | Path, data: str | bytes) -> None:
    """Write *data* (text as UTF-8) to *path* through a temporary file and a rename.

    An existing file at *path* is either fully replaced or left untouched, never
    half-written; it keeps its permission bits. A new file gets the usual
    permissions (``0o666`` less the umask).

    Raises
    ------
    FileAccessError
        If the folder does not exist or the file cannot be written.
    """
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise FileAccessError("the output folder does not exist", path=path,
                              hint="create it first") from None
    except OSError as exc:
        raise FileAccessError(f"cannot write here: {exc.strerror}", path=path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
        if path.exists():
            try:
                os.chmod(tmp, path.stat().st_mode & 0o777)
            except OSError:
                pass
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise FileAccessError(f"cannot write the file: {exc.strerror}", path=path) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
