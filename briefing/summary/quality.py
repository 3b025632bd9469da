"""How good a sentence is as a briefing item: the scoring formula and the eligibility rules.

A sentence's quality is a weighted mean of signals (config.toml [score]): the chosen sumy
algorithm's rating, how many articles report its fact, how early it comes, how long it is,
whether it reports an event;
scaled by how well it reads alone. Any algorithm's rating of all sentences becomes one
signal among several.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from briefing.config import ScoreConfig, SummaryConfig
from briefing.models import Article
from briefing.summary.algorithms import ALGORITHMS
from briefing.summary.facts import SameFact
from briefing.summary.features import SentenceFeatures, renumbered
from briefing.summary.merge import Group


def algorithm_ratings(
    articles: tuple[Article, ...],
    features: Sequence[SentenceFeatures],
    algorithm: str,
    key_terms: tuple[str, ...] = (),
) -> np.ndarray:
    """The algorithm's rating of every sentence, in article then sentence order.

    Each algorithm of the registry (`briefing.summary.algorithms`) ranks as sumy's does.
    """
    return ALGORITHMS[algorithm].rate(articles, features, key_terms)


def own_words_ratings(
    articles: tuple[Article, ...],
    features: Sequence[SentenceFeatures],
    ratings: np.ndarray,
    own_words: Sequence[bool],
    algorithm: str,
    key_terms: tuple[str, ...] = (),
) -> np.ndarray:
    """Percentile ratings where the sentences of articles in their own words are rated among
    themselves (`wording`): rated with spun ones, a clean sentence is off-centre because most
    articles word its fact in the spinner's synonyms ("Putin requested the phone call" among
    four articles' "the decision", "the connect with"). The others keep the story's rating."""
    clean = [index for index, article in enumerate(articles) if own_words[index]]
    number = {article: position for position, article in enumerate(clean)}
    picked = [n for n, f in enumerate(features) if f.article in number]
    own = [renumbered(features[n], number[features[n].article]) for n in picked]
    combined = rank_normalize(ratings)
    combined[picked] = rank_normalize(algorithm_ratings(tuple(articles[i] for i in clean), own, algorithm, key_terms))
    return combined


def rank_normalize(values: np.ndarray) -> np.ndarray:
    """Ratings as percentiles in [0, 1]: algorithms differ in scale, not in order."""
    if values.size < 2:
        return np.ones_like(values)
    # Rounded first: sumy sums over sets, so the last bits of a rating depend on the hash seed.
    order = np.round(values, 9).argsort(kind="stable").argsort(kind="stable")
    return order / (values.size - 1)


def lead_weight(features: Sequence[SentenceFeatures]) -> np.ndarray:
    """How much a sentence is the news by where it stands: 1/n for the nth sentence of its article.

    A wire story tells its news in its first sentences whatever its length: the fifth
    sentence of a 40-sentence story is background as the fifth of a 10-sentence one is, though
    by share of the article it came early. On DUC 2004 (665 bytes) the rank counted from the
    top gave R-1 39.45 and R-2 10.33 against 39.35 and 9.92 for the share of the article."""
    return np.array([1.0 / (1 + f.index) for f in features])


def quality(
    features: Sequence[SentenceFeatures],
    ratings: np.ndarray,
    groups: Sequence[Group],
    weights: ScoreConfig,
    articles: int,
    facts: SameFact | None = None,
) -> np.ndarray:
    """A weighted mean of the per-sentence signals, scaled by how well the sentence reads alone.

    A sentence's support is the number of distinct articles in its group, and with `facts`
    also those with a sentence stating the same fact as the group's representative (a
    paraphrase that average linkage left out of the group still corroborates it).
    """
    support = np.ones(len(features))
    for group in groups:
        rep = group.representative
        same = [o for o in facts.candidates(rep) if facts.same(rep, o)] if facts is not None else []
        support[list(group.members)] = len({features[m].article for m in [*group.members, *same]})
    signals = (
        (weights.algorithm, rank_normalize(ratings)),
        (weights.support, (support - 1) / max(articles - 1, 1)),
        (weights.position, lead_weight(features)),
        (weights.length, np.array([min(1.0, f.words / 20) for f in features])),
        (weights.event, np.array([float(f.event) for f in features])),
    )
    total = sum(weight for weight, _ in signals) or 1.0
    combined = sum(weight * values for weight, values in signals) / total
    return combined * np.array([f.form for f in features])


def eligible(groups: Sequence[Group], features: Sequence[SentenceFeatures], summary: SummaryConfig) -> list[Group]:
    """The groups whose representative may become an item: of a readable length, and well
    enough formed to read alone. The others still count as support for their group."""
    return [
        group
        for group in groups
        if summary.min_words <= features[group.representative].words <= summary.max_words
        and features[group.representative].form >= 0.5
    ]
