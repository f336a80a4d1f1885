"""The explorer's speed on a big store, measured through its HTTP API as the page calls it.

    python bench/explorer.py [--docs 20000] [--home DIR] [--reps 200] [--browser]

Builds (or reuses) a store of ``--docs`` generated documents ingested with the oracle's facts
(``bench/generate.py``, ``bench/oracle.py``), starts the explorer on 127.0.0.1 in this process and times:

- search suggestions: what the page asks as an analyst types (2–8 letters of a person's, province's or
  partner's name, without diacritics) — target p95 < 100 ms;
- opening an ego network (``/api/ego`` of a search result: busy people, provinces, partners) and
  expanding one (``/api/ego`` of a neighbour) — target p95 < 300 ms; and opening the most connected
  nodes of each label (``ego_hubs``);
- with ``--browser``: in Chromium, expanding hubs until the view holds 1,000 elements, the time from a
  click to a laid-out view, and the page's own note of what it cut.

Prints one JSON object; the server is stopped at the end unless ``--home`` pointed at a running one.

Measured 2 Dec 2026 on the shared 2-core machine under a load average of ~15 (eight sessions at work),
10,000 documents (38,665 nodes; ingest 303 s), 200 calls each: search p50 87 ms / p95 201 ms;
ego open p50 113 ms / p95 277 ms; expand p50 51 ms / p95 200 ms; in Chromium, clicks from 394 to
1,000 elements 1.0–2.6 s each (the timeline's redraw is most of the last: 1.0 s at 1,000), the page
then notes "… 29 elements not drawn: the view holds at most 1000". The template alone, on that store:
explorer_search p50 51 ms / p95 149 ms (ten labels' CONTAINS scans; one label's STARTS WITH: 8 ms).

Search made index-backed (issue 13), measured 2 Dec 2026 ~10:58 UTC on a fresh 10,000-document store
(37,857 nodes, 1,540 people; ingest 220 s), load average 1.5–2.8, 300 calls per run, the old and new code
alternating on the same store: HTTP search p50 19.6 / 17.9 ms, p95 31.5 / 30.4 ms before;
p50 15.2 / 17.2 / 19.5 ms, p95 22.1 / 30.3 / 35.7 ms after. The templates alone (``search_parts``):
the old CALL { ten CONTAINS scans } p50 15.8 / p95 28.2 ms; the new index-backed explorer_search
p50 3.7 / p95 8.8 ms on every text; the scan (explorer_search_contains) p50 14.8 / p95 28.4 ms on the
62 % of texts that need it (fewer than 12 names start with them: mostly a later word of a name).
A top-level UNION ALL of index-backed parts: 8 ms; the same parts inside CALL { }: ~20 ms; one label's
STARTS WITH with an OR on another property loses its index (1.9 → 14 ms). On this store a full scan of
1,540 people is ~12 ms, so the gain is small here; it grows with the store (the scan is linear in the
people, the index part is not) and texts under three characters never scan.

At 100,000 documents (2 Dec 2026, ~12:00 UTC, after people got indexed later-word keys and the ego network
its ranking): search p50 12.3 / p95 40.4 ms, ego open 63.0 / 116.3 ms, expand 15.4 / 108.5 ms, the most
connected nodes 126.7 ms at p95 (medians of 6 runs of 200 calls, load 2.4-3.9); bench/RESULTS.md has the
runs, the old code's figures on the same store and what was measured to choose the design.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for p in (ROOT, ROOT / "bench"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))


def _pctl(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p * (len(xs) - 1))))] if xs else 0.0


def _summary(times: list[float]) -> dict:
    return {"p50_ms": round(_pctl(times, 0.5), 1), "p95_ms": round(_pctl(times, 0.95), 1),
            "max_ms": round(max(times), 1) if times else 0.0, "calls": len(times)}


def build(store, docs: int) -> dict:
    """Ingest ``docs`` generated documents unless the store already holds that many."""
    have = store.read("MATCH (d:Document) RETURN count(d) AS c")[0]["c"]
    if have >= docs:
        return {"documents": have, "ingest_seconds": None}
    import oracle
    from generate import generate

    oracle.install()
    from pipeline import ingest

    with tempfile.TemporaryDirectory(prefix="dipkg-bench-explorer-") as tmp:
        generate(Path(tmp), docs)
        t = time.perf_counter()
        s = ingest([Path(tmp)], store, batch_size=500)
        return {"documents": s.documents, "ingest_seconds": round(time.perf_counter() - t, 1)}


def _fold(s: str) -> str:
    from ontology.identity import fold
    return fold(s)


def _get(url: str):
    with urllib.request.urlopen(url, timeout=60) as r:
        return json.loads(r.read().decode("utf-8"))


def measure(store, base: str, reps: int, seed: int = 1) -> dict:
    rnd = random.Random(seed)
    names = [r["n"] for r in store.read(
        "MATCH (p:Person)-[:MET]-() WITH p, count(*) AS c ORDER BY c DESC LIMIT 300 RETURN p.name AS n")]
    names += [r["n"] for r in store.read("MATCH (p:Province) RETURN p.name AS n")]
    names += [r["n"] for r in store.read("MATCH (c:Country) RETURN c.name AS n")]
    names += [r["n"] for r in store.read("MATCH (p:Person) RETURN p.name AS n LIMIT 2000")]

    def typed() -> str:
        words = _fold(rnd.choice(names)).split()
        word = rnd.choice(words) if len(words) > 1 and rnd.random() < 0.5 else " ".join(words)
        return word[: rnd.randint(2, 8)]

    for _ in range(5):                                           # warm-up
        _get(f"{base}/api/search?q={urllib.parse.quote(typed())}")
    search, found, texts = [], [], []
    for _ in range(reps):
        q = typed()
        texts.append(q)
        t = time.perf_counter()
        rows = _get(f"{base}/api/search?q={urllib.parse.quote(q)}")
        search.append((time.perf_counter() - t) * 1000)
        found += [r["id"] for r in rows[:1]]
    opened, expanded, sizes, cut = [], [], [], 0
    for node_id in rnd.sample(found, min(reps, len(found))):
        t = time.perf_counter()
        ego = _get(f"{base}/api/ego?id={urllib.parse.quote(node_id)}")
        opened.append((time.perf_counter() - t) * 1000)
        sizes.append(len(ego["nodes"]) + len(ego["edges"]))
        cut += ego["total"] > len(ego["edges"])
        if ego["nodes"]:
            other = rnd.choice(ego["nodes"])["id"]
            t = time.perf_counter()
            _get(f"{base}/api/ego?id={urllib.parse.quote(other)}")
            expanded.append((time.perf_counter() - t) * 1000)
    return {"search": _summary(search), "search_parts": search_parts(store, texts), "ego_open": _summary(opened), "ego_expand": _summary(expanded),
            "ego_elements_median": sorted(sizes)[len(sizes) // 2] if sizes else 0, "ego_cut": cut}


def hubs(store, base: str, per_label: int = 5, reps: int = 5) -> dict:
    """Opening the ego network of the most connected nodes (the page's worst case: a Country of the
    100,000-document store has ~18,000 links besides its evidence): ``per_label`` nodes of each label, most
    links first, each opened ``reps`` times; per label the median, over all of them p50/p95."""
    out: dict = {"by_label": {}}
    every: list[float] = []
    for label in ("Country", "Province", "Person", "ForeignLocality", "Organization"):
        # labels from this fixed tuple only (no text from outside reaches the query)
        top = store.read(f"MATCH (n:{label}) RETURN n.id AS id, COUNT {{ (n)--() }} AS links "
                         f"ORDER BY links DESC LIMIT $k", k=per_label)
        times, shown, total = [], [], []
        for row in top:
            for _ in range(reps):
                t = time.perf_counter()
                ego = _get(f"{base}/api/ego?id={urllib.parse.quote(row['id'])}")
                times.append((time.perf_counter() - t) * 1000)
            shown.append(len(ego["edges"]))
            total.append(ego["total"])
        every += times
        out["by_label"][label] = {**_summary(times), "links_max": max((r["links"] for r in top), default=0),
                                  "shown": shown, "total": total}
    out["all"] = _summary(every)
    return out


def search_parts(store, texts: list[str]) -> dict:
    """The two search templates alone (no HTTP) on the same texts: the index-backed part on every text,
    the scan only where the page asks it (fewer than the limit found, three characters or more)."""
    from graph.explorer.api import SCAN_MIN, SEARCH_LIMIT, _alt
    from queries.runner import run

    index, scan = [], []
    for q in texts:
        t = time.perf_counter()
        rows = run(store, "explorer_search", {"text": q, "alt": _alt(q), "limit": SEARCH_LIMIT})
        index.append((time.perf_counter() - t) * 1000)
        if len({r["id"] for r in rows}) < SEARCH_LIMIT and len(_fold(q)) >= SCAN_MIN:
            t = time.perf_counter()
            run(store, "explorer_search_contains", {"text": q, "limit": SEARCH_LIMIT})
            scan.append((time.perf_counter() - t) * 1000)
    return {"index": _summary(index), "scan": _summary(scan), "scan_share": round(len(scan) / max(1, len(texts)), 2)}


def browser(base: str, store) -> dict:
    """In Chromium: open the busiest province, then click (tap) its neighbours one by one until the view
    holds 1,000 elements; each click's time to a drawn view, the page's own timings, and its note of
    what it cut."""
    from playwright.sync_api import sync_playwright

    hub = store.read("MATCH (p:Province)-[r]-() WITH p, count(r) AS c ORDER BY c DESC LIMIT 1 RETURN p.name AS n")[0]["n"]
    out: dict = {"hub": hub, "clicks_ms": [], "page_timings": []}
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=os.environ.get("DIPKG_CHROMIUM", "/usr/bin/chromium"),
                               args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                     "--disable-component-update", "--disable-sync"])
        page = b.new_page(viewport={"width": 1400, "height": 900})

        def wait():
            while not page.evaluate("() => !!(window.dipkg && window.dipkg.ready && window.dipkg.busy === 0)"):
                time.sleep(0.02)

        def count() -> int:
            return page.evaluate("() => window.dipkg.cy.elements().length")

        t = time.perf_counter()
        page.goto(f"{base}/?focus=" + urllib.parse.quote(hub))
        wait()
        out["open_ms"] = round((time.perf_counter() - t) * 1000)
        for node_id in page.evaluate("() => window.dipkg.cy.nodes().map(n => n.id())")[1:]:
            if count() >= 1000:
                break
            t = time.perf_counter()
            page.evaluate("id => { window.dipkg.cy.getElementById(id).emit('tap'); }", node_id)   # returns nothing
            wait()
            out["clicks_ms"].append(round((time.perf_counter() - t) * 1000))
            out["page_timings"].append(page.evaluate("() => window.dipkg.timings"))
        out["elements"] = count()
        out["note"] = page.evaluate("() => document.getElementById('cut').textContent")
        t = time.perf_counter()
        page.click("#fit")
        wait()
        out["relayout_1000_ms"] = round((time.perf_counter() - t) * 1000)
        b.close()
    out["click_p50_ms"] = _pctl(out["clicks_ms"], 0.5)
    out["click_p95_ms"] = _pctl(out["clicks_ms"], 0.95)
    out["last_click_ms"] = out["clicks_ms"][-1] if out["clicks_ms"] else None
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=20000, help="generated documents in the store")
    ap.add_argument("--home", type=Path, default=None, help="DIPKG_HOME of the store (default: a new temp folder)")
    ap.add_argument("--reps", type=int, default=200)
    ap.add_argument("--browser", action="store_true", help="also time the page with 1,000 elements in Chromium")
    ap.add_argument("--keep", action="store_true", help="keep the store's server running at the end")
    args = ap.parse_args(argv)
    home = args.home or Path(tempfile.mkdtemp(prefix="dipkg-bench-explorer-home-"))
    os.environ["DIPKG_HOME"] = str(home)
    from graph.embedded import EmbeddedServer
    from graph.explorer.app import make_server, serve_in_thread
    from graph.schema import ensure_schema
    from graph.store import Neo4jStore

    server = EmbeddedServer(home)
    running_before = server.info() is not None
    store = Neo4jStore.connect(home)
    try:
        ensure_schema(store)
        result = {"machine": {"cpus": os.cpu_count(), "load_1m": os.getloadavg()[0]}, "home": str(home)}
        result.update(build(store, args.docs))
        result["nodes"] = store.read("MATCH (n) RETURN count(n) AS c")[0]["c"]
        http = make_server(store, "127.0.0.1", 0)
        serve_in_thread(http)
        base = f"http://127.0.0.1:{http.server_address[1]}"
        result.update(measure(store, base, args.reps))
        result["ego_hubs"] = hubs(store, base)
        if args.browser:
            result["browser"] = browser(base, store)
        result["machine"]["load_1m_after"] = os.getloadavg()[0]
        http.shutdown()
        print(json.dumps(result, ensure_ascii=False, indent=1))
    finally:
        store.close()
        if not (args.keep or running_before):
            server.stop()


if __name__ == "__main__":
    main()
