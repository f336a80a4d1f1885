"""Places in running text: Vietnamese provinces, foreign partners, Vietnamese bodies.

- ``find_provinces``: gazetteer surfaces (ontology/gazetteer/provinces.tsv) matched with
  case, tone placement and word boundaries, minus person names, streets and titles.
- ``find_partners``: gazetteer surfaces (countries, foreign localities, organisations)
  plus grammar: a locality head word and a capitalised name that is not Vietnamese
  ("tỉnh X", "châu X", "huyện X", "X province", "city of X"), a body in front of a foreign
  locality ("Sở Ngoại giao tỉnh X", "Công an tỉnh X"), embassies and consulates, a state
  prefix on a country ("Cộng hòa X"), friendship associations ("Hội Hữu nghị … X").
- ``find_organizations``: Vietnamese bodies, with the article's main province filled in.

All three return facts whose ``span`` indexes the given text exactly. Matching runs on a
same-length copy of the text with new-style tone marks, so "Thanh Hoá" finds "Thanh Hóa".
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from loaders.patterns import trie_pattern
from loaders.tables import column
from ontology.facts import OrganizationFact, PartnerFact, ProvinceFact, Span
from ontology.gazetteer import partners as gz_partners
from ontology.gazetteer import provinces as gz_provinces
from ontology.gazetteer.fold import key, lower_key, strip_accents, tone

# ---------------------------------------------------------------------------------------------
# character classes and small word lists

_UP = "A-ZĐÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸ"
_W = r"[^\W_]"                                   # a letter or digit
_CAP = rf"[{_UP}]{_W}*(?:['’]{_W}+)?(?:-{_W}+)*"  # a capitalised word ("Jeollabuk-do", "Xa-van-na-khệt")
_KOREAN_TAIL = r"(?:\s*[-–—]\s*(?:do|si|gun|gu|shi|ken)\b)"
_NAME = rf"{_CAP}(?:[ \u00a0]+{_CAP})*{_KOREAN_TAIL}?"

# Vietnamese locality head words that take a foreign name ("tỉnh Savannakhet", "châu Hồng Hà").
_VI_HEADS = r"(?:[Tt]ỉnh|[Tt]hành phố|TP\.?|Tp\.|[Cc]hâu|[Hh]uyện|[Qq]uận|[Bb]ang|[Hh]ạt|[Đđ]ặc khu|Thủ đô|[Tt]hủ phủ|[Tt]hị xã|[Tt]hị trấn)"
_EN_HEADS = r"(?:[Pp]rovince|[Pp]refecture|[Cc]ity|[Cc]ounty|[Dd]istrict|[Ss]tate|[Rr]egion|[Mm]unicipality|[Tt]own|[Cc]apital)"
_WEAK_OK_BEFORE = re.compile(r"(?:[Tt]hành phố|TP\.?|Tp\.|Thủ đô|[Tt]ỉnh|[Cc]hâu|[Bb]ang|[Đđ]ặc khu|[Tt]hủ phủ)\s+$")
_WEAK_OK_AFTER = re.compile(rf"^\s+(?:[Cc]ity|Capital|Prefecture|[Pp]rovince|Metropolitan)\b")

# Bodies in front of a foreign locality ("Sở Ngoại giao tỉnh Savannakhet"): the whole is the partner.
_LOWER_STOP = r"(?:tại|của|với|ở|tỉnh|thành|phố|hai|ba|bốn|năm|các|những|cùng|và|đã|sẽ|đến|từ|cho|trong|huyện|châu|về)"
_ORG_BEFORE = re.compile(
    rf"(?:Sở(?:\s+{_CAP}(?:\s+(?:và\s+)?{_CAP}|\s+(?!{_LOWER_STOP}\b)[a-zđà-ỹ]+){{0,4}})?|Công an|Chính quyền(?:\s+[Nn]hân dân)?|"
    rf"Hội đồng(?:\s+[Nn]hân dân)?|Ủy ban [Nn]hân dân|UBND|Văn phòng(?:\s+{_CAP}(?:\s+[a-zđà-ỹ]+)?)?|"
    rf"Bộ Chỉ huy Quân sự|Ban Đối ngoại|Ban Ngoại vụ|Tòa thị chính|Đài Phát thanh(?:\s+và)?\s+Truyền hình|"
    rf"Đại học|Trường Đại học|Bệnh viện)\s+$")
_ORG_AFTER_EN = re.compile(r"^\s+(?:Provincial\s+)?(?:People['’]s Committee|Government|Metropolitan Government|"
                           r"Prefectural Government|Department of Foreign Affairs|Foreign Affairs Department|Assembly)\b")
_ORG_BEFORE_EN = re.compile(r"(?:(?:the\s+)?(?:Department of Foreign Affairs|Foreign Affairs Department|"
                            r"Government|People['’]s Committee|Assembly|Council|Office) of\s+(?:the\s+)?)$")

# A state prefix kept in the country's surface ("Cộng hòa Bungari", "Vương quốc Campuchia").
_STATE_PREFIX = re.compile(
    r"(?:(?:Cộng hòa|Cộng hoà)(?:\s+(?:[Dd]ân chủ\s+[Nn]hân dân|[Nn]hân dân|[Ll]iên bang|[Xx]ã hội chủ nghĩa|"
    r"[Dd]ân chủ|Hồi giáo|Ả Rập))?|Vương quốc|Liên bang|Đại công quốc|Nhà nước|(?:the\s+)?(?:Republic|Kingdom|"
    r"Federation|State|Commonwealth|Federal Republic|People['’]s Republic|Democratic Republic|Lao People['’]s Democratic Republic) of)\s+$")

_EMBASSY_VI = re.compile(r"(?:(?:Tổng\s+)?(?:[Ll]ãnh sự quán|Đại sứ quán|[Ss]ứ quán)|ĐSQ|TLSQ)\s+(?:nước\s+)?$")
_EMBASSY_EN_BEFORE = re.compile(r"(?:(?:Embassy|Consulate(?:[- ]General)?)\s+of\s+(?:the\s+)?)$")
_EMBASSY_EN_AFTER = re.compile(r"^\s+(?:Embassy|Consulate(?:[- ]General)?)\b")
_EMBASSY_WHERE = re.compile(r"^\s+(?:tại|ở|in)\s+")

# Friendship associations and other civil bodies named for a foreign place ("Hội Hữu nghị … Quảng Tây").
_NGO_BEFORE = re.compile(
    rf"(?:Hội|Hiệp hội|Quỹ|Liên hiệp|Liên đoàn)(?!\s+(?:nghị|thảo|chợ|đàm|đồng|trường|nhập|diễn|viên|xuân|thi))"
    rf"(?:\s+(?!(?:với|tại|của|giữa|và|cho|ở|từ|đến|về|các|hai)\b)[{_UP}a-zđà-ỹ]{_W}*){{1,6}}\s+$")

# Regions of a country named in the plural ("các tỉnh Nam Trung Lào", "các tỉnh Bắc Lào").
_REGION_BEFORE = re.compile(r"(?:(?:các|những|\d+)\s+)?tỉnh\s+(?:(?:Bắc|Nam|Trung|Đông|Tây|Thượng|Hạ)\s+){1,3}$")

_CONTINENTS = {"Âu", "Á", "Phi", "Mỹ", "Đại Dương", "Úc", "Nam Cực", "Bắc Cực", "Á Âu", "Á-Âu", "Mỹ Latinh", "Mỹ La-tinh"}
_EN_NOT_NAMES = {
    "North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western", "Northeastern",
    "Northwestern", "Southeastern", "Southwestern", "Highland", "Highlands", "Central Highland", "Central Highlands",
    "South Central", "North Central", "Mekong Delta", "Red River Delta", "Capital", "Border", "Provincial", "Home",
    "Host", "Partner", "Sister", "Twin", "Friendship", "Coastal", "Mountainous", "Northern Midland", "The", "This",
    "That", "Each", "Every", "Our", "Their", "His", "Her", "Its", "Mekong", "Delta", "Special", "Autonomous",
}
_VI_NOT_NAMES = {"Ủy", "Uỷ", "Đoàn", "Bạn", "Nhà", "Ta", "Trưởng", "Phó", "Chủ", "Bí", "Phía", "Miền", "Trung ương"}
_VN_ADMIN_BEFORE = {"phường", "xã", "thôn", "ấp", "bản", "sông", "núi", "đèo", "cầu", "đường", "phố", "Phường", "Xã",
                    "Thôn", "Sông", "Núi", "Đường", "Phố", "làng", "Làng", "chợ", "Chợ", "đảo", "Đảo", "vịnh", "Vịnh",
                    "hồ", "Hồ", "Street", "Road", "Avenue"}
# Compounds in which a one-syllable country name is an ordinary word ("Pháp luật", "Ý kiến").
_COMPOUND_AFTER = {
    "Pháp": {"luật", "lý", "chế", "nhân", "quyền", "điển", "sư", "y", "lệnh", "định", "trị", "trường", "môn", "danh", "đình"},
    "Ý": {"kiến", "nghĩa", "thức", "tưởng", "chí", "định", "muốn", "tứ", "niệm", "đồ", "thơ"},
    "Đức": {"tin", "độ", "hạnh", "tính", "Phật", "Mẹ", "Cha", "Chúa", "Thánh"},
    "Nga": {"my"}, "Mỹ": {"thuật", "phẩm", "quan", "nghệ", "mãn", "học", "nhân", "vị", "ý", "tục", "lệ", "miều"},
    "Anh": {"hùng", "em", "chị", "ấy", "ta", "trai", "hào", "linh", "minh", "tài", "dũng"},
    "Nhật": {"ký", "thực", "nguyệt", "trình", "tụng", "báo", "dụng"},
    "Séc": {"tơ"}, "Bỉ": {"ổi"}, "Áo": {"dài", "mưa", "khoác", "len", "quần", "sơ"},
}
_PROVINCE_FOLLOW_BLOCK = {"Thái Bình": ("Dương",), "Bình Dương": (), "Điện Biên": ("Phủ",), "Hà Nội": ("Mới",),
                          "Hanoi": ("Times", "Moi"), "Sài Gòn": ("Giải Phóng", "Giải phóng", "Times", "Tiếp Thị"),
                          "Saigon": ("Times", "Giai Phong"), "Hà Tĩnh": (), "Huế": ("Festival",),
                          "Quảng Nam": ()}


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    """Family names from the person grammar's table (loaders/data/surnames.tsv), with and without accents."""
    names = set(column("surnames.tsv", "surname")) - {""}
    return frozenset(names | {strip_accents(n) for n in names})


@lru_cache(maxsize=1)
def _person_words() -> frozenset[str]:
    middle = set(column("middle_names.tsv", "word"))       # the person grammar's table
    m = middle | {strip_accents(x) for x in middle}
    return _surnames() | frozenset(m)


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    return frozenset(column("demonyms.tsv", "word"))


# ---------------------------------------------------------------------------------------------
# the compiled gazetteers

def _flex_atoms(surface: str) -> list[str]:
    """A surface as regex atoms: any run of spaces, hyphens around dashes, optional space after a dot;
    every other character literally."""
    out: list[str] = []
    for tok in re.split(r"(\s*[-–—‐]\s*|\s+|\.\s*)", surface):
        if not tok:
            continue
        if re.fullmatch(r"\s*[-–—‐]\s*", tok):
            out.append(r"\s*[-–—‐]\s*")
        elif tok.isspace():
            out.append(r"[ \u00a0]+")
        elif tok.strip() == ".":
            out.append(r"\.\s?")
        else:
            out.extend(re.escape(c) for c in tok)
    return out


def _compile(surfaces: list[str]) -> re.Pattern:
    """Whole-word matches of any surface, the longest first (a trie: see loaders/patterns.py)."""
    return re.compile(r"(?<![^\W_])" + trie_pattern(_flex_atoms(s) for s in set(surfaces) if s) + r"(?![^\W_])")


@dataclass(frozen=True)
class _Gaz:
    regex: re.Pattern
    by_key: dict


@lru_cache(maxsize=1)
def _province_gaz() -> _Gaz:
    by_key: dict[str, str] = {}
    surfaces = []
    for surface, canon in gz_provinces.surfaces():
        forms = [surface]
        if " " in surface and not surface.isascii():
            forms.append(surface.upper())
        for f in forms:
            surfaces.append(f)
            by_key.setdefault(key(f), canon)
    return _Gaz(_compile(surfaces), by_key)


@lru_cache(maxsize=1)
def _partner_gaz() -> _Gaz:
    by_key: dict[str, gz_partners.Entry] = {}
    surfaces = []
    for e in gz_partners.entries():
        surfaces.append(e.surface)
        by_key.setdefault(key(e.surface), e)
    return _Gaz(_compile(surfaces), by_key)


_HEAD_NAME_VI = re.compile(rf"(?<![^\W_])(?P<head>{_VI_HEADS})[ \u00a0]+(?P<name>{_NAME})")
_NAME_EN = rf"{_CAP}(?:[ \u00a0]+(?:(?:del|de|la|da|do|dos|das|von|van|der|di|el)[ \u00a0]+)?{_CAP})*{_KOREAN_TAIL}?"
_NAME_HEAD_EN = re.compile(rf"(?<![^\W_])(?P<name>{_NAME_EN})[ \u00a0]+(?P<head>{_EN_HEADS})(?![^\W_])")
_HEAD_OF_EN = re.compile(rf"(?<![^\W_])(?:[Pp]rovince|[Pp]refecture|[Cc]ity|[Cc]ounty|[Dd]istrict|[Ss]tate|[Tt]own|department)"
                         rf"[ \u00a0]+of[ \u00a0]+(?P<name>{_NAME})")


# ---------------------------------------------------------------------------------------------
# the body mask: furniture that is not article text

_RELATED = re.compile(r"^\s*\|?\s*(?:Tin liên quan|Tin bài liên quan|Bài liên quan|Bài viết liên quan|Tin cùng chuyên mục|"
                      r"Các tin bài khác|Các tin khác|Tin khác|Tin mới|Đọc nhiều|Xem nhiều|Xem thêm|Đọc thêm|Có thể bạn quan tâm|"
                      r"Related news|Related articles|Related|Read more|More news|See also|Most read|Multimedia|Tags?\s*:|Từ khóa\s*:)",
                      re.I)
_CREDIT = re.compile(rf"[(\[]?\b(?:Ảnh|Photo|Nguồn|Source|Video|Clip)\s*:\s*(?:[^.)\]\n|]{{0,40}}[)\]]|(?:{_CAP}|[A-ZĐ&/]+)(?:[ ](?:{_CAP}|[A-ZĐ&/]+)){{0,3}})")


def _skips(text: str) -> list[tuple[int, int]]:
    """Ranges that are not article body: related-story lists, media lines, image links, photo credits."""
    skips: list[tuple[int, int]] = []
    pos, related = 0, False
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        s = line.strip()
        if related:
            if len(s) >= 200:
                related = False
            else:
                skips.append((start, end))
                continue
        if _RELATED.match(s) and len(s) < 80:
            related = True
            skips.append((start, end))
        elif s.startswith("|") or s.startswith("![") or "](http" in s or re.fullmatch(r"[\d:/\s]+", s or "x") \
                or re.match(r"^\[(?:Video|Infographics?|Ảnh|Photo|Clip|Podcast|Emagazine|E-magazine)\]", s, re.I):
            skips.append((start, end))
    skips.extend((m.start(), m.end()) for m in _CREDIT.finditer(text))
    return skips


@lru_cache(maxsize=4)
def _body_fn(text: str):
    skips = _skips(text)
    try:  # the shared layout (loaders/text.py) knows the outlets' furniture too
        from loaders.text import layout_of
        layout_body = layout_of(text).is_body
    except Exception:  # noqa: BLE001
        def layout_body(_off):
            return True
    return lambda off: layout_body(off) and not any(s <= off < e for s, e in skips)


# ---------------------------------------------------------------------------------------------
# token helpers

@lru_cache(maxsize=1)
def _TITLE_BEFORE() -> re.Pattern:
    """A title head shortly before a place: the place belongs to an office whose holder follows."""
    heads = sorted(set(column("titles.tsv", "head")), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(h) for h in heads) + r")\b[^,.;:\n]*$", re.I)


_VI_DIACRITIC = re.compile(r"[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵấầẩẫậắằẳẵặếềểễệốồổỗộớờởỡợứừửữự]", re.I)


def _prev_word(t: str, start: int) -> str:
    """The word right before ``start`` when only spaces separate them, else ''."""
    m = re.search(r"(\S+)[ \u00a0]+$", t[max(0, start - 40):start])
    if not m or not m.group(1)[-1].isalnum():
        return ""
    return m.group(1)


def _next_word(t: str, end: int) -> str:
    m = re.match(r"[ \u00a0]+(\S+)", t[end:end + 40])
    return m.group(1) if m else ""


def _is_cap(w: str) -> bool:
    return bool(w) and w[0].isupper() and w[0].isalpha()


def _sentence_initial(t: str, start: int) -> bool:
    before = t[max(0, start - 3):start]
    return start == 0 or bool(re.search(r"(?:^|[.!?:\n\"“”]\s*|\n)$", t[max(0, start - 3):start])) or before.endswith("\n")


def _person_before(t: str, start: int) -> bool:
    w = _prev_word(t, start)
    return _is_cap(w) and w in _person_words()


def _vi_province(name: str) -> bool:
    return gz_provinces.canonical_province(name) is not None or key(name) in gz_provinces.district_keys()


# ---------------------------------------------------------------------------------------------
# provinces

def _find_provinces(doc: str, text: str) -> list[ProvinceFact]:
    """Vietnamese provinces mentioned in the body, canonical names, in text order."""
    t = tone(text)
    if len(t) != len(text):            # not NFC: match on the text as it is
        t = text
    body = _body_fn(text)
    gaz = _province_gaz()
    out: list[ProvinceFact] = []
    for m in gaz.regex.finditer(t):
        s, e = m.start(), m.end()
        surface = m.group(0)
        canon = gaz.by_key.get(key(surface))
        if not canon or not body(s):
            continue
        prev, nxt = _prev_word(t, s), _next_word(t, e)
        if prev in _person_words() and _is_cap(prev) and not surface.isupper():
            continue                                   # "Nguyễn Thị Huế", "Thái Bình Dương"
        if prev in _VN_ADMIN_BEFORE and not (prev == "phố" and _prev_word(t, s - len(prev) - 1) in ("thành", "Thành")):
            continue                                   # a street, ward or river named for the province
        block = _PROVINCE_FOLLOW_BLOCK.get(surface) or _PROVINCE_FOLLOW_BLOCK.get(canon) or ()
        if any(t[e:e + 1 + len(b)].strip() == b for b in block):
            continue
        if " " not in surface.strip() and _is_cap(prev) and not _sentence_initial(t, s) and prev not in ("Cố", "TP", "TP."):
            continue                                   # one syllable inside a longer proper name
        out.append(ProvinceFact(canon, text[s:e], Span(doc, s, e, text[s:e])))
    return out


# ---------------------------------------------------------------------------------------------
# partners

@dataclass
class _Cand:
    start: int
    end: int
    kind: str
    canonical: str | None
    country: str | None
    headed: bool = False          # "tỉnh X", "X province": the head word is in the surface
    group: str | None = None      # dedupe group (canonical of the place itself)
    from_gazetteer: bool = True


def _list_neighbour_country(t: str, s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    """Is there another country right before/after, separated by ',' 'và' '-' or '/'? ("Pháp, Anh")."""
    for a, b in spans:
        if b <= s and re.fullmatch(r"\s*(?:,|và|and|-|–|/)\s*", t[b:s]):
            return True
        if a >= e and re.fullmatch(r"\s*(?:,|và|and|-|–|/)\s*", t[e:a]):
            return True
    return False


def _valid_foreign_name(name: str, lang_vi: bool) -> bool:
    name = name.strip()
    if not name or _vi_province(name) or name in _CONTINENTS or name in _VI_NOT_NAMES or name in _EN_NOT_NAMES:
        return False
    first = name.split()[0]
    if first in _VI_NOT_NAMES or first in _EN_NOT_NAMES:
        return False
    if first in _person_words() and gz_partners.lookup(name) is None:
        return False                                   # "UBND tỉnh Phạm Ngọc Nghị": a person after the title
    if name in _demonyms() or first in _demonyms():
        return False
    if gz_partners.lookup(name) is not None and gz_partners.lookup(name).kind == "country":
        return False
    if re.search(r"\d", name):
        return False
    toks = name.split()
    if any((e := gz_partners.lookup(" ".join(toks[i:])) ) is not None and e.kind == "country" for i in range(1, len(toks))):
        return False                                   # "Nam Trung Lào": a region of a country
    return True


_VI_ORG_HEAD = re.compile(r"(?:Tổ chức|Cơ quan|Ngân hàng|Quỹ|Hiệp hội|Viện|Trung tâm|Chương trình|Liên minh|Ủy ban|Uỷ ban|"
                          r"Hội đồng|Phòng Thương mại)(?:[ \u00a0]+[^\s,.;:()]+){1,9}[ \u00a0]*$")
_VI_ORG_STOP = {"của", "tại", "với", "ở", "cho", "các", "những", "đã", "sẽ", "là", "và"}
_EN_ORG_LINK = {"of", "and", "for", "on", "de", "du", "des", "la", "pour", "&"}


def _full_name_before(t: str, paren: int) -> int | None:
    """Start of the spelled-out name right before "(ABBR)" at ``paren``, or None."""
    before = t[max(0, paren - 120):paren]
    m = _VI_ORG_HEAD.search(before)
    if m and not any(w in _VI_ORG_STOP for w in m.group().split()[2:]) and any(_is_cap(w) for w in m.group().split()[2:]):
        return paren - (len(before) - m.start())
    words = list(re.finditer(r"\S+", before))[-12:]
    start = None
    for w in reversed(words):
        if not (_is_cap(w.group()) or w.group() in _EN_ORG_LINK) or re.search(r"[(),.;:]", w.group()):
            break
        if _is_cap(w.group()) and w.group() not in ("The", "A", "An"):
            start = w.start()
    if start is None or len(before[start:].split()) < 2:
        return None
    return paren - (len(before) - start)


def _spelled_out(t: str, raw: list, body) -> list:
    """ "French Development Agency (AFD)": the partner is named by its spelled-out form, as the text first
    gives it. A known abbreviation moves to the full name; an unknown one counts when the full name opens
    with a foreign country or demonym ("US Centers for Disease Control and Prevention (CDC)")."""
    out = []
    taken = set()
    for m in re.finditer(r"\(([A-Z][A-Za-z&]{1,9})\)", t):
        if not body(m.start()) or re.match(r"\s+(?:programme|program|project|scheme|initiative|award|prize)\b", t[m.end():m.end() + 12], re.I):
            continue                                   # "… Cooperation (ITEC) programme": a programme, not a body
        if not _is_cap(_prev_word(t, m.start())):
            continue                                   # a spelled-out name ends in a capitalised word
        st = _full_name_before(t, m.start())
        if st is None:
            continue
        full = t[st:m.start()].rstrip()
        if _vi_province(full) or key(full) in gz_provinces.district_keys() or re.search(r"\d", full):
            continue
        abbr = next(((s, e, en) for s, e, en in raw if s == m.start(1) and en.kind in ("international_org", "ngo")), None)
        if abbr is not None:
            out.append((st, st + len(full), abbr[2]))
            taken.add((abbr[0], abbr[1]))
            continue
        first = full.split()[0]
        entry = gz_partners.lookup(first)
        initials = "".join(w[0] for w in full.split() if _is_cap(w)).upper()
        it = iter(initials)
        if not all(ch in it for ch in m.group(1).upper()):   # the letters of "CDC" spell out the name's initials
            continue
        if (entry is not None and entry.kind == "country") or (first in _demonyms() and first != "Vietnamese"):
            if not any(s <= st < e or st <= s < st + len(full) for s, e, _ in raw if (s, e) != (st, st + len(full)) and en_kind(raw, s, e) != "country"):
                out.append((st, st + len(full), gz_partners.Entry(full, full, "international_org", entry.country if entry else None, False)))
    return [r for r in raw if (r[0], r[1]) not in taken and not any(a <= r[0] and r[1] <= b and r[2].kind != "country" for a, b, _ in out)] + out


def en_kind(raw, s, e):
    return next((en.kind for a, b, en in raw if (a, b) == (s, e)), None)


def _find_partners(doc: str, text: str) -> list[PartnerFact]:
    """Foreign countries, localities, organisations, embassies and NGOs, in the text's wording."""
    t = tone(text)
    if len(t) != len(text):
        t = text
    body = _body_fn(text)
    prov_spans = [(p.span.start, p.span.end) for p in find_provinces(doc, text)]
    gaz = _partner_gaz()
    cands: list[_Cand] = []

    def inside_province(s: int, e: int) -> bool:
        return any(a <= s and e <= b and (a, b) != (s, e) or (a <= s and e <= b) for a, b in prov_spans)

    # 1. gazetteer surfaces
    raw: list[tuple[int, int, gz_partners.Entry]] = []
    for m in gaz.regex.finditer(t):
        entry = gaz.by_key.get(key(m.group(0)))
        if entry is None or not body(m.start()) or inside_province(m.start(), m.end()):
            continue
        raw.append((m.start(), m.end(), entry))
    raw = _spelled_out(t, raw, body)
    country_spans = [(s, e) for s, e, en in raw if en.kind == "country"]
    for s, e, entry in raw:
        surface = t[s:e]
        prev, nxt = _prev_word(t, s), _next_word(t, e)
        if entry.kind == "foreign_locality" and (
                (_is_cap(prev) and key(f"{prev} {surface}") in gz_provinces.district_keys()) or
                (_is_cap(nxt) and key(f"{surface} {nxt.strip(',.;:)')}") in gz_provinces.district_keys())):
            continue                                   # "Nha Trang" is a Vietnamese city, not Thailand's Trang
        if entry.kind in ("country", "foreign_locality") and not surface.isupper():
            if (_person_before(t, s) and not _REGION_BEFORE.search(t[max(0, s - 60):s])) or (prev in _VN_ADMIN_BEFORE and not _WEAK_OK_BEFORE.search(t[max(0, s - 20):s])):
                continue
            if " " not in surface and "-" not in surface and not surface.isascii():
                # one Vietnamese syllable ("Nga", "Lào", "Đức"): not inside a longer proper name
                region = _REGION_BEFORE.search(t[max(0, s - 60):s])
                if (_is_cap(prev) and not _sentence_initial(t, s) and not _STATE_PREFIX.search(t[max(0, s - 80):s])
                        and not region) or \
                        (_is_cap(nxt) and not re.match(r"[ \u00a0]+\S+[,.;:)]", t[e:e + 40]) and nxt[0].isalpha()
                         and not re.match(r"[ \u00a0]*[,.;:)(\-–]", t[e:e + 3])):
                    continue
                if nxt.strip(",.;:)") in _COMPOUND_AFTER.get(surface, ()):
                    continue
                if prev.lower() in ("tiếng", "chữ", "người") and surface in ("Anh", "Ý", "Nhật", "Pháp", "Đức", "Nga"):
                    continue
        if entry.weak:
            ok = (_WEAK_OK_BEFORE.search(t[max(0, s - 20):s]) or _WEAK_OK_AFTER.match(t[e:e + 20])
                  or (entry.kind == "foreign_locality" and _list_neighbour_country(
                      t, s, e, [(a, b) for a, b, en in raw if en.kind == "foreign_locality" and not en.weak]))
                  or (entry.kind == "country" and (re.search(r"(?:nước|Vương quốc)\s+$", t[max(0, s - 15):s])
                                                   or _list_neighbour_country(t, s, e, [x for x in country_spans if x != (s, e)]))))
            if not ok:
                continue
        cands.append(_Cand(s, e, entry.kind, entry.canonical, entry.country, group=entry.canonical))

    # 2. grammar: head word + capitalised name that is not Vietnamese
    vi_heads = list(_HEAD_NAME_VI.finditer(t))
    all_names = {m.group("name") for m in vi_heads}
    for m in vi_heads:
        name = m.group("name")
        # a name ends before a person's name that follows it without punctuation: cut at a
        # Vietnamese surname, at the longest gazetteer prefix, or at a prefix seen alone elsewhere
        toks = name.split()
        cut = None
        for i in range(1, len(toks)):
            if toks[i] in _surnames() and gz_partners.lookup(" ".join(toks[:i + 1])) is None:
                cut = i
                break
        if cut is None and len(toks) > 1 and gz_partners.lookup(name) is None:
            for i in range(len(toks) - 1, 0, -1):
                prefix = " ".join(toks[:i])
                if gz_partners.lookup(prefix) is not None or prefix in all_names:
                    cut = i
                    break
        if cut is None and len(toks) >= 3 and gz_partners.lookup(name) is None and _TITLE_BEFORE().search(
                t[max(0, m.start() - 50):m.start()]):
            # "Chủ tịch Hội đồng thành phố Plovdiv Ivan Petrov": a title's place, then its holder's name;
            # a Latin-script place name is one word, a Vietnamese transliteration two syllables
            cut = 1 if not _VI_DIACRITIC.search(toks[0]) else 2
        if cut is not None:
            name = " ".join(toks[:cut])
        s, e = m.start(), m.start("name") + len(name)
        if not body(s) or inside_province(m.start("name"), e):
            continue
        head = m.group("head")
        if head.lower() == "châu" and name in _CONTINENTS:
            continue
        entry = gz_partners.lookup(name)
        if entry is None:
            # longest gazetteer prefix ("Hủa Phăn Phút Phăn…" cannot happen, but "Savannakhet Xay…" can)
            if not _valid_foreign_name(name, True):
                continue
            if head.lower() in ("thị xã", "thị trấn", "quận", "huyện", "thành phố", "tp.", "tp", "tp.") and \
                    key(name) in gz_provinces.district_keys():
                continue
            cands.append(_Cand(s, e, "foreign_locality", None, None, headed=True, group=key(name), from_gazetteer=False))
        elif entry.kind == "foreign_locality":
            cands.append(_Cand(s, e, "foreign_locality", entry.canonical, entry.country, headed=True, group=entry.canonical))
    for rx, headed in ((_NAME_HEAD_EN, True), (_HEAD_OF_EN, False)):
        for m in rx.finditer(t):
            name = re.sub(r"^(?:The|the)\s+", "", m.group("name"))
            name = re.split(r"['’]s\s+", name)[-1]
            if not name or not body(m.start()):
                continue
            ns = m.start("name") + m.group("name").rfind(name)
            ne = ns + len(name)
            if inside_province(ns, ne) or _vi_province(name) or key(name) in gz_provinces.district_keys():
                continue
            entry = gz_partners.lookup(name)
            if entry is not None and entry.kind != "foreign_locality":
                continue
            if entry is None and not _valid_foreign_name(name, False):
                continue
            if headed and m.group("head").lower() in ("capital", "region", "state") and entry is None:
                continue
            s, e = (ns, m.end()) if headed else (ns, ne)
            canon = entry.canonical if entry else None
            cands.append(_Cand(s, e, "foreign_locality", canon, entry.country if entry else None,
                               headed=headed, group=canon or key(name), from_gazetteer=entry is not None))

    # 3. extensions: bodies, embassies, state prefixes, associations, regions
    ext: list[_Cand] = []
    for c in cands:
        before = t[max(0, c.start - 120):c.start]
        after = t[c.end:c.end + 120]
        if c.kind == "foreign_locality":
            m = _ORG_BEFORE.search(before)
            if m and (c.headed or c.from_gazetteer):
                ext.append(_Cand(c.start - (len(before) - m.start()), c.end, "foreign_locality", None, c.country,
                                 group="org:" + key(t[c.start - (len(before) - m.start()):c.end])))
            m2 = _ORG_AFTER_EN.match(after)
            if m2:
                ext.append(_Cand(c.start, c.end + m2.end(), "foreign_locality", None, c.country,
                                 group="org:" + key(t[c.start:c.end + m2.end()])))
            m3 = _ORG_BEFORE_EN.search(before)
            if m3:
                st = c.start - (len(before) - m3.start())
                ext.append(_Cand(st, c.end, "foreign_locality", None, c.country, group="org:" + key(t[st:c.end])))
        if c.kind == "country":
            m = _STATE_PREFIX.search(before)
            if m:
                c.start -= len(before) - m.start()
            before = t[max(0, c.start - 120):c.start]
            m = _EMBASSY_VI.search(before) or _EMBASSY_EN_BEFORE.search(before)
            m_after = _EMBASSY_EN_AFTER.match(after)
            if m or m_after:
                st = c.start - (len(before) - m.start()) if m else c.start
                en = c.end + (m_after.end() if m_after else 0)
                w = _EMBASSY_WHERE.match(t[en:en + 20])
                if w:
                    place = next(((a, b) for a, b in prov_spans if a == en + w.end()), None)
                    if place is None:
                        vm = re.match(r"Việt Nam|Vietnam|Viet Nam", t[en + w.end():en + w.end() + 10])
                        place = (en + w.end(), en + w.end() + vm.end()) if vm else None
                    if place:
                        en = place[1]
                ext.append(_Cand(st, en, "embassy", None, c.country, group="emb:" + key(t[st:en])))
            m = _REGION_BEFORE.search(before)
            if m:
                st = c.start - (len(before) - m.start())
                ext.append(_Cand(st, c.end, "foreign_locality", None, c.country, group="reg:" + key(t[st:c.end])))
        if c.kind in ("country", "foreign_locality"):
            m = _NGO_BEFORE.search(before)
            if m:
                st = c.start - (len(before) - m.start())
                phrase = t[st:c.end]
                if "Việt" not in phrase and "Viet" not in phrase and "\n" not in phrase:
                    ext.append(_Cand(st, c.end, "ngo", None, c.country, group="ngo:" + key(phrase)))
    # English "Japanese Embassy", "Embassy of Vietnam" is not a partner: Vietnam is not in the gazetteer.
    for m in re.finditer(r"(?<![^\W_])(?P<adj>[A-Z][a-z]+)\s+(?:Embassy|Consulate(?:[- ]General)?)\b", t):
        if m.group("adj") in _demonyms() and m.group("adj") != "Vietnamese" and body(m.start()):
            ext.append(_Cand(m.start(), m.end(), "embassy", None, None, group="emb:" + key(m.group(0))))
    cands.extend(ext)

    # 4. longest match wins; nested and overlapping shorter candidates go
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[_Cand] = []
    for c in sorted(cands, key=lambda c: -(c.end - c.start)):
        if any(k.start <= c.start and c.end <= k.end for k in kept):
            continue
        if any(k.start < c.end and c.start < k.end for k in kept):
            continue
        kept.append(c)
    kept.sort(key=lambda c: c.start)

    # 5. typo variants of an unknown name ("Staza Zagora" beside "Stara Zagora") go
    from rapidfuzz import fuzz

    def bare(c: _Cand) -> str:
        s = t[c.start:c.end]
        s = re.sub(rf"^{_VI_HEADS}\s+", "", s)
        return re.sub(rf"\s+{_EN_HEADS}$", "", s)

    counts = Counter(key(bare(c)) for c in kept)
    drop = set()
    for c in kept:
        if c.kind != "foreign_locality" or c.from_gazetteer or c.group.startswith(("org:", "reg:")):
            continue
        b = key(bare(c))
        for d in kept:
            db = key(bare(d))
            if d is c or db == b or d.kind != "foreign_locality" or d.group.startswith(("org:", "reg:")):
                continue
            if fuzz.ratio(b, db) >= 85 and (d.from_gazetteer or counts[db] > counts[b]):
                drop.add(id(c))
    kept = [c for c in kept if id(c) not in drop]

    # 6. a bare locality goes when the same place is also written with its head word
    headed_groups = {c.group for c in kept if c.headed}
    kept = [c for c in kept if c.headed or c.kind != "foreign_locality" or c.group not in headed_groups]
    # one surface per country: the longest ("Republic of Korea" over "RoK")
    best: dict[str, _Cand] = {}
    for c in kept:
        if c.kind == "country":
            b = best.get(c.group)
            if b is None or (c.end - c.start) > (b.end - b.start):
                best[c.group] = c
    kept = [c for c in kept if c.kind != "country" or best.get(c.group) is c]

    out: list[PartnerFact] = []
    seen: set[str] = set()
    for c in kept:
        surface = text[c.start:c.end]
        if lower_key(surface) in seen:                 # "Tỉnh X" at a sentence start is "tỉnh X"
            continue
        seen.add(lower_key(surface))
        canon = c.canonical or surface
        out.append(PartnerFact(surface, c.kind, Span(doc, c.start, c.end, surface), c.country, canon))
    return out


# ---------------------------------------------------------------------------------------------
# Vietnamese organisations

# Department names of a provincial "Sở" (a new one is a new line here, not new code).
_DEPARTMENTS = (
    "Ngoại vụ", "Ngoại giao", "Công Thương", "Công thương", "Du lịch", "Kế hoạch và Đầu tư", "Văn hóa và Thể thao",
    "Văn hóa, Thể thao và Du lịch", "Văn hóa - Thể thao và Du lịch", "Văn hóa, Thể thao", "Y tế", "Xây dựng",
    "Giáo dục và Đào tạo", "Tài chính", "Tư pháp", "Nội vụ", "Tài nguyên và Môi trường", "Nông nghiệp và Môi trường",
    "Nông nghiệp và Phát triển nông thôn", "Lao động - Thương binh và Xã hội", "Lao động, Thương binh và Xã hội",
    "Thông tin và Truyền thông", "Giao thông vận tải", "Giao thông Vận tải", "Khoa học và Công nghệ",
    "Dân tộc và Tôn giáo", "Khoa học, Công nghệ",
)
_DEPT_RE = "(?:" + "|".join(re.escape(d).replace(r"\ ", r"\s+") for d in sorted(_DEPARTMENTS, key=len, reverse=True)) + ")"
_CENTRAL = re.compile(
    rf"(?<![^\W_])(?:Bộ (?:Chính trị|Ngoại giao|Công an|Quốc phòng|Tài chính|Y tế|Công Thương|Xây dựng|Nội vụ|Tư pháp|"
    rf"Giáo dục và Đào tạo|Kế hoạch và Đầu tư|Văn hóa, Thể thao và Du lịch|Nông nghiệp và Phát triển nông thôn|"
    rf"Nông nghiệp và Môi trường|Tài nguyên và Môi trường|Khoa học và Công nghệ|Thông tin và Truyền thông|"
    rf"Giao thông vận tải|Lao động - Thương binh và Xã hội|Dân tộc và Tôn giáo)|Ban Bí thư|"
    rf"Ban (?:Đối ngoại|Kinh tế|Tổ chức|Tuyên giáo|Nội chính|Dân vận)(?: và [A-ZĐ]\w+)? Trung ương|Văn phòng Chính phủ|"
    rf"Cục {_CAP}(?: [a-zđà-ỹ]+)?(?: và {_CAP}(?: [a-zđà-ỹ]+){{0,3}})?|Ủy ban Nhà nước về người Việt Nam ở nước ngoài|"
    rf"Liên hiệp các tổ chức hữu nghị(?: Việt Nam)?|Quốc hội|Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam|"
    rf"Trung tâm {_CAP}(?: (?:và )?(?:{_CAP}|[a-zđà-ỹ]+)){{0,8}}|Hiệp hội {_CAP}(?: (?:{_CAP}|[a-zđà-ỹ]+)){{0,7}}|"
    rf"Ministry of Foreign Affairs|Ministry of [A-Z][a-z]+(?: (?:and )?[A-Z][a-z]+){{0,3}})(?![^\W_])")
_TRAIL_STOP = {"để", "của", "với", "tại", "và", "trong", "cho", "đã", "sẽ", "phối", "hợp", "là", "có", "được", "đến",
               "từ", "về", "ở", "trên", "theo", "cùng", "nhằm", "tổ", "chức", "thăm", "làm", "việc", "tỉnh", "thành"}
_PROVINCIAL = re.compile(
    rf"(?<![^\W_])(?P<org>(?:Văn phòng )?(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân)|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|"
    rf"Ủy ban MTTQ(?: Việt Nam)?|Ủy ban Mặt trận Tổ quốc(?: Việt Nam)?|Công an|Bộ Chỉ huy Quân sự|"
    rf"(?:Ban Chỉ huy |BCH |Bộ Chỉ huy )?Bộ đội [Bb]iên phòng|Cổng Thông tin điện tử|Sở (?P<so>{_DEPT_RE}))"
    rf"(?P<place>[ \u00a0]+(?:(?:tỉnh|thành phố|TP\.?)[ \u00a0]+)?(?P<prov>{_CAP}(?: {_CAP}){{0,3}})|[ \u00a0]+(?:tỉnh|thành phố)(?![^\W_]))?")
_SO_LIST = re.compile(rf"(?:các|lãnh đạo các)\s+[Ss]ở\s*:\s*(?P<items>[^.;\n]+)")
_EN_ORGS = re.compile(
    rf"(?<![^\W_])(?:(?:the\s+)?(?P<a>People['’]s Committee|Party Committee|People['’]s Council|Department of Foreign Affairs)"
    rf" of (?P<pa>{_NAME})(?: province| city)?|(?P<pb>{_NAME}) (?:provincial |municipal )(?P<b>People['’]s Committee|Party Committee|"
    rf"People['’]s Council|Department of Foreign Affairs))")
_ABBR = ((re.compile(r"^(?:Ủy|Uỷ) ban nhân dân\b"), "UBND"), (re.compile(r"^Hội đồng nhân dân\b"), "HĐND"),
         (re.compile(r"^Văn phòng (?:Ủy|Uỷ) ban nhân dân\b"), "Văn phòng UBND"))
_FOREIGN_HOST = re.compile(r"(?:[Ll]ãnh sự|Đại sứ|Consul|Embassy|Ambassador)[^.\n]{0,50}(?:tại|ở|in)\s+$")


def main_province(text: str, provinces: list[ProvinceFact]) -> str | None:
    """The province the article is about: the most mentioned, not counting the seat of a foreign
    mission ("Tổng Lãnh sự Cuba tại TP.HCM"); a tie goes to the first mentioned."""
    counted = [p for p in provinces if not _FOREIGN_HOST.search(text[max(0, p.span.start - 90):p.span.start])]
    counted = counted or provinces
    counts = Counter(p.name for p in counted)
    if not counts:
        return None
    top, n = counts.most_common(1)[0]
    return counted[0].name if counts[counted[0].name] == n else top


def find_organizations(doc: str, text: str, provinces: list[ProvinceFact]) -> list[OrganizationFact]:
    """Vietnamese bodies; a provincial body without a place gets the article's main province."""
    t = tone(text)
    if len(t) != len(text):
        t = text
    body = _body_fn(text)
    main = main_province(text, provinces)
    out: list[OrganizationFact] = []
    seen: set[str] = set()

    def add(name: str, s: int, e: int, prov: str | None) -> None:
        name = re.sub(r"\s+", " ", name).strip(" ,;:")
        for rx, rep in _ABBR:
            name = rx.sub(rep, name)
        k = key(name)
        if name and k not in seen and body(s):
            seen.add(k)
            out.append(OrganizationFact(name, Span(doc, s, e, text[s:e]), prov))

    for m in _CENTRAL.finditer(t):
        toks = text[m.start():m.end()].split()
        while len(toks) > 2 and (toks[-1] in _TRAIL_STOP or (toks[-1].islower() and toks[-3:-1] == ["Việt", "Nam"])):
            toks.pop()
        name = " ".join(toks)
        add(name, m.start(), m.start() + len(name), None)

    for m in _PROVINCIAL.finditer(t):
        org = text[m.start("org"):m.end("org")]
        prov_txt = m.group("prov")
        prov = None
        if prov_txt:
            for j in range(len(prov_txt.split()), 0, -1):
                prov = gz_provinces.canonical_province(" ".join(prov_txt.split()[:j]))
                if prov:
                    break
            if prov is None and (gz_partners.lookup(prov_txt) is not None or
                                 (_valid_foreign_name(prov_txt, True) and re.match(r"[ \u00a0]+(?:tỉnh|thành phố|châu|huyện)", m.group("place")))):
                continue                                       # a foreign body ("Công an tỉnh Hủa Phăn")
        elif m.group("place") is None and org in ("Công an", "Cổng Thông tin điện tử"):
            continue                                           # needs an explicit "tỉnh"
        if prov is None and org.endswith(("Ngoại giao", "Ngoại sự")):
            continue                                           # a foreign province's department (Vietnam's are "Ngoại vụ")
        prov = prov or main
        if prov is None:
            continue
        if org.startswith(("Sở ", "Bộ đội", "BCH Bộ đội", "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thành uỷ")) or prov.startswith("Thành phố"):
            name = f"{org} {prov}"
        else:
            name = f"{org} tỉnh {prov}"
        add(name, m.start(), m.end(), prov)

    for m in _SO_LIST.finditer(t):
        if main is None:
            continue
        items_text = tone(text[m.start("items"):m.end("items")])
        items = [d.group(0) for d in re.finditer(_DEPT_RE, items_text)] or re.split(r",\s*", items_text)
        for item in items:
            item = item.strip(" .…")
            if item and item[0].isupper() and len(item.split()) <= 7:
                add(f"Sở {item} {main}", m.start("items"), m.end("items"), main)

    for m in _EN_ORGS.finditer(t):
        place = m.group("pa") or m.group("pb")
        prov = gz_provinces.canonical_province(place)
        if prov:
            add(text[m.start():m.end()].removeprefix("the ").removeprefix("The "), m.start(), m.end(), prov)
    return out


# The extractor asks for the same document's places several times (persons need them as
# boundaries, organizations need the provinces): compute each once per text.
@lru_cache(maxsize=4)
def _provinces_cached(doc: str, text: str) -> tuple[ProvinceFact, ...]:
    return tuple(_find_provinces(doc, text))


@lru_cache(maxsize=4)
def _partners_cached(doc: str, text: str) -> tuple[PartnerFact, ...]:
    return tuple(_find_partners(doc, text))


def find_provinces(doc: str, text: str) -> list[ProvinceFact]:
    """Vietnamese provinces mentioned in the body, canonical name + surface + span."""
    return list(_provinces_cached(doc, text))


def find_partners(doc: str, text: str) -> list[PartnerFact]:
    """Foreign partners mentioned in the body, in the text's own wording, with kind."""
    return list(_partners_cached(doc, text))
