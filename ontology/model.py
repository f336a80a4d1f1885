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

NODE_LABELS: frozenset[str] = frozenset({
    "Document", "Person", "Post", "Organization", "Province",
    "Meeting", "Commitment", *PARTNER_LABELS.values(),
})

PARTNER_LABEL_SET: frozenset[str] = frozenset(PARTNER_LABELS.values())
ACTOR_LABELS: frozenset[str] = frozenset({"Person", "Organization", "Province", *PARTNER_LABELS.values()})
PLACE_LABELS: frozenset[str] = frozenset({"Province", "Country", "ForeignLocality"})

# type -> (allowed start labels, allowed end labels)
REL_TYPES = MappingProxyType({
    "HOLDS": (frozenset({"Person"}), frozenset({"Post"})),                       # org:holds
    "POST_IN": (frozenset({"Post"}), frozenset({"Organization", *PARTNER_LABELS.values()})),  # org:postIn
    "IN_PROVINCE": (frozenset({"Organization"}), frozenset({"Province"})),
    "ATTENDED": (frozenset({"Person"}), frozenset({"Meeting"})),                 # schema:attendee (inverse)
    "MET": (frozenset({"Person"}), frozenset({"Person"})),
    "HELD_IN": (frozenset({"Meeting"}), PLACE_LABELS),                           # schema:location
    "INVOLVES": (frozenset({"Meeting"}), frozenset({"Province", *PARTNER_LABELS.values()})),
    "MADE_BY": (frozenset({"Commitment"}), ACTOR_LABELS),
    "MADE_TO": (frozenset({"Commitment"}), ACTOR_LABELS),
    "DEALS_WITH": (frozenset({"Province"}), PARTNER_LABEL_SET),
    "LOCATED_IN": (frozenset({"ForeignLocality", "DiplomaticMission"}), frozenset({"Country"})),
    "MERGED_INTO": (frozenset({"Province"}), frozenset({"Province"})),
    "EVIDENCED_BY": (NODE_LABELS - {"Document"}, frozenset({"Document"})),       # prov:wasDerivedFrom
})


class OntologyError(ValueError):
    """A label or relationship type outside the ontology's fixed set."""


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
