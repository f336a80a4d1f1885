"""Text folding for the gazetteers: thin re-exports of the one normaliser (ontology/normalise.py)."""
from __future__ import annotations

from ontology.normalise import key, lower_key, strip_accents, tone  # noqa: F401
