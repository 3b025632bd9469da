"""Where a run's articles come from: files and folders, URLs fetched now, and what
`briefing fetch` stored.

Without SOURCES a run reads the configured `paths` plus the articles fetched in the last
`window_hours`; with SOURCES, those alone, unless `fetched` (`digest --fetched`, `--fetch`)
adds the fetched articles too. A URL among SOURCES is fetched now and summarized directly.
Everything meets the same cleaning (`load_documents`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from briefing.config import Config
from briefing.errors import SourceError, StoreError
from briefing.models import Article, Document, Problem
from briefing.output.render import plural
from briefing.sources.files import load_documents as clean_documents
from briefing.sources.files import read_sources as read_files
from briefing.sources.files import unique
from briefing.xdg import expand_user

if TYPE_CHECKING:
    from briefing.run.cached import CachedReader
    from briefing.tasks import Mapper

_URL = re.compile(r"^https?://", re.IGNORECASE)


def is_url(source: str) -> bool:
    return bool(_URL.match(source))


def gather(
    sources: Sequence[str],
    config: Config,
    progress: Callable[[str, float], None] | None = None,
    mapper: Mapper | None = None,
    fetched: bool = False,
    cache: CachedReader | None = None,
    lead: int | None = None,
) -> tuple[tuple[Article, ...], list[Problem]]:
    """The run's articles and a Problem for each source skipped, noted or not fetched.

    `mapper` reads and cleans files (default: here, in turn); fetching stays in this process.
    `fetched` adds the articles fetched in the last `window_hours` to named `sources`.
    With `cache`, files and documents read before are not read again. The articles' texts
    are not cut into sentences (`briefing.text.segment.segmented` does it); with `lead`, those
    an extractor took out of a page or feed are cleaned only up to their lead where they can be
    (`briefing.sources.files.whole` cleans the rest).
    """
    from briefing.storage.db import store_path

    read_sources = cache.read_sources if cache else read_files
    load_documents = cache.load_documents if cache else clean_documents

    urls = [source for source in sources if is_url(source)]
    paths = [source for source in sources if not is_url(source)]
    documents: list[Document] = []
    problems: list[Problem] = []
    if paths:
        found, skipped = read_sources(paths, config.sources.max_bytes, mapper)
        documents += found
        problems += skipped
    if urls:
        from briefing.run.fetching import fetch  # the network stack, only for runs that need it

        report = fetch(urls, store_path(config), config, progress, feeds_only=False, conditional=False)
        problems += [Problem("failed", failure.reason, failure.url) for failure in report.failures]
        documents += _stored(config, problems, urls=report.urls)
    recent = _recent(config, problems) if fetched or not sources else []
    if sources:
        documents += recent
    else:
        found, skipped = [], []
        if not config.sources.paths and not recent:
            raise SourceError(_nothing_configured(config, fetched))
        try:
            if config.sources.paths:
                found, skipped = read_sources(configured_paths(config), config.sources.max_bytes, mapper)
        except SourceError as error:
            if not recent:  # say where the paths came from: the user named none
                raise SourceError(f"[sources] paths: {error}; name SOURCES, or set paths in the config") from error
            problems.append(Problem("noted", f"{error}; summarizing fetched articles only", "[sources] paths"))
        documents += found + recent
        problems += skipped
    ids = unique([document.id for document in documents])
    documents = [replace(document, id=id) for document, id in zip(documents, ids)]
    # Not cut into sentences: only the stories shown are (`summary.pipeline.shown_drafts`).
    articles, notes = load_documents(documents, config, progress, mapper, segmented=False, lead=lead)
    # What `briefing fetch` stored from the feeds is their entries: one set aside as usual is
    # routine, not a file to tell of every morning (a page of no text filled cron's log daily).
    stored = {document.path for document in recent} - set(urls)
    return articles, [*problems, *(replace(note, fetched=note.path in stored) for note in notes)]


def configured_paths(config: Config) -> list[str]:
    """[sources] paths, a leading ~ read as the home folder (a config is not a shell)."""
    return [str(expand_user(path) or path) for path in config.sources.paths]


def _recent(config: Config, problems: list[Problem]) -> list[Document]:
    """The articles fetched in the last `window_hours`; a history that cannot be read is a
    note in `problems`, and none."""
    from briefing.storage.db import store_path

    try:
        return _stored(config, problems, hours=config.sources.window_hours)
    except StoreError as error:
        problems.append(Problem("noted", f"{error}; fetched articles were not read", str(store_path(config))))
        return []


def _nothing_configured(config: Config, fetched: bool = False) -> str:
    """Why a run named no SOURCES has nothing to read, and what to do: no folder is
    configured, and nothing was fetched lately (or there are no feeds to fetch). A run that
    just fetched (`fetched`) is not told to fetch."""
    hours = config.sources.window_hours
    if config.sources.feeds:
        failing = _failing_hosts(config)
        if failing:  # fetch ran, and it is the feeds that fail: running it again says why
            advice = f"; {plural(failing, 'host')} of the feeds failed lately ('briefing fetch --verbose' says why)"
        else:
            advice = "" if fetched else "; run 'briefing fetch' first (or 'briefing digest --fetch'), or name a folder"
        return f"nothing fetched from [sources] feeds in the last {hours} hours, and [sources] paths names no folder{advice}"
    return (
        "no articles to read: name a folder ('briefing digest FOLDER'), set [sources] paths in the config,"
        " or add a feed ('briefing feeds add URL') and fetch it"
    )


def _failing_hosts(config: Config) -> int:
    """How many hosts `briefing fetch` last reported failing (0 without a readable history)."""
    from briefing.storage.db import Store, store_path
    from briefing.storage.failures import FailureLog

    path = store_path(config)
    if not path.exists():
        return 0
    try:
        with Store(path) as store:
            return len(FailureLog(store).reported())
    except StoreError:
        return 0


def _stored(
    config: Config, problems: list[Problem], hours: int | None = None, urls: Sequence[str] | None = None
) -> list[Document]:
    """Fetched articles from the history database, if there is one (none is created here);
    a note in `problems` for stored rows that are no article (another program wrote them)."""
    from briefing.storage.db import Store, store_path
    from briefing.storage.fetched import Inbox

    path = store_path(config)
    if not path.exists():
        return []
    with Store(path) as store:
        inbox = Inbox(store)
        documents = inbox.documents(hours=hours, urls=urls)
    if inbox.damaged:
        problems.append(
            Problem(
                "noted", f"{inbox.damaged} fetched articles in the history are damaged (not text); left out", str(path)
            )
        )
    return documents
