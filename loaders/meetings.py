"""Meetings: who met whom, where and when, told in the lead and in the episodes after it.

A report of a meeting says so early: the headline or the first sentences carry the event
verb ("làm việc với", "tiếp", "hội đàm", "received", "held talks", "signed"). An article that
only mentions people at a conference has no such lead and yields no meeting.

An article may tell several encounters: the lead's, then "Trước đó, đoàn đã chào xã giao …",
"Chiều cùng ngày …", "Earlier, the delegation met …". A sentence opening with such a marker
starts a new episode; the persons named in an episode are the participants of its meeting
only, so a round-up never pairs people across meetings, and an episode without a meeting
verb (a workshop the same afternoon) pairs nobody. A later episode that names only the hosts
("Trước đó, đoàn chào xã giao Tỉnh trưởng X") is the delegation's meeting: its leader is
the other side.

Sides come from the words around the names first ("do X dẫn đầu", "cùng đi có", "tiếp đoàn
có", "accompanied by", "received by"), then from each person's side (foreign or Vietnamese);
when everyone is Vietnamese, a central delegation (ministry, Party Central Committee) meets
the province's leaders, and those are the two sides. The place is where the meeting was held:
the place after "tại/in/at" in the episode's sentence (not a post such as "Tổng Lãnh sự Việt
Nam tại Pakse"), else the place the delegation visited, else the article's province. Words are
data: ``data/meeting_cues.tsv`` (event verbs) and ``data/meeting_roles.tsv`` (everything else).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from loaders.dates import EventDay, days_in, resolve
from loaders.patterns import LiteralGate, Occurrences, guarded as first_char_guarded, literal_trie
from loaders.tables import read_table
from loaders.text import Sentence, TextDoc, occurrences
from ontology.facts import MeetingFact, PartnerFact, PersonFact, ProvinceFact, Span

LEAD_SENTENCES = 4
_ROLES = ("guest", "guest_lead", "host", "episode", "other_event", "aside", "not_meeting", "central", "local",
          "mission", "venue", "visit", "side_list")
_PLACE_PREFIX = re.compile(r"^(?:tỉnh|thành phố|TP\.?|thủ đô|châu|huyện|quận|province of|city of)\s+", re.I)
_PLACE_SUFFIX = re.compile(r"\s+(?:province|city|prefecture)$", re.I)


@lru_cache(maxsize=1)
def _cue_re() -> re.Pattern:
    """The event verbs as one regex: the plain ones as a trie (one pass, not one try per verb at every
    character), the few with words that must not follow them as their own branches."""
    rows = read_table("meeting_cues.tsv")
    plain = [r["cue"] for r in rows if not r.get("not_followed_by")]
    guarded = [r"(?:" + re.escape(r["cue"]) + r"(?![^\W\d_])(?!\s+(?:" + r["not_followed_by"] + r")\b))"
               for r in sorted(rows, key=lambda r: -len(r["cue"])) if r.get("not_followed_by")]
    return re.compile(first_char_guarded(r"(?<![^\W\d_])(?:" + "|".join([literal_trie(plain, ignore_case=True) + r"(?![^\W\d_])"]
                                                                            + guarded) + ")", re.I), re.I)


@lru_cache(maxsize=None)
def _role(role: str, lang: str) -> re.Pattern:
    """All patterns of one role for one language (rows marked ``*`` serve both) as one regex."""
    if role not in _ROLES:
        raise KeyError(role)
    rows = [r["pattern"] for r in read_table("meeting_roles.tsv") if r["role"] == role and r["lang"] in ("*", lang)]
    for r in read_table("meeting_roles.tsv"):
        if r["role"] not in _ROLES or r["lang"] not in ("*", "vi", "en"):
            raise ValueError(f"meeting_roles.tsv: unknown role or language in {r}")
    return re.compile(first_char_guarded("|".join(f"(?:{p})" for p in rows) or "(?!)", re.I), re.I)   # speed: same matches


_GATED_ROLES = ("episode", "other_event", "not_meeting", "aside", "host", "guest", "guest_lead")


@lru_cache(maxsize=None)
def _role_gate(lang: str) -> LiteralGate:
    return LiteralGate([_role(r, lang) for r in _GATED_ROLES])


@lru_cache(maxsize=4)
def _role_places(text: str, lang: str) -> dict[str, Occurrences | None]:
    """Where in the text each sentence-level role can match (loaders/patterns.LiteralGate): a sentence
    that holds none of a role's literals is not searched for it. Why: these role regexes were run
    over every sentence of every article (``_asides`` alone 0.07 CPU-s per 300 generated articles)."""
    return dict(zip(_GATED_ROLES, _role_gate(lang).places(text)))


def _may(places: dict[str, Occurrences | None], role: str, s: Sentence) -> bool:
    occ = places[role]
    return occ is None or occ.within(s.start, s.end)


def _role_sentences(td: TextDoc) -> dict[str, frozenset[int] | None]:
    """For each gated role, the starts of the sentences where its regex may match (``_may`` true), None where
    any may: found from the role's literal places in one pass (``LiteralGate.parts``), so the loops below visit
    only those few sentences, where ``_may`` was asked ~150 times an article."""
    sentences = td.sentences
    parts = _role_gate(td.lang).parts(td.text, [s.start for s in sentences], [s.end for s in sentences])
    return {role: None if at is None else frozenset(sentences[i].start for i in at)
            for role, at in zip(_GATED_ROLES, parts)}


def _maybe(where: dict[str, frozenset[int] | None], role: str, s: Sentence) -> bool:
    """``_may`` from ``_role_sentences``."""
    at = where[role]
    return at is None or s.start in at


def _visit(sentences: tuple[Sentence, ...] | list[Sentence], where: dict[str, frozenset[int] | None],
           roles: tuple[str, ...]) -> list[Sentence] | tuple[Sentence, ...] | list[Sentence]:
    """The sentences, in order, where one of ``roles`` may match."""
    sets = [where[r] for r in roles]
    if any(x is None for x in sets):
        return sentences
    at = frozenset().union(*sets)
    if not at:
        return []
    return [s for s in sentences if s.start in at]


@dataclass(frozen=True)
class Venue:
    """Where a meeting was held: a name as the text gives it (without "tỉnh"), and its kind."""

    name: str
    kind: str                 # province | country | foreign_locality


@dataclass(frozen=True)
class _Episode:
    start: int                # offset of the sentence that opens it
    end: int
    cue: Sentence | None      # the sentence with the meeting verb; None: no meeting told here
    verb: str | None
    first: bool               # the lead's episode


def _told(sentences: list[Sentence] | tuple[Sentence, ...]) -> list[Sentence]:
    """Sentences that tell something: prose and headlines, not page furniture ("Link", "« Quay lại",
    "Useful information"), which would otherwise fill the lead of a page that opens with a menu."""
    return [s for s in sentences if s.prose or len(s.text.split()) >= 4]


def find_meeting_cue(sentences: list[Sentence] | tuple[Sentence, ...]) -> tuple[Sentence | None, str | None]:
    """The first lead sentence (headline included) that reports a meeting, and its verb."""
    for s in _told(sentences)[:LEAD_SENTENCES + 1]:
        m = _cue_re().search(s.text)
        if m:
            return s, m.group().lower()
    return None, None


SIDES_LISTED = "sides listed"      # the verb of a meeting told by its side lists: its persons are those listed


def _side_lists(td: TextDoc) -> list[Sentence]:
    """Prose sentences that list the persons of one side of an event ("Về phía Lào có các ông: …")."""
    rx = _role("side_list", td.lang)
    return [s for s in td.sentences if s.prose and rx.match(s.text)]


def _sides_listed(td: TextDoc) -> tuple[Sentence | None, str | None]:
    """With no meeting verb in the lead: the first of two side lists naming different sides ("Về phía Lào có
    các ông: …", "Về phía tỉnh Điện Biên có …"), as the meeting's sentence. An event told side by side is an
    encounter of two sides (a medal ceremony, a handover)."""
    rx = _role("side_list", td.lang)
    listed = _side_lists(td)
    if len({rx.match(s.text).group().lower() for s in listed}) < 2:
        return None, None
    return listed[0], SIDES_LISTED


def _told_head(sentences: list[Sentence] | tuple[Sentence, ...], n: int) -> list[Sentence]:
    """``_told(sentences)[:n]``, without looking at the sentences after them."""
    return list(islice((s for s in sentences if s.prose or len(s.text.split()) >= 4), n))


def _episodes(td: TextDoc, where: dict[str, frozenset[int] | None] | None = None) -> list[_Episode]:
    """The lead's episode, then one per later sentence that opens another encounter."""
    sentences = td.sentences
    lead = _told_head(sentences, LEAD_SENTENCES + 1)
    cue, verb = find_meeting_cue(lead)
    if cue is None:
        cue, verb = _sides_listed(td)
        anchor = cue           # no lead sentence has the verb
    elif cue.prose:
        anchor = cue           # the first lead sentence with the verb, and prose
    else:
        # the headline only announces the lead: the lead's own sentence with the verb anchors the first episode
        # (the lead's first prose sentence with the verb, which comes after the cue: none before it has the verb)
        anchor = next((s for s in lead[lead.index(cue) + 1:] if s.prose and _cue_re().search(s.text)), cue)
    if cue is None:
        return []
    episode, other, not_meeting = _role("episode", td.lang), _role("other_event", td.lang), _role("not_meeting", td.lang)
    out: list[_Episode] = []
    start, cur_cue, cur_verb, first = 0, cue, verb, True
    where = _role_sentences(td) if where is None else where
    for s in _visit(sentences, where, ("episode", "other_event")):
        if s.start <= anchor.start or not s.prose:
            continue
        opens = (_maybe(where, "episode", s) and episode.match(s.text)) or (_maybe(where, "other_event", s)
                                                                          and other.search(s.text))
        if not opens:
            continue
        out.append(_Episode(start, s.start, cur_cue, cur_verb, first))
        m = _cue_re().search(s.text)
        meeting = m is not None and not (_maybe(where, "not_meeting", s) and not_meeting.search(s.text))
        start, cur_cue, cur_verb, first = s.start, (s if meeting else None), (m.group().lower() if meeting else None), False
    out.append(_Episode(start, len(td.text), cur_cue, cur_verb, first))
    return out


def _mentions(td: TextDoc, persons: list[PersonFact]) -> list[tuple[int, int, PersonFact]]:
    """Every place a person's name stands in the body, in text order."""
    out = []
    for p in persons:
        spans = {(p.span.start, p.span.end)}
        spans.update(occurrences(td.text, p.name))
        out.extend((s, e, p) for s, e in spans if td.is_body(s))
    return sorted(out, key=lambda x: x[0])


def _asides(td: TextDoc, where: dict[str, frozenset[int] | None] | None = None) -> list[tuple[int, int]]:
    """Sentences told about something else ("the state visit of President X to Cuba last month"):
    the names in them are context, not participants."""
    rx, where = _role("aside", td.lang), _role_sentences(td) if where is None else where
    return [(s.start, s.end) for s in _visit(td.sentences, where, ("aside",)) if rx.search(s.text)]


def _clause_end(text: str, pos: int, limit: int, starts: tuple[int, ...] = ()) -> int:
    """End of the clause a role word opens: the next ";" or the sentence end (lists run on commas),
    or a later ";" when the list goes on past it with another person ("có bà A, …; bà B, …")."""
    while True:
        stop = text.find(";", pos, limit)
        if stop < 0:
            return limit
        if not any(stop < st <= stop + 16 for st in starts):
            return stop
        pos = stop + 1


def _marked(td: TextDoc, sentences: list[Sentence], mentions: list[tuple[int, int, PersonFact]],
            where: dict[str, frozenset[int] | None] | None = None) -> dict[str, str]:
    """Persons placed by the words around them: name → "guest" | "host"."""
    out: dict[str, str] = {}
    text = td.text
    where = _role_sentences(td) if where is None else where
    for s in _visit(sentences, where, ("host", "guest", "guest_lead")):
        starts = tuple(ms for ms, _, _ in mentions if s.start <= ms < s.end)
        for role in ("host", "guest"):          # "tiếp đoàn có" before the "đoàn có" inside it
            if not _maybe(where, role, s):
                continue
            for m in _role(role, td.lang).finditer(text, s.start, s.end):
                end = _clause_end(text, m.end(), s.end, starts)
                for ms, _, p in mentions:
                    if m.end() <= ms < end:
                        out.setdefault(p.name, role)
        prev_lead_end = None
        for m in _role("guest_lead", td.lang).finditer(text, s.start, s.end) if _maybe(where, "guest_lead", s) else ():
            if td.lang == "en":
                end = _clause_end(text, m.end(), s.end)
                comma = text.find(",", m.end(), end)
                end = comma if comma >= 0 and any(m.end() <= ms < comma for ms, _, _ in mentions) else end
                inside = [p for ms, _, p in mentions if m.end() <= ms < end]
                lead_start = m.start()
            else:
                do = text.rfind(" do ", s.start, m.start())
                inside = [p for ms, _, p in mentions if do >= 0 and do < ms < m.start()]
                lead_start = do if do >= 0 else m.start()
            # two led delegations with the meeting verb between them ("Đoàn X do A dẫn đầu hội đàm với
            # Đoàn Y do B dẫn đầu"): the second is the other side, whatever the persons' sides say
            role = "guest"
            if prev_lead_end is not None and _cue_re().search(text, prev_lead_end, lead_start):
                role = "host"
            prev_lead_end = m.end()
            for p in inside:
                out[p.name] = role
    return out


def _is_local(offices: tuple[str, ...]) -> bool:
    """An office of a province or city: a provincial official present at a delegation's meeting abroad
    sides with the delegation's provincial leader, not with the host (a mission abroad, a foreign body)."""
    return bool(_role("local", "vi").search(" ".join(offices)))


def _is_central(offices: tuple[str, ...]) -> bool:
    text = " ".join(offices)
    return bool(_role("central", "vi").search(text)) and not _role("local", "vi").search(text)


def sides(persons: list[PersonFact], lead_end: int = 10**9, marked: dict[str, str] | None = None
          ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(one side, the other). Words around the names decide first; each unmarked person joins the
    marked group whose members share the person's side (then central office, then local office,
    then the larger group) most often. Without such words: foreign and
    Vietnamese, or a central delegation and the province's leaders, who must both show in the lead
    (officials quoted further down an article about a conference did not meet each other)."""
    marked = marked or {}
    guests = [p for p in persons if marked.get(p.name) == "guest"]
    hosts = [p for p in persons if marked.get(p.name) == "host"]
    if guests and hosts:
        g, h = [p.name for p in guests], [p.name for p in hosts]
        for p in persons:
            if p.name in marked:
                continue
            central, local = _is_central(p.offices), _is_local(p.offices)
            in_g = [sum(q.side == p.side for q in guests) / len(guests),
                    sum(_is_central(q.offices) == central for q in guests) / len(guests),
                    sum(_is_local(q.offices) == local for q in guests) / len(guests), len(guests)]
            in_h = [sum(q.side == p.side for q in hosts) / len(hosts),
                    sum(_is_central(q.offices) == central for q in hosts) / len(hosts),
                    sum(_is_local(q.offices) == local for q in hosts) / len(hosts), len(hosts)]
            if in_g != in_h:
                (g if in_g > in_h else h).append(p.name)
        return tuple(g), tuple(h)
    vn = tuple(p.name for p in persons if p.side == "vietnam")
    foreign = tuple(p.name for p in persons if p.side == "foreign")
    if vn and foreign:
        return vn, foreign
    central = tuple(p.name for p in persons if p.side == "vietnam" and _is_central(p.offices))
    local = tuple(p.name for p in persons if p.side == "vietnam" and p.name not in central)
    in_lead = {p.name for p in persons if p.span.start < lead_end}
    if central and local and in_lead & set(central) and in_lead & set(local):
        return central, local
    return vn or foreign, ()


def _short(name: str) -> str:
    return _PLACE_SUFFIX.sub("", _PLACE_PREFIX.sub("", name)).strip()


def _venue_name(p: PartnerFact) -> str:
    """The partner's name without "tỉnh"/"province" when that is also a name the partner is known by
    (so the graph links the meeting to it), else the name as written."""
    short = _short(p.name)
    return short if short in (p.name, p.canonical) else p.name


def _places(td: TextDoc, provinces: list[ProvinceFact], partners: list[PartnerFact]) -> list[tuple[int, int, Venue]]:
    """Every body occurrence of every province and foreign place (the place finders may give one
    span per name), as (start, end, venue), longest first where two start together."""
    named = {p.span.text: Venue(p.name, "province") for p in provinces}
    places = {p.span.text: Venue(_venue_name(p), p.kind) for p in partners if p.kind in ("country", "foreign_locality")}
    for surface in list(places):            # a body named for a place ("chính quyền tỉnh X") sits in that place
        inner = max((o for o in places if o != surface and surface.endswith(" " + o)), key=len, default=None)
        if inner is not None:
            places[surface] = places[inner]
    named.update(places)
    out = [(s, e, v) for surface, v in named.items() for s, e in occurrences(td.text, surface, letters_only=True)
           if td.is_body(s)]
    return sorted(out, key=lambda x: (x[0], -x[1]))


def venue(td: TextDoc, sentences: list[Sentence], places: list[tuple[int, int, Venue]]) -> Venue | None:
    """Where the meeting the sentences tell was held: a place after "tại/in/at" (not a post abroad:
    "Tổng Lãnh sự Việt Nam tại Pakse"), else a place the delegation visited; None when they say neither.
    The sentences are tried in order, each rule over all of them before the next."""
    text = td.text
    venue_re, mission, visit = _role("venue", td.lang), _role("mission", td.lang), _role("visit", td.lang)
    for rx, reach in ((venue_re, 60), (visit, 90)):
        word = re.compile(r"(?<![^\W\d_])(?:" + rx.pattern + r")(?![^\W\d_])", rx.flags)
        for sentence in sentences:
            for s, e, v in places:
                if not sentence.start <= s < sentence.end:
                    continue
                before = text[max(sentence.start, s - reach):s]
                hits = list(word.finditer(before))
                if not hits:
                    continue
                prep = hits[-1]
                between = before[prep.end():]
                if mission.search(before[:prep.start()]) or mission.search(between + " "):
                    continue                       # a post abroad, or a visiting envoy's title
                if rx is venue_re and (re.search(r"[,(;\d]", between) or len(between.split()) > 5):
                    continue                       # "tại trụ sở UBND tỉnh X", not "in 2023 … of Vietnam-X"
                return v
    return None


def find_meetings(td: TextDoc, persons: list[PersonFact], provinces: list[ProvinceFact],
                  partners: list[PartnerFact], main_place: str | None,
                  day: EventDay | None = None) -> list[MeetingFact]:
    """The lead's meeting and the meetings of later episodes, each with its own participants."""
    if not persons:
        return []
    where = _role_sentences(td)
    episodes = _episodes(td, where)
    if not episodes:
        return []
    mentions = _mentions(td, persons)
    asides = _asides(td, where)
    places = _places(td, provinces, partners)
    lead = _told_head(td.sentences, LEAD_SENTENCES + 2)
    lead_end = lead[-1].end if lead else 0
    out: list[MeetingFact] = []
    first_meeting: MeetingFact | None = None
    first_people: list[PersonFact] = []
    for ep in episodes:
        if ep.cue is None:
            continue
        # the lead's episode; or, when the lead names nobody (a headline over a dated body), the first
        # episode that does
        lead_ep = ep.first or first_meeting is None
        names_here = [p for s, _, p in mentions if (ep.start <= s < ep.end or (ep.first and s < ep.start))
                      and not any(a <= s < b for a, b in asides)]
        if ep.verb == SIDES_LISTED:
            lists = _side_lists(td)
            names_here = [p for s, _, p in mentions if any(x.start <= s < x.end for x in lists)]
        people = list({p.name: p for p in names_here}.values())
        if not people:
            continue
        sentences = [s for s in td.sentences if ep.start <= s.start < ep.end or (ep.first and s.start < ep.start)]
        a, b = sides(people, max(lead_end, ep.cue.end) if lead_ep else ep.end, _marked(td, sentences, mentions, where))
        if a and not b and ep.verb and ep.verb != SIDES_LISTED:
            for told_here in [ep.cue] + [s for s in sentences if s.prose and s is not ep.cue][:LEAD_SENTENCES]:
                a, b = _either_side_of_the_verb(td, told_here, a, mentions)
                if b:
                    break
        if not a:
            continue
        if not lead_ep and not b:                   # the delegation's meeting: its leader is the other side
            guest_lead = first_meeting.leaders[:1]
            sides_of = {p.name: p.side for p in first_people}
            if not guest_lead or not all(sides_of.get(guest_lead[0]) != p.side for p in people):
                continue
            a, b = guest_lead, a
        told = [ep.cue] + [s for s in sentences if s.prose and s.start >= ep.start and s is not ep.cue][:2]
        if ep.first:
            told = [ep.cue] + [s for s in lead if s.prose and s is not ep.cue]
        place = venue(td, told, places)
        if place is None and lead_ep and main_place:
            place = Venue(main_place, "province")
        if place is not None and place.kind == "province":
            a, b = _central_visitors(a, b, people + first_people)
        when = _when(td, ep, day, lead_ep)
        span = Span(td.doc, ep.cue.start, ep.cue.end, ep.cue.text)
        fact = MeetingFact(sides=(a, b), leaders=tuple(a[:1] + b[:1]), span=span,
                           date=when.iso() if when else None, location=place.name if place else None,
                           verb=ep.verb, day=when.partial if when and when.iso() is None else None,
                           location_kind=place.kind if place else None)
        out.append(fact)
        if lead_ep:
            first_meeting, first_people = fact, people
    return out


def _either_side_of_the_verb(td: TextDoc, cue: Sentence, one_side: tuple[str, ...],
                             mentions: list[tuple[int, int, PersonFact]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Persons all of one side and no central delegation among them ("Phó Chủ tịch UBND tỉnh X A tiếp và làm
    việc với ông B, đại diện Hội … tỉnh Y"): the meeting verb of the lead sentence parts them, the persons
    named before it from those named after it. Everyone else the episode names stays out of the pairs (which
    side they are on is not told). Unchanged when the verb does not stand between two named persons."""
    m = _cue_re().search(cue.text)
    if m is None:
        return one_side, ()
    at = cue.start + m.start()
    inside = [(s, p.name) for s, _, p in mentions if cue.start <= s < cue.end and p.name in one_side]
    before = tuple(dict.fromkeys(n for s, n in inside if s < at))
    after = tuple(dict.fromkeys(n for s, n in inside if s > at and n not in before))
    if before and after:
        return before, after
    return one_side, ()


def _central_visitors(a: tuple[str, ...], b: tuple[str, ...], people: list[PersonFact]
                      ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A ministry official who comes with a foreign guest to a province is on the visiting side
    (a ministry delegation working with a province counts as a side of its own)."""
    by_name = {p.name: p for p in people}
    vn, other = (a, b) if all(by_name[n].side == "vietnam" for n in a) else (b, a)
    if not other or not all(by_name[n].side == "foreign" for n in other if n in by_name):
        return a, b
    central = tuple(n for n in vn if _is_central(by_name[n].offices))
    local = tuple(n for n in vn if n not in central)
    if not central or not local:
        return a, b
    return local, other + central


def _when(td: TextDoc, ep: _Episode, day: EventDay | None, lead_ep: bool = False) -> EventDay | None:
    """The lead's day for the lead's meeting; a later episode's own day phrase, else the lead's day
    when the episode says "cùng ngày"/"the same day" (or stands in for the lead), else none."""
    if ep.first:
        return day
    own = days_in(td.text, ep.cue.start, ep.cue.end, td.is_body) if ep.cue else []
    if own:
        return resolve(own[0], td.text)
    if lead_ep:
        return day
    head = td.text[ep.start:ep.start + 40].lower()
    if day and ("cùng ngày" in head or "same day" in head or "cùng hôm" in head):
        return day
    return None
