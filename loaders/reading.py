"""Reading files into documents: bytes → decoded, cleaned article text.

Each refusal is a named ``DocumentError`` subclass with a human reason, so a run
over a folder reports the bad file and goes on with the rest.
"""
from __future__ import annotations

import codecs
import json
import os
import re
import stat
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
DOCUMENT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
DEFAULT_MAX_BYTES = 5 * 1024 * 1024

_BINARY_MAGIC = {
    b"\x89PNG": "PNG image", b"%PDF": "PDF document", b"PK\x03\x04": "zip archive", b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image", b"\x1f\x8b": "gzip archive", b"\x7fELF": "executable", b"Rar!": "RAR archive",
    b"7z\xbc\xaf": "7z archive", b"\xd0\xcf\x11\xe0": "Office document",
}


from ontology.provenance import DocumentSource
from ontology.errors import (BinaryDocument, DocumentError, DocumentTooLarge, EmptyDocument,  # noqa: F401
                             InvalidRecord, LinkOutside, NotADocument, SpecialFile, UncertainDecoding,
                             UndecodableDocument, UnreadableFile)


@dataclass(frozen=True)
class Document:
    """One article and where it came from. ``read_documents`` fills what a file says about itself;
    ``loaders.sources`` adds the identity (``key``, and ``doc`` made from it) and what manifests,
    pages and feeds say."""

    doc: str             # document id: the file's stem (or the record's id inside JSON/JSONL); see loaders.sources
    text: str
    source: str          # path or URL the text was read from
    title: str | None = None
    url: str | None = None              # the article's URL (fetched, or given by a manifest)
    canonical_url: str | None = None    # the page's own <link rel=canonical>/og:url, when it gives one
    outlet: str | None = None           # site name
    published: str | None = None        # publication date, ISO YYYY-MM-DD
    lang: str | None = None             # language the page or manifest declares
    ingested_at: str | None = None      # ISO UTC timestamp of this read
    key: str = ""                       # identity: canonical URL, else URL, else resolved path (+ #record)
    sources: tuple[str, ...] = ()       # every source this same text was reached through
    sha: str = ""                       # content hash of ``text`` (sha256 hex), filled when not given

    def __post_init__(self) -> None:
        if not self.sha:
            object.__setattr__(self, "sha", content_hash(self.text))

    def provenance(self) -> DocumentSource:
        """What the Document node records about where this text came from."""
        return DocumentSource(source=self.source, key=self.key or None, sources=self.sources or (self.source,),
                              url=self.url, canonical_url=self.canonical_url, title=self.title, outlet=self.outlet,
                              published=self.published, lang=self.lang, sha=self.sha, ingested_at=self.ingested_at)


def content_hash(text: str) -> str:
    """sha256 of the cleaned text: the same article reached twice, or read again unchanged, hashes alike."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class PageMeta:
    """What an HTML page says about itself (trafilatura.extract_metadata)."""

    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    canonical_url: str | None = None
    lang: str | None = None


def html_metadata(html: str, url: str | None = None) -> PageMeta:
    """Title, site name, publication date, canonical URL and language from a page's own markup.
    The date comes from the page's metadata and markup only (no guess from the body text)."""
    import trafilatura

    try:
        meta = trafilatura.extract_metadata(html, default_url=url, extensive=False)
    except Exception:  # noqa: BLE001 - a page whose metadata defeats the parser still has its text
        meta = None
    lang = None
    m = re.search(r"<html\b[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", html[:5000], re.I)
    if m:
        lang = m.group(1).lower()
    if meta is None:
        return PageMeta(lang=lang)
    published = meta.date if meta.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta.date) else None
    canonical = meta.url if meta.url and meta.url.startswith(("http://", "https://")) else None
    return PageMeta(title=meta.title or None, outlet=meta.sitename or None, published=published,
                    canonical_url=canonical, lang=lang or (meta.language or None))


def max_bytes() -> int:
    try:
        return int(os.environ.get("DIPKG_MAX_BYTES", DEFAULT_MAX_BYTES))
    except ValueError:
        return DEFAULT_MAX_BYTES


def decode(data: bytes) -> str:
    """Bytes → str: BOMs first, then strict UTF-8, then Windows-1258 or Windows-1252 when the text reads as
    Vietnamese or Western European under it, then charset-normalizer's best guess when it is confident
    (with an ``UncertainDecoding`` warning); otherwise ``UndecodableDocument``."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as e:
                raise UndecodableDocument(f"declares {enc} by its byte-order mark but is not valid {enc}") from e
    if b"\x00" in data:
        raise BinaryDocument("contains NUL bytes (binary data, or UTF-16 without a byte-order mark)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        bad_at = e.start
    if _mostly_utf8(data):
        # Legacy single-byte text almost never forms valid UTF-8 sequences; when most of the
        # non-ASCII bytes do, this is damaged UTF-8, and guessing another encoding would garble it.
        raise UndecodableDocument(f"invalid UTF-8 at byte {bad_at} in otherwise UTF-8 text (damaged or truncated file)")
    legacy = _legacy_decode(data)
    if legacy is not None:
        return legacy
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1258", "cp1252", "utf_8", "latin_1", "cp1250", "iso8859_15"]).best()
    if best is None or best.chaos > 0.2:
        raise UndecodableDocument("not valid UTF-8 and no other encoding could be determined")
    warnings.warn(UncertainDecoding(f"not UTF-8, nor Vietnamese or Western European text; read as {best.encoding} "
                                    f"(a guess: check the text)"), stacklevel=2)
    return str(best)


# Non-ASCII punctuation and signs that Western European and Vietnamese news text uses.
_TEXT_SIGNS = set("\u00a0\u00ab\u00bb\u00b0\u00a9\u00ae\u00b7\u00a7\u00a3\u00a5\u00bf\u00a1\u00d7\u00b2\u00ba\u00aa"
                  "\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026\u2022\u20ac\u20ab\u2122\u2030")


def _vietnamese_letters(text: str) -> int:
    """Letters only Vietnamese writes: ă ơ ư đ and the toned vowels of Latin Extended Additional."""
    return sum(1 for c in text if "\u1ea0" <= c <= "\u1ef9" or c in "ăĂơƠưƯđĐ")


def _odd(text: str) -> int:
    """Non-ASCII characters that are neither letters nor usual text signs: a wrong code page's mark."""
    return sum(1 for c in text if c >= "\x80" and not c.isalpha() and c not in _TEXT_SIGNS)


def _legacy_decode(data: bytes) -> str | None:
    """Windows-1258 when it reads as Vietnamese, else Windows-1252 (Latin-1's superset) when it reads as
    Western European text; None when neither does. Why not charset-normalizer alone: on short Western text
    it chose cp1250 ("naïve" became "naďve"); the two code pages tried here cover the project's languages,
    and each is accepted only when its letters say so."""
    try:
        vi = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        vi = None
    if vi is not None:
        high = sum(1 for c in vi if c >= "\x80") or 1
        loose = sum(1 for c in vi if unicodedata.combining(c))          # tone marks that found no vowel
        toned = sum(1 for c in vi if "\u1ea0" <= c <= "\u1ef9")      # cp1252 text never composes these
        if toned >= 0.2 * high and _vietnamese_letters(vi) >= 0.5 * high and loose <= 0.02 * high and not _odd(vi):
            return vi
    try:
        west = data.decode("cp1252")
    except UnicodeDecodeError:                  # bytes cp1252 leaves undefined: Latin-1's controls, never text
        return None
    high = sum(1 for c in west if c >= "\x80")
    return west if _odd(west) <= 0.02 * high else None


_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _mostly_utf8(data: bytes) -> bool:
    """Do valid UTF-8 multi-byte sequences account for most of the bytes >= 0x80?"""
    high = sum(1 for b in data if b >= 0x80)
    covered = sum(len(m) for m in _UTF8_SEQ.findall(data))
    return high > 0 and covered >= 0.5 * high


def clean_text(text: str) -> str:
    """NFC, unified newlines, no control characters; keeps the text's own wording."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    # Categories are looked up once per distinct character, not once per character.
    drop = {ord(c): None for c in set(text)
            if unicodedata.category(c)[0] == "C" and c not in "\n\t\u00ad"}
    return (text.translate(drop) if drop else text).strip()


def html_to_text(html: str) -> tuple[str, str | None]:
    """The article's main text and title, via trafilatura (the standard for news
    boilerplate); a tag-stripping fallback when the page defeats it."""
    import trafilatura

    text = title = None
    try:
        text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
        meta = trafilatura.extract_metadata(html)
        title = meta.title if meta else None
    except Exception:  # noqa: BLE001 - malformed pages fall back below
        text = None
    if not text:
        stripped = re.sub(r"(?is)<(script|style|noscript|template)\b.*?(</\1\s*>|$)", " ", html)
        stripped = re.sub(r"(?s)<!--.*?-->", " ", stripped)
        stripped = re.sub(r"(?s)<[^>]*>", "\n", stripped)
        import html as htmllib
        text = "\n".join(line.strip() for line in htmllib.unescape(stripped).splitlines() if line.strip())
    if title and text and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return text or "", title


def _check_binary(head: bytes) -> None:
    for magic, what in _BINARY_MAGIC.items():
        if head.startswith(magic):
            raise BinaryDocument(f"binary file ({what})")


_SPECIAL = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
            (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"))


def _special(mode: int) -> str | None:
    return next((what for test, what in _SPECIAL if test(mode)), None if stat.S_ISREG(mode) else "not a regular file")


def read_bytes(path: Path) -> bytes:
    """A regular file's bytes. A pipe, socket or device is refused before it is opened (reading a FIFO
    blocks until a writer comes, which may be never); opening without blocking closes the race."""
    try:
        st = path.stat()
    except OSError as e:
        raise UnreadableFile(f"cannot stat: {e.strerror}") from None
    what = _special(st.st_mode)
    if what:
        raise SpecialFile(f"{what}, not a regular file: not read")
    limit = max_bytes()
    if st.st_size > limit:
        raise DocumentTooLarge(f"{st.st_size} bytes is over the limit of {limit} bytes (DIPKG_MAX_BYTES)")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as e:
        raise UnreadableFile(f"cannot read: {e.strerror}") from None
    try:
        what = _special(os.fstat(fd).st_mode)
        if what:                                # swapped for a special file since the stat above
            raise SpecialFile(f"{what}, not a regular file: not read")
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(limit + 1)
    except OSError as e:
        raise UnreadableFile(f"cannot read: {e.strerror}") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise DocumentTooLarge(f"over the limit of {limit} bytes (DIPKG_MAX_BYTES)")
    if not data.strip():
        raise EmptyDocument("empty file" if not data else "whitespace only")
    _check_binary(data[:8])
    return data


def read_documents(path: Path, problems: list[tuple[str, DocumentError]] | None = None) -> list[Document]:
    """The documents in one file (a JSON/JSONL file may hold several).

    A file that yields no document raises its ``DocumentError``. In a JSON/JSONL file
    of several records, a bad record is appended to ``problems`` as ``(source, error)``
    (``source`` = ``path:line`` for JSONL, ``path:record`` for a JSON array) while the good
    ones are returned; without a ``problems`` list the first bad record raises.
    """
    suffix = path.suffix.lower()
    if suffix and suffix not in DOCUMENT_SUFFIXES:
        raise NotADocument(f"not a document type ({suffix})")
    data = read_bytes(path)
    text = decode(data)
    if not text.strip():
        raise EmptyDocument("whitespace only")
    if suffix in JSON_SUFFIXES:
        return _json_documents(path, text, problems)
    title = None
    meta = PageMeta()
    if suffix in HTML_SUFFIXES or looks_like_html(text):
        meta = html_metadata(text)
        text, title = html_to_text(text)
    text = clean_text(text)
    if not text:
        raise EmptyDocument("no article text")
    return [Document(doc=path.stem, text=text, source=str(path), title=title or meta.title,
                     canonical_url=meta.canonical_url, url=meta.canonical_url, outlet=meta.outlet,
                     published=meta.published, lang=meta.lang)]


_HTML_START = re.compile(r"(?:\ufeff)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.I | re.S)
_HTML_TAG = re.compile(r"</?(?:p|div|span|a|br|hr|img|body|head|html|article|section|header|footer|nav|main|script|"
                       r"style|meta|link|title|h[1-6]|li|ul|ol|table|tr|td|th|strong|em|b|i|figure|iframe|form)\b[^<>]*>",
                       re.I)


def looks_like_html(text: str) -> bool:
    """Is this text an HTML page, whatever its file is called? It opens like one (doctype, <html>, <head>
    or <body>), or HTML tags are dense in it: at least 5 of them, and markup is a tenth of the text."""
    if _HTML_START.match(text[:4096]):
        return True
    tags = _HTML_TAG.findall(text[:200_000])
    return len(tags) >= 5 and sum(map(len, tags)) >= 0.1 * min(len(text), 200_000)


def _json_records(path: Path, text: str) -> list[tuple[int, object]]:
    """(position, parsed value) pairs: record index for JSON, line number for JSONL.
    A JSONL line that does not parse becomes an ``InvalidRecord`` value at its line."""
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(text)
            return list(enumerate(data if isinstance(data, list) else [data], 1))
    except json.JSONDecodeError as e:
        raise InvalidRecord(f"invalid JSON at line {e.lineno} column {e.colno}: {e.msg}") from None
    except RecursionError:
        raise InvalidRecord("JSON nested too deeply") from None
    out: list[tuple[int, object]] = []
    for no, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append((no, json.loads(line)))
        except json.JSONDecodeError as e:
            out.append((no, InvalidRecord(f"invalid JSON at column {e.colno}: {e.msg}")))
        except RecursionError:
            out.append((no, InvalidRecord("JSON nested too deeply")))
    return out


def _json_type(v: object) -> str:
    return {bool: "boolean", int: "number", float: "number", list: "array", dict: "object",
            type(None): "null"}.get(type(v), type(v).__name__)


def _json_documents(path: Path, text: str, problems: list[tuple[str, DocumentError]] | None) -> list[Document]:
    """JSON (one object or an array) or JSONL; each record needs a non-empty string ``text``
    and may name itself with ``doc`` or ``id`` (else ``stem`` or ``stem-N``)."""
    records = _json_records(path, text)
    jsonl = path.suffix.lower() != ".json"
    where = "line" if jsonl else "record"
    out: list[Document] = []
    errors: list[tuple[str, DocumentError]] = []
    seen: dict[str, str] = {}
    for pos, rec in records:
        source = f"{path}:{pos}"
        try:
            if isinstance(rec, DocumentError):
                raise rec
            if not isinstance(rec, dict):
                raise InvalidRecord(f"{where} {pos} is a JSON {_json_type(rec)}, not an object with a 'text' field")
            if "text" not in rec:
                fields = ", ".join(sorted(map(str, rec))[:8]) or "none"
                raise InvalidRecord(f"{where} {pos} has no non-empty string field 'text' (fields: {fields})")
            if not isinstance(rec["text"], str):
                raise InvalidRecord(f"{where} {pos}: field 'text' is a JSON {_json_type(rec['text'])}, not a string")
            if not rec["text"].strip():
                raise EmptyDocument(f"{where} {pos}: field 'text' is empty")
            doc_id = rec.get("doc") or rec.get("id")
            doc_id = str(doc_id).strip() if isinstance(doc_id, (str, int)) and str(doc_id).strip() else (
                path.stem if len(records) == 1 else f"{path.stem}-{pos}")
            if doc_id in seen:
                raise InvalidRecord(f"{where} {pos} repeats document id {doc_id!r} (first at {seen[doc_id]})")
            body = rec["text"]
            if re.match(r"\s*<", body) and re.search(r"</\w+>", body):
                body, _ = html_to_text(body)
            body = clean_text(body)
            if not body:
                raise EmptyDocument(f"{where} {pos} has no article text")
            seen[doc_id] = source
            title = rec.get("title") if isinstance(rec.get("title"), str) else None
            out.append(Document(doc=doc_id, text=body, source=source, title=title))
        except DocumentError as e:
            if problems is None:
                raise
            errors.append((source, e))
    if not out and errors:
        raise errors[0][1] if len(errors) == 1 else InvalidRecord(
            f"no usable record ({len(errors)} bad; first: {errors[0][1]})")
    if problems is not None:
        problems.extend(errors)
    return out


def iter_paths(paths: list[Path], follow_links: bool = False,
               refused: list[tuple[Path, DocumentError]] | None = None) -> Iterator[Path]:
    """Files named, and files under folders named (recursively, sorted, hidden ones skipped).

    Under a folder, a symbolic link whose target lies outside every folder given is not followed (a link
    to /etc/shadow must not become a document): it goes to ``refused`` as ``LinkOutside`` (or is left out
    when no list is given). ``follow_links`` follows every link, folders included, each real folder once."""
    roots = [os.path.realpath(p) for p in paths if p.is_dir()]

    def inside(target: str) -> bool:
        return any(target == r or target.startswith(r.rstrip(os.sep) + os.sep) for r in roots)

    def leaves(full: Path) -> bool:
        """A link out of the given folders (not followed unless asked): named in ``refused``."""
        if not full.is_symlink() or follow_links or inside(os.path.realpath(full)):
            return False
        if refused is not None:
            refused.append((full, LinkOutside(f"a link to {os.path.realpath(full)}, outside the "
                                              "folders given: not followed (--follow-links reads it)")))
        return True

    for p in paths:
        if not p.is_dir():
            yield p                               # named by the user: read as named
            continue
        seen: set[str] = set()
        for root, dirs, files in os.walk(p, followlinks=follow_links):
            real = os.path.realpath(root)
            if real in seen:                      # a link loop, or a folder reached twice through links
                dirs[:] = []
                continue
            seen.add(real)
            kept = []
            for d in sorted(d for d in dirs if not d.startswith(".")):
                if not leaves(Path(root) / d):
                    kept.append(d)
            dirs[:] = kept
            for name in sorted(files):
                if name.startswith("."):
                    continue
                full = Path(root) / name
                if not leaves(full):
                    yield full
