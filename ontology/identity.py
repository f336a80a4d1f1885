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
import unicodedata
from functools import lru_cache

_OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_HONORIFICS = re.compile(
    r"^(?:(?:ông|bà|anh|chị|đồng chí|ngài|mr|mrs|ms|miss|madam|madame|mme|dr|prof|h\.?\s?e|his excellency|"
    r"her excellency)\.?\s+)+", re.I)
_TONE_RE = re.compile(r"(?<![qQ])(" + "|".join(_OLD_TONES) + r")(?![^\W\d_])", re.I)   # open syllable only: hoà, not hoàng


def nfc_tones(text: str) -> str:
    """NFC and one tone placement (hoà → hòa, thuỷ → thủy), case kept."""
    s = unicodedata.normalize("NFC", text)

    def swap(m: re.Match) -> str:
        old = m.group(1)
        new = _OLD_TONES[old.lower()]
        return "".join(n.upper() if o.isupper() else n for o, n in zip(old, new))

    return _TONE_RE.sub(swap, s)


def _words(s: str) -> str:
    """Letters, digits and combining marks kept; every other run of characters becomes one space."""
    out = "".join(c if (c.isalnum() or unicodedata.category(c).startswith("M")) else " " for c in s)
    return " ".join(out.split())


def _latin(c: str) -> bool:
    return unicodedata.name(c, "").startswith("LATIN")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Matching key: lower case, no diacritics on Latin letters (Đ→D), words joined by one space."""
    s = nfc_tones(text).lower().replace("đ", "d").replace("Đ", "d")
    out: list[str] = []
    base_latin = False
    for c in unicodedata.normalize("NFD", s):
        if unicodedata.combining(c):
            if base_latin:
                continue
        else:
            base_latin = _latin(c)
        out.append(c)
    return _words(unicodedata.normalize("NFC", "".join(out)))


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
