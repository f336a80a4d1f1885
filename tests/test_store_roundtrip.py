"""The write path against the real embedded server: all-or-nothing, idempotent, literal."""
from __future__ import annotations

import pytest

from graph.stats import stats
from graph.writer import GraphWriter
from ontology.facts import CommitmentFact, Extraction, MeetingFact, PartnerFact, PersonFact, ProvinceFact, Span
from ontology.projection import project
from queries.runner import run

pytestmark = pytest.mark.integration


def _doc(doc_id: str, host: str = "Trần Văn Tâm", guest: str = "Somsak Phommachanh") -> Extraction:
    text = f"Chiều 5/3/2024, Chủ tịch UBND tỉnh Quảng Trị {host} tiếp ông {guest}, Tỉnh trưởng tỉnh Savannakhet (Lào)."
    s = Span(doc_id, 0, len(text), text)
    return Extraction(
        doc=doc_id, text=text, lang="vi", date="2024-03-05",
        persons=(PersonFact(host, ("Chủ tịch UBND tỉnh Quảng Trị",), "vietnam", s, province="Quảng Trị"),
                 PersonFact(guest, ("Tỉnh trưởng tỉnh Savannakhet",), "foreign", s, country="Lào")),
        provinces=(ProvinceFact("Quảng Trị", "Quảng Trị", s),),
        partners=(PartnerFact("Lào", "country", s, country="LA"),
                  PartnerFact("tỉnh Savannakhet", "foreign_locality", s, country="LA")),
        meetings=(MeetingFact(((host,), (guest,)), (host, guest), s, date="2024-03-05", location="Quảng Trị"),),
        commitments=(CommitmentFact((host,), "Lào", "support", text, s),),
    )


def test_ingest_twice_changes_nothing(empty_store):
    w = GraphWriter(empty_store)
    w.write([("a1", project(_doc("a1")))])
    first = stats(empty_store)
    w.write([("a1", project(_doc("a1")))])
    assert stats(empty_store) == first
    assert first["nodes"]["Person"] == 2 and first["relationships"]["MET"] == 1


def test_who_met_folds_names_and_reports_source(empty_store):
    GraphWriter(empty_store).write([("a2", project(_doc("a2")))])
    rows = run(empty_store, "who_met", {"person": "TRAN VAN TAM"})
    assert [(r["name"], r["doc"], r["date"]) for r in rows] == [("Somsak Phommachanh", "a2", "2024-03-05")]


def test_metacharacters_are_stored_literally(empty_store):
    evil = "O'Brien `x` {$y} // <script>alert(1)</script>"
    GraphWriter(empty_store).write([("a3", project(_doc("a3", guest=evil)))])
    rows = run(empty_store, "who_met", {"person": "Trần Văn Tâm"})
    assert rows[0]["name"] == evil


def test_every_relationship_has_evidence(empty_store):
    GraphWriter(empty_store).write([("a4", project(_doc("a4")))])
    missing = empty_store.read("MATCH ()-[r]->() WHERE r.evidence IS NULL OR size(r.evidence) = 0 RETURN count(r) AS n")
    assert missing[0]["n"] == 0


def test_hub_keeps_a_sample_inline_and_every_document_on_its_links(empty_store):
    """A province named in many documents keeps only EVIDENCE_SAMPLE ids and spans inline (so a batch
    does not rewrite a list as long as the corpus), the first seen, unchanged by a re-ingest; its
    EVIDENCED_BY links, `find` and the RDF export still count every document."""
    from rdflib.namespace import PROV

    from graph.config import EVIDENCE_SAMPLE
    from graph.store import load_cypher
    from ontology.rdf import build_graph, node_iri

    n = EVIDENCE_SAMPLE + 7
    docs = [(f"h{i:03d}", project(_doc(f"h{i:03d}"))) for i in range(n)]
    w = GraphWriter(empty_store)
    w.write(docs[:10])
    w.write(docs[10:])
    w.write(docs[:3])                                     # again: nothing changes
    prov = empty_store.read("MATCH (p:Province) RETURN p.docs AS docs, p.evidence AS ev, "
                            "COUNT { (p)-[:EVIDENCED_BY]->() } AS links")
    assert len(prov) == 1
    assert prov[0]["docs"] == [d for d, _ in docs[:EVIDENCE_SAMPLE]]
    assert len(prov[0]["ev"]) == EVIDENCE_SAMPLE and prov[0]["links"] == n
    found = [r for r in run(empty_store, "find", {"text": "quang tri"}) if r["label"] == "Province"]
    assert found[0]["documents"] == n
    deals = empty_store.read("MATCH (:Province)-[d:DEALS_WITH]->(:Country) RETURN d.docs AS docs, d.evidence AS ev")
    assert len(deals[0]["docs"]) == n and len(deals[0]["ev"]) == EVIDENCE_SAMPLE
    g = build_graph(empty_store.read(load_cypher("export_nodes")), empty_store.read(load_cypher("export_rels")))
    province = node_iri(empty_store.read("MATCH (p:Province) RETURN p.id AS id")[0]["id"])
    assert len(set(g.objects(province, PROV.wasDerivedFrom))) == n


def test_relationship_statements_look_up_then_create_and_keep_the_documents_their_type_needs():
    from graph.config import EVIDENCE_SAMPLE
    from graph.writer import doc_cap, rel_statement

    deals = rel_statement("DEALS_WITH", "Province", "Country")
    assert "OPTIONAL MATCH (a)-[old:DEALS_WITH {key: row.key}]->(b)" in deals
    assert "MATCH (a:Province {id: row.a})" in deals and "__" not in deals
    assert doc_cap("IN_PROVINCE") == EVIDENCE_SAMPLE and doc_cap("DEALS_WITH") > 10 ** 9
