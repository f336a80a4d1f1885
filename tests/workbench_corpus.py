"""A small invented corpus for the workbench tests (templates, analytics, HTML).

Built as ``Extraction`` records by hand so the tests do not depend on the
extractor's quality. Who is where:

- w1 2024-03-05  Quảng Trị: Trần Văn Tâm (Chủ tịch UBND) meets Somsak Phommachanh
                 (Savannakhet, Lào); Tâm pledges support to Savannakhet.
- w2 2024-06-10  Quảng Trị: Lê Thị Hoa (Phó Chủ tịch) meets Kim Min-jun (Chungcheongnam-do,
                 Hàn Quốc); UBND tỉnh Quảng Trị signs an MoU with Chungcheongnam-do.
- w3 2024-09-20  Đà Nẵng: Nguyễn Văn Quảng meets Kim Min-jun; Kim requests support from Đà Nẵng.
- w4 2025-01-15  in Savannakhet: Trần Văn Tâm (now Bí thư Tỉnh ủy) and Lê Thị Hoa meet Somsak;
                 Quảng Trị donates 500 triệu đồng to Savannakhet.
- w5 2024-11-02  (English) Da Nang: Ambassador Ito Naoki (Japan) calls on Nguyễn Văn Quảng;
                 Ito promises to promote Japanese investment in Đà Nẵng.
"""
from __future__ import annotations

from ontology.facts import (CommitmentFact, Extraction, MeetingFact, OrganizationFact, PartnerFact, PersonFact,
                            ProvinceFact, Span)

TAM, HOA, QUANG = "Trần Văn Tâm", "Lê Thị Hoa", "Nguyễn Văn Quảng"
SOMSAK, KIM, ITO = "Somsak Phommachanh", "Kim Min-jun", "Ito Naoki"
QT, DN = "Quảng Trị", "Đà Nẵng"
LAO, SAV, KOR, CHN, JP = "Lào", "Savannakhet", "Hàn Quốc", "Chungcheongnam-do", "Nhật Bản"


def _span(doc: str, text: str, part: str) -> Span:
    start = text.index(part)
    return Span(doc, start, start + len(part), part)


def w1() -> Extraction:
    d = "w1"
    t = (f"Ngày 5/3/2024, Chủ tịch UBND tỉnh {QT} {TAM} tiếp ông {SOMSAK}, Tỉnh trưởng tỉnh {SAV} ({LAO}). "
         f"Ông {TAM} khẳng định tỉnh {QT} sẽ hỗ trợ tỉnh {SAV} phát triển giáo dục.")
    meet = _span(d, t, t.split(". ")[0])
    pledge = _span(d, t, f"Ông {TAM} khẳng định tỉnh {QT} sẽ hỗ trợ tỉnh {SAV} phát triển giáo dục.")
    return Extraction(
        doc=d, text=t, lang="vi", title="Quảng Trị tiếp Tỉnh trưởng Savannakhet", date="2024-03-05",
        persons=(PersonFact(TAM, (f"Chủ tịch UBND tỉnh {QT}",), "vietnam", meet, province=QT),
                 PersonFact(SOMSAK, (f"Tỉnh trưởng tỉnh {SAV}",), "foreign", meet, country=LAO)),
        provinces=(ProvinceFact(QT, QT, meet),),
        organizations=(OrganizationFact(f"UBND tỉnh {QT}", meet, province=QT),),
        partners=(PartnerFact(LAO, "country", meet, country="LA"),
                  PartnerFact(SAV, "foreign_locality", meet, country="LA")),
        meetings=(MeetingFact(((TAM,), (SOMSAK,)), (TAM, SOMSAK), meet, date="2024-03-05", location=QT,
                              verb="tiếp"),),
        commitments=(CommitmentFact((TAM,), SAV, "support", pledge.text, pledge),),
    )


def w2() -> Extraction:
    d = "w2"
    t = (f"Ngày 10/6/2024, Phó Chủ tịch UBND tỉnh {QT} {HOA} hội đàm với ông {KIM}, Tỉnh trưởng tỉnh {CHN} "
         f"({KOR}). UBND tỉnh {QT} và tỉnh {CHN} đã ký biên bản ghi nhớ hợp tác.")
    meet = _span(d, t, t.split(". ")[0])
    mou = _span(d, t, f"UBND tỉnh {QT} và tỉnh {CHN} đã ký biên bản ghi nhớ hợp tác.")
    return Extraction(
        doc=d, text=t, lang="vi", title="Quảng Trị ký MoU với Chungcheongnam", date="2024-06-10",
        persons=(PersonFact(HOA, (f"Phó Chủ tịch UBND tỉnh {QT}",), "vietnam", meet, province=QT),
                 PersonFact(KIM, (f"Tỉnh trưởng tỉnh {CHN}",), "foreign", meet, country=KOR)),
        provinces=(ProvinceFact(QT, QT, meet),),
        organizations=(OrganizationFact(f"UBND tỉnh {QT}", meet, province=QT),),
        partners=(PartnerFact(KOR, "country", meet, country="KR"),
                  PartnerFact(CHN, "foreign_locality", meet, country="KR")),
        meetings=(MeetingFact(((HOA,), (KIM,)), (HOA, KIM), meet, date="2024-06-10", location=QT,
                              verb="hội đàm"),),
        commitments=(CommitmentFact((f"UBND tỉnh {QT}",), CHN, "sign", mou.text, mou),),
    )


def w3() -> Extraction:
    d = "w3"
    t = (f"Ngày 20/9/2024, Chủ tịch UBND thành phố {DN} {QUANG} tiếp ông {KIM}, Tỉnh trưởng tỉnh {CHN} "
         f"({KOR}). Ông {KIM} đề nghị thành phố {DN} hỗ trợ doanh nghiệp Hàn Quốc.")
    meet = _span(d, t, t.split(". ")[0])
    ask = _span(d, t, f"Ông {KIM} đề nghị thành phố {DN} hỗ trợ doanh nghiệp Hàn Quốc.")
    return Extraction(
        doc=d, text=t, lang="vi", title="Đà Nẵng tiếp Tỉnh trưởng Chungcheongnam", date="2024-09-20",
        persons=(PersonFact(QUANG, (f"Chủ tịch UBND thành phố {DN}",), "vietnam", meet, province=DN),
                 PersonFact(KIM, (f"Tỉnh trưởng tỉnh {CHN}",), "foreign", meet, country=KOR)),
        provinces=(ProvinceFact(DN, DN, meet),),
        organizations=(OrganizationFact(f"UBND thành phố {DN}", meet, province=DN),),
        partners=(PartnerFact(KOR, "country", meet, country="KR"),
                  PartnerFact(CHN, "foreign_locality", meet, country="KR")),
        meetings=(MeetingFact(((QUANG,), (KIM,)), (QUANG, KIM), meet, date="2024-09-20", location=DN,
                              verb="tiếp"),),
        commitments=(CommitmentFact((KIM,), DN, "request", ask.text, ask),),
    )


def w4() -> Extraction:
    d = "w4"
    t = (f"Ngày 15/1/2025, tại tỉnh {SAV}, Bí thư Tỉnh ủy {QT} {TAM} và Phó Chủ tịch UBND tỉnh {HOA} "
         f"làm việc với Tỉnh trưởng {SOMSAK}. Tỉnh {QT} trao tặng tỉnh {SAV} 500 triệu đồng.")
    meet = _span(d, t, t.split(". ")[0])
    gift = _span(d, t, f"Tỉnh {QT} trao tặng tỉnh {SAV} 500 triệu đồng.")
    return Extraction(
        doc=d, text=t, lang="vi", title="Quảng Trị thăm Savannakhet", date="2025-01-15",
        persons=(PersonFact(TAM, (f"Bí thư Tỉnh ủy {QT}",), "vietnam", meet, province=QT),
                 PersonFact(HOA, (f"Phó Chủ tịch UBND tỉnh {QT}",), "vietnam", meet, province=QT),
                 PersonFact(SOMSAK, (f"Tỉnh trưởng tỉnh {SAV}",), "foreign", meet, country=LAO)),
        provinces=(ProvinceFact(QT, QT, meet),),
        partners=(PartnerFact(LAO, "country", meet, country="LA"),
                  PartnerFact(SAV, "foreign_locality", meet, country="LA")),
        meetings=(MeetingFact(((TAM, HOA), (SOMSAK,)), (TAM, SOMSAK), meet, date="2025-01-15", location=SAV,
                              verb="làm việc với"),),
        commitments=(CommitmentFact((QT,), SAV, "donate", gift.text, gift, amount="500 triệu đồng"),),
    )


def w5() -> Extraction:
    d = "w5"
    t = (f"On November 2, 2024, Japanese Ambassador {ITO} paid a courtesy call on {QUANG}, Chairman of the "
         f"{DN} People's Committee. Ambassador {ITO} pledged to promote Japanese investment in {DN}.")
    meet = _span(d, t, t.split(". ")[0] + ".")
    pledge = _span(d, t, f"Ambassador {ITO} pledged to promote Japanese investment in {DN}.")
    return Extraction(
        doc=d, text=t, lang="en", title="Japanese Ambassador visits Da Nang", date="2024-11-02",
        persons=(PersonFact(QUANG, (f"Chairman of the {DN} People's Committee",), "vietnam", meet, province=DN),
                 PersonFact(ITO, ("Ambassador of Japan",), "foreign", meet, country=JP)),
        provinces=(ProvinceFact(DN, "Da Nang", meet),),
        partners=(PartnerFact(JP, "country", meet, country="JP"),),
        meetings=(MeetingFact(((QUANG,), (ITO,)), (QUANG, ITO), meet, date="2024-11-02", location=DN,
                              verb="paid a courtesy call on"),),
        commitments=(CommitmentFact((ITO,), DN, "promote", pledge.text, pledge),),
    )


def evil(name: str = "<script>alert(1)</script>", other: str = "<img src=x onerror=alert(1)> href") -> Extraction:
    """Article text that tries to run in the HTML page."""
    d = "evil"
    t = f"Ngày 1/2/2024, Chủ tịch {name} tiếp ông {other} tại {DN}. Quote: <b onmouseover=alert(2)>x</b> & \"q\" 'r'."
    s = Span(d, 0, len(t), t)
    return Extraction(
        doc=d, text=t, lang="vi", title="<i>evil</i>", date="2024-02-01",
        persons=(PersonFact(name, ("<u>Chủ tịch</u> href=javascript:alert(3)",), "vietnam", s, province=DN),
                 PersonFact(other, ("Đại sứ",), "foreign", s, country=JP)),
        provinces=(ProvinceFact(DN, DN, s),),
        partners=(PartnerFact(JP, "country", s, country="JP"),),
        meetings=(MeetingFact(((name,), (other,)), (name, other), s, date="2024-02-01", location=DN),),
    )


def corpus() -> list[Extraction]:
    return [w1(), w2(), w3(), w4(), w5()]


def load(store, docs: list[Extraction] | None = None) -> None:
    """Empty the store and write the corpus (or ``docs``) through the real write path."""
    from graph.writer import GraphWriter
    from ontology.projection import project

    store.write("MATCH (n) DETACH DELETE n")
    result = GraphWriter(store).write([(ex.doc, project(ex)) for ex in (docs or corpus())])
    assert not result.failed, result.failed
