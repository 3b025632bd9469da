"""Word overlap between sentences, as sumy's TextRank and Reduction weigh an edge.

Both rate a pair of sentences by the number of matching content-word pairs, divided by the
sum of the logarithms of their lengths (Mihalcea and Tarau). sumy compares every pair in
Python; here the matches are one sparse product, so only pairs that share a word cost
anything.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from briefing.summary.features import SentenceFeatures, count_matrix

_BLOCK_ROWS = 1000


def overlap(features: Sequence[SentenceFeatures], single_words: bool) -> sparse.csr_matrix:
    """Edge weights between every two sentences sharing a content stem, the diagonal included
    (a symmetric matrix).

    Two one-word sentences have a zero denominator: TextRank then takes the match count
    (`single_words=True`), Reduction takes 0.
    """
    counts = count_matrix([f.stems for f in features])
    weights = sparse.csr_matrix(counts @ counts.T)
    logs = np.log(np.maximum([len(f.stems) for f in features], 1))
    # A block of rows at a time, so the temporaries stay small beside the matrix itself.
    for first in range(0, len(features), _BLOCK_ROWS):
        rows = slice(first, first + _BLOCK_ROWS)
        span = slice(weights.indptr[first], weights.indptr[min(first + _BLOCK_ROWS, len(features))])
        norm = np.repeat(logs[rows], np.diff(weights.indptr[first : first + _BLOCK_ROWS + 1]))
        norm += logs[weights.indices[span]]
        single = norm == 0.0
        if not single_words:
            weights.data[span][single] = 0.0
        norm[single] = 1.0
        weights.data[span] /= norm
    return weights
