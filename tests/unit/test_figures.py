"""Honest support: reports of one fact that give different figures are flagged, not hidden."""

from __future__ import annotations

import json

from builders import article

from briefing import render
from briefing.config import Config
from briefing.models import BriefingItem
from briefing.summary.pipeline import summarize_story

FIRE = (
    "A fire swept through a crowded dance hall in Harbourtown on Friday night, killing at least 60 people, police said.",
    "A fire swept through a crowded dance hall in Harbourtown on Friday night, killing 65 people, police said.",
    "A fire swept through a crowded dance hall in Harbourtown on Friday night, killing at least 162 people, police said.",
    "A fire swept through a crowded dance hall in Harbourtown on Friday night, killing 65 people, the police said.",
)


def fire_item(*texts: str) -> BriefingItem:
    articles = tuple(article(f"a{i}", text) for i, text in enumerate(texts))
    (item,) = [i for i in summarize_story(articles, Config()).items if "dance hall" in i.text]
    return item


def test_different_figures_for_one_count_are_flagged_with_their_articles() -> None:
    item = fire_item(*FIRE)
    assert item.support == 4
    assert [(f.value, f.unit, f.articles) for f in item.disagreement] == [
        ("60", "people", ("a0",)),
        ("65", "people", ("a1", "a3")),
        ("162", "people", ("a2",)),
    ]


def test_the_digest_says_that_the_sources_differ() -> None:
    articles = tuple(article(f"a{i}", text) for i, text in enumerate(FIRE))
    briefing = summarize_story(articles, Config())
    assert "(sources differ: 60, 65, 162 people)" in " ".join(render(briefing, "text").split())
    (flagged,) = [i for i in json.loads(render(briefing, "json"))["items"] if "disagreement" in i]
    assert flagged["disagreement"][0] == {"value": "60", "unit": "people", "articles": ["a0"]}


def test_agreeing_figures_and_figures_of_other_counts_are_no_disagreement() -> None:
    assert fire_item(FIRE[1], FIRE[3]).disagreement == ()
    # "64 of the 122 seats" and "won 64 seats": two counts, not two figures for one.
    seats = (
        "The ruling party won 64 of the 122 seats in parliament in the July election, officials in Harbourtown said.",
        "The ruling party won 64 seats in parliament in the July election, officials in Harbourtown said.",
    )
    items = summarize_story(tuple(article(f"s{i}", t) for i, t in enumerate(seats)), Config()).items
    assert all(item.disagreement == () for item in items)
    # "one other died" and "six others died" count different people, not one count twice.
    later = (
        "Police said 59 bodies were found in the Harbourtown dance hall and one other died later in a hospital.",
        "Police said 59 bodies were found in the Harbourtown dance hall and six others died later in a hospital.",
    )
    items = summarize_story(tuple(article(f"l{i}", t) for i, t in enumerate(later)), Config()).items
    assert all(item.disagreement == () for item in items)
