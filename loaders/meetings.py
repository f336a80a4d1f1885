"""Meetings: an event verb in the lead, and the two sides among the named persons.

A report of a meeting says so early: the headline or the first sentences carry the
event verb ("làm việc với", "tiếp", "hội đàm", "received", "held talks", "signed").
An article that only mentions people at a conference has no such lead and yields no
meeting. The sides are the foreign and the Vietnamese persons; when everyone is
Vietnamese, a central delegation (ministry, Party Central Committee) meets the
province's leaders, and those are the two sides. Cues are data (``data/meeting_cues.tsv``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from loaders.dates import event_day
from loaders.tables import read_table
from loaders.text import Sentence
from ontology.facts import MeetingFact, PersonFact, Span

LEAD_SENTENCES = 4
_CENTRAL = re.compile(r"\b(?:Bộ [A-ZĐ]|Bộ trưởng|Thứ trưởng|Cục|Vụ trưởng|Trung ương|Chính phủ|Quốc hội|Ministry|"
                      r"Minister|Deputy Minister|Central Committee|National Assembly|Government)", re.I)
_LOCAL = re.compile(r"\b(?:tỉnh|Tỉnh ủy|Tỉnh uỷ|Thành ủy|thành phố|UBND|HĐND|Sở |provincial|province|city)", re.I)
_PLACE_AT = re.compile(r"\b(?:tại|ở|in)\s+(?:tỉnh\s+|thành phố\s+|TP\.?\s*)?", re.I)


@lru_cache(maxsize=1)
def _cue_re() -> re.Pattern:
    parts = []
    for row in sorted(read_table("meeting_cues.tsv"), key=lambda r: -len(r["cue"])):
        neg = f"(?!\\s+(?:{row['not_followed_by']})\\b)" if row.get("not_followed_by") else ""
        parts.append(r"(?<![^\W\d_])" + re.escape(row["cue"]) + r"(?![^\W\d_])" + neg)
    return re.compile("|".join(parts), re.I)


def find_meeting_cue(sentences: list[Sentence], title: str | None) -> tuple[Sentence | None, str | None]:
    """The first lead sentence (headline included) that reports a meeting, and its verb."""
    lead = sentences[:LEAD_SENTENCES + 1]
    for s in lead:
        m = _cue_re().search(s.text)
        if m:
            return s, m.group().lower()
    return None, None


def sides(persons: list[PersonFact], lead_end: int = 10**9) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(one side, the other). A central delegation meeting a province must show both in the lead:
    officials quoted further down an article about a conference did not meet each other."""
    vn = tuple(p.name for p in persons if p.side == "vietnam")
    foreign = tuple(p.name for p in persons if p.side == "foreign")
    if vn and foreign:
        return vn, foreign
    central = tuple(p.name for p in persons if p.side == "vietnam" and _is_central(p.offices))
    local = tuple(p.name for p in persons if p.side == "vietnam" and p.name not in central)
    in_lead = {p.name for p in persons if p.span.start < lead_end}
    if central and local and in_lead & set(central) and in_lead & set(local):
        return central, local
    return vn or foreign, ()


def _elsewhere(person: PersonFact, sentences: list[Sentence], cue: Sentence) -> bool:
    """Is the person named only in a sentence about another encounter ("Earlier, the delegation met
    Ambassador X", "Mr. A also had a meeting with Consul General Y")? Such a person is not a side."""
    if cue.start <= person.span.start < cue.end:
        return False
    for s in sentences:
        if s.start <= person.span.start < s.end:
            return bool(_OTHER_EVENT.search(s.text))
    return False


_OTHER_EVENT = re.compile(r"^(?:Earlier|Previously|Before that|Prior to (?:that|the talks|the meeting)|Trước đó)\b|"
                          r"\balso (?:had|held) (?:a |separate )?(?:meeting|talks|working session)s? with\b|"
                          r"\balso (?:met|visited)\b|\bcũng đã (?:có buổi )?(?:gặp|thăm|làm việc với)\b", re.I)


def _is_central(offices: tuple[str, ...]) -> bool:
    text = " ".join(offices)
    return bool(_CENTRAL.search(text)) and not _LOCAL.search(text)


def find_meetings(doc: str, text: str, sentences: list[Sentence], title: str | None, persons: list[PersonFact],
                  date: str | None, place_in: callable, main_place: str | None) -> list[MeetingFact]:
    """At most one meeting per article: the one its lead reports."""
    cue_sentence, verb = find_meeting_cue(sentences, title)
    if cue_sentence is None or not persons:
        return []
    lead = sentences[:LEAD_SENTENCES + 2]
    persons = [p for p in persons if not _elsewhere(p, sentences, cue_sentence)] or persons
    a, b = sides(persons, lead[-1].end if lead else 0)
    if not a:
        return []
    leaders = tuple(x for x in (a[:1] + b[:1]))
    location = place_in(cue_sentence) or main_place
    span = Span(doc, cue_sentence.start, cue_sentence.end, cue_sentence.text)
    found = event_day(text)
    day = f"--{found[1]:02d}-{found[0]:02d}" if found and found[2] is None else None
    return [MeetingFact(sides=(a, b), leaders=leaders, span=span, date=date, location=location, verb=verb,
                        day=day)]
