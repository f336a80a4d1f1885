"""Store look-ups for the identity resolver (``ontology.resolver``) and ``dipkg review``.

The resolver asks for candidates through ``ontology.resolver.CandidateSource``; ``Neo4jStore`` implements it
with the functions here. An analyst's review decisions are kept in ``<data folder>/review.json``, not in the
graph: they are input the analyst typed, not data derived from articles, so they survive ``dipkg db reset``
and a re-ingest from scratch, and a re-ingest applies them (the resolver reads them before deciding).
"""
from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path

from graph.store import load_cypher
from ontology.errors import DipkgError
from ontology.identity import person_key
from ontology.resolver import PersonCandidate, PostHeld, ReviewDecision

_CANDIDATES = load_cypher("person_candidates")
_UNCERTAIN = load_cypher("uncertain_merges")
_ACCEPT = load_cypher("review_accept")
REVIEW_FILE = "review.json"


class ReviewError(DipkgError):
    """A review decision that cannot be recorded (no such uncertain decision, unreadable file)."""


def person_candidates(store, keys) -> list[PersonCandidate]:
    """Existing Person nodes whose folded-name key is one of ``keys``."""
    if not keys:
        return []
    out = []
    for row in store.read(_CANDIDATES, keys=sorted(set(keys))):
        posts = tuple(PostHeld(p.get("office") or "", p.get("province"), p.get("country"), p.get("first"),
                               p.get("last")) for p in row.get("posts") or () if p and p.get("office"))
        out.append(PersonCandidate(row["id"], row["key"], row.get("name"), row.get("side"), row.get("country"),
                                   tuple(row.get("docs") or ()), tuple(a for a in row.get("aliases") or () if a),
                                   posts))
    return out


def uncertain_merges(store) -> list[dict]:
    """The identity decisions the resolver marked uncertain, for review."""
    return store.read(_UNCERTAIN)


def _review_path(home: Path | None = None) -> Path:
    from graph.config import data_home

    return Path(home or data_home()) / REVIEW_FILE


def review_decisions(home: Path | None = None) -> list[ReviewDecision]:
    """The analyst's recorded decisions (empty when none were made)."""
    path = _review_path(home)
    if not path.is_file():
        return []
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        return [ReviewDecision(r["action"], r["key"], r["doc"], r["node"]) for r in rows
                if r.get("action") in ("accept", "split")]
    except (ValueError, KeyError, TypeError) as e:
        raise ReviewError(f"{path} is not a review file this program wrote ({e}); move it away to start afresh")


def record_review(store, action: str, node: str, doc: str, home: Path | None = None) -> ReviewDecision:
    """Record ``accept`` or ``split`` for the uncertain decision that attached a mention in ``doc`` to ``node``.
    ``accept`` also clears the flag in the graph at once; ``split`` takes effect when the document is ingested
    again (after ``dipkg db reset``, or when its source changes), since the mention's facts must be rewritten."""
    home = home or store_home(store)
    if action not in ("accept", "split"):
        raise ReviewError(f"unknown review action {action!r}: use accept or split")
    rows = [r for r in uncertain_merges(store) if r["id"] == node and r["doc"] == doc]
    known = {(d.node, d.doc) for d in review_decisions(home)}
    if not rows and (node, doc) not in known:
        raise ReviewError(f"no uncertain decision attaches a mention in {doc!r} to {node!r}; "
                          f"`dipkg review` lists them (columns id and doc)")
    key = person_key(rows[0]["mention"].split("; ")[0]) if rows and rows[0].get("mention") else \
        next(d.key for d in review_decisions(home) if (d.node, d.doc) == (node, doc))
    decision = ReviewDecision(action, key, doc, node)
    path = _review_path(home)
    kept = [r for r in _raw(path) if (r.get("node"), r.get("doc")) != (node, doc)]
    kept.append({"action": action, "key": key, "doc": doc, "node": node,
                 "at": datetime.now(timezone.utc).isoformat(timespec="seconds")})
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(kept, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    if action == "accept":
        store.write(_ACCEPT, node=node, doc=doc)
    return decision


def store_home(store) -> Path | None:
    """The store's data folder (``Neo4jStore.home``), None for the default one."""
    return store.home


def _raw(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as e:
        raise ReviewError(f"{path} is not valid JSON ({e}); move it away to start afresh")
    return data if isinstance(data, list) else []
