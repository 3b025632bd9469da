"""Every algorithm that rates sentences, in one place: its name, what it favours, what it costs.

`--algorithm`, the TUI's picker and the pipeline read this registry; config validation reads
the same names from `briefing.config.ALGORITHM_NAMES`, without importing the summarizer. It
imports nothing heavy: an algorithm's rating module (and sumy's, for the reference) is
imported only when that algorithm runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from briefing.models import Article
    from briefing.summary.features import SentenceFeatures


@dataclass(frozen=True, slots=True)
class Algorithm:
    """One way of rating sentences, with sumy's implementation of it as the reference."""

    name: str
    description: str  # what kind of sentence it favours, in words a reader choosing one understands
    module: str  # the module whose `rate(articles, features, key_terms)` rates every sentence
    sumy: str  # sumy's summarizer class, "module.Class" under sumy.summarizers
    # CPU seconds to rate 1,000 sentences of a story (with grouping them by fact and scoring),
    # once they are read: the minimum of 3 runs on 1,372 sentences of two DUC 2004 stories on
    # the 2-core development machine (benchmarks/speed.py). Reading them (their features, done
    # once a day whatever the algorithm) costs about 0.3 s per 1,000 more; a digest's time goes
    # mostly to reading the articles, the same for all.
    per_thousand: float

    @property
    def cost(self) -> str:
        """What a switch to it costs, per 1,000 sentences of the shown stories (a morning's ten
        stories hold 2,000 to 8,000)."""
        return f"about {self.per_thousand:.2f} s per 1,000 sentences of the stories shown"

    def seconds(self, sentences: int) -> float:
        """The estimated seconds to rate `sentences` sentences on the development machine."""
        return self.per_thousand * sentences / 1000

    def rate(
        self, articles: tuple[Article, ...], features: Sequence[SentenceFeatures], key_terms: tuple[str, ...]
    ) -> np.ndarray:
        """The rating of every sentence, in article then sentence order."""
        ratings: np.ndarray = import_module(self.module).rate(articles, features, key_terms)
        return ratings


def _ours(name: str) -> str:
    return f"briefing.summary.ratings.{name}"


ALGORITHMS: dict[str, Algorithm] = {
    a.name: a
    for a in (
        Algorithm(
            "lexrank",
            "sentences like many others, rare shared words counting most (LexRank centrality)",
            _ours("lexrank"),
            "lex_rank.LexRankSummarizer",
            0.02,
        ),
        Algorithm(
            "textrank",
            "sentences sharing the most words with the others (PageRank over word overlap)",
            _ours("textrank"),
            "text_rank.TextRankSummarizer",
            0.016,
        ),
        Algorithm(
            "lsa",
            "sentences with the most different content words (sumy's LSA keeps every dimension)",
            _ours("lsa"),
            "lsa.LsaSummarizer",
            0.017,
        ),
        Algorithm(
            "luhn",
            "sentences with a dense run of the day's repeated words (Luhn)",
            _ours("luhn"),
            "luhn.LuhnSummarizer",
            0.014,
        ),
        Algorithm(
            "kl",
            "sentences that keep the briefing's words closest to the day's mix, picked one by one (KL-Sum)",
            _ours("kl"),
            "kl.KLSummarizer",
            0.094,
        ),
        Algorithm(
            "sumbasic",
            "sentences of the day's most frequent words, a word counting less once used (SumBasic)",
            _ours("sumbasic"),
            "sum_basic.SumBasicSummarizer",
            0.053,
        ),
        Algorithm(
            "edmundson",
            "first and last sentences of the articles, and those naming the day's key terms (Edmundson)",
            _ours("edmundson"),
            "edmundson.EdmundsonSummarizer",
            0.012,
        ),
        Algorithm(
            "reduction",
            "sentences whose words overlap most with all the others (Reduction)",
            _ours("reduction"),
            "reduction.ReductionSummarizer",
            0.015,
        ),
        Algorithm(
            "random",
            "a fixed random order: the baseline any other algorithm should beat",
            _ours("random_order"),
            "random.RandomSummarizer",
            0.011,
        ),
    )
}
