"""sumy keys its ratings by sentence text: sentences written alike share one rating.

sumy's `Sentence` hashes and compares by its text, and most of its summarizers keep ratings
in a dict keyed by sentence, so two articles carrying the same sentence word for word get one
entry. Which value that entry holds differs by algorithm; these helpers reproduce each rule,
so that a fast rating ranks duplicated sentences exactly as sumy does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from briefing.models import Article
from briefing.summary.features import SentenceFeatures


def sentence_texts(articles: tuple[Article, ...], features: Sequence[SentenceFeatures]) -> list[str]:
    """The text of every sentence, in the order of `features`."""
    return [articles[f.article].sentences[f.index].text for f in features]


def last_by_text(texts: Sequence[str], values: Iterable[float]) -> np.ndarray:
    """Each sentence gets the value of the last sentence with its text (a dict filled in order)."""
    kept = dict(zip(texts, values))
    return np.array([kept[t] for t in texts], dtype=float)


def summed_by_text(texts: Sequence[str], values: Iterable[float]) -> np.ndarray:
    """Each sentence gets the sum over the sentences with its text (a dict accumulated with +=)."""
    sums: dict[str, float] = {}
    for text, value in zip(texts, values):
        sums[text] = sums.get(text, 0.0) + value
    return np.array([sums[t] for t in texts], dtype=float)


def picked_ratings(order: Iterable[int], texts: Sequence[str]) -> np.ndarray:
    """Ratings of a greedy pick, as sumy's KL and SumBasic write them: minus the number of texts
    rated before. A later pick of the same text overwrites the earlier rating."""
    ratings: dict[str, int] = {}
    for index in order:
        ratings[texts[index]] = -len(ratings)
    return np.array([ratings[t] for t in texts], dtype=float)
