"""AIF JSON (``.aif.json``) in the shape AIFdb and OVA write: read and write.

Reading
-------
A JSON object with ``nodes`` (``nodeID``, ``type``, ``text``) and ``edges``
(``fromID``, ``toID``), optionally ``locutions`` (``nodeID`` of an L-node,
``personID``) and ``participants`` (``participantID``, ``firstname``, ``surname``);
the same object wrapped as ``{"AIF": {...}}`` (xAIF) is accepted too. Variants real
files have are accepted: ids as strings or numbers, missing timestamps and edge ids,
``text`` as a string or an object holding it (``{"txt": …}``), extra keys.

* **I-nodes** become claims (id: the ``nodeID``; text: the node's text).
* **RA-nodes** become support: each premise I-node supports the conclusion I-node.
  Linked premises therefore become one support per premise.
* **CA-nodes** become attack from each attacking I-node to the attacked I-node.
* **MA-nodes** (rephrase, ``I₁ → MA → I₂``) are kept as the tag ``rephrase:I₂`` on
  I₁'s claim; argmap has no rephrase relation and does not invent one.
* **Speakers** come from the dialogue layer: an L-node (locution) that reaches an
  I-node through a YA-node (illocution) is the speaker's utterance; the L-node's
  entry in ``locutions`` names a ``personID``, whose ``participants`` entry gives
  the name. Without that entry, the ``"Name : words"`` convention of the L-node's
  text gives the name. When several locutions reach one I-node, the first one
  whose illocution is an assertion wins, else the first one. An I-node no locution
  reaches belongs to the speaker ``unattributed``.
* TA-nodes and YA-nodes anchored in them (the dialogue's transitions) carry no
  claim or relation and are not read.
* Refused with a located error: an undercut (a CA-node attacking an RA-node), any
  S-node whose premise or conclusion is not an I-node, an RA/CA without premise or
  with other than one conclusion, PA-nodes (preferences), unknown node types,
  duplicate ids, edges to unknown nodes.

Writing
-------
:func:`dumps` writes one I-node per claim, one RA-node (Default Inference) per
support and one CA-node (Default Conflict) per attack, and the dialogue layer so
that speakers survive in any AIF tool: per claim an L-node ``"Name : quote"`` (the
quote, else the text), a YA-node ``Asserting`` linking it to the I-node, a
``locutions`` entry, and one ``participants`` entry per speaker. Node ids are
numeric strings, as AIFdb writes them. What standard AIF has no place for (claim
ids, kinds, tags, sources, quotes and occurrences, speaker ids, relation notes and
speakers, the title) goes into a top-level ``"argmap"`` block that AIF tools
ignore and argmap reads back, so argmap → AIF → argmap loses nothing
(:func:`losses` is empty); another tool sees the claims, relations and speakers.

Examples
--------
>>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
>>> m = ArgumentMap(title="toy", speakers=[Speaker("a", "Ann"), Speaker("b", "Bob")],
...                 claims=[Claim("A1", "a", "It rains."), Claim("B1", "b", "The sky is clear.")],
...                 relations=[Relation("B1", "A1", "attack")])
>>> import json
>>> doc = json.loads(dumps(m))
>>> sorted({n["type"] for n in doc["nodes"]})
['CA', 'I', 'L', 'YA']
>>> loads(dumps(m)) == m
True
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import ArgmapError, MapFormatError, did_you_mean
from ..model import CLAIM_KINDS, ArgumentMap, Claim, Relation, Source, Speaker
from ..provenance import Where, place_quotes
from ._ids import slug, unique_id
from ._tree import Node, parse_json

__all__ = ["loads", "dumps", "losses"]

_UNATTRIBUTED = Speaker("unattributed", "Unattributed")
_S_TYPES = {"RA": "support", "CA": "attack", "MA": "rephrase"}
_KNOWN_TYPES = {"I", "RA", "CA", "MA", "PA", "L", "YA", "TA"}
_EXT = "argmap"


def _plain(node: Node) -> Any:
    if node.kind == "map":
        return {k.value: _plain(v) for k, v in node.pairs}
    if node.kind == "seq":
        return [_plain(i) for i in node.items]
    return node.value


class _Reader:
    def __init__(self, text: str, path: str | Path | None) -> None:
        self.path = str(path) if path is not None else "<string>"
        self.file = path
        self.text = text
        self.advisories: list[ArgmapError] | None = None

    def fail(self, node: Node | None, message: str, hint: str | None = None) -> MapFormatError:
        return MapFormatError(message, path=self.path, line=node.line if node else None,
                              column=node.column if node else None, hint=hint)

    def ident(self, node: Node | None, owner: Node, what: str) -> str:
        if node is None:
            raise self.fail(owner, f"{what} is missing")
        if node.kind != "scalar" or isinstance(node.value, bool) or not isinstance(node.value, (str, int)):
            raise self.fail(node, f"{what} must be a string or an integer, not {node.type_name()}")
        value = str(node.value).strip()
        if not value:
            raise self.fail(node, f"{what} is empty")
        return value

    def list_of_maps(self, root: Node, key: str, required: bool) -> list[Node]:
        node = root.get(key)
        if node is None:
            if required:
                raise self.fail(root, f"an AIF document needs `{key}`",
                                'AIF JSON looks like {"nodes": [...], "edges": [...]}')
            return []
        if node.kind != "seq":
            raise self.fail(node, f"`{key}` must be a list, not {node.type_name()}")
        for item in node.items:
            if item.kind != "map":
                raise self.fail(item, f"each entry of `{key}` must be an object, not {item.type_name()}")
        return node.items

    @staticmethod
    def node_text(node: Node) -> str:
        t = node.get("text")
        if t is None:
            return ""
        if t.kind == "map":
            for key in ("txt", "text", "plain_txt"):
                inner = t.get(key)
                if inner is not None and isinstance(inner.value, str):
                    return inner.value
            return ""
        return t.value if isinstance(t.value, str) else ("" if t.value is None else str(t.value))

    def read(self) -> ArgumentMap:
        root = parse_json(self.text, self.path)
        if root.kind != "map":
            raise self.fail(root, f"an AIF document is a JSON object, not {root.type_name()}")
        ext_node = root.get(_EXT)
        for wrapper in ("AIF", "aif"):
            inner = root.get(wrapper)
            if inner is not None and inner.kind == "map" and root.get("nodes") is None:
                root = inner
                break
        if root.get("nodes") is None and any(k.value in ("analysis", "id") for k, _ in root.pairs):
            raise self.fail(root, "this looks like OVA's own JSON, not AIF",
                            "export AIF JSON from OVA or AIFdb")
        nodes = self.list_of_maps(root, "nodes", True)
        edges = self.list_of_maps(root, "edges", True)
        by_id: dict[str, tuple[str, str, Node]] = {}
        order: list[str] = []
        for n in nodes:
            nid = self.ident(n.get("nodeID"), n, "nodeID")
            tnode = n.get("type")
            if tnode is None or not isinstance(tnode.value, str):
                raise self.fail(n, f"node {nid!r} has no type", "types are I, RA, CA, MA, L, YA, TA")
            ntype = tnode.value.strip()
            if ntype not in _KNOWN_TYPES:
                raise self.fail(tnode, f"node {nid!r} has unknown type {ntype!r}",
                                did_you_mean(ntype, _KNOWN_TYPES) or "types are I, RA, CA, MA, L, YA, TA")
            if ntype == "PA":
                raise self.fail(n, f"node {nid!r} is a preference (PA); argmap cannot hold preferences",
                                "remove the PA-node and its edges to convert the rest")
            if nid in by_id:
                raise self.fail(n.get("nodeID"), f"duplicate nodeID {nid!r} (first at line {by_id[nid][2].line})")
            by_id[nid] = (ntype, self.node_text(n), n)
            order.append(nid)
        ins: dict[str, list[str]] = {nid: [] for nid in order}
        outs: dict[str, list[str]] = {nid: [] for nid in order}
        edge_at: dict[tuple[str, str], Node] = {}
        for e in edges:
            a = self.ident(e.get("fromID"), e, "fromID")
            b = self.ident(e.get("toID"), e, "toID")
            for end, key in ((a, "fromID"), (b, "toID")):
                if end not in by_id:
                    raise self.fail(e.get(key), f"edge {key} {end!r} names no node",
                                    did_you_mean(end, by_id))
            if (a, b) in edge_at:
                continue
            edge_at[(a, b)] = e
            outs[a].append(b)
            ins[b].append(a)
        ext = self.extension(ext_node)
        claim_ids = self.claim_ids(order, by_id, ext)
        relations, extra_tags = self.relations(order, by_id, ins, outs, claim_ids, ext)
        speakers, claim_speaker = self.speakers(root, order, by_id, ins, outs, ext)
        claims: list[Claim] = []
        where: dict[str, Where] = {}
        for nid in order:
            ntype, text, n = by_id[nid]
            if ntype != "I":
                continue
            cid = claim_ids[nid]
            info = ext["claims"].get(nid, {})
            if not text.strip():
                raise self.fail(n, f"I-node {nid!r} has no text", "every proposition needs its words")
            tags = tuple(info.get("tags", ())) + tuple(t for t in extra_tags.get(nid, ()) if t not in info.get("tags", ()))
            claims.append(Claim(cid, claim_speaker[nid], text, info.get("kind", "claim"), info.get("source"),
                                info.get("quote"), info.get("occurrence"), tags))
            where[cid] = (n.line, n.column)
        sources = ext["sources"]
        claims, sources = place_quotes(claims, sources, path=self.file, claim_where=where,
                                       source_where={s.id: ext["where"] for s in sources},
                                       advisories=self.advisories)
        title = ext["title"]
        if title is None:
            title = Path(self.file).name.split(".")[0] if self.file is not None else ""
        try:
            return ArgumentMap(title=title, sources=sources, speakers=speakers, claims=claims,
                               relations=relations, path=self.file,
                               positions={("claims", i): where[c.id] for i, c in enumerate(claims)})
        except MapFormatError as exc:
            raise MapFormatError(exc.message, path=self.path, hint=exc.hint) from None

    # the argmap extension block -------------------------------------------------------
    def extension(self, node: Node | None) -> dict[str, Any]:
        ext: dict[str, Any] = {"title": None, "sources": [], "speakers": {}, "claims": {}, "relations": {},
                               "where": (node.line, node.column) if node else None}
        if node is None:
            return ext
        data = _plain(node)
        if not isinstance(data, dict) or data.get("version") != 1:
            raise self.fail(node, "the `argmap` block must be an object with version 1",
                            "it is written by argmap; remove it if it was edited by hand")
        unknown = set(data) - {"version", "title", "sources", "speakers", "claims", "relations"}
        if unknown:
            key = sorted(unknown)[0]
            raise self.fail(node, f"unknown key {key!r} in the `argmap` block",
                            did_you_mean(key, ["title", "sources", "speakers", "claims", "relations"]))
        try:
            if data.get("title") is not None:
                ext["title"] = str(data["title"])
            for s in data.get("sources", []):
                ext["sources"].append(Source(str(s["id"]), str(s["file"]), s.get("sha256"), s.get("title")))
            for pid, s in data.get("speakers", {}).items():
                ext["speakers"][str(pid)] = Speaker(str(s["id"]), str(s["name"]))
            for nid, c in data.get("claims", {}).items():
                if not isinstance(c, dict) or not set(c) <= {"id", "kind", "source", "quote", "occurrence", "tags"}:
                    raise TypeError(f"claim entry {nid!r}")
                if c.get("kind", "claim") not in CLAIM_KINDS:
                    raise TypeError(f"kind {c.get('kind')!r} of claim entry {nid!r}")
                ext["claims"][str(nid)] = c
            for nid, r in data.get("relations", {}).items():
                if not isinstance(r, dict) or not set(r) <= {"note", "speaker"}:
                    raise TypeError(f"relation entry {nid!r}")
                ext["relations"][str(nid)] = r
        except (TypeError, KeyError, AttributeError) as exc:
            raise self.fail(node, f"malformed `argmap` block ({exc})",
                            "it is written by argmap; remove it to read the plain AIF") from None
        return ext

    def claim_ids(self, order: list[str], by_id: dict[str, tuple[str, str, Node]],
                  ext: dict[str, Any]) -> dict[str, str]:
        ids: dict[str, str] = {}
        taken: set[str] = set()
        for nid in order:
            if by_id[nid][0] != "I":
                continue
            cid = str(ext["claims"].get(nid, {}).get("id", nid))
            if cid in taken:
                raise self.fail(by_id[nid][2], f"two I-nodes become claim {cid!r}")
            taken.add(cid)
            ids[nid] = cid
        return ids

    # S-nodes -> relations -------------------------------------------------------------
    def relations(self, order: list[str], by_id: dict[str, tuple[str, str, Node]],
                  ins: dict[str, list[str]], outs: dict[str, list[str]], claim_ids: dict[str, str],
                  ext: dict[str, Any]) -> tuple[list[Relation], dict[str, list[str]]]:
        relations: dict[tuple[str, str], Relation] = {}
        tags: dict[str, list[str]] = {}
        for nid in order:
            ntype, _, n = by_id[nid]
            if ntype not in _S_TYPES:
                continue
            premises = [p for p in ins[nid] if by_id[p][0] != "YA"]
            conclusions = [c for c in outs[nid] if by_id[c][0] != "YA"]
            for p in premises:
                ptype = by_id[p][0]
                if ptype == "CA" and ntype == "RA":
                    raise self.fail(by_id[p][2], f"CA-node {p!r} undercuts the inference {nid!r}; "
                                    "argmap has no undercut",
                                    "attack the premise or the conclusion instead, or remove the undercut")
                if ptype != "I":
                    raise self.fail(n, f"{ntype}-node {nid!r} has a {ptype}-node ({p!r}) as premise; "
                                    "argmap relates claims only")
            for c in conclusions:
                ctype = by_id[c][0]
                if ctype != "I":
                    what = "undercuts the inference" if ctype == "RA" and ntype == "CA" else f"points at {ctype}-node"
                    raise self.fail(n, f"{ntype}-node {nid!r} {what} {c!r}; argmap relates claims only",
                                    "argmap has no undercut or relation on a relation")
            if not premises:
                raise self.fail(n, f"{ntype}-node {nid!r} has no premise", "an edge I → S is missing")
            if len(conclusions) != 1:
                raise self.fail(n, f"{ntype}-node {nid!r} has {len(conclusions)} conclusions, not one",
                                "an S-node points at exactly one I-node")
            target = conclusions[0]
            if ntype == "MA":
                for p in premises:
                    tags.setdefault(p, []).append(f"rephrase:{claim_ids[target]}")
                continue
            rtype = _S_TYPES[ntype]
            info = ext["relations"].get(nid, {})
            for p in premises:
                a, b = claim_ids[p], claim_ids[target]
                if a == b:
                    raise self.fail(n, f"{ntype}-node {nid!r} relates I-node {p!r} to itself")
                old = relations.get((a, b))
                if old is not None and old.type != rtype:
                    raise self.fail(n, f"I-node {p!r} both supports and attacks {target!r}",
                                    "argmap keeps one relation per ordered pair")
                if old is None:
                    speaker = info.get("speaker")
                    relations[(a, b)] = Relation(a, b, rtype, info.get("note"), speaker)
        return list(relations.values()), tags

    # dialogue layer -> speakers --------------------------------------------------------
    def speakers(self, root: Node, order: list[str], by_id: dict[str, tuple[str, str, Node]],
                 ins: dict[str, list[str]], outs: dict[str, list[str]],
                 ext: dict[str, Any]) -> tuple[list[Speaker], dict[str, str]]:
        people: dict[str, tuple[str, Node]] = {}
        for p in self.list_of_maps(root, "participants", False):
            pid_node = p.get("participantID") or p.get("participantId") or p.get("id")
            pid = self.ident(pid_node, p, "participantID")
            first = p.get("firstname")
            last = p.get("surname")
            name = " ".join(str(x.value).strip() for x in (first, last)
                            if x is not None and x.value not in (None, "")).strip()
            people[pid] = (name or f"Participant {pid}", p)
        said_by: dict[str, str] = {}
        for loc in self.list_of_maps(root, "locutions", False):
            lid = self.ident(loc.get("nodeID"), loc, "nodeID of a locution")
            if lid not in by_id or by_id[lid][0] != "L":
                raise self.fail(loc.get("nodeID"), f"locution {lid!r} names no L-node", did_you_mean(lid, by_id))
            pnode = loc.get("personID")
            if pnode is None or pnode.value in (None, ""):
                continue
            pid = self.ident(pnode, loc, "personID")
            if pid not in people:
                if pid in ext["speakers"]:
                    people[pid] = (ext["speakers"][pid].name, loc)
                else:
                    people[pid] = (f"Participant {pid}", loc)
            said_by[lid] = pid
        speakers: dict[str, Speaker] = {}
        by_person: dict[str, str] = {}
        by_name: dict[str, str] = {}

        def speaker_for(key: str, name: str, pid: str | None) -> str:
            if pid is not None and pid in by_person:
                return by_person[pid]
            if pid is None and name in by_name:
                return by_name[name]
            if pid is not None and pid in ext["speakers"]:
                sid = ext["speakers"][pid].id
            else:
                sid = unique_id(slug(name) or f"participant-{key}", set(speakers))
            if sid not in speakers:
                speakers[sid] = Speaker(sid, name)
            if pid is not None:
                by_person[pid] = sid
            else:
                by_name[name] = sid
            return sid

        claim_speaker: dict[str, str] = {}
        for nid in order:
            if by_id[nid][0] != "I":
                continue
            candidates = []
            for ya in ins[nid]:
                if by_id[ya][0] != "YA":
                    continue
                for lid in ins[ya]:
                    if by_id[lid][0] == "L":
                        candidates.append((lid, by_id[ya][1]))
            if not candidates:
                claim_speaker[nid] = _UNATTRIBUTED.id
                continue
            asserting = [c for c in candidates if "assert" in c[1].lower()]
            lid = (asserting or candidates)[0][0]
            pid = said_by.get(lid)
            if pid is not None:
                claim_speaker[nid] = speaker_for(pid, people[pid][0], pid)
            else:
                text = by_id[lid][1]
                name = text.split(" : ", 1)[0].strip() if " : " in text else ""
                if not name:
                    raise self.fail(by_id[lid][2], f"L-node {lid!r} has no speaker",
                                    "add a `locutions` entry with a personID, or write its text as 'Name : words'")
                claim_speaker[nid] = speaker_for(name, name, None)
        ordered = list(ext["speakers"].values())
        ordered += [s for s in speakers.values() if s not in ordered]
        if _UNATTRIBUTED.id in claim_speaker.values() and all(s.id != _UNATTRIBUTED.id for s in ordered):
            ordered.append(_UNATTRIBUTED)
        return ordered, claim_speaker


def loads(text: str, *, path: str | Path | None = None,
          advisories: list[ArgmapError] | None = None) -> ArgumentMap:
    """Read AIF JSON (AIFdb/OVA shape, or xAIF's ``{"AIF": …}`` wrapper).

    Parameters
    ----------
    text : str
        The JSON document.
    path : str or Path, optional
        Named in errors; source files of an ``argmap`` block are relative to its folder.
    advisories : list, optional
        Where to append what loading tolerates but ``argmap check`` reports (an
        ambiguous quote, a changed source); see :func:`argmap.provenance.place_quotes`.

    Returns
    -------
    ArgumentMap

    Raises
    ------
    MapFormatError
        At ``file:line:col`` of the node or edge at fault.

    Examples
    --------
    >>> doc = '''{"nodes": [
    ...   {"nodeID": "1", "type": "I", "text": "Ban cars downtown"},
    ...   {"nodeID": "2", "type": "I", "text": "Most fumes come from trucks"},
    ...   {"nodeID": "3", "type": "CA", "text": "Default Conflict"},
    ...   {"nodeID": "4", "type": "L", "text": "Ben : the fumes are from trucks"},
    ...   {"nodeID": "5", "type": "YA", "text": "Asserting"}],
    ...  "edges": [{"fromID": "2", "toID": "3"}, {"fromID": "3", "toID": "1"},
    ...            {"fromID": "4", "toID": "5"}, {"fromID": "5", "toID": "2"}],
    ...  "locutions": [{"nodeID": "4", "personID": 7}],
    ...  "participants": [{"participantID": 7, "firstname": "Ben", "surname": "Ode"}]}'''
    >>> m = loads(doc)
    >>> [(c.id, c.speaker) for c in m.claims]
    [('1', 'unattributed'), ('2', 'ben-ode')]
    >>> m.relations[0].type
    'attack'
    """
    reader = _Reader(text, path)
    reader.advisories = advisories
    return reader.read()


def dumps(amap: ArgumentMap) -> str:
    """Write *amap* as AIF JSON with its dialogue layer and an ``argmap`` block.

    See the module docstring for the node layout. Node and edge ids are numeric
    strings in a fixed order, so the output is deterministic.
    """
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    locutions: list[dict[str, Any]] = []
    counter = [0]

    def node(ntype: str, text: str, scheme: tuple[str, str] | None = None) -> str:
        counter[0] += 1
        nid = str(counter[0])
        item: dict[str, Any] = {"nodeID": nid, "text": text, "type": ntype}
        if scheme:
            item["scheme"], item["schemeID"] = scheme
        nodes.append(item)
        return nid

    def edge(a: str, b: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": a, "toID": b, "formEdgeID": None})

    person = {s.id: i for i, s in enumerate(amap.speakers, start=1)}
    names = {s.id: s.name for s in amap.speakers}
    inode: dict[str, str] = {}
    ext_claims: dict[str, Any] = {}
    for c in amap.claims:
        i = node("I", c.text)
        inode[c.id] = i
        lnode = node("L", f"{names[c.speaker]} : {c.quote if c.quote is not None else c.text}")
        ya = node("YA", "Asserting", ("Asserting", "74"))
        edge(lnode, ya)
        edge(ya, i)
        locutions.append({"nodeID": lnode, "personID": person[c.speaker]})
        info: dict[str, Any] = {"id": c.id}
        if c.kind != "claim":
            info["kind"] = c.kind
        for key in ("source", "quote", "occurrence"):
            if getattr(c, key) is not None:
                info[key] = getattr(c, key)
        if c.tags:
            info["tags"] = list(c.tags)
        ext_claims[i] = info
    ext_relations: dict[str, Any] = {}
    for r in amap.relations:
        if r.to_id not in inode:
            continue  # an undercut (attack on an argument): see losses()
        if r.type == "support":
            s = node("RA", "Default Inference", ("Default Inference", "72"))
        else:
            s = node("CA", "Default Conflict", ("Default Conflict", "71"))
        edge(inode[r.from_id], s)
        edge(s, inode[r.to_id])
        info = {k: v for k, v in (("note", r.note), ("speaker", r.speaker)) if v is not None}
        if info:
            ext_relations[s] = info
    participants = [{"participantID": person[s.id], "firstname": s.name, "surname": ""} for s in amap.speakers]
    ext: dict[str, Any] = {"version": 1, "title": amap.title}
    if amap.sources:
        ext["sources"] = [{k: v for k, v in (("id", s.id), ("file", s.file), ("sha256", s.sha256),
                                             ("title", s.title)) if v is not None} for s in amap.sources]
    ext["speakers"] = {str(person[s.id]): {"id": s.id, "name": s.name} for s in amap.speakers}
    ext["claims"] = ext_claims
    ext["relations"] = ext_relations
    doc = {"nodes": nodes, "edges": edges, "locutions": locutions, "participants": participants, _EXT: ext}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def losses(amap: ArgumentMap) -> list[str]:
    """Nothing argmap holds is lost: standard AIF plus the ``argmap`` block holds it all.

    Other AIF tools read the claims, supports, attacks and speakers; they ignore
    the ``argmap`` block (ids, kinds, tags, sources, quotes, notes), which only
    argmap reads back. Arguments of format 2 and undercuts are not written yet.
    """
    out = []
    if amap.arguments:
        out.append(f"{len(amap.arguments)} argument(s) with their premises")
    undercuts = sum(1 for r in amap.relations if amap.has_argument(r.to_id))
    if undercuts:
        out.append(f"{undercuts} undercut(s) (attacks on arguments)")
    return out
