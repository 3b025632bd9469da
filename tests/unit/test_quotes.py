"""A quotation broken where its sentence ends is no item; apostrophes and whole quotations are."""

from __future__ import annotations

import pytest
from builders import article

from briefing.config import Config
from briefing.summary.features import sentence_features
from briefing.summary.pipeline import summarize_story


def form_of(text: str) -> float:
    (features,) = sentence_features((article("a", text),))
    return features.form


@pytest.mark.parametrize(
    "text",
    [
        # Opened, and closed in the article's next sentence (a new user's finding on the real feeds).
        "A spokesperson for the company said in a statement to the paper: “Such material is abhorrent and "
        "categorically prohibited on our platform.",
        'Asked about the vote, Hunter added: "It is not about us blinking or about who gives in first.',
        "Rep. Mark Souder, R-Ind., said: `Most of my friends, who are activist conservatives, are split.",
        "‘The Mediterranean does not have to be a graveyard for the people who cross it.",
        "'I would like to ask for compassion for a person who is very ill, the senator wrote.",
        'Federal authorities said the operative was told to "report about the "security" situation of the cell.',
        # Closed, opened in the sentence before.
        'The children are suffering, even dying," said the Rev. Cecilio Escobar Gallindo, the parish priest.',
        "The players are not going to get paid in November in any circumstance,” the union's director said.",
        "The children are suffering, even dying,’ said the parish priest of the northern village.",
        "The outlines of any sanctions would be sent to Moscow, so that the Kremlin could not doubt them.”",
    ],
)
def test_a_quote_broken_where_its_sentence_ends_is_never_an_item(text: str) -> None:
    assert form_of(text) < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "The union said players don't expect to be paid in November in any circumstance.",
        "The team of the '90s has won exactly one World Series since the league was expanded.",
        "Reuters' report said the players’ union would meet the owners in New York on Monday.",
        "Tom Petty said the rock 'n' roll tour would get 'em dancing from the spring 'til the autumn.",
        "The U.K. ‘s media watchdog has launched an investigation into the platform's chatbot.",
        "Hunter said the owners' offer was “just a joke” and the union would not accept it.",
        'The council said the plan was "trust our engineers" and would reopen the bridge in May.',
        "The minister said the law was ‘unfair’ and that ‘nobody’s vote’ should be lost over it.",
        "Rep. Joe Barton, R-Texas, said he was voting `no' unless something changed by Tuesday.",
        "The guide recalled: “I said, ‘You don’t have to do this,’ ” and the climber turned back.",
        'Improving the capital-"Q" Quality of the landing page had a large impact on its growth rate.',
        'The scan above is from a tiny 4.25" print on 5x7" paper, printed at grade three in the studio.',
        'Apple said the "Pro" model and the “Air” would ship in March, the company said on Monday.',
    ],
)
def test_apostrophes_and_whole_quotations_read_alone(text: str) -> None:
    assert form_of(text) == 1.0


def test_the_briefing_shows_no_half_of_a_quotation() -> None:
    # The mayor's quotation runs over two sentences: neither half is an item.
    text = (
        "The mayor of Riverton said on Monday: “The bridge over the river will reopen in March after two "
        "years of repairs. We thank the people of Riverton for their patience.” The city council approved "
        "the budget for the repairs of the bridge last year after a long debate."
    )
    items = summarize_story((article("a", text),), Config()).items
    assert [item.text for item in items] == [
        "The city council approved the budget for the repairs of the bridge last year after a long debate."
    ]
