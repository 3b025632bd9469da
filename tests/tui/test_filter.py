"""Filtering and hiding repeats leave a trace: counts in the header, highlights, a line when nothing matches."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilots import app_for, footer, ready, screen_text, until
from textual import events
from textual.widgets import Input

from briefing.cli.main import main
from briefing.tui.widgets.items import MATCH_STYLE, ItemList
from briefing.tui.widgets.status import StatusBar


def header(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.main.query_one(StatusBar).render())


async def test_the_header_counts_what_the_filter_shows(trio_folder: Path, tmp_path: Path) -> None:
    app = app_for(trio_folder, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        total = len(app.briefing.items)
        assert f"{total} items" in header(app)
        await pilot.press("slash", *"ferry")
        shown = app.main.shown
        assert 0 < len(shown) < total
        assert f"{len(shown)} of {total} items match “ferry”" in header(app)


async def test_escape_clears_the_filter_from_the_field_and_from_the_list(trio_folder: Path, tmp_path: Path) -> None:
    app = app_for(trio_folder, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        total = len(app.briefing.items)
        await pilot.press("slash", *"ferry", "escape")
        assert len(app.main.shown) == total and "match" not in header(app)
        assert app.focused is app.main.query_one(ItemList)
        await pilot.press("slash", *"ferry", "enter")  # enter keeps the filter
        assert app.focused is app.main.query_one(ItemList) and len(app.main.shown) < total
        await pilot.press("escape")
        assert len(app.main.shown) == total and "match" not in header(app)


async def test_matches_are_highlighted(trio_folder: Path, tmp_path: Path) -> None:
    app = app_for(trio_folder, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"FERRY")
        prompt = app.main.query_one(ItemList).get_option_at_index(0).prompt
        stressed = [prompt.plain[span.start : span.end] for span in prompt.spans if span.style == MATCH_STYLE]
        assert stressed and all(word.lower() == "ferry" for word in stressed)


async def test_no_match_says_so(trio_folder: Path, tmp_path: Path) -> None:
    app = app_for(trio_folder, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"zebra")
        assert app.main.shown == []
        assert "No item matches “zebra” (escape clears the filter)" in screen_text(app)
        assert "0 of" in header(app)


async def test_the_filter_field_is_whole_above_the_footer(trio_folder: Path, tmp_path: Path) -> None:
    for size in ((120, 40), (80, 24)):
        app = app_for(trio_folder, tmp_path)
        async with app.run_test(size=size) as pilot:
            await ready(pilot)
            await pilot.press("slash", *"ferry")
            lines = screen_text(app).splitlines()
            field = app.main.query_one(Input)
            top, bottom = field.region.y, field.region.bottom - 1
            assert field.region.height == 3
            assert "ferry" in lines[top + 1]
            assert set(lines[top].strip("▊▎ ")) == {"▔"} and set(lines[bottom].strip("▊▎ ")) == {"▁"}
            assert bottom < size[1] - 1, "the footer's line is the last one"


async def test_slash_and_text_sent_at_once_keep_the_text(trio_folder: Path, tmp_path: Path) -> None:
    """tmux send-keys "/ferry" or a fast typist: the keys are queued before the field opens."""
    app = app_for(trio_folder, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        for key, character in [("slash", "/"), *((c, c) for c in "ferry")]:
            app.post_message(events.Key(key, character))
        await until(pilot, lambda: app.main.query_text == "ferry", "the filter takes the queued keys")
        assert app.main.query_one(Input).value == "ferry"
        assert app.main.query_text == "ferry"


async def test_a_pasted_slash_filter_keeps_its_text(trio_folder: Path, tmp_path: Path) -> None:
    app = app_for(trio_folder, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        app.post_message(events.Paste("/ferry"))
        await until(pilot, lambda: app.main.query_text == "ferry", "the filter takes the pasted text")
        assert app.main.query_one(Input).value == "ferry"
        assert len(app.main.shown) < len(app.briefing.items)


async def test_hidden_repeats_show_in_the_header(
    trio_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    morning = tmp_path / "morning"
    morning.mkdir()
    first = sorted(trio_folder.iterdir())[0]
    (morning / first.name).write_bytes(first.read_bytes())
    assert main(["digest", str(morning)]) == 0  # an earlier briefing, of one of the articles
    app = app_for(trio_folder, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        total = len(app.briefing.items)
        new = sum(item.mark != "repeat" for item in app.briefing.items)
        assert 0 < new < total
        await pilot.press("r")
        assert f"{new} new of {total} items" in header(app)
        await pilot.press("r")
        assert " new of " not in header(app)


async def test_r_without_the_history_says_why_it_hides_nothing(trio_folder: Path, tmp_path: Path) -> None:
    """--no-store reads no earlier briefing: r hid nothing and said nothing, or, later, called
    every item "new" against a history it never read (a new user's finding)."""
    app = app_for(trio_folder, tmp_path, store=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("r")
        await ready(pilot)
        assert " new of " not in header(app)
        assert any("No earlier briefing to compare with" in n.message for n in app._notifications)


async def test_the_footer_offers_no_key_that_types_into_the_filter(trio_folder: Path, tmp_path: Path) -> None:
    app = app_for(trio_folder, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert {"Longer", "Shorter", "Write"} <= set(footer(app).split())
        await pilot.press("slash", "plus", "minus")
        assert app.main.query_one(Input).value == "+-" and app.wanted.count == 8
        assert not {"Longer", "Shorter", "Algorithm", "Write", "History"} & set(footer(app).split())
        await pilot.press("escape")
        assert {"Longer", "Shorter", "Write"} <= set(footer(app).split())
