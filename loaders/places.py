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
Every province and partner name is found in one pass by one automaton (loaders/automaton.py);
the words that steer the grammar are tables (loaders/data/place_words.tsv, place_compounds.tsv,
departments.tsv, read by loaders/place_words.py); the body mask is loaders.text's layout.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from loaders.automaton import Automaton, Hit
from loaders.patterns import Gated, LiteralFinder, leading_literals, required_literals
from loaders.text import layout_of
from loaders.place_words import departments, following, middle_names, related_headings, words
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
_WEAK_OK_BEFORE = re.compile(r"(?:[Tt]hành phố|TP\.?|Tp\.|Thủ đô|[Tt]ỉnh|[Cc]hâu|[Bb]ang|[Đđ]ặc khu|[Tt]hủ phủ)(?:\s+|(?<=\.))$")
_WEAK_OK_AFTER = re.compile(rf"^\s+(?:[Cc]ity|Capital|Prefecture|[Pp]rovince|Metropolitan)\b")

# Bodies in front of a foreign locality ("Sở Ngoại giao tỉnh Savannakhet"): the whole is the partner.
# This and the other window regexes that end in "$" (_ORG_BEFORE_EN, _STATE_PREFIX, _EMBASSY_VI,
# _REGION_BEFORE) are Gated: a search of a 40-120 character window before a place tries the regex at every
# start in it, where the gate is one look for the literals a match must hold, and most windows hold none.
# Their calls over 300 generated articles, CPU: 0.0091 → 0.0043 s (seventh session).
_LOWER_STOP = r"(?:tại|của|với|ở|tỉnh|thành|phố|hai|ba|bốn|năm|các|những|cùng|và|đã|sẽ|đến|từ|cho|trong|huyện|châu|về)"
_ORG_BEFORE = Gated(re.compile(
    rf"(?:Sở(?:\s+{_CAP}(?:\s+(?:và\s+)?{_CAP}|\s+(?!{_LOWER_STOP}\b)[a-zđà-ỹ]+){{0,4}})?|Công an|[Cc]hính quyền(?:\s+[Nn]hân dân)?|"
    rf"Hội đồng(?:\s+[Nn]hân dân)?|Ủy ban [Nn]hân dân|UBND|UBCQ|Ủy ban [Cc]hính quyền|Văn phòng(?:\s+{_CAP}(?:\s+[a-zđà-ỹ]+)?)?|"
    rf"Bộ Chỉ huy Quân sự|Ban Đối ngoại|Ban Ngoại vụ|Tòa thị chính|Đài Phát thanh(?:\s+và)?\s+Truyền hình|"
    rf"Đại học|Trường Đại học|Bệnh viện|Tỉnh [uủ][ỷy]|Thành [uủ][ỷy]|Đảng bộ|Ban (?:Tuyên giáo|Tổ chức|Dân vận|Kinh tế)|"
    rf"Mặt trận(?:\s+{_CAP})?(?:\s+[Xx]ây dựng\s+[Đđ]ất nước)?|Phòng Thương mại(?:\s+và\s+Công nghiệp)?|Cảnh sát|"
    rf"Bộ đội [Bb]iên phòng|Hội Liên hiệp Phụ nữ|Đoàn Thanh niên|Hội Liên hiệp Thanh niên)\s+$"))
# "Bí thư Tỉnh ủy tỉnh X", "Đại hội Đảng bộ tỉnh X": the party body is part of a title or an event;
# the partner is the province
_PARTY_TITLE_BEFORE = re.compile(r"(?:Bí thư|Ủy viên|Uỷ viên|Trưởng|Phó|Đại hội|Hội nghị)\s+$")
# bodies that are not the government of the place: universities, hospitals, chambers, associations
_CIVIL_BODY = re.compile(r"(?:Đại học|Trường|Bệnh viện|Phòng Thương mại|Hội(?!\s+đồng)|Đoàn Thanh niên)\b|.*\b(?:University|Hospital|"
                         r"Chamber of Commerce)")
# "Savannakhet Provincial Government", "Napo county’s Party Committee", "Northern Territory Legislative Council"
_ORG_AFTER_EN = re.compile(r"^(?:['’]s)?\s+(?:Provincial\s+|Municipal\s+|City\s+|Prefectural\s+|Legislative\s+)?"
                           r"(?:People['’]s Committee|Government|"
                           r"Metropolitan Government|Department of Foreign Affairs|Foreign Affairs Department|Assembly|"
                           r"Party Committee|Council|University|Hospital|Chamber of Commerce(?: and Industry)?|Police|"
                           r"Military Command|Border Guard|Department of [A-Z][a-z]+(?: and [A-Z][a-z]+)?)\b")
_ORG_BEFORE_EN = Gated(re.compile(r"(?:(?:the\s+)?(?:Department of Foreign Affairs|Foreign Affairs Department|"
                            r"Government|People['’]s Committee|Assembly|Council|Office) of\s+(?:the\s+)?)$"))

# A state prefix kept in the country's surface ("Cộng hòa Bungari", "Vương quốc Campuchia").
_STATE_PREFIX = Gated(re.compile(
    r"(?:(?:Cộng hòa|Cộng hoà)(?:\s+(?:[Dd]ân chủ\s+[Nn]hân dân|[Nn]hân dân|[Ll]iên bang|[Xx]ã hội chủ nghĩa|"
    r"[Dd]ân chủ|Hồi giáo|Ả Rập))?|Vương quốc|Liên bang|Đại công quốc|Nhà nước|(?:the\s+)?(?:Republic|Kingdom|"
    r"Federation|State|Commonwealth|Federal Republic|People['’]s Republic|Democratic Republic|Lao People['’]s Democratic Republic) of)\s+$"))

_EMBASSY_VI = Gated(re.compile(r"(?:(?:Tổng\s+)?(?:[Ll]ãnh sự quán|Đại sứ quán|[Ss]ứ quán)|ĐSQ|TLSQ)\s+(?:nước\s+)?$"))
_EMBASSY_EN_BEFORE = re.compile(r"(?:(?:Embassy|Consulate(?:[- ]General)?)\s+of\s+(?:the\s+)?)$")
_EMBASSY_EN_AFTER = re.compile(r"^\s+(?:Embassy|Consulate(?:[- ]General)?)\b")
_EMBASSY_WHERE = re.compile(r"^\s+(?:tại|ở|in)\s+")

# Friendship associations and other civil bodies named for a foreign place ("Hội Hữu nghị … Quảng Tây").
_NGO_BEFORE = re.compile(
    rf"(?:Hội|Hiệp hội|Quỹ|Liên hiệp|Liên đoàn)(?!\s+(?:nghị|thảo|chợ|đàm|đồng|trường|nhập|diễn|viên|xuân|thi))"
    rf"(?:\s+(?!(?:với|tại|của|giữa|và|cho|ở|từ|đến|về|các|hai)\b)[{_UP}a-zđà-ỹ]{_W}*){{1,6}}\s+$")

# Regions of a country named in the plural ("các tỉnh Nam Trung Lào", "các tỉnh Bắc Lào").
_REGION_BEFORE = Gated(re.compile(r"(?:(?:các|những|\d+)\s+)?tỉnh\s+(?:(?:Bắc|Nam|Trung|Đông|Tây|Thượng|Hạ)\s+){1,3}$"))



@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    """Family names from the person grammar's table (loaders/data/surnames.tsv), with and without accents."""
    names = set(column("surnames.tsv", "surname")) - {""}
    return frozenset(names | {strip_accents(n) for n in names})


@lru_cache(maxsize=1)
def _person_words() -> frozenset[str]:
    return _surnames() | middle_names()


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    return frozenset(column("demonyms.tsv", "word"))


# The gazetteer look-ups, once per name and process: the finders ask the same names of every article
# ("Hà Nội", "Savannakhet", "Sở Ngoại vụ …"), and a name the partner table does not hold (most of them)
# is spelled again through tone() and the state-form regex at each miss. 3,481 look-ups per 300
# generated articles, 287 distinct names; their CPU 0.0022 → 0.0005 s from a cold cache (seventh session).
_partner = lru_cache(maxsize=16384)(gz_partners.lookup)
_province_name = lru_cache(maxsize=16384)(gz_provinces.canonical_province)


# ---------------------------------------------------------------------------------------------
# the gazetteers, one automaton

@dataclass(frozen=True)
class _Province:
    canonical: str


@lru_cache(maxsize=1)
def _gazetteer() -> Automaton:
    """One automaton over every province and partner surface (loaders/automaton.py): a text is scanned
    once for both, and where a province and a partner name overlap the longer wins ("Lào Cai")."""
    names: list[tuple[str, object]] = []
    for surface, canon in gz_provinces.surfaces():
        forms = [surface]
        if " " in surface and not surface.isascii():
            head, *rest = surface.split(" ")
            forms += [surface.upper(), " ".join([head] + [w.lower() for w in rest])]  # "tỉnh Lạng sơn": see below
        names.extend((f, _Province(canon)) for f in forms)
    names.extend((e.surface, e) for e in gz_partners.entries())
    return Automaton(names)


@lru_cache(maxsize=4)
def _gazetteer_hits(t: str) -> tuple[Hit, ...]:
    return tuple(_gazetteer().scan(t))


class _Heads:
    """Where the heads of several head-led regexes (``_HeadLed``) start in a text: every occurrence of every
    head, overlapping ones included, found in one pass (``LiteralFinder``) per text and shared by them.

    Why one pass: each head-led regex searching the text for its own heads stopped at every character that
    starts one of them; over 300 generated articles the four regexes' heads cost 0.0189 CPU-s in four searches,
    0.0123 in one (seventh session)."""

    def __init__(self) -> None:
        self._words: set[str] = set()
        self._finder: LiteralFinder | None = None
        self._last: tuple[str | None, dict[str, list[int]]] = (None, {})   # one attribute: set in one step

    def add(self, words: frozenset[str]) -> None:
        self._words |= words
        self._finder, self._last = None, (None, {})    # made again at the next text

    def starts(self, text: str) -> dict[str, list[int]]:
        """{word: ascending starts} of the words in ``text`` (the last text's answer is kept: the finders ask in turn)."""
        last = self._last
        if last[0] is not text:
            if self._finder is None:
                self._finder = LiteralFinder(self._words)
            last = self._last = (text, self._finder.find_all(text))
        return last[1]


_HEADS = _Heads()


class _HeadLed:
    r"""``finditer`` of a regex every match of which starts with one of a few literal heads (its
    ``leading_literals``): the regex is tried only where a head starts (``match``), in text order, skipping the
    heads inside the match before: the matches ``finditer`` gives. The heads are found by ``_HEADS``.

    Why: a regex that opens with assertions ("(?=[TtCc…])(?<![^\W_])") cannot use re's own skip to its first
    characters, and those (t, c, h …) are a good part of a Vietnamese text's, so it was tried at most positions;
    a trie of literal words is a branch of literals, which re skips through by their first characters itself and
    drops at the second. Over 300 generated articles, CPU (seventh session), each with its own trie search:
    _HEAD_NAME_VI 0.0191 → 0.0073 s, _PROVINCIAL 0.0071 → 0.0038, _CENTRAL 0.0055 → 0.0027, _HEAD_OF_EN
    0.0056 → 0.0040 (the last three were Gated: the heads are their gate now); the same matches on 1,129 texts
    (generated, seeds, dev, pool). Not for a regex whose heads are rare in any case (_ORG_BY_ACRONYM: 0.0009
    Gated, 0.0041 head-led)."""

    def __init__(self, rx: re.Pattern, heads: _Heads = _HEADS):
        words = leading_literals(rx.pattern, rx.flags)
        if not words:
            raise ValueError(f"no literal start: {rx.pattern[:60]!r}")
        self.rx, self._words, self._heads = rx, words, heads
        heads.add(words)

    def finditer(self, text: str) -> Iterator[re.Match]:
        words = self._words
        starts = sorted({at for w, ats in self._heads.starts(text).items() if w in words for at in ats})
        match, last = self.rx.match, 0
        for at in starts:
            if at >= last:
                m = match(text, at)
                if m is not None:
                    yield m
                    last = m.end()


class _Gates(_Heads):
    """The literal gates of several regexes that run over whole articles and seldom match, looked for in one
    search of the trie of all their literals per text (the shared pass of ``_Heads``), where each Gated regex
    searched the text for its own.

    Why: those searches stop at every character that starts some literal, and these regexes' literals
    ("city", "states", "charity" …) start with letters frequent in any text. _NAME_HEAD_EN, _LISTED_EN and
    _NGO_DEFINED's gates over 300 generated articles: 0.0109 CPU-s in three searches, 0.0074 in one. One
    ``LiteralFinder`` pass gives where each literal starts too (for ``_Gated``'s stretches)."""

    def gated(self, rx: re.Pattern, breaker: re.Pattern | None = None) -> "_Gated":
        """``rx`` behind its literals; with ``breaker``, a class of characters no match holds (see ``_Gated``)."""
        lits = required_literals(rx.pattern, rx.flags, fold=False)
        if not lits or rx.flags & re.IGNORECASE:
            raise ValueError(f"no literal gate: {rx.pattern[:60]!r}")
        if breaker is not None and any(breaker.search(w) for w in lits):
            raise ValueError(f"a literal holds a breaker: {rx.pattern[:60]!r}")
        self.add(frozenset(lits))
        return _Gated(rx, frozenset(lits), self, breaker)

    def found(self, text: str) -> frozenset[str]:
        """The literals present in ``text``."""
        return frozenset(self.starts(text))


class _Gated:
    """One regex behind its share of a ``_Gates``: ``finditer`` answers as the regex's own.

    With a ``breaker`` (a class of characters that no match holds), the regex runs only over the stretches of
    text between two breakers that hold one of its literals: a match lies in one such stretch, and the regex
    sees the same text there (``pos``/``endpos`` keep what is before for lookbehinds; at ``endpos`` a lookahead
    sees the end where the text has a breaker: neither is a letter). Why: _NAME_HEAD_EN, tried from every
    capital of an English article, is run only around its head words. _NAME_HEAD_EN, _LISTED_EN and _NGO_DEFINED
    over 300 generated articles, CPU (three runs, seventh session): each Gated 0.0181-0.0205 s, one shared
    literal pass and the stretches 0.0111-0.0133; the same matches of _NAME_HEAD_EN on 1,129 texts."""

    def __init__(self, rx: re.Pattern, literals: frozenset[str], gates: _Gates, breaker: re.Pattern | None = None):
        self.rx, self._literals, self._gates, self._breaker = rx, literals, gates, breaker

    def finditer(self, text: str) -> Iterator[re.Match]:
        lits = self._literals
        at = sorted(a for w, starts in self._gates.starts(text).items() if w in lits for a in starts)
        if not at:
            return iter(())
        return self.rx.finditer(text) if self._breaker is None else self._stretches(text, at)

    def _stretches(self, text: str, at: list[int]) -> Iterator[re.Match]:
        breaker, n, rev, done = self._breaker, len(text), text[::-1], 0
        for q in at:
            if q < done:
                continue                               # in the stretch just read
            after = breaker.search(text, q)
            before = breaker.search(rev, n - q)        # the last breaker before q, read backwards
            lo, done = (n - before.start() if before else 0), (after.start() if after else n)
            yield from self.rx.finditer(text, lo, done)


_EN_GATES = _Gates()


# "TP.Yongin", "TP.HCM": the press glues a name to an abbreviated head with its dot
_HEAD_NAME_VI = _HeadLed(re.compile(rf"(?<![^\W_])(?P<head>{_VI_HEADS})(?:[ \u00a0]+|(?<=\.))(?P<name>{_NAME})"))
_NAME_EN = rf"{_CAP}(?:[ \u00a0]+(?:(?:del|de|la|da|do|dos|das|von|van|der|di|el)[ \u00a0]+)?{_CAP})*{_KOREAN_TAIL}?"
_NAME_HEAD_EN = _EN_GATES.gated(re.compile(rf"(?=[{_UP}])(?<![^\W_])(?P<name>{_NAME_EN})[ \u00a0]+(?P<head>{_EN_HEADS})(?![^\W_])"),
                                breaker=re.compile(r"[^\w\s'’\-–—]|_"))   # a name: letters, digits, ' ’ - – — and spaces
_HEAD_OF_EN = _HeadLed(re.compile(rf"(?=[PpCcDdSsTt])(?<![^\W_])(?:[Pp]rovince|[Pp]refecture|[Cc]ity|[Cc]ounty|[Dd]istrict|[Ss]tate|[Tt]own|department)"
                         rf"[ \u00a0]+of[ \u00a0]+(?P<name>{_NAME})"))


# ---------------------------------------------------------------------------------------------
# the body mask is the shared layout's (loaders/text.py; furniture markers in boilerplate.tsv), plus the
# one thing it cannot say yet: a "related stories" heading opens a block of other headlines that ends at
# the next paragraph-length line ("Tin liên quan" in mid-article; seed 001 has body after two of them).
# Made a line marker, the headlines below it would be read as body; made a tail, the rest of the
# article would be lost. This goes when Layout has a block role.

@lru_cache(maxsize=1)
def _related() -> re.Pattern:
    return re.compile(r"^\s*\|?\s*(?:" + "|".join(re.escape(h) for h in related_headings()) + ")", re.I)


_PARAGRAPH = 200                       # characters: a headline is shorter, a paragraph of body is longer


def _related_blocks(text: str) -> list[tuple[int, int]]:
    blocks: list[tuple[int, int]] = []
    pos, start = 0, None
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        stripped = line.strip()
        if start is not None and len(stripped) >= _PARAGRAPH:
            blocks.append((start, s))
            start = None
        if start is None and len(stripped) < 80 and _related().match(stripped):
            start = s
    if start is not None:
        blocks.append((start, len(text)))
    return blocks


@lru_cache(maxsize=4)
def _body_fn(text: str):
    layout_body = layout_of(text).is_body
    blocks = _related_blocks(text)
    if not blocks:
        return layout_body
    return lambda off: layout_body(off) and not any(s <= off < e for s, e in blocks)


# ---------------------------------------------------------------------------------------------
# token helpers

@lru_cache(maxsize=1)
def _TITLE_BEFORE() -> re.Pattern:
    """A title head shortly before a place: the place belongs to an office whose holder follows."""
    heads = sorted(set(column("titles.tsv", "head")), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(h) for h in heads) + r")\b[^,.;:\n]*$", re.I)


_VI_DIACRITIC = re.compile(r"[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵấầẩẫậắằẳẵặếềểễệốồổỗộớờởỡợứừửữự]", re.I)


# _prev_word and _next_word give what re.search(r"(\S+)[ \u00a0]+$", window) and re.match(r"[ \u00a0]+(\S+)", window)
# give (tests/test_speed_rewrites.py compares them), with str methods: the search tried every position of
# the window with backtracking, ~3,600 calls per 300 articles.
def _prev_word(t: str, start: int) -> str:
    """The word right before ``start`` when only spaces separate them, else ''."""
    w = t[max(0, start - 40):start]
    if w.endswith("\n"):                 # "$" also matches before a final newline
        w = w[:-1]
    r = w.rstrip(" \u00a0")
    if len(r) == len(w) or not r or r[-1].isspace():
        return ""
    word = r.rsplit(None, 1)[-1]
    return word if word[-1].isalnum() else ""


def _next_word(t: str, end: int) -> str:
    w = t[end:end + 40]
    rest = w.lstrip(" \u00a0")
    if len(rest) == len(w) or not rest or rest[0].isspace():
        return ""
    return rest.split(None, 1)[0]


def _is_cap(w: str) -> bool:
    return bool(w) and w[0].isupper() and w[0].isalpha()


def _sentence_initial(t: str, start: int) -> bool:
    before = t[max(0, start - 3):start]
    return start == 0 or bool(re.search(r"(?:^|[.!?:\n\"“”]\s*|\n)$", t[max(0, start - 3):start])) or before.endswith("\n")


_NOT_SPACE = re.compile(r"\S")


def _truncated(t: str, end: int) -> bool:
    """A name that runs into the end of the text was cut by the page store ("tỉnh Hủa Ph")."""
    return _NOT_SPACE.search(t, end) is None          # = not t[end:].strip(), without copying the rest


def _direction_before(t: str, start: int, prev: str) -> bool:
    """ "Nam Lào", "Đông Bắc Campuchia": a direction names a region of the country, unless it ends a
    person's name ("Nguyễn Văn Nam Lào …")."""
    if prev not in words("direction"):
        return False
    before = _prev_word(t, start - len(prev) - 1)
    return not (before in _person_words() and _is_cap(before))


def _vi_province(name: str) -> bool:
    return _province_name(name) is not None or key(name) in gz_provinces.district_keys()


# ---------------------------------------------------------------------------------------------
# provinces

@lru_cache(maxsize=1)
def _province_exact() -> frozenset[str]:
    """Province surfaces as the gazetteer writes them (and in capitals): any other case is a variant."""
    return frozenset(_case_key(f) for sf, _ in gz_provinces.surfaces() for f in (sf, sf.upper()))


@lru_cache(maxsize=4096)            # the same province surfaces in every article: folded once each
def _case_key(s: str) -> str:
    """Spaces and hyphens folded, case kept: "Bà Rịa - Vũng Tàu" = "Bà Rịa-Vũng Tàu" ≠ "Bà rịa-Vũng tàu"."""
    return re.sub(r"[\s\u00a0\-–—‐]+", " ", s).strip()


@lru_cache(maxsize=4)
def _toned(text: str) -> str:
    """The text with new-style tone marks, same length (spans index the original); the text as it is
    when it is not NFC (composing would shift the spans). Made once per text for the three finders."""
    t = tone(text)
    return t if len(t) == len(text) else text


# abbreviated ward, commune, district, town ("P.", "X.", "Q.", "H.", "TT.") right before a name; not "TP."
_ADMIN_ABBR_BEFORE = re.compile(r"(?<![A-Za-zĐđ])(?:P|X|Q|H|TT)\.[ \u00a0]?$")
_HEADED_LOWER = re.compile(r"(?:[Tt]ỉnh|[Tt]hành phố|TP\.?)[ \u00a0]+$")


def _find_provinces(doc: str, text: str) -> list[ProvinceFact]:
    """Vietnamese provinces mentioned in the body, canonical names, in text order."""
    t = _toned(text)
    body = _body_fn(text)
    out: list[ProvinceFact] = []
    for hit in _gazetteer_hits(t):
        if not isinstance(hit.value, _Province):
            continue
        s, e = hit.start, hit.end
        surface = t[s:e]
        canon = hit.value.canonical
        if not body(s):
            continue
        prev = _prev_word(t, s)
        if _case_key(surface) not in _province_exact() and not _HEADED_LOWER.search(t[max(0, s - 12):s]):
            continue                                   # "Lạng sơn" is a typo after "tỉnh", "Hòa bình" is peace
        if prev in _person_words() and _is_cap(prev) and not surface.isupper():
            continue                                   # "Nguyễn Thị Huế", "Thái Bình Dương"
        if prev in words("vn_admin_before") and not (prev == "phố" and _prev_word(t, s - len(prev) - 1) in ("thành", "Thành")):
            continue                                   # a street, ward or river named for the province
        if _ADMIN_ABBR_BEFORE.search(t, max(0, s - 4), s):
            continue                                   # "P.Long An", "X. Hòa Bình": a ward or commune
        block = following("province_block", surface) or following("province_block", canon)
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
    if not name or key(name) in gz_partners.home_keys():
        return False                                   # "4 tỉnh Việt Nam": home, not abroad
    if _vi_province(name) or name in words("continent") or name in words("vi_not_name") or name in words("en_not_name"):
        return False
    first = name.split()[0]
    if first in words("vi_not_name") or first in words("en_not_name"):
        return False
    if first in _person_words() and _partner(name) is None:
        return False                                   # "UBND tỉnh Phạm Ngọc Nghị": a person after the title
    if name in _demonyms() or first in _demonyms():
        return False
    if _partner(name) is not None and _partner(name).kind == "country":
        return False
    if re.search(r"\d", name):
        return False
    toks = name.split()
    if any((e := _partner(" ".join(toks[i:])) ) is not None and e.kind == "country" for i in range(1, len(toks))):
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
        entry = _partner(first)
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


_LIST_NAME = rf"{_CAP}(?:[ \u00a0]+{_CAP}){{0,2}}"
_LIST = rf"(?P<list>{_LIST_NAME}(?:\s*,\s*{_LIST_NAME})*(?:\s*,?\s+(?:and|và)\s+{_LIST_NAME})?)"
_LISTED_EN = _EN_GATES.gated(re.compile(rf"(?=[A-Z])(?<![^\W_])(?P<adj>[A-Z][a-z]+)\s+(?:localities|provinces|cities|regions|states|prefectures|"
                        rf"counties|municipalities)\s+(?:like|such as|including|namely)\s+{_LIST}"))
_LISTED_VI = re.compile(rf"(?:địa phương|tỉnh|thành phố|bang|vùng|tỉnh, thành)\s+(?:của\s+|thuộc\s+|bạn\s+)?"
                        rf"(?P<country>{_CAP}(?:[ \u00a0]+{_CAP}){{0,2}})\s+(?:như|gồm|là)\s*:?\s+{_LIST}")


def _listed_localities(t: str, body, cands: list, prov_spans: list[tuple[int, int]]) -> list:
    """Places named in a list after their country: "Russian localities like Yaroslavl, Nizhegorod and
    Briansk", "các địa phương của Nga như A, B và C". Each listed name that is not Vietnamese is a
    foreign locality of that country."""
    out = []
    for rx in (_LISTED_EN, _LISTED_VI):
        for m in rx.finditer(t):
            if not body(m.start()):
                continue
            if rx is _LISTED_EN:
                iso = gz_partners.demonym_country(m.group("adj"))
            else:
                e = _partner(m.group("country"))
                iso = e.country if e is not None and e.kind == "country" else None
            if not iso or iso == "VN":
                continue
            for item in re.finditer(_LIST_NAME, m.group("list")):
                s, e = m.start("list") + item.start(), m.start("list") + item.end()
                name = item.group(0)
                if name in ("and", "và") or any(a <= s < b for a, b in prov_spans):
                    continue
                entry = _partner(name)
                if entry is None and not _valid_foreign_name(name, True):
                    continue
                if entry is not None and entry.kind != "foreign_locality":
                    continue
                canon = entry.canonical if entry else None
                out.append(_Cand(s, e, "foreign_locality", canon, iso, group=canon or key(name),
                                 from_gazetteer=entry is not None))
    return out


_DEMONYM_MISSION = re.compile(r"(?=[A-Z])(?<![^\W_])(?P<adj>[A-Z][a-z]+|U\.S\.?)\s+(?:Embassy|Consulate(?:[- ]General)?)\b")
# An unknown body defined as a foreign NGO ("GPI là tổ chức phi chính phủ Hàn Quốc", "X is a Korean
# non-governmental organisation") or named by acronym after "Tổ chức" ("Tổ chức GPI").
_ACRONYM = r"[A-Z][A-Z0-9&]{1,7}(?![^\W_])"
_NGO_DEFINED = _EN_GATES.gated(re.compile(rf"(?<![^\W_])(?P<name>{_ACRONYM}|{_CAP}(?:[ \u00a0]+{_CAP}){{0,4}})\s*(?:,\s*)?(?:là|is)\s+"
                          rf"(?:một\s+|an?\s+)?(?:tổ chức\s+(?:phi chính phủ|phi lợi nhuận|từ thiện)|"
                          rf"(?:international\s+|[A-Z][a-z]+\s+)?(?:non-governmental|non-profit|NGO\b|charity))"))
_NATIONALITY = re.compile(rf"/(?P<c>{_CAP}(?:[ \u00a0]+{_CAP})?)")
_ORG_BY_ACRONYM = Gated(re.compile(rf"(?<![^\W_])[Tt]ổ chức[ \u00a0]+(?P<name>{_ACRONYM})"))
_COUNTRY_OFFICE = re.compile(r"[ \u00a0]+(?:Việt Nam|Vietnam|Viet Nam)(?![^\W_])")


def _defined_ngos(t: str, body) -> list:
    """Bodies the text itself calls foreign NGOs, and every mention of them by the same name."""
    names = set()
    for m in _NGO_DEFINED.finditer(t):
        name = m.group("name")
        if body(m.start()) and name not in words("vi_not_name") and not _vi_province(name) \
                and _partner(name) is None and key(name) not in gz_partners.home_keys():
            names.add(name)
    out = []
    for m in _ORG_BY_ACRONYM.finditer(t):
        name = m.group("name")
        if body(m.start()) and name not in words("vi_not_name") and _partner(name) is None:
            names.add(name)
            nation = _NATIONALITY.match(t, m.end())        # "Tổ chức VCF/Mỹ tại Việt Nam": named with its country
            entry = _partner(nation.group("c")) if nation else None
            if entry is not None and entry.kind == "country":
                end = _with_seat(t, nation.end(), [])
                out.append(_Cand(m.start(), end, "ngo", name, entry.country, group="ngo:" + key(name) + ":full",
                                 from_gazetteer=False))
    for name in names:
        for m in re.finditer(rf"(?<![^\W_]){re.escape(name)}(?![^\W_])", t):
            if body(m.start()):
                out.append(_Cand(m.start(), m.end(), "ngo", name, None, group="ngo:" + key(name), from_gazetteer=False))
    return out


def _with_seat(t: str, end: int, prov_spans: list[tuple[int, int]]) -> int:
    """The end of a mission's name with its seat, when one follows: "… tại (thành phố) Hồ Chí Minh",
    "… in Vietnam"; else ``end``."""
    w = _EMBASSY_WHERE.match(t[end:end + 20])
    if not w:
        return end
    at = end + w.end()
    head = re.match(r"(?:[Tt]hành phố|[Tt]ỉnh|TP\.?)[ \u00a0]+", t[at:at + 12])
    for a in (at, at + head.end()) if head else (at,):
        place = next((b for s, b in prov_spans if s == a), None)
        if place is not None:
            return place
    home = re.match(r"Việt Nam|Vietnam|Viet Nam", t[at:at + 10])
    return at + home.end() if home else end


def _mission_group(surface: str, country: str | None) -> str:
    """One group per mission of a country: "Đại sứ quán Trung Quốc" = "Đại sứ quán Trung Quốc tại Việt
    Nam", "Consulate General of India" = "Indian Consulate General in …"; a consulate is not the embassy."""
    low = surface.lower()
    kind = ("consulate-general" if re.search(r"tổng\s+lãnh sự|consulate[- ]general|tlsq", low) else
            "consulate" if re.search(r"lãnh sự|consulate", low) else "embassy")
    return f"emb:{kind}:{country or key(surface)}"


_BARE_HEAD = re.compile(rf"^{_VI_HEADS}\s+")      # compiled once: the f-string made a new key for re's cache each call
_BARE_TAIL = re.compile(rf"\s+{_EN_HEADS}$")


def _find_partners(doc: str, text: str) -> list[PartnerFact]:
    """Foreign countries, localities, organisations, embassies and NGOs, in the text's wording."""
    t = _toned(text)
    body = _body_fn(text)
    prov_spans = [(p.span.start, p.span.end) for p in find_provinces(doc, text)]
    cands: list[_Cand] = []

    def inside_province(s: int, e: int) -> bool:
        return any(a <= s and e <= b and (a, b) != (s, e) or (a <= s and e <= b) for a, b in prov_spans)

    # 1. gazetteer surfaces
    raw: list[tuple[int, int, gz_partners.Entry]] = []
    for hit in _gazetteer_hits(t):
        entry = hit.value
        if not isinstance(entry, gz_partners.Entry) or not body(hit.start) or inside_province(hit.start, hit.end):
            continue
        raw.append((hit.start, hit.end, entry))
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
            if (_is_cap(prev) and prev in _person_words() and not _REGION_BEFORE.search(t[max(0, s - 60):s])) or (prev in words("vn_admin_before") and not _WEAK_OK_BEFORE.search(t[max(0, s - 20):s])):
                continue
            if " " not in surface and "-" not in surface and not surface.isascii():
                # one Vietnamese syllable ("Nga", "Lào", "Đức"): not inside a longer proper name
                region = _REGION_BEFORE.search(t[max(0, s - 60):s])
                if (_is_cap(prev) and not _sentence_initial(t, s) and not _STATE_PREFIX.search(t[max(0, s - 80):s])
                        and not region and not _direction_before(t, s, prev)) or \
                        (_is_cap(nxt) and not re.match(r"[ \u00a0]+\S+[,.;:)]", t[e:e + 40]) and nxt[0].isalpha()
                         and not re.match(r"[ \u00a0]*[,.;:)(\-–]", t[e:e + 3])):
                    continue
                if nxt.strip(",.;:)") in following("compound", surface):
                    continue
                if prev.lower() in ("tiếng", "chữ", "người") and surface in ("Anh", "Ý", "Nhật", "Pháp", "Đức", "Nga"):
                    continue
        if entry.weak:
            ok = (_WEAK_OK_BEFORE.search(t[max(0, s - 20):s]) or _WEAK_OK_AFTER.match(t[e:e + 20])
                  or (entry.kind == "foreign_locality" and _list_neighbour_country(
                      t, s, e, [(a, b) for a, b, en in raw if en.kind == "foreign_locality" and not en.weak]))
                  or (entry.kind == "country" and (re.search(r"(?:nước|Vương quốc)\s+$", t[max(0, s - 15):s])
                                                   or _EMBASSY_VI.search(t[max(0, s - 40):s])
                                                   or _list_neighbour_country(t, s, e, [x for x in country_spans if x != (s, e)]))))
            if not ok:
                continue
        if entry.kind in ("ngo", "international_org"):
            office = _COUNTRY_OFFICE.match(t, e)       # "World Vision Vietnam": the body's office here
            e = office.end() if office else e
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
            if toks[i] in _surnames() and _partner(" ".join(toks[:i + 1])) is None:
                cut = i
                break
        if cut is None and len(toks) > 1 and _partner(name) is None:
            for i in range(len(toks) - 1, 0, -1):
                prefix = " ".join(toks[:i])
                if _partner(prefix) is not None or prefix in all_names:
                    cut = i
                    break
        if cut is None and len(toks) >= 3 and _partner(name) is None and _TITLE_BEFORE().search(
                t[max(0, m.start() - 50):m.start()]):
            # "Chủ tịch Hội đồng thành phố Plovdiv Ivan Petrov": a title's place, then its holder's name;
            # a Latin-script place name is one word, a Vietnamese transliteration two syllables
            cut = 1 if not _VI_DIACRITIC.search(toks[0]) else 2
        if cut is not None:
            name = " ".join(toks[:cut])
        s, e = m.start(), m.start("name") + len(name)
        if not body(s) or inside_province(m.start("name"), e) or _truncated(t, e) or any(
                a == m.start("name") or a <= s < b for a, b in prov_spans):
            continue                                   # "tỉnh Điện Biên Mùa A Sơn", "Lai Châu Giàng Páo"
        head = m.group("head")
        if head.lower() == "châu" and name in words("continent"):
            continue
        entry = _partner(name)
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
            if _partner(name) is None:       # "province of Champasak Vilayvong Bouddakham"
                toks = name.split()
                name = next((" ".join(toks[:i]) for i in range(len(toks) - 1, 0, -1)
                             if _partner(" ".join(toks[:i])) is not None), name)
            ne = ns + len(name)
            if _truncated(t, ne):
                continue
            if inside_province(ns, ne) or _vi_province(name) or key(name) in gz_provinces.district_keys() \
                    or any(a == ns for a, _ in prov_spans):
                continue                               # "province of Quảng Ngãi Định Thị Hồng Minh": home
            entry = _partner(name)
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
            if m and re.match(r"(?:Tỉnh|Thành|Đảng|Ban)\b", m.group()) and _PARTY_TITLE_BEFORE.search(before[:m.start()]):
                m = None
            if m and (c.headed or c.from_gazetteer):
                kind = "ngo" if _CIVIL_BODY.match(m.group()) else "foreign_locality"
                ext.append(_Cand(c.start - (len(before) - m.start()), c.end, kind, None, c.country,
                                 group="org:" + key(t[c.start - (len(before) - m.start()):c.end])))
            m2 = _ORG_AFTER_EN.match(after)
            if m2:
                kind = "ngo" if _CIVIL_BODY.match(m2.group().strip()) else "foreign_locality"
                ext.append(_Cand(c.start, c.end + m2.end(), kind, None, c.country,
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
                en = _with_seat(t, c.end + (m_after.end() if m_after else 0), prov_spans)
                ext.append(_Cand(st, en, "embassy", None, c.country, group=_mission_group(t[st:en], c.country)))
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
    # English "Japanese Embassy" ("Embassy of Vietnam" is not a partner: Vietnam is not in the gazetteer)
    for m in _DEMONYM_MISSION.finditer(t) if ("Embassy" in t or "Consulate" in t) else ():
        iso = gz_partners.demonym_country(m.group("adj"))
        if iso and iso != "VN" and body(m.start()):
            en = _with_seat(t, m.end(), prov_spans)
            ext.append(_Cand(m.start(), en, "embassy", None, iso, group=_mission_group(t[m.start():en], iso)))
    ext.extend(_listed_localities(t, body, cands, prov_spans))
    ext.extend(_defined_ngos(t, body))
    cands.extend(ext)

    # 4. longest match wins; nested and overlapping shorter candidates go, except the place that a body,
    # an embassy, an association or a region is named for: "Đại sứ quán Đức" names Germany too, and
    # "Công an tỉnh X" the province X (the gold lists both)
    def container(k: _Cand) -> bool:
        return bool(k.group) and k.group.startswith(("org:", "emb:", "ngo:", "reg:"))

    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[_Cand] = []
    for c in sorted(cands, key=lambda c: -(c.end - c.start)):
        holders = [k for k in kept if k.start < c.end and c.start < k.end]
        if holders and not (c.kind in ("country", "foreign_locality") and not container(c) and all(
                container(k) and k.start <= c.start and c.end <= k.end for k in holders)):
            continue
        kept.append(c)
    kept.sort(key=lambda c: c.start)

    # 5. typo variants of an unknown name ("Staza Zagora" beside "Stara Zagora") go
    def unknown(c: _Cand) -> bool:
        return c.kind == "foreign_locality" and not c.from_gazetteer and not c.group.startswith(("org:", "reg:"))

    def bare(c: _Cand) -> str:
        s = t[c.start:c.end]
        return _BARE_TAIL.sub("", _BARE_HEAD.sub("", s))

    drop = set()
    if any(map(unknown, kept)):                        # most articles have no unknown name: nothing to compare
        from rapidfuzz import fuzz

        bares = [key(bare(c)) for c in kept]          # each candidate's once (the loop below is quadratic)
        counts = Counter(bares)
        for c, b in zip(kept, bares):
            if not unknown(c):
                continue
            for d, db in zip(kept, bares):
                if d is c or db == b or d.kind != "foreign_locality" or d.group.startswith(("org:", "reg:")):
                    continue
                if fuzz.ratio(b, db) >= 85 and (d.from_gazetteer or counts[db] > counts[b]):
                    drop.add(id(c))
    kept = [c for c in kept if id(c) not in drop]

    # a place kept inside its body goes when the same place is also named on its own
    def nested(c: _Cand) -> bool:
        return any(k is not c and container(k) and k.start <= c.start and c.end <= k.end for k in kept)

    nests = [nested(c) for c in kept]                  # once each: the test is quadratic
    alone = {c.group for c, n in zip(kept, nests) if not n}
    kept = [c for c, n in zip(kept, nests) if not (c.group in alone and n)]
    # 6. a bare locality goes when the same place is also written with its head word
    headed_groups = {c.group for c in kept if c.headed}
    kept = [c for c in kept if c.headed or c.kind != "foreign_locality" or c.group not in headed_groups]
    # one surface per country and per mission: the longest ("Republic of Korea" over "RoK",
    # "Đại sứ quán Trung Quốc tại Việt Nam" over "Đại sứ quán Trung Quốc")
    # and one per organisation, by its acronym when the text uses one ("WB" over "Ngân hàng Thế giới"):
    # an article that names the body once in full and then by acronym is read by its acronym
    one = ("country", "embassy", "international_org", "ngo")

    def rank(c: _Cand) -> tuple[bool, int]:
        acronym = c.kind in ("international_org", "ngo") and t[c.start:c.end].isupper()
        return (acronym, c.end - c.start)

    best: dict[str, _Cand] = {}
    for c in kept:
        if c.kind in one and c.group:
            b = best.get(c.group)
            if b is None or rank(c) > rank(b):
                best[c.group] = c
    kept = [c for c in kept if c.kind not in one or not c.group or best.get(c.group) is c]
    # and one surface per foreign locality, its first: "thành phố Kawasaki" … "TP Kawasaki", "tỉnh Svay
    # Riêng" … "tỉnh Svay Rieng" are one partner (the gold lists a partner once, in its first wording)
    first: dict[str, _Cand] = {}
    for c in kept:
        if c.kind == "foreign_locality" and c.group:
            first.setdefault(c.group, c)
    kept = [c for c in kept if c.kind != "foreign_locality" or not c.group or first[c.group] is c]

    out: list[PartnerFact] = []
    seen: set[str] = set()
    for c in kept:
        surface = text[c.start:c.end]
        low = lower_key(surface)
        if low in seen:                                # "Tỉnh X" at a sentence start is "tỉnh X"
            continue
        seen.add(low)
        canon = c.canonical or surface
        out.append(PartnerFact(surface, c.kind, Span(doc, c.start, c.end, surface), c.country, canon))
    return out


# ---------------------------------------------------------------------------------------------
# Vietnamese organisations

_DEPT_RE = "(?:" + "|".join(re.escape(d).replace(r"\ ", r"\s+") for d in departments()) + ")"
_CENTRAL = _HeadLed(re.compile(
    rf"(?=[BVCỦLQTHM])(?<![^\W_])(?:Bộ (?:Chính trị|Ngoại giao|Công an|Quốc phòng|Tài chính|Y tế|Công Thương|Xây dựng|Nội vụ|Tư pháp|"
    rf"Giáo dục và Đào tạo|Kế hoạch và Đầu tư|Văn hóa, Thể thao và Du lịch|Nông nghiệp và Phát triển nông thôn|"
    rf"Nông nghiệp và Môi trường|Tài nguyên và Môi trường|Khoa học và Công nghệ|Thông tin và Truyền thông|"
    rf"Giao thông vận tải|Lao động - Thương binh và Xã hội|Dân tộc và Tôn giáo)|Ban Bí thư|"
    rf"Ban (?:Đối ngoại|Kinh tế|Tổ chức|Tuyên giáo|Nội chính|Dân vận)(?: và [A-ZĐ]\w+)? Trung ương|Văn phòng Chính phủ|"
    rf"Cục {_CAP}(?: [a-zđà-ỹ]+)?(?: và {_CAP}(?: [a-zđà-ỹ]+){{0,3}})?|Ủy ban Nhà nước về người Việt Nam ở nước ngoài|"
    rf"Liên hiệp các tổ chức hữu nghị(?: Việt Nam)?|Quốc hội|Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam|"
    rf"Trung tâm {_CAP}(?: (?:và )?(?:{_CAP}|[a-zđà-ỹ]+)){{0,8}}|Hiệp hội {_CAP}(?: (?:{_CAP}|[a-zđà-ỹ]+)){{0,7}}|"
    rf"Ministry of Foreign Affairs|Ministry of [A-Z][a-z]+(?: (?:and )?[A-Z][a-z]+){{0,3}})(?![^\W_])"))
_TRAIL_STOP = {"để", "của", "với", "tại", "và", "trong", "cho", "đã", "sẽ", "phối", "hợp", "là", "có", "được", "đến",
               "từ", "về", "ở", "trên", "theo", "cùng", "nhằm", "tổ", "chức", "thăm", "làm", "việc", "tỉnh", "thành"}
_PROVINCIAL = _HeadLed(re.compile(
    rf"(?=[VUỦHTCBS])(?<![^\W_])(?P<org>(?:Văn phòng )?(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân)|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|"
    rf"Ủy ban MTTQ(?: Việt Nam)?|Ủy ban Mặt trận Tổ quốc(?: Việt Nam)?|Công an|Bộ Chỉ huy Quân sự|"
    rf"(?:Ban Chỉ huy |BCH |Bộ Chỉ huy )?Bộ đội [Bb]iên phòng|Cổng Thông tin điện tử|Sở (?P<so>{_DEPT_RE}))"
    rf"(?P<place>[ \u00a0]+(?:(?:tỉnh|thành phố|TP\.?)[ \u00a0]+)?(?P<prov>{_CAP}(?: {_CAP}){{0,3}})|[ \u00a0]+(?:tỉnh|thành phố)(?![^\W_]))?"))
_SO_LIST = re.compile(rf"(?:các|lãnh đạo các)\s+[Ss]ở\s*:\s*(?P<items>[^.;\n]+)")
_EN_ORGS = Gated(re.compile(
    rf"(?<![^\W_])(?:(?:the\s+)?(?P<a>People['’]s Committee|Party Committee|People['’]s Council|Department of Foreign Affairs)"
    rf" of (?P<pa>{_NAME})(?: province| city)?|(?P<pb>{_NAME}) (?:provincial |municipal )(?P<b>People['’]s Committee|Party Committee|"
    rf"People['’]s Council|Department of Foreign Affairs))"))
_ABBR = ((re.compile(r"^(?:Ủy|Uỷ) ban nhân dân\b"), "UBND"), (re.compile(r"^Hội đồng nhân dân\b"), "HĐND"),
         (re.compile(r"^Văn phòng (?:Ủy|Uỷ) ban nhân dân\b"), "Văn phòng UBND"))
_FOREIGN_HOST = re.compile(r"(?:[Ll]ãnh sự|Đại sứ|Consul|Embassy|Ambassador)[^.\n]{0,50}(?:tại|ở|in)\s+$")


@lru_cache(maxsize=4096)
def _org_name(name: str) -> str:
    """A body's name with its spaces folded and "Ủy ban nhân dân" written "UBND": once per name, since the
    same bodies come back in every article ("UBND tỉnh Quảng Ninh")."""
    name = re.sub(r"\s+", " ", name).strip(" ,;:")
    for rx, rep in _ABBR:
        name = rx.sub(rep, name)
    return name


def main_province(text: str, provinces: list[ProvinceFact]) -> str | None:
    """The province the article is about: the most mentioned, not counting the seat of a foreign
    mission ("Tổng Lãnh sự Cuba tại TP.HCM"); a tie goes to a province that is no mission's seat (the
    seat's other mentions tell of the post too: "her term in Ho Chi Minh City"), then to the first mentioned."""
    seats = set()
    counted = []
    for p in provinces:
        if _FOREIGN_HOST.search(text[max(0, p.span.start - 90):p.span.start]):
            seats.add(p.name)
        else:
            counted.append(p)
    counted = counted or provinces
    counts = Counter(p.name for p in counted)
    if not counts:
        return None
    n = max(counts.values())
    tied = [name for name in counts if counts[name] == n]          # in order of first mention
    return next((name for name in tied if name not in seats), tied[0])


def find_organizations(doc: str, text: str, provinces: list[ProvinceFact],
                       main: str | None = None) -> list[OrganizationFact]:
    """Vietnamese bodies; a provincial body without a place gets the article's main province: ``main`` when the
    caller has it (``main_province(text, provinces)``; the extractor does), else found here."""
    t = _toned(text)
    body = _body_fn(text)
    main = main or main_province(text, provinces)
    out: list[OrganizationFact] = []
    seen: set[str] = set()

    def add(name: str, s: int, e: int, prov: str | None) -> None:
        name = _org_name(name)
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
                prov = _province_name(" ".join(prov_txt.split()[:j]))
                if prov:
                    break
            if prov is None and (_partner(prov_txt) is not None or
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

    # a match holds its colon ("các sở: …"), which few articles have: a look for it spares the regex, which stops
    # at every "các" (300 generated articles, none with a colon: 0.0036 CPU-s → nothing; seventh session)
    for m in _SO_LIST.finditer(t) if ":" in t else ():
        if main is None:
            continue
        items_text = tone(text[m.start("items"):m.end("items")])
        items = [d.group(0) for d in re.finditer(_DEPT_RE, items_text)] or re.split(r",\s*", items_text)
        for item in items:
            item = item.strip(" .…")
            if item and item[0].isupper() and len(item.split()) <= 7:
                add(f"Sở {item} {main}", m.start("items"), m.end("items"), main)

    for m in _EN_ORGS.finditer(t) if ("Committee" in t or "Council" in t or "Department" in t) else ():
        place = m.group("pa") or m.group("pb")
        prov = _province_name(place)
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


def place_names(doc: str, text: str) -> list[Hit]:
    """Where a place's name lies, for the person grammar to tell a title's place from the name after it:
    every province and partner name the gazetteer finds, weak ones (capitals, short names) only when the
    text names that partner elsewhere. Why not just the found facts' own spans: a fact is kept once per
    partner, in its fullest wording ("tỉnh Tboung Khmum", "Cộng hòa … An-giê-ri", "United States of
    America"), and the bare name later in the text ("Tỉnh trưởng Tboung Khmum", "Đại sứ An-giê-ri Mohamed
    Berrah", "Consul General of the United States Marie C. Damour") was read as the start of a name."""
    found = {p.canonical for p in find_partners(doc, text)}
    return [h for h in _gazetteer_hits(_toned(text))
            if isinstance(h.value, _Province) or not h.value.weak or h.value.canonical in found
            or _OF_BEFORE.search(text, max(0, h.start - 4), h.start)]


# "Vice Governor of Phnom Penh Prak Sophal": a weak name (a capital) right after "of" is the post's place
_OF_BEFORE = re.compile(r"\bof $")


def find_provinces(doc: str, text: str) -> list[ProvinceFact]:
    """Vietnamese provinces mentioned in the body, canonical name + surface + span."""
    return list(_provinces_cached(doc, text))


def find_partners(doc: str, text: str) -> list[PartnerFact]:
    """Foreign partners mentioned in the body, in the text's own wording, with kind."""
    return list(_partners_cached(doc, text))
