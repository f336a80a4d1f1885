"""Security: hostile names and texts are data, never code; the vocabulary is closed;
the embedded server is private to this machine and its credentials stay secret."""
from __future__ import annotations

import html
import logging
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from graph.embedded import EmbeddedServer
from graph.store import Neo4jStore, StoreError, StoreUnavailable, scrub
from graph.viz import build_page, page_data, render_html
from graph.writer import GraphWriter, node_statement, rel_statement
from ontology.facts import Extraction, MeetingFact, PartnerFact, PersonFact, ProvinceFact, Span
from ontology.model import OntologyError
from ontology.projection import GraphBatch, project
from queries.runner import QueryError, get, run
from tests.conftest import ROOT

pytestmark = pytest.mark.integration

HOSTILE = [
    "O'Brien \"Quote\" `tick` {brace} $param // not a comment /* nor this */",
    "Nguyễn Văn A'}) DETACH DELETE n //",
    "Lê `Person`)-[:MET]->(x) RETURN x; MATCH (n) DETACH DELETE n",
    "<script>alert('name')</script> Trần",
    "<img src=x onerror=alert(1)> Kim href",
    "Park <a href=\"javascript:alert(2)\">href</a> ${{7*7}} {{7*7}}",
]


def _meeting(doc: str, host: str, guest: str, quote_extra: str = "") -> Extraction:
    text = f"Ngày 1/2/2024, Chủ tịch UBND tỉnh Nghệ An {host} tiếp ông {guest}. {quote_extra}"
    s = Span(doc, 0, len(text), text)
    return Extraction(
        doc=doc, text=text, lang="vi", date="2024-02-01", title=f"<b>{doc}</b> href",
        persons=(PersonFact(host, ("Chủ tịch UBND tỉnh Nghệ An",), "vietnam", s, province="Nghệ An"),
                 PersonFact(guest, ("Đại sứ `x` {y} $z",), "foreign", s, country="Hàn Quốc")),
        provinces=(ProvinceFact("Nghệ An", "Nghệ An", s),),
        partners=(PartnerFact("Hàn Quốc", "country", s, country="KR"),),
        meetings=(MeetingFact(((host,), (guest,)), (host, guest), s, date="2024-02-01", location="Nghệ An"),),
    )


@pytest.fixture
def hostile_store(empty_store):
    docs = [_meeting(f"h{i}", "Phạm Văn Chủ", name, quote_extra=HOSTILE[-1 - i]) for i, name in enumerate(HOSTILE)]
    result = GraphWriter(empty_store).write([(ex.doc, project(ex)) for ex in docs])
    assert not result.failed, result.failed
    return empty_store


def test_metacharacters_are_stored_and_read_back_literally(hostile_store):
    rows = run(hostile_store, "who_met", {"person": "Phạm Văn Chủ"})
    assert sorted(r["name"] for r in rows) == sorted(HOSTILE)
    for name in HOSTILE:                               # and each is found by its own (hostile) name
        back = run(hostile_store, "who_met", {"person": name})
        assert [r["name"] for r in back] == ["Phạm Văn Chủ"], name
    quotes = {r["quote"] for r in rows}
    assert any("DETACH DELETE n" in q for q in quotes)
    assert hostile_store.read("MATCH (n:Person) RETURN count(n) AS c")[0]["c"] == len(HOSTILE) + 1


def test_html_graph_shows_hostile_text_as_text(hostile_store, tmp_path):
    page = tmp_path / "g.html"
    render_html(hostile_store, page, documents=True)
    text = page.read_text(encoding="utf-8")
    data = page_data(text)
    labels = {n["label"] for n in data["nodes"]}
    tips = "\n".join(html.unescape(n["tip"]) for n in data["nodes"] + data["edges"] if n.get("tip"))
    for name in HOSTILE:
        assert name in tips
        assert any(name[:25] in lbl for lbl in labels), name
    assert not any("title" in n for n in data["nodes"] + data["edges"]), "pyvis title (HTML popup) used"
    # Outside the escaped JSON the page holds none of the hostile markup.
    stripped = re.sub(r"new vis\.DataSet\(\[.*?\]\);", "", text, flags=re.S)
    for bad in ("alert('name')", "onerror=alert", "javascript:alert", "DETACH DELETE"):
        assert bad not in stripped
    # And inside it no tag can form: <, > and & are JSON escapes, so "</script>" cannot close the script.
    for block in re.findall(r"new vis\.DataSet\((\[.*?\])\);", text, re.S):
        assert "<" not in block and ">" not in block


def test_html_graph_never_runs_article_text_in_a_browser(hostile_store, tmp_path):
    browser = pytest.importorskip("tests.test_browser")
    if not Path(browser.CHROMIUM).exists():
        pytest.skip("headless chromium not installed")
    page = tmp_path / "hostile.html"
    render_html(hostile_store, page, documents=True)
    seen = browser.assert_healthy(page, tmp_path)        # no alert, no error, drawn
    tips = [t for t in seen["tips"] if t]
    assert tips and all(children == 0 for children, _ in tips)
    shown = "\n".join(t for _, t in tips)
    assert all(name in shown for name in HOSTILE)


def test_labels_and_relationship_types_outside_the_ontology_are_refused():
    for label in ("Person`) DETACH DELETE n //", "Spy", "person", "Person:Admin", ""):
        with pytest.raises(OntologyError):
            node_statement(label)
        with pytest.raises(OntologyError):
            GraphBatch().node(label, "x", "d", {})
    for rel, a, b in (("MET]->() DETACH DELETE a //", "Person", "Person"), ("KNOWS", "Person", "Person"),
                      ("met", "Person", "Person"), ("MET", "Person", "Meeting"), ("HOLDS", "Person`", "Post")):
        with pytest.raises(OntologyError):
            rel_statement(rel, a, b)
    for name in ("../store", "who_met; DROP", "WHO_MET", "who-met"):
        with pytest.raises(QueryError):
            get(name)


def test_user_values_never_become_cypher(hostile_store):
    with pytest.raises(QueryError):
        run(hostile_store, "who_met", {"person": "x", "limit": "1; MATCH (n) DETACH DELETE n"})
    before = hostile_store.read("MATCH (n) RETURN count(n) AS c")[0]["c"]
    run(hostile_store, "who_met", {"person": "x'}) MATCH (n) DETACH DELETE n //"})
    assert hostile_store.read("MATCH (n) RETURN count(n) AS c")[0]["c"] == before


# ---------------------------------------------------------------- the embedded server
@pytest.fixture(scope="module")
def server(store, dipkg_home):
    if os.environ.get("NEO4J_URI"):
        pytest.skip("the embedded server is not in use (NEO4J_URI is set)")
    s = EmbeddedServer(dipkg_home)
    assert s.info(), "the session's embedded server is not running"
    return s


def _listening(pid: int) -> list[tuple[str, int]]:
    """(address, port) of the TCP sockets the process listens on, from /proc."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            m = re.match(r"socket:\[(\d+)\]", os.readlink(fd))
        except OSError:
            continue
        if m:
            inodes.add(m.group(1))
    out = []
    for table, width in (("tcp", 8), ("tcp6", 32)):
        for line in Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]:
            f = line.split()
            if f[3] != "0A" or f[9] not in inodes:         # 0A = LISTEN
                continue
            addr, port = f[1].split(":")
            raw = bytes.fromhex(addr)
            if width == 8:
                ip = ".".join(str(b) for b in raw[::-1])
            else:                                          # four little-endian 32-bit words
                words = [raw[i:i + 4][::-1] for i in range(0, 16, 4)]
                b = b"".join(words)
                ip = ("::ffff:" + ".".join(map(str, b[12:]))) if b[:12] == b"\0" * 10 + b"\xff\xff" else b.hex()
            out.append((ip, int(port, 16)))
    return out


def test_server_listens_on_loopback_only(server):
    info = server.info()
    socks = _listening(info.pid)
    assert {p for _, p in socks} >= {info.bolt_port}
    assert socks and all(ip in ("127.0.0.1", "::ffff:127.0.0.1", "0" * 31 + "1") for ip, _ in socks), socks


def test_secret_files_are_private(server):
    assert stat.S_IMODE(server.password_file.stat().st_mode) == 0o600
    assert stat.S_IMODE((server.home / "java.args").stat().st_mode) == 0o600
    assert stat.S_IMODE(server.home.stat().st_mode) == 0o700


def test_password_never_in_command_line_logs_or_messages(server, cli, caplog):
    password = server.password()
    info = server.info()
    cmdline = Path(f"/proc/{info.pid}/cmdline").read_bytes().decode(errors="replace")
    assert password not in cmdline
    assert password not in server.log_file.read_text(errors="replace")
    for args in (("db", "status"), ("db", "start"), ("stats",)):
        proc = cli(*args)
        assert password not in proc.stdout + proc.stderr
    # a refused login: the message says why, and carries neither the tried nor the real password
    with pytest.raises(StoreUnavailable) as e:
        Neo4jStore(info.uri, "root", password + "-wrong", "dipkg")
    assert "refused the credentials" in str(e.value) and password not in str(e.value)
    # the driver's own debug log while connecting and querying
    caplog.set_level(logging.DEBUG, logger="neo4j")
    with Neo4jStore(info.uri, "root", password, "dipkg") as s:
        s.read("RETURN 1 AS x")
        assert "HELLO" in caplog.text or "LOGON" in caplog.text
        assert password not in caplog.text
        with pytest.raises(StoreError) as e:
            s.read(f"RETURN '{password}' + 1/0 AS x")     # even an error about a statement quoting it is scrubbed
        assert password not in str(e.value)


def test_bad_neo4j_uri_and_password_are_not_echoed(monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-Value-42")
    assert "s3cret-Value-42" not in scrub("auth failed for s3cret-Value-42 at bolt://u:s3cret-Value-42@h:1")
    assert "u:" not in scrub("bolt://u:pw@host:7687")
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "stats"], capture_output=True, text=True,
                          env={**os.environ, "NEO4J_URI": "bolt://127.0.0.1:9", "NEO4J_USERNAME": "neo4j",
                               "NEO4J_PASSWORD": "s3cret-Value-42"}, cwd=ROOT, timeout=120)
    assert proc.returncode == 1
    assert "cannot reach the graph at bolt://127.0.0.1:9" in proc.stderr
    assert "s3cret-Value-42" not in proc.stdout + proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads the server's thread names from /proc (Linux)")
def test_server_runs_the_parallel_collector(server):
    """The JVM honours -XX:+UseParallelGC (graph/embedded.py says why): its collector threads are
    "GC Thread#N", and none of G1's ("G1 Main Marker", "G1 Conc#0", "G1 Refine#0") is there."""
    names = set()
    for task in Path(f"/proc/{server.info().pid}/task").iterdir():
        try:
            names.add((task / "comm").read_text().strip())
        except OSError:
            pass                                  # a thread that ended meanwhile
    assert any(n.startswith("GC Thread") for n in names), sorted(names)
    assert not any(n.startswith("G1 ") for n in names), sorted(names)


def test_server_heap_and_page_cache_are_sized(server):
    """The page cache is 60 % of the heap (ArcadeDB's default is 25 %): the size the ingest benchmark
    needs to keep a big store's pages in memory. A bad heap size is refused by name."""
    from graph.embedded import EmbeddedServerError, page_ram_mb

    args = (server.home / "java.args").read_text()
    heap = re.search(r'"-Xmx(\w+)"', args).group(1)
    assert f'"-Darcadedb.maxPageRAM={page_ram_mb(heap)}"' in args
    assert page_ram_mb("2g") == 1228 and page_ram_mb("1536m") == 921 and page_ram_mb(str(1 << 30)) == 614
    with pytest.raises(EmbeddedServerError, match="not a Java size"):
        page_ram_mb("lots")
