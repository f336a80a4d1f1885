"""Schema setup: a uniqueness constraint on ``id`` for every label, indexes on the
matching keys. Idempotent (``IF NOT EXISTS``), and run once per store connection."""
from __future__ import annotations

from graph.store import Neo4jStore, StoreError, load_cypher
from ontology.model import NODE_LABELS, PERSON_REST_KEYS

KEY_INDEXED = ("Person", "Organization", "Province", "Post", "Country", "ForeignLocality", "ForeignBody",
               "InternationalOrganization", "DiplomaticMission", "NGO", "Company")


def statements() -> list[str]:
    out = []
    for label in sorted(NODE_LABELS):
        out.append(f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE")
    for label in KEY_INDEXED:
        out.append(f"CREATE INDEX {label.lower()}_key IF NOT EXISTS FOR (n:{label}) ON (n.key)")
    for prop in PERSON_REST_KEYS:            # a later word of a name starts with the text (explorer_search)
        out.append(f"CREATE INDEX person_{prop} IF NOT EXISTS FOR (n:Person) ON (n.{prop})")
    out.append("CREATE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date)")
    out.append("CREATE INDEX meeting_doc IF NOT EXISTS FOR (n:Meeting) ON (n.doc)")        # per-document counts
    out.append("CREATE INDEX commitment_doc IF NOT EXISTS FOR (n:Commitment) ON (n.doc)")
    out.append("CREATE INDEX person_province IF NOT EXISTS FOR (n:Person) ON (n.province)")   # commitments
    out.append("CREATE INDEX person_country IF NOT EXISTS FOR (n:Person) ON (n.country)")
    out.append("CREATE INDEX commitment_kind IF NOT EXISTS FOR (n:Commitment) ON (n.kind)")
    out.append("CREATE INDEX document_key IF NOT EXISTS FOR (n:Document) ON (n.key)")        # graph/versions.py
    out.append("CREATE INDEX document_sha IF NOT EXISTS FOR (n:Document) ON (n.sha)")
    return out


def has_rest_key_index(store: Neo4jStore) -> bool:
    """Whether the store already has the index on ``Person.key_rest1`` (made by this schema since the
    explorer's later-word search): a store without it was written before, and its people lack the keys.
    A server that cannot list its indexes counts as having it (nothing is rewritten)."""
    try:
        rows = store.read("SHOW INDEXES")
    except StoreError:
        return True
    return any("Person" in (r.get("labelsOrTypes") or []) and PERSON_REST_KEYS[0] in (r.get("properties") or [])
               for r in rows)


def backfill_rest_keys(store: Neo4jStore) -> None:
    """People written before the later-word keys get them (graph/cypher/person_rest_keys.cypher)."""
    store.write(load_cypher("person_rest_keys"))


def ensure_schema(store: Neo4jStore) -> None:
    older = not has_rest_key_index(store)
    for stmt in statements():
        store.write(stmt)
    if older:
        backfill_rest_keys(store)
