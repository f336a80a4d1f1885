"""Regexes respelled to start with a character class (so ``re`` skips ahead by it) must match as the
leading-lookbehind spellings did: same spans, same groups, on hand-written and random texts."""
import random
import re

from loaders import automaton, dates
from loaders.patterns import finditer_at_heads
from ontology import normalise

ALPHABET = "oOuUqQàáảãạÀÁỳýỷỹỵỲÝ hHtTnNgàySsáCcĐđêmôVvào0123456789/.-–()ỉnhP.uyệnQBbạtặck khủđôịxãrấnXYZ \n\t\u00a0—‐"


def _random_texts(n: int = 3000, seed: int = 11):
    rnd = random.Random(seed)
    for _ in range(n):
        yield "".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 40)))


def _same(old: re.Pattern, new: re.Pattern, texts):
    for t in texts:
        a = [(m.span(), m.groups()) for m in old.finditer(t)]
        b = [(m.span(), m.groups()) for m in new.finditer(t)]
        assert a == b, t


def test_tone_regex_matches_as_the_leading_lookbehind_spelling():
    o, u = normalise._O_TONED, normalise._U_TONED
    old = re.compile(rf"(?<![qQ])(?:[oO][{o}{o.upper()}]|[uU][{u}{u.upper()}])(?![^\W\d_])")
    mine = ["hoà bình", "Quý khách", "thuỷ lợi", "HOÀ", "qoà", "oà", "xoàng", "q oà", "Khoẻ", "QUỶ", "uỷ ban"]
    _same(old, normalise._TONE_RE, mine + list(_random_texts()))
    assert normalise.nfc_tones("Hoà Quý thuỷ") == "Hòa Quý thủy"


def test_vietnamese_date_lead_matches_as_before():
    old_lead = (r"(?:(?<![^\W\d_])(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]rưa|[Tt]ối|[Đđ]êm|[Hh]ôm|[Vv]ào)\s+"
                r"(?:(?:ngày|hôm|nay)\s+)?\(?)")
    tail = dates._VI_NUMERIC.pattern[len(dates._VI_LEAD):]
    old = re.compile(old_lead + tail)
    mine = ["Ngày 5/12/2020 hai bên", "xngày 5/12", "Sáng nay (6/6) đoàn", "Chiều nay 29.8", "từ ngày 19-21/9/2024",
            "Tối 3-4-2023", "Đêm 1/1", "hôm 2/3", "Vào 7/8", "trưa 9.10.2021"]
    _same(old, dates._VI_NUMERIC, mine + list(_random_texts()))


def test_automaton_next_token_is_the_old_search_then_join_test():
    def old_next(text: str, pos: int):
        t = automaton._TOKEN.search(text, pos)
        if t is None:
            return None
        if t.start() != pos:
            m = automaton._SEPARATOR.match(text, pos, t.start())
            if m is None or m.end() != t.start():
                return None
        return t.start(), t.end(), t.group()

    def new_next(text: str, pos: int):
        t = automaton._NEXT_TOKEN(text, pos)
        return None if t is None else (t.start(1), t.end(), t.group(1))

    texts = ["Xa-van-na-khệt", "U.S. Embassy", "Lào  Cai\nHà", "Hà – Nội", "Lạng sơn ,", "A -\tB", "x — y"]
    for t in texts + list(_random_texts(1500)):
        for pos in range(len(t) + 1):
            assert old_next(t, pos) == new_next(t, pos), (t, pos)


EN_ALPHABET = "On on the afternoon of Monday, May 3 June 4th 2020 Sept. 12, Dec 1st of 19 20 2024 Jan Mayor x1 \n,."


def _en_texts(n: int = 3000, seed: int = 5):
    rnd = random.Random(seed)
    words = EN_ALPHABET.split(" ") + [" ", "  ", ","]
    for _ in range(n):
        yield " ".join(rnd.choice(words) for _ in range(rnd.randint(0, 12)))


def test_date_words_lead_and_english_dates_match_as_before():
    """The eighth session's respellings: the Vietnamese lead's words as literal branches (the letter checks after
    them), a first-character lookahead on the English forms, and _ANY_MONTH's "\\b" as a lookbehind after the month."""
    old_lead = (r"(?:[NnSsCcTtĐđHhVv](?<![^\W\d_].)(?:(?<=[Nn])gày|(?<=[Ss])áng|(?<=[Cc])hiều|(?<=[Tt])rưa|(?<=[Tt])ối"
                r"|(?<=[Đđ])êm|(?<=[Hh])ôm|(?<=[Vv])ào)\s+(?:(?:ngày|hôm|nay)\s+)?\(?)")
    words_tail = dates._VI_WORDS.pattern[len(dates._VI_LEAD):]
    mine = ["ngày 5 tháng 12 năm 2020", "Sgày 5 tháng 12", "xsáng 1 tháng 2", "Tối 3 tháng 4, 2021", "Cáng 1 tháng 1"]
    _same(re.compile(old_lead + words_tail), dates._VI_WORDS.rx, mine + list(_random_texts()))
    old_md = re.compile(r"(?:\b[Oo]n\s+" + dates._EN_PART_OF_DAY + r"(?:[A-Z][a-z]+day,?\s+)?)?\b" + dates._MONTH_RE +
                        r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?")
    old_dm = re.compile(r"(?:\b[Oo]n\s+(?:[A-Z][a-z]+day,?\s+)?(?:the\s+)?)?\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
                        + dates._MONTH_RE + r"(?:,?\s+(\d{4}))?")
    old_any = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
    mine = ["On May 3, 2020", "on the morning of June 4th", "4 December 2020", "on Monday, 12 of Sept. 2024", "xMay 3",
            "²3 May", "٣ May 2020", "Mayor 3", "OnMay 3"]
    texts = mine + list(_en_texts())
    _same(old_md, dates._EN_MD, texts)
    _same(old_dm, dates._EN_DM, texts)
    for t in texts:
        for start, end in ((0, len(t)), (2, len(t) - 2)):
            a = [(m.span(), m.groups()) for m in old_md.finditer(t, start, end)]
            b = [(m.span(), m.groups()) for m in finditer_at_heads(dates._EN_MD, dates._EN_MD_HEADS, t, start, end)]
            assert a == b, (t, start, end)
            if old_dm.search(t, start, end):
                assert dates._DM_CORE.search(t, start, end), (t, start, end)
    for t in texts:
        for pos in range(0, len(t) + 1, 3):
            assert bool(old_any.search(t, pos)) == bool(dates._ANY_MONTH.search(t, pos)), (t, pos)


def test_bare_dates_are_looked_for_where_the_prefilter_finds_one():
    """_BARE_NEAR finds something wherever _BARE matches (from the "(" or "," before the date): random texts of
    date pieces, every start position, a few ends."""
    rnd = random.Random(3)
    pieces = ["(", ",", " ", "  ", "5", "12", "/", "-", "2020", "x", "\n", ".", "(5", ", 1"]
    for _ in range(20000):
        t = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 14)))
        for start in range(len(t) + 1):
            for end in (len(t), len(t) - 1, len(t) - 3):
                if dates._BARE.search(t, start, end):
                    assert dates._BARE_NEAR.search(t, max(0, start - 2), end), (t, start, end)
