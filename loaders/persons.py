"""Persons and their offices, read with the grammar of official titles.

Vietnamese and English reports name officials in a few fixed shapes:

* title chain, then name: "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh X Nguyễn Văn A",
  "Chairman of the X provincial People's Committee Ho Quoc Dung", "Governor Lee Cheol Woo";
* name, then title chain: "đồng chí Lê Hoài Trung, Ủy viên Trung ương Đảng, Thứ trưởng Bộ
  Ngoại giao", "ông Song Ha Chin – Tỉnh trưởng", lists after "các đồng chí:";
* a word of address and a name: "bà Ariadne Feo Labrada".

``OfficeTitleParser`` reads one title (a head from ``data/titles.tsv`` and the words that
may follow it, ``data/title_words.tsv``) and decides where the title ends and the name
begins (family names from ``data/surnames.tsv``, places from the gazetteers).
``PersonFinder`` collects every mention, merges offices per person and decides the side.
Names without a title beside them come from guest lists after a cue ("the delegation
included A, B and C", ``data/name_list_cues.tsv``) and from photo captions ("A (left)",
``data/photo_markers.tsv``). Single words ("ông Phú", "Bộ trưởng Sơn") never make a new
person: they are short references to someone already named in full; the one exception is a
foreign family name of several syllables after a word of address ("Ông Ichikawa – Phó Chủ tịch").
Where a name starts inside a run of capitalised words (a place or an institution glued before
it, "tỉnh Vĩnh Long Nguyễn Văn A") is told by family names: Vietnamese and ethnic-minority ones
(``data/surnames.tsv``), Korean and Chinese ones (``data/foreign_surnames.tsv``).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from typing import Callable, Iterable, Iterator, NamedTuple

from loaders.office_places import complete_english_office, drop_owner_country, is_foreign_place_name, named_place
from loaders.patterns import WordLedFinder, guarded, literal_trie, literal_trie_after
from loaders.tables import column, read_table
from loaders import text as _text
from loaders.text import Line, TextDoc, Words, occurrences
from ontology.facts import PersonFact, Span
from ontology.identity import fold

WORD = _text.WORD                    # the text layer's words (loaders/text.py) are the persons' tokens
_SEP_TITLE = re.compile(r"^\s*(?:,|–|-|—|:|\(|,?\s*là)\s*$")
_SPACE = re.compile(r"^[ \t\u00a0]+$")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")   # one group: a Vietnamese syllable ("Quang"); several: "Ichikawa"
_INITIAL_GAP = re.compile(r"^\.[ \t\u00a0]+$")
_FOREIGN_HINTS = ("Tổng Lãnh sự quán", "Đại sứ quán", "Embassy", "Consulate")
_VN_INSTITUTIONS = re.compile(
    r"\b(?:Tỉnh ủy|Tỉnh uỷ|Thành ủy|UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân|Trung ương Đảng|"
    r"Ban Chấp hành Trung ương|Bộ [A-ZĐ]|Sở [A-ZĐ]|Cục [A-ZĐ]|ĐBQH|UVTV|Ban Thường vụ Tỉnh|Mặt trận Tổ quốc|"
    r"Công an tỉnh|Bộ đội|Quốc hội|People['’]s Committee|Party Committee|People['’]s Council|Vietnam|Viet Nam|"
    r"Việt Nam)", re.I)
_FILL_PROVINCE = re.compile(r"(?:\b(?:tỉnh|Tỉnh ủy|Tỉnh uỷ|thành phố|Thành ủy)|(?:provincial|municipal) People['’]s Committee)$|"
                            r"\bthe (?:[Pp]rovincial|[Mm]unicipal) (?:Party Committee|People['’]s Council|People['’]s Committee|"
                            r"Department of [A-Z][\w ]+)(?: \([A-Z][A-Za-z]{1,5}\))?$")


class Token(NamedTuple):
    """A word with its offsets (a tuple: documents have thousands of them)."""

    start: int
    end: int
    text: str

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


@dataclass
class Mention:
    name: str
    start: int
    end: int
    offices: list[tuple[str, int, int]] = field(default_factory=list)


@lru_cache(maxsize=1)
def _title_words() -> dict[str, frozenset[str]]:
    """data/title_words.tsv by kind (a word may have several rows, one per kind)."""
    by_kind: dict[str, set[str]] = {}
    for r in read_table("title_words.tsv", ("word", "kind")):
        by_kind.setdefault(r["kind"], set()).add(r["word"])
    return {k: frozenset(v) for k, v in by_kind.items()}


_LOWER_KINDS = ("lower", "locality", "link", "join", "conjunction", "follow", "numbered")


@lru_cache(maxsize=1)
def _lexicon():
    heads = sorted({(r["head"], r["lang"], r["side"]) for r in read_table("titles.tsv", ("head", "lang", "side"))},
                   key=lambda h: -len(h[0]))
    kinds = _title_words()
    lower = {w.lower() for k in _LOWER_KINDS for w in kinds.get(k, ())}
    locality = set(kinds.get("locality", ()))
    org = set(kinds.get("org", ()))
    surnames = set(column("surnames.tsv", "surname", kind="surname"))
    surnames |= set(column("surnames.tsv", "surname", kind="first"))
    surnames |= {fold(s).title() for s in surnames}
    honor = sorted(column("honorifics.tsv", "word"), key=len, reverse=True)
    head_re = re.compile(guarded(r"\b" + literal_trie((h[0] for h in heads), ignore_case=True) + r"\b", re.I), re.I)
    honor_re = re.compile(r"(?:^|(?<=[\s(\[“\"'‘:;,]))(?:" + "|".join(re.escape(h) for h in honor) + r")\s+$", re.I)
    side = {h[0].lower(): h[2] for h in heads}
    return head_re, honor_re, lower, locality, org, surnames, side


@lru_cache(maxsize=1)
def _phrase_firsts() -> frozenset[str]:
    """The first words of the several-word entries of ``_lexicon``'s lower-case title words ("ban" of "ban chỉ
    đạo"): ``_phrase`` reads on only at one of them (1,900 calls over 300 generated articles, most at a word
    that starts none)."""
    return frozenset(w.split(" ")[0] for w in _lexicon()[2] if " " in w)


@dataclass(frozen=True)
class NameWords:
    """The word lists that mark where a person's name starts and stops (tables under loaders/data)."""

    prefixes: tuple[str, ...]          # ethnic-minority name prefixes glued to the next word ("H'", "K'")
    first_only: frozenset[str]         # family names that are also common middle names ("Văn") and "Thị"
    foreign_surnames: frozenset[str]   # family names written first in Korean and Chinese romanisation
    address: frozenset[str]            # words of address a name follows ("ông", "Mr."), lower case, no dot
    boundaries: frozenset[str]         # words after which a name may start ("received", "tiếp", "và")
    address_tokens: frozenset[str]     # every word of every honorific ("đồng", "chí", "đại", "tá", "mr")
    after_place: frozenset[str]        # lower-case words that may follow a place inside a title ("tại", "of")
    dangling: frozenset[str]           # lower-case words a title never ends with ("và", "tại", "of")
    modifiers: frozenset[str]          # words that may precede any title head ("Deputy", "Acting")
    joins: frozenset[str]              # words that join two titles or two parts of one ("and", "và")
    follows: frozenset[str]            # words that follow a place, never a name ("provincial", "municipal")
    place_starts: frozenset[str]       # words that start a several-word place name ("Saint", "New", "San")
    numbered: frozenset[str]           # words a number follows inside a title ("khóa 14", "term")
    clause: frozenset[str]             # lower-case words that start a clause ("làm", "đã"): never inside a title word


@lru_cache(maxsize=1)
def _name_words() -> NameWords:
    prefixes = tuple(column("surnames.tsv", "surname", kind="prefix"))
    foreign = frozenset(column("foreign_surnames.tsv", "surname"))
    address = frozenset(r["word"].lower().rstrip(".") for r in read_table("honorifics.tsv", ("word", "kind"))
                        if r["kind"] == "address")
    boundaries = frozenset(w.lower() for w in column("name_boundaries.tsv", "word"))
    tokens = frozenset(w.lower().rstrip(".") for h in column("honorifics.tsv", "word") for w in h.split())
    first = set(column("surnames.tsv", "surname", kind="first")) | set(column("middle_names.tsv", "word", sign="yes"))
    first |= {fold(w).title() for w in first}
    kinds = _title_words()

    def of(*names: str) -> frozenset[str]:
        return frozenset(w for k in names for w in kinds.get(k, ()))

    return NameWords(prefixes=prefixes, first_only=frozenset(first), foreign_surnames=foreign, address=address,
                     boundaries=boundaries, address_tokens=tokens, after_place=of("link", "locality", "follow"),
                     dangling=of("link", "join", "conjunction"), modifiers=of("modifier"), joins=of("conjunction"),
                     follows=of("follow"), place_starts=of("place_start"), numbered=of("numbered"),
                     clause=frozenset(column("clause_words.tsv", "word")))


_new_tuple = tuple.__new__
_START = itemgetter(0)                              # Token.start, for map()
_bmp_word_split = _text._bmp_word_split             # (tests compare the spelled letter class with the category)


def tokenize(text: str) -> list[Token]:
    return _tokens_and_starts(text)[0]


def _tokens_and_starts(text: str, words: Words | None = None) -> tuple[list[Token], list[int]]:
    """The tokens and their start offsets: the text layer's words (``loaders.text.Words``, made once per text)
    as Tokens, made by ``map`` (tuple.__new__ with one tuple): no Python step per word. The finder and the
    parser index tokens by start, and mapping them out of the tokens again cost ~4 % of the persons' set-up."""
    w = Words(text) if words is None else words
    return list(map(_new_tuple, repeat(Token), zip(w.starts, w.ends, w.words))), w.starts


def _split_at_titles(text: str, tokens: list[Token], head_re: re.Pattern) -> list[Token]:
    """"Thang Sa Vun-Tỉnh trưởng": a hyphen glues a name to the title after it; split the word there.
    Only hyphenated words are looked at (transliterated names keep their hyphens: "Khăm-Phâu")."""
    if not any(text[p + 1:p + 2].isupper() and head_re.match(text, p + 1) for p in _hyphens(text)):
        return tokens                    # no hyphen before a title anywhere: nothing to split (most texts)
    out: list[Token] = []
    for tok in tokens:
        if "-" not in tok.text:
            out.append(tok)
            continue
        cut = next((h for h, ch in enumerate(tok.text) if ch == "-" and tok.text[h + 1:h + 2].isupper()
                    and head_re.match(text, tok.start + h + 1)), -1)
        if cut <= 0:
            out.append(tok)
            continue
        out.append(Token(tok.start, tok.start + cut, tok.text[:cut]))
        out.extend(Token(tok.start + cut + 1 + t.start, tok.start + cut + 1 + t.end, t.text)
                   for t in tokenize(text[tok.start + cut + 1:tok.end]))
    return out


def _hyphens(text: str) -> Iterator[int]:
    i = text.find("-")
    while i >= 0:
        yield i
        i = text.find("-", i + 1)


class OfficeTitleParser:
    """Where a title that starts at a head ends, and where the name after it begins."""

    def __init__(self, text: str, tokens: list[Token], is_place: Callable[[int], int],
                 is_partner: Callable[[str], bool] = lambda words: False):
        self.text = text
        self.tokens = tokens
        self.is_place = is_place          # offset → end offset of a place name starting there, or -1
        self.is_partner = is_partner      # words → are they a foreign partner's name ("Campuchia")
        self.head_re, self.honor_re, self.lower, self.locality, self.org, self.surnames, self.head_side = _lexicon()
        self.words = _name_words()

    def starts_name(self, word: str) -> bool:
        """A family name (Vietnamese, ethnic-minority, Korean or Chinese) that starts a person's name."""
        return (word in self.surnames and word not in self.words.first_only) or word in self.words.foreign_surnames \
            or word.startswith(self.words.prefixes)

    def gap(self, i: int) -> str:
        """Text between token i-1 and token i."""
        return self.text[self.tokens[i - 1].end:self.tokens[i].start] if i > 0 else ""

    def joined(self, i: int) -> bool:
        g = self.gap(i)
        if g == " " or _SPACE.match(g) or g in ("’s ", "'s ", " ’s ", " 's "):
            return True
        prev = self.tokens[i - 1].text if i > 0 else ""
        if g in ("’ ", "' ") and prev.endswith("s") and prev[:1].isupper():
            return True                       # "Governor of Laos’ Savannakhet province": a possessive
        if g == " (" and self._bracketed_acronym(i) or g == ") " and self._bracketed_acronym(i - 1):
            return True                       # "Ambassador of the Republic of Korea (RoK) Park Noh-wan"
        if g == "/" and prev[:1].isupper() and self.tokens[i].cap:
            return True                       # "Tổ chức VCF/Mỹ": one institution
        if g == "." and len(prev) <= 2 and prev.isupper() and len(self.tokens[i].text) <= 2 and self.tokens[i].text.isupper():
            return True                       # "Ủy viên dự khuyết T.Ư Đảng": one abbreviation
        return len(prev) == 1 and prev.isupper() and _INITIAL_GAP.match(g) is not None   # "Daniel J. Kritenbrink"

    def _bracketed_acronym(self, k: int) -> bool:
        """Token k is an acronym alone in brackets ("(RoK)", "(PPC)"): part of the title around it."""
        word = self.tokens[k].text
        return 0 < k < len(self.tokens) - 1 and 2 <= len(word) <= 6 and word[0].isupper() \
            and sum(c.isupper() for c in word) >= 2 and self.gap(k) == " (" and self.gap(k + 1) == ") "

    def run_length(self, j: int, limit: int = 6) -> int:
        """Number of capitalised tokens from j joined by single spaces."""
        n = 0
        while j + n < len(self.tokens) and n < limit and self.tokens[j + n].cap and (n == 0 or self.joined(j + n)):
            if not self.tokens[j + n].text[0].isalpha():
                break
            n += 1
        return n

    def name_at(self, j: int, after_locality: bool) -> tuple[int, int]:
        """(offset from j, length) of a person's name in the capitalised run at token j; (0, 0) when none.

        A run that does not start with a family name but has one further on is a place or the end of a
        title glued to the name ("tỉnh Vĩnh Long Nguyễn Văn A", "Gyeongsangbuk Park Min Soo"): the name
        starts at that family name, when at least two words are left for it."""
        n = self.run_length(j, 9)
        if n < 2:
            return 0, 0
        toks = self.tokens[j:j + n]
        first = toks[0].text
        if j + n < len(self.tokens) and self.tokens[j + n].text in self.words.follows and self.joined(j + n):
            return 0, 0                          # "Thua Thien Hue provincial …": a place, not a name
        if first in self.words.place_starts:     # "Mayor of Saint Denis Mathieu Hanotin": two-word place
            return (2, n - 2) if n >= 4 else (0, 0)
        known = next((p for p in range(n - 2, 0, -1) if self.is_partner(" ".join(t.text for t in toks[:p]))), 0) \
            or (1 if n >= 3 and first in _demonyms() else 0)
        if known:                                # "Thủ tướng Campuchia Hun Sen": a country before the name
            off, length = self.name_at(j + known, False)
            return known + off, length
        last_org = max((p for p, t in enumerate(toks) if t.text in self.org), default=-1)
        if (2 if first in self.surnames else 0) <= last_org <= n - 3 and self.starts_name(toks[last_org + 1].text):
            return last_org + 1, min(n - last_org - 1, 5)   # "Hà Quảng Party Committee Lê Hải Yến"
        if first in self.surnames and not (first in self.org and toks[1].text in self.org):
            return 0, min(n, 5)
        if any(t.text in self.org for t in toks):
            return 0, 0                          # "People's Committee Le Quang Manh": the institution ends first
        starts = [p for p in range(1, n - 1) if self.starts_name(toks[p].text)]
        # "Hải Dương Trần Đức Thắng": a place's last word may be a family name too; the name starts at
        # the first family name that is not followed by another one
        # … but a Korean or Chinese name of three syllables may have a given name that is a family name too
        # ("quận Yongsan Kim Sun Su", "quận Mapo Park Sun Hee")
        three = next((p for p in (0, *starts) if n - p == 3 and toks[p].text in self.words.foreign_surnames), None)
        if three is not None:
            return three, 3
        inner = next((p for p in starts if p + 1 not in starts), 0)
        if inner:
            return inner, min(n - inner, 5)
        if self.starts_name(first):
            return 0, min(n, 5)
        if after_locality:                       # "thành phố Kazanlak Nikolay Dimitrov": the place takes one word
            return (1, n - 1) if n >= 3 else (0, 0)
        return 0, min(n, 5)

    def parse(self, i: int, head_len: int) -> tuple[int, int | None, int]:
        """Title from token i (head spans head_len tokens) → (title end token, name start token, name length)."""
        k = i + head_len
        after_locality = in_place = False
        while k < len(self.tokens) and self.joined(k):
            tok = self.tokens[k]
            place_end = self.is_place(tok.start)
            if place_end > 0:
                first = k
                while k < len(self.tokens) and self.tokens[k].start < place_end:
                    k += 1
                inner = self._name_inside(first, k)
                if inner:                         # a place read too far: "Quảng Ngãi Đinh Thị Hồng Minh"
                    return inner, inner, self.name_at(inner, False)[1]
                after_locality, in_place = False, True
                continue
            phrase = self._phrase(k)
            if phrase:
                words = " ".join(t.text.lower() for t in self.tokens[k:k + phrase])
                if after_locality and tok.text.islower() and self.tokens[k - 1].text.islower() \
                        and words not in self.locality:
                    break                     # "Chủ tịch UBND tỉnh công tác tại …": no place came, the title ended
                after_locality = words in self.locality
                k += phrase
                continue
            if tok.cap and tok.text[0].isalpha():
                end = k
                while end - 1 > i and self.tokens[end - 1].text in self.words.modifiers:
                    end -= 1
                if self.tokens[end - 1].text in self.words.joins and end - 1 > i and \
                        (tok.text in self.words.modifiers or self.head_re.match(self.text, tok.start)):
                    return end - 1, None, 0       # "… Party Committee and provincial Deputy Governor": a new title
                if tok.text.lower() in self.words.address and self.tokens[k - 1].text in self.words.dangling:
                    return k - 1, None, 0         # "Phó Chủ tịch JICA và Ông Đoàn Xuân Hưng": another person
                if tok.text.lower() in self.words.address and k + 1 < len(self.tokens) and \
                        _ADDRESS_GAP.fullmatch(self.gap(k + 1)):
                    off, n = self.name_at(k + 1, False)  # "Consul General in Da Nang Mr. Tadsanai Ratchaput"
                    if n:
                        return k, k + 1 + off, n
                if self._all_caps(tok.text) and tok.text not in self.surnames:
                    k += 1                                # "UBND TP Cần Thơ": an abbreviation never starts a name
                    after_locality = False
                    continue
                if self._prev_word(k) == "of" and tok.text not in self.surnames and self.run_length(k) >= 3 \
                        and tok.text not in self.words.place_starts \
                        and not any(t.text in self.org for t in self.tokens[k:k + self.run_length(k)]):
                    off, n = self.name_at(k + 1, False)  # "Council of Vienne Alain Pichon": the place takes one word
                    if n:
                        return k + 1 + off, k + 1 + off, n
                off, n = self.name_at(k, after_locality)
                if n:
                    return k + off, k + off, n
                org_run = self._org_run(k)
                if org_run:                               # "the Departmental Council of …": an institution's name
                    k += 1
                    after_locality = False
                    continue
                if tok.text in self.org or self._all_caps(tok.text):
                    k += 1
                    after_locality = False
                    continue
                if k > i + head_len and self.tokens[k - 1].text.islower() and self.run_length(k) == 1 and \
                        (k + 1 == len(self.tokens) or not self.joined(k + 1) or self.tokens[k + 1].text in self.lower
                         or self.tokens[k + 1].text.islower() and self._compound_tail(k + 1)):
                    k += 1                    # a lone word closing an institution's name: "Đảng … Cách mạng Lào,"
                    after_locality = False
                    continue
                if after_locality or self._prev_word(k) in ("of", "to", "tại", "ở", "quán"):
                    k += max(1, self.run_length(k))   # an unknown place: "tỉnh Yamanashi", "Embassy of Cuba"
                    after_locality = False
                    in_place = True
                    continue
                return k, None, 0
            if in_place and tok.text.islower() and k + 1 < len(self.tokens) and self.joined(k + 1) \
                    and self.name_at(k + 1, False)[1] and self.tokens[k + 1].text in self.surnames:
                k += 1                        # a place written in lower case: "tỉnh Lạng sơn Đoàn Thu Hà"
                in_place = False
                continue
            low = tok.text.lower()
            if tok.text.isdigit() and self.tokens[k - 1].text.lower() in self.words.numbered:
                k += 1                        # "Trưởng đoàn ĐBQH khóa 14 tỉnh Hà Giang"
                continue
            if in_place and tok.text == low and low not in self.words.after_place and low not in ("’s", "'s"):
                break                         # "Chủ tịch UBND TP Cần Thơ thông tin": the title ended with the place
            in_place = False
            if low in self.lower and tok.text == low or tok.text in ("’s", "'s"):
                after_locality = low in self.locality
                k += 1
                continue
            if tok.text == low and k > i + head_len and self.tokens[k - 1].cap and self._compound_tail(k):
                k += 1                        # "Ban Dân vận", "Sở Văn hóa": the second syllable of a word
                continue
            break
        return k, None, 0

    def _name_inside(self, first: int, stop: int) -> int:
        """Token where a full Vietnamese name starts inside tokens first..stop of a place (a word followed
        by "Văn"/"Thị", or a family name followed by three more words), else 0: no place has that shape."""
        for p in range(first + 1, stop - 1):
            word, nxt = self.tokens[p].text, self.tokens[p + 1].text
            if (nxt in self.words.first_only or word in self.surnames and stop - p >= 4) and word[0].isupper() \
                    and self.name_at(p, False) == (0, stop - p):
                return p
        return 0

    def _compound_tail(self, k: int) -> bool:
        """Token k is the lower-case second syllable of a capitalised Vietnamese word inside an institution's
        name ("Dân vận", "Xúc tiến", "Đa khoa"): only Vietnamese syllables, never a word that may start a
        clause, and the title goes on after it (a capitalised word follows, or "và" and one) or ends at punctuation."""
        prev, tok = self.tokens[k - 1], self.tokens[k]
        if tok.text in self.words.boundaries or tok.text in self.words.address or tok.text in self.words.clause \
                or not (_VI_LETTER.search(prev.text) or _VI_LETTER.search(tok.text)):
            return False
        if k + 1 == len(self.tokens) or not self.joined(k + 1):
            return bool(_COMMA_NEXT.match(self.text, tok.end))     # not a match on a copy of the rest of the text
        nxt = self.tokens[k + 1].text
        if nxt in self.words.joins:                            # "Ban Tuyên giáo và Dân vận": a second part follows
            return k + 2 < len(self.tokens) and self.joined(k + 2) and self.tokens[k + 2].text[:1].isupper()
        return nxt[:1].isupper() or nxt in self.locality      # "Bệnh viện Đa khoa tỉnh …"

    def _phrase(self, k: int) -> int:
        """Length (2 or 3) of a several-word title phrase starting at token k, else 0."""
        if self.tokens[k].text.lower() not in _phrase_firsts():
            return 0                      # no phrase starts with this word: its joins and joined words unasked
        for n in (3, 2):
            if k + n <= len(self.tokens) and all(self.joined(k + x) for x in range(1, n)):
                if " ".join(t.text.lower() for t in self.tokens[k:k + n]) in self.lower:
                    return n
        return 0

    def _org_run(self, k: int) -> int:
        """Length of a capitalised run from k up to its last institution word ("Departmental Council"), else 0."""
        n = self.run_length(k)
        toks = self.tokens[k:k + n]
        if not toks or toks[0].text in self.surnames:
            return 0
        last = max((x for x, t in enumerate(toks) if t.text in self.org), default=-1)
        return last + 1 if last >= 1 else 0

    def _prev_word(self, k: int) -> str:
        return self.tokens[k - 1].text.lower() if k > 0 else ""

    @staticmethod
    def _all_caps(word: str) -> bool:
        return len(word) >= 2 and word.isupper()

    def title_text(self, i: int, end: int) -> tuple[str, int, int]:
        """The office as written (joined lines and stray separators cleaned), with its span."""
        while end - 1 > i and self.tokens[end - 1].text in self.words.dangling:
            end -= 1                          # "Chủ tịch UBND tỉnh và …", "Deputy Governor of Kandal Province to"
        start, stop = self.tokens[i].start, self.tokens[end - 1].end
        # a possessive country before the place goes, as the annotators write it: "Governor of Laos’ Savannakhet
        # province" → "Governor of Savannakhet province" (it is the place's country, not part of the office)
        owners = {k for k in range(i + 1, end - 1) if self.gap(k + 1) in ("’ ", "' ")}
        owners |= {k - 1 for k in owners if self.tokens[k - 1].text.lower() == "the"}
        kept = [k for k in range(i + 1, end) if k not in owners]
        words = self.tokens[i].text + "".join(
            (self.gap(k) if self.gap(k) in (".", "/", " (", ") ") else " ") + self.tokens[k].text for k in kept)
        words = _SPACED_POSSESSIVE.sub(r"\1", words)
        if self._bracketed_acronym(end - 1):
            words, stop = words + ")", stop + 1   # "… of Korea (RoK)": the bracket closes inside the title
        return words, start, stop


class PersonFinder:
    """All person mentions in a text → PersonFacts with merged offices and a side."""

    def __init__(self, td: TextDoc, is_place: Callable[[int], int], is_foreign_place: Callable[[str], bool],
                 main_province: str | None, main_surface: str | None = None):
        self.td = td                                 # the shared text layer: text, body mask, lines, language
        self.doc, self.text = td.doc, td.text
        self.is_body = td.is_body
        self.is_foreign_place = is_foreign_place
        self.main_province = main_province
        self.main_surface = main_surface or main_province     # the province as the text writes it ("Ha Tinh")
        tokens, starts = _tokens_and_starts(self.text, td.words)
        self.tokens = _split_at_titles(self.text, tokens, _lexicon()[0])
        self._starts = starts if self.tokens is tokens else list(map(_START, self.tokens))
        self.parser = OfficeTitleParser(self.text, self.tokens, is_place, is_foreign_place)

    # -- mentions -------------------------------------------------------------------------
    def heads(self) -> list[tuple[int, int]]:
        """(token index, number of tokens) of every title head in the body."""
        out = []
        taken_until = -1
        for m in _head_finder().finditer_runs(self.text, self.td.words.lower_runs):   # offsets only (lower-cased)
            if m.start() < taken_until or not self.is_body(m.start()):
                continue
            i = self._token_at(m.start())
            if i is None:
                continue
            rest = self.text[m.end():m.end() + 6]
            if rest.startswith(" quán") or rest.startswith("-General"):
                continue                    # "Tổng Lãnh sự quán": the consulate, not its head
            n = 0
            while i + n < len(self.tokens) and self.tokens[i + n].end <= m.end():
                n += 1
            while i > 0 and self.tokens[i - 1].text in self.parser.words.modifiers and self.parser.joined(i):
                i, n = i - 1, n + 1          # "Deputy Foreign Minister", "Acting Governor"
            out.append((i, n))
            taken_until = m.end()
        return out

    def chain_from(self, i: int, n: int) -> tuple[list[tuple[str, int, int]], int, int | None, int]:
        """A chain of comma-separated titles from head i: (offices, end token, name start, name length)."""
        offices = []
        end, name_at, name_len = self.parser.parse(i, n)
        offices.append(self.parser.title_text(i, end))
        while name_at is None and end < len(self.tokens):
            joined_head = self._joined_head(end)
            if joined_head:                       # "Deputy Secretary of … and provincial Deputy Governor"
                e2, name_at, name_len = self.parser.parse(end + 1, joined_head)
                offices.append(self.parser.title_text(end + 1, e2))
                end = e2
                continue
            gap = self.parser.gap(end)
            dash = gap.strip() in ("-", "–", "—") and gap != gap.strip()
            if dash and self.tokens[end].text.lower() in self.parser.words.address and end + 1 < len(self.tokens):
                off, n = self.parser.name_at(end + 1, False)    # "Thị trưởng thành phố Kobe – Ông Tatsuo Yada"
                if n and off == 0:
                    return offices, end, end + 1, n
            if gap.strip() != "," and not (dash and self._head_at(end)):
                break                             # "Bí thư - Tỉnh trưởng tỉnh X": two titles across a dash
            listed = self._listed_fields(end) if gap.strip() == "," else 0
            if listed:                            # "Sở Văn hóa, Thể thao và Du lịch": fields of one institution
                e2, name_at, name_len = self.parser.parse(end + listed - 1, 1)
                title, s0, _ = offices[-1]
                rest, _, stop = self.parser.title_text(end, e2)
                offices[-1] = (f"{title}, {rest}", s0, stop)
                end = e2
                continue
            nxt = self._head_at(end)
            if nxt:
                e2, name_at, name_len = self.parser.parse(end, nxt)
                offices.append(self.parser.title_text(end, e2))
                end = e2
                continue
            if self.tokens[end].text in _INSTITUTION_STARTS or \
                    self.parser.is_place(self.tokens[end].start) > 0:
                first = 1
                place_end = self.parser.is_place(self.tokens[end].start)
                while place_end > 0 and end + first < len(self.tokens) and self.tokens[end + first].start < place_end:
                    first += 1
                e2, name_at, name_len = self.parser.parse(end, first)  # an institution qualifying the last title
                org, _, stop = self.parser.title_text(end, e2)
                title, s0, _ = offices[-1]
                comma = place_end > 0 and e2 == end + first and self.tokens[end].text not in _INSTITUTION_STARTS
                # "Tổng Lãnh sự Việt Nam tại Pakse, Lào": a bare place keeps its comma; an institution does not
                offices[-1] = (f"{title}{',' if comma else ''} {org}", s0, stop)
                end = e2
                continue
            break
        return offices, end, name_at, name_len

    def _place_after_addressed_name(self, i: int, name_at: int, name_len: int) -> bool:
        """"ông Lý Minh, Chánh Văn phòng Huyện ủy Hà Khẩu, châu Hồng Hà": the holder was named (with a word
        of address) before the title, so the words closing the title are its place, not a second name."""
        before = self._before_title(i)
        if not before or name_at + name_len >= len(self.tokens) or before[1] < 2:
            return False
        if not _STOP_NEXT.match(self.text, self.tokens[name_at + name_len - 1].end):
            return False
        start = self.tokens[before[0]].start
        return self.parser.honor_re.search(self.text[max(0, start - 20):start]) is not None

    def _listed_fields(self, k: int) -> int:
        """Tokens from k to the last word of "Thể thao và Du lịch" when the comma before k lists the fields
        of one institution ("Bộ Lao động, Thương binh và Xã hội"), else 0."""
        j = k
        while j + 1 < len(self.tokens) and j - k < 8:
            if not (self.tokens[j].cap and self.tokens[j + 1].text.islower() and self.parser.joined(j + 1)):
                return 0
            j += 2                                # one field: "Thể thao"
            gap = self.parser.gap(j) if j < len(self.tokens) else ""
            if gap == ", ":
                continue
            if j + 2 < len(self.tokens) and self.tokens[j].text in self.parser.words.joins and \
                    self.tokens[j + 1].cap and self.tokens[j + 2].text.islower() and self.parser.joined(j + 2):
                return j + 3 - k                  # "… và Du lịch"
            return 0
        return 0

    def _joined_head(self, k: int) -> int:
        """Tokens from k+1 to the end of a title head when token k is "and"/"và" before a (modified) head."""
        if k + 1 >= len(self.tokens) or self.tokens[k].text not in self.parser.words.joins:
            return 0
        m = k + 1
        while m < len(self.tokens) and self.tokens[m].text in self.parser.words.modifiers:
            m += 1
        n = self._head_at(m) if m < len(self.tokens) else 0
        return m - k - 1 + n if n else 0

    def _head_at(self, k: int) -> int:
        m = self.parser.head_re.match(self.text, self.tokens[k].start)
        if not m or self.text[m.end():m.end() + 5].startswith(" quán"):
            return 0
        n = 0
        while k + n < len(self.tokens) and self.tokens[k + n].end <= m.end():
            n += 1
        return n

    def _abbreviations_before(self, i: int) -> int:
        """Token where a title starts once the abbreviations and demonyms before its head are included
        ("Daniel J. Kritenbrink, U.S. Ambassador": the name ends before "U.S.")."""
        while i > 0 and _ABBREVIATION_GAP.fullmatch(self.parser.gap(i)):
            prev = self.tokens[i - 1].text
            bare = prev[:-2] if prev.endswith(("’s", "'s")) else prev     # "Party’s"
            if not (prev in _demonyms() or (prev.isupper() and len(prev) <= 4)
                    or (prev in self.parser.org or bare in self.parser.org or prev in self.parser.words.modifiers)
                    and not _VI_LETTER.search(prev)):
                break   # "Provincial People’s Committee Chairman", "provincial Party’s Permanent Deputy Secretary"
            i -= 1
        return i

    def _before_title(self, i: int) -> tuple[int, int] | None:
        """The name written before the title that starts at head i, across "," / "–" and an article
        ("Nguyen Cao Son, the Vice Chairman of …")."""
        j = self._abbreviations_before(i)
        if j > 1 and self.tokens[j - 1].text in ("the", "The") and _SEP_TITLE.match(self.parser.gap(j - 1)):
            return self.name_before(j - 1)
        return self.name_before(j)

    def _single_addressed(self, j: int) -> bool:
        """One foreign word after a word of address, e.g. a Japanese family name alone ("Mr. Tanaka"):
        a name only when it is not Vietnamese-shaped (a Vietnamese given name alone is a short reference)."""
        word = self.tokens[j].text
        if j == 0 or len(word) < 3 or word in self.parser.surnames or _VI_LETTER.search(word) or word.isupper() \
                or len(_VOWEL_GROUPS.findall(fold(word))) < 2 \
                or word in self.parser.org or self._head_at(j) or self.parser.is_place(self.tokens[j].start) > 0:
            return False
        prev = self.tokens[j - 1].text.lower()
        return prev in self.parser.words.address and _ADDRESS_GAP.fullmatch(self.parser.gap(j)) is not None

    def _most_words(self, first: str) -> int:
        """Most words of a name starting with ``first``: five for a Vietnamese, Korean or Chinese name; seven
        for a name the Vietnamese press transliterates syllable by syllable, Lao names above all ("Khăm
        Khăn Chăn Thạ Vy Sục", "Khăm Kinh Ưởi Mạ Nì Hặc"), which never start with a Vietnamese family name."""
        return 5 if first in self.parser.surnames or first in self.parser.words.foreign_surnames else 7

    def name_before(self, i: int) -> tuple[int, int] | None:
        """A name that ends just before head i across a separator ("Nguyễn Văn A, Phó Chủ tịch")."""
        if i == 0 or not _SEP_TITLE.match(self.parser.gap(i)):
            return None
        j = i - 1
        n = 0
        while j - n >= 0 and self.tokens[j - n].cap and self.tokens[j - n].text[0].isalpha() and n < 8 and \
                (n == 0 or self.parser.joined(j - n + 1)):
            n += 1
        if n == 1 and self._single_addressed(j):
            return j, 1                          # "Ông Ichikawa – Phó Chủ tịch JICA"
        if n < 2:
            return None
        start = j - n + 1
        # trim words of address and leading institution words ("Đồng chí", "Ông", "Bà", "Đại tá")
        while start <= j and self.tokens[start].text.lower() in self.parser.words.address_tokens:
            start += 1
        if start == j and start > 0 and self._single_addressed(j):
            return j, 1                          # "Ông Ichikawa – Phó Chủ tịch JICA"
        if j - start + 1 < 2 or j - start + 1 > self._most_words(self.tokens[start].text):
            return None
        toks = self.tokens[start:j + 1]
        before = self.text[max(0, toks[0].start - 40):toks[0].start]
        # an institution's word makes the run no name, except a middle name inside it ("Văn": Văn phòng, but
        # "Khăm Phoi Văn Nạ Sản") or any later syllable after a word of address ("đồng chí Khăm Kinh Ưởi …")
        addressed = self.parser.honor_re.search(before) is not None
        if any(t.text in self.parser.org and not (k and (addressed or t.text in self.parser.words.first_only))
               for k, t in enumerate(toks)) and not self.parser.starts_name(toks[0].text):
            return None
        if self.parser.is_place(toks[0].start) > 0:
            return None
        prev = self.tokens[start - 1].text.lower() if start > 0 else ""
        boundary = (start == 0 or _SEPARATOR_BEFORE.search(before) or prev in self.parser.words.boundaries
                    or addressed or start != j - n + 1)
        if not boundary:
            return None
        return start, j + 1 - start

    def mentions(self) -> list[Mention]:
        out: list[Mention] = []
        heads = self.heads()
        skip_until = -1
        for i, n in heads:
            if self.tokens[i].start < skip_until:
                continue
            offices, end, name_at, name_len = self.chain_from(i, n)
            offices = self._premodified(i, offices)
            if name_at is not None and self._place_after_addressed_name(i, name_at, name_len):
                before = self._before_title(i)
                toks = self.tokens[before[0]:before[0] + before[1]]
                title, s0, _ = offices[-1]
                last = self.tokens[name_at + name_len - 1]
                offices[-1] = (f"{title} {self.text[self.tokens[name_at].start:last.end]}", s0, last.end)
                out.append(Mention(self._name(toks), toks[0].start, toks[-1].end, offices))
                skip_until = last.end
                continue
            if name_at is not None:
                toks = self.tokens[name_at:name_at + name_len]
                out.append(Mention(self._name(toks), toks[0].start, toks[-1].end, offices))
                skip_until = toks[-1].end
                continue
            before = self._before_title(i)
            if before:
                s, ln = before
                toks = self.tokens[s:s + ln]
                out.append(Mention(self._name(toks), toks[0].start, toks[-1].end, offices))
                skip_until = self.tokens[end - 1].end if end > i else skip_until
        out.extend(self._addressed(out))
        out.extend(self._listed(out))
        out.extend(self._captioned(out))
        return out

    def _untitled_name(self, j: int) -> int:
        """Length of a name with no title at token j (2 to 5 capitalised words, no title head, place or
        institution among them), else 0."""
        n = self.parser.run_length(j, 9)
        if not 2 <= n <= 5 or not self.is_body(self.tokens[j].start):
            return 0
        toks = self.tokens[j:j + n]
        if self._head_at(j) or self.parser.is_place(toks[0].start) > 0 or any(t.text in self.parser.org for t in toks):
            return 0
        if self.is_foreign_place(" ".join(t.text for t in toks)) or toks[0].text.lower() in self.parser.words.address \
                or any(len(t.text) > 1 and t.text.isupper() for t in toks):
            return 0                            # "NGN E…": an acronym is not part of a name
        return n

    def _listed(self, found: list[Mention]) -> list[Mention]:
        """Names in a list after a cue ("the delegation included A, B and C", "thành phần đoàn gồm A, B"):
        each comma- or "and"-separated item that starts with a name is a person, with or without a role."""
        out: list[Mention] = []
        covered = [(m.start, m.end) for m in found]
        for m in _list_cue_re().finditer_runs(self.text, self.td.words.lower_runs):   # offsets only (lower-cased)
            stop = _SENTENCE_END.search(self.text, m.end())
            stop_at = stop.start() if stop else len(self.text)
            k = self._index_at_or_after(m.end())
            items = 0
            while k is not None and k < len(self.tokens) and self.tokens[k].start < stop_at and items < 12:
                while k < len(self.tokens) and self.tokens[k].text.lower().rstrip(".") in self.parser.words.address_tokens:
                    k += 1
                if k >= len(self.tokens):
                    break
                n = self._untitled_name(k)
                tok = self.tokens[k]
                if n and not _AFTER_LISTED_NAME.match(self.text, self.tokens[k + n - 1].end):
                    n = 0                       # "including New Year visits": a name is followed by a separator
                if not n and not items and not self._head_at(k):
                    break                       # a list of things, not of people
                if n and not any(a <= tok.start < b for a, b in covered):
                    toks = self.tokens[k:k + n]
                    out.append(Mention(self._name(toks), toks[0].start, toks[-1].end, []))
                    covered.append((toks[0].start, toks[-1].end))
                items += 1
                nxt = _LIST_SEPARATOR.search(self.text, tok.end, stop_at)   # the next item
                k = self._index_at_or_after(nxt.end()) if nxt else None
        return out

    def _captioned(self, found: list[Mention]) -> list[Mention]:
        """A name followed by its place in a photo ("Kim Min Su (left) and …", "… (thứ hai từ trái)")."""
        out: list[Mention] = []
        covered = [(m.start, m.end) for m in found]
        for m in _photo_marker_re().finditer(self.text):
            k = self._index_at_or_after(m.start() + 1)
            if k is None or not self.is_body(m.start()):
                continue
            before = self.name_before(k)
            if not before:
                continue
            s, ln = before
            toks = self.tokens[s:s + ln]
            if any(a <= toks[0].start < b for a, b in covered) or self._untitled_name(s) != ln:
                continue
            out.append(Mention(self._name(toks), toks[0].start, toks[-1].end, []))
            covered.append((toks[0].start, toks[-1].end))
        return out

    def _token_at(self, offset: int) -> int | None:
        """Index of the token that starts at ``offset``, if one does. A bisection: it is asked a few times an
        article (at title heads and words of address), where a map of every token start cost ~10 % of the
        persons' set-up."""
        k = bisect_left(self._starts, offset)
        return k if k < len(self._starts) and self._starts[k] == offset else None

    def _index_at_or_after(self, offset: int) -> int | None:
        k = bisect_left(self._starts, offset)
        return k if k < len(self.tokens) else None

    def _premodified(self, i: int, offices: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        """English "Izumisano Mayor" → "Mayor of Izumisano"; demonyms and abbreviations stay ("Lao Prime
        Minister", "U.S. Ambassador")."""
        first = self._abbreviations_before(i)
        if offices and first < i and (first < i - 1 or self.tokens[first].text.isupper()):
            title, s, e = offices[0]
            return [(self.text[self.tokens[first].start:self.tokens[i].start] + title, self.tokens[first].start, e)] \
                + offices[1:]
        if i == 0 or not offices or not self.tokens[i - 1].cap or not _SPACE.match(self.parser.gap(i)):
            return offices
        prev = self.tokens[i - 1]
        title, s, e = offices[0]
        if prev.text in _demonyms():
            return [(f"{prev.text} {title}", prev.start, e)] + offices[1:]
        j = i - 1                           # "Siem Reap’s Governor": a place of up to three words
        while j > 0 and i - j < 3 and self.tokens[j - 1].cap and self.parser.joined(j):
            j -= 1
        words = self.tokens[j:i]
        if self.text[s:s + 1].isupper() and not any(t.text in self.parser.org for t in words) \
                and all(_ASCII_CAPITAL.match(t.text) and not _VI_LETTER.search(t.text) for t in words) \
                and words[0].text not in ("The", "A", "An", "This", "That", "Its", "Their", "His", "Her", "New",
                                          "Former") and (j == 0 or not self.tokens[j - 1].cap):
            if title.split()[0] in ("Mayor", "Governor", "Chairman", "Secretary", "President"):
                place = _TRAILING_POSSESSIVE.sub("", self.text[words[0].start:prev.end])  # "Kandal’s Governor" → "Governor of Kandal"
                return [(f"{title} of {place}", words[0].start, e)] + offices[1:]
        return offices

    def _addressed(self, found: list[Mention]) -> list[Mention]:
        """"ông/bà/Mr. + two or more capitalised words" without a title nearby."""
        out = []
        covered = [(m.start, m.end) for m in found]
        for m in _honorific_re().finditer_runs(self.text, self.td.words.lower_runs):  # offsets only (lower-cased)
            t_i = self._token_at(m.end())
            if t_i is None:
                continue
            tok = self.tokens[t_i]
            if not tok.cap or not self.is_body(tok.start):
                continue
            n = self.parser.run_length(t_i)
            if n < 2 or n > 5 or any(s <= tok.start < e for s, e in covered):
                continue
            if self._head_at(t_i):
                continue                        # "Đồng chí Phó Chủ tịch …": a title, not a name
            toks = self.tokens[t_i:t_i + n]
            if any(t.text in self.parser.org for t in toks[1:]) and not self.parser.starts_name(tok.text) \
                    or self.parser.is_place(tok.start) > 0:  # "bà Lê Thị Tư": "Tư" (Tư pháp) is a given name here
                continue
            out.append(Mention(self._name(toks), toks[0].start, toks[-1].end, []))
            covered.append((toks[0].start, toks[-1].end))
        return out

    def _name(self, toks: list[Token]) -> str:
        return self.text[toks[0].start:toks[-1].end]

    # -- persons ----------------------------------------------------------------------------
    def persons(self) -> list[PersonFact]:
        by_key: dict[str, Mention] = {}
        order: list[str] = []
        offices_of: dict[str, list[str]] = {}
        mentions = self.mentions()
        historical = self._historical(mentions) | _historical_figures() | self._headline_only(mentions) \
            | self._cut_off(mentions)
        spelled: dict[str, str] = {}         # the name's letters without spaces → its first key
        for m in mentions:
            key = fold(m.name)
            if key in historical:
                continue
            key = spelled.setdefault(key.replace(" ", ""), key)      # "Nguyen VanLinh", a typo, is "Nguyen Van Linh"
            if key not in by_key:
                by_key[key] = m
                order.append(key)
                offices_of[key] = []
            for title, _, _ in m.offices:
                self._add_office(offices_of[key], _possessive(title))
        words_of_full = {w for k in order if len(k.split()) > 1 for w in k.split()}
        order = [k for k in order if len(k.split()) > 1 or k not in words_of_full]   # "Tanaka" after "Tanaka Ken"
        facts = []
        for key in order:
            m = by_key[key]
            offices = offices_of[key]
            side = self._side(m.name, offices)
            vietnamese = side == "vietnam"
            if vietnamese:     # the article's province completes Vietnamese titles only
                filled: list[str] = []
                for o in offices:
                    self._add_office(filled, self._fill(o))
                offices = filled
                side = self._side(m.name, offices)           # asked again of the completed titles
            if not self._vietnamese_text:
                completed = self._english_places(offices, vietnamese)
                if completed != offices:
                    offices = completed
                    side = self._side(m.name, offices)       # and of the titles their place completed
            facts.append(PersonFact(name=m.name, offices=tuple(offices), side=side,
                                    span=Span(self.doc, m.start, m.end, self.text[m.start:m.end]),
                                    province=self.main_province if side == "vietnam" else None))
        return facts

    def _historical(self, mentions: list[Mention]) -> set[str]:
        """Names met only in sentences about the past ("Chủ tịch Hồ Chí Minh … những năm 1950"), with
        at most a bare title: historical figures, not actors of the article."""
        spans: dict[str, list[Mention]] = {}
        for m in mentions:
            spans.setdefault(fold(m.name), []).append(m)
        out = set()
        for key, ms in spans.items():
            if any(len(t.split()) > 2 for m in ms for t, _, _ in m.offices):
                continue
            if all(_HISTORICAL.search(self._sentence_at(m.start)) for m in ms):
                out.add(key)
        return out

    def _headline_only(self, mentions: list[Mention]) -> set[str]:
        """Names met only in a Title-Case headline or heading and nowhere else in the text. Such a line
        capitalises every word, so the words after a title there are no evidence of a name ("U.S. Consul
        General Bids Farewell to City Leaders"); an actor a headline names is named again below it.
        (The headline is not always the first line: a page's furniture may come first.)"""
        heads = [ln for ln in self.td.layout.lines if ln.kind in ("headline", "heading") and self._title_case(ln)]
        if not heads:
            return set()

        def in_head(offset: int) -> bool:
            return any(ln.start <= offset < ln.end for ln in heads)

        return {fold(m.name) for m in mentions
                if in_head(m.start) and all(in_head(s) for s, _ in occurrences(self.text, m.name))}

    def _cut_off(self, mentions: list[Mention]) -> set[str]:
        """A name that runs into the end of a text cut mid-word (a page's lead, a truncated feed item:
        "… the Chairman of Nho Quan Distr"): the last word is a fragment, so the run is no evidence of a
        name, unless the same name stands complete elsewhere."""
        end = len(self.text.rstrip())
        if not end or not self.text[end - 1].isalpha():
            return set()
        cut = {fold(m.name) for m in mentions if m.end >= end}
        return cut - {fold(m.name) for m in mentions if m.end < end}

    def _title_case(self, line: Line) -> bool:
        """An English line whose every word but the minor ones (title_case_minor_words.tsv) is capitalised,
        with at least four such words: "Consul General Bids Farewell to City Leaders", not "Chairman Tran
        Van Loc met the Governor" (a lower-case verb) nor a short Vietnamese line of names."""
        if self._vietnamese_text:
            return False
        words = [w for w in _LETTER_RUN.findall(self.text[line.start:line.end])
                 if w.lower() not in _title_case_minor()]
        return len(words) >= 4 and all(w[0].isupper() for w in words)

    def _sentence_at(self, offset: int) -> str:
        start = max(self.text.rfind(". ", 0, offset), self.text.rfind("\n", 0, offset)) + 1
        ends = [e for e in (self.text.find(". ", offset), self.text.find("\n", offset)) if e >= 0]
        return self.text[start:min(ends) if ends else len(self.text)]

    def _fill(self, title: str) -> str:
        """"Chủ tịch UBND tỉnh" in an article about one province → "Chủ tịch UBND tỉnh <that province>";
        "Chairman of the provincial People's Committee" → "… of the Can Tho provincial People's Committee"."""
        title = _possessive(title)
        if not (self.main_province and _FILL_PROVINCE.search(title)):
            return title
        english = _FILL_ENGLISH.search(title)
        if english:
            return title[:english.start(1)] + f"{self.main_surface} " + title[english.start(1):] \
                if self.main_surface else title
        if _PLACED_COMMITTEE.search(title):
            return title                 # "of Can Tho municipal People's Committee": the place is already there
        return f"{title} {self.main_province}"

    def _english_places(self, offices: list[str], vietnamese: bool) -> list[str]:
        """"provincial Deputy Governor" beside "… of the Sekong provincial Party Committee" → "Sekong provincial
        Deputy Governor"; a Vietnamese official's bare "provincial" takes the article's province
        (loaders/office_places.py)."""
        if not vietnamese:
            offices = [drop_owner_country(o) for o in offices]
        named = next((p for p in map(named_place, offices) if p), None)
        place = named if named and (vietnamese or is_foreign_place_name(named)) else None
        if place is None and vietnamese:
            place = self.main_surface
        out: list[str] = []
        for o in offices:
            self._add_office(out, complete_english_office(o, place))
        return out

    @staticmethod
    def _add_office(offices: list[str], title: str) -> None:
        title = canonical_office(title)
        t = _office_key(title)
        for k, o in enumerate(offices):
            f = _office_key(o)
            if f == t or f.startswith(t + " ") or len(t.split()) <= 2 and f" {t} " in f" {f} ":
                return                  # "Ambassador" after "U.S. Ambassador to Vietnam": the same post, shorter
            if t.startswith(f + " "):
                offices[k] = title
                return
        offices.append(title)

    @property
    def _vietnamese_text(self) -> bool:
        """The text layer's one language guess (it agreed with the 10 %-of-letters test this class used to
        make on all 627 seed, dev, pool and generated articles: 25-28 % of a Vietnamese article's letters
        carry a mark, an English one's < 2 %)."""
        return self.td.lang == "vi"

    def _side(self, name: str, offices: list[str]) -> str:
        text = " ".join(offices)
        if _ENVOY_TO_VIETNAM.search(text):
            return "foreign"
        first_words = {o.split()[0] for o in offices if o.split()}
        if first_words & (_demonyms() - {"Vietnamese"}):
            return "foreign"
        vn_surname = name.split()[0] in self.parser.surnames
        if vn_surname and _VN_ONLY.search(text) and not _ENVOY_TO_VIETNAM.search(text):
            return "vietnam"                 # "Phó Chủ tịch UBND tỉnh …": whatever place the title names
        if any(h in text for h in _FOREIGN_HINTS) or any(self.is_foreign_place(o) for o in offices):
            if not _VN_ENVOY.search(text):
                return "foreign"
        if _VN_INSTITUTIONS.search(text) and (vn_surname or _VN_STATE.search(text)):
            # a foreign name needs a Vietnamese state body: "Giám đốc … tổ chức GPI Việt Nam" is a foreign NGO's
            return "vietnam"             # "Sanan …, Phó Bí thư Tỉnh ủy": Lao provinces have a Tỉnh ủy too
        heads = [self.parser.head_side.get(self.parser.head_re.match(o).group().lower(), "any")
                 for o in offices if self.parser.head_re.match(o)]
        if "foreign" in heads:
            return "foreign"
        if not _VI_LETTER.search(name) and self._vietnamese_text:
            return "foreign"                 # "Kim Yong Su" in a Vietnamese text, with no title to tell
        home = {fold(p) for p in (self.main_province, self.main_surface) if p}
        if any(f" {h} " in f" {fold(o)} " for h in home for o in offices):
            return "vietnam"                 # "Deputy Secretary of the Party Committee of Quảng Ngãi province", a rare surname
        return "vietnam" if vn_surname else "foreign"


# regexes that were spelled in the calls (each call looked its pattern up in re's cache)
_ADDRESS_GAP = re.compile(r"\.?[ \t\u00a0]+")
_SPACED_POSSESSIVE = re.compile(r" (’s|'s)\b")
_ABBREVIATION_GAP = re.compile(r"\.?[ \t\u00a0]*|['’]s ")
_SEPARATOR_BEFORE = re.compile(r"(?:^|[\n:;.,(“\"|–-])\s*$")
_ASCII_CAPITAL = re.compile(r"[A-Z]")
_TRAILING_POSSESSIVE = re.compile(r"['’]s$")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_FILL_ENGLISH = re.compile(r"\bthe ([Pp]rovincial|[Mm]unicipal) (?:People['’]s Committee|Party Committee|People['’]s Council|"
                           r"Department of [A-Z][\w ]+)(?: \([A-Z][A-Za-z]{1,5}\))?$")
_PLACED_COMMITTEE = re.compile(r"\b(?:provincial|municipal) People['’]s Committee$")
_COMMA_NEXT = re.compile(r"\s*[,;]")
_STOP_NEXT = re.compile(r"\s*[,;.)]")
_INSTITUTION_STARTS = ("Bộ", "Sở", "Tổng", "Đại", "Embassy", "Consulate", "Ministry", "Cục")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)(?<![A-Z]\.\s)|\n")
_AFTER_LISTED_NAME = re.compile(r"\s*(?:[,;:(–—-]|\band\b|\bvà\b|[.!?](?:\s|$)|$)")
_LIST_SEPARATOR = re.compile(r"\s*(?:[,;]\s*(?:and\b|và\b)?|\band\b|\bvà\b)\s*")


@lru_cache(maxsize=1)
def _historical_figures() -> frozenset[str]:
    """Historical figures cited in diplomacy articles, never their actors: data/historical_figures.tsv (folded)."""
    return frozenset(fold(n) for n in column("historical_figures.tsv", "name"))


@lru_cache(maxsize=1)
def _honorific_re() -> WordLedFinder:
    """A word of address or rank and the space after it ("ông ", "Mr. "): data/honorifics.tsv."""
    words = column("honorifics.tsv", "word")
    # ``(?:^|(?<=[\s(\[“\"'‘:;,]))`` + the trie, with the test after the first letter: re skips ahead by it
    return WordLedFinder(literal_trie_after(words, r"[^\s(\[“\"'‘:;,]", ignore_case=True) + r"[ \t\u00a0]+", words)


@lru_cache(maxsize=1)
def _list_cue_re() -> WordLedFinder:
    """Words after which a list of people comes: data/name_list_cues.tsv."""
    cues = column("name_list_cues.tsv", "cue")
    return WordLedFinder(_at_word_start(cues, "name_list_cues.tsv") + r"\b\s*:?", cues)


@lru_cache(maxsize=1)
def _head_finder() -> WordLedFinder:
    """Every title head in a text (the scan of ``_lexicon``'s head regex, whose matches on other strings
    stay as they are)."""
    heads = {r["head"] for r in read_table("titles.tsv", ("head", "lang", "side"))}
    # not ``_at_word_start``: heads start with common letters (c, p, t, b …), and stopping at each of them cost
    # more than the leading \b that rejects every position inside a word (0.020 → 0.030 CPU-s, 300 articles)
    return WordLedFinder(r"\b" + literal_trie(heads, ignore_case=True) + r"\b", heads)


def _at_word_start(words: Iterable[str], table: str) -> str:
    """``\\b`` + the words' trie, spelled so that re skips ahead to their first letters (``literal_trie_after``):
    the same matches when every word starts with a word character, which the table must keep."""
    words = list(words)
    bad = [w for w in words if w and not _WORD_CHAR.match(w)]
    if bad:
        raise ValueError(f"{table}: a word must start with a letter or digit: {bad[:3]}")
    return literal_trie_after(words, r"\w", ignore_case=True)


_WORD_CHAR = re.compile(r"\w")


@lru_cache(maxsize=1)
def _photo_marker_re() -> re.Pattern:
    """A person's place in a photo, in parentheses: data/photo_markers.tsv."""
    words = column("photo_markers.tsv", "marker")
    return re.compile(r"\((?:[^()\n]{0,20}?\s)?" + literal_trie(words, ignore_case=True) + r"(?:\s[^()\n]{0,20})?\)",
                      re.I)


_VN_STATE_BODIES = (r"UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân|ĐBQH|Mặt trận Tổ quốc|"
                    r"People['’]s Committee|People['’]s Council")
_VN_STATE = re.compile(rf"\b(?:{_VN_STATE_BODIES})", re.I)                       # bodies only Vietnam has
_VN_ONLY = re.compile(rf"\b(?:{_VN_STATE_BODIES}|Vietnam|Viet Nam|Việt Nam)", re.I)  # … or the country named
_VN_ENVOY = re.compile(r"\bViệt Nam tại\b|\b(?:Đại sứ|Tổng Lãnh sự|Lãnh sự) Việt Nam\b|\bVietnamese (?:Ambassador|"
                       r"Consul|Consul[- ]General|Deputy Consul General|Embassy|Consulate)\b|\bof (?:Vietnam|Viet Nam) (?:to|in)\b")
_HISTORICAL = re.compile(r"\b(?:năm|in|since|từ|vào|thập niên|những năm|the|of)\s+(?:tháng\s+\d{1,2}\s+)?"
                         r"(?:January |February |March |April |May |June |July |August |September |October |"
                         r"November |December )?(?:1[89]\d\d|19[0-8]\d)s?\b|\b(?:1[89]\d\d|19[0-8]\d)s\b|lãnh tụ|tiền bối|"
                         r"\bcố (?:Chủ tịch|Thủ tướng|Tổng Bí thư|Đại tướng)|\bthe late\b|\bfounding (?:father|leader)|"
                         r"đặt nền móng|dày công vun đắp|laid the foundation", re.I)
_ENVOY_TO_VIETNAM = re.compile(r"\b(?:Ambassador|Consul(?:-| )?General|Consul|Đại sứ|Tổng Lãnh sự|Lãnh sự)\b[^,;]*?"
                               r"\b(?:to|in|tại) (?:Vietnam|Viet Nam|Việt Nam)\b")
# one class, the union of four single-character alternatives it was (the same characters, one test)
_VI_LETTER = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u0300-\u0323àáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ\u1ea0-\u1ef9]", re.I)


@lru_cache(maxsize=1)
def _title_case_minor() -> frozenset[str]:
    return frozenset(column("title_case_minor_words.tsv", "word"))


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """Words naming a country that go with a title: demonyms ("Lao") and country forms ("RoK", "Lào")."""
    return frozenset(column("demonyms.tsv", "word")) | frozenset(column("title_countries.tsv", "word"))


@lru_cache(maxsize=1)
def _office_forms() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(r["pattern"]), r["replacement"]) for r in read_table("office_forms.tsv"))


@lru_cache(maxsize=4096)        # pure; an article compares each office with every other one it holds
def _office_key(title: str) -> str:
    """Folded office for comparing two spellings of one post ("TP Hồ Chí Minh" = "Thành phố Hồ Chí Minh")."""
    return _TP.sub("thanh pho ", fold(title))


_TP = re.compile(r"\btp\.?\s*(?=\w)")


@lru_cache(maxsize=4096)
def canonical_office(title: str) -> str:
    """One spelling per office ("Chủ tịch Ủy ban nhân dân tỉnh X" → "Chủ tịch UBND tỉnh X"): data/office_forms.tsv."""
    for rx, rep in _office_forms():
        title = rx.sub(rep, title)
    return " ".join(title.split())


_POSSESSIVE_BODY = re.compile(r"^(.+?) of (?:the )?([A-Z][\w ]+?)(?: province| city)?['’]s (Party Committee|"
                              r"People['’]s Committee|People['’]s Council)$")


def _possessive(title: str) -> str:
    """"Secretary of Bac Ninh’s Party Committee" → "Secretary of the Party Committee of Bac Ninh province"."""
    if "’s " not in title and "'s " not in title:
        return title                    # the possessive is in every match: most titles have none
    m = _POSSESSIVE_BODY.match(title)
    if not m:
        return title
    head, place, body = m.groups()
    return f"{head} of the {body} of {place} province"
