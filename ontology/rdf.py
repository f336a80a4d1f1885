"""The graph as RDF with the dipkg vocabulary (``ontology/dipkg.ttl``), for ``dipkg export rdf``.

- Every node is ``<https://w3id.org/dipkg/id/{id}>`` with its deterministic graph id
  percent-encoded (UTF-8, RFC 3987-safe), so any name or document id (spaces, quotes, Lao or
  Chinese script) gives a valid IRI.
- Every relationship is a direct triple (``a dipkg:holds b``) plus a reified
  ``dipkg:Assertion`` (an ``rdf:Statement``) that carries its evidence: the spans
  (``dipkg:evidence "doc#start-end"``), the quote, ``prov:wasDerivedFrom`` the documents, and
  the relationship's properties (dates, the identity decision on a person's evidence link…).
- Fact nodes carry their own evidence spans, quote and ``prov:wasDerivedFrom`` documents.
- The export stands on its own: it carries the vocabulary (``dipkg.ttl``: classes, properties and their
  alignments to ORG, schema.org and PROV), each node's aligned classes as explicit types (a
  ``dipkg:Person`` is also a ``schema:Person``; no reasoner needed), English names as ``@en`` labels,
  and each Document's metadata (title, outlet, url, publication date, source, content hash) under
  schema.org / Dublin Core terms.
- Serialisation is deterministic: triples are added in sorted order to a fresh graph with
  fixed prefixes, so the same store gives the same bytes.
"""
from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Protocol
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from ontology.model import KIND_NS, NODE_LABELS, PERSON_REST_KEYS, REL_TYPES, VOCAB_NS

DIPKG = Namespace(VOCAB_NS)
KIND = Namespace(KIND_NS)
ID = Namespace("https://w3id.org/dipkg/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
FORMATS = {"turtle": "turtle", "ttl": "turtle", "json-ld": "json-ld", "jsonld": "json-ld"}

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def rel_property(rel_type: str) -> URIRef:
    """HOLDS → dipkg:holds, POST_IN → dipkg:postIn (as declared in dipkg.ttl)."""
    head, *rest = rel_type.lower().split("_")
    return DIPKG[head + "".join(w.title() for w in rest)]


def node_iri(node_id: str) -> URIRef:
    """A valid IRI for any graph id: UTF-8 percent-encoding of everything but unreserved characters."""
    return ID[quote(str(node_id), safe="-._~")]


def assertion_iri(rel_type: str, a: str, b: str, key: str) -> URIRef:
    digest = hashlib.sha1("\x1f".join((rel_type, a, b, key or "")).encode("utf-8")).hexdigest()[:20]
    return ID[f"assertion/{digest}"]


def _literal(value) -> Literal:
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, float):
        return Literal(value, datatype=XSD.double)
    s = str(value)
    if _DATE.match(s):
        return Literal(s, datatype=XSD.date)
    return Literal(s)


# node property → predicate (per label where it differs); the rest go to dipkg:<name> if the name is safe
_NODE_PROPS = {
    "name": RDFS.label, "key": DIPKG.key, "aliases": SKOS.altLabel, "evidence": DIPKG.evidence,
    "quote": DIPKG.quote, "side": DIPKG.side, "country": DIPKG.country, "province": DIPKG.province,
    "verb": DIPKG.verb, "location": DIPKG.locationText, "amount": DIPKG.amount, "by_text": DIPKG.byText,
    "to_text": DIPKG.toText, "text": DIPKG.text, "lang": SCHEMA.inLanguage, "source": DIPKG.source,
    "title": SCHEMA.headline, "date": DCTERMS.date,
    # Document metadata (the sources' properties)
    "url": SCHEMA.url, "outlet": DCTERMS.publisher, "publisher": DCTERMS.publisher, "published": SCHEMA.datePublished,
    "published_date": SCHEMA.datePublished, "date_published": SCHEMA.datePublished, "hash": DIPKG.contentHash,
    "content_hash": DIPKG.contentHash, "sha256": DIPKG.contentHash, "fetched": PROV.generatedAtTime,
    "date_basis": DIPKG.dateBasis,
}
_REL_PROPS = {
    "evidence": DIPKG.evidence, "quote": DIPKG.quote, "first_date": DIPKG.firstDate, "last_date": DIPKG.lastDate,
    "since": DIPKG.since, "rule": DIPKG.rule, "side": DIPKG.sideIndex, "leader": DIPKG.leader,
    "place": DIPKG.locationText, "date": DCTERMS.date, "province": DIPKG.province, "country": DIPKG.country,
    "match_rule": DIPKG.matchRule, "match_evidence": DIPKG.matchEvidence, "match_uncertain": DIPKG.matchUncertain,
    "match_name": DIPKG.matchName,
}
_SKIP_NODE = {"id", "docs", "doc", "kind", "offices",   # offices: who_met's copy of what HOLDS says
              *PERSON_REST_KEYS}                        # the search box's index of key's later words
_SKIP_REL = {"docs", "doc", "key", "meeting"}
_SAFE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9]*$")


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(w.title() for w in rest)


def _values(v) -> list:
    if v is None:
        return []
    if isinstance(v, (list, tuple)):
        return [x for x in v if x is not None and x != ""]
    return [] if v == "" else [v]


def _prop(name: str, table: dict) -> URIRef | None:
    if name in table:
        return table[name]
    camel = _camel(name)
    return DIPKG[camel] if _SAFE_NAME.match(camel) else None


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[tuple, dict[str, frozenset]]:
    """The vocabulary's triples, and each node label's aligned (non-dipkg) superclasses, transitively."""
    from ontology.model import VOCAB_FILE

    from rdflib.compare import to_canonical_graph

    # canonical blank-node labels, then skolem IRIs: the same vocabulary gives the same bytes
    g = to_canonical_graph(Graph().parse(VOCAB_FILE, format="turtle")).skolemize(basepath=VOCAB_NS + "node/")
    supers: dict[str, frozenset] = {}
    for cls, label in g.subject_objects(DIPKG.graphLabel):
        seen, todo = set(), [cls]
        while todo:
            for sup in g.objects(todo.pop(), RDFS.subClassOf):
                if isinstance(sup, URIRef) and sup not in seen:
                    seen.add(sup)
                    todo.append(sup)
        supers[str(label)] = frozenset(x for x in seen if not str(x).startswith(str(DIPKG)))
    return tuple(g), supers


def build_graph(nodes: list[dict], rels: list[dict]) -> Graph:
    """``nodes``: {id, labels, props}; ``rels``: {a, b, type, props} (the export templates' rows)."""
    vocab, supers = _vocabulary()
    triples: set[tuple] = set(vocab)
    add = triples.add
    labels: dict[str, str] = {}
    for n in nodes:
        label = next((l for l in sorted(n["labels"] or ()) if l in NODE_LABELS), None)
        if label is None or n.get("id") is None:
            continue
        labels[str(n["id"])] = label
    for n in nodes:
        node_id = str(n.get("id"))
        if node_id not in labels:
            continue
        label, props, s = labels[node_id], dict(n["props"] or {}), node_iri(node_id)
        add((s, RDF.type, DIPKG[label]))
        for sup in supers.get(label, ()):
            add((s, RDF.type, sup))
        add((s, DIPKG.id, Literal(node_id)))
        if props.get("name_en"):
            add((s, RDFS.label, Literal(str(props.pop("name_en")), lang="en")))
        for d in _values(props.get("docs")):
            if str(d) in labels and label != "Document":
                add((s, PROV.wasDerivedFrom, node_iri(str(d))))
        if label == "Commitment" and props.get("kind"):
            add((s, DIPKG.commitmentType, KIND[quote(str(props["kind"]), safe="")]))
        for k, v in sorted(props.items()):
            if k in _SKIP_NODE:
                continue
            p = _prop(k, _NODE_PROPS)
            if label == "Meeting" and k == "date":
                p = SCHEMA.startDate
            elif label == "Document" and k == "date":
                p = DCTERMS.date                 # the article's own date; the publication date is "published"
            elif label == "Document" and k == "name":
                p = RDFS.label
            if p is None:
                continue
            for x in _values(v):
                add((s, p, _literal(x)))
    for r in rels:
        a, b, t = str(r["a"]), str(r["b"]), r["type"]
        if t not in REL_TYPES or a not in labels or b not in labels:
            continue
        props = dict(r["props"] or {})
        p = rel_property(t)
        sa, sb = node_iri(a), node_iri(b)
        add((sa, p, sb))
        st = assertion_iri(t, a, b, str(props.get("key") or ""))
        add((st, RDF.type, DIPKG.Assertion))
        add((st, RDF.subject, sa))
        add((st, RDF.predicate, p))
        add((st, RDF.object, sb))
        for d in _values(props.get("docs")):
            if str(d) in labels:
                add((st, PROV.wasDerivedFrom, node_iri(str(d))))
        if t == "EVIDENCED_BY" and labels.get(b) == "Document":    # complete; a node's own docs list is a sample
            add((sa, PROV.wasDerivedFrom, sb))
        if props.get("meeting") and str(props["meeting"]) in labels:
            add((st, DIPKG.meeting, node_iri(str(props["meeting"]))))
        for k, v in sorted(props.items()):
            if k in _SKIP_REL:
                continue
            q = _prop(k, _REL_PROPS)
            if q is None:
                continue
            for x in _values(v):
                add((st, q, _literal(x)))
    g = _new_graph()
    for tr in sorted(triples, key=lambda x: tuple((type(y).__name__, str(y), str(getattr(y, "datatype", "")),
                                                   str(getattr(y, "language", ""))) for y in x)):
        g.add(tr)
    return g


def _new_graph() -> Graph:
    g = Graph(bind_namespaces="none")
    for prefix, ns in (("dipkg", DIPKG), ("kind", KIND), ("id", ID), ("org", ORG), ("schema", SCHEMA),
                       ("prov", PROV), ("skos", SKOS), ("rdf", RDF), ("rdfs", RDFS), ("xsd", XSD),
                       ("dcterms", DCTERMS), ("owl", OWL)):
        g.bind(prefix, ns)
    return g


def serialize(g: Graph, fmt: str = "turtle") -> bytes:
    fmt = FORMATS.get(fmt, fmt)
    if fmt == "json-ld":
        context = {prefix: str(ns) for prefix, ns in sorted(g.namespaces())}
        doc = json.loads(g.serialize(format="json-ld", context=context))
        data = json.dumps(_sorted_jsonld(doc), sort_keys=True, indent=1, ensure_ascii=False) + "\n"
    else:
        data = g.serialize(format=fmt)
    return data.encode("utf-8") if isinstance(data, str) else data


def _sorted_jsonld(value):
    """rdflib emits JSON-LD nodes and multi-valued properties in hash order: sort every list
    (the graph's nodes by @id, values by their JSON text) so the same graph gives the same bytes."""
    if isinstance(value, dict):
        return {k: v if k == "@list" else _sorted_jsonld(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sorted_jsonld(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


class GraphSource(Protocol):
    """What the export needs from a store (``graph.store.Neo4jStore`` implements it): every node
    {id, labels, props} and relationship {a, b, type, props}, in a fixed order."""

    def graph_rows(self) -> tuple[list[dict], list[dict]]: ...


def read_store(store: GraphSource) -> tuple[list[dict], list[dict]]:
    """The whole graph, in a fixed order (through the store's ``GraphSource`` side: ontology never imports graph)."""
    return store.graph_rows()


def export_rdf(store, out: Path, fmt: str = "turtle") -> tuple[int, int]:
    """Write the whole store as RDF; returns (nodes, triples)."""
    if FORMATS.get(fmt) is None:
        raise ValueError(f"unknown RDF format {fmt!r}: use turtle or json-ld")
    nodes, rels = read_store(store)
    g = build_graph(nodes, rels)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(serialize(g, fmt))
    return len(nodes), len(g)


def validate(g: Graph) -> tuple[bool, str]:
    """pyshacl against ontology/shapes.ttl (with the vocabulary as ontology graph)."""
    from pyshacl import validate as shacl

    from ontology.model import SHAPES_FILE, VOCAB_FILE

    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    ont = Graph().parse(VOCAB_FILE, format="turtle")
    conforms, _, text = shacl(g, shacl_graph=shapes, ont_graph=ont, inference="none", advanced=False)
    return bool(conforms), text
