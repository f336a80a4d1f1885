"""The event date of an article, with the year only when the text makes it certain.

The event is usually dated in the lead ("Sáng 22/12", "Ngày 27/11/2025", "on November 29").
A year is taken from the date itself, or else from evidence in the saved page that fixes
it: a page timestamp ("Thứ sáu - 01/12/2023", "22-09-2024 14:14", "October 22, 2019 | 14:17")
within a few weeks after the event, or an image file name carrying the same day
("img-20241108-…"). Otherwise the date is None: a guessed year is worse than none.
"""
from __future__ import annotations

import re
from datetime import date

_MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_VI_DAY = re.compile(r"(?:(?<=\s)|^)(?:[Nn]gày\s+|[Ss]áng\s+(?:ngày\s+)?|[Cc]hiều\s+(?:ngày\s+)?|[Tt]rưa\s+(?:ngày\s+)?|"
                     r"[Tt]ối\s+(?:ngày\s+)?|[Đđ]êm\s+(?:ngày\s+)?|[Tt]ừ ngày\s+)(\d{1,2})(?:\s*-\s*\d{1,2})?\s*[/-]\s*(\d{1,2})"
                     r"(?:\s*[/-]\s*(\d{4}))?")
_EN_DAY = re.compile(r"\bon\s+(?:[A-Z][a-z]+day,?\s+)?(January|February|March|April|May|June|July|August|September|"
                     r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+(\d{1,2})"
                     r"(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?")
_STAMP = re.compile(r"\b(\d{1,2})[/-](\d{1,2})[/-](\d{4})\b|\b(January|February|March|April|May|June|July|August|"
                    r"September|October|November|December)\s+(\d{1,2}),\s+(\d{4})\b")
_FILE_DAY = re.compile(r"\b(?:img|image|photo|dsc|anh)[-_]?((?:19|20)\d{2})(\d{2})(\d{2})", re.I)


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def event_day(text: str, lead_chars: int = 1500) -> tuple[int, int, int | None, int] | None:
    """(day, month, year or None, offset) of the first dated event phrase in the lead."""
    head = text[:lead_chars]
    best = None
    for m in _VI_DAY.finditer(head):
        d, mo, y = int(m.group(1)), int(m.group(2)), m.group(3)
        if 1 <= d <= 31 and 1 <= mo <= 12:
            best = (d, mo, int(y) if y else None, m.start())
            break
    for m in _EN_DAY.finditer(head):
        mo = _MONTHS[m.group(1).lower()[:3] if m.group(1).lower() not in _MONTHS else m.group(1).lower()]
        d, y = int(m.group(2)), m.group(3)
        if best is None or m.start() < best[3]:
            best = (d, mo, int(y) if y else None, m.start())
        break
    return best


def year_evidence(text: str, day: int, month: int) -> int | None:
    """A year the page itself fixes for day/month: a timestamp 0-40 days later, or a file name of that day."""
    for m in _FILE_DAY.finditer(text):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if (mo, d) == (month, day):
            return y
    for m in _STAMP.finditer(text):
        if m.group(1):
            d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        else:
            d, mo, y = int(m.group(5)), _MONTHS[m.group(4).lower()], int(m.group(6))
        stamp = _valid(y, mo, d)
        if not stamp:
            continue
        for year in (y, y - 1):
            ev = _valid(year, month, day)
            if ev and 0 <= (stamp - ev).days <= 40:
                return year
    return None


def document_date(text: str) -> str | None:
    found = event_day(text)
    if not found:
        return None
    d, mo, y, _ = found
    if y is None:
        y = year_evidence(text, d, mo)
    if y is None:
        return None
    ev = _valid(y, mo, d)
    return ev.isoformat() if ev else None
