"""Reduction (sumy's port of adamfabish/Reduction): a sentence's total overlap with all others.

sumy compares every pair of sentences word by word in Python; here the sums are a few
products with the sentence-by-stem counts (`overlap.Overlap`). sumy keeps the totals in a dict keyed by sentence text, so a sentence carried by
several articles gets the sum of all its copies' totals, which is kept.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from briefing.models import Article
from briefing.summary.features import SentenceFeatures
from briefing.summary.ratings.by_text import sentence_texts, summed_by_text
from briefing.summary.ratings.overlap import Overlap


def rate(articles: tuple[Article, ...], features: Sequence[SentenceFeatures], key_terms: tuple[str, ...]) -> np.ndarray:
    """Every sentence's summed edge weight to every other sentence."""
    if not features:
        return np.zeros(0)
    weights = Overlap(features, single_words=False)
    totals = weights @ np.ones(len(features)) - weights.diagonal()
    return summed_by_text(sentence_texts(articles, features), totals)
