"""Speed work must not change a byte of output: save a baseline, then check against it after every change.

    python bench/identical.py save  [--dir bench/out/identical]   # once, on the code to compare with
    python bench/identical.py check [--dir …]                                 # after each change; exit 1 on a diff

Two checks: ``main.py extract`` over the seeds, the dev articles and the pool (the CLI's JSONL, the
real articles), and ``repr(extract(…))`` of 1,000 generated documents (``bench/generate.py``, the
benchmark's own corpus: spans, offices, sides and every field of every fact). Why both: the real
articles exercise the rules the generator never writes, and ``repr`` sees fields the JSON record drops.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SHARED = ROOT.parent / "shared"
for p in (ROOT, BENCH):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

SOURCES = [SHARED / "seeds", SHARED / "dev" / "articles", SHARED / "pool"]
N_GENERATED = 1000


def articles_jsonl() -> bytes:
    env = {**os.environ, "DIPKG_HOME": os.environ.get("DIPKG_HOME", "/tmp/dipkg-identical")}
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "extract", *map(str, SOURCES), "--jobs", "1"],
                          capture_output=True, env=env, cwd=ROOT)
    if proc.returncode not in (0, 1):       # 1: some file rejected; the rejection is part of the output too
        sys.exit(f"main.py extract failed ({proc.returncode}):\n{proc.stderr.decode()[-2000:]}")
    return proc.stdout + b"\n--stderr--\n" + proc.stderr


def generated_reprs() -> bytes:
    from generate import make_doc, pool_size
    from loaders.extract import extract

    pool = pool_size(N_GENERATED)
    return "".join(repr(extract(d.doc, d.text)) + "\n"
                   for d in (make_doc(7, pool, i) for i in range(N_GENERATED))).encode()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["save", "check"])
    ap.add_argument("--dir", type=Path, default=BENCH / "out" / "identical")
    a = ap.parse_args()
    a.dir.mkdir(parents=True, exist_ok=True)
    bad = 0
    for name, make in (("articles.jsonl", articles_jsonl), ("generated.repr", generated_reprs)):
        data = make()
        path = a.dir / name
        digest = hashlib.sha256(data).hexdigest()[:16]
        if a.mode == "save":
            path.write_bytes(data)
            print(f"saved {path} ({len(data):,} bytes, sha256 {digest})")
            continue
        base = path.read_bytes()
        if base == data:
            print(f"identical: {name} ({len(data):,} bytes, sha256 {digest})")
            continue
        bad += 1
        (a.dir / (name + ".new")).write_bytes(data)
        old, new = base.splitlines(), data.splitlines()
        first = next((i for i, (x, y) in enumerate(zip(old, new)) if x != y), min(len(old), len(new)))
        print(f"DIFFERENT: {name}: first differing line {first + 1}; new output in {a.dir / (name + '.new')}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
