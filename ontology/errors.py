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
class SpecialFile(DocumentError):
    """A named pipe, socket or device: reading one can block forever, so it is refused unread."""
class LinkOutside(DocumentError):
    """A symbolic link that leads out of the folders given (``--follow-links`` allows it)."""


class FetchError(DocumentError):
    """A web source (page, feed, sitemap) that could not be fetched or is not an article."""


class DeadLink(FetchError): ...             # HTTP 404/410 and other 4xx answers
class FetchTimeout(FetchError): ...         # no answer within the timeout, after the retries
class FetchFailed(FetchError): ...          # connection refused, DNS failure, 5xx/429 after the retries
class FetchTooLarge(FetchError, DocumentTooLarge): ...   # a body over the size limit
class RobotsDisallowed(FetchError): ...     # the site's robots.txt forbids this tool the URL
class NotAnArticle(FetchError): ...         # a page with no article text (a login wall, an index page)
class NotAFeed(FetchError): ...             # a feed or sitemap URL whose body lists no links


class ManifestError(DipkgError, ValueError):
    """A manifest (CSV/TSV of file → url, outlet, title, published) that cannot be used; the ingest stops
    before writing anything: fix the file or leave --manifest out."""


class NotADocument(DipkgError):
    """A file that is not meant to be a document (an index .tsv, an image next to articles): skipped, not an error."""


# -- the model (ontology) ---------------------------------------------------------------------------
class OntologyError(DipkgError, ValueError):
    """A label or relationship type outside the ontology's fixed set."""


class WordTableError(DipkgError, ValueError):
    """A word table (loaders/data/*.tsv, ontology/gazetteer/*.tsv) has a row the reader cannot use;
    the message names the file, the line and what to fix."""


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


class PasswordFileError(EmbeddedServerError):
    """The embedded store's password file is missing, empty or damaged while the store holds data:
    a new password would lock that data out, so none is written."""


class DataHomeError(DipkgError):
    """The data folder (``DIPKG_HOME``) cannot be created or written."""


class DiskFull(StoreUnavailable):
    """The store ran out of disk space: the run stops, what was committed stays whole."""


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


# -- rule tables (loaders/data) ----------------------------------------------------------------------
class TableError(DipkgError, ValueError):
    """A rule table under loaders/data is missing or malformed (wrong number of cells, no header,
    a column the code needs): the message names the file and line to mend."""


# -- warnings: the run goes on, its report says it ------------------------------------------------
class DipkgWarning(UserWarning):
    """Something a run's report should mention about one document, which is still read."""


class UncertainDecoding(DipkgWarning):
    """A file's encoding was guessed and the guess is not certain."""


class TextTruncated(DipkgWarning):
    """A document is longer than the extractor reads; facts past the limit are not extracted."""
