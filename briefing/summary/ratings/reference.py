"""sumy's own algorithms, rating every sentence: the reference the fast ratings must match.

Every sumy summarizer rates all sentences and then calls `_get_best_sentences`; we capture
those ratings instead of its top-k pick. Tests and benchmarks compare against this, and
`briefing eval` runs plain sumy through it.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from importlib import import_module
from typing import Any

import numpy as np
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer

from briefing.models import Article
from briefing.summary.algorithms import ALGORITHMS
from briefing.summary.ratings.edmundson import BONUS_WITHOUT_KEY_TERMS, STIGMA_WORDS
from briefing.text.segment import LANGUAGE, stop_words, tokenizer


def _summarizer_class(name: str) -> type:
    """Import only the chosen algorithm: sumy's modules are slow to import all at once."""
    module, cls = ALGORITHMS[name].sumy.rsplit(".", 1)
    found: type = getattr(import_module(f"sumy.summarizers.{module}"), cls)
    return found


def build_document(articles: tuple[Article, ...]) -> ObjectDocumentModel:
    """A sumy document with one paragraph per article, sentences as segmented (spans kept aside)."""
    words = tokenizer()
    return ObjectDocumentModel(
        tuple(Paragraph(tuple(Sentence(s.text, words) for s in article.sentences)) for article in articles)
    )


def rate_document(document: ObjectDocumentModel, algorithm: str, key_terms: tuple[str, ...] = ()) -> np.ndarray:
    """The algorithm's rating of each of `document.sentences`, in document order."""
    summarizer: Any = _summarizer_class(algorithm)(Stemmer(LANGUAGE))
    summarizer.stop_words = stop_words()
    if algorithm == "edmundson":
        summarizer.null_words = stop_words()
        summarizer.bonus_words = key_terms or BONUS_WITHOUT_KEY_TERMS
        summarizer.stigma_words = STIGMA_WORDS
    captured: list[float] = []

    def capture(sentences: tuple[Sentence, ...], count: object, rating: Any, *args: Any, **kwargs: Any) -> tuple[()]:
        rate: Callable[[Sentence], float] = (
            rating.__getitem__ if isinstance(rating, dict) else lambda s: rating(s, *args, **kwargs)
        )
        captured.extend(float(rate(s)) for s in sentences)
        return ()

    summarizer._get_best_sentences = capture
    if document.sentences:
        # LexRank divides by zero on texts without shared words; such ratings become 0. LSA
        # warns when a text has fewer words than sentences, which changes nothing here.
        with np.errstate(invalid="ignore", divide="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            summarizer(document, 1)
    return np.asarray(np.nan_to_num(np.array(captured, dtype=float)))
