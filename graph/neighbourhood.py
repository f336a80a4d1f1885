"""Parts of the store as networkx, read through the id indexes instead of loading the whole graph
first (at 100,000 documents that is ~450,000 nodes and millions of relationships for a page of a few
hundred): the rings within a few hops of a named node (`dipkg viz --focus`), hop by hop, and the most
connected nodes when the whole graph is too big to draw.

For a focus, the result is what ``graph.analytics.load_graph`` gives restricted to the nodes within ``hops``
of the focus, except the relationships between two nodes of the outer ring: reading those would walk
every hub's whole edge list (a country is linked to every document that names it), and the page shows
the rings around the focus, not the ties between its farthest nodes.
"""
from __future__ import annotations

from collections import Counter, defaultdict

import networkx as nx

from graph.analytics import add_nodes, add_rels
from graph.store import fill, load_cypher
from ontology.identity import fold

_NEIGHBOURS = load_cypher("neighbours")
_NODES = load_cypher("nodes_by_id")
_FOCUS = load_cypher("nodes_by_key")
_TOP = load_cypher("most_connected_nodes")
_COUNT = load_cypher("count_drawable")
_AMONG = load_cypher("rels_among")
_RELS = load_cypher("rels_by_key")


def _by_label(store, template: str, labels: dict[str, str], **params) -> list[dict]:
    """``template`` run once per label for the ids of ``labels`` (id → label) with that label."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for node_id, label in sorted(labels.items()):
        grouped[label].append(node_id)
    rows: list[dict] = []
    for label, ids in sorted(grouped.items()):
        rows += store.read(fill(template, label=label), ids=ids, **params)
    return rows


def focus_nodes(store, name: str) -> dict[str, str]:
    """id → label of the named nodes whose key is ``name`` folded, else whose key contains it."""
    key = fold(name)
    if not key:
        return {}
    rows = store.read(_FOCUS, key=key, partial=False) or store.read(_FOCUS, key=key, partial=True)
    return {r["id"]: r["label"] for r in rows}


def load_neighbourhood(store, name: str, hops: int, documents: bool = False, types: list[str] | None = None,
                       drop: frozenset[str] = frozenset(), max_nodes: int | None = None) -> nx.MultiDiGraph:
    """Nodes within ``hops`` of the nodes named ``name`` (see ``focus_nodes``) and the relationships
    walked to reach them; node and edge attributes as in ``load_graph``. Empty if nothing is named so.

    The rings are walked with ids only; past ``max_nodes`` the closest and then most connected nodes
    are kept (the HTML view's rule; then ``g.graph["total"]`` says how many there were), and properties are
    read for what is kept."""
    labels = focus_nodes(store, name)
    dist = dict.fromkeys(labels, 0)
    edges: dict[tuple[str, str, str, str], tuple[str, str]] = {}      # (a, b, type, key) -> end labels
    frontier = dict(labels)
    for hop in range(1, max(hops, 0) + 1):
        found: dict[str, str] = {}
        for r in _by_label(store, _NEIGHBOURS, frontier, documents=documents, types=types):
            edges[(r["a"], r["b"], r["type"], r["key"] or "")] = (r["a_label"], r["b_label"])
            if r["other"] not in labels:
                found[r["other"]] = r["label"]
        for node_id in found:
            dist.setdefault(node_id, hop)
        labels.update(found)
        frontier = found
    total = len(labels)
    if max_nodes is not None and total > max_nodes:
        degree: Counter = Counter()
        for a, b, *_ in edges:
            degree[a] += 1
            degree[b] += 1
        keep = sorted(labels, key=lambda n: (dist[n], -degree[n], n))[:max_nodes]
        labels = {n: labels[n] for n in keep}
    g = nx.MultiDiGraph()
    if len(labels) < total:
        g.graph["total"] = total
    add_nodes(g, _by_label(store, _NODES, labels), drop)
    wanted: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for (a, b, rel_type, key), (la, lb) in sorted(edges.items()):
        if a in g and b in g:
            wanted[(rel_type, la, lb)].append({"a": a, "b": b, "key": key})
    for rel, rows in sorted(wanted.items()):
        add_rels(g, store.read(fill(_RELS, rel=rel), rows=rows))
    return g


def drawable_nodes(store, documents: bool = False) -> int:
    return store.read(_COUNT, documents=documents)[0]["nodes"]


def load_most_connected(store, limit: int, documents: bool = False, types: list[str] | None = None,
                        drop: frozenset[str] = frozenset()) -> nx.MultiDiGraph:
    """The ``limit`` most connected nodes (ranked by the server as the HTML view ranks them) and the
    relationships among them."""
    top = {r["id"]: r["label"] for r in store.read(_TOP, limit=limit, documents=documents, types=types)}
    g = nx.MultiDiGraph()
    add_nodes(g, _by_label(store, _NODES, top), drop)
    rels = _by_label(store, _AMONG, top, among=sorted(top), documents=documents, types=types)
    add_rels(g, sorted(rels, key=lambda r: (r["a"], r["b"], r["type"], str((r["props"] or {}).get("key", "")))))
    return g
