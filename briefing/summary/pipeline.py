"""The pipeline from cleaned articles to a briefing: stories, then in each story score,
group, select and order; then the stories ranked.

`summarize` is the one function the CLI and the TUI call; `summarize_story` summarizes
articles known to report one story (the evaluation's clusters). Pure: history comes in as
the previous briefings' item texts, and nothing is read or written here.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
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
from briefing.summary.terms import article_terms, headline_stems, key_terms, story_title, title_stems
from briefing.summary.topic import acronyms_used, is_about
from briefing.summary.wording import clean_articles
from briefing.tasks import Mapper, Progress, in_turn
from briefing.text.query import query_stems

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
# How many of a story's best facts its corroboration counts: a default briefing's items.
_LEADING_FACTS = 8


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
    facts: tuple[ArticleFacts, ...]
    day_frequency: dict[str, int]  # for each term of the story, how many of the day's articles use it
    day_size: int
    config: Config


@dataclass(frozen=True, slots=True)
class StoryDraft:
    """A story summarized, before the day's stories are ranked against each other."""

    items: tuple[BriefingItem, ...]
    corroboration: float  # the mean independent reports behind the story's leading facts
    key_terms: tuple[str, ...]
    title: str


@lru_cache(maxsize=_REMEMBERED)
def read_article(article: Article) -> ArticleFacts:
    """The facts of one article: its sentences' features and its candidate key terms.

    Remembered: the TUI summarizes the same articles again at each + or - and each change
    of algorithm, and reading them is most of the work (on the 100 real feeds' 2,920
    articles, 30 s of 45)."""
    features = sentence_features((article,))
    return ArticleFacts(tuple(features), frozenset(article_terms(features, 1)[0]))


def summarize_task(task: StoryTask) -> StoryDraft:
    """One story summarized on its own: features renumbered to the story's articles."""
    depth = leading_depth([len(facts.features) for facts in task.facts], STORY_SENTENCES)
    features = [renumbered(f, position) for position, facts in enumerate(task.facts) for f in facts.features[:depth]]
    terms = [set(facts.terms) for facts in task.facts]
    shown = key_terms(features, terms, Counter(task.day_frequency), task.day_size)
    # Where a spinner reworded some articles, the others' words speak: their headline too.
    own_words = clean_articles(task.articles)
    titled = [a for a, own in zip(task.articles, own_words or [True] * len(task.articles)) if own]
    title = story_title(titled, [t for t, a in zip(terms, task.articles) if a in titled], shown)
    items, corroboration = _story_items(
        task.articles, features, task.config, shown, headline_stems(task.articles, title), own_words
    )
    return StoryDraft(items, corroboration, shown, title)


def summarize(
    articles: tuple[Article, ...],
    config: Config,
    progress: Progress = _quiet,
    previous: Sequence[str] | None = None,
    mapper: Mapper | None = None,
) -> Briefing:
    """The briefing of a day's `articles`: its stories, most important first, each with its facts.

    `previous` holds the item texts of earlier briefings: items are then marked new, update
    or repeat, and novelty counts in the stories' rank. None leaves items unmarked. `mapper`
    runs the per-article and per-story stages (default: here, one after the other).
    """
    facts = (mapper or in_turn(progress, "reading sentences", 0.0, 0.2))(read_article, articles)
    progress("finding stories", 0.2)
    stories = find_stories(articles, [f.features for f in facts], config.stories)
    run = mapper or in_turn(progress, "summarizing stories", 0.3, 0.7)
    return _briefing(articles, facts, stories, config, run, previous)


def summarize_story(articles: tuple[Article, ...], config: Config) -> Briefing:
    """The briefing of articles known to report one story, as the evaluation's clusters do."""
    facts = [read_article(article) for article in articles]
    return _briefing(articles, facts, [tuple(range(len(articles)))], config, in_turn())


def _briefing(
    articles: tuple[Article, ...],
    facts: list[ArticleFacts],
    stories: list[tuple[int, ...]],
    config: Config,
    mapper: Mapper,
    previous: Sequence[str] | None = None,
) -> Briefing:
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
    stories = [story for story in stories if any(facts[a].features for a in story)]
    found = len(stories)
    if config.topic.query:
        stems = query_stems(config.topic.query)
        words = [set(f.terms) | title_stems(article.title) for f, article in zip(facts, articles)]
        words = [known | acronyms_used(stems, article, known) for known, article in zip(words, articles)]
        stories = [story for story in stories if is_about(stems, [words[a] for a in story])]
    day_frequency = Counter(chain.from_iterable(f.terms for f in facts))
    tasks = [
        StoryTask(
            tuple(articles[a] for a in story),
            tuple(facts[a] for a in story),
            {term: day_frequency[term] for term in frozenset().union(*(facts[a].terms for a in story))},
            len(articles),
            config,
        )
        for story in stories
    ]
    drafts = [(story, draft) for story, draft in zip(stories, mapper(summarize_task, tasks)) if draft.items]
    if previous is not None:
        drafts = [(story, _marked(draft, previous)) for story, draft in drafts]
    return _ranked(articles, drafts, settings, config, marked=previous is not None, found=found)


def _marked(draft: StoryDraft, previous: Sequence[str]) -> StoryDraft:
    marks = mark_items([item.text for item in draft.items], previous)
    return replace(draft, items=tuple(replace(item, mark=mark) for item, mark in zip(draft.items, marks)))


def _ranked(
    articles: tuple[Article, ...],
    drafts: list[tuple[tuple[int, ...], StoryDraft]],
    settings: Settings,
    config: Config,
    marked: bool,
    found: int,
) -> Briefing:
    """The stories in order of importance, at most [stories] max of them, assembled into a briefing."""
    dated = [day for day in (day_number(a.date) for a in articles) if not math.isnan(day)]
    newest = max(dated) if dated else None
    story_signals = [
        story_rank.signals([articles[a] for a in story], d.items, d.corroboration, newest, marked)
        for story, d in drafts
    ]
    importance = story_rank.scores(story_signals, config.rank)
    order = sorted(range(len(drafts)), key=lambda k: (-importance[k], drafts[k][0][0]))
    if config.stories.max:
        order = order[: config.stories.max]
    items: list[BriefingItem] = []
    stories: list[Story] = []
    for rank_number, k in enumerate(order, start=1):
        (members, draft), story_id = drafts[k], f"s{rank_number}"
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
                importance[k],
                draft.key_terms,
                mark,
            )
        )
    shown = [drafts[k][0] for k in order]
    return Briefing(
        tuple(items),
        _in_story_order(articles, shown),
        _day_terms(stories),
        settings,
        tuple(stories),
        found,
    )


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
) -> tuple[tuple[BriefingItem, ...], float]:
    """The facts of one story: each selected fact once, with every sentence that reports it,
    the event its `headline` (content stems) names first, in the words of the articles
    `by_article` marks as their own (`wording.clean_articles`; None: all); and how well its
    leading facts are corroborated, for its rank."""
    summary = config.summary
    if not features:
        return (), 0.0
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
    items = tuple(
        _item(g, features, articles, float(scores[g.representative]))
        for g in reading_order(chosen, features, articles, lead)
    )
    return items, _corroboration(candidates, scores, features, articles)


def _corroboration(
    groups: list[Group], scores: np.ndarray, features: list[SentenceFeatures], articles: tuple[Article, ...]
) -> float:
    """The mean independent reports behind the story's best-scored facts, as many as a
    default briefing shows: the story's rank then never depends on the length asked for
    (with the items instead, `-n 1` ranked a story tenth by default second)."""
    leading = sorted(groups, key=lambda g: -scores[g.representative])[:_LEADING_FACTS]
    if not leading:
        return 0.0
    return sum(
        story_rank.reports([articles[a] for a in {features[m].article for m in g.members}]) for g in leading
    ) / len(leading)


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
