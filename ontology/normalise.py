"""The one text normaliser: NFC, tone-mark placement, Đ folding, accent stripping and match keys.

Every module that compares Vietnamese text goes through here (``ontology.identity`` and
``ontology.gazetteer.fold`` re-export these names). Two copies of the tone table used to
disagree: one rewrote "Quý" to "Qúy" because it forgot that the "u" of "qu" is part of the
consonant, so the tone stays on the vowel after it. One table and one regex now.

- ``nfc_tones``/``tone``: NFC and the new-style tone placement ("hoá" → "hóa", "thuỷ" → "thủy",
  "HOÀ" → "HÒA"), case kept. On an NFC string the length is kept, so spans found on the
  normalised copy index the original text.
- ``strip_accents``: every combining mark dropped and Đ/đ mapped to D/d ("Đắk Lắk" → "Dak Lak").
- ``key``: lower case, accents and everything but ASCII letters and digits dropped: the gazetteer key.
- ``lower_key``: lower case with accents kept, spaces and hyphens folded: a surface's dedupe key.
- ``fold``: the identity key: lower case, marks dropped on Latin letters only (in Lao, Thai or
  Devanagari a vowel sign is a letter of the name), words joined by one space.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Old-style placement → new style; the swap keeps the length (two characters for two).
OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
# Only at the end of a syllable ("hoà", not "hoàng"), and not after q: in "quý" the "u" belongs to "qu".
# (Spelled as two character classes rather than 15 alternatives: the scan of a whole article is 5x faster.)
# It starts with the class [oOuU], the "q" test a lookbehind after it: a pattern whose first item is a
# case-sensitive class lets ``re`` skip to the next o/u itself, where a leading lookbehind made it try the
# whole pattern at every position (300 generated articles, ``nfc_tones`` of each: 0.0195 → 0.0076 CPU-s;
# the same output, tests/test_normalise.py).
_O_TONED = "".join(k[1] for k in OLD_TONES if k[0] == "o")
_U_TONED = "".join(k[1] for k in OLD_TONES if k[0] == "u")
_TONE_RE = re.compile(rf"[oOuU](?<![qQ].)(?:(?<=[oO])[{_O_TONED}{_O_TONED.upper()}]|(?<=[uU])[{_U_TONED}{_U_TONED.upper()}])"
                      rf"(?![^\W\d_])")


def _swap(m: re.Match) -> str:
    old = m.group(0)
    new = OLD_TONES[old.lower()]
    return "".join(n.upper() if o.isupper() else n for o, n in zip(old, new))


def nfc_tones(text: str) -> str:
    """NFC and one tone placement (hoà → hòa, thuỷ → thủy), case kept."""
    return _TONE_RE.sub(_swap, unicodedata.normalize("NFC", text))


tone = nfc_tones


def strip_accents(s: str) -> str:
    """'Đắk Lắk' -> 'Dak Lak' (Đ/đ mapped to D/d)."""
    s = unicodedata.normalize("NFD", s.replace("Đ", "D").replace("đ", "d"))
    return unicodedata.normalize("NFC", "".join(c for c in s if unicodedata.category(c) != "Mn"))


_NOT_KEY = re.compile(r"[^a-z0-9]")


@lru_cache(maxsize=65536)
def key(s: str) -> str:
    """Lookup key: accents, case, punctuation and spaces folded ('TP. Hồ Chí Minh' -> 'tphochiminh')."""
    return _NOT_KEY.sub("", strip_accents(nfc_tones(s)).lower())


_SPACES = re.compile(r"[\s\u00a0\-\u2010-\u2015]+")


def lower_key(s: str) -> str:
    """Case- and space-folded but accent-keeping key ('Quảng  Trị' -> 'quảng trị')."""
    return _SPACES.sub(" ", nfc_tones(s).lower()).strip(" .,;:")


def _words(s: str) -> str:
    """Letters, digits and combining marks kept; every other run of characters becomes one space."""
    out = "".join(c if (c.isalnum() or unicodedata.category(c).startswith("M")) else " " for c in s)
    return " ".join(out.split())


@lru_cache(maxsize=4096)
def _latin(c: str) -> bool:
    # cached per character: unicodedata.name builds a string each call, and fold asks for every letter
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
