"""An item that names as known a thing or person its article introduced ("the camps",
"Jaffrelot said") is shown only after an item or the section's title names it: its reader
never saw the article's sentences before it."""

from __future__ import annotations

import numpy as np
from builders import article

from briefing.config import Config
from briefing.summary.facts import SameFact
from briefing.summary.features import sentence_features
from briefing.summary.merge import group_sentences
from briefing.summary.select import Budget, select

RAID = (
    "Troops found three camps in the hills above Riverton on Monday."
    " According to officials, the camps were used to train gunmen for attacks on the pipeline."
    " The minister promised that oil exports would resume within a month."
)


def test_the_opening_names_a_thing_the_article_introduced() -> None:
    features = sentence_features((article("a", RAID),))
    assert [sorted(f.refers) for f in features] == [[], ["camp"], []]
    # A description that says which one it is, or names one of a kind, points nowhere back.
    said = (
        "Troops found three camps in the hills. The camps, three tents in a valley, were empty."
        " The camps of the gang were empty. The largest camps held weapons. The camps that held weapons burned."
        " The camps _ three tents _ were empty."
    )
    assert [f.refers for f in sentence_features((article("b", said),))] == [frozenset()] * 6


def test_an_item_leaning_on_its_article_waits_for_an_item_that_names_its_thing() -> None:
    raid = article("a", RAID)
    features = sentence_features((raid,))
    texts = tuple(sentence.text for sentence in raid.sentences)
    facts = SameFact(features, Config().merge.threshold)
    groups = group_sentences(features, facts, np.zeros(3))
    # The camps' use is rated highest, their finding lowest.
    quality = np.array([0.1, 1.0, 0.5])
    one = select(groups, features, texts, quality, facts, Budget(sentences=1), 0.0)
    assert [g.representative for g in one.within] == [2]
    # Once the camps' finding is an item, their use follows it: the fact is not lost.
    three = select(groups, features, texts, quality, facts, Budget(sentences=3), 0.0)
    assert [g.representative for g in three.within] == [2, 0, 1]


VISIT = (
    "The political scientist Christophe Jaffrelot has followed the talks in Paris for years."
    " Macron and Modi met in Delhi on Tuesday to discuss a deal for 114 fighter jets."
    " There is a good personal rapport between the two leaders, Jaffrelot said on Tuesday."
)


def test_a_person_named_by_the_last_word_alone_waits_for_the_whole_name() -> None:
    visit = article("a", VISIT)
    features = sentence_features((visit,))
    texts = tuple(sentence.text for sentence in visit.sentences)
    assert [sorted(f.refers) for f in features] == [[], [], ["jaffrelot"]]
    facts = SameFact(features, Config().merge.threshold)
    groups = group_sentences(features, facts, np.zeros(3))
    # The rapport is rated highest, the scientist's introduction lowest.
    quality = np.array([0.1, 0.5, 1.0])
    two = select(groups, features, texts, quality, facts, Budget(sentences=2), 0.0)
    assert [g.representative for g in two.within] == [1, 0]
    three = select(groups, features, texts, quality, facts, Budget(sentences=3), 0.0)
    assert [g.representative for g in three.within] == [1, 0, 2]
    # A section titled with his name has named him.
    titled = select(groups, features, texts, quality, facts, Budget(sentences=1), 0.0, titled=frozenset(["jaffrelot"]))
    assert [g.representative for g in titled.within] == [2]
