"""Person identity within a document and across documents, languages and ingest runs.

``PersonResolver(source).resolve(ex)`` returns a ``Resolution``: for each person name of the
document, the node id to use (``ids``), plus ``names`` (short reference → the full name it
stands for) and ``decisions`` (name → ``IdentityDecision``: the rule that decided, its evidence,
and whether the decision is uncertain). ``source`` is anything that implements ``CandidateSource``
(the graph store does; ``ontology`` never imports ``graph``). ``ontology.projection.project`` writes the decision onto the person's
EVIDENCED_BY link to the document, so every merge explains itself in the store and
``dipkg review`` lists the uncertain ones.

Rules, in order:

1. *Within a document*, a short reference ("Bộ trưởng Sơn", "ông Phú", "Ambassador Ito",
   "Thanh Sơn") is the one full name of the document whose words end with (for foreign people
   also: begin with) the reference's name words. Two candidates: left alone, flagged.
2. *Across documents*, names fold (case, NFC, tone placement, diacritics, Đ→D): every Person
   node with the same folded key is a candidate, whether it is already in the store (looked
   up by key, so separate ingest runs join) or was resolved earlier in this run.
3. A candidate is rejected when the context contradicts: the other side (Vietnamese vs
   foreign), another country, or other offices in another province within a year
   (``SAME_PERIOD_DAYS``), or posts in different lines of work (the ``sector`` of
   ``ontology/gazetteer/bodies.tsv``: a deputy foreign minister and a provincial police director
   are two people) within a year; with no dates to tell, those cases also keep them apart and are
   flagged. A change of post in one line of work is a career: "Trợ lý Bộ trưởng" then "Thứ trưởng"
   of one ministry is one person. A person's provinces are the ones their offices name (a minister visiting a
   province does not belong to it); provinces related by the 2025 mergers do not contradict.
4. Among compatible candidates the one sharing most context (offices, province, country)
   wins, ties to the smaller id. A match that needed diacritic folding and shares no context,
   a move to another province, or a tie is flagged uncertain.
5. No candidate: the default id (``make_id("person", key)``). All candidates contradicted:
   a new node whose id adds the distinguishing context to the key.

6. An analyst's decision (``dipkg review accept|split``, a ``ReviewDecision`` from the source)
   overrides the rules for that mention in that document: ``split`` gives it a node of its own,
   ``accept`` keeps the match and clears the flag.

Decisions are deterministic given the store's contents and the document order, and a
document that is already in the store resolves to the nodes it was written to (ingesting
twice changes nothing).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Literal, Protocol, runtime_checkable

from ontology.facts import Extraction, PersonFact
from ontology.gazetteer.bodies import canonical_office
from ontology.identity import fold, make_id, person_key, strip_honorific, surface_key

SAME_PERIOD_DAYS = 365

# Title words that may stand, capitalised, before a name ("Ambassador Ito", "Governor Kim").
_TITLE_WORDS = frozenset(fold(w) for w in """
ambassador governor vice deputy chairman chairwoman chairperson chair president minister consul general
secretary mayor director head chief prime premier party provincial counsellor counselor attache excellency
comrade permanent standing senator representative leader delegation lieutenant colonel major
""".split())


@dataclass(frozen=True)
class IdentityDecision:
    """Why a person mention went to its node: the rule, the evidence weighed, and whether a human should look."""

    rule: str
    uncertain: bool
    evidence: str


@dataclass(frozen=True)
class Resolution:
    """One document's identity decisions: name → node id, short reference → full name, name → decision."""

    ids: Mapping[str, str]
    names: Mapping[str, str]
    decisions: Mapping[str, IdentityDecision]


@dataclass(frozen=True)
class PostHeld:
    office: str                               # folded office (the Post's key)
    province: str | None = None
    country: str | None = None
    first: str | None = None
    last: str | None = None


@dataclass(frozen=True)
class PersonCandidate:
    """A stored Person node with the context the resolver weighs."""

    id: str
    key: str
    name: str | None = None
    side: str | None = None
    country: str | None = None
    docs: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    posts: tuple[PostHeld, ...] = ()


@dataclass(frozen=True)
class ReviewDecision:
    """An analyst's decision on one mention: ``accept`` the match to ``node``, or ``split`` it off."""

    action: Literal["accept", "split"]
    key: str                                  # folded person key of the mention
    doc: str
    node: str                                 # the node the resolver had attached it to


@runtime_checkable
class CandidateSource(Protocol):
    """What the resolver needs from a store (``graph.store.Neo4jStore`` implements it)."""

    def person_candidates(self, keys: Sequence[str]) -> Sequence[PersonCandidate]: ...

    def review_decisions(self) -> Sequence[ReviewDecision]: ...


@dataclass
class Context:
    """What is known of one person (a node, or one document's mention of a name)."""

    side: str | None = None
    countries: set[str] = field(default_factory=set)
    provinces: set[str] = field(default_factory=set)
    offices: set[str] = field(default_factory=set)
    sectors: set[str] = field(default_factory=set)       # lines of work of the offices (bodies.tsv)
    general: bool = False                                # an office in a body of general competence
    dates: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)

    def absorb(self, other: "Context") -> None:
        self.side = self.side or other.side
        self.general = self.general or other.general
        self.countries.update(other.countries)
        self.provinces.update(other.provinces)
        self.offices.update(other.offices)
        self.sectors.update(other.sectors)
        self.dates.update(other.dates)
        self.docs.update(other.docs)
        self.aliases.update(other.aliases)

    def add_office(self, office: str, province: str | None = None) -> None:
        """An office, by its canonical key when the bodies table knows it (so "Deputy Foreign Minister" and
        "Thứ trưởng Bộ Ngoại giao" agree), with its line of work."""
        known = canonical_office(office, province)
        key = known.key if known else fold(office)
        if not key:
            return
        self.offices.add(key)
        if known and known.body.sector:
            self.sectors.add(known.body.sector)
        elif known:
            self.general = True


# --- normalisers (the gazetteer when present) ------------------------------------------------

def _province(name: str | None) -> str | None:
    if not name:
        return None
    try:
        from ontology.gazetteer.provinces import canonical_province
        name = canonical_province(name) or name
    except ImportError:
        pass
    return name


def _merged(name: str) -> str | None:
    try:
        from ontology.gazetteer.provinces import merged_province
    except ImportError:
        return None
    return merged_province(name)


def _country(name: str | None) -> str | None:
    if not name:
        return None
    try:
        from ontology.gazetteer.partners import lookup
        entry = lookup(name)
        if entry and entry.country:
            return entry.country
    except ImportError:
        pass
    return fold(name)


_SURFACES: list[tuple[str, str]] | None = None


def _province_surfaces() -> list[tuple[str, str]]:
    """(folded surface, canonical) of every Vietnamese province name the gazetteer knows, longest first."""
    global _SURFACES
    if _SURFACES is None:
        try:
            from ontology.gazetteer.provinces import surfaces
            pairs = {(fold(sf), canon) for sf, canon in surfaces()}
        except ImportError:
            pairs = set()
        _SURFACES = sorted((p for p in pairs if len(p[0]) >= 4), key=lambda p: (-len(p[0]), p))
    return _SURFACES


def office_province(office: str, hint: str | None = None) -> str | None:
    """The Vietnamese province an office belongs to, when the office names it ("Chủ tịch UBND tỉnh
    Lai Châu", "Chairman of Dak Nong provincial People's Committee"). A minister's office names
    none, whatever province the article is about: only offices give a person a province here."""
    key = f" {fold(office)} "
    if hint and f" {fold(hint)} " in key:
        return _province(hint)
    for surface, canon in _province_surfaces():
        if f" {surface} " in key:
            return canon
    return None


def _offices_agree(a: str, b: str) -> bool:
    """Same folded office, or one's words inside the other's ("bo truong ngoai giao" and
    "bo truong bo ngoai giao")."""
    if a == b:
        return True
    wa, wb = set(a.split()), set(b.split())
    return min(len(wa), len(wb)) >= 2 and (wa <= wb or wb <= wa)


def _provinces_related(a: str, b: str) -> bool:
    """Same province, or related through a 2025 merger or rename."""
    if fold(a) == fold(b):
        return True
    ma, mb = _merged(a) or a, _merged(b) or b
    return fold(ma) == fold(b) or fold(mb) == fold(a) or fold(ma) == fold(mb)


def _days(a: str, b: str) -> int | None:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return None


# --- short references within a document --------------------------------------------------------

def name_words(name: str) -> tuple[str, ...]:
    """The folded words of the name proper: honorifics and titles before it left out
    ("Bộ trưởng Sơn" → ("son",), "Ambassador Ito Naoki" → ("ito", "naoki"))."""
    words = strip_honorific(name).split()
    run: list[str] = []
    for w in reversed(words):                      # the trailing run of capitalised (or caseless) words
        if w[:1].islower():
            break
        run.insert(0, w)
    out = fold(" ".join(run)).split()
    while out and out[0] in _TITLE_WORDS:
        out.pop(0)
    return tuple(out)


def _short_targets(p: PersonFact, persons: list[PersonFact]) -> list[PersonFact]:
    w = name_words(p.name)
    if not w:
        return []
    out = []
    for f in persons:
        v = name_words(f.name)
        if f is p or person_key(f.name) == person_key(p.name) or len(v) < 2 or len(w) > len(v):
            continue
        if p.side and f.side and p.side != f.side:
            continue
        foreign = "foreign" in (p.side, f.side)
        if v[-len(w):] == w or (foreign and v[:len(w)] == w):
            if len(w) < len(v) or w == v:
                out.append(f)
    return out


def resolve_short_references(ex: Extraction) -> tuple[dict[str, str], dict[str, IdentityDecision]]:
    """name → full name for the short references of one document, and the decisions taken."""
    persons = list(ex.persons)
    names: dict[str, str] = {}
    decisions: dict[str, IdentityDecision] = {}
    # candidates that are references themselves collapse into the fullest form below
    for p in sorted(persons, key=lambda x: (len(name_words(x.name)), x.name)):
        targets = _short_targets(p, persons)
        fulls = sorted({names.get(t.name, t.name) for t in targets if len(name_words(t.name)) >= 2},
                       key=lambda n: (-len(name_words(n)), n))
        # candidates that are themselves references of a longer candidate collapse into it
        fulls = [n for n in fulls if not any(n != m and name_words(n) != name_words(m) and
                                             set(name_words(n)) < set(name_words(m)) for m in fulls)]
        keys = {person_key(n) for n in fulls}
        if len(keys) == 1:
            names[p.name] = fulls[0]
            decisions[p.name] = IdentityDecision("short-reference", False,
                                                 f"{p.name!r} refers to {fulls[0]!r}, the only matching full "
                                                 f"name in {ex.doc}")
        elif len(keys) > 1:
            decisions[p.name] = IdentityDecision("short-reference-ambiguous", True,
                                                 f"{p.name!r} could be any of " + "; ".join(repr(n) for n in fulls))
    return names, decisions


# --- the resolver ----------------------------------------------------------------------------

class PersonResolver:
    def __init__(self, source: CandidateSource | None = None):
        if source is not None and not isinstance(source, CandidateSource):
            raise TypeError("PersonResolver needs a CandidateSource (person_candidates, review_decisions)")
        self.source = source
        self._seen: dict[str, dict[str, Context]] = {}      # key → node id → context, this run
        self._reviews: dict[tuple[str, str], ReviewDecision] | None = None

    # candidates ---------------------------------------------------------------------------
    def prefetch(self, extractions) -> None:
        """Load the stored candidates of every person key of a batch in one query, instead of
        one round trip per key (the ingest's main cost at scale)."""
        if self.source is None:
            return
        keys = sorted({k for ex in extractions for p in ex.persons if (k := person_key(p.name))} - set(self._seen))
        if keys:
            self._load(keys)

    def _load(self, keys: list[str]) -> None:
        for key in keys:
            self._seen[key] = {}
        for row in self.source.person_candidates(keys):
            c = Context(side=row.side, docs=set(row.docs), aliases=set(row.aliases) | {row.name or ""})
            if row.country:
                c.countries.add(_country(row.country))
            for post in row.posts:
                if not post.office:
                    continue
                c.add_office(post.office)
                prov = office_province(post.office, post.province)
                if prov:
                    c.provinces.add(prov)
                if post.country:
                    c.countries.add(_country(post.country))
                c.dates.update(d for d in (post.first, post.last) if d)
            self._seen.setdefault(row.key, {})[row.id] = c

    def _candidates(self, key: str) -> dict[str, Context]:
        if self.source is not None and key not in self._seen:
            self._load([key])
        return dict(self._seen.get(key, {}))

    def _review(self, key: str, doc: str) -> ReviewDecision | None:
        if self._reviews is None:
            self._reviews = {(r.key, r.doc): r for r in (self.source.review_decisions() if self.source else ())}
        return self._reviews.get((key, doc))

    # one document ---------------------------------------------------------------------------
    def resolve(self, ex: Extraction) -> Resolution:
        short, short_decisions = resolve_short_references(ex)
        decisions: dict[str, IdentityDecision] = dict(short_decisions)

        # the document's context per full name, grouped by folded key
        groups: dict[str, list[str]] = {}
        ctx: dict[str, Context] = {}
        for p in ex.persons:
            full = short.get(p.name, p.name)
            key = person_key(full)
            if not key:
                continue
            groups.setdefault(key, [])
            if full not in groups[key]:
                groups[key].append(full)
            c = ctx.setdefault(key, Context(docs={ex.doc}))
            c.side = c.side or p.side
            c.aliases.add(full)
            if p.country:
                c.countries.add(_country(p.country))
            for o in p.offices:
                c.add_office(o, p.province if p.side == "vietnam" else None)
            c.provinces.update(x for o in p.offices if (x := office_province(o, p.province)))
            if ex.date:
                c.dates.add(ex.date)

        ids: dict[str, str] = {}
        for key in sorted(groups):
            node_id, decision = self._decide(key, ctx[key], ex.doc)
            ids[key] = node_id
            self._seen.setdefault(key, {}).setdefault(node_id, Context()).absorb(ctx[key])
            for full in groups[key]:
                decisions.setdefault(full, decision)
        by_name = {p.name: ids[k] for p in ex.persons if (k := person_key(short.get(p.name, p.name))) in ids}
        return Resolution(MappingProxyType(by_name), MappingProxyType(dict(short)), MappingProxyType(decisions))

    def _decide(self, key: str, doc: Context, doc_id: str) -> tuple[str, IdentityDecision]:
        cands = self._candidates(key)
        review = self._review(key, doc_id)
        if review is not None and review.action == "split":
            node_id = make_id("person", key, "analyst-split", doc_id)
            return node_id, IdentityDecision("analyst-split", False, f"an analyst split this mention in {doc_id} "
                                                                    f"from {review.node}")
        default = make_id("person", key)
        if not cands:
            return default, IdentityDecision("new", False, "no person of this name yet")
        mine = sorted(i for i, c in cands.items() if doc_id in c.docs)
        if mine:                                     # this document was resolved before: same node again
            return mine[0], IdentityDecision("already-ingested", False, f"{doc_id} is already a source of this person")
        scored = []
        rejected = []
        for node_id in sorted(cands):
            if cands[node_id].docs and all(self._split_off(key, d, node_id) for d in cands[node_id].docs):
                continue                             # a node made of split-off mentions only: not a candidate
            conflicts, agreements, notes = _compare(doc, cands[node_id])
            if conflicts:
                rejected.append((node_id, conflicts))
            else:
                score = 3 * sum(a.startswith("office") for a in agreements) + \
                    2 * sum(a.startswith("province") for a in agreements) + \
                    sum(a.startswith("country") or a.startswith("line of work") for a in agreements)
                scored.append((-score, node_id, agreements, notes))
        if scored:
            scored.sort()
            score, node_id, agreements, notes = scored[0]
            exact = {surface_key(a) for a in cands[node_id].aliases if a}
            spelled = any(surface_key(a) in exact for a in doc.aliases)
            rule = "same-name" if spelled else "folded-name"
            tie = len(scored) > 1 and scored[1][0] == score
            uncertain = bool(notes) or tie or (rule == "folded-name" and not agreements)
            evidence = agreements + notes + (["tie with " + ", ".join(s[1] for s in scored[1:] if s[0] == score)]
                                             if tie else [])
            if rejected:
                evidence.append("kept apart from " + ", ".join(r[0] for r in rejected))
            text = "; ".join(evidence) or "same folded name; nothing in the context contradicts"
            if review is not None and review.action == "accept" and review.node == node_id:
                return node_id, IdentityDecision(f"{rule}, analyst-accepted", False, text)
            return node_id, IdentityDecision(rule, uncertain, text)
        # every candidate contradicted: a node of its own
        tag = "|".join(sorted(doc.provinces) or sorted(doc.countries) or [doc.side or ""]) + "|" + \
            (sorted(doc.offices)[0] if doc.offices else "")
        node_id = make_id("person", key, tag)
        n = 1
        while node_id in cands:
            n += 1
            node_id = make_id("person", key, tag, str(n))
        undated = any("undated" in c for _, cs in rejected for c in cs)
        return node_id, IdentityDecision("split", undated,
                                         "; ".join(f"not {i}: {', '.join(cs)}" for i, cs in rejected))

    def _split_off(self, key: str, doc: str, node_id: str) -> bool:
        r = self._review(key, doc)
        return r is not None and r.action == "split"


def _compare(doc: Context, node: Context) -> tuple[list[str], list[str], list[str]]:
    """(conflicts, agreements, notes) between a document's mention and a candidate node."""
    conflicts: list[str] = []
    agreements: list[str] = []
    notes: list[str] = []
    if doc.side and node.side and doc.side != node.side:
        conflicts.append(f"side {doc.side} vs {node.side}")
    if doc.countries and node.countries:
        shared = doc.countries & node.countries
        if shared:
            agreements += [f"country {c}" for c in sorted(shared)]
        else:
            conflicts.append(f"country {'/'.join(sorted(doc.countries))} vs {'/'.join(sorted(node.countries))}")
    shared_offices = {o for o in doc.offices if any(_offices_agree(o, n) for n in node.offices)}
    agreements += [f"office {o!r}" for o in sorted(shared_offices)]
    related = [(a, b) for a in sorted(doc.provinces) for b in sorted(node.provinces) if _provinces_related(a, b)]
    agreements += [f"province {a}" if fold(a) == fold(b) else f"province {a} ~ {b} (2025 merger)"
                   for a, b in related]
    shared_sectors = doc.sectors & node.sectors
    agreements += [f"line of work {x}" for x in sorted(shared_sectors)]
    if doc.sectors and node.sectors and not shared_sectors and not shared_offices and not (doc.general or node.general):
        what = (f"offices {'/'.join(sorted(doc.offices))} vs {'/'.join(sorted(node.offices))} in other lines of "
                f"work ({'/'.join(sorted(doc.sectors))} vs {'/'.join(sorted(node.sectors))})")
        _apart(doc, node, what, "changed line of work?", conflicts, notes)
        return conflicts, agreements, notes
    if doc.provinces and node.provinces and not related and not shared_offices:
        what = (f"offices {'/'.join(sorted(doc.offices)) or '?'} vs {'/'.join(sorted(node.offices)) or '?'} in "
                f"provinces {'/'.join(sorted(doc.provinces))} vs {'/'.join(sorted(node.provinces))}")
        _apart(doc, node, what, "moved post?", conflicts, notes)
    return conflicts, agreements, notes


def _apart(doc: "Context", node: "Context", what: str, question: str, conflicts: list[str], notes: list[str]) -> None:
    """Offices that cannot be one career at once: a conflict when undated or within ``SAME_PERIOD_DAYS``,
    else a note asking whether the person moved (an uncertain merge, listed by ``dipkg review``)."""
    gaps = [g for a in doc.dates for b in node.dates if (g := _days(a, b)) is not None]
    if not gaps:
        conflicts.append(f"{what}, undated")
    elif min(gaps) <= SAME_PERIOD_DAYS:
        conflicts.append(f"{what} within {min(gaps)} days")
    else:
        notes.append(f"{question} {what}, {min(gaps)} days apart")
