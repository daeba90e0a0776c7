"""A starting map for new source texts (``argmap init``).

:func:`starting_map` reads the texts, pins their SHA-256 and finds the speakers:
given ones, else the names that open transcript lines (``Ann: …``) when the texts
have them, else one speaker per text. The map has no claims yet; ``argmap edit``
or ``argmap quote`` add them.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "talk.txt").write_text("Ann: Ban cars.\\nBob: No.\\nAnn: Yes.\\nBob: Why?\\n", encoding="utf-8")
>>> print(starting_map([folder / "talk.txt"], folder / "talk.yaml"))  # doctest: +ELLIPSIS
argmap: 1
title: talk
sources:
  - id: talk
    file: talk.txt
    sha256: ...
speakers:
  - {id: ann, name: Ann}
  - {id: bob, name: Bob}
claims: []
relations: []
<BLANKLINE>
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from .errors import FileAccessError, UsageError

__all__ = ["starting_map", "find_speakers", "write_starting_map", "SCHEMA_FILE"]

#: The file name `argmap init --schema` writes the JSON Schema to, beside the map.
SCHEMA_FILE = "argmap.schema.json"

_TURN = re.compile(r"^[ \t]*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})[ \t]*:[ \t]+\S", re.M)


def _slug(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^0-9a-z]+", "-", name.casefold()).strip("-") or "s"
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


def find_speakers(texts: Sequence[str]) -> list[str]:
    """The names that open lines as ``Name: words``, in order of appearance.

    In a transcript (at least half of the non-empty lines open with a name) every such
    name counts; elsewhere only names that open two lines or more.

    >>> find_speakers(["Ann: yes.\\nBob: no.\\nAnn: so."])
    ['Ann', 'Bob']
    >>> find_speakers(["An essay.\\nNote: once.\\nMore prose.\\nAnd more."])
    []
    """
    counts: Counter[str] = Counter()
    order: dict[str, int] = {}
    lines = 0
    for text in texts:
        lines += sum(1 for line in text.splitlines() if line.strip())
        for m in _TURN.finditer(text):
            name = m.group(1)
            counts[name] += 1
            order.setdefault(name, len(order))
    least = 1 if 2 * sum(counts.values()) >= lines else 2
    return sorted((n for n, c in counts.items() if c >= least), key=order.__getitem__)


def _quote(value: str) -> str:
    import json

    plain = re.fullmatch(r"[A-Za-z0-9][\w .,'()/-]*", value) and not value.endswith(" ") \
        and value.lower() not in {"yes", "no", "true", "false", "null", "on", "off", "y", "n"}
    return value if plain else json.dumps(value, ensure_ascii=False)


def starting_map(sources: Sequence[str | Path], output: str | Path,
                 speakers: Sequence[str] | None = None, title: str | None = None,
                 schema: bool = False) -> str:
    """The YAML text of a new map over *sources*, to be written at *output*.

    Parameters
    ----------
    sources : paths
        The source texts (UTF-8). They must lie in *output*'s folder or below it.
    output : path
        Where the map will be written (source paths are made relative to its folder).
    speakers : list of str, optional
        ``ID`` or ``ID=Name`` for each speaker; default :func:`find_speakers`, else one
        speaker per text, named after its file.
    title : str, optional
        Default: the first text's file name without its suffix.
    schema : bool
        Start with the yaml-language-server modeline naming :data:`SCHEMA_FILE`.

    Raises
    ------
    FileAccessError
        A text cannot be read or is not UTF-8.
    UsageError
        A text is outside the map's folder or given twice (also a ValueError).
    """
    base = Path(os.path.abspath(Path(output).parent))
    records: list[tuple[str, str, str]] = []
    texts: list[str] = []
    ids: set[str] = set()
    seen: set[Path] = set()
    for source in sources:
        path = Path(os.path.abspath(source))
        if path in seen:
            raise UsageError("this text is given twice", path=source)
        seen.add(path)
        try:
            relative = path.relative_to(base)
        except ValueError:
            raise UsageError(f"the text is not in the map's folder {base}", path=source,
                             hint="put the map beside its texts (or above them), e.g. `output` "
                                  f"{Path(source).parent / 'map.yaml'}") from None
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise FileAccessError(f"cannot read the text: {exc.strerror}", path=source) from None
        try:
            texts.append(data.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise FileAccessError(f"the text is not valid UTF-8 (byte {exc.start})", path=source,
                                  line=data[:exc.start].count(b"\n") + 1, hint="save it as UTF-8") from None
        records.append((_slug(Path(source).stem, ids), PurePosixPath(relative).as_posix(),
                        hashlib.sha256(data).hexdigest()))
    people: list[tuple[str, str]] = []
    taken: set[str] = set()
    if speakers:
        for given in speakers:
            sid, _, name = given.partition("=")
            sid, name = sid.strip(), (name.strip() or sid.strip())
            if not sid or sid in taken:
                raise UsageError(f"speaker {given!r} is empty or given twice",
                                  hint="write each of `speakers` as ID=Name")
            taken.add(sid)
            people.append((sid, name))
    else:
        names = find_speakers(texts) or [Path(s).stem for s in sources]
        people = [(_slug(n, taken), n) for n in names]
    lines = []
    if schema:
        lines.append(f"# yaml-language-server: $schema={SCHEMA_FILE}")
    lines += ["argmap: 1", f"title: {_quote(title or Path(sources[0]).stem)}", "sources:"]
    for sid, file, sha in records:
        lines += [f"  - id: {sid}", f"    file: {_quote(file)}", f"    sha256: {sha}"]
    lines.append("speakers:")
    lines += [f"  - {{id: {_quote(sid)}, name: {_quote(name)}}}" for sid, name in people]
    lines += ["claims: []", "relations: []", ""]
    return "\n".join(lines)


def write_starting_map(sources: Sequence[str | Path], output: str | Path,
                       speakers: Sequence[str] | None = None, title: str | None = None,
                       schema: bool = False, force: bool = False) -> list[Path]:
    """Write :func:`starting_map` to *output* (atomically), and the schema with *schema*.

    Returns the files written. Refuses to replace an existing map unless *force*.
    """
    import json

    from ._files import atomic_write

    out = Path(output)
    if out.exists() and not force:
        raise FileAccessError("the map already exists", path=out, hint="choose another `output`, or pass `force`")
    text = starting_map(sources, out, speakers, title, schema)
    written = []
    if schema:
        from .schema import json_schema

        target = out.parent / SCHEMA_FILE
        atomic_write(target, json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
        written.append(target)
    atomic_write(out, text)
    written.insert(0, out)
    return written
