"""The HTML page in a real headless Chromium: it loads offline with no console errors, the
network is drawn on the canvas, hostile text stays text, and a screenshot is not blank."""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from graph.viz import render_html
from tests import workbench_corpus as wc
from tests.conftest import SAMPLES

CHROMIUM = os.environ.get("DIPKG_CHROMIUM", "/usr/bin/chromium")
pytestmark = [pytest.mark.browser, pytest.mark.integration,
              pytest.mark.skipif(not (Path(CHROMIUM).exists() or shutil.which("chromium")),
                                 reason=f"headless chromium not installed ({CHROMIUM}); apt-get install -y chromium")]

# Instrumentation added to a copy of the page: records alerts and errors, then writes what it sees.
_PROBE_HEAD = """<script>window.__alerts=[];window.__errors=[];
window.alert=function(m){window.__alerts.push(String(m));};
window.addEventListener('error',function(e){window.__errors.push(String(e.message));});
var __ce=console.error;console.error=function(){window.__errors.push(Array.from(arguments).join(' '));__ce.apply(console,arguments);};
</script>"""
# Waits (in virtual time) for the layout to settle, then draws one frame itself: headless virtual
# time runs timers ahead of real time but not animation frames, so vis-network's own next frame may
# not have come yet under load. ``network.redraw()`` is the same draw, done synchronously.
_PROBE_TAIL = """<script>(function(){
 var ready=network.physics.options.enabled===false, t0=performance.now();
 network.on('stabilizationIterationsDone',function(){ready=true;});
 network.on('stabilized',function(){ready=true;});
 function report(){
  network.redraw();
  var c=document.querySelector('#mynetwork canvas'), painted=0;
  if(c){var d=c.getContext('2d').getImageData(0,0,c.width,c.height).data;
    for(var i=0;i<d.length;i+=16){if(d[i+3]>0&&(d[i]<235||d[i+1]<235||d[i+2]<235))painted++;}}
  var tips=nodes.get().concat(edges.get()).map(function(x){
    return x.title instanceof Element ? [x.title.children.length, x.title.textContent] : null;});
  var r={alerts:window.__alerts,errors:window.__errors,nodes:nodes.length,edges:edges.length,
    drawn:Object.keys(network.body.nodes).length,canvas:!!c,painted:painted,tips:tips,settled:ready};
  var pre=document.createElement('pre');pre.id='dipkg-probe';pre.textContent=JSON.stringify(r);
  document.body.appendChild(pre);}
 (function wait(){ if(ready||performance.now()-t0>12000) setTimeout(report,300); else setTimeout(wait,100); })();
})();</script>"""
_BASE = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1400,900", "--hide-scrollbars"]


def chromium(page: Path, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess:
    prof = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    return subprocess.run([CHROMIUM, *_BASE, f"--user-data-dir={prof}", *extra, page.as_uri()],
                          capture_output=True, text=True, timeout=120)


def probe(page: Path, tmp_path: Path) -> tuple[dict, list[str]]:
    """Load an instrumented copy; returns what the page saw and the console lines Chromium logged."""
    text = page.read_text(encoding="utf-8")
    probed = tmp_path / f"probed-{page.name}"
    probed.write_text(text.replace("<head>", "<head>" + _PROBE_HEAD, 1).replace("</body>", _PROBE_TAIL + "</body>", 1),
                      encoding="utf-8")
    proc = chromium(probed, tmp_path, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=20000",
                    "--dump-dom")
    m = re.search(r'<pre id="dipkg-probe">(.*?)</pre>', proc.stdout, re.S)
    assert m, f"the page never finished drawing:\n{proc.stderr[-2000:]}"
    console = [line for line in proc.stderr.splitlines() if ":CONSOLE" in line]
    return json.loads(html.unescape(m.group(1))), console


def assert_healthy(page: Path, tmp_path: Path, min_nodes: int = 1) -> dict:
    seen, console = probe(page, tmp_path)
    bad = [c for c in console if re.search(r"error|uncaught|failed|refused|blocked", c, re.I)]
    assert not bad and not seen["errors"], bad or seen["errors"]
    assert seen["alerts"] == []
    assert seen["canvas"] and seen["nodes"] >= min_nodes and seen["drawn"] == seen["nodes"]
    assert seen["settled"], "the layout never settled"
    assert seen["painted"] > 500, "the canvas is (almost) blank"
    return seen


@pytest.fixture(scope="module")
def corpus(store):
    wc.load(store, wc.corpus() + [wc.evil()])
    return store


def test_whole_graph_and_focus_load_without_errors(corpus, tmp_path):
    whole = tmp_path / "whole.html"
    r = render_html(corpus, whole)
    seen = assert_healthy(whole, tmp_path, min_nodes=r.nodes)
    assert seen["edges"] == r.edges
    focus = tmp_path / "focus.html"
    r = render_html(corpus, focus, focus="Lê Thị Hoa", hops=2)
    assert_healthy(focus, tmp_path, min_nodes=r.nodes)


def test_hostile_text_never_runs_and_tooltips_are_text(corpus, tmp_path):
    page = tmp_path / "evil.html"
    render_html(corpus, page, documents=True)
    seen = assert_healthy(page, tmp_path)
    tips = [t for t in seen["tips"] if t]
    assert tips and all(children == 0 for children, _ in tips), "a tooltip turned into markup"
    text = "\n".join(t for _, t in tips)
    for s in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "href=javascript:alert(3)"):
        assert s in text


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_screenshot_is_not_blank(corpus, tmp_path):
    page, blank = tmp_path / "shot.html", tmp_path / "blank.html"
    render_html(corpus, page, focus="Quảng Trị", hops=2)
    blank.write_text("<html><body></body></html>", encoding="utf-8")
    shots = []
    for src in (page, blank):
        png = tmp_path / f"{src.stem}.png"
        chromium(src, tmp_path, "--virtual-time-budget=10000", f"--screenshot={png}")
        assert png.exists() and _png_size(png) == (1400, 900)
        shots.append(png.stat().st_size)
    assert shots[0] > 10 * shots[1], f"screenshot looks blank ({shots[0]} vs blank {shots[1]} bytes)"


def test_sample_graph_and_focus_in_the_browser(store, tmp_path):
    pytest.importorskip("loaders.extract", reason="the extractor (loaders/extract.py) is not there yet")
    from pipeline import ingest
    from queries.runner import run

    store.write("MATCH (n) DETACH DELETE n")
    assert ingest([SAMPLES], store).documents == 5
    whole = tmp_path / "samples.html"
    r = render_html(store, whole)
    assert_healthy(whole, tmp_path, min_nodes=r.nodes)
    top = run(store, "most_connected_people", {"limit": 1})[0]["name"]
    focus = tmp_path / "samples-focus.html"
    r = render_html(store, focus, focus=top, hops=2)
    assert_healthy(focus, tmp_path, min_nodes=r.nodes)
