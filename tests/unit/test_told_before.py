"""An item whose time is counted from the sentence before it ("Since then, up to 100,000 Russian
troops have been piling up ...") is shown right after that sentence, or not at all: its reader
never saw the article around it."""

from __future__ import annotations

import numpy as np
from builders import article

from briefing.config import Config
from briefing.summary.facts import SameFact
from briefing.summary.features import sentence_features
from briefing.summary.merge import group_sentences
from briefing.summary.order import reading_order
from briefing.summary.select import Budget, select

FLOOD = (
    "Heavy rain flooded the river town of Riverton on Monday, forcing 300 people from their homes."
    " The last time floods hit Riverton was in 1998, when the water destroyed its old bridge."
    " Since then, Riverton has spent 40 million dollars on a levee along its river."
)
FARMS = (
    "Farmers near Riverton said the storm had ruined the wheat harvest in the valley."
    " The mayor promised that the schools would reopen within a week."
)
# The levee is rated highest, the last flood lowest.
QUALITY = np.array([0.3, 0.1, 1.0, 0.2, 0.5])
TEXTS = (*(s.text for s in article("a", FLOOD).sentences), *(s.text for s in article("b", FARMS).sentences))


def shown(items: int, leave_out: int | None = None) -> list[str]:
    """The items `select` picks for `items` items of the two articles, in reading order, with
    the sentence `leave_out` (its number) no candidate."""
    articles = (article("a", FLOOD), article("b", FARMS))
    features = sentence_features(articles)
    texts = tuple(sentence.text for a in articles for sentence in a.sentences)
    facts = SameFact(features, Config().merge.threshold)
    groups = [g for g in group_sentences(features, facts, np.zeros(5)) if g.representative != leave_out]
    chosen = select(groups, features, texts, QUALITY, facts, Budget(sentences=items), 0.0)
    return [texts[g.representative] for g in reading_order(chosen, features, articles)]


def test_an_item_counting_from_the_sentence_before_follows_it() -> None:
    # Chosen, the levee brings the last flood, and reads right after it, though by its place in
    # its article the mayor's promise (the middle of a shorter one) would come between.
    assert shown(3) == [TEXTS[1], TEXTS[2], TEXTS[4]]
    assert shown(2) == [TEXTS[1], TEXTS[2]]


def test_an_item_counting_from_a_sentence_that_cannot_be_shown_is_left_out() -> None:
    # No room for both, or the sentence before is no candidate: the levee is not shown.
    assert shown(1) == [TEXTS[4]]
    assert TEXTS[2] not in shown(4, leave_out=1)
