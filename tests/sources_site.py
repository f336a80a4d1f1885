"""A local web site for the source tests: stdlib ``http.server`` on 127.0.0.1 in a thread, serving pages,
feeds and sitemaps the test writes, with failures on demand (status codes, slow or large answers, a
number of 503s before success). No test reaches the internet."""
from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes
    ctype: str = "text/html; charset=utf-8"
    status: int = 200
    fail_first: int = 0          # answer 503 this many times first
    delay: float = 0.0           # seconds before answering
    headers: dict = field(default_factory=dict)


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter = Counter()
        self.times: dict[str, list[float]] = {}
        self.agents: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:      # quiet
                pass

            def do_GET(self) -> None:
                path = self.path
                site.hits[path] += 1
                site.times.setdefault(path, []).append(time.monotonic())
                site.agents.append(self.headers.get("User-Agent", ""))
                r = site.routes.get(path)
                if r is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "9")
                    self.end_headers()
                    self.wfile.write(b"not found")
                    return
                if site.hits[path] <= r.fail_first:
                    self.send_response(503)
                    self.send_header("Retry-After", "0")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if r.delay:
                    time.sleep(r.delay)
                try:
                    self.send_response(r.status)
                    self.send_header("Content-Type", r.ctype)
                    self.send_header("Content-Length", str(len(r.body)))
                    for k, v in r.headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(r.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def add(self, path: str, body: str | bytes, **kw) -> str:
        self.routes[path] = Route(body.encode("utf-8") if isinstance(body, str) else body, **kw)
        return self.base + path

    def url(self, path: str) -> str:
        return self.base + path

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def article_page(base: str, path: str, title: str, paragraphs: list[str], published: str | None,
                 outlet: str = "Báo Thử Nghiệm", lang: str = "vi") -> str:
    """An article page as news sites write them: metadata in the head, the story in <article>,
    navigation and footer around it."""
    import html

    meta = f'<meta property="article:published_time" content="{published}T08:30:00+07:00">' if published else ""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!doctype html><html lang="{lang}"><head><meta charset="utf-8">
<title>{html.escape(title)} - {html.escape(outlet)}</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="{html.escape(outlet)}">
{meta}
<link rel="canonical" href="{base}{path}">
</head><body><nav><a href="/">Trang chủ</a> | <a href="/thoi-su">Thời sự</a></nav>
<article><h1>{html.escape(title)}</h1>{body}</article>
<footer>Bản quyền thuộc về {html.escape(outlet)}. Liên hệ quảng cáo.</footer></body></html>"""


def rss(base: str, items: list[tuple[str, str, str]]) -> str:
    """An RSS 2.0 feed of (path, title, RFC 822 date) items."""
    entries = "".join(f"<item><title>{t}</title><link>{base}{p}</link><pubDate>{d}</pubDate></item>"
                      for p, t, d in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tin đối ngoại</title>'
            f"<link>{base}/</link><description>Tin</description>{entries}</channel></rss>")
