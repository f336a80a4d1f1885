"""Where the write time goes: every statement of the writer timed, on a store that already holds a corpus.

    python bench/profile_write.py --home STORE_HOME --start 100000 -n 500 [--pool 12500]

Generates documents ``start`` .. ``start + n - 1`` of the benchmark corpus (the same people pool as the
store's, so the new documents meet the people already there), turns their generator facts into graph
rows exactly as ``ingest`` does, and writes them in batches, timing each statement (by label or
relationship type) and the commit. Why: the ingest rate decays as the store grows; this says which
statement grows, and A/B-tests a change to the writer on the same store. It writes into the store.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent), str(BENCH)]

from graph.config import BATCH_SIZE  # noqa: E402

def statement_key(cypher: str) -> str:
    body = "\n".join(l for l in cypher.splitlines() if not l.lstrip().startswith("//"))
    m = re.search(r"MERGE \(n:(\w+)", body)
    if m:
        return f"node {m.group(1)}"
    m = re.search(r"\[r:(\w+)", body)
    return f"rel {m.group(1)}" if m else "other"


class TimedTx:
    """A transaction that times each statement to completion."""

    def __init__(self, tx, times: dict):
        self.tx, self.times = tx, times

    def run(self, cypher, parameters=None, **params):
        t = time.perf_counter()
        res = self.tx.run(cypher, parameters, **params)
        res.consume()
        self.times[statement_key(cypher)] += time.perf_counter() - t
        return res


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", type=Path, required=True)
    ap.add_argument("--start", type=int, required=True, help="documents already in the store (seed 7)")
    ap.add_argument("-n", type=int, default=500)
    ap.add_argument("--pool", type=int, default=None, help="people pool (default: the bench's for --start)")
    ap.add_argument("--batch", type=int, default=BATCH_SIZE)
    a = ap.parse_args(argv)
    os.environ["DIPKG_HOME"] = str(a.home)

    import oracle
    oracle.install()
    from generate import generate, pool_size
    from graph import writer as W
    from pipeline import ReadReport, iter_extractions
    from graph.store import Neo4jStore
    from ontology.projection import project
    from ontology.resolver import PersonResolver

    tmp = Path(tempfile.mkdtemp(prefix="dipkg-profile-"))
    try:
        generate(tmp, a.n, seed=7, start=a.start, pool=a.pool or pool_size(a.start))
        times: dict[str, float] = defaultdict(float)
        total = 0.0
        docs = 0
        with Neo4jStore.connect() as store:
            resolver = PersonResolver(store)
            items = list(iter_extractions([tmp], ReadReport()))
            for i in range(0, len(items), a.batch):
                batch = items[i:i + a.batch]
                resolver.prefetch([ex for _, ex in batch])
                rows = [(ex.doc, project(ex, d.source, resolver.resolve(ex))) for d, ex in batch]
                merged = W.GraphBatch()
                for _, b in rows:
                    merged.extend(b)
                t = time.perf_counter()
                store.write_tx(lambda tx: W.write_batch(TimedTx(tx, times), merged))
                total += time.perf_counter() - t
                docs += len(batch)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    stmts = sum(times.values())
    out = {"documents": docs, "ms_per_doc": round(1000 * total / docs, 2),
           "statements_ms_per_doc": round(1000 * stmts / docs, 2),
           "commit_ms_per_doc": round(1000 * (total - stmts) / docs, 2),
           "by_statement_ms_per_doc": {k: round(1000 * v / docs, 3)
                                       for k, v in sorted(times.items(), key=lambda x: -x[1])}}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
