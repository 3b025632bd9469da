"""What the digest lists under Sources."""

from __future__ import annotations

import json
from dataclasses import replace

from builders import article

from briefing import render, summarize
from briefing.config import Config
from briefing.models import Article


def test_sources_list_the_quoted_articles_and_count_the_rest(trio: tuple[Article, ...]) -> None:
    aside = article(
        "d_weather",
        "Title: Sunny Week Ahead\n\nForecasters expect a dry and sunny week across the region with light winds.",
    )
    config = Config()
    # The weather report is a story of its own, left out by showing only the top story.
    config = replace(config, summary=replace(config.summary, sentences=3), stories=replace(config.stories, max=1))
    briefing = summarize((*trio, aside), config)
    assert all("d_weather" not in item.article_ids for item in briefing.items)
    text, markdown = render(briefing, "text"), render(briefing, "markdown")
    for output in (text, markdown):
        assert "a_gazette" in output and "d_weather" not in output
        assert "and 1 other article, not quoted above" in output
    assert "[4]" not in text
    assert "d_weather" in [a["id"] for a in json.loads(render(briefing, "json"))["articles"]]


def test_a_briefing_with_nothing_to_report_lists_no_sources() -> None:
    listing = article(
        "a_list", "Title: Opening Hours\n\nMonday to Friday from nine to five\n\nSaturday from ten to two"
    )
    briefing = summarize((listing,), Config())
    assert not briefing.items
    for output in (render(briefing, "text"), render(briefing, "markdown")):
        assert output.rstrip().endswith("Nothing to report: no article had a sentence worth a briefing.")
        assert "Sources" not in output and "not quoted above" not in output
