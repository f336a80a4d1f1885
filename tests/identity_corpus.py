"""Hand-built Extractions for the identity, provenance and RDF tests, and the ingest path
they go through (resolver → projection → writer, as ``pipeline`` does) without the extractor."""
from __future__ import annotations

from ontology.facts import (CommitmentFact, Extraction, MeetingFact, OrganizationFact, PartnerFact, PersonFact,
                            ProvinceFact, Span)


def span(doc: str, text: str, part: str) -> Span:
    start = text.index(part)
    return Span(doc, start, start + len(part), part)


def write(store, exs: list[Extraction], resolver=None):
    """Resolve and write documents in one run (one resolver), like ``pipeline.ingest``."""
    from graph.writer import GraphWriter
    from ontology.projection import project
    from ontology.resolver import PersonResolver

    resolver = resolver or PersonResolver(store)
    rows = [(ex.doc, project(ex, None, resolver.resolve(ex))) for ex in exs]
    result = GraphWriter(store).write(rows)
    assert not result.failed, result.failed
    return resolver


def son_vi() -> Extraction:
    d = "son-vi"
    t = ("Ngày 30/7/2022, Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn làm việc với Chủ tịch UBND tỉnh Thừa Thiên Huế "
         "Nguyễn Văn Phương. Bộ trưởng Sơn đề nghị tỉnh đẩy mạnh hợp tác với Lào.")
    meet = span(d, t, t.split(". ")[0])
    ask = span(d, t, "Bộ trưởng Sơn đề nghị tỉnh đẩy mạnh hợp tác với Lào.")
    short = span(d, t, "Bộ trưởng Sơn")
    return Extraction(
        doc=d, text=t, lang="vi", title="Bộ trưởng Bùi Thanh Sơn làm việc tại Thừa Thiên Huế", date="2022-07-30",
        persons=(PersonFact("Bùi Thanh Sơn", ("Bộ trưởng Bộ Ngoại giao",), "vietnam", meet),
                 PersonFact("Nguyễn Văn Phương", ("Chủ tịch UBND tỉnh Thừa Thiên Huế",), "vietnam", meet,
                            province="Thừa Thiên Huế"),
                 PersonFact("Bộ trưởng Sơn", (), "vietnam", short)),
        provinces=(ProvinceFact("Thừa Thiên Huế", "Thừa Thiên Huế", meet),),
        organizations=(OrganizationFact("Bộ Ngoại giao", meet),
                       OrganizationFact("UBND tỉnh Thừa Thiên Huế", meet, province="Thừa Thiên Huế")),
        partners=(PartnerFact("Lào", "country", ask, country="LA"),),
        meetings=(MeetingFact((("Bùi Thanh Sơn",), ("Nguyễn Văn Phương",)), ("Bùi Thanh Sơn", "Nguyễn Văn Phương"),
                              meet, date="2022-07-30", location="Thừa Thiên Huế", verb="làm việc với"),),
        commitments=(CommitmentFact(("Bộ trưởng Sơn",), "Thừa Thiên Huế", "request", ask.text, ask),),
    )


def son_en() -> Extraction:
    d = "son-en"
    t = ("On August 2, 2022, Minister of Foreign Affairs Bui Thanh Son received Lao Ambassador Khamphao "
         "Ernthavanh in Hanoi. Minister Son pledged to support the Lao embassy.")
    meet = span(d, t, t.split(". ")[0] + ".")
    pledge = span(d, t, "Minister Son pledged to support the Lao embassy.")
    return Extraction(
        doc=d, text=t, lang="en", title="Foreign Minister receives Lao Ambassador", date="2022-08-02",
        persons=(PersonFact("Bui Thanh Son", ("Minister of Foreign Affairs",), "vietnam", meet),
                 PersonFact("Khamphao Ernthavanh", ("Lao Ambassador",), "foreign", meet, country="Laos"),
                 PersonFact("Minister Son", (), "vietnam", span(d, t, "Minister Son"))),
        provinces=(ProvinceFact("Hà Nội", "Hanoi", meet),),
        partners=(PartnerFact("Laos", "country", meet, country="LA", canonical="Lào"),),
        meetings=(MeetingFact((("Bui Thanh Son",), ("Khamphao Ernthavanh",)), ("Bui Thanh Son", "Khamphao Ernthavanh"),
                              meet, date="2022-08-02", location="Hà Nội", verb="received"),),
        commitments=(CommitmentFact(("Minister Son",), "Laos", "support", pledge.text, pledge),),
    )


def namesake(doc: str, name: str, office: str, province: str, date: str | None, guest: str = "Somsak Phommachanh"
             ) -> Extraction:
    """One Vietnamese official meeting a Lao guest."""
    t = f"Ngày {date or 'gần đây'}, {office} {name} tiếp ông {guest}."
    meet = span(doc, t, t)
    return Extraction(
        doc=doc, text=t, lang="vi", date=date,
        persons=(PersonFact(name, (office,), "vietnam", meet, province=province),
                 PersonFact(guest, ("Tỉnh trưởng tỉnh Savannakhet",), "foreign", meet, country="Lào")),
        provinces=(ProvinceFact(province, province, meet),),
        partners=(PartnerFact("Lào", "country", meet, country="LA"),),
        meetings=(MeetingFact(((name,), (guest,)), (name, guest), meet, date=date, location=province),),
    )


def odd_names() -> Extraction:
    """A document whose id and names have spaces, quotes, markup and non-Latin scripts."""
    d = 'bài "báo" <1> ນະຄອນ {x} 100%'
    lao, chinese = "ສອນໄຊ ສີພັນດອນ", "王小明"
    t = (f"Ngày 1/2/2024, Chủ tịch UBND tỉnh Quảng Nam Ông \"O'Neil\" Trần tiếp ngài {lao} và ông {chinese} "
         f"tại tỉnh Quảng Nam. Tỉnh Quảng Nam trao tặng 100 triệu đồng.")
    meet = span(d, t, t.split(". ")[0])
    gift = span(d, t, "Tỉnh Quảng Nam trao tặng 100 triệu đồng.")
    host = "\"O'Neil\" Trần"
    return Extraction(
        doc=d, text=t, lang="vi", title="<b>\"odd\"</b>", date="2024-02-01",
        persons=(PersonFact(host, ("Chủ tịch UBND tỉnh Quảng Nam",), "vietnam", meet, province="Quảng Nam"),
                 PersonFact(lao, ("Tỉnh trưởng",), "foreign", meet, country="Lào"),
                 PersonFact(chinese, ("Bí thư châu ủy",), "foreign", meet, country="Trung Quốc")),
        provinces=(ProvinceFact("Quảng Nam", "tỉnh Quảng Nam", meet),),
        organizations=(OrganizationFact("UBND tỉnh Quảng Nam", meet, province="Quảng Nam"),),
        partners=(PartnerFact("Lào", "country", meet, country="LA"),
                  PartnerFact("Trung Quốc", "country", meet, country="CN")),
        meetings=(MeetingFact(((host,), (lao, chinese)), (host, lao), meet, date="2024-02-01", location="Quảng Nam"),),
        commitments=(CommitmentFact(("Quảng Nam",), "Lào", "donate", gift.text, gift, amount="100 triệu đồng"),),
    )
