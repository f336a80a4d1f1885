"""Score the extractor on the annotated articles in ../shared with the shared scorer.

    .venv/bin/python bench/evaluate.py [--shared ../shared] [--verbose] [--by-language] [--gold DIR ...]

Runs `dipkg extract` logic in-process over ../shared/seeds, ../shared/dev/articles and
../shared/pool, writes the JSONL records to a temporary folder and prints ../shared/eval/score.py's
table for each set (the pool is scored against bench/heldout/gold, 52 of its articles). ../shared is not part of the repository: without it this says so.
``--by-language`` also scores each language apart (the articles' SOURCES.tsv); ``--gold DIR`` also scores the
pool against another gold folder, such as a new blind set kept outside the repository until it is scored.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SETS = (("seeds", "seeds", "gold/seeds"), ("dev", "dev/articles", "gold/dev"))
# our own gold for 52 pool articles (bench/heldout/README.md); absolute, so ``a.shared / HELDOUT`` is HELDOUT
HELDOUT = ROOT / "bench" / "heldout" / "gold"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--gold", type=Path, action="append", default=[], metavar="DIR",
                    help="also score ../shared/pool against this gold folder (e.g. a new blind set kept outside the repo)")
    ap.add_argument("--by-language", action="store_true", help="also score each language apart (SOURCES.tsv's language)")
    a = ap.parse_args()
    if not (a.shared / "eval" / "score.py").exists():
        print(f"{a.shared}/eval/score.py not found: the evaluation data is not part of the repository", file=sys.stderr)
        return 2
    from pipeline import ReadReport, iter_extractions

    with tempfile.TemporaryDirectory() as tmp:
        extra = tuple((f"pool vs {g}", "pool", g.resolve()) for g in a.gold)
        for name, articles, gold in (*SETS, ("heldout", "pool", HELDOUT), *extra):
            out = Path(tmp) / f"{name}.jsonl"
            report = ReadReport()
            records = [ex.to_record() for _, ex in iter_extractions([a.shared / articles], report)]
            out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
            print(f"== {name}: {len(records)} documents")
            cmd = [sys.executable, str(a.shared / "eval" / "score.py"), "--gold", str(a.shared / gold), "--pred", str(out)]
            subprocess.run(cmd + (["--verbose"] if a.verbose else []), check=True)
            if a.by_language:
                for lang, sub in _split_by_language(a.shared / articles, a.shared / gold, Path(tmp) / name):
                    print(f"-- {name}, {lang}: {len(list(sub.glob('*.json')))} documents")
                    subprocess.run([*cmd[:3], str(sub), *cmd[4:]], check=True)
    return 0


def _split_by_language(articles: Path, gold: Path, tmp: Path):
    """The gold files of one set in a folder per language, by the ``language`` column of the
    articles' SOURCES.tsv (the seeds have none: they are one set)."""
    import csv
    import shutil

    sources = articles / "SOURCES.tsv"
    if not sources.exists():
        return []
    langs: dict[str, Path] = {}
    with sources.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            stem, lang = row["file"].rsplit(".", 1)[0], (row.get("language") or "").strip() or "?"
            if (gold / f"{stem}.json").exists():
                sub = langs.setdefault(lang, tmp / lang)
                sub.mkdir(parents=True, exist_ok=True)
                shutil.copy(gold / f"{stem}.json", sub / f"{stem}.json")
    return sorted(langs.items(), key=lambda kv: kv[0] != "vi")


if __name__ == "__main__":
    sys.exit(main())
