"""Batched, all-or-nothing writes of projected documents.

A batch of whole documents goes in one transaction (fast: ~100 documents per
commit); if that transaction fails, each document is retried alone so one bad
document costs nothing else. Within a transaction: nodes label by label, then
relationships group by group, each as one ``UNWIND $rows`` MERGE.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from graph.store import Neo4jStore, StoreError, load_cypher
from ontology.model import check_label, check_rel
from ontology.projection import GraphBatch

_NODE_TEMPLATE = load_cypher("merge_nodes")
_REL_TEMPLATE = load_cypher("merge_rels")
_NODE_ORDER = ("Document", "Province", "Country", "ForeignLocality", "InternationalOrganization",
               "DiplomaticMission", "NGO", "Company", "Organization", "Person", "Post", "Meeting", "Commitment")


def node_statement(label: str) -> str:
    return _NODE_TEMPLATE.replace("__LABEL__", check_label(label))


def rel_statement(rel_type: str, start: str, end: str) -> str:
    check_rel(rel_type, start, end)
    return (_REL_TEMPLATE.replace("__TYPE__", rel_type).replace("__FROM__", check_label(start))
            .replace("__TO__", check_label(end)))


@dataclass
class WriteResult:
    written: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    nodes: int = 0
    relationships: int = 0


def _write_batch(tx, batch: GraphBatch) -> None:
    for label in sorted(batch.nodes, key=lambda l: (_NODE_ORDER.index(l) if l in _NODE_ORDER else 99, l)):
        rows = batch.nodes[label]
        if rows:
            tx.run(node_statement(label), rows=rows).consume()
    for (rel_type, start, end) in sorted(batch.rels):
        rows = batch.rels[(rel_type, start, end)]
        if rows:
            tx.run(rel_statement(rel_type, start, end), rows=rows).consume()


class GraphWriter:
    """Writes ``(doc_id, GraphBatch)`` pairs; a document is either all in or not at all."""

    def __init__(self, store: Neo4jStore):
        self.store = store

    def write(self, docs: list[tuple[str, GraphBatch]]) -> WriteResult:
        result = WriteResult()
        if not docs:
            return result
        merged = GraphBatch()
        for _, b in docs:
            merged.extend(b)
        try:
            self.store.write_tx(lambda tx: _write_batch(tx, merged))
            done = docs
        except StoreError:
            done = []
            for doc_id, b in docs:            # find the culprit; the rest still land
                try:
                    self.store.write_tx(lambda tx, b=b: _write_batch(tx, b))
                    done.append((doc_id, b))
                except StoreError as e:
                    result.failed[doc_id] = str(e)
        for doc_id, b in done:
            n, r = b.counts()
            result.written.append(doc_id)
            result.nodes += n
            result.relationships += r
        return result
