"""Fetching web sources politely: one place for timeouts, redirects, retries, size limits, robots.txt
and a delay per host.

Why each rule: a news site answers 429 or 503 under load and a retry a moment later usually works
(exponential backoff, ``Retry-After`` honoured up to a cap); a body is read in chunks and cut at the
limit, so a huge or endless download costs at most ``max_bytes``; robots.txt is read once per origin
and obeyed for this tool's user agent; a host gets at least ``delay`` seconds between two requests.
Every failure is a named ``FetchError`` that costs only its URL.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from ontology.errors import (DeadLink, FetchError, FetchFailed, FetchTimeout, FetchTooLarge,  # noqa: F401
                             RobotsDisallowed)

USER_AGENT = "dipkg/0.1 (knowledge graph of local diplomacy; +https://pypi.org/project/dipkg)"
_RETRY_STATUS = {429, 500, 502, 503, 504}
_MAX_RETRY_AFTER = 30.0


def _env_float(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass(frozen=True)
class FetchSettings:
    timeout: float = 20.0          # seconds to connect, and between two chunks of the body
    retries: int = 3               # further attempts after a 429/5xx answer or a timeout
    backoff: float = 1.0           # first wait before a retry; doubles each time
    max_bytes: int = 5 * 1024 * 1024
    delay: float = 1.0             # at least this many seconds between two requests to one host
    user_agent: str = USER_AGENT
    robots: bool = True

    @classmethod
    def from_env(cls) -> "FetchSettings":
        """``DIPKG_FETCH_TIMEOUT``, ``DIPKG_FETCH_RETRIES``, ``DIPKG_FETCH_DELAY``, ``DIPKG_MAX_BYTES``."""
        from loaders.reading import max_bytes

        d = cls()
        return cls(timeout=_env_float("DIPKG_FETCH_TIMEOUT", d.timeout),
                   retries=int(_env_float("DIPKG_FETCH_RETRIES", d.retries)),
                   backoff=_env_float("DIPKG_FETCH_BACKOFF", d.backoff),
                   max_bytes=max_bytes(), delay=_env_float("DIPKG_FETCH_DELAY", d.delay))


@dataclass(frozen=True)
class Fetched:
    url: str                       # as asked
    final_url: str                 # after redirects
    status: int
    content_type: str              # media type, lower case, without parameters
    charset: str | None
    body: bytes


def is_url(source: str) -> bool:
    return urlsplit(source).scheme in ("http", "https") and bool(urlsplit(source).netloc)


def _origin(url: str) -> str:
    u = urlsplit(url)
    return urlunsplit((u.scheme, u.netloc, "", "", ""))


@dataclass
class Fetcher:
    """An httpx client with the rules above; use as a context manager, or call ``close()``."""

    settings: FetchSettings = field(default_factory=FetchSettings.from_env)
    _last: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, RobotFileParser | None] = field(default_factory=dict)
    _client: object = None
    requests: int = 0              # requests sent (robots.txt included): for the tests and the summary

    def __post_init__(self) -> None:
        import httpx

        self._client = httpx.Client(follow_redirects=True, max_redirects=10,
                                    timeout=httpx.Timeout(self.settings.timeout),
                                    headers={"User-Agent": self.settings.user_agent})

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last.get(host)
        if last is not None:
            wait = self.settings.delay - (time.monotonic() - last)
            if wait > 0:
                time.sleep(wait)
        self._last[host] = time.monotonic()

    def allowed(self, url: str) -> bool:
        """robots.txt of the URL's origin, read once; a missing or unreadable one allows everything."""
        if not self.settings.robots:
            return True
        origin = _origin(url)
        if origin not in self._robots:
            parser = None
            try:
                got = self._get(origin + "/robots.txt", retries=0)
                if got.status == 200:
                    parser = RobotFileParser()
                    parser.parse(got.body.decode("utf-8", "replace").splitlines())
            except FetchError:
                parser = None
            self._robots[origin] = parser
        parser = self._robots[origin]
        return parser is None or parser.can_fetch(self.settings.user_agent, url)

    def get(self, url: str) -> Fetched:
        """The body at ``url``; raises a ``FetchError`` subclass saying why not."""
        if not self.allowed(url):
            raise RobotsDisallowed(f"the site's robots.txt does not allow {self.settings.user_agent.split()[0]} "
                                   f"to fetch this URL")
        got = self._get(url, retries=self.settings.retries)
        if got.status >= 400:
            raise DeadLink(f"HTTP {got.status} (the page is gone or the link is wrong)")
        return got

    def _get(self, url: str, retries: int) -> Fetched:
        import httpx

        wait = self.settings.backoff
        for attempt in range(retries + 1):
            last = attempt == retries
            self._wait_for_host(url)
            self.requests += 1
            try:
                got = self._stream(url)
                self._last[urlsplit(url).netloc] = time.monotonic()     # the delay counts from the answer
            except httpx.TimeoutException:
                if last:
                    raise FetchTimeout(f"no answer within {self.settings.timeout:g} s "
                                       f"({retries + 1} attempts; DIPKG_FETCH_TIMEOUT sets the limit)") from None
            except httpx.TooManyRedirects:
                raise FetchFailed("too many redirects") from None
            except httpx.ConnectError as e:        # refused or no such host: a retry a second later will not help
                raise FetchFailed(f"could not connect: {e or type(e).__name__}") from None
            except httpx.TransportError as e:
                if last:
                    raise FetchFailed(f"could not connect: {e or type(e).__name__}") from None
            else:
                if got.status not in _RETRY_STATUS or last:
                    if got.status in _RETRY_STATUS:
                        raise FetchFailed(f"HTTP {got.status} after {retries + 1} attempts; try again later")
                    return got
                retry_after = got.retry_after
                if retry_after is not None:
                    wait = max(wait, min(retry_after, _MAX_RETRY_AFTER))
            time.sleep(wait)
            wait *= 2
        raise AssertionError("unreachable")

    def _stream(self, url: str) -> "_Answer":
        limit = self.settings.max_bytes
        with self._client.stream("GET", url) as r:
            declared = r.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise FetchTooLarge(f"{declared} bytes is over the limit of {limit} bytes (DIPKG_MAX_BYTES)")
            chunks, size = [], 0
            for chunk in r.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise FetchTooLarge(f"over the limit of {limit} bytes (DIPKG_MAX_BYTES)")
                chunks.append(chunk)
            ctype = r.headers.get("content-type", "")
            retry_after = r.headers.get("retry-after", "")
            return _Answer(url=url, final_url=str(r.url), status=r.status_code,
                           content_type=ctype.split(";")[0].strip().lower(), charset=r.charset_encoding,
                           body=b"".join(chunks),
                           retry_after=float(retry_after) if retry_after.strip().isdigit() else None)


@dataclass(frozen=True)
class _Answer(Fetched):
    retry_after: float | None = None
