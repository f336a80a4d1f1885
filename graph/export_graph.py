"""GraphML and GEXF exports (for Gephi, yEd, networkx): the whole store, Documents included.

Both formats hold only scalar attribute values: lists become JSON strings, None is
dropped, and an attribute whose type varies between elements is written as text.
Nodes are labelled by name (Gephi and yEd show ``label``), with the ontology label as ``type``.
Every string is made safe for XML 1.0: a character XML cannot hold (a control character in a
file name or document id) is written as its escape (``\x1b``), the rest of the text kept as is.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import networkx as nx

from graph.analytics import load_graph

_SCALARS = (bool, int, float, str)
# What XML 1.0 cannot hold at all: C0 controls but tab, newline and return; surrogates; U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with each character XML 1.0 cannot hold written as its Python escape (``\x07``)."""
    return _NOT_XML.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"), text)


def _scalar(v):
    if isinstance(v, (list, tuple, dict)):
        v = json.dumps(v, ensure_ascii=False, default=str)
    elif not isinstance(v, _SCALARS):
        v = str(v)
    return xml_safe(v) if isinstance(v, str) else v


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
    """The whole store as a MultiDiGraph with export-safe ids and attributes: ``label`` is the node's name
    (a Document's title, else its id), ``type`` its ontology label; an edge's ``label`` is its type."""
    return export_ready(load_graph(store, documents=True))


def export_ready(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``g`` (as ``load_graph`` gives it) with names as labels and every id and string XML-safe."""
    for node, d in g.nodes(data=True):
        d["type"] = d.pop("label", "")
        d.setdefault("name", "")
        d["label"] = d.get("name") or d.get("title") or d.get("id") or str(node)
    _flatten(d for _, d in g.nodes(data=True))
    for *_, d in g.edges(keys=True, data=True):
        d["label"] = d.get("type", "")
    _flatten(d for *_, d in g.edges(keys=True, data=True))
    unsafe = {n: xml_safe(n) for n in g if isinstance(n, str) and xml_safe(n) != n}
    if unsafe:
        g = nx.relabel_nodes(g, unsafe, copy=True)
    keys = [(a, b, k) for a, b, k in g.edges(keys=True) if isinstance(k, str) and xml_safe(k) != k]
    for a, b, k in keys:                        # edge keys too: GraphML writes them as edge ids
        data = dict(g.edges[a, b, k])
        g.remove_edge(a, b, k)
        g.add_edge(a, b, xml_safe(k))
        g.edges[a, b, xml_safe(k)].update(data)
    return g


def write_graphml(store, out: Path) -> tuple[int, int]:
    g = export_graph(store)
    out.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(g, out, encoding="utf-8", named_key_ids=True)
    return g.number_of_nodes(), g.number_of_edges()


def write_gexf(store, out: Path) -> tuple[int, int]:
    g = export_graph(store)
    out.parent.mkdir(parents=True, exist_ok=True)
    nx.write_gexf(g, out, encoding="utf-8")
    return g.number_of_nodes(), g.number_of_edges()
