"""The palette offers every action that works; the theme is remembered; w and c say what they did, and only that."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from pilots import app_for, ready, until

from briefing.config import Config
from briefing.tui.app import create_app
from briefing.tui.keys import ACTIONS, enabled
from briefing.tui.screens.history import HistoryScreen


async def test_the_palette_offers_every_action_that_works_there(trio_folder: Path, tmp_path: Path) -> None:
    """On a day of one story with no feed configured (`briefing seeds`), the palette listed
    "the next story's items" and "fetch the configured feeds now", which do nothing there (a
    new user's finding): it offers the actions `?` lists, each of them, and no other."""
    from textual.command import CommandInput, CommandList

    from briefing.tui.commands import BriefingCommands

    app = app_for(trio_folder, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        offered = app.screen.query_one(CommandList)

        def titles() -> list[str]:
            return [str(option.prompt).split("\n")[0].lower() for option in offered.options]

        def offers(help: str) -> Callable[[], bool]:
            return lambda: any(help.lower() in title for title in titles())

        works = [action for action in ACTIONS if enabled(action.action, app.main, app.main)]
        assert {"next_story", "previous_story", "fetch"}.isdisjoint(action.id for action in works)
        provider = BriefingCommands(app.main)
        assert [hit.text.lower() async for hit in provider.discover()] == [action.help.lower() for action in works]
        for action in (a for a in ACTIONS if a not in works):
            assert [hit async for hit in provider.search(action.label)] == [], action.label
        for action in works:  # each label typed at once: one search, not one a key
            # A query that matches nothing first, so the list holds no hit of the last one.
            app.screen.query_one(CommandInput).value = "qqqqqq"
            await until(pilot, lambda: not any(option.id != "--no-matches" for option in offered.options), "no hit")
            app.screen.query_one(CommandInput).value = action.label.lower()
            with contextlib.suppress(AssertionError):  # the assert below says what was offered instead
                await until(pilot, offers(action.help), action.label, timeout=10)
            assert offers(action.help)(), (action.label, titles())


async def test_palette_commands_run(trio_folder: Path, tmp_path: Path) -> None:
    app = app_for(trio_folder, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p", *"one item fewer per story", "enter")
        await ready(pilot)
        assert app.wanted.count < 8 and len(app.briefing.items) == app.wanted.count
        await pilot.press("w")  # a briefing in the history to open
        await ready(pilot)
        await pilot.press("ctrl+p", *"open a past briefing", "enter")
        await ready(pilot)
        assert isinstance(app.screen, HistoryScreen)


async def test_the_chosen_theme_is_remembered(trio_folder: Path, tmp_path: Path) -> None:
    first = create_app([str(trio_folder)], Config())
    async with first.run_test() as pilot:
        await ready(pilot)
        assert first.theme != "nord"
        first.theme = "nord"
        await ready(pilot)
    again = create_app([str(trio_folder)], Config())
    assert again.theme == "nord"


async def test_w_writes_into_the_current_folder_by_default_and_leaves_no_lock(
    trio_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    app = create_app([str(trio_folder)], Config())
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("w")
        await ready(pilot)
    assert os.listdir(here) == ["briefing-2024-04-05.txt"]
    assert stat.S_ISREG((here / "briefing-2024-04-05.txt").stat().st_mode)
    assert any(f"Wrote {here / 'briefing-2024-04-05.txt'}" == n.message for n in app._notifications)


async def test_c_claims_no_copy_it_cannot_know_of(
    trio_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for variable in ("DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(variable, raising=False)
    app = app_for(trio_folder, tmp_path)
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("c")
        await ready(pilot)
        messages = [n.message for n in app._notifications]
        assert not any(message.startswith("Copied") for message in messages)
        assert any("Asked the terminal to copy the sentence" in message for message in messages)


async def test_c_reports_the_program_that_copied(
    trio_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin = tmp_path / "bin"
    bin.mkdir()
    copied = tmp_path / "clipboard"
    (bin / "xclip").write_text(f"#!/bin/sh\ncat > {copied}\n", encoding="utf-8")
    (bin / "xclip").chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    app = app_for(trio_folder, tmp_path)
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("c")
        await ready(pilot)
        assert copied.read_text(encoding="utf-8") == app.briefing.items[0].text
        assert any(n.message == "Copied the sentence to the clipboard (xclip)" for n in app._notifications)
