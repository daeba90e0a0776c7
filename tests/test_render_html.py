"""``argmap html``: a self-contained page, driven in a real headless Chromium."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.render.html import page_data, to_html

from .helpers.cli import invoke
from .helpers.hostile import CASES, hostile_map, write_hostile_map


@pytest.fixture(scope="module")
def shipped_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("page") / "map.html"
    result = invoke(["html", "-o", str(path), "--semantics", "GR"])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    map_path = write_hostile_map(folder)
    out = folder / "hostile.html"
    result = invoke(["html", str(map_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def index_of(claim_id: str) -> int:
    return [c.id for c in argmap.load(argmap.shipped_map_path()).claims].index(claim_id)


# -- without a browser --------------------------------------------------------------------

def test_page_is_one_self_contained_file(shipped_page: Path) -> None:
    text = shipped_page.read_text(encoding="utf-8")
    assert text.count("<script") == 2 and 'type="application/json"' in text
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
    # Only XML namespace and DTD names mention http; nothing is loaded from anywhere.
    for url in re.findall(r"(?:src|href)\s*=\s*[\"']([^\"']+)", text):
        assert url == "#" or url.startswith(("data:", "#")), url
    assert "<link" not in text and "@import" not in text and "url(" not in text


def test_hostile_text_is_escaped_everywhere() -> None:
    page = to_html(hostile_map(with_source=True))
    assert "<script>alert" not in page and "<img src=x" not in page
    assert page.count("<script") == 2 and "<b>bold</b>" not in page
    data_block = page[page.index('id="argmap-data">'):]
    assert "</script>" in data_block and "<" not in data_block[len('id="argmap-data">'):
                                                               data_block.index("</script>")]


def test_page_data_marks_answers_and_statuses() -> None:
    data = page_data(argmap.load(argmap.shipped_map_path()), semantics="GR")
    by_id = {c["id"]: c for c in data["claims"]}
    assert by_id["C2"]["answers"] and not by_id["E5"]["answers"]
    assert by_id["C20"]["status"] == "unattacked" and by_id["E1"]["status"] == "attacked"
    assert by_id["E1"]["label"] in {"in", "out", "undec"}


def test_html_command_failure_writes_nothing(tmp_path: Path) -> None:
    result = invoke(["html", "-o", str(tmp_path / "no" / "map.html")])
    assert result.exit_code == 1 and result.stdout == ""
    assert "does not exist" in result.stderr


# -- in Chromium -----------------------------------------------------------------------------

def open_page(page: Any, path: Path) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    return requests


@pytest.mark.browser
def test_click_a_node_marks_its_quote_and_fills_the_panel(page: Any, shipped_page: Path,
                                                          tmp_path: Path) -> None:
    open_page(page, shipped_page)
    page.click("#claim-E1")
    assert "selected" in page.get_attribute("#claim-E1", "class")
    assert page.text_content("#details h2") == "E1"
    quote = argmap.load(argmap.shipped_map_path()).claim("E1").quote
    marked = page.eval_on_selector_all(".q.current", "els => els.map(e => e.textContent).join('')")
    assert marked == quote
    assert page.evaluate("""() => { const r = document.querySelector('.q.current').getBoundingClientRect();
                                    const s = document.getElementById('sources').getBoundingClientRect();
                                    return r.top >= s.top && r.bottom <= s.bottom; }""")
    details = page.text_content("#details")
    assert "Essay author" in details and "thesis" in details and "GR:" in details
    assert "attacked" in details and "Relations in" in details
    page.screenshot(path=str(tmp_path / "clicked-node.png"))


@pytest.mark.browser
def test_click_a_quote_selects_the_node(page: Any, shipped_page: Path) -> None:
    open_page(page, shipped_page)
    page.click(f'.q[data-first~="{index_of("C2")}"]')
    assert "selected" in page.get_attribute("#claim-C2", "class")
    assert page.text_content("#details h2") == "C2"
    # Links in the panel select the related claim.
    page.click("#details a:has-text('E2:')")
    assert page.text_content("#details h2") == "E2"
    assert "selected" in page.get_attribute("#claim-E2", "class")
    assert "selected" not in page.get_attribute("#claim-C2", "class")


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
def test_filters(page: Any, shipped_page: Path) -> None:
    open_page(page, shipped_page)
    page.uncheck('input[name="speaker"][value="1"]')
    assert "filtered" in page.get_attribute("#claim-C1", "class")
    assert "filtered" not in page.get_attribute("#claim-E1", "class")
    page.check('input[name="speaker"][value="1"]')
    page.select_option("#status-filter", "unattacked")
    assert "filtered" in page.get_attribute("#claim-E1", "class")
    assert "filtered" not in page.get_attribute("#claim-C20", "class")
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
    page.click("#zoom-fit")
    assert width() == pytest.approx(before)


@pytest.mark.browser
def test_no_request_leaves_the_file(page: Any, shipped_page: Path) -> None:
    requests = open_page(page, shipped_page)
    page.click("#claim-E1")
    page.wait_for_timeout(200)
    assert requests and all(u.startswith(("file:", "data:")) for u in requests), requests


@pytest.mark.browser
def test_readable_from_1024_px(browser: Any, shipped_page: Path, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 1024, "height": 700})
    pg = context.new_page()
    pg.goto(shipped_page.as_uri())
    assert pg.evaluate("document.documentElement.scrollWidth") <= 1024
    box = pg.locator("#diagram").bounding_box()
    assert box["width"] >= 500 and box["height"] >= 450
    pg.screenshot(path=str(tmp_path / "narrow.png"))
    context.close()


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
    page.click('#viewport')
    assert page.evaluate("typeof window.alert") == "function"
    shown = page.text_content(".source-text")
    assert "<script>alert('g')</script>" in shown and "<img src=x onerror=alert(1)>" in shown
    assert page.locator("img").count() == 0 and page.locator("script").count() == 2
    assert all(u.startswith(("file:", "data:")) for u in requests), requests
    assert not page.problems  # type: ignore[attr-defined]
