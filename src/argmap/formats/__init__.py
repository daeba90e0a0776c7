"""The format registry: every map and framework format, one entry each, the same verbs.

A format module implements the verbs that apply to it:

* ``loads(text, *, path=None, **options) -> ArgumentMap`` -- read a map;
* ``dumps(amap, **options) -> str`` -- write a map;
* optionally ``dump_chunks(amap, **options) -> list[str]`` -- the same text in pieces
  (their concatenation), for a writer whose output can be long: :func:`convert`
  writes the pieces one after the other instead of joining them first;
* ``losses(amap) -> list[str]`` -- one line per kind of information the format
  cannot hold, with counts (empty when nothing is lost);
* ``loads_af(data, *, path=None) -> AF`` and ``dumps_af(af) -> str`` -- for the
  abstract-framework formats (ICCMA, APX, TGF), which are map formats too.

A reader's own options (Argdown's ``speaker_from``) are named in its entry
(:attr:`Format.read_options`); :func:`read`, :func:`loads` and :func:`check` pass
them through and refuse, with a :class:`~argmap.errors.UsageError`, an option the
format's reader does not take, so every caller (the CLI's commands included) reads
every format the same way.

Formats that hold source texts (native, Argdown, AIF) also take
``advisories=list`` in ``loads``: problems that do not stop loading (an ambiguous
quote, a source whose SHA-256 changed) are appended there, which is what
:func:`check` reports beyond :func:`read`.

The functions below are the only way in: they choose the format (by name or by
the file's suffix), read each file once (:func:`argmap._files.read_text`, with
located decoding errors), write atomically (:func:`argmap._files.atomic_write`)
and refuse, with a :class:`~argmap.errors.UsageError`, a verb that a format does
not have. Format modules are imported only when used, so start-up stays fast, and
no format module imports this registry.

To add a format: write its module with the verbs it supports, then add one
:class:`Format` line to :data:`FORMATS`.

Examples
--------
>>> by_name("yaml").suffixes
('.yaml', '.yml')
>>> for_path("debate.json").name
'json'
>>> for_path("x.i23", kind="framework").name
'iccma'
>>> [f.name for f in FORMATS.values() if f.frameworks]
['iccma', 'apx', 'tgf']
>>> loads("<graph/>", "graphml")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
argmap.errors.UsageError: argmap can write graphml but not read it (readable formats: yaml, json, ...)
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal

from .._files import atomic_write, decode, read_bytes
from ..errors import ArgmapError, FileAccessError, UsageError, did_you_mean

if TYPE_CHECKING:  # pragma: no cover
    from ..af import AF
    from ..model import ArgumentMap

__all__ = [
    "Format",
    "FORMATS",
    "by_name",
    "for_path",
    "is_framework",
    "names",
    "read",
    "loads",
    "dumps",
    "dump_chunks",
    "losses",
    "write",
    "Checked",
    "check",
    "read_af",
    "loads_af",
    "dumps_af",
    "write_af",
    "Conversion",
    "convert",
]

Kind = Literal["map", "framework"]


@dataclass(frozen=True)
class Format:
    """A registered format.

    Attributes
    ----------
    name : str
        The name used by ``--from`` / ``--to`` and the ``format`` parameters.
    suffixes : tuple of str
        File suffixes (lower case, with the dot) that select this format.
    module : str
        The module implementing the verbs.
    readable, writable : bool
        Whether maps can be read (``loads``) and written (``dumps``).
    frameworks : bool
        Whether the module also reads and writes abstract frameworks
        (``loads_af``/``dumps_af``).
    sources : bool
        Whether the format holds source texts and quotes (its ``loads`` then takes
        ``advisories=``).
    reports : bool
        Whether the module's ``loads`` takes ``strict=`` and ``warnings=``: a list that
        receives, as located errors, what reading skipped or could not keep (Argdown, AIF).
    options : dict
        Keyword arguments always passed to the module's ``loads`` and ``dumps``
        (the native module serves YAML and JSON through ``syntax``).
    read_options : tuple of str
        The options a caller may give the reader of this format (Argdown:
        ``speaker_from``); ``strict``/``warnings`` (with *reports*) and
        ``advisories`` (with *sources*) are allowed besides.
    description : str
        One line for ``--help`` and the documentation.
    """

    name: str
    suffixes: tuple[str, ...]
    module: str
    readable: bool = True
    writable: bool = True
    frameworks: bool = False
    sources: bool = False
    reports: bool = False
    options: dict[str, Any] = field(default_factory=dict)
    read_options: tuple[str, ...] = ()
    description: str = ""

    def load_module(self) -> ModuleType:
        """Import and return the implementing module."""
        return importlib.import_module(self.module)

    def takes(self, option: str) -> bool:
        """Whether this format's reader takes the keyword *option*.

        Examples
        --------
        >>> by_name("argdown").takes("speaker_from"), by_name("yaml").takes("speaker_from")
        (True, False)
        """
        return (option in self.read_options or (self.reports and option in ("strict", "warnings"))
                or (self.sources and option == "advisories"))

    def reader_options(self, options: dict[str, Any]) -> dict[str, Any]:
        """*options* checked against what this format's reader takes.

        Raises
        ------
        UsageError
            Naming the first option this reader does not take and the formats that do.
        """
        for option in options:
            if not self.takes(option):
                others = [f.name for f in FORMATS.values() if option in f.read_options]
                raise UsageError(
                    f"the {self.name} reader takes no option `{option}`",
                    hint=(f"`{option}` applies to {', '.join(others)} input only" if others else
                          "options of this reader: " + (", ".join(self.read_options) or "none")))
        return options

    def has(self, verb: str) -> bool:
        """Whether the format offers *verb* (``loads``, ``dumps``, ``losses``, ``loads_af``, ``dumps_af``)."""
        return {"loads": self.readable, "dumps": self.writable, "losses": self.writable,
                "loads_af": self.frameworks, "dumps_af": self.frameworks}.get(verb, False)

    def verb(self, verb: str) -> Callable[..., Any]:
        """The module's function for *verb*.

        Raises
        ------
        UsageError
            If the format does not offer it (say, reading GraphML).
        """
        if not self.has(verb):
            raise UsageError(_refusal(self, verb), hint=_offer(verb))
        func: Callable[..., Any] = getattr(self.load_module(), verb)
        return func


def _refusal(fmt: Format, verb: str) -> str:
    if verb == "loads":
        return f"argmap can write {fmt.name} but not read it"
    if verb in ("dumps", "losses"):
        return f"argmap can read {fmt.name} but not write it"
    return f"{fmt.name} is not an abstract-framework format"


def _offer(verb: str) -> str:
    kind = {"loads": "readable formats", "dumps": "writable formats", "losses": "writable formats"}.get(
        verb, "framework formats")
    return f"{kind}: " + ", ".join(f.name for f in FORMATS.values() if f.has(verb))


#: Every known format, by name, in the order help texts list them.
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("yaml", (".yaml", ".yml"), "argmap.formats.native", sources=True, options={"syntax": "yaml"},
               description="argmap's native map format, YAML syntax"),
        Format("json", (".json",), "argmap.formats.native", sources=True, options={"syntax": "json"},
               description="argmap's native map format, JSON syntax (with derived start/end)"),
        Format("argdown", (".argdown", ".ad"), "argmap.formats.argdown", sources=True, reports=True,
               read_options=("speaker_from",),
               description="Argdown text (premise-conclusion structures, undercuts; speakers from data, tags "
                           "or headings)"),
        Format("aif", (".aif.json", ".aif"), "argmap.formats.aif", sources=True, reports=True,
               description="AIF JSON as AIFdb/OVA/QT30 write it (I, RA, CA, MA, L, YA nodes; locutions)"),
        Format("graphml", (".graphml",), "argmap.formats.graphml", readable=False,
               description="GraphML for Gephi and yEd (write only)"),
        Format("nodelink", (".nodelink.json",), "argmap.formats.nodelink", readable=False,
               description="networkx node-link JSON (write only)"),
        Format("iccma", (".af", ".i23"), "argmap.formats.iccma", frameworks=True,
               description="ICCMA 2023 abstract framework: the attack graph, claim ids in comments"),
        Format("apx", (".apx",), "argmap.formats.apx", frameworks=True,
               description="ASPARTIX facts arg(a). att(a,b).: the attack graph"),
        Format("tgf", (".tgf",), "argmap.formats.tgf", frameworks=True,
               description="Trivial Graph Format: claim ids (texts as labels) and attacks"),
    )
}


def names(verb: str | None = None) -> list[str]:
    """The names of the formats offering *verb* (all formats when None).

    Examples
    --------
    >>> names("dumps_af")
    ['iccma', 'apx', 'tgf']
    """
    return [f.name for f in FORMATS.values() if verb is None or f.has(verb)]


def by_name(name: str) -> Format:
    """The format called *name* (case-insensitive).

    Raises
    ------
    UsageError
        For an unknown name, with a "did you mean" hint or the known names.
    """
    fmt = FORMATS.get(str(name).lower())
    if fmt is None:
        raise UsageError(f"unknown format {name!r}",
                         hint=did_you_mean(str(name), FORMATS) or "known formats: " + ", ".join(FORMATS))
    return fmt


def for_path(path: str | Path, name: str | None = None, *, kind: Kind | None = None,
             verb: str | None = None) -> Format:
    """The format for *path*: *name* when given, else chosen by the file's suffix.

    Parameters
    ----------
    path : str or Path
        The file (it need not exist); the longest matching suffix wins
        (``.aif.json`` before ``.json``).
    name : str, optional
        A format name, overriding the suffix.
    kind : {"map", "framework"}, optional
        Only consider formats that read maps, or abstract frameworks.
    verb : str, optional
        What the caller will do (``loads`` to read, ``dumps`` to write): when the
        suffix is unknown, the hint lists only the suffixes of formats offering it.

    Raises
    ------
    UsageError
        For an unknown name or suffix, or a format of the wrong kind.
    """
    candidates = [f for f in FORMATS.values() if kind != "framework" or f.frameworks]
    if name:
        fmt = by_name(name)
        if fmt not in candidates:
            raise UsageError(f"{fmt.name} is not an abstract-framework format",
                             hint="framework formats: " + ", ".join(f.name for f in candidates))
        return fmt
    lower = str(path).lower()
    best: Format | None = None
    best_len = 0
    for fmt in candidates:
        for suffix in fmt.suffixes:
            if lower.endswith(suffix) and len(suffix) > best_len:
                best, best_len = fmt, len(suffix)
    if best is None:
        offered = [f for f in candidates if verb is None or f.has(verb)]
        known = "; ".join(f"{f.name}: {' '.join(f.suffixes)}" for f in offered)
        what = "framework format" if kind == "framework" else "format"
        which = {"loads": "a suffix argmap reads", "dumps": "a suffix argmap writes",
                 "loads_af": "a suffix argmap reads", "dumps_af": "a suffix argmap writes"}.get(
                     verb or "", "a known suffix")
        raise UsageError(f"cannot tell the {what} of {str(path)!r} from its suffix", path=path,
                         hint=f"use {which} ({known}) or name the format")
    return best


def is_framework(path: str | Path | None, name: str | None = None) -> bool:
    """Whether *path* (or the format *name*) is an abstract-framework file (ICCMA, APX, TGF).

    Examples
    --------
    >>> is_framework("x.apx"), is_framework("m.yaml"), is_framework("m.txt", "tgf")
    (True, False, True)
    """
    if name:
        return by_name(name).frameworks
    if path is None:
        return False
    try:
        return for_path(path).frameworks
    except UsageError:
        return False


def read(path: str | Path, name: str | None = None, **options: Any) -> ArgumentMap:
    """Read the map at *path* in the format *name* (default: from the suffix).

    Raises
    ------
    UsageError
        For an unknown or write-only format.
    FileAccessError
        If the file is missing or unreadable.
    ArgmapError
        Located at ``file:line:col`` for anything wrong inside it.

    See Also
    --------
    loads : read from a string.
    check : every problem, not only the first.
    write : the converse.
    """
    _refuse_folder(path)
    fmt = for_path(path, name, verb="loads")
    reader = fmt.verb("loads")
    fmt.reader_options(options)
    text = decode(read_bytes(path, what="map file"), path)
    return reader(text, path=Path(path), **fmt.options, **options)


def _refuse_folder(path: str | Path) -> None:
    """A folder given as a map is refused as one (not for its suffix), naming the maps in it."""
    folder = Path(path)
    if not folder.is_dir():
        return
    suffixes = tuple(s for f in FORMATS.values() if f.readable and not f.frameworks for s in f.suffixes)
    try:
        maps = sorted(p.name for p in folder.iterdir() if p.name.lower().endswith(suffixes) and p.is_file())
    except OSError:
        maps = []
    shown = ", ".join(maps[:5]) + (", …" if len(maps) > 5 else "")
    raise FileAccessError("is a folder, not a map file", path=path,
                          hint=f"name a map file in it: {shown}" if maps else "name a map file")


def loads(text: str, name: str, *, path: str | Path | None = None, **options: Any) -> ArgumentMap:
    """Read a map from *text* in the format called *name*.

    Source files are resolved relative to *path*'s folder (the current folder when
    no path is given).

    See Also
    --------
    read : read a file.
    dumps : the converse.
    """
    fmt = by_name(name)
    reader = fmt.verb("loads")
    return reader(decode(text), path=path, **fmt.options, **fmt.reader_options(options))


def dumps(amap: ArgumentMap, name: str, **options: Any) -> str:
    """Serialise *amap* in the format called *name*.

    See Also
    --------
    losses : what the format cannot hold.
    convert : dumps with the loss policy and the file written.
    """
    fmt = by_name(name)
    text: str = fmt.verb("dumps")(amap, **fmt.options, **options)
    return text


def dump_chunks(amap: ArgumentMap, name: str, **options: Any) -> list[str]:
    """The text of :func:`dumps` as a list of pieces, to be written one after the other.

    A writer whose output can be long makes it in pieces (its module's ``dump_chunks``)
    and is spared joining them into one string; for the other formats the list holds
    the one text of ``dumps``.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("s", "S")], claims=[Claim("C", "s", "It rains.")])
    >>> "".join(dump_chunks(m, "aif")) == dumps(m, "aif"), dump_chunks(m, "apx")
    (True, ['arg("C").\\n'])
    """
    fmt = by_name(name)
    chunked = getattr(fmt.load_module(), "dump_chunks", None) if fmt.writable else None
    if chunked is None:
        return [dumps(amap, name, **options)]
    chunks: list[str] = chunked(amap, **fmt.options, **options)
    return chunks


def losses(amap: ArgumentMap, name: str) -> list[str]:
    """What the format called *name* cannot hold of *amap*, one line per kind of loss.

    See Also
    --------
    convert : refuse (``strict``) or report the losses while writing.
    """
    return list(by_name(name).verb("losses")(amap))


def write(amap: ArgumentMap, path: str | Path, name: str | None = None, **options: Any) -> Format:
    """Write *amap* to *path* atomically in the format *name* (default: from the suffix).

    See Also
    --------
    convert : write with the losses reported, carrying the source texts.
    read : the converse.
    """
    from ..provenance import map_inputs

    fmt = for_path(path, name, verb="dumps")
    atomic_write(path, dump_chunks(amap, fmt.name, **options), keep=map_inputs(amap))
    return fmt


@dataclass
class Checked:
    """The outcome of :func:`check`.

    Attributes
    ----------
    map : ArgumentMap or None
        The map, when it loads.
    problems : list of ArgmapError
        Every problem found, located; empty when the map is sound.
    """

    map: ArgumentMap | None
    problems: list[ArgmapError]

    @property
    def ok(self) -> bool:
        """Whether there are no problems."""
        return not self.problems


def check(path: str | Path, name: str | None = None, **options: Any) -> Checked:
    """Read the map at *path* once and list every problem, not just the first.

    For the formats that hold sources (native, Argdown, AIF) this also reports what
    loading tolerates: a quote that occurs more than once without ``occurrence``,
    and a source whose SHA-256 differs from the one the map pins. The problems come
    in the order of the file: the map's by line and column, then those located in
    other files (a source text, an included file).

    See Also
    --------
    read : read, stopping at the first problem.
    argmap.lint.lint : the reviewer's checks of a sound map.
    """
    try:
        _refuse_folder(path)
        fmt = for_path(path, name, verb="loads")
        reader = fmt.verb("loads")
        fmt.reader_options(options)
        text = decode(read_bytes(path, what="map file"), path)
    except ArgmapError as exc:
        return Checked(None, list(exc.errors))
    advisories: list[ArgmapError] = []
    extra = {"advisories": advisories} if fmt.sources else {}
    try:
        amap = reader(text, path=Path(path), **fmt.options, **extra, **options)
    except ArgmapError as exc:
        return Checked(None, _in_file_order(list(exc.errors) + advisories, path))
    return Checked(amap, _in_file_order(advisories, path))


def _in_file_order(problems: list[ArgmapError], path: str | Path) -> list[ArgmapError]:
    """*problems* sorted by where they are: the map file first, by line and column (stable)."""
    here = str(path)

    def key(p: ArgmapError) -> tuple[bool, str, int, int]:
        where = str(p.path) if p.path is not None else here
        return (where != here, where, p.line or 0, p.column or 0)

    return sorted(problems, key=key)


@dataclass
class Conversion:
    """The outcome of :func:`convert`.

    Attributes
    ----------
    target : Format
        The format written.
    chunks : list of str
        The map in that format, in the pieces the writer made (see :func:`dump_chunks`).
    text : str
        Their concatenation, joined when first asked for.
    losses : list of str
        What the target format could not hold, one line per kind of loss.
    output : Path or None
        The file written, when one was named.
    copied : list of Path
        The source texts copied next to *output* so that the export finds them.
    """

    target: Format
    chunks: list[str]
    losses: list[str]
    output: Path | None = None
    copied: list[Path] = field(default_factory=list)

    @cached_property
    def text(self) -> str:
        """The map in the target format, one string."""
        return "".join(self.chunks)


def convert(amap: ArgumentMap, to: str | None = None, *, output: str | Path | None = None,
            strict: bool = False, keep: tuple[str | Path, ...] = ()) -> Conversion:
    """Convert *amap* to the format *to* (default: from *output*'s suffix); write *output* if given.

    Written into another folder, a map in a format that holds sources takes its source
    texts along (copied to the same relative paths next to *output*,
    :func:`argmap.provenance.carry_sources`), so the export loads where it is written.
    The file is written atomically, and never over one of the map's inputs.

    Parameters
    ----------
    amap : ArgumentMap
        The map, as read.
    to : str, optional
        The target format's name; required when there is no *output*.
    output : str or Path, optional
        Where to write; without it nothing is written and :attr:`Conversion.text` holds the result.
    strict : bool
        Refuse (nothing written) when the target cannot hold everything in the map.
    keep : tuple of paths
        Further files the output must not replace (the map's own inputs are always kept).

    Raises
    ------
    UsageError
        For an unknown or read-only target format, or neither *to* nor *output*.
    ConversionError
        With *strict*, when something would be lost (the lines are in its ``losses``).
    FileAccessError
        When the output or a carried source cannot be written.

    See Also
    --------
    losses : what a format cannot hold.
    dumps, write : serialise without the loss policy.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("s", "S")], claims=[Claim("C", "s", "It rains.")])
    >>> done = convert(m, "apx")
    >>> done.text, done.losses
    ('arg("C").\\n', ['1 speaker and who made each claim', '1 claim text (only the ids are kept)'])
    >>> convert(m, "apx", strict=True)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.ConversionError: apx cannot hold everything in the map (2 kinds of loss); nothing written ...
    """
    from ..errors import ConversionError
    from ..provenance import SOURCE_FORMATS, carry_sources, copy_sources, map_inputs

    if to is not None:
        target = by_name(to)
    elif output is not None:
        target = for_path(output)
    else:
        raise UsageError("name the target format (`to`) or the file to write (`output`)")
    lost = losses(amap, target.name)
    if strict and lost:
        raise ConversionError(f"{target.name} cannot hold everything in the map "
                              f"({len(lost)} kind{'s' if len(lost) != 1 else ''} of loss); nothing written",
                              hint="convert without `strict` to accept the losses", losses=lost)
    chunks = dump_chunks(amap, target.name)
    if output is None:
        return Conversion(target, chunks, lost)
    out = Path(output)
    regular = not out.exists() or out.is_file()
    plan = carry_sources(amap, out) if regular and target.name in SOURCE_FORMATS else []
    atomic_write(out, chunks, keep=[*(Path(k) for k in keep), *map_inputs(amap)])
    copy_sources(plan)
    return Conversion(target, chunks, lost, out, [destination for _, destination in plan])


def read_af(path: str | Path, name: str | None = None) -> AF:
    """Read the abstract-framework file at *path*.

    Parameters
    ----------
    path : str or Path
        An ICCMA (``.af``/``.i23``), APX (``.apx``) or TGF (``.tgf``) file.
    name : str, optional
        The format (``iccma``, ``apx``, ``tgf``), for files with another suffix.

    Returns
    -------
    AF
        The framework. ICCMA arguments are named ``"1" … "N"``; APX and TGF arguments
        keep their names, in the order they are declared.

    Raises
    ------
    UsageError
        For an unknown format, or one that is not a framework format.
    FileAccessError
        If the file is missing or unreadable.
    FrameworkFormatError
        If it is malformed (located at ``file:line:col``).

    See Also
    --------
    loads_af : parse a framework held in memory.
    write_af : the converse.
    argmap.framework.to_af : the framework of an argument map.

    Examples
    --------
    >>> import tempfile, os
    >>> folder = tempfile.mkdtemp()
    >>> p = os.path.join(folder, "toy.tgf")
    >>> _ = open(p, "w").write("a\\nb\\n#\\na b\\n")
    >>> read_af(p).pairs()
    [('a', 'b')]
    """
    fmt = for_path(path, name, kind="framework", verb="loads_af")
    af: AF = fmt.verb("loads_af")(read_bytes(path, what="framework file"), path=path)
    return af


def loads_af(data: str | bytes, name: str, path: str | Path | None = None) -> AF:
    """Parse a framework held in memory, in the format *name* (``iccma``, ``apx``, ``tgf``).

    See Also
    --------
    read_af : read a framework file.

    Examples
    --------
    >>> loads_af("arg(a). arg(b). att(b,a).", "apx").pairs()
    [('b', 'a')]
    >>> af = loads_af("p af 3\\n1 2\\n2 3\\n", "iccma")
    >>> af.n, af.m, list(af.names)
    (3, 2, ['1', '2', '3'])
    """
    af: AF = for_path("", name, kind="framework").verb("loads_af")(data, path=path)
    return af


def dumps_af(af: AF, name: str) -> str:
    """Serialise *af* in the framework format *name*.

    An ICCMA file whose names are not ``1 … N`` carries them in ``# i name``
    comment lines after an ``# argmap ids`` line.

    See Also
    --------
    write_af : into a file, atomically.

    Examples
    --------
    >>> from argmap.af import AF
    >>> print(dumps_af(AF.from_pairs(["x", "y"], [("x", "y")]), "tgf"), end="")
    x
    y
    #
    x y
    """
    text: str = for_path("", name, kind="framework").verb("dumps_af")(af)
    return text


def write_af(af: AF, path: str | Path, name: str | None = None) -> str:
    """Write *af* to *path* atomically, in the format of its suffix or *name*; return the format's name.

    See Also
    --------
    read_af : the converse.
    dumps_af : the text without the file.

    Examples
    --------
    >>> import tempfile, os
    >>> from argmap.af import AF
    >>> p = os.path.join(tempfile.mkdtemp(), "out.af")
    >>> write_af(AF.from_pairs(["1", "2"], [("2", "1")]), p)
    'iccma'
    >>> open(p).read()
    'p af 2\\n2 1\\n'
    """
    fmt = for_path(path, name, kind="framework")
    atomic_write(path, fmt.verb("dumps_af")(af))
    return fmt.name

