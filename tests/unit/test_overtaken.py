"""A preview the story's later reports overtook ("will meet in Geneva Tuesday", written on
Monday, beside Wednesday's reports of the talks) is not an item; it still counts as support."""

from __future__ import annotations

from builders import article

from briefing.config import Config
from briefing.summary.pipeline import summarize_story

PREVIEW = "Envoys of Norland and Sudmark will meet in Geneva Tuesday for a second round of border talks."


def report(name: str, day: str, body: str) -> str:
    return f"Title: {name}\nSource: {name} News\nDate: {day}\n\n{body}"


MONDAY = report(
    "Courier",
    "2026-02-16",
    f"{PREVIEW} The first round in January ended without a deal on the disputed river islands. "
    "Both governments have sent their deputy foreign ministers to lead the delegations.",
)
WEDNESDAY = (
    report(
        "Herald",
        "2026-02-18",
        "Norland and Sudmark agreed on a map of the disputed river islands, their foreign ministries said. "
        "The deputy foreign ministers said a treaty could be signed within a month.",
    ),
    report(
        "Tribune",
        "2026-02-18",
        "Negotiators from Norland and Sudmark settled the dispute over the river islands. "
        "Fishermen on both banks welcomed the deal, which reopens the islands' waters.",
    ),
)


def items(texts: list[str]) -> list[str]:
    articles = tuple(article(f"outlet{number}", text) for number, text in enumerate(texts))
    return [item.text for item in summarize_story(articles, Config()).items]


def test_a_preview_of_talks_later_reports_tell_the_outcome_of_is_not_an_item() -> None:
    shown = items([MONDAY, *WEDNESDAY])
    assert PREVIEW not in shown
    assert "Negotiators from Norland and Sudmark settled the dispute over the river islands." in shown


def test_a_preview_is_the_news_until_a_later_report_comes() -> None:
    assert PREVIEW in items([MONDAY])


def test_a_copy_republished_months_later_does_not_overtake_a_preview() -> None:
    late = report("Reposter", "2026-06-01", WEDNESDAY[1].split("\n\n", 1)[1])
    assert PREVIEW in items([MONDAY, late])
