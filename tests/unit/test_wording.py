"""Articles a synonym spinner reworded: told apart, their facts kept, their words not shown."""

from __future__ import annotations

import numpy as np
from builders import article

from briefing import summarize
from briefing.config import Config
from briefing.summary.facts import SameFact
from briefing.summary.features import sentence_features
from briefing.summary.merge import group_sentences
from briefing.summary.pipeline import summarize_story
from briefing.summary.select import Budget, select
from briefing.summary.wording import clean_articles, is_spun

CLEAN = (
    "Officials said the talks would open on Monday. The minister told reporters that a deal was near."
    " A spokesman said the plan was final. The envoy says more talks will follow."
)
SPUN_SAID = (
    "Officers mentioned the talks would open on Monday. The minister informed reporters that a deal was near."
    " A spokesman explained the plan was final. The envoy stated more talks will follow."
)


def test_a_spinners_synonyms_for_said_mark_an_article() -> None:
    assert is_spun(SPUN_SAID)
    assert not is_spun(CLEAN)
    # Reporters vary "said" now and then: a synonym or two among the "said"s is news English.
    assert not is_spun(CLEAN + " The chief explained the rules. Aides mentioned a delay. He stated it.")


def test_digits_a_spinner_spelled_out_mark_an_article() -> None:
    assert is_spun("The talks open on Jan. ten in Geneva.")
    assert is_spun("Russia has massed close to one hundred,000 troops.")
    assert is_spun("Officials counted fifty three battalion groups.")
    assert not is_spun("The talks open on Jan. 10 in Geneva with 100,000 troops massed and fifty-three groups.")


def test_only_a_story_with_both_kinds_sets_articles_apart() -> None:
    clean, spun = article("a", CLEAN), article("b", SPUN_SAID)
    assert clean_articles((clean, spun)) == [True, False]
    assert clean_articles((clean, clean)) is None
    assert clean_articles((spun, spun)) is None


def test_a_clean_member_speaks_for_a_group_of_spun_ones() -> None:
    texts = (
        "Russia's navy buildup close to Ukraine gathered momentum in the late fall, officials explained.",
        "Russia's military buildup near Ukraine gathered momentum in the late fall, officials said.",
    )
    articles = tuple(article(f"a{i}", text) for i, text in enumerate(texts))
    features = sentence_features(articles)
    facts = SameFact(features, Config().merge.threshold)
    # The spun sentence is rated higher: it would speak, were it not spun.
    priority = np.array([1.0, 0.0])
    (group,) = group_sentences(features, facts, priority)
    assert group.representative == 0
    (group,) = group_sentences(features, facts, priority, [False, True])
    assert group.representative == 1


def test_a_spun_sentence_yields_to_a_clean_one_of_nearly_the_same_worth() -> None:
    texts = (
        "The navy buildup close to the border continued on Tuesday as talks neared, officers explained.",
        "Deputy Secretary Wendy Sherman will lead the delegation at the talks in Geneva next month.",
    )
    articles = tuple(article(f"a{i}", text) for i, text in enumerate(texts))
    features = sentence_features(articles)
    facts = SameFact(features, Config().merge.threshold)
    groups = group_sentences(features, facts, np.zeros(2))
    quality = np.array([0.5, 0.42])
    budget = Budget(sentences=1)
    first = select(groups, features, texts, quality, facts, budget, 0.0)
    assert [g.representative for g in first.within] == [0]
    own = select(groups, features, texts, quality, facts, budget, 0.0, np.array([False, True]))
    assert [g.representative for g in own.within] == [1]


def test_the_event_the_headline_names_leads_the_story() -> None:
    from briefing.summary.order import headline_lead, reading_order
    from briefing.summary.select import Selection
    from briefing.summary.terms import title_stems

    texts = (
        "A look back at the remarkable life of the civil rights leader, in pictures and in his words.",
        "The civil rights leader Jesse Jackson died on Tuesday at his home in Chicago, aged 84.",
        "Jackson twice ran for the Democratic nomination for president, in 1984 and in 1988.",
    )
    articles = tuple(article(f"a{i}", text) for i, text in enumerate(texts))
    features = sentence_features(articles)
    facts = SameFact(features, Config().merge.threshold)
    groups = group_sentences(features, facts, np.zeros(3))
    scores = np.array([0.9, 0.5, 0.6])
    headline = frozenset(title_stems("Jesse Jackson dies at 84"))
    lead = headline_lead(groups, features, headline, scores)
    assert lead is not None and lead.representative == 1
    order = [g.representative for g in reading_order(Selection(tuple(groups)), features, articles, lead)]
    assert order == [1, 0, 2]
    # Another headline, another lead.
    ran = headline_lead(groups, features, frozenset(title_stems("Jackson ran for the nomination twice")), scores)
    assert ran is not None and ran.representative == 2
    assert reading_order(Selection(tuple(groups)), features, articles, ran)[0] == ran
    # Without a headline, the first item that reads as news leads: not the gallery's promo,
    # which tells no event, day or number.
    assert [g.representative for g in reading_order(Selection(tuple(groups)), features, articles)] == [1, 0, 2]
    # A headline no sentence states leads nothing.
    assert headline_lead(groups, features, frozenset(title_stems("Markets rally in Tokyo")), scores) is None
    # Chosen first, whatever its gain.
    chosen = select(groups, features, texts, scores, facts, Budget(sentences=1), 1.0, None, lead)
    assert [g.representative for g in chosen.within] == [1]


def test_an_item_that_says_nothing_new_is_passed_over() -> None:
    texts = (
        "Turkey wants Italy to extradite the rebel leader Abdullah Ocalan, who was arrested in Rome last week.",
        "Turkey has asked for Ocalan's extradition.",
        "Thousands of Kurds protested in Rome on Sunday against the arrest of their leader.",
    )
    articles = tuple(article(f"a{i}", text) for i, text in enumerate(texts))
    features = sentence_features(articles)
    facts = SameFact(features, Config().merge.threshold)
    groups = group_sentences(features, facts, np.array([1.0, 0.5, 0.0]))
    assert len(groups) == 3  # not one fact: the first says more
    assert facts.restates(1, 0) and not facts.restates(0, 1) and not facts.restates(2, 0)
    # The short one comes second by its gain, after the one it restates.
    chosen = select(groups, features, texts, np.array([0.9, 0.6, 0.3]), facts, Budget(sentences=2), 0.0)
    assert sorted(g.representative for g in chosen.within) == [0, 2]


def test_a_denial_restates_nothing() -> None:
    texts = ("Italy will extradite the rebel leader to Turkey.", "Italy will not extradite the rebel leader to Turkey.")
    features = sentence_features(tuple(article(f"a{i}", text) for i, text in enumerate(texts)))
    facts = SameFact(features, Config().merge.threshold)
    assert not facts.restates(1, 0) and not facts.restates(0, 1)


def test_one_happening_told_in_other_words_is_one_item() -> None:
    texts = (
        "Civil rights leader Jesse Jackson died on Tuesday aged 84, his family said in a statement.",
        "Jesse Jackson passed away at his home in Chicago on Tuesday, surrounded by relatives.",
        "Jesse Jackson was arrested on Tuesday at a protest outside the state capitol in Springfield.",
        "A top banker in Chicago was killed last week in what police called a robbery gone wrong.",
    )
    features = sentence_features(tuple(article(f"a{i}", text) for i, text in enumerate(texts)))
    facts = SameFact(features, Config().merge.threshold)
    assert not facts.same(0, 1)  # too few words in common to be one fact by its words
    assert facts.same_happening(0, 1) and facts.same_happening(1, 0)
    assert not facts.same_happening(0, 2)  # an arrest is not a death
    assert not facts.same_happening(1, 3)  # one place in common, another day: another death
    groups = group_sentences(features, facts, np.array([1.0, 0.9, 0.0, 0.0]))
    chosen = select(groups, features, texts, np.array([0.9, 0.8, 0.5, 0.4]), facts, Budget(sentences=3), 0.0)
    assert sorted(g.representative for g in chosen.within) == [0, 2, 3]


def test_an_arrest_told_as_a_state_is_the_same_arrest() -> None:
    texts = (
        "The 82-year-old Pinochet was arrested Friday at a Spanish magistrate's request in London.",
        "Pinochet, 82, was placed under arrest in London Friday by British police acting on a warrant.",
    )
    features = sentence_features(tuple(article(f"a{i}", text) for i, text in enumerate(texts)))
    assert SameFact(features, Config().merge.threshold).same_happening(1, 0)


def test_an_impeachment_an_inquiry_or_drills_told_twice_is_one_happening() -> None:
    # Invented reports in the shape of three a real morning's feeds told twice in one section.
    texts = (
        "Vareland's Congress voted to impeach President Tomas Orvik, four months after he took office.",
        "Congress voted to impeach interim President Tomas Orvik over secret meetings with businessmen.",
        "Spain is set to investigate Pixly, Vandr and Quibo for spreading fake images of children.",
        "The government wants prosecutors to investigate Pixly, Vandr and Quibo, adding to a dispute with Washington.",
        "Iran held live drills in the Strait of Hormuz on the eve of the nuclear talks.",
        "Iran announced the closure of the Strait of Hormuz for live fire drills as negotiators met.",
        "Other countries have launched their own probes into Pixly over its chatbot.",
    )
    features = sentence_features(tuple(article(f"a{i}", text) for i, text in enumerate(texts)))
    facts = SameFact(features, Config().merge.threshold)
    assert facts.same_happening(1, 0) and facts.same_happening(3, 2) and facts.same_happening(5, 4)
    assert not facts.same_happening(6, 2)  # one name in common, no day: another inquiry
    assert not facts.same_happening(4, 0)


def test_a_spun_report_naming_the_same_person_and_date_supports_the_clean_one() -> None:
    # A spinner leaves the name and the date and rewords the rest: one person and one date are
    # two things named, too few between two articles in their own words, but every name word
    # is what is left of a spun sentence.
    clean = article(
        "a",
        "Deputy Minister of Fisheries Ana Lukas Berg will lead the delegation at the quota talks, which open on"
        " March 10, officials said. Trawler crews have protested for weeks. The coast guard seized two boats.",
    )
    spun = article(
        "b",
        "The quota conversations will just take area very first on Mar. ten and are probable to be led by Deputy"
        " Minister of Fisheries Ana Lukas Berg. Anglers have staged protests. Harbours stay shut all winter.",
    )
    assert clean_articles((clean, spun)) == [True, False]
    items = summarize((clean, spun), Config()).items
    berg = next(item for item in items if "Berg" in item.text)
    assert berg.article == "a" and {source.article for source in berg.sources} == {"a", "b"}


def test_charges_filed_told_twice_are_one_happening() -> None:
    texts = (
        "Prosecutors in Vareland have filed terrorism charges against a 21-year-old who was allegedly plotting"
        " to attack a Lena Moro concert in Ostby.",
        "Public prosecutors filed terrorism-related charges Monday against a 21-year-old defendant who they say"
        " planned to attack Lena Moro's tour.",
        "Lena Moro cancelled three shows in Ostby after the plot was foiled.",
    )
    features = sentence_features(tuple(article(f"a{i}", text) for i, text in enumerate(texts)))
    facts = SameFact(features, Config().merge.threshold)
    assert facts.same_happening(1, 0) and not facts.same_happening(2, 0)


STORM = (
    "A powerful storm struck the Red Coast on Sunday, killing 12 people, officials said. The governor declared a"
    " state of emergency in three counties. About 40,000 homes were left without power after the storm toppled"
    " lines. Schools will remain closed until Wednesday. Forecasters said a second storm could arrive by Thursday."
)
STORM_TOO = (
    "The storm struck the Red Coast on Sunday, killing 12 people and leaving 40,000 homes without power, officials"
    " said. The governor declared a state of emergency in three counties on Sunday evening. Rescue teams from four"
    " states arrived on Monday to search flooded neighbourhoods near the harbour. Forecasters warned that a second"
    " storm could reach the coast by Thursday, bringing more rain. Schools will remain closed until Wednesday, the"
    " education department said in a statement. Power companies said repairs could take a week in the worst-hit"
    " areas."
)


def test_a_fact_another_outlet_tells_whole_is_told_once_in_its_words() -> None:
    """The session 8 trial: two reports of a storm gave "Forecasters warned that a second storm
    could reach the coast by Thursday, bringing more rain. [1]" as item 5 and "Forecasters said a
    second storm could arrive by Thursday. [2]" as item 8. The short one, picked first, says
    nothing the long one does not: the long one takes its place, both articles behind it."""
    articles = (article("b", STORM), article("a", STORM_TOO))
    items = summarize_story(articles, Config()).items
    second = [item for item in items if "second storm" in item.text]
    assert [item.text for item in second] == [
        "Forecasters warned that a second storm could reach the coast by Thursday, bringing more rain."
    ]
    assert {source.article for source in second[0].sources} == {"a", "b"}


def test_a_sentence_of_the_same_article_is_never_told_within() -> None:
    """Within one article, close words are the next step or the next line of a list: two games'
    entries in one status feed are two facts."""
    texts = ('Mirror War was newly added and is "Broken".', 'War Robots was newly added and is "Running".')
    features = sentence_features(tuple(article(f"a{i}", text) for i, text in enumerate(texts)))
    facts = SameFact(features, Config().merge.threshold)
    assert not facts.told_within(0, 1) and not facts.told_within(1, 0)
    one = sentence_features((article("a", " ".join(STORM_TOO.split(". ")[3:4]) + ". " + STORM.split(". ")[-1]),))
    assert not SameFact(one, Config().merge.threshold).told_within(1, 0)
