"""networkx node-link JSON (``.nodelink.json``): write only, for Python users.

The output is what :func:`networkx.node_link_data` produces (``edges="edges"``,
networkx's default since 3.4): ``{"directed": true, "multigraph": false,
"graph": {...}, "nodes": [...], "edges": [...]}``. Read it back with
``networkx.node_link_graph(data, edges="edges")``.

* ``graph`` holds ``title``, ``speakers`` (``[{id, name}]``) and ``sources``
  (``[{id, file, sha256?, title?}]``);
* each node is a claim: ``id``, ``speaker``, ``kind``, ``text`` and, when set,
  ``source``, ``quote``, ``occurrence``, ``tags``, ``start``, ``end``;
* each edge is a relation: ``source``, ``target``, ``type`` (``support`` or
  ``attack``) and, when set, ``note`` and ``speaker`` (the asserting speaker, when
  the map names one).

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

import json
from typing import Any

from ..model import ArgumentMap

__all__ = ["to_networkx", "dumps", "losses"]


def to_networkx(amap: ArgumentMap) -> Any:
    """A fresh :class:`networkx.DiGraph` of *amap* with JSON-ready attributes only.

    Unlike :attr:`ArgumentMap.graph`, attributes holding nothing are left out and
    no record objects are attached, so the graph serialises as it is.
    """
    import networkx as nx

    g = nx.DiGraph()
    g.graph["title"] = amap.title
    g.graph["speakers"] = [{"id": s.id, "name": s.name} for s in amap.speakers]
    g.graph["sources"] = [{k: v for k, v in (("id", s.id), ("file", s.file), ("sha256", s.sha256),
                                             ("title", s.title)) if v is not None} for s in amap.sources]
    for c in amap.claims:
        attrs: dict[str, Any] = {"speaker": c.speaker, "kind": c.kind, "text": c.text}
        for key in ("source", "quote", "occurrence", "start", "end"):
            if getattr(c, key) is not None:
                attrs[key] = getattr(c, key)
        if c.tags:
            attrs["tags"] = list(c.tags)
        g.add_node(c.id, **attrs)
    for r in amap.relations:
        attrs = {"type": r.type}
        if r.note is not None:
            attrs["note"] = r.note
        if r.speaker is not None:
            attrs["speaker"] = r.speaker
        g.add_edge(r.from_id, r.to_id, **attrs)
    return g


def dumps(amap: ArgumentMap) -> str:
    """Write *amap* as networkx node-link JSON."""
    import networkx as nx

    data = nx.node_link_data(to_networkx(amap), edges="edges")
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def losses(amap: ArgumentMap) -> list[str]:
    """Node-link JSON holds everything: always an empty list."""
    return []
