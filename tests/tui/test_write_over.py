"""`w` over a file that holds another briefing asks first (a new user's finding: the 100-feed
briefing was replaced by the seeds' without a word but "Wrote")."""

from __future__ import annotations

from pathlib import Path

from pilots import app_for, ready

from briefing.tui.screens.confirm import ConfirmScreen

OTHER = "Briefing for 2024-04-05 of 100 feeds\n"


async def test_w_over_another_briefing_asks_and_escape_keeps_it(trio_folder: Path, tmp_path: Path) -> None:
    written = tmp_path / "digest-2024-04-05.txt"
    written.write_text(OTHER, encoding="utf-8")
    app = app_for(trio_folder, tmp_path)
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("w")
        await ready(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await ready(pilot)
        assert app.screen is app.main
        assert written.read_text(encoding="utf-8") == OTHER
        assert not any("Wrote" in n.message or "Replaced" in n.message for n in app._notifications)


async def test_w_over_another_briefing_replaces_it_on_enter_and_says_so(trio_folder: Path, tmp_path: Path) -> None:
    written = tmp_path / "digest-2024-04-05.txt"
    written.write_text(OTHER, encoding="utf-8")
    app = app_for(trio_folder, tmp_path)
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("w")
        await ready(pilot)
        await pilot.press("enter")
        await ready(pilot)
        assert written.read_text(encoding="utf-8").startswith("Briefing for 2024-04-05 (articles of 2024-04-02")
        assert [n.message for n in app._notifications] == [f"Replaced {written}"]


async def test_w_again_over_the_same_briefing_does_not_ask(trio_folder: Path, tmp_path: Path) -> None:
    written = tmp_path / "digest-2024-04-05.txt"
    app = app_for(trio_folder, tmp_path)
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("w")
        await ready(pilot)
        await pilot.press("w")
        await ready(pilot)
        assert app.screen is app.main
        assert [n.message for n in app._notifications] == [f"Wrote {written}"] * 2
