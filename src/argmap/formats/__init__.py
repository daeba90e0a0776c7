"""The format registry: one module per format, the same verbs in each.

Every format module offers ``loads(text, *, path=None, **options) -> ArgumentMap``
(if it can be read), ``dumps(amap, **options) -> str`` (if it can be written),
and ``losses(amap) -> list[str]``: one line per kind of information the format
cannot hold, with counts (empty when nothing is lost). ``read`` and ``write``
below add file handling (UTF-8, atomic replace) on top of those verbs.

Modules are imported only when a format is used, so start-up stays fast.

Examples
--------
>>> by_name("yaml").suffixes
('.yaml', '.yml')
>>> for_path("debate.json").name
'json'
"""

from __future__ import annotations

import importlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ..errors import ArgmapError, did_you_mean

if TYPE_CHECKING:  # pragma: no cover
    from ..model import ArgumentMap

__all__ = ["Format", "FORMATS", "by_name", "for_path", "read", "write", "atomic_write"]


@dataclass(frozen=True)
class Format:
    """A registered format.

    Attributes
    ----------
    name : str
        The name used by ``--from`` / ``--to``.
    suffixes : tuple of str
        File suffixes (lower case, with the dot) that select this format.
    module : str
        The module implementing ``loads``/``dumps``/``losses``.
    readable, writable : bool
        Which directions the module implements.
    description : str
        One line for ``--help`` and the README.
    """

    name: str
    suffixes: tuple[str, ...]
    module: str
    readable: bool = True
    writable: bool = True
    description: str = ""

    def load_module(self) -> ModuleType:
        """Import and return the implementing module."""
        return importlib.import_module(self.module)


#: Every known format, by name. Format modules register here (one line each).
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("yaml", (".yaml", ".yml"), "argmap.formats.native_yaml",
               description="argmap's native map format, YAML syntax"),
        Format("json", (".json",), "argmap.formats.native_json",
               description="argmap's native map format, JSON syntax (with derived start/end)"),
        Format("argdown", (".argdown", ".ad"), "argmap.formats.argdown",
               description="Argdown text (documented subset; speakers from data, tags or headings)"),
        Format("aif", (".aif.json", ".aif"), "argmap.formats.aif",
               description="AIF JSON as AIFdb/OVA write it (I, RA, CA, MA, L, YA nodes; locutions)"),
        Format("graphml", (".graphml",), "argmap.formats.graphml", readable=False,
               description="GraphML for Gephi and yEd (write only)"),
        Format("nodelink", (".nodelink.json",), "argmap.formats.nodelink", readable=False,
               description="networkx node-link JSON (write only)"),
        Format("iccma", (".af", ".i23"), "argmap.formats.iccma", description="ICCMA 2023 abstract framework: the attack graph, claim ids in comments"),
        Format("apx", (".apx",), "argmap.formats.apx", description="ASPARTIX facts arg(a). att(a,b).: the attack graph"),
        Format("tgf", (".tgf",), "argmap.formats.tgf", description="Trivial Graph Format: claim ids (texts as labels) and attacks"),
    )
}


def by_name(name: str) -> Format:
    """The format called *name* (case-insensitive), or an :class:`ArgmapError` listing the known ones."""
    fmt = FORMATS.get(name.lower())
    if fmt is None:
        raise ArgmapError(f"unknown format {name!r}",
                          hint=did_you_mean(name, FORMATS) or "known formats: " + ", ".join(FORMATS))
    return fmt


def for_path(path: str | Path, name: str | None = None) -> Format:
    """The format for *path*: *name* when given, else chosen by the file's suffix."""
    if name:
        return by_name(name)
    lower = str(path).lower()
    best: Format | None = None
    for fmt in FORMATS.values():
        for suffix in fmt.suffixes:
            if lower.endswith(suffix) and (best is None or len(suffix) > max(map(len, best.suffixes))):
                best = fmt
    if best is None:
        known = ", ".join(s for f in FORMATS.values() for s in f.suffixes)
        raise ArgmapError(f"cannot tell the format of {str(path)!r} from its suffix",
                          path=path, hint=f"use a known suffix ({known}) or --from/--to NAME")
    return best


def read(path: str | Path, name: str | None = None, **options: Any) -> ArgumentMap:
    """Read the map at *path* in the format *name* (default: from the suffix)."""
    fmt = for_path(path, name)
    if not fmt.readable:
        raise ArgmapError(f"argmap can write {fmt.name} but not read it", path=path,
                          hint="readable formats: " + ", ".join(f.name for f in FORMATS.values() if f.readable))
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArgmapError("no such file", path=path, hint="check the path") from None
    except IsADirectoryError:
        raise ArgmapError("is a folder, not a map file", path=path) from None
    except OSError as exc:
        raise ArgmapError(f"cannot read the file: {exc.strerror}", path=path) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ArgmapError("the file is not valid UTF-8", path=path, line=line, column=col,
                          hint="save it as UTF-8") from None
    return fmt.load_module().loads(text, path=path, **options)


def dumps(amap: ArgumentMap, name: str, **options: Any) -> str:
    """Serialise *amap* in the format called *name*."""
    fmt = by_name(name)
    if not fmt.writable:
        raise ArgmapError(f"argmap can read {fmt.name} but not write it",
                          hint="writable formats: " + ", ".join(f.name for f in FORMATS.values() if f.writable))
    return fmt.load_module().dumps(amap, **options)


def losses(amap: ArgumentMap, name: str) -> list[str]:
    """What the format called *name* cannot hold of *amap*, one line per kind of loss."""
    return list(by_name(name).load_module().losses(amap))


def write(amap: ArgumentMap, path: str | Path, name: str | None = None, **options: Any) -> Format:
    """Write *amap* to *path* atomically in the format *name* (default: from the suffix)."""
    fmt = for_path(path, name)
    atomic_write(path, dumps(amap, fmt.name, **options))
    return fmt


def atomic_write(path: str | Path, data: str | bytes) -> None:
    """Write *data* to *path* through a temporary file and a rename.

    An existing file at *path* is either fully replaced or left untouched, never
    half-written.
    """
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise ArgmapError("the output folder does not exist", path=path,
                          hint="create it first") from None
    except OSError as exc:
        raise ArgmapError(f"cannot write here: {exc.strerror}", path=path) from None
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
        raise ArgmapError(f"cannot write the file: {exc.strerror}", path=path) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
