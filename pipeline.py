"""The ingest pipeline: sources → extraction workers → identities → writes.

It stands above the floors it drives (``loaders`` read and extract, ``ontology`` resolves
identities and projects facts to rows, ``graph`` writes), so none of them calls back up.

    read_sources        the one place documents are read (files and folders today)
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
import threading
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator

from graph.config import BATCH_SIZE
from loaders.reading import Document, DocumentError, NotADocument, iter_paths, read_documents
from ontology.facts import Extraction

CHUNK = 16            # documents per message to a worker: ~0.2 s of work, so pickling costs little
AHEAD = 4             # chunks in flight per worker: enough to keep it busy, little memory


@dataclass(frozen=True)
class Rejection:
    path: str
    reason: str
    error: str


@dataclass
class ReadReport:
    """What was refused (exit status 1) or skipped as not a document, as the run goes."""
    rejected: list[Rejection] = field(default_factory=list)
    skipped: list[Rejection] = field(default_factory=list)


@dataclass(frozen=True)
class Extracted:
    """One document's result from a worker: its facts, or why there are none."""
    doc: Document
    extraction: Extraction | None = None
    failure: Rejection | None = None


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:          # not Linux
        return max(1, os.cpu_count() or 1)


# ---------------------------------------------------------------- reading
def count_sources(paths: Iterable[Path]) -> int:
    """How many files ``read_sources`` will open (for the progress bar's total)."""
    return sum(1 for _ in iter_paths(list(paths)))


def read_sources(paths: Iterable[Path], report: ReadReport) -> Iterator[Document]:
    """Every document under ``paths``; a source that cannot be read goes to ``report`` and the
    run goes on. The one call site for reading documents."""
    for path in iter_paths(list(paths)):
        problems: list = []
        try:
            docs = read_documents(path, problems)
        except NotADocument as e:
            report.skipped.append(Rejection(str(path), str(e), "NotADocument"))
            continue
        except DocumentError as e:
            report.rejected.append(Rejection(str(path), str(e), type(e).__name__))
            continue
        except Exception as e:  # noqa: BLE001 - a file that defeats the reader (RecursionError…) costs only itself
            report.rejected.append(Rejection(str(path), f"could not be read: {type(e).__name__}: {e}",
                                             "UnreadableFile"))
            continue
        for source, e in problems:            # bad records of a JSON/JSONL file; its good ones go on
            report.rejected.append(Rejection(source, str(e), type(e).__name__))
        yield from docs


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

    def for_document(self, d: Document) -> Extracted:
        if self.extraction is not None:
            return Extracted(d, extraction=self.extraction)
        return Extracted(d, failure=Rejection(d.source, self.reason or "extraction failed", self.error))


def _outcome(d: Document) -> Outcome:
    try:
        return Outcome(extraction=extract_document(d))
    except Exception as e:  # noqa: BLE001 - one bad document must not stop the others
        return Outcome(reason=f"extraction failed: {type(e).__name__}: {e}")


def _extract_one(d: Document) -> Extracted:
    return _outcome(d).for_document(d)


def _extract_chunk(docs: list[Document]) -> list[Outcome]:
    """Runs in a worker."""
    return [_outcome(d) for d in docs]


def _worker_init(parent: int) -> None:
    """A worker ignores Ctrl-C (the parent stops the run) and ends when its parent is gone
    (a killed ingest must leave nothing running)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

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


def iter_extractions(paths: Iterable[Path], report: ReadReport, jobs: int = 1,
                     workers: ExtractionWorkers | None = None) -> Iterator[tuple[Document, Extraction]]:
    """Read and extract each document; refusals go to ``report`` and the run goes on."""
    for r in extract_all(read_sources(paths, report), jobs, workers):
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
    stopped: str | None = None        # why the run stopped early (the store became unusable), if it did


def ingest(paths: list[Path], store, batch_size: int = BATCH_SIZE,
           progress: Callable[[int], None] | None = None, jobs: int = 1,
           workers: ExtractionWorkers | None = None) -> IngestSummary:
    """Ingest everything under ``paths`` into ``store``; returns counts and rejections.

    Extraction runs in ``workers`` (else in a pool of ``jobs`` made for this call; here when 1);
    this process reads, resolves identities and projects facts to rows; one writer thread writes
    batches of whole documents, one transaction at a time, in document order, while the next
    batch is prepared. Give ``workers`` already started when the caller runs threads of its own
    (a progress bar): they are forked before those."""
    from graph.schema import ensure_schema
    from graph.stats import totals
    from graph.store import StoreUnavailable
    from graph.writer import GraphWriter
    from ontology.projection import project
    from ontology.resolver import PersonResolver

    own = None if workers else ExtractionWorkers(jobs).start()      # forked before the writer thread
    workers = workers or own
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
                    rows.append((ex.doc, project(ex, d.source, resolver.resolve(ex))))
                except Exception as e:  # noqa: BLE001 - facts that cannot become graph rows cost only their document
                    report.rejected.append(Rejection(d.source, f"could not be turned into graph rows: "
                                                               f"{type(e).__name__}: {e}", "ProjectionError"))
            settle()
            inflight.append((pool.submit(writer.write, rows), batch))

        try:
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="dipkg-writer") as pool:
                try:
                    for d, ex in iter_extractions(paths, report, jobs, workers):
                        pending.append((d, ex))
                        if len(pending) >= batch_size:
                            flush(pool)
                    if pending:
                        flush(pool)
                    settle()
                finally:
                    for fut, _ in inflight:   # on any error here: let the write in flight finish or fail first
                        fut.exception()
            summary.nodes_after, summary.rels_after = totals(store)
        except StoreUnavailable as e:     # every document committed so far is whole; a re-run completes the rest
            summary.stopped = str(e)
            summary.nodes_after, summary.rels_after = summary.nodes_before, summary.rels_before
        summary.rejected, summary.skipped = report.rejected, report.skipped
        return summary
    finally:
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
