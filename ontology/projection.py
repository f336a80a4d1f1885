"""Extraction → graph rows: decide which nodes and relationships a document's facts
become, with deterministic ids and an evidence reference on every element.

Pure Python, no Cypher: ``graph.writer`` turns the rows into batched MERGEs.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ontology.facts import Extraction, Span
from ontology.identity import fold, make_id, person_key
from ontology.model import PARTNER_LABELS, check_label, check_rel
from ontology.provenance import DocumentSource, date_from_publication


@dataclass
class GraphBatch:
    """Rows grouped the way the writer sends them: nodes by label, rels by (type, start, end)."""

    nodes: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    rels: dict[tuple[str, str, str], list[dict]] = field(default_factory=lambda: defaultdict(list))

    def node(self, label: str, node_id: str, doc: str, props: dict, span: Span | None = None,
             alias: str | None = None, evidence_props: dict | None = None) -> str:
        """A node row plus its EVIDENCED_BY link to the document (``evidence_props`` go on that
        link: for a Person, how the resolver attached this mention to the node)."""
        check_label(label)
        self.nodes[label].append({"id": node_id, "doc": doc, "props": {k: v for k, v in props.items() if v is not None},
                                  "alias": alias, "ref": span.ref() if span else None,
                                  "quote": span.text if span else None})
        if label != "Document":
            self.rel("EVIDENCED_BY", label, node_id, "Document", doc, doc, span, key=doc, props=evidence_props)
        return node_id

    def rel(self, rel_type: str, start_label: str, start_id: str, end_label: str, end_id: str,
            doc: str, span: Span | None, key: str = "", date: str | None = None, props: dict | None = None) -> None:
        check_rel(rel_type, start_label, end_label)
        self.rels[(rel_type, start_label, end_label)].append({
            "a": start_id, "b": end_id, "key": key, "doc": doc, "date": date,
            "ref": span.ref() if span else doc, "quote": span.text if span else None,
            "props": {k: v for k, v in (props or {}).items() if v is not None},
        })

    def extend(self, other: "GraphBatch") -> None:
        for label, rows in other.nodes.items():
            self.nodes[label].extend(rows)
        for key, rows in other.rels.items():
            self.rels[key].extend(rows)

    def counts(self) -> tuple[int, int]:
        return sum(map(len, self.nodes.values())), sum(map(len, self.rels.values()))


def _province_id(name: str) -> str:
    return make_id("province", fold(name))


def _partner_id(kind: str, name: str) -> str:
    return make_id(kind, fold(name))


def _canonical_province(name: str) -> str:
    try:
        from ontology.gazetteer.provinces import canonical_province
    except ImportError:                      # gazetteer not built yet: keep the name as given
        return name
    return canonical_province(name) or name


def _merged_province(name: str) -> str | None:
    try:
        from ontology.gazetteer.provinces import merged_province
    except ImportError:
        return None
    return merged_province(name)


def project(ex: Extraction, source: str | None = None, person_ids: dict[str, str] | None = None,
            provenance: DocumentSource | None = None) -> GraphBatch:
    """All rows for one document. ``person_ids`` may override the default id of a
    person name (the identity resolver's decision); otherwise the id is the folded name.
    ``provenance`` (where the text came from) goes on the Document node, and its publication date
    dates a meeting whose text gives day and month only (``date_basis`` "publication")."""
    person_ids = person_ids or {}
    full_names: dict[str, str] = getattr(person_ids, "names", {})        # short reference -> full name (resolver)
    decisions: dict[str, dict] = getattr(person_ids, "decisions", {})    # name -> identity decision (resolver)
    b = GraphBatch()
    doc = ex.doc
    b.node("Document", doc, doc, {**(provenance.props() if provenance else {}), "title": ex.title, "lang": ex.lang,
                                  "date": ex.date, "source": source, "text": ex.text, "name": ex.title or doc})

    def pid(name: str) -> str:
        return person_ids.get(name) or make_id("person", person_key(name))

    # provinces (canonical node; the article's wording kept as alias)
    prov_ids: dict[str, str] = {}
    for p in ex.provinces:
        canon = _canonical_province(p.name)
        prov_ids[p.name] = prov_ids[canon] = b.node("Province", _province_id(canon), doc,
                                                    {"name": canon, "key": fold(canon)}, p.span, alias=p.surface)
        merged = _merged_province(canon)
        if merged and fold(merged) != fold(canon):
            b.node("Province", _province_id(merged), doc, {"name": merged, "key": fold(merged)}, p.span)
            b.rel("MERGED_INTO", "Province", _province_id(canon), "Province", _province_id(merged), doc, p.span,
                  props={"since": "2025-07-01", "rule": "2025 provincial reform (gazetteer: vietnamadminunits "
                                                          "converter_2025)"})

    # foreign partners
    partner_ids: dict[str, tuple[str, str]] = {}
    countries: dict[str, str] = {}
    for f in ex.partners:
        label = PARTNER_LABELS[f.kind]
        canon = f.canonical or f.name
        node_id = b.node(label, _partner_id(f.kind, canon), doc,
                         {"name": canon, "key": fold(canon), "kind": f.kind, "country": f.country}, f.span, alias=f.name)
        partner_ids[f.name] = partner_ids[canon] = (label, node_id)
        if f.kind == "country" and f.country:
            countries[f.country] = node_id
    for f in ex.partners:
        if f.kind in ("foreign_locality", "embassy") and f.country and f.country in countries:
            label, node_id = partner_ids[f.name]
            b.rel("LOCATED_IN", label, node_id, "Country", countries[f.country], doc, f.span)

    # Vietnamese organizations
    org_ids: dict[str, str] = {}
    for o in ex.organizations:
        org_ids[o.name] = b.node("Organization", make_id("org", fold(o.name)), doc,
                                 {"name": o.name, "key": fold(o.name)}, o.span, alias=o.name)
        prov = o.province and _canonical_province(o.province)
        if prov and prov in prov_ids:
            b.rel("IN_PROVINCE", "Organization", org_ids[o.name], "Province", prov_ids[prov], doc, o.span)

    # persons and their posts; the identity decisions of all mentions of one node go on its evidence link
    person_nodes: dict[str, str] = {}
    why = _identity_evidence(ex, pid, decisions)
    for p in ex.persons:
        full = full_names.get(p.name, p.name)
        person_nodes[p.name] = b.node("Person", pid(p.name), doc,
                                      {"name": full, "key": person_key(full), "side": p.side,
                                       "country": p.country, "province": p.province}, p.span, alias=p.name,
                                      evidence_props=why.get(pid(p.name)))
        for office in p.offices:
            post_id = make_id("post", person_nodes[p.name], fold(office))
            b.node("Post", post_id, doc, {"name": office, "key": fold(office)}, p.span)
            b.rel("HOLDS", "Person", person_nodes[p.name], "Post", post_id, doc, p.span, date=ex.date,
                  props={"province": p.province, "country": p.country})
            org = _org_of_office(office, org_ids)
            if org:
                b.rel("POST_IN", "Post", post_id, "Organization", org, doc, p.span)

    def actor(name: str | None) -> tuple[str, str] | None:
        if not name:
            return None
        if name in person_nodes:
            return "Person", person_nodes[name]
        if name in org_ids:
            return "Organization", org_ids[name]
        canon = _canonical_province(name)
        if canon in prov_ids:
            return "Province", prov_ids[canon]
        if name in partner_ids:
            return partner_ids[name]
        key = fold(name)
        for table, label in ((person_nodes, "Person"), (org_ids, "Organization")):
            for n, i in table.items():
                if fold(n) == key:
                    return label, i
        return None

    # meetings: attendance by side, MET between every cross-side pair, place, parties involved
    for i, m in enumerate(ex.meetings):
        mid = make_id("meeting", doc, str(i))
        inferred = None if m.date else date_from_publication(m.day, provenance and provenance.published)
        when, basis = (m.date, "text") if m.date else (inferred, "publication" if inferred else None)
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
        place = actor(m.location)
        if place and place[0] in ("Province", "Country", "ForeignLocality"):
            b.rel("HELD_IN", "Meeting", mid, place[0], place[1], doc, m.span)
        involved = {(("Province", prov_ids[_canonical_province(p.province)]) if p.province and
                     _canonical_province(p.province) in prov_ids else None) for p in ex.persons
                    if p.name in m.sides[0] + m.sides[1]}
        involved |= {partner_ids.get(p.country) for p in ex.persons if p.country and p.name in m.sides[0] + m.sides[1]}
        for inv in sorted(x for x in involved if x):
            b.rel("INVOLVES", "Meeting", mid, inv[0], inv[1], doc, m.span)

    # commitments
    for c in ex.commitments:
        cid = make_id("commitment", doc, str(c.span.start), str(c.span.end))
        b.node("Commitment", cid, doc, {"name": c.text[:80], "kind": c.kind, "text": c.text, "date": ex.date,
                                        "amount": c.amount, "by_text": "; ".join(c.by), "to_text": c.to, "doc": doc},
               c.span)
        for name in c.by:
            who = actor(name)
            if who:
                b.rel("MADE_BY", "Commitment", cid, who[0], who[1], doc, c.span)
        who = actor(c.to)
        if who:
            b.rel("MADE_TO", "Commitment", cid, who[0], who[1], doc, c.span)

    # province ↔ partner dealings, when the document reports an exchange
    if ex.meetings or ex.commitments:
        for canon_prov in dict.fromkeys(_canonical_province(p.name) for p in ex.provinces):
            for label, node_id in dict.fromkeys(partner_ids.values()):
                b.rel("DEALS_WITH", "Province", prov_ids[canon_prov], label, node_id, doc,
                      (ex.meetings[0].span if ex.meetings else ex.commitments[0].span), date=ex.date)
    return b


def _identity_evidence(ex: Extraction, pid, decisions: dict[str, dict]) -> dict[str, dict]:
    """node id → the resolver's decisions for every mention of it in this document, in one set of
    properties: the cross-document rule (a short reference's rule only if nothing else decided),
    the mentions, the evidence, uncertain if any decision was."""
    out: dict[str, dict] = {}
    for p in ex.persons:
        d = decisions.get(p.name)
        if not d:
            continue
        c = out.setdefault(pid(p.name), {"match_name": [], "match_rule": None, "match_evidence": [],
                                         "match_uncertain": False})
        if p.name not in c["match_name"]:
            c["match_name"].append(p.name)
        if d.get("rule") and (c["match_rule"] is None or c["match_rule"].startswith("short-reference")):
            c["match_rule"] = d["rule"]
        if d.get("evidence") and d["evidence"] not in c["match_evidence"]:
            c["match_evidence"].append(d["evidence"])
        c["match_uncertain"] = bool(c["match_uncertain"] or d.get("uncertain"))
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
