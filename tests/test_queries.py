"""Every Cypher template against the real embedded server, on a small invented corpus
(tests/workbench_corpus.py), checking the rows; then on the bundled samples."""
from __future__ import annotations

import csv
import io
import json

import pytest

from tests.conftest import SAMPLES
from queries.runner import QueryError, run, templates
from tests import workbench_corpus as wc

pytestmark = pytest.mark.integration

TYPES = {"str", "int", "float", "bool", "date", "name", "key"}


@pytest.fixture(scope="module")
def corpus(store):
    wc.load(store)
    return store


def names(rows, col="name"):
    return sorted(r[col] for r in rows)


def test_templates_are_single_statements_with_documented_params():
    ts = templates()
    expected = {"who_met", "meetings_between", "person_profile", "partner_network", "partner_provinces",
                "commitments", "timeline", "shortest_connection", "most_connected_people",
                "most_connected_partners", "find"}
    assert expected <= set(ts)
    for t in ts.values():
        assert t.description, t.name
        body = [line for line in t.cypher.splitlines() if line.strip() and not line.startswith("//")]
        assert not any(line.rstrip().endswith(";") for line in body), f"{t.name}: one statement, no ';'"
        for p in t.params:
            assert p.type in TYPES and p.description, (t.name, p)
            assert f"${p.name}" in t.cypher, f"{t.name}: parameter {p.name} unused"


def test_who_met(corpus):
    rows = run(corpus, "who_met", {"person": "le thi hoa"})
    assert [(r["name"], r["date"], r["doc"]) for r in rows] == [
        (wc.KIM, "2024-06-10", "w2"), (wc.SOMSAK, "2025-01-15", "w4")]
    kim = rows[0]
    assert kim["place"] == wc.QT and kim["offices"] == [f"Tỉnh trưởng tỉnh {wc.CHN}"]
    assert wc.HOA in kim["quote"] and wc.KIM in kim["quote"]
    # offices are the Person.offices list the writer keeps: the same posts as the HOLDS relationships
    holds = {r["name"]: r["posts"] for r in corpus.read(
        "MATCH (o:Person) OPTIONAL MATCH (o)-[:HOLDS]->(x:Post) WITH o, x ORDER BY x.name "
        "RETURN o.name AS name, collect(x.name) AS posts")}
    seen = [r for p in holds for r in run(corpus, "who_met", {"person": p})]
    assert len({r["name"] for r in seen}) > 3 and any(r["offices"] for r in seen)
    assert all(sorted(r["offices"]) == holds[r["name"]] for r in seen)


def test_person_keys_resolves_a_part_of_a_name(corpus):
    rows = run(corpus, "person_keys", {"text": "thi hoa"})
    assert [r["name"] for r in rows] == [wc.HOA]
    assert run(corpus, "who_met", {"person": rows[0]["key"]})


def test_meetings_between_two_people_and_two_sides(corpus):
    rows = run(corpus, "meetings_between", {"a": "Lê Thị Hoa", "b": "KIM MIN-JUN"})
    assert [r["doc"] for r in rows] == ["w2"] and sorted(rows[0]["people"]) == sorted([wc.HOA, wc.KIM])
    rows = run(corpus, "meetings_between", {"a": "Quang Tri", "b": "Lào"})
    assert [(r["doc"], r["date"], r["place"]) for r in rows] == [("w1", "2024-03-05", wc.QT),
                                                                ("w4", "2025-01-15", wc.SAV)]
    assert all(r["quote"] for r in rows)
    assert run(corpus, "meetings_between", {"a": "da nang", "b": "lao"}) == []


def test_person_profile_posts_meetings_commitments(corpus):
    rows = run(corpus, "person_profile", {"person": "Tran Van Tam"})
    got = [(r["section"], r["date"], r["doc"]) for r in rows]
    assert ("post", "2024-03-05", "w1") in got and ("post", "2025-01-15", "w4") in got
    assert [r["item"] for r in rows if r["section"] == "post"] == [f"Chủ tịch Ủy ban nhân dân tỉnh {wc.QT}",
                                                                  f"Bí thư Tỉnh ủy {wc.QT}"]
    meetings = [r for r in rows if r["section"] == "meeting"]
    assert [m["doc"] for m in meetings] == ["w1", "w4"] and wc.HOA in meetings[1]["other"]
    made = [r for r in rows if r["section"] == "commitment made"]
    assert len(made) == 1 and made[0]["item"].startswith("support:") and made[0]["other"] == wc.SAV
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    kim = run(corpus, "person_profile", {"person": "kim min"})       # a unique part of the name
    assert {r["section"] for r in kim} == {"post", "meeting", "commitment made"}
    ito = run(corpus, "person_profile", {"person": "Ito Naoki"})
    assert [r["section"] for r in ito if "commitment" in r["section"]] == ["commitment made"]


def test_partner_network_of_a_province(corpus):
    rows = run(corpus, "partner_network", {"province": "Quảng Trị"})
    by = {r["partner"]: r for r in rows}
    assert set(by) == {wc.LAO, wc.SAV, wc.KOR, wc.CHN}
    lao = by[wc.LAO]
    assert (lao["kind"], lao["documents"], lao["meetings"], lao["commitments"]) == ("Country", 2, 2, 2)
    assert (lao["first_date"], lao["last_date"]) == ("2024-03-05", "2025-01-15")
    assert sorted(e.split("#")[0] for e in lao["evidence"]) == ["w1", "w4"]
    assert by[wc.CHN]["kind"] == "ForeignLocality" and by[wc.CHN]["documents"] == 1
    late = run(corpus, "partner_network", {"province": "quang tri", "since": "2024-07-01"})
    assert names(late, "partner") == sorted([wc.LAO, wc.SAV])


def test_partner_provinces_reverse(corpus):
    rows = run(corpus, "partner_provinces", {"partner": "Hàn Quốc"})
    assert names(rows, "province") == sorted([wc.QT, wc.DN])
    assert all(r["documents"] == 1 and r["meetings"] == 1 and r["evidence"] for r in rows)
    assert all(wc.CHN in r["partners"] for r in rows)       # a country covers its localities
    rows = run(corpus, "partner_provinces", {"partner": "nhat ban"})
    assert [(r["province"], r["first_date"]) for r in rows] == [(wc.DN, "2024-11-02")]
    assert run(corpus, "partner_provinces", {"partner": "han quoc", "until": "2024-07-01"})[0]["province"] == wc.QT


@pytest.mark.parametrize("params, docs", [
    ({}, ["w1", "w2", "w3", "w5", "w4"]),
    ({"kind": "donate"}, ["w4"]),
    ({"maker": "Kim"}, ["w3"]),
    ({"recipient": "Đà Nẵng"}, ["w3", "w5"]),
    ({"province": "quang tri"}, ["w1", "w2", "w4"]),
    ({"province": "da nang"}, ["w3", "w5"]),
    ({"partner": "lao"}, ["w1", "w4"]),
    ({"partner": "han quoc"}, ["w2", "w3"]),
    ({"since": "2024-06-01", "until": "2024-12-31"}, ["w2", "w3", "w5"]),
    ({"province": "quang tri", "partner": "lao", "kind": "SUPPORT"}, ["w1"]),
])
def test_commitments_filters(corpus, params, docs):
    rows = run(corpus, "commitments", params)
    assert [r["doc"] for r in rows] == docs


def test_commitment_rows_carry_makers_amount_and_evidence(corpus):
    [row] = run(corpus, "commitments", {"kind": "donate"})
    assert row["makers"] == [wc.QT] and row["recipients"] == [wc.SAV] and row["amount"] == "500 triệu đồng"
    assert row["evidence"] and row["evidence"][0].startswith("w4#") and "500 triệu" in row["text"]


@pytest.mark.parametrize("params, docs", [
    ({"person": "Lê Thị Hoa"}, ["w2", "w4"]),
    ({"province": "da nang"}, ["w3", "w5"]),
    ({"partner": "lao"}, ["w1", "w4"]),
    ({"partner": "savannakhet"}, ["w1", "w4"]),     # w1: its governor's meeting names it; w4: held there
    ({"person": "kim min jun", "since": "2024-07-01"}, ["w3"]),
    ({}, ["w1", "w2", "w3", "w5", "w4"]),
])
def test_timeline(corpus, params, docs):
    rows = run(corpus, "timeline", params)
    assert [r["doc"] for r in rows] == docs
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert all(r["people"] and r["quote"] for r in rows)


def test_shortest_connection_with_documents(corpus):
    [row] = run(corpus, "shortest_connection", {"a": "Lê Thị Hoa", "b": "Nguyễn Văn Quảng"})
    assert row["hops"] == 2 and row["relationships"] == ["MET", "MET"]
    assert row["path"] == [f"Person: {wc.HOA}", f"Person: {wc.KIM}", f"Person: {wc.QUANG}"]
    assert sorted(row["documents"]) == ["w2", "w3"] and all(row["quotes"])
    rows = run(corpus, "shortest_connection", {"a": "Ito Naoki", "b": "Savannakhet"})
    assert rows and all(r["path"][0] == f"Person: {wc.ITO}" and r["path"][-1].endswith(wc.SAV) for r in rows)
    assert run(corpus, "shortest_connection", {"a": "nobody at all", "b": "lao"}) == []


def test_most_connected(corpus):
    people = run(corpus, "most_connected_people", {"limit": 3})
    assert len(people) == 3 and people[0]["met"] == 2 and wc.ITO not in names(people)
    partners = run(corpus, "most_connected_partners", {})
    assert [(r["name"], r["provinces"]) for r in partners[:2]] == [(wc.CHN, 2), (wc.KOR, 2)]
    assert {r["name"] for r in partners} == {wc.LAO, wc.SAV, wc.KOR, wc.CHN, wc.JP}


def test_find(corpus):
    rows = run(corpus, "find", {"text": "Quảng"})
    assert {(r["label"], r["name"]) for r in rows} >= {("Province", wc.QT), ("Person", wc.QUANG)}


def test_bad_parameters_are_refused(corpus):
    with pytest.raises(QueryError):
        run(corpus, "commitments", {"since": "last year"})
    with pytest.raises(QueryError):
        run(corpus, "timeline", {"nope": "x"})
    with pytest.raises(QueryError):
        run(corpus, "meetings_between", {"a": "x"})


def test_cli_query_list_and_run_formats(corpus, cli):
    listing = cli("query", "list", check=True).stdout
    for name in ("meetings_between", "person_profile", "commitments", "shortest_connection"):
        assert name in listing
    out = cli("query", "run", "commitments", "-p", "province=Quảng Trị", "-p", "kind=sign",
              "--format", "json", check=True).stdout
    assert [r["doc"] for r in json.loads(out)] == ["w2"]
    out = cli("query", "run", "timeline", "-p", "partner=lao", "--format", "csv", check=True).stdout
    assert [r["doc"] for r in csv.DictReader(io.StringIO(out))] == ["w1", "w4"]


# ----------------------------------------------------------------- the bundled samples
def _sample_params(store) -> dict[str, dict]:
    """A sensible parameter for every template, taken from the graph itself."""
    one = lambda q: (store.read(q) or [{}])[0]  # noqa: E731
    # (ArcadeDB: ORDER BY only on returned columns)
    pair = one("MATCH (a:Person)-[r:MET]->(b:Person) RETURN a.key AS a, b.key AS b, r.doc AS doc "
               "ORDER BY doc, a, b LIMIT 1")
    prov = one("MATCH (p:Province)-[:DEALS_WITH]->(x) RETURN p.key AS p, x.key AS x ORDER BY p, x LIMIT 1")
    com = one("MATCH (c:Commitment)-[:MADE_BY]->(m) WHERE m.key IS NOT NULL "
              "RETURN c.kind AS kind, m.key AS maker, c.doc AS doc ORDER BY doc, maker LIMIT 1")
    mprov = one("MATCH (m:Meeting)-[:INVOLVES|HELD_IN]->(p:Province) RETURN p.key AS p, m.doc AS doc "
                "ORDER BY doc, p LIMIT 1")
    assert pair and prov and com and mprov, "the samples should give people who met, partners and commitments"
    return {
        "who_met": {"person": pair["a"]},
        "meetings_between": {"a": pair["a"], "b": pair["b"]},
        "person_profile": {"person": pair["a"]},
        "partner_network": {"province": prov["p"]},
        "partner_provinces": {"partner": prov["x"]},
        "commitments": {"kind": com["kind"], "maker": com["maker"]},
        "timeline": {"province": mprov["p"]},
        "shortest_connection": {"a": pair["a"], "b": prov["x"]},
        "most_connected_people": {},
        "most_connected_partners": {},
        "find": {"text": pair["a"].split()[-1]},
        "person_keys": {"text": pair["a"].split()[-1]},
        **_explorer_params(store, pair),
    }


def _explorer_params(store, pair: dict) -> dict[str, dict]:
    """The explorer's templates (graph/explorer), on a person who met someone and that meeting's edge."""
    ends = (store.read("MATCH (a:Person {key: $a})-[r:MET]->(b:Person {key: $b}) "
                       "RETURN a.id AS a, b.id AS b, r.key AS key, r.doc AS doc", a=pair["a"], b=pair["b"]) or [{}])[0]
    org = store.read("MATCH (o:Organization) WHERE o.key CONTAINS ' ' RETURN o.key AS k ORDER BY k LIMIT 1")[0]
    return {
        "explorer_search": {"text": pair["a"].split()[0]},
        "explorer_search_contains": {"text": org["k"].split(" ", 1)[1]},     # places and bodies only, not people
        "explorer_node": {"id": ends.get("a")},
        "explorer_ego": {"id": ends.get("a")},
        "explorer_node_evidence": {"id": ends.get("a")},
        "explorer_edge_evidence": {"source": ends.get("a"), "target": ends.get("b"), "type": "MET", "key": ends.get("key")},
        "explorer_document": {"id": ends.get("doc")},
    }


def test_every_template_returns_rows_on_the_samples(store):
    pytest.importorskip("loaders.extract", reason="the extractor (loaders/extract.py) is not there yet")
    from pipeline import ingest

    store.write("MATCH (n) DETACH DELETE n")
    summary = ingest([SAMPLES], store)
    assert summary.documents == 5 and not summary.rejected
    params = _sample_params(store)
    assert set(params) == set(templates()), "every template needs a samples case"
    for name, p in params.items():
        assert run(store, name, p), f"{name} {p} returned no rows on the samples"
