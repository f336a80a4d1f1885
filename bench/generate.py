"""A realistic synthetic corpus of provincial foreign-affairs news, of any size.

    python bench/generate.py OUT_DIR -n 10000 [--seed 7] [--en 0.2] [--html 0.05] [--jsonl]

Each document is an article of a few kilobytes in Vietnamese or English: a headline,
a dateline, a meeting sentence (a provincial leader receives or visits a foreign
official), zero to three commitments (support, request, MoU, donation, promotion)
and filler paragraphs in the style of the press. People recur across documents
(a pool that grows with the corpus), so the graph has the shape of the real one:
repeated meetings, shared partners, busy leaders.

Names of provinces and partners come from ``ontology/gazetteer`` when it offers
them, else from the small tables below. The generator also knows the facts it wrote:
``make_doc(...).extraction`` is the ``Extraction`` an ideal extractor would return,
which ``bench/oracle.py`` uses to ingest without the extractor (for the store
benchmarks and for the failure tests, which must not depend on extraction quality).

A document id is ``syn-SEED-POOL-INDEX``: the facts can be rebuilt from the id alone.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from ontology.facts import CommitmentFact, Extraction, MeetingFact, OrganizationFact, PartnerFact, PersonFact, \
    ProvinceFact, Span  # noqa: E402

# Vietnamese provinces: (Vietnamese name, English name, kind of unit)
PROVINCES = [
    ("Hà Nội", "Hanoi", "thành phố"), ("Hải Phòng", "Hai Phong", "thành phố"), ("Đà Nẵng", "Da Nang", "thành phố"),
    ("Cần Thơ", "Can Tho", "thành phố"), ("Thừa Thiên Huế", "Thua Thien Hue", "tỉnh"),
    ("Quảng Ninh", "Quang Ninh", "tỉnh"), ("Lào Cai", "Lao Cai", "tỉnh"), ("Lạng Sơn", "Lang Son", "tỉnh"),
    ("Cao Bằng", "Cao Bang", "tỉnh"), ("Hà Giang", "Ha Giang", "tỉnh"), ("Điện Biên", "Dien Bien", "tỉnh"),
    ("Sơn La", "Son La", "tỉnh"), ("Thanh Hóa", "Thanh Hoa", "tỉnh"), ("Nghệ An", "Nghe An", "tỉnh"),
    ("Hà Tĩnh", "Ha Tinh", "tỉnh"), ("Quảng Bình", "Quang Binh", "tỉnh"), ("Quảng Trị", "Quang Tri", "tỉnh"),
    ("Quảng Nam", "Quang Nam", "tỉnh"), ("Quảng Ngãi", "Quang Ngai", "tỉnh"), ("Bình Định", "Binh Dinh", "tỉnh"),
    ("Khánh Hòa", "Khanh Hoa", "tỉnh"), ("Kon Tum", "Kon Tum", "tỉnh"), ("Gia Lai", "Gia Lai", "tỉnh"),
    ("Đắk Lắk", "Dak Lak", "tỉnh"), ("Lâm Đồng", "Lam Dong", "tỉnh"), ("Bình Dương", "Binh Duong", "tỉnh"),
    ("Đồng Nai", "Dong Nai", "tỉnh"), ("Bà Rịa - Vũng Tàu", "Ba Ria - Vung Tau", "tỉnh"),
    ("Long An", "Long An", "tỉnh"), ("An Giang", "An Giang", "tỉnh"), ("Kiên Giang", "Kien Giang", "tỉnh"),
    ("Bắc Ninh", "Bac Ninh", "tỉnh"), ("Thái Nguyên", "Thai Nguyen", "tỉnh"), ("Ninh Bình", "Ninh Binh", "tỉnh"),
]

# Partner countries: ISO code -> (Vietnamese, English, adjective en, localities (vi, en), name maker)
COUNTRIES = {
    "LA": ("Lào", "Laos", "Lao", [("Savannakhet", "Savannakhet"), ("Hủa Phăn", "Houaphan"),
                                   ("Champasak", "Champasak"), ("Xiêng Khoảng", "Xieng Khouang")], "lao"),
    "KR": ("Hàn Quốc", "South Korea", "Korean", [("Chungcheong Nam", "Chungcheongnam-do"),
                                                ("Gyeongsang Bắc", "Gyeongsangbuk-do"), ("Gangwon", "Gangwon")], "kor"),
    "JP": ("Nhật Bản", "Japan", "Japanese", [("Hiroshima", "Hiroshima"), ("Kanagawa", "Kanagawa"),
                                              ("Okayama", "Okayama"), ("Fukuoka", "Fukuoka")], "jpn"),
    "CN": ("Trung Quốc", "China", "Chinese", [("Vân Nam", "Yunnan"), ("Quảng Tây", "Guangxi"),
                                               ("Quảng Đông", "Guangdong")], "chn"),
    "KH": ("Campuchia", "Cambodia", "Cambodian", [("Ratanakiri", "Ratanakiri"), ("Kampot", "Kampot")], "khm"),
    "FR": ("Pháp", "France", "French", [("Val-de-Marne", "Val-de-Marne"), ("Essonne", "Essonne")], "eur"),
    "DE": ("Đức", "Germany", "German", [("Brandenburg", "Brandenburg"), ("Sachsen", "Saxony")], "eur"),
    "US": ("Hoa Kỳ", "the United States", "American", [("Oregon", "Oregon"), ("Massachusetts", "Massachusetts")], "eur"),
    "AU": ("Australia", "Australia", "Australian", [("Queensland", "Queensland"), ("Victoria", "Victoria")], "eur"),
    "TH": ("Thái Lan", "Thailand", "Thai", [("Nakhon Phanom", "Nakhon Phanom"), ("Udon Thani", "Udon Thani")], "tha"),
    "IN": ("Ấn Độ", "India", "Indian", [("Gujarat", "Gujarat"), ("Kerala", "Kerala")], "ind"),
    "SG": ("Singapore", "Singapore", "Singaporean", [], "chn"),
}
FOREIGN_NAMES = {
    "lao": (["Somsak", "Bounmy", "Khamphan", "Phouthone", "Vilay", "Souksavanh", "Thongsing", "Sengdeuan"],
            ["Phommachanh", "Sihavong", "Keomany", "Vongsa", "Chanthavong", "Inthavong", "Sayavong"]),
    "kor": (["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Yoon"],
            ["Min-jun", "Seo-yeon", "Ji-hoon", "Hyun-woo", "Min-su", "Tae-young", "Eun-ji", "Sung-ho"]),
    "jpn": (["Ito", "Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Yamamoto", "Nakamura"],
            ["Naoki", "Hiroshi", "Kenji", "Yuko", "Takeshi", "Akira", "Haruka", "Shinji"]),
    "chn": (["Wang", "Li", "Zhang", "Liu", "Chen", "Huang", "Zhou"],
            ["Wei", "Fang", "Jian", "Lei", "Ming", "Xiaoping", "Hong"]),
    "khm": (["Sok", "Chan", "Heng", "Meas", "Prak", "Ouk"], ["Sothea", "Dara", "Vuthy", "Sophal", "Chenda"]),
    "tha": (["Somchai", "Anan", "Prasert", "Wichai", "Suda"], ["Srisuk", "Chaiyaporn", "Wongsakul", "Thongdee"]),
    "ind": (["Rajesh", "Anil", "Priya", "Suresh", "Vikram"], ["Sharma", "Patel", "Kumar", "Nair", "Singh"]),
    "eur": (["Jean", "Marie", "Thomas", "Anna", "Michael", "Sarah", "Peter", "Claire", "David"],
            ["Martin", "Müller", "Smith", "Dubois", "Schneider", "Brown", "Wilson", "Laurent"]),
}
VN_SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
               "Ngô", "Dương", "Lý"]
VN_MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Xuân", "Hồng", "Ngọc", "Anh", "Công"]
VN_GIVEN = ["An", "Bình", "Cường", "Dũng", "Hải", "Hà", "Hùng", "Hương", "Khánh", "Lan", "Long", "Mai", "Nam",
            "Phong", "Phương", "Quang", "Sơn", "Tâm", "Thắng", "Thảo", "Toàn", "Trung", "Tuấn", "Việt", "Vinh",
            "Yến", "Hiếu", "Lâm", "Nghĩa", "Thành"]
# (Vietnamese office, English office, the body it belongs to: Vietnamese, English). The body is an
# organization the text names whenever it names the office (the gold lists "Tỉnh ủy Hà Giang" for
# "Bí thư Tỉnh ủy tỉnh Hà Giang"); {u} is the unit and name ("tỉnh Hà Giang"), {p} the name alone.
VN_OFFICES = [("Chủ tịch UBND", "Chairman of the {p} People's Committee", ("UBND {u}", "{p} People's Committee")),
              ("Phó Chủ tịch UBND", "Vice Chairman of the {p} People's Committee",
               ("UBND {u}", "{p} People's Committee")),
              ("Bí thư Tỉnh ủy", "Secretary of the {p} Party Committee", ("Tỉnh ủy {p}", "{p} Party Committee")),
              ("Phó Bí thư Tỉnh ủy", "Deputy Secretary of the {p} Party Committee",
               ("Tỉnh ủy {p}", "{p} Party Committee")),
              ("Chủ tịch HĐND", "Chairman of the {p} People's Council", ("HĐND {u}", "{p} People's Council")),
              ("Giám đốc Sở Ngoại vụ", "Director of the {p} Department of Foreign Affairs",
               ("Sở Ngoại vụ {p}", "{p} Department of Foreign Affairs"))]
FOREIGN_OFFICES = [("Đại sứ {c} tại Việt Nam", "Ambassador of {c} to Vietnam", "embassy"),
                   ("Tổng Lãnh sự {c} tại Đà Nẵng", "Consul General of {c} in Da Nang", "embassy"),
                   ("Tỉnh trưởng tỉnh {l}", "Governor of {l}", "locality"),
                   ("Phó Tỉnh trưởng tỉnh {l}", "Vice Governor of {l}", "locality"),
                   ("Bí thư Tỉnh ủy tỉnh {l}", "Party Secretary of {l}", "locality")]
FIELDS_VI = ["giáo dục và đào tạo", "y tế", "nông nghiệp công nghệ cao", "du lịch", "thương mại và đầu tư",
             "năng lượng tái tạo", "chuyển đổi số", "văn hóa", "quản lý biên giới", "phát triển nguồn nhân lực"]
FIELDS_EN = ["education and training", "healthcare", "high-tech agriculture", "tourism", "trade and investment",
             "renewable energy", "digital transformation", "culture", "border management", "human resources"]


@dataclass(frozen=True)
class Filler:
    """A filler sentence and the facts it carries by the gold's conventions (../shared/eval/README.md,
    "Conventions of the gold"), so that the oracle lists what the text says. ``commitment``: the kind
    when the sentence is a pledge, request or agreement of the host province ("Hai bên nhất trí tăng
    cường…", "Tỉnh mong muốn tiếp tục nhận được sự quan tâm, hỗ trợ…"), addressed to the partner when
    ``to_partner``; generic praise, descriptions of what the province always does, businesses' wishes
    and past trade are not commitments. ``bodies``: the host province's bodies the sentence names, as
    (surface in the sentence, name of the organization with {p} for the province)."""
    text: str
    commitment: str | None = None
    to_partner: bool = False
    bodies: tuple[tuple[str, str], ...] = ()


FILLER_VI = [
    Filler("Hai bên đã thông tin cho nhau về tình hình kinh tế - xã hội của mỗi địa phương trong thời gian qua."),
    Filler("Tỉnh luôn tạo điều kiện thuận lợi để các nhà đầu tư nước ngoài yên tâm làm ăn lâu dài."),
    Filler("Trong năm qua, kim ngạch xuất nhập khẩu giữa hai bên tiếp tục tăng trưởng ổn định."),
    Filler("Lãnh đạo tỉnh đánh giá cao những đóng góp thiết thực của đối tác vào sự phát triển của địa phương."),
    Filler("Hai bên nhất trí tăng cường trao đổi đoàn các cấp, thúc đẩy giao lưu nhân dân.",
           commitment="cooperate", to_partner=True),
    Filler("Quan hệ hữu nghị truyền thống giữa hai nước ngày càng được củng cố và phát triển sâu rộng."),
    Filler("Thời gian tới, tỉnh sẽ tập trung cải thiện môi trường đầu tư, nâng cao năng lực cạnh tranh.",
           commitment="other"),
    Filler("Đoàn đã tham quan một số dự án trọng điểm và khu công nghiệp trên địa bàn tỉnh."),
    Filler("Cùng dự buổi tiếp có lãnh đạo Sở Ngoại vụ, Sở Kế hoạch và Đầu tư và một số sở, ngành liên quan.",
           bodies=(("Sở Ngoại vụ", "Sở Ngoại vụ {p}"), ("Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư {p}"))),
    Filler("Tỉnh mong muốn tiếp tục nhận được sự quan tâm, hỗ trợ trong lĩnh vực đào tạo nguồn nhân lực.",
           commitment="request", to_partner=True),
    Filler("Hiện trên địa bàn tỉnh có hàng chục dự án có vốn đầu tư nước ngoài đang hoạt động hiệu quả."),
    Filler("Các doanh nghiệp bày tỏ mong muốn mở rộng sản xuất, kinh doanh tại địa phương."),
]
FILLER_EN = [
    Filler("The two sides exchanged information on the socio-economic situation of each locality."),
    Filler("The province always creates favourable conditions for foreign investors to do long-term business."),
    Filler("Trade between the two sides has grown steadily over the past year."),
    Filler("Provincial leaders highly appreciated the partner's practical contributions to local development."),
    Filler("Both sides agreed to step up exchanges of delegations at all levels and people-to-people exchanges.",
           commitment="cooperate", to_partner=True),
    Filler("The delegation visited several key projects and industrial parks in the province."),
    Filler("Representatives of the provincial Department of Foreign Affairs and other agencies attended the meeting.",
           bodies=(("Department of Foreign Affairs", "{p} Department of Foreign Affairs"),)),
    Filler("Dozens of foreign-invested projects are operating effectively in the province."),
]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]


@dataclass
class SynDoc:
    doc: str
    lang: str
    text: str
    extraction: Extraction


def _strip(s: str) -> str:
    s = unicodedata.normalize("NFD", s.replace("Đ", "D").replace("đ", "d"))
    return unicodedata.normalize("NFC", "".join(c for c in s if unicodedata.category(c) != "Mn"))


GAZETTEER = ROOT / "ontology" / "gazetteer"


def _tsv(name: str) -> list[dict[str, str]]:
    path = GAZETTEER / name
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    head = lines[0].split("\t")
    return [dict(zip(head, line.split("\t"))) for line in lines[1:] if line.strip()]


@lru_cache(maxsize=1)
def _gazetteer_provinces() -> list[tuple[str, str, str]]:
    """The 63 provinces of ``ontology/gazetteer/provinces.tsv`` when present, else the table above."""
    out = []
    for row in _tsv("provinces.tsv"):
        canon = row.get("canonical", "")
        ascii_aliases = [a for a in row.get("aliases", "").split("|") if a and a.isascii() and len(a) > 3]
        english = next((a for a in ascii_aliases if " " not in a), None) or _strip(canon)
        unit = "thành phố" if row.get("official", "").startswith("Thành phố") else "tỉnh"
        if canon:
            out.append((canon, english, unit))
    return out if len(out) >= 30 else PROVINCES


@lru_cache(maxsize=1)
def _localities() -> dict[str, list[tuple[str, str]]]:
    """Foreign provinces per country: (press name, romanised name) from the gazetteer's subdivisions, else the table."""
    found: dict[str, list[tuple[str, str]]] = {}
    for row in _tsv("subdivisions.tsv"):
        if row.get("country") in COUNTRIES and row.get("name") and "city" not in row.get("type", "").lower():
            found.setdefault(row["country"], []).append((row["name"], row.get("iso_name") or row["name"]))
    return {code: (found.get(code) or COUNTRIES[code][3])[:8] for code in COUNTRIES}


def _h(*parts: str) -> int:
    return zlib.crc32("|".join(parts).encode("utf-8"))


@lru_cache(maxsize=16)
def _pool(seed: int, size: int) -> tuple[list[tuple], list[tuple]]:
    """People who recur: (name, province index, office index) and (name, country, office index, locality).

    Everything about a person follows from the name, so two draws of the same name are the same
    person (one identity, as the resolver will see it): a Vietnamese name fixes its province and
    office; a foreign name fixes its country (among those whose naming style it has), office and
    locality."""
    rnd = random.Random(f"pool-{seed}-{size}")
    provinces = _gazetteer_provinces()
    vn = []
    for _ in range(size):
        middle = rnd.choice(VN_MIDDLE) if rnd.random() < 0.7 else f"{rnd.choice(VN_MIDDLE)} {rnd.choice(VN_MIDDLE)}"
        name = f"{rnd.choice(VN_SURNAMES)} {middle} {rnd.choice(VN_GIVEN)}"
        vn.append((name, _h(name, "p") % len(provinces), _h(name, "o") % len(VN_OFFICES)))
    styles = sorted(FOREIGN_NAMES)
    foreign = []
    for _ in range(size):
        style = rnd.choice(styles)
        first, last = FOREIGN_NAMES[style]
        name = f"{rnd.choice(first)} {rnd.choice(last)}"
        codes = sorted(c for c, v in COUNTRIES.items() if v[4] == style)
        code = codes[_h(name, "c") % len(codes)]
        locs = _localities()[code]
        office = _h(name, "o") % len(FOREIGN_OFFICES)
        if FOREIGN_OFFICES[office][2] == "locality" and not locs:
            office = 0
        loc = _h(name, "l") % len(locs) if locs else None
        foreign.append((name, code, office, loc))
    return vn, foreign


@lru_cache(maxsize=16)
def _by_province(seed: int, size: int) -> dict[int, list[tuple]]:
    out: dict[int, list[tuple]] = {}
    for p in _pool(seed, size)[0]:
        out.setdefault(p[1], []).append(p)
    return out


def pool_size(n: int) -> int:
    """People per side: grows with the corpus (about one new person per 8 documents)."""
    return max(40, n // 8)


def doc_id(seed: int, pool: int, i: int) -> str:
    return f"syn-{seed}-{pool}-{i:07d}"


def parse_id(doc: str) -> tuple[int, int, int] | None:
    parts = doc.split("-")
    if len(parts) != 4 or parts[0] != "syn" or not all(p.isdigit() for p in parts[1:]):
        return None
    return int(parts[1]), int(parts[2]), int(parts[3])


class _Builder:
    """Text plus the spans of the sentences written, so facts point into the text."""

    def __init__(self, doc: str):
        self.doc, self.parts, self.len = doc, [], 0

    def add(self, s: str, sep: str = " ") -> Span:
        if self.parts:
            self.parts.append(sep)
            self.len += len(sep)
        start = self.len
        self.parts.append(s)
        self.len += len(s)
        return Span(self.doc, start, self.len, s)

    def join(self, s: str) -> Span:
        """``s`` run on in the last paragraph without a separator (the dateline and the first sentence)."""
        self.parts[-1] = self.parts[-1] + s
        start = self.len
        self.len += len(s)
        return Span(self.doc, start, self.len, s)

    def text(self) -> str:
        return "".join(self.parts)


def _within(span: Span, surface: str) -> Span:
    """The first ``surface`` inside ``span``: a mention's own span."""
    k = span.text.find(surface)
    if k < 0:
        raise ValueError(f"{surface!r} is not in {span.text!r}")
    return Span(span.doc, span.start + k, span.start + k + len(surface), surface)


def _mentions(doc: str, text: str, surface: str, skip: list[Span] = ()) -> list[Span]:
    """Every whole-word ``surface`` in ``text``, except inside ``skip`` (the "Lào" of "Lào Cai")."""
    out = []
    for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
        if not any(s.start <= m.start() < s.end or m.start() <= s.start < m.end() for s in skip):
            out.append(Span(doc, m.start(), m.end(), surface))
    return out


def make_doc(seed: int, pool: int, i: int, en_share: float = 0.2) -> SynDoc:
    """One article and the facts it states (by the gold's conventions): every person, province,
    organization and partner the text names, every meeting, and every commitment, the filler's too.
    The random draws come in a fixed order, so a document id always gives the same text."""
    d = doc_id(seed, pool, i)
    rnd = random.Random(f"doc-{seed}-{pool}-{i}")
    provinces = _gazetteer_provinces()
    vn_pool, f_pool = _pool(seed, pool)
    lang = "en" if rnd.random() < en_share else "vi"
    host = vn_pool[rnd.randrange(pool)]
    pv, pen, unit = provinces[host[1] % len(provinces)]
    upv = pv if pv.lower().startswith(unit) else f"{unit} {pv}"      # "tỉnh Nghệ An"; "Thành phố Hồ Chí Minh"
    colleagues = _by_province(seed, pool)[host[1]]           # companions come from the host's province
    companions = [rnd.choice(colleagues) for _ in range(rnd.choice((0, 0, 1, 2)))]
    companions = list({c[0]: c for c in companions if c[0] != host[0]}.values())
    guest = f_pool[rnd.randrange(pool)]
    code = guest[1]
    cvi, cen, cadj, _, _ = COUNTRIES[code]
    locs = _localities()[code]
    loc = locs[guest[3]] if guest[3] is not None else None
    y, m, day = rnd.randint(2019, 2025), rnd.randint(1, 12), rnd.randint(1, 28)
    date = f"{y:04d}-{m:02d}-{day:02d}"
    fo_vi, fo_en, fo_kind = FOREIGN_OFFICES[guest[2]]
    field = rnd.randrange(len(FIELDS_VI))
    b = _Builder(d)
    bodies: list[tuple[str, Span]] = []          # (organization, where the text names it), in text order
    host_office_vi = f"{VN_OFFICES[host[2]][0]} {upv}"
    host_office_en = VN_OFFICES[host[2]][1].format(p=pen)
    org_vi = f"UBND {upv}"
    written = companions                          # the companions the meeting sentence names
    if lang == "vi":
        g_office = fo_vi.format(c=cvi, l=loc[0] if loc else "")
        b.add(f"{pv} tăng cường hợp tác với {loc[0] if fo_kind == 'locality' else cvi}")
        b.add(f"{rnd.choice(['NDO', 'TTXVN', 'VOV', 'QĐND', 'Báo ' + pv])} - ", sep="\n\n")
        when = f"{rnd.choice(['Chiều', 'Sáng', 'Ngày'])} {day}/{m}/{y}"
        others = "".join(f" cùng {VN_OFFICES[c[2]][0]} {c[0]}" for c in companions)
        pattern = rnd.randrange(3)
        if pattern == 0:
            s = f"{when}, tại trụ sở {org_vi}, {host_office_vi} {host[0]}{others} đã tiếp ông {guest[0]}, {g_office}."
            verb, place = "tiếp", pv
        elif pattern == 1:
            s = (f"{when}, {host_office_vi} {host[0]}{others} đã có buổi làm việc với đoàn công tác do ông "
                 f"{guest[0]}, {g_office} dẫn đầu.")
            verb, place = "làm việc với", pv
        else:
            where = loc[0] if loc else cvi
            s = (f"{when}, trong chuyến công tác tại {where}, đoàn đại biểu {upv} do {host_office_vi} "
                 f"{host[0]} dẫn đầu đã hội đàm với ông {guest[0]}, {g_office}.")
            verb, place = "hội đàm với", where
            written = []
        meet = b.join(s)
        if pattern == 0:
            bodies.append((org_vi, _within(meet, org_vi)))
        for who, office in ((host, host_office_vi), *((c, f"{VN_OFFICES[c[2]][0]} {c[0]}") for c in written)):
            body = VN_OFFICES[who[2]][2][0]
            said = _within(meet, office)
            bodies.append((body.format(u=upv, p=pv), _within(said, body.split(" {")[0])))
    else:
        g_office = fo_en.format(c=cen, l=loc[1] if loc else "")
        b.add(f"{pen} boosts cooperation with {loc[1] if fo_kind == 'locality' else cen}")
        b.add(f"{rnd.choice(['VNA', 'VOV', 'Nhan Dan', 'VietnamPlus'])} - ", sep="\n\n")
        s = (f"On {MONTHS_EN[m - 1]} {day}, {y}, {host_office_en} {host[0]} received {g_office} {guest[0]} "
             f"in {pen}.")
        verb, place = "received", pv
        meet = b.join(s)
        written = []                                  # the English sentence names the host alone
        body = VN_OFFICES[host[2]][2][1].format(p=pen)
        bodies.append((body, _within(meet, body)))
    persons = [PersonFact(host[0], (host_office_vi if lang == "vi" else host_office_en,), "vietnam", meet,
                          province=pv)]
    for c in written:
        persons.append(PersonFact(c[0], (f"{VN_OFFICES[c[2]][0]} {upv}",), "vietnam", meet, province=pv))
    persons.append(PersonFact(guest[0], (g_office,), "foreign", meet, country=cvi))
    meeting = MeetingFact(((host[0], *(c[0] for c in written)), (guest[0],)), (host[0], guest[0]), meet,
                          date=date, location=place, verb=verb)
    country_name = cvi if lang == "vi" else cen
    loc_name = (loc[0] if lang == "vi" else loc[1]) if loc else None
    partner_text = (fo_kind == "locality" and loc_name) or country_name     # the partner as commitments name it
    partner = partner_text.removeprefix("the ")       # the text's own wording, without the article

    filler = FILLER_VI if lang == "vi" else FILLER_EN
    maker = pv if lang == "vi" else pen
    commitments: list[CommitmentFact] = []

    def add_filler(f: Filler, sep: str) -> None:
        span = b.add(f.text, sep=sep)
        for surface, name in f.bodies:
            bodies.append((name.format(p=pv if lang == "vi" else pen), _within(span, surface)))
        if f.commitment:
            commitments.append(CommitmentFact((maker,), partner if f.to_partner else None, f.commitment, f.text, span))

    for _ in range(rnd.randint(3, 7)):
        add_filler(rnd.choice(filler), "\n\n")
        for _ in range(rnd.randint(2, 4)):
            add_filler(rnd.choice(filler), " ")
    kinds = rnd.sample(["support", "request", "sign", "donate", "promote"], rnd.choice((0, 1, 1, 2, 3)))
    for kind in kinds:
        gift = rnd.randint(2, 90)
        if lang == "vi":
            sentence, by, to = {
                "support": (f"Ông {guest[0]} khẳng định {cvi} sẽ tiếp tục hỗ trợ {upv} trong lĩnh vực "
                            f"{FIELDS_VI[field]}.", (guest[0],), pv),
                "request": (f"{host_office_vi} {host[0]} đề nghị phía {partner_text} quan tâm thúc đẩy hợp tác về "
                            f"{FIELDS_VI[field]}.", (host[0],), partner),
                "sign": (f"Dịp này, {org_vi} và phía {partner_text} đã ký biên bản ghi nhớ hợp tác về "
                         f"{FIELDS_VI[field]}.", (org_vi,), partner),
                "donate": (f"Nhân dịp này, phía {partner_text} trao tặng {upv} {gift * 10} triệu đồng.", (partner,), pv),
                "promote": (f"Ông {guest[0]} cam kết sẽ thúc đẩy các doanh nghiệp {cvi} đầu tư vào {upv}.",
                            (guest[0],), pv),
            }[kind]
        else:
            sentence, by, to = {
                "support": (f"{guest[0]} affirmed that {cen} will continue to support {pen} in "
                            f"{FIELDS_EN[field]}.", (guest[0],), pen),
                "request": (f"{host[0]} asked {partner_text} to promote cooperation in {FIELDS_EN[field]}.",
                            (host[0],), partner),
                "sign": (f"On this occasion, {pen} and {partner_text} signed a memorandum of understanding on "
                         f"{FIELDS_EN[field]}.", (pen,), partner),
                "donate": (f"On this occasion, {partner_text} presented {pen} with USD {gift},000.",
                           (partner,), pen),
                "promote": (f"{guest[0]} pledged to encourage {cadj} businesses to invest in {pen}.",
                            (guest[0],), pen),
            }[kind]
        span = b.add(sentence, sep="\n\n")
        amount = None if kind != "donate" else f"{gift * 10} triệu đồng" if lang == "vi" else f"USD {gift},000"
        commitments.append(CommitmentFact(by, to, kind, sentence, span, amount=amount))
        if kind == "sign" and lang == "vi":
            bodies.append((org_vi, _within(span, org_vi)))
        add_filler(rnd.choice(filler), " ")
    text = b.text()

    # Vietnamese provinces: every mention (the host's, and Da Nang where a consul general sits)
    surfaces = {pv: pv, "Đà Nẵng": "Đà Nẵng"} if lang == "vi" else {pen: pv, "Da Nang": "Đà Nẵng"}
    provs = sorted(((span, canon) for surface, canon in surfaces.items() for span in _mentions(d, text, surface)),
                   key=lambda x: x[0].start)
    # foreign partners and organizations: once each, where the text first names them
    taken = [span for span, _ in provs]
    partners = []
    for name, kind, canonical in ((country_name, "country", cvi), (loc_name, "foreign_locality", loc and loc[0])):
        found = _mentions(d, text, name.removeprefix("the "), taken) if name else []
        if found:
            partners.append(PartnerFact(name.removeprefix("the "), kind, found[0], country=code, canonical=canonical))
    partners.sort(key=lambda f: f.span.start)
    orgs = {}
    for name, span in sorted(bodies, key=lambda x: x[1].start):
        orgs.setdefault(name, OrganizationFact(name, span, province=pv))
    ex = Extraction(doc=d, text=text, lang=lang, title=b.parts[0], date=date, persons=tuple(persons),
                    provinces=tuple(ProvinceFact(canon, span.text, span) for span, canon in provs),
                    organizations=tuple(orgs.values()), partners=tuple(partners), meetings=(meeting,),
                    commitments=tuple(commitments))
    return SynDoc(d, lang, text, ex)


def facts_for(doc: str, en_share: float = 0.2) -> Extraction | None:
    """The facts of a generated document, rebuilt from its id (None for other ids)."""
    parsed = parse_id(doc)
    return make_doc(*parsed, en_share=en_share).extraction if parsed else None


def generate(out: Path, n: int, seed: int = 7, en_share: float = 0.2, html_share: float = 0.0,
             jsonl: bool = False, start: int = 0, per_dir: int = 5000, pool: int | None = None) -> list[Path]:
    """Write documents ``start`` .. ``start + n - 1`` (txt, some html, or one JSONL file) in folders of
    ``per_dir`` files; the people pool is ``pool_size(start + n)`` unless given. Returns what was written."""
    out.mkdir(parents=True, exist_ok=True)
    pool = pool or pool_size(start + n)
    written: list[Path] = []
    lines: list[str] = []
    for i in range(start, start + n):
        sd = make_doc(seed, pool, i, en_share)
        if jsonl:
            lines.append(json.dumps({"id": sd.doc, "text": sd.text}, ensure_ascii=False))
            continue
        sub = out / f"{i // per_dir:04d}"
        sub.mkdir(exist_ok=True)
        if html_share and random.Random(f"fmt-{i}").random() < html_share:
            title, _, body = sd.text.partition("\n\n")
            paras = "".join(f"<p>{p}</p>\n" for p in body.split("\n\n"))
            page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
                    f"<script>var ads = 1;</script></head><body><nav>Trang chủ | Thời sự</nav>"
                    f"<article><h1>{title}</h1>\n{paras}</article><footer>© Báo điện tử</footer></body></html>")
            (sub / f"{sd.doc}.html").write_text(page, encoding="utf-8")
        else:
            (sub / f"{sd.doc}.txt").write_text(sd.text, encoding="utf-8")
        if not written or written[-1] != sub:
            written.append(sub)
    if jsonl:
        path = out / f"corpus-{seed}-{start}-{n}.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("-n", type=int, default=1000, help="number of documents")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--en", type=float, default=0.2, help="share of English documents")
    ap.add_argument("--html", type=float, default=0.0, help="share written as HTML pages")
    ap.add_argument("--jsonl", action="store_true", help="one JSONL file instead of one file per document")
    a = ap.parse_args(argv)
    paths = generate(a.out, a.n, a.seed, a.en, a.html, a.jsonl)
    size = sum(f.stat().st_size for p in paths for f in ([p] if p.is_file() else p.iterdir()))
    print(f"{a.n} documents, {size / 1e6:.1f} MB in {a.out}")


if __name__ == "__main__":
    main()
