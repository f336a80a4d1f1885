"""Issue 12's bar, through the real CLI against the session's Bolt server and a local web site:
a feed of two article pages and a dead link; pages keep their URL and publication date (GraphML
shows them); a "Sáng 22/12" meeting is dated from the publication year; a second run writes nothing;
two ``article.txt`` in two folders are two documents; a manifest beside files gives their metadata."""
from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import cli_runner

from tests.sources_site import Site, article_page, rss

# Two stories of my own, in the provincial press's way of writing.
STORY_A = ["Sáng 22/12, tại trụ sở UBND tỉnh, ông Nguyễn Văn Bình, Chủ tịch UBND tỉnh Lạng Sơn đã tiếp và làm "
           "việc với ông Kim Jae Won, Phó Tỉnh trưởng tỉnh Chungcheongnam-do (Hàn Quốc).",
           "Tại buổi làm việc, hai bên thống nhất sẽ ký kết biên bản ghi nhớ hợp tác trong năm tới."]
STORY_B = ["Chiều 15/3, ông Trần Quốc Hùng, Phó Chủ tịch UBND tỉnh Quảng Ninh đã tiếp ông Tanaka Hiroshi, Đại sứ "
           "Nhật Bản tại Việt Nam.",
           "Ông Trần Quốc Hùng đề nghị Đại sứ tiếp tục hỗ trợ tỉnh thu hút đầu tư từ Nhật Bản."]


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


@pytest.fixture
def web_cli(dipkg_home, store):
    """The CLI as a user runs it, against the session's server, without the politeness delay between
    two requests to one host (the local site is the only host)."""
    return cli_runner(dipkg_home, DIPKG_FETCH_DELAY="0", DIPKG_FETCH_BACKOFF="0.05")


def _documents(store) -> dict[str, dict]:
    return {r["d"]["id"]: r["d"] for r in store.read("MATCH (d:Document) RETURN properties(d) AS d")}


def test_feed_and_dead_link_then_a_second_run_writes_nothing(site, web_cli, empty_store, tmp_path):
    site.add("/tin/lang-son-han-quoc.html", article_page(site.base, "/tin/lang-son-han-quoc.html",
                                                         "Lạng Sơn tăng cường hợp tác với Chungcheongnam-do",
                                                         STORY_A, "2025-01-03"))
    site.add("/tin/quang-ninh-nhat-ban.html", article_page(site.base, "/tin/quang-ninh-nhat-ban.html",
                                                           "Quảng Ninh đón Đại sứ Nhật Bản", STORY_B, "2024-03-16"))
    feed = site.add("/rss/doi-ngoai.rss", rss(site.base, [
        ("/tin/lang-son-han-quoc.html", "Lạng Sơn tăng cường hợp tác", "Fri, 03 Jan 2025 08:30:00 +0700"),
        ("/tin/quang-ninh-nhat-ban.html", "Quảng Ninh đón Đại sứ", "Sat, 16 Mar 2024 08:30:00 +0700")]),
        ctype="application/rss+xml")
    dead = site.url("/tin/da-go-bo.html")

    first = web_cli("ingest", feed, dead)
    assert first.returncode == 1, first.stderr
    assert f"rejected {dead}: DeadLink: HTTP 404" in first.stderr
    assert "Traceback" not in first.stderr
    assert "written: 2" in first.stdout

    docs = _documents(empty_store)
    by_url = {d["url"]: d for d in docs.values()}
    a = by_url[site.url("/tin/lang-son-han-quoc.html")]
    b = by_url[site.url("/tin/quang-ninh-nhat-ban.html")]
    assert (a["published"], a["outlet"], a["canonical_url"]) == ("2025-01-03", "Báo Thử Nghiệm", a["url"])
    assert b["published"] == "2024-03-16" and len(a["sha"]) == 64 and a["ingested_at"].startswith("20")

    # "Sáng 22/12" published 2025-01-03: the latest 22 December not after it, inferred
    met = empty_store.read("MATCH (x:Person)-[r:MET]-(y:Person) WHERE x.name = 'Nguyễn Văn Bình' "
                           "RETURN r.date AS date, r.date_basis AS basis, y.name AS other")
    assert [(m["date"], m["basis"], m["other"]) for m in met] == [("2024-12-22", "publication", "Kim Jae Won")]
    rows = json.loads(web_cli("who-met", "Nguyễn Văn Bình", "--format", "json", check=True).stdout)
    assert [(r["date"], r["date_basis"]) for r in rows] == [("2024-12-22", "publication")]
    timeline = json.loads(web_cli("query", "run", "timeline", "--format", "json", check=True).stdout)
    assert sorted((r["date"], r["date_basis"]) for r in timeline) == [("2024-03-15", "publication"),
                                                                       ("2024-12-22", "publication")]

    html = tmp_path / "g.html"
    web_cli("viz", "--out", str(html), check=True)
    assert "2024-12-22 (year from publication)" in html.read_text(encoding="utf-8")

    # GraphML shows the Document's url and publication date
    out = tmp_path / "g.graphml"
    web_cli("export", "graphml", "--out", str(out), check=True)
    root = ET.parse(out).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
    values = [{keys[d.get("key")]: d.text for d in n.findall("g:data", ns)} for n in root.iter(f"{{{ns['g']}}}node")]
    assert {(v.get("url"), v.get("published")) for v in values if v.get("url")} == {
        (site.url("/tin/lang-son-han-quoc.html"), "2025-01-03"), (site.url("/tin/quang-ninh-nhat-ban.html"), "2024-03-16")}

    stats = web_cli("stats", "--format", "json", check=True).stdout
    second = web_cli("ingest", feed)
    assert second.returncode == 0, second.stderr
    assert "written: 0, unchanged or already present: 2" in second.stdout
    assert "(+0)" in second.stdout.split("relationships")[0] and "relationships: " in second.stdout
    assert web_cli("stats", "--format", "json", check=True).stdout == stats


def test_two_article_txt_in_two_folders_are_two_documents(web_cli, empty_store, tmp_path):
    for folder, story in (("lang-son", STORY_A), ("quang-ninh", STORY_B)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "article.txt").write_text("\n\n".join(story), encoding="utf-8")
    proc = web_cli("ingest", str(tmp_path / "lang-son"), str(tmp_path / "quang-ninh"))
    assert proc.returncode == 0, proc.stderr
    docs = _documents(empty_store)
    assert len(docs) == 2
    assert {d["key"] for d in docs.values()} == {str((tmp_path / f / "article.txt").resolve())
                                                 for f in ("lang-son", "quang-ninh")}
    meetings = empty_store.read("MATCH (m:Meeting)<-[:ATTENDED]-(p:Person) RETURN m.doc AS doc, "
                                "collect(p.name) AS people")
    people = sorted(sorted(m["people"]) for m in meetings)
    assert people == [["Kim Jae Won", "Nguyễn Văn Bình"], sorted(["Trần Quốc Hùng", "Tanaka Hiroshi"])]


def test_same_text_from_two_sources_is_one_document_listing_both(web_cli, empty_store, tmp_path):
    for folder in ("saved", "copy"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "lang-son.txt").write_text("\n\n".join(STORY_A), encoding="utf-8")
    proc = web_cli("ingest", str(tmp_path / "saved"), str(tmp_path / "copy"))
    assert proc.returncode == 0, proc.stderr
    docs = list(_documents(empty_store).values())
    assert len(docs) == 1
    assert sorted(docs[0]["sources"]) == sorted(str(tmp_path / f / "lang-son.txt") for f in ("saved", "copy"))


def test_a_manifest_beside_the_files_gives_their_metadata(web_cli, empty_store, tmp_path):
    (tmp_path / "a.txt").write_text("\n\n".join(STORY_A), encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n\n".join(STORY_B), encoding="utf-8")
    (tmp_path / "nguon.tsv").write_text(
        "file\turl\toutlet\tpublication_date\n"
        "a.txt\thttps://tin.example.vn/a.html\tBáo Lạng Sơn\t2025-01-03\n"
        "b.txt\thttps://tin.example.vn/b.html\tBáo Quảng Ninh\tunknown (event 15/3)\n", encoding="utf-8")
    proc = web_cli("ingest", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert f"skipped {tmp_path / 'nguon.tsv'}" in proc.stderr
    docs = {d["url"]: d for d in _documents(empty_store).values()}
    a, b = docs["https://tin.example.vn/a.html"], docs["https://tin.example.vn/b.html"]
    assert (a["outlet"], a["published"], a["key"]) == ("Báo Lạng Sơn", "2025-01-03", "https://tin.example.vn/a.html")
    assert b["outlet"] == "Báo Quảng Ninh" and b.get("published") is None      # not a date: left out, not guessed
    dates = {r["doc"]: (r["date"], r["basis"]) for r in empty_store.read(
        "MATCH (m:Meeting) RETURN m.doc AS doc, m.date AS date, m.date_basis AS basis")}
    assert sorted(dates.values(), key=str) == sorted([("2024-12-22", "publication"), (None, None)], key=str)


def test_a_bad_manifest_is_a_usage_error_before_anything_is_written(web_cli, empty_store, tmp_path):
    (tmp_path / "a.txt").write_text("\n\n".join(STORY_A), encoding="utf-8")
    bad = tmp_path / "m.csv"
    bad.write_text("name,colour\na.txt,blue\n", encoding="utf-8")
    proc = web_cli("ingest", str(tmp_path / "a.txt"), "--manifest", str(bad))
    assert proc.returncode == 2 and "needs a header with a file column" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not _documents(empty_store)


def test_an_unreachable_source_is_named_and_the_others_go_in(web_cli, empty_store, tmp_path):
    (tmp_path / "a.txt").write_text("\n\n".join(STORY_A), encoding="utf-8")
    proc = web_cli("ingest", "http://127.0.0.1:9/nothing-listens-here", str(tmp_path / "missing.txt"),
                   str(tmp_path / "a.txt"))
    assert proc.returncode == 1
    assert "rejected http://127.0.0.1:9/nothing-listens-here: FetchFailed: could not connect" in proc.stderr
    assert f"rejected {tmp_path / 'missing.txt'}: UnreadableFile: no such file or folder" in proc.stderr
    assert "written: 1" in proc.stdout and "Traceback" not in proc.stderr
    assert os.path.exists(tmp_path / "a.txt")
