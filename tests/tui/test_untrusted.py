"""File names and article text are data in the TUI too: never markup, never a crash."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pilots import app_for, ready, screen_text, until
from textual.widgets._toast import Toast

from briefing.tui.widgets.status import StatusBar


# A file name cannot hold "/", but its folder's name can end in "[": the path then reads "[/]".
@pytest.mark.parametrize(
    ("folder", "file"), [("odd", "[@click=app.quit]quit.txt"), ("odd[", "].txt"), ("[bold red]loud[", "bold red].txt")]
)
async def test_markup_in_a_skipped_file_name_is_shown_literally(
    trio_folder: Path, tmp_path: Path, folder: str, file: str
) -> None:
    news = tmp_path / folder
    shutil.copytree(trio_folder, news)
    (news / file).write_text("\n\n", encoding="utf-8")  # empty: skipped, and named in a toast
    app = app_for(news, tmp_path)
    name = f"{folder}/{file}"
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        # Read while it shows: a toast lasts 5 s, and at load 10 the briefing came after it went.
        await until(pilot, lambda: any(f"{name}: skipped" in n.message for n in app._notifications), "the toast")
        await until(pilot, lambda: app.screen.query(Toast), "the toast on screen")
        assert name in str(app.screen.query_one(Toast).render())
        await pilot.click(Toast)
        await ready(pilot)
        assert app.briefing is not None
        assert app.return_code is None and app.is_running


async def test_a_newline_in_a_file_name_does_not_break_the_notification(trio_folder: Path, tmp_path: Path) -> None:
    news = tmp_path / "copied"
    shutil.copytree(trio_folder, news)
    (news / "line\nbreak.txt").write_text("\n\n", encoding="utf-8")  # empty: skipped, and named in a toast
    app = app_for(news, tmp_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await ready(pilot)
        [notification] = app._notifications
        assert "line\\nbreak.txt: skipped" in notification.message and "\n" not in notification.message


async def test_markup_in_a_title_is_shown_literally(tmp_path: Path) -> None:
    folder = tmp_path / "news["
    folder.mkdir()
    (folder / "]a.txt").write_text(
        "Title: [/] [@click=app.quit]Bridge[/] closed\nSource: [b]Gazette\n\n"
        "The Harbour Bridge was closed on Monday after engineers found cracks in two of its steel supports.",
        encoding="utf-8",
    )
    app = app_for(folder, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert "[b]Gazette · [/] [@click=app.quit]Bridge[/] closed" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert "[b]Gazette · [/] [@click=app.quit]Bridge[/] closed" in screen_text(app)
        await pilot.press("escape", "e")
        await pilot.pause()
        assert app.return_code is None
        assert "Briefing" in str(app.query_one(StatusBar).render())
