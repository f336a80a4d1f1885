"""Failures lose nothing: real processes against the real embedded server.

- an ingest killed (SIGKILL) in the middle leaves only whole documents, and running it
  again completes it;
- two ingests of overlapping corpora at once leave one node per entity and one
  relationship per fact;
- a transient error is retried; a non-transient one refuses that document only, with a
  clear message, and leaves nothing of it; a server that goes away stops the run with a
  clear message, and a re-run after it is back completes it.

The documents are generated (bench/generate.py) and ingested through the real CLI with
their known facts (bench/oracle.py), so these tests do not depend on the extractor.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from neo4j.exceptions import Neo4jError

from graph.config import DOCS_SAMPLED_TYPES, EVIDENCE_SAMPLE
from graph.store import StoreError
from graph.writer import GraphWriter
from ontology.projection import NodeRow, project
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate, make_doc  # noqa: E402

pytestmark = pytest.mark.integration
POOL = 50          # people per side: small, so documents share many people, partners and provinces


def _corpus(root: Path, start: int, n: int) -> Path:
    generate(root, n, start=start, pool=POOL, per_dir=10**9)
    return root


def _expected(ids: range) -> tuple[dict[str, tuple[int, int]], set, set]:
    """Per document: (non-Document nodes, relationships listing every document) it evidences; and all
    node / relationship keys."""
    per_doc, nodes, rels = {}, set(), set()
    for i in ids:
        ex = make_doc(7, POOL, i).extraction
        b = project(ex, None)
        dn = {(label, r.id) for label, rows in b.nodes.items() for r in rows}
        dr = {(t, r.a, r.b, r.key) for (t, _, _), rows in b.rels.items() for r in rows}
        per_doc[ex.doc] = (len({x for x in dn if x[0] != "Document"}),
                           len({x for x in dr if x[0] not in DOCS_SAMPLED_TYPES}))
        nodes |= dn
        rels |= dr
    return per_doc, nodes, rels


def _observed(store) -> dict[str, tuple[int, int]]:
    n = {r["doc"]: r["n"] for r in store.read(
        "MATCH (x)-[:EVIDENCED_BY]->(d:Document) RETURN d.id AS doc, count(DISTINCT x) AS n")}
    r = {r["doc"]: r["n"] for r in store.read(                # sampled types do not list every document
        "MATCH ()-[x]->() WHERE NOT type(x) IN $sampled UNWIND x.docs AS doc RETURN doc, count(*) AS n",
        sampled=sorted(DOCS_SAMPLED_TYPES))}
    docs = [row["id"] for row in store.read("MATCH (d:Document) RETURN d.id AS id")]
    return {d: (n.get(d, 0), r.get(d, 0)) for d in set(docs) | set(n) | set(r)}


def _assert_no_duplicates(store) -> None:
    dup_nodes = store.read("MATCH (n) WITH labels(n) AS l, n.id AS id, count(*) AS c WHERE c > 1 "
                           "RETURN l, id, c LIMIT 5")
    assert not dup_nodes, dup_nodes
    dup_rels = store.read("MATCH (a)-[r]->(b) WITH a, b, type(r) AS t, r.key AS k, count(*) AS c WHERE c > 1 "
                          "RETURN t, k, c LIMIT 5")
    assert not dup_rels, dup_rels


def _totals(store) -> tuple[int, int]:
    return (store.read("MATCH (n) RETURN count(n) AS c")[0]["c"],
            store.read("MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"])


def _ingest_cmd(*paths: Path, batch: int = 10, jobs: int = 2) -> list[str]:
    return [sys.executable, str(ROOT / "bench" / "oracle.py"), "ingest", *map(str, paths), "--batch-size", str(batch),
            "--jobs", str(jobs)]


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (the ingest's extraction workers)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return False
    return fields[0] != "Z"


def _wait_for_documents(store, proc, n: int, seconds: float = 120) -> None:
    """Until ``store`` holds ``n`` documents; fails if ``proc`` ended first (nothing left to interrupt)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        if store.read("MATCH (d:Document) RETURN count(d) AS c")[0]["c"] >= n:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the ingest ended before it could be interrupted"


def _env(home: Path, **extra: str) -> dict:
    return {**os.environ, "DIPKG_HOME": str(home), **extra}


def test_killed_ingest_leaves_whole_documents_and_rerun_completes(empty_store, dipkg_home, tmp_path):
    n = 400
    corpus = _corpus(tmp_path / "c", 0, n)
    per_doc, nodes, rels = _expected(range(n))
    proc = subprocess.Popen(_ingest_cmd(corpus), env=_env(dipkg_home), cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _wait_for_documents(empty_store, proc, 60)
    workers = _children(proc.pid)
    assert len(workers) >= 2, "the ingest extracts in worker processes"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(map(_alive, workers)):
        time.sleep(0.1)
    assert not any(map(_alive, workers)), "extraction workers outlived the killed ingest"
    seen = _observed(empty_store)
    assert 60 <= len(seen) < n
    half = {d: (got, per_doc.get(d)) for d, got in seen.items() if got != per_doc.get(d)}
    assert not half, f"half-written documents after the kill: {half}"
    _assert_no_duplicates(empty_store)

    again = subprocess.run(_ingest_cmd(corpus), env=_env(dipkg_home), cwd=ROOT, capture_output=True, text=True,
                           timeout=600)
    assert again.returncode == 0, again.stderr
    assert _observed(empty_store) == per_doc
    _assert_no_duplicates(empty_store)
    assert _totals(empty_store) == (len(nodes), len(rels))
    sampled = empty_store.read("MATCH ()-[x]->() WHERE type(x) IN $t RETURN max(size(x.docs)) AS m",
                               t=sorted(DOCS_SAMPLED_TYPES))[0]["m"]
    assert sampled == EVIDENCE_SAMPLE, "structural relationships keep a sample of their documents"


def test_concurrent_overlapping_ingests_leave_one_node_per_entity(empty_store, dipkg_home, tmp_path):
    a = _corpus(tmp_path / "a", 0, 250)
    b = _corpus(tmp_path / "b", 120, 250)           # documents 120..249 are in both
    per_doc, nodes, rels = _expected(range(370))
    procs = [subprocess.Popen(_ingest_cmd(c, batch=batch), env=_env(dipkg_home), cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for c, batch in ((a, 10), (b, 7))]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
        assert "documents ingested: 250" in out
    _assert_no_duplicates(empty_store)
    assert _observed(empty_store) == per_doc
    assert _totals(empty_store) == (len(nodes), len(rels))
    people = Counter(r["key"] for r in empty_store.read("MATCH (p:Person) RETURN p.key AS key"))
    assert people and max(people.values()) == 1


# ---------------------------------------------------------------- errors from the server
def _error(code: str, message: str = "injected") -> Neo4jError:
    return Neo4jError._hydrate_neo4j(code=code, message=message)


@pytest.mark.parametrize("code", ["Neo.TransientError.Transaction.DeadlockDetected",
                                  "Neo.ClientError.Schema.ConstraintValidationFailed"])
def test_retryable_errors_are_retried_and_the_document_lands_once(empty_store, code):
    ex = make_doc(7, POOL, 0).extraction
    batch = project(ex)
    from graph.writer import write_batch

    calls = []

    def flaky(tx):
        write_batch(tx, batch)
        calls.append(1)
        if len(calls) < 3:            # fails after writing, inside the transaction: rolled back, then retried
            raise _error(code)

    empty_store.write_tx(flaky)
    assert len(calls) == 3
    assert _observed(empty_store) == _expected(range(1))[0]
    _assert_no_duplicates(empty_store)


def test_non_transient_error_refuses_only_that_document_and_leaves_nothing_of_it(empty_store):
    good = [make_doc(7, POOL, i).extraction for i in range(3)]
    bad = make_doc(7, POOL, 3).extraction
    bad_batch = project(bad)
    bad_batch.nodes["Commitment"].append(NodeRow("commitment:bad", bad.doc, {"name": "x", "nested": {"a": 1}}))
    # maps are not property values
    docs = [(ex.doc, project(ex)) for ex in good[:2]] + [(bad.doc, bad_batch)] + [(good[2].doc, project(good[2]))]
    result = GraphWriter(empty_store).write(docs)
    assert result.written == [ex.doc for ex in good]
    assert list(result.failed) == [bad.doc]
    assert result.failed[bad.doc].startswith("the store refused the document: Neo.ClientError.")
    seen = _observed(empty_store)
    assert bad.doc not in seen, "part of the refused document was written"
    assert seen == {ex.doc: _expected(range(4))[0][ex.doc] for ex in good}


def test_non_retryable_error_is_not_retried(empty_store):
    calls = []

    def broken(tx):
        calls.append(1)
        tx.run("RETURN 1 / 0 AS x").consume()

    with pytest.raises(StoreError) as e:
        empty_store.write_tx(broken)
    assert len(calls) == 1 and "Neo.ClientError" in str(e.value)


def test_server_gone_stops_the_ingest_clearly_and_a_rerun_completes(tmp_path):
    """Own server (the session's must not die): killed -9 mid-ingest, restarted, ingest re-run."""
    from graph.embedded import EmbeddedServer

    home = tmp_path / "home"
    server = EmbeddedServer(home)
    info = server.start()
    password = server.password()
    n = 300
    corpus = _corpus(tmp_path / "c", 0, n)
    env = _env(home, DIPKG_RETRY_SECONDS="3")
    try:
        proc = subprocess.Popen(_ingest_cmd(corpus, batch=5), env=env, cwd=ROOT, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        time.sleep(0.5)
        from graph.store import Neo4jStore

        with Neo4jStore.connect(home) as watcher:
            _wait_for_documents(watcher, proc, 40)
        os.kill(info.pid, signal.SIGKILL)
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 1, err
        assert "error: ingest stopped: graph unavailable" in err
        assert "run the same command again to complete it" in err
        assert "Traceback" not in err and password not in out + err

        again = subprocess.run(_ingest_cmd(corpus), env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
        assert again.returncode == 0, again.stderr       # the server restarts (new port) and recovers its log
        with Neo4jStore.connect(home) as store:
            assert _observed(store) == _expected(range(n))[0]
            _assert_no_duplicates(store)
    finally:
        server.stop()
        shutil.rmtree(home, ignore_errors=True)
