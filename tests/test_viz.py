"""The HTML graph: offline, safe with hostile article text, focus and filters, big graphs."""
from __future__ import annotations

import html
import re

import networkx as nx
import pytest

from graph.viz import VizError, build_page, page_data, render_html, select
from tests import workbench_corpus as wc

pytestmark = pytest.mark.integration

EVIL = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b onmouseover=alert(2)>",
        "href=javascript:alert(3)", "<i>evil</i>"]
REMOTE = re.compile(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//", re.I)


@pytest.fixture(scope="module")
def corpus(store):
    wc.load(store, wc.corpus() + [wc.evil()])
    return store


def _render(store, tmp_path, **kw):
    out = tmp_path / "g.html"
    result = render_html(store, out, **kw)
    page = out.read_text(encoding="utf-8")
    return result, page, page_data(page)


def _names(data):
    return {html.unescape(n["tip"]).split("\n")[0].split(": ", 1)[1] for n in data["nodes"]}


def test_page_is_self_contained_and_legend_lists_types(corpus, tmp_path):
    result, page, data = _render(corpus, tmp_path)
    assert not REMOTE.search(page), "a remote script/stylesheet would break offline use"
    assert "vis.Network" in page and "new vis.DataSet" in page             # vis-network inlined
    assert result.nodes == len(data["nodes"]) and result.edges == len(data["edges"])
    legend = re.search(r'<div id="dipkg-legend">(.*?)</div></div>', page, re.S).group(1)
    for label in ("Person", "Province", "Country", "Meeting", "Commitment", "Post"):
        assert label in legend
    shapes = {n["shape"] for n in data["nodes"]}
    assert {"dot", "hexagon", "star", "triangle"} <= shapes and len({n["color"] for n in data["nodes"]
                                                                      if isinstance(n["color"], str)}) >= 6


def test_documents_and_evidence_are_left_out_by_default(corpus, tmp_path):
    _, _, data = _render(corpus, tmp_path)
    assert not any(html.unescape(n["tip"]).startswith("Document:") for n in data["nodes"])
    assert not any(e["label"].startswith("EVIDENCED_BY") for e in data["edges"])
    _, _, data = _render(corpus, tmp_path, documents=True)
    assert any(e["label"].startswith("EVIDENCED_BY") for e in data["edges"])


def test_edges_are_labelled_by_kind_and_date_and_tips_carry_offices_and_quotes(corpus, tmp_path):
    _, _, data = _render(corpus, tmp_path)
    labels = {e["label"] for e in data["edges"]}
    assert "MET 10/6/2024" in labels and "DEALS_WITH 5/3/2024–15/1/2025" in labels
    tam = next(html.unescape(n["tip"]) for n in data["nodes"] if n["label"] == wc.TAM)
    assert f"Chủ tịch Ủy ban nhân dân tỉnh {wc.QT} (2024-03-05)" in tam and f"Bí thư Tỉnh ủy {wc.QT} (2025-01-15)" in tam
    met = next(html.unescape(e["tip"]) for e in data["edges"] if e["label"] == "MET 10/6/2024")
    assert "hội đàm" in met and "Evidence: w2#" in met


def test_hostile_text_is_escaped_plain_text(corpus, tmp_path):
    _, page, data = _render(corpus, tmp_path, documents=True)
    for s in EVIL:
        assert "<" not in s or s not in page, f"raw {s!r} in the page"
    tips = [x["tip"] for x in data["nodes"] + data["edges"]]
    assert all(not set(t) & set("<>\"'") for t in tips), "tooltips must be fully escaped"
    text = "\n".join(html.unescape(t) for t in tips)
    for s in EVIL:
        assert s in text                                   # shown, as text
    assert not any("title" in x for x in data["nodes"] + data["edges"])   # pyvis never sees a title
    assert "popup.innerHTML" not in page                    # so its innerHTML popup is never used


def test_focus_two_hops(corpus, tmp_path):
    result, _, data = _render(corpus, tmp_path, focus="le thi hoa", hops=2)
    names = _names(data)
    assert {wc.HOA, wc.KIM, wc.SOMSAK} <= names                       # met directly (MET is one hop)
    assert wc.ITO not in names and wc.QUANG in names                  # Quảng: via Kim, 2 hops
    assert "2 hops around Lê Thị Hoa" in result.message
    _, _, one = _render(corpus, tmp_path, focus="le thi hoa", hops=1)
    assert wc.QUANG not in _names(one) and len(one["nodes"]) < len(data["nodes"])
    with pytest.raises(VizError):
        render_html(corpus, tmp_path / "x.html", focus="nobody of that name")


@pytest.mark.parametrize("focus, hops", [("le thi hoa", 2), ("Quảng Trị", 1), ("lao", 2), ("kim", 1)])
def test_focus_reads_the_same_rings_from_the_store_as_from_the_whole_graph(corpus, focus, hops):
    """`viz --focus` reads only the neighbourhood (graph.neighbourhood); the nodes must be the ones the
    whole graph gives, and every edge it draws one the whole graph has, with the same properties."""
    from graph.analytics import load_graph
    from graph.neighbourhood import load_neighbourhood

    part = load_neighbourhood(corpus, focus, hops, drop=frozenset({"text"}))
    whole, foci, _ = select(load_graph(corpus, drop=frozenset({"text"})), focus, hops, max_nodes=10**6)
    assert set(part) == set(whole) and foci
    assert all(d == whole.nodes[n] for n, d in part.nodes(data=True))
    assert set(part.edges(keys=True)) <= set(whole.edges(keys=True))
    assert all(whole.edges[a, b, k] == d for a, b, k, d in part.edges(keys=True, data=True))
    ring = {n for n, d in nx.single_source_shortest_path_length(whole.to_undirected(as_view=True), foci[0]).items()
            if d < hops}
    assert {(a, b, k) for a, b, k in whole.edges(keys=True) if a in ring or b in ring} <= set(part.edges(keys=True))


@pytest.mark.parametrize("kinds", [None, ["MET"]])
def test_a_graph_too_big_to_draw_is_ranked_by_the_server_like_the_client_ranks_it(corpus, tmp_path, kinds):
    from graph.analytics import load_graph

    whole = load_graph(corpus, types=kinds, drop=frozenset({"text"}))
    if kinds:
        whole = whole.subgraph([n for n in whole if whole.degree(n) > 0]).copy()
    result, _, data = _render(corpus, tmp_path, max_nodes=8, kinds=kinds)
    drawn = {n["id"] for n in data["nodes"]}
    assert len(drawn) == 8 and f"cut to 8 of " in result.message
    assert sorted((whole.degree(n) for n in drawn), reverse=True) == \
        sorted((d for _, d in whole.degree()), reverse=True)[:8]              # the most connected, ties aside
    assert {(e["from"], e["to"]) for e in data["edges"]} == \
        {(a, b) for a, b in whole.subgraph(drawn).edges()}                   # every edge among them


def test_filters_dates_province_kind(corpus, tmp_path):
    _, _, data = _render(corpus, tmp_path, kinds=["MET"])
    assert {e["label"].split()[0] for e in data["edges"]} == {"MET"}
    assert {html.unescape(n["tip"]).split(":")[0] for n in data["nodes"]} == {"Person"}
    _, _, data = _render(corpus, tmp_path, kinds=["MET"], since="2024-09-01")
    assert {e["label"] for e in data["edges"]} == {"MET 20/9/2024", "MET 2/11/2024", "MET 15/1/2025"}
    _, _, data = _render(corpus, tmp_path, province="Đà Nẵng")
    names = _names(data)
    assert {wc.DN, wc.QUANG, wc.KIM, wc.ITO} <= names and wc.TAM not in names and wc.SOMSAK not in names
    with pytest.raises(VizError):
        render_html(corpus, tmp_path / "x.html", kinds=["LIKES"])


def _big(n: int) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    base = nx.barabasi_albert_graph(n, 2, seed=3)
    for i in base:
        g.add_node(f"p{i}", label="Person", name=f"Person {i}", key=f"person {i}")
    for a, b in base.edges():
        g.add_edge(f"p{a}", f"p{b}", key="MET|", type="MET", date="2024-01-01")
    return g


def test_big_graph_gets_a_layout_a_cap_and_a_message():
    g, foci, notes = select(_big(700), max_nodes=550)
    assert g.number_of_nodes() == 550 and any("cut to 550 of 700" in x for x in notes)
    page, n, _ = build_page(g, foci, notes)
    data = page_data(page)
    assert n == 550 and all("x" in v and "y" in v for v in data["nodes"])
    assert '"physics": {"enabled": false}' in page and "cut to 550 of 700 nodes" in page


def test_cli_viz(corpus, cli, tmp_path):
    out = tmp_path / "cli.html"
    proc = cli("viz", "--out", str(out), "--focus", "Kim Min-jun", "--hops", "1", "--since", "2024-01-01",
               "--kind", "MET", "--kind", "ATTENDED", check=True)
    assert "hops around Kim Min-jun" in proc.stdout and out.stat().st_size > 100_000
    assert cli("viz", "--out", str(out), "--since", "yesterday").returncode == 2
    assert cli("viz", "--out", str(out), "--focus", "nobody of that name").returncode == 1


def test_meetings_and_commitments_are_labelled_as_the_explorer_labels_them_and_met_has_no_arrow(corpus, store,
                                                                                                  tmp_path):
    from graph.explorer import api

    _, _, data = _render(corpus, tmp_path)
    labels = {n["label"] for n in data["nodes"]}
    assert f"{wc.TAM} – {wc.SOMSAK} · 5/3/2024 · {wc.QT}" in labels
    assert not any(lbl.startswith("meeting ") for lbl in labels), "a meeting labelled only 'meeting'"
    assert any(lbl.startswith(f"donate · {wc.QT}") for lbl in labels), sorted(labels)
    met = [e for e in data["edges"] if e["label"].startswith("MET")]
    assert met and all(e["arrows"] == "" for e in met)
    assert all(e["arrows"] == "to" for e in data["edges"] if e["label"].startswith("ATTENDED"))
    # the served explorer gives the same captions for the same nodes
    tam = next(s.id for s in api.search(store, wc.TAM) if s.name == wc.TAM)
    explorer = {n.caption for n in api.ego(store, tam).nodes if n.label in ("Meeting", "Commitment")}
    assert explorer and explorer <= labels
