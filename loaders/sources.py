"""Every way a document comes in, behind one entry point: ``iter_documents``.

A source is a file, a folder (its files, recursively), an http(s) URL of an article page, an RSS or
Atom feed (each item's link is fetched as a page) or a sitemap (its pages; a sitemap index, its
sitemaps). Each Document leaves here with its metadata (URL, canonical URL, title, outlet,
publication date, language, content hash, time of reading) and its identity ``key``: the canonical
URL, else the URL, else the file's resolved path (``#id`` added for a record of a JSON/JSONL file).
Which document id a key gets in the graph, and whether it is new, changed or unchanged, is decided
against the store (``graph.versions``); here the id is only the readable stem.

A source that cannot be read is handed to ``report`` as a ``Refusal`` and the others go on.
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator
from urllib.parse import unquote, urlsplit

from loaders.feeds import FeedItem, looks_like_listing, parse_listing
from loaders.fetch import Fetched, Fetcher, is_url
from loaders.manifest import Manifest, ManifestEntry, folder_manifest, read_manifest
from loaders.reading import (Document, PageMeta, clean_text, decode, html_metadata, iter_paths,
                             read_documents)
from ontology.errors import (DipkgError, DipkgWarning, DocumentError, NotADocument, NotAFeed, NotAnArticle, UnreadableFile)

_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_TEXT_TYPES = {"text/plain"}
# A page whose main text is shorter than this is a menu, a teaser or a login wall, not an article: the
# shortest of the 42 dev articles and 5 seeds is 1,559 bytes.
MIN_ARTICLE_CHARS = 150
MAX_SITEMAP_DEPTH = 2          # a sitemap index of sitemaps of pages; deeper nesting is not followed


@dataclass(frozen=True)
class Refusal:
    """A source (or one record of it) that gave no document: ``skipped`` for files that are not meant
    to be documents (an index .tsv beside articles), otherwise a rejection."""

    source: str
    error: DipkgError | DipkgWarning
    skipped: bool = False
    warning: bool = False             # read all the same; the report mentions it (an uncertain encoding)


Report = Callable[[Refusal], None]


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def iter_documents(sources: Iterable[str | Path], report: Report, manifest: Path | None = None,
                   fetcher: Fetcher | None = None, follow_links: bool = False) -> Iterator[Document]:
    """Documents from files, folders, page URLs, feeds and sitemaps, in the order given.

    ``manifest`` (``--manifest``) is read first: a bad one raises ``ManifestError`` before anything
    is read. Without it, each folder's own manifest is used when it has one."""
    given = read_manifest(manifest, strict=True) if manifest else None
    reader = _Reader(report, given, fetcher, follow_links)
    try:
        for src in sources:
            s = str(src)
            if is_url(s):
                yield from reader.url(s)
            else:
                yield from reader.path(Path(s))
    finally:
        reader.close()


class _Reader:
    def __init__(self, report: Report, manifest: Manifest | None, fetcher: Fetcher | None,
                 follow_links: bool = False):
        self.report = report
        self.follow_links = follow_links
        self.manifest = manifest
        self.folders: dict[Path, Manifest | None] = {}
        self._fetcher = fetcher
        self._own_fetcher = fetcher is None
        self.fetched: set[str] = set()
        self.at = now_iso()

    # ---- files
    def path(self, path: Path) -> Iterator[Document]:
        if not path.exists() and not path.is_symlink():
            self.report(Refusal(str(path), UnreadableFile("no such file or folder (nor an http(s) URL)")))
            return
        refused: list = []                     # links out of the given folders, named by iter_paths
        for p in iter_paths([path], follow_links=self.follow_links, refused=refused):
            while refused:
                link, err = refused.pop(0)
                self.report(Refusal(str(link), err))
            problems: list = []
            try:
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    docs = read_documents(p, problems)
                for w in caught:
                    if issubclass(w.category, DipkgWarning):
                        self.report(Refusal(str(p), w.message, warning=True))
            except NotADocument as e:
                self.report(Refusal(str(p), e, skipped=True))
                continue
            except DocumentError as e:
                self.report(Refusal(str(p), e))
                continue
            except Exception as e:  # noqa: BLE001 - a file that defeats the reader (RecursionError…) costs only itself
                self.report(Refusal(str(p), UnreadableFile(f"could not be read: {type(e).__name__}: {e}")))
                continue
            for source, e in problems:
                self.report(Refusal(source, e))
            entry = self._entry(p)
            for d in docs:
                yield self._file_document(p, d, entry, several=len(docs) > 1 or d.source != str(p))
        for link, err in refused:
            self.report(Refusal(str(link), err))

    def _entry(self, p: Path) -> ManifestEntry | None:
        found = self.manifest.lookup(p) if self.manifest else None
        if found is None:
            local = folder_manifest(p.parent, self.folders)
            found = local.lookup(p) if local else None
        return found

    def _file_document(self, p: Path, d: Document, entry: ManifestEntry | None, several: bool) -> Document:
        try:
            where = str(p.resolve())
        except OSError:
            where = str(p.absolute())
        e = entry or ManifestEntry()
        url = d.canonical_url or e.url
        key = (url if not several else None) or (f"{where}#{d.doc}" if several else where)
        return replace(d, url=e.url or d.url, canonical_url=d.canonical_url, title=d.title or e.title,
                       outlet=e.outlet or d.outlet, published=e.published or d.published, lang=d.lang or e.lang,
                       ingested_at=self.at, key=key, sources=(d.source,))

    # ---- the web
    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher()
        return self._fetcher

    def close(self) -> None:
        if self._own_fetcher and self._fetcher is not None:
            self._fetcher.close()

    def url(self, url: str, item: FeedItem | None = None, depth: int = 0) -> Iterator[Document]:
        if url in self.fetched:               # listed twice (a feed and its sitemap): read once
            return
        self.fetched.add(url)
        try:
            got = self.fetcher.get(url)
            if looks_like_listing(got.content_type, got.body):
                yield from self._listing(url, got, depth)
                return
            yield self._page(url, got, item)
        except DocumentError as e:
            self.report(Refusal(url, e))
        except Exception as e:  # noqa: BLE001 - a page that defeats the parsers costs only itself
            self.report(Refusal(url, UnreadableFile(f"could not be read: {type(e).__name__}: {e}")))

    def _listing(self, url: str, got: Fetched, depth: int) -> Iterator[Document]:
        if depth > MAX_SITEMAP_DEPTH:
            raise NotAFeed(f"a feed or sitemap nested more than {MAX_SITEMAP_DEPTH} levels deep: not followed")
        listing = parse_listing(got.body, got.final_url)
        if listing is None or not (listing.items or listing.sitemaps):
            raise NotAFeed("a feed or sitemap that lists no links")
        if depth < MAX_SITEMAP_DEPTH:
            for sub in listing.sitemaps:
                yield from self.url(sub, depth=depth + 1)
        for it in listing.items:
            yield from self.url(it.url, item=it, depth=depth + 1)

    def _page(self, url: str, got: Fetched, item: FeedItem | None) -> Document:
        ctype = got.content_type
        if ctype and ctype not in _HTML_TYPES | _TEXT_TYPES:
            raise NotAnArticle(f"not an article page (content type {ctype})")
        if not got.body.strip():
            raise NotAnArticle("the page is empty")
        text = _decode(got)
        meta = PageMeta()
        title = None
        if ctype in _HTML_TYPES or (not ctype and re.match(r"\s*<(!doctype|html)", text, re.I)):
            meta = html_metadata(text, got.final_url)
            text, title = _article_text(text, got.final_url)
        text = clean_text(text)
        if len(text) < MIN_ARTICLE_CHARS:
            raise NotAnArticle(f"no article text on the page ({len(text)} characters of main text; an index, "
                               "a menu or a login wall?)")
        item = item or FeedItem(url=url)
        key = meta.canonical_url or got.final_url
        return Document(doc=url_stem(key), text=text, source=url, title=title or meta.title or item.title,
                        url=got.final_url, canonical_url=meta.canonical_url, outlet=meta.outlet or _host(got.final_url),
                        published=meta.published or item.published, lang=meta.lang, ingested_at=self.at,
                        key=key, sources=(url,))


def _decode(got: Fetched) -> str:
    if got.charset:
        try:
            return got.body.decode(got.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(got.body)


def _article_text(html: str, url: str) -> tuple[str, str | None]:
    """The main text by trafilatura, no fallback: a page it finds no article in is not an article."""
    import trafilatura

    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=False, favor_precision=True)
    meta = None
    try:
        meta = trafilatura.extract_metadata(html, default_url=url, extensive=False)
    except Exception:  # noqa: BLE001
        pass
    title = meta.title if meta else None
    if title and text and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return text or "", title


def _host(url: str) -> str | None:
    return urlsplit(url).hostname or None


def url_stem(url: str) -> str:
    """A readable id for a page: the last path segment without its extension, else the host."""
    u = urlsplit(url)
    last = unquote(u.path.rstrip("/").rsplit("/", 1)[-1])
    last = re.sub(r"\.(s?html?|php|aspx?|jsp)$", "", last, flags=re.I)
    stem = re.sub(r"[^\w.-]+", "-", last).strip("-.")[:60] or (u.hostname or "page")
    return stem
