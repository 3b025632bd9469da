"""Where a run's articles come from: files and folders, URLs fetched now, and what
`briefing fetch` stored.

`briefing digest` with no SOURCES summarizes the configured `paths` plus the articles
fetched in the last `window_hours`; a URL among SOURCES is fetched now and summarized
directly. Everything meets the same cleaning (`load_documents`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from briefing.config import Config
from briefing.errors import SourceError, StoreError
from briefing.models import Article, Document, Notice
from briefing.sources.files import load_documents, read_sources, unique

if TYPE_CHECKING:
    from briefing.tasks import Mapper

_URL = re.compile(r"^https?://", re.IGNORECASE)


def is_url(source: str) -> bool:
    return bool(_URL.match(source))


def gather(
    sources: Sequence[str],
    config: Config,
    progress: Callable[[str, float], None] | None = None,
    mapper: Mapper | None = None,
) -> tuple[tuple[Article, ...], list[object]]:
    """The run's articles and a record (Skipped, Notice or fetch Failure) for each problem.

    `mapper` reads and cleans files (default: here, in turn); fetching stays in this process.
    """
    from briefing.storage.db import store_path

    urls = [source for source in sources if is_url(source)]
    paths = [source for source in sources if not is_url(source)]
    documents: list[Document] = []
    problems: list[object] = []
    if paths:
        found, skipped = read_sources(paths, config.sources.max_bytes, mapper)
        documents += found
        problems += skipped
    if urls:
        from briefing.run.fetching import fetch  # the network stack, only for runs that need it

        report = fetch(urls, store_path(config), config, progress, feeds_only=False, conditional=False)
        problems += report.failures
        documents += _stored(config, urls=report.urls)
    if not sources:
        try:
            recent = _stored(config, hours=config.sources.window_hours)
        except StoreError as error:
            recent = []
            problems.append(Notice(str(store_path(config)), f"{error}; fetched articles were not read"))
        found, skipped = [], []
        if not config.sources.paths and not recent:
            feeds = f"; nothing fetched from [sources] feeds in {config.sources.window_hours} hours" * bool(
                config.sources.feeds
            )
            raise SourceError(f"no folder named, and [sources] paths names none{feeds}")
        try:
            if config.sources.paths:
                found, skipped = read_sources(config.sources.paths, config.sources.max_bytes, mapper)
        except SourceError as error:
            if not recent:  # say where the paths came from: the user named none
                raise SourceError(f"[sources] paths: {error}; name SOURCES, or set paths in the config") from error
            problems.append(Notice("[sources] paths", f"{error}; summarizing fetched articles only"))
        documents += found + recent
        problems += skipped
    ids = unique([document.id for document in documents])
    documents = [replace(document, id=id) for document, id in zip(documents, ids)]
    articles, notes = load_documents(documents, config, progress, mapper)
    return articles, [*problems, *notes]


def _stored(config: Config, hours: int | None = None, urls: Sequence[str] | None = None) -> list[Document]:
    """Fetched articles from the history database, if there is one (none is created here)."""
    from briefing.storage.db import Store, store_path
    from briefing.storage.fetched import Inbox

    path = store_path(config)
    if not path.exists():
        return []
    with Store(path) as store:
        return Inbox(store).documents(hours=hours, urls=urls)
