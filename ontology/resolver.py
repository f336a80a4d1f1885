"""Person identity across documents.

Default rule: one Person per folded name ("Bùi Thanh Sơn" = "Bui Thanh Son").
The resolver returns, for each person name of a document, the id to use; a
name absent from the mapping gets the default id from ``ontology.identity``.
"""
from __future__ import annotations

from ontology.facts import Extraction


class PersonResolver:
    def __init__(self, store=None):
        self.store = store

    def resolve(self, ex: Extraction) -> dict[str, str]:
        return {}
