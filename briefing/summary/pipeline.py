"""The pipeline from cleaned articles to a briefing: stories found and ranked on the
articles' views, then, for the stories shown only, each story's sentences read, scored,
grouped, selected and ordered.

`summarize` makes a day's briefing; `summarize_story` summarizes
articles known to report one story (the evaluation's clusters). Pure: history comes in as
the previous briefings' item texts, and nothing is read or written here.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain

import numpy as np

from briefing.config import Config
from briefing.models import (
    UNKNOWN_SOURCE,
    Article,
    Briefing,
    BriefingItem,
    Settings,
    SourceSentence,
    Story,
    StoryMark,
)
from briefing.summary import story_rank
from briefing.summary.facts import SameFact
from briefing.summary.features import SentenceFeatures, renumbered, sentence_features
from briefing.summary.figures import disagreement
from briefing.summary.merge import Group, group_sentences
from briefing.summary.novelty import mark_items
from briefing.summary.order import headline_lead, reading_order
from briefing.summary.quality import algorithm_ratings, eligible, own_words_ratings, quality, rank_normalize
from briefing.summary.select import Budget, select
from briefing.summary.stories import day_number, find_stories
from briefing.summary.terms import article_terms, headline_stems, key_terms, story_title
from briefing.summary.topic import is_about, query_forms
from briefing.summary.views import StoryView, story_view
from briefing.summary.wording import clean_articles
from briefing.tasks import Mapper, Progress, in_turn
from briefing.text.forms import word_form

# A story reads at most this many sentences: the leading ones of each article, as many of
# each as fit. Grouping, LexRank and the same-fact table grow with the square of a story's
# sentences: one 3.6 MB article of 40,000 sentences took 23 GB before the kernel killed the
# digest. With the bound it takes 15 s (reading) and 410 MB. The largest stories of the DUC
# day and of the 181 saved pages hold 884 and 749 sentences, below it. News puts its facts
# first, so a story of 60 articles still reads the first 25 sentences of each.
STORY_SENTENCES = 1500


def leading_depth(lengths: Sequence[int], budget: int) -> int:
    """How many leading sentences of each article a story reads: all of them when the story
    holds at most `budget`, else the most that keeps it within `budget` (at least one each)."""
    if sum(lengths) <= budget:
        return max(lengths, default=0)
    low, high = 1, max(lengths)
    while low < high:
        middle = (low + high + 1) // 2
        if sum(min(length, middle) for length in lengths) <= budget:
            low = middle
        else:
            high = middle - 1
    return low


# Articles whose facts are remembered between summaries: a large day's worth.
_REMEMBERED = 5000


def _quiet(stage: str, fraction: float) -> None:
    """The default progress report: none."""


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """What the day's stages need of one article, worked out once, where the article is."""

    features: tuple[SentenceFeatures, ...]  # numbered as article 0
    terms: frozenset[str]  # candidate key terms (names and content stems)


@dataclass(frozen=True, slots=True)
class StoryTask:
    """Everything one story's summary needs, so it can run anywhere (a Dask task)."""

    articles: tuple[Article, ...]
    views: tuple[StoryView, ...]  # the articles' views
    usage: Mapping[str, int]  # how many of the day's views use each view term
    day_size: int
    config: Config


@dataclass(frozen=True, slots=True)
class StoryDraft:
    """A story summarized, before it takes its place among the day's stories."""

    items: tuple[BriefingItem, ...]
    key_terms: tuple[str, ...]
    title: str


@lru_cache(maxsize=_REMEMBERED)
def read_article(article: Article) -> ArticleFacts:
    """The facts of one article: its sentences' features and its candidate key terms.

    Remembered: the TUI summarizes the same articles again at each + or - and each change
    of algorithm, and reading them is most of the work."""
    features = sentence_features((article,))
    return ArticleFacts(tuple(features), frozenset(article_terms(features, 1)[0]))


def article_view(article: Article) -> StoryView:
    """The view grouping and ranking read of a cleaned article."""
    return story_view(article.title, article.text, article.date, article.source)


def summarize_task(task: StoryTask) -> StoryDraft:
    """One story summarized on its own: its articles read (`read_article`, remembered), their
    features renumbered to the story's articles."""
    facts = [read_article(article) for article in task.articles]
    depth = leading_depth([len(fact.features) for fact in facts], STORY_SENTENCES)
    features = [renumbered(f, position) for position, fact in enumerate(facts) for f in fact.features[:depth]]
    terms = [set(fact.terms) for fact in facts]
    shown = key_terms(features, terms, _day_frequency(facts, terms, task), task.day_size)
    # Where a spinner reworded some articles, the others' words speak: their headline too.
    own_words = clean_articles(task.articles)
    titled = [a for a, own in zip(task.articles, own_words or [True] * len(task.articles)) if own]
    title = story_title(titled, [t for t, a in zip(terms, task.articles) if a in titled], shown)
    items = _story_items(task.articles, features, task.config, shown, headline_stems(task.articles, title), own_words)
    return StoryDraft(items, shown, title)


def _day_frequency(facts: Sequence[ArticleFacts], terms: Sequence[set[str]], task: StoryTask) -> Counter[str]:
    """How many of the day's articles use each term of the story: its own articles that do
    (by their sentences), and the day's others whose views do (a stem by any of the forms the
    story writes it in: "elections" and "election" for "elect")."""
    in_story = Counter(chain.from_iterable(terms))
    in_views = Counter(chain.from_iterable(view.terms for view in task.views))
    written: dict[str, set[str]] = {}
    for fact in facts:
        for feature in fact.features:
            for stem_, form in zip(feature.stems, feature.forms):
                written.setdefault(stem_, set()).add(word_form(form))
    frequency: Counter[str] = Counter()
    for term, count in in_story.items():
        keys = (term,) if term[0] == "@" else written.get(term, (term,))
        frequency[term] = count + max(0, max(task.usage.get(key, 0) - in_views[key] for key in keys))
    return frequency


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
    or repeat, and novelty counts in the stories' rank. None leaves items unmarked. `today`
    (YYYY-MM-DD) is the day the briefing is for: recency counts from it (None: from the
    newest article's date). `mapper` runs the per-story stages (default: here, one after
    the other).
    """
    progress("finding stories", 0.0)
    views = [article_view(article) for article in articles]
    day = plan_day(tuple(a.id for a in articles), views, config, previous, today)
    run = mapper or in_turn(progress, "summarizing stories", 0.1, 0.9)
    drafts = shown_drafts(articles, views, day, config, run)
    return assemble(articles, day, drafts, config, previous)


def summarize_story(articles: tuple[Article, ...], config: Config) -> Briefing:
    """The briefing of articles known to report one story, as the evaluation's clusters do."""
    views = [article_view(article) for article in articles]
    story = tuple(range(len(articles)))
    day = DayPlan((story,) if articles else (), (1.0,) if articles else (), 1 if articles else 0)
    return assemble(articles, day, shown_drafts(articles, views, day, config, in_turn()), config, None)


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
) -> DayPlan:
    """The stories of the articles `views` describe (`ids` their ids), most important first;
    only those about `[topic] query`, if one is set."""
    stories = [story for story in find_stories(views, config.stories) if any(views[a].words for a in story)]
    found = len(stories)
    if config.topic.query:
        terms = query_forms(config.topic.query)
        stories = [story for story in stories if is_about(terms, [views[a] for a in story])]
    dated = [day for day in (day_number(view.date) for view in views) if not math.isnan(day)]
    clock = day_number(today) if today else max(dated, default=None)
    ranked = story_rank.rank(ids, views, stories, config.rank, clock, previous)
    return DayPlan(tuple(stories[k] for k, _ in ranked), tuple(score for _, score in ranked), found)


def shown_drafts(
    articles: tuple[Article, ...],
    views: Sequence[StoryView],
    day: DayPlan,
    config: Config,
    mapper: Mapper,
) -> list[tuple[int, StoryDraft]]:
    """The drafts of the stories shown, as (index into `day.stories`, draft), in rank order:
    the `[stories] max` first stories of the plan (0: all) that yield an item, each story
    read when its turn comes."""
    wanted = config.stories.max or len(day.stories)
    usage = Counter(chain.from_iterable(view.terms for view in views))
    drafts: list[tuple[int, StoryDraft]] = []
    next_story = 0
    while len(drafts) < wanted and next_story < len(day.stories):
        batch = range(next_story, min(next_story + wanted - len(drafts), len(day.stories)))
        next_story = batch.stop
        tasks = [
            StoryTask(
                tuple(articles[a] for a in day.stories[k]),
                tuple(views[a] for a in day.stories[k]),
                usage,
                len(articles),
                config,
            )
            for k in batch
        ]
        drafts += [(k, draft) for k, draft in zip(batch, mapper(summarize_task, tasks)) if draft.items]
    return drafts


def assemble(
    articles: tuple[Article, ...],
    day: DayPlan,
    drafts: list[tuple[int, StoryDraft]],
    config: Config,
    previous: Sequence[str] | None,
) -> Briefing:
    """The briefing of the stories drafted, in the plan's order, items marked against `previous`."""
    summary = config.summary
    settings = Settings(
        summary.algorithm,
        summary.sentences,
        summary.words,
        summary.bytes,
        config.merge.threshold,
        config.stories.max,
        config.topic.query,
    )
    marked = previous is not None
    items: list[BriefingItem] = []
    stories: list[Story] = []
    for rank_number, (k, draft) in enumerate(drafts, start=1):
        members, story_id = day.stories[k], f"s{rank_number}"
        draft = _marked(draft, previous) if previous is not None else draft
        first = len(items)
        items.extend(replace(item, story=story_id) for item in draft.items)
        mark: StoryMark | None = (
            None if not marked else "new" if all(item.mark == "new" for item in draft.items) else "ongoing"
        )
        stories.append(
            Story(
                story_id,
                draft.title,
                tuple(articles[a].id for a in members),
                len({articles[a].source for a in members} - {UNKNOWN_SOURCE}),
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
    """The day's key terms: the story's own for one story, else the first of each top story."""
    if len(stories) == 1:
        return stories[0].key_terms
    return tuple(dict.fromkeys(story.key_terms[0] for story in stories if story.key_terms))[:count]


def _story_items(
    articles: tuple[Article, ...],
    features: list[SentenceFeatures],
    config: Config,
    terms: tuple[str, ...],
    headline: frozenset[str] = frozenset(),
    by_article: list[bool] | None = None,
) -> tuple[BriefingItem, ...]:
    """The facts of one story: each selected fact once, with every sentence that reports it,
    the event its `headline` (content stems) names first, in the words of the articles
    `by_article` marks as their own (`wording.clean_articles`; None: all)."""
    summary = config.summary
    if not features:
        return ()
    texts = [articles[f.article].sentences[f.index].text for f in features]
    ratings = algorithm_ratings(articles, features, summary.algorithm, terms)
    own_words = None if by_article is None else np.array([by_article[f.article] for f in features])
    if by_article is not None:
        ratings = own_words_ratings(articles, features, ratings, by_article, summary.algorithm, terms)
    facts = SameFact(features, config.merge.threshold)
    groups = group_sentences(features, facts, rank_normalize(ratings), own_words)
    scores = quality(features, ratings, groups, config.score, len(articles), facts)
    budget = Budget(summary.sentences, summary.words, summary.bytes)
    candidates = eligible(groups, features, summary)
    lead = headline_lead(candidates, features, headline, scores, own_words)
    chosen = select(candidates, features, texts, scores, facts, budget, config.score.coverage, own_words, lead)
    return tuple(
        _item(g, features, articles, float(scores[g.representative]))
        for g in reading_order(chosen, features, articles, lead)
    )


def _item(group: Group, features: list[SentenceFeatures], articles: tuple[Article, ...], score: float) -> BriefingItem:
    def source(member: int, similarity: float) -> SourceSentence:
        article = articles[features[member].article]
        sentence = article.sentences[features[member].index]
        return SourceSentence(
            article.id, sentence.index, sentence.start, sentence.end, sentence.text, round(similarity, 3)
        )

    rep = source(group.representative, 1.0)
    others = [source(m, s) for m, s in zip(group.members, group.similarity) if m != group.representative]
    ids = [article.id for article in articles]
    differ = disagreement(group.members, group.representative, features, ids)
    return BriefingItem(rep.text, rep.article, rep.sentence, (rep, *others), round(score, 4), disagreement=differ)
