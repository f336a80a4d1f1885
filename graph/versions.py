"""One Document per source, and versions of it: which id a source's text gets, whether it is new, an
unchanged copy (skipped by its content hash), the same text from another source (one Document that
lists both), or a changed version (written as a replacement: see ``drop_replaced``).

Why the id stays the readable stem: record ids, the scorer and who-met's "doc" column use it; a
second source with the same stem (two ``article.txt`` in two folders) gets ``stem-<8 hex of its key>``.
Documents are looked up by chunks, three indexed queries per chunk, not one query per document.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Iterator

from graph.store import load_cypher
from loaders.reading import Document

_BY_KEY = load_cypher("documents_by_key")
_BY_SHA = load_cypher("documents_by_sha")
_BY_ID = load_cypher("documents_by_id")
_ADD_SOURCES = load_cypher("documents_add_sources")
_REPLACED = load_cypher("version_replaced")
_DROP = tuple(load_cypher(n) for n in ("version_drop_rels", "version_offices", "version_drop_nodes",
                                       "version_drop_document"))
CHUNK = 200


@dataclass(frozen=True)
class Known:
    """A document the store or this run already has."""

    id: str
    key: str | None
    sha: str | None


@dataclass(frozen=True)
class Unchanged:
    """A source whose text is already in the graph: ``same_as`` is the Document holding it."""

    source: str
    same_as: str
    reason: str


def _suffixed(doc: str, key: str) -> str:
    return f"{doc}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:8]}"


@dataclass
class Versions:
    """Decides, document by document, against the store and what this run has already seen."""

    store: object
    chunk: int = CHUNK
    ids: dict[str, str] = field(default_factory=dict)            # id -> key, this run
    keys: dict[str, Known] = field(default_factory=dict)         # key -> document, this run
    shas: dict[str, str] = field(default_factory=dict)           # sha -> id, this run
    more_sources: dict[str, list[str]] = field(default_factory=dict)

    def triage(self, docs: Iterable[Document], unchanged: Callable[[Unchanged], None]) -> Iterator[Document]:
        """The documents to extract and write, each with its final id; the others go to ``unchanged``."""
        group: list[Document] = []
        for d in docs:
            group.append(d)
            if len(group) >= self.chunk:
                yield from self._decide(group, unchanged)
                group = []
        if group:
            yield from self._decide(group, unchanged)

    def _lookup(self, group: list[Document]) -> tuple[dict[str, Known], dict[str, Known], dict[str, Known]]:
        keys = sorted({d.key for d in group if d.key})
        shas = sorted({d.sha for d in group})
        ids = sorted({d.doc for d in group} | {_suffixed(d.doc, d.key) for d in group if d.key})
        rows = lambda q, **p: [Known(r["id"], r["key"], r["sha"]) for r in self.store.read(q, **p)]  # noqa: E731
        by_key = {k.key: k for k in rows(_BY_KEY, keys=keys)} if keys else {}
        by_sha = {k.sha: k for k in rows(_BY_SHA, shas=shas)}
        by_id = {k.id: k for k in rows(_BY_ID, ids=ids)}
        return by_key, by_sha, by_id

    def _decide(self, group: list[Document], unchanged: Callable[[Unchanged], None]) -> Iterator[Document]:
        by_key, by_sha, by_id = self._lookup(group)
        for d in group:
            key = d.key or d.source
            legacy = by_id.get(d.doc)
            old = self.keys.get(key) or by_key.get(key) or (legacy if legacy and legacy.key is None else None)
            if old is not None:
                if old.sha == d.sha or key in self.keys:
                    unchanged(Unchanged(d.source, old.id, "unchanged since it was last ingested"
                                        if key not in self.keys else "read already in this run"))
                    continue
                doc_id = old.id                                  # a changed version: replaces the old one
            else:
                same = self.shas.get(d.sha) or (by_sha[d.sha].id if d.sha in by_sha else None)
                if same is not None:                             # the same text from another source
                    self.more_sources.setdefault(same, []).extend(s for s in (d.sources or (d.source,)))
                    unchanged(Unchanged(d.source, same, f"same text as document {same}"))
                    continue
                doc_id = d.doc
                taken = self.ids.get(doc_id) or (by_id[doc_id].key if doc_id in by_id else None)
                if (doc_id in self.ids or doc_id in by_id) and taken != key:
                    doc_id = _suffixed(d.doc, key)
            self.ids[doc_id] = key
            self.keys[key] = Known(doc_id, key, d.sha)
            self.shas[d.sha] = doc_id
            yield replace(d, doc=doc_id, key=key, sources=d.sources or (d.source,))

    def finish(self) -> None:
        """Record the extra sources of documents reached more than once (after they are written)."""
        rows = [{"id": i, "sources": list(dict.fromkeys(s))} for i, s in self.more_sources.items()]
        if rows:
            self.store.write(_ADD_SOURCES, rows=rows)
        self.more_sources.clear()


def drop_replaced(tx, documents: list[dict]) -> list[str]:
    """In the write transaction, before the batch is written: every fact of the older version of each
    of these documents (``{id, sha}``) whose content hash differs. A failure rolls it back with the
    batch, so the old version stays whole."""
    ids = [r["id"] for r in tx.run(_REPLACED, rows=documents)]
    if ids:
        for statement in _DROP:
            tx.run(statement, ids=ids).consume()
    return ids
