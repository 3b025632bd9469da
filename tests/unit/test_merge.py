"""Grouping what says the same thing, support counts, provenance and order."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from builders import article
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import summarize
from briefing.config import Config
from briefing.models import Article
from briefing.summary.facts import SameFact
from briefing.summary.features import sentence_features
from briefing.summary.merge import group_sentences
from briefing.summary.select import news_concepts


def groups_of(*texts: str) -> list[set[int]]:
    """Which of the given one-sentence articles end up in the same group (by article index)."""
    articles = tuple(article(f"a{i}", text) for i, text in enumerate(texts))
    features = sentence_features(articles)
    groups = group_sentences(features, SameFact(features, Config().merge.threshold), np.zeros(len(features)))
    return sorted(({features[m].article for m in g.members} for g in groups), key=min)


def test_spun_paraphrases_are_grouped() -> None:
    assert groups_of(
        "Russia’s military buildup near Ukraine gathered momentum in the late fall, officials said.",
        "Russia’s navy buildup close to Ukraine gathered momentum in the late fall, officials explained.",
    ) == [{0, 1}]
    assert groups_of(
        "Secretary of State Antony Blinken spoke Wednesday with Ukrainian President Volodymyr Zelensky.",
        "Secretary of State Antony Blinken spoke on Wednesday with Ukrainian President Volodymyr Zelenskyy.",
    ) == [{0, 1}]


def test_different_facts_sharing_names_stay_apart() -> None:
    assert groups_of(
        "Antony Blinken spoke Wednesday with Volodymyr Zelensky about the coming talks in Geneva.",
        "Antony Blinken will fly to Berlin on Friday to meet German officials about energy prices.",
    ) == [{0}, {1}]


def test_same_people_on_the_same_day_doing_different_things_stay_apart() -> None:
    # All the names and the day agree, the rest does not: two events of one story.
    said = "Envoy Richard Holbrooke said Monday that the situation in Kosovo remains critical despite a lull"
    meets = "Envoy Richard Holbrooke is expected to meet Milosevic on Monday to discuss a political plan for Kosovo"
    articles = (
        article(
            "a",
            f"{said} in the fighting and the withdrawal of some tanks. NATO ministers weighed airstrikes"
            " against Serb forces in Kosovo on Monday. Holbrooke flew to Belgrade from Kosovo.",
        ),
        article(
            "b",
            f"{meets} and the return of refugees to their villages. Refugees in Kosovo face winter in the"
            " hills, aid workers said Monday. Richard Holbrooke has warned Belgrade before.",
        ),
    )
    features = sentence_features(articles)
    groups = group_sentences(features, SameFact(features, Config().merge.threshold), np.zeros(len(features)))
    assert [g.members for g in groups if len(g.members) > 1] == []


def test_two_people_a_place_and_a_day_in_spun_words_are_one_fact() -> None:
    plain = (
        "President Lee and Premier Wong will hold talks in Oslo on Friday over fishing rights, hoping to end"
        " a bitter dispute about the northern cod quotas that has idled hundreds of boats."
    )
    spun = (
        "Premier Wong strategy to chat with President Lee at Oslo Friday regarding the quarrel about catch"
        " limits, a senior formal explained, as anglers stay docked throughout the area."
    )
    articles = (
        article("a", f"{plain} Fishermen in Oslo protested against President Lee for weeks. Premier Wong flew in."),
        article(
            "b", f"{spun} The coast guard seized two trawlers near Oslo. President Lee has met Premier Wong twice."
        ),
    )
    features = sentence_features(articles)
    spun_first = next(i for i, f in enumerate(features) if f.article == 1 and f.index == 0)
    assert SameFact(features, Config().merge.threshold).same(0, spun_first)


def test_the_same_opening_clause_with_other_details_is_one_fact() -> None:
    # Three outlets' first sentences on one impeachment: who did what to whom agrees, the
    # details after the comma do not, and their cosines stay under the threshold.
    reports = (
        "Peru's Congress on Tuesday impeached interim president Jose Jeri, the country's seventh head of"
        " state in 10 years and only the latest toppled over graft claims.",
        "Peru’s Congress voted on Tuesday to remove interim President José Jerí, just four months after he"
        " took office, deepening uncertainty weeks before the April 12 general election.",
    )
    features = sentence_features(tuple(article(f"a{i}", text) for i, text in enumerate(reports)))
    facts = SameFact(features, Config().merge.threshold)
    assert facts.same(0, 1)
    # The same subject doing something else is another fact.
    other = (
        reports[0],
        "Peru's Congress on Tuesday elected lawmaker Rosa Perez as its new speaker, after a week of talks"
        " among the parties.",
    )
    features = sentence_features(tuple(article(f"a{i}", text) for i, text in enumerate(other)))
    assert not SameFact(features, Config().merge.threshold).same(0, 1)


def test_an_opening_clause_told_inside_a_longer_one_backs_the_item() -> None:
    # Five outlets' teasers on one vote, each its own words after who did what to whom; one tells
    # it in a sentence without a comma, so its opening clause is the whole sentence.
    reports = (
        "Peru's Congress on Tuesday impeached interim president Jose Jeri, the Latin American country's"
        " seventh head of state in 10 years and only the latest toppled over graft claims.",
        "Congress voted to impeach interim President Jose Jeri over secret meetings with Chinese"
        " businessmen just months before national elections in April.",
        "Peru’s Congress on Tuesday voted to remove interim President José Jerí from office as he faces"
        " corruption allegations, triggering a fresh wave of political instability just weeks before…",
        "Peru’s Congress voted to impeach President José Jerí, four months after he replaced Dina"
        " Boluarte, who had also been removed from the presidency.",
        "Peru’s Congress voted on Tuesday to remove interim President José Jerí, just four months after"
        " he took office, deepening political uncertainty only weeks before the April 12 general election.",
    )
    features = sentence_features(tuple(article(f"a{i}", text) for i, text in enumerate(reports)))
    assert SameFact(features, Config().merge.threshold).same(1, 3)
    # The section's one item lists three of the outlets (two without the rule).
    briefing = summarize(tuple(article(f"a{i}", text) for i, text in enumerate(reports)), Config())
    assert [item.support for item in briefing.items] == [3]
    # The same things named, but one clause denies what the other affirms of them, and says
    # more besides: a name of many words counts once, so four words of a city are one thing.
    other = (
        "Samaranch on Sunday ruled out taking the Games from Salt Lake City.",
        "The chief investigator refused to rule out the possibility of taking the games away from Salt Lake"
        " City though that is considered unlikely.",
    )
    features = sentence_features(tuple(article(f"a{i}", text) for i, text in enumerate(other)))
    assert not SameFact(features, Config().merge.threshold).same(0, 1)


def test_one_statement_quoted_in_two_framings_is_one_fact() -> None:
    # Two outlets quote the minister's words verbatim and frame them each in their own words.
    assert groups_of(
        "Foreign Minister Lena Varga said on Monday the talks in Vienna left both sides with “a shared"
        " framework for future cooperation” that could lead to a treaty.",
        "The minister, Lena Varga, said both delegations had agreed on a “shared framework for future cooperation.”",
    ) == [{0, 1}]


# One statement three ways: a quote framed at length, the same sentence without the quote,
# and the quote framed briefly. The first states the fact of each of the others; those two
# resemble each other too little to share a group.
VARGA = (
    "Foreign Minister Lena Varga said on Monday the talks in Vienna left both sides with “a shared"
    " framework for future cooperation” that could lead to a treaty.",
    "Foreign Minister Lena Varga said on Monday that the talks in Vienna left both sides with a framework"
    " that could lead to a treaty.",
    "The minister, Lena Varga, said both delegations had agreed on a “shared framework for future cooperation.”",
)


def test_no_item_states_a_fact_one_of_another_items_sentences_states() -> None:
    briefing = summarize(
        tuple(article(f"a{i}", f"{text} Diplomat number {i} left the room early.") for i, text in enumerate(VARGA)),
        Config(),
    )
    assert len([item for item in briefing.items if "Varga" in item.text]) == 1


def test_a_quoted_phrase_shared_by_different_statements_does_not_make_them_one() -> None:
    # A slogan quoted by two people about two things: the quote agrees, nothing else does.
    assert groups_of(
        "Senator Ruth Calder declared that “the politics of personal destruction” must end before the"
        " budget vote in March.",
        "A spokesman for the governor said voters were tired of “the politics of personal destruction” and"
        " wanted schools repaired.",
    ) == [{0}, {1}]


def test_only_quoted_runs_of_content_words_count_as_a_statement() -> None:
    def quoted(text: str) -> set[str]:
        return {" ".join(run) for run in sentence_features((article("a", text),))[0].quoted}

    assert quoted("Both sides agreed on “a set of guiding principles” for a deal.") == {"set of guiding principles"}
    # Common words quoted are no statement of anyone's.
    assert quoted("Mayor Ito said the city would be “able to do it all” once the new bridge opened.") == set()
    # A quotation closed in this sentence and another opened: what is quoted cannot be told.
    assert quoted('guiding principles," Foreign Minister Lena Varga told reporters in Vienna, "and more.') == set()


def test_support_counts_distinct_articles(trio: tuple[Article, ...]) -> None:
    briefing = summarize(trio, Config())
    closure = next(i for i in briefing.items if "closed on Monday" in i.text)
    assert closure.support == 3
    assert closure.article_ids == ("a_gazette", "b_courier", "c_herald")
    ferry = next(i for i in briefing.items if "ferry" in i.text and "extra" in i.text)
    assert ferry.support == 1


def test_no_two_items_report_the_same_fact(trio: tuple[Article, ...]) -> None:
    briefing = summarize(trio, Config())
    texts = [item.text for item in briefing.items]
    assert sum("cracks" in text for text in texts) == 1


def test_items_follow_where_articles_report_them(trio: tuple[Article, ...]) -> None:
    briefing = summarize(trio, Config())
    assert "closed on Monday" in briefing.items[0].text
    positions = []
    for item in briefing.items:
        first = min(s.sentence / len(next(a for a in trio if a.id == s.article).sentences) for s in item.sources)
        positions.append(first)
    assert positions == sorted(positions)


def test_budget_in_words_and_sentences(trio: tuple[Article, ...]) -> None:
    config = Config()
    two = summarize(trio, replace(config, summary=replace(config.summary, sentences=2)))
    assert len(two.items) == 2
    words = summarize(trio, replace(config, summary=replace(config.summary, sentences=0, words=30)))
    counts = [len(item.text.split()) for item in words.items]
    assert sum(counts[:-1]) < 30 <= sum(counts) or sum(counts) < 30


@pytest.mark.parametrize("size", [150, 300, 450, 550])
def test_a_cut_at_the_byte_budget_falls_on_the_item_that_crossed_it(trio: tuple[Article, ...], size: int) -> None:
    """The item that crosses the budget comes last, wherever reading order would put it."""
    config = Config()
    briefing = summarize(trio, replace(config, summary=replace(config.summary, sentences=0, bytes=size)))
    texts = [item.text for item in briefing.items]
    assert len("\n".join(texts[:-1])) <= size


sentence = st.text(
    alphabet=st.sampled_from(list("abcdefgh ijklmnop qrstu ABCDE 0123 .,!?“”\"'\n")), min_size=1, max_size=80
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(sentence, min_size=1, max_size=6).map(" ".join), min_size=1, max_size=4))
def test_provenance_spans_slice_to_the_sentence(texts: list[str]) -> None:
    articles = tuple(article(f"g{i}", text) for i, text in enumerate(texts))
    briefing = summarize(articles, Config())
    by_id = {a.id: a for a in articles}
    for item in briefing.items:
        assert item.text == item.sources[0].text
        for source in item.sources:
            assert by_id[source.article].text[source.start : source.end] == source.text


def test_spelled_out_numbers_match_digits() -> None:
    assert groups_of(
        "Russian and American diplomats will meet in Geneva on Jan. 10 for security talks.",
        "Diplomats of both nations gather in Geneva on Jan. ten for the security meeting.",
    ) == [{0, 1}]


def test_one_event_told_in_other_words_is_said_once() -> None:
    # Spun wording shares few words, but the same people, day and place: one event.
    first = article(
        "a",
        "President Lee and Premier Wong will hold talks in Oslo on Friday over fishing rights. "
        "Fishermen in the north have protested for weeks against the new quotas on cod.",
    )
    second = article(
        "b",
        "Premier Wong strategy to chat with President Lee at Oslo Friday regarding the quarrel about catch limits. "
        "The coast guard seized two trawlers last month for fishing inside the closed zone.",
    )
    texts = [item.text for item in summarize((first, second), Config()).items]
    assert sum("Oslo" in text for text in texts) == 1


def _representatives(texts: tuple[str, ...], priority: list[float]) -> list[str]:
    articles = tuple(article(f"a{i}", text) for i, text in enumerate(texts))
    features = sentence_features(articles)
    groups = group_sentences(features, SameFact(features, Config().merge.threshold), np.array(priority))
    return [texts[features[g.representative].article] for g in groups]


def test_the_member_most_like_the_rest_speaks_for_a_group() -> None:
    texts = (
        "Firefighters battled the warehouse fire on Dock Street through the night, officials said.",
        "Firefighters battled the warehouse fire on Dock Street through the windy night, officials said,"
        " as smoke drifted over the harbour.",
        "Firefighters battled the warehouse fire on Dock Street through the night, officials said,"
        " and two crews came from Riverton.",
    )
    assert _representatives(texts, [0.0, 0.5, 1.0]) == [texts[0]]


def test_of_an_equal_pair_the_higher_rated_speaks() -> None:
    texts = (
        "Traffic was diverted to the North Road, where drivers reported long delays on Monday.",
        "Drivers reported long delays on Monday on the North Road, where traffic was diverted.",
    )
    assert _representatives(texts, [0.2, 0.9]) == [texts[1]]
    assert _representatives(texts, [0.9, 0.2]) == [texts[0]]


def test_names_opening_a_sentence_or_joined_by_a_hyphen_are_anchors() -> None:
    # "Putin" opens one sentence and hides in "Kremlin-Putin" in the other; the story writes
    # it inside sentences too, so it is known as a name and anchors both.
    assert groups_of(
        "Putin requested the phone call with Marlow during the Kremlin briefing, aides said.",
        "The Marlow call was requested by the Kremlin-Putin side during a briefing, aides said.",
        "Officials said the call had been requested by Putin himself.",
    )[0] == {0, 1}


def test_a_capitalised_opening_word_is_not_a_name_unless_the_story_says_so() -> None:
    from briefing.summary.facts import story_anchors

    articles = (article("a", "Officials said the Harbour Bridge closed. Putin spoke. Later Putin left."),)
    anchors = story_anchors(sentence_features(articles))
    assert "officials" not in anchors[0] and "putin" in anchors[1]


def test_a_long_name_shared_by_two_different_facts_does_not_make_them_one() -> None:
    assert groups_of(
        "President Fernando Henrique Cardoso's efforts to repair the economy may depend on the state elections.",
        "There's no such thing as a free lunch any longer, President Fernando Henrique Cardoso is telling workers.",
    ) == [{0}, {1}]


def test_a_long_name_counts_once_among_the_shared_words() -> None:
    # Word by word, the forum's name made up most of what the first two share; the covenant's
    # name is the fact the last two share, and they still state one fact.
    assert groups_of(
        "Philippine President Joseph Estrada may skip the Asia Pacific Economic Cooperation forum over Anwar Ibrahim's arrest.",
        "Malaysia says Anwar Ibrahim's case has no connection with the Asia Pacific Economic Cooperation forum.",
        "China will sign the International Covenant on Civil and Political Rights at the United Nations on Monday.",
        "On Monday China signs the International Covenant on Civil and Political Rights at the United Nations.",
    ) == [{0}, {1}, {2, 3}]


def test_two_long_names_and_a_day_do_not_make_different_facts_one() -> None:
    # Six shared words, but three things named: a coalition deal and a plea for guarantees
    # made the same day to the same two men are two facts.
    assert groups_of(
        "The parties broke a deadlock on Friday and agreed to a coalition leaving Premier Tomas Varga Hollo"
        " in charge, King Albrecht Ondrej Marek announced.",
        "Fearing arrest, opposition leaders sought written guarantees on Friday from Premier Tomas Varga Hollo"
        " in a letter to King Albrecht Ondrej Marek.",
    ) == [{0}, {1}]


def test_the_same_names_saying_different_things_are_two_facts() -> None:
    # The four names make most of the two sentences' weight; what is said of them differs.
    names = "Britons Peter Kellan, Darren Hockley and Rudolf Pettersen, and New Zealand's Stanley Shore"
    assert groups_of(
        f"The victims _ {names} _ were identified by their former bodyguard.",
        f"The hostages _ {names} _ were engineers.",
    ) == [{0}, {1}]
    # Saying little besides the names, a list of members is one fact however it is framed.
    members = "Arland, Belmora, Corvino, Dastrow, Elmira and Fenwick"
    assert groups_of(
        f"Pacora groups {members}.",
        f"Besides the United States, Pacora, which accounts for half of global commerce, consists of {members}.",
    ) == [{0, 1}]


def test_a_name_written_with_and_without_accents_is_one_name() -> None:
    assert groups_of(
        "On Tuesday José Jerí of Perú lost a vote in the Congress in Lima, officials explained.",
        "Jose Jeri of Peru was ousted Tuesday by Congress in Lima after secret meetings, lawmakers said.",
    ) == [{0, 1}]


def test_selection_counts_a_long_name_once() -> None:
    (feature,) = sentence_features(
        (article("a", "Ukrainian President Volodymyr Zelenskyy met farmers in Lviv today."),)
    )
    named = {("ukrainian", "presid"), ("presid", "volodymyr"), ("volodymyr", "zelenskyy")}
    assert named <= feature.concepts  # stories are still told apart by every pair of the name
    assert len(named & news_concepts(feature)) == 1
    assert ("farmer", "in") in news_concepts(feature)
