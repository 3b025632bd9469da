"""The pipeline from cleaned articles to a briefing: stories, then in each story score,
group, select and order; then the stories ranked.

`summarize` is the one function the CLI and the TUI call; `summarize_story` summarizes
articles known to report one story (the evaluation's clusters). Pure: history comes in as
the previous briefings' item texts, and nothing is read or written here.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from briefing.config import Config
from briefing.history.novelty import mark_items
from briefing.models import Article, Briefing, BriefingItem, Settings, SourceSentence, Story
from briefing.summary import rank
from briefing.summary.facts import SameFact
from briefing.summary.features import SentenceFeatures, sentence_features
from briefing.summary.merge import Group, group_sentences
from briefing.summary.order import order_groups
from briefing.summary.score import algorithm_ratings, eligible, quality, rank_normalize
from briefing.summary.select import Budget, select
from briefing.summary.stories import day_number, find_stories
from briefing.summary.terms import article_terms, key_terms, story_title, title_stems
from briefing.summary.topic import is_about, query_stems

Progress = Callable[[str, float], None]


def _quiet(stage: str, fraction: float) -> None:
    """The default progress report: none."""


@dataclass(frozen=True, slots=True)
class _Draft:
    """A story summarized, before the day's stories are ranked against each other."""

    articles: tuple[int, ...]  # indexes into the day's articles
    items: tuple[BriefingItem, ...]
    key_terms: tuple[str, ...]
    title: str


def summarize(
    articles: tuple[Article, ...],
    config: Config,
    progress: Progress = _quiet,
    previous: Sequence[str] | None = None,
) -> Briefing:
    """The briefing of a day's `articles`: its stories, most important first, each with its facts.

    `previous` holds the item texts of earlier briefings: items are then marked new, update
    or repeat, and novelty counts in the stories' rank. None leaves items unmarked.
    """
    progress("reading sentences", 0.0)
    features = sentence_features(articles)
    progress("finding stories", 0.2)
    stories = find_stories(articles, features, config.stories) if features else []
    return _briefing(articles, features, stories, config, progress, previous)


def summarize_story(articles: tuple[Article, ...], config: Config) -> Briefing:
    """The briefing of articles known to report one story, as the evaluation's clusters do."""
    features = sentence_features(articles)
    return _briefing(articles, features, [tuple(range(len(articles)))] if features else [], config)


def _briefing(
    articles: tuple[Article, ...],
    features: list[SentenceFeatures],
    stories: list[tuple[int, ...]],
    config: Config,
    progress: Progress = _quiet,
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
    by_article: list[list[SentenceFeatures]] = [[] for _ in articles]
    for feature in features:
        by_article[feature.article].append(feature)
    terms = article_terms(features, len(articles))
    found = stories
    if config.topic.query:
        stems = query_stems(config.topic.query)
        with_titles = [words | title_stems(article.title) for words, article in zip(terms, articles)]
        stories = [story for story in stories if is_about(stems, [with_titles[a] for a in story])]
    day_frequency: Counter[str] = Counter()
    for article_terms_ in terms:
        day_frequency.update(article_terms_)
    drafts = []
    for number, story in enumerate(stories):
        progress("summarizing stories", 0.3 + 0.6 * number / len(stories))
        drafts.append(_draft(articles, by_article, terms, story, day_frequency, config))
    drafts = [draft for draft in drafts if draft.items]
    if previous is not None:
        drafts = [_marked(draft, previous) for draft in drafts]
    return _ranked(articles, drafts, settings, config, marked=previous is not None, found=len(found))


def _draft(
    articles: tuple[Article, ...],
    by_article: list[list[SentenceFeatures]],
    terms: list[set[str]],
    story: tuple[int, ...],
    day_frequency: Counter[str],
    config: Config,
) -> _Draft:
    """One story summarized on its own: features renumbered to the story's articles."""
    members = tuple(articles[a] for a in story)
    features = [replace(f, article=position) for position, a in enumerate(story) for f in by_article[a]]
    story_terms = [terms[a] for a in story]
    shown = key_terms(features, story_terms, day_frequency, len(articles))
    items = _story_items(members, features, config, shown)
    return _Draft(story, items, shown, story_title(members, story_terms, shown))


def _marked(draft: _Draft, previous: Sequence[str]) -> _Draft:
    marks = mark_items([item.text for item in draft.items], previous)
    return replace(draft, items=tuple(replace(item, mark=mark) for item, mark in zip(draft.items, marks)))


def _ranked(
    articles: tuple[Article, ...], drafts: list[_Draft], settings: Settings, config: Config, marked: bool, found: int
) -> Briefing:
    """The stories in order of importance, at most [stories] max of them, assembled into a briefing."""
    dated = [day for day in (day_number(a.date) for a in articles) if not math.isnan(day)]
    newest = max(dated) if dated else None
    story_signals = [rank.signals([articles[a] for a in d.articles], d.items, newest, marked) for d in drafts]
    importance = rank.scores(story_signals, config.rank)
    order = sorted(range(len(drafts)), key=lambda k: (-importance[k], drafts[k].articles[0]))
    if config.stories.max:
        order = order[: config.stories.max]
    items: list[BriefingItem] = []
    stories: list[Story] = []
    for rank_number, k in enumerate(order, start=1):
        draft, story_id = drafts[k], f"s{rank_number}"
        first = len(items)
        items.extend(replace(item, story=story_id) for item in draft.items)
        mark = None if not marked else "new" if all(item.mark == "new" for item in draft.items) else "ongoing"
        stories.append(
            Story(
                story_id,
                draft.title,
                tuple(articles[a].id for a in draft.articles),
                len({articles[a].source for a in draft.articles}),
                tuple(range(first, len(items))),
                importance[k],
                draft.key_terms,
                mark,
            )
        )
    return Briefing(
        tuple(items), _in_story_order(articles, drafts, order), _day_terms(stories), settings, tuple(stories), found
    )


def _in_story_order(articles: tuple[Article, ...], drafts: list[_Draft], order: list[int]) -> tuple[Article, ...]:
    """The articles of the shown stories first, story by story, then the others in input order.

    Sources are numbered in this order, so a section cites nearby numbers.
    """
    if len(drafts) < 2:
        return articles
    first = [a for k in order for a in drafts[k].articles]
    shown = set(first)
    return tuple(articles[a] for a in first) + tuple(a for i, a in enumerate(articles) if i not in shown)


def _day_terms(stories: list[Story], count: int = 5) -> tuple[str, ...]:
    """The day's key terms: the story's own for one story, else the first of each top story."""
    if len(stories) == 1:
        return stories[0].key_terms
    return tuple(dict.fromkeys(story.key_terms[0] for story in stories if story.key_terms))[:count]


def _story_items(
    articles: tuple[Article, ...], features: list[SentenceFeatures], config: Config, terms: tuple[str, ...]
) -> tuple[BriefingItem, ...]:
    """The facts of one story: each selected fact once, with every sentence that reports it."""
    summary = config.summary
    if not features:
        return ()
    texts = [articles[f.article].sentences[f.index].text for f in features]
    ratings = algorithm_ratings(articles, features, summary.algorithm, terms)
    facts = SameFact(features, config.merge.threshold)
    groups = group_sentences(features, facts, rank_normalize(ratings))
    scores = quality(features, ratings, groups, config.score, len(articles))
    budget = Budget(summary.sentences, summary.words, summary.bytes)
    chosen = select(eligible(groups, features, summary), features, texts, scores, facts, budget, config.score.coverage)
    return tuple(
        _item(g, features, articles, float(scores[g.representative])) for g in order_groups(chosen, features, articles)
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
    return BriefingItem(rep.text, rep.article, rep.sentence, (rep, *others), round(score, 4))
