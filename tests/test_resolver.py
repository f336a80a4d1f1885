"""Identity across documents, languages and runs, against the real embedded store; provenance on
every node and relationship."""
from __future__ import annotations

import json
import re

import pytest

from graph.stats import stats
from ontology.resolver import PersonResolver
from tests import workbench_corpus as wb
from tests.identity_corpus import namesake, odd_names, son_en, son_vi, write

pytestmark = pytest.mark.integration

PERSON_ROWS = """
MATCH (p:Person) WHERE p.key = $key
OPTIONAL MATCH (p)-[h:HOLDS]->(post:Post)
WITH p, collect({office: post.name, docs: h.docs, first: h.first_date, last: h.last_date}) AS posts
RETURN p.id AS id, p.name AS name, p.docs AS docs, p.aliases AS aliases, posts ORDER BY id
"""


def people(store, key: str) -> list[dict]:
    return store.read(PERSON_ROWS, key=key)


def test_same_person_in_two_documents_and_two_languages_is_one_node(empty_store):
    write(empty_store, [son_vi(), son_en()])
    rows = people(empty_store, "bui thanh son")
    assert len(rows) == 1
    son = rows[0]
    assert sorted(son["docs"]) == ["son-en", "son-vi"]
    assert son["name"] == "Bùi Thanh Sơn"                       # the full name, not "Bộ trưởng Sơn"
    assert {"Bùi Thanh Sơn", "Bui Thanh Son", "Bộ trưởng Sơn", "Minister Son"} <= set(son["aliases"])
    # the short references carried their commitments to the same node
    made = empty_store.read("MATCH (c:Commitment)-[:MADE_BY]->(p:Person {id: $id}) RETURN c.kind AS kind "
                            "ORDER BY kind", id=son["id"])
    assert [r["kind"] for r in made] == ["request", "support"]
    # and the cross-language merge explains itself
    ev = empty_store.read("MATCH (p:Person {id: $id})-[e:EVIDENCED_BY]->(d:Document) "
                          "RETURN d.id AS doc, e.match_rule AS rule, e.match_evidence AS evidence, "
                          "e.match_name AS mention ORDER BY doc, mention", id=son["id"])
    rules = {r["doc"]: (r["rule"], r["mention"], r["evidence"]) for r in ev}
    assert rules["son-vi"][:2] == ("new", "Bùi Thanh Sơn; Bộ trưởng Sơn")
    assert "'Bộ trưởng Sơn' refers to 'Bùi Thanh Sơn'" in rules["son-vi"][2]
    assert rules["son-en"][:2] == ("folded-name", "Bui Thanh Son; Minister Son")


def test_documents_ingested_in_separate_runs_join_through_the_store(empty_store):
    write(empty_store, [son_vi()])
    write(empty_store, [son_en()], PersonResolver(empty_store))      # a new run: knows only the store
    assert len(people(empty_store, "bui thanh son")) == 1


def test_same_name_with_conflicting_posts_in_the_same_period_stays_apart(empty_store):
    a = namesake("ns1", "Nguyễn Văn Hùng", "Chủ tịch UBND tỉnh Lai Châu", "Lai Châu", "2024-03-01")
    b = namesake("ns2", "Nguyễn Văn Hùng", "Giám đốc Sở Y tế tỉnh Cà Mau", "Cà Mau", "2024-05-10",
                 guest="Kim Min-jun")
    write(empty_store, [a, b])
    rows = people(empty_store, "nguyen van hung")
    assert len(rows) == 2
    assert sorted(d for r in rows for d in r["docs"]) == ["ns1", "ns2"]
    # both are found by name; each keeps its own meeting partner
    met = {r["name"] for r in empty_store.read(
        "MATCH (p:Person {key: 'nguyen van hung'})-[:MET]-(o:Person) RETURN o.name AS name")}
    assert met == {"Somsak Phommachanh", "Kim Min-jun"}


def test_a_person_who_moves_post_keeps_one_node_with_both_posts(empty_store):
    a = namesake("mv1", "Lê Thị Thu", "Phó Chủ tịch UBND tỉnh Lạng Sơn", "Lạng Sơn", "2021-04-01")
    b = namesake("mv2", "Lê Thị Thu", "Bí thư Tỉnh ủy Lạng Sơn", "Lạng Sơn", "2024-09-01")
    c = namesake("mv3", "Lê Thị Thu", "Phó Chủ tịch UBND tỉnh Lạng Sơn", "Lạng Sơn", "2022-02-01")
    write(empty_store, [a, b, c])
    rows = people(empty_store, "le thi thu")
    assert len(rows) == 1
    posts = {p["office"]: (sorted(p["docs"]), p["first"], p["last"]) for p in rows[0]["posts"]}
    assert posts == {"Phó Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn": (["mv1", "mv3"], "2021-04-01", "2022-02-01"),
                     "Bí thư Tỉnh ủy Lạng Sơn": (["mv2"], "2024-09-01", "2024-09-01")}


def test_a_move_to_another_province_years_later_merges_but_is_flagged(empty_store, cli):
    a = namesake("pv1", "Hồ Văn Mười", "Chủ tịch UBND tỉnh Lạng Sơn", "Lạng Sơn", "2020-01-11")
    b = namesake("pv2", "Hồ Văn Mười", "Bí thư Tỉnh ủy Cà Mau", "Cà Mau", "2024-06-01")
    c = namesake("pv3", "Trần Văn Nam", "Chủ tịch UBND tỉnh Bình Phước", "Bình Phước", None)
    d = namesake("pv4", "Trần Văn Nam", "Giám đốc Sở Tài chính tỉnh Kiên Giang", "Kiên Giang", None)
    write(empty_store, [a, b, c, d])
    assert len(people(empty_store, "ho van muoi")) == 1
    assert len(people(empty_store, "tran van nam")) == 2            # undated conflict: kept apart, flagged
    out = cli("review", "--format", "json", check=True)
    rows = json.loads(out.stdout)
    flagged = {(r["name"], r["doc"], r["rule"]) for r in rows}
    assert ("Hồ Văn Mười", "pv2", "same-name") in flagged
    assert ("Trần Văn Nam", "pv4", "split") in flagged
    assert all(r["evidence"] for r in rows)


def test_provinces_after_the_2025_mergers_are_not_a_conflict(empty_store):
    a = namesake("mg1", "Phạm Quang Hiếu", "Chủ tịch UBND tỉnh Quảng Nam", "Quảng Nam", "2025-03-01")
    b = namesake("mg2", "Phạm Quang Hiếu", "Phó Chủ tịch UBND thành phố Đà Nẵng", "Đà Nẵng", "2025-08-01")
    write(empty_store, [a, b])
    assert len(people(empty_store, "pham quang hieu")) == 1


def test_resolution_is_deterministic_and_idempotent(empty_store):
    docs = [son_vi(), son_en(), namesake("ns1", "Nguyễn Văn Hùng", "Chủ tịch UBND tỉnh Lai Châu", "Lai Châu",
                                         "2024-03-01"),
            namesake("ns2", "Nguyễn Văn Hùng", "Giám đốc Sở Y tế tỉnh Cà Mau", "Cà Mau", "2024-05-10")]
    write(empty_store, docs)
    first = stats(empty_store)
    snapshot = empty_store.read("MATCH (p:Person)-[e:EVIDENCED_BY]->(d:Document) RETURN p.id AS id, d.id AS doc, "
                                "e.match_rule AS rule, p.docs AS docs ORDER BY id, doc")
    write(empty_store, docs)                                    # same run again
    write(empty_store, list(reversed(docs)), PersonResolver(empty_store))   # a new run, other order
    assert stats(empty_store) == first
    assert empty_store.read("MATCH (p:Person)-[e:EVIDENCED_BY]->(d:Document) RETURN p.id AS id, d.id AS doc, "
                            "e.match_rule AS rule, p.docs AS docs ORDER BY id, doc") == snapshot


def test_province_keeps_the_surface_name_and_links_to_the_merged_province(empty_store):
    write(empty_store, [odd_names()])
    rows = empty_store.read("MATCH (p:Province {key: 'quang nam'})-[m:MERGED_INTO]->(n:Province) "
                            "RETURN p.aliases AS aliases, n.name AS merged, m.rule AS rule, m.evidence AS evidence")
    assert len(rows) == 1
    assert "tỉnh Quảng Nam" in rows[0]["aliases"]
    assert rows[0]["merged"] == "Đà Nẵng" and rows[0]["rule"] and rows[0]["evidence"]


_REF = re.compile(r"^.+#\d+-\d+$")


def test_every_node_and_relationship_carries_evidence_and_quote(empty_store):
    write(empty_store, wb.corpus() + [son_vi(), son_en(), odd_names()])
    docs = {r["id"]: r["text"] for r in empty_store.read("MATCH (d:Document) RETURN d.id AS id, d.text AS text")}
    nodes = empty_store.read("MATCH (n) WHERE NOT n:Document "
                             "OPTIONAL MATCH (n)-[e:EVIDENCED_BY]->(d:Document) "
                             "RETURN n.id AS id, n.evidence AS evidence, n.quote AS quote, count(e) AS links")
    assert nodes
    for n in nodes:
        assert n["evidence"] and all(_REF.match(ref) for ref in n["evidence"]), n
        assert n["quote"] and n["links"] >= 1, n
    rels = empty_store.read("MATCH ()-[r]->() RETURN type(r) AS type, r.evidence AS evidence, r.quote AS quote")
    assert {r["type"] for r in rels} >= {"HOLDS", "MET", "ATTENDED", "MADE_BY", "EVIDENCED_BY", "MERGED_INTO"}
    for r in rels:
        assert r["evidence"] and r["quote"], r
        for ref in r["evidence"]:                      # the reference points at the quote's text
            doc, _, span = ref.rpartition("#")
            start, end = map(int, span.split("-"))
            assert docs[doc][start:end], ref
    quoted = empty_store.read("MATCH ()-[r]->() RETURN r.evidence[0] AS ref, r.quote AS quote")
    for r in quoted:
        doc, _, span = r["ref"].rpartition("#")
        start, end = map(int, span.split("-"))
        assert docs[doc][start:end] == r["quote"]
