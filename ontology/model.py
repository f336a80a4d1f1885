"""The fixed vocabulary of the graph: node labels, relationship types, and which
label may sit at each end of a relationship.

This is the only place the graph's labels and types are spelled. The writer
refuses anything outside it, so no article text can ever become a label or a
relationship type. ``tests/test_ontology.py`` checks it against the Turtle
vocabulary ``ontology/dipkg.ttl`` (the one source the RDF export uses).
"""
from __future__ import annotations

from types import MappingProxyType

# Foreign partner kind (record field) -> node label.
PARTNER_LABELS = MappingProxyType({
    "country": "Country",
    "foreign_locality": "ForeignLocality",
    "international_org": "InternationalOrganization",
    "embassy": "DiplomaticMission",
    "ngo": "NGO",
    "company": "Company",
})

# A body of a foreign place with its own line of work (its foreign affairs department, its police): a
# partner, LOCATED_IN its place. Projection makes it from a partner's name (ontology/gazetteer/foreign_bodies.tsv);
# extraction has no kind for it.
FOREIGN_BODY = "ForeignBody"

NODE_LABELS: frozenset[str] = frozenset({
    "Document", "Person", "Post", "Organization", "Province",
    "Meeting", "Commitment", FOREIGN_BODY, *PARTNER_LABELS.values(),
})

PARTNER_LABEL_SET: frozenset[str] = frozenset({FOREIGN_BODY, *PARTNER_LABELS.values()})
ACTOR_LABELS: frozenset[str] = frozenset({"Person", "Organization", "Province", *PARTNER_LABEL_SET})
PLACE_LABELS: frozenset[str] = frozenset({"Province", "Country", "ForeignLocality"})

# A Person's search keys beyond ``key`` (its whole folded name): the name from its 2nd, 3rd and 4th word on
# ("bui thanh son" -> "thanh son", "son"). Each is its own indexed property (graph/schema.py), so "a later word
# of the name starts with the typed text" is an index range scan (STARTS WITH) like "the name starts with it".
# Why separate properties: on the embedded server neither a LIST property's index (``any(k IN n.keys WHERE
# k STARTS WITH $q)`` and ``$q IN n.keys`` both scan: 33 and 17 ms for no match among 30,000 people, against
# 2 ms for an indexed property) nor a STARTS WITH with an OR across properties uses an index; separate
# (:NameKey)-[:NAMES]->(n) nodes would (2.5 ms) but cost a node and an edge per word in every write, and
# every export and count would have to leave them out. Three cover every word of a name up to four words:
# 123 of the 125 gold person names (../shared/gold; the other two have five).
PERSON_REST_KEYS: tuple[str, ...] = ("key_rest1", "key_rest2", "key_rest3")

# type -> (allowed start labels, allowed end labels)
REL_TYPES = MappingProxyType({
    "HOLDS": (frozenset({"Person"}), frozenset({"Post"})),                       # org:holds
    "POST_IN": (frozenset({"Post"}), frozenset({"Organization", *PARTNER_LABEL_SET})),  # org:postIn
    "IN_PROVINCE": (frozenset({"Organization"}), frozenset({"Province"})),
    "ATTENDED": (frozenset({"Person"}), frozenset({"Meeting"})),                 # schema:attendee (inverse)
    "MET": (frozenset({"Person"}), frozenset({"Person"})),
    "HELD_IN": (frozenset({"Meeting"}), PLACE_LABELS),                           # schema:location
    "INVOLVES": (frozenset({"Meeting"}), frozenset({"Province", *PARTNER_LABEL_SET})),
    "MADE_BY": (frozenset({"Commitment"}), ACTOR_LABELS),
    "MADE_TO": (frozenset({"Commitment"}), ACTOR_LABELS),
    "DEALS_WITH": (frozenset({"Province"}), PARTNER_LABEL_SET),
    "LOCATED_IN": (frozenset({"ForeignLocality", "DiplomaticMission", FOREIGN_BODY}),
                   frozenset({"Country", "ForeignLocality"})),
    "MERGED_INTO": (frozenset({"Province"}), frozenset({"Province"})),
    "EVIDENCED_BY": (NODE_LABELS - {"Document"}, frozenset({"Document"})),       # prov:wasDerivedFrom
})


from ontology.errors import OntologyError  # noqa: E402,F401


def check_label(label: str) -> str:
    if label not in NODE_LABELS:
        raise OntologyError(f"label {label!r} is not in the ontology")
    return label


def check_rel(rel_type: str, start: str | None = None, end: str | None = None) -> str:
    if rel_type not in REL_TYPES:
        raise OntologyError(f"relationship type {rel_type!r} is not in the ontology")
    starts, ends = REL_TYPES[rel_type]
    if start is not None and start not in starts:
        raise OntologyError(f"{rel_type} cannot start at {start!r}")
    if end is not None and end not in ends:
        raise OntologyError(f"{rel_type} cannot end at {end!r}")
    return rel_type


# --- the Turtle vocabulary (ontology/dipkg.ttl), the one source the sets above are checked against ---

VOCAB_FILE = __import__("pathlib").Path(__file__).with_name("dipkg.ttl")
SHAPES_FILE = VOCAB_FILE.with_name("shapes.ttl")
VOCAB_NS = "https://w3id.org/dipkg/vocab#"
KIND_NS = "https://w3id.org/dipkg/vocab/commitment-kind/"


def vocabulary():
    """What ``dipkg.ttl`` declares, read with rdflib (imported here only: the write path does
    not need it). Returns ``{"labels": {label: class IRI}, "rels": {type: (property IRI,
    domain labels, range labels)}, "kinds": {commitment kind: concept IRI}}``."""
    import rdflib
    from rdflib.collection import Collection
    from rdflib.namespace import OWL, RDFS

    g = rdflib.Graph().parse(VOCAB_FILE, format="turtle")
    ns = rdflib.Namespace(VOCAB_NS)
    labels = {str(lab): c for c, lab in g.subject_objects(ns.graphLabel)}
    by_class = {c: lab for lab, c in labels.items()}

    def classes(node) -> frozenset[str]:
        union = g.value(node, OWL.unionOf)
        members = list(Collection(g, union)) if union is not None else [node]
        return frozenset(by_class[m] for m in members)

    rels = {str(t): (p, classes(g.value(p, RDFS.domain)), classes(g.value(p, RDFS.range)))
            for p, t in g.subject_objects(ns.relType)}
    kinds = {str(k): c for c, k in g.subject_objects(ns.commitmentKind)}
    return {"labels": labels, "rels": rels, "kinds": kinds}
