"""TextRank (Mihalcea and Tarau) as sumy computes it, on a sparse graph.

sumy fills a dense n×n matrix one pair at a time in Python and multiplies dense matrices in
its power method: 288 s for a day of 500 articles. Here the graph is an operator that never
holds the pairs (`overlap.Overlap`), and the damping term, which links every sentence to
every other, is added as one number per step; the steps and the stopping rule are sumy's.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from briefing.models import Article
from briefing.summary.features import SentenceFeatures
from briefing.summary.ratings.overlap import Overlap

DAMPING = 0.85
EPSILON = 1e-4
_ZERO_DIVISION_PREVENTION = 1e-7  # sumy's, added to every row sum


def rate(articles: tuple[Article, ...], features: Sequence[SentenceFeatures], key_terms: tuple[str, ...]) -> np.ndarray:
    """The stationary rank of every sentence in the damped word-overlap graph."""
    count = len(features)
    if count == 0:
        return np.zeros(0)
    weights = Overlap(features, single_words=True)
    # Each sentence passes its rank on in proportion to its edges; the weights are symmetric,
    # so the transposed step of sumy's power method is weights @ (ranks / row sums).
    share = DAMPING / (weights @ np.ones(count) + _ZERO_DIVISION_PREVENTION)
    ranks = np.full(count, 1.0 / count)
    change = 1.0
    while change > EPSILON:
        step = weights @ (share * ranks) + (1.0 - DAMPING) / count * ranks.sum()
        change = float(np.linalg.norm(step - ranks))
        ranks = step
    return ranks
