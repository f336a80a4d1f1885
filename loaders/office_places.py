"""English offices completed with their place, as the gold and an analyst write them.

An English article names a post by its place once and then leaves the place out: "Deputy Secretary
of the Sekong provincial Party Committee and provincial Deputy Governor", "Vice Chairman of the City
People's Committee", "Chairman of the provincial VCFA", "provincial Party’s Permanent Deputy
Secretary". Alone, "provincial Deputy Governor" says nothing about which province. The place goes
before the bare place word (``en_office_place`` rows of loaders/data/place_words.tsv: "provincial",
"municipal", "City" …): the place another office of the same person names that way ("the Sekong
provincial …" gives "Sekong provincial Deputy Governor"), else, for a Vietnamese official, the
article's province as the text writes it. Measured on the English articles with gold: offices F1
dev 0.862 → 0.892, held-out 0.836 → 0.891 (p053, p059, p060 gained; p080's annotator appends the place
instead, "… Committee of Hai Duong province", and lost two pairs).
"""
from __future__ import annotations

import re
from functools import lru_cache

from loaders.place_words import words
from loaders.tables import column
from ontology.gazetteer.partners import demonym_country, lookup

__all__ = ["complete_english_office", "drop_owner_country", "is_country", "is_foreign_place_name", "named_place"]


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    place_words = "|".join(sorted(map(re.escape, words("en_office_place")), key=len, reverse=True))
    # a place word with no capitalised word before it: at the start, or after "the"/"of"/"and"
    bare = re.compile(r"(?:^|(?<=\bthe )|(?<=\bof )|(?<=\band ))(?:" + place_words + r")\b")
    # "the Sekong provincial", "Quang Nam provincial …" at the start, "of the Hai Duong Provincial"
    named = re.compile(r"(?:^|(?<=\bthe )|(?<=\bof ))([A-Z][\w’'-]*(?:[ -][A-Z][\w’'-]*){0,3}) (?:" + place_words + r")\b")
    return bare, named


def named_place(office: str) -> str | None:
    """The place an office names before a place word ("… of the Sekong provincial Party Committee" →
    "Sekong"); None when there is none or the capitalised words are not a place ("Deputy Provincial …")."""
    _, named = _patterns()
    for m in named.finditer(office):
        place = m.group(1)
        if not any(w in words("en_not_name") or w in _title_words() for w in place.replace("-", " ").split()):
            return place
    return None


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Words of the English title heads (titles.tsv): "Deputy Provincial …" names no place."""
    return frozenset(w for head in column("titles.tsv", "head", lang="en") for w in head.split())


_OWNED = re.compile(r"\b(?:the )?([A-Z][\w-]*(?: [A-Z][\w-]*)?) ?['’]s? (?=[A-Z][\w-]*(?: [A-Z][\w-]*){0,3} "
                    r"(?:province|Province|city|prefecture|Prefecture)$)")
_PROVINCE_OF = re.compile(r"\b(?:the )?(?:(?:[a-z]+ern|central) )?([A-Z][\w-]*) (province|city|prefecture|state) of "
                          r"([A-Z][\w-]*(?: [A-Z][\w-]*){0,3})$")


def is_country(words: str) -> bool:
    """A country's name or adjective ("Cambodia", "Lao", "U.S."), not a place of it (the partners gazetteer)."""
    if demonym_country(words):
        return True
    entry = lookup(words)
    return entry is not None and entry.kind == "country"


def is_foreign_place_name(words: str) -> bool:
    """A foreign place the partners gazetteer knows ("Sekong", "Gyeonggi"), bare or with "province"."""
    return lookup(words) is not None or lookup(f"{words} province") is not None


def drop_owner_country(office: str) -> str:
    """The country that owns a foreign place goes from the office, as the gold writes it: "Governor of
    Cambodia's Mondulkiri province" → "Governor of Mondulkiri province", "Governor of the southwestern
    Lao province of Champasak" → "Governor of Champasak province"."""
    m = _PROVINCE_OF.search(office)
    if m and is_country(m.group(1)):
        return office[:m.start()] + f"{m.group(3)} {m.group(2)}"
    for m in _OWNED.finditer(office):
        if is_country(m.group(1)):
            return office[:m.start()] + office[m.end():]
    return office


def complete_english_office(office: str, place: str | None) -> str:
    """``office`` with ``place`` put before its first bare place word; unchanged when the office has
    none, already names the place, or there is no place to put."""
    if not place:
        return office
    bare, _ = _patterns()
    m = bare.search(office)
    if not m or place.casefold() in office.casefold():
        return office
    word = m.group(0)
    for tail in (" " + word, " province", " Province", " city", " City"):      # "Can Tho City" + "City …"
        if place.endswith(tail) and (tail.strip().casefold() == word.casefold() or tail.strip().casefold() == "province"):
            place = place[: -len(tail)]
            break
    return office[: m.start()] + place + " " + office[m.start():]
