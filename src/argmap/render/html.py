"""The interactive map page: the diagram beside the source texts it was drawn from.

:func:`to_html` returns one self-contained HTML document (inline SVG, CSS, script
and data; nothing is fetched) and :func:`write_html` writes it atomically.

What the page does
------------------
* the Graphviz diagram (:func:`argmap.render.dot.to_dot`), pannable (drag, arrow
  keys) and zoomable (wheel, ``+``/``-``, buttons);
* every source text, each claim's quote highlighted in its speaker's colour;
* clicking a claim in the diagram (or Tab to it, then Enter) marks and scrolls to
  its quote and fills the details panel: id, speaker, kind, paraphrase, quote,
  relations in and out (as links), status (unattacked or not, and the label under
  the chosen semantics); clicking a quote selects its claim in the diagram;
* filters: by speaker, by status, and "only claims that answer another speaker".

Safety
------
All user text reaches the page escaped: in the SVG by Graphviz (labels built by
:mod:`argmap.render.escape`), in the source texts by :func:`html.escape`, and in
the embedded JSON with ``<``, ``>`` and ``&`` written as ``\\u003c`` … so the data
block cannot end early. The script only ever assigns ``textContent``. A
Content-Security-Policy allows nothing but the page's own script and style (by
hash) and ``data:`` images, so even a markup mistake could neither run an injected
script nor reach the network.

Examples
--------
>>> from argmap.model import ArgumentMap, Claim, Speaker
>>> m = ArgumentMap(title="<b>t</b>", speakers=[Speaker("a", "A")], claims=[Claim("c", "a", "x")])
>>> page = to_html(m, svg="<svg></svg>")
>>> "<title>&lt;b&gt;t&lt;/b&gt;</title>" in page
True
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .dot import claim_statuses, speaker_styles, to_dot

if TYPE_CHECKING:  # pragma: no cover
    from ..model import ArgumentMap, Claim

__all__ = ["to_html", "write_html", "page_data", "source_html"]


def page_data(amap: ArgumentMap, *, semantics: str | None = None,
              support: str | None = None) -> dict[str, Any]:
    """The JSON the page script works from: speakers, claims, relations, statuses.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("a", "A"), Speaker("b", "B")],
    ...                 claims=[Claim("p", "a", "P"), Claim("q", "b", "Q")],
    ...                 relations=[Relation("q", "p", "attack")])
    >>> d = page_data(m)
    >>> d["claims"][1]["answers"], d["claims"][0]["status"]
    (True, 'attacked')
    """
    styles = speaker_styles(amap)
    unattacked = claim_statuses(amap, status="unattacked")
    labels = claim_statuses(amap, semantics=semantics, support=support) if semantics else {}
    claims = []
    for i, c in enumerate(amap.claims):
        claims.append({
            "id": c.id, "node": f"n{i}", "speaker": styles[c.speaker].index, "kind": c.kind,
            "text": c.text, "quote": c.quote, "source": c.source, "start": c.start, "end": c.end,
            "status": unattacked[c.id], "label": labels.get(c.id),
            "answers": any(amap.speaker_of(r.to_id) != c.speaker for r in amap.outgoing(c.id)),
        })
    index = {c.id: i for i, c in enumerate(amap.claims)}
    return {
        "title": amap.title,
        "semantics": semantics,
        "support": support,
        "speakers": [{"id": s.id, "name": s.name, "fill": styles[s.id].fill,
                      "line": styles[s.id].line} for s in amap.speakers],
        "claims": claims,
        "relations": [{"from": index[r.from_id], "to": index[r.to_id], "type": r.type,
                       "note": r.note} for r in amap.relations if r.to_id in index],
    }


def source_html(text: str, claims: list[tuple[int, Claim]], speaker_index: dict[str, int]) -> str:
    """A source *text* as escaped HTML with each located quote wrapped in highlight spans.

    Quotes may overlap: the text is cut at every quote boundary and each piece lists
    the claims covering it (``data-c``, claim indices); it takes the colour of the
    shortest of them. The first piece of each quote is focusable.

    Examples
    --------
    >>> from argmap.model import Claim
    >>> c = Claim("x", "a", "t", quote="b<c", start=1, end=4)
    >>> source_html("ab<cd", [(0, c)], {"a": 0})
    'a<span class="q s0" data-c="0" tabindex="0" role="button" data-first="0">b&lt;c</span>d'
    """
    located = [(i, c) for i, c in claims if c.start is not None and c.end is not None
               and 0 <= c.start < c.end <= len(text)]
    cuts = sorted({0, len(text)} | {c.start for _, c in located} | {c.end for _, c in located})
    out = []
    first_done: set[int] = set()
    for a, b in zip(cuts, cuts[1:]):
        piece = html.escape(text[a:b], quote=True)
        covering = [(c.end - c.start, i, c) for i, c in located if c.start <= a and b <= c.end]
        if not covering:
            out.append(piece)
            continue
        covering.sort(key=lambda t: (t[0], t[1]))
        _, top, top_claim = covering[0]
        ids = " ".join(str(i) for _, i, _ in covering)
        attrs = f'class="q s{speaker_index[top_claim.speaker]}" data-c="{ids}"'
        starts = [i for _, i, c in covering if c.start == a and i not in first_done]
        if starts:
            first_done.update(starts)
            attrs += f' tabindex="0" role="button" data-first="{" ".join(map(str, starts))}"'
        out.append(f"<span {attrs}>{piece}</span>")
    return "".join(out)


def _svg_for_page(svg: str) -> str:
    """Graphviz's SVG without the XML prolog and fixed size, so CSS and viewBox rule."""
    start = svg.find("<svg")
    svg = svg[start:] if start >= 0 else svg
    head_end = svg.find(">")
    head = re.sub(r'\s(width|height)="[^"]*"', "", svg[:head_end])
    return head + ' id="diagram-svg" role="img" aria-label="argument map diagram"' + svg[head_end:]


def _json_for_script(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def to_html(amap: ArgumentMap, *, semantics: str | None = None, support: str | None = None,
            rankdir: str = "LR", svg: str | None = None) -> str:
    """The interactive page for *amap* as one HTML string.

    Parameters
    ----------
    amap : ArgumentMap
        A map, best loaded from a file so that its source texts and quote offsets
        are known (claims without offsets are listed but not highlighted).
    semantics : str, optional
        ICCMA code: the panel and the status filter show each claim's label.
    support : str, optional
        Support reading for the evaluation.
    rankdir : {"TB", "LR"}
        Direction of the diagram.
    svg : str, optional
        A ready SVG of the map (default: rendered with Graphviz here).

    Returns
    -------
    str

    Raises
    ------
    EngineNotFoundError, RenderError
        When the SVG cannot be rendered.
    """
    if svg is None:
        from .engine import render_bytes

        svg = render_bytes(to_dot(amap, rankdir=rankdir).to_string(), "svg").decode("utf-8")
    styles = speaker_styles(amap)
    speaker_index = {sid: st.index for sid, st in styles.items()}
    sections = []
    for source in amap.sources:
        text = source.text
        if text is None:
            try:
                text = amap.source_path(source).read_text(encoding="utf-8")
            except OSError:
                text = None
        title = html.escape(source.title or source.file or source.id, quote=True)
        if text is None:
            body = '<p class="missing">The text of this source is not available.</p>'
        else:
            own = [(i, c) for i, c in enumerate(amap.claims)
                   if c.source == source.id or (c.source is None and len(amap.sources) == 1)]
            body = f'<div class="source-text">{source_html(text, own, speaker_index)}</div>'
        sections.append(f'<section class="source"><h2>{title}</h2>{body}</section>')

    speaker_css = "\n".join(
        f".q.s{st.index}{{background:{st.fill};border-bottom-color:{st.line}}}"
        f" .sw.s{st.index}{{background:{st.fill};border-color:{st.line}}}"
        for st in styles.values())
    style = _asset("page.css") + "\n" + speaker_css + "\n"
    script = _asset("page.js")
    csp = ("default-src 'none'; img-src data:; "
           f"style-src {_csp_hash(style)}; script-src {_csp_hash(script)}; "
           "base-uri 'none'; form-action 'none'")
    speakers = "".join(
        f'<label><input type="checkbox" name="speaker" value="{st.index}" checked>'
        f'<span class="sw s{st.index}"></span>{html.escape(st.name, quote=True)}</label>'
        for st in styles.values())
    status_options = ['<option value="">any status</option>',
                      '<option value="unattacked">unattacked</option>',
                      '<option value="attacked">attacked</option>']
    if semantics:
        labels = ("in", "out", "undec") if semantics.upper() == "GR" else (
            "skeptical", "credulous", "rejected")
        status_options += [f'<option value="label:{lab}">{html.escape(semantics)}: {lab}</option>'
                           for lab in labels]
    title = html.escape(amap.title or "Argument map", quote=True)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="argmap">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<header>
<h1>{title}</h1>
<form id="filters" aria-label="filters">
<fieldset><legend>Speakers</legend>{speakers}</fieldset>
<fieldset><legend>Status</legend><select id="status-filter" aria-label="status">{"".join(status_options)}</select></fieldset>
<fieldset><legend>Exchange</legend><label><input type="checkbox" id="answers-filter">only claims that answer another speaker</label></fieldset>
</form>
</header>
<main>
<section id="diagram" aria-label="diagram">
<div class="zoom" role="toolbar" aria-label="zoom"><button type="button" id="zoom-in" aria-label="zoom in">+</button><button type="button" id="zoom-out" aria-label="zoom out">&#8722;</button><button type="button" id="zoom-fit">fit</button></div>
<div id="viewport" tabindex="0" aria-label="diagram viewport: drag or arrow keys to pan, wheel or +/- to zoom">{_svg_for_page(svg)}</div>
</section>
<aside id="side">
<section id="details" aria-live="polite"><p class="hint">Select a claim in the diagram or a highlighted quote in the text.</p></section>
<div id="sources">{"".join(sections)}</div>
</aside>
</main>
<script type="application/json" id="argmap-data">{_json_for_script(page_data(amap, semantics=semantics, support=support))}</script>
<script>{script}</script>
</body>
</html>
"""


def write_html(amap: ArgumentMap, path: str | Path, **options: Any) -> None:
    """Write :func:`to_html` of *amap* to *path* atomically (options as for :func:`to_html`)."""
    from .._files import atomic_write

    atomic_write(path, to_html(amap, **options))
