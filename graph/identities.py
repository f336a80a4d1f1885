"""Store look-ups for the identity resolver (``ontology.resolver``) and ``dipkg review``."""
from __future__ import annotations

from graph.store import load_cypher

_CANDIDATES = load_cypher("person_candidates")
_UNCERTAIN = load_cypher("uncertain_merges")


def person_candidates(store, keys: list[str]) -> list[dict]:
    """Existing Person nodes whose folded-name key is one of ``keys``."""
    if not keys:
        return []
    return store.read(_CANDIDATES, keys=sorted(set(keys)))


def uncertain_merges(store) -> list[dict]:
    """The identity decisions the resolver marked uncertain, for review."""
    return store.read(_UNCERTAIN)
