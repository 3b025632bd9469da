"""Word overlap between sentences, as sumy's TextRank and Reduction weigh an edge.

Both rate a pair of sentences by the number of matching content-word pairs (the dot product
of their stem counts) over the sum of the logarithms of their lengths (Mihalcea and Tarau).
sumy compares every pair in Python. Here the n×n weights are never built, not even sparse (a
story where common words link every pair would hold n² of them): sentences of one length
share a denominator, so the weights times a vector are, for each length, two products with
the sentence-by-stem counts. Time and memory grow with the number of words, not of pairs.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from briefing.summary.features import SentenceFeatures
from briefing.summary.vectors import count_matrix


class Overlap:
    """The edge weights between every two sentences, the diagonal included, as an operator.

    Two one-word sentences have a zero denominator: TextRank then takes the match count
    (`single_words=True`), Reduction takes 0.
    """

    def __init__(self, features: Sequence[SentenceFeatures], single_words: bool) -> None:
        self.counts = count_matrix([f.stems for f in features])
        self.stems_by_sentence = self.counts.T.tocsr()
        lengths, self.length_of = np.unique([len(f.stems) for f in features], return_inverse=True)
        logs = np.log(np.maximum(lengths, 1))
        denominators = logs[self.length_of][:, None] + logs[None, :]  # sentence by length
        single = denominators == 0.0
        self.scale = np.divide(1.0, denominators, out=np.zeros_like(denominators), where=~single)
        if single_words:
            self.scale[single] = 1.0

    def __matmul__(self, vector: np.ndarray) -> np.ndarray:
        """The weights times `vector`: for each length, the matches with sentences of that
        length (counts · countsᵀ · the vector's part for them), over their denominator."""
        by_length = np.zeros(self.scale.shape)
        by_length[np.arange(len(vector)), self.length_of] = vector
        matches = self.counts @ (self.stems_by_sentence @ by_length)
        return np.asarray((matches * self.scale).sum(axis=1)).ravel()

    def diagonal(self) -> np.ndarray:
        """Each sentence's edge with itself."""
        own = np.asarray(self.counts.multiply(self.counts).sum(axis=1)).ravel()
        return np.asarray(own * self.scale[np.arange(len(own)), self.length_of])
