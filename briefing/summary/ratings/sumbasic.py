"""SumBasic (Nenkova and Vanderwende) as sumy computes it, with the same numbers in the same order.

SumBasic picks the sentence whose content words have the highest mean probability, squares
the probability of each word it used, and repeats until every sentence is picked; the rating
is the pick's turn. sumy recomputes every sentence's mean at every turn: quadratic, 76 s for a
day. A mean only falls as words are used, so a mean computed earlier bounds it from above:
keep the sentences in a heap by their last mean, mark the ones sharing a word with each pick
as stale, and recompute a mean only when a stale sentence reaches the top. The means are
summed as sumy sums them, so the picks, ties included (the earlier sentence wins), are sumy's.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

import numpy as np

from briefing.models import Article
from briefing.summary.features import SentenceFeatures
from briefing.summary.ratings.by_text import picked_ratings, sentence_texts
from briefing.summary.scipy_sparse import sparse


def rate(articles: tuple[Article, ...], features: Sequence[SentenceFeatures], key_terms: tuple[str, ...]) -> np.ndarray:
    """Minus the turn at which SumBasic picks each sentence (0 for the first pick)."""
    return picked_ratings(pick_order(features), sentence_texts(articles, features))


def pick_order(features: Sequence[SentenceFeatures]) -> list[int]:
    """The sentences in the order SumBasic picks them."""
    vocabulary: dict[str, int] = {}
    words = [[vocabulary.setdefault(s, len(vocabulary)) for s in f.stems] for f in features]
    uses = [0] * len(vocabulary)
    for sentence in words:
        for word in sentence:
            uses[word] += 1
    total = sum(uses)
    probability = [count / total for count in uses]
    # Which sentences use each word, to mark them stale when its probability changes.
    users = sparse.csc_matrix(
        (np.ones(total), ([i for i, s in enumerate(words) for _ in s], [w for s in words for w in s])),
        shape=(len(words), len(vocabulary)),
    )

    def mean(sentence: list[int]) -> float:
        return sum([probability[w] for w in sentence]) / len(sentence) if sentence else 0

    heap = [(-mean(sentence), index) for index, sentence in enumerate(words)]
    heapq.heapify(heap)
    stale = np.zeros(len(words), dtype=bool)
    order: list[int] = []
    while heap:
        _, index = heapq.heappop(heap)
        if stale[index]:
            stale[index] = False
            heapq.heappush(heap, (-mean(words[index]), index))
            continue
        order.append(index)
        for word in words[index]:
            probability[word] *= probability[word]
        for word in set(words[index]):
            stale[users.indices[users.indptr[word] : users.indptr[word + 1]]] = True
    return order
