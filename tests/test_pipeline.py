"""The pipeline: extraction in worker processes gives what extraction in one process gives, in the
same order; a document that fails or kills its worker costs only itself; the progress bar says
documents per second and the time left.

The corpus is generated (bench/generate.py). Where a test needs an extractor that fails, it puts
one in place the way bench/oracle.py does (the workers are forked and inherit it), wrapping the
real one.
"""
from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest

import loaders
import pipeline
from loaders.reading import Document
from pipeline import ExtractionWorkers, ReadReport, extract_all, iter_extractions, read_sources
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    generate(root, 60, seed=11, pool=20, per_dir=10**9)
    return root


def _docs(corpus: Path) -> list[Document]:
    return list(read_sources([corpus], ReadReport()))


@pytest.fixture
def failing_extractor(monkeypatch):
    """The real extractor, except for documents whose text holds a marker: RAISE fails in Python,
    CRASH ends the process that extracts it (as a fault in native code or the OOM killer would)."""
    from loaders import extract as real

    mod = types.ModuleType("loaders.extract")

    def extract(doc_id: str, text: str):
        if "CRASH-THIS-WORKER" in text:
            os.kill(os.getpid(), signal.SIGKILL)
        if "RAISE-IN-EXTRACTOR" in text:
            raise ValueError("a rule met text it cannot handle")
        return real.extract(doc_id, text)

    mod.extract = extract
    monkeypatch.setitem(sys.modules, "loaders.extract", mod)
    monkeypatch.setattr(loaders, "extract", mod)
    return mod


def test_workers_give_the_same_facts_in_the_same_order(corpus):
    docs = _docs(corpus)
    alone = list(extract_all(docs, jobs=1))
    with ExtractionWorkers(2, chunk=3, ahead=2) as workers:
        pooled = list(extract_all(docs, workers=workers))
    assert [r.doc.doc for r in pooled] == [d.doc for d in docs]
    assert all(r.failure is None for r in pooled)
    assert [r.extraction for r in pooled] == [r.extraction for r in alone]
    assert sum(len(r.extraction.persons) for r in pooled) > len(docs)      # facts were found, not empty records


def test_workers_read_only_a_window_ahead(corpus):
    docs = _docs(corpus)
    taken = []

    def source():
        for d in docs:
            taken.append(d.doc)
            yield d

    with ExtractionWorkers(2, chunk=4, ahead=1) as workers:
        results = workers.map(source())
        next(results)
        assert len(taken) <= 2 * 4 + 4            # the window (2 chunks) and the next chunk being cut, not all 60
        assert len(list(results)) == len(docs) - 1


@pytest.mark.parametrize("batch", [None, 40])
def test_workers_extract_a_write_batch_ahead_while_the_caller_waits(corpus, monkeypatch, tmp_path, batch):
    """ingest() waits for the writer between batches and takes no results meanwhile: the workers must
    go on extracting the next batch then (``cover``), not stop after a few chunks."""
    from loaders import extract as real

    log = tmp_path / "extracted.log"
    mod = types.ModuleType("loaders.extract")

    def extract(doc_id: str, text: str):
        with open(log, "a") as f:                 # the workers are other processes: they say so in a file
            f.write(doc_id + "\n")
        return real.extract(doc_id, text)

    mod.extract = extract
    monkeypatch.setitem(sys.modules, "loaders.extract", mod)
    monkeypatch.setattr(loaders, "extract", mod)
    docs = _docs(corpus)
    workers = ExtractionWorkers(2, chunk=2, ahead=1)
    if batch:
        workers.cover(batch)
    with workers:
        results = workers.map(iter(docs))
        next(results)
        deadline = time.monotonic() + 20
        done = lambda: len(log.read_text().split()) if log.exists() else 0  # noqa: E731
        while done() < (batch or 4) and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)
        ahead = done()
        assert len(list(results)) == len(docs) - 1
    if batch:
        assert ahead >= batch                     # the whole next batch, extracted while nobody took results
    else:
        assert ahead <= 2 * 2 + 2 * 2             # two chunks in flight, and the one each worker took along


def test_a_failing_document_costs_only_itself(corpus, failing_extractor):
    docs = _docs(corpus)
    bad = Document(doc="bad", text="RAISE-IN-EXTRACTOR " + docs[0].text, source="/tmp/bad.txt")
    mixed = docs[:10] + [bad] + docs[10:20]
    out = list(extract_all(mixed, jobs=2))
    assert [r.doc.doc for r in out] == [d.doc for d in mixed]
    failed = [r for r in out if r.failure]
    assert [f.failure.path for f in failed] == ["/tmp/bad.txt"]
    assert failed[0].failure.error == "ExtractionError" and "ValueError" in failed[0].failure.reason
    assert all(r.extraction is not None for r in out if r is not failed[0])


def test_a_document_that_kills_its_worker_costs_only_itself(corpus, failing_extractor):
    docs = _docs(corpus)
    bad = Document(doc="crash", text="CRASH-THIS-WORKER " + docs[0].text, source="/tmp/crash.txt")
    mixed = docs[:25] + [bad] + docs[25:]
    with ExtractionWorkers(2, chunk=4, ahead=2) as workers:
        out = list(workers.map(mixed))
        assert [r.doc.doc for r in out] == [d.doc for d in mixed]
        failed = [r for r in out if r.failure]
        assert [(f.failure.path, f.failure.error) for f in failed] == [("/tmp/crash.txt", "ExtractionCrash")]
        assert "crashed its worker process" in failed[0].failure.reason
        again = list(workers.map(docs[:8]))          # the pool was replaced and goes on working
        assert all(r.extraction is not None for r in again) and len(again) == 8


def test_iter_extractions_reports_unreadable_files_and_goes_on(tmp_path, corpus):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for p in sorted(corpus.rglob("*.txt"))[:5]:
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    report = ReadReport()
    got = list(iter_extractions([folder], report, jobs=2))
    assert len(got) == 5
    assert [Path(r.path).name for r in report.rejected] == ["empty.txt"]
    assert [Path(r.path).name for r in report.skipped] == ["image.png"]


def test_progress_bar_shows_documents_per_second_and_time_left():
    from rich.console import Console

    clock = [0.0]
    with pipeline.progress_bar(console=Console(file=io.StringIO()), get_time=lambda: clock[0]) as bar:
        task = bar.add_task("ingesting", total=1000)
        for _ in range(10):
            clock[0] += 1.0
            bar.advance(task, 40)           # 40 documents a second: 600 left, 15 s
        shown = Console(file=io.StringIO(), width=140, color_system=None)
        shown.print(bar.make_tasks_table(bar.tasks))
    line = shown.file.getvalue()
    assert "400/1000" in line and "40 docs/s" in line and "0:00:15" in line


def test_extract_cli_with_workers_writes_the_same_records(corpus, tmp_path):
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"j{jobs}.jsonl"
        proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "extract", str(corpus), "--out", str(out),
                               "--jobs", jobs], capture_output=True, text=True, cwd=ROOT, timeout=600,
                              env={**os.environ, "DIPKG_HOME": str(tmp_path / "home")})
        assert proc.returncode == 0, proc.stderr
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1] and outs[0].count("\n") == 60


def test_projection_reads_no_table_per_document(monkeypatch):
    """The parent projects every document: a gazetteer table read per partner (country_name read
    countries.tsv on every call) cost a third of its projection time (bench/RESULTS.md)."""
    from generate import make_doc

    from ontology.gazetteer import partners
    from ontology.projection import project

    docs = [make_doc(11, 20, i).extraction for i in range(30)]
    assert any(p.kind == "foreign_locality" for ex in docs for p in ex.partners)
    for ex in docs:                                  # the first pass loads what the tables hold
        project(ex, ex.doc)
    reads = []
    real = partners._read
    monkeypatch.setattr(partners, "_read", lambda name: reads.append(name) or real(name))
    rows = sum(project(ex, ex.doc).counts()[0] for ex in docs)
    assert rows > len(docs) * 5
    assert reads == []
