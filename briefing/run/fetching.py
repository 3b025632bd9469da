"""Fetching feeds and pages into the history database (`briefing fetch`, the TUI's f, and URLs
given as SOURCES).

A page is downloaded once: entries whose link is stored already are not fetched again, a page
linked by several feeds of a run is downloaded once for all (`briefing.run.downloads`), and a
teaser entry's page is fetched for its text; while that page fails, the entry itself (headline
and teaser) is kept, and the page, when it comes, completes it. Downloading is `briefing.net.fetch`'s; reading
what came as feeds and pages is `briefing.sources`'; keeping it is `briefing.storage.fetched`'s.

Every failure is a `Failure(url, reason)` and the run goes on; failed pages are remembered
and tried again with back-off, and the failures of the configured feeds are summed up by host
(`briefing.run.failures` decides what is said). Downloads run in threads; only the calling
thread touches the database.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

from briefing import clock
from briefing.config import Config
from briefing.errors import BriefingError
from briefing.models import Document, FeedState
from briefing.net.fetch import Client, FetchError, Limits, Response
from briefing.output.render import plural
from briefing.run.downloads import Downloads
from briefing.run.failures import (
    HOST_DOWN_AFTER,
    NOT_ASKED,
    Failure,
    HostFailure,
    by_host,
    host_is_down,
    host_of,
    retry_delay,
)
from briefing.sources.documents import NotReadable, entry_slug, feed_documents, read_document
from briefing.sources.feeds import Entry, NotAFeed, parse_feed
from briefing.sources.sniff import looks_like_feed
from briefing.storage.failures import FailureLog
from briefing.storage.fetched import Inbox
from briefing.tasks import Progress
from briefing.urls import hostname

WORKERS = 8
# An entry with less text than this (and no full content) is a teaser: its page is fetched.
TEASER_WORDS = 150


@dataclass(frozen=True, slots=True)
class FetchReport:
    """What a fetch did: new articles stored, stored teasers completed by their page, feeds
    unchanged since last time, the URLs of the articles each answering source holds now (those
    stored), HTTP requests made, and the failures; the feeds
    and pages that answered, pages left for a later run (they failed lately), the failures by
    host (`new` when they are to be said), and the hosts that work again after failing."""

    new: int = 0
    completed: int = 0
    unchanged: int = 0
    urls: tuple[str, ...] = ()
    requests: int = 0
    failures: tuple[Failure, ...] = ()
    feeds: int = 0
    pages: int = 0
    deferred: int = 0
    kept: int = 0  # failed pages whose feed entry, headline and teaser, is kept in their stead
    hosts: tuple[HostFailure, ...] = ()
    recovered: tuple[tuple[str, str], ...] = ()
    failing: tuple[tuple[str, str, str], ...] = ()  # every host failing as of now: (host, reason, since)

    def summary(self) -> str:
        """One line for a person: "41 new articles from 18 feeds (3 unchanged); 2 feeds failed"."""
        answered = " and ".join(
            plural(count, noun) for count, noun in ((self.feeds, "feed"), (self.pages, "page")) if count
        )
        line = f"{plural(self.new, 'new article')} from {answered or '0 feeds'}"
        line += f" ({self.unchanged} unchanged)" if self.unchanged else ""
        if self.completed:
            line += (
                f"; {plural(self.completed, 'teaser')} completed by {'its' if self.completed == 1 else 'their'} page"
            )
        failed_feeds = sum(host.feeds for host in self.hosts) if self.hosts else 0
        failed_pages = len(self.failures) - failed_feeds
        if failed_feeds:
            line += f"; {plural(failed_feeds, 'feed')} failed"
        if failed_pages:  # "30 pages failed" beside "31 new articles" read as 30 lost (the s7 and s8 trials)
            line += f"; {plural(failed_pages, 'page')} failed"
            some = "" if self.kept == failed_pages else f"for {self.kept}, "
            line += f" ({some}the feed's headline and teaser kept instead)" if self.kept else ""
        if self.deferred:
            line += f"; {plural(self.deferred, 'page')} that failed lately left for a later run"
        return line


def web_id(url: str) -> str:
    """A readable id for a downloaded page or feed: its host, and the page's last path part."""
    host = (hostname(url) or "web").removeprefix("www.")
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
    deferred: int = 0
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
    report_hosts: bool = False,
) -> FetchReport:
    """Download `urls` (feeds; also pages unless `feeds_only`) and store their articles.

    Teaser entries get their linked page, unless that page is stored already, or failed lately
    and is not due for another try (`retry_delay`); a host that timed out twice in a run is
    not asked for more pages in it. A feed's state is saved with its entries in one
    transaction, and only when every page it needed came: otherwise the next run downloads the
    feed again and retries the missing pages. `report_hosts` (the configured feeds) compares
    the failing hosts with those reported last time. Call it from a worker thread to keep a UI
    responsive; `progress(stage, fraction)` is called from the calling thread.
    """
    from briefing.storage.db import Store

    client = Client(limits or Limits(config.sources.timeout_seconds, config.sources.max_bytes))
    failures: list[Failure] = []
    failed: set[str] = set()
    teasers: set[str] = set()  # failed pages whose entry is kept instead
    arrived: list[str] = []
    new = completed = unchanged = 0
    now = clock.now().astimezone(timezone.utc)
    started = datetime.now(timezone.utc)  # the stored articles' stamp, on the history's clock (`Inbox.save`)
    sources = [_Source(url) for url in dict.fromkeys(urls)]
    down: Counter[str] = Counter()  # timeouts and the like, by host, from the download threads
    lock = threading.Lock()

    def get(url: str, state: FeedState | None) -> Response:
        host = host_of(url)
        with lock:
            if down[host] >= HOST_DOWN_AFTER:
                raise FetchError(f"{NOT_ASKED}: {host} did not answer twice in this run")
        try:
            return client.download(url, state)
        except FetchError as error:
            if host_is_down(str(error)):
                with lock:
                    down[host] += 1
            raise

    downloads: Downloads[tuple[_Source, Document | None]] = Downloads(get, client.abort, WORKERS)
    with client, Store(store) as opened, downloads:
        inbox, log = Inbox(opened), FailureLog(opened)

        def submit(source: _Source, url: str, page: Document | None, state: FeedState | None = None) -> None:
            downloads.submit(url, state, (source, page))

        def later(links: set[str], stored: set[str]) -> tuple[set[str], set[str]]:
            return log.waiting(links, now), log.pending(links & stored)

        for source in sources:
            submit(source, source.url, None, inbox.feed_state(source.url) if conditional else None)
        done = 0
        while downloads:
            for (source, page), future in downloads.finished():
                done += 1
                url = (page.url or "") if page else source.url
                try:
                    response = future.result()
                    if page is None:
                        unchanged += _opened(source, response, inbox, feeds_only, submit, later)
                        source.opened = True
                    else:
                        source.ready.append(_page_document(page, response))
                    arrived.append(url)
                except (FetchError, NotReadable) as error:
                    if url not in failed:  # a page linked by several feeds failed once
                        failed.add(url)
                        failures.append(Failure(url, str(error)))
                    source.complete = False
                    if page is not None:  # the entry itself is kept: a headline and a teaser are news
                        source.ready.append(page)
                        teasers.update([url] if page.text.strip() else [])
                except BriefingError:  # the history failed: that is the run's failure, said as such
                    raise
                except Exception as error:  # a bug met on one URL costs that URL, not the run's other feeds
                    failures.append(
                        Failure(url, f"internal error (a bug in briefing): {type(error).__name__}: {error}")
                    )
                    source.complete = False
                    if page is not None:
                        source.ready.append(page)
                if page is not None:
                    source.waiting -= 1
                if source.opened and source.waiting == 0:
                    added, whole = _finish(source, inbox, started)
                    new, completed = new + added, completed + whole
                if progress:
                    progress("fetching", done / (done + len(downloads)))
        inbox.prune(config.store.keep_days)
        log.failed(((f.url, host_of(f.url), f.reason) for f in failures), now, retry_delay)
        log.succeeded(arrived)
        failing: tuple[HostFailure, ...] = ()
        recovered: list[tuple[str, str]] = []
        if report_hosts:
            reported = log.reported()
            failing = tuple(by_host(failures, urls, reported, clock.today()))
            still = log.hosts()
            worked = {host_of(url) for url in arrived}
            recovered = [(host, reported[host][1]) for host in reported if host in worked and host not in still]
            log.set_reported({host.host: (host.reason, host.since) for host in failing}, [h for h, _ in recovered])
        log.prune(config.store.keep_days, now)
        still_failing = tuple((host, *said) for host, said in sorted(log.reported().items())) if report_hosts else ()
        answered = [url for source in sources if source.opened for url in source.urls]  # in the order given
        kept = inbox.known(answered)
        at_hand = tuple(url for url in answered if url in kept)
    return FetchReport(
        new=new,
        completed=completed,
        unchanged=unchanged,
        urls=at_hand,
        requests=downloads.requests,
        failures=tuple(failures),
        feeds=sum(source.opened and source.feed for source in sources),
        pages=sum(source.opened and not source.feed for source in sources),
        deferred=sum(source.deferred for source in sources),
        kept=len(teasers & failed),
        hosts=failing,
        recovered=tuple(recovered),
        failing=still_failing,
    )


def fetch_feeds(config: Config, progress: Progress | None = None) -> FetchReport:
    """The configured feeds into the configured history database: what `briefing fetch` runs,
    and what the TUI's fetch key calls from a worker (progress as `progress(stage, fraction)`)."""
    from briefing.storage.db import store_path

    return fetch(config.sources.feeds, store_path(config), config, progress, report_hosts=True)


def _opened(
    source: _Source,
    response: Response,
    inbox: Inbox,
    feeds_only: bool,
    submit: Callable[[_Source, str, Document | None], None],
    later: Callable[[set[str], set[str]], tuple[set[str], set[str]]],
) -> int:
    """Take a feed's or page's response apart; 1 when a feed is unchanged since last time.

    `later(links, stored)` names the teaser pages that failed lately and wait for a later run,
    and those of the `stored` entries whose page never came (their teaser is kept meanwhile).
    """
    source.state = response.state
    if response.status == 304:
        source.feed = True  # only a feed is asked conditionally
        source.urls = inbox.feed_urls(source.url)
        return 1
    if looks_like_feed(response.body):
        try:
            feed = parse_feed(response.body)
        except NotAFeed as error:
            raise NotReadable(f"not a feed: {error}") from error
        source.feed, source.title = True, feed.title
        entries = feed_documents(feed, source.url, web_id(source.url).split("/")[0], source.url)
        if not feed.complete:  # the connection closed before the feed's end: its last entry may be
            source.complete = False  # cut mid-text; the next run asks for the feed whole, not "not modified"
            entries = entries[:-1]
        # An entry without a link is kept under the feed's URL and its own id.
        pairs = [(d.url, d if d.url else replace(d, url=f"{source.url}#{d.id}")) for d in entries]
        source.urls = [d.url or "" for _, d in pairs]
        stored = inbox.known(source.urls)
        teasers = {link for link, document in pairs if link and _teaser(document)}
        waiting, unfinished = later(teasers, stored)
        teasers -= stored - unfinished  # a stored teaser whose page came, or was never needed
        for link, document in pairs:
            if link in teasers and link not in waiting:
                source.waiting += 1
                submit(source, link, document)  # if the page fails, the entry is kept as it is
                continue
            if link in waiting:
                source.deferred += 1
                source.complete = False  # its feed is read again next run, for this page
            if document.url not in stored:
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


def _finish(source: _Source, inbox: Inbox, started: datetime) -> tuple[int, int]:
    """Store what a source gave (how many new, how many teasers completed); its feed state
    only when nothing it needed is missing. Every article of a run is stamped with the run's
    start: cron fetches at the same minute each morning, and an article stamped when it came,
    seconds into yesterday's run, fell inside today's 24 hours when today's fetch took longer
    than that, and the morning re-briefed yesterday (the s9 trial)."""
    state = source.state if source.feed and source.complete else None
    feed = source.url if source.feed else None
    return inbox.save(source.ready, feed=feed, state=state, title=source.title, now=started)
