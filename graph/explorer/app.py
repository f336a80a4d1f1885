"""The explorer's HTTP server: the page, its vendored JavaScript and the read-only JSON API.

Why the standard library's ``ThreadingHTTPServer``: a handful of GET routes for one analyst on one
machine need no framework, and it adds no dependency. Safety: it binds to 127.0.0.1 unless told
otherwise; only GET/HEAD; static files only from ``static/``; a Host check against DNS rebinding; a
Content-Security-Policy that allows scripts from the app itself only (no CDN, nothing inline).
"""
from __future__ import annotations

import ipaddress
import json
import mimetypes
import sys
import threading
from dataclasses import asdict, is_dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from graph.explorer import api
from ontology.errors import DipkgError, QueryError

STATIC = Path(__file__).parent / "static"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
          ".html": "text/html; charset=utf-8", ".json": "application/json; charset=utf-8",
          ".md": "text/plain; charset=utf-8", ".txt": "text/plain; charset=utf-8"}


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _jsonable(x):
    if is_dataclass(x):
        return asdict(x)
    if isinstance(x, tuple):
        return [_jsonable(v) for v in x]
    return x


class Handler(BaseHTTPRequestHandler):
    server_version = "dipkg-explorer"
    sys_version = ""
    store = None                    # set by make_server
    allowed_hosts: frozenset[str] = frozenset()

    def log_message(self, fmt, *args):          # quiet: one line per error only
        if args and str(args[1] if len(args) > 1 else "").startswith(("4", "5")):
            sys.stderr.write("explorer: " + (fmt % args) + "\n")

    # ------------------------------------------------------------------ plumbing
    def _send(self, status: int, body: bytes, ctype: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, obj, status: int = 200) -> None:
        body = json.dumps(_jsonable(obj), ensure_ascii=False, default=str).encode("utf-8")
        self._send(status, body, "application/json; charset=utf-8")

    def _error(self, status: int, message: str) -> None:
        self._json({"error": message}, status)

    def _host_ok(self) -> bool:
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].strip("[]").lower()
        return not self.allowed_hosts or host in self.allowed_hosts

    # ------------------------------------------------------------------ routes
    def do_HEAD(self):
        self.do_GET()

    def do_POST(self):
        self._error(HTTPStatus.METHOD_NOT_ALLOWED, "the explorer is read-only: GET only")

    do_PUT = do_DELETE = do_PATCH = do_POST

    def do_GET(self):
        if not self._host_ok():
            return self._error(HTTPStatus.MISDIRECTED_REQUEST, "unexpected Host header")
        url = urlsplit(self.path)
        q = {k: v[-1] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
        try:
            if url.path in ("/", "/index.html"):
                return self._static("index.html")
            if url.path.startswith("/static/"):
                return self._static(url.path[len("/static/"):])
            route = _ROUTES.get(url.path)
            if route is None:
                return self._error(HTTPStatus.NOT_FOUND, f"no such page: {url.path}")
            return route(self, q)
        except api.NotFound as e:
            return self._error(HTTPStatus.NOT_FOUND, str(e))
        except QueryError as e:
            return self._error(HTTPStatus.BAD_REQUEST, str(e))
        except DipkgError as e:
            return self._error(HTTPStatus.SERVICE_UNAVAILABLE, f"the graph could not answer: {e}")

    def _static(self, rel: str) -> None:
        root = STATIC.resolve()
        path = (root / rel).resolve()
        if root not in path.parents or not path.is_file():
            return self._error(HTTPStatus.NOT_FOUND, "no such file")
        ctype = _TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self._send(200, path.read_bytes(), ctype)

    def api_search(self, q):
        self._json(api.search(self.store, q.get("q", "")))

    def api_ego(self, q):
        self._json(api.ego(self.store, _need(q, "id")))

    def api_evidence(self, q):
        if "id" in q:
            return self._json(api.node_evidence(self.store, q["id"]))
        self._json(api.edge_evidence(self.store, _need(q, "source"), _need(q, "target"), _need(q, "type"),
                                     q.get("key", "")))

    def api_legend(self, q):
        from graph.labels import STYLE
        self._json(STYLE)

    def api_templates(self, q):
        self._json(api.template_list())

    def api_query(self, q):
        name = _need(q, "template")
        fmt = q.get("format", "json")
        stray = sorted(k for k in q if k not in ("template", "format") and not k.startswith("p."))
        if stray or fmt not in ("json", "csv"):
            raise QueryError(f"unexpected {', '.join(stray) or 'format ' + fmt}: the explorer takes a template "
                             "name, format=json|csv and its parameters as p.NAME=value")
        params = {k[2:]: v for k, v in q.items() if k.startswith("p.")}
        if name in api.EXPLORER_TEMPLATES:
            raise QueryError(f"{name} is the explorer's own template, not a question")
        ans = api.answer(self.store, name, params)
        if fmt == "csv":
            from queries.output import to_csv
            body = to_csv(list(ans.rows), columns=list(ans.columns)).encode("utf-8")
            return self._send(200, body, "text/csv; charset=utf-8",
                              {"Content-Disposition": f'attachment; filename="{name}.csv"'})
        self._json(ans)


def _need(q: dict[str, str], name: str) -> str:
    if not q.get(name):
        raise QueryError(f"missing parameter {name}")
    return q[name]


_ROUTES = {"/api/search": Handler.api_search, "/api/ego": Handler.api_ego, "/api/evidence": Handler.api_evidence,
           "/api/templates": Handler.api_templates, "/api/legend": Handler.api_legend, "/api/query": Handler.api_query}


def make_server(store, host: str = "127.0.0.1", port: int = 0) -> ThreadingHTTPServer:
    """A server bound to ``host:port`` (port 0: a free one), not yet serving."""
    hosts = {"127.0.0.1", "localhost", "::1", host.lower()}
    handler = type("ExplorerHandler", (Handler,), {"store": store, "allowed_hosts": frozenset(hosts)})
    cls = ThreadingHTTPServer
    if ":" in host:
        import socket
        cls = type("ExplorerServer6", (ThreadingHTTPServer,), {"address_family": socket.AF_INET6})
    server = cls((host, port), handler)
    server.daemon_threads = True
    if not is_loopback(host):                    # reachable from elsewhere: any Host name is allowed
        handler.allowed_hosts = frozenset()
    return server


def serve_in_thread(server: ThreadingHTTPServer) -> threading.Thread:
    t = threading.Thread(target=server.serve_forever, name="dipkg-explorer", daemon=True)
    t.start()
    return t
