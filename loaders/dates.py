"""Event dates: the day an article's event happened, with the year only when the text makes it certain.

The event is dated in the lead in one of a few forms: "Sáng 22/12", "Ngày 27/11/2025", "5-12-2020",
"ngày 5 tháng 12 năm 2020", "on November 29", "December 4, 2020", "4 December 2020". A page's own
timestamp ("Thứ sáu - 01/12/2023", "22-09-2024 14:14", "October 22, 2019 | 14:17") is not the event:
it sits on a furniture line, or is followed by a clock time. A year is taken from the date itself, or
else from evidence in the saved page that fixes it: a page timestamp within a few weeks after the
event, an image file name carrying the same day ("img-20241108-…"), or a festival named with its
year that the event precedes ("Tết Bunpimay 2023", ``data/occasions.tsv``). Otherwise the year stays
unknown: a guessed year is worse than none, and ``EventDay.partial`` ("--MM-DD") keeps the day.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Callable

from loaders.patterns import Gated, finditer_at_heads
from loaders.tables import read_table

_MONTH_NAMES = ("january february march april may june july august september october november "
                "december").split()
_MONTHS = {m: i + 1 for i, m in enumerate(_MONTH_NAMES)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH_RE = r"(January|February|March|April|May|June|July|August|September|October|November|December|" \
            r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
# The lead words' first letters are one class up front, so ``re`` skips to those letters itself (a leading
# "not after a letter" lookbehind made it try the pattern at every position: 300 generated articles,
# _VI_NUMERIC over each, 0.034 → 0.022 CPU-s, the same matches). Then each word's rest is a branch that
# starts with its own literal, and the word's first letter and the letter before it are checked only after
# that rest has matched: ``re`` skips a branch whose first character differs in one comparison, where a
# branch that starts with a lookbehind is entered; n, s, c, t and h are among the commonest letters of
# Vietnamese (eighth session, 300 generated articles, _VI_NUMERIC over each lead: 0.0120 → 0.0045 CPU-s).
_VI_LEAD_WORDS = (("N", "gày"), ("S", "áng"), ("C", "hiều"), ("T", "rưa"), ("T", "ối"), ("Đ", "êm"), ("H", "ôm"),
                  ("V", "ào"))
_VI_LEAD = ("(?:[" + "".join(sorted({c + c.lower() for c, _ in _VI_LEAD_WORDS})) + "](?:"
            + "|".join(rf"{rest}(?<=[{c}{c.lower()}]{'.' * len(rest)})(?<![^\W\d_]{'.' * (len(rest) + 1)})"
                       for c, rest in _VI_LEAD_WORDS)
            + r")\s+(?:(?:ngày|hôm|nay)\s+)?\(?)")
# "Ngày 5/12/2020", "Sáng 22/12", "từ ngày 19-21/9/2024", "ngày 5.12.2020", "Sáng nay (6/6)", "Chiều nay 29.8"
_VI_NUMERIC = re.compile(_VI_LEAD + r"(\d{1,2})(?:\s*[-–]\s*\d{1,2})?\s*([/.-])\s*(\d{1,2})(?:\s*\2\s*(\d{4}))?(?!\d)")
# "ngày 5 tháng 12 năm 2020", "ngày 5 tháng 12"
_VI_WORDS = Gated(re.compile(_VI_LEAD + r"(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:năm|,)\s*(\d{4}))?(?!\d)"))
# a bare numeric date with its year inside a sentence: "(5-12-2020)", "hôm qua, 5/12/2020,"
# "(?=\d)" first: the same matches, but a position that is no digit fails in one step instead of two
# lookbehinds (300 generated articles: 0.034 → 0.021 CPU-s)
_BARE = re.compile(r"(?=\d)(?:(?<=[(,])|(?<=[(,] ))(\d{1,2})([/-])(\d{1,2})\2(\d{4})(?![\d/.-])")
# what every _BARE match has where it stands (from the "(" or "," before it): found by a pattern that starts
# with a class, which ``re`` skips to, where _BARE's leading lookahead is tried at every position. Most texts
# hold no such date, and _BARE is run only on those that do (eighth session, 300 generated articles, none with
# one: 0.0089 → 0.0016 CPU-s)
_BARE_NEAR = re.compile(r"[(,] ?\d{1,2}([/-])\d{1,2}\1\d{4}")
# "on November 29", "on Monday, December 4, 2020", "December 4, 2020", "on 4 December 2020", "on the afternoon of May 3"
_EN_PART_OF_DAY = r"(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?"      # "On the afternoon of January 30"
# Both start with an optional part, so ``re`` would try them at every position (eighth session; over the leads
# of the 67 of 300 generated articles that name a month). _EN_MD is tried only where one of its matches can
# start, "On"/"on" or a month's first letters after no word character (``finditer_at_heads``: 0.0039 → 0.0010
# CPU-s). _EN_DM, which few texts match, only where a day number stands before a month (_DM_CORE, in each of
# its matches), and behind a lookahead on its first characters, "On"/"on" or a digit (0.0036 → 0.0010 CPU-s).
# (Neither is Gated: both run only where _ANY_MONTH found a month.)
_EN_MD = re.compile(r"(?:\b[Oo]n\s+" + _EN_PART_OF_DAY + r"(?:[A-Z][a-z]+day,?\s+)?)?\b" + _MONTH_RE +
                    r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?")
_MONTH_HEADS = "|".join(m[:3].title() + r"(?<!\w...)" for m in _MONTH_NAMES)     # "\b" and a month's first letters
_EN_MD_HEADS = re.compile(r"On(?<!\w..)|on(?<!\w..)|" + _MONTH_HEADS)
_EN_DM = re.compile(r"(?=[Oo\d])(?:(?:\b[Oo]n\s+(?:[A-Z][a-z]+day,?\s+)?(?:the\s+)?)?\b(\d{1,2})(?:st|nd|rd|th)?\s+"
                    r"(?:of\s+)?" + _MONTH_RE + r"(?:,?\s+(\d{4}))?)")
_DM_CORE = re.compile(r"\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + "|".join(m[:3].title() for m in _MONTH_NAMES) + ")")
# "\b" then a month's first letters, spelled as the letters then "no word character before them": a pattern that
# starts with literals lets ``re`` skip to their first letters, as the Gated trie did before it ran "\b(?:Jan|…)"
# from every position (0.0027 → 0.0017 CPU-s, 300 generated leads)
_ANY_MONTH = re.compile(_MONTH_HEADS)
_CLOCK_AFTER = re.compile(r"\s*(?:[|,-]\s*)?\d{1,2}[:h]\d{2}")
# a page timestamp: "01/12/2023", "23 - 05 - 2023", "October 22, 2019"
_STAMP = re.compile(r"\b(\d{1,2})\s?[/-]\s?(\d{1,2})\s?[/-]\s?(\d{4})\b|\b(January|February|March|April|May|June|July|August|"
                    r"September|October|November|December)\s+(\d{1,2}),\s+(\d{4})\b")
_FILE_DAY = re.compile(r"\b(?:img|image|photo|dsc|anh)[-_]?((?:19|20)\d{2})(\d{2})(\d{2})", re.I)


@dataclass(frozen=True)
class EventDay:
    """A day named in the text: day and month always, the year when the phrase or the page fixes it."""

    day: int
    month: int
    year: int | None
    offset: int                       # where the phrase starts in the text

    def iso(self) -> str | None:
        """"2024-11-08", or None when the year is unknown or the day does not exist."""
        ok = self.year is not None and _valid(self.year, self.month, self.day)
        return ok.isoformat() if ok else None

    @property
    def partial(self) -> str:
        """"--11-08": day and month without a year (ISO 8601's reduced form)."""
        return f"--{self.month:02d}-{self.day:02d}"


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month(name: str) -> int:
    low = name.lower().rstrip(".")
    return _MONTHS.get(low) or _MONTHS[low[:3]]


def days_in(text: str, start: int = 0, end: int | None = None,
            is_body: Callable[[int], bool] | None = None) -> list[EventDay]:
    """Every event day phrase in ``text[start:end]``, in text order; page timestamps left out."""
    end = len(text) if end is None else end
    found: dict[int, EventDay] = {}

    def add(off: int, d: int, mo: int, y: str | None, match_end: int) -> None:
        if not (1 <= d <= 31 and 1 <= mo <= 12) or (is_body and not is_body(off)):
            return
        if _CLOCK_AFTER.match(text, match_end):       # "22-09-2024 14:14": the page's timestamp
            return
        if off not in found:
            found[off] = EventDay(d, mo, int(y) if y else None, off)

    for m in _VI_NUMERIC.finditer(text, start, end):
        add(m.start(), int(m.group(1)), int(m.group(3)), m.group(4), m.end())
    for m in _VI_WORDS.finditer(text, start, end):
        add(m.start(), int(m.group(1)), int(m.group(2)), m.group(3), m.end())
    for m in _BARE.finditer(text, start, end) if _BARE_NEAR.search(text, max(0, start - 2), end) else ():
        line_head = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
        if len(line_head.split()) <= 3:           # "Thứ hai, 14/06/2021" opening a line: the page's stamp
            continue
        if not any(o <= m.start() < o + 30 for o in found):
            add(m.start(), int(m.group(1)), int(m.group(3)), m.group(4), m.end())
    if not _ANY_MONTH.search(text, start, end):
        return [found[k] for k in sorted(found)]
    for m in finditer_at_heads(_EN_MD, _EN_MD_HEADS, text, start, end):
        if m.group(0)[:2].lower() == "on" or m.group(3):      # a bare "May 8" needs "on" or a year
            add(m.start(), int(m.group(2)), _month(m.group(1)), m.group(3), m.end())
    for m in _EN_DM.finditer(text, start, end) if _DM_CORE.search(text, start, end) else ():
        if m.group(0)[:2].lower() == "on" or m.group(3):
            add(m.start(), int(m.group(1)), _month(m.group(2)), m.group(3), m.end())
    return [found[k] for k in sorted(found)]


def event_day(text: str, lead_chars: int = 1500, is_body: Callable[[int], bool] | None = None) -> EventDay | None:
    """The first dated event phrase in the lead."""
    days = days_in(text, 0, min(len(text), lead_chars), is_body)
    return days[0] if days else None


@lru_cache(maxsize=1)
def _occasions() -> tuple[tuple[re.Pattern, int, int], ...]:
    out = []
    for row in read_table("occasions.tsv"):
        month, before = int(row["month"]), int(row["before"])
        if not (1 <= month <= 12 and 0 <= before < 12):
            raise ValueError(f"occasions.tsv: bad month/before in {row}")
        out.append((re.compile(r"(?<![^\W\d_])" + row["pattern"] + r"(?:\s+[^\W\d_]+){0,3}?\s+((?:19|20)\d{2})\b", re.I),
                    month, before))
    return tuple(out)


def year_evidence(text: str, day: int, month: int) -> int | None:
    """A year the page itself fixes for day/month: a file name of that day, a timestamp 0-40 days
    later, or a festival named with its year that the day precedes by at most a few months."""
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
    for rx, fest_month, before in _occasions():
        for m in rx.finditer(text):
            y = int(m.group(1))
            gap = (fest_month - month) % 12
            if gap <= before:
                return y if month <= fest_month else y - 1
    return None


def resolve(found: EventDay, text: str) -> EventDay:
    """The same day with the year the page fixes, when the phrase had none."""
    if found.year is not None:
        return found
    y = year_evidence(text, found.day, found.month)
    return EventDay(found.day, found.month, y, found.offset) if y else found


def document_day(text: str, is_body: Callable[[int], bool] | None = None) -> EventDay | None:
    found = event_day(text, is_body=is_body)
    return resolve(found, text) if found else None


def document_date(text: str, is_body: Callable[[int], bool] | None = None) -> str | None:
    found = document_day(text, is_body)
    return found.iso() if found else None
