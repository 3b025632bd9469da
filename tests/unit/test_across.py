"""A sentence shown in one section of a briefing is not shown again in a later one."""

from __future__ import annotations

from builders import article

from briefing.config import Config
from briefing.models import BriefingItem, SourceSentence
from briefing.summary.across import said_once
from briefing.summary.pipeline import DayPlan, assemble
from briefing.summary.story import StoryDraft

BOMBING = "Terrorists bombed the US embassy in Nairobi, killing 213, 12 of them Americans."
# The same fact in another outlet's words.
BLAST = (
    "The blast at the embassy building in downtown Nairobi killed 213 people, 12 of them Americans, and injured 5,400."
)
INDICTMENT = "Bin Laden and a top aide were indicted Wednesday by a U.S. District Court in New York."
PRISON = "Federal prison officials have cut off nearly all communications for two men held in Manhattan."
EAST_TIMOR = "Indonesia invaded East Timor in 1975 and annexed it the following year."
TALKS = "Portugal and Indonesia agreed on Monday to hold new talks on the future of East Timor in New York."


def item(text: str, *others: str) -> BriefingItem:
    sources = tuple(SourceSentence(f"a{n}", 0, 0, len(t), t, 1.0) for n, t in enumerate((text, *others)))
    return BriefingItem(text, "a0", 0, sources, 1.0)


def draft(title: str, *items: BriefingItem) -> StoryDraft:
    return StoryDraft(items, (), title)


def texts(drafts: list[StoryDraft]) -> list[list[str]]:
    return [[i.text for i in d.items] for d in drafts]


def test_a_later_section_does_not_show_an_earlier_section_s_sentence_again() -> None:
    # An outlet's report that two stories share: one sentence in both sections.
    embassies = draft("Embassy bombings", item(BOMBING), item(INDICTMENT))
    suspects = draft("Suspects in prison", item(PRISON), item(BOMBING), item(INDICTMENT, BLAST))
    assert texts(said_once([embassies, suspects])) == [[BOMBING, INDICTMENT], [PRISON]]
    # The first showing stays where it is, whichever section comes first.
    assert texts(said_once([suspects, embassies])) == [[PRISON, BOMBING, INDICTMENT], []]


def test_a_sentence_shown_as_an_item_s_source_counts_as_shown() -> None:
    # The earlier item is backed by the blast report; the later one is that report, or is backed by
    # the earlier item's sentence.
    embassies = draft("Embassy bombings", item(BOMBING, BLAST))
    kenya = draft("Kenya", item(BLAST), item(PRISON))
    trial = draft("Trial", item(INDICTMENT, BOMBING), item(EAST_TIMOR))
    assert texts(said_once([embassies, kenya, trial])) == [[BOMBING], [PRISON], [EAST_TIMOR]]


def test_other_words_for_a_fact_and_other_facts_are_all_shown() -> None:
    # Across the day's unrelated stories a paraphrase test joins sentences that share a few
    # words; only the sentence itself counts.
    sections = [draft("Embassies", item(BOMBING)), draft("Kenya", item(BLAST)), draft("Timor", item(EAST_TIMOR))]
    assert texts(said_once(sections)) == [[BOMBING], [BLAST], [EAST_TIMOR]]
    assert texts(said_once([draft("East Timor", item(EAST_TIMOR)), draft("Talks", item(TALKS))])) == [
        [EAST_TIMOR],
        [TALKS],
    ]


def test_a_section_whose_every_item_an_earlier_one_showed_is_not_shown() -> None:
    articles = tuple(article(f"a{n}", text) for n, text in enumerate((BOMBING, BLAST, EAST_TIMOR)))
    day = DayPlan(((0,), (1,), (2,)), (3.0, 2.0, 1.0), 3)
    drafts = [
        (0, draft("Embassy bombings", item(BOMBING, BLAST))),
        (1, draft("Kenya", item(BLAST))),
        (2, draft("Timor", item(EAST_TIMOR))),
    ]
    briefing = assemble(articles, day, drafts, Config(), None)
    assert [story.title for story in briefing.stories] == ["Embassy bombings", "Timor"]
    assert [i.text for i in briefing.items] == [BOMBING, EAST_TIMOR]
