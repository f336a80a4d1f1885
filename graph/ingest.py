"""The ingest pipeline: paths → documents → facts → graph rows → store.

Documents are read and extracted one by one and written in batches of whole
documents (see ``graph.writer``), each batch one transaction; the next batch is read
and extracted while the one before it is being written.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from graph.config import BATCH_SIZE
from loaders.reading import Document
from loaders.sources import Refusal, iter_documents
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
    unchanged: list[Rejection] = field(default_factory=list)     # already in the graph (same content hash)
    warnings: list[Rejection] = field(default_factory=list)      # read, but the report should say something

    def refused(self, r: Refusal) -> None:
        if r.warning:
            self.warnings.append(Rejection(r.source, str(r.error), type(r.error).__name__))
            return
        (self.skipped if r.skipped else self.rejected).append(Rejection(r.source, str(r.error), type(r.error).__name__))


def _noted(report: ReadReport, source: str, caught: list) -> None:
    """DipkgWarnings raised while extracting one document (truncated text)."""
    from ontology.errors import DipkgWarning

    for w in caught:
        if issubclass(w.category, DipkgWarning):
            report.warnings.append(Rejection(source, str(w.message), w.category.__name__))


def extract_document(d: Document) -> Extraction:
    from loaders.extract import extract

    ex = extract(d.doc, d.text)
    if d.title and not ex.title:
        from dataclasses import replace
        ex = replace(ex, title=d.title)
    return ex


def iter_extractions(sources: Iterable[str | Path], report: ReadReport, manifest: Path | None = None,
                     versions=None, follow_links: bool = False) -> Iterator[tuple[Document, Extraction]]:
    """Read (loaders.sources) and extract each document; refusals go to ``report`` and the run goes on.
    With ``versions`` (graph.versions.Versions), documents already in the graph are left out."""
    import warnings

    docs = iter_documents(sources, report.refused, manifest, follow_links=follow_links)
    if versions is not None:
        docs = versions.triage(docs, lambda u: report.unchanged.append(Rejection(u.source, u.reason, "Unchanged")))
    for d in docs:
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                ex = extract_document(d)
            _noted(report, d.source, caught)
        except Exception as e:  # noqa: BLE001 - one bad document must not stop the others
            report.rejected.append(Rejection(d.source, f"extraction failed: {type(e).__name__}: {e}",
                                             "ExtractionError"))
            continue
        yield d, ex


@dataclass
class IngestSummary:
    documents: int = 0
    nodes_before: int = 0
    nodes_after: int = 0
    rels_before: int = 0
    rels_after: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    skipped: list[Rejection] = field(default_factory=list)
    unchanged: list[Rejection] = field(default_factory=list)
    warnings: list[Rejection] = field(default_factory=list)
    stopped: str | None = None        # why the run stopped early (the store became unusable), if it did


def ingest(paths: list[str | Path], store, batch_size: int = BATCH_SIZE,
           progress: Callable[[int], None] | None = None, manifest: Path | None = None,
           follow_links: bool = False) -> IngestSummary:
    """Ingest everything under ``paths`` into ``store``; returns counts and rejections."""
    from graph.schema import ensure_schema
    from graph.stats import totals
    from graph.store import StoreUnavailable
    from graph.versions import Versions
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

    # One batch is written (in a worker thread, mostly waiting on the server) while the next is
    # read, extracted, resolved and projected here. The resolver keeps every identity it decided in
    # this run in memory, so it needs the previous batch's decisions, not its commit; writes stay
    # in document order, one transaction at a time.
    from concurrent.futures import Future, ThreadPoolExecutor

    inflight: list[tuple[Future, list[tuple[Document, Extraction]]]] = []

    def settle() -> None:
        if not inflight:
            return
        fut, batch = inflight.pop()
        result = fut.result()             # StoreUnavailable propagates from here
        summary.documents += len(result.written)
        for doc_id, reason in result.failed.items():
            src = next((d.source for d, ex in batch if ex.doc == doc_id), doc_id)
            report.rejected.append(Rejection(src, reason, "StoreError"))
        if progress:
            progress(len(batch))

    def flush(pool: ThreadPoolExecutor) -> None:
        batch = list(pending)
        pending.clear()
        rows = []
        try:
            resolver.prefetch([ex for _, ex in batch])
        except Exception:  # noqa: BLE001 - only an optimisation: resolve() looks keys up one by one then
            pass
        for d, ex in batch:
            try:
                rows.append((ex.doc, project(ex, d.source, resolver.resolve(ex), d.provenance())))
            except Exception as e:  # noqa: BLE001 - facts that cannot become graph rows cost only their document
                report.rejected.append(Rejection(d.source, f"could not be turned into graph rows: "
                                                           f"{type(e).__name__}: {e}", "ProjectionError"))
        settle()
        inflight.append((pool.submit(writer.write, rows), batch))

    try:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="dipkg-writer") as pool:
            try:
                versions = Versions(store)
                for d, ex in iter_extractions(paths, report, manifest, versions, follow_links=follow_links):
                    pending.append((d, ex))
                    if len(pending) >= batch_size:
                        flush(pool)
                if pending:
                    flush(pool)
                settle()
                versions.finish()
            finally:
                for fut, _ in inflight:   # on any error here: let the write in flight finish or fail first
                    fut.exception()
        summary.nodes_after, summary.rels_after = totals(store)
    except StoreUnavailable as e:     # every document committed so far is whole; a re-run completes the rest
        summary.stopped = str(e)
        summary.nodes_after, summary.rels_after = summary.nodes_before, summary.rels_before
    summary.rejected, summary.skipped, summary.unchanged = report.rejected, report.skipped, report.unchanged
    summary.warnings = report.warnings
    return summary
