"""A story several outlets tell is not one article's summary: no article gives more than half
of a section's items."""

from __future__ import annotations

from collections import Counter

from builders import article

from briefing.config import Config
from briefing.summary.pipeline import summarize_story

# One long report of a (made-up) port strike, eight facts none of the others states.
LONG = " ".join(
    (
        "Dock workers in Porto Vela walked out on Monday over a new shift roster.",
        "The union said about 3,000 members joined the strike at the container terminal.",
        "Shipping lines diverted twelve cargo vessels to the northern harbour of Lusca.",
        "Fruit exporters warned that bananas waiting in cold stores would spoil within a week.",
        "The port authority offered to delay the roster until an arbitrator rules in March.",
        "Truck drivers queued for hours on the coastal highway outside the terminal gates.",
        "Police kept the picket lines apart from a group of contract workers hired by the port.",
        "Last year the terminal handled a record 1.2 million containers for the first time.",
    )
)
SHORT = (
    "Porto Vela's dock strike stranded a ferry of tourists at the passenger quay overnight.",
    "Harbour pilots in Porto Vela said they would refuse to guide ships through the strike.",
)


def item_articles(texts: list[str]) -> Counter[str]:
    articles = tuple(article(f"outlet{number}", text) for number, text in enumerate(texts))
    briefing = summarize_story(articles, Config())
    return Counter(item.article for item in briefing.items)


def test_no_article_gives_more_than_half_the_items_of_a_story_three_tell() -> None:
    given = item_articles([LONG, *SHORT])
    assert max(given.values()) == 4
    assert len(given) == 3


def test_a_story_two_articles_tell_may_be_told_by_one() -> None:
    assert max(item_articles([LONG, SHORT[0]]).values()) > 4
