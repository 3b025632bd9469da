"""The pipeline from cleaned articles to a briefing: score, group, select, order.

`summarize` is the one function the CLI, the TUI and the evaluation all call.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from briefing.config import Config
from briefing.models import Article, Briefing, BriefingItem, Settings, SourceSentence
from briefing.summary.features import SentenceFeatures, sentence_features
from briefing.summary.merge import Group, group_sentences, term_matrix
from briefing.summary.order import order_groups
from briefing.summary.score import algorithm_ratings, rank_normalize
from briefing.summary.select import Budget, key_terms, select


def _quality(
    features: list[SentenceFeatures], ratings: np.ndarray, support: np.ndarray, config: Config, articles: int
) -> np.ndarray:
    """A weighted mean of the per-sentence signals, scaled by how well the sentence reads alone."""
    weights = config.score
    signals = (
        (weights.algorithm, rank_normalize(ratings)),
        (weights.support, (support - 1) / max(articles - 1, 1)),
        (weights.position, np.array([1.0 - f.position for f in features])),
        (weights.length, np.array([min(1.0, f.words / 20) for f in features])),
    )
    total = sum(weight for weight, _ in signals) or 1.0
    combined = sum(weight * values for weight, values in signals) / total
    return combined * np.array([f.form for f in features])


Progress = Callable[[str, float], None]


def _quiet(stage: str, fraction: float) -> None:
    """The default progress report: none."""


def summarize(articles: tuple[Article, ...], config: Config, progress: Progress = _quiet) -> Briefing:
    """The briefing of `articles`: each selected fact once, with every sentence that reports it."""
    summary = config.summary
    settings = Settings(summary.algorithm, summary.sentences, summary.words, summary.bytes, config.merge.threshold)
    progress("reading sentences", 0.0)
    features = sentence_features(articles)
    terms = key_terms(features)
    if not features:
        return Briefing((), articles, terms, settings)
    texts = [articles[f.article].sentences[f.index].text for f in features]
    progress("rating sentences", 0.5)
    ratings = algorithm_ratings(articles, features, summary.algorithm, terms)
    matrix = term_matrix(features)
    progress("grouping facts", 0.7)
    groups = group_sentences(features, matrix, config.merge.threshold, rank_normalize(ratings))
    support = np.ones(len(features))
    for group in groups:
        support[list(group.members)] = len({features[m].article for m in group.members})
    quality = _quality(features, ratings, support, config, len(articles))
    eligible = [
        g
        for g in groups
        if summary.min_words <= features[g.representative].words <= summary.max_words
        and features[g.representative].form >= 0.5
    ]
    budget = Budget(summary.sentences, summary.words, summary.bytes)
    progress("choosing facts", 0.9)
    chosen = select(eligible, features, texts, quality, matrix, budget, config.score.coverage, config.merge.threshold)
    items = tuple(
        _item(g, features, articles, float(quality[g.representative])) for g in order_groups(chosen, features, articles)
    )
    return Briefing(items, articles, terms, settings)


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
