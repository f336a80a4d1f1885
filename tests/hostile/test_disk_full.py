"""A disk that fills in the middle of an ingest (a real tmpfs of 24 MB as the data folder): the run stops
at the first failure and says the disk is full; every document written is whole; with space again, the
same command completes the rest."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.integration

N = 500           # more than 24 MB holds (the schema takes ~12 MB of it)


def test_disk_full_stops_the_run_and_loses_nothing(tmpfs, tmp_path):
    import os

    if os.environ.get("NEO4J_URI"):
        pytest.skip("the embedded server is not in use (NEO4J_URI is set)")
    from graph.store import Neo4jStore
    from tests.test_failures import _assert_no_duplicates, _corpus, _expected, _observed

    disk = tmpfs("24m")
    home = disk / "home"
    corpus = _corpus(tmp_path / "c", 0, N)
    cmd = [sys.executable, str(ROOT / "bench" / "oracle.py"), "ingest", str(corpus), "--batch-size", "20"]
    env = {**os.environ, "DIPKG_HOME": str(home), "DIPKG_SERVER_HEAP": "512m"}
    proc = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    assert f"the disk of the data folder {home / 'server'} is full" in proc.stderr, proc.stderr
    assert proc.stderr.count("TransactionNotFound") <= 1, "the run went on after the disk filled"
    written = int(proc.stdout.split("documents ingested: ")[1].split()[0])
    assert 0 < written < N
    per_doc = _expected(range(N))[0]
    with Neo4jStore.connect(home) as store:
        seen = _observed(store)
        assert len(seen) == written, "documents in the store differ from the count reported"
        half = {d: got for d, got in seen.items() if got != per_doc[d]}
        assert not half, f"half-written documents: {half}"
        _assert_no_duplicates(store)

    subprocess.run(["mount", "-o", "remount,size=400m", str(disk)], check=True)
    again = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    with Neo4jStore.connect(home) as store:
        assert _observed(store) == per_doc
        _assert_no_duplicates(store)


def test_a_lost_transaction_stops_the_run_on_any_server(empty_store):
    """Where the disk cannot be looked at (a remote Neo4j), TransactionNotFound still stops the run: it
    is never one document's fault, and every later document would fail the same way."""
    from graph.store import StoreUnavailable
    from tests.test_failures import _error

    def lost(tx):
        tx.run("RETURN 1").consume()
        raise _error("Neo.ClientError.Transaction.TransactionNotFound", "Transaction not found")

    with pytest.raises(StoreUnavailable, match="lost the transaction .*its disk may be full"):
        empty_store.write_tx(lost)
