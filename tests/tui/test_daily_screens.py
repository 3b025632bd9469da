"""The screens a user opens every morning: `h`'s past briefings moved with j/k and wrapped to
the terminal's width, and `?` whole on an 80x24 terminal, its marks all explained."""

from __future__ import annotations

from pathlib import Path

from builders import CHESS, STRIKE, TRIO, Clock
from pilots import app_for, ready, screen_text
from rich.text import Text
from textual.containers import ScrollableContainer
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.history import HistoryScreen, PastBriefingScreen


async def history_list(pilot: Pilot[None]) -> OptionList:
    """The past briefings `h` lists, once the day's briefing is on screen."""
    await ready(pilot)
    await pilot.press("h")
    await ready(pilot)
    assert isinstance(pilot.app.screen, HistoryScreen)
    return pilot.app.screen.query_one(OptionList)


async def test_j_and_k_move_in_the_history_and_a_past_briefing_is_wrapped_to_the_screen(
    tmp_path: Path, clock: Clock
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for id, text in {**CHESS, **STRIKE, **TRIO}.items():
        (folder / f"{id}.txt").write_text(text, encoding="utf-8")
    for _ in range(2):  # two mornings recorded
        app = app_for(folder, tmp_path)
        async with app.run_test() as pilot:
            await ready(pilot)
            await pilot.press("w")
            await ready(pilot)
        clock.advance(days=1)
    app = app_for(folder, tmp_path)
    async with app.run_test(size=(120, 16)) as pilot:
        options = await history_list(pilot)
        assert options.highlighted == 2  # the newest, under the header
        await pilot.press("k")
        assert options.highlighted == 1
        await pilot.press("j")
        assert options.highlighted == 2
        await pilot.press("k", "enter")
        await ready(pilot)
        assert isinstance(app.screen, PastBriefingScreen)
        assert app.screen.text.startswith("Briefing for 2024-04-05")
        await pilot.pause()
        rows = [row.rstrip() for row in screen_text(app).splitlines()]
        # Wrapped at 78 columns when written; on 120 columns an item wrapped there is one line.
        assert any(len(row) > 80 for row in rows)
        shown = app.screen.query_one("#past-text", Static).content
        assert isinstance(shown, Text) and max(map(len, shown.plain.splitlines())) <= 118
        body = app.screen.query_one("#past-body", ScrollableContainer)
        assert body.scroll_y == 0
        await pilot.press("j", "j")
        await pilot.pause()
        assert body.scroll_y == 2
        await pilot.press("k")
        await pilot.pause()
        assert body.scroll_y == 1


async def test_the_history_list_labels_a_narrow_run_as_briefing_history_does(tmp_path: Path, clock: Clock) -> None:
    """A --topic look after the day's briefing is its own entry: h lists it with its topic."""
    from briefing.cli.main import main

    folder = tmp_path / "mixed"
    folder.mkdir()
    for id, text in {**CHESS, **STRIKE, **TRIO}.items():
        (folder / f"{id}.txt").write_text(text, encoding="utf-8")
    assert main(["digest", str(folder), "-o", str(tmp_path / "day.txt")]) == 0
    assert main(["digest", str(folder), "--topic", "nurses strike", "-o", str(tmp_path / "topic.txt")]) == 0
    app = app_for(folder, tmp_path)
    async with app.run_test(size=(120, 16)) as pilot:
        options = await history_list(pilot)
        lines = [str(options.get_option_at_index(i).prompt) for i in (1, 2)]
        assert "(" not in lines[0] and "  (topic: nurses strike) " in lines[1]


async def test_help_is_whole_on_80x24_and_explains_every_mark(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for id, text in {**CHESS, **STRIKE, **TRIO}.items():  # a day of several stories: the most keys
        (folder / f"{id}.txt").write_text(text, encoding="utf-8")
    app = app_for(folder, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(screen_text(app).split())
        for keys, text in [*app.screen.rows, ("ctrl+p", "command palette: every action by name, and themes")]:
            assert f"{keys} {text}" in shown, (keys, text)
        for sign, meaning in app.screen.legend:
            assert f"{sign} {meaning}" in shown, sign
        assert "q quit" in shown and "2/5 2 of the 5 articles" in shown
        assert "new, ongoing a story not in earlier briefings, or one that was" in shown
        assert "escape closes" in shown
