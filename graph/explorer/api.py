"""What the explorer's page asks for, answered from the ``queries/`` templates only.

Every answer is a frozen dataclass turned into JSON by ``app``; every query is a template run by name
with ``$parameters`` (``queries.runner.run``), so a client chooses templates and values, never Cypher.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.labels import UNDIRECTED, edge_label, node_label
from ontology.identity import fold
from queries.runner import QueryError, get, run, templates

SEARCH_LIMIT = 12
SCAN_MIN = 3             # shorter texts are answered from the indexes only (a scan for "ng" finds everyone)
EGO_LIMIT = 150          # relationships per opening or expansion, ranked; the page says when more were cut
EVIDENCE_LIMIT = 8       # source sentences shown per node or edge
CONTEXT = 700            # characters of the article shown around a source sentence
EXPLORER_TEMPLATES = frozenset({"explorer_search", "explorer_search_contains", "explorer_node", "explorer_ego",
                                "explorer_node_evidence", "explorer_edge_evidence", "explorer_document"})
_REF = re.compile(r"^(?P<doc>.+)#(?P<start>\d+)-(?P<end>\d+)$")


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    name: str
    caption: str
    date: str | None
    kind: str | None
    place: str | None
    tags: tuple[str, ...]            # provinces and partners it concerns (the page's filters)
    documents: int


@dataclass(frozen=True)
class Edge:
    id: str
    source: str
    target: str
    type: str
    key: str
    caption: str
    date: str | None
    until: str | None
    directed: bool


@dataclass(frozen=True)
class Ego:
    centre: Node
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    total: int                        # relationships of the centre; more than len(edges) when cut


@dataclass(frozen=True)
class Suggestion:
    id: str
    label: str
    name: str
    detail: str
    exact: bool


@dataclass(frozen=True)
class Evidence:
    doc: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    source: str | None
    before: str
    sentence: str
    after: str


@dataclass(frozen=True)
class EvidencePanel:
    title: str
    quote: str | None
    evidence: tuple[Evidence, ...]
    more: int                         # references not shown


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    description: str
    params: tuple[dict, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Answer:
    template: str
    columns: tuple[str, ...]
    rows: tuple[dict, ...]


class NotFound(QueryError):
    """The page asked for a node or relationship the graph does not hold."""


def _alt(text: str) -> str | None:
    """Another spelling of a whole name from the gazetteer (Laos → Lào, Hue → Thừa Thiên Huế)."""
    try:
        from ontology.gazetteer.partners import lookup
        from ontology.gazetteer.provinces import canonical_province
    except ImportError:
        return None
    entry = lookup(text)
    name = entry.canonical if entry else canonical_province(text)
    return fold(name) if name and fold(name) != fold(text) else None


def _best(rows: list[dict], limit: int, seen: set[str]) -> list[dict]:
    """The templates' parts merged: one row per node, exact names first, then by documents, name, id."""
    out = []
    for r in sorted(rows, key=lambda r: (r["rank"], -(r["documents"] or 0), r["name"] or r["key"] or "", r["id"])):
        if r["id"] not in seen and len(out) < limit:
            seen.add(r["id"])
            out.append(r)
    return out


def search(store, text: str, limit: int = SEARCH_LIMIT) -> tuple[Suggestion, ...]:
    """Names equal to or starting with the text, and people with a later word starting with it, from indexes
    (``explorer_search``: the name, then ``key_rest1..3``); names of places, bodies and partners containing it
    elsewhere (``explorer_search_contains``, a scan of the labels that do not grow with the people) only to
    fill the list, and only from three characters. Why: a scan on every keystroke was the slow part, and the
    people's scan grew with the store (bench/RESULTS.md, "Explorer search suggestions")."""
    folded = fold(text)
    if not folded:
        return ()
    seen: set[str] = set()
    rows = _best(run(store, "explorer_search", {"text": text, "alt": _alt(text), "limit": limit}), limit, seen)
    if len(rows) < limit and len(folded) >= SCAN_MIN:
        rows += _best(run(store, "explorer_search_contains", {"text": text, "limit": limit}), limit - len(rows), seen)
    return tuple(Suggestion(r["id"], r["label"], r["name"] or r["key"],
                            " · ".join(x for x in (r["label"], r["province"], r["country"]) if x), r["rank"] == 0)
                 for r in rows)


def _node(r: dict, date_key: str = "date") -> Node:
    tags = [r.get("province"), r.get("country"), *(r.get("places") or [])]
    if r["label"] in ("Province", "Country", "ForeignLocality", "InternationalOrganization", "DiplomaticMission",
                      "NGO", "Company"):
        tags.append(r["name"])
    tags += r.get("recipients") or []
    if r["label"] == "Commitment":
        tags += r.get("makers") or []
    return Node(r["id"], r["label"], r["name"] or r["id"],
                node_label(r["label"], r["name"], date=r.get(date_key), place=r.get("place"), kind=r.get("kind"),
                           people=r.get("people"), makers=r.get("makers"), fallback=r["id"]),
                r.get(date_key), r.get("kind"), r.get("place"),
                tuple(sorted({t for t in tags if t})), r.get("documents") or 0)


def node(store, node_id: str) -> Node:
    rows = run(store, "explorer_node", {"id": node_id})
    if not rows:
        raise NotFound(f"no node with id {node_id!r} in the graph")
    return _node(rows[0])


def ego(store, node_id: str, limit: int = EGO_LIMIT) -> Ego:
    """The node and its relationships (documents left out), at most ``limit`` of them: the best-documented
    lasting links (met, deals with, holds …) and the latest events (meetings, commitments), the events
    keeping at least a third of the places when there are more of both than fit (``explorer_ego`` ranks each
    tier; a busy person's 1,300 counterparts would otherwise leave no meeting for the timeline)."""
    centre = node(store, node_id)
    rows = run(store, "explorer_ego", {"id": node_id, "limit": limit})
    lasting = sorted((r for r in rows if r["tier"] == 0), reverse=True,
                     key=lambda r: (r["weight"], r["latest"] or "", r["until"] or "", r["id"]))
    events = sorted((r for r in rows if r["tier"] == 1), reverse=True, key=lambda r: (r["latest"] or "", r["id"]))
    keep = lasting[:limit - min(len(events), limit // 3)]
    keep += events[:limit - len(keep)]
    nodes: dict[str, Node] = {}
    edges: dict[str, Edge] = {}
    for r in keep:
        nodes.setdefault(r["id"], _node(r, "node_date"))
        eid = f"{r['source']}|{r['type']}|{r['key']}|{r['target']}"
        edges[eid] = Edge(eid, r["source"], r["target"], r["type"], r["key"],
                          edge_label(r["type"], r["date"], r["until"]), r["date"], r["until"],
                          r["type"] not in UNDIRECTED)
    total = rows[0]["total"] if rows else 0
    return Ego(centre, tuple(nodes.values()), tuple(edges.values()), total)


def _refs(evidence: list[str]) -> list[tuple[str, int, int]]:
    out = []
    for ref in evidence or []:
        m = _REF.match(str(ref))
        if m:
            out.append((m["doc"], int(m["start"]), int(m["end"])))
    return out


def _panel(store, title: str, quote: str | None, refs: list[tuple[str, int, int]]) -> EvidencePanel:
    shown: list[Evidence] = []
    docs: dict[str, dict | None] = {}
    for doc, start, end in refs[:EVIDENCE_LIMIT]:
        if doc not in docs:
            found = run(store, "explorer_document", {"id": doc})
            docs[doc] = found[0] if found else None
        d = docs[doc]
        text = (d or {}).get("text") or ""
        if text and 0 <= start < end <= len(text):
            before, sentence, after = text[max(0, start - CONTEXT):start], text[start:end], text[end:end + CONTEXT]
        else:                                 # the document or the span is gone: the quote alone
            before, sentence, after = "", quote or "", ""
        shown.append(Evidence(doc, (d or {}).get("title"), (d or {}).get("outlet"), (d or {}).get("published"),
                              (d or {}).get("url"), (d or {}).get("source"), before, sentence, after))
    return EvidencePanel(title, quote, tuple(shown), max(0, len(refs) - len(shown)))


def node_evidence(store, node_id: str) -> EvidencePanel:
    rows = run(store, "explorer_node_evidence", {"id": node_id})
    if not rows:
        raise NotFound(f"no node with id {node_id!r} in the graph")
    r = rows[0]
    return _panel(store, f"{r['label']}: {r['name'] or r['id']}", r["quote"], _refs(r["evidence"]))


def edge_evidence(store, source: str, target: str, rel_type: str, key: str) -> EvidencePanel:
    rows = run(store, "explorer_edge_evidence", {"source": source, "target": target, "type": rel_type, "key": key})
    if not rows:
        raise NotFound(f"no {rel_type} relationship between {source!r} and {target!r} in the graph")
    r = rows[0]
    return _panel(store, edge_label(r["type"], r["date"]) + (f" · {r['place']}" if r["place"] else ""),
                  r["quote"], _refs(r["evidence"]))


def template_list() -> tuple[TemplateInfo, ...]:
    """The analyst's templates (the explorer's own are plumbing, not questions)."""
    return tuple(TemplateInfo(t.name, t.description,
                              tuple({"name": p.name, "type": p.type, "default": p.default, "about": p.description}
                                    for p in t.params))
                 for t in templates().values() if t.name not in EXPLORER_TEMPLATES)


def answer(store, name: str, params: dict[str, str]) -> Answer:
    """A template run by name; ``get`` refuses names that are not files in ``queries/``."""
    from queries.output import return_columns

    t = get(name)
    params = {k: v for k, v in params.items() if v != ""}     # an empty box is a parameter left out
    from queries.checks import check_fixed
    params = check_fixed(t, params)
    t.bind(params)                              # refuses unknown or missing parameters before the store
    rows = run(store, name, params)
    columns = tuple(dict.fromkeys([*return_columns(t.cypher), *(k for r in rows for k in r)]))
    return Answer(name, columns, tuple(rows))
