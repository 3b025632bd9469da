"""sumy's random baseline, made repeatable: its shuffle with a fixed seed.

sumy shuffles the ratings 0..n-1 with Python's global random generator, so every run differs.
Here the same shuffle uses a generator of its own seeded with SEED: a day's briefing is the
same on every run, and with the global generator seeded alike sumy gives the same ratings.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import numpy as np

from briefing.models import Article
from briefing.summary.features import SentenceFeatures
from briefing.summary.ratings.by_text import last_by_text, sentence_texts

SEED = 0


def rate(articles: tuple[Article, ...], features: Sequence[SentenceFeatures], key_terms: tuple[str, ...]) -> np.ndarray:
    """A random permutation of 0..n-1, the same for the same number of sentences."""
    ratings = list(range(len(features)))
    random.Random(SEED).shuffle(ratings)
    return last_by_text(sentence_texts(articles, features), ratings)
