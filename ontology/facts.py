"""Typed facts: what the loaders read out of one document.

Every fact carries a ``Span`` (document id and character offsets into the
document's cleaned text) so that ``text[span.start:span.end] == span.text``.
The per-document ``Extraction`` turns into the evaluation record
(../shared/eval/README.md) with ``to_record()``; the graph writer reads the
richer facts directly.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Side = Literal["vietnam", "foreign"]
PartnerKind = Literal["country", "foreign_locality", "international_org", "embassy", "ngo", "company"]
CommitmentKind = Literal["support", "request", "sign", "cooperate", "promote", "donate", "other"]

PARTNER_KINDS: tuple[str, ...] = ("country", "foreign_locality", "international_org", "embassy", "ngo", "company")
COMMITMENT_KINDS: tuple[str, ...] = ("support", "request", "sign", "cooperate", "promote", "donate", "other")


@dataclass(frozen=True)
class Span:
    """Where a fact came from: ``document_text[start:end] == text``."""

    doc: str
    start: int
    end: int
    text: str

    def ref(self) -> str:
        """Compact evidence reference stored on graph elements: ``doc#start-end``."""
        return f"{self.doc}#{self.start}-{self.end}"


@dataclass(frozen=True)
class PersonFact:
    name: str
    offices: tuple[str, ...]
    side: Side
    span: Span
    province: str | None = None          # canonical province the person's posts belong to, if known
    country: str | None = None           # partner name (e.g. "Lào") for foreign persons, if known


@dataclass(frozen=True)
class ProvinceFact:
    name: str                             # canonical Vietnamese name ("Thừa Thiên Huế")
    surface: str                          # as written ("Huế", "Thua Thien Hue", "TP.HCM")
    span: Span


@dataclass(frozen=True)
class OrganizationFact:
    name: str                             # Vietnamese body, as written with province filled in
    span: Span
    province: str | None = None


@dataclass(frozen=True)
class PartnerFact:
    name: str                             # the text's own wording
    kind: PartnerKind
    span: Span
    country: str | None = None            # ISO 3166 alpha-2 code when known ("LA", "KR")
    canonical: str | None = None          # canonical name for linking across documents/languages


@dataclass(frozen=True)
class MeetingFact:
    sides: tuple[tuple[str, ...], tuple[str, ...]]   # person names per side (host/guest order free)
    leaders: tuple[str, ...]
    span: Span
    date: str | None = None               # ISO date, None when the year is not certain
    location: str | None = None
    verb: str | None = None               # the event cue ("làm việc với", "received", …)
    day: str | None = None                # "--MM-DD" when the text gives day and month without a year


@dataclass(frozen=True)
class CommitmentFact:
    by: tuple[str, ...]                   # makers: person and/or organization/province names
    to: str | None
    kind: CommitmentKind
    text: str                             # the quote (equal to span.text)
    span: Span
    amount: str | None = None             # for donations: "250 triệu đồng"


@dataclass(frozen=True)
class Extraction:
    """All facts of one document."""

    doc: str
    text: str
    lang: str                             # "vi" or "en"
    title: str | None = None
    date: str | None = None
    persons: tuple[PersonFact, ...] = ()
    provinces: tuple[ProvinceFact, ...] = ()
    organizations: tuple[OrganizationFact, ...] = ()
    partners: tuple[PartnerFact, ...] = ()
    meetings: tuple[MeetingFact, ...] = ()
    commitments: tuple[CommitmentFact, ...] = ()

    def met_pairs(self) -> list[tuple[str, str]]:
        """Every cross-side pair of every meeting, each unordered pair once."""
        seen: set[frozenset[str]] = set()
        out: list[tuple[str, str]] = []
        for m in self.meetings:
            a_side, b_side = m.sides
            for a in a_side:
                for b in b_side:
                    key = frozenset((a, b))
                    if a != b and key not in seen:
                        seen.add(key)
                        out.append((a, b))
        return out

    def to_record(self) -> dict:
        """The evaluation/JSONL shape of ../shared/eval/README.md."""
        def uniq(xs):
            return list(dict.fromkeys(xs))

        return {
            "doc": self.doc,
            "date": self.date,
            "persons": [{"name": p.name, "offices": list(p.offices), "side": p.side} for p in self.persons],
            "provinces": uniq(p.name for p in self.provinces),
            "organizations": uniq(o.name for o in self.organizations),
            "foreign_partners": [{"name": n, "kind": k} for n, k in
                                 uniq((f.name, f.kind) for f in self.partners)],
            "meetings": [{"date": m.date, "location": m.location,
                          "sides": [list(m.sides[0]), list(m.sides[1])], "leaders": list(m.leaders)}
                         for m in self.meetings],
            "met_pairs": [list(p) for p in self.met_pairs()],
            "commitments": [{"by": list(c.by), "to": c.to, "kind": c.kind, "text": c.text}
                            for c in self.commitments],
        }
