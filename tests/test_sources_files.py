"""Local files as sources, without a store: an HTML file's own metadata, manifests (beside the files or
named with --manifest), identity keys, and the rule that dates a meeting from the publication year."""
from __future__ import annotations

import pytest

from loaders.manifest import iso_date, read_manifest
from loaders.sources import Refusal, iter_documents
from ontology.errors import ManifestError
from ontology.provenance import date_from_publication
from tests.sources_site import article_page

STORY = ["Sáng 22/12, tại trụ sở UBND tỉnh, ông Nguyễn Văn Bình, Chủ tịch UBND tỉnh Lạng Sơn đã tiếp và làm "
         "việc với ông Kim Jae Won, Phó Tỉnh trưởng tỉnh Chungcheongnam-do (Hàn Quốc).",
         "Tại buổi làm việc, hai bên thống nhất sẽ ký kết biên bản ghi nhớ hợp tác trong năm tới."]


def read(sources, manifest=None):
    refused: list[Refusal] = []
    return list(iter_documents(sources, refused.append, manifest)), refused


def test_an_html_file_reads_its_own_metadata_as_a_page_does(tmp_path):
    page = article_page("https://tin.example.vn", "/doi-ngoai/lang-son.html", "Lạng Sơn đón đoàn Hàn Quốc", STORY,
                        "2025-01-03", outlet="Báo Lạng Sơn")
    (tmp_path / "saved.html").write_text(page, encoding="utf-8")
    [d], refused = read([tmp_path / "saved.html"])
    assert not refused
    assert (d.doc, d.title, d.outlet, d.published, d.lang) == ("saved", "Lạng Sơn đón đoàn Hàn Quốc", "Báo Lạng Sơn",
                                                               "2025-01-03", "vi")
    assert d.canonical_url == d.key == "https://tin.example.vn/doi-ngoai/lang-son.html"
    assert "Bản quyền" not in d.text and d.text.count("Nguyễn Văn Bình") == 1


def test_a_given_manifest_names_files_by_path_and_a_plain_file_is_keyed_by_its_resolved_path(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("\n\n".join(STORY), encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(STORY[0], encoding="utf-8")
    m = tmp_path / "sources.csv"
    m.write_text('file,title,outlet,published,url\n'
                 'in/a.txt,"Tin, ảnh",Báo A,22/12/2024,https://a.example.vn/1\n', encoding="utf-8")
    docs, refused = read([tmp_path / "in"], manifest=m)
    assert not refused
    a, b = docs
    assert (a.title, a.outlet, a.published, a.url, a.key) == ("Tin, ảnh", "Báo A", "2024-12-22",
                                                              "https://a.example.vn/1", "https://a.example.vn/1")
    assert (b.url, b.published, b.key) == (None, None, str((tmp_path / "in" / "b.txt").resolve()))
    assert a.sha != b.sha and len({a.ingested_at, b.ingested_at}) == 1


def test_a_manifest_without_a_file_column_is_refused_by_name(tmp_path):
    bad = tmp_path / "m.tsv"
    bad.write_text("url\toutlet\nhttps://x\ty\n", encoding="utf-8")
    with pytest.raises(ManifestError, match="file column"):
        read_manifest(bad)
    assert read_manifest(bad, strict=False) is None


@pytest.mark.parametrize("text, iso", [("2024-12-22", "2024-12-22"), ("2024-12-22T08:00:00+07:00", "2024-12-22"),
                                       ("22/12/2024", "2024-12-22"), ("unknown (event 22/12)", None),
                                       ("2024-02-30", None), ("", None)])
def test_manifest_dates(text, iso):
    assert iso_date(text) == iso


@pytest.mark.parametrize("day, published, expected", [
    ("--12-22", "2025-01-03", "2024-12-22"),     # reported after the new year: last year's 22 December
    ("--01-02", "2025-01-03", "2025-01-02"),
    ("--01-03", "2025-01-03", "2025-01-03"),     # the same day counts
    ("--02-29", "2025-03-01", "2024-02-29"),     # the last 29 February before publication
    ("--12-22", None, None), (None, "2025-01-03", None), ("22/12", "2025-01-03", None)])
def test_a_day_without_a_year_takes_the_latest_such_day_not_after_publication(day, published, expected):
    assert date_from_publication(day, published) == expected


def test_the_extractor_keeps_the_day_and_the_record_keeps_its_convention():
    from loaders.extract import extract

    ex = extract("t", "Lạng Sơn đón đoàn Hàn Quốc\n\n" + "\n\n".join(STORY))
    assert [(m.date, m.day) for m in ex.meetings] == [(None, "--12-22")]
    assert ex.to_record()["meetings"][0]["date"] is None
