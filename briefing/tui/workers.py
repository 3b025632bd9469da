"""The TUI's work off the app's thread: reading articles and the history, summarizing, writing,
fetching, copying. Each worker calls one core function (the same ones `briefing digest`
calls) and posts the result as a message (`briefing.tui.messages`); only the app's handlers
(`briefing.tui.app`) change its state, on its own thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from textual import work
from textual.app import App
from textual.worker import get_current_worker

from briefing.config import Config
from briefing.errors import SourceError, StoreError
from briefing.models import Article, Briefing
from briefing.output.render import render
from briefing.output.write import expand_path, write_output
from briefing.run.daily import earlier_items, record
from briefing.run.gather import gather
from briefing.run.memory import batch_memory
from briefing.storage.briefings import Briefings
from briefing.storage.db import Store, store_path
from briefing.summary.pipeline import summarize
from briefing.tui import clipboard, theme
from briefing.tui.messages import (
    ArticlesRead,
    Copied,
    Fetched,
    HistoryRead,
    NothingToRead,
    PastListed,
    PastShown,
    Progressed,
    Request,
    Summarized,
    Written,
)


class Cancelled(Exception):
    """Raised in a worker's thread, between stages, once the worker was cancelled."""


class Workers(App[None]):
    """The app's workers; `BriefingApp` handles what they post."""

    config: Config
    day: str  # the day the briefing is made for

    @work(thread=True, group="load", exit_on_error=False)
    def _read_articles(self, sources: list[str], config: Config) -> None:
        try:
            with batch_memory():
                read = gather(sources, config, self._progress())
            self.post_message(ArticlesRead(*read))
        except SourceError as error:
            self.post_message(NothingToRead(str(error)))

    @work(thread=True, group="history", exit_on_error=False)
    def _read_history(self, articles: tuple[Article, ...], config: Config, day: str) -> None:
        try:
            self.post_message(HistoryRead(earlier_items(articles, config, day)))
        except StoreError as error:
            self.post_message(HistoryRead(None, str(error)))

    @work(thread=True, exclusive=True, group="summarize", exit_on_error=False)
    def _summarize(self, request: Request, articles: tuple[Article, ...], previous: list[str] | None) -> None:
        worker = get_current_worker()
        summary = replace(self.config.summary, sentences=request.count, words=0, bytes=0, algorithm=request.algorithm)
        with batch_memory():
            briefing = summarize(articles, replace(self.config, summary=summary), self._progress(), previous)
        briefing = replace(briefing, date=self.day)
        if not worker.is_cancelled:
            self.post_message(Summarized(request, briefing))

    def _progress(self) -> Callable[[str, float], None]:
        """A progress callback for the core, in the calling worker's thread: it reports each stage
        to the status line and, once the worker is cancelled (quit, or a newer request), stops
        the work at the next stage by raising `Cancelled`."""
        worker = get_current_worker()

        def progress(stage: str, fraction: float) -> None:
            if worker.is_cancelled:
                raise Cancelled
            self.post_message(Progressed(stage, fraction))

        return progress

    @work(thread=True, exclusive=True, group="write", exit_on_error=False)
    def _write(self, briefing: Briefing, config: Config, store: bool) -> None:
        path = expand_path(config.output.path, briefing.date, briefing.news_date)
        write_output(path, render(briefing, "text"))
        problem = ""
        if store:
            try:
                record(briefing, config)  # what the user wrote is what the history keeps
            except StoreError as error:
                problem = str(error)
        self.post_message(Written(path, problem))

    @work(thread=True, group="history", exit_on_error=False)
    def _list_history(self, config: Config) -> None:
        with Store(store_path(config)) as store:
            self.post_message(PastListed(Briefings(store).history()))

    @work(thread=True, group="history", exit_on_error=False)
    def _show_past(self, config: Config, number: int) -> None:
        with Store(store_path(config)) as store:
            self.post_message(PastShown(Briefings(store).as_printed(str(number), "text", self.day)))

    @work(thread=True, exclusive=True, group="fetch", exit_on_error=False)
    def _fetch(self, config: Config) -> None:
        from briefing.run.fetching import fetch_feeds  # the network stack, only when asked for

        self.post_message(Fetched(fetch_feeds(config, self._progress())))

    @work(thread=True, exclusive=True, group="clipboard", exit_on_error=False)
    def _copy(self, text: str) -> None:
        self.post_message(Copied(text, clipboard.copy(text)))

    @work(thread=True, exclusive=True, group="theme", exit_on_error=False)
    def _save_theme(self, name: str) -> None:
        theme.save(name)
