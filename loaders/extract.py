"""One document's text → its ``Extraction``: every rule family, in order.

The article is read once into a ``TextDoc`` (language, layout and body mask, sentences) that
every rule family shares. Places come first (provinces, foreign partners, organizations)
because the person grammar needs them to tell where a title's place ends and a name begins;
persons next; then the event day, the meetings the article tells (each with its sides, place
and day), and the commitments.
"""
from __future__ import annotations

from collections import Counter
import re

from loaders.commitments import Actor, Actors, find_commitments
from loaders.dates import document_day
from loaders.meetings import find_meetings
from loaders.persons import PersonFinder
from loaders.places import find_organizations, find_partners, find_provinces, main_province, place_names
from loaders.text import occurrences, text_doc
from ontology.facts import Extraction
from ontology.identity import fold


_INNER_CAPITAL = re.compile(r"(?<![^\W\d_])[A-ZĐ\u00c0-\u1ef9](?=[^\W\d_])")
# ~100 news articles; a longer text is read up to here (spans stay valid offsets) and the run's report says so.
# Why not more: extraction time grows faster than the text past ~100,000 characters (measured on the dev articles
# concatenated, 2 shared cores at load ~7: 100,000 chars 2.1 s, 200,000 10 s, 400,000 41 s).
MAX_CHARS = 200_000


def extract(doc: str, text: str) -> Extraction:
    if len(text) > MAX_CHARS:
        import warnings
        from ontology.errors import TextTruncated

        warnings.warn(TextTruncated(f"{len(text):,} characters: facts are extracted from the first {MAX_CHARS:,} "
                                    f"only (the rest, {len(text) - MAX_CHARS:,}, is not read)"), stacklevel=2)
        text = text[:MAX_CHARS]
    td = text_doc(doc, text)
    body = td.is_body
    provinces = [p for p in find_provinces(doc, text) if body(p.span.start)]
    partners = [p for p in find_partners(doc, text) if body(p.span.start)]
    main = main_province(text, provinces)
    organizations = [o for o in find_organizations(doc, text, provinces, main) if body(o.span.start)]

    place_end: dict[int, int] = {}
    place_surfaces = {f.span.text for f in (*find_provinces(doc, text), *find_partners(doc, text))}
    for surface in sorted(place_surfaces):      # every occurrence, not just the first; each surface once
        for s, e in occurrences(text, surface, letters_only=True):
            place_end[s] = max(place_end.get(s, -1), e)
            cap = _INNER_CAPITAL.search(text, s, e)          # "tỉnh X": X starts a place too
            if cap and cap.start() > s and cap.group().isupper():
                place_end[cap.start()] = max(place_end.get(cap.start(), -1), e)
    for hit in place_names(doc, text):
        place_end[hit.start] = max(place_end.get(hit.start, -1), hit.end)
    foreign_names = {fold(p.name) for p in partners} | {fold(p.canonical) for p in partners if p.canonical}
    foreign_names.discard("")
    province_names = sorted({fold(p.span.text) for p in provinces} | {fold(p.name) for p in provinces}, key=len,
                            reverse=True)

    def is_foreign_place(office: str) -> bool:
        f = f" {fold(office)} "
        for n in province_names:                    # "Lào Cai" is a province, not Laos
            f = f.replace(f" {n} ", "  ")
        return any(f" {n} " in f for n in foreign_names)

    surfaces = Counter(p.span.text for p in provinces if p.name == main and not p.span.text.lower().startswith(("tỉnh", "thành phố", "tp")))
    main_surface = surfaces.most_common(1)[0][0] if surfaces else main
    finder = PersonFinder(td, lambda off: place_end.get(off, -1), is_foreign_place, main, main_surface)
    persons = finder.persons()

    day = document_day(text, body)
    date = day.iso() if day else None
    meetings = find_meetings(td, persons, provinces, partners, main, day)
    actors = Actors(persons=tuple(map(Actor.of, persons)), organizations=tuple(map(Actor.of, organizations)),
                    provinces=tuple(map(Actor.of, provinces)), partners=tuple(map(Actor.of, partners)))
    commitments = [c for c in find_commitments(td, actors) if body(c.span.start)]
    return Extraction(doc=doc, text=text, lang=td.lang, title=td.title, date=date,
                      persons=tuple(persons), provinces=tuple(provinces), organizations=tuple(organizations),
                      partners=tuple(partners), meetings=tuple(meetings), commitments=tuple(commitments))
