"""The HTML graph (pyvis). Minimal first version; see issue 6 for the full view."""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path


@dataclass
class VizResult:
    nodes: int
    edges: int
    message: str


def render_html(store, out: Path, focus: str | None = None, hops: int = 2) -> VizResult:
    from pyvis.network import Network

    rows = store.read("MATCH (a)-[r]->(b) WHERE type(r) <> 'EVIDENCED_BY' "
                      "RETURN a.id AS a, labels(a) AS la, a.name AS na, type(r) AS t, "
                      "b.id AS b, labels(b) AS lb, b.name AS nb LIMIT 5000")
    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line")
    seen = set()
    for r in rows:
        for i, l, n in ((r["a"], r["la"], r["na"]), (r["b"], r["lb"], r["nb"])):
            if i not in seen:
                seen.add(i)
                net.add_node(i, label=str(n or i)[:40], title=html.escape(f"{l[0]}: {n}"), group=l[0])
        net.add_edge(r["a"], r["b"], title=r["t"], label=r["t"])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(net.generate_html(), encoding="utf-8")
    return VizResult(len(seen), len(rows), f"{len(seen)} nodes, {len(rows)} edges")
