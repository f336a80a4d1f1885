"""The HTML graph (pyvis / vis-network): one self-contained page that works offline.

Why it looks the way it does:
- nodes coloured and shaped by ontology label, with a legend; edges labelled by kind and date;
- article text never becomes markup: tooltips are HTML-escaped plain text, handed to
  vis-network as elements whose content can only be text (pyvis would otherwise switch
  to an ``innerHTML`` popup whenever a title contains "href");
- Documents and EVIDENCED_BY are provenance, not network: left out unless asked;
- big graphs get a precomputed layout with physics off, and a node cap with a message.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from graph.analytics import load_graph
from graph.config import EVIDENCE_SAMPLE
from graph.labels import EDGE_COLOURS, UNDIRECTED, edge_label as _when_label, node_label, style
from ontology.identity import fold
from ontology.model import REL_TYPES

PHYSICS_LIMIT = 300          # above this many nodes: precomputed layout, physics off
MAX_NODES = 600              # node cap; the most central nodes are kept
_HOOK = "network = new vis.Network(container, data, options);"


from ontology.errors import VizError  # noqa: E402,F401


@dataclass
class VizResult:
    nodes: int
    edges: int
    message: str


# ---------------------------------------------------------------- selection
def _dates(d: dict) -> tuple[str | None, str | None]:
    lo = d.get("first_date") or d.get("date")
    return lo, d.get("last_date") or lo


def _in_range(d: dict, since: str | None, until: str | None) -> bool:
    lo, hi = _dates(d)
    if lo is None:                       # undated elements are kept
        return True
    return not ((since and hi < since) or (until and lo > until))


def find_nodes(g: nx.MultiDiGraph, name: str) -> list[str]:
    """Nodes whose folded name, key or alias equals ``name`` folded; else those containing it."""
    key = fold(name)
    if not key:
        return []

    def keys(d):
        return {d.get("key") or "", fold(d.get("name") or "")} | {fold(a) for a in d.get("aliases") or []}

    exact = [n for n, d in g.nodes(data=True) if key in keys(d) and d.get("label") != "Document"]
    return exact or [n for n, d in g.nodes(data=True)            # named kinds only, as graph.neighbourhood
                     if d.get("label") not in ("Document", "Post", "Meeting", "Commitment")
                     and any(key in k for k in keys(d))]


def _province_part(g: nx.MultiDiGraph, prov: list[str]) -> set[str]:
    """A province, its direct links, its people and bodies, and the meetings/commitments around them."""
    names = {g.nodes[p].get("name") for p in prov}
    core = set(prov)
    for p in prov:
        core |= set(nx.all_neighbors(g, p))
    core |= {n for n, d in g.nodes(data=True) if d.get("label") == "Person" and d.get("province") in names}
    events = {n for n in core if g.nodes[n].get("label") in ("Meeting", "Commitment")}
    for n in list(core):
        if g.nodes[n].get("label") == "Person":
            events |= {m for m in nx.all_neighbors(g, n) if g.nodes[m].get("label") in ("Meeting", "Commitment")}
    keep = core | events
    for n in list(keep):
        if n in events or g.nodes[n].get("label") == "Person":
            keep |= set(nx.all_neighbors(g, n))
    return keep


def select(g: nx.MultiDiGraph, focus: str | None = None, hops: int = 2, since: str | None = None,
           until: str | None = None, province: str | None = None, max_nodes: int = MAX_NODES,
           whole: int | None = None) -> tuple[nx.MultiDiGraph, list[str], list[str]]:
    """The part of ``g`` to draw: (subgraph, focus node ids, notes for the page). ``whole``: how many
    nodes there were before the store already cut ``g`` to the cap (graph.neighbourhood)."""
    notes: list[str] = []
    filtered = bool(since or until or province)
    if since or until:
        g = g.copy()
        g.remove_nodes_from([n for n, d in g.nodes(data=True) if d.get("label") in ("Meeting", "Commitment")
                             and not _in_range(d, since, until)])
        g.remove_edges_from([(a, b, k) for a, b, k, d in g.edges(keys=True, data=True)
                             if not _in_range(d, since, until)])
        notes.append(f"dates {since or '…'} to {until or '…'}")
    if province:
        prov = [n for n in find_nodes(g, province) if g.nodes[n].get("label") == "Province"]
        if not prov:
            raise VizError(f"no province matches {province!r}")
        g = g.subgraph(_province_part(g, prov)).copy()
        notes.append("province " + ", ".join(g.nodes[p]["name"] for p in prov))
    foci: list[str] = []
    dist: dict[str, int] = {}
    if focus:
        foci = find_nodes(g, focus)
        if not foci:
            raise VizError(f"nothing named {focus!r} in the graph" + (" with these filters" if filtered else ""))
        u = g.to_undirected(as_view=True)
        for f in foci:
            for n, d in nx.single_source_shortest_path_length(u, f, cutoff=hops).items():
                dist[n] = min(d, dist.get(n, d))
        g = g.subgraph(dist).copy()
        notes.append(f"{hops} hops around " + ", ".join(g.nodes[f].get("name") or f for f in foci))
    elif filtered:
        g = g.subgraph([n for n in g if g.degree(n) > 0]).copy()
    total = max(g.number_of_nodes(), whole or 0)
    if total > max_nodes:
        rank = sorted(g, key=lambda n: (dist.get(n, 0), -g.degree(n), str(g.nodes[n].get("name"))))
        g = g.subgraph(rank[:max_nodes]).copy()
        notes.append(f"cut to {max_nodes} of {total} nodes (the closest and most connected kept); "
                     "narrow it with --focus, --hops, --since/--until, --province or --kind")
    return g, foci, notes


# ---------------------------------------------------------------- text
def _short(s: str | None, n: int) -> str:
    s = " ".join(str(s or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _tip(lines: list[str]) -> str:
    """Tooltip: plain text, every line HTML-escaped (quotes too)."""
    return html.escape("\n".join(x for x in lines if x), quote=True)


def _offices(g: nx.MultiDiGraph, n: str) -> list[str]:
    out = []
    for _, post, d in g.out_edges(n, data=True):
        if d.get("type") == "HOLDS":
            lo, hi = _dates(d)
            when = lo if lo == hi else f"{lo}–{hi}"
            out.append(g.nodes[post].get("name", "") + (f" ({when})" if lo else ""))
    return sorted(out)


def _node_label(g: nx.MultiDiGraph, n: str, d: dict) -> str:
    """The shared on-screen label (graph.labels): a meeting's sides, date and place; a commitment's kind and maker."""
    label = d.get("label")
    people = makers = None
    if label == "Meeting":
        people = sorted(g.nodes[a].get("name") or a for a, _, e in g.in_edges(n, data=True) if e.get("type") == "ATTENDED")
    if label == "Commitment":
        makers = sorted(g.nodes[b].get("name") or b for _, b, e in g.out_edges(n, data=True) if e.get("type") == "MADE_BY")
    return node_label(label, d.get("name"), date=d.get("date"), place=d.get("location"), kind=d.get("kind"),
                      people=people, makers=makers, by_text=d.get("by_text"), fallback=d.get("id") or n)


def _node_tip(g: nx.MultiDiGraph, n: str, d: dict) -> str:
    label = d.get("label")
    lines = [f"{label}: {d.get('name') or n}"]
    aliases = [a for a in d.get("aliases") or [] if a != d.get("name")]
    if aliases:
        lines.append("Also: " + "; ".join(aliases[:5]))
    if label == "Person":
        lines.append(" · ".join(x for x in (d.get("side"), d.get("province"), d.get("country")) if x))
        offices = _offices(g, n)
        if offices:
            lines.append("Offices: " + "; ".join(offices))
    if label == "Meeting":
        basis = " (year from publication)" if d.get("date_basis") == "publication" else ""
        lines.append(f"Date: {d.get('date') or '?'}{basis} · Place: {d.get('location') or '?'}")
        quotes = [e.get("quote") for *_, e in g.in_edges(n, data=True) if e.get("quote")]
        if quotes:
            lines.append("“" + _short(quotes[0], 300) + "”")
    if label == "Commitment":
        lines.append(f"{d.get('kind')} · {d.get('date') or '?'}" + (f" · {d['amount']}" if d.get("amount") else ""))
        lines.append(f"By: {d.get('by_text') or '?'} → To: {d.get('to_text') or '?'}")
        lines.append("“" + _short(d.get("text"), 300) + "”")
    if label == "Document":
        lines.append(f"{d.get('date') or ''} {d.get('lang') or ''}")
    docs = d.get("docs") or []
    if docs:
        count = f"{len(docs)}+" if len(docs) >= EVIDENCE_SAMPLE else str(len(docs))     # a capped sample
        lines.append(f"Documents ({count}): " + ", ".join(docs[:8]) + (" …" if len(docs) > 8 else ""))
    return _tip(lines)


def _edge_label(d: dict) -> str:
    lo, hi = _dates(d)
    return _when_label(d["type"], lo, hi)


def _edge_tip(d: dict) -> str:
    lines = [_edge_label(d)]
    if d.get("place"):
        lines.append(f"Place: {d['place']}")
    ev = d.get("evidence") or []
    if ev:
        lines.append("Evidence: " + ", ".join(ev[:6]) + (" …" if len(ev) > 6 else ""))
    if d.get("quote"):
        lines.append("“" + _short(d["quote"], 300) + "”")
    return _tip(lines)


# ---------------------------------------------------------------- drawing
def _layout(g: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Deterministic spring layout, scaled to screen units (dense numpy path when SciPy is absent)."""
    s = nx.Graph(g.to_undirected(as_view=True))
    try:
        pos = nx.spring_layout(s, seed=7)
    except ImportError:                  # networkx wants SciPy from 500 nodes up
        from networkx.drawing.layout import _fruchterman_reingold, rescale_layout
        import numpy as np
        nodes = list(s)
        a = nx.to_numpy_array(s, nodelist=nodes)
        p = rescale_layout(_fruchterman_reingold(a, seed=np.random.RandomState(7)))
        pos = dict(zip(nodes, p))
    scale = 60.0 * max(10.0, len(s) ** 0.5)
    return {n: (float(x) * scale, float(y) * scale) for n, (x, y) in pos.items()}


def _legend(g: nx.MultiDiGraph, notes: list[str], counts: tuple[int, int]) -> str:
    present: dict[str, int] = {}
    for _, d in g.nodes(data=True):
        present[d.get("label")] = present.get(d.get("label"), 0) + 1
    rows = "".join(
        f'<div><span style="color:{style(lbl)[0]}">{style(lbl)[3]}</span> '
        f"{html.escape(str(lbl))} ({n})</div>" for lbl, n in sorted(present.items(), key=lambda x: str(x[0])))
    note = "".join(f'<div class="dipkg-note">{html.escape(x)}</div>' for x in notes)
    return (f'<div id="dipkg-legend"><b>dipkg graph</b> — {counts[0]} nodes, {counts[1]} edges{note}'
            f"{rows}<div class=\"dipkg-hint\">hover for details · scroll to zoom · drag to move</div></div>")


_CSS = """<style>
body{margin:0;font-family:Arial,Helvetica,sans-serif}
#mynetwork{float:none!important;border:0!important}
#dipkg-legend{position:absolute;top:8px;left:8px;z-index:10;background:rgba(255,255,255,.92);
 border:1px solid #ccc;border-radius:6px;padding:8px 10px;font-size:13px;line-height:1.5;max-width:360px}
#dipkg-legend span{display:inline-block;width:1.2em;text-align:center;font-size:15px}
.dipkg-note{color:#a33;font-size:12px}.dipkg-hint{color:#777;font-size:11px;margin-top:4px}
.dipkg-tip{white-space:pre-wrap;max-width:440px;font-size:12px;line-height:1.35}
</style>"""

# Runs before the network is built: every tooltip becomes an element whose content is the
# escaped text parsed as text only (entities decode to characters; no tag can form).
_JS = """
function dipkgTip(tip) { var el = document.createElement("div"); el.className = "dipkg-tip";
  el.innerHTML = tip; return el; }
nodes.update(nodes.get().filter(function (n) { return typeof n.tip === "string"; })
  .map(function (n) { return {id: n.id, title: dipkgTip(n.tip)}; }));
edges.update(edges.get().filter(function (e) { return typeof e.tip === "string"; })
  .map(function (e) { return {id: e.id, title: dipkgTip(e.tip)}; }));
"""

_REMOTE = re.compile(r"<(?:link|script)\b[^>]*?(?:href|src)\s*=\s*[\"']?(?:https?:)?//[^>]*>(?:\s*</script>)?", re.I | re.S)
_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>|<!--\s*<link.*?-->", re.I | re.S)


def _finish(page: str, legend: str) -> str:
    """Offline and safe: no remote script/style, tooltip hook, legend."""
    page = _REMOTE.sub("", page)
    page = _HEADING.sub("", page)
    if _HOOK not in page:
        raise RuntimeError("unexpected pyvis template: cannot install the tooltip hook")
    page = page.replace(_HOOK, _JS + "\n" + _HOOK, 1)
    page = page.replace("</head>", _CSS + "\n</head>", 1)
    return re.sub(r"<body>", lambda m: m.group(0) + "\n" + legend, page, count=1)


def build_page(g: nx.MultiDiGraph, foci: list[str] = (), notes: list[str] = ()) -> tuple[str, int, int]:
    """The HTML text for ``g`` (already selected)."""
    from pyvis.network import Network

    big = g.number_of_nodes() > PHYSICS_LIMIT
    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line", heading="")
    pos = _layout(g) if big else {}
    deg = dict(g.degree())
    for n, d in sorted(g.nodes(data=True), key=lambda x: x[0]):
        colour, shape, _, _ = style(d.get("label"))
        small = d.get("label") in ("Post", "Meeting", "Commitment", "Document")
        opts = {"tip": _node_tip(g, n, d), "size": (10 if small else 16) + 2 * min(deg.get(n, 0), 12) ** 0.5 * 2,
                "font": {"size": 11 if small else 15, "strokeWidth": 3, "strokeColor": "#ffffff"}}
        if shape in ("square", "hexagon", "diamond"):     # these draw larger than a dot of the same size
            opts["size"] *= 0.7
        if n in foci:
            opts.update(borderWidth=4, size=opts["size"] + 10, color={"background": colour, "border": "#000000"})
        if n in pos:
            opts.update(x=pos[n][0], y=pos[n][1])
        net.add_node(n, label=_node_label(g, n, d), shape=shape, color=opts.pop("color", colour), **opts)
    edges = 0
    for a, b, d in sorted(g.edges(data=True), key=lambda x: (x[0], x[1], x[2].get("type", ""))):
        net.add_edge(a, b, label=_edge_label(d), tip=_edge_tip(d), color=EDGE_COLOURS.get(d["type"], "#999999"),
                     arrows="" if d["type"] in UNDIRECTED else "to", font={"size": 9, "align": "middle", "color": "#555555"})
        edges += 1
    net.options = {
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
        "edges": {"smooth": False if big else {"type": "continuous"}, "width": 1.2},
        "physics": ({"enabled": False} if big else
                    {"enabled": True, "solver": "forceAtlas2Based",
                     "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
                     "stabilization": {"enabled": True, "iterations": 300, "fit": True}}),
    }
    if big:
        notes = [*notes, f"{g.number_of_nodes()} nodes: precomputed layout, physics off"]
    page = net.generate_html()
    return _finish(page, _legend(g, list(notes), (g.number_of_nodes(), edges))), g.number_of_nodes(), edges


def check_kinds(kinds: list[str] | None) -> list[str] | None:
    if not kinds:
        return None
    bad = [k for k in kinds if k.upper() not in REL_TYPES]
    if bad:
        raise VizError(f"unknown relationship kind(s) {', '.join(bad)}; known: {', '.join(sorted(REL_TYPES))}")
    return [k.upper() for k in kinds]


def render_html(store, out: Path, focus: str | None = None, hops: int = 2, since: str | None = None,
                until: str | None = None, province: str | None = None, kinds: list[str] | None = None,
                max_nodes: int = MAX_NODES, documents: bool = False) -> VizResult:
    """Write the graph (or the part the options select) to ``out`` as one offline HTML page."""
    types = check_kinds(kinds)
    if types and not documents and "EVIDENCED_BY" in types:
        documents = True
    from graph.neighbourhood import drawable_nodes, load_most_connected, load_neighbourhood

    drop = frozenset({"text"})
    whole: int | None = None
    if focus and not province:          # only the rings around the focus are read from the store
        g = load_neighbourhood(store, focus, hops, documents=documents, types=types, drop=drop,
                               max_nodes=None if (since or until) else max_nodes)
        whole = g.graph.get("total")
    elif not (province or since or until) and (whole := drawable_nodes(store, documents)) > max_nodes:
        g = load_most_connected(store, max_nodes, documents=documents, types=types, drop=drop)  # server ranks
    else:
        g = load_graph(store, documents=documents, types=types, drop=drop)
    if types:                            # only nodes that take part in the chosen kinds
        g = g.subgraph([n for n in g if g.degree(n) > 0]).copy()
    part, foci, notes = select(g, focus, hops, since, until, province, max_nodes, whole)
    if types:
        notes.insert(0, "kinds " + ", ".join(types))
    page, n, e = build_page(part, foci, notes)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    msg = f"{n} nodes, {e} edges" + (f" ({'; '.join(notes)})" if notes else "")
    return VizResult(n, e, msg)


def page_data(page: str) -> dict:
    """The nodes and edges embedded in a page (for tests and tools)."""
    nodes = json.loads(re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", page, re.S).group(1))
    edges = json.loads(re.search(r"edges = new vis\.DataSet\((\[.*?\])\);", page, re.S).group(1))
    return {"nodes": nodes, "edges": edges}
