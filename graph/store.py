"""``Neo4jStore``: one connection to the graph, whichever server is behind it.

With ``NEO4J_URI`` set it talks to that Neo4j (``NEO4J_USERNAME``, ``NEO4J_PASSWORD``,
``NEO4J_DATABASE``); otherwise it starts (or reuses) the embedded ArcadeDB server.
Everything that differs between the two servers is decided here.
"""
from __future__ import annotations

import os
import random
import re
import time
from pathlib import Path
from typing import Any, Callable

from neo4j import GraphDatabase
from neo4j.exceptions import (AuthError, ClientError, DriverError, Forbidden, Neo4jError,
                              ServiceUnavailable, SessionExpired, TransientError)

from graph.embedded import DATABASE, USER, EmbeddedServer

CYPHER_DIR = Path(__file__).parent / "cypher"
RETRY_SECONDS = 10.0         # how long the driver retries transient errors and lost connections
CONNECT_TIMEOUT = 10.0       # seconds to open a connection and finish the Bolt handshake (the driver's default is 30,
                             # and a port that accepts but never answers took 60 s to fail)
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


from ontology.errors import DiskFull, StoreError, StoreUnavailable  # noqa: E402,F401

# What a server says when its disk is full: the write fails, then the server forgets the transaction.
_DISK_FULL = re.compile(r"No space left|disk (is )?full|TransactionNotFound|Transaction.*not found", re.I)


def _seconds(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        raise StoreError(f"{name}={os.environ.get(name)!r} is not a number of seconds") from None
    if not value > 0:
        raise StoreError(f"{name}={os.environ.get(name)!r} must be a positive number of seconds")
    return value


def load_cypher(name: str) -> str:
    """A write/schema statement from ``graph/cypher/NAME.cypher``."""
    return (CYPHER_DIR / f"{name}.cypher").read_text(encoding="utf-8")


def fill(template: str, label: str | None = None, rel: tuple[str, str, str] | None = None) -> str:
    """``template`` with its placeholders filled from the ontology's fixed set only: ``__LABEL__`` with
    ``label``; ``__TYPE__``, ``__FROM__``, ``__TO__`` with ``rel`` = (type, start label, end label)."""
    from ontology.model import check_label, check_rel

    if label is not None:
        template = template.replace("__LABEL__", check_label(label))
    if rel is not None:
        check_rel(*rel)
        template = template.replace("__TYPE__", rel[0]).replace("__FROM__", rel[1]).replace("__TO__", rel[2])
    return template


def _retryable(err: Exception) -> bool:
    """Transient errors, plus ArcadeDB's failure of one of two concurrent MERGEs of a new key
    (Neo4j would have made it wait; ArcadeDB raises a ClientError the driver does not retry)."""
    if isinstance(err, (TransientError, ServiceUnavailable, SessionExpired)):
        return True
    code = getattr(err, "code", "") or ""
    msg = str(err)
    return isinstance(err, ClientError) and (
        "ConstraintValidationFailed" in code or "ConcurrentModification" in msg or "DuplicatedKey" in msg)


_USERINFO = re.compile(r"(?<=://)[^/@\s]+@")


def scrub(text: str, *secrets: str | None) -> str:
    """``text`` without the given secrets, NEO4J_PASSWORD, or user:password@ parts of URIs."""
    for secret in (*secrets, os.environ.get("NEO4J_PASSWORD")):
        if secret and len(secret) >= 3:
            text = text.replace(secret, "***")
    return _USERINFO.sub("***@", text)


class Neo4jStore:
    """A neo4j-driver connection plus the retry policy for whole-document transactions."""

    def __init__(self, uri: str, user: str, password: str, database: str | None, embedded: bool = False,
                 retry_seconds: float | None = None, data_folder: Path | None = None):
        self.uri, self.database, self.embedded = scrub(uri, password), database, embedded
        self.data_folder = data_folder          # the embedded server's folder: where to look when its disk fills
        self._secret = password
        if retry_seconds is None:
            try:
                retry_seconds = float(os.environ.get("DIPKG_RETRY_SECONDS", RETRY_SECONDS))
            except ValueError:
                retry_seconds = RETRY_SECONDS
        timeout = _seconds("DIPKG_CONNECT_TIMEOUT", CONNECT_TIMEOUT)
        scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
        if scheme not in BOLT_SCHEMES:
            raise StoreUnavailable(f"cannot use the graph URI {self.uri}: it must start with bolt:// or neo4j:// "
                                   "(or bolt+s://, neo4j+s:// for TLS); check NEO4J_URI")
        try:
            self._driver = GraphDatabase.driver(uri, auth=(user, password), max_transaction_retry_time=retry_seconds,
                                                connection_timeout=timeout, connection_acquisition_timeout=timeout)
        except (DriverError, ValueError) as e:
            raise StoreUnavailable(f"cannot use the graph URI {self.uri}: {self._clean(str(e))}") from None
        try:
            self._driver.verify_connectivity()
        except AuthError:
            self._driver.close()
            if embedded:
                raise StoreUnavailable(f"the embedded server refused the password in {data_folder or 'its folder'}"
                                       "/password: the file was changed after the store was made; restore it from a "
                                       "backup, or delete the graph data with `dipkg db reset --yes`") from None
            raise StoreUnavailable(f"the graph at {self.uri} refused the credentials "
                                   "(check NEO4J_USERNAME and NEO4J_PASSWORD)") from None
        except Exception as e:  # noqa: BLE001 - re-raised with a clean message
            self._driver.close()
            raise StoreUnavailable(f"cannot reach the graph at {self.uri}: {type(e).__name__} "
                                   f"(gave up after {timeout:g}s; DIPKG_CONNECT_TIMEOUT sets it)") from None

    @classmethod
    def connect(cls, home: Path | None = None) -> "Neo4jStore":
        uri = os.environ.get("NEO4J_URI")
        if uri:
            return cls(uri, os.environ.get("NEO4J_USERNAME", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""),
                       os.environ.get("NEO4J_DATABASE") or None)
        server = EmbeddedServer(home)
        info = server.start()
        if not server.owns_port(info.pid, info.bolt_port):     # never send the password to a stranger's port
            raise StoreUnavailable(f"port {info.bolt_port} is not held by the embedded server of {server.home}; "
                                   "run `dipkg db stop` and retry")
        store = cls(info.uri, USER, server.password(), DATABASE, embedded=True, data_folder=server.home)
        store.home = home
        return store

    def close(self) -> None:
        self._driver.close()

    # the identity resolver's CandidateSource (ontology.resolver); see graph/identities.py
    home: Path | None = None                  # data folder of the review file; None: graph.config.data_home()

    def person_candidates(self, keys):
        from graph.identities import person_candidates
        return person_candidates(self, keys)

    def review_decisions(self):
        from graph.identities import review_decisions
        return review_decisions(self.home)

    # the RDF export's GraphSource (ontology.rdf)
    def graph_rows(self) -> tuple[list[dict], list[dict]]:
        """Every node {id, labels, props} and relationship {a, b, type, props}, in a fixed order."""
        nodes = sorted(self.read(load_cypher("export_nodes")), key=lambda r: str(r["id"]))
        rels = sorted(self.read(load_cypher("export_rels")),
                      key=lambda r: (str(r["a"]), r["type"], str(r["b"]), str((r["props"] or {}).get("key", ""))))
        return nodes, rels

    def __enter__(self) -> "Neo4jStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _clean(self, text: str) -> str:
        return scrub(text, self._secret)

    # running ----------------------------------------------------------------
    def read(self, cypher: str, **params: Any) -> list[dict]:
        return self._with_retry(lambda tx: [r.data() for r in tx.run(cypher, params)], write=False)

    def write(self, cypher: str, **params: Any) -> list[dict]:
        return self._with_retry(lambda tx: [r.data() for r in tx.run(cypher, params)], write=True)

    def analyst(self, cypher: str, write: bool = False) -> tuple[list[str], list[dict]]:
        """An analyst's own statement (``dipkg cypher``): (column names, rows). Without ``write`` it runs
        in a read-access session inside an explicit transaction that is always rolled back, so nothing it
        did is kept even on a server that ignores the access mode (ArcadeDB does: measured here, a CREATE
        in a read transaction was committed)."""
        from neo4j import READ_ACCESS, WRITE_ACCESS

        try:
            with self._driver.session(database=self.database,
                                      default_access_mode=WRITE_ACCESS if write else READ_ACCESS) as session:
                tx = session.begin_transaction()
                try:
                    result = tx.run(cypher)
                    rows = [r.data() for r in result]
                    keys = list(result.keys())
                    if write:
                        tx.commit()
                finally:
                    if tx.closed() is False:
                        tx.rollback()
                return keys, rows
        except (AuthError, Forbidden) as e:
            raise StoreUnavailable(self._clean(f"the graph refused access: {e.code or type(e).__name__}")) from None
        except Neo4jError as e:
            raise StoreError(self._clean(f"{e.code or type(e).__name__}: {e.message or ''}".strip().rstrip(":"))) from None
        except (ServiceUnavailable, SessionExpired) as e:
            raise StoreUnavailable(f"graph unavailable at {self.uri} ({type(e).__name__})") from None

    def write_tx(self, work: Callable[[Any], Any], attempts: int = 6) -> Any:
        """Run ``work(tx)`` in one write transaction: all of it lands, or none of it."""
        return self._with_retry(work, write=True, attempts=attempts)

    def _with_retry(self, work: Callable[[Any], Any], write: bool, attempts: int = 6) -> Any:
        """The driver's managed transactions already retry transient errors and lost
        connections for ``retry_seconds``; this adds retries of the errors it does not
        retry (ArcadeDB's concurrent-MERGE ClientError) and turns failures into
        ``StoreError`` (this operation) or ``StoreUnavailable`` (the store as a whole)."""
        for attempt in range(attempts):
            try:
                with self._driver.session(database=self.database) as session:
                    run = session.execute_write if write else session.execute_read
                    return run(work)
            except (AuthError, Forbidden) as e:
                raise StoreUnavailable(self._clean(f"the graph refused access: {e.code or type(e).__name__}")) from None
            except Neo4jError as e:
                if attempt + 1 < attempts and _retryable(e) and not isinstance(e, TransientError):
                    time.sleep(0.05 * (2 ** attempt) * (1 + random.random()))
                    continue
                text = self._clean(f"{e.code or type(e).__name__}: {e.message or ''}".strip().rstrip(":"))
                if "DatabaseNotFound" in (e.code or "") or "database does not exist" in text.lower():
                    raise StoreUnavailable(f"the graph at {self.uri} has no database {self.database!r}; "
                                           "check NEO4J_DATABASE") from None
                if (_DISK_FULL.search(text) or not isinstance(e, ClientError)) and self._disk_full():
                    raise DiskFull(f"the disk of the data folder {self.data_folder} is full ({text}); free some "
                                   "space and run the same command again") from None
                if "TransactionNotFound" in text:      # not this document's fault: the next ones would fail too
                    raise StoreUnavailable(f"the graph at {self.uri} lost the transaction ({text}): its disk may "
                                           "be full, or it restarted; check the server, then run the same "
                                           "command again") from None
                raise StoreError(text) from None
            except OverflowError as e:          # the driver could not send a parameter (an integer over 64 bits)
                raise StoreError(f"a value could not be sent to the graph: {self._clean(str(e))}") from None
            except (ServiceUnavailable, SessionExpired) as e:
                raise StoreUnavailable(f"graph unavailable at {self.uri} ({type(e).__name__}); "
                                       "retried for the configured time, giving up") from None
        raise StoreError("unreachable")  # pragma: no cover

    def _disk_full(self) -> bool:
        """Is the embedded store's disk (nearly) full? Under 1 MiB or 0.1 % free counts. For a remote server
        it cannot be checked here: the lost-transaction error is then reported as it came."""
        if self.data_folder is None:
            return False
        import shutil

        try:
            usage = shutil.disk_usage(self.data_folder)
        except OSError:
            return False
        return usage.free < max(1 << 20, usage.total // 1000)
