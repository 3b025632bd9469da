"""Fetching feeds and pages into the history database (`briefing fetch`, the TUI's f, and URLs
given as SOURCES).

A page is downloaded once: entries whose link is stored already are not fetched again, and
a teaser entry's page is fetched for its text. Downloading is `briefing.net.fetch`'s; reading
what came as feeds and pages is `briefing.sources`'; keeping it is `briefing.storage.fetched`'s.

Every failure is a `Failure(url, reason)` and the run goes on. Downloads run in threads;
only the calling thread touches the database.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from briefing.config import Config
from briefing.models import Document, FeedState
from briefing.net.fetch import FetchError, Hosts, Limits, Response, download
from briefing.sources.documents import NotReadable, entry_slug, feed_documents, read_document
from briefing.sources.feeds import Entry, NotAFeed, looks_like_feed, parse_feed
from briefing.storage.fetched import Inbox
from briefing.tasks import Progress

WORKERS = 8
# An entry with less text than this (and no full content) is a teaser: its page is fetched.
TEASER_WORDS = 150


@dataclass(frozen=True, slots=True)
class Failure:
    """One feed or page that could not be used, and why."""

    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.url}: {self.reason}"


@dataclass(frozen=True, slots=True)
class FetchReport:
    """What a fetch did: new articles stored, feeds unchanged since last time, the URLs of the
    articles each answering source holds now, HTTP requests made, and the failures."""

    new: int = 0
    unchanged: int = 0
    urls: tuple[str, ...] = ()
    requests: int = 0
    failures: tuple[Failure, ...] = ()


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
    hosts = Hosts()
    failures: list[Failure] = []
    new = unchanged = requests = 0
    sources = [_Source(url) for url in dict.fromkeys(urls)]
    with Store(store) as opened, ThreadPoolExecutor(WORKERS) as pool:
        inbox = Inbox(opened)
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
