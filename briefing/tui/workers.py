"""The TUI's work off the app's thread: reading articles and the history, summarizing, writing,
fetching, copying. Each worker calls one core function (the same ones `briefing digest`
calls) and posts the result as a message (`briefing.tui.messages`); only the app's handlers
(`briefing.tui.app`) change its state, on its own thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.events import Event
from textual.message import Message
from textual.worker import Worker, get_current_worker

from briefing.config import Config
from briefing.errors import SourceError
from briefing.models import Briefing
from briefing.run.memory import batch_memory
from briefing.storage.briefings import Briefings
from briefing.storage.db import Store, store_path
from briefing.storage.shown import Origin
from briefing.summary.settings import settings_of
from briefing.tui import clipboard, theme
from briefing.tui.messages import (
    ArticlesRead,
    Copied,
    Fetched,
    NothingToRead,
    PastListed,
    PastShown,
    Progressed,
    ReplaceAsked,
    Request,
    StoredFound,
    Summarized,
    Written,
    request_of,
)

if TYPE_CHECKING:
    from briefing.run.day import Day


class Cancelled(Exception):
    """Raised in a worker's thread, between stages, once the worker was cancelled."""


# Seconds a briefing is left on screen before its stories are rated by the other algorithms:
# keys pressed in quick succession (+ + +) are not slowed by rating for a briefing gone at once.
RATE_AHEAD_AFTER = 0.5


def _left_alone(worker: Worker[None], seconds: float) -> bool:
    """Whether `seconds` passed before `worker` was cancelled (by a newer request, or a quit)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if worker.is_cancelled:
            return False
        time.sleep(0.05)
    return not worker.is_cancelled


def _waited(event: threading.Event, worker: Worker[None]) -> bool:
    """Whether `event` was set before `worker` was cancelled (a quit cancels it): waited for in
    the worker's thread."""
    while not event.wait(0.05):
        if worker.is_cancelled:
            return False
    return True


class Workers(App[None]):
    """The app's workers; `BriefingApp` handles what they post."""

    config: Config
    day: str  # the day the briefing is made for

    async def _on_message(self, message: Message) -> None:
        """A worker's news that arrives after the reader quit, once the app has closed its
        screens (a progress report posted while they closed), has nowhere to be shown: it is
        dropped, where its handler would stop the app with an IndexError and exit status 1."""
        if self.screen_stack or isinstance(message, Event):
            await super()._on_message(message)

    def _read(self, generation: int, sources: list[str], config: Config, store: bool, key: str | None) -> None:
        """Read the day's articles; with the `key` of a stored briefing to look for, once it is
        on screen (or found to be none). The reading's imports hold the interpreter (the NLP
        stack, 1 s of CPU): begun beside the lookup, they made a warm launch's screen fill late."""
        looked = threading.Event()
        if key is None:
            looked.set()
        else:
            self._find_stored(generation, key, sources, config, looked)
        self._read_articles(generation, sources, config, store, looked)

    @work(thread=True, group="load", exit_on_error=False)
    def _read_articles(
        self, generation: int, sources: list[str], config: Config, store: bool, looked: threading.Event
    ) -> None:
        if not _waited(looked, get_current_worker()):  # the stored briefing on screen first (`_read`)
            return
        from briefing.run.day import read_day  # the NLP stack, loaded here: the screen is up already
        from briefing.run.local import process_mapper

        try:
            # A day of 100 files or more is read on every core, as `briefing digest` reads it.
            progress = self._progress()
            with batch_memory(freeze=False), process_mapper(config.engine.processes, progress) as mapper:
                read = read_day(sources, config, self.day, store, progress, mapper)
            self.post_message(ArticlesRead(generation, read))
        except SourceError as error:
            self.post_message(NothingToRead(str(error)))

    @work(thread=True, group="stored", exit_on_error=False)
    def _find_stored(
        self, generation: int, key: str, sources: list[str], config: Config, looked: threading.Event
    ) -> None:
        """The briefing last made of the same sources, if the history keeps one, and whether it
        is today's: a read of one row and of the files' bytes, done before the reading stack is
        loaded. `looked` is set once it is on screen (after the message, then the screen's
        next refresh), or at once when there is none."""
        from briefing.run.stored import stored_briefing
        from briefing.run.unchanged import made_today

        shown = False
        try:
            stored = stored_briefing(key, config)
            request = request_of(stored.briefing.settings, config) if stored is not None else None
            if stored is not None and request is not None:  # one the TUI cannot make again is not shown
                today = made_today(stored, sources, config, self.day)
                self.post_message(StoredFound(generation, stored, request, today))
                shown = True
        finally:
            if shown:  # after the message's handler, the screen's next refresh
                self.call_later(self.call_after_refresh, looked.set)
            else:
                looked.set()

    @work(thread=True, exclusive=True, group="keep", exit_on_error=False)
    def _keep(self, key: str, briefing: Briefing, config: Config, origin: Origin | None) -> None:
        """Keep the briefing made (from `origin`) as the sources' last one, for the next launch to show at once."""
        from briefing.run.stored import keep_briefing

        keep_briefing(key, briefing, config, origin)

    @work(thread=True, exclusive=True, group="summarize", exit_on_error=False)
    def _summarize(self, generation: int, request: Request, day: Day) -> None:
        """The briefing of `request` from the session's `day`: the first story first, so the
        screen fills as soon as it is read, then every shown story; at once when no story is
        left to read (+ and -, another algorithm: rating the read stories again takes a tenth
        of the reading), so the screen is drawn once, and its stories pane does not shrink to
        one story and grow back. Once the whole briefing has been on screen for `RATE_AHEAD_AFTER`,
        its stories are rated by the other algorithms (`Day.rate_ahead`) until a newer request
        cancels the worker."""
        worker = get_current_worker()
        summary = replace(self.config.summary, sentences=request.count, words=0, bytes=0, algorithm=request.algorithm)
        config = replace(self.config, summary=summary)
        with batch_memory(freeze=False):
            ready = day.ready(config)
            briefing = day.briefing(config, self._progress(), first=None if ready else 1)
            if not ready and briefing.story_count > 1 and config.stories.max != 1:
                if worker.is_cancelled:
                    return
                self.post_message(Summarized(request, briefing, generation, complete=False))
                briefing = day.briefing(config, self._progress())
        if worker.is_cancelled:
            return
        self.post_message(Summarized(request, briefing, generation))
        drawn = threading.Event()
        self.call_later(self.call_after_refresh, drawn.set)
        if _waited(drawn, worker) and _left_alone(worker, RATE_AHEAD_AFTER):
            day.rate_ahead(config, lambda: worker.is_cancelled)

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
    def _write(self, briefing: Briefing, config: Config, store: bool, confirmed: bool = False) -> None:
        """Write the digest and record it; unless `confirmed`, over a file that holds another
        briefing only once the user says so (`ReplaceAsked`)."""
        from briefing.output.render import render
        from briefing.output.write import expand_path, format_for, replaces_other
        from briefing.run.day import deliver

        target = expand_path(config.output.path, briefing.date, briefing.news_date)
        written_as = format_for(config.output.path)  # as -o: briefing-{date}.md is Markdown
        if not confirmed and replaces_other(target, render(briefing, written_as)):
            self.post_message(ReplaceAsked(briefing, target))
            return
        path, failure = deliver(briefing, config, written_as, config.output.path, store)
        assert path is not None
        self.post_message(Written(path, str(failure) if failure else "", replaced=confirmed))

    @work(thread=True, group="history", exit_on_error=False)
    def _list_history(self, config: Config) -> None:
        with Store(store_path(config)) as store:
            self.post_message(PastListed(Briefings(store).history(), settings_of(config)))

    @work(thread=True, group="history", exit_on_error=False)
    def _show_past(self, config: Config, number: int) -> None:
        with Store(store_path(config)) as store:
            self.post_message(PastShown(Briefings(store).as_printed(str(number), "text", self.day)))

    @work(thread=True, exclusive=True, group="fetch", exit_on_error=False)
    def _fetch(self, config: Config) -> None:
        from briefing.run.fetching import fetch_feeds  # the network stack, only when asked for

        self.post_message(Fetched(fetch_feeds(config, self._progress())))

    @work(thread=True, exclusive=True, group="clipboard", exit_on_error=False)
    def _copy(self, text: str, what: str) -> None:
        self.post_message(Copied(text, clipboard.copy(text), what))

    @work(thread=True, exclusive=True, group="theme", exit_on_error=False)
    def _save_theme(self, name: str) -> None:
        theme.save(name)
