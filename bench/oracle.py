"""Ingest without the extractor: the facts of generated documents come from the generator.

    python bench/oracle.py ingest PATH... [--batch-size N]     # the real `dipkg` CLI, oracle facts
    DIPKG_ORACLE_FACTS=facts.pickle python bench/oracle.py ingest PATH...   # facts extracted beforehand

``install()`` puts a ``loaders.extract`` module in place whose ``extract(doc_id, text)``
returns the facts ``bench/generate.py`` wrote into a ``syn-…`` document, and hands any
other document to the real extractor (``loaders/extract.py``) when there is one. Used
by the store benchmarks (to time reading, projection and writing alone) and by the
failure tests (a kill or a race must lose nothing, whatever the extraction quality).
"""
from __future__ import annotations

import importlib
import os
import pickle
import sys
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for p in (ROOT, ROOT / "bench"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from generate import facts_for  # noqa: E402


def _cached_facts() -> dict | None:
    """``$DIPKG_ORACLE_FACTS``: a pickle of {doc id: Extraction} the real extractor made beforehand
    (bench/run.py pipeline), so the same facts can be written without extracting them again."""
    path = os.environ.get("DIPKG_ORACLE_FACTS")
    if not path:
        return None
    with open(path, "rb") as f:
        return pickle.load(f)


def install() -> types.ModuleType:
    cached = _cached_facts()
    real = None
    try:
        real = importlib.import_module("loaders.extract")
    except ImportError:
        pass
    mod = types.ModuleType("loaders.extract")

    def extract(doc_id: str, text: str):
        ex = cached.get(doc_id) if cached is not None else facts_for(doc_id)
        if ex is not None:
            return ex
        if real is None:
            raise RuntimeError(f"{doc_id} is not a generated document and loaders.extract is not there")
        return real.extract(doc_id, text)

    mod.extract = extract
    mod.ORACLE = True
    sys.modules["loaders.extract"] = mod
    import loaders
    loaders.extract = mod
    return mod


if __name__ == "__main__":
    install()
    import main as cli
    cli.app()
