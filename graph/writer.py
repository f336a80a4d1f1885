"""Batched, all-or-nothing writes of projected documents.

A batch of whole documents goes in one transaction (``graph.config.BATCH_SIZE``
documents per commit); if that transaction fails, each document is retried alone so
one bad document costs nothing else. A store that cannot be used at all (``StoreUnavailable``)
stops the write at once: every document committed before it is whole, the rest are
absent, and running the same ingest again completes it. Within a transaction: nodes label by label, then
relationships group by group, each group one ``UNWIND $rows`` statement.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from graph.config import DOCS_SAMPLED_TYPES, EVIDENCE_SAMPLE
from graph.store import Neo4jStore, StoreError, StoreUnavailable, fill, load_cypher
from graph.versions import drop_replaced
from ontology.projection import GraphBatch, NodeRow, RelRow

_NODE_TEMPLATE = load_cypher("merge_nodes")
_REL_TEMPLATE = load_cypher("merge_rels")
_PERSON_OFFICES = load_cypher("person_offices")
_NODE_ORDER = ("Document", "Province", "Country", "ForeignLocality", "ForeignBody", "InternationalOrganization",
               "DiplomaticMission", "NGO", "Company", "Organization", "Person", "Post", "Meeting", "Commitment")


# A node's EVIDENCED_BY links go in its own MERGE statement (see merge_nodes.cypher), written from the
# Document's end: ArcadeDB checks a relationship MERGE from the node written first, and a Country or
# Province is evidenced by every document that names it, a Document evidences a few dozen nodes.
_EVIDENCE = "EVIDENCED_BY"


def node_statement(label: str) -> str:
    return fill(_NODE_TEMPLATE, label=label)


def rel_statement(rel_type: str, start: str, end: str) -> str:
    return fill(_REL_TEMPLATE, rel=(rel_type, start, end))


_ALL_DOCS = 2 ** 31 - 1


def doc_cap(rel_type: str) -> int:
    """How many document ids a relationship of this type keeps (see ``graph.config.DOCS_SAMPLED_TYPES``)."""
    return EVIDENCE_SAMPLE if rel_type in DOCS_SAMPLED_TYPES else _ALL_DOCS


@dataclass
class WriteResult:
    written: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    nodes: int = 0
    relationships: int = 0


def _grouped_nodes(rows: list[NodeRow]) -> list[dict]:
    """One row per node id (the statement's parameter map): the first row's properties and quote, every
    document, alias and evidence reference (in order, once)."""
    out: dict[str, dict] = {}
    for r in rows:
        g = out.get(r.id)
        if g is None:
            g = out[r.id] = {"id": r.id, "props": dict(r.props), "docs": [], "aliases": [], "refs": [],
                             "quote": r.quote}
        if r.doc not in g["docs"]:
            g["docs"].append(r.doc)
        if r.alias is not None and r.alias not in g["aliases"]:
            g["aliases"].append(r.alias)
        if r.ref is not None and r.ref not in g["refs"]:       # evidence spans (doc#start-end)
            g["refs"].append(r.ref)
        g["quote"] = g["quote"] or r.quote
    return list(out.values())


def _grouped_rels(rows: list[RelRow]) -> list[dict]:
    """One row per (start, end, key) (the statement's parameter map): the first row's properties and quote,
    every document and evidence reference (once), and the earliest and latest date."""
    out: dict[tuple, dict] = {}
    for r in rows:
        k = (r.a, r.b, r.key)
        g = out.get(k)
        if g is None:
            g = out[k] = {"a": r.a, "b": r.b, "key": r.key, "props": dict(r.props), "quote": r.quote,
                          "docs": [], "refs": [], "first": None, "last": None}
        if r.doc not in g["docs"]:
            g["docs"].append(r.doc)
        if r.ref is not None and r.ref not in g["refs"]:
            g["refs"].append(r.ref)
        d = r.date
        if d is not None:
            g["first"] = d if g["first"] is None or d < g["first"] else g["first"]
            g["last"] = d if g["last"] is None or d > g["last"] else g["last"]
    return list(out.values())


@dataclass(frozen=True)
class Statement:
    """One statement of a batch's transaction: a fixed template and its parameter map."""

    query: str
    params: dict


@dataclass(frozen=True)
class WritePlan:
    """A batch's transaction, made before it opens: the documents that may replace an older version
    (``{id, sha}``, see graph/versions.py), then the statements in order.

    Why a plan: the transaction is the ingest's critical path (one at a time, the server busy
    with it), and grouping rows into parameter maps was a seventh of the writer thread's time. Planned in
    the ingest's main thread while the previous batch's transaction runs, the writer thread only
    sends (20,000 generated documents, py-spy: grouping 23 of the writer thread's 163 s)."""

    versions: tuple[dict, ...]
    statements: tuple[Statement, ...]


def plan_batch(batch: GraphBatch) -> WritePlan:
    """Nodes label by label, each with its evidence links; each person's office list; then relationships
    group by group, each group one ``UNWIND $rows`` statement."""
    versions = tuple({"id": r.id, "sha": r.props["sha"]} for r in batch.nodes.get("Document", ())
                     if r.props.get("sha"))
    statements: list[Statement] = []
    rels = dict(batch.rels)
    for label in sorted(batch.nodes, key=lambda l: (_NODE_ORDER.index(l) if l in _NODE_ORDER else 99, l)):
        rows = batch.nodes[label]
        if rows:
            nodes = _grouped_nodes(rows)
            links = _grouped_rels(rels.pop((_EVIDENCE, label, "Document"), []))
            by_node: dict[str, list[dict]] = {}
            for link in links:
                by_node.setdefault(link["a"], []).append(
                    {"doc": link["b"], **{k: link[k] for k in ("key", "props", "quote", "docs", "refs")}})
            for n in nodes:
                n["links"] = by_node.pop(n["id"], [])
            if by_node:                       # links to nodes this batch does not write: the generic path
                rels[(_EVIDENCE, label, "Document")] = [r for r in batch.rels[(_EVIDENCE, label, "Document")]
                                                        if r.a in by_node]
            statements.append(Statement(node_statement(label), {"rows": nodes, "cap": EVIDENCE_SAMPLE}))
    holds = batch.rels.get(("HOLDS", "Person", "Post"))
    if holds:                                 # each person's office list (see person_offices.cypher)
        statements.append(Statement(_PERSON_OFFICES, {
            "rows": [{"a": a, "b": b} for a, b in dict.fromkeys((r.a, r.b) for r in holds)]}))
    for (rel_type, start, end) in sorted(rels):
        rows = rels[(rel_type, start, end)]
        if rows:
            statements.append(Statement(rel_statement(rel_type, start, end), {
                "rows": _grouped_rels(rows), "cap": EVIDENCE_SAMPLE, "doc_cap": doc_cap(rel_type)}))
    return WritePlan(versions, tuple(statements))


def _run_plan(tx, plan: WritePlan) -> None:
    if plan.versions:                         # a changed source replaces its old version (graph/versions.py)
        drop_replaced(tx, list(plan.versions))
    for st in plan.statements:
        tx.run(st.query, st.params).consume()


def write_batch(tx, batch: GraphBatch) -> None:
    """``batch`` in the open transaction ``tx`` (planned here)."""
    _run_plan(tx, plan_batch(batch))


@dataclass(frozen=True)
class PreparedWrite:
    """Documents ready to write: each with its rows (for the one-by-one retry) and the whole batch's plan."""

    docs: tuple[tuple[str, GraphBatch], ...]
    plan: WritePlan


class GraphWriter:
    """Writes ``(doc_id, GraphBatch)`` pairs; a document is either all in or not at all."""

    def __init__(self, store: Neo4jStore):
        self.store = store

    @staticmethod
    def prepare(docs: list[tuple[str, GraphBatch]]) -> PreparedWrite:
        """The batch's statements (no store access: the ingest plans the next batch while one is written)."""
        merged = GraphBatch()
        for _, b in docs:
            merged.extend(b)
        return PreparedWrite(tuple(docs), plan_batch(merged))

    def write(self, docs: list[tuple[str, GraphBatch]]) -> WriteResult:
        return self.write_prepared(self.prepare(docs))

    def write_prepared(self, prepared: PreparedWrite) -> WriteResult:
        result = WriteResult()
        docs = list(prepared.docs)
        if not docs:
            return result
        try:
            self.store.write_tx(lambda tx: _run_plan(tx, prepared.plan))
            done = docs
        except StoreUnavailable:
            raise
        except StoreError as e:
            done = []
            if len(docs) == 1:
                result.failed[docs[0][0]] = f"the store refused the document: {e}"
            else:
                for item in docs:             # find the culprit; the rest still land
                    self._write_one(item, done, result)
        for doc_id, b in done:
            n, r = b.counts()
            result.written.append(doc_id)
            result.nodes += n
            result.relationships += r
        return result

    def _write_one(self, item: tuple[str, GraphBatch], done: list, result: WriteResult) -> None:
        doc_id, b = item
        try:
            plan = plan_batch(b)
            self.store.write_tx(lambda tx: _run_plan(tx, plan))
            done.append(item)
        except StoreUnavailable:
            raise
        except StoreError as e:
            result.failed[doc_id] = f"the store refused the document: {e}"
