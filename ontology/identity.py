"""Deterministic identities: the same name gives the same id on every run.

Names are folded for matching (NFC, case, old/new tone placement, diacritics,
Đ→D, punctuation), so "Bùi Thanh Sơn", "BÙI THANH SƠN", "Bùi Thanh Sơn" written
with combining marks, and "Bui Thanh Son" share a key. Only marks on Latin letters
are dropped: in Lao, Thai or Devanagari the vowel signs are letters of the name.
Ids are ``<kind>:<sha1 prefix of the key>``: stable, short, and safe to use in
IRIs whatever script the name is in.
"""
from __future__ import annotations

import hashlib
import re

# One normaliser for the whole project (ontology/normalise.py); these names stay importable from here.
from ontology.normalise import _words, fold, nfc_tones  # noqa: F401

_HONORIFICS = re.compile(
    r"^(?:(?:ông|bà|anh|chị|đồng chí|ngài|mr|mrs|ms|miss|madam|madame|mme|dr|prof|h\.?\s?e|his excellency|"
    r"her excellency)\.?\s+)+", re.I)


def strip_honorific(name: str) -> str:
    """The name without leading titles of address ("ông", "Mr.", "H.E.", "đồng chí")."""
    return _HONORIFICS.sub("", nfc_tones(name).strip())


def person_key(name: str) -> str:
    """Folded person name without a leading honorific."""
    return fold(strip_honorific(name))


def surface_key(name: str) -> str:
    """The name as written, modulo case, NFC, tone placement and honorifics (diacritics kept):
    tells an exact spelling match from a match that needed the folding."""
    return _words(strip_honorific(name).lower())


def make_id(kind: str, *parts: str) -> str:
    """``kind:`` + 16 hex chars of sha1 over the parts (already folded by the caller)."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{kind}:{digest}"
