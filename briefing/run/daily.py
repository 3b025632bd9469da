"""A day's briefing against the history: `earlier_items` only reads, `record` writes one entry.

Marks mean "new since the briefings of earlier days, or since a briefing built from other
articles": running the digest twice, or opening the TUI after cron's run, changes no mark.
Reading what to compare with never writes. Recording is the last step of a run, taken only
once its briefing was delivered (printed, written, or asked for in the TUI), so a failed run
records nothing; recording the same articles again the same day replaces that day's entry
instead of adding a row. The shells call these two; both raise StoreError, which never stops
a delivery.
"""

from __future__ import annotations

from briefing.config import Config
from briefing.models import FORMATS, Briefing
from briefing.output.render import render
from briefing.storage.briefings import Briefings
from briefing.storage.db import Store, store_path
from briefing.version import __version__


def earlier_items(articles: str, config: Config, day: str) -> list[str]:
    """The item texts a briefing of the articles `articles` (their `articles_key`) made on `day`
    is marked against: the briefings of the [store] compare_days days before `day`, and those
    of `day` built from other articles.

    They depend only on the day and the articles: a shell that re-summarizes the same
    articles (the TUI's + and -) reads them once and passes them to every `summarize`.
    """
    with Store(store_path(config)) as store:
        return Briefings(store).earlier_items(day, config.store.compare_days, articles)


def record(briefing: Briefing, config: Config) -> int:
    """Record `briefing` as delivered (after --only-new, if used), in every format `show` can
    print it in, pruning old entries; its id."""
    printed = {format: render(briefing, format) for format in FORMATS}
    with Store(store_path(config)) as store:
        recorded = Briefings(store)
        number = recorded.record(briefing, printed, __version__)
        recorded.prune(config.store.keep_days)
    return number
