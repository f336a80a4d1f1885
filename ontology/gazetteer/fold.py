"""Text folding shared by the gazetteers: NFC, new-style tone placement, accent stripping."""
from __future__ import annotations

import re
import unicodedata

# Old-style tone placement -> new style (hoá -> hóa); same length, so spans survive.
_TONE = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE.update({k[0].upper() + k[1:]: v[0].upper() + v[1:] for k, v in list(_TONE.items())})
# only at the end of a syllable: "hoá" -> "hóa", but "Ngoại", "đoàn" stay as they are
_TONE_RE = re.compile("(?:" + "|".join(map(re.escape, _TONE)) + r")(?![^\W\d_])")


def tone(s: str) -> str:
    """NFC and new-style tone marks; keeps the length of an NFC string."""
    s = unicodedata.normalize("NFC", s)
    return _TONE_RE.sub(lambda m: _TONE[m.group(0)], s)


def strip_accents(s: str) -> str:
    """'Đắk Lắk' -> 'Dak Lak' (Đ/đ mapped to D/d)."""
    s = unicodedata.normalize("NFD", s.replace("Đ", "D").replace("đ", "d"))
    return unicodedata.normalize("NFC", "".join(c for c in s if unicodedata.category(c) != "Mn"))


def key(s: str) -> str:
    """Lookup key: accents, case, punctuation and spaces folded ('TP. Hồ Chí Minh' -> 'tphochiminh')."""
    return re.sub(r"[^a-z0-9]", "", strip_accents(tone(s)).lower())


def lower_key(s: str) -> str:
    """Case- and space-folded but accent-keeping key ('Quảng  Trị' -> 'quảng trị')."""
    return re.sub(r"[\s\u00a0\-\u2010-\u2015]+", " ", tone(s).lower()).strip(" .,;:")
