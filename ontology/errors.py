"""Every error dipkg raises on purpose, in one place, under one root.

``DipkgError`` is the root: the CLI turns any of them into a message and an exit status, never a
traceback. The families below it say which floor of the data flow refused: a document (loaders), the
model (ontology), the store (graph), a query (queries), a view. Messages say what happened and what
to do; they never carry credentials. The modules that raise them re-export their own family, so
``from loaders.reading import DocumentError`` keeps working.
"""
from __future__ import annotations


class DipkgError(Exception):
    """The root of every error dipkg raises on purpose."""


# -- documents and sources (loaders) ----------------------------------------------------------------
class DocumentError(DipkgError):
    """A source that cannot be read as an article; ``str(e)`` is the reason. Costs only that source."""


class EmptyDocument(DocumentError): ...
class BinaryDocument(DocumentError): ...
class UndecodableDocument(DocumentError): ...
class DocumentTooLarge(DocumentError): ...
class InvalidRecord(DocumentError): ...
class UnreadableFile(DocumentError): ...


class NotADocument(DipkgError):
    """A file that is not meant to be a document (an index .tsv, an image next to articles): skipped, not an error."""


# -- the model (ontology) ---------------------------------------------------------------------------
class OntologyError(DipkgError, ValueError):
    """A label or relationship type outside the ontology's fixed set."""


# -- the store (graph) ------------------------------------------------------------------------------
class StoreError(DipkgError, RuntimeError):
    """The store refused or failed an operation; the message never carries credentials.

    Raised for one operation (say, one document's transaction) that the server refused
    for a reason that retrying will not change: the other operations may go on."""


class StoreUnavailable(StoreError):
    """The store cannot be used at all (unreachable after retries, authentication refused):
    a run should stop here rather than fail every document in turn."""


class EmbeddedServerError(DipkgError, RuntimeError):
    """The embedded server could not be started or reached."""


# -- queries and views ------------------------------------------------------------------------------
class QueryError(DipkgError, ValueError):
    """Unknown template, unknown or missing parameter, or a value of the wrong type."""


class NotInFixedSet(QueryError):
    """A value that must come from a fixed set (commitment kind, node label, relationship type) does not;
    the message lists the allowed values."""


class WriteRefused(QueryError):
    """An analyst's own Cypher (``dipkg cypher``) holds a write clause and ``--write`` was not given."""


class PersonNotFound(DipkgError, LookupError):
    """No person by that name (or part of a name) in the graph."""


class AmbiguousName(DipkgError, LookupError):
    """A part of a name that several people share; ``candidates`` lists them."""

    def __init__(self, message: str, candidates: tuple[str, ...] = ()):
        super().__init__(message)
        self.candidates = candidates


class VizError(DipkgError, ValueError):
    """Nothing to draw for the given focus or filters (message says why)."""
