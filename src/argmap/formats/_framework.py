"""What the framework formats (ICCMA, APX, TGF) share: building an AF, the map adapter, losses.

The three modules :mod:`~argmap.formats.iccma`, :mod:`~argmap.formats.apx` and
:mod:`~argmap.formats.tgf` read and write :class:`~argmap.af.AF` frameworks
(``loads_af``/``dumps_af``) and, through the adapter here, argument maps
(``loads``/``dumps``/``losses``): writing a map exports its attack graph, reading
one gives a map with one claim per argument. The registry in :mod:`argmap.formats`
chooses the module by name or suffix.

Examples
--------
>>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
>>> m = ArgumentMap(speakers=[Speaker("s", "S")], claims=[Claim("a", "s", "a"), Claim("b", "s", "b")],
...                 relations=[Relation("b", "a", "support")])
>>> map_to_af(m).pairs()
[]
>>> framework_losses(m)
['1 support relation (an abstract framework holds attacks only)', '1 speaker and who made each claim']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .._files import decode
from ..errors import FrameworkFormatError

if TYPE_CHECKING:  # pragma: no cover
    from ..af import AF
    from ..model import ArgumentMap

__all__ = ["AF_SPEAKER_ID", "shown_path", "as_text", "build_af", "map_to_af", "af_to_map", "framework_losses"]

#: The speaker of a map read from a framework file.
AF_SPEAKER_ID = "af"


def as_text(data: str | bytes, path: str | Path | None) -> str:
    """*data* decoded as UTF-8 (byte-order mark allowed), with a located
    :class:`~argmap.errors.FrameworkFormatError` if it is not."""
    return decode(data, path, error=FrameworkFormatError)


def shown_path(path: str | Path | None) -> str:
    """*path* as text for error locations, or ``<string>``."""
    return str(path) if path is not None else "<string>"


def build_af(names: Sequence[str], src: Iterable[int] | np.ndarray, dst: Iterable[int] | np.ndarray,
           fmt: str, path: str | Path | None, **meta: object) -> AF:
    """An :class:`~argmap.af.AF` from names and attack index arrays; ``meta`` records format and path."""
    from ..af import AF

    s = np.asarray(src if isinstance(src, np.ndarray) else list(src), dtype=np.int32)
    d = np.asarray(dst if isinstance(dst, np.ndarray) else list(dst), dtype=np.int32)
    info: dict[str, object] = {"format": fmt}
    if path is not None:
        info["path"] = str(path)
    info.update(meta)
    return AF(names, s.reshape(-1), d.reshape(-1), info)


def map_to_af(amap: ArgumentMap) -> AF:
    """The attack graph of *amap*: one argument per claim (map order), its attacks."""
    from ..af import AF

    attacks = [(r.from_id, r.to_id) for r in amap.relations
               if r.type == "attack" and not amap.has_argument(r.to_id)]
    return AF.from_pairs([c.id for c in amap.claims], attacks, {"title": amap.title})


def af_to_map(af: AF, path: str | Path | None, positions: Sequence[tuple[int, int]],
               texts: dict[str, str] | None = None) -> ArgumentMap:
    """A map with one claim per argument (one speaker, text = label or name)."""
    from ..model import ArgumentMap, Claim, Relation, Speaker

    names = [str(x) for x in af.names]
    src = af.src.tolist()
    dst = af.dst.tolist()
    seen: set[tuple[int, int]] = set()
    relations = []
    for k, (a, b) in enumerate(zip(src, dst)):
        if a == b:
            line, col = positions[k] if k < len(positions) else (None, None)
            raise FrameworkFormatError(
                f"argument {names[a]!r} attacks itself, which an argument map cannot hold",
                path=shown_path(path), line=line, column=col,
                hint="read the file as a framework instead (read_af), "
                     "or remove the self-attack")
        if (a, b) in seen:
            continue  # a repeated attack line says nothing new
        seen.add((a, b))
        relations.append(Relation(names[a], names[b], "attack"))
    texts = texts or {}
    claims = [Claim(n, AF_SPEAKER_ID, texts.get(n) or n) for n in names]
    title = Path(str(path)).stem if path is not None else ""
    return ArgumentMap(title=title, speakers=[Speaker(AF_SPEAKER_ID, "Framework file")],
                       claims=claims, relations=relations, path=None)


def _plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


def framework_losses(amap: ArgumentMap, *, keeps_texts: bool = False) -> list[str]:
    """What a framework format drops of *amap*, one line per kind, with counts."""
    out: list[str] = []
    supports = sum(1 for r in amap.relations if r.type == "support")
    if supports:
        out.append(f"{_plural(supports, 'support relation')} (an abstract framework holds attacks only)")
    if amap.arguments:
        out.append(f"{_plural(len(amap.arguments), 'argument')} (premises and conclusion; an abstract "
                   "framework holds attacks only)")
    undercuts = sum(1 for r in amap.relations if amap.has_argument(r.to_id))
    if undercuts:
        out.append(f"{_plural(undercuts, 'undercut')} (attacks on arguments)")
    acts = sum(1 for c in amap.claims if c.act is not None)
    if acts:
        out.append(f"the speech act of {_plural(acts, 'claim')} (questioning, challenging, …)")
    if amap.speakers and not (len(amap.speakers) == 1 and amap.speakers[0].id == AF_SPEAKER_ID):
        out.append(f"{_plural(len(amap.speakers), 'speaker')} and who made each claim")
    rel_speakers = sum(1 for r in amap.relations if r.type == "attack" and r.speaker)
    if rel_speakers:
        out.append(f"the asserting speaker of {_plural(rel_speakers, 'attack')}")
    quotes = sum(1 for c in amap.claims if c.quote)
    if quotes:
        out.append(f"{_plural(quotes, 'quote')} and their places in the sources")
    if amap.sources:
        out.append(f"{_plural(len(amap.sources), 'source text')}")
    if not keeps_texts:
        texts = sum(1 for c in amap.claims if c.text and c.text != c.id)
        if texts:
            out.append(f"{_plural(texts, 'claim text')} (only the ids are kept)")
    kinds = sum(1 for c in amap.claims if c.kind != "claim")
    if kinds:
        out.append(f"the kind of {_plural(kinds, 'claim')} (thesis, premise, …)")
    tags = sum(1 for c in amap.claims if c.tags)
    if tags:
        out.append(f"the tags of {_plural(tags, 'claim')}")
    notes = sum(1 for r in amap.relations if r.note)
    if notes:
        out.append(f"{_plural(notes, 'relation note')}")
    if amap.title:
        out.append("the title")
    return out
