"""The explorer in a real headless Chromium driven by Playwright: search → focus → expand → evidence →
timeline filter; no console errors, no request to any host but the app's, hostile article text shown
as text; screenshots kept as artefacts (under DIPKG_ARTEFACTS if set, else pytest's tmp dir).

Waiting is done by polling ``page.evaluate`` from Python: the page's Content-Security-Policy forbids
eval, which Playwright's ``wait_for_function`` needs, and the policy is part of what is tested."""
from __future__ import annotations

import os
import shutil
import time
import urllib.parse
from pathlib import Path

import pytest

from tests import workbench_corpus as wc
from tests.conftest import SAMPLES
from tests.explorer_fixtures import app  # noqa: F401 (a fixture)

CHROMIUM = os.environ.get("DIPKG_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
pytestmark = [pytest.mark.browser, pytest.mark.integration,
              pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                 reason=f"headless chromium not installed ({CHROMIUM}); apt-get install -y chromium")]
playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")


@pytest.fixture
def artefacts(tmp_path) -> Path:
    base = os.environ.get("DIPKG_ARTEFACTS")
    out = Path(base) / "explorer" if base else tmp_path / "artefacts"
    out.mkdir(parents=True, exist_ok=True)
    return out


class Browser:
    """One page in Chromium with what it logged, the hosts it asked and the dialogs it tried to open."""

    def __init__(self, pw):
        self.browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        self.page = self.browser.new_page(viewport={"width": 1400, "height": 900})
        self.console: list[str] = []
        self.hosts: set[str] = set()
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("request", lambda r: self.hosts.add(urllib.parse.urlsplit(r.url).netloc or r.url.split(":")[0]))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def js(self, expr: str):
        return self.page.evaluate(f"() => ({expr})")

    def until(self, expr: str, timeout: float = 30.0):
        deadline = time.time() + timeout
        while time.time() < deadline:
            value = self.js(expr)
            if value:
                return value
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {expr}; console: {self.console[-5:]}")

    def settled(self):
        self.until("!!(window.dipkg && window.dipkg.ready && window.dipkg.busy === 0)")

    def errors(self) -> list[str]:
        return [c for c in self.console if c.startswith(("error", "pageerror"))]

    def click_node(self, node_id: str):
        x, y = self.page.evaluate("""id => { var n = window.dipkg.cy.getElementById(id), p = n.renderedPosition(),
            r = document.getElementById('cy').getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }""", node_id)
        self.page.mouse.click(x, y)

    def close(self):
        self.browser.close()


@pytest.fixture
def browser():
    with playwright_api.sync_playwright() as pw:
        b = Browser(pw)
        yield b
        b.close()


def test_search_focus_expand_evidence_and_timeline_filter(app, browser, artefacts):
    b, page = browser, browser.page
    page.goto(app.base + "/")
    b.settled()
    page.fill("#search", "tran van")                     # no diacritics, lower case
    b.until("document.querySelectorAll('#suggestions li[data-id]').length > 0")
    suggestions = b.js("Array.from(document.querySelectorAll('#suggestions li[data-id]')).map(l => l.firstChild.textContent)")
    assert wc.TAM in suggestions
    page.click(f"#suggestions li[data-id]:has-text('{wc.TAM}')")
    b.until(f"window.dipkg.cy.nodes().some(n => n.data('name') === {wc.SOMSAK!r})")
    b.settled()
    assert wc.TAM in urllib.parse.unquote(page.url)
    page.screenshot(path=str(artefacts / "1-focus.png"))
    before = b.js("window.dipkg.cy.nodes().length")
    somsak = b.js(f"window.dipkg.cy.nodes().filter(n => n.data('name') === {wc.SOMSAK!r})[0].id()")
    b.click_node(somsak)                                  # a real click on the canvas
    b.until(f"window.dipkg.cy.nodes().length > {before}")
    b.settled()
    assert b.js(f"window.dipkg.cy.nodes().some(n => n.data('name') === {wc.HOA!r})"), "expanding Somsak adds Lê Thị Hoa"
    b.until("document.querySelector('#evidence mark') !== null")
    assert wc.SOMSAK in b.js("document.getElementById('evidence').textContent")
    page.screenshot(path=str(artefacts / "2-expand-evidence.png"))
    meeting = b.js("window.dipkg.cy.nodes().filter(n => n.data('label') === 'Meeting' && n.data('date') === '2024-03-05')[0].id()")
    b.click_node(meeting)
    b.until("document.querySelector('#evidence .title') && document.querySelector('#evidence .title').textContent.indexOf('Meeting') === 0")
    assert b.js("document.querySelector('#evidence mark').textContent") == wc.w1().text.split(". ")[0]
    assert wc.w1().title in b.js("document.getElementById('evidence').textContent")
    # the timeline holds the dated meetings and commitments; brushing it (a drag) filters the graph
    assert b.js("document.querySelectorAll('#timeline .vis-item').length") >= 3
    shown = b.js("window.dipkg.cy.elements().not('.hidden').length")
    box = page.locator("#timeline").bounding_box()
    page.mouse.move(box["x"] + 200, box["y"] + 60)
    page.mouse.down()
    page.mouse.move(box["x"] + 1300, box["y"] + 60, steps=12)
    page.mouse.up()
    b.until("document.getElementById('f-since').value !== ''")
    b.until(f"window.dipkg.cy.elements().not('.hidden').length < {shown}")
    page.screenshot(path=str(artefacts / "3-timeline-filter.png"))
    page.click("#f-reset")
    assert b.js("window.dipkg.cy.elements().not('.hidden').length") == shown
    assert b.errors() == [] and b.dialogs == []
    assert b.hosts == {f"127.0.0.1:{app.port}"}, b.hosts
    assert (artefacts / "3-timeline-filter.png").stat().st_size > 20_000


def test_filters_templates_and_exports(app, browser):
    b, page = browser, browser.page
    page.goto(app.base + "/?focus=" + urllib.parse.quote(wc.QT))
    b.settled()
    b.until("window.dipkg.cy.nodes().length > 3")
    page.uncheck("#f-labels input[value='Meeting']")
    assert b.js("window.dipkg.cy.nodes().filter(n => n.data('label') === 'Meeting' && !n.hasClass('hidden')).length") == 0
    page.check("#f-labels input[value='Meeting']")
    page.click("#queries summary")
    page.select_option("#q-template", "who_met")
    page.fill("#q-form input[name='person']", wc.TAM)
    page.click("#q-run")
    b.until("document.querySelector('#q-result table') !== null")
    assert wc.SOMSAK in b.js("document.getElementById('q-result').textContent")
    assert "format=csv" in b.js("document.getElementById('q-csv').href")
    with page.expect_download() as dl:
        page.click("#png")
    png = Path(dl.value.path()).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5_000
    with page.expect_download() as dl:
        page.click("#graphml")
    import networkx as nx
    g = nx.read_graphml(dl.value.path())
    assert wc.QT in {d.get("name") for _, d in g.nodes(data=True)}
    assert b.errors() == [] and b.hosts == {f"127.0.0.1:{app.port}"}


def test_hostile_article_text_stays_text_in_search_labels_and_evidence(app, browser, artefacts):
    b, page = browser, browser.page
    page.goto(app.base + "/")
    b.settled()
    page.fill("#search", "<script>")
    b.until("document.querySelectorAll('#suggestions li[data-id]').length > 0")
    assert "<script>alert(1)</script>" in b.js("document.getElementById('suggestions').textContent")
    page.click("#suggestions li[data-id]")
    b.until("window.dipkg.cy.nodes().length > 1")
    b.settled()
    captions = b.js("window.dipkg.cy.nodes().map(n => n.data('caption')).join('\\n')")
    assert "<script>alert(1)</script>" in captions and "<img src=x onerror=alert(1)> href" in captions
    b.until("document.querySelector('#evidence mark') !== null")
    text = b.js("document.getElementById('evidence').textContent")
    assert "<b onmouseover=alert(2)>x</b>" in text and "<i>evil</i>" in text
    assert b.js("document.querySelectorAll('script:not([src]), img, b[onmouseover], i').length") == 0
    page.screenshot(path=str(artefacts / "hostile.png"))
    assert b.dialogs == [] and b.errors() == []


def test_bar_sample_corpus_served_by_dipkg_serve_opens_focus_on_loopback_only(store, cli, dipkg_home, browser,
                                                                              artefacts):
    """Issue 13's bar: samples ingested, `dipkg serve --port P`, /?focus=Bùi Thanh Sơn shows his
    counterparts and a search box, nothing loaded from the network, and the socket is on loopback."""
    pytest.importorskip("loaders.extract", reason="the extractor (loaders/extract.py) is not there yet")
    from tests.test_explorer import _listening, free_port, serve_cli

    store.write("MATCH (n) DETACH DELETE n")
    assert cli("ingest", str(SAMPLES)).returncode == 0
    port = free_port()
    proc = serve_cli(dipkg_home, port)
    try:
        b, page = browser, browser.page
        page.goto(f"http://127.0.0.1:{port}/?focus=" + urllib.parse.quote("Bùi Thanh Sơn"))
        b.settled()
        names = set(b.until("window.dipkg.cy.nodes().length > 1 && window.dipkg.cy.nodes().map(n => n.data('name'))"))
        assert {"Bùi Thanh Sơn", "Nguyễn Văn Phương"} <= names
        assert page.is_visible("#search")
        page.screenshot(path=str(artefacts / "bar-bui-thanh-son.png"))
        assert b.hosts == {f"127.0.0.1:{port}"} and b.errors() == []
        addrs = _listening(port)
        assert addrs and set(addrs) <= {"0100007F", "00000000000000000000000001000000"}, addrs
    finally:
        proc.terminate()
        proc.wait(timeout=30)
