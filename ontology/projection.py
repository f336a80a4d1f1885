"""Extraction → graph rows: decide which nodes and relationships a document's facts
become, with deterministic ids and an evidence reference on every element.

Pure Python, no Cypher: ``graph.writer`` turns the rows into batched MERGEs.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from ontology.facts import Extraction, Span
from ontology.gazetteer.bodies import canonical_body, canonical_office
from ontology.gazetteer.fold import strip_accents
from ontology.gazetteer.partners import country_name, lookup
from ontology.gazetteer.provinces import canonical_province, merged_province
from ontology.identity import fold, make_id, person_key
from ontology.provenance import DocumentSource, date_from_publication
from ontology.gazetteer.foreign_bodies import foreign_body
from ontology.model import (FOREIGN_BODY, PARTNER_LABEL_SET, PARTNER_LABELS, PERSON_REST_KEYS, PLACE_LABELS,
                            check_label, check_rel)
from ontology.resolver import IdentityDecision, Resolution


@dataclass(frozen=True)
class NodeRow:
    """One node of one document: its id, properties (first writer wins), the name as written, and the
    evidence span (``doc#start-end`` and its text)."""

    id: str
    doc: str
    props: Mapping[str, object]
    alias: str | None = None
    ref: str | None = None
    quote: str | None = None


@dataclass(frozen=True)
class RelRow:
    """One relationship of one document: ends, the key that tells parallel relationships apart, the
    date it held, the evidence span and properties."""

    a: str
    b: str
    key: str
    doc: str
    date: str | None
    ref: str
    quote: str | None
    props: Mapping[str, object]


@dataclass
class GraphBatch:
    """Rows grouped the way the writer sends them: nodes by label, rels by (type, start, end)."""

    nodes: dict[str, list[NodeRow]] = field(default_factory=lambda: defaultdict(list))
    rels: dict[tuple[str, str, str], list[RelRow]] = field(default_factory=lambda: defaultdict(list))

    def node(self, label: str, node_id: str, doc: str, props: dict, span: Span | None = None,
             alias: str | None = None, evidence_props: dict | None = None) -> str:
        """A node row plus its EVIDENCED_BY link to the document (``evidence_props`` go on that
        link: for a Person, how the resolver attached this mention to the node)."""
        check_label(label)
        self.nodes[label].append(NodeRow(node_id, doc, {k: v for k, v in props.items() if v is not None}, alias,
                                         span.ref() if span else None, span.text if span else None))
        if label != "Document":
            self.rel("EVIDENCED_BY", label, node_id, "Document", doc, doc, span, key=doc, props=evidence_props)
        return node_id

    def rel(self, rel_type: str, start_label: str, start_id: str, end_label: str, end_id: str,
            doc: str, span: Span | None, key: str = "", date: str | None = None, props: dict | None = None) -> None:
        check_rel(rel_type, start_label, end_label)
        self.rels[(rel_type, start_label, end_label)].append(RelRow(
            start_id, end_id, key, doc, date, span.ref() if span else doc, span.text if span else None,
            {k: v for k, v in (props or {}).items() if v is not None}))

    def extend(self, other: "GraphBatch") -> None:
        for label, rows in other.nodes.items():
            self.nodes[label].extend(rows)
        for key, rows in other.rels.items():
            self.rels[key].extend(rows)

    def counts(self) -> tuple[int, int]:
        return sum(map(len, self.nodes.values())), sum(map(len, self.rels.values()))


def rest_keys(key: str) -> dict[str, str]:
    """A folded name's later-word keys (``ontology.model.PERSON_REST_KEYS``): the name from its second word on,
    from its third, from its fourth, as far as it has words. ``"bui thanh son"`` gives
    ``{"key_rest1": "thanh son", "key_rest2": "son"}``; a one-word name gives none."""
    words = key.split()
    return {prop: " ".join(words[i:]) for i, prop in enumerate(PERSON_REST_KEYS, start=1) if i < len(words)}


def _province_id(name: str) -> str:
    return make_id("province", fold(name))


def _partner_id(kind: str, name: str) -> str:
    return make_id(kind, fold(name))


def _canonical_province(name: str | None) -> str | None:
    if not name:
        return None
    return canonical_province(name) or name


def _known_province(name: str | None) -> str | None:
    """The canonical Vietnamese province of a name, only if the gazetteer knows it."""
    return canonical_province(name) if name else None


def _sentence(text: str, span: Span) -> Span:
    """The sentence around a mention: what an edge's evidence quote shows. Sentence ends are ``. ! ?``
    before white space and a capital (or a digit, or a quote), and line breaks; the mention is always inside."""
    if not text or span.end > len(text) or text[span.start:span.end] != span.text:
        return span
    start = max(text.rfind("\n", 0, span.start) + 1, 0)
    for m in _SENTENCE_END.finditer(text, start, span.start):
        start = m.end()
    stop = text.find("\n", span.end)
    stop = len(text) if stop < 0 else stop
    m = _SENTENCE_END.search(text, span.end, stop)
    end = m.start() + 1 if m else stop
    start = min(start, span.start)
    end = max(end, span.end)
    while start < span.start and text[start].isspace():
        start += 1
    return Span(span.doc, start, end, text[start:end])


_SENTENCE_END = re.compile(r"[.!?…][\"”’)]*\s+(?=[\"“‘(]*[A-ZĐÀ-Ỹ0-9])")


def _covers(outer: Span, inner: Span) -> bool:
    return outer.doc == inner.doc and outer.start <= inner.start and inner.end <= outer.end


_FOREIGN_BODY_KIND = "foreign_body"       # a PartnerName kind projection adds (model.FOREIGN_BODY)


@dataclass(frozen=True)
class PartnerName:
    """A foreign partner as the graph names it: canonical (Vietnamese) name, English name, kind, country."""

    name: str
    name_en: str | None
    kind: str
    country: str | None


def _partner_name(name: str, kind: str, country: str | None, canonical: str | None) -> PartnerName:
    """The partner gazetteer's canonical entry when it knows the name (so "Laos", "CHDCND Lào" and "Lào" are
    one node), else the extractor's canonical, else the name as written."""
    entry = lookup(name) or (lookup(canonical) if canonical else None)
    if entry is not None and entry.kind == kind:
        canon, country = entry.canonical, entry.country or country
    else:
        canon = canonical or name
    name_en = country_name(country, "en") if kind == "country" and country else None
    return PartnerName(canon, name_en, kind, country)


def project(ex: Extraction, source: str | None = None, resolution: Resolution | None = None,
            provenance: DocumentSource | None = None) -> GraphBatch:
    """All rows for one document. ``resolution`` is the identity resolver's decision for the document's
    person names; without one, a person's id is its folded name. ``provenance`` (where the text came from)
    goes on the Document node, and its publication date dates a meeting whose text gives day and month
    only (``date_basis`` "publication")."""
    ids = resolution.ids if resolution else {}
    full_names = resolution.names if resolution else {}
    decisions = resolution.decisions if resolution else {}
    b = GraphBatch()
    doc = ex.doc
    text = ex.text or ""
    b.node("Document", doc, doc, {**(provenance.props() if provenance else {}), "title": ex.title, "lang": ex.lang, "date": ex.date, "source": source,
                                  "text": ex.text, "name": ex.title or doc})

    def pid(name: str) -> str:
        return ids.get(name) or make_id("person", person_key(name))

    def sentence(span: Span) -> Span:
        return _sentence(text, span)

    # provinces (canonical node; the article's wording kept as alias)
    prov_ids: dict[str, str] = {}

    def province_node(canon: str, span: Span, alias: str | None = None) -> str:
        node_id = b.node("Province", _province_id(canon), doc,
                         {"name": canon, "key": fold(canon), "name_en": strip_accents(canon)}, span, alias=alias)
        prov_ids[canon] = node_id
        return node_id

    for p in ex.provinces:
        canon = _canonical_province(p.name)
        prov_ids[p.name] = province_node(canon, p.span, p.surface)
        merged = merged_province(canon)
        if merged and fold(merged) != fold(canon):
            province_node(merged, p.span)
            b.rel("MERGED_INTO", "Province", _province_id(canon), "Province", _province_id(merged), doc, p.span,
                  props={"since": "2025-07-01", "rule": "2025 provincial reform (gazetteer: vietnamadminunits "
                                                          "converter_2025)"})

    # foreign partners: one node per canonical entry, found by its Vietnamese and English names
    partner_ids: dict[str, tuple[str, str]] = {}
    countries: dict[str, str] = {}

    def partner_node(pn: PartnerName, span: Span, alias: str | None) -> tuple[str, str]:
        label = FOREIGN_BODY if pn.kind == _FOREIGN_BODY_KIND else PARTNER_LABELS[pn.kind]
        node_id = b.node(label, _partner_id(pn.kind, pn.name), doc,
                         {"name": pn.name, "key": fold(pn.name), "name_en": pn.name_en,
                          "key_en": fold(pn.name_en) if pn.name_en else None, "kind": pn.kind,
                          "country": pn.country}, span, alias=alias)
        partner_ids[pn.name] = partner_ids[fold(pn.name)] = (label, node_id)
        if pn.kind == "country" and pn.country:
            countries[pn.country] = node_id
        return label, node_id

    partner_spans: list[tuple[Span, tuple[str, str]]] = []
    located: list[tuple[str, str, str, Span]] = []
    bodies: list[tuple[tuple[str, str], tuple[str, str], Span]] = []
    for f in ex.partners:
        fb = foreign_body(f.name)
        if fb is not None and fb.action == "fold":        # "Chính quyền tỉnh X" is the partner X
            pn = _partner_name(fb.place.canonical, fb.place.kind, fb.place.country, None)
        elif fb is not None:                               # "Sở Ngoại vụ tỉnh X": a body of X, not a place
            pn = PartnerName(fb.name, fb.name_en, _FOREIGN_BODY_KIND, fb.place.country)
        else:
            pn = _partner_name(f.name, f.kind, f.country, f.canonical)
        ref = partner_node(pn, f.span, f.name)
        partner_ids[f.name] = ref
        partner_spans.append((f.span, ref))
        if fb is not None and fb.action == "body":
            place_pn = _partner_name(fb.place.canonical, fb.place.kind, fb.place.country, None)
            place_ref = partner_node(place_pn, f.span, None)
            bodies.append((ref, place_ref, f.span))
            if place_pn.kind == "foreign_locality" and place_pn.country:
                located.append((place_ref[0], place_ref[1], place_pn.country, f.span))
        elif pn.kind in ("foreign_locality", "embassy") and pn.country:
            located.append((ref[0], ref[1], pn.country, f.span))
    for body, place_ref, span in bodies:
        b.rel("LOCATED_IN", body[0], body[1], place_ref[0], place_ref[1], doc, sentence(span))
    for label, node_id, country, span in located:
        if country in countries:
            b.rel("LOCATED_IN", label, node_id, "Country", countries[country], doc, sentence(span))

    def partner_ref(name: str | None) -> tuple[str, str] | None:
        """A partner of this document by any of its names, or the gazetteer's country of that name."""
        if not name:
            return None
        if name in partner_ids:
            return partner_ids[name]
        entry = lookup(name)
        if entry is not None:
            return partner_ids.get(entry.canonical) or partner_ids.get(fold(entry.canonical))
        return partner_ids.get(fold(name))

    # Vietnamese organizations: one node per body, whichever language names it
    org_ids: dict[str, str] = {}

    def org_node(name: str, span: Span, province: str | None, alias: str | None) -> str:
        body = canonical_body(name) or (canonical_body(f"{name} {province}") if province else None)
        canon = body.name_vi if body else name
        node_id = b.node("Organization", make_id("org", fold(canon)), doc,
                         {"name": canon, "key": fold(canon), "name_en": body.name_en if body else None,
                          "key_en": fold(body.name_en) if body else None}, span, alias=alias)
        org_ids[name] = org_ids[canon] = org_ids[fold(canon)] = node_id
        prov = (body.province if body else None) or _known_province(province)
        if prov:
            prov_id = prov_ids.get(prov) or province_node(prov, span)
            b.rel("IN_PROVINCE", "Organization", node_id, "Province", prov_id, doc, sentence(span))
        return node_id

    for o in ex.organizations:
        org_node(o.name, o.span, o.province, o.name)

    # persons and their posts; the identity decisions of all mentions of one node go on its evidence link;
    # a post cites the sentence that states it
    person_nodes: dict[str, str] = {}
    why = _identity_evidence(ex, pid, decisions)
    for p in ex.persons:
        full = full_names.get(p.name, p.name)
        person_nodes[p.name] = b.node("Person", pid(p.name), doc,
                                      {"name": full, "key": person_key(full), **rest_keys(person_key(full)),
                                       "side": p.side, "country": p.country, "province": p.province},
                                      p.span, alias=p.name,
                                      evidence_props=why.get(pid(p.name)))
        said = sentence(p.span)
        for office in p.offices:
            known = canonical_office(office, p.province if p.side == "vietnam" else None)
            title = known.name_vi if known else office
            post_id = make_id("post", person_nodes[p.name], fold(title))
            b.node("Post", post_id, doc, {"name": title, "key": fold(title),
                                          "name_en": known.name_en if known else None}, said, alias=office)
            b.rel("HOLDS", "Person", person_nodes[p.name], "Post", post_id, doc, said, date=ex.date,
                  props={"province": p.province, "country": p.country})
            org = org_node(known.body.name_vi, said, known.body.province, None) if known else \
                _org_of_office(office, org_ids)
            if org:
                b.rel("POST_IN", "Post", post_id, "Organization", org, doc, said)

    def actor(name: str | None) -> tuple[str, str] | None:
        if not name:
            return None
        if name in person_nodes:
            return "Person", person_nodes[name]
        if name in org_ids:
            return "Organization", org_ids[name]
        body = canonical_body(name)
        if body and body.key in org_ids:
            return "Organization", org_ids[body.key]
        canon = _canonical_province(name)
        if canon in prov_ids:
            return "Province", prov_ids[canon]
        ref = partner_ref(name)
        if ref:
            return ref
        key = fold(name)
        for table, label in ((person_nodes, "Person"), (org_ids, "Organization")):
            for n, i in table.items():
                if fold(n) == key:
                    return label, i
        return None

    def place(name: str | None, span: Span) -> tuple[str, str] | None:
        """Where a meeting was held: a province or partner of the document, else the gazetteers (a foreign
        city or country the document names only as the place)."""
        if not name:
            return None
        prov = _known_province(name)
        if prov:
            return "Province", prov_ids.get(prov) or province_node(prov, span)
        ref = partner_ref(name)
        if ref:
            return ref
        entry = lookup(name)
        if entry is not None and entry.kind in ("country", "foreign_locality"):
            ref = partner_node(_partner_name(entry.canonical, entry.kind, entry.country, None), span, name)
            if entry.kind == "foreign_locality" and entry.country:
                country = countries.get(entry.country)
                if country is None and (cname := country_name(entry.country, "vi")):
                    country = partner_node(_partner_name(cname, "country", entry.country, None), span, None)[1]
                if country:
                    b.rel("LOCATED_IN", ref[0], ref[1], "Country", country, doc, span)
            return ref
        return None

    def province_of(ref: tuple[str, str] | None, name: str | None) -> str | None:
        """The province node an actor stands for or belongs to (a province, its body, its official)."""
        if ref is None:
            return None
        if ref[0] == "Province":
            return ref[1]
        if ref[0] == "Person":
            p = next((x for x in ex.persons if x.name == name), None)
            prov = _known_province(p.province) if p and p.side == "vietnam" else None
            return prov_ids.get(prov) if prov else None
        if ref[0] == "Organization":
            body = canonical_body(name or "")
            return prov_ids.get(body.province) if body and body.province else None
        return None

    def partner_of(ref: tuple[str, str] | None, name: str | None) -> tuple[str, str] | None:
        """The foreign partner an actor is or belongs to (a partner, a foreign official's country)."""
        if ref is None:
            return None
        if ref[0] in PARTNER_LABEL_SET:
            return ref
        if ref[0] == "Person":
            p = next((x for x in ex.persons if x.name == name), None)
            return partner_ref(p.country) if p and p.side == "foreign" else None
        return None

    deals: dict[tuple[str, tuple[str, str]], tuple[Span, str | None, str]] = {}

    def deal(prov_id: str | None, partner: tuple[str, str] | None, span: Span, date: str | None, basis: str) -> None:
        if prov_id and partner:
            deals.setdefault((prov_id, partner), (span, date, basis))

    # meetings: attendance by side, MET between every cross-side pair, place, parties involved
    for i, m in enumerate(ex.meetings):
        mid = make_id("meeting", doc, str(i))
        inferred = None if m.date else date_from_publication(m.day, provenance and provenance.published)
        when, basis = (m.date, "text") if m.date else (inferred, "publication" if inferred else None)
        where = place(m.location, m.span)
        b.node("Meeting", mid, doc, {"name": _meeting_name(m.sides), "date": when, "date_basis": basis,
                                     "location": m.location, "verb": m.verb, "doc": doc}, m.span)
        for side_no, side in enumerate(m.sides):
            for name in side:
                if name in person_nodes:
                    b.rel("ATTENDED", "Person", person_nodes[name], "Meeting", mid, doc, m.span,
                          props={"side": side_no, "leader": name in m.leaders})
        for a, c in ((a, c) for a in m.sides[0] for c in m.sides[1]):
            if a in person_nodes and c in person_nodes and person_nodes[a] != person_nodes[c]:
                x, y = sorted((person_nodes[a], person_nodes[c]))
                b.rel("MET", "Person", x, "Person", y, doc, m.span, key=mid, date=when,
                      props={"meeting": mid, "date": when, "date_basis": basis, "place": m.location, "doc": doc})
        if where and where[0] in PLACE_LABELS:
            b.rel("HELD_IN", "Meeting", mid, where[0], where[1], doc, m.span)
        # parties: the provinces and partners of the people on its sides, the place, and what its sentence names
        attendees = set(m.sides[0]) | set(m.sides[1])
        provinces_in = {province_of(("Person", person_nodes[n]), n) for n in attendees if n in person_nodes}
        partners_in = {partner_of(("Person", person_nodes[n]), n) for n in attendees if n in person_nodes}
        partners_in |= {ref for span, ref in partner_spans if _covers(m.span, span)}
        provinces_in |= {prov_ids[_canonical_province(p.name)] for p in ex.provinces if _covers(m.span, p.span)}
        if where and where[0] == "Province":
            provinces_in.add(where[1])
        elif where:
            partners_in.add(where)
        involved = sorted({("Province", x) for x in provinces_in if x} | {x for x in partners_in if x})
        for inv in involved:
            b.rel("INVOLVES", "Meeting", mid, inv[0], inv[1], doc, m.span)
        for prov_id in sorted(x for x in provinces_in if x):
            for partner in sorted(x for x in partners_in if x):
                deal(prov_id, partner, m.span, when or ex.date, "meeting")

    # commitments: maker and recipient as extraction attributed them
    for c in ex.commitments:
        cid = make_id("commitment", doc, str(c.span.start), str(c.span.end))
        b.node("Commitment", cid, doc, {"name": c.text[:80], "kind": c.kind, "text": c.text, "date": ex.date,
                                        "amount": c.amount, "by_text": "; ".join(c.by), "to_text": c.to, "doc": doc},
               c.span)
        ends: list[tuple[tuple[str, str], str]] = []
        for name in c.by:
            who = actor(name)
            if who:
                b.rel("MADE_BY", "Commitment", cid, who[0], who[1], doc, c.span)
                ends.append((who, name))
        who = actor(c.to)
        if who:
            b.rel("MADE_TO", "Commitment", cid, who[0], who[1], doc, c.span)
            ends.append((who, c.to or ""))
        for x, xn in ends:
            for y, yn in ends:
                deal(province_of(x, xn), partner_of(y, yn), c.span, ex.date, "commitment")

    # province ↔ partner in one sentence of a document that reports an exchange
    if ex.meetings or ex.commitments:
        for p in ex.provinces:
            said = sentence(p.span)
            for span, ref in partner_spans:
                if _covers(said, span):
                    deal(prov_ids[_canonical_province(p.name)], ref, said, ex.date, "sentence")

    for (prov_id, (label, node_id)), (span, date, basis) in sorted(deals.items()):
        b.rel("DEALS_WITH", "Province", prov_id, label, node_id, doc, span, date=date, props={"basis": basis})
    return b


def _identity_evidence(ex: Extraction, pid, decisions: Mapping[str, IdentityDecision]) -> dict[str, dict]:
    """node id → the resolver's decisions for every mention of it in this document, in one set of
    properties: the cross-document rule (a short reference's rule only if nothing else decided),
    the mentions, the evidence, uncertain if any decision was."""
    out: dict[str, dict] = {}
    for p in ex.persons:
        d = decisions.get(p.name)
        if d is None:
            continue
        c = out.setdefault(pid(p.name), {"match_name": [], "match_rule": None, "match_evidence": [],
                                         "match_uncertain": False})
        if p.name not in c["match_name"]:
            c["match_name"].append(p.name)
        if d.rule and (c["match_rule"] is None or c["match_rule"].startswith("short-reference")):
            c["match_rule"] = d.rule
        if d.evidence and d.evidence not in c["match_evidence"]:
            c["match_evidence"].append(d.evidence)
        c["match_uncertain"] = bool(c["match_uncertain"] or d.uncertain)
    return {i: {**c, "match_name": "; ".join(c["match_name"]), "match_evidence": "; ".join(c["match_evidence"])}
            for i, c in out.items()}


def _org_of_office(office: str, org_ids: dict[str, str]) -> str | None:
    """The longest organization name contained in the office title."""
    key = fold(office)
    best = None
    for name, node_id in org_ids.items():
        k = fold(name)
        if k and k in key and (best is None or len(k) > best[0]):
            best = (len(k), node_id)
    return best[1] if best else None


def _meeting_name(sides) -> str:
    a = ", ".join(sides[0][:2]) or "?"
    c = ", ".join(sides[1][:2]) or "?"
    return f"{a} – {c}"
