"""Every algorithm's fast rating ranks the sentences exactly as sumy's own implementation does."""

from __future__ import annotations

import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from builders import article

from briefing import load_articles
from briefing.config import ALGORITHM_NAMES
from briefing.models import Article
from briefing.summary.algorithms import ALGORITHMS
from briefing.summary.features import SentenceFeatures, sentence_features
from briefing.summary.ratings.random_order import SEED
from briefing.summary.ratings.reference import build_document, rate_document
from briefing.summary.terms import article_terms, key_terms

REPO = Path(__file__).resolve().parents[2]

# Three reports of one (invented) vote, written to meet sumy's corner cases: a sentence in two
# articles word for word, one-word sentences, a sentence without words ("2024.") or without
# content words, capitalised and repeated stop words, a stop word ("help") that stems like a
# content word ("helped"), boilerplate stigma words, an article whose last sentence is short.
VOTE = {
    "a_post": (
        "Title: Stadium Vote\n\nThe council approved the new stadium on Monday. "
        "The stadium will cost 300 million dollars, the council said. Help arrived quickly. "
        "The Mayor said the vote helped the city. Stadium. Workers will start building in May."
    ),
    "b_times": (
        "Title: Council Backs Stadium\n\nThe council approved the new stadium on Monday. "
        "Critics said the cost was too high and the stadium would help few people. Stadium. 2024. "
        "Voters helped elect the council in March. The The the stadium stadium stadium."
    ),
    "c_wire": (
        "Title: Subscribe\n\nClick here to subscribe to our newsletter. "
        "The council approved the new stadium on Monday. "
        "In May, workers will start building the stadium near the river. It is what it is."
    ),
}
# Two unrelated articles: no word in common between them.
APART = {
    "cats": "Cats sleep all day long in the sun. Cats purr when they sleep.",
    "markets": "Markets fell sharply on Tuesday morning. Traders sold bank shares.",
}

# One-word sentences sharing their word, whose edges divide by log 1 + log 1 = 0.
SINGLES = "Cats. Cat. Cats! Dogs bark at cats and birds tonight. Birds sing."


def ranking(values: np.ndarray) -> np.ndarray:
    """Dense ranks, ties shared; rounded first, as sumy's sums and SVD leave noise in the last bits."""
    return np.unique(np.round(values, 9), return_inverse=True)[1]


def sumy_ratings(articles: tuple[Article, ...], algorithm: str, terms: tuple[str, ...]) -> np.ndarray:
    random.seed(SEED)  # sumy's random baseline shuffles with the global generator
    return rate_document(build_document(articles), algorithm, terms)


def day_terms(features: list[SentenceFeatures], articles: int) -> tuple[str, ...]:
    """The key terms, as the pipeline finds them for a story of these articles."""
    terms = article_terms(features, articles)
    return key_terms(features, terms, Counter(t for found in terms for t in found), articles)


def seeds() -> tuple[Article, ...]:
    articles, _ = load_articles([str(REPO / "seeds")])
    return articles


@pytest.mark.parametrize(
    "articles",
    [
        pytest.param(seeds, id="seeds", marks=pytest.mark.slow),
        pytest.param(lambda: tuple(article(k, v) for k, v in VOTE.items()), id="vote"),
        pytest.param(lambda: tuple(article(k, v) for k, v in APART.items()), id="apart"),
        pytest.param(lambda: (article("one", "Only one sentence here about the harbour."),), id="one"),
        pytest.param(lambda: (article("numbers", "2024. Stadium, stadium. 1999."),), id="wordless-first"),
        pytest.param(lambda: (article("singles", SINGLES),), id="one-word-pairs"),
    ],
)
@pytest.mark.parametrize("algorithm", ALGORITHM_NAMES)
def test_ranks_exactly_as_sumy(algorithm: str, articles: object) -> None:
    """Spearman against sumy is 1.0 for every algorithm on every input, ties included: the
    ratings are sumy's own numbers, up to the rounding of sums taken in another order."""
    day = articles()  # type: ignore[operator]
    features = sentence_features(day)
    terms = day_terms(features, len(day))
    ours = ALGORITHMS[algorithm].rate(day, features, terms)
    theirs = sumy_ratings(day, algorithm, terms)
    assert list(ranking(ours)) == list(ranking(theirs))
    assert np.allclose(ours, theirs, rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize("algorithm", ALGORITHM_NAMES)
def test_nothing_to_rate(algorithm: str) -> None:
    assert ALGORITHMS[algorithm].rate((), [], ()).size == 0


def test_lsa_without_content_words_rates_zero() -> None:
    """sumy's LSA gives up (no ratings at all) when no sentence has a content word; ours rates 0."""
    day = (article("a", "It is what it is. So be it."),)
    assert list(ALGORITHMS["lsa"].rate(day, sentence_features(day), ())) == [0.0, 0.0]


def test_random_is_the_same_on_every_run() -> None:
    day = tuple(article(k, v) for k, v in VOTE.items())
    features = sentence_features(day)
    first = ALGORITHMS["random"].rate(day, features, ())
    random.seed(SEED + 1)  # the global generator plays no part
    assert list(ALGORITHMS["random"].rate(day, features, ())) == list(first)
    assert len(set(first)) == len({s.text for a in day for s in a.sentences})


@pytest.mark.slow
def test_briefings_never_run_sumys_own_summarizers() -> None:
    """sumy's KL, LSA and TextRank freeze on a day's news: whatever the algorithm, the briefing
    uses the fast ratings, and sumy's summarizer modules are never even imported."""
    code = (
        "import sys\n"
        "from dataclasses import replace\n"
        "from briefing import Config, load_articles, summarize\n"
        "from briefing.config import ALGORITHM_NAMES\n"
        "articles, _ = load_articles([sys.argv[1]])\n"
        "for name in ALGORITHM_NAMES:\n"
        "    config = Config()\n"
        "    summarize(articles, replace(config, summary=replace(config.summary, algorithm=name)))\n"
        "print(sorted(m for m in sys.modules if m.startswith('sumy.summarizers')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(REPO / "seeds")], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert result.stdout.strip() == "[]"
