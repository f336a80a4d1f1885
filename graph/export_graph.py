"""GraphML and GEXF exports (for Gephi, yEd, networkx): the whole store, Documents included.

Both formats hold only scalar attribute values: lists become JSON strings, None is
dropped, and an attribute whose type varies between elements is written as text.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import networkx as nx

from graph.analytics import load_graph

_SCALARS = (bool, int, float, str)


def _scalar(v):
    if isinstance(v, (list, tuple, dict)):
        return json.dumps(v, ensure_ascii=False, default=str)
    return v if isinstance(v, _SCALARS) else str(v)


def _flatten(items) -> None:
    """In place: scalars only, and one type per attribute name (else str)."""
    items = list(items)
    types: dict[str, set] = defaultdict(set)
    for d in items:
        for k, v in list(d.items()):
            if v is None:
                del d[k]
                continue
            d[k] = _scalar(v)
            types[k].add(type(d[k]))
    mixed = {k for k, t in types.items() if len(t) > 1}
    for d in items:
        for k in mixed & d.keys():
            d[k] = str(d[k])


def export_graph(store) -> nx.MultiDiGraph:
    """The whole store as a MultiDiGraph with export-safe attributes."""
    g = load_graph(store, documents=True)
    _flatten(d for _, d in g.nodes(data=True))
    for _, d in g.nodes(data=True):
        d.setdefault("name", "")
    _flatten(d for *_, d in g.edges(keys=True, data=True))
    return g


def write_graphml(store, out: Path) -> tuple[int, int]:
    g = export_graph(store)
    out.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(g, out, encoding="utf-8", named_key_ids=True)
    return g.number_of_nodes(), g.number_of_edges()


def write_gexf(store, out: Path) -> tuple[int, int]:
    g = export_graph(store)
    for _, d in g.nodes(data=True):            # Gephi shows "label"; keep the ontology label as "kind"
        d["kind"] = d.pop("label")
        d["label"] = d.get("name") or ""
    for *_, d in g.edges(keys=True, data=True):
        d["label"] = d.get("type", "")
    out.parent.mkdir(parents=True, exist_ok=True)
    nx.write_gexf(g, out, encoding="utf-8")
    return g.number_of_nodes(), g.number_of_edges()
