"""sumy's LSA rating, exactly, without the singular value decomposition.

sumy builds a dense terms×sentences matrix in which every cell, zero counts included, is
smoothed to 0.4 + 0.6·count/most (most: the sentence's largest count), takes its full SVD,
and rates sentence j by sqrt(Σ σᵢ² vᵢⱼ²) over the top max(3, 100% of) dimensions, that is over
all of them. With every dimension kept that sum is the length of column j itself
(A = UΣVᵀ, U orthonormal), so the rating needs no SVD: a day of 500 articles, a 20,000×12,000
dense matrix that sumy did not finish in ten minutes, becomes one pass over the counts.
A truncated SVD would be faster than sumy's but would rank differently from it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from briefing.models import Article
from briefing.summary.features import SentenceFeatures
from briefing.summary.vectors import count_matrix

_SMOOTH = 0.4  # sumy's


def rate(articles: tuple[Article, ...], features: Sequence[SentenceFeatures], key_terms: tuple[str, ...]) -> np.ndarray:
    """The length of every sentence's smoothed term-frequency column."""
    # The terms are the stems of the day's content words, but sumy counts every word of a
    # sentence whose stem is a term, stop words included ("help" for "helped").
    terms = {t.stem for f in features for t in f.tokens if not t.stop}
    if not terms:
        return np.zeros(len(features))
    counts = count_matrix([[t.stem for t in f.tokens if t.stem in terms] for f in features])
    most = counts.max(axis=1).toarray().ravel()
    excess = counts.copy()
    # (0.4 + 0.6·count/most)² summed over all terms: 0.16 for each, plus the excess where count > 0.
    excess.data = (_SMOOTH + (1.0 - _SMOOTH) * excess.data / np.repeat(most, np.diff(excess.indptr))) ** 2 - _SMOOTH**2
    total = len(terms) * _SMOOTH**2 + np.asarray(excess.sum(axis=1)).ravel()
    # A sentence without a term keeps its zero column: sumy smooths only where a count exists.
    return np.where(most > 0, np.sqrt(total), 0.0)
