"""Feeds and sitemaps: the article links a fetched body lists.

RSS and Atom go through feedparser (it copes with the many dialects and broken feeds of news sites);
a sitemap (``<urlset>`` of pages, ``<sitemapindex>`` of sitemaps) is a plain XML list, read with lxml
with entities and network access off.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin


@dataclass(frozen=True)
class FeedItem:
    """One link of a feed, with what the feed says about it (used when the page says less)."""

    url: str
    title: str | None = None
    published: str | None = None        # ISO YYYY-MM-DD


@dataclass(frozen=True)
class Listing:
    """The links of a feed or sitemap: article pages, and (for a sitemap index) further sitemaps."""

    kind: str                           # "rss", "atom" or "sitemap"
    items: tuple[FeedItem, ...] = ()
    sitemaps: tuple[str, ...] = ()


_XMLISH = re.compile(rb"^\s*(?:\xef\xbb\xbf)?(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(rss|feed|rdf:RDF|urlset|sitemapindex)\b",
                     re.S)


def looks_like_listing(content_type: str, body: bytes) -> bool:
    """Is this body a feed or a sitemap rather than a page? By its root element (servers often say
    text/xml or even text/html for a feed)."""
    return bool(_XMLISH.match(body[:4096])) or content_type in (
        "application/rss+xml", "application/atom+xml", "application/feed+json")


def parse_listing(body: bytes, base_url: str) -> Listing | None:
    """The links of a feed or sitemap; None when the body is neither."""
    root = _XMLISH.match(body[:4096])
    if root and root.group(1) in (b"urlset", b"sitemapindex"):
        return _sitemap(body, base_url)
    import feedparser

    parsed = feedparser.parse(body)
    version = parsed.get("version") or ""
    if not version:
        return None
    items = []
    for e in parsed.entries:
        link = e.get("link")
        if not link:
            continue
        published = None
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        if stamp:
            published = f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}"
        items.append(FeedItem(url=urljoin(base_url, link.strip()), title=e.get("title") or None, published=published))
    return Listing(kind="atom" if version.startswith("atom") else "rss", items=tuple(dict.fromkeys(items)))


def _sitemap(body: bytes, base_url: str) -> Listing | None:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return None
    if root is None:
        return None
    tag = etree.QName(root).localname
    locs = [(el.text or "").strip() for el in root.iter() if isinstance(el.tag, str)
            and etree.QName(el).localname == "loc"]
    locs = [urljoin(base_url, x) for x in dict.fromkeys(locs) if x]
    if tag == "sitemapindex":
        return Listing(kind="sitemap", sitemaps=tuple(locs))
    return Listing(kind="sitemap", items=tuple(FeedItem(url=x) for x in locs))
