"""Bodies of foreign places (``foreign_bodies.tsv``, one validating reader).

Why: extraction reports "Chính quyền tỉnh Savannakhet", "Sở Ngoại vụ tỉnh Savannakhet" and "Savannakhet" as
three foreign localities. The first is the partner itself (its government acts for it in local diplomacy):
it folds into the place's node. The second is a body with its own line of work: a node of its own
(``ForeignBody``) LOCATED_IN the place, not a place.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from ontology.errors import OntologyError
from ontology.gazetteer.partners import Entry, lookup
from ontology.identity import fold

TABLE = Path(__file__).with_name("foreign_bodies.tsv")
_PLACE_KINDS = ("foreign_locality", "country")


class ForeignBodyTableError(OntologyError):
    """foreign_bodies.tsv has a malformed row."""


@dataclass(frozen=True)
class Head:
    head: str
    action: Literal["fold", "body"]
    en: str


@dataclass(frozen=True)
class ForeignBody:
    """What a name with a body head stands for: the place itself (``fold``) or a body of it (``body``)."""

    action: Literal["fold", "body"]
    place: Entry
    name: str                        # canonical: the place's, or "<Vietnamese head> <place>"
    name_en: str | None


@lru_cache(maxsize=1)
def heads() -> tuple[Head, ...]:
    out = []
    for n, line in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != 3 or cols[1] not in ("fold", "body") or not cols[0] or not cols[2]:
            raise ForeignBodyTableError(f"{TABLE.name} line {n}: expected head, fold|body, English head; fix the row")
        out.append(Head(cols[0], cols[1], cols[2]))  # type: ignore[arg-type]
    return tuple(out)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern, dict[str, Head]], ...]:
    by = {fold(h.head): h for h in heads()}
    alt = "|".join(re.escape(k) for k in sorted(by, key=lambda k: (-len(k), k)))
    return (
        (re.compile(rf"^(?:the )?(?P<head>{alt}) (?:cua |of (?:the )?)?(?P<p>.+)$"), by),
        (re.compile(rf"^(?:the )?(?P<p>.+?) (?P<head>{alt})$"), by),
    )


def _place(text: str) -> Entry | None:
    for candidate in (text, re.sub(r"^(?:tinh|thanh pho|tp|thu do|province of|city of|quoc gia|nuoc) ", "", text),
                      re.sub(r" (?:province|provincial|city|prefecture|prefectural)$", "", text)):
        e = lookup(candidate)
        if e is not None and e.kind in _PLACE_KINDS:
            return e
    return None


@lru_cache(maxsize=1)
def _vi_head() -> dict[str, str]:
    """English head → the Vietnamese head of the same body (the first non-English row for it)."""
    out: dict[str, str] = {}
    for h in heads():
        if h.head != h.en and not h.head.isascii():
            out.setdefault(h.en, h.head)
    return out


@lru_cache(maxsize=4096)
def foreign_body(name: str | None) -> ForeignBody | None:
    """A name made of a listed head and a foreign place the partner gazetteer knows, else None."""
    if not name:
        return None
    k = fold(name)
    for pat, by in _patterns():
        m = pat.match(k)
        if not m:
            continue
        place = _place(m["p"])
        if place is None:
            continue
        h = by[m["head"]]
        if h.action == "fold":
            return ForeignBody("fold", place, place.canonical, None)
        vi = _vi_head().get(h.en)
        canon = f"{vi} {place.canonical}" if vi else f"{h.en} of {place.canonical}"
        return ForeignBody("body", place, canon, f"{h.en} of {place.canonical}")
    return None
