"""An event verb does not lift a sentence above one the rating puts a fifth of the story's
sentences higher: on DUC 2004 the event's weight at 0.3 (which did) gave R-1 40.24, 0.15 gives
40.55, both halves of the clusters up."""

from __future__ import annotations

import numpy as np
from builders import article

from briefing.config import Config
from briefing.summary.features import sentence_features
from briefing.summary.merge import Group
from briefing.summary.quality import quality

SUMMARY = (
    "The regional water board wants a plan to share the river between the three valley towns for the next ten years."
)
EVENT = "Two climbers were arrested near the old quarry after a night search by volunteers from the three valley towns."
OTHERS = (
    "Farmers in the lower valley have long asked for a larger share of the spring floods for their orchards.",
    "The upper town draws most of its drinking water from wells dug beside the river in the last century.",
    "Engineers say the old canal that feeds the middle town loses a third of its water before it arrives there.",
    "Fishermen on the lake below the towns have seen the water fall every summer for more than twenty years.",
)


def test_an_event_verb_does_not_outrank_a_sentence_rated_a_fifth_of_the_story_higher() -> None:
    texts = [*OTHERS, EVENT, SUMMARY]
    articles = tuple(article(f"outlet{number}", text) for number, text in enumerate(texts))
    features = sentence_features(articles)
    assert [f.event for f in features] == [False, False, False, False, True, False]
    groups = [Group((n,), n, (1.0,), ("item",)) for n in range(len(features))]
    ratings = np.array([0.0, 1.0, 2.0, 3.0, 4.0, 5.0])  # the summary best, the event next
    scores = quality(features, ratings, groups, Config().score, len(articles))
    assert scores[5] > scores[4] > scores[3]
