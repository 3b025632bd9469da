"""What many outlets report is the news: in a story told by ten, a detail three of them share
does not outrank the fact four report."""

from __future__ import annotations

import numpy as np
from builders import article

from briefing.config import Config
from briefing.summary.facts import SameFact
from briefing.summary.features import sentence_features
from briefing.summary.merge import group_sentences
from briefing.summary.select import Budget, select

DAM = "The dam burst on Monday."
BAKERS = "Bakers sold warm bread cheaply to the crowds."
FILLER = (
    "Schools stayed open all week.",
    "A choir sang at the town hall.",
    "Tourists visited the castle museum.",
    "The football club signed a goalkeeper.",
    "Farmers planted barley in the hills.",
    "A new library opened downtown.",
)


def first_item(outlets: list[str]) -> str:
    """The one item `select` picks from the outlets' texts, all rated alike."""
    articles = tuple(article(f"outlet{number}", text) for number, text in enumerate(outlets))
    features = sentence_features(articles)
    texts = tuple(sentence.text for a in articles for sentence in a.sentences)
    facts = SameFact(features, Config().merge.threshold)
    groups = group_sentences(features, facts, np.zeros(len(features)))
    chosen = select(groups, features, texts, np.zeros(len(features)), facts, Budget(sentences=1), 1.0)
    return texts[chosen.within[0].representative]


def test_a_detail_three_of_ten_outlets_share_does_not_lead_the_fact_four_report() -> None:
    # The bakers' four word pairs are in three of the ten articles, the dam's burst in four.
    outlets = [
        f"{DAM} {BAKERS}",
        "Witnesses said the dam burst suddenly. Bakers sold warm bread cheaply there.",
        "Police said the dam burst at noon. Bakers sold warm bread cheaply again.",
        "Engineers feared the dam burst would flood farms.",
        *FILLER,
    ]
    assert first_item(outlets) == DAM


def test_what_four_of_ten_outlets_report_outranks_the_best_rated_sentence_they_do_not_share() -> None:
    # The dam's burst, word for word in four of ten outlets, against a sentence no other shares
    # rated as well as any can be (quality 1); at a tie the choir's sentence, first, would win.
    articles = tuple(
        article(f"outlet{number}", text) for number, text in enumerate([FILLER[1], DAM, DAM, DAM, DAM, *FILLER[2:]])
    )
    features = sentence_features(articles)
    texts = tuple(sentence.text for a in articles for sentence in a.sentences)
    facts = SameFact(features, Config().merge.threshold)
    groups = group_sentences(features, facts, np.zeros(len(features)))
    quality = np.array([1.0 if text == FILLER[1] else 0.0 for text in texts])
    chosen = select(groups, features, texts, quality, facts, Budget(sentences=1), Config().score.coverage)
    assert texts[chosen.within[0].representative] == DAM
