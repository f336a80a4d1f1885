"""Fetching and reading web sources against a local site on 127.0.0.1 (tests/sources_site.py):
retries with backoff, timeouts, the size limit, robots.txt, the user agent, the delay per host,
redirects, Atom feeds, sitemaps and pages that are not articles. No store needed."""
from __future__ import annotations

import pytest

from loaders.fetch import Fetcher, FetchSettings
from loaders.sources import Refusal, iter_documents, url_stem
from ontology.errors import (DeadLink, DocumentTooLarge, FetchFailed, FetchTimeout, FetchTooLarge, NotAFeed,
                             NotAnArticle, RobotsDisallowed)
from tests.sources_site import Site, article_page, rss

STORY = ["Sáng 22/12, tại trụ sở UBND tỉnh, ông Nguyễn Văn Bình, Chủ tịch UBND tỉnh Lạng Sơn đã tiếp và làm "
         "việc với ông Kim Jae Won, Phó Tỉnh trưởng tỉnh Chungcheongnam-do (Hàn Quốc).",
         "Tại buổi làm việc, hai bên thống nhất sẽ ký kết biên bản ghi nhớ hợp tác trong năm tới."]
FAST = FetchSettings(timeout=2.0, retries=2, backoff=0.01, delay=0.0, max_bytes=200_000)


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


def read(sources, settings: FetchSettings = FAST):
    refused: list[Refusal] = []
    with Fetcher(settings) as f:
        docs = list(iter_documents(sources, refused.append, fetcher=f))
    return docs, refused


def test_retries_429_and_5xx_then_succeeds(site):
    url = site.add("/a.html", article_page(site.base, "/a.html", "Tin", STORY, "2025-01-03"), fail_first=2)
    with Fetcher(FAST) as f:
        got = f.get(url)
    assert got.status == 200 and site.hits["/a.html"] == 3


def test_gives_up_after_the_retries_with_a_named_error(site):
    url = site.add("/busy.html", "x", fail_first=99)
    with Fetcher(FAST) as f, pytest.raises(FetchFailed, match="HTTP 503 after 3 attempts"):
        f.get(url)
    assert site.hits["/busy.html"] == 3


def test_a_slow_page_times_out(site):
    url = site.add("/slow.html", "x", delay=1.5)
    with Fetcher(FetchSettings(timeout=0.3, retries=0, delay=0.0)) as f, pytest.raises(FetchTimeout):
        f.get(url)


def test_an_oversized_body_is_cut_and_refused(site):
    url = site.add("/big.html", "<p>" + "a" * 5000 + "</p>")
    with Fetcher(FetchSettings(max_bytes=1000, retries=0, delay=0.0)) as f, pytest.raises(FetchTooLarge) as e:
        f.get(url)
    assert isinstance(e.value, DocumentTooLarge) and "1000 bytes" in str(e.value)


def test_robots_txt_is_honoured_and_the_user_agent_names_the_tool(site):
    site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", ctype="text/plain")
    ok = site.add("/public/a.html", article_page(site.base, "/public/a.html", "Tin", STORY, None))
    no = site.add("/private/b.html", article_page(site.base, "/private/b.html", "Tin", STORY, None))
    docs, refused = read([ok, no])
    assert [d.url for d in docs] == [ok]
    assert [(r.source, type(r.error)) for r in refused] == [(no, RobotsDisallowed)]
    assert site.hits["/private/b.html"] == 0 and site.hits["/robots.txt"] == 1
    assert all(a.startswith("dipkg/") for a in site.agents)


def test_a_host_gets_a_delay_between_two_requests(site):
    a = site.add("/a.html", "<p>a</p>")
    b = site.add("/b.html", "<p>b</p>")
    with Fetcher(FetchSettings(delay=0.4, retries=0, robots=False)) as f:
        f.get(a)
        f.get(b)
    assert site.times["/b.html"][0] - site.times["/a.html"][0] >= 0.38


def test_a_redirect_is_followed_and_the_page_keeps_its_canonical_url(site):
    site.add("/a.html", article_page(site.base, "/tin/a.html", "Tin", STORY, "2025-01-03"))
    old = site.add("/old", "", status=301, headers={"Location": "/a.html"})
    docs, refused = read([old])
    assert not refused
    assert (docs[0].url, docs[0].canonical_url, docs[0].key) == (site.url("/a.html"), site.url("/tin/a.html"),
                                                                  site.url("/tin/a.html"))
    assert docs[0].source == old and docs[0].doc == "a"


def test_an_atom_feed_gives_its_pages_and_their_dates_when_the_page_has_none(site):
    site.add("/p/1.html", article_page(site.base, "/p/1.html", "Một", STORY, None))
    site.add("/p/2.html", article_page(site.base, "/p/2.html", "Hai", STORY[:1] + ["Hai bên trao đổi kinh nghiệm."],
                                       "2024-05-02"))
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
            f'<entry><title>Một</title><link href="{site.base}/p/1.html"/><updated>2024-06-01T10:00:00Z</updated>'
            '<id>1</id></entry>'
            f'<entry><title>Hai</title><link href="/p/2.html"/><updated>2024-06-02T10:00:00Z</updated><id>2</id></entry>'
            f'<entry><title>Ba</title><link href="{site.base}/p/gone.html"/><id>3</id></entry></feed>')
    feed = site.add("/atom.xml", atom, ctype="text/xml")
    docs, refused = read([feed])
    assert [(d.url, d.published) for d in docs] == [(site.url("/p/1.html"), "2024-06-01"),
                                                    (site.url("/p/2.html"), "2024-05-02")]
    assert [(r.source, type(r.error)) for r in refused] == [(site.url("/p/gone.html"), DeadLink)]


def test_a_sitemap_index_gives_the_pages_of_its_sitemaps(site):
    site.add("/p/1.html", article_page(site.base, "/p/1.html", "Một", STORY, "2024-06-01"))
    site.add("/sm-1.xml", '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                          f"<url><loc>{site.base}/p/1.html</loc></url></urlset>", ctype="application/xml")
    index = site.add("/sitemap.xml", '<?xml version="1.0"?><sitemapindex '
                                     'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                     f"<sitemap><loc>{site.base}/sm-1.xml</loc></sitemap></sitemapindex>",
                     ctype="application/xml")
    docs, refused = read([index])
    assert not refused and [d.url for d in docs] == [site.url("/p/1.html")]


def test_pages_that_are_not_articles_are_named_rejections(site):
    png = site.add("/logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 50, ctype="image/png")
    empty = site.add("/menu.html", "<html><body><nav><a href='/'>Trang chủ</a></nav><script>var x=1;</script>"
                                   "</body></html>")
    nofeed = site.add("/empty.rss", '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
                                    "</channel></rss>", ctype="application/rss+xml")
    docs, refused = read([png, empty, nofeed])
    assert docs == []
    assert [(r.source, type(r.error)) for r in refused] == [(png, NotAnArticle), (empty, NotAnArticle),
                                                            (nofeed, NotAFeed)]


def test_url_stem_is_a_readable_id():
    assert url_stem("https://tin.example.vn/thoi-su/lang-son-han-quoc-123.html") == "lang-son-han-quoc-123"
    assert url_stem("https://tin.example.vn/") == "tin.example.vn"
    assert url_stem("https://tin.example.vn/tin/L%E1%BA%A1ng%20S%C6%A1n/") == "Lạng-Sơn"
