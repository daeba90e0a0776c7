"""A map whose ids, names and texts attack DOT, SVG and HTML, and helpers to read SVG.

Shared by the diagram, engine, CLI and HTML tests.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import argmap
from argmap.model import ArgumentMap, Claim, Relation, Source, Speaker

SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"

#: (claim id, text); every text is also the claim's verbatim quote.
CASES: list[tuple[str, str]] = [
    ("node", 'DOT keyword "node" as an id'),
    ("edge", "C:\\temp\\new and \\N \\G \\L escapes"),
    ("graph", "<script>alert('g')</script>"),
    ("Node", "AT&amp;T & <b>bold</b> café “quoted” ✓"),
    ("strict", '"entirely in quotes"'),
    ("a:b", "{record|syntax} <port> | field"),
    ("x\\", "ends with a backslash \\"),
    ("<img>", "<img src=x onerror=alert(1)>"),
    ("E&1", "--> ]]> <!-- comment &lt;"),
    ("sub graph", "subgraph { digraph -> edge [label=x] }"),
]

TITLE = 'Hostile <map> & "title" \\'
SPEAKERS = [Speaker("s1", 'Ann "node" <b>'), Speaker("edge", "Bob \\N & co")]
RELATIONS = [
    ("edge", "node", "attack", 'note with "quotes" <x> \\'),
    ("graph", "node", "support", None),
    ("Node", "edge", "support", "<script>alert(2)</script>"),
    ("strict", "graph", "attack", None),
    ("a:b", "strict", "support", None),
    ("x\\", "a:b", "attack", None),
    ("<img>", "x\\", "support", None),
    ("E&1", "<img>", "attack", None),
    ("sub graph", "E&1", "support", None),
]
SOURCE_TEXT = "\n\n".join(text for _, text in CASES) + "\n"


def hostile_map(*, with_source: bool = False) -> ArgumentMap:
    """The hostile map, built in code (quotes set, offsets only when *with_source*)."""
    claims = []
    for i, (cid, text) in enumerate(CASES):
        start = SOURCE_TEXT.index(text) if with_source else None
        claims.append(Claim(cid, SPEAKERS[i % 2].id, text, kind="thesis" if i == 0 else "claim",
                            source="src", quote=text, start=start,
                            end=start + len(text) if start is not None else None))
    sources = [Source("src", "hostile.txt", text=SOURCE_TEXT if with_source else None)]
    return ArgumentMap(title=TITLE, sources=sources, speakers=SPEAKERS, claims=claims,
                       relations=[Relation(a, b, t, note=n) for a, b, t, n in RELATIONS])


def write_hostile_map(folder: Path) -> Path:
    """Write the hostile map and its source text into *folder*; return the map's path."""
    (folder / "hostile.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    path = folder / "hostile.yaml"
    argmap.save(hostile_map(), path)
    return path


def parse_svg(svg: bytes) -> ET.Element:
    """Parse SVG bytes (Graphviz writes a DOCTYPE, which ElementTree skips)."""
    return ET.fromstring(svg)


def claim_groups(root: ET.Element) -> dict[str, ET.Element]:
    """``claim id -> <g>`` for every claim node of a rendered diagram."""
    found = {}
    for g in root.iter(f"{SVG_NS}g"):
        gid = g.get("id", "")
        if gid.startswith("claim-") and "argnode" in g.get("class", "").split():
            found[gid[len("claim-"):]] = g
    return found


def text_lines(g: ET.Element) -> list[str]:
    """The text lines of a node as shown: spans on the same baseline joined, top to bottom."""
    rows: dict[float, list[tuple[float, str]]] = defaultdict(list)
    for t in g.iter(f"{SVG_NS}text"):
        rows[float(t.get("y"))].append((float(t.get("x")), t.text or ""))
    return ["".join(s for _, s in sorted(spans)) for _, spans in sorted(rows.items())]


def tooltip(g: ET.Element) -> str | None:
    """The tooltip Graphviz attached to a node (``xlink:title`` of its ``<a>``)."""
    for a in g.iter(f"{SVG_NS}a"):
        return a.get(XLINK_TITLE)
    return None


_EXECUTABLE_TAGS = {"script", "foreignObject", "iframe", "object", "embed", "handler", "use"}


def assert_inert(root: ET.Element) -> None:
    """Fail if the SVG holds anything a browser could execute or load."""
    for el in root.iter():
        tag = el.tag.split("}")[-1]
        assert tag not in _EXECUTABLE_TAGS, f"<{tag}> in SVG"
        for name, value in el.attrib.items():
            local = name.split("}")[-1]
            assert not local.lower().startswith("on"), f"event handler {name}={value!r}"
            assert "javascript:" not in value.lower(), f"{name}={value!r}"
            if local == "href":
                assert value.startswith("#"), f"link {value!r}"


def squashed(text: str) -> str:
    """*text* with whitespace runs collapsed, as labels show it."""
    return re.sub(r"\s+", " ", text).strip()
