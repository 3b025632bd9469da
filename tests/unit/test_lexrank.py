"""The sparse LexRank ranks sentences as sumy's LexRank does."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from briefing import load_articles
from briefing.summary.features import sentence_features
from briefing.summary.ratings.lexrank import lexrank
from briefing.summary.ratings.reference import build_document, rate_document

REPO = Path(__file__).resolve().parents[2]


def spearman(a: np.ndarray, b: np.ndarray) -> float:
    ranks_a = a.argsort().argsort().astype(float)
    ranks_b = b.argsort().argsort().astype(float)
    return float(np.corrcoef(ranks_a, ranks_b)[0, 1])


def test_sparse_lexrank_ranks_like_sumy_on_the_seeds() -> None:
    articles, _ = load_articles([str(REPO / "seeds")])
    fast = lexrank(sentence_features(articles))
    slow = rate_document(build_document(articles), "lexrank")
    assert spearman(fast, slow) >= 0.95


def test_lexrank_of_nothing_and_of_unrelated_sentences() -> None:
    assert lexrank([]).size == 0
    from builders import article

    articles = (
        article("a", "Cats sleep all day long in the sun."),
        article("b", "Markets fell sharply on Tuesday morning."),
    )
    scores = lexrank(sentence_features(articles))
    assert np.allclose(scores, scores[0])
