"""Shared by the explorer's tests: the workbench corpus (plus a hostile article) behind a real explorer
server on 127.0.0.1, started in this process on a free port."""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass

import pytest

from graph.explorer.app import make_server, serve_in_thread
from tests import workbench_corpus as wc


@dataclass(frozen=True)
class Running:
    base: str
    port: int


def start(store):
    """Load the corpus and start a server; returns (Running, server) — call ``server.shutdown()``."""
    wc.load(store, wc.corpus() + [wc.evil()])
    server = make_server(store, "127.0.0.1", 0)
    serve_in_thread(server)
    port = server.server_address[1]
    return Running(f"http://127.0.0.1:{port}", port), server


@pytest.fixture(scope="module")
def app(store):
    """The explorer over the workbench corpus for one test module (import it into the module to use it)."""
    running, server = start(store)
    yield running
    server.shutdown()
    server.server_close()


def get(url: str, headers: dict[str, str] | None = None, method: str = "GET"):
    """(status, headers, body bytes) of a request, errors included."""
    req = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def get_json(url: str):
    status, _, body = get(url)
    return status, json.loads(body.decode("utf-8"))
