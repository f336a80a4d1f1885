"""Benchmarks (a script to run by hand, not timed tests). Results go to bench/out/results.json.

    python bench/run.py extract [-n 2000] [--runs 3]        # ours vs underthesea NER, one core each
    python bench/run.py ingest  [--sizes 1000 10000 100000] [--keep bench/out/store-100000]
    python bench/run.py pipeline --sizes 3000 [--runs 3] [--jobs N]  # dipkg ingest (text) vs oracle facts
    python bench/run.py queries --home bench/out/store-100000 [--reps 40]
    python bench/run.py viz     --home bench/out/store-100000 [--runs 3]
    python bench/run.py all     [--sizes 1000 10000 100000]  # the four in turn, queries/viz on the largest

Every measurement runs in a child process of its own, so its peak memory
(``ru_maxrss``) is its own. Extraction runs pinned to one core; the peer is
underthesea in a separate virtualenv (``DIPKG_PEER_PYTHON``, default
``/tmp/bench-peer/bin/python``, made with ``python3.11 -m venv /tmp/bench-peer &&
/tmp/bench-peer/bin/pip install underthesea==9.5.0``), so the project's
dependencies stay as they are. Ingest runs into the embedded server in a fresh
temporary DIPKG_HOME per size; the facts come from the generator (``bench/oracle.py``)
so the figure is reading + projection + writing; extraction is timed on its own.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
for p in (ROOT, BENCH):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from graph.config import BATCH_SIZE  # noqa: E402

PEER_PYTHON = os.environ.get("DIPKG_PEER_PYTHON", "/tmp/bench-peer/bin/python")
SEED = 7


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _save(section: str, data) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "results.json"
    results = json.loads(path.read_text()) if path.exists() else {}
    results[section] = data
    results.setdefault("machine", machine())
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False))


def machine() -> dict:
    def sh(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, timeout=10).stdout.strip()
        except Exception:  # noqa: BLE001
            return ""
    lscpu = {k.strip(): v.strip() for k, _, v in (l.partition(":") for l in sh(["lscpu"]).splitlines())}
    return {"cpu": lscpu.get("Model name"), "cpus": os.cpu_count(), "python": platform.python_version(),
            "mem": sh(["free", "-g"]).splitlines()[1] if sh(["free", "-g"]) else "", "kernel": platform.release()}


def _child(args: list[str], env: dict | None = None, python: str = sys.executable, timeout: float = 7200) -> dict:
    """Run ``python bench/run.py _KIND …`` (or a peer script) and parse the JSON on its last stdout line."""
    proc = subprocess.run([python, *args], capture_output=True, text=True, env={**os.environ, **(env or {})},
                          cwd=ROOT, timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(f"{args[:2]} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- extraction
PEER_SCRIPT = r"""
import json, os, resource, sys, time
os.sched_setaffinity(0, {int(sys.argv[2])})
from underthesea import ner
docs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
for d in docs[:5]:
    [ner(p) for p in d["text"].split("\n") if p.strip()]
t = time.perf_counter(); c = time.process_time(); ents = 0
for d in docs:
    for p in d["text"].split("\n"):
        if p.strip():
            ents += sum(1 for tok in ner(p) if tok[-1].startswith("B-"))
el = time.perf_counter() - t; cpu = time.process_time() - c
import underthesea
print(json.dumps({"seconds": el, "cpu_seconds": cpu, "entities": ents, "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "version": underthesea.__version__}))
"""


def _extract_child(path: str, core: str) -> None:
    os.sched_setaffinity(0, {int(core)})
    from loaders.extract import extract

    docs = [json.loads(line) for line in open(path, encoding="utf-8")]
    for d in docs[:20]:
        extract(d["id"], d["text"])
    t, c = time.perf_counter(), time.process_time()
    facts = 0
    for d in docs:
        ex = extract(d["id"], d["text"])
        facts += len(ex.persons) + len(ex.meetings) + len(ex.commitments)
    el, cpu = time.perf_counter() - t, time.process_time() - c
    print(json.dumps({"seconds": el, "cpu_seconds": cpu, "facts": facts, "maxrss_mb": _maxrss_mb()}))


def bench_extract(n: int, runs: int) -> dict:
    from generate import make_doc, pool_size

    tmp = Path(tempfile.mkdtemp(prefix="dipkg-bench-"))
    path = tmp / "docs.jsonl"
    docs = [make_doc(SEED, pool_size(n), i) for i in range(n)]
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps({"id": d.doc, "text": d.text}, ensure_ascii=False) + "\n")
    mb = sum(len(d.text.encode()) for d in docs) / 1e6
    core = str(max(os.sched_getaffinity(0)))
    out: dict = {"documents": n, "megabytes": round(mb, 3), "core": int(core), "runs": runs}
    try:
        ours = [_child([str(BENCH / "run.py"), "_extract", str(path), core]) for _ in range(runs)]
        out["ours"] = _summ(ours, n, mb)
    except RuntimeError as e:
        out["ours"] = {"error": str(e).splitlines()[-1]}
    if Path(PEER_PYTHON).exists():
        try:
            peer = [_child(["-c", PEER_SCRIPT, str(path), core], python=PEER_PYTHON) for _ in range(runs)]
            out["peer"] = {**_summ(peer, n, mb), "name": f"underthesea {peer[0]['version']} ner()"}
        except RuntimeError as e:
            out["peer"] = {"error": str(e).splitlines()[-1]}
    else:
        out["peer"] = {"error": f"no peer interpreter at {PEER_PYTHON}"}
    if "docs_per_s" in out.get("ours", {}) and "docs_per_s" in out.get("peer", {}):
        out["ratio"] = round(out["ours"]["docs_per_s"] / out["peer"]["docs_per_s"], 1)
        # On a machine shared with other work the wall clock measures the neighbours as much as the
        # extractor (one peer run here took 146 s, another 473 s); CPU time of the pinned process does not.
        out["ratio_cpu"] = round(out["ours"]["docs_per_cpu_s"] / out["peer"]["docs_per_cpu_s"], 1)
        out["load_average"] = [round(x, 2) for x in os.getloadavg()]
    shutil.rmtree(tmp, ignore_errors=True)
    _save("extract", out)
    return out


def _summ(runs: list[dict], n: int, mb: float) -> dict:
    secs = [r["seconds"] for r in runs]
    cpus = [r["cpu_seconds"] for r in runs]
    med = statistics.median(secs)
    return {"seconds": [round(s, 3) for s in secs], "docs_per_s": round(n / med, 1), "mb_per_s": round(mb / med, 3),
            "cpu_seconds": [round(s, 3) for s in cpus], "docs_per_cpu_s": round(n / statistics.median(cpus), 1),
            "peak_rss_mb": round(max(r["maxrss_mb"] for r in runs), 1)}


# ---------------------------------------------------------------- ingest
def _ingest_child(corpus: str, batch: str) -> None:
    import oracle

    oracle.install()
    from pipeline import ingest
    from graph.store import Neo4jStore

    marks: list[tuple[int, float]] = []
    done = [0]
    with Neo4jStore.connect() as store:
        t = time.perf_counter()

        def progress(k: int) -> None:
            done[0] += k
            if not marks or done[0] - marks[-1][0] >= 5000:
                marks.append((done[0], round(time.perf_counter() - t, 2)))

        s = ingest([Path(corpus)], store, batch_size=int(batch), progress=progress)
        el = time.perf_counter() - t
    print(json.dumps({"seconds": el, "documents": s.documents, "rejected": len(s.rejected),
                      "nodes": s.nodes_after, "relationships": s.rels_after, "marks": marks,
                      "maxrss_mb": _maxrss_mb()}))


def _server_peak_mb(home: Path) -> float | None:
    from graph.embedded import EmbeddedServer

    info = EmbeddedServer(home).info()
    if not info:
        return None
    for line in Path(f"/proc/{info.pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return None


def bench_ingest(sizes: list[int], batch: int = 100, keep: Path | None = None) -> dict:
    from generate import generate
    from graph.embedded import EmbeddedServer

    results = {}
    for n in sizes:
        tmp = Path(tempfile.mkdtemp(prefix=f"dipkg-ingest-{n}-"))
        home = (keep if keep and n == max(sizes) else tmp / "home")
        if home.exists():
            EmbeddedServer(home).reset()
        home.mkdir(parents=True, exist_ok=True)
        t = time.perf_counter()
        generate(tmp / "corpus", n, seed=SEED)
        gen_s = time.perf_counter() - t
        size_mb = sum(f.stat().st_size for f in (tmp / "corpus").rglob("*") if f.is_file()) / 1e6
        env = {"DIPKG_HOME": str(home)}
        EmbeddedServer(home).start()
        try:
            r = _child([str(BENCH / "run.py"), "_ingest", str(tmp / "corpus"), str(batch)], env=env)
            r["server_peak_rss_mb"] = _server_peak_mb(home)
        finally:
            if not (keep and n == max(sizes)):
                EmbeddedServer(home).stop()
        r.update(corpus_mb=round(size_mb, 1), generate_s=round(gen_s, 1), batch=batch,
                 docs_per_s=round(r["documents"] / r["seconds"], 1), seconds=round(r["seconds"], 1))
        results[str(n)] = r
        print(f"ingest {n}: {r['docs_per_s']} docs/s, {r['seconds']} s", file=sys.stderr)
        shutil.rmtree(tmp, ignore_errors=True)
        _save("ingest", results)
    return results


# ---------------------------------------------------------------- text to graph against facts to graph
def _server_cpu_s(home: Path) -> float:
    from graph.embedded import EmbeddedServer

    info = EmbeddedServer(home).info()
    fields = Path(f"/proc/{info.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


_CPU_OF = """import resource, subprocess, sys
rc = subprocess.run(sys.argv[1:]).returncode
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(u.ru_utime + u.ru_stime, file=sys.stderr)
sys.exit(rc)
"""


def _timed_cli(script: Path, corpus: Path, jobs: int | None, batch: int, env: dict | None = None) -> dict:
    """One `dipkg ingest` (or the oracle's) in a fresh store: wall seconds, CPU seconds of the
    client with its workers, CPU seconds of the server."""
    from graph.embedded import EmbeddedServer

    home = Path(tempfile.mkdtemp(prefix="dipkg-pipe-home-"))
    EmbeddedServer(home).start()
    try:
        cmd = [sys.executable, str(script), "ingest", str(corpus), "--batch-size", str(batch)]
        cmd += ["--jobs", str(jobs)] if jobs else []
        server0 = _server_cpu_s(home)
        t = time.perf_counter()
        # through a wrapper that reports the CPU of the ingest and its workers alone (this process's own
        # RUSAGE_CHILDREN would also count the servers it started and reaped)
        proc = subprocess.run([sys.executable, "-c", _CPU_OF, *cmd], capture_output=True, text=True, cwd=ROOT,
                              env={**os.environ, **(env or {}), "DIPKG_HOME": str(home)})
        wall = time.perf_counter() - t
        server = _server_cpu_s(home) - server0
        if proc.returncode != 0:
            raise RuntimeError(f"{cmd} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
        # "documents ingested: 3000 (written: 3000, unchanged or already present: 0)"
        docs = int(next(line.split(":")[1].split()[0] for line in proc.stdout.splitlines()
                        if line.startswith("documents ingested")))
        client_cpu = float(proc.stderr.strip().splitlines()[-1])
        totals = next(line for line in proc.stdout.splitlines() if line.startswith("nodes:")).split()
    finally:
        EmbeddedServer(home).stop()
        shutil.rmtree(home, ignore_errors=True)
    return {"seconds": round(wall, 2), "documents": docs, "load1": round(os.getloadavg()[0], 1),
            "nodes": int(totals[1]), "relationships": int(totals[4]),
            "client_cpu_s": round(client_cpu, 2),
            "server_cpu_s": round(server, 2)}


def bench_pipeline(sizes: list[int], runs: int, jobs: int | None, batch: int) -> dict:
    """`dipkg ingest` of a generated corpus (extraction in workers, "text") against two ingests that
    extract nothing, in one process: the generator's facts ("oracle", bench/oracle.py: the issue's
    comparison) and the extractor's own facts made beforehand ("writes": the same rows as "text", so
    text/writes is what extracting costs on top of the writes). Runs interleaved so all three meet the
    same load; medians."""
    import pickle

    from generate import generate
    from pipeline import ReadReport, iter_extractions

    results = {}
    for n in sizes:
        tmp = Path(tempfile.mkdtemp(prefix=f"dipkg-pipe-{n}-"))
        generate(tmp / "corpus", n, seed=SEED)
        facts = tmp / "facts.pickle"
        with open(facts, "wb") as f:
            pickle.dump({ex.doc: ex for _, ex in iter_extractions([tmp / "corpus"], ReadReport(), jobs=jobs or 2)}, f)
        modes = (("oracle", BENCH / "oracle.py", 1, {}), ("writes", BENCH / "oracle.py", 1, {"DIPKG_ORACLE_FACTS": str(facts)}),
                 ("text", ROOT / "main.py", jobs, {}))
        rows: dict[str, list[dict]] = {m[0]: [] for m in modes}
        try:
            for i in range(runs):
                for mode, script, j, env in modes:
                    r = _timed_cli(script, tmp / "corpus", j, batch, env)
                    rows[mode].append(r)
                    print(f"{n} {mode} run {i + 1}: {r}", file=sys.stderr)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        med = {m: statistics.median(r["seconds"] for r in rs) for m, rs in rows.items()}
        results[str(n)] = {"jobs": jobs, "batch": batch, "runs": rows, "median_s": med,
                           "text_over_oracle": round(med["text"] / med["oracle"], 2),
                           "text_over_writes": round(med["text"] / med["writes"], 2),
                           "text_docs_per_s": round(n / med["text"], 1)}
        print(f"{n}: median text {med['text']:.1f} s, writes {med['writes']:.1f} s, oracle {med['oracle']:.1f} s",
              file=sys.stderr)
        _save("pipeline", results)
    return results


# ---------------------------------------------------------------- queries
def _pctl(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    k = (len(xs) - 1) * p
    lo = int(k)
    return xs[lo] + (xs[min(lo + 1, len(xs) - 1)] - xs[lo]) * (k - lo)


def _queries_child(reps: str, only: str = "") -> None:
    from graph.store import Neo4jStore
    from queries.runner import run, templates

    reps_n = int(reps)
    rnd = random.Random(1)
    with Neo4jStore.connect() as store:
        from graph.schema import ensure_schema
        ensure_schema(store)                 # a store written by an older version gets today's indexes
        people = [r["name"] for r in store.read(
            "MATCH (p:Person)-[:MET]-() WITH p, count(*) AS c ORDER BY c DESC LIMIT 400 RETURN p.name AS name")]
        pairs = [(r["a"], r["b"]) for r in store.read(
            "MATCH (a:Person)-[:MET]->(b:Person) RETURN a.name AS a, b.name AS b LIMIT 400")]
        anyone = sorted(r["name"] for r in store.read("MATCH (p:Person)-[:MET]-() RETURN DISTINCT p.name AS name"))
        anyone = rnd.sample(anyone, min(400, len(anyone)))
        provinces = [r["n"] for r in store.read("MATCH (p:Province) RETURN p.name AS n")]
        partners = [r["n"] for r in store.read("MATCH (c:Country) RETURN c.name AS n")]

        def params(name: str) -> dict:
            pa, pb = rnd.choice(pairs)
            return {
                "who_met": {"person": rnd.choice(people)},          # the 400 most connected people
                "who_met@anyone": {"person": rnd.choice(anyone)},   # any person who met someone
                "person_profile": {"person": rnd.choice(people)},
                "find": {"text": rnd.choice(people).split()[-1]},
                "person_keys": {"text": rnd.choice(people).split()[-1]},
                "meetings_between": {"a": pa, "b": pb},
                "shortest_connection": {"a": rnd.choice(people), "b": rnd.choice(people)},
                "partner_network": {"province": rnd.choice(provinces)},
                "partner_provinces": {"partner": rnd.choice(partners)},
                "commitments": {"province": rnd.choice(provinces)},
                "timeline": {"person": rnd.choice(people)},
            }.get(name, {})

        out = {}
        # the explorer's own templates take node ids and are timed by bench/explorer.py
        cases = sorted(t for t in templates() if (not only or t in only.split(",")) and not t.startswith("explorer_"))
        cases += ["who_met@anyone"] if "who_met" in cases else []
        for name in cases:
            template = name.split("@")[0]
            for _ in range(3):
                run(store, template, params(name))
            times, rows = [], []
            deadline = time.perf_counter() + 120
            for _ in range(reps_n):
                p = params(name)
                t = time.perf_counter()
                res = run(store, template, p)
                times.append((time.perf_counter() - t) * 1000)
                rows.append(len(res))
                if time.perf_counter() > deadline:
                    break
            out[name] = {"p50_ms": round(_pctl(times, 0.5), 1), "p95_ms": round(_pctl(times, 0.95), 1),
                         "max_ms": round(max(times), 1), "calls": len(times),
                         "rows_median": statistics.median(rows)}
            print(f"{name}: {out[name]}", file=sys.stderr, flush=True)      # progress: slow templates show early
        counts = store.read("MATCH (n) RETURN count(n) AS c")[0]["c"]
    print(json.dumps({"templates": out, "nodes": counts, "maxrss_mb": _maxrss_mb()}))


def bench_queries(home: Path, reps: int, only: list[str] | None = None) -> dict:
    from graph.embedded import EmbeddedServer

    EmbeddedServer(home).start()
    r = _child([str(BENCH / "run.py"), "_queries", str(reps), ",".join(only or [])], env={"DIPKG_HOME": str(home)})
    _save("queries", r)
    return r


# ---------------------------------------------------------------- HTML graph
def _viz_child(mode: str, out: str) -> None:
    from graph.store import Neo4jStore
    from graph.viz import render_html

    with Neo4jStore.connect() as store:
        focus = None
        if mode == "focus":
            focus = store.read("MATCH (p:Person)-[:MET]-() WITH p, count(*) AS c ORDER BY c DESC LIMIT 1 "
                               "RETURN p.name AS n")[0]["n"]
        t = time.perf_counter()
        r = render_html(store, Path(out), focus=focus, hops=2)
        el = time.perf_counter() - t
    print(json.dumps({"seconds": el, "nodes": r.nodes, "edges": r.edges, "bytes": Path(out).stat().st_size,
                      "message": r.message, "maxrss_mb": _maxrss_mb()}))


def bench_viz(home: Path, runs: int) -> dict:
    from graph.embedded import EmbeddedServer

    EmbeddedServer(home).start()
    out = {}
    for mode in ("focus", "whole"):
        rs = []
        for _ in range(runs):
            page = OUT / f"viz-{mode}.html"
            rs.append(_child([str(BENCH / "run.py"), "_viz", mode, str(page)], env={"DIPKG_HOME": str(home)}))
        secs = [r["seconds"] for r in rs]
        out[mode] = {"seconds": [round(s, 2) for s in secs], "median_s": round(statistics.median(secs), 2),
                     "nodes": rs[0]["nodes"], "edges": rs[0]["edges"], "kb": round(rs[0]["bytes"] / 1024, 1),
                     "peak_rss_mb": round(max(r["maxrss_mb"] for r in rs), 1), "message": rs[0]["message"]}
    _save("viz", out)
    return out


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0].startswith("_"):
        {"_extract": _extract_child, "_ingest": _ingest_child, "_queries": _queries_child,
         "_viz": _viz_child}[argv[0]](*argv[1:])
        return
    ap = argparse.ArgumentParser(description="dipkg benchmarks")
    ap.add_argument("what", choices=["extract", "ingest", "pipeline", "queries", "viz", "all"])
    ap.add_argument("-n", type=int, default=2000, help="documents for the extraction benchmark")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--batch", type=int, default=BATCH_SIZE)
    ap.add_argument("--reps", type=int, default=40)
    ap.add_argument("--templates", nargs="+", default=None, help="time only these query templates")
    ap.add_argument("--home", type=Path, default=None, help="DIPKG_HOME holding the graph to query/draw")
    ap.add_argument("--keep", type=Path, default=None, help="keep the largest ingest's store here")
    ap.add_argument("--jobs", type=int, default=None, help="pipeline: extraction workers (default: the cores)")
    a = ap.parse_args(argv)
    a.home = a.home and a.home.absolute()
    a.keep = a.keep and a.keep.absolute()
    if a.what in ("extract", "all"):
        print(json.dumps(bench_extract(a.n, a.runs), indent=1, ensure_ascii=False))
    if a.what in ("ingest", "all"):
        keep = a.keep or (OUT / f"store-{max(a.sizes)}" if a.what == "all" else None)
        keep = keep and keep.absolute()
        print(json.dumps(bench_ingest(a.sizes, a.batch, keep), indent=1))
        a.home = a.home or keep
    if a.what == "pipeline":
        print(json.dumps(bench_pipeline(a.sizes, a.runs, a.jobs, a.batch), indent=1))
    if a.what in ("queries", "all"):
        print(json.dumps(bench_queries(a.home, a.reps, a.templates), indent=1))
    if a.what in ("viz", "all"):
        print(json.dumps(bench_viz(a.home, a.runs), indent=1))


if __name__ == "__main__":
    main()
