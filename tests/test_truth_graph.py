"""A graph that tells the truth (issue 15), through the real embedded store with hand-built extractions
(so the checks do not depend on the extractor): meetings placed where they were held, province–partner
links only from evidence, one node per entity whatever the language, people over time, analyst review."""
from __future__ import annotations

import pytest

from graph.identities import record_review, uncertain_merges
from ontology.facts import (CommitmentFact, Extraction, MeetingFact, OrganizationFact, PartnerFact, PersonFact,
                            ProvinceFact)
from ontology.gazetteer.partners import lookup
from ontology.projection import project
from ontology.resolver import PersonResolver
from queries.runner import run
from tests.identity_corpus import span, write

pytestmark = pytest.mark.integration


# --- meetings abroad, and DEALS_WITH only from evidence ----------------------------------------------------

def visit_abroad() -> Extraction:
    d = "t-abroad"
    t = ("Ngày 12/4/2024, tại thủ đô Viêng Chăn, Bí thư Tỉnh ủy Nghệ An Phạm Văn Minh hội đàm với Tỉnh trưởng "
         "tỉnh Bolikhamxay Khamphan Sitthideth. Tỉnh Nghệ An cam kết hỗ trợ tỉnh Bolikhamxay đào tạo cán bộ y tế. "
         "Cùng ngày, đại diện UNESCO khai mạc một triển lãm ảnh về di sản văn hóa. Đoàn trở về Hà Nội hôm sau.")
    meet = span(d, t, t.split(". ")[0] + ".")
    pledge = span(d, t, "Tỉnh Nghệ An cam kết hỗ trợ tỉnh Bolikhamxay đào tạo cán bộ y tế.")
    return Extraction(
        doc=d, text=t, lang="vi", title="Nghệ An hội đàm với Bolikhamxay", date="2024-04-12",
        persons=(PersonFact("Phạm Văn Minh", ("Bí thư Tỉnh ủy Nghệ An",), "vietnam", span(d, t, "Phạm Văn Minh"),
                            province="Nghệ An"),
                 PersonFact("Khamphan Sitthideth", ("Tỉnh trưởng tỉnh Bolikhamxay",), "foreign",
                            span(d, t, "Khamphan Sitthideth"), country="Lào")),
        provinces=(ProvinceFact("Nghệ An", "Nghệ An", span(d, t, "Nghệ An")),
                   ProvinceFact("Nghệ An", "Nghệ An", span(d, t, "Tỉnh Nghệ An")),
                   ProvinceFact("Hà Nội", "Hà Nội", span(d, t, "Hà Nội"))),
        partners=(PartnerFact("Bolikhamxay", "foreign_locality", span(d, t, "Bolikhamxay"), country="LA"),
                  PartnerFact("UNESCO", "international_org", span(d, t, "UNESCO"))),
        meetings=(MeetingFact((("Phạm Văn Minh",), ("Khamphan Sitthideth",)), ("Phạm Văn Minh",), meet,
                              date="2024-04-12", location="Viêng Chăn", verb="hội đàm"),),
        commitments=(CommitmentFact(("Nghệ An",), "Bolikhamxay", "support", pledge.text, pledge),),
    )


DEALS = """
MATCH (p:Province)-[d:DEALS_WITH]->(x)
RETURN p.name AS province, x.name AS partner, d.quote AS quote, d.basis AS basis ORDER BY province, partner
"""


def test_a_meeting_abroad_is_held_there_and_found_by_the_partner(empty_store):
    write(empty_store, [visit_abroad()])
    [held] = empty_store.read("MATCH (m:Meeting)-[:HELD_IN]->(pl) OPTIONAL MATCH (pl)-[:LOCATED_IN]->(c) "
                              "RETURN labels(pl) AS labels, pl.name AS place, c.name AS country")
    assert held["place"] == "Viêng Chăn" and "ForeignLocality" in held["labels"] and held["country"] == "Lào"
    for partner in ("laos", "Lào", "CHDCND Lào", "vientiane", "Viêng Chăn", "Bolikhamxay"):
        assert [r["doc"] for r in run(empty_store, "timeline", {"partner": partner})] == ["t-abroad"], partner
    assert [r["doc"] for r in run(empty_store, "timeline", {"province": "Nghe An"})] == ["t-abroad"]
    # the Vietnamese side's province is involved; the province where nothing was held is not
    assert run(empty_store, "timeline", {"province": "Hà Nội"}) == []


def test_deals_with_only_where_a_meeting_commitment_or_sentence_links_the_two(empty_store):
    write(empty_store, [visit_abroad()])
    rows = empty_store.read(DEALS)
    pairs = {(r["province"], r["partner"]) for r in rows}
    bolikhamxay = lookup("Bolikhamxay").canonical                  # the gazetteer's canonical spelling
    assert pairs == {("Nghệ An", bolikhamxay), ("Nghệ An", "Lào"), ("Nghệ An", "Viêng Chăn")}
    # UNESCO shares the document with two provinces but no sentence, meeting or commitment with them
    assert not any("UNESCO" in p for p in pairs) and not any(p[0] == "Hà Nội" for p in pairs)
    # every quote names both ends, or a person of each side (the Lao governor stands for Laos)
    for r in rows:
        assert "Nghệ An" in r["quote"], r
        assert r["partner"] in r["quote"] or "Bolikhamxay" in r["quote"] or "Viêng Chăn" in r["quote"], r
        assert r["basis"] in ("meeting", "commitment", "sentence")
    assert run(empty_store, "partner_provinces", {"partner": "unesco"}) == []


def test_holds_and_post_in_cite_the_sentence_that_states_the_office(empty_store):
    write(empty_store, [visit_abroad()])
    [row] = empty_store.read("MATCH (:Person {name: 'Phạm Văn Minh'})-[h:HOLDS]->(p:Post)-[i:POST_IN]->(o) "
                             "RETURN h.quote AS holds, i.quote AS post_in, o.name AS org, o.name_en AS org_en")
    assert "Bí thư Tỉnh ủy Nghệ An Phạm Văn Minh" in row["holds"] and row["holds"].endswith(".")
    assert row["post_in"] == row["holds"]
    assert row["org"] == "Tỉnh ủy Nghệ An" and row["org_en"] == "Nghe An Provincial Party Committee"


def test_attended_only_for_people_on_a_meeting_side(empty_store):
    ex = visit_abroad()
    t, d = ex.text, ex.doc
    mentioned = PersonFact("Trần Thị Lan", ("Phó Giám đốc Sở Y tế Nghệ An",), "vietnam", span(d, t, "cán bộ y tế"),
                           province="Nghệ An")
    write(empty_store, [Extraction(**{**ex.__dict__, "persons": ex.persons + (mentioned,)})])
    attended = empty_store.read("MATCH (p:Person)-[:ATTENDED]->(:Meeting) RETURN p.name AS name ORDER BY name")
    assert [r["name"] for r in attended] == ["Khamphan Sitthideth", "Phạm Văn Minh"]


# --- one node per entity, in both languages ---------------------------------------------------------------

COUNTRIES = (("Laos", "Lào", "LA"), ("Japan", "Nhật Bản", "JP"), ("Cambodia", "Campuchia", "KH"),
             ("China", "Trung Quốc", "CN"), ("South Korea", "Hàn Quốc", "KR"), ("United States", "Hoa Kỳ", "US"),
             ("Thailand", "Thái Lan", "TH"))


def exchange(doc: str, lang: str, province: str, org: str, country: str, iso: str, maker: str) -> Extraction:
    """A province's body meets a country's delegation; a ministry promises help (in either language)."""
    if lang == "vi":
        t = (f"{org} tiếp đoàn đại biểu {country} do ông Alex Morgan dẫn đầu. "
             f"{maker} sẽ hỗ trợ {province} mở rộng hợp tác với {country}.")
    else:
        t = (f"The {org} received a delegation from {country} led by Mr Alex Morgan. "
             f"The {maker} will support {province} in expanding cooperation with {country}.")
    first, second = t.split(". ", 1)
    meet, pledge = span(doc, t, first), span(doc, t, second)
    return Extraction(
        doc=doc, text=t, lang=lang, title=f"{province} – {country}", date="2024-05-02",
        persons=(PersonFact("Alex Morgan", (), "foreign", span(doc, t, "Alex Morgan"), country=country),),
        provinces=(ProvinceFact(province, province, span(doc, t, province)),),
        organizations=(OrganizationFact(org, span(doc, t, org)), OrganizationFact(maker, span(doc, t, maker))),
        partners=(PartnerFact(country, "country", span(doc, t, country), country=iso),),
        meetings=(MeetingFact(((), ("Alex Morgan",)), (), meet, date="2024-05-02", verb="tiếp"),),
        commitments=(CommitmentFact((maker,), province, "support", pledge.text, pledge),),
    )


def bilingual_corpus() -> list[Extraction]:
    out = []
    for i, (en, vi, iso) in enumerate(COUNTRIES):
        out.append(exchange(f"t-vi{i}", "vi", "Bình Định", "UBND tỉnh Bình Định", vi, iso, "Bộ Ngoại giao"))
        out.append(exchange(f"t-en{i}", "en", "Quang Nam", "Quang Nam provincial People's Committee", en, iso,
                            "Ministry of Foreign Affairs"))
    out.append(exchange("t-en-bd", "en", "Binh Dinh", "Binh Dinh provincial People's Committee", "Laos", "LA",
                        "Foreign Ministry"))
    return out


def test_countries_give_the_same_provinces_by_english_and_vietnamese_name(empty_store):
    write(empty_store, bilingual_corpus())
    for en, vi, _ in COUNTRIES:
        by_en = sorted(r["province"] for r in run(empty_store, "partner_provinces", {"partner": en}))
        by_vi = sorted(r["province"] for r in run(empty_store, "partner_provinces", {"partner": vi}))
        assert by_en == by_vi and "Bình Định" in by_vi and "Quảng Nam" in by_vi, (en, by_en, by_vi)
    [laos] = empty_store.read("MATCH (c:Country {key: 'lao'}) RETURN c.name AS vi, c.name_en AS en, c.aliases AS a")
    assert laos["vi"] == "Lào" and laos["en"] == "Laos" and {"Lào", "Laos"} <= set(laos["a"])
    assert empty_store.read("MATCH (c:Country) RETURN count(c) AS n")[0]["n"] == len(COUNTRIES)


def test_a_ministry_is_one_maker_by_either_name(empty_store):
    write(empty_store, bilingual_corpus())
    by_en = [r["doc"] for r in run(empty_store, "commitments", {"maker": "Ministry of Foreign Affairs"})]
    by_vi = [r["doc"] for r in run(empty_store, "commitments", {"maker": "Bộ Ngoại giao"})]
    assert by_en == by_vi and len(by_vi) == 2 * len(COUNTRIES) + 1
    [mofa] = empty_store.read("MATCH (o:Organization {key: 'bo ngoai giao'}) RETURN o.name_en AS en, o.aliases AS a")
    assert mofa["en"] == "Ministry of Foreign Affairs"
    assert {"Bộ Ngoại giao", "Ministry of Foreign Affairs", "Foreign Ministry"} <= set(mofa["a"])


def test_a_provincial_body_is_one_organization_in_both_languages(empty_store):
    write(empty_store, bilingual_corpus())
    rows = empty_store.read("MATCH (o:Organization)-[:IN_PROVINCE]->(p:Province {name: 'Bình Định'}) "
                            "RETURN o.name AS name, o.name_en AS en, o.aliases AS aliases")
    assert len(rows) == 1
    assert rows[0]["name"] == "Ủy ban nhân dân tỉnh Bình Định"
    assert {"UBND tỉnh Bình Định", "Binh Dinh provincial People's Committee"} <= set(rows[0]["aliases"])


def test_an_english_office_is_the_same_post_as_its_vietnamese_form(empty_store):
    def doc(d, lang, name, office, date):
        t = f"{office} {name} attended." if lang == "en" else f"{office} {name} đã dự."
        return Extraction(doc=d, text=t, lang=lang, date=date,
                          persons=(PersonFact(name, (office,), "vietnam", span(d, t, name)),))
    write(empty_store, [doc("o-vi", "vi", "Hồ Quốc Dũng", "Chủ tịch UBND tỉnh Bình Định", "2023-01-05"),
                        doc("o-en", "en", "Ho Quoc Dung", "Chairman of Binh Dinh provincial People's Committee",
                            "2023-02-05")])
    rows = empty_store.read("MATCH (p:Person)-[h:HOLDS]->(x:Post) RETURN p.id AS id, x.name AS post, "
                            "x.name_en AS en, h.docs AS docs")
    assert len(rows) == 1, rows
    assert rows[0]["post"] == "Chủ tịch Ủy ban nhân dân tỉnh Bình Định"
    assert rows[0]["en"] == "Chairman of Binh Dinh Provincial People's Committee"
    assert sorted(rows[0]["docs"]) == ["o-en", "o-vi"]


# --- people over time --------------------------------------------------------------------------------------

def official(d: str, lang: str, name: str, office: str, date: str, province: str | None = None) -> Extraction:
    t = f"{office} {name} phát biểu tại hội nghị." if lang == "vi" else f"{office} {name} spoke at the meeting."
    return Extraction(doc=d, text=t, lang=lang, date=date,
                      persons=(PersonFact(name, (office,), "vietnam", span(d, t, name), province=province),))


PEOPLE = "MATCH (p:Person {key: $key}) RETURN p.id AS id, p.docs AS docs ORDER BY id"


def test_a_promotion_keeps_one_person_and_dates_each_post(empty_store):
    write(empty_store, [official("p1", "vi", "Đỗ Hùng Việt", "Trợ lý Bộ trưởng Bộ Ngoại giao", "2021-03-01"),
                        official("p2", "vi", "Đỗ Hùng Việt", "Thứ trưởng Ngoại giao", "2024-06-01"),
                        official("p3", "en", "Do Hung Viet", "Deputy Foreign Minister", "2024-09-01")])
    rows = empty_store.read(PEOPLE, key="do hung viet")
    assert len(rows) == 1 and sorted(rows[0]["docs"]) == ["p1", "p2", "p3"]
    posts = {r["post"]: (r["first"], r["last"]) for r in empty_store.read(
        "MATCH (:Person {key: 'do hung viet'})-[h:HOLDS]->(x:Post) RETURN x.name AS post, h.first_date AS first, "
        "h.last_date AS last")}
    assert posts == {"Trợ lý Bộ trưởng Bộ Ngoại giao": ("2021-03-01", "2021-03-01"),
                     "Thứ trưởng Bộ Ngoại giao": ("2024-06-01", "2024-09-01")}


def test_same_name_in_incompatible_offices_stays_two_people(empty_store):
    write(empty_store, [official("n1", "vi", "Lê Văn Chính", "Thứ trưởng Bộ Ngoại giao", "2024-03-01"),
                        official("n2", "vi", "Lê Văn Chính", "Giám đốc Công an tỉnh Nghệ An", "2024-05-01",
                                 "Nghệ An"),
                        official("n3", "en", "Le Van Chinh", "Deputy Minister of Foreign Affairs", "2024-07-01")])
    rows = empty_store.read(PEOPLE, key="le van chinh")
    assert sorted(sorted(r["docs"]) for r in rows) == [["n1", "n3"], ["n2"]]
    [split] = empty_store.read("MATCH (p:Person {key: 'le van chinh'})-[e:EVIDENCED_BY]->(:Document {id: 'n2'}) "
                               "RETURN e.match_rule AS rule, e.match_evidence AS why")
    assert split["rule"] == "split" and "line" in split["why"] and "Bộ Công an" in split["why"]


# --- analyst review ----------------------------------------------------------------------------------------

def plain(d: str, name: str) -> Extraction:
    t = f"{name} đã tham dự buổi lễ."
    return Extraction(doc=d, text=t, lang="vi", persons=(PersonFact(name, (), "vietnam", span(d, t, name)),))


@pytest.fixture
def reviewed(empty_store, tmp_path):
    empty_store.home = tmp_path
    yield empty_store
    empty_store.home = None


def test_review_split_survives_reingest(reviewed):
    docs = [plain("r1", "Trần Văn Nam"), plain("r2", "Tran Van Nam")]
    write(reviewed, docs)
    [flag] = [r for r in uncertain_merges(reviewed) if r["doc"] == "r2"]
    assert flag["rule"] == "folded-name"
    record_review(reviewed, "split", flag["id"], "r2")
    reviewed.write("MATCH (n) DETACH DELETE n")                       # a re-ingest from scratch
    write(reviewed, docs, PersonResolver(reviewed))
    rows = reviewed.read(PEOPLE, key="tran van nam")
    assert sorted(sorted(r["docs"]) for r in rows) == [["r1"], ["r2"]]
    assert uncertain_merges(reviewed) == []


def test_review_accept_clears_the_flag_and_survives_reingest(reviewed):
    docs = [plain("r3", "Phạm Thu Hà"), plain("r4", "Pham Thu Ha")]
    write(reviewed, docs)
    [flag] = [r for r in uncertain_merges(reviewed) if r["doc"] == "r4"]
    record_review(reviewed, "accept", flag["id"], "r4")
    assert uncertain_merges(reviewed) == []                          # at once, in the graph
    reviewed.write("MATCH (n) DETACH DELETE n")
    write(reviewed, docs, PersonResolver(reviewed))
    assert uncertain_merges(reviewed) == []
    rows = reviewed.read(PEOPLE, key="pham thu ha")
    assert len(rows) == 1 and sorted(rows[0]["docs"]) == ["r3", "r4"]


def test_review_of_an_unknown_decision_says_what_to_do(reviewed):
    from graph.identities import ReviewError

    with pytest.raises(ReviewError, match="dipkg review"):
        record_review(reviewed, "split", "person:nope", "nodoc")


def test_projection_is_pure_and_typed():
    """project() takes the resolver's typed Resolution; without one, ids come from the folded names."""
    b = project(visit_abroad())
    assert {"Document", "Person", "Post", "Meeting", "Commitment", "Province", "ForeignLocality"} <= set(b.nodes)


def test_review_cli_lists_records_and_refuses_what_it_cannot_do(empty_store, cli, dipkg_home):
    write(empty_store, [plain("c1", "Vũ Minh Đức"), plain("c2", "Vu Minh Duc")])
    listed = cli("review", "--format", "json", check=True)
    import json
    [row] = [r for r in json.loads(listed.stdout) if r["doc"] == "c2"]
    bad = cli("review", "merge", row["id"], "c2")
    assert bad.returncode == 2 and "usage" in bad.stderr
    unknown = cli("review", "split", "person:nope", "c2")
    assert unknown.returncode == 1 and "dipkg review" in unknown.stderr and "Traceback" not in unknown.stderr
    done = cli("review", "accept", row["id"], "c2", check=True)
    assert "accept" in done.stdout
    assert (dipkg_home / "review.json").is_file()
    assert not [r for r in json.loads(cli("review", "--format", "json", check=True).stdout) if r["doc"] == "c2"]
    (dipkg_home / "review.json").unlink()


def test_foreign_bodies_are_typed_and_located_and_governments_fold_into_their_place(empty_store):
    d = "t-bodies"
    t = ("Đoàn công tác của Chính quyền tỉnh Savannakhet và Sở Ngoại vụ tỉnh Savannakhet (Lào) thăm tỉnh Quảng Trị. "
         "Công an tỉnh Savannakhet ký kết với Công an tỉnh Quảng Trị biên bản hợp tác.")
    first, second = t.split(". ", 1)
    ex = Extraction(
        doc=d, text=t, lang="vi", date="2024-08-01",
        provinces=(ProvinceFact("Quảng Trị", "Quảng Trị", span(d, t, "tỉnh Quảng Trị")),),
        partners=(PartnerFact("Chính quyền tỉnh Savannakhet", "foreign_locality",
                              span(d, t, "Chính quyền tỉnh Savannakhet"), country="LA"),
                  PartnerFact("Sở Ngoại vụ tỉnh Savannakhet", "foreign_locality",
                              span(d, t, "Sở Ngoại vụ tỉnh Savannakhet"), country="LA"),
                  PartnerFact("Lào", "country", span(d, t, "Lào"), country="LA"),
                  PartnerFact("Công an tỉnh Savannakhet", "foreign_locality",
                              span(d, t, "Công an tỉnh Savannakhet"), country="LA")),
        commitments=(CommitmentFact(("Công an tỉnh Savannakhet",), "Quảng Trị", "sign", second,
                                    span(d, t, second)),),
    )
    write(empty_store, [ex])
    places = empty_store.read("MATCH (n:ForeignLocality) RETURN n.name AS name, n.aliases AS aliases")
    assert [r["name"] for r in places] == ["Savannakhet"]
    assert "Chính quyền tỉnh Savannakhet" in places[0]["aliases"]
    bodies = empty_store.read("MATCH (b:ForeignBody)-[:LOCATED_IN]->(l:ForeignLocality)-[:LOCATED_IN]->(c:Country) "
                              "RETURN b.name AS body, l.name AS place, c.name AS country ORDER BY body")
    assert [(r["body"], r["place"], r["country"]) for r in bodies] == [
        ("Công an Savannakhet", "Savannakhet", "Lào"), ("Sở Ngoại vụ Savannakhet", "Savannakhet", "Lào")]
    # a country covers its localities' bodies: the police's commitment is found under Laos
    assert [r["doc"] for r in run(empty_store, "commitments", {"partner": "laos"})] == [d]
    assert [r["province"] for r in run(empty_store, "partner_provinces", {"partner": "Laos"})] == ["Quảng Trị"]
