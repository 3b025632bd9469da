"""An item that names as known a thing or person its article introduced ("the camps",
"Jaffrelot said", "The ICO cited ...", "Regulators said ...") is shown only after an item or
the section's title names it: its reader never saw the article's sentences before it."""

from __future__ import annotations

import numpy as np
from builders import article

from briefing.config import Config
from briefing.summary.facts import SameFact
from briefing.summary.features import sentence_features
from briefing.summary.merge import group_sentences
from briefing.summary.pipeline import summarize_story
from briefing.summary.select import Budget, select


def refers(text: str) -> list[list[str]]:
    """What each sentence of an article of `text` names as met before."""
    return [sorted(f.refers) for f in sentence_features((article("a", text),))]


def picked(
    text: str, quality: list[float], items: int, titled: frozenset[str] = frozenset(), lead: int | None = None
) -> list[int]:
    """The sentences of an article of `text`, rated `quality`, that `select` picks for `items`
    items, in the order it picks them (`lead`: the sentence of the headline's event)."""
    one = article("a", text)
    features = sentence_features((one,))
    texts = tuple(sentence.text for sentence in one.sentences)
    facts = SameFact(features, Config().merge.threshold)
    groups = group_sentences(features, facts, np.zeros(len(features)))
    first = next((g for g in groups if g.representative == lead), None)
    chosen = select(
        groups, features, texts, np.array(quality), facts, Budget(sentences=items), 0.0, lead=first, titled=titled
    )
    return [g.representative for g in chosen.within]


RAID = (
    "Troops found three camps in the hills above Riverton on Monday."
    " According to officials, the camps were used to train gunmen for attacks on the pipeline."
    " The minister promised that oil exports would resume within a month."
)


def test_the_opening_names_a_thing_the_article_introduced() -> None:
    assert refers(RAID) == [[], ["camp"], []]
    # A description that says which one it is, or names one of a kind, points nowhere back.
    said = (
        "Troops found three camps in the hills. The camps, three tents in a valley, were empty."
        " The camps of the gang were empty. The largest camps held weapons. The camps that held weapons burned."
        " The camps _ three tents _ were empty."
    )
    assert refers(said) == [[]] * 6


def test_an_item_leaning_on_its_article_waits_for_an_item_that_names_its_thing() -> None:
    # The camps' use is rated highest, their finding lowest.
    assert picked(RAID, [0.1, 1.0, 0.5], 1) == [2]
    # Once the camps' finding is an item, their use follows it: the fact is not lost.
    assert picked(RAID, [0.1, 1.0, 0.5], 3) == [2, 0, 1]


VISIT = (
    "The political scientist Christophe Jaffrelot has followed the talks in Paris for years."
    " Macron and Modi met in Delhi on Tuesday to discuss a deal for 114 fighter jets."
    " There is a good personal rapport between the two leaders, Jaffrelot said on Tuesday."
)


def test_a_person_named_by_the_last_word_alone_waits_for_the_whole_name() -> None:
    assert refers(VISIT) == [[], [], ["jaffrelot"]]
    # The rapport is rated highest, the scientist's introduction lowest.
    assert picked(VISIT, [0.1, 0.5, 1.0], 2) == [1, 0]
    assert picked(VISIT, [0.1, 0.5, 1.0], 3) == [1, 0, 2]
    # A section titled with his name has named him.
    assert picked(VISIT, [0.1, 0.5, 1.0], 1, titled=frozenset(["jaffrelot"])) == [2]


PROBE = (
    "The Information Commissioner's Office (ICO) opened an inquiry into the chatbot on Tuesday."
    " Ofcom fined the company 2 million pounds in March for failing to protect children."
    " The ICO cited reports of images of children made without consent."
)


def test_an_acronym_the_article_spelled_out_waits_for_an_item_that_spells_it_out() -> None:
    assert refers(PROBE) == [[], [], ["ico"]]
    # The reports the ICO cited are rated highest, what the ICO is lowest.
    assert picked(PROBE, [0.1, 0.5, 1.0], 2) == [1, 0]
    assert picked(PROBE, [0.1, 0.5, 1.0], 3) == [1, 0, 2]
    # An acronym no sentence before spelled out ("NATO", known to every reader) does not wait,
    # nor one the sentence spells out itself.
    assert (
        refers("NATO said the ICO had opened an inquiry. The Office (ICO) and NATO met again on Tuesday.") == [[]] * 2
    )


FINE = (
    "The European Commission fined X 120 million euros for breaking its Digital Services Act."
    " The regulators had opened their inquiry into the platform in 2023."
    " Regulators said the company's blue checkmarks deceive users."
)


def test_a_bare_plural_speaker_the_article_named_waits_for_an_item_that_names_them() -> None:
    assert refers(FINE) == [[], [], ["regul"]]
    assert picked(FINE, [0.5, 0.1, 1.0], 1) == [0]
    # Speakers met for the first time ("Witnesses said", nobody named them before) stand alone.
    assert refers("A fire destroyed a market in Lagos on Monday. Witnesses said the flames spread within minutes.") == [
        [],
        [],
    ]


def test_a_lead_that_waits_does_not_empty_its_section() -> None:
    # The headline's event, told in a sentence that names the camps as known, is the lead: the
    # section still gets its items, the lead once an item has named the camps.
    assert picked(RAID, [0.5, 1.0, 0.1], 3, lead=1) == [0, 1, 2]


def test_the_headline_event_told_with_an_acronym_follows_the_item_that_spells_it_out() -> None:
    fined = article(
        "a",
        "Chatbot maker fined 2 million pounds over children's data\n\n"
        "The Information Commissioner's Office (ICO) opened an inquiry into the chatbot maker Lumen in March."
        " Lumen had trained its chatbot on photographs posted by schools."
        " The ICO fined Lumen 2 million pounds on Tuesday for misusing children's data.",
    )
    items = [item.text for item in summarize_story((fined,), Config()).items]
    assert items[0].startswith("The Information Commissioner's Office (ICO)")
    assert any(item.startswith("The ICO fined Lumen") for item in items)
