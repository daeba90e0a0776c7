"""`argmap edit`: the map editor (round-trip YAML), its local server's guards, and a whole
round in real Chromium — from two plain texts to a checked map of ten claims with `init`,
`quote` and the editing page, without typing a quote by hand."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.editing import EditError, MapEditor
from argmap.quoting import find_quote
from argmap.scaffold import write_starting_map
from argmap.server import EditServer

DATA = Path(__file__).parent / "data" / "edit"

MAP = """\
# A map with comments that must survive
argmap: 1
title: Market Street
sources:
  - id: letter
    file: letter.txt
speakers:
  - {id: ada, name: Ada}   # the writer
  - {id: ben, name: Ben}
claims:
  - id: A1
    speaker: ada
    kind: thesis
    text: Close the street on Saturdays.
    quote: "close Market Street to cars on Saturdays"   # keep this comment
relations: []
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in ("letter.txt", "reply.txt"):
        shutil.copy(DATA / name, tmp_path / name)
    (tmp_path / "map.yaml").write_text(MAP, encoding="utf-8")
    return tmp_path


def span(folder: Path, source: str, words: str) -> tuple[int, int]:
    found = find_quote((folder / source).read_text(encoding="utf-8"), words)
    assert found is not None, words
    return found.start, found.end


# -- the editor ----------------------------------------------------------------

def test_add_claim_keeps_comments_and_layout(folder: Path) -> None:
    ed = MapEditor(folder / "map.yaml")
    start, end = span(folder, "letter.txt", "footfall in the streets shops rose by a fifth")
    change = ed.add_claim(speaker="ada", start=start, end=end, kind="fact")
    assert change.id == "A2" and change.problems == []
    text = (folder / "map.yaml").read_text(encoding="utf-8")
    assert text.startswith(MAP.split("relations:")[0])            # everything before is untouched
    assert "# keep this comment" in text and "# the writer" in text
    claim = argmap.load(folder / "map.yaml").claim("A2")
    assert claim.quote == "footfall in the street’s shops rose by a fifth" and claim.kind == "fact"


def test_a_selection_across_a_line_break_is_quoted_exactly(folder: Path) -> None:
    ed = MapEditor(folder / "map.yaml")
    start, end = span(folder, "letter.txt", "rose by a fifth and the noise at the school gate")
    ed.add_claim(speaker="ada", start=start, end=end)
    claim = argmap.load(folder / "map.yaml").claim("A2")
    assert claim.quote == "rose by a fifth, and\nthe noise at the school gate"
    assert claim.text == "rose by a fifth, and the noise at the school gate"


def test_a_repeated_selection_gets_its_occurrence(folder: Path) -> None:
    ed = MapEditor(folder / "map.yaml")
    text = (folder / "letter.txt").read_text(encoding="utf-8")
    second = text.index("shops", text.index("shops") + 1)
    ed.add_claim(speaker="ben", start=second, end=second + len("shops"))
    claim = argmap.load(folder / "map.yaml").claim("B1")
    assert (claim.occurrence, claim.start) == (2, second)


def test_relations_update_and_delete(folder: Path) -> None:
    ed = MapEditor(folder / "map.yaml")
    start, end = span(folder, "letter.txt", "costs the town nothing but a few signs")
    ed.add_claim(speaker="ada", start=start, end=end)
    ed.add_relation("A2", "A1", "support")
    ed.update_claim("A2", kind="premise", text="It is cheap.")
    m = argmap.load(folder / "map.yaml")
    assert [(r.from_id, r.to_id, r.type) for r in m.relations] == [("A2", "A1", "support")]
    assert (m.claim("A2").kind, m.claim("A2").text) == ("premise", "It is cheap.")
    change = ed.delete_claim("A1")
    assert "1 relation" in change.summary
    m = argmap.load(folder / "map.yaml")
    assert [c.id for c in m.claims] == ["A2"] and not m.relations
    assert "# the writer" in (folder / "map.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("call, message", [
    (lambda ed: ed.add_claim(speaker="zed", start=0, end=4), "unknown speaker"),
    (lambda ed: ed.add_claim(speaker="ada", start=5, end=2), "not inside"),
    (lambda ed: ed.add_claim(speaker="ada", start=0, end=10**6), "not inside"),
    (lambda ed: ed.add_claim(speaker="ada", start=13, end=15), "no words"),
    (lambda ed: ed.add_claim(speaker="ada", start=2, end=9, kind="conclusion"), "unknown kind"),
    (lambda ed: ed.add_relation("A1", "A9", "support"), "unknown claim"),
    (lambda ed: ed.add_relation("A1", "A1", "attack"), "itself"),
    (lambda ed: ed.add_relation("A1", "A1", "attacks"), "relation type"),
    (lambda ed: ed.delete_relation("A1", "A2"), "no relation"),
    (lambda ed: ed.update_claim("Z1", text="x"), "unknown claim"),
])
def test_bad_changes_are_refused_and_nothing_is_written(folder: Path, call: Any, message: str) -> None:
    before = (folder / "map.yaml").read_bytes()
    with pytest.raises(EditError, match=message):
        call(MapEditor(folder / "map.yaml"))
    assert (folder / "map.yaml").read_bytes() == before


def test_json_maps_and_crlf_offsets(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_bytes(b"one two\r\nthree four\r\n")
    (tmp_path / "m.json").write_text(json.dumps({"argmap": 1, "sources": [{"id": "t", "file": "t.txt"}],
                                                 "speakers": [{"id": "a"}], "claims": []}), encoding="utf-8")
    ed = MapEditor(tmp_path / "m.json")
    ed.add_claim(speaker="a", start=4, end=13, newlines="lf")   # "two\nthree" as a browser counts it
    assert argmap.load(tmp_path / "m.json").claim("A1").quote == "two\r\nthree"


def test_other_formats_cannot_be_edited(tmp_path: Path) -> None:
    with pytest.raises(EditError, match="convert it first"):
        MapEditor(tmp_path / "m.argdown")


# -- the server's guards --------------------------------------------------------

@pytest.fixture
def server(folder: Path):
    srv = EditServer(folder / "map.yaml").start()
    yield srv
    srv.stop()


def fetch(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, str]:
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:  # noqa: S310 - our own local server
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def test_page_needs_the_token(server: EditServer) -> None:
    status, body = fetch(server.url)
    assert status == 200 and 'id="argmap-data"' in body and "connect-src 'self'" in body
    base = f"http://127.0.0.1:{server.port}"
    assert fetch(base + "/")[0] == 403
    assert fetch(base + "/?token=wrong")[0] == 403
    assert fetch(base + "/api/state")[0] == 403


def test_changes_are_refused_without_token_header_json_or_from_another_site(server: EditServer,
                                                                           folder: Path) -> None:
    base = f"http://127.0.0.1:{server.port}"
    body = json.dumps({"speaker": "ada", "start": 0, "end": 4}).encode()
    good = {"X-Argmap-Token": server.token, "Content-Type": "application/json"}
    before = (folder / "map.yaml").read_bytes()
    cases = [
        (base + f"/api/claims?token={server.token}", {"Content-Type": "application/json"}),   # no header
        (base + "/api/claims", {**good, "Origin": "http://evil.example"}),
        (base + "/api/claims", {**good, "Host": "evil.example"}),
        (base + "/api/claims", {**good, "Content-Type": "text/plain"}),
        (base + "/api/claims", {"X-Argmap-Token": "x" * 32, "Content-Type": "application/json"}),
    ]
    for url, headers in cases:
        assert fetch(url, data=body, headers=headers)[0] in (403, 415), headers
    assert (folder / "map.yaml").read_bytes() == before
    status, answer = fetch(base + "/api/claims", data=body, headers=good)
    assert status == 422 and "no words" in json.loads(answer)["error"] or status == 200


def test_api_round(server: EditServer, folder: Path) -> None:
    base = f"http://127.0.0.1:{server.port}"
    headers = {"X-Argmap-Token": server.token, "Content-Type": "application/json"}
    start, end = span(folder, "letter.txt", "Delivery vans can still use the lane behind the shops")
    status, answer = fetch(base + "/api/claims", headers=headers,
                           data=json.dumps({"speaker": "ada", "start": start, "end": end}).encode())
    assert status == 200, answer
    assert json.loads(answer)["id"] == "A2"
    status, answer = fetch(base + "/api/relations", headers=headers,
                           data=json.dumps({"from": "A2", "to": "A1", "type": "support"}).encode())
    assert status == 200 and json.loads(answer)["state"]["relations"] == [
        {"from": "A2", "to": "A1", "type": "support"}]
    status, answer = fetch(base + "/api/claims/A2", headers=headers, data=b'{"delete": true}')
    assert status == 200 and [c["id"] for c in json.loads(answer)["state"]["claims"]] == ["A1"]
    status, answer = fetch(base + "/api/claims", headers=headers, data=b"[1]")
    assert status == 422 and "JSON object" in json.loads(answer)["error"]


# -- the command ------------------------------------------------------------------

def test_edit_help_and_bad_input(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARGMAP_MAP", raising=False)
    runner = CliRunner()
    assert runner.invoke(app, ["edit", "--help"]).exit_code == 0
    missing = runner.invoke(app, ["edit", str(folder / "nope.yaml"), "--no-browser"])
    assert missing.exit_code == 1 and "argmap init" in missing.stderr
    assert runner.invoke(app, ["edit", "--no-browser"]).exit_code == 1


def test_edit_prints_the_url_first_and_serves(folder: Path) -> None:
    exe = Path(sys.executable).parent / "argmap"
    proc = subprocess.Popen([str(exe), "edit", str(folder / "map.yaml"), "--no-browser"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = proc.stdout.readline().strip()   # type: ignore[union-attr]
        assert url.startswith("http://127.0.0.1:") and "/?token=" in url
        assert fetch(url)[0] == 200
        assert fetch(url.split("?")[0])[0] == 403
    finally:
        proc.terminate()
        proc.wait(timeout=30)


# -- the whole round in a browser ----------------------------------------------------

SELECT = """([index, start, end]) => {
  const box = document.querySelectorAll('#source section.source')[index].querySelector('.source-text');
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  let seen = 0, node, range = document.createRange(), begun = false;
  while ((node = walker.nextNode())) {
    const len = node.textContent.length;
    if (!begun && start <= seen + len) { range.setStart(node, start - seen); begun = true; }
    if (begun && end <= seen + len) { range.setEnd(node, end - seen); break; }
    seen += len;
  }
  const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
  return sel.toString();
}"""

# Ten claims, as an author would remember the words (typos, straight quotes, no line breaks).
ROUND = [
    ("letter.txt", "ada", "thesis", "The town should close Market Street to cars on saturdays"),
    ("letter.txt", "ada", "fact", "footfall in the streets shops rose by a fifth"),
    ("letter.txt", "ada", "fact", "the noise at the school gate fell below the limit"),
    ("letter.txt", "ada", "claim", "their children now walk to the library - alone and safely"),
    ("letter.txt", "ada", "premise", "Delivery vans can stil use the lane behind the shops before ten"),
    ("reply.txt", "ben", "thesis", "keep the street open"),
    ("reply.txt", "ben", "claim", "Closing Market Street would hurt the traders who depend on passing drivers"),
    ("reply.txt", "ben", "rebuttal", "The rise in footfall last summer came from the festival"),
    ("reply.txt", "ben", "claim", "Older shoppers who cannot walk far would stay away"),
    ("reply.txt", "ben", "rebuttal", "The back lane is too narow for a lorry, so deliveries would stop"),
]


@pytest.mark.browser
def test_from_two_texts_to_a_checked_map_of_ten_claims(page: Any, tmp_path: Path) -> None:
    for name in ("letter.txt", "reply.txt"):
        shutil.copy(DATA / name, tmp_path / name)
    out = tmp_path / "market.yaml"
    write_starting_map([tmp_path / "letter.txt", tmp_path / "reply.txt"], out,
                       speakers=["ada=Ada Lovell", "ben=Ben Marsh"], title="Market Street")
    srv = EditServer(out).start()
    try:
        page.goto(srv.url)
        page.wait_for_selector("[data-action=new-claim]")
        for source, speaker, kind, words in ROUND:
            runner = CliRunner()
            found = runner.invoke(app, ["quote", str(tmp_path / source), words, "--json"])
            assert found.exit_code == 0, found.output
            where = json.loads(found.stdout)
            index = ["letter.txt", "reply.txt"].index(source)
            page.wait_for_selector("#problems h3")
            selected = page.evaluate(SELECT, [index, where["start"], where["end"]])
            assert selected == where["quote"]
            page.click("[data-action=new-claim]")
            assert page.input_value("[data-field=speaker]") == "ada"        # first speaker by default
            assert page.input_value("[data-field=kind]") == "claim"
            assert page.input_value("[data-field=text]") == " ".join(where["quote"].split())
            page.select_option("[data-field=speaker]", speaker)
            page.select_option("[data-field=kind]", kind)
            with page.expect_navigation():
                page.click("[data-action=save]")
        page.wait_for_selector("#problems h3")
        for a, b, rtype in [("A2", "A1", "support"), ("B3", "A2", "attack")]:
            page.select_option("[data-field=from]", a)
            page.select_option("[data-field=type]", rtype)
            page.select_option("[data-field=to]", b)
            with page.expect_navigation():
                page.click("[data-action=link]")
            page.wait_for_selector("#problems h3")
        page.reload()
        page.wait_for_selector("#problems h3")
        assert page.text_content("#problems h3") == "No problems"
        assert page.locator("#source .q").count() >= 10                  # every quote highlighted
        refused = page.request.get(srv.url.split("?")[0])
        assert refused.status == 403
    finally:
        page.goto("about:blank")     # stop the page's polling before the server goes
        srv.stop()
    m = argmap.load(out)
    assert len(m.claims) == 10 and len(m.relations) == 2
    assert [c.id for c in m.claims] == ["A1", "A2", "A3", "A4", "A5", "B1", "B2", "B3", "B4", "B5"]
    assert m.claim("A2").quote == "footfall in the street’s shops rose by a fifth"
    assert m.claim("A4").quote == "their children now walk to the library – alone and safely"
    assert [(r.from_id, r.to_id, r.type) for r in m.relations] == [("A2", "A1", "support"),
                                                                   ("B3", "A2", "attack")]
    assert CliRunner().invoke(app, ["check", str(out)]).exit_code == 0
