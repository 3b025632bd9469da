"""What a section opens with on a story that goes on for days: its title, its first item, and
the word the day's key terms give it."""

from __future__ import annotations

from builders import CHESS, TRIO, article

from briefing import summarize
from briefing.config import Config
from briefing.models import Article
from briefing.summary.features import sentence_features
from briefing.summary.merge import Group
from briefing.summary.order import order_groups

# Two outlets preview the talks on the 5th; on the 6th one reports how they ended.
TALKS = {
    "a_preview": (
        "Title: Iran And US To Meet In Geneva For Nuclear Talks\nSource: Wire One\nDate: 2024-05-05\n\n"
        "Negotiators from Iran and the United States will meet in Geneva on Tuesday for a second round of"
        " nuclear talks, hoping for progress. Oman will carry messages between the two delegations in Geneva."
        " Iran has said it will not give up enrichment."
    ),
    "b_preview": (
        "Title: US And Iran To Hold Nuclear Talks In Geneva\nSource: Paper Two\nDate: 2024-05-05\n\n"
        "Iran and the United States will hold a second round of nuclear talks in Geneva on Tuesday, hoping"
        " for progress. Oman will carry messages between the Iranian and American delegations in Geneva."
        " The United States wants limits on enrichment."
    ),
    "c_report": (
        "Title: Iran And US End Nuclear Talks With Progress\nSource: Daily Three\nDate: 2024-05-06\n\n"
        "Tehran's envoy said on Tuesday that the nuclear talks had made progress, and they closed after six hours."
        " Oman carried messages between the Iranian and American delegations in Geneva for six hours."
        " A third round of talks on enrichment is expected next month."
    ),
}
REPORT = "Iran And US End Nuclear Talks With Progress"


def talks(*ids: str) -> tuple[Article, ...]:
    return tuple(article(id, TALKS[id]) for id in ids or TALKS)


def test_the_newest_report_names_a_story_that_went_on() -> None:
    (story,) = summarize(talks(), Config()).stories
    # "To Meet" was the news on the 5th; on the 6th the talks ended.
    assert story.title == REPORT
    # Whatever order the articles come in.
    (again,) = summarize(talks("c_report", "b_preview", "a_preview"), Config()).stories
    assert again.title == REPORT
    # A next day's aside far less typical of the story does not: "Bridge Closure Snarls
    # Traffic" (the 3rd) is a consequence of "Cracks Close Harbour Bridge" (the 2nd).
    (bridge,) = summarize(tuple(article(id, text) for id, text in TRIO.items()), Config()).stories
    assert bridge.title == "Cracks Close Harbour Bridge"


def test_two_headlines_as_typical_are_not_chosen_by_input_order() -> None:
    same_day = {
        id: text.replace("Date: 2024-05-06", "Date: 2024-05-05").replace(REPORT, title)
        for id, text, title in (
            ("c_report", TALKS["c_report"], "Progress In Nuclear Talks"),
            ("d_report", TALKS["c_report"], "Nuclear Talks: Progress"),
        )
    }
    reports = [article(id, text) for id, text in same_day.items()]
    titles = {summarize((*talks("a_preview"), *order), Config()).stories[0].title for order in (reports, reports[::-1])}
    assert len(titles) == 1


def test_the_first_item_states_what_the_title_reports() -> None:
    briefing = summarize(talks(), Config())
    first = briefing.items[0]
    # Not the preview's "will meet", though it holds more of the title's words.
    assert first.article_ids[0] == "c_report" and "closed" in first.text


def test_the_days_key_terms_give_each_story_a_word_its_title_names() -> None:
    day = (*talks(), *(article(id, text) for id, text in CHESS.items()))
    briefing = summarize(day, Config())
    talks_story = next(story for story in briefing.stories if "c_report" in story.articles)
    assert talks_story.key_terms[0] == "Geneva"  # in every report, not in the title
    assert briefing.key_terms[0].lower() in talks_story.title.lower()


def test_of_leads_as_early_in_their_articles_the_newest_comes_first() -> None:
    preview, report = talks("a_preview", "c_report")
    undated = article("x_undated", "Title: Talks\n\nThe talks in Geneva were the second round this year.")
    articles = (undated, preview, report)
    features = sentence_features(articles)
    groups = [Group((m,), m, (1.0,), ("item",)) for m, f in enumerate(features) if f.index == 0]
    first = [articles[features[g.representative].article].id for g in order_groups(groups, features, articles)]
    assert first == ["c_report", "a_preview", "x_undated"]


def test_leads_of_one_day_come_in_one_order_whatever_order_the_articles_come_in() -> None:
    same_day = [article(id, TALKS[id].replace("2024-05-05", "2024-05-06")) for id in ("a_preview", "c_report")]
    orders = set()
    for articles in (same_day, same_day[::-1]):
        features = sentence_features(articles)
        groups = [Group((m,), m, (1.0,), ("item",)) for m, f in enumerate(features) if f.index == 0]
        orders.add(
            tuple(articles[features[g.representative].article].id for g in order_groups(groups, features, articles))
        )
    assert len(orders) == 1
