"""Reading files into documents: bytes → decoded, cleaned article text.

Each refusal is a named ``DocumentError`` subclass with a human reason, so a run
over a folder reports the bad file and goes on with the rest.
"""
from __future__ import annotations

import codecs
import json
import os
import re
import unicodedata
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


from ontology.errors import (BinaryDocument, DocumentError, DocumentTooLarge, EmptyDocument,  # noqa: F401
                             InvalidRecord, NotADocument, UndecodableDocument, UnreadableFile)


@dataclass(frozen=True)
class Document:
    doc: str             # document id: the file's stem (or the record's id inside JSON/JSONL)
    text: str
    source: str          # path the text was read from
    title: str | None = None


def max_bytes() -> int:
    try:
        return int(os.environ.get("DIPKG_MAX_BYTES", DEFAULT_MAX_BYTES))
    except ValueError:
        return DEFAULT_MAX_BYTES


def decode(data: bytes) -> str:
    """Bytes → str: BOMs first, then strict UTF-8, then charset-normalizer's best guess
    when it is confident; otherwise ``UndecodableDocument``."""
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
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1258", "cp1252", "utf_8", "latin_1", "cp1250", "iso8859_15"]).best()
    if best is None or best.chaos > 0.2:
        raise UndecodableDocument("not valid UTF-8 and no other encoding could be determined")
    return str(best)


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


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as e:
        raise UnreadableFile(f"cannot stat: {e.strerror}") from None
    limit = max_bytes()
    if size > limit:
        raise DocumentTooLarge(f"{size} bytes is over the limit of {limit} bytes (DIPKG_MAX_BYTES)")
    try:
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    except OSError as e:
        raise UnreadableFile(f"cannot read: {e.strerror}") from None
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
    if suffix in HTML_SUFFIXES or (not suffix and re.match(r"\s*<(!doctype|html)", text, re.I)):
        text, title = html_to_text(text)
    text = clean_text(text)
    if not text:
        raise EmptyDocument("no article text")
    return [Document(doc=path.stem, text=text, source=str(path), title=title)]


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


def iter_paths(paths: list[Path]) -> Iterator[Path]:
    """Files named, and files under folders named (recursively, sorted, hidden ones skipped)."""
    for p in paths:
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        else:
            yield p
