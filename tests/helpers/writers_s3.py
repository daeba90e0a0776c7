"""The map writers as they were at d4dc978 (end of session 3), the oracle of the differential tests.

Frozen copies of the parts that changed since, of ``argmap.formats.native`` (from ``to_data`` down: YAML and JSON),
``argmap.formats.aif.dumps`` and ``argmap.formats.argdown._write.dumps`` and ``losses``: the
column-wise writers that replaced them must give the very same text
(``tests/test_writers_differential.py``). The helpers that did not change are imported
from the package, not copied. Not used by the package.
"""

# ruff: noqa
# mypy: ignore-errors
from __future__ import annotations

import json
import re
from typing import Any

from argmap._jsondump import Records, encode_string
from argmap.errors import ConversionError
from argmap.formats._tree import dump_json
from argmap.model import ArgumentMap, Claim
from argmap.formats.native import _claim_data, _claim_json, _relation_data, _relation_json, version_needed, _double_quoted  # unchanged since d4dc978
from argmap.formats.aif import _illocution, _claim_info  # unchanged since d4dc978
from argmap.formats.argdown._write import _escape, _flow, _title, _relation_line  # unchanged since d4dc978

__all__ = ["native_dumps", "to_data", "aif_dumps", "argdown_dumps", "argdown_losses"]

_EXT = "argmap"


# -- native (YAML and JSON) -------------------------------------------------------------

def to_data(amap: ArgumentMap, *, offsets: bool = False) -> dict[str, Any]:
    """The map as plain data in the native schema (``start``/``end`` with *offsets*).

    ``argmap`` is 1 unless the map needs format 2 (see :func:`version_needed`).
    ``arguments`` (only when the map has some) lists ``{id, premises, conclusion,
    speaker, scheme?, note?}``, ``speaker`` resolved to the conclusion's speaker when
    the argument names none.
    """
    return _data(amap, offsets, encoded=False)


def _data(amap: ArgumentMap, offsets: bool, encoded: bool) -> dict[str, Any]:
    """:func:`to_data`; with *encoded*, flat claims and relations as JSON :class:`Records` (for :func:`dumps`)."""
    if encoded and not any(c.tags or c.silence for c in amap.claims):
        claims: Any = Records([_claim_json(c, offsets) for c in amap.claims])
        relations: Any = Records([_relation_json(r) for r in amap.relations])
    else:
        claims = [_claim_data(c, offsets) for c in amap.claims]
        relations = [_relation_data(r) for r in amap.relations]
    sources = []
    for s in amap.sources:
        d: dict[str, Any] = {"id": s.id, "file": s.file}
        if s.sha256:
            d["sha256"] = s.sha256
        if s.title is not None:
            d["title"] = s.title
        if s.whitespace != "exact":
            d["whitespace"] = s.whitespace
        sources.append(d)
    arguments = []
    for a in amap.arguments:
        d = {"id": a.id, "premises": list(a.premises), "conclusion": a.conclusion,
             "speaker": amap.argument_speaker(a)}
        if a.scheme is not None:
            d["scheme"] = a.scheme
        if a.note is not None:
            d["note"] = a.note
        arguments.append(d)
    data: dict[str, Any] = {"argmap": version_needed(amap), "title": amap.title}
    if sources:
        data["sources"] = sources
    data["speakers"] = [{"id": s.id, "name": s.name} for s in amap.speakers]
    data["claims"] = claims
    if arguments:
        data["arguments"] = arguments
    data["relations"] = relations
    return data


def native_dumps(amap: ArgumentMap, *, syntax: str = "yaml", offsets: bool | None = None) -> str:
    """Write *amap* in the native format.

    Parameters
    ----------
    syntax : {"yaml", "json"}
    offsets : bool, optional
        Include the derived ``start``/``end`` of each claim. Default: yes for JSON
        (the stable output of ``argmap convert --to json``), no for YAML.

    Notes
    -----
    The YAML is written in the plain subset that :mod:`argmap.formats._plainyaml`
    reads fast: block mappings, one line per scalar (never wrapped), speakers and
    relations without a note on one line each, short lists of strings inline; a
    string is written plain when YAML reads it back as that very string, else
    double-quoted with escapes.
    """
    if offsets is None:
        offsets = syntax == "json"
    if syntax == "json":
        return dump_json(_data(amap, offsets, encoded=True))
    return _Yaml().document(to_data(amap, offsets=offsets))


class _Yaml:
    """The YAML writer of :func:`dumps` (linear, one ``str.join`` at the end)."""

    def __init__(self) -> None:
        import yaml

        self.resolver = yaml.resolver.Resolver()
        self.scalar_node = yaml.ScalarNode
        self.cache: dict[tuple[str, bool], str] = {}
        # a string whose first character starts no implicit resolver is a string
        resolvers = self.resolver.yaml_implicit_resolvers
        plain = None in resolvers or self.resolver.yaml_path_resolvers
        self.resolved = None if plain else frozenset(k for k in resolvers if k)

    def scalar(self, value: Any, flow: bool) -> str:
        if type(value) is not str:
            if value is None:
                return "null"
            if isinstance(value, bool):
                return "true" if value else "false"
            if isinstance(value, (int, float)):
                return repr(value)
        key = (value, flow)
        hit = self.cache.get(key)
        if hit is None:
            hit = value if self._plain(value, flow) else _double_quoted(value)
            if len(value) < 64:  # ids, speakers, kinds repeat; long texts seldom do
                self.cache[key] = hit
        return hit

    def _plain(self, s: str, flow: bool) -> bool:
        if not s or s[0] in _YAML_INDICATORS or s[-1] in " :" or ": " in s or " #" in s \
                or _YAML_UNSAFE.search(s) or (flow and _YAML_FLOW_UNSAFE.search(s)):
            return False
        if self.resolved is not None and s[0] not in self.resolved:
            return True
        return self.resolver.resolve(self.scalar_node, s, (True, False)) == "tag:yaml.org,2002:str"

    def value(self, key: str, v: Any, indent: str, out: list[str]) -> None:
        if isinstance(v, dict):
            if not v:
                out.append(f"{indent}{key}: {{}}")
                return
            out.append(f"{indent}{key}:")
            for k, item in v.items():
                self.value(self.scalar(k, False), item, indent + "  ", out)
        elif isinstance(v, list):
            if not v:
                out.append(f"{indent}{key}: []")
            elif all(isinstance(x, str) and len(x) < 40 for x in v):
                out.append(f"{indent}{key}: [" + ", ".join(self.scalar(x, True) for x in v) + "]")
            else:
                out.append(f"{indent}{key}:")
                out.extend(f"{indent}- {self.scalar(x, False)}" for x in v)
        else:
            out.append(f"{indent}{key}: {self.scalar(v, False)}")

    def records(self, key: str, items: list[dict[str, Any]], flow: bool, out: list[str]) -> None:
        if not items:
            out.append(f"{key}: []")
            return
        out.append(f"{key}:")
        scalar, cache = self.scalar, self.cache
        for item in items:
            if flow and "note" not in item:
                out.append("- {" + ", ".join([f"{k}: {cache.get((v, True)) or scalar(v, True)}"
                                              for k, v in item.items()]) + "}")
                continue
            lead = "- "
            for k, v in item.items():
                if type(v) is str:  # the common case, one line
                    out.append(f"{lead}{k}: {cache.get((v, False)) or scalar(v, False)}")
                else:
                    lines: list[str] = []
                    self.value(k, v, "  ", lines)
                    lines[0] = lead + lines[0][2:]
                    out.extend(lines)
                lead = "  "

    def document(self, data: dict[str, Any]) -> str:
        out: list[str] = []
        for key, v in data.items():
            if key in ("sources", "speakers", "claims", "arguments", "relations"):
                self.records(key, v, key in ("speakers", "relations"), out)
            else:
                self.value(key, v, "", out)
        return "\n".join(out) + "\n"


# a string starting with one of these is not written plain
_YAML_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`~= ")
# nor one holding a line break, a tab or a character YAML escapes
_YAML_UNSAFE = re.compile("[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
# nor, inside {…} or […], a flow indicator or a colon
_YAML_FLOW_UNSAFE = re.compile(r"[,\[\]{}#:]")


# -- AIF ------------------------------------------------------------------------------


def aif_dumps(amap: ArgumentMap) -> str:
    """Write *amap* as AIF JSON with its dialogue layer and an ``argmap`` block.

    See the module docstring for the node layout. Node and edge ids are numeric
    strings in a fixed order, so the output is deterministic. The text is that of
    ``json.dumps(document, indent=2, ensure_ascii=False)``; the nodes, edges and
    locutions (a map of 10⁵ claims has 10⁶ of them) are formatted from templates,
    one per record shape, and laid out by :func:`argmap._jsondump.dumps`.
    """
    claims = amap.claims
    person = {s.id: i for i, s in enumerate(amap.speakers, start=1)}
    names = {s.id: s.name for s in amap.speakers}
    inode = {c.id: 3 * k + 1 for k, c in enumerate(claims)}
    said = {act: encode_string(_illocution(act)) for act in {c.act for c in claims}}
    ya = {act: f'{text},\n"type": "YA",\n"scheme": {text}' + (',\n"schemeID": "74"' if act is None else "")
          for act, text in said.items()}
    # per claim k: its I-node 3k+1, L-node 3k+2, YA-node 3k+3 (one body holds the three
    # records, separated as Records separates them); edges L -> YA -> I
    nodes = [f'"nodeID": "{3 * k + 1}",\n"text": {encode_string(c.text)},\n"type": "I"\x00'
             f'"nodeID": "{3 * k + 2}",\n"text": '
             f'{encode_string(names[c.speaker] + " : " + (c.quote if c.quote is not None else c.text))},\n'
             f'"type": "L"\x00"nodeID": "{3 * k + 3}",\n"text": {ya[c.act]}' for k, c in enumerate(claims)]
    edges = [f'"edgeID": "{2 * k + 1}",\n"fromID": "{3 * k + 2}",\n"toID": "{3 * k + 3}",\n"formEdgeID": null\x00'
             f'"edgeID": "{2 * k + 2}",\n"fromID": "{3 * k + 3}",\n"toID": "{3 * k + 1}",\n"formEdgeID": null'
             for k in range(len(claims))]
    locutions = [f'"nodeID": "{3 * k + 2}",\n"personID": {person[c.speaker]}' for k, c in enumerate(claims)]
    count = [3 * len(claims), 2 * len(claims)]  # nodes and edges so far
    if any(c.tags or c.silence for c in claims):
        ext_claims: Any = {str(3 * k + 1): _claim_info(c) for k, c in enumerate(claims)}
    else:  # flat records: formatted here
        ext_claims = Records([_claim_body(c) for c in claims], [str(3 * k + 1) for k in range(len(claims))])

    def node(text: str, rest: str) -> int:
        count[0] += 1
        nodes.append(f'"nodeID": "{count[0]}",\n"text": {text},\n"type": {rest}')
        return count[0]

    def edge(a: int, b: int) -> None:
        count[1] += 1
        edges.append(f'"edgeID": "{count[1]}",\n"fromID": "{a}",\n"toID": "{b}",\n"formEdgeID": null')

    ext_arguments: dict[str, Any] = {}
    anode: dict[str, int] = {}
    for a in amap.arguments:
        if a.scheme:
            scheme = encode_string(a.scheme)
            s = node(scheme, f'"RA",\n"scheme": {scheme}')
        else:
            s = node('"Default Inference"', _RA)
        anode[a.id] = s
        for p in a.premises:
            edge(inode[p], s)
        edge(s, inode[a.conclusion])
        ext_arguments[str(s)] = {k: v for k, v in (("id", a.id), ("speaker", a.speaker), ("scheme", a.scheme),
                                                   ("note", a.note)) if v is not None}
    # relation i: its S-node n + i + 1, edges e + 2i + 1 (premise -> S) and e + 2i + 2 (S -> target)
    n, e = count
    relations = amap.relations
    nodes += [f'"nodeID": "{n + i + 1}",\n"text": ' + (_RA_NODE if r.type == "support" else _CA_NODE)
              for i, r in enumerate(relations)]
    edges += [f'"edgeID": "{e + 2 * i + 1}",\n"fromID": "{inode[r.from_id]}",\n"toID": "{n + i + 1}",\n'
              f'"formEdgeID": null\x00"edgeID": "{e + 2 * i + 2}",\n"fromID": "{n + i + 1}",\n'
              f'"toID": "{anode[r.to_id] if r.to_id in anode else inode[r.to_id]}",\n"formEdgeID": null'
              for i, r in enumerate(relations)]
    ext_relations = {str(n + i + 1): {k: v for k, v in (("note", r.note), ("speaker", r.speaker)) if v is not None}
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
    doc = {"nodes": Records(nodes), "edges": Records(edges), "locutions": Records(locutions),
           "participants": participants, _EXT: ext}
    return dump_json(doc)


# The rest of a node record after its text: its type and scheme.
_RA = '"RA",\n"scheme": "Default Inference",\n"schemeID": "72"'
_RA_NODE = '"Default Inference",\n"type": ' + _RA
_CA_NODE = '"Default Conflict",\n"type": "CA",\n"scheme": "Default Conflict",\n"schemeID": "71"'


def _claim_body(c: Claim) -> str:
    """:func:`_claim_info` of a claim without tags or silences, as a :class:`Records` body."""
    text = '"id": ' + encode_string(c.id)
    if c.kind != "claim":
        text += ',\n"kind": ' + encode_string(c.kind)
    if c.source is not None:
        text += ',\n"source": ' + encode_string(c.source)
    if c.quote is not None:
        text += ',\n"quote": ' + encode_string(c.quote)
    if c.occurrence is not None:
        text += f',\n"occurrence": {c.occurrence:d}'
    return text


# -- Argdown --------------------------------------------------------------------------

_ESCAPE = re.compile(r"([\\\[\]<>{}#@*_`])|(/(?=[/*]))")


_encode_string = json.encoder.encode_basestring  # what json.dumps(s, ensure_ascii=False) writes for a str


def _tag(tag: str) -> str:
    if re.fullmatch(r"[\w\-]+", tag):
        return "#" + tag
    if ")" in tag or "\n" in tag:
        raise ConversionError(f"tag {tag!r} cannot be written in Argdown", hint="Argdown tags cannot hold ')'")
    return f"#({tag})"


def argdown_dumps(amap: ArgumentMap) -> str:
    """Write *amap* as Argdown.

    The output has a frontmatter (title, speakers, sources), one section per
    speaker, and each claim as a titled statement with its data and its outgoing
    relations; then each argument as an Argdown argument with its premise–conclusion
    structure. What it cannot hold is listed by :func:`losses`.

    Raises
    ------
    ConversionError
        If a claim or argument id or a tag cannot be written in Argdown syntax.
    """
    import yaml

    front: dict[str, Any] = {"title": amap.title,
                             "speakers": {s.id: s.name for s in amap.speakers}}
    if amap.sources:
        front["sources"] = [{k: v for k, v in (("id", s.id), ("file", s.file), ("sha256", s.sha256),
                                                ("title", s.title)) if v is not None} for s in amap.sources]
    front["selection"] = {"excludeDisconnected": False}
    parts = ["===\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1000) + "===\n"]
    written: dict[str, str] = {}  # short strings as _flow writes them (keys, ids, kinds repeat)

    def flow(value: Any) -> str:
        if type(value) is str:
            hit = written.get(value)
            if hit is None:
                hit = _flow(value)
                if len(value) < 64:
                    written[value] = hit
            return hit
        if type(value) is dict:
            return "{" + ", ".join([f"{flow(k)}: {flow(v)}" for k, v in value.items()]) + "}"
        return _flow(value)

    by_speaker: dict[str, list[Any]] = {s.id: [] for s in amap.speakers}
    for c in amap.claims:
        by_speaker[c.speaker].append(c)
    for speaker in amap.speakers:
        claims = by_speaker[speaker.id]
        parts.append(f"# {_escape(speaker.name)} {{speaker: {_flow(speaker.id)}}}\n")
        for c in claims:
            data: dict[str, Any] = {"speaker": c.speaker}
            if c.kind != "claim":
                data["kind"] = c.kind
            for key in ("source", "quote", "occurrence", "act"):
                if getattr(c, key) is not None:
                    data[key] = getattr(c, key)
            if c.silence:
                data["silence"] = dict(c.silence)
            rels = amap.outgoing(c.id)
            extra = {}
            for r in rels:
                info = {k: v for k, v in (("note", r.note), ("speaker", r.speaker)) if v is not None}
                if info:
                    extra[r.to_id] = info
            if extra:
                data["relations"] = extra
            tags = "".join(" " + _tag(t) for t in c.tags)
            block = [f"[{_title(c.id)}]: {_escape(c.text)}{tags} {flow(data)}"]
            block.extend(_relation_line(amap, r) for r in rels)
            parts.append("\n".join(block) + "\n")
    if amap.arguments:
        parts.append("# Arguments\n")
    for a in amap.arguments:
        head = f"<{_title(a.id, 'argument')}>"
        if a.note is not None:
            head += f": {_escape(a.note)}"
        if a.speaker is not None:
            head += f" {_flow({'speaker': a.speaker})}"
        lines = [f"({i}) [{_title(p)}]" for i, p in enumerate(a.premises, start=1)]
        lines.append(f"-- {_escape(a.scheme)} --" if a.scheme else "----")
        lines.append(f"({len(a.premises) + 1}) [{_title(a.conclusion)}]")
        parts.append(head + "\n\n" + "\n".join(lines) + "\n")
    return "\n".join(parts)


def argdown_losses(amap: ArgumentMap) -> list[str]:
    """What Argdown output cannot hold of *amap*: line breaks and control characters in texts.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("a", "Ann")], claims=[Claim("A1", "a", "two\\nlines")])
    >>> argdown_losses(m)
    ['1 claim text with line breaks (written on one line)']
    """
    out = []
    broken = sum(1 for c in amap.claims if "\n" in c.text or c.text != c.text.strip())
    broken += sum(1 for a in amap.arguments for t in (a.note, a.scheme)
                  if t is not None and ("\n" in t or t != t.strip()))
    if broken:
        out.append(f"{broken} claim text{'s' if broken != 1 else ''} with line breaks "
                   "(written on one line)")
    odd = sum(1 for c in amap.claims if _UNKEPT.search(c.text))
    odd += sum(1 for r in amap.relations if r.note and _UNKEPT.search(r.note))
    if odd:
        out.append(f"{odd} claim text{'s' if odd != 1 else ''} or note{'s' if odd != 1 else ''} with "
                   "characters Argdown text cannot keep (NUL, CR, tab, other control characters, "
                   "U+2028/U+2029: changed to spaces or dropped)")
    return out


#: Characters the Argdown reader does not give back as written: it drops NUL, reads
#: CR, vertical tab, form feed, U+0085 and U+2028/9 as line breaks, expands tabs.
_UNKEPT = re.compile("[\x00-\x08\t\x0b-\x1f\x7f-\x9f\u2028\u2029]")
