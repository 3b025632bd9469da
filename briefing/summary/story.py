"""One story summarized: its articles' sentences read, rated by the algorithm, selected
within the budget.

The three steps are apart so that a shell can keep what each gives: the TUI reads a story
once, rates it once per algorithm, and at each + or - only selects again. `summarize_task`
runs the three in one call, as a Dask task does. Pure: nothing is read or written here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import numpy as np

from briefing.config import Config
from briefing.models import Article, BriefingItem, SourceSentence
from briefing.summary.facts import SameFact
from briefing.summary.features import SentenceFeatures, renumbered, sentence_features
from briefing.summary.figures import disagreement
from briefing.summary.merge import Group, group_sentences
from briefing.summary.order import headline_lead, reading_order
from briefing.summary.overtaken import overtaken
from briefing.summary.quality import algorithm_ratings, eligible, own_words_ratings, quality, rank_normalize
from briefing.summary.select import Budget, select
from briefing.summary.terms import article_terms, headline_stems, key_terms, story_title, title_stems
from briefing.summary.views import StoryView
from briefing.summary.wording import clean_articles
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


@dataclass(frozen=True)
class ReadStory:
    """A story's sentences read: what does not depend on the algorithm or the budget."""

    articles: tuple[Article, ...]
    features: tuple[SentenceFeatures, ...]  # renumbered to the story's articles
    texts: tuple[str, ...]  # each feature's sentence
    key_terms: tuple[str, ...]
    title: str
    facts: SameFact
    headline: frozenset[str]  # the title's content stems: the event the first item states
    # Whether each article is in its outlet's own words (`wording.clean_articles`; None: all).
    own_words: list[bool] | None


@dataclass(frozen=True)
class RatedStory:
    """A story's sentences rated by one algorithm and grouped by fact: what the budget picks from."""

    story: ReadStory
    scores: np.ndarray
    candidates: tuple[Group, ...]
    own_words: np.ndarray | None  # for each sentence, whether its article is in its own words
    lead: Group | None  # the group that states the event the headline names


@lru_cache(maxsize=_REMEMBERED)
def read_article(article: Article) -> ArticleFacts:
    """The facts of one article: its sentences' features and its candidate key terms.

    Remembered: the TUI summarizes the same articles again at each + or - and each change
    of algorithm, and reading them is most of the work."""
    features = sentence_features((article,))
    return ArticleFacts(tuple(features), frozenset(article_terms(features, 1)[0]))


def read_story(task: StoryTask) -> ReadStory:
    """A story's articles read (`read_article`, remembered), their features renumbered to the
    story's articles, the story's key terms and title."""
    facts = [read_article(article) for article in task.articles]
    depth = leading_depth([len(fact.features) for fact in facts], STORY_SENTENCES)
    features = tuple(renumbered(f, position) for position, fact in enumerate(facts) for f in fact.features[:depth])
    terms = [set(fact.terms) for fact in facts]
    shown = key_terms(features, terms, _day_frequency(facts, terms, task), task.day_size)
    texts = tuple(task.articles[f.article].sentences[f.index].text for f in features)
    # Where a spinner reworded some articles, the others' words speak: their headline too.
    own_words = clean_articles(task.articles)
    titled = [a for a, own in zip(task.articles, own_words or [True] * len(task.articles)) if own]
    title = story_title(titled, [t for t, a in zip(terms, task.articles) if a in titled], shown)
    facts_table = SameFact(features, task.config.merge.threshold, own_words)
    headline = headline_stems(task.articles, title)
    return ReadStory(task.articles, features, texts, shown, title, facts_table, headline, own_words)


def rate_story(story: ReadStory, config: Config) -> RatedStory:
    """The story's sentences rated by `config`'s algorithm, grouped by fact and scored."""
    features = list(story.features)
    if not features:
        return RatedStory(story, np.zeros(0), (), None, None)
    algorithm, by_article = config.summary.algorithm, story.own_words
    ratings = algorithm_ratings(story.articles, features, algorithm, story.key_terms)
    own_words = None if by_article is None else np.array([by_article[f.article] for f in features])
    if by_article is not None:
        ratings = own_words_ratings(story.articles, features, ratings, by_article, algorithm, story.key_terms)
    groups = group_sentences(features, story.facts, rank_normalize(ratings), own_words)
    scores = quality(features, ratings, groups, config.score, len(story.articles), story.facts)
    # A preview later reports overtook ("will meet in Geneva Tuesday" beside Wednesday's reports
    # of the talks) is no item; it still supports its group.
    stale = overtaken(story.articles, features, story.texts)
    candidates = tuple(g for g in eligible(groups, features, config.summary) if g.representative not in stale)
    headlined = frozenset(number for number, article in enumerate(story.articles) if article.title == story.title)
    lead = headline_lead(candidates, features, story.headline, scores, own_words, headlined)
    return RatedStory(story, scores, candidates, own_words, lead)


def draft_story(rated: RatedStory, config: Config) -> StoryDraft:
    """The story's items within `config`'s budget: each selected fact once, with every
    sentence that reports it, the event its headline names first, in reading order."""
    story, summary = rated.story, config.summary
    features = list(story.features)
    budget = Budget(summary.sentences, summary.words, summary.bytes)
    chosen = select(
        rated.candidates,
        features,
        story.texts,
        rated.scores,
        story.facts,
        budget,
        config.score.coverage,
        rated.own_words,
        rated.lead,
        frozenset(title_stems(story.title)),
    )
    # A lead picked after the items it waited for (`select`) is read after them.
    lead = rated.lead if chosen.within[:1] == (rated.lead,) else None
    items = tuple(
        _item(g, features, story.articles, float(rated.scores[g.representative]))
        for g in reading_order(chosen, features, story.articles, lead)
    )
    return StoryDraft(items, story.key_terms, story.title)


def summarize_task(task: StoryTask) -> StoryDraft:
    """One story summarized on its own: read, rated and selected."""
    return draft_story(rate_story(read_story(task), task.config), task.config)


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


def _item(group: Group, features: list[SentenceFeatures], articles: tuple[Article, ...], score: float) -> BriefingItem:
    def source(member: int, similarity: float, joined: str) -> SourceSentence:
        article = articles[features[member].article]
        sentence = article.sentences[features[member].index]
        return SourceSentence(
            article.id, sentence.index, sentence.start, sentence.end, sentence.text, round(similarity, 3), joined
        )

    rep = source(group.representative, 1.0, "item")
    others = [
        source(m, s, joined)
        for m, s, joined in zip(group.members, group.similarity, group.joined)
        if m != group.representative
    ]
    ids = [article.id for article in articles]
    differ = disagreement(group.members, group.representative, features, ids)
    return BriefingItem(rep.text, rep.article, rep.sentence, (rep, *others), round(score, 4), disagreement=differ)
