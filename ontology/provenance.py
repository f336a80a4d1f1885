"""Where a document came from, as the graph records it on its Document node, and the one rule that
uses it to date a meeting: a day and month without a year take the year of publication.

Why the rule: Vietnamese provincial portals date the event in the lead ("Sáng 22/12, ...") and the
year only in the page's publication date. 13 of the 19 meetings in the seeds and the first 12 dev
articles had no date before it (issue 12). The latest such day not after publication is the
event: an article reports what happened, so "22/12" published on 2025-01-03 is 2024-12-22.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_DAY = re.compile(r"^--(\d{2})-(\d{2})$")


@dataclass(frozen=True)
class DocumentSource:
    """The Document node's provenance properties (``loaders.reading.Document.provenance()`` makes one)."""

    source: str                         # path or URL it was read from
    key: str | None = None              # identity: canonical URL, else URL, else resolved path
    sources: tuple[str, ...] = ()       # every source the same text was reached through
    url: str | None = None
    canonical_url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None        # ISO YYYY-MM-DD
    lang: str | None = None             # as the page or manifest declares it
    sha: str | None = None              # content hash of the text
    ingested_at: str | None = None      # ISO UTC

    def props(self) -> dict:
        return {"source": self.source, "key": self.key, "sources": list(self.sources) or [self.source],
                "url": self.url, "canonical_url": self.canonical_url, "outlet": self.outlet,
                "published": self.published, "page_lang": self.lang, "sha": self.sha,
                "ingested_at": self.ingested_at}


def date_from_publication(day: str | None, published: str | None) -> str | None:
    """``day`` = "--MM-DD" and ``published`` = "YYYY-MM-DD" → the latest such date not after
    publication (ISO), or None when either is missing or malformed."""
    if not day or not published:
        return None
    m = _DAY.match(day)
    try:
        pub = date.fromisoformat(published[:10])
    except ValueError:
        return None
    if not m:
        return None
    month, dd = int(m.group(1)), int(m.group(2))
    for year in range(pub.year, pub.year - 9, -1):      # 29 February: back to the last leap year
        try:
            d = date(year, month, dd)
        except ValueError:
            continue
        if d <= pub:
            return d.isoformat()
    return None
