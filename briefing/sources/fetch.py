"""Downloading feeds and pages into the history database: the only network code in briefing.

Polite and bounded: a User-Agent naming the tool, gzip, conditional GET (ETag and
Last-Modified) for feeds, at most 2 connections per host, a timeout on every socket
operation and on the whole download, a size limit checked before and while reading (and
after unpacking, so a gzip bomb stops at the limit), at most 5 redirects and no loops. A
page is downloaded once: entries whose link is stored already are not fetched again.

Every failure is a `Failure(url, reason)` and the run goes on. Downloads run in threads;
only the calling thread touches the database.
"""

from __future__ import annotations

import http.client
import re
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from briefing import __version__
from briefing.config import Config
from briefing.sources.documents import Document, NotReadable, entry_slug, feed_documents, read_document
from briefing.sources.feeds import Entry, NotAFeed, looks_like_feed, parse_feed
from briefing.storage.fetched import FeedState, Inbox

USER_AGENT = f"briefing/{__version__} (news briefing; feed reader)"
MAX_REDIRECTS = 5
PER_HOST = 2
WORKERS = 8
CHUNK = 65536
# An entry with less text than this (and no full content) is a teaser: its page is fetched.
TEASER_WORDS = 150
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_SLUG = re.compile(r"[^a-z0-9]+")

Progress = Callable[[str, float], None]


class FetchError(Exception):
    """A download that failed; the message is the reason a person reads."""


@dataclass(frozen=True, slots=True)
class Failure:
    """One feed or page that could not be used, and why."""

    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.url}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Response:
    url: str
    status: int
    body: bytes = b""
    charset: str | None = None
    state: FeedState = field(default_factory=FeedState)


@dataclass(frozen=True, slots=True)
class FetchReport:
    """What a fetch did: new articles stored, feeds unchanged since last time, the URLs of the
    articles each answering source holds now, HTTP requests made, and the failures."""

    new: int = 0
    unchanged: int = 0
    urls: tuple[str, ...] = ()
    requests: int = 0
    failures: tuple[Failure, ...] = ()


@dataclass(frozen=True, slots=True)
class Limits:
    timeout: float = 20.0
    max_bytes: int = 5_000_000
    user_agent: str = USER_AGENT


class _Hosts:
    """At most PER_HOST connections to one host at a time, across threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.slots: dict[str, threading.Semaphore] = {}

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        with self.lock:
            semaphore = self.slots.setdefault(host, threading.Semaphore(PER_HOST))
        with semaphore:
            yield


def download(url: str, limits: Limits, state: FeedState | None = None, hosts: _Hosts | None = None) -> Response:
    """GET `url` (following up to MAX_REDIRECTS redirects); a 304 when `state` still holds."""
    hosts = hosts or _Hosts()
    deadline = time.monotonic() + 3 * limits.timeout
    visited: list[str] = []
    for _ in range(MAX_REDIRECTS + 1):
        if url in visited:
            raise FetchError("redirect loop")
        visited.append(url)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError("not an http(s) URL")
        with hosts.slot(parts.hostname):
            response = _get(url, limits, state, deadline)
        if isinstance(response, str):
            url = response
            continue
        return response
    raise FetchError(f"more than {MAX_REDIRECTS} redirects")


def _get(url: str, limits: Limits, state: FeedState | None, deadline: float) -> Response | str:
    """One request: the response, or the URL a redirect points to."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    connection: http.client.HTTPConnection
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(
            host, parts.port, timeout=limits.timeout, context=ssl.create_default_context()
        )
    else:
        connection = http.client.HTTPConnection(host, parts.port, timeout=limits.timeout)
    headers = {
        "User-Agent": limits.user_agent,
        "Accept-Encoding": "gzip, deflate",
        "Accept": "application/rss+xml, application/atom+xml, application/feed+json, text/html;q=0.9, */*;q=0.5",
        "Connection": "close",
    }
    if state and state.etag:
        headers["If-None-Match"] = state.etag
    if state and state.modified:
        headers["If-Modified-Since"] = state.modified
    try:
        connection.request("GET", (parts.path or "/") + (f"?{parts.query}" if parts.query else ""), headers=headers)
        response = connection.getresponse()
        if response.status in _REDIRECTS:
            location = response.getheader("Location")
            if not location:
                raise FetchError(f"HTTP {response.status} redirect without a Location")
            return urljoin(url, location.strip())
        if response.status == 304:
            return Response(url, 304, state=state or FeedState())
        if response.status != 200:
            raise FetchError(f"HTTP {response.status} {response.reason}".strip())
        body = _body(response, limits, deadline)
        return Response(
            url,
            200,
            body,
            response.headers.get_content_charset(),
            FeedState(response.getheader("ETag"), response.getheader("Last-Modified")),
        )
    except socket.gaierror as error:
        raise FetchError(f"DNS: cannot resolve {host} ({error.strerror or error})") from error
    except TimeoutError as error:  # socket.timeout is TimeoutError
        raise FetchError(f"timeout: no answer within {limits.timeout:g} s") from error
    except ssl.SSLError as error:
        raise FetchError(f"TLS: {error.reason or error}") from error
    except http.client.HTTPException as error:
        raise FetchError(f"bad HTTP response ({type(error).__name__})") from error
    except OSError as error:
        raise FetchError(f"network: {error.strerror or error}") from error
    finally:
        connection.close()


def _body(response: http.client.HTTPResponse, limits: Limits, deadline: float) -> bytes:
    """The body, unpacked, never more than the limit in memory, within the deadline."""
    limit = limits.max_bytes
    length = response.getheader("Content-Length") or ""
    if limit and length.isdigit() and int(length) > limit:
        raise FetchError(f"too large: {int(length):,} bytes, over the limit of {limit:,} ([sources] max_bytes)")
    encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
    if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
        raise FetchError(f"unsupported content encoding {encoding!r}")
    unpack = None if encoding == "identity" else zlib.decompressobj(47)  # 47: gzip or zlib header
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(f"timeout: the download took over {3 * limits.timeout:g} s")
        chunk = response.read1(CHUNK)
        if not chunk:
            break
        if unpack:
            try:
                chunk = unpack.decompress(chunk, (limit - size + 1) if limit else 0)
            except zlib.error as error:
                raise FetchError(f"bad {encoding} data ({error})") from error
            if unpack.unconsumed_tail:
                size = limit + 1
        size += len(chunk)
        if limit and size > limit:
            raise FetchError(f"too large: over the limit of {limit:,} bytes ([sources] max_bytes)")
        chunks.append(chunk)
    return b"".join(chunks)


def web_id(url: str) -> str:
    """A readable id for a downloaded page or feed: its host, and the page's last path part."""
    parts = urlsplit(url)
    host = (parts.hostname or "web").removeprefix("www.")
    slug = entry_slug(Entry(None, url, None, None, "", True))
    return f"{host}/{slug}" if slug else host


@dataclass(slots=True)
class _Source:
    """A feed or page being fetched: what is ready, and how many of its pages are still out."""

    url: str
    feed: bool = False
    title: str | None = None
    state: FeedState | None = None
    ready: list[Document] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    waiting: int = 0
    opened: bool = False
    complete: bool = True


def fetch(
    urls: Sequence[str],
    store: Path,
    config: Config,
    progress: Progress | None = None,
    feeds_only: bool = True,
    conditional: bool = True,
    limits: Limits | None = None,
) -> FetchReport:
    """Download `urls` (feeds; also pages unless `feeds_only`) and store their articles.

    Teaser entries get their linked page, unless that page is stored already. A feed's state
    is saved with its entries in one transaction, and only when every page it needed came:
    otherwise the next run downloads the feed again and retries the missing pages. Call it
    from a worker thread to keep a UI responsive; `progress(stage, fraction)` is called from
    the calling thread.
    """
    from briefing.storage.db import Store

    limits = limits or Limits(config.sources.timeout_seconds, config.sources.max_bytes)
    hosts = _Hosts()
    failures: list[Failure] = []
    new = unchanged = requests = 0
    sources = [_Source(url) for url in dict.fromkeys(urls)]
    with Store(store) as opened, ThreadPoolExecutor(WORKERS) as pool:
        inbox = Inbox(opened.db)
        pending: dict[Future[Response], tuple[_Source, Document | None]] = {}

        def submit(source: _Source, url: str, page: Document | None, state: FeedState | None = None) -> None:
            nonlocal requests
            requests += 1
            pending[pool.submit(download, url, limits, state, hosts)] = (source, page)

        for source in sources:
            submit(source, source.url, None, inbox.feed_state(source.url) if conditional else None)
        done = 0
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                source, page = pending.pop(future)
                done += 1
                try:
                    response = future.result()
                    if page is None:
                        unchanged += _opened(source, response, inbox, feeds_only, submit)
                        source.opened = True
                    else:
                        source.ready.append(_page_document(page, response))
                except (FetchError, NotReadable) as error:
                    failures.append(Failure((page.url or "") if page else source.url, str(error)))
                    source.complete = False
                if page is not None:
                    source.waiting -= 1
                if source.opened and source.waiting == 0:
                    new += _finish(source, inbox)
                if progress:
                    progress("fetching", done / (done + len(pending)))
        inbox.prune(config.store.keep_days)
    return FetchReport(
        new=new,
        unchanged=unchanged,
        urls=tuple(url for source in sources if source.opened for url in source.urls),  # in the order given
        requests=requests,
        failures=tuple(failures),
    )


def fetch_feeds(config: Config, progress: Progress | None = None) -> FetchReport:
    """The configured feeds into the configured history database: what `briefing fetch` runs,
    and what the TUI's fetch key calls from a worker (progress as `progress(stage, fraction)`)."""
    from briefing.storage.db import store_path

    return fetch(config.sources.feeds, store_path(config), config, progress)


def _opened(
    source: _Source,
    response: Response,
    inbox: Inbox,
    feeds_only: bool,
    submit: Callable[[_Source, str, Document | None], None],
) -> int:
    """Take a feed's or page's response apart; 1 when a feed is unchanged since last time."""
    source.state = response.state
    if response.status == 304:
        source.urls = inbox.feed_urls(source.url)
        return 1
    if looks_like_feed(response.body):
        try:
            feed = parse_feed(response.body)
        except NotAFeed as error:
            raise NotReadable(f"not a feed: {error}") from error
        source.feed, source.title = True, feed.title
        entries = feed_documents(feed, source.url, web_id(source.url).split("/")[0], source.url)
        # An entry without a link is kept under the feed's URL and its own id.
        pairs = [(d.url, d if d.url else replace(d, url=f"{source.url}#{d.id}")) for d in entries]
        source.urls = [d.url or "" for _, d in pairs]
        stored = inbox.known(source.urls)
        for link, document in pairs:
            if document.url in stored:
                continue
            if link and _teaser(document):
                source.waiting += 1
                submit(source, link, document)
            else:
                source.ready.append(document)
        return 0
    if feeds_only:
        kind = "an HTML page" if b"<html" in response.body[:4096].lower() else "no RSS, Atom or JSON Feed"
        raise NotReadable(f"not a feed ({kind})")
    documents = read_document(response.body, source.url, web_id(source.url), source.url, response.charset)
    source.ready = [replace(d, url=source.url) for d in documents]
    source.urls = [source.url]
    return 0


def _teaser(document: Document) -> bool:
    """Whether an entry holds only a teaser: little text, and no full content in the feed."""
    return len(document.text.split()) < (50 if document.full else TEASER_WORDS)


def _page_document(entry: Document, response: Response) -> Document:
    """The linked page of a teaser entry, keeping the entry's id, URL, feed name and date."""
    page = read_document(response.body, entry.path, entry.id, response.url, response.charset)[0]
    if not page.text.strip():
        raise NotReadable("no article text in the page")
    return replace(page, url=entry.url, source=entry.source or page.source, date=entry.date or page.date)


def _finish(source: _Source, inbox: Inbox) -> int:
    """Store what a source gave; its feed state only when nothing it needed is missing."""
    state = source.state if source.feed and source.complete else None
    return inbox.save(source.ready, feed=source.url if source.feed else None, state=state, title=source.title)
