"""The ingest pipeline: paths → documents → facts → graph rows → store.

Reading and extraction of every document happen before anything is written;
writes go in batches of whole documents (see ``graph.writer``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from loaders.reading import Document, DocumentError, NotADocument, iter_paths, read_documents
from ontology.facts import Extraction


@dataclass
class Rejection:
    path: str
    reason: str
    error: str


@dataclass
class ReadReport:
    rejected: list[Rejection] = field(default_factory=list)
    skipped: list[Rejection] = field(default_factory=list)


def extract_document(d: Document) -> Extraction:
    from loaders.extract import extract

    ex = extract(d.doc, d.text)
    if d.title and not ex.title:
        from dataclasses import replace
        ex = replace(ex, title=d.title)
    return ex


def iter_extractions(paths: Iterable[Path], report: ReadReport) -> Iterator[tuple[Document, Extraction]]:
    """Read and extract each document; refusals go to ``report`` and the run goes on."""
    for path in iter_paths(list(paths)):
        try:
            docs = read_documents(path)
        except NotADocument as e:
            report.skipped.append(Rejection(str(path), str(e), "NotADocument"))
            continue
        except DocumentError as e:
            report.rejected.append(Rejection(str(path), str(e), type(e).__name__))
            continue
        for d in docs:
            try:
                yield d, extract_document(d)
            except Exception as e:  # noqa: BLE001 - one bad document must not stop the others
                report.rejected.append(Rejection(d.source, f"extraction failed: {type(e).__name__}: {e}",
                                                 "ExtractionError"))


@dataclass
class IngestSummary:
    documents: int = 0
    nodes_before: int = 0
    nodes_after: int = 0
    rels_before: int = 0
    rels_after: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    skipped: list[Rejection] = field(default_factory=list)


def ingest(paths: list[Path], store, batch_size: int = 100,
           progress: Callable[[int], None] | None = None) -> IngestSummary:
    """Ingest everything under ``paths`` into ``store``; returns counts and rejections."""
    from graph.schema import ensure_schema
    from graph.stats import totals
    from graph.writer import GraphWriter
    from ontology.projection import project
    from ontology.resolver import PersonResolver

    ensure_schema(store)
    summary = IngestSummary()
    summary.nodes_before, summary.rels_before = totals(store)
    report = ReadReport()
    writer = GraphWriter(store)
    resolver = PersonResolver(store)
    pending: list[tuple[Document, Extraction]] = []

    def flush() -> None:
        rows = [(ex.doc, project(ex, d.source, resolver.resolve(ex))) for d, ex in pending]
        result = writer.write(rows)
        summary.documents += len(result.written)
        for doc_id, reason in result.failed.items():
            src = next((d.source for d, ex in pending if ex.doc == doc_id), doc_id)
            report.rejected.append(Rejection(src, reason, "StoreError"))
        if progress:
            progress(len(pending))
        pending.clear()

    for d, ex in iter_extractions(paths, report):
        pending.append((d, ex))
        if len(pending) >= batch_size:
            flush()
    if pending:
        flush()
    summary.nodes_after, summary.rels_after = totals(store)
    summary.rejected, summary.skipped = report.rejected, report.skipped
    return summary
