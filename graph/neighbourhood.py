"""The part of the store within a few hops of a named node, as networkx: what `dipkg viz --focus`
draws, read hop by hop through the id indexes instead of loading the whole graph first (at 100,000
documents that is ~450,000 nodes and millions of relationships for a page of a few hundred).

The result is what ``graph.analytics.load_graph`` would give restricted to the nodes within ``hops``
of the focus, except the relationships between two nodes of the outer ring: reading those would walk
every hub's whole edge list (a country is linked to every document that names it), and the page shows
the rings around the focus, not the ties between its farthest nodes.
"""
from __future__ import annotations

from collections import defaultdict

import networkx as nx

from graph.store import load_cypher
from ontology.identity import fold
from ontology.model import check_label

_NEIGHBOURS = load_cypher("neighbours")
_NODES = load_cypher("nodes_by_id")
_FOCUS = load_cypher("nodes_by_key")


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
                       drop: frozenset[str] = frozenset()) -> nx.MultiDiGraph:
    """Nodes within ``hops`` of the nodes named ``name`` (see ``focus_nodes``) and the relationships
    walked to reach them; node and edge attributes as in ``load_graph``. Empty if nothing is named so."""
    labels = focus_nodes(store, name)
    edges: dict[tuple, dict] = {}
    frontier = dict(labels)
    for _ in range(max(hops, 0)):
        grouped: dict[str, set[str]] = defaultdict(set)
        for node_id, label in frontier.items():
            grouped[label].add(node_id)
        found: dict[str, str] = {}
        for r in _by_label(store, _NEIGHBOURS, grouped, documents=documents, types=types):
            props = dict(r["props"] or {})
            edges[(r["a"], r["b"], f"{r['type']}|{props.get('key', '')}")] = {**props, "type": r["type"]}
            if r["other"] not in labels:
                found[r["other"]] = r["label"]
        labels.update(found)
        frontier = found
    grouped = defaultdict(set)
    for node_id, label in labels.items():
        grouped[label].add(node_id)
    g = nx.MultiDiGraph()
    for r in _by_label(store, _NODES, grouped):
        g.add_node(r["id"], **{k: v for k, v in (r["props"] or {}).items() if k not in drop}, label=r["label"])
    for (a, b, k), props in sorted(edges.items()):
        if a in g and b in g:
            g.edges[a, b, g.add_edge(a, b, key=k)].update(props)
    return g
