"""networkx node-link JSON (``.nodelink.json``): write only, for Python users.

The output is what :func:`networkx.node_link_data` produces (``edges="edges"``,
networkx's default since 3.4): ``{"directed": true, "multigraph": false,
"graph": {...}, "nodes": [...], "edges": [...]}``. Read it back with
``networkx.node_link_graph(data, edges="edges")``.

* ``graph`` holds ``title``, ``speakers`` (``[{id, name}]``) and ``sources``
  (``[{id, file, sha256?, title?, whitespace?}]``, ``whitespace`` when ``loose``);
* each claim is a node: ``id``, ``speaker``, ``kind``, ``text`` and, when set,
  ``source``, ``quote``, ``occurrence``, ``start``, ``end``, ``tags``, ``act`` and
  ``silence`` (lint rule -> reason);
* each argument (format 2) is a node too: ``id``, ``kind`` (``"argument"``),
  ``speaker``, ``text`` (its note, or ``""``), ``premises`` (in order), ``conclusion``
  and, when set, ``scheme`` and ``note``, with an edge of
  ``type`` ``premise`` from each premise and one of ``type`` ``conclusion`` to its
  conclusion;
* each relation is an edge: ``source``, ``target``, ``type`` (``support`` or
  ``attack``; an undercut ends at an argument) and, when set, ``note`` and ``speaker``
  (the asserting speaker, when the map names one).

The attributes are those of :meth:`argmap.model.ArgumentMap.to_networkx`.

Nothing is lost (:func:`losses` is empty).

Examples
--------
>>> import json
>>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
>>> m = ArgumentMap(title="toy", speakers=[Speaker("a", "Ann")],
...                 claims=[Claim("A1", "a", "It rains."), Claim("A2", "a", "Clouds.")],
...                 relations=[Relation("A2", "A1", "support")])
>>> data = json.loads(dumps(m))
>>> data["edges"]
[{'type': 'support', 'source': 'A2', 'target': 'A1'}]
>>> import networkx as nx
>>> sorted(nx.node_link_graph(data, edges="edges").nodes)
['A1', 'A2']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import ArgumentMap
from ._tree import dump_json

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = ["to_networkx", "dumps", "losses"]


def to_networkx(amap: ArgumentMap) -> nx.DiGraph:
    """A fresh :class:`networkx.DiGraph` of *amap* with JSON-ready attributes only.

    It is :meth:`ArgumentMap.to_networkx` (no records attached, unset attributes left
    out), with the speakers and sources as graph data, and an edge's ``speaker`` kept
    only where the map names it (a relation's or an argument's own speaker).
    """
    g = amap.to_networkx()
    g.graph["speakers"] = [{"id": s.id, "name": s.name} for s in amap.speakers]
    g.graph["sources"] = [{k: v for k, v in (("id", s.id), ("file", s.file), ("sha256", s.sha256),
                                             ("title", s.title),
                                             ("whitespace", None if s.whitespace == "exact" else s.whitespace))
                           if v is not None} for s in amap.sources]
    named = {(r.from_id, r.to_id): r.speaker for r in amap.relations}
    for a in amap.arguments:
        named.update({(p, a.id): a.speaker for p in a.premises})
        named[(a.id, a.conclusion)] = a.speaker
    for u, v, data in g.edges(data=True):
        speaker = named[(u, v)]
        if speaker is None:
            del data["speaker"]
        else:
            data["speaker"] = speaker
    return g


def dumps(amap: ArgumentMap) -> str:
    """Write *amap* as networkx node-link JSON."""
    import networkx as nx

    data = nx.node_link_data(to_networkx(amap), edges="edges")
    return dump_json(data)


def losses(amap: ArgumentMap) -> list[str]:
    """Node-link JSON holds everything: always an empty list."""
    return []
