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

from typing import Any

from ..model import ArgumentMap

__all__ = ["to_networkx", "dumps", "losses"]


def to_networkx(amap: ArgumentMap) -> Any:
    """A :class:`networkx.DiGraph` of *amap* whose attributes are GraphML scalars."""
    import networkx as nx

    names = {s.id: s.name for s in amap.speakers}
    g = nx.DiGraph(title=amap.title)
    for c in amap.claims:
        attrs: dict[str, Any] = {"label": f"{c.id}: {c.text}", "speaker": c.speaker,
                                 "speaker_name": names[c.speaker], "kind": c.kind, "text": c.text}
        for key in ("source", "quote", "occurrence", "start", "end"):
            if getattr(c, key) is not None:
                attrs[key] = getattr(c, key)
        if c.tags:
            attrs["tags"] = "; ".join(c.tags)
        g.add_node(c.id, **attrs)
    for a in amap.arguments:  # as in ArgumentMap.graph: premise -> argument -> conclusion
        spk = amap.argument_speaker(a)
        attrs = {"label": f"{a.id}: " + " + ".join(a.premises) + f" => {a.conclusion}",
                 "speaker": spk, "speaker_name": names[spk], "kind": "argument",
                 "text": a.note or ""}
        if a.scheme is not None:
            attrs["scheme"] = a.scheme
        g.add_node(a.id, **attrs)
        for p in a.premises:
            g.add_edge(p, a.id, type="premise", speaker=spk)
        g.add_edge(a.id, a.conclusion, type="conclusion", speaker=spk)
    for r in amap.relations:
        attrs = {"type": r.type, "speaker": amap.relation_speaker(r)}
        if r.note is not None:
            attrs["note"] = r.note
        g.add_edge(r.from_id, r.to_id, **attrs)
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
