"""networkx projection, centrality, communities and the GraphML/GEXF exports, on the real server."""
from __future__ import annotations

import networkx as nx
import pytest

from graph.analytics import analyse, communities_of, load_graph
from graph.export_graph import write_gexf, write_graphml
from graph.stats import totals
from tests import workbench_corpus as wc

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def corpus(store):
    wc.load(store)
    return store


def test_projection_leaves_out_provenance_unless_asked(corpus):
    g = load_graph(corpus)
    labels = {d["label"] for _, d in g.nodes(data=True)}
    assert "Document" not in labels and {"Person", "Meeting", "Province", "Country"} <= labels
    assert "EVIDENCED_BY" not in {d["type"] for *_, d in g.edges(data=True)}
    full = load_graph(corpus, documents=True)
    assert (full.number_of_nodes(), full.number_of_edges()) == totals(corpus)
    met = load_graph(corpus, types=["MET"])
    assert {d["type"] for *_, d in met.edges(data=True)} == {"MET"} and met.number_of_edges() == 6


def test_centrality_and_communities_are_deterministic(corpus):
    g = load_graph(corpus)
    a, b = analyse(g, top=5), analyse(g, top=5)
    assert a.degree == b.degree and a.betweenness == b.betweenness and a.communities == b.communities
    assert a.degree[0]["name"] == wc.QT                      # the busiest node of the corpus
    people = analyse(g, top=3, labels={"Person"})
    assert {r["label"] for r in people.degree} == {"Person"}
    assert people.betweenness[0]["name"] == wc.KIM           # the bridge between Quảng Trị and Đà Nẵng
    assert sum(c["size"] for c in a.communities) <= g.number_of_nodes() and len(a.communities) >= 2
    comm = communities_of(g)
    assert comm[_id(g, wc.TAM)] == comm[_id(g, wc.SOMSAK)]    # met twice: same community
    assert comm[_id(g, wc.TAM)] != comm[_id(g, wc.ITO)]


def _id(g, name):
    return next(n for n, d in g.nodes(data=True) if d.get("name") == name and d["label"] == "Person")


def test_graphml_loads_back_with_the_store_counts(corpus, tmp_path):
    out = tmp_path / "g.graphml"
    n, e = write_graphml(corpus, out)
    back = nx.read_graphml(out)
    assert (back.number_of_nodes(), back.number_of_edges()) == (n, e) == totals(corpus)
    tam = next(d for _, d in back.nodes(data=True) if d.get("name") == wc.TAM)
    assert tam["type"] == "Person" and tam["label"] == wc.TAM and '"w1"' in tam["docs"]   # lists become JSON text
    assert all(v is not None for _, d in back.nodes(data=True) for v in d.values())


def test_gexf_loads_back(corpus, tmp_path):
    out = tmp_path / "g.gexf"
    n, e = write_gexf(corpus, out)
    back = nx.read_gexf(out)
    assert back.number_of_nodes() == n == totals(corpus)[0] and back.number_of_edges() == e
    assert any(d.get("label") == wc.QT and d.get("type") == "Province" for _, d in back.nodes(data=True))


def test_cli_analytics_and_exports(corpus, cli, tmp_path):
    out = cli("analytics", "--top", "3", check=True).stdout
    assert "degree centrality" in out and "betweenness" in out and "communities" in out
    cli("export", "graphml", "--out", str(tmp_path / "x.graphml"), check=True)
    cli("export", "gexf", "--out", str(tmp_path / "x.gexf"), check=True)
    assert nx.read_graphml(tmp_path / "x.graphml").number_of_nodes() == totals(corpus)[0]
