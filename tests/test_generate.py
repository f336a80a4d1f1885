"""The generator's facts are the facts its text states (bench/generate.py): the oracle ingest
(bench/oracle.py) is the baseline "writes without extraction", so it must write the graph the text
makes: every fact points at words that are in the text, and every fact the text carries is listed
(the filler's commitments and organisations, every mention of a province, the partners named).
"""
from __future__ import annotations

import re
import sys

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate import FILLER_EN, FILLER_VI, Filler, make_doc  # noqa: E402

DOCS = [make_doc(7, 60, i) for i in range(300)]


def _count(text: str, phrase: str) -> int:
    return len(re.findall(rf"(?<!\w){re.escape(phrase)}(?!\w)", text))


def test_both_languages_and_all_meeting_forms_are_covered():
    assert {d.lang for d in DOCS} == {"vi", "en"}
    assert any("trong chuyến công tác tại" in d.text for d in DOCS)
    assert any(" cùng " in d.text for d in DOCS)


@pytest.mark.parametrize("kind", ["persons", "provinces", "organizations", "partners", "meetings", "commitments"])
def test_every_fact_points_at_its_words(kind):
    for d in DOCS:
        for f in getattr(d.extraction, kind):
            assert d.text[f.span.start:f.span.end] == f.span.text, (d.doc, f)


def test_every_listed_name_is_written():
    for d in DOCS:
        ex = d.extraction
        for p in ex.persons:
            assert p.name in d.text, (d.doc, p.name)       # English articles name no companions
        for side in ex.meetings[0].sides:
            assert all(n in d.text for n in side)
        for f in ex.partners:
            assert _count(d.text, f.name), (d.doc, f.name)   # a country the text never names is not listed
        for p in ex.provinces:
            assert p.span.text == p.surface


def test_every_filler_commitment_is_listed_once_per_sentence():
    fillers = {f.text: f for f in FILLER_VI + FILLER_EN}
    for d in DOCS:
        listed = [c.text for c in d.extraction.commitments]
        for text, f in fillers.items():
            assert listed.count(text) == (d.text.count(text) if f.commitment else 0), (d.doc, text)


def test_organisations_named_by_the_filler_and_the_offices_are_listed():
    for d in DOCS:
        orgs = {o.name for o in d.extraction.organizations}
        assert len(orgs) == len(d.extraction.organizations)            # once each
        if "lãnh đạo Sở Ngoại vụ, Sở Kế hoạch và Đầu tư" in d.text:
            assert any(o.startswith("Sở Kế hoạch và Đầu tư ") for o in orgs), d.doc
        if "Bí thư Tỉnh ủy tỉnh" in d.extraction.persons[0].offices[0]:
            assert any(o.startswith("Tỉnh ủy ") for o in orgs), d.doc


def test_every_mention_of_the_host_province_is_a_province_fact():
    for d in DOCS:
        ex = d.extraction
        host = ex.provinces[0].surface
        assert sum(p.surface == host for p in ex.provinces) == _count(d.text, host), d.doc


def test_the_filler_table_says_what_the_gold_counts():
    """Agreements, pledges and requests are commitments; praise, habits and past trade are not."""
    kinds = {f.text.split(",")[0][:30]: f.commitment for f in FILLER_VI + FILLER_EN}
    assert kinds["Hai bên nhất trí tăng cường tr"] == "cooperate"
    assert kinds["Tỉnh mong muốn tiếp tục nhận đ"] == "request"
    assert kinds["Both sides agreed to step up e"] == "cooperate"
    assert kinds["Lãnh đạo tỉnh đánh giá cao nhữ"] is None
    assert kinds["The province always creates fa"] is None
    assert all(isinstance(f, Filler) for f in FILLER_VI + FILLER_EN)
