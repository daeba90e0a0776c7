"""AIF JSON (``.aif.json``) in the shape AIFdb, OVA and the argument-mining tools write.

Reading
-------
A JSON object with ``nodes`` (``nodeID``, ``type``, ``text``) and ``edges``
(``fromID``, ``toID``), optionally ``locutions`` (``nodeID`` of an L-node,
``personID``) and ``participants`` (``participantID``, ``firstname``, ``surname``);
the same object wrapped as ``{"AIF": {...}}`` or ``{"aif": {...}}`` (xAIF) is accepted
too. Variants real
files have are accepted: ids as strings or numbers, missing timestamps and edge ids,
``text`` as a string or an object holding it (``{"txt": …}``), extra keys.

* **I-nodes** become claims (id: the ``nodeID``; text: the node's text).
* **RA-nodes** become arguments: an RA-node with several premises is one
  :class:`~argmap.model.Argument` whose premises are linked (id: the RA ``nodeID``;
  ``scheme``: the node's scheme name unless it is the default one). An RA-node with one
  premise, the default scheme and no undercut is the shorthand, a ``support`` relation.
* **CA-nodes** become attacks from each premise on the conclusion; a CA-node whose
  conclusion is an RA-node is an **undercut**: an attack on that RA-node's argument. A
  CA-node's scheme name other than the default becomes the relation's note.
* **MA-nodes** (rephrase, ``I₁ → MA → I₂``) say that two propositions are one: argmap keeps
  that equivalence as a support in each direction, both noted ``rephrase``.
* **Speakers** come from the dialogue layer: an L-node (locution) that reaches an
  I-node through a YA-node (illocution) is the speaker's utterance. The name comes from
  the ``participants`` entry of the L-node's ``locutions`` personID, else from the
  AIFdb/QT30 convention of the L-node's text, ``Name : words`` (also ``Name: words``).
  When several locutions reach one I-node, the first whose illocution asserts it wins,
  else the first. An I-node that no locution reaches belongs to ``unattributed``.
* **Illocutions**: the winning YA-node's illocution becomes the claim's ``act`` in lower
  case (``pure questioning``, ``challenging``, ``restating``…; none for ``Asserting``).
  A pure question or a challenge is not asserted (:attr:`argmap.model.Claim.asserted`);
  assertive and rhetorical questions are.
* An S-node anchored in a transition (``TA → YA → S``, "Arguing", "Disagreeing") is given
  by the speaker of the transition's later locution; when that is not the speaker of the
  conclusion (or attacking premise), the argument or attack records them as ``speaker``.
* TA-nodes, the YA-nodes anchored in them and the L-nodes' own words hold no claim or
  relation; they are not kept (a loss, reported with counts).

What cannot be read is **skipped, never the whole file**: a node type outside AIF's core
(``EventDescription``, ``Event``, ``LocutionEvent``…), a preference (PA), a duplicate
``nodeID``, an edge naming no node, an S-node without premise or without its one
conclusion, an S-node concluding another S-node (other than a CA-node on an RA-node), an
edge from or to a node of the wrong kind. The edges of a skipped node go with it. Each skip is a located
:class:`~argmap.errors.MapFormatError` appended to ``warnings=``; with ``strict=True``
the first one is raised instead. Malformed JSON and a document that is not AIF at all are
errors in any case.

Writing
-------
:func:`dumps` writes one I-node per claim, one RA-node per argument (premises → RA →
conclusion, the scheme as its text, else ``Default Inference``) and per support, one
CA-node (``Default Conflict``) per attack, pointing at the RA-node of the argument for an
undercut, and the dialogue layer so that speakers survive in any AIF tool: per claim an
L-node ``"Name : quote"`` (the quote, else the text), a YA-node with the claim's
illocution (``Asserting`` by default) linking it to the I-node, a ``locutions`` entry,
and one ``participants`` entry per speaker. Node ids are numeric strings, as AIFdb writes
them. What standard AIF has no place for (claim and argument ids, kinds, tags, sources,
quotes and occurrences, lint silences, speaker ids, notes and speakers of relations and
arguments, the title) goes into a top-level ``"argmap"`` block that AIF tools ignore and argmap reads
back, so argmap → AIF → argmap loses nothing (:func:`losses` is empty).

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
import re
from collections import Counter
from collections.abc import Callable
from contextlib import suppress
from itertools import chain, compress
from operator import attrgetter
from pathlib import Path
from typing import Any

from .._jsondump import Laid, blocks, coalesce, encode_string, inner_strings, pieces, uniform
from ..errors import ArgmapError, MapFormatError, did_you_mean
from ..model import CLAIM_KINDS, NOT_ASSERTED_ACTS, Argument, ArgumentMap, Claim, Relation, Source, Speaker
from ..provenance import Where, place_quotes
from ._ids import slug, unique_id
from ._tree import MAX_DEPTH, MAX_NUMBER_LENGTH, Node, parse_json

__all__ = ["loads", "dumps", "losses"]

_UNATTRIBUTED = Speaker("unattributed", "Unattributed")
_CORE = {"I", "RA", "CA", "MA", "PA", "L", "YA", "TA"}
_DEFAULT_SCHEMES = {"", "default inference", "default conflict", "default rephrase", "ra", "ca", "ma",
                    "inference", "conflict", "rephrase"}
_EXT = "argmap"
_EXT_VERSIONS = (1, 2)
_NAME = re.compile(r"\s*([^:\n]{1,100}?)\s*:(?:\s|$)")


def _plain(node: Node) -> Any:
    if isinstance(node, _Fast):
        return node.data
    if node.kind == "map":
        return {k.value: _plain(v) for k, v in node.pairs}
    if node.kind == "seq":
        return [_plain(i) for i in node.items]
    return node.value


def _act(text: str) -> str | None:
    """The illocution named by a YA-node's text, in lower case; None for asserting."""
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text.strip())
    act = " ".join(words.lower().split())
    return None if act in ("", "asserting", "ya") else act


def _speaker_in(text: str) -> str:
    """The name in an L-node text written ``Name : words`` (empty if the text has none)."""
    m = _NAME.match(text)
    return m.group(1).strip() if m else ""


class _Reader:
    def __init__(self, text: str, path: str | Path | None, strict: bool,
                 warnings: list[ArgmapError] | None, advisories: list[ArgmapError] | None,
                 fast: bool = False) -> None:
        self.fast = fast  # reading _Fast stand-ins: anything to report declines (see _fast_root)
        self.path = str(path) if path is not None else "<string>"
        self.file = path
        self.text = text
        self.strict = strict
        self.warnings = warnings
        self.advisories = advisories
        self.counts: Counter[str] = Counter()
        self.first: dict[str, Node | None] = {}

    def fail(self, node: Node | None, message: str, hint: str | None = None) -> MapFormatError:
        if self.fast:
            raise _Declined
        return MapFormatError(message, path=self.path, line=node.line if node else None,
                              column=node.column if node else None, hint=hint)

    def skip(self, node: Node | None, message: str, hint: str | None = None) -> None:
        """Something that cannot be read: an error under ``strict``, else a located warning."""
        exc = self.fail(node, message, hint)
        if self.strict:
            raise exc
        if self.warnings is not None:
            self.warnings.append(exc)

    def duplicate(self, exc: MapFormatError) -> None:
        if self.fast:
            raise _Declined
        if self.strict:
            raise exc
        if self.warnings is not None:
            self.warnings.append(exc)

    def lose(self, kind: str, node: Node | None) -> None:
        """Count one item of a kind that argmap does not keep (reported once, with the count)."""
        if self.fast:
            raise _Declined
        self.counts[kind] += 1
        self.first.setdefault(kind, node)

    def report(self) -> None:
        for kind, n in self.counts.items():
            self.skip(self.first[kind], kind.format(n=n, s="" if n == 1 else "s"))

    def ident(self, node: Node | None, owner: Node, what: str) -> str | None:
        if node is None:
            self.skip(owner, f"{what} is missing; skipped")
            return None
        if node.kind != "scalar" or isinstance(node.value, bool) or not isinstance(node.value, (str, int)):
            self.skip(node, f"{what} must be a string or an integer, not {node.type_name()}; skipped")
            return None
        value = str(node.value).strip()
        if not value:
            self.skip(node, f"{what} is empty; skipped")
            return None
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
        out = []
        for item in node.items:
            if item.kind != "map":
                self.skip(item, f"an entry of `{key}` is {item.type_name()}, not an object; skipped")
            else:
                out.append(item)
        return out

    @staticmethod
    def node_text(node: Node, key: str = "text") -> str:
        t = node.get(key)
        if t is None:
            return ""
        if t.kind == "map":
            for inner_key in ("txt", "text", "plain_txt"):
                inner = t.get(inner_key)
                if inner is not None and isinstance(inner.value, str):
                    return inner.value
            return ""
        if t.kind != "scalar":
            return ""
        return t.value if isinstance(t.value, str) else ("" if t.value is None else str(t.value))

    def scheme(self, node: Node) -> str | None:
        for key in ("scheme", "text"):
            value = self.node_text(node, key).strip()
            if value and not value.isdigit():
                return None if value.lower() in _DEFAULT_SCHEMES else value
        return None

    # the document ---------------------------------------------------------------------
    def read(self, root: Node | _Fast | None = None) -> ArgumentMap:
        if root is None:
            root = parse_json(self.text, self.path, on_duplicate=self.duplicate)
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
        self.own = ext_node is not None  # argmap's own output: the L-nodes are made from the claims
        self.nodes(self.list_of_maps(root, "nodes", True))
        self.edges(self.list_of_maps(root, "edges", True))
        ext = self.extension(ext_node)
        claim_ids = self.claim_ids(ext)
        speakers, claim_speaker, acts = self.speakers(root, ext)
        arguments, relations = self.structure(claim_ids, ext)
        claims: list[Claim] = []
        where: dict[str, Where] = {}
        for nid in self.order:
            ntype, text, n = self.by_id[nid]
            if ntype != "I" or nid not in claim_ids:
                continue
            cid = claim_ids[nid]
            info = ext["claims"].get(nid, {})
            claims.append(Claim(cid, claim_speaker[nid], text, info.get("kind", "claim"), info.get("source"),
                                info.get("quote"), info.get("occurrence"), tuple(info.get("tags", ())),
                                act=acts.get(nid), silence=tuple(info.get("silence", {}).items())))
            where[cid] = (n.line, n.column)
        self.report()
        sources = ext["sources"]
        claims, sources = place_quotes(claims, sources, path=self.file, claim_where=where,
                                       source_where={s.id: ext["where"] for s in sources},
                                       advisories=self.advisories)
        title = ext["title"]
        if title is None:
            title = Path(self.file).name.split(".")[0] if self.file is not None else ""
        try:
            return ArgumentMap(title=title, sources=sources, speakers=speakers, claims=claims,
                               relations=relations, arguments=arguments, path=self.file,
                               positions={("claims", i): where[c.id] for i, c in enumerate(claims)})
        except MapFormatError as exc:
            raise MapFormatError(exc.message, path=self.path, hint=exc.hint) from None

    def nodes(self, nodes: list[Node]) -> None:
        self.by_id: dict[str, tuple[str, str, Node]] = {}
        self.order: list[str] = []
        self.skipped: set[str] = set()  # nodes skipped (and reported): their edges go with them
        for n in nodes:
            nid = self.ident(n.get("nodeID"), n, "nodeID")
            if nid is None:
                continue
            if nid not in self.by_id:
                self.skipped.add(nid)  # until the node is kept below
            tnode = n.get("type")
            if tnode is None or not isinstance(tnode.value, str) or not tnode.value.strip():
                self.skip(n, f"node {nid!r} has no type; skipped", "types are I, RA, CA, MA, L, YA, TA")
                continue
            ntype = tnode.value.strip()
            if ntype not in _CORE:
                near = did_you_mean(ntype, _CORE)
                if near:
                    self.skip(tnode, f"node {nid!r} has unknown type {ntype!r}; skipped", near)
                else:
                    self.lose(f"{{n}} node{{s}} of type {ntype!r} (outside AIF's core) skipped", tnode)
                continue
            if ntype == "PA":
                self.lose("{n} preference{s} (PA-nodes) skipped: argmap holds no preferences", n)
                continue
            if nid in self.by_id:
                self.skip(n.get("nodeID"), f"duplicate nodeID {nid!r} (first at line "
                          f"{self.by_id[nid][2].line}); the second node is skipped")
                continue
            text = self.node_text(n)
            if ntype == "I" and not text.strip():
                self.skip(n, f"I-node {nid!r} has no text; skipped", "every proposition needs its words")
                continue
            self.by_id[nid] = (ntype, text, n)
            self.skipped.discard(nid)
            self.order.append(nid)
            if ntype == "TA":
                self.lose("{n} transition{s} between locutions (TA-nodes) not kept", n)
            elif ntype == "L" and not self.own:
                self.lose("the wording of {n} locution{s} (L-nodes) not kept: claims hold the "
                          "I-nodes' texts", n)

    def edges(self, edges: list[Node]) -> None:
        self.ins: dict[str, list[str]] = {nid: [] for nid in self.order}
        self.outs: dict[str, list[str]] = {nid: [] for nid in self.order}
        self.edge_at: dict[tuple[str, str], Node] = {}
        for e in edges:
            a = self.ident(e.get("fromID"), e, "fromID of an edge")
            b = self.ident(e.get("toID"), e, "toID of an edge")
            if a is None or b is None:
                continue
            missing = [(end, key) for end, key in ((a, "fromID"), (b, "toID")) if end not in self.by_id]
            if any(end in self.skipped for end, _ in missing):
                continue  # an edge of a node that is skipped and reported already
            if missing:
                end, key = missing[0]
                self.skip(e.get(key), f"edge {key} {end!r} names no node (or a skipped one); "
                          "the edge is skipped", did_you_mean(end, self.by_id))
                continue
            if (a, b) in self.edge_at:
                continue
            self.edge_at[(a, b)] = e
            self.outs[a].append(b)
            self.ins[b].append(a)

    def type_of(self, nid: str) -> str:
        return self.by_id[nid][0]

    # the argmap extension block -------------------------------------------------------
    def extension(self, node: Node | None) -> dict[str, Any]:
        ext: dict[str, Any] = {"title": None, "sources": [], "speakers": {}, "claims": {}, "relations": {},
                               "arguments": {}, "where": (node.line, node.column) if node else None}
        if node is None:
            return ext
        data = _plain(node)
        keys = ["version", "title", "sources", "speakers", "claims", "relations", "arguments"]
        if not isinstance(data, dict) or data.get("version") not in _EXT_VERSIONS:
            raise self.fail(node, "the `argmap` block must be an object with version 1 or 2",
                            "it is written by argmap; remove it if it was edited by hand")
        unknown = set(data) - set(keys)
        if unknown:
            key = sorted(unknown)[0]
            raise self.fail(node, f"unknown key {key!r} in the `argmap` block", did_you_mean(key, keys))
        try:
            if data.get("title") is not None:
                ext["title"] = str(data["title"])
            for s in data.get("sources", []):
                ext["sources"].append(Source(str(s["id"]), str(s["file"]), s.get("sha256"), s.get("title")))
            for pid, s in data.get("speakers", {}).items():
                ext["speakers"][str(pid)] = Speaker(str(s["id"]), str(s["name"]))
            for nid, c in data.get("claims", {}).items():
                if not isinstance(c, dict) or not set(c) <= {"id", "kind", "source", "quote", "occurrence", "tags",
                                                             "silence"}:
                    raise TypeError(f"claim entry {nid!r}")
                silence = c.get("silence", {})
                if not isinstance(silence, dict) or not all(
                        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in silence.items()):
                    raise TypeError(f"silence of claim entry {nid!r}")
                if c.get("kind", "claim") not in CLAIM_KINDS:
                    raise TypeError(f"kind {c.get('kind')!r} of claim entry {nid!r}")
                ext["claims"][str(nid)] = c
            for nid, r in data.get("relations", {}).items():
                if not isinstance(r, dict) or not set(r) <= {"note", "speaker"}:
                    raise TypeError(f"relation entry {nid!r}")
                ext["relations"][str(nid)] = r
            for nid, a in data.get("arguments", {}).items():
                if not isinstance(a, dict) or not set(a) <= {"id", "speaker", "scheme", "note"}:
                    raise TypeError(f"argument entry {nid!r}")
                ext["arguments"][str(nid)] = a
        except (TypeError, KeyError, AttributeError) as exc:
            raise self.fail(node, f"malformed `argmap` block ({exc})",
                            "it is written by argmap; remove it to read the plain AIF") from None
        return ext

    def claim_ids(self, ext: dict[str, Any]) -> dict[str, str]:
        ids: dict[str, str] = {}
        taken: set[str] = set()
        for nid in self.order:
            if self.type_of(nid) != "I":
                continue
            cid = str(ext["claims"].get(nid, {}).get("id", nid))
            if cid in taken:
                self.skip(self.by_id[nid][2], f"two I-nodes become claim {cid!r}; the second is skipped")
                continue
            taken.add(cid)
            ids[nid] = cid
        return ids

    # S-nodes -> arguments and relations -----------------------------------------------
    def ends(self, nid: str) -> tuple[list[str], list[str]]:
        """The premises (I-nodes) and conclusions (I- or RA-nodes) of an S-node, skipping the rest."""
        ntype, _, n = self.by_id[nid]
        premises, conclusions = [], []
        for p in self.ins[nid]:
            ptype = self.type_of(p)
            if ptype == "I":
                premises.append(p)
            elif ptype in ("YA", "TA") or (ptype == "CA" and ntype == "RA") or ptype in ("RA", "CA", "MA"):
                continue  # an illocution, a transition, an undercut or an S-node on an S-node (read there)
            else:
                self.skip(self.edge_at[(p, nid)], f"edge from {ptype}-node {p!r} into {ntype}-node {nid!r}: "
                          "only I-nodes are premises; the edge is skipped")
        for c in self.outs[nid]:
            ctype = self.type_of(c)
            if ctype == "I" or (ctype == "RA" and ntype == "CA"):
                conclusions.append(c)
            elif ctype in ("YA", "TA"):
                continue
            elif ctype in ("RA", "CA", "MA"):
                self.on_s_node[nid] = c
            else:
                self.skip(self.edge_at[(nid, c)], f"edge from {ntype}-node {nid!r} to {ctype}-node {c!r}: "
                          "argmap relates claims and arguments only; the edge is skipped")
        return premises, conclusions

    def structure(self, claim_ids: dict[str, str], ext: dict[str, Any]
                  ) -> tuple[list[Argument], list[Relation]]:
        shapes: dict[str, tuple[list[str], str]] = {}
        self.on_s_node: dict[str, str] = {}  # S-node -> the S-node it concludes (not holdable)
        for nid in self.order:
            ntype, _, n = self.by_id[nid]
            if ntype not in ("RA", "CA", "MA"):
                continue
            premises, conclusions = self.ends(nid)
            premises = [p for p in premises if p in claim_ids]
            if not conclusions and nid in self.on_s_node:
                target = self.on_s_node[nid]
                kind = {"RA": "an argument for", "CA": "an attack on", "MA": "a rephrase of"}[ntype]
                of = {"RA": "an inference", "CA": "a conflict", "MA": "a rephrase"}[self.type_of(target)]
                self.skip(n, f"{ntype}-node {nid!r} concludes {self.type_of(target)}-node {target!r}: {kind} "
                          f"{of}, which argmap cannot hold; skipped",
                          "the one S-node on an S-node argmap holds is a CA-node on an RA-node, an undercut")
                continue
            if not premises:
                self.skip(n, f"{ntype}-node {nid!r} has no premise; skipped", "an edge I → S is missing")
                continue
            if len(conclusions) != 1:
                self.skip(n, f"{ntype}-node {nid!r} has {len(conclusions)} conclusions, not one; skipped",
                          "an S-node points at exactly one I-node")
                continue
            shapes[nid] = (premises, conclusions[0])
        undercut = {c for nid, (_, c) in shapes.items() if self.type_of(nid) == "CA" and self.type_of(c) == "RA"}
        relations: dict[tuple[str, str], Relation] = {}
        arguments: list[Argument] = []
        arg_of: dict[str, str] = {}
        by_shape: dict[tuple[frozenset[str], str], str] = {}
        taken = set(claim_ids.values())
        supports: dict[str, tuple[str, str]] = {}
        by_id_arg: dict[str, Argument] = {}

        def relate(n: Node, a: str, b: str, rtype: str, note: str | None, speaker: str | None) -> None:
            if a == b:
                self.skip(n, f"{self.type_of(sid)}-node {sid!r} relates claim {a!r} to itself; skipped")
                return
            old = relations.get((a, b))
            if old is not None and old.type != rtype:
                self.skip(n, f"claim {a!r} both supports and attacks {b!r}; this "
                          f"{self.type_of(sid)}-node is skipped", "argmap keeps one relation per ordered pair")
            elif old is None:
                relations[(a, b)] = Relation(a, b, rtype, note, speaker)

        for sid in self.order:
            if sid not in shapes or self.type_of(sid) != "RA":
                continue
            n = self.by_id[sid][2]
            premises, target = shapes[sid]
            if target not in claim_ids:
                continue
            info = ext["arguments"].get(sid)
            scheme = info.get("scheme") if info is not None else self.scheme(n)
            conclusion = claim_ids[target]
            prem = tuple(dict.fromkeys(claim_ids[p] for p in premises))
            if conclusion in prem:
                self.skip(n, f"RA-node {sid!r} has its conclusion {target!r} among its premises; skipped")
                continue
            if info is None and len(prem) == 1 and scheme is None and sid not in undercut:
                supports[sid] = (prem[0], conclusion)
                continue
            shape = (frozenset(prem), conclusion)
            if shape in by_shape:
                arg_of[sid] = by_shape[shape]  # the same inference drawn twice: one argument
                continue
            aid = unique_id(str(info.get("id", sid)) if info else sid, taken)
            taken.add(aid)
            by_shape[shape] = arg_of[sid] = aid
            speaker = (info or {}).get("speaker")
            if info is None and self.given_by.get(sid) not in (None, self.claim_speaker.get(target)):
                speaker = self.given_by[sid]  # someone argues for another's claim
            arguments.append(Argument(aid, prem, conclusion, speaker, scheme, (info or {}).get("note")))
            by_id_arg[aid] = arguments[-1]
        for sid in self.order:
            if sid not in shapes:
                continue
            ntype = self.type_of(sid)
            n = self.by_id[sid][2]
            premises, target = shapes[sid]
            info = ext["relations"].get(sid, {})
            if sid in supports:
                a, b = supports[sid]
                speaker = info.get("speaker")
                if not info and self.given_by.get(sid) not in (None, self.claim_speaker.get(premises[0])):
                    speaker = self.given_by[sid]  # someone argues with another's claim
                if (frozenset((a,)), b) not in by_shape:  # else the same inference as an argument
                    relate(n, a, b, "support", info.get("note"), speaker)
                continue
            if ntype == "RA":
                continue
            if self.type_of(target) == "RA":
                if target not in arg_of:
                    self.skip(n, f"CA-node {sid!r} undercuts RA-node {target!r}, which was skipped; skipped")
                    continue
                end = arg_of[target]
                own = [p for p in premises if claim_ids[p] in by_id_arg[end].premises]
                if own:
                    self.skip(n, f"CA-node {sid!r} undercuts RA-node {target!r} from its own premise "
                              f"{own[0]!r}; skipped")
                    continue
            elif target in claim_ids:
                end = claim_ids[target]
            else:
                continue
            if ntype == "CA":
                note = info.get("note", self.scheme(n))
                for p in premises:
                    speaker = info.get("speaker")
                    if not info and self.given_by.get(sid) not in (None, self.claim_speaker.get(p)):
                        speaker = self.given_by[sid]  # someone attacks with another's claim
                    relate(n, claim_ids[p], end, "attack", note, speaker)
            else:
                for p in premises:
                    relate(n, claim_ids[p], end, "support", "rephrase", None)
                    relate(n, end, claim_ids[p], "support", "rephrase", None)
        return arguments, list(relations.values())

    # dialogue layer -> speakers and illocutions -----------------------------------------
    def speakers(self, root: Node, ext: dict[str, Any]
                 ) -> tuple[list[Speaker], dict[str, str], dict[str, str | None]]:
        people: dict[str, str] = {}
        for p in self.list_of_maps(root, "participants", False):
            pid_node = p.get("participantID") or p.get("participantId") or p.get("id")
            pid = self.ident(pid_node, p, "participantID")
            if pid is None:
                continue
            name = " ".join(str(x.value).strip() for x in (p.get("firstname"), p.get("surname"))
                            if x is not None and x.kind == "scalar" and x.value not in (None, "")).strip()
            if name:
                people[pid] = name
        said_by: dict[str, str] = {}
        for loc in self.list_of_maps(root, "locutions", False):
            lid = self.ident(loc.get("nodeID"), loc, "nodeID of a locution")
            if lid is None:
                continue
            if lid not in self.by_id or self.type_of(lid) != "L":
                self.skip(loc.get("nodeID"), f"locution {lid!r} names no L-node; skipped",
                          did_you_mean(lid, self.by_id))
                continue
            pnode = loc.get("personID")
            if pnode is None or pnode.value in (None, ""):
                continue
            pid = self.ident(pnode, loc, "personID")
            if pid is not None:
                said_by[lid] = pid
        speakers: dict[str, Speaker] = {}
        by_key: dict[tuple[str, str], str] = {}

        def speaker_for(key: tuple[str, str], name: str, ext_id: str | None) -> str:
            if key in by_key:
                return by_key[key]
            sid = ext_id or unique_id(slug(name) or f"participant-{key[1]}", set(speakers))
            if sid not in speakers:
                speakers[sid] = Speaker(sid, name)
            by_key[key] = sid
            return sid

        def said(lid: str) -> str | None:
            """The speaker of L-node *lid* when the file names them, else None."""
            pid = said_by.get(lid)
            in_text = _speaker_in(self.by_id[lid][1])
            if pid is not None and pid in ext["speakers"]:
                s = ext["speakers"][pid]
                return speaker_for(("person", pid), s.name, s.id)
            if pid is not None and pid in people:
                return speaker_for(("person", pid), people[pid], None)
            if in_text:
                return speaker_for(("name", in_text), in_text, None)
            if pid is not None and not pid.isdigit() and pid.strip(" :"):
                return speaker_for(("name", pid.strip(" :")), pid.strip(" :"), None)
            return None

        claim_speaker: dict[str, str] = {}
        acts: dict[str, str | None] = {}
        for nid in self.order:
            if self.type_of(nid) != "I":
                continue
            candidates = []
            for ya in self.ins[nid]:
                if self.type_of(ya) != "YA":
                    continue
                for lid in self.ins[ya]:
                    if self.type_of(lid) == "L":
                        candidates.append((lid, _act(self.by_id[ya][1] or self.node_text(self.by_id[ya][2], "scheme"))))
            if not candidates:
                claim_speaker[nid] = _UNATTRIBUTED.id
                continue
            asserting = [c for c in candidates if c[1] is None or c[1] not in NOT_ASSERTED_ACTS]
            lid, act = (asserting or candidates)[0]
            acts[nid] = act
            named = said(lid)
            if named is not None:
                claim_speaker[nid] = named
            elif said_by.get(lid) is not None:
                pid = said_by[lid]
                self.lose("{n} claim{s} whose speaker has no name (named 'Participant ID')", self.by_id[lid][2])
                claim_speaker[nid] = speaker_for(("person", pid), f"Participant {pid}", None)
            else:
                self.lose("{n} claim{s} whose locution names no speaker (kept as 'unattributed')",
                          self.by_id[lid][2])
                claim_speaker[nid] = _UNATTRIBUTED.id
        # an S-node anchored in a transition (TA -> YA "Arguing"/"Disagreeing" -> S) is given
        # by the speaker of the transition's later locution (Inference Anchoring Theory)
        self.given_by: dict[str, str] = {}
        for nid in self.order:
            if self.type_of(nid) not in ("RA", "CA", "MA"):
                continue
            for ya in self.ins[nid]:
                if self.type_of(ya) != "YA":
                    continue
                later = [lid for ta in self.ins[ya] if self.type_of(ta) == "TA"
                         for lid in self.outs[ta] if self.type_of(lid) == "L"]
                named = next((s for s in map(said, later) if s is not None), None)
                if named is not None:
                    self.given_by.setdefault(nid, named)
        self.claim_speaker = claim_speaker
        ordered = list(ext["speakers"].values())
        ordered += [s for s in speakers.values() if s not in ordered]
        if _UNATTRIBUTED.id in claim_speaker.values() and all(s.id != _UNATTRIBUTED.id for s in ordered):
            ordered.append(_UNATTRIBUTED)
        return ordered, claim_speaker, acts


def loads(text: str, *, path: str | Path | None = None, strict: bool = False,
          warnings: list[ArgmapError] | None = None,
          advisories: list[ArgmapError] | None = None) -> ArgumentMap:
    """Read AIF JSON (AIFdb/OVA shape, or xAIF's ``{"AIF": …}`` wrapper).

    Parameters
    ----------
    text : str
        The JSON document.
    path : str or Path, optional
        Named in errors; source files of an ``argmap`` block are relative to its folder.
    strict : bool
        Refuse the document at the first node, edge or entry that cannot be read, or
        at the first kind of information argmap does not keep (default: skip it and
        report it in *warnings*).
    warnings : list, optional
        Where each skip (located) and each kind of loss (with its count, located at
        its first occurrence) is appended as a :class:`~argmap.errors.MapFormatError`.
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
    >>> lost = []
    >>> m = loads(doc, warnings=lost)
    >>> [(c.id, c.speaker) for c in m.claims]
    [('1', 'unattributed'), ('2', 'ben-ode')]
    >>> m.relations[0].type
    'attack'
    >>> [w.message for w in lost]
    ["the wording of 1 locution (L-nodes) not kept: claims hold the I-nodes' texts"]
    """
    root = _fast_root(text)
    if root is not None:
        with suppress(_Declined):  # something to report, or a position needed: the located tree gives them
            return _Reader(text, path, strict, warnings, advisories, fast=True).read(root)
    return _Reader(text, path, strict, warnings, advisories).read()


# -- reading without a located tree ---------------------------------------------------------
#
# The located JSON tree (one Node per value, 5·10⁶ of them for the AIF of a map of 10⁵
# claims) cost 100 s and 4 GB. A document is first read by the C decoder instead, and
# the reader runs on light stand-ins for the nodes (_Fast) that know where each record of
# `nodes` and the `argmap` block start (what a loaded map keeps) and nothing else.
# Anything the reader would report (a skip, a loss, a duplicate key: all need a
# position), or anything the located parser refuses (nesting deeper than MAX_DEPTH,
# NaN, numbers longer than MAX_NUMBER_LENGTH, lone surrogates, duplicate keys) makes the
# fast read decline, and the located tree is read as before, with the same messages.


class _Declined(Exception):
    """The fast read cannot stand in for the located one."""


def _constant(text: str) -> Any:
    raise _Declined  # NaN, Infinity: not JSON


def _number(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    def read(text: str) -> Any:
        if len(text) > MAX_NUMBER_LENGTH:
            raise _Declined
        return parse(text)
    return read


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise _Declined  # a duplicate key: reported (and the first value kept) by the located reader
    return found


_DECODE = json.JSONDecoder(object_pairs_hook=_pairs, parse_constant=_constant, parse_float=_number(float),
                           parse_int=_number(int)).raw_decode
_FAST_WS = re.compile(r"[ \t\n\r]*+")
# a `\ud800`-style escape (maybe a lone surrogate, which the located parser refuses), a surrogate itself
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CONTAINERS = frozenset({dict, list})


def _fast_root(text: str) -> _Fast | None:
    """The document read by the C decoder, with the positions of its top-level values and of
    the records of ``nodes``; None when the located parser would read it otherwise."""
    try:
        return _fast_document(text)
    except (_Declined, ValueError, RecursionError, IndexError):
        return None


def _fast_document(text: str) -> _Fast | None:
    if ("\\u" in text and _SURROGATE_ESCAPE.search(text)) or (not text.isascii() and _SURROGATE.search(text)):
        return None
    ws = _FAST_WS.match
    counted = [0, 1]  # an offset and its line: positions are asked in increasing order

    def at(pos: int) -> tuple[int, int]:
        counted[1] += text.count("\n", counted[0], pos)
        counted[0] = pos
        return counted[1], pos - text.rfind("\n", 0, pos)

    pos = ws(text).end()  # type: ignore[union-attr]
    if not text.startswith("{", pos):
        return None
    top: dict[str, Any] = {}
    where: dict[str, tuple[int, int]] = {}
    records: list[tuple[int, int]] | None = None
    pos = ws(text, pos + 1).end()  # type: ignore[union-attr]
    while not text.startswith("}", pos):
        if top:
            if not text.startswith(",", pos):
                return None
            pos = ws(text, pos + 1).end()  # type: ignore[union-attr]
        if not text.startswith('"', pos):
            return None
        key, pos = json.decoder.scanstring(text, pos + 1, True)  # type: ignore[attr-defined]
        pos = ws(text, pos).end()  # type: ignore[union-attr]
        if not text.startswith(":", pos) or key in top:
            return None
        pos = ws(text, pos + 1).end()  # type: ignore[union-attr]
        where[key] = at(pos)
        if key == "nodes" and text.startswith("[", pos):
            items: list[Any] = []
            records = []
            pos = ws(text, pos + 1).end()  # type: ignore[union-attr]
            while not text.startswith("]", pos):
                if items:
                    if not text.startswith(",", pos):
                        return None
                    pos = ws(text, pos + 1).end()  # type: ignore[union-attr]
                records.append(at(pos))
                item, pos = _DECODE(text, pos)
                items.append(item)
                pos = ws(text, pos).end()  # type: ignore[union-attr]
            top[key], pos = items, pos + 1
        else:
            top[key], pos = _DECODE(text, pos)
        pos = ws(text, pos).end()  # type: ignore[union-attr]
    if ws(text, pos + 1).end() != len(text) or not _shallow(top):  # type: ignore[union-attr]
        return None
    return _Fast(top, (1, 1), where, records)


def _shallow(data: dict[str, Any]) -> bool:
    """No container nested :data:`MAX_DEPTH` deep (the located parser refuses those), level by level in C loops."""
    level: list[Any] = [data]
    for _ in range(MAX_DEPTH):
        maps = [c for c in level if type(c) is dict]
        values = list(chain(chain.from_iterable(map(dict.values, maps)),
                            chain.from_iterable(c for c in level if type(c) is list)))
        level = list(compress(values, map(_CONTAINERS.__contains__, map(type, values))))
        if not level:
            return True
    return False


class _Fast:
    """A value read by the C decoder, in the guise of a :class:`~argmap.formats._tree.Node`.

    It knows its position only when given one (and where the values of a mapping, or the
    items of a list, start when given those); asking for any other position declines.
    """

    __slots__ = ("data", "kind", "value", "at", "inner", "records")

    def __init__(self, data: Any, at: tuple[int, int] | None = None,
                 inner: dict[str, tuple[int, int]] | None = None,
                 records: list[tuple[int, int]] | None = None) -> None:
        self.data = data
        kind = type(data)
        self.kind = "map" if kind is dict else "seq" if kind is list else "scalar"
        self.value = data if self.kind == "scalar" else None
        self.at = at
        self.inner = inner
        self.records = records

    @property
    def line(self) -> int:
        if self.at is None:
            raise _Declined
        return self.at[0]

    @property
    def column(self) -> int:
        if self.at is None:
            raise _Declined
        return self.at[1]

    def get(self, key: str) -> _Fast | None:
        if self.kind != "map" or key not in self.data:
            return None
        if self.inner is not None:
            return _Fast(self.data[key], self.inner.get(key), None, self.records if key == "nodes" else None)
        return _Fast(self.data[key])

    @property
    def items(self) -> list[_Fast]:
        if self.kind != "seq":
            return []
        if self.records is not None:
            return [_Fast(x, at) for x, at in zip(self.data, self.records)]
        return [_Fast(x) for x in self.data]

    @property
    def pairs(self) -> list[tuple[_Fast, _Fast]]:
        if self.kind != "map":
            return []
        return [(_Fast(k), _Fast(v)) for k, v in self.data.items()]

    def type_name(self) -> str:
        return Node.type_name(self)  # type: ignore[arg-type]


def _illocution(act: str | None) -> str:
    return "Asserting" if act is None else " ".join(w.capitalize() for w in act.split())


def dumps(amap: ArgumentMap) -> str:
    """Write *amap* as AIF JSON with its dialogue layer and an ``argmap`` block.

    See the module docstring for the node layout. Node and edge ids are numeric
    strings in a fixed order, so the output is deterministic. The text is that of
    ``json.dumps(document, indent=2, ensure_ascii=False)``, the concatenation of
    :func:`dump_chunks`.
    """
    return "".join(dump_chunks(amap))


def dump_chunks(amap: ArgumentMap) -> list[str]:
    """The text of :func:`dumps` in pieces of about a megabyte or more: written one after the other, no long join.

    The nodes, edges, locutions and claim records (a map of 10⁵ claims has 10⁶ of
    them) are formatted already indented, :data:`_BLOCK` rows at a time, by
    :func:`_blocks`: a template's constant pieces interleaved with the columns of ids
    and texts (each column of texts encoded by one encoder call, every id converted to
    text once), joined once per block. :func:`argmap._jsondump.pieces` places them as
    :class:`argmap._jsondump.Laid` lists, and :func:`argmap._jsondump.coalesce` joins
    the small pieces between them.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("s", "S")], claims=[Claim("C", "s", "It rains.")])
    >>> "".join(dump_chunks(m)) == dumps(m)
    True
    """
    return coalesce(pieces(_document(amap), end="\n"), _CHUNK)


def _document(amap: ArgumentMap) -> dict[str, Any]:
    """The AIF document of *amap*, its long lists laid out already (see :func:`dump_chunks`)."""
    claims = amap.claims
    n = len(claims)
    relations = amap.relations
    r_count = len(relations)
    person = {s.id: i for i, s in enumerate(amap.speakers, start=1)}
    names = {s.id: s.name for s in amap.speakers}
    # node ids: per claim k its I-node 3k+1, L-node 3k+2, YA-node 3k+3; then one RA-node per argument,
    # then one S-node per relation. Edge ids: per claim 2k+1 (L -> YA) and 2k+2 (YA -> I); then the
    # arguments' (premises -> RA -> conclusion); then two per relation (premise -> S -> target).
    count = 3 * n + len(amap.arguments)
    e = 2 * n + sum(len(a.premises) + 1 for a in amap.arguments)
    number = _numbers(max(count + r_count, e + 2 * r_count) + 1)  # every id as text, once
    ids = list(map(_ID, claims))
    i_ids, l_ids, ya_ids = number[1:3 * n + 1:3], number[2:3 * n + 1:3], number[3:3 * n + 1:3]
    node_of = dict(zip(ids, i_ids))  # claim id -> its I-node's id
    quotes = list(map(_QUOTE, claims))
    speakers = list(map(_SPEAKER, claims))
    # each text and quote is encoded once, without its quotation marks: an L-node says the quote (else the
    # text) after its speaker's name, and the argmap block repeats the quote
    texts = inner_strings(list(map(_TEXT, claims)))
    quoted = [q is not None for q in quotes]
    said_texts = inner_strings([t if q is None else q for t, q in zip(map(_TEXT, claims), quotes)])
    said_by = {s: encode_string(name)[1:-1] + " : " for s, name in names.items()}
    acts = list(map(_ACT, claims))
    said = {act: encode_string(_illocution(act)) for act in set(acts)}
    ya = {act: f'{text},{_F}"type": "YA",{_F}"scheme": {text}' + (f',{_F}"schemeID": "74"' if act is None else "")
          for act, text in said.items()}
    nodes = _blocks(n, _cells(_CLAIM_NODES, i_ids, texts, l_ids, list(map(said_by.__getitem__, speakers)),
                              said_texts, ya_ids, list(map(ya.__getitem__, acts))))
    edges = _blocks(n, _cells(_CLAIM_EDGES, number[1:2 * n:2], l_ids, ya_ids, number[2:2 * n + 1:2], ya_ids,
                              i_ids))
    persons = {s: f'"personID": {i}{_R}}}' for s, i in person.items()}
    locutions = _blocks(n, _cells(_LOCUTION, l_ids, list(map(persons.__getitem__, speakers))))
    if any(map(_TAGS, claims)) or any(map(_SILENCE, claims)):
        ext_claims: Any = {str(3 * k + 1): _claim_info(c) for k, c in enumerate(claims)}
    else:  # flat records, laid out here
        ext_claims = Laid(_blocks(n, _claim_records(claims, i_ids, ids, quoted, said_texts)), "\n    ",
                          mapping=True)
    # the arguments: an RA-node each, after the claims' nodes; edges premises -> RA -> conclusion
    count = 3 * n
    e = 2 * n
    ext_arguments: dict[str, Any] = {}
    anode: dict[str, str] = {}
    for a in amap.arguments:
        count += 1
        if a.scheme:
            scheme = encode_string(a.scheme)
            nodes.append(f',{_R}{{{_F}"nodeID": "{count}",{_F}"text": {scheme},{_F}"type": "RA",{_F}'
                         f'"scheme": {scheme}{_R}}}')
        else:
            nodes.append(f',{_R}{{{_F}"nodeID": "{count}",{_F}"text": {_RA_REST}')
        for p in a.premises:
            e += 1
            edges.append(_EDGE % (e, node_of[p], count))
        e += 1
        edges.append(_EDGE % (e, count, node_of[a.conclusion]))
        anode[a.id] = number[count]
        ext_arguments[number[count]] = {k: v for k, v in (("id", a.id), ("speaker", a.speaker),
                                                          ("scheme", a.scheme), ("note", a.note)) if v is not None}
    node_of.update(anode)  # an undercut's target is the argument's RA-node
    # relation i: its S-node count + i + 1, edges e + 2i + 1 (premise -> S) and e + 2i + 2 (S -> target)
    if r_count:
        rest = {"support": _RA_REST, "attack": _CA_REST}
        s_ids = number[count + 1:count + r_count + 1]
        nodes += _blocks(r_count, _cells(_S_NODE, s_ids, list(map(rest.__getitem__, map(_TYPE, relations)))))
        edges += _blocks(r_count, _cells(_RELATION_EDGES, number[e + 1:e + 2 * r_count:2],
                                         list(map(node_of.__getitem__, map(_FROM, relations))), s_ids,
                                         number[e + 2:e + 2 * r_count + 1:2], s_ids,
                                         list(map(node_of.__getitem__, map(_TO, relations)))))
    ext_relations = {str(count + i + 1): {k: v for k, v in (("note", r.note), ("speaker", r.speaker)) if v is not None}
                     for i, r in enumerate(relations) if r.note is not None or r.speaker is not None}
    participants = [{"participantID": person[s.id], "firstname": s.name, "surname": ""} for s in amap.speakers]
    ext: dict[str, Any] = {"version": 2 if amap.arguments else 1, "title": amap.title}
    if amap.sources:
        ext["sources"] = [{k: v for k, v in (("id", s.id), ("file", s.file), ("sha256", s.sha256),
                                             ("title", s.title)) if v is not None} for s in amap.sources]
    ext["speakers"] = {str(person[s.id]): {"id": s.id, "name": s.name} for s in amap.speakers}
    ext["claims"] = ext_claims
    ext["relations"] = ext_relations
    if ext_arguments:
        ext["arguments"] = ext_arguments
    return {"nodes": Laid(nodes, "\n  "), "edges": Laid(edges, "\n  "), "locutions": Laid(locutions, "\n  "),
            "participants": participants, _EXT: ext}


def _claim_records(claims: tuple[Claim, ...], keys: list[str], ids: list[str], quoted: list[bool],
                   said_texts: list[str]) -> list[str | list[str]]:
    """The cells of the claims' records in the ``argmap`` block (claims without tags or silences).

    Per claim: its I-node's id as the key, its id, then its kind, source, quote and
    occurrence where it has them; *said_texts* holds the encoded quotes where
    *quoted*.
    """
    kinds = {k: "" if k == "claim" else f',{_G}"kind": {encode_string(k)}' for k in set(map(_KIND, claims))}
    sources = {s: "" if s is None else f',{_G}"source": {encode_string(s)}' for s in set(map(_SOURCE, claims))}
    cells: list[str | list[str]] = [
        f',{_K}"', keys, f'": {{{_G}"id": "', inner_strings(ids), '"',
        uniform(list(map(kinds.__getitem__, map(_KIND, claims)))),
        uniform(list(map(sources.__getitem__, map(_SOURCE, claims))))]
    if all(quoted):
        cells += [_QUOTE_KEY, said_texts, _QUOTE_END]
    elif any(quoted):
        cells.append([f"{_QUOTE_KEY}{s}{_QUOTE_END}" if q else "" for s, q in zip(said_texts, quoted)])
    occurrences = list(map(_OCCURRENCE, claims))
    if any(o is not None for o in occurrences):
        cells.append(["" if o is None else f",{_G}{_OCCURRENCE_KEY}{o:d}" for o in occurrences])
    cells.append(f"{_K}}}")
    return cells


# Line breaks and indents of dumps' records: of a node, edge or locution (_R) and its fields (_F);
# of a claim in the argmap block (_K) and its fields (_G).
_R, _F, _K, _G = "\n    ", "\n      ", "\n      ", "\n        "
_QUOTE_KEY = f',{_G}"quote": "'
_QUOTE_END = '"'
_OCCURRENCE_KEY = '"occurrence": '
_EDGE_FIELDS = f'{{{_F}"edgeID": "%d",{_F}"fromID": "%s",{_F}"toID": "%s",{_F}"formEdgeID": null{_R}}}'
_EDGE = "," + _R + _EDGE_FIELDS
# The templates below are filled by _cells and _blocks: each %s takes a column of texts (numbers already as text).
# a claim's three nodes: I (its text), L (speaker's name and what was said), YA (the illocution and its scheme)
_CLAIM_NODES = (f',{_R}{{{_F}"nodeID": "%s",{_F}"text": "%s",{_F}"type": "I"{_R}}}'
                f',{_R}{{{_F}"nodeID": "%s",{_F}"text": "%s%s",{_F}"type": "L"{_R}}}'
                f',{_R}{{{_F}"nodeID": "%s",{_F}"text": %s{_R}}}')
# a claim's two edges: L -> YA, YA -> I
_CLAIM_EDGES = (f',{_R}{{{_F}"edgeID": "%s",{_F}"fromID": "%s",{_F}"toID": "%s",{_F}"formEdgeID": null{_R}}}') * 2
# a relation's two edges: premise -> S-node, S-node -> target
_RELATION_EDGES = _CLAIM_EDGES
_LOCUTION = f',{_R}{{{_F}"nodeID": "%s",{_F}%s'
_S_NODE = f',{_R}{{{_F}"nodeID": "%s",{_F}"text": %s'
#: Rows formatted into one piece by :func:`_blocks` (a few megabytes of AIF at most).
_BLOCK = 1 << 14
#: The least length of the pieces of :func:`dump_chunks` (but the last), in characters.
_CHUNK = 1 << 20


def _numbers(count: int) -> list[str]:
    """``list(map(str, range(count)))``, twice as fast: beyond 1000, each number is its thousands and three digits.

    >>> _numbers(12)[-3:], _numbers(1002)[-3:]
    (['9', '10', '11'], ['999', '1000', '1001'])
    """
    if count <= 1000:
        return list(map(str, range(count)))
    out = list(map(str, range(1000)))
    for head in _numbers((count - 1) // 1000 + 1)[1:]:
        out += [head + tail for tail in _THREE_DIGITS]
    del out[count:]
    return out


_THREE_DIGITS = [f"{i:03d}" for i in range(1000)]


def _fill(template: str, *columns: list[str]) -> str:
    """``"".join(template % row for row in zip(*columns))``, without a formatting call per row.

    *template* has only ``%s`` fields (one per column, in order) and no other ``%``;
    the columns are lists of equal length. The constant pieces and the columns are
    interleaved in one list by slice assignment and joined once.

    >>> _fill("<%s=%s>", ["a", "b"], ["1", "2"])
    '<a=1><b=2>'
    """
    n = len(columns[0]) if columns else 0
    return "".join(_blocks(n, _cells(template, *columns)))


def _cells(template: str, *columns: list[str]) -> list[str | list[str]]:
    """The cells of :func:`_blocks` for *template* filled row by row with *columns* (see :func:`_fill`).

    A column whose rows are all the same text becomes a constant (see :func:`argmap._jsondump.uniform`).

    >>> _cells("<%s=%s>", ["a", "b"], ["1", "1"])
    ['<', ['a', 'b'], '=', '1', '>']
    """
    constants = template.split("%s")
    if len(constants) != len(columns) + 1 or "%" in "".join(constants):
        raise ValueError("a template of one %s field per column, and no other %")
    cells: list[str | list[str]] = [constants[0]]
    for column, constant in zip(columns, constants[1:]):
        cells += (uniform(column), constant)
    return cells


def _blocks(rows: int, cells: list[str | list[str]]) -> list[str]:
    """:func:`argmap._jsondump.blocks` of :data:`_BLOCK` rows."""
    return blocks(rows, cells, _BLOCK)


# The rest of an S- or RA-node after '"text": ': its text, type and scheme.
_RA_REST = f'"Default Inference",{_F}"type": "RA",{_F}"scheme": "Default Inference",{_F}"schemeID": "72"{_R}}}'
_CA_REST = f'"Default Conflict",{_F}"type": "CA",{_F}"scheme": "Default Conflict",{_F}"schemeID": "71"{_R}}}'


_ID, _TEXT, _QUOTE, _SPEAKER, _ACT, _TAGS, _SILENCE, _KIND, _SOURCE, _OCCURRENCE, _TYPE, _FROM, _TO = map(
    attrgetter, ("id", "text", "quote", "speaker", "act", "tags", "silence", "kind", "source", "occurrence", "type",
                 "from_id", "to_id"))


def _claim_info(c: Claim) -> dict[str, Any]:
    """What AIF has no place for of claim *c*, for the ``argmap`` block."""
    info: dict[str, Any] = {"id": c.id}
    if c.kind != "claim":
        info["kind"] = c.kind
    if c.source is not None:
        info["source"] = c.source
    if c.quote is not None:
        info["quote"] = c.quote
    if c.occurrence is not None:
        info["occurrence"] = c.occurrence
    if c.tags:
        info["tags"] = list(c.tags)
    if c.silence:
        info["silence"] = dict(c.silence)
    return info


def losses(amap: ArgumentMap) -> list[str]:
    """Nothing argmap holds is lost: standard AIF plus the ``argmap`` block holds it all.

    Other AIF tools read the claims, arguments (linked premises), supports, attacks,
    undercuts, illocutions and speakers; they ignore the ``argmap`` block (ids, kinds,
    tags, sources, quotes, lint silences, notes), which only argmap reads back.
    """
    return []

