"""``argmap html``: a self-contained page, driven in a real headless Chromium.

Semantic checks use ``tests/data/render/debate.yaml`` (a small debate whose grounded
statuses are worked out in its header); the shipped map is used for structure, for
size, and to check the page's grounded labelling against the library's.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.evaluation import statuses
from argmap.framework import compile_map
from argmap.model import Argument, ArgumentMap, Claim, Relation, Speaker
from argmap.render.html import page_data, to_html
from argmap.render.style import STATUS_STYLES

from .helpers.cli import invoke
from .helpers.hostile import CASES, hostile_map, write_hostile_map

DEBATE = Path(__file__).parent / "data" / "render" / "debate.yaml"


def write_page(folder: Path, *args: str) -> Path:
    out = folder / "page.html"
    result = invoke(["html", *args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.stdout and "html;" in result.stdout
    return out


@pytest.fixture(scope="module")
def shipped_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_page(tmp_path_factory.mktemp("page"), "--semantics", "GR")


@pytest.fixture(scope="module")
def plain_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_page(tmp_path_factory.mktemp("plain"))


@pytest.fixture(scope="module")
def debate_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_page(tmp_path_factory.mktemp("debate"), str(DEBATE), "--semantics", "GR")


@pytest.fixture(scope="module")
def debate_pr_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_page(tmp_path_factory.mktemp("debate-pr"), str(DEBATE), "--semantics", "PR")


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    map_path = write_hostile_map(folder)
    out = folder / "hostile.html"
    result = invoke(["html", str(map_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def structured_map() -> ArgumentMap:
    """E2 has a linked argument (P1 + P2) that U undercuts, and a one-premise one (P3)."""
    return ArgumentMap(
        title="structured",
        speakers=[Speaker("a", "Ann"), Speaker("b", "Bob")],
        claims=[Claim("E2", "a", "Conclusion.", kind="thesis"), Claim("P1", "a", "First premise."),
                Claim("P2", "a", "Second premise."), Claim("P3", "a", "Another reason."),
                Claim("U", "b", "The premises do not carry it."), Claim("X", "b", "Plain attack.")],
        arguments=[Argument("A1", ("P1", "P2"), "E2", scheme="argument from example"),
                   Argument("A2", ("P3",), "E2")],
        relations=[Relation("U", "A1", "attack"), Relation("X", "P3", "attack")],
    )


@pytest.fixture(scope="module")
def structured_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    amap = structured_map()
    compiled = compile_map(amap)
    framework = {"ids": list(compiled.ids), "attacks": [list(p) for p in compiled.attacks]}
    out = tmp_path_factory.mktemp("structured") / "page.html"
    out.write_text(to_html(amap, statuses=statuses(amap, "GR"), semantics="GR",
                           framework=framework), encoding="utf-8")
    return out


def index_of(claim_id: str, path: Path | None = None) -> int:
    amap = argmap.load(path or argmap.shipped_map_path())
    return [c.id for c in amap.claims].index(claim_id)


# -- without a browser --------------------------------------------------------------------

def test_page_is_one_self_contained_file(shipped_page: Path) -> None:
    text = shipped_page.read_text(encoding="utf-8")
    assert text.count("<script") == 3 and 'type="application/json"' in text
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
    # Only XML namespace and DTD names mention http; nothing is loaded from anywhere.
    for url in re.findall(r"(?:src|href)\s*=\s*[\"']([^\"']+)", text):
        assert url == "#" or url.startswith(("data:", "#")), url
    assert "<link" not in text and "@import" not in text and "url(" not in text


def test_hostile_text_is_escaped_everywhere() -> None:
    page = to_html(hostile_map(with_source=True))
    assert "<script>alert" not in page and "<img src=x" not in page
    assert page.count("<script") == 3 and "<b>bold</b>" not in page
    data_block = page[page.index('id="argmap-data">'):]
    assert "</script>" in data_block and "<" not in data_block[len('id="argmap-data">'):
                                                               data_block.index("</script>")]


def test_page_data_marks_answers_statuses_and_arguments() -> None:
    amap = argmap.load(DEBATE)
    data = page_data(amap, statuses=statuses(amap, "GR"), semantics="GR")
    by_id = {c["id"]: c for c in data["claims"]}
    assert by_id["B1"]["answers"] and not by_id["A3"]["answers"]
    assert by_id["A5"]["status"] == "unattacked" and by_id["A1"]["status"] == "attacked"
    assert by_id["A2"]["label"] == "out" and by_id["A1"]["label"] == "in"
    assert data["styles"]["undec"]["word"] == "undecided"
    structured = page_data(structured_map())
    (linked, single) = structured["arguments"]
    assert linked["premises"] == ["P1", "P2"] and linked["junction"] and not single["junction"]
    assert {"from": "U", "to": "A1", "type": "undercut", "note": None} in structured["relations"]


def test_extra_assets_are_allowed_by_hash() -> None:
    page = to_html(hostile_map(), svg="<svg></svg>", extra_scripts=["window.extra = 1;"],
                   extra_styles=[".x{color:red}"], body_attrs={"data-mode": "edit"})
    assert page.count("<script") == 4 and "window.extra = 1;" in page
    assert '<body data-mode="edit">' in page and ".x{color:red}" in page
    csp = re.search(r'content="(default-src[^"]*)"', page).group(1)  # type: ignore[union-attr]
    assert csp.count("'sha256-") == 4  # one style block, three scripts


def test_html_command_failure_writes_nothing(tmp_path: Path) -> None:
    result = invoke(["html", "-o", str(tmp_path / "no" / "map.html")])
    assert result.exit_code == 1 and result.stdout == ""
    assert "does not exist" in result.stderr


def test_html_help_names_the_page_features() -> None:
    result = invoke(["html", "--help"])
    assert result.exit_code == 0
    assert "What if" in result.stdout and "--semantics" in result.stdout


# -- in Chromium -----------------------------------------------------------------------------

def open_page(page: Any, path: Path) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    return requests


def node_status(page: Any) -> dict[str, str]:
    return page.evaluate("""() => Object.fromEntries(
        Array.from(document.querySelectorAll('g.argnode')).map(g => [g.id.slice(6), g.dataset.status]))""")


def in_viewport(page: Any, selector: str) -> bool:
    return page.evaluate("""(sel) => { const r = document.querySelector(sel).getBoundingClientRect();
        const v = document.getElementById('viewport').getBoundingClientRect();
        return r.left >= v.left - 1 && r.right <= v.right + 1 && r.top >= v.top - 1
               && r.bottom <= v.bottom + 1; }""", selector)


def scale(page: Any) -> float:
    return page.evaluate("document.getElementById('diagram-svg').getScreenCTM().a")


def click_node(page: Any, claim_id: str) -> None:
    """Click a node wherever it is (the diagram may have it outside the view)."""
    page.dispatch_event(f"#claim-{claim_id}", "click")


@pytest.mark.browser
def test_opens_on_the_theses_readable(page: Any, shipped_page: Path, tmp_path: Path) -> None:
    open_page(page, shipped_page)
    assert scale(page) >= 0.85  # labels of 10-11 pt read at 100 % or near it
    theses = [c.id for c in argmap.load(argmap.shipped_map_path()).theses()]
    assert any(in_viewport(page, f"#claim-{t}") for t in theses)
    page.click("#zoom-fit")
    assert scale(page) < 0.5  # the whole map would not have been readable
    page.click("#zoom-home")
    assert scale(page) >= 0.85
    page.screenshot(path=str(tmp_path / "opening.png"))


@pytest.mark.browser
def test_click_a_node_zooms_marks_its_quote_and_fills_the_panel(page: Any, shipped_page: Path) -> None:
    open_page(page, shipped_page)
    page.click("#zoom-fit")
    page.click("#claim-E1")  # visible when the whole map is shown
    assert "selected" in page.get_attribute("#claim-E1", "class")
    assert scale(page) >= 1.0 and in_viewport(page, "#claim-E1")
    assert page.text_content("#details h2") == "E1"
    quote = argmap.load(argmap.shipped_map_path()).claim("E1").quote
    marked = page.eval_on_selector_all(".q.current", "els => els.map(e => e.textContent).join('')")
    assert marked == quote
    assert page.evaluate("""() => { const r = document.querySelector('.q.current').getBoundingClientRect();
                                    const s = document.getElementById('sources').getBoundingClientRect();
                                    return r.top >= s.top && r.bottom <= s.bottom; }""")
    details = page.text_content("#details")
    assert "Essay author" in details and "thesis" in details and "GR: " in details
    assert "attacked" in details and "Relations in" in details


@pytest.mark.browser
def test_click_a_quote_selects_the_node(page: Any, shipped_page: Path) -> None:
    open_page(page, shipped_page)
    page.click(f'.q[data-first~="{index_of("C2")}"]')
    assert "selected" in page.get_attribute("#claim-C2", "class")
    assert page.text_content("#details h2") == "C2"
    assert in_viewport(page, "#claim-C2")
    # Links in the panel select the related claim.
    page.click("#details a:has-text('C3:')")
    assert page.text_content("#details h2") == "C3"
    assert "selected" in page.get_attribute("#claim-C3", "class")
    assert "selected" not in page.get_attribute("#claim-C2", "class")


@pytest.mark.browser
def test_highlighted_quotes_show_their_claim_ids(page: Any, debate_page: Path) -> None:
    open_page(page, debate_page)
    shown = page.evaluate("""() => Array.from(document.querySelectorAll('.q[data-ids]'))
        .map(e => getComputedStyle(e, '::before').content)""")
    assert '"A1"' in shown and '"B2"' in shown and len(shown) == 9
    # The id label is not part of the quote's text.
    page.click('.q[data-ids="B2"]')
    assert page.text_content(".q.current") == "That survey only asked head teachers"


@pytest.mark.browser
def test_keyboard_selects_claims(page: Any, shipped_page: Path) -> None:
    open_page(page, shipped_page)
    page.focus("#claim-E4")
    page.keyboard.press("Enter")
    assert page.text_content("#details h2") == "E4"
    page.focus(f'.q[data-first~="{index_of("C20")}"]')
    page.keyboard.press("Enter")
    assert page.text_content("#details h2") == "C20"


@pytest.mark.browser
def test_statuses_colour_the_diagram_in_plain_words(page: Any, debate_page: Path) -> None:
    open_page(page, debate_page)
    expected = statuses(argmap.load(DEBATE), "GR")
    assert node_status(page) == expected
    fill = page.evaluate("() => document.querySelector('#claim-A2 path').getAttribute('fill')")
    assert fill == STATUS_STYLES["out"].fill
    assert "out" in page.text_content("#claim-A2") and "in" in page.text_content("#claim-A1")
    # The speaker stays visible: border colour and name.
    stroke = page.evaluate("() => document.querySelector('#claim-A2 path').getAttribute('stroke')")
    assert stroke.lower() == "#1f5f99" and "Alice" in page.text_content("#claim-A2")
    assert "stands: every attacker is out" in page.text_content("#legend")


@pytest.mark.browser
def test_other_semantics_read_as_accepted_by_all_some_none(page: Any, debate_pr_page: Path) -> None:
    open_page(page, debate_pr_page)
    assert set(node_status(page).values()) <= {"skeptical", "credulous", "rejected"}
    assert "accepted by all" in page.text_content("#claim-A1")
    assert "accepted by none" in page.text_content("#claim-A2")
    assert "(PR)" in page.text_content("#verdicts")


@pytest.mark.browser
def test_without_semantics_nodes_carry_attacked_or_not(page: Any, plain_page: Path) -> None:
    open_page(page, plain_page)
    found = node_status(page)
    amap = argmap.load(argmap.shipped_map_path())
    assert found == {c.id: "attacked" if amap.attackers(c.id) else "unattacked" for c in amap.claims}
    assert page.is_hidden("#verdicts")


@pytest.mark.browser
def test_headline_verdict_per_speaker(page: Any, debate_page: Path) -> None:
    open_page(page, debate_page)
    lines = page.eval_on_selector_all("#verdicts .verdict", "els => els.map(e => e.textContent)")
    assert len(lines) == 2
    alice, bob = lines
    assert alice.startswith("Alice (GR): thesis A1 is in: its one attacker, B3, falls")
    assert bob.startswith("Bob (GR): thesis B0 is in: nothing attacks it")
    page.click("#verdicts button:has-text('A1')")
    assert page.text_content("#details h2") == "A1"


@pytest.mark.browser
def test_what_if_switches_a_claim_off_and_back_on(page: Any, debate_page: Path, tmp_path: Path) -> None:
    open_page(page, debate_page)
    assert page.get_attribute("#claim-A2", "data-status") == "out"
    page.fill("input[type=search]", "B2")
    page.keyboard.press("Enter")
    page.click("[data-action=toggle-claim]")
    assert page.get_attribute("#claim-B2", "data-status") == "off"
    assert page.get_attribute("#claim-A2", "data-status") == "in"
    assert page.get_attribute("#claim-A4", "data-status") == "in"
    assert page.get_attribute("#claim-B1", "data-status") == "out"
    changed = page.text_content("#whatif")
    assert "B2 switched off" in changed and "A2 out → in" in changed and "B1 in → out" in changed
    assert "A5" not in changed
    page.screenshot(path=str(tmp_path / "what-if.png"))
    page.click("[data-action=toggle-claim]")
    assert page.get_attribute("#claim-A2", "data-status") == "out"
    assert page.get_attribute("#claim-B2", "data-status") == "in"
    assert page.is_hidden("#whatif")


@pytest.mark.browser
def test_what_if_grounded_agrees_with_the_library(page: Any, shipped_page: Path) -> None:
    amap = argmap.load(argmap.shipped_map_path())
    open_page(page, shipped_page)
    for cid in ("C20", "E2", "C2"):
        kept = [c for c in amap.claims if c.id != cid]
        arguments = [a for a in amap.arguments if cid not in a.premises and cid != a.conclusion]
        ids = {c.id for c in kept} | {a.id for a in arguments}
        smaller = ArgumentMap(sources=amap.sources, speakers=amap.speakers, claims=kept,
                              arguments=arguments,
                              relations=[r for r in amap.relations if {r.from_id, r.to_id} <= ids])
        page.evaluate("(id) => window.argmap.page.toggle(id)", cid)
        found = node_status(page)
        assert found.pop(cid) == "off"
        assert found == statuses(smaller, "GR"), cid
        page.evaluate("(id) => window.argmap.page.toggle(id)", cid)
    assert node_status(page) == statuses(amap, "GR")


@pytest.mark.browser
def test_what_if_under_another_semantics_says_it_uses_grounded(page: Any, debate_pr_page: Path) -> None:
    open_page(page, debate_pr_page)
    page.evaluate("() => window.argmap.page.toggle('B2')")
    assert "uses GR, not PR" in page.text_content("#whatif")
    assert page.get_attribute("#claim-A2", "data-status") == "in"


@pytest.mark.browser
def test_search_by_id_or_words(page: Any, debate_page: Path) -> None:
    open_page(page, debate_page)
    box = "input[type=search]"
    page.fill(box, "survey")
    assert page.text_content("#search-count") == "2 claims"
    assert page.locator("g.argnode.match").count() == 2
    page.keyboard.press("Enter")
    assert page.text_content("#details h2") == "A4"
    page.fill(box, "b3")
    page.click("#search-results button")
    assert page.text_content("#details h2") == "B3"
    page.fill(box, "no such words")
    assert page.text_content("#search-count") == "0 claims" and page.is_hidden("#search-results")


@pytest.mark.browser
def test_filters(page: Any, shipped_page: Path) -> None:
    open_page(page, shipped_page)
    page.uncheck('input[name="speaker"][value="1"]')
    assert "filtered" in page.get_attribute("#claim-C1", "class")
    assert "filtered" not in page.get_attribute("#claim-E1", "class")
    page.check('input[name="speaker"][value="1"]')
    page.select_option("#status-filter", "unattacked")
    assert "filtered" in page.get_attribute("#claim-E1", "class")
    assert "filtered" not in page.get_attribute("#claim-C20", "class")
    page.select_option("#status-filter", "label:out")
    out = [cid for cid, st in node_status(page).items() if st == "out"]
    assert out and all("filtered" not in page.get_attribute(f"#claim-{c}", "class") for c in out)
    page.select_option("#status-filter", "")
    page.check("#answers-filter")
    assert "filtered" not in page.get_attribute("#claim-C2", "class")
    assert "filtered" in page.get_attribute("#claim-E5", "class")
    assert page.locator(".q.off").count() > 0


@pytest.mark.browser
def test_pan_and_zoom(page: Any, shipped_page: Path) -> None:
    open_page(page, shipped_page)
    width = lambda: float(page.get_attribute("#diagram-svg", "viewBox").split()[2])  # noqa: E731
    before = width()
    page.click("#zoom-in")
    assert width() < before
    page.click("#zoom-out")
    assert width() == pytest.approx(before)
    page.click("#zoom-fit")
    full = page.evaluate("document.getElementById('diagram-svg').viewBox.baseVal.width")
    assert width() > before and width() == pytest.approx(full)


@pytest.mark.browser
def test_details_panel_scrolls_as_a_whole(browser: Any, shipped_page: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 640})
    pg = context.new_page()
    pg.goto(shipped_page.as_uri())
    click_node(pg, "E1")
    sizes = pg.evaluate("""() => { const d = document.getElementById('details');
        return [d.scrollHeight, d.clientHeight, getComputedStyle(d).overflowY]; }""")
    assert sizes[0] > sizes[1] and sizes[2] == "auto"
    pg.evaluate("() => { const d = document.getElementById('details'); d.scrollTop = d.scrollHeight; }")
    assert pg.evaluate("""() => { const d = document.getElementById('details').getBoundingClientRect();
        const items = document.querySelectorAll('#details li');
        const last = items[items.length - 1].getBoundingClientRect();
        return last.bottom <= d.bottom + 1 && last.top >= d.top; }""")
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [800, 1024, 1440])
def test_layout_works_from_800_px(browser: Any, shipped_page: Path, tmp_path: Path, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    pg = context.new_page()
    pg.goto(shipped_page.as_uri())
    click_node(pg, "E1")
    assert pg.evaluate("document.documentElement.scrollWidth") <= width
    for sel in ("#diagram", "#details", "#sources", "header"):
        box = pg.locator(sel).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, sel
    box = pg.locator("#diagram").bounding_box()
    assert box["width"] >= min(500, width - 20) and box["height"] >= 350
    assert in_viewport(pg, "#claim-E1")
    pg.screenshot(path=str(tmp_path / f"page-{width}.png"))
    context.close()


@pytest.mark.browser
def test_arguments_and_undercuts_on_the_page(page: Any, structured_page: Path) -> None:
    open_page(page, structured_page)
    assert page.locator("g#arg-A1.argjunction").count() == 1
    assert page.locator("g.edge.undercut").count() == 1
    page.dispatch_event("#arg-A1", "click")
    assert page.text_content("#details h2") == "A1"
    details = page.text_content("#details")
    assert "P1: First premise." in details and "P2: Second premise." in details
    assert "Undercut by (1)" in details and "U: The premises" in details
    click_node(page, "E2")
    details = page.text_content("#details")
    assert "Arguments for it (2)" in details and "2 linked premises, jointly" in details
    assert "undercut by U" in details and "argument from example" in details
    click_node(page, "U")
    assert "undercuts argument A1" in page.text_content("#details")
    assert "linked premises meet at a dot" in page.text_content("#legend")


@pytest.mark.browser
def test_page_hooks_for_pages_built_on_it(page: Any, debate_page: Path) -> None:
    open_page(page, debate_page)
    page.evaluate("""() => { window.seen = [];
        window.argmap.page.on('select', i => window.seen.push(i));
        window.argmap.page.addPanelSection((i, panel, el) => panel.appendChild(el('p', 'extra ' + i, 'extra'))); }""")
    click_node(page, "A3")
    assert page.evaluate("window.seen") == [index_of("A3", DEBATE)]
    assert page.text_content("#details .extra") == f"extra {index_of('A3', DEBATE)}"


@pytest.mark.browser
def test_no_request_leaves_the_file(page: Any, shipped_page: Path) -> None:
    requests = open_page(page, shipped_page)
    click_node(page, "E1")
    page.wait_for_timeout(200)
    assert requests and all(u.startswith(("file:", "data:")) for u in requests), requests


@pytest.mark.browser
def test_hostile_map_runs_no_script(page: Any, hostile_page: Path) -> None:
    # The `page` fixture fails the test on any dialog, page error or console error.
    requests = open_page(page, hostile_page)
    assert page.title() == 'Hostile <map> & "title" \\'
    for cid, text in CASES:
        i = [c for c, _ in CASES].index(cid)
        page.click(f'.q[data-first~="{i}"]')
        assert page.text_content("#details h2") == cid
        assert page.text_content("#details blockquote") == text
    page.fill("input[type=search]", "<script>")
    page.keyboard.press("Enter")
    page.click('#viewport')
    assert page.evaluate("typeof window.alert") == "function"
    shown = page.text_content(".source-text")
    assert "<script>alert('g')</script>" in shown and "<img src=x onerror=alert(1)>" in shown
    assert page.locator("img").count() == 0 and page.locator("script").count() == 3
    assert all(u.startswith(("file:", "data:")) for u in requests), requests
    assert not page.problems  # type: ignore[attr-defined]
