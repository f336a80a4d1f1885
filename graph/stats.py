"""Counts of nodes by label and relationships by type."""
from __future__ import annotations

from graph.store import Neo4jStore, load_cypher


def stats(store: Neo4jStore) -> dict:
    nodes = {r["label"]: r["count"] for r in store.read(load_cypher("count_nodes"))}
    rels = {r["type"]: r["count"] for r in store.read(load_cypher("count_rels"))}
    return {"nodes": dict(sorted(nodes.items())), "relationships": dict(sorted(rels.items()))}


def totals(store: Neo4jStore) -> tuple[int, int]:
    """(nodes, relationships) in the store, as an ingest reports before and after."""
    row = store.read(load_cypher("totals"))[0]
    return row["nodes"], row["relationships"]
