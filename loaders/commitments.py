"""Commitments: pledges, requests, agreements signed, cooperation agreed, promotion, aid.

``find_commitments(doc, text, actors)`` reads one cleaned article text and returns
``CommitmentFact``s whose ``span`` is a clause-level slice of ``text``
(``text[span.start:span.end] == span.text``).

The cues live in ``commitment_cues.tsv`` beside this module (pattern, language, kind,
role), so a new cue is a line of data. The code here only knows the roles:

* sentences are cut by a small segmenter (lines, ``.!?…``, abbreviations such as
  ``TP.`` / ``Mr.``, decimals, quotes, sentences glued without a space);
* boilerplate lines are dropped (headline and its repeats, related-links, players,
  captions credits, page footer);
* a sentence is split at ``;`` / ``while`` into parts; parts without a cue are
  merged into their neighbour, so one prediction covers one commitment;
* a cue counts only in context: a bare future (``sẽ``/``will``) needs an animate
  subject, a request needs an addressee, a donation needs an amount or aid goods,
  and belief / hope / purpose words right before a cue cancel it;
* the maker (``by``) is the nearest person before the cue, else the person an office
  word or pronoun refers to, else an organization / province / partner in the
  subject, else the quoted speaker, else the article's main Vietnamese actor.

``Actors`` carries what other loaders found (persons, organizations, provinces,
partners as ``(name, start, end)``); it may be empty, then a light fallback finds
names by title words.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from dataclasses import dataclass
from pathlib import Path

from loaders.patterns import StartGate, guarded
from loaders.tables import column
from loaders.text import TextDoc, fold_words as _fold, occurrences
from ontology.facts import COMMITMENT_KINDS, CommitmentFact, Span

__all__ = ["Actor", "Actors", "find_commitments", "load_cues"]

CUES_PATH = Path(__file__).with_name("commitment_cues.tsv")


# --------------------------------------------------------------------------- actors
@dataclass(frozen=True)
class Actor:
    """One named actor found elsewhere in the text: ``name`` is the canonical name the record
    should use; ``start``/``end`` locate one surface of it (``text[start:end]``)."""

    name: str
    start: int
    end: int

    @classmethod
    def of(cls, fact) -> "Actor":
        """From any fact with a ``name`` and a ``span`` (persons, organizations, provinces, partners)."""
        return cls(fact.name, fact.span.start, fact.span.end)


@dataclass(frozen=True)
class Actors:
    """The named actors of an article, by kind. Every occurrence may be given, or only one: the
    other occurrences of the same surface are found here."""

    persons: tuple[Actor, ...] = ()
    organizations: tuple[Actor, ...] = ()
    provinces: tuple[Actor, ...] = ()
    partners: tuple[Actor, ...] = ()


@dataclass(frozen=True)
class _Mention:
    cat: str          # person | organization | province | partner
    name: str         # value used in by/to
    start: int
    end: int


# --------------------------------------------------------------------------- cue table
@dataclass(frozen=True)
class _Cue:
    rx: re.Pattern
    lang: str
    kind: str
    role: str


_CUE_ROLES = ("sign", "donate", "donate_amount", "agree", "pledge", "modal", "request", "invite", "receive")


def load_cues(path: Path = CUES_PATH) -> dict[str, list[_Cue]]:
    """Read the cue table: {role: [cue, ...]} with macros expanded and regexes compiled."""
    rows, macros = [], {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = raw.split("\t")
        if len(parts) != 4:
            raise ValueError(f"{path.name}: expected 4 tab-separated columns: {raw!r}")
        pat, lang, kind, role = (p.strip() if i else p for i, p in enumerate(parts))
        if role == "macro":
            macros[kind] = pat
        else:
            rows.append((pat, lang, kind, role))
    table: dict[str, list[_Cue]] = {}
    for pat, lang, kind, role in rows:
        for name, body in macros.items():
            pat = pat.replace("{" + name + "}", f"(?:{body})")
        flags = 0 if role.endswith("_cs") else re.IGNORECASE
        role = role.removesuffix("_cs")
        if kind not in COMMITMENT_KINDS and kind not in ("auto", "-"):
            raise ValueError(f"{path.name}: unknown kind {kind!r}")
        body = pat if pat.startswith("^") else r"(?<!\w)(?:" + pat + ")"
        if pat[-1:].isalpha() and role not in ("content", "aid", "souvenir"):   # content words are stems
            body += r"(?!\w)"
        # guarded: a lookahead on the cue's possible first characters (the same matches; re cannot skip
        # ahead by itself past the leading lookbehind): a cue is run over every sentence part that may hold it
        if role in _CUE_ROLES:
            body = guarded(body, flags)
        table.setdefault(role, []).append(_Cue(re.compile(body, flags), lang, kind, role))
    return table


_CUES = load_cues()


@lru_cache(maxsize=None)
def _cues(role: str, lang: str) -> tuple[_Cue, ...]:
    return tuple(c for c in _CUES.get(role, ()) if c.lang in ("*", lang))


def _any(role: str, lang: str, s: str) -> re.Match | None:
    for c in _cues(role, lang):
        m = c.rx.search(s)
        if m:
            return m
    return None


_AMOUNT = re.compile(
    r"(?<![\w.,])(?:(?:USD|US\$|\$|VND|€)\s?\d[\d.,]*(?:\s*(?:triệu|tỷ|tỉ|nghìn|ngàn|million|billion|thousand|bn|m)\b)?"
    r"|\d[\d.,]*\s*(?:(?:triệu|tỷ|tỉ|nghìn|ngàn|million|billion|thousand)\s*)?"
    r"(?:đồng|VNĐ|VND|USD|US\$|đô la Mỹ|kíp|kip|yên|yen|euro|EUR|nhân dân tệ|NDT|won|baht|riel|Vietnamese dong|Vietnam dong|dong|US dollars|dollars)\b)",
    re.IGNORECASE)

# --------------------------------------------------------------------------- mentions
_UP = "".join(c for c in map(chr, range(0x41, 0x1F00)) if c.isupper() and c.isalpha())
_CAP = "[" + re.escape(_UP) + "]"
_INSTITUTION = (r"(?:Party|Committee|Province|Provincial|People|People’s|People's|Department|Ministry|Council|City|State|"
                r"Republic|Vietnam|Viet|Nam|Lao|Laos|Korea|Japan|China|Cambodia|Embassy|Consulate|General|Affairs|Foreign|"
                r"Central|South|North|East|West|Southern|Northern|Highland|Highlands|Delta|Secretary|Chairman|Governor|"
                r"Minister|Deputy|Vice|Prime|Ambassador|Mayor|Director|Association|Union|Office|Prefecture|The)\b")
_VI_NAME = _CAP + r"[\w]*"
_EN_NAME = r"(?!" + _INSTITUTION + r")[A-Z][a-z]+"
_FALLBACK_PERSON = {
    "vi": re.compile(
        r"(?:ông|bà|đồng chí|Ông|Bà|Đồng chí|Chủ tịch|Bộ trưởng|Thứ trưởng|Bí thư|Giám đốc|Tỉnh trưởng|"
        r"Thống đốc|Đại sứ|Tổng Lãnh sự|Cục trưởng|Châu trưởng|Thị trưởng|Thủ tướng)(?!\w)([^,;.()\n–]{0,80})"),
    "en": re.compile(r"(?<![\w’'])(" + _EN_NAME + r"(?:[ \t]+" + _EN_NAME + r"){1,3})(?=[ \t]+(?:said|says|pledged|committed|"
                     r"received|met|led|visited|signed|presented|handed|told|"
                     r"asked|called|proposed|suggested|urged|noted|stressed|affirmed|expressed|highlighted|applauded|"
                     r"introduced|spoke|added|agreed|thanked|welcomed|hoped|vowed|promised|and|\(|,))"),
}
_FALLBACK_PLACE = {
    "vi": re.compile(r"(?:tỉnh|thành phố|TP\.?)[ \t]+(" + _VI_NAME + r"(?:[ \t]+" + _VI_NAME + r"){0,3})"),
    "en": re.compile(r"(?:(?:province|city) of[ \t]+(" + _EN_NAME + r"(?:[ \t]+" + _EN_NAME + r"){0,2})|(" + _EN_NAME +
                     r"(?:[ \t]+" + _EN_NAME + r"){0,2})(?:’s|'s)?[ \t]+(?:municipal[ \t]+|provincial[ \t]+)?(?:province|city)\b)"),
}
_FALLBACK_ORG = {
    "vi": re.compile(r"(?:UBND|Ủy ban nhân dân|Ủy ban Nhân dân|HĐND|Tỉnh ủy|Sở Ngoại vụ|Bộ Ngoại giao)"
                     r"(?:[ \t]+(?:tỉnh|thành phố)[ \t]+" + _VI_NAME + r"(?:[ \t]+" + _VI_NAME + r"){0,3})?"),
    "en": re.compile(r"(?:Ministry of [A-Z][a-z]+(?: [A-Z][a-z]+)*|People[’']s Committee of [A-Z][a-z]+(?: [A-Z][a-z]+)* province)"),
}


_EN_PLACE_WORD = re.compile(r"\s+(?:province|prefecture)$")     # lower case: "Ho Chi Minh City" keeps "City"


def _mentions(text: str, actors: Actors | None, lang: str) -> list[_Mention]:
    found: dict[tuple[int, int], _Mention] = {}

    def add(cat: str, name: str, s: int, e: int) -> None:
        if (s, e) not in found and not any(m.start <= s and e <= m.end and m.cat == cat for m in found.values()):
            found[(s, e)] = _Mention(cat, name, s, e)

    groups = []
    if actors is not None:
        groups = [("person", actors.persons), ("organization", actors.organizations),
                  ("province", actors.provinces), ("partner", actors.partners)]
    have_any = any(items for _, items in groups)
    # longest surfaces first, so "UBND tỉnh Nghệ An" wins over "Nghệ An"
    entries = []
    for cat, items in groups:
        for actor in items:
            name, s, e = actor.name, actor.start, actor.end
            surface = text[s:e] if 0 <= s < e <= len(text) else name
            value = surface if cat in ("province", "partner") else name
            if cat in ("province", "partner") and lang == "en":
                value = _EN_PLACE_WORD.sub("", value) or value     # "Mondulkiri province" is "Mondulkiri"
            entries.append((cat, value, surface, name))
            if cat in ("province", "partner") and lang == "en" and value != surface and len(value) >= 4:
                entries.append((cat, value, value, name))            # the bare "Savannakhet" later on
            if cat == "person":
                for alias in _person_aliases(name, surface, lang):
                    entries.append(("person", name, alias, name))
    if not have_any:
        entries = _fallback_entries(text, lang)
    entries.sort(key=lambda t: -len(t[2]))
    # an entry met again (every occurrence of a person is an actor, with its aliases) adds nothing: each of its
    # spans is already a mention, or was refused as nested in one that is still there
    done: set[tuple[str, str, str]] = set()
    for cat, value, surface, _ in entries:
        if not surface.strip() or (cat, value, surface) in done:
            continue
        done.add((cat, value, surface))
        for s, e in occurrences(text, surface):
            add(cat, value, s, e)
    return sorted(found.values(), key=lambda m: m.start)


def _person_aliases(name: str, surface: str, lang: str) -> list[str]:
    toks = surface.split()
    if len(toks) < 2:
        return []
    if lang == "en":
        return [t for t in {toks[0], toks[-1]} if len(t) >= 3 and t[0].isupper()]
    return [f"{h} {toks[-1]}" for h in ("ông", "bà", "Ông", "Bà", "đồng chí", "Đồng chí")]


_SURNAMES = frozenset(column("surnames.tsv", "surname", kind="surname"))   # family names only
_NOT_NAME = frozenset(column("institution_heads.tsv", "word"))


def _vi_name(after: str) -> str | None:
    """The person's name in the words after a title: the last run of capitalised words,
    starting at a common surname when there is one ("UBND tỉnh Nghệ An Nguyễn Văn A")."""
    runs, cur = [], []
    for tok in after.split():
        if tok[:1].isupper() and tok.isalpha():
            cur.append(tok)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    if not runs:
        return None
    for run in runs:
        for i, tok in enumerate(run):
            if tok in _SURNAMES and 2 <= len(run) - i <= 5:
                return " ".join(run[i:])
    for run in runs:
        if 2 <= len(run) <= 4 and run[0] not in _NOT_NAME:
            return " ".join(run)
    return None


def _fallback_entries(text: str, lang: str) -> list[tuple[str, str, str, str]]:
    """Without Actors: persons after a title (vi) or before a speech verb (en), bodies, provinces."""
    out = []
    persons = set()
    for m in _FALLBACK_PERSON[lang].finditer(text):
        name = _vi_name(m.group(1)) if lang == "vi" else m.group(1)
        if name:
            persons.add(name)
    for name in persons:
        out.append(("person", name, name, name))
        for alias in _person_aliases(name, name, lang):
            out.append(("person", name, alias, name))
    for m in _FALLBACK_ORG[lang].finditer(text):
        toks = m.group(0).split()
        for i in range(3, len(toks)):           # "UBND tỉnh Sóc Trăng Lâm Hoàng Nghiệp": stop at a surname
            if toks[i] in _SURNAMES:
                toks = toks[:i]
                break
        org = " ".join(toks)
        out.append(("organization", org, org, org))
    for m in _FALLBACK_PLACE[lang].finditer(text):
        toks = next(g for g in m.groups() if g).split()
        for i in range(1, len(toks)):
            if toks[i] in _SURNAMES:
                toks = toks[:i]
                break
        name = " ".join(toks)
        out.append(("province", name, name, name))
    return out


# --------------------------------------------------------------------------- cue finding
@dataclass
class _Hit:
    role: str
    kind: str
    start: int
    end: int


_CLAUSE_BREAK = re.compile(r"[,;:“”\"]|\s[-–]\s(?=\S+\s+\S)")
# guarded (the same matches): both are searched once per cue, case-insensitively, where re cannot skip ahead by
# itself (the two over the 2,698 block tests of 300 generated articles: 0.0073 -> 0.0060 CPU-s)
_RESET = re.compile(guarded(r"(?<!\w)(?:đồng thời|while|and also|besides|meanwhile|bên cạnh đó|ngoài ra|"
                            r"and(?=\s+(?:the two|both)\s))(?!\w)", re.IGNORECASE), re.IGNORECASE)


_CLAUSE_CHARS = re.compile(r"[()\-–,;:“”\"]")


@lru_cache(maxsize=64)
def _own_clause_start(text: str, lo: int, pos: int) -> int:
    """Start of the comma-clause that holds position ``pos`` (not before ``lo``). Cached: the same cue's clause
    is asked for by the block test, the animate test, the kind and the maker (6,012 calls, 2,562 different, over
    300 generated articles; ~20 a document, so a small cache holds one document's)."""
    depth = 0
    # only these characters act, so the walk back visits them alone (found by one regex), not every character
    for k in reversed([m.start() for m in _CLAUSE_CHARS.finditer(text, lo, pos)]):
        c = text[k]
        if c == ")":
            depth += 1                  # "Saiki city (Oita province, Japan) signed": that comma is inside
        elif c == "(":
            if depth:
                depth -= 1
        elif depth == 0 and (c not in "-–" or _CLAUSE_BREAK.match(text, k - 1)):
            return k + 1
    return lo


_HOPE_AND = re.compile(guarded(r"(?:hy vọng|hi vọng|kỳ vọng|hope|hopes|hoped)\s+(?:và|and)\s*$", re.I), re.I)


def _blocked(text: str, lo: int, pos: int, lang: str) -> bool:
    """Belief, hope or purpose words in the cue's own clause (or the clause it continues)."""
    s = _own_clause_start(text, lo, pos)
    window = text[s:pos]
    # a clause that starts right at the cue (no subject) continues the clause before it
    if not window.strip(" ,") and s > lo:
        s = _own_clause_start(text, lo, s - 1)
        window = text[s:pos]
    r = prev = None
    for r in _RESET.finditer(text, s, min(pos + 16, len(text))):   # the reset's lookahead may reach the cue
        if r.start() >= pos:
            r = prev
            break
        prev = r
    if r:
        window = text[r.end():pos]
    window = _HOPE_AND.sub("", window)   # "bày tỏ hy vọng và mong muốn": the same wish, not a belief about effects
    return _any("block", lang, window) is not None


# --------------------------------------------------------------------------- where a cue can match
@lru_cache(maxsize=None)
def _cue_gate(lang: str) -> tuple[tuple[tuple[str, _Cue], ...], StartGate]:
    """The cues of the nine roles, in order, as (role, cue), and one gate over all of them."""
    cues = tuple((role, c) for role in _CUE_ROLES for c in _cues(role, lang))
    return cues, StartGate([c.rx for _, c in cues])


class _CuePlaces:
    """Which cues can match in a span of one document, and where (``loaders/patterns.StartGate``): nearly
    every cue starts with one of a few words ("đề nghị", "mong muốn", "agreed to"), found in the lower-cased
    text in one pass; a cue is tried at those offsets of a sentence part only.

    Why: the nine roles' cues were searched in every sentence part (a regex union per role with ~35
    case-insensitive alternatives, a step per character); then each cue over the parts holding one of its
    literals (a bisection per cue and part, and a search over the whole part). Now a part visits the
    spots inside it (one bisection) and runs a ``match`` at each (300 generated articles: see
    bench/RESULTS.md, eighth session)."""

    __slots__ = ("cues", "starts", "spots", "free", "_last")

    def __init__(self, cues: tuple[tuple[str, _Cue], ...], starts: tuple[bool, ...],
                 spots: list[tuple[int, int, int, int]], free: tuple[int, ...]):
        self.cues = cues            # (role, cue) of every cue of the language, in role order then table order
        self.starts = starts        # per cue: its spots are where a match can start (else: it is searched)
        self.spots = spots          # (start, cue index, reach, what), sorted: StartGate.spots
        self.free = free            # cue indexes that may match anywhere
        self._last: tuple = (-1, -1, {})

    @staticmethod
    def of(text: str, lang: str) -> "_CuePlaces":
        cues, gate = _cue_gate(lang)
        spots = gate.spots(text)
        if spots is None:           # a text that cannot be lower-cased safely: every cue searched everywhere
            return _CuePlaces(cues, (False,) * len(cues), [], tuple(range(len(cues))))
        return _CuePlaces(cues, gate.starts, spots, gate.free)

    def within(self, lo: int, hi: int) -> dict[int, list[int] | None]:
        """{cue index: the offsets where it can start inside ``text[lo:hi]`` (ascending), or None: it is to be
        searched}, in ascending cue order, for the cues that can match there."""
        last = self._last
        if last[0] == lo and last[1] == hi:     # a sentence of one part: asked for the sentence, then the part
            return last[2]
        spots = self.spots
        i = bisect_left(spots, (lo,))
        need: set[int] = set()
        at: dict[int, list[int]] = {}
        for s, k, reach, what in spots[i:bisect_left(spots, (hi,), i)]:
            if reach <= hi:
                if what & 2:                     # StartGate.NEED
                    need.add(k)
                if what & 1:                     # StartGate.START
                    ks = at.get(k)
                    if ks is None:
                        at[k] = [s]
                    elif ks[-1] != s:
                        ks.append(s)
        found: dict[int, list[int] | None] = {}
        starts = self.starts
        for k in sorted(need.union(self.free)):
            if not starts[k]:
                found[k] = None
            elif k in at:                        # (no start inside: no match)
                found[k] = at[k]
        self._last = (lo, hi, found)
        return found


def _cue_hits(text: str, lo: int, hi: int, lang: str, mentions: list[_Mention],
              places: _CuePlaces | None = None) -> list[_Hit]:
    if places is None:
        places = _CuePlaces.of(text, lang)
    where = places.within(lo, hi)
    if not where:
        return []
    seg = text[lo:hi]
    cues = places.cues
    hits: list[_Hit] = []
    for k, at in where.items():
        role, cue = cues[k]
        if at is not None:
            # every match starts at one of these offsets: a match at each is what finditer finds (the leftmost
            # match, then the next one from its end)
            rx, done = cue.rx, lo
            for p in at:
                if p >= done:
                    m = rx.match(seg, p - lo)
                    if m is not None:
                        done = lo + m.end()
                        if _accept(text, lo, hi, p, done, role, cue.kind, lang, mentions):
                            hits.append(_Hit(role, cue.kind, p, done))
            continue
        for m in cue.rx.finditer(seg):
            s, e = lo + m.start(), lo + m.end()
            if _accept(text, lo, hi, s, e, role, cue.kind, lang, mentions):
                hits.append(_Hit(role, cue.kind, s, e))
    hits.sort(key=lambda h: (h.start, -h.end))
    # drop hits nested in an earlier, longer hit of another cue
    out: list[_Hit] = []
    for h in hits:
        if any(o.start <= h.start and h.end <= o.end and (o.start, o.end) != (h.start, h.end) for o in out):
            continue
        out.append(h)
    return out


_AID_NEAR = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:scholarships?|aid|relief|medical supplies|equipment|vaccines?|houses|"
                       r"classrooms?|food|rice)\b", re.I)


_COUNT = re.compile(r"(?<![\w.,])\d[\d.,]*\s+")


def _counted_aid(rest: str, lang: str) -> bool:
    """Aid goods counted right after the verb stand for an amount ("hỗ trợ tỉnh bạn 2 máy thở, 20.000 khẩu
    trang", "provided 500 tonnes of rice"): a number within the first 100 characters with an aid word
    (the ``aid`` cue row) within a few words after it."""
    for m in _COUNT.finditer(rest, 0, 100):
        aid = _any("aid", lang, rest[m.end():m.end() + 40])
        if aid is not None and aid.start() <= 12:
            return True
    return False


def _accept(text: str, lo: int, hi: int, s: int, e: int, role: str, kind: str, lang: str,
            mentions: list[_Mention]) -> bool:
    if role == "sign" or role == "receive":
        return True
    if role in ("donate", "donate_amount"):
        rest = text[e:hi]
        if role == "donate_amount" or lang == "en" and not _any("aid", lang, rest):
            # English "has provided ten scholarships": aid goods right after the verb stand for an amount
            if not _AMOUNT.search(rest[:160]) and not (lang == "en" and _AID_NEAR.match(rest)) \
                    and not _counted_aid(rest, lang):
                return False
        elif not (_AMOUNT.search(rest[:160]) or _any("aid", lang, rest[:120])
                  or _any("aid", lang, text[max(lo, s - 40):s])):     # "công trình do tỉnh xây tặng …"
            return False
        sv = _any("souvenir", lang, rest[:60])
        if sv and not _AMOUNT.search(rest[:sv.start() + 1]):
            return False
        return not _blocked(text, lo, s, lang)
    if _blocked(text, lo, s, lang):
        return False
    if role == "modal":
        return _animate(text, lo, s, lang, mentions)
    if role == "request":
        after = text[e:hi]
        if any(c.rx.match(after) for c in _cues("blockafter", lang)):
            return False
        if lang == "vi" and kind != "cooperate":     # a wish to cooperate needs no addressee
            if not (any(c.rx.match(after) for c in _cues("addressee", lang)) or any(e <= m.start < e + 40 for m in mentions)):
                return False
        if any(c.rx.search(after) for c in _cues("internal", lang)):
            return False
        return True
    return True


def _animate(text: str, lo: int, pos: int, lang: str, mentions: list[_Mention]) -> bool:
    s = _own_clause_start(text, lo, pos)
    own = text[s:pos]
    if not _REPORTED[lang].sub("", own[_CONNECTOR.match(own).end():]).strip(" ,"):
        s = lo                      # "X cho biết, sẽ ..." / "…, đồng thời cho biết sẽ …": the whole sentence so far
    window = text[s:pos]
    if any(s <= m.start < pos for m in mentions):
        return True
    if _any("animate", lang, window):
        return True
    words = window.split()
    if 0 < len(words) <= 6 and any(w[:1].isupper() for w in words[1:] + words[:1]):
        return True
    return any(_any(r, lang, window) for r in ("joint", "pronoun", "title"))


# --------------------------------------------------------------------------- kinds and makers
_KIND_ORDER = ("promote", "support", "cooperate")


def _kind(text: str, hits: list[_Hit], lo: int, hi: int, lang: str) -> str:
    if any(h.role == "sign" for h in hits):
        return "sign"
    first = hits[0]
    if first.kind != "auto":
        return first.kind
    own = text[_own_clause_start(text, lo, first.start):first.start]
    if first.role in ("modal", "pledge") and _any("joint", lang, own):    # "the two sides committed to …"
        return "cooperate"
    tail = text[first.end:hi]
    found = {}
    for c in _cues("content", lang):
        if c.kind in _KIND_ORDER and c.rx.search(tail):
            found[c.kind] = True
    for k in _KIND_ORDER:
        if k in found:
            return k
    return "other"


@dataclass
class _Doc:
    text: str
    lang: str
    mentions: list[_Mention]
    quotes: list[tuple[int, int]]
    main_vn: str | None
    main_prov: str | None = None
    sign_by: str | None = None
    prev_lo: int = 0                  # start of the sentence before the one being read
    last_person: str | None = None    # the last person who made a commitment


def _quotes(text: str) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"“[^”]{10,3000}”|\"[^\"\n]{10,3000}\"", text):
        out.append((m.start(), m.end()))
    return out


_BEFORE_OBJECT = re.compile(r"(?<!\w)(?:tiếp|gặp|gặp gỡ|đón|đón tiếp|cảm ơn|hội đàm với|làm việc với|với|received|receives|met|"
                            r"meets|welcomed|hosted|thanked|visited|with)(?!\w)", re.I)


def _title_of(doc: "_Doc", m: _Mention) -> str:
    """Office words around a person mention: before it back to ``;``/``.``/the previous
    person, and after it up to ``;``/``.``/the next person ("Lưu Xuân Vĩnh, Chủ tịch UBND tỉnh;")."""
    text = doc.text
    prev_end = max((x.end for x in doc.mentions if x.cat == "person" and x.end <= m.start and x.name != m.name), default=0)
    next_start = min((x.start for x in doc.mentions if x.cat == "person" and x.start >= m.end and x.name != m.name),
                     default=len(text))
    pre = text[max(prev_end, m.start - 90):m.start]
    cut = max(pre.rfind(";"), pre.rfind("."), pre.rfind("\n"))
    post = text[m.end:min(next_start, m.end + 90)]
    stop = min([i for i in (post.find(";"), post.find("."), post.find("\n")) if i >= 0], default=len(post))
    post = post[:stop] if post[:1] in (",", " ", "-", "–", "(") and post.lstrip()[:1] in (",", "-", "–", "(") else ""
    pre = pre[cut + 1:]
    verb = None
    for verb in _BEFORE_OBJECT.finditer(pre):
        pass
    if verb:                    # "Chủ tịch X tiếp ngài Y": Y's title is not the words before "tiếp"
        pre = pre[verb.end():]
    if post.strip(" ,-–("):     # "…, Phó Chủ tịch UBND tỉnh và ông B, Giám đốc Sở": B's title is the one after him
        join = max(pre.rfind(","), pre.rfind(" và "), pre.rfind(" and "))
        pre = pre[join + 1:]
    return pre + " | " + post


def _person_by_title(doc: _Doc, title: str, pos: int) -> str | None:
    """The person a role noun refers to ("Đại sứ", "phó chủ tịch", "the ambassador"): the last one
    before ``pos`` whose own title holds it (vice and deputy kept apart), else the first after."""
    vice = bool(re.match(r"(?:Phó|Vice|Deputy)\b", title, re.I))
    core = re.sub(r"^(?:Phó|Vice|Deputy)\s+", "", title, flags=re.I)
    find = re.compile(r"(?:(?:Phó|Vice|Deputy)\s+)?" + re.escape(core), re.I)
    best = None
    for m in doc.mentions:
        if m.cat != "person":
            continue
        for tm in find.finditer(_title_of(doc, m)):
            if bool(re.match(r"(?:Phó|Vice|Deputy)\b", tm.group(0), re.I)) == vice:
                if m.start < pos or best is None:
                    best = m.name
                break
    return best


_TURN = re.compile(r"\W*(?:for (?:his|her|their|its) part|in (?:his|her|their) turn|in turn|in response|"
                   r"về phần mình|đáp lại|đáp từ)\b", re.I)


def _maker(doc: _Doc, sent_lo: int, lo: int, cue: _Hit, speaker: str | None = None) -> str | None:
    """Who makes the commitment: the speaker of its sentence. ``speaker`` is the maker of the
    paragraph's previous commitment, who keeps the word in a sentence with no subject of its own
    ("Cùng với đó, mong muốn …", "Also, …")."""
    text, lang = doc.text, doc.lang
    pos = cue.start
    own_s = _own_clause_start(text, lo, pos)
    before = [m for m in doc.mentions if sent_lo <= m.start and m.end <= pos]
    own = text[own_s:pos]
    # joint subjects and agreements: the Vietnamese signatory / main actor, by convention
    joint = _any("joint", lang, own) or (_subjectless(own, lang) and _any("joint", lang, text[sent_lo:pos]))
    if cue.role == "agree":
        # "Secretary A and the ambassador agreed": the first person of the subject speaks for the agreement
        subj = [m for m in before if m.cat == "person" and m.start >= own_s and not _any("joint", lang, text[own_s:m.start])]
        if subj and not _any("object_before", lang, " ".join(text[own_s:subj[0].start].split()[-4:])):
            return subj[0].name
        return doc.sign_by or doc.main_prov or doc.main_vn
    if joint and not any(m.start >= own_s for m in before):
        return doc.sign_by or doc.main_prov or doc.main_vn
    # a reported clause with a body or place as its subject ("said that, …, the province is ready to …")
    subj = [m for m in before if m.start >= own_s]
    if subj and subj[0].cat in ("organization", "province", "partner") and all(m.cat != "person" for m in subj) \
            and len(text[own_s:subj[0].start].split()) <= 2 and (_REPORTED[lang].search(text, sent_lo, own_s)
                                                                  or _SAID_AFTER[lang].search(text[pos:pos + 400])):
        return subj[0].name
    if cue.role == "pledge":
        of = re.match(r"\s*(?:mạnh mẽ\s+|rõ ràng\s+)?(?:của|of)\s+", text[cue.end:cue.end + 30])
        if of:
            nxt = [m for m in doc.mentions if m.start == cue.end + of.end()]
            if nxt:
                return nxt[0].name
    persons = [m for m in before if m.cat == "person"]
    if persons:
        if _COORDINATED.match(text, persons[-1].end, pos + 1):
            return persons[0].name          # "A cảm ơn B và mong muốn …": the subject goes on speaking
        return persons[-1].name
    region = text[sent_lo:pos]
    titles = []
    for c in _cues("title", lang):
        titles += list(c.rx.finditer(region))
    if titles:
        t = max(titles, key=lambda m: (m.start(), m.end()))
        who = _person_by_title(doc, t.group(0), pos)
        if who:
            return who
    pm = _any("pronoun", lang, own)
    if pm and not any(m.start >= own_s and not own_s + pm.start() <= m.start < own_s + pm.end() for m in before):
        # ("The Nam Dinh leader": the place inside the role noun is no subject of its own)
        # "He"/"ông": the subject of the sentence before (its first person), else the last speaker
        prior = [m for m in doc.mentions if m.cat == "person" and doc.prev_lo <= m.start < sent_lo]
        subjects = [m for m in prior if not _any("object_before", lang, " ".join(text[doc.prev_lo:m.start].split()[-4:]))]
        if _TURN.match(text, sent_lo):
            # "For her part, she …" / "Về phần mình, ông …": the other one speaks now, not the last subject
            last = (subjects or prior or [None])[0]
            other = [m for m in doc.mentions if m.cat == "person" and m.end <= sent_lo and last and m.name != last.name]
            if other:
                return other[-1].name
        if subjects or prior:
            return (subjects or prior)[0].name
        if doc.last_person:
            return doc.last_person
        prev = [m for m in doc.mentions if m.cat == "person" and m.end <= pos]
        if prev:
            return prev[-1].name
        if pm.group(0).lower() not in ("he", "she", "ông", "bà", "anh", "chị"):
            # a role noun in a lead that names nobody yet ("The Lai Chau leader urged …"): the first person named after
            nxt = [m for m in doc.mentions if m.cat == "person" and m.start >= pos]
            if nxt:
                return nxt[0].name
    if lang == "vi" and re.search(r"(?<!\w)(?:UBND|Ủy ban nhân dân|Ủy ban Nhân dân) tỉnh(?!\s+[A-ZĐÀ-Ỹ])", own) and doc.main_prov:
        return f"UBND tỉnh {doc.main_prov}"
    # a body or place right after a preposition is an object, not the subject ("It also offered check-ups to
    # residents in Pechreada district and handed over …"; English rows only: Vietnamese "của" makes a possessor)
    others = [m for m in before if m.cat in ("organization", "province", "partner")
              and not _any("preposition", lang, _word_before(text, sent_lo, m.start))]
    if others:
        in_own = [m for m in others if m.start >= own_s]
        pool = in_own or [max(others, key=lambda m: m.end)]
        if lang == "vi":
            orgs = [m for m in pool if m.cat == "organization"]
            provs = [m for m in pool if m.cat == "province"]
            heads = re.findall(r"(?<!\w)(?:Tỉnh ủy|Thành ủy|HĐND|Hội đồng nhân dân|UBND|Ủy ban nhân dân|Ủy ban MTTQ|Ủy ban Mặt trận)",
                               text[max(sent_lo, pos - 120):pos])
            if len(heads) >= 2 and provs:
                return provs[0].name
            return (orgs or pool)[0].name
        provs = [m for m in pool if m.cat == "province"]
        return (provs or pool)[0].name
    for qs, qe in doc.quotes:
        if qs <= pos < qe:
            after = [m for m in doc.mentions if m.cat == "person" and qe <= m.start < qe + 160]
            if after:
                return after[0].name
            prior = [m for m in doc.mentions if m.cat == "person" and m.end <= qs]
            if prior:
                return prior[-1].name
    if speaker and _subjectless(text[sent_lo:pos], lang):
        return speaker
    prev = [m for m in doc.mentions if m.cat == "person" and m.end <= pos and m.start >= sent_lo - 600]
    if prev and cue.role in ("request", "pledge", "modal", "invite"):
        return prev[-1].name
    return doc.main_vn


def _word_before(text: str, lo: int, pos: int) -> str:
    """The word right before ``pos`` (not before ``lo``), or ""."""
    words = text[max(lo, pos - 24):pos].split()
    return words[-1] if words else ""


_REPORTED = {"vi": re.compile(r"(?<!\w)(?:cho biết|khẳng định|nhấn mạnh|thông tin|bày tỏ|nói)(?!\w)"),
             "en": re.compile(r"\b(?:said|says|stated|affirmed|noted|stressed|added|told|assured)\b")}
_SAID_AFTER = {"vi": re.compile(r"^[^.;]*,\s*(?:ông|bà|ngài|đồng chí)\s[^,;.]{0,40}?(?:nói|cho biết|khẳng định|nhấn mạnh)\s*[.;]?\s*$", re.M),
               "en": re.compile(r"^[^.;]*,\s*(?:he|she|[A-Z][\w-]+(?: [A-Z][\w-]+){0,3}) (?:said|stressed|added|noted|affirmed|stated)\s*\.",
                                re.M)}
_CONNECTOR = re.compile(r"^[\W\d_]*(?:(?:cùng với đó|đồng thời|ngoài ra|bên cạnh đó|mặt khác|trong đó|đặc biệt|cũng|"
                        r"also|in addition|besides|furthermore|moreover|meanwhile|and)[\W\d_]*)*", re.I)


def _subjectless(before_cue: str, lang: str) -> bool:
    """A sentence whose words before the cue are only connectors ("Cùng với đó, mong muốn …")."""
    rest = before_cue[_CONNECTOR.match(before_cue).end():]
    return not rest.strip(" ,") or (len(rest.split()) <= 2 and not _any("animate", lang, rest)
                                    and not any(w[:1].isupper() for w in rest.split()))


_COORDINATED = re.compile(r"\s*,?\s*(?:và|and|rồi|đồng thời)\s+(?:cũng\s+|also\s+)?[a-zà-ỹđ]")   # a verb, no new subject
_HOME = re.compile(r"\s*(?:that\s+)?(?:the\s+(?:province|city|provincial authorities)\b|(?:tỉnh|thành phố)(?!\s+[A-ZĐÀ-Ỹ]))",
                   re.I)


def _addressee(doc: _Doc, cue: _Hit, hi: int, by: str | None) -> str | None:
    """The party addressed: the first named actor after the cue other than the maker. A request to
    an unnamed "the province"/"tỉnh" right after the cue is addressed to the article's province."""
    if cue.role == "request" and doc.main_prov and doc.main_prov != by and _HOME.match(doc.text, cue.end):
        return doc.main_prov
    head = re.match(r"\s*(?:the\s+|ngài\s+|đồng chí\s+)?", doc.text[cue.end:cue.end + 20])
    for c in _cues("title", doc.lang):      # "đề nghị Đại sứ …", "asked the ambassador …": the person of that role
        t = c.rx.match(doc.text, cue.end + head.end())
        if t:
            who = _person_by_title(doc, t.group(0), cue.start)
            if who and who != by:
                return who
            break
    for m in doc.mentions:
        if cue.end <= m.start < hi and m.name != by:
            return m.name
    return None


def _most_frequent(ms: list[_Mention]) -> str | None:
    if not ms:
        return None
    counts: dict[str, int] = {}
    for m in ms:
        counts[m.name] = counts.get(m.name, 0) + 1
    return max(counts, key=lambda n: (counts[n], -min(x.start for x in ms if x.name == n)))


def _main_vn(text: str, mentions: list[_Mention], lang: str) -> tuple[str | None, str | None]:
    """(main Vietnamese actor, main province). Vietnamese texts: the provincial People's
    Committee if named, else a body of the main province named at least twice, else the
    province; English texts: the province."""
    prov = _most_frequent([m for m in mentions if m.cat == "province"])
    orgs = [m for m in mentions if m.cat == "organization"]
    if lang == "vi" and orgs:
        ubnd = [m for m in orgs if re.match(r"(?:UBND|Ủy ban nhân dân|Ủy ban Nhân dân)\s+(?:tỉnh|thành phố)", m.name)
                and (prov is None or _fold(prov) in _fold(m.name))]
        if ubnd:
            return _most_frequent(ubnd), prov
        local = [m for m in orgs if prov and _fold(prov) in _fold(m.name)]
        best = _most_frequent(local)
        if best and sum(m.name == best for m in local) >= 2:
            return best, prov
    return prov or _most_frequent(orgs), prov


# --------------------------------------------------------------------------- parts of a sentence
_PART_SPLIT = {"vi": re.compile(r";"), "en": re.compile(r";|,?\s+while\s+")}


def _parts(text: str, s: int, e: int, lang: str) -> list[tuple[int, int]]:
    """Split a sentence at ``;`` (and English ``while``); each part starts after its separator."""
    out, cur = [], s
    for m in _PART_SPLIT[lang].finditer(text, s, e):
        out.append((cur, m.start()))
        cur = m.end()
    out.append((cur, e))
    return [(a, b) for a, b in out if a < b]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ";,-–•*|"):
        s += 1
    m = re.match(r"\d{1,2}[.)]\s+", text[s:e])
    if m:
        s += m.end()
    while e > s and (text[e - 1].isspace() or text[e - 1] in ";,|"):
        e -= 1
    return s, e


# --------------------------------------------------------------------------- entry point
def find_commitments(td: TextDoc, actors: "Actors | None" = None) -> list[CommitmentFact]:
    """Commitments stated in one article's prose sentences, each with a clause-level span."""
    doc, text, lang = td.doc, td.text, td.lang
    mentions = _mentions(text, actors, lang)
    d = _Doc(text, lang, mentions, _quotes(text), *_main_vn(text, mentions, lang))
    places = _CuePlaces.of(text, lang)
    person_names = {m.name for m in mentions if m.cat == "person"}     # (was a scan of the mentions per fact)
    facts: list[CommitmentFact] = []
    seen_sign: set[str] = set()
    seen_amounts: set[str] = set()
    last_request: CommitmentFact | None = None     # for requests continued in the next sentence
    speaker: str | None = None                     # the maker of the paragraph's last commitment
    prev_end = prev_lo = 0
    for sent in td.prose():
        d.prev_lo, ss, se = prev_lo, sent.start, sent.end
        prev_lo = ss
        if "\n" in text[prev_end:ss]:
            last_request = speaker = None          # a request and a speaker go on within their paragraph only
        prev_end = se
        if not places.within(ss, se):
            groups = [[ss, se, []]]                # no cue can match in this sentence: _groups would find none
        else:
            groups = _groups(text, ss, se, lang, mentions, places)
        if not any(hits for _, _, hits in groups):
            if last_request is not None and _any("continuation", lang, text[ss:se]):
                s, e = _trim(text, ss, se)
                quote = text[s:e]
                facts.append(CommitmentFact(by=last_request.by, to=last_request.to, kind=last_request.kind, text=quote,
                                            span=Span(doc, s, e, quote)))
                continue
            last_request = None
            continue
        last_request = None
        for gs, ge, hits in groups:
            if not hits:
                continue
            kind = _kind(text, hits, gs, ge, lang)
            s, e = _trim(text, gs, ge)
            if s >= e:
                continue
            amount = None
            if kind == "donate":
                am = _AMOUNT.search(text, hits[0].end, ge)
                amount = am.group(0) if am else None
                key = _fold(amount) if amount else None
                if key and key in seen_amounts:
                    continue
                if key:
                    seen_amounts.add(key)
            if kind == "sign":
                sign_hit = next((h for h in hits if h.role == "sign"), hits[0])
                key = _agreement_key(text[sign_hit.start:ge], lang)
                if key in seen_sign:
                    continue
                seen_sign.add(key)
            by = _maker(d, ss, gs, hits[0], speaker)
            if kind == "sign" and d.sign_by is None and by:
                d.sign_by = by
            to = _addressee(d, hits[0], ge, by)
            if hits[0].role == "receive" and kind == "donate" and to:
                by, to = to, by             # "tỉnh A đã nhận được viện trợ của B": B gave to A
            quote = text[s:e]
            fact = CommitmentFact(by=(by,) if by else (), to=to, kind=kind, text=quote,
                                  span=Span(doc, s, e, quote), amount=amount)
            facts.append(fact)
            speaker = by or speaker
            if by and by in person_names:
                d.last_person = by
            if kind in ("request", "cooperate") and hits[0].role == "request":
                last_request = fact
    return facts


_LEAD_IN = re.compile(r"[\s,]*(?:(?:và|and|đồng thời|also|then|cũng)\s*,?\s*)*", re.IGNORECASE)


def _groups(text: str, ss: int, se: int, lang: str, mentions: list[_Mention],
            places: _CuePlaces | None = None) -> list[list]:
    """Parts of a sentence grouped so that each group holds one commitment: ``[start, end, hits]``."""
    groups: list[list] = []
    for ps, pe in _parts(text, ss, se, lang):
        hits = _cue_hits(text, ps, pe, lang, mentions, places)
        if hits and groups and groups[-1][2]:
            # a part with no subject of its own, continuing the same kind of commitment, stays with it
            lead = _LEAD_IN.match(text, ps).end()
            prev_kind = _kind(text, groups[-1][2], groups[-1][0], groups[-1][1], lang)
            if hits[0].start <= lead + 1 and _kind(text, hits, ps, pe, lang) == prev_kind:
                groups[-1][1] = pe
                continue
        if hits or not groups:
            groups.append([ps, pe, hits])
        else:
            groups[-1][1] = pe
    if len(groups) > 1 and not groups[0][2]:
        groups[1][0] = groups[0][0]
        groups.pop(0)
    return groups


_AGREEMENT_CLASSES = (
    ("mou", r"ghi nhớ|memorand|\bmou\b"),
    ("agreement", r"thỏa thuận|thoả thuận|agreement|accord|deal"),
    ("programme", r"chương trình|kế hoạch|programme|program|plan"),
    ("communique", r"thông cáo|tuyên bố|biên bản hội đàm|biên bản làm việc|communiqu|statement|minutes"),
    ("contract", r"hợp đồng|contract"),
)


def _agreement_key(s: str, lang: str) -> str:
    low = s.lower()
    best = ("other", len(low) + 1)
    for key, rx in _AGREEMENT_CLASSES:
        m = re.search(rx, low)
        if m and m.start() < best[1]:
            best = (key, m.start())
    return best[0]
