"""`dipkg export rdf`: parses, conforms to the SHACL shapes, valid IRIs for any name, evidence on every
fact, and the same store gives the same bytes."""
from __future__ import annotations

import re

import pytest
import rdflib
from rdflib import RDF, URIRef
from rdflib.compare import isomorphic

from ontology.rdf import DIPKG, build_graph, export_rdf, node_iri, read_store, serialize, validate
from tests import workbench_corpus as wb
from tests.identity_corpus import odd_names, son_en, son_vi, write

pytestmark = pytest.mark.integration

# RFC 3987 forbids these in an IRI (besides controls); % must start a pct-encoding
_BAD_IRI = re.compile(r"[\s<>\"{}|\\^`\x00-\x1f\x7f]|%(?![0-9A-Fa-f]{2})")


@pytest.fixture
def filled(empty_store):
    write(empty_store, wb.corpus() + [wb.evil(), son_vi(), son_en(), odd_names()])
    return empty_store


def test_export_parses_and_conforms_to_the_shapes(filled, tmp_path):
    out = tmp_path / "g.ttl"
    n, t = export_rdf(filled, out, "turtle")
    g = rdflib.Graph().parse(out, format="turtle")
    assert len(g) == t and n > 20
    conforms, report = validate(g)
    assert conforms, report
    # every label and relationship of the store is there
    labels = {str(o).rsplit("#", 1)[1] for o in g.objects(None, RDF.type) if str(o).startswith(str(DIPKG))}
    assert {"Person", "Post", "Meeting", "Commitment", "Document", "Province", "Country", "Assertion"} <= labels
    preds = set(g.predicates())
    for p in ("holds", "postIn", "attended", "met", "madeBy", "madeTo", "evidencedBy", "mergedInto", "heldIn"):
        assert DIPKG[p] in preds, p


def test_every_relationship_is_reified_with_evidence_and_quote(filled):
    g = build_graph(*read_store(filled))
    rels = filled.read("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
    assertions = list(g.subjects(RDF.type, DIPKG.Assertion))
    assert len(assertions) == rels
    missing = g.query("""
        PREFIX dipkg: <https://w3id.org/dipkg/vocab#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?a WHERE { ?a a dipkg:Assertion .
          FILTER NOT EXISTS { ?a dipkg:evidence ?e . ?a dipkg:quote ?q . ?a prov:wasDerivedFrom ?d } }""")
    assert len(missing) == 0


def test_iris_are_valid_for_quotes_spaces_and_non_latin_names(filled, tmp_path):
    ex = odd_names()
    iri = node_iri(ex.doc)
    assert not _BAD_IRI.search(str(iri))
    g = build_graph(*read_store(filled))
    for term in {x for tr in g for x in tr if isinstance(x, URIRef)}:
        assert not _BAD_IRI.search(str(term)), term
    # the odd document and the Lao and Chinese names survive a round trip in both formats
    assert (iri, RDF.type, DIPKG.Document) in g
    names = {str(o) for o in g.objects(None, rdflib.RDFS.label)}
    assert {"ສອນໄຊ ສີພັນດອນ", "王小明", "\"O'Neil\" Trần", "<script>alert(1)</script>"} <= names
    for fmt in ("turtle", "json-ld"):
        back = rdflib.Graph().parse(data=serialize(g, fmt), format=fmt)
        assert isomorphic(back, g), fmt


def test_same_store_gives_the_same_bytes(filled, cli, tmp_path):
    for fmt, ext in (("turtle", "ttl"), ("json-ld", "jsonld")):
        a, b = tmp_path / f"a.{ext}", tmp_path / f"b.{ext}"
        cli("export", "rdf", "--out", str(a), "--format", fmt, check=True)        # separate processes:
        cli("export", "rdf", "--out", str(b), "--format", fmt, check=True)        # different hash seeds
        assert a.read_bytes() == b.read_bytes(), fmt
        assert len(rdflib.Graph().parse(a, format=fmt)) > 100


def test_shapes_catch_a_fact_without_evidence(filled):
    g = build_graph(*read_store(filled))
    person = next(g.subjects(RDF.type, DIPKG.Person))
    g.remove((person, DIPKG.evidence, None))
    conforms, report = validate(g)
    assert not conforms and "evidence" in report


def test_export_stands_on_its_own_vocabulary_alignments_and_document_metadata(empty_store):
    """The export carries the vocabulary with its ORG / schema.org / PROV alignments, the aligned types on
    each node, English names as @en labels, and the Document's metadata properties."""
    from graph.writer import GraphWriter
    from ontology.projection import NodeRow, project

    ex = wb.w1()
    batch = project(ex, "https://news.example/w1")
    [doc_row] = batch.nodes["Document"]
    batch.nodes["Document"] = [NodeRow(doc_row.id, doc_row.doc, {**doc_row.props, "url": "https://news.example/w1",
                                       "outlet": "Báo Mẫu", "published": "2024-03-06", "hash": "abc123"})]
    GraphWriter(empty_store).write([(ex.doc, batch)])
    g = build_graph(*read_store(empty_store))
    SCHEMA, ORG, PROV = (rdflib.Namespace(x) for x in ("https://schema.org/", "http://www.w3.org/ns/org#",
                                                       "http://www.w3.org/ns/prov#"))
    RDFS = rdflib.RDFS
    assert (DIPKG.Person, RDFS.subClassOf, SCHEMA.Person) in g           # the vocabulary is in the export
    assert (DIPKG.holds, RDFS.subPropertyOf, ORG.holds) in g
    doc = node_iri("w1")
    assert (doc, RDF.type, SCHEMA.NewsArticle) in g and (doc, RDF.type, PROV.Entity) in g
    assert (doc, SCHEMA.url, rdflib.Literal("https://news.example/w1")) in g
    assert (doc, DIPKG.contentHash, rdflib.Literal("abc123")) in g
    assert any(str(o) == "Báo Mẫu" for o in g.objects(doc, rdflib.URIRef("http://purl.org/dc/terms/publisher")))
    assert str(g.value(doc, SCHEMA.datePublished)) == "2024-03-06"
    persons = set(g.subjects(RDF.type, DIPKG.Person))
    assert persons and all((p, RDF.type, SCHEMA.Person) in g for p in persons)
    laos = [c for c in g.subjects(RDF.type, DIPKG.Country)]
    assert any(rdflib.Literal("Laos", lang="en") in set(g.objects(c, RDFS.label)) for c in laos)
    conforms, report = validate(g)
    assert conforms, report
