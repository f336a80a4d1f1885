"""Deterministic identities: the same name gives the same id on every run.

Names are folded for matching (NFC, case, old/new tone placement, diacritics,
Đ→D, punctuation), so "Bùi Thanh Sơn", "BÙI THANH SƠN" and "Bui Thanh Son" share
a key. Ids are ``<kind>:<sha1 prefix of the key>``: stable, short, and safe to
use in IRIs whatever script the name is in.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

_OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_HONORIFICS = re.compile(r"^(?:ông|bà|đồng chí|ngài|mr\.?|mrs\.?|ms\.?|madam|dr\.?)\s+", re.I)
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def nfc_tones(text: str) -> str:
    """NFC and the new tone placement (hoá → hóa), case kept."""
    s = unicodedata.normalize("NFC", text)
    for old, new in _OLD_TONES.items():
        s = s.replace(old, new).replace(old.upper(), new.upper())
    return s


def fold(text: str) -> str:
    """Matching key: lower case, no diacritics (Đ→D), words joined by one space."""
    s = nfc_tones(text).lower().replace("đ", "d").replace("Đ", "d")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", s).strip()


def person_key(name: str) -> str:
    """Folded person name without a leading honorific."""
    return fold(_HONORIFICS.sub("", nfc_tones(name).strip()))


def make_id(kind: str, *parts: str) -> str:
    """``kind:`` + 16 hex chars of sha1 over the parts (already folded by the caller)."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{kind}:{digest}"
