"""Luhn's rating as sumy computes it: the densest cluster of significant words in a sentence.

A significant word is a content stem used more than once in the day. sumy looks each word up
in a tuple of all of them (thousands), so a day took 24 s; here the lookup is a set, and
each sentence is read once from the stems the features already hold.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from briefing.models import Article
from briefing.summary.features import SentenceFeatures

MAX_GAP = 4  # sumy's: four insignificant words in a row end a cluster


def rate(articles: tuple[Article, ...], features: Sequence[SentenceFeatures], key_terms: tuple[str, ...]) -> np.ndarray:
    """Every sentence's best cluster: significant words squared over the cluster's length."""
    uses = Counter(stem for f in features for stem in f.stems)
    significant = {stem for stem, count in uses.items() if count > 1}
    # Every word counts, stop words included, if its stem is significant, as in sumy.
    return np.array([_best_cluster([i for i, t in enumerate(f.tokens) if t.stem in significant]) for f in features])


def _best_cluster(positions: list[int]) -> float:
    """The best rating among the clusters of these significant-word positions (0 if none).

    A cluster runs from a significant word to the last one before a gap of MAX_GAP; a cluster
    of one significant word rates 0.
    """
    best = 0.0
    first = 0
    for end in range(1, len(positions) + 1):
        if end == len(positions) or positions[end] - positions[end - 1] > MAX_GAP:
            words = end - first
            if words > 1:
                best = max(best, words**2 / (positions[end - 1] - positions[first] + 1))
            first = end
    return best
