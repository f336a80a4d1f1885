"""The ontology: the Turtle vocabulary and SHACL shapes agree with ontology/model.py and the facts;
short references and name parts (no store needed)."""
from __future__ import annotations

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDFS, SKOS

from ontology.facts import COMMITMENT_KINDS, PARTNER_KINDS, Extraction, PersonFact, Span
from ontology.model import (NODE_LABELS, PARTNER_LABELS, REL_TYPES, SHAPES_FILE, VOCAB_FILE, VOCAB_NS,
                            vocabulary)
from ontology.resolver import name_words, resolve_short_references

D = rdflib.Namespace(VOCAB_NS)
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
SCHEMA = rdflib.Namespace("https://schema.org/")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")


def test_labels_and_relationship_types_agree_with_the_turtle():
    v = vocabulary()
    assert set(v["labels"]) == NODE_LABELS
    assert set(v["rels"]) == set(REL_TYPES)
    for rel_type, (_, domain, range_) in v["rels"].items():
        assert REL_TYPES[rel_type] == (domain, range_), rel_type
    assert set(PARTNER_LABELS) == set(PARTNER_KINDS)


def test_commitment_kinds_are_skos_concepts_mapped_to_plover():
    v = vocabulary()
    assert set(v["kinds"]) == set(COMMITMENT_KINDS)
    g = rdflib.Graph().parse(VOCAB_FILE)
    plover = {}
    for kind, concept in v["kinds"].items():
        for rel in (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch):
            for target in g.objects(concept, rel):
                plover[kind] = str(g.value(target, SKOS.notation))
    assert plover == {"support": "SUPPORT", "request": "REQUEST", "sign": "AGREE", "cooperate": "COOPERATE",
                      "promote": "COOPERATE", "donate": "AID"}
    notations = {str(n) for n in g.objects(None, SKOS.notation)}
    assert {"CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "REQUEST"} <= notations
    assert (D.Meeting, SKOS.closeMatch, None) in g


def test_alignment_with_org_schema_and_prov():
    g = rdflib.Graph().parse(VOCAB_FILE)
    assert (D.Post, RDFS.subClassOf, ORG.Post) in g
    assert (D.holds, RDFS.subPropertyOf, ORG.holds) in g
    assert (D.postIn, RDFS.subPropertyOf, ORG.postIn) in g
    assert (D.Person, RDFS.subClassOf, SCHEMA.Person) in g
    assert (D.Meeting, RDFS.subClassOf, SCHEMA.Event) in g
    assert (D.attended, OWL.inverseOf, SCHEMA.attendee) in g
    assert (D.heldIn, RDFS.subPropertyOf, SCHEMA.location) in g
    assert (D.evidencedBy, RDFS.subPropertyOf, PROV.wasDerivedFrom) in g


def test_shapes_restate_every_relationship_domain_and_range():
    v = vocabulary()
    by_class = {c: label for label, c in v["labels"].items()}
    s = rdflib.Graph().parse(SHAPES_FILE)

    def classes(node) -> frozenset[str]:
        one = s.value(node, SH["class"])
        if one is not None:
            return frozenset({by_class[one]})
        alts = Collection(s, s.value(node, SH["or"]))
        return frozenset(by_class[s.value(a, SH["class"])] for a in alts)

    seen = set()
    for shape, prop in s.subject_objects(SH.targetSubjectsOf):
        rel_type = next(t for t, (p, _, _) in v["rels"].items() if p == prop)
        pshape = s.value(shape, SH.property)
        assert s.value(pshape, SH.path) == prop
        assert (classes(shape), classes(pshape)) == REL_TYPES[rel_type], rel_type
        seen.add(rel_type)
    assert seen == set(REL_TYPES)


def test_name_words_drop_titles_and_honorifics():
    assert name_words("Bộ trưởng Sơn") == ("son",)
    assert name_words("ông Phú") == ("phu",)
    assert name_words("Bùi Thanh Sơn") == ("bui", "thanh", "son")
    assert name_words("Ambassador Ito Naoki") == ("ito", "naoki")
    assert name_words("H.E. Mr. Kim Min-jun") == ("kim", "min", "jun")
    assert name_words("ທ່ານ ສອນໄຊ") == name_words("ທ່ານ ສອນໄຊ")     # caseless scripts kept whole


def _ex(*persons: tuple[str, str]) -> Extraction:
    text = " ".join(n for n, _ in persons)
    s = Span("x", 0, len(text), text)
    return Extraction(doc="x", text=text, lang="vi",
                      persons=tuple(PersonFact(n, (), side, s) for n, side in persons))


def test_short_references_resolve_within_a_document():
    names, decisions = resolve_short_references(_ex(("Bùi Thanh Sơn", "vietnam"), ("Bộ trưởng Sơn", "vietnam"),
                                                    ("ông Phú", "vietnam"), ("Trần Công Phú", "vietnam"),
                                                    ("Ito Naoki", "foreign"), ("Đại sứ Ito", "foreign")))
    assert names == {"Bộ trưởng Sơn": "Bùi Thanh Sơn", "ông Phú": "Trần Công Phú", "Đại sứ Ito": "Ito Naoki"}
    assert all(d.rule == "short-reference" and not d.uncertain for d in decisions.values())


def test_ambiguous_short_reference_is_left_alone_and_flagged():
    names, decisions = resolve_short_references(_ex(("Hà Trọng Hải", "vietnam"), ("Nguyễn Đức Hải", "vietnam"),
                                                    ("ông Hải", "vietnam")))
    assert names == {}
    assert decisions["ông Hải"].uncertain and decisions["ông Hải"].rule == "short-reference-ambiguous"


def test_a_vietnamese_surname_alone_is_not_a_reference_and_sides_must_agree():
    names, _ = resolve_short_references(_ex(("Nguyễn Văn Phương", "vietnam"), ("Nguyễn", "vietnam"),
                                            ("Kim Min-jun", "foreign"), ("ông Jun", "vietnam")))
    assert names == {}
