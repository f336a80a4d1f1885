"""The graph (or a part) as networkx, and the network measures analysts ask for:
degree and betweenness centrality, and communities (seeded Louvain, so runs repeat).

Reading is two fixed read-only statements with parameters; everything after that is
networkx, so the same code serves the HTML view, the exports and the CLI.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

# Documents and their EVIDENCED_BY links only when asked: they tie every fact to its article,
# which is provenance, not part of the network an analyst explores.
_NODES = """
MATCH (n)
WHERE $documents OR NOT n:Document
RETURN n.id AS id, labels(n)[0] AS label, properties(n) AS props
"""
_RELS = """
MATCH (a)-[r]->(b)
WHERE ($documents OR (type(r) <> 'EVIDENCED_BY' AND NOT a:Document AND NOT b:Document))
  AND ($types IS NULL OR type(r) IN $types)
RETURN a.id AS a, b.id AS b, type(r) AS type, properties(r) AS props
"""
_NO_TEXT = frozenset({"text"})
SEED = 42


def load_graph(store, documents: bool = False, types: list[str] | None = None,
               drop: frozenset[str] = frozenset()) -> nx.MultiDiGraph:
    """Nodes keyed by graph id with ``label`` plus their properties; edges keyed ``TYPE|key``
    with ``type`` plus their properties. ``drop`` names node properties to leave out."""
    g = nx.MultiDiGraph()
    add_nodes(g, store.read(_NODES, documents=documents), drop)
    add_rels(g, store.read(_RELS, documents=documents, types=types))
    return g


def add_nodes(g: nx.MultiDiGraph, rows: list[dict], drop: frozenset[str] = frozenset()) -> None:
    """Node rows {id, label, props} into ``g``: keyed by id, ``label`` plus the properties not dropped."""
    for r in rows:
        g.add_node(r["id"], **{k: v for k, v in (r["props"] or {}).items() if k not in drop}, label=r["label"])


def add_rels(g: nx.MultiDiGraph, rows: list[dict]) -> None:
    """Relationship rows {a, b, type, props} between nodes of ``g``: keyed ``TYPE|key``, ``type`` plus
    the properties."""
    for r in rows:
        if r["a"] in g and r["b"] in g:
            props = dict(r["props"] or {})
            k = g.add_edge(r["a"], r["b"], key=f"{r['type']}|{props.get('key', '')}")
            g.edges[r["a"], r["b"], k].update(props, type=r["type"])


def simple_view(g: nx.MultiDiGraph) -> nx.Graph:
    """Undirected simple graph for the measures; ``weight`` counts the relationships merged."""
    s = nx.Graph()
    s.add_nodes_from(g.nodes(data=True))
    for a, b in g.edges():
        if a == b:
            continue
        if s.has_edge(a, b):
            s[a][b]["weight"] += 1
        else:
            s.add_edge(a, b, weight=1)
    return s


@dataclass
class Analytics:
    degree: list[dict] = field(default_factory=list)
    betweenness: list[dict] = field(default_factory=list)
    communities: list[dict] = field(default_factory=list)
    nodes: int = 0
    edges: int = 0


def _row(g: nx.Graph, n: str, score: float) -> dict:
    d = g.nodes[n]
    return {"name": d.get("name") or n, "label": d.get("label"), "score": round(float(score), 4),
            "degree": g.degree(n)}


def analyse(g: nx.MultiDiGraph, top: int = 10, labels: set[str] | None = None, seed: int = SEED) -> Analytics:
    """Top ``top`` nodes by degree and betweenness centrality (optionally only of ``labels``),
    and Louvain communities with their largest members. Deterministic for a given seed."""
    s = simple_view(g)
    out = Analytics(nodes=s.number_of_nodes(), edges=s.number_of_edges())
    if not s.number_of_nodes():
        return out
    keep = [n for n in s if labels is None or s.nodes[n].get("label") in labels]
    deg = nx.degree_centrality(s)
    # exact betweenness is O(nm): sample a fixed, seeded set of sources on big graphs
    k = None if s.number_of_nodes() <= 1500 else 500
    btw = nx.betweenness_centrality(s, k=k, seed=seed)
    order = lambda m: sorted(keep, key=lambda n: (-m[n], str(s.nodes[n].get("name") or n)))[:top]  # noqa: E731
    out.degree = [_row(s, n, deg[n]) for n in order(deg)]
    out.betweenness = [_row(s, n, btw[n]) for n in order(btw)]
    comms = nx.community.louvain_communities(s, weight="weight", seed=seed)
    comms = sorted(comms, key=lambda c: (-len(c), min(map(str, c))))
    for i, c in enumerate(comms[:top]):
        members = sorted(c, key=lambda n: (-s.degree(n), str(s.nodes[n].get("name") or n)))
        out.communities.append({"community": i + 1, "size": len(c),
                                "members": [s.nodes[n].get("name") or n for n in members[:8]]})
    return out


def communities_of(g: nx.MultiDiGraph, seed: int = SEED) -> dict[str, int]:
    """Node id -> community number (1 = largest), for colouring or export."""
    s = simple_view(g)
    comms = sorted(nx.community.louvain_communities(s, weight="weight", seed=seed),
                   key=lambda c: (-len(c), min(map(str, c))))
    return {n: i + 1 for i, c in enumerate(comms) for n in c}
