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
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .dot import Selection, choose_rankdir, select, to_dot
from .style import STATUS_STYLES, speaker_styles, status_word

if TYPE_CHECKING:  # pragma: no cover
    from ..model import ArgumentMap, Claim
    from . import Drawn

__all__ = ["to_html", "write_html", "page_data", "source_html", "PAGE_SCRIPTS", "PAGE_STYLES"]

#: The page's script assets, in load order: the grounded labelling (pure), then the
#: page. An editing page adds its own after these (see ``extra_scripts``).
PAGE_SCRIPTS: tuple[str, ...] = ("grounded.js", "page.js")
#: The page's style assets.
PAGE_STYLES: tuple[str, ...] = ("page.css",)


def page_data(amap: ArgumentMap, *, statuses: Mapping[str, object] | None = None,
              semantics: str | None = None, support: str | None = None,
              framework: Mapping[str, Any] | None = None,
              selection: Selection | None = None) -> dict[str, Any]:
    """The JSON the page script works from.

    Parameters
    ----------
    amap : ArgumentMap
    statuses : mapping, optional
        ``claim id -> label`` computed by the caller (as for :func:`~argmap.render.dot.to_dot`).
    semantics, support : str, optional
        Names only, for the page's words.
    framework : mapping, optional
        The compiled attack graph, as data: ``ids`` (the AF's arguments; a claim's
        status is that of the argument with its id), ``attacks`` (index pairs) and,
        optionally, ``needs`` (for each attack, the ids it runs through: switching any
        of them off removes it) and ``node_needs`` (for each argument, the ids it
        needs). The page computes the grounded labelling over it for the what-if.
    selection : Selection, optional
        What the diagram draws (default: the whole map).

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("a", "A"), Speaker("b", "B")],
    ...                 claims=[Claim("p", "a", "P"), Claim("q", "b", "Q")],
    ...                 relations=[Relation("q", "p", "attack")])
    >>> d = page_data(m, statuses={"p": "out", "q": "in"}, semantics="GR")
    >>> d["claims"][1]["answers"], d["claims"][0]["status"], d["claims"][0]["label"]
    (True, 'attacked', 'out')
    """
    styles = speaker_styles(amap)
    labels = {cid: status_word(v) for cid, v in (statuses or {}).items()}
    speaker_of = {c.id: c.speaker for c in amap.claims}
    args_by_id = {a.id: a for a in amap.arguments}
    sel = selection or select(amap)
    drawn = {c.id for c in sel.claims}

    def speaker_at(target: str) -> str:
        arg = args_by_id.get(target)
        return amap.argument_speaker(arg) if arg is not None else speaker_of[target]

    claims = []
    for i, c in enumerate(amap.claims):
        out = amap.outgoing(c.id)
        claims.append({
            "id": c.id, "node": f"n{i}", "speaker": styles[c.speaker].index, "kind": c.kind,
            "text": c.text, "quote": c.quote, "source": c.source, "start": c.start, "end": c.end,
            "status": "attacked" if amap.attackers(c.id) else "unattacked",
            "label": labels.get(c.id), "drawn": c.id in drawn, "cut": sel.cut.get(c.id, 0),
            "answers": any(speaker_at(r.to_id) != c.speaker for r in out),
        })
    undercut = {r.to_id for r in amap.relations if r.to_id in args_by_id}
    arguments = [{
        "id": a.id, "premises": list(a.premises), "conclusion": a.conclusion,
        "speaker": styles[amap.argument_speaker(a)].index, "scheme": a.scheme, "note": a.note,
        "junction": len(a.premises) > 1 or a.id in undercut,
    } for a in amap.arguments]
    return {
        "title": amap.title,
        "semantics": semantics,
        "support": support,
        "part": sel.part,
        "speakers": [{"id": s.id, "name": s.name, "fill": styles[s.id].fill,
                      "line": styles[s.id].line} for s in amap.speakers],
        "claims": claims,
        "arguments": arguments,
        "relations": [{"from": r.from_id, "to": r.to_id,
                       "type": "undercut" if r.to_id in args_by_id else r.type,
                       "note": r.note} for r in amap.relations],
        "framework": dict(framework) if framework is not None else None,
        "styles": {k: {"fill": v.fill, "border": v.border, "word": v.word, "meaning": v.meaning}
                   for k, v in STATUS_STYLES.items()},
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
    'a<span class="q s0" data-c="0" tabindex="0" role="button" data-first="0" data-ids="x">b&lt;c</span>d'
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
            names = " ".join(c.id for _, i, c in covering if i in starts)
            attrs += (f' tabindex="0" role="button" data-first="{" ".join(map(str, starts))}"'
                      f' data-ids="{html.escape(names, quote=True)}"')
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


def _legend_html(labels: Iterable[str], semantics: str | None, edge_kinds: Iterable[str]) -> str:
    """The page's legend: statuses shown (with their meaning) and the kinds of lines."""
    items = []
    for lab in labels:
        st = STATUS_STYLES[lab]
        items.append(f'<li><span class="sw st-{lab}"></span><b>{html.escape(st.word)}</b> '
                     f'<span class="hint">{html.escape(st.meaning)}</span></li>')
    lines = {"support": ("supports", "#1b7837", "", "arrow"),
             "attack": ("attacks", "#c62828", "", "bar"),
             "premise": ("linked premises meet at a dot", "#1b7837", "", "dot"),
             "undercut": ("undercuts an inference", "#7b1fa2", "", "bar2"),
             "derived": ("derived attack", "#c62828", "4 3", "bar")}
    for kind in edge_kinds:
        word, colour, dash, end = lines[kind]
        tip = {"arrow": f'<path d="M22 1 L30 5 L22 9 Z" fill="{colour}"/>',
               "bar": f'<path d="M29 0 V10" stroke="{colour}" stroke-width="2.5"/>',
               "bar2": (f'<path d="M26 0 V10 M30 0 V10" stroke="{colour}" stroke-width="2"/>'),
               "dot": f'<circle cx="15" cy="5" r="3.5" fill="{colour}"/>'}[end]
        items.append(f'<li><svg class="line" width="32" height="10" aria-hidden="true">'
                     f'<path d="M1 5 H28" stroke="{colour}" stroke-width="2"'
                     f'{f" stroke-dasharray={chr(34)}{dash}{chr(34)}" if dash else ""}/>{tip}</svg>'
                     f'{html.escape(word)}</li>')
    title = f"Legend (statuses under {html.escape(semantics)})" if semantics else "Legend"
    return (f'<details id="legend" open><summary>{title}</summary><ul>{"".join(items)}</ul>'
            '<p class="hint">Double border: a thesis. Box border and name: the speaker.</p>'
            '</details>')


def to_html(amap: ArgumentMap, *, statuses: Mapping[str, object] | None = None,
            semantics: str | None = None, support: str | None = None,
            derived: Iterable[tuple[str, str, str]] = (), hidden_derived: int = 0,
            derived_limit: int | None = None,
            framework: Mapping[str, Any] | None = None, rankdir: str = "auto",
            svg: str | None = None, extra_scripts: Sequence[str] = (),
            extra_styles: Sequence[str] = (), body_attrs: Mapping[str, str] | None = None) -> str:
    """The interactive page for *amap* as one HTML string.

    Parameters
    ----------
    amap : ArgumentMap
        A map, best loaded from a file so that its source texts and quote offsets
        are known (claims without offsets are listed but not highlighted).
    statuses : mapping, optional
        ``claim id -> label`` computed by the caller (for example
        :func:`argmap.evaluation.statuses`): the diagram is coloured by them, the
        panel names them, and the page heads with a verdict per speaker.
    semantics, support : str, optional
        The names of what *statuses* and *framework* were computed with.
    derived, hidden_derived, derived_limit
        Derived attacks to draw (dashed), how many were left out, and the most to draw
        (see :func:`~argmap.render.dot.to_dot`).
    framework : mapping, optional
        The compiled attack graph as data (see :func:`page_data`); with it the page's
        what-if recomputes the grounded labelling in the browser.
    rankdir : {"auto", "TB", "LR"}
        Direction of the diagram.
    svg : str, optional
        A ready SVG of the map (default: rendered with Graphviz here).
    extra_scripts, extra_styles : sequences of str
        More script and style text to add after the page's own (an editing page adds
        its asset files here); they are allowed by the Content-Security-Policy by hash.
    body_attrs : mapping, optional
        Attributes for ``<body>`` (escaped), for pages built on this one.

    Returns
    -------
    str

    Raises
    ------
    EngineNotFoundError, RenderError
        When the SVG cannot be rendered.
    """
    sel = select(amap)
    if rankdir == "auto":
        rankdir = choose_rankdir(amap, sel)
    derived = list(derived)
    if svg is None:
        from .engine import render_bytes

        dot = to_dot(amap, statuses=statuses, semantics=semantics, derived=derived,
                     hidden_derived=hidden_derived, derived_limit=derived_limit,
                     rankdir=rankdir,  # type: ignore[arg-type]
                     legend=False, selection=sel)
        svg = render_bytes(dot.to_string(), "svg").decode("utf-8")
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
    status_css = "\n".join(
        f".sw.st-{lab}{{background:{st.fill};border-style:{st.border}}}"
        f" .badge.st-{lab}{{background:{st.fill};border-style:{st.border}}}"
        for lab, st in STATUS_STYLES.items())
    style = "\n".join([_asset(name) for name in PAGE_STYLES] + [speaker_css, status_css,
                                                                 *extra_styles]) + "\n"
    scripts = [_asset(name) for name in PAGE_SCRIPTS] + list(extra_scripts)
    csp = ("default-src 'none'; img-src data:; "
           f"style-src {_csp_hash(style)}; script-src {' '.join(_csp_hash(t) for t in scripts)}; "
           "base-uri 'none'; form-action 'none'")
    speakers = "".join(
        f'<label><input type="checkbox" name="speaker" value="{st.index}" checked>'
        f'<span class="sw s{st.index}"></span>{html.escape(st.name, quote=True)}</label>'
        for st in styles.values())
    shown = [lab for lab in STATUS_STYLES
             if lab in {status_word(v) for v in (statuses or {}).values()}]
    status_options = ['<option value="">any status</option>',
                      '<option value="unattacked">unattacked</option>',
                      '<option value="attacked">attacked</option>']
    status_options += [f'<option value="label:{lab}">{html.escape(STATUS_STYLES[lab].word)}</option>'
                       for lab in shown]
    kinds = ["support", "attack"]
    args_drawn = [a for a in sel.arguments]
    if any(len(a.premises) > 1 for a in args_drawn) or any(
            amap.has_argument(r.to_id) for r in amap.relations):
        kinds.append("premise")
    if any(amap.has_argument(r.to_id) for r in amap.relations):
        kinds.append("undercut")
    if derived and (derived_limit is None or len(derived) <= derived_limit):
        kinds.append("derived")
    title = html.escape(amap.title or "Argument map", quote=True)
    attrs = "".join(f' {html.escape(k, quote=True)}="{html.escape(v, quote=True)}"'
                    for k, v in (body_attrs or {}).items())
    data = page_data(amap, statuses=statuses, semantics=semantics, support=support,
                     framework=framework, selection=sel)
    script_tags = "\n".join(f"<script>{t}</script>" for t in scripts)
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
<body{attrs}>
<header>
<div class="bar">
<h1>{title}</h1>
<div id="search-box" role="search"><input type="search" id="search" placeholder="Find a claim by id or words" aria-label="find a claim by id or words" autocomplete="off"><span id="search-count" aria-live="polite"></span><ul id="search-results" hidden></ul></div>
</div>
<section id="verdicts" aria-label="verdict per speaker" aria-live="polite"></section>
<form id="filters" aria-label="filters">
<fieldset><legend>Speakers</legend>{speakers}</fieldset>
<fieldset><legend>Status</legend><select id="status-filter" aria-label="status">{"".join(status_options)}</select></fieldset>
<fieldset><legend>Exchange</legend><label><input type="checkbox" id="answers-filter">only claims that answer another speaker</label></fieldset>
</form>
{_legend_html(shown, semantics, kinds)}
</header>
<main>
<section id="diagram" aria-label="diagram">
<div class="zoom" role="toolbar" aria-label="zoom"><button type="button" id="zoom-in" aria-label="zoom in">+</button><button type="button" id="zoom-out" aria-label="zoom out">&#8722;</button><button type="button" id="zoom-home" title="the theses and what answers them">theses</button><button type="button" id="zoom-fit" title="the whole map">fit</button></div>
<div id="viewport" tabindex="0" aria-label="diagram viewport: drag or arrow keys to pan, wheel or +/- to zoom">{_svg_for_page(svg)}</div>
</section>
<aside id="side">
<section id="whatif" aria-live="polite" hidden></section>
<section id="details" aria-live="polite"><p class="hint">Select a claim in the diagram or a highlighted quote in the text.</p></section>
<div id="sources">{"".join(sections)}</div>
</aside>
</main>
<script type="application/json" id="argmap-data">{_json_for_script(data)}</script>
{script_tags}
</body>
</html>
"""


def write_html(amap: ArgumentMap, path: str | Path, *, statuses: Mapping[str, object] | None = None,
               semantics: str | None = None, support: str | None = None,
               derived: Iterable[tuple[str, str, str]] = (), hidden_derived: int = 0,
               derived_limit: int | None = None, framework: Mapping[str, Any] | None = None,
               rankdir: str = "auto", svg: str | None = None, extra_scripts: Sequence[str] = (),
               extra_styles: Sequence[str] = (), body_attrs: Mapping[str, str] | None = None) -> Drawn:
    """Write :func:`to_html` of *amap* to *path* atomically; say what the page draws.

    The parameters are those of :func:`to_html`; ``rankdir="auto"`` is resolved once
    here, so the page and the returned :class:`~argmap.render.Drawn` agree.

    See Also
    --------
    to_html : the page as a string.
    argmap.drawing.page_options : the statuses, verdicts and what-if data for a semantics.
    """
    from .._files import atomic_write
    from ..provenance import map_inputs
    from . import Drawn

    sel = select(amap)
    if rankdir == "auto":
        rankdir = choose_rankdir(amap, sel)
    page = to_html(amap, statuses=statuses, semantics=semantics, support=support, derived=derived,
                   hidden_derived=hidden_derived, derived_limit=derived_limit, framework=framework,
                   rankdir=rankdir, svg=svg, extra_scripts=extra_scripts, extra_styles=extra_styles,
                   body_attrs=body_attrs)
    atomic_write(path, page, keep=map_inputs(amap))
    return Drawn("html", rankdir, sel)
