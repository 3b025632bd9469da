"""Edmundson's rating as sumy computes it with our settings: cue words plus location.

sumy's Edmundson adds a cue rating (bonus words in a sentence minus stigma words), a title
rating (words shared with headings: our articles have none, so 0) and a location rating
(one point for the first article, one for the last, one for an article's first sentence,
one for its last). Its cost was the stemmer, run on every word again; here the stems are the
ones the features already hold.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from briefing.models import Article
from briefing.summary.features import SentenceFeatures
from briefing.summary.ratings.by_text import last_by_text, sentence_texts
from briefing.text.segment import stem

# Cue words: the day's key terms are the bonus, and these, which mark page boilerplate
# rather than news, the stigma (the same for sumy's reference).
BONUS_WITHOUT_KEY_TERMS = ("news",)
STIGMA_WORDS = ("advertisement", "subscribe", "newsletter", "click", "cookie", "sign")


def rate(articles: tuple[Article, ...], features: Sequence[SentenceFeatures], key_terms: tuple[str, ...]) -> np.ndarray:
    """Cue plus location rating of every sentence."""
    bonus = {stem(word) for word in key_terms or BONUS_WITHOUT_KEY_TERMS}
    stigma = {stem(word) for word in STIGMA_WORDS}
    cue = [sum((t.stem in bonus) - (t.stem in stigma) for t in f.tokens) for f in features]
    # sumy keeps each method's ratings by sentence text: a repeated sentence takes the location
    # of its last copy, then the methods' ratings are added.
    location = last_by_text(sentence_texts(articles, features), _locations(features, len(articles)))
    return np.asarray(np.array(cue, dtype=float) + location)


def _locations(features: Sequence[SentenceFeatures], articles: int) -> list[float]:
    """One point each for the first article, the last article, an article's first and last sentence."""
    sizes = np.bincount([f.article for f in features], minlength=articles)
    ratings = []
    order = 0  # the sentence's place in its article (indices may skip)
    for number, f in enumerate(features):
        order = order + 1 if number and features[number - 1].article == f.article else 0
        rating = 1.0 if f.article in (0, articles - 1) else 0.0
        rating += 1.0 if order == 0 or order == sizes[f.article] - 1 else 0.0
        ratings.append(rating)
    return ratings
