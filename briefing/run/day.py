"""The day's briefing, made in one place for both shells: the articles and the history read,
the stories found and ranked once, each shown story read once and rated once per algorithm,
and the briefing delivered (rendered, written, recorded).

`briefing digest` makes a `Day` and asks it for one briefing; the TUI keeps its `Day` for the
session, so that + and - only select again from what was read, and another algorithm only
rates the shown stories again. Both call `read_day` to gather and `deliver` to write.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import ExitStack, suppress
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from briefing.config import Config
from briefing.errors import StoreError
from briefing.models import LEAD_WORDS, Article, Briefing, Copy, Format, Problem
from briefing.output.render import render
from briefing.output.write import expand_path, write_output, write_stdout
from briefing.run.cached import CachedReader
from briefing.run.daily import earlier_items, record
from briefing.run.gather import gather, is_url
from briefing.run.unchanged import reading_key
from briefing.sources.files import whole
from briefing.storage.briefings import articles_key
from briefing.storage.cache import Cache
from briefing.storage.db import Store, store_path
from briefing.storage.shown import Origin
from briefing.summary.algorithms import ALGORITHMS
from briefing.summary.pipeline import DayPlan, article_view, assemble, plan_day, shown_drafts, view_usage
from briefing.summary.story import RatedStory, ReadStory, StoryDraft, StoryTask, draft_story, rate_story, read_story
from briefing.summary.views import StoryView
from briefing.tasks import Mapper, Progress, in_turn

if TYPE_CHECKING:
    from pathlib import Path


@dataclass(frozen=True, slots=True)
class Reading:
    """What a run read: the articles, a Problem for each source skipped or noted, and the
    earlier items marks are made against (None: no history, or `history_failure` says why it
    could not be read)."""

    articles: tuple[Article, ...]
    problems: list[Problem]
    previous: list[str] | None
    history_failure: StoreError | None = None
    views: list[StoryView] | None = None  # the articles' views, when the cache gave them
    origin: Origin | None = None  # what a briefing of them is made from, when it can be told again
    teasers: frozenset[str] = frozenset()  # the articles that are only a feed's teaser (`Briefing.teasers`)

    @property
    def copies(self) -> tuple[Copy, ...]:
        """The sources skipped as copies of an article read: listed with its story."""
        return tuple(problem.copy for problem in self.problems if problem.copy is not None)


def read_day(
    sources: Sequence[str],
    config: Config,
    day: str,
    store: bool,
    progress: Progress | None = None,
    mapper: Mapper | None = None,
    fetched: bool = False,
    whole: bool = False,
) -> Reading:
    """The run's articles (`briefing.run.gather`) and, with `store`, the history's earlier
    items for `day`; a history that cannot be read is reported, never fatal. `fetched` adds
    the articles fetched lately to named `sources`. With `store`, files and articles read
    before (by content) come from the history's cache. Not `whole`: articles are cleaned up
    to their lead where they can be (`LEAD_WORDS`), and a `Day` cleans the rest of the shown
    ones; `whole`: all of every article (`--explain` lists what cleaning removed from each)."""
    with ExitStack() as stack:
        reader = CachedReader(None)  # views worked out beside the cleaning, where the mapper runs
        if store:
            with suppress(StoreError):  # reading the history below says why, once
                reader = CachedReader(Cache(stack.enter_context(Store(store_path(config)))))
        articles, problems = gather(sources, config, progress, mapper, fetched, reader, None if whole else LEAD_WORDS)
        views = reader.views_of(articles)
        reader.prune()
    teasers = _teasers(articles, config)
    if not store:
        return Reading(articles, problems, None, views=views, teasers=teasers)
    if not articles:
        return Reading(articles, problems, None)
    if progress:
        progress("reading the history", 0.0)
    key = articles_key(articles)
    try:
        previous = earlier_items(key, config, day)
    except StoreError as error:
        return Reading(articles, problems, None, error, views, teasers=teasers)
    # Only files named as sources can be compared later (`briefing.run.unchanged`).
    files = None if fetched or not sources or any(is_url(source) for source in sources) else reader.files
    origin = Origin(reading_key(files, previous, config, day), key) if files else None
    return Reading(articles, problems, previous, views=views, origin=origin, teasers=teasers)


def _teasers(articles: Sequence[Article], config: Config) -> frozenset[str]:
    """The ids of `articles` that are only their feed's headline and teaser: a fetch kept the
    entry while the page it links failed, and the page has not come since. A day of files (no
    article with an address) asks nothing; a history that cannot be read tells none."""
    from briefing.storage.failures import FailureLog

    if not any(article.url for article in articles):
        return frozenset()
    try:
        path = store_path(config)  # no home folder: no history, and no fetch either
        if not path.exists():
            return frozenset()
        with Store(path) as store:
            failed = FailureLog(store).urls()
    except StoreError:
        return frozenset()
    return frozenset(article.id for article in articles if article.url in failed)


class Day:
    """One day's articles, with what summarizing them gave so far.

    The stories are found and ranked once per topic and [stories]/[rank] settings; a shown
    story is read once (sentence features, key terms, title, same-fact table), rated once per
    algorithm and scoring, and selected again for each briefing length. Safe to use from one
    worker thread at a time; a newer worker waits for the older one's current story.
    """

    def __init__(
        self,
        articles: tuple[Article, ...],
        day: str,
        previous: Sequence[str] | None = None,
        mapper: Mapper | None = None,
        views: list[StoryView] | None = None,
        copies: Sequence[Copy] = (),
        teasers: frozenset[str] = frozenset(),
    ) -> None:
        self.articles = list(articles)  # the shown stories' cut into sentences as they are read
        self.copies = tuple(copies)  # of the articles: listed with their stories, never read
        self.teasers = teasers  # of the articles: only a feed's teaser (`Briefing.teasers`)
        self.day = day
        self.previous = previous
        self.mapper = mapper  # an engine's: the shown stories become its tasks, nothing is kept
        self._views = views  # each article's, worked out at the first briefing if not given
        self._usage: Counter[str] | None = None
        self._plans: dict[tuple[object, ...], DayPlan] = {}
        self._read: dict[tuple[object, ...], ReadStory] = {}
        self._rated: dict[tuple[object, ...], RatedStory] = {}
        self._lock = threading.Lock()
        # What rating took here, by algorithm: (sentences, seconds), for the picker's estimates.
        self.rating: dict[str, tuple[int, float]] = {}
        self._shown: list[tuple[object, ...]] = []  # the stories of the last briefing, as `_read` keys
        self.shown_sentences = 0  # sentences of the stories of the last briefing

    def briefing(self, config: Config, progress: Progress | None = None, first: int | None = None) -> Briefing:
        """The briefing `config` asks for; with `first`, only that many shown stories (the
        ones a screen shows first), the rest to be asked for next."""
        if self._views is None:
            if progress:
                progress("finding stories", 0.0)
            self._views = [article_view(article) for article in self.articles]
        if self._usage is None:
            self._usage = view_usage(self._views)
        key = (config.stories, config.topic, config.rank)
        if key not in self._plans:
            ids = tuple(article.id for article in self.articles)
            self._plans[key] = plan_day(ids, self._views, config, self.previous, self.day, self.copies)
        plan = self._plans[key]
        if self.mapper is not None:
            drafts = shown_drafts(self.articles, self._views, plan, config, self.mapper, usage=self._usage, whole=whole)
        else:
            run = in_turn(progress, "summarizing stories", 0.1, 0.9)
            summarizer = self._summarizer(config)
            drafts = shown_drafts(self.articles, self._views, plan, config, run, summarizer, first, self._usage, whole)
            shown = [(tuple(self.articles[a].id for a in plan.stories[k]), config.merge.threshold) for k, _ in drafts]
            self._shown = [key for key in shown if key in self._read]
            self.shown_sentences = sum(len(self._read[key].features) for key in self._shown)
        briefing = assemble(tuple(self.articles), plan, drafts, config, self.previous, self.copies)
        return replace(briefing, date=self.day, teasers=self.teasers)

    @classmethod
    def of(cls, read: Reading, day: str, mapper: Mapper | None = None) -> Day:
        """The day of what `read_day` read."""
        return cls(read.articles, day, read.previous, mapper, read.views, read.copies, read.teasers)

    def ready(self, config: Config) -> bool:
        """Whether every story the briefing `config` asks for shows was read already (its
        sentences' features, key terms, same-fact table): + and -, or another algorithm, then
        only select or rate again (at most 0.07 s for the ten stories of the 100 shared feeds,
        where reading them took 0.6 s), so the first story need not go to the screen before
        the others."""
        plan = self._plans.get((config.stories, config.topic, config.rank))
        if plan is None:
            return False
        shown = plan.stories[: config.stories.max or len(plan.stories)]
        return all((tuple(self.articles[a].id for a in story), config.merge.threshold) in self._read for story in shown)

    def rate_ahead(self, config: Config, cancelled: Callable[[], bool]) -> None:
        """Rate the last briefing's stories by every algorithm, one story at a time, until
        `cancelled()`: a switch to one not used yet then only selects, as + and - do. Rating
        them at the switch took 0.4-1.5 s more on the 100 shared feeds at load 5-10."""
        for name in ALGORITHMS:
            other = replace(config, summary=replace(config.summary, algorithm=name))
            for story in self._shown:
                if cancelled():
                    return
                with self._lock:
                    self._rate(story, self._read[story], other)

    def _summarizer(self, config: Config) -> Callable[[StoryTask], StoryDraft]:
        def summarize(task: StoryTask) -> StoryDraft:
            story = (tuple(article.id for article in task.articles), config.merge.threshold)
            with self._lock:
                read = self._read.get(story)
                if read is None:
                    read = self._read[story] = read_story(task)
                rated = self._rate(story, read, config)
            return draft_story(rated, config)

        return summarize

    def _rate(self, story: tuple[object, ...], read: ReadStory, config: Config) -> RatedStory:
        """The story `read` rated by `config`'s algorithm, once a session; the caller holds the lock."""
        rating = _rating(story, config)
        rated = self._rated.get(rating)
        if rated is None:
            began = time.perf_counter()
            rated = self._rated[rating] = rate_story(read, config)
            sentences, seconds = self.rating.get(config.summary.algorithm, (0, 0.0))
            self.rating[config.summary.algorithm] = (
                sentences + len(read.features),
                seconds + time.perf_counter() - began,
            )
        return rated


def _rating(story: tuple[object, ...], config: Config) -> tuple[object, ...]:
    """What a story's rating depends on: the story (its articles' ids and the merge threshold
    it was read with, as a `Day._read` key) and the settings that rate it."""
    summary = config.summary
    return (story, summary.algorithm, config.score, summary.min_words, summary.max_words)


def deliver(
    briefing: Briefing, config: Config, format: Format, path: str | None, keep: bool
) -> tuple[Path | None, StoreError | None]:
    """Render `briefing` in `format`, write it to `path` (a template: `{date}`, `{news_date}`)
    or to stdout (None), and, with `keep`, record it in the history as delivered. The file
    written, and why the history could not record it, if it could not."""
    text = render(briefing, format)
    written = None
    if path is None:
        write_stdout(text, format)
    else:
        written = expand_path(path, briefing.date, briefing.news_date)
        write_output(written, text)
    if keep:
        try:
            record(briefing, config)  # what was delivered, so that `show` prints it again
        except StoreError as error:
            return written, error
    return written, None
