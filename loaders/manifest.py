"""Manifests: a CSV or TSV beside saved articles saying where each came from.

The header names the file column (``file``, ``filename``, ``path`` or ``doc``) and any of ``url``,
``outlet``, ``title``, ``published``/``publication_date``/``date``, ``language``/``lang``. A folder's
manifest is found by its header (any ``.csv``/``.tsv`` in the folder with a file column and at least
one of those), so ``SOURCES.tsv`` or ``manifest.csv`` both work. A date that is not a date
("unknown (event 22/12)") is left out rather than guessed.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ontology.errors import ManifestError

_FILE_COLS = ("file", "filename", "path", "doc")
_COLS = {"url": "url", "link": "url", "outlet": "outlet", "site": "outlet", "title": "title",
         "published": "published", "publication_date": "published", "date": "published",
         "language": "lang", "lang": "lang"}
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_DMY = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\b")


@dataclass(frozen=True)
class ManifestEntry:
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None        # ISO YYYY-MM-DD
    lang: str | None = None


def iso_date(value: str | None) -> str | None:
    """YYYY-MM-DD from "2024-12-22", "2024-12-22T08:00:00+07:00" or "22/12/2024"; None otherwise."""
    from datetime import date

    if not value:
        return None
    m = _ISO.match(value)
    y, mo, d = (m.group(1), m.group(2), m.group(3)) if m else (None, None, None)
    if not m:
        m = _DMY.match(value)
        if not m:
            return None
        d, mo, y = m.group(1), m.group(2), m.group(3)
    try:
        return date(int(y), int(mo), int(d)).isoformat()
    except ValueError:
        return None


@dataclass(frozen=True)
class Manifest:
    """File name → entry, for the files of one folder (or named by path)."""

    path: Path
    entries: dict[str, ManifestEntry]

    def lookup(self, file: Path) -> ManifestEntry | None:
        """By the name as written in the manifest: relative to the manifest's folder, or the bare name."""
        try:
            rel = file.resolve().relative_to(self.path.resolve().parent).as_posix()
        except ValueError:
            rel = None
        return (self.entries.get(rel) if rel else None) or self.entries.get(file.name) \
            or self.entries.get(str(file)) or self.entries.get(file.stem)


def _dialect(text: str, path: Path) -> str:
    first = text.split("\n", 1)[0]
    if path.suffix.lower() == ".tsv" or "\t" in first:
        return "\t"
    return ","


def _header(fields: list[str]) -> tuple[str | None, dict[str, str]]:
    norm = {f: f.strip().lower().replace(" ", "_") for f in fields if f}
    file_col = next((f for f, n in norm.items() if n in _FILE_COLS), None)
    cols = {f: _COLS[n] for f, n in norm.items() if n in _COLS}
    return file_col, cols


def read_manifest(path: Path, strict: bool = True) -> Manifest | None:
    """The manifest at ``path``. ``strict`` (a manifest named with --manifest): a file without a file
    column or metadata column is a ``ManifestError``; otherwise (a .csv/.tsv found in a folder) None."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        if strict:
            raise ManifestError(f"cannot read manifest {path}: {getattr(e, 'strerror', None) or e}") from None
        return None
    reader = csv.DictReader(io.StringIO(text), delimiter=_dialect(text, path))
    file_col, cols = _header(reader.fieldnames or [])
    if not file_col or not cols:
        if strict:
            raise ManifestError(f"manifest {path} needs a header with a file column ({', '.join(_FILE_COLS)}) and "
                                f"at least one of url, outlet, title, published, publication_date")
        return None
    entries: dict[str, ManifestEntry] = {}
    try:
        for row in reader:
            name = (row.get(file_col) or "").strip()
            if not name:
                continue
            vals = {}
            for col, attr in cols.items():
                v = (row.get(col) or "").strip()
                if v and attr not in vals:
                    vals[attr] = v
            entries[name] = ManifestEntry(url=vals.get("url") if (vals.get("url") or "").startswith(("http://", "https://"))
                                          else None, outlet=vals.get("outlet"), title=vals.get("title"),
                                          published=iso_date(vals.get("published")), lang=vals.get("lang"))
    except csv.Error as e:
        if strict:
            raise ManifestError(f"manifest {path} is not valid CSV/TSV: {e}") from None
        return None
    return Manifest(path=path, entries=entries)


def folder_manifest(folder: Path, cache: dict[Path, Manifest | None]) -> Manifest | None:
    """The manifest in ``folder``, if one of its .csv/.tsv files is one (looked up once per folder)."""
    if folder not in cache:
        found = None
        try:
            candidates = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".csv", ".tsv") and p.is_file())
        except OSError:
            candidates = []
        for p in candidates:
            found = read_manifest(p, strict=False)
            if found:
                break
        cache[folder] = found
    return cache[folder]
