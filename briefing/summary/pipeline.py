"""The pipeline from cleaned articles to a briefing: stories found and ranked on the
articles' views, then, for the stories shown only, each story's sentences read, scored,
grouped, selected and ordered.

`summarize` makes a day's briefing; `summarize_story` summarizes articles known to report
one story (the evaluation's clusters); `briefing.summary.story` summarizes one story. Pure: history comes in as
the previous briefings' item texts, and nothing is read or written here.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import chain

from briefing.config import Config
from briefing.models import UNKNOWN_SOURCE, Article, Briefing, BriefingItem, Copy, Story, StoryMark
from briefing.summary import story_rank
from briefing.summary.across import said_once
from briefing.summary.novelty import mark_items
from briefing.summary.settings import settings_of
from briefing.summary.stories import day_number, find_stories
from briefing.summary.story import STORY_SENTENCES, StoryDraft, StoryTask, summarize_task
from briefing.summary.terms import title_stems
from briefing.summary.topic import headline_names, is_about, query_forms, required
from briefing.summary.views import StoryView, story_view
from briefing.tasks import Mapper, Progress, in_turn
from briefing.text.segment import segmented


def _quiet(stage: str, fraction: float) -> None:
    """The default progress report: none."""


def article_view(article: Article) -> StoryView:
    """The view grouping and ranking read of a cleaned article."""
    return story_view(article.title, article.text, article.date, article.source)


def summarize(
    articles: tuple[Article, ...],
    config: Config,
    progress: Progress = _quiet,
    previous: Sequence[str] | None = None,
    mapper: Mapper | None = None,
    today: str | None = None,
) -> Briefing:
    """The briefing of a day's `articles`: its stories, most important first, each with its facts.

    Stories are found and ranked on the articles' views; sentences are read (features,
    ratings, selection) only for the stories shown: the `[stories] max` most important
    (about the topic, if one is set), a story that yields no item giving its place to the next.

    `previous` holds the item texts of earlier briefings: items are then marked new, update
    or repeat, and novelty counts in the stories' rank. None, or no earlier item (a history's
    first briefing), leaves items unmarked. `today` (YYYY-MM-DD) is the day the briefing is
    for: recency counts from it (None: from the newest article's date). `mapper` runs the
    per-story stages (default: here, one after the other).
    """
    progress("finding stories", 0.0)
    views = [article_view(article) for article in articles]
    day = plan_day(tuple(a.id for a in articles), views, config, previous, today)
    run = mapper or in_turn(progress, "summarizing stories", 0.1, 0.9)
    read = list(articles)
    drafts = shown_drafts(read, views, day, config, run)
    return assemble(tuple(read), day, drafts, config, previous)


def summarize_story(articles: tuple[Article, ...], config: Config) -> Briefing:
    """The briefing of articles known to report one story, as the evaluation's clusters do."""
    views = [article_view(article) for article in articles]
    story = tuple(range(len(articles)))
    day = DayPlan((story,) if articles else (), (1.0,) if articles else (), 1 if articles else 0)
    read = list(articles)
    drafts = shown_drafts(read, views, day, config, in_turn())
    return assemble(tuple(read), day, drafts, config, None)


@dataclass(frozen=True, slots=True)
class DayPlan:
    """The day's stories, found and ranked before any sentence is read."""

    stories: tuple[tuple[int, ...], ...]  # article indexes; most important first, about the topic if one is set
    importance: tuple[float, ...]  # each story's score, by config.toml [rank]
    found: int  # stories found among the articles, before the topic


def plan_day(
    ids: Sequence[str],
    views: Sequence[StoryView],
    config: Config,
    previous: Sequence[str] | None = None,
    today: str | None = None,
    copies: Sequence[Copy] = (),
) -> DayPlan:
    """The stories of the articles `views` describe (`ids` their ids), most important first;
    only those about `[topic] query`, if one is set. A copy of an article in another outlet
    counts that outlet among the story's (`copies`; never one in the article's own outlet, nor
    a copy that names none)."""
    stories = [story for story in find_stories(views, config.stories) if any(views[a].words for a in story)]
    found = len(stories)
    if config.topic.query:
        stories = _about_topic(stories, views, config)
    dated = [day for day in (day_number(view.date) for view in views) if not math.isnan(day)]
    clock = day_number(today) if today else max(dated, default=None)
    ranked = story_rank.rank(ids, views, stories, config.rank, clock, previous, _carried(ids, copies))
    return DayPlan(tuple(stories[k] for k, _ in ranked), tuple(score for _, score in ranked), found)


def _about_topic(stories: list[tuple[int, ...]], views: Sequence[StoryView], config: Config) -> list[tuple[int, ...]]:
    """The stories about `[topic] query`. When none is, the articles whose headline names the
    topic, grouped into stories about something else (a roundup's, a mixed one), are grouped
    among themselves: the s9 trial's `--topic "Jesse Jackson"` was told no story was about
    him, under three headlines naming him."""
    terms, must = query_forms(config.topic.query), required(config.topic.query)
    about = [story for story in stories if is_about(terms, must, [views[a] for a in story])]
    if about:
        return about
    named = sorted(a for story in stories for a in story if headline_names(must, views[a]))
    regrouped = find_stories([views[a] for a in named], config.stories) if named else []
    return [
        story
        for story in (tuple(named[i] for i in group) for group in regrouped)
        if is_about(terms, must, [views[a] for a in story])
    ]


def _carried(ids: Sequence[str], copies: Sequence[Copy]) -> list[frozenset[str]]:
    """For each article, the outlets that ran it word for word (its own, or none named, among
    them: the story's signals count each outlet once, and no unnamed one)."""
    outlets: dict[str, set[str]] = {}
    for copy in copies:
        outlets.setdefault(copy.original, set()).add(copy.article.source)
    return [frozenset(outlets.get(id, ())) for id in ids]


def shown_drafts(
    articles: list[Article],
    views: Sequence[StoryView],
    day: DayPlan,
    config: Config,
    mapper: Mapper,
    summarizer: Callable[[StoryTask], StoryDraft] = summarize_task,
    wanted: int | None = None,
    usage: Counter[str] | None = None,
    whole: Callable[[Article], Article] | None = None,
) -> list[tuple[int, StoryDraft]]:
    """The drafts of the stories shown, as (index into `day.stories`, draft), in rank order:
    the `[stories] max` first stories of the plan (0: all; `wanted`, if given) that yield an
    item, each story read when its turn comes. `mapper` runs `summarizer` on the stories'
    tasks (a shell that keeps what each story's reading gives passes its own summarizer).
    `usage` is `view_usage(views)`, if the caller keeps it. The articles of the stories read
    are cut into sentences where they were not, in `articles` itself, after `whole` cleans all
    of each one cleaned only up to its lead (`Article.rest`): every article of a shown story,
    for the briefing lists and keeps them."""
    wanted = wanted or config.stories.max or len(day.stories)
    usage = view_usage(views) if usage is None else usage
    drafts: list[tuple[int, StoryDraft]] = []
    next_story = 0
    while len(drafts) < wanted and next_story < len(day.stories):
        batch = range(next_story, min(next_story + wanted - len(drafts), len(day.stories)))
        next_story = batch.stop
        for k in batch:
            if whole is not None:
                for a in day.stories[k]:
                    articles[a] = whole(articles[a])
            for a in _read_of(day.stories[k]):
                articles[a] = segmented(articles[a])
        tasks = [
            StoryTask(
                tuple(articles[a] for a in _read_of(day.stories[k])),
                tuple(views[a] for a in _read_of(day.stories[k])),
                usage,
                len(articles),
                config,
            )
            for k in batch
        ]
        drafts += list(zip(batch, mapper(summarizer, tasks)))
    return drafts


def _read_of(story: tuple[int, ...]) -> tuple[int, ...]:
    """The articles of a story whose sentences its summary reads: all of them, but for a story
    of more than `STORY_SENTENCES` articles, its first that many. A story reads at least one
    sentence of each article it is given, and its same-fact table and ratings grow with the
    square of its sentences: a story of 16,000 one-sentence feed entries read 16,000 (5 minutes).
    The story still counts, ranks and lists all of its articles."""
    return story[:STORY_SENTENCES]


def view_usage(views: Sequence[StoryView]) -> Counter[str]:
    """How many of the day's views use each view term: the rest of the day, for key terms."""
    return Counter(chain.from_iterable(view.terms for view in views))


def assemble(
    articles: tuple[Article, ...],
    day: DayPlan,
    drafts: list[tuple[int, StoryDraft]],
    config: Config,
    previous: Sequence[str] | None,
    copies: Sequence[Copy] = (),
) -> Briefing:
    """The briefing of the stories drafted, in the plan's order, items marked against `previous`,
    each sentence once: an item an earlier section showed is left out (`across`).

    `copies` (of the day's articles, skipped when read) are listed with their originals' stories
    and count among their articles and outlets; they add nothing to an item's support."""
    settings = settings_of(config)
    # Marks only against earlier items: on a history's first briefing every item would be
    # "new", which says nothing (a new user's finding).
    marked = bool(previous)
    told = said_once([draft for _, draft in drafts])
    # A section all of whose items an earlier section told is not shown.
    drafts = [(k, draft) for (k, before), draft in zip(drafts, told) if draft.items or not before.items]
    items: list[BriefingItem] = []
    stories: list[Story] = []
    copies_of: dict[str, list[Copy]] = {}
    for copy in copies:
        copies_of.setdefault(copy.original, []).append(copy)
    listed: list[Copy] = []
    for rank_number, (k, draft) in enumerate(drafts, start=1):
        members, story_id = day.stories[k], f"s{rank_number}"
        carried = [copy for a in members for copy in copies_of.get(articles[a].id, ())]
        listed += carried
        draft = _marked(draft, previous) if previous else draft
        first = len(items)
        items.extend(replace(item, story=story_id) for item in draft.items)
        mark: StoryMark | None = (
            None if not marked else "new" if all(item.mark == "new" for item in draft.items) else "ongoing"
        )
        stories.append(
            Story(
                story_id,
                draft.title,
                tuple(articles[a].id for a in members) + tuple(copy.article.id for copy in carried),
                len(
                    ({articles[a].source for a in members} | {copy.article.source for copy in carried})
                    - {UNKNOWN_SOURCE}
                ),
                tuple(range(first, len(items))),
                day.importance[k],
                draft.key_terms,
                mark,
            )
        )
    shown = [day.stories[k] for k, _ in drafts]
    return Briefing(
        tuple(items),
        _in_story_order(articles, shown),
        _day_terms(stories),
        settings,
        tuple(stories),
        day.found,
        copies=tuple(listed),
    )


def _marked(draft: StoryDraft, previous: Sequence[str]) -> StoryDraft:
    marks = mark_items([item.text for item in draft.items], previous)
    return replace(draft, items=tuple(replace(item, mark=mark) for item, mark in zip(draft.items, marks)))


def _in_story_order(articles: tuple[Article, ...], shown: list[tuple[int, ...]]) -> tuple[Article, ...]:
    """The articles of the shown stories first, story by story, then the others in input order.

    Sources are numbered in this order, so a section cites nearby numbers, and a briefing on
    one story of many (`--topic`) cites [1], [2], ... as a folder of that story alone would.
    """
    first = [a for story in shown for a in story]
    listed = set(first)
    return tuple(articles[a] for a in first) + tuple(a for i, a in enumerate(articles) if i not in listed)


def _day_terms(stories: list[Story], count: int = 5) -> tuple[str, ...]:
    """The day's key terms: the story's own for one story, else one of each top story, the
    first its title names if any names one. The Iran talks' first key term is "United States",
    in every report of them and in few of the day's others; the line must say Iran."""
    if len(stories) == 1:
        return stories[0].key_terms
    return tuple(dict.fromkeys(_named_term(story) for story in stories if story.key_terms))[:count]


def _named_term(story: Story) -> str:
    """The story's first key term that shares a word with its title, else its first."""
    title = title_stems(story.title)
    return next((term for term in story.key_terms if title_stems(term) & title), story.key_terms[0])
