"""GraphML (``.graphml``): write only, for Gephi, yEd, Cytoscape and the like.

One node per claim, one directed edge per relation. Node data keys: ``label``
(``ID: text``, what Gephi and yEd show), ``speaker``, ``speaker_name``, ``kind``,
``text``, and when set ``source``, ``quote``, ``occurrence``, ``tags`` (joined
with ``"; "``), ``start``, ``end``. Edge data keys: ``type`` (``support`` /
``attack``), ``note``, ``speaker`` (the asserting speaker: the relation's own or
else its source claim's). The graph carries the ``title``.

GraphML data values are scalars, so what does not fit is reported by
:func:`losses`: the map's source records (file, SHA-256), speakers who make no
claim, and whether a relation's speaker was given or defaulted.

Examples
--------
>>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
>>> m = ArgumentMap(title="toy", speakers=[Speaker("a", "Ann")],
...                 claims=[Claim("A1", "a", "It rains."), Claim("A2", "a", "Clouds.")],
...                 relations=[Relation("A2", "A1", "support")])
>>> text = dumps(m)
>>> '<edge source="A2" target="A1">' in text
True
>>> losses(m)
[]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import ArgumentMap

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = ["to_networkx", "dumps", "losses"]


def to_networkx(amap: ArgumentMap) -> nx.DiGraph:
    """A :class:`networkx.DiGraph` of *amap* whose attributes are GraphML scalars.

    It is :meth:`ArgumentMap.to_networkx` reshaped: a ``label`` and the
    ``speaker_name`` first, ``tags`` joined with ``"; "``, the lint ``silence`` (not a
    scalar) left out (:func:`losses` reports it), and an argument's ``premises``,
    ``conclusion`` and ``note`` left to its edges, label and ``text``.
    """
    names = {s.id: s.name for s in amap.speakers}
    g = amap.to_networkx()
    for node, data in g.nodes(data=True):
        rest = dict(data)
        data.clear()
        if rest["kind"] == "argument":
            a = amap.argument(node)
            label = f"{a.id}: " + " + ".join(a.premises) + f" => {a.conclusion}"
        else:
            label = f"{node}: {rest['text']}"
        tags = rest.pop("tags", None)
        for key in ("silence", "premises", "conclusion", "note"):  # the edges and the text hold them
            rest.pop(key, None)
        speaker = rest.pop("speaker")
        data.update(label=label, speaker=speaker, speaker_name=names[speaker], **rest)
        if tags:
            data["tags"] = "; ".join(tags)
    for _, _, data in g.edges(data=True):
        note = data.pop("note", None)
        if note is not None:
            data["note"] = note  # after type and speaker, as GraphML keys are declared in order
    return g


def dumps(amap: ArgumentMap) -> str:
    """Write *amap* as GraphML (UTF-8 XML)."""
    import networkx as nx

    return "\n".join(nx.generate_graphml(to_networkx(amap), encoding="utf-8", prettyprint=True)) + "\n"


def losses(amap: ArgumentMap) -> list[str]:
    """What GraphML output cannot hold of *amap*, one line per kind, with counts."""
    out = []
    if amap.sources:
        n = len(amap.sources)
        out.append(f"{n} source record{'s' if n != 1 else ''} (file, sha256): only claims' source ids are written")
    silent = [s for s in amap.speakers if not any(c.speaker == s.id for c in amap.claims)]
    if silent:
        out.append(f"{len(silent)} speaker{'s' if len(silent) != 1 else ''} without claims")
    explicit = sum(1 for r in amap.relations if r.speaker is not None)
    if explicit:
        out.append(f"{explicit} relation speaker{'s' if explicit != 1 else ''} given explicitly "
                   "(written like defaulted ones)")
    tagged = [c for c in amap.claims if any(";" in t for t in c.tags)]
    if tagged:
        out.append(f"{len(tagged)} claim tag list{'s' if len(tagged) != 1 else ''} with ';' inside a tag "
                   "(ambiguous once joined)")
    silenced = sum(len(c.silence) for c in amap.claims)
    if silenced:
        out.append(f"{silenced} lint silence{'s' if silenced != 1 else ''} (argmap lint's per-claim reasons)")
    return out
