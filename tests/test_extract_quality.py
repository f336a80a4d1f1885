"""The issue's bar, measured with the shared scorer on the annotated articles in ../shared
(skipped in a clone without them)."""
from __future__ import annotations

import importlib.util

import pytest

from tests.conftest import shared_or_skip


def _scorer():
    path = shared_or_skip("eval", "score.py")
    spec = importlib.util.spec_from_file_location("shared_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("articles,gold", [("seeds", "gold/seeds"), ("dev/articles", "gold/dev")])
def test_macro_f1_at_least_085_and_no_category_under_075(articles, gold):
    from pipeline import ReadReport, iter_extractions

    score = _scorer()
    report = ReadReport()
    preds = [ex.to_record() for _, ex in iter_extractions([shared_or_skip(*articles.split("/"))], report)]
    res = score.score(score.load_gold(shared_or_skip(*gold.split("/"))), preds)
    assert res["docs_missing"] == 0
    assert res["macro_f1"] >= 0.85, res
    for cat in ("persons", "offices", "provinces", "foreign_partners", "met_pairs", "commitments"):
        assert res[cat]["f1"] >= 0.75, (cat, res[cat])
