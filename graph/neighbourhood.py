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

from graph.store import load_cypher
from ontology.identity import fold
from ontology.model import check_label, check_rel

_NEIGHBOURS = load_cypher("neighbours")
_NODES = load_cypher("nodes_by_id")
_FOCUS = load_cypher("nodes_by_key")
_TOP = load_cypher("most_connected_nodes")
_COUNT = load_cypher("count_drawable")
_AMONG = load_cypher("rels_among")
_RELS = load_cypher("rels_by_key")


def _by_label(store, template: str, ids_by_label: dict[str, set[str]], **params) -> list[dict]:
    rows: list[dict] = []
    for label in sorted(ids_by_label):
        ids = sorted(ids_by_label[label])
        if ids:
            rows += store.read(template.replace("__LABEL__", check_label(label)), ids=ids, **params)
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
        grouped: dict[str, set[str]] = defaultdict(set)
        for node_id, label in frontier.items():
            grouped[label].add(node_id)
        found: dict[str, str] = {}
        for r in _by_label(store, _NEIGHBOURS, grouped, documents=documents, types=types):
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
    grouped = defaultdict(set)
    for node_id, label in labels.items():
        grouped[label].add(node_id)
    g = nx.MultiDiGraph()
    if len(labels) < total:
        g.graph["total"] = total
    for r in _by_label(store, _NODES, grouped):
        g.add_node(r["id"], **{k: v for k, v in (r["props"] or {}).items() if k not in drop}, label=r["label"])
    wanted: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for (a, b, rel_type, key), (la, lb) in sorted(edges.items()):
        if a in g and b in g:
            wanted[(rel_type, la, lb)].append({"a": a, "b": b, "key": key})
    for (rel_type, la, lb), rows in sorted(wanted.items()):
        check_rel(rel_type, la, lb)
        text = _RELS.replace("__TYPE__", rel_type).replace("__FROM__", check_label(la)).replace("__TO__", check_label(lb))
        for r in store.read(text, rows=rows):
            props = dict(r["props"] or {})
            k = g.add_edge(r["a"], r["b"], key=f"{r['type']}|{props.get('key', '')}")
            g.edges[r["a"], r["b"], k].update(props, type=r["type"])
    return g


def drawable_nodes(store, documents: bool = False) -> int:
    return store.read(_COUNT, documents=documents)[0]["nodes"]


def load_most_connected(store, limit: int, documents: bool = False, types: list[str] | None = None,
                        drop: frozenset[str] = frozenset()) -> nx.MultiDiGraph:
    """The ``limit`` most connected nodes (ranked by the server as the HTML view ranks them) and the
    relationships among them."""
    top = store.read(_TOP, limit=limit, documents=documents, types=types)
    grouped: dict[str, set[str]] = defaultdict(set)
    for r in top:
        grouped[r["label"]].add(r["id"])
    g = nx.MultiDiGraph()
    for r in _by_label(store, _NODES, grouped):
        g.add_node(r["id"], **{k: v for k, v in (r["props"] or {}).items() if k not in drop}, label=r["label"])
    among = sorted(g)
    for r in sorted(_by_label(store, _AMONG, grouped, among=among, documents=documents, types=types),
                    key=lambda r: (r["a"], r["b"], r["type"], str((r["props"] or {}).get("key", "")))):
        props = dict(r["props"] or {})
        k = g.add_edge(r["a"], r["b"], key=f"{r['type']}|{props.get('key', '')}")
        g.edges[r["a"], r["b"], k].update(props, type=r["type"])
    return g
