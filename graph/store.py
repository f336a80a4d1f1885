"""``Neo4jStore``: one connection to the graph, whichever server is behind it.

With ``NEO4J_URI`` set it talks to that Neo4j (``NEO4J_USERNAME``, ``NEO4J_PASSWORD``,
``NEO4J_DATABASE``); otherwise it starts (or reuses) the embedded ArcadeDB server.
Everything that differs between the two servers is decided here.
"""
from __future__ import annotations

import os
import random
import time
from pathlib import Path
from typing import Any, Callable

from neo4j import GraphDatabase
from neo4j.exceptions import ClientError, Neo4jError, ServiceUnavailable, TransientError, SessionExpired

from graph.embedded import DATABASE, USER, EmbeddedServer

CYPHER_DIR = Path(__file__).parent / "cypher"


class StoreError(RuntimeError):
    """The store refused or failed an operation; the message never carries credentials."""


def load_cypher(name: str) -> str:
    """A write/schema statement from ``graph/cypher/NAME.cypher``."""
    return (CYPHER_DIR / f"{name}.cypher").read_text(encoding="utf-8")


def _retryable(err: Exception) -> bool:
    """Transient errors, plus ArcadeDB's failure of one of two concurrent MERGEs of a new key
    (Neo4j would have made it wait; ArcadeDB raises a ClientError the driver does not retry)."""
    if isinstance(err, (TransientError, ServiceUnavailable, SessionExpired)):
        return True
    code = getattr(err, "code", "") or ""
    msg = str(err)
    return isinstance(err, ClientError) and (
        "ConstraintValidationFailed" in code or "ConcurrentModification" in msg or "DuplicatedKey" in msg)


class Neo4jStore:
    """A neo4j-driver connection plus the retry policy for whole-document transactions."""

    def __init__(self, uri: str, user: str, password: str, database: str | None, embedded: bool = False):
        self.uri, self.database, self.embedded = uri, database, embedded
        self._driver = GraphDatabase.driver(uri, auth=(user, password))
        try:
            self._driver.verify_connectivity()
        except Exception as e:  # noqa: BLE001 - re-raised with a clean message
            self._driver.close()
            raise StoreError(f"cannot reach the graph at {uri}: {type(e).__name__}") from None

    @classmethod
    def connect(cls, home: Path | None = None) -> "Neo4jStore":
        uri = os.environ.get("NEO4J_URI")
        if uri:
            return cls(uri, os.environ.get("NEO4J_USERNAME", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""),
                       os.environ.get("NEO4J_DATABASE") or None)
        server = EmbeddedServer(home)
        info = server.start()
        return cls(info.uri, USER, server.password(), DATABASE, embedded=True)

    def close(self) -> None:
        self._driver.close()

    def __enter__(self) -> "Neo4jStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # running ----------------------------------------------------------------
    def read(self, cypher: str, **params: Any) -> list[dict]:
        return self._with_retry(lambda tx: [r.data() for r in tx.run(cypher, params)], write=False)

    def write(self, cypher: str, **params: Any) -> list[dict]:
        return self._with_retry(lambda tx: [r.data() for r in tx.run(cypher, params)], write=True)

    def write_tx(self, work: Callable[[Any], Any], attempts: int = 6) -> Any:
        """Run ``work(tx)`` in one write transaction: all of it lands, or none of it."""
        return self._with_retry(work, write=True, attempts=attempts)

    def _with_retry(self, work: Callable[[Any], Any], write: bool, attempts: int = 6) -> Any:
        for attempt in range(attempts):
            try:
                with self._driver.session(database=self.database) as session:
                    run = session.execute_write if write else session.execute_read
                    return run(work)
            except Neo4jError as e:
                if attempt + 1 < attempts and _retryable(e):
                    time.sleep(0.05 * (2 ** attempt) * (1 + random.random()))
                    continue
                raise StoreError(f"{e.code or type(e).__name__}: {e.message or ''}".strip()) from None
            except (ServiceUnavailable, SessionExpired) as e:
                if attempt + 1 < attempts:
                    time.sleep(0.2 * (attempt + 1))
                    continue
                raise StoreError(f"graph unavailable: {type(e).__name__}") from None
        raise StoreError("unreachable")  # pragma: no cover
