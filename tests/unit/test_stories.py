"""A mixed day: stories found, summarized apart, ranked, labelled and filtered by topic."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace

import numpy as np
import pytest
from builders import CHESS, STRIKE, TRIO, article
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

from briefing import render, summarize
from briefing.config import Config
from briefing.models import Article
from briefing.summary import story as one_story
from briefing.summary import story_rank
from briefing.summary.features import sentence_features
from briefing.summary.novelty import without_repeats
from briefing.summary.pipeline import article_view
from briefing.summary.stories import average_linkage, day_number, find_stories
from briefing.summary.story import leading_depth
from briefing.summary.terms import article_terms, key_terms

MIXED = {**CHESS, **STRIKE, **TRIO}


def day(*ids: str) -> tuple[Article, ...]:
    return tuple(article(id, MIXED[id]) for id in ids or MIXED)


def with_stories(**stories: object) -> Config:
    config = Config()
    return replace(config, stories=replace(config.stories, **stories))


def test_three_stories_are_found_and_ranked_by_how_widely_they_are_reported() -> None:
    briefing = summarize(day(), Config())
    assert [set(story.articles) for story in briefing.stories] == [set(TRIO), set(STRIKE), set(CHESS)]
    assert briefing.story_count == 3
    titles = [story.title for story in briefing.stories]
    assert titles[0] in {"Harbour Bridge Shut After Cracks Found", "Cracks Close Harbour Bridge"}
    assert "Saint Anne" in titles[1] and titles[2] == "Teenager Wins City Chess Open"


def test_items_come_story_by_story_and_never_quote_another_story() -> None:
    briefing = summarize(day(), Config())
    assert [item.story for item in briefing.items] == sorted(item.story for item in briefing.items)
    for story in briefing.stories:
        for index in story.items:
            item = briefing.items[index]
            assert item.story == story.id
            assert set(item.article_ids) <= set(story.articles)


def test_a_long_story_from_one_outlet_does_not_outrank_a_widely_reported_one() -> None:
    long_text = (
        MIXED["f_sports"]
        + " "
        + " ".join(
            f"In round {n}, Patel played the Sicilian Defence against a rated opponent and won in {20 + n} moves."
            for n in range(1, 40)
        )
    )
    articles = (article("f_sports", long_text), *day("d_tribune", "e_post"))
    briefing = summarize(articles, Config())
    assert [len(story.articles) for story in briefing.stories] == [2, 1]


def test_one_outlet_posting_a_story_many_times_is_one_voice() -> None:
    # The bridge story from three outlets; the chess story posted five times by one outlet.
    reposts = tuple(
        article(f"f_sports_{n}", MIXED["f_sports"].replace("Date: ", f"Updated: {n}\nDate: ", 1)) for n in range(5)
    )
    assert {a.source for a in reposts} == {article("f_sports", MIXED["f_sports"]).source}
    briefing = summarize((*reposts, *day(*TRIO)), Config())
    assert [len(story.articles) for story in briefing.stories] == [3, 5]


def test_stories_cap_keeps_the_most_important() -> None:
    briefing = summarize(day(), with_stories(max=2))
    assert len(briefing.stories) == 2 and briefing.story_count == 3
    assert all(item.story in {"s1", "s2"} for item in briefing.items)
    assert "f_sports" not in {a for item in briefing.items for a in item.article_ids}


def test_a_story_is_labelled_by_a_headline_that_tells_not_one_that_asks() -> None:
    asks = {
        id: text.replace(text.split("\n", 1)[0], "Title: Why did the Harbour Bridge crack, and what comes next?")
        for id, text in TRIO.items()
    }
    asks["c_herald"] = TRIO["c_herald"]  # "Bridge Closure Snarls Traffic"
    (story,) = summarize(tuple(article(id, text) for id, text in asks.items()), Config()).stories
    assert story.title == "Bridge Closure Snarls Traffic"


def test_a_story_is_labelled_by_its_headline_even_when_the_text_never_uses_its_words() -> None:
    page = "Title: All Stars\nSource: A Blog\n\n" + " ".join(
        f"Song number {n} was ranked by how often it was played on the radio that year." for n in range(8)
    )
    briefing = summarize((article("blog", page), *day(*TRIO)), Config())
    assert "All Stars" in [story.title for story in briefing.stories]


def test_an_undated_story_earns_no_recency_against_the_clock() -> None:
    dated, undated = (
        article_view(article("a_gazette", MIXED["a_gazette"])),
        article_view(article("x", "Title: Page\n\nText.")),
    )
    today = day_number("2024-04-02")
    assert story_rank.signals([dated], today).recency == 1.0
    assert story_rank.signals([undated], today).recency == 0.0
    assert story_rank.signals([undated], None).recency == 1.0  # no clock: nothing is old


def test_topic_keeps_only_the_stories_about_it() -> None:
    config = Config()
    nurses = summarize(day(), replace(config, topic=replace(config.topic, query="the nurses' strike")))
    assert [set(story.articles) for story in nurses.stories] == [set(STRIKE)]
    bridge = summarize(day(), replace(config, topic=replace(config.topic, query="Harbour Bridge")))
    assert [set(story.articles) for story in bridge.stories] == [set(TRIO)]
    nothing = summarize(day(), replace(config, topic=replace(config.topic, query="Ukraine")))
    assert not nothing.stories and not nothing.items
    assert "no story is about “Ukraine”" in render(nothing, "text")


def test_a_topic_typed_without_accents_finds_names_written_with_them() -> None:
    accented = tuple(article(id, MIXED[id].replace("Maria Chen", "María Chén")) for id in STRIKE)
    config = Config()
    briefing = summarize((*accented, *day(*TRIO)), replace(config, topic=replace(config.topic, query="Maria Chen")))
    assert [set(story.articles) for story in briefing.stories] == [set(STRIKE)]


def test_an_acronym_topic_finds_the_story_that_writes_it_with_dots_or_without() -> None:
    """Lower-cased, "US" is the stop word "us" and "UN" no term: typed in capitals, each is
    looked for as written."""
    un = [article(id, MIXED[id].replace(". ", ", U.N. observers said. ", 1)) for id in STRIKE]
    un[0] = article(un[0].id, MIXED[un[0].id].replace(". ", ", UN observers said. ", 1))
    config = Config()
    for query in ("UN", "U.N.", "the UN"):
        briefing = summarize((*un, *day(*TRIO)), replace(config, topic=replace(config.topic, query=query)))
        assert [set(story.articles) for story in briefing.stories] == [set(STRIKE)], query
    shouted = summarize(day(), replace(config, topic=replace(config.topic, query="HARBOUR BRIDGE")))
    assert [set(story.articles) for story in shouted.stories] == [set(TRIO)]
    assert not summarize(day(), replace(config, topic=replace(config.topic, query="US"))).stories


def test_a_passing_mention_does_not_make_a_story_about_the_topic() -> None:
    # Only one of the three bridge reports mentions the mayor.
    config = Config()
    briefing = summarize(day(), replace(config, topic=replace(config.topic, query="mayor")))
    assert not briefing.stories


def test_one_story_prints_without_sections_and_several_with_them() -> None:
    single = render(summarize(day(*TRIO), Config()), "text")
    assert "==" not in single and "stories" not in single
    mixed = render(summarize(day(), Config()), "text")
    assert mixed.count("\n== ") == 3
    assert "Read 6 articles in 3 stories; shown 3 stories with" in mixed
    assert "2 articles, 2 sources" in mixed and "1 article, 1 source" in mixed
    markdown = render(summarize(day(), Config()), "markdown")
    assert markdown.count("\n## ") == 4  # three stories and the sources


def test_articles_that_name_no_outlet_are_not_counted_as_one() -> None:
    bare = tuple(article(id, MIXED[id].split("\n\n", 1)[1]) for id in MIXED)  # no header: no source
    assert {a.source for a in bare} == {"unknown source"}
    briefing = summarize(bare, Config())
    assert [story.sources for story in briefing.stories] == [0, 0, 0]
    text = render(briefing, "text")
    assert "source\n" not in text.split("\n\nSources\n")[0] and "\n2 articles\n" in text


def test_json_items_name_their_story_and_stories_index_their_items() -> None:
    # An earlier briefing about something else: each story is new against it.
    data = json.loads(render(summarize(day(), Config(), previous=["A dog show opened in the park."]), "json"))
    ids = [story["id"] for story in data["stories"]]
    assert len(ids) == len(set(ids)) == 3
    assert {item["story"] for item in data["items"]} == set(ids)
    for story in data["stories"]:
        assert set(story) == {"id", "title", "articles", "items", "score", "key_terms", "mark"}
        assert story["mark"] == "new"
        for index in story["items"]:
            item = data["items"][index]
            assert item["story"] == story["id"]
            assert {source["article"] for source in item["sources"]} <= set(story["articles"])
    assert [story["score"] for story in data["stories"]] == sorted((s["score"] for s in data["stories"]), reverse=True)
    assert data["story_count"] == 3 and data["settings"]["stories"] == 10 and data["settings"]["topic"] == ""


def test_a_story_seen_before_is_not_new_and_repeats_can_be_left_out() -> None:
    first = summarize(day(), Config(), previous=[])
    bridge = next(story for story in first.stories if "a_gazette" in story.articles)
    earlier = [first.items[i].text for i in bridge.items]
    again = summarize(day(), Config(), previous=earlier)
    marks = {story.title: story.mark for story in again.stories}
    assert marks[bridge.title] == "ongoing" and list(marks.values()).count("new") == 2
    fresh = without_repeats(again)
    assert len(fresh.stories) == 2 and all(item.mark != "repeat" for item in fresh.items)
    assert [i for story in fresh.stories for i in story.items] == list(range(len(fresh.items)))


def test_one_repeat_left_out_is_counted_in_the_singular() -> None:
    first = summarize(day(), Config(), previous=[])
    bridge = next(story for story in first.stories if "a_gazette" in story.articles)
    fresh = without_repeats(summarize(day(), Config(), previous=[first.items[bridge.items[0]].text]))
    assert fresh.repeats_left_out == 1
    assert ", 1 repeat left out (" in render(fresh, "text")


def test_a_new_storys_items_are_not_each_marked_new_but_an_ongoing_storys_new_items_are() -> None:
    """After one briefing on something else, every item of a day's 10 new stories read
    "(new)": the story's line says "new story" once. The JSON keeps each item's mark."""
    first = summarize(day(), Config(), previous=[])
    bridge = next(story for story in first.stories if "a_gazette" in story.articles)
    again = summarize(day(), Config(), previous=[first.items[bridge.items[0]].text])
    ongoing = next(story for story in again.stories if story.mark == "ongoing")
    assert any(again.items[i].mark == "new" for i in ongoing.items)
    new = [story for story in again.stories if story.mark == "new"]
    assert len(new) == 2 and all(again.items[i].mark == "new" for story in new for i in story.items)
    text, markdown = render(again, "text"), render(again, "markdown")
    new_items = sum(item.mark == "new" for item in again.items) - sum(len(story.items) for story in new)
    assert text.count("(new) ") == markdown.count("**new** ") == new_items > 0
    assert text.count("; new story") == markdown.count("; new story") == 2
    assert [item["mark"] for item in json.loads(render(again, "json"))["items"]] == [i.mark for i in again.items]


def test_articles_far_apart_in_time_are_less_likely_one_story() -> None:
    march = article("a_gazette", MIXED["a_gazette"].replace("2024-04-02", "2024-03-01"))
    views = [article_view(a) for a in (march, *day("b_courier", "c_herald"))]
    assert len(find_stories(views, Config().stories)) == 2
    assert len(find_stories(views, with_stories(days_apart=0.0).stories)) == 1


def test_average_linkage_does_not_chain_what_single_linkage_would() -> None:
    # Two tight pairs and one weak link between them: single linkage would chain all four.
    links = {(0, 1): 0.9, (2, 3): 0.9, (1, 2): 0.5}
    rows, cols = zip(*[(i, j) for i, j in links] + [(j, i) for i, j in links])
    similar = sparse.csr_matrix((list(links.values()) * 2, (rows, cols)), shape=(4, 4))
    assert sorted(map(sorted, average_linkage(similar, 0.3))) == [[0, 1], [2, 3]]
    assert sorted(map(sorted, average_linkage(similar, 0.1, linked=0.0))) == [[0, 1, 2, 3]]
    # The one weak link is a quarter of the cross pairs: not enough evidence to join.
    assert sorted(map(sorted, average_linkage(similar, 0.1))) == [[0, 1], [2, 3]]


def terms_of(text: str, replaced: tuple[str, str], count: int = 5) -> tuple[str, ...]:
    """The key terms of a two-article story: `text`, and `text` with one word replaced."""
    articles = (article("a", text), article("b", text.replace(*replaced)))
    features = sentence_features(articles)
    terms = article_terms(features, 2)
    return key_terms(features, terms, Counter(term for found in terms for term in found), 2, count=count)


def test_key_terms_are_names_and_words_a_reader_knows() -> None:
    text = (
        "Title: Storm\n\nHurricane Mitch hit Honduras on Friday, and it didn't weaken. Officials in Honduras "
        "said Hurricane Mitch wasn't slowing. The storm can't be stopped, and it won't be the last, officials "
        "said on Monday. Rescue teams reached the Honduras coast after Hurricane Mitch moved north, but they "
        "couldn't land and didn't stay."
    )
    shown = terms_of(text, ("Friday", "Saturday"))
    assert set(shown[:2]) == {"Hurricane Mitch", "Honduras"}
    assert not {"n't", "Monday", "Friday"} & set(shown)


def test_key_terms_name_a_place_or_its_people_not_both() -> None:
    text = (
        "Title: Talks\n\nRussian troops massed near Ukraine as Russia and Ukraine traded warnings. "
        "The Russian defence ministry said Russia would answer any Ukrainian move. "
        "Diplomats in Geneva said Russia and Ukraine would meet, and the European Union backed the euro plan."
    )
    shown = terms_of(text, ("Geneva", "Vienna"), count=6)
    assert len({"Russia", "Russian"} & set(shown)) == 1
    assert len({"Ukraine", "Ukrainian"} & set(shown)) == 1


def test_a_name_keeps_its_particles_and_joiners() -> None:
    text = (
        "Title: Embassies\n\nInvestigators said Osama bin Laden financed the embassy bombings in Kenya. "
        "Families of the victims of Pan Am flight 103 met investigators in Kenya on Monday. "
        "Shares fell as the Standard & Poor's index lost ground after the Kenya bombing."
    )
    shown = terms_of(text, ("Monday", "Tuesday"), count=8)
    assert {"Osama bin Laden", "Pan Am", "Standard & Poor"} <= set(shown)
    assert not {"Laden", "Osama", "Pan", "Standard"} & set(shown)


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.sampled_from(sorted(MIXED)), min_size=1, max_size=6, unique=True),
    st.floats(min_value=0.001, max_value=1.0),
)
def test_no_item_is_backed_by_another_story(ids: list[str], threshold: float) -> None:
    briefing = summarize(day(*ids), with_stories(threshold=threshold, max=0))
    story_of = {a: story.id for story in briefing.stories for a in story.articles}
    assert sum(len(story.articles) for story in briefing.stories) == len(story_of)
    for item in briefing.items:
        assert {story_of[a] for a in item.article_ids} == {item.story}
    assert np.all(np.diff([s.score for s in briefing.stories]) <= 0)


def test_a_story_too_long_to_read_whole_reads_the_lead_of_each_article(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(one_story, "STORY_SENTENCES", 5)
    config = Config()
    briefing = summarize(day(*TRIO), replace(config, summary=replace(config.summary, sentences=0)))
    assert briefing.items
    assert {source.sentence for item in briefing.items for source in item.sources} == {0}


@given(
    st.lists(st.integers(min_value=1, max_value=60), min_size=1, max_size=12), st.integers(min_value=1, max_value=400)
)
def test_the_lead_read_of_each_article_is_as_deep_as_the_budget_allows(lengths: list[int], budget: int) -> None:
    depth = leading_depth(lengths, budget)
    read = sum(min(length, depth) for length in lengths)
    if sum(lengths) <= budget:
        assert depth == max(lengths)
    elif budget >= len(lengths):
        assert read <= budget < sum(min(length, depth + 1) for length in lengths)
    else:
        assert depth == 1


def _report(title: str, source: str, *sentences: str) -> str:
    return f"Title: {title}\nSource: {source}\nDate: 2024-05-06\n\n" + " ".join(sentences)


def test_a_shorter_briefing_keeps_the_stories_in_the_same_order() -> None:
    # The zoo story has two reports, the port story three: the port story leads, however
    # short the briefing (stories are ranked before any is summarized).
    zoo = "The city zoo welcomed a baby giraffe on Sunday after a pregnancy of fifteen months."
    port = "Dock workers at the northern port voted on Monday to strike for higher wages next week."
    cargo = "The port handles about a third of the country's grain exports and most of its coal."
    days = (
        article(
            "a_zoo",
            _report("Giraffe Born", "Zoo News", zoo, "Keepers named the calf Pebble after a vote by schoolchildren."),
        ),
        article(
            "b_zoo",
            _report(
                "Baby Giraffe", "City Daily", zoo, "Visitors can see the calf from the new viewing deck on weekends."
            ),
        ),
        article("c_port", _report("Port Strike Vote", "Harbour Times", port, cargo)),
        article("d_port", _report("Dockers To Strike", "Trade Weekly", port, cargo)),
        article("e_port", _report("Port Walkout Next Week", "Coast Post", port, cargo)),
    )
    config = Config()
    order = [story.articles for story in summarize(days, config).stories]
    assert order[0] == ("c_port", "d_port", "e_port")
    for length in (1, 2):
        shorter = summarize(days, replace(config, summary=replace(config.summary, sentences=length)))
        assert [story.articles for story in shorter.stories] == order


def test_summarizing_the_same_day_again_reads_no_article_again(monkeypatch: pytest.MonkeyPatch) -> None:
    # The TUI's + and - summarize the day again: reading the articles is most of the work.
    reads: list[str] = []
    real = one_story.sentence_features

    def counted(articles: tuple[Article, ...]) -> list[object]:
        reads.extend(article.id for article in articles)
        return real(articles)

    monkeypatch.setattr(one_story, "sentence_features", counted)
    one_story.read_article.cache_clear()
    config = Config()
    first = summarize(day(), config)
    longer = summarize(day(), replace(config, summary=replace(config.summary, sentences=9)))
    assert sorted(reads) == sorted(MIXED)
    assert [story.articles for story in longer.stories] == [story.articles for story in first.stories]
