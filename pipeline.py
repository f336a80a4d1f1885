"""The ingest pipeline: sources → extraction workers → identities → writes.

It stands above the floors it drives (``loaders`` read and extract, ``ontology`` resolves
identities and projects facts to rows, ``graph`` writes), so none of them calls back up.

    read_sources        the one place documents are read (loaders.sources: files, folders, pages, feeds)
    extract_all         Documents → Extracted, in worker processes when ``jobs`` > 1, in order
    iter_extractions    both, refusals to a ReadReport (``dipkg extract``)
    ingest              all of it into a store, batches of whole documents, one writer thread

Why worker processes: extraction is pure Python (~10-13 ms a document, one core), the
writer mostly waits on the server; with the extractor in the same process the ingest of a
generated corpus took 2.9x as long as the same corpus with the generator's facts
(bench/RESULTS.md, "Worker processes"). Workers are forked (they inherit the parent's
loaded tables, and whatever ``loaders.extract`` the parent has, which is how
``bench/oracle.py`` swaps the extractor); they get documents in small chunks, at most a few
chunks ahead of the writer, and results come back in document order.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator

from graph.config import BATCH_SIZE
from loaders.fetch import is_url
from loaders.reading import Document, iter_paths
from loaders.sources import Refusal, iter_documents
from ontology.facts import Extraction

CHUNK = 16            # documents per message to a worker: ~0.2 s of work, so pickling costs little
AHEAD = 4             # chunks in flight per worker at least; ingest() widens the window to a write batch
# The writer thread spends most of an ingest waiting for the server; each answer it gets needs the GIL back,
# which the main thread (projecting and planning the next batch) releases only every switch interval, 5 ms by
# default, once for every statement of a transaction. At 0.5 ms during an ingest: 20,000 generated documents, two
# alternated rounds, 162.5 and 121.3 s at 5 ms, 148.8 and 119.0 s at 0.5 ms (bench/RESULTS.md).
SWITCH_INTERVAL = 0.0005


@dataclass(frozen=True)
class Rejection:
    path: str
    reason: str
    error: str


@dataclass
class ReadReport:
    """What was refused (exit status 1), skipped as not a document, left alone as unchanged, or read
    with a warning (an uncertain encoding, a truncated text), as the run goes."""
    rejected: list[Rejection] = field(default_factory=list)
    skipped: list[Rejection] = field(default_factory=list)
    unchanged: list[Rejection] = field(default_factory=list)     # already in the graph (same content hash)
    warnings: list[Rejection] = field(default_factory=list)      # read, but the report should say something

    def refused(self, r: Refusal) -> None:
        """A source's refusal, as loaders.sources reports it."""
        entry = Rejection(r.source, str(r.error), type(r.error).__name__)
        (self.warnings if r.warning else self.skipped if r.skipped else self.rejected).append(entry)


@dataclass(frozen=True)
class Extracted:
    """One document's result from a worker: its facts, or why there are none."""
    doc: Document
    extraction: Extraction | None = None
    failure: Rejection | None = None
    notes: tuple[Rejection, ...] = ()        # warnings raised while extracting it (a truncated text)


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:          # not Linux
        return max(1, os.cpu_count() or 1)


# ---------------------------------------------------------------- reading
def count_sources(sources: Iterable[str | Path], follow_links: bool = False) -> int:
    """How many files and URLs ``read_sources`` will open (for the progress bar's total; a feed counts one)."""
    sources = [str(s) for s in sources]
    local = [Path(s) for s in sources if not is_url(s) and Path(s).exists()]
    return sum(1 for _ in iter_paths(local, follow_links=follow_links)) + sum(1 for s in sources if is_url(s))


def read_sources(sources: Iterable[str | Path], report: ReadReport, manifest: Path | None = None,
                 follow_links: bool = False) -> Iterator[Document]:
    """Every document of ``sources`` (loaders.sources); a source that cannot be read goes to ``report``
    and the run goes on. The one call site for reading documents."""
    yield from iter_documents(sources, report.refused, manifest, follow_links=follow_links)


# ---------------------------------------------------------------- extraction
def extract_document(d: Document) -> Extraction:
    from loaders import extract as extractor     # looked up at call time: bench/oracle.py replaces it

    ex = extractor.extract(d.doc, d.text)
    if d.title and not ex.title:
        ex = replace(ex, title=d.title)
    return ex


@dataclass(frozen=True)
class Outcome:
    """What a worker sends back for one document (the parent holds the Document itself)."""
    extraction: Extraction | None = None
    reason: str | None = None
    error: str = "ExtractionError"
    notes: tuple[tuple[str, str], ...] = ()      # (warning class, message): DipkgWarnings travel as text

    def for_document(self, d: Document) -> Extracted:
        notes = tuple(Rejection(d.source, message, kind) for kind, message in self.notes)
        if self.extraction is not None:
            return Extracted(d, extraction=self.extraction, notes=notes)
        return Extracted(d, failure=Rejection(d.source, self.reason or "extraction failed", self.error), notes=notes)


def _outcome(d: Document) -> Outcome:
    import warnings

    from ontology.errors import DipkgWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            ex, reason = extract_document(d), None
        except Exception as e:  # noqa: BLE001 - one bad document must not stop the others
            ex, reason = None, f"extraction failed: {type(e).__name__}: {e}"
    notes = tuple((w.category.__name__, str(w.message)) for w in caught if issubclass(w.category, DipkgWarning))
    return Outcome(extraction=ex, reason=reason, notes=notes)


def _extract_one(d: Document) -> Extracted:
    return _outcome(d).for_document(d)


def _extract_chunk(docs: list[Document]) -> list[Outcome]:
    """Runs in a worker."""
    return [_outcome(d) for d in docs]


WORKER_NICE = 10      # workers yield the CPU to the writer's path (this process and the store's server)


def _worker_init(parent: int) -> None:
    """A worker ignores Ctrl-C (the parent stops the run) and ends when its parent is gone
    (a killed ingest must leave nothing running). It runs at a lower priority (``DIPKG_WORKER_NICE``,
    default 10): the writes are the critical path (one transaction at a time, on the server and this
    process), and extraction has to fill only the CPU they leave; at equal priority the workers took
    cores from the server and the writes waited (bench/RESULTS.md)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        os.nice(int(os.environ.get("DIPKG_WORKER_NICE", WORKER_NICE)))
    except (OSError, ValueError, AttributeError):
        pass                                     # not allowed or not available here: equal priority

    def watch() -> None:
        import time
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="dipkg-parent-watch").start()


def _context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class ExtractionWorkers:
    """A pool of extraction processes with a bounded window of chunks in flight (with ``jobs`` = 1,
    no process: documents are extracted here, one by one).

    A worker that dies (a crash in native code, the OOM killer) breaks the pool: the chunk it
    held is retried one document per fresh process, so the document that kills a worker is
    refused by name and the others go on; the chunks behind it are resubmitted."""

    def __init__(self, jobs: int, chunk: int = CHUNK, ahead: int = AHEAD):
        self.jobs, self.chunk, self.window = jobs, chunk, max(2, jobs * ahead)
        self._pool: ProcessPoolExecutor | None = None

    def cover(self, docs: int) -> "ExtractionWorkers":
        """Keep at least ``docs`` documents (a whole write batch) in flight. While this process waits
        for the writer to commit a batch it takes no results, so with a window of a few chunks the
        workers sat idle beside a busy server; with a batch's worth they extract the next batch
        meanwhile (3,000 generated documents: 64 and 86 s with 128 in flight, 54 and 64 s with 512,
        load 4-6; bench/RESULTS.md). A batch of results is a few MB."""
        self.window = max(self.window, -(-docs // self.chunk) + self.jobs)
        return self

    def start(self) -> "ExtractionWorkers":
        """Fork the workers now (before the caller starts threads of its own)."""
        if self.jobs <= 1:
            return self
        from loaders import extract  # noqa: F401 - loaded once here, inherited by every worker

        self._pool = ProcessPoolExecutor(self.jobs, mp_context=_context(), initializer=_worker_init,
                                         initargs=(os.getpid(),))
        self._pool.submit(int).result()          # forks all workers at once (ProcessPoolExecutor does with fork)
        return self

    def close(self) -> None:
        if self._pool:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> "ExtractionWorkers":
        return self.start() if self._pool is None else self

    def __exit__(self, *exc) -> None:
        self.close()

    def map(self, docs: Iterable[Document]) -> Iterator[Extracted]:
        """Results in document order; reads ``docs`` only a window ahead of the caller."""
        if self.jobs <= 1:
            yield from map(_extract_one, docs)
            return
        if self._pool is None:
            self.start()
        it = iter(docs)
        inflight: deque[tuple[list[Document], Future]] = deque()
        while True:
            while len(inflight) < self.window:
                chunk = list(islice(it, self.chunk))
                if not chunk:
                    break
                inflight.append((chunk, self._submit(chunk)))
            if not inflight:
                return
            chunk, fut = inflight.popleft()
            yield from self._results(chunk, fut, inflight)

    def _submit(self, chunk: list[Document]) -> Future:
        try:
            return self._pool.submit(_extract_chunk, chunk)
        except BrokenProcessPool as e:
            broken: Future = Future()
            broken.set_exception(e)
            return broken

    def _results(self, chunk: list[Document], fut: Future, behind: deque) -> list[Extracted]:
        try:
            return [o.for_document(d) for d, o in zip(chunk, fut.result())]
        except BrokenProcessPool:
            pass
        except Exception:  # noqa: BLE001 - the chunk could not travel (pickling): the pool is whole, do it here
            return [_extract_one(d) for d in chunk]
        self._restart()
        out = [self._alone(d) for d in chunk]
        for i, (c, _) in enumerate(behind):                 # the broken pool lost them: send them again
            behind[i] = (c, self._submit(c))
        return out

    def _restart(self) -> None:
        if self._pool:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = None
        self.start()

    def _alone(self, d: Document) -> Extracted:
        """One document in a process of its own: if it kills that one too, it is the culprit."""
        with ProcessPoolExecutor(1, mp_context=_context(), initializer=_worker_init,
                                 initargs=(os.getpid(),)) as solo:
            try:
                return solo.submit(_extract_chunk, [d]).result()[0].for_document(d)
            except BrokenProcessPool:
                return Outcome(reason="extraction crashed its worker process (killed, or a fault in native code); "
                                      "the other documents went on", error="ExtractionCrash").for_document(d)


def extract_all(docs: Iterable[Document], jobs: int = 1,
                workers: ExtractionWorkers | None = None) -> Iterator[Extracted]:
    """Each document's facts or failure, in order: in ``workers`` if given, else in a pool of
    ``jobs`` made for this call (none when ``jobs`` is 1)."""
    if workers is not None:
        yield from workers.map(docs)
        return
    with ExtractionWorkers(jobs) as own:
        yield from own.map(docs)


def iter_extractions(sources: Iterable[str | Path], report: ReadReport, jobs: int = 1,
                     workers: ExtractionWorkers | None = None, manifest: Path | None = None, versions=None,
                     follow_links: bool = False) -> Iterator[tuple[Document, Extraction]]:
    """Read and extract each document; refusals go to ``report`` and the run goes on. With ``versions``
    (graph.versions.Versions), documents already in the graph are left out before any worker sees them."""
    docs = read_sources(sources, report, manifest, follow_links)
    if versions is not None:
        docs = versions.triage(docs, lambda u: report.unchanged.append(Rejection(u.source, u.reason, "Unchanged")))
    for r in extract_all(docs, jobs, workers):
        report.warnings.extend(r.notes)
        if r.failure is not None:
            report.rejected.append(r.failure)
        else:
            yield r.doc, r.extraction


# ---------------------------------------------------------------- ingest
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
           progress: Callable[[int], None] | None = None, jobs: int = 1,
           workers: ExtractionWorkers | None = None, manifest: Path | None = None,
           follow_links: bool = False) -> IngestSummary:
    """Ingest everything under ``paths`` into ``store``; returns counts and rejections.

    Extraction runs in ``workers`` (else in a pool of ``jobs`` made for this call; here when 1);
    this process reads, resolves identities and projects facts to rows; one writer thread writes
    batches of whole documents, one transaction at a time, in document order, while the next
    batch is prepared. Give ``workers`` already started when the caller runs threads of its own
    (a progress bar): they are forked before those."""
    from graph.schema import ensure_schema
    from graph.stats import totals
    from graph.store import StoreUnavailable
    from graph.versions import Versions
    from graph.writer import GraphWriter
    from ontology.projection import project
    from ontology.resolver import PersonResolver

    own = None if workers else ExtractionWorkers(jobs).start()      # forked before the writer thread
    switch = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL)
    # two write batches in flight: the workers (niced) extract while the server commits, and the batch after
    # next is ready when this process comes back (3,000 generated documents, 3 runs each, load 3-4: one
    # batch 29.6 s median, two 26.5 s; bench/RESULTS.md)
    workers = (workers or own).cover(2 * batch_size)
    try:
        ensure_schema(store)
        summary = IngestSummary()
        summary.nodes_before, summary.rels_before = totals(store)
        report = ReadReport()
        writer = GraphWriter(store)
        resolver = PersonResolver(store)
        pending: list[tuple[Document, Extraction]] = []

        # The resolver keeps every identity it decided in this run in memory, so it needs the
        # previous batch's decisions, not its commit: the next batch is resolved and projected here
        # while the one before it is written.
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
            prepared = writer.prepare(rows)     # here, while the previous batch is written (graph/writer.py)
            settle()
            inflight.append((pool.submit(writer.write_prepared, prepared), batch))

        try:
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="dipkg-writer") as pool:
                try:
                    versions = Versions(store)
                    for d, ex in iter_extractions(paths, report, jobs, workers, manifest, versions, follow_links):
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
        summary.rejected, summary.skipped = report.rejected, report.skipped
        summary.unchanged, summary.warnings = report.unchanged, report.warnings
        return summary
    finally:
        sys.setswitchinterval(switch)
        if own:
            own.close()


# ---------------------------------------------------------------- progress
def progress_bar(console=None, get_time: Callable[[], float] | None = None, disable: bool = False):
    """The ingest's progress bar: documents done of the total, documents per second, time left."""
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
                               TimeRemainingColumn)
    from rich.text import Text

    class DocsPerSecond(ProgressColumn):
        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            return Text("… docs/s" if speed is None else f"{speed:,.0f} docs/s", style="progress.data.speed")

    kw = {"get_time": get_time} if get_time else {}
    return Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    DocsPerSecond(), TextColumn("left"), TimeRemainingColumn(), transient=True, console=console,
                    disable=disable, speed_estimate_period=60, **kw)
