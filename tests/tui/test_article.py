"""The article view: the sentence mid-screen with what comes before it, and keys that move through it."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import article
from pilots import app_for, ready, screen_text, until
from textual.containers import VerticalScroll

from briefing.tui.screens.article import ArticleScreen
from briefing.tui.screens.help import HelpScreen

# Thirty paragraphs of distinct sentences: long enough to need scrolling at any size.
LONG = "Title: A Long Report\nSource: Test Wire\n\n" + "\n\n".join(
    f"Paragraph {n} says that the council met on day {n} to discuss bridge number {n} and its repairs. "
    f"Engineers reported on the state of the supports of bridge {n} at length."
    for n in range(30)
)


def highlighted_row(app) -> int:  # type: ignore[no-untyped-def]
    """The screen row where the chosen (reversed) sentence starts."""
    for row, strip in enumerate(app.screen._compositor.render_strips()):
        if any(segment.style and segment.style.reverse and any(c.isalpha() for c in segment.text) for segment in strip):
            return row
    raise AssertionError("no highlighted sentence on screen")


async def open_long_article(pilot, chosen: int) -> ArticleScreen:  # type: ignore[no-untyped-def]
    long = article("long", LONG)
    screen = ArticleScreen(long, chosen, set())
    await pilot.app.push_screen(screen)
    await pilot.pause()
    await pilot.pause()
    return screen


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_chosen_sentence_is_centred_with_context_above(
    trio_folder: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = app_for(trio_folder, tmp_path)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await open_long_article(pilot, chosen=40)  # paragraph 20's first sentence
        body = app.screen.query_one("#article-body", VerticalScroll)
        row = highlighted_row(app)
        middle = body.region.y + body.region.height // 2
        assert abs(row - middle) <= 2, (row, middle)
        assert "Paragraph 19" in screen_text(app)  # what comes before is in sight


async def test_home_end_g_and_space_move_through_the_article(trio_folder: Path, tmp_path: Path) -> None:
    app = app_for(trio_folder, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await open_long_article(pilot, chosen=40)
        body = app.screen.query_one("#article-body", VerticalScroll)
        await pilot.press("home")
        assert body.scroll_y == 0
        await pilot.press("space")
        assert body.scroll_y >= body.scrollable_content_region.height - 2
        await pilot.press("end")
        assert body.scroll_y == body.max_scroll_y > 0
        await pilot.press("g")
        assert body.scroll_y == 0
        await pilot.press("G")
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("b")
        assert 0 < body.scroll_y < body.max_scroll_y


async def test_help_over_an_article_lists_only_its_keys(trio_folder: Path, tmp_path: Path) -> None:
    app = app_for(trio_folder, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("enter", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        texts = [text for _, text in app.screen.rows]
        assert "back to the briefing" in texts and "the end" in texts and "quit" in texts
        for main_only in (
            "one more item per story, re-summarized",
            "open a past briefing",
            "copy the highlighted sentence",
        ):
            assert main_only not in texts


async def test_the_article_follows_keys_remapped_in_config(trio_folder: Path, tmp_path: Path) -> None:
    app = app_for(trio_folder, tmp_path, back="x", bottom="z", down="n")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await open_long_article(pilot, chosen=0)
        body = app.screen.query_one("#article-body", VerticalScroll)
        await pilot.press("home", "n")
        assert body.scroll_y == 1
        await pilot.press("z")
        assert body.scroll_y == body.max_scroll_y > 0
        await pilot.press("escape")
        assert isinstance(app.screen, ArticleScreen), "escape is no longer bound"
        await pilot.press("x")
        assert not isinstance(app.screen, ArticleScreen)


@pytest.mark.parametrize(
    "url, shown",
    [
        ("https://Example.com/news/[bold]bridge[/bold]?id=7", "https://example.com/news/[bold]bridge[/bold]?id=7"),
        ("https://example.com/a b", "https://example.com/a%20b"),
        ("https://example.com/a?utm_source=rss&id=7&maca=en-rss#top", "https://example.com/a?id=7#top"),  # no tracking
        ("https://example.com/\x1b[31mred", None),  # a control character: not an address to show
        ("javascript:alert(1)", None),
        (None, None),
    ],
)
async def test_the_article_shows_its_address_as_the_digest_does_and_c_copies_it(
    trio_folder: Path, tmp_path: Path, url: str | None, shown: str | None
) -> None:
    from dataclasses import replace

    from briefing.urls import shown_url

    assert shown_url(url) == shown  # the check digest's Sources list uses
    app = app_for(trio_folder, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        screen = ArticleScreen(replace(article("long", LONG), url=url), 0, set())
        await app.push_screen(screen)
        # Drawn to its footer: one pause left the last line blank on a loaded machine (load 9).
        await until(pilot, lambda: screen_text(app).splitlines()[-1].strip(), "the article screen drawn")
        lines = screen_text(app).splitlines()
        if shown is None:
            assert not screen.query("#article-url") and "Copy address" not in lines[-1]
            assert not any("example.com" in line or "javascript" in line for line in lines)
            return
        assert lines[1].strip() == shown  # literally, under the title: no markup read, nothing cut
        assert "Copy address" in lines[-1]
        await pilot.press("c")
        await until(pilot, lambda: app.clipboard == shown, "the address copied")
        assert any(n.message.startswith("Asked the terminal to copy the address") for n in app._notifications)


async def test_an_article_that_is_only_a_feed_teaser_says_so(server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A new user opened an item of a morning whose pages failed and read one sentence as if it
    were the whole article: the view says it is only the feed's headline and teaser."""
    from dataclasses import replace

    from builders import rss
    from local_server import send

    from briefing.config import Config, SourcesConfig
    from briefing.run.fetching import fetch
    from briefing.storage.db import store_path
    from briefing.tui.app import create_app

    teasers = [
        ("Nurses Strike at Saint Anne Hospital", "Nurses at Saint Anne Hospital walked off the job on Tuesday."),
        ("Saint Anne Nurses Walk Out", "About 900 nurses went on strike at Saint Anne Hospital on Tuesday."),
    ]
    server.routes["/feed.xml"] = send(
        200,
        rss(*((t, f"{server.url}/p/{n}", f"<p>{s}</p>") for n, (t, s) in enumerate(teasers))),
        Content_Type="application/rss+xml",
    )
    for n in range(len(teasers)):
        server.routes[f"/p/{n}"] = send(503, b"busy")
    config = replace(Config(), sources=replace(SourcesConfig(), feeds=(f"{server.url}/feed.xml",)))
    fetch(config.sources.feeds, store_path(config), config)
    app = create_app([], config)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ArticleScreen), "the article view")
        assert "Only the feed's headline and teaser: the page failed to download" in screen_text(app)
