"""The explorer's HTTP API against a real server and a real store: search in any case and either
language, ego networks with readable labels, evidence with the source sentence, templates with CSV,
and what it refuses (query text, other files, writes, foreign Host headers)."""
from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.parse

import pytest

from graph.explorer import api
from graph.explorer.app import CSP, is_loopback
from tests import workbench_corpus as wc
from tests.conftest import ROOT
from tests.explorer_fixtures import app, get, get_json  # noqa: F401 (app is a fixture)

pytestmark = pytest.mark.integration
q = urllib.parse.quote


def _search(app, text):
    status, rows = get_json(f"{app.base}/api/search?q={q(text)}")
    assert status == 200
    return rows


def _id(app, name):
    return next(r["id"] for r in _search(app, name) if r["name"] == name)


def test_search_ignores_case_and_diacritics_and_takes_english_names(app):
    for text in ("tran van tam", "TRẦN VĂN", "Tran Van Tam", "van tam"):
        assert wc.TAM in [r["name"] for r in _search(app, text)], text
    for text, name in (("Japan", wc.JP), ("japan", wc.JP), ("da nang", wc.DN), ("savanna", wc.SAV), ("Laos", wc.LAO)):
        rows = _search(app, text)
        assert rows and rows[0]["name"] == name, (text, rows)
    assert _search(app, "zzqx") == []
    assert _search(app, "   ") == []


def test_search_puts_names_that_start_with_the_text_first_and_scans_only_from_three_letters(app):
    names = [r["name"] for r in _search(app, "quang")]
    assert wc.QT in names and wc.QUANG in names, names          # starts with it; a later word starts with it
    assert names.index(wc.QT) < names.index(wc.QUANG), names
    assert wc.TAM in [r["name"] for r in _search(app, "tr")]      # two letters: the start of a name, from the index
    assert wc.QT not in [r["name"] for r in _search(app, "ua")]   # two letters inside a name: no scan
    assert wc.QT in [r["name"] for r in _search(app, "uang tr")]  # three or more: the scan of places fills the list


def test_search_finds_a_later_word_of_a_persons_name_from_the_index(app):
    for text in ("ta", "Tâm", "tam", "van", "VĂN T", "van tam"):  # the given name, the middle name and on
        rows = [r for r in _search(app, text) if r["name"] == wc.TAM]
        assert rows and not rows[0]["exact"], text
    assert wc.HOA in [r["name"] for r in _search(app, "thi hoa")]
    assert wc.TAM not in [r["name"] for r in _search(app, "ran")]   # inside a word of a person's name: not searched


def test_search_fills_up_to_the_limit_without_repeating_a_name(store, app):
    rows = api.search(store, "a", limit=3)
    assert len(rows) <= 3
    rows = api.search(store, "van", limit=50)
    ids = [r.id for r in rows]
    assert len(ids) == len(set(ids)) and {wc.TAM, wc.QUANG} <= {r.name for r in rows}


def test_ego_network_labels_meetings_by_sides_date_and_place_and_met_is_undirected(app):
    status, ego = get_json(f"{app.base}/api/ego?id={q(_id(app, wc.TAM))}")
    assert status == 200 and ego["centre"]["name"] == wc.TAM
    names = {n["name"] for n in ego["nodes"]}
    assert wc.SOMSAK in names and f"Bí thư Tỉnh ủy {wc.QT}" in names
    meetings = [n["caption"] for n in ego["nodes"] if n["label"] == "Meeting"]
    assert f"{wc.TAM} – {wc.SOMSAK} · 5/3/2024 · {wc.QT}" in meetings, meetings
    commitments = [n["caption"] for n in ego["nodes"] if n["label"] == "Commitment"]
    assert f"support · {wc.TAM} · 5/3/2024" in commitments or any(c.startswith(f"support · {wc.TAM}") for c in commitments)
    met = [e for e in ego["edges"] if e["type"] == "MET"]
    assert met and not any(e["directed"] for e in met)
    assert all(e["directed"] for e in ego["edges"] if e["type"] == "ATTENDED")
    assert ego["total"] == len(ego["edges"])


def test_ego_network_says_how_many_links_it_cut(store, app):
    hub = _id(app, wc.QT)
    small = api.ego(store, hub, limit=2)
    assert len(small.edges) == 2 and small.total > 2


def test_ego_network_keeps_the_best_documented_links_and_room_for_events(store, app):
    tam = _id(app, wc.TAM)
    whole = api.ego(store, tam)
    lasting = [e for e in whole.edges if e.type in ("MET", "HOLDS")]   # ranking: tests/test_explorer_ego.py
    events = [e for e in whole.edges if e.type in ("ATTENDED", "MADE_BY")]
    assert lasting and events and whole.total == len(whole.edges)
    cut = api.ego(store, tam, limit=3)                     # one place of three goes to an event
    assert len(cut.edges) == 3 and cut.total > 3
    assert sum(e.type in ("ATTENDED", "MADE_BY") for e in cut.edges) == 1, cut.edges


def test_ego_template_lists_every_relationship_type_but_evidence():
    from ontology.model import REL_TYPES
    from queries.runner import get

    text = "\n".join(line for line in get("explorer_ego").cypher.splitlines() if not line.startswith("//"))
    for t in set(REL_TYPES) - {"EVIDENCED_BY"}:
        assert text.count(t) >= 2, t              # counted in the total and read in one tier


def test_evidence_gives_the_source_sentence_in_its_article_with_the_documents_details(app):
    ego = get_json(f"{app.base}/api/ego?id={q(_id(app, wc.TAM))}")[1]
    meeting = next(n for n in ego["nodes"] if n["label"] == "Meeting" and n["date"] == "2024-03-05")
    status, panel = get_json(f"{app.base}/api/evidence?id={q(meeting['id'])}")
    assert status == 200
    ev = panel["evidence"][0]
    w1 = wc.w1()
    assert ev["title"] == w1.title and ev["doc"] == "w1"
    assert ev["sentence"] == w1.text.split(". ")[0]
    assert (ev["before"] + ev["sentence"] + ev["after"]) in w1.text
    met = next(e for e in ego["edges"] if e["type"] == "MET")
    status, panel = get_json(f"{app.base}/api/evidence?source={q(met['source'])}&target={q(met['target'])}"
                             f"&type=MET&key={q(met['key'])}")
    assert status == 200 and panel["evidence"] and panel["evidence"][0]["sentence"]
    assert get_json(f"{app.base}/api/evidence?id=person:nobody")[0] == 404


def test_templates_run_with_parameters_and_csv_has_its_header_even_when_empty(app):
    status, names = get_json(f"{app.base}/api/templates")
    listed = {t["name"] for t in names}
    assert status == 200 and {"who_met", "commitments", "timeline"} <= listed
    assert not listed & api.EXPLORER_TEMPLATES
    status, ans = get_json(f"{app.base}/api/query?template=who_met&p.person={q(wc.TAM)}")
    assert status == 200 and {r["name"] for r in ans["rows"]} == {wc.SOMSAK}
    status, headers, body = get(f"{app.base}/api/query?template=find&p.text=zzqx&format=csv")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert body.decode("utf-8").strip() == "label,name,key,documents"
    status, err = get_json(f"{app.base}/api/query?template=commitments&p.kind=pledge")
    assert status == 400 and "support" in err["error"] and "pledge" in err["error"]


@pytest.mark.parametrize("path", [
    "/api/query?template=delete_all",                                    # a graph/cypher statement, not a template
    "/api/query?template=..%2Fgraph%2Fcypher%2Fdelete_all",
    "/api/query?template=who_met&p.person=x&cypher=MATCH+(n)+DETACH+DELETE+n",
    "/api/query?template=who_met&p.person=x&p.query=MATCH+(n)+DETACH+DELETE+n",
    "/api/query?template=explorer_ego&p.id=x",
    "/api/query?template=MATCH+(n)+DETACH+DELETE+n",
])
def test_no_query_text_from_a_client_reaches_the_store(store, app, path):
    before = store.read("MATCH (n) RETURN count(n) AS c")[0]["c"]
    status, _, body = get(app.base + path)
    assert status in (400, 404), body
    assert store.read("MATCH (n) RETURN count(n) AS c")[0]["c"] == before


def test_only_reads_only_its_own_files_and_only_for_its_own_host(app):
    assert get(f"{app.base}/api/templates", method="POST")[0] == 405
    assert get(f"{app.base}/api/templates", method="DELETE")[0] == 405
    for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2F..%2Fstore.py", "/etc/passwd"):
        assert get(app.base + path)[0] == 404, path
    status, headers, body = get(app.base + "/?focus=x")
    assert status == 200 and b'id="search"' in body
    assert headers["Content-Security-Policy"] == CSP and "script-src 'self'" in CSP
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert get(f"{app.base}/api/templates", headers={"Host": "attacker.example"})[0] == 421
    assert get(f"{app.base}/api/templates", headers={"Host": f"localhost:{app.port}"})[0] == 200


def test_vendored_javascript_is_served_from_the_package_with_its_licences(app):
    import json

    from graph.explorer.app import STATIC

    listed = json.loads((STATIC / "vendor" / "VENDORED.json").read_text(encoding="utf-8"))
    assert {p["name"] for p in listed} >= {"cytoscape", "cytoscape-fcose", "vis-timeline"}
    for p in listed:
        assert p["version"] and p["license"] and p["integrity"].startswith("sha512-")
        assert any((STATIC / "vendor" / "licenses").glob(f"{p['name']}.LICENSE*")), p["name"]
        for f in p["files"]:
            assert get(f"{app.base}/static/vendor/{f}")[0] == 200
    page = get(app.base + "/")[2].decode("utf-8")
    assert "http://" not in page and "https://" not in page and "//cdn" not in page


def test_loopback_rule():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10")


def _listening(port: int) -> list[str]:
    """Local addresses (hex, as /proc/net/tcp* writes them) in LISTEN state on ``port``."""
    out = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = open(table, encoding="ascii").read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            if state == "0A" and int(local.rsplit(":", 1)[1], 16) == port:
                out.append(local.rsplit(":", 1)[0])
    return out


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_cli(dipkg_home, port: int, *extra: str) -> subprocess.Popen:
    """``dipkg serve --port PORT`` as a user starts it; returns once it answers."""
    env = {**os.environ, "DIPKG_HOME": str(dipkg_home)}
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "serve", "--port", str(port), *extra],
                            env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"dipkg serve exited {proc.returncode}: {proc.stderr.read()}")
        try:
            if get(f"http://127.0.0.1:{port}/api/templates")[0] == 200:
                return proc
        except OSError:
            pass
        time.sleep(0.3)
    proc.terminate()
    raise AssertionError("dipkg serve did not answer within 60 s")


@pytest.mark.skipif(not os.path.exists("/proc/net/tcp"), reason="reads /proc/net/tcp (Linux) to see the socket")
def test_dipkg_serve_listens_on_loopback_only(cli, dipkg_home):
    port = free_port()
    proc = serve_cli(dipkg_home, port)
    try:
        addrs = _listening(port)
        assert addrs and all(a in ("0100007F", "00000000000000000000000001000000") for a in addrs), addrs
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_dipkg_serve_on_another_interface_warns(cli, dipkg_home):
    port = free_port()
    proc = serve_cli(dipkg_home, port, "--host", "0.0.0.0")
    try:
        assert get(f"http://127.0.0.1:{port}/api/templates")[0] == 200
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert "warning" in err and "0.0.0.0" in err
