"""`w` over a file that holds another briefing asks first (a new user's finding: the 100-feed
briefing was replaced by the seeds' without a word but "Wrote")."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilots import app_for, ready
from textual.pilot import Pilot

from briefing.tui.screens.confirm import ConfirmScreen

OTHER = "Briefing for 2024-04-05 of 100 feeds\n"


@pytest.fixture
def other(tmp_path: Path) -> Path:
    """The file `w` writes today, holding another briefing."""
    written = tmp_path / "digest-2024-04-05.txt"
    written.write_text(OTHER, encoding="utf-8")
    return written


async def test_w_over_another_briefing_asks_and_escape_keeps_it(trio_folder: Path, tmp_path: Path, other: Path) -> None:
    app = app_for(trio_folder, tmp_path)
    async with app.run_test() as pilot:
        await pilot_presses_w(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await ready(pilot)
        assert app.screen is app.main
        assert other.read_text(encoding="utf-8") == OTHER
        assert not any("Wrote" in n.message or "Replaced" in n.message for n in app._notifications)


async def test_w_over_another_briefing_replaces_it_on_enter_and_says_so(
    trio_folder: Path, tmp_path: Path, other: Path
) -> None:
    app = app_for(trio_folder, tmp_path)
    async with app.run_test() as pilot:
        await pilot_presses_w(pilot)
        await pilot.press("enter")
        await ready(pilot)
        assert other.read_text(encoding="utf-8").startswith("Briefing for 2024-04-05 (articles of 2024-04-02")
        assert [n.message for n in app._notifications] == [f"Replaced {other}"]


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


async def test_w_writes_the_format_output_path_names(trio_folder: Path, tmp_path: Path) -> None:
    """[output] path = "digest-{date}.md" is Markdown, as `digest -o digest.md` is (both wrote
    plain text); writing it again is the same briefing, so nothing is asked."""
    from dataclasses import replace

    from briefing.config import Config, OutputConfig
    from briefing.tui.app import create_app

    app = create_app(
        [str(trio_folder)], replace(Config(), output=OutputConfig(path=str(tmp_path / "digest-{date}.md")))
    )
    written = tmp_path / "digest-2024-04-05.md"
    async with app.run_test() as pilot:
        await pilot_presses_w(pilot)
        await pilot.press("w")
        await ready(pilot)
        assert app.screen is app.main
        assert written.read_text(encoding="utf-8").startswith("# Briefing for 2024-04-05")
        assert [n.message for n in app._notifications] == [f"Wrote {written}"] * 2


async def pilot_presses_w(pilot: Pilot[None]) -> None:
    """`w` once the briefing is on screen, and what it opens drawn."""
    await ready(pilot)
    await pilot.press("w")
    await ready(pilot)


async def test_w_with_a_filter_on_says_it_wrote_every_item(trio_folder: Path, tmp_path: Path) -> None:
    # The s9 trial: with 1 of 8 items shown, w wrote all 8 and said only "Wrote ...".
    written = tmp_path / "digest-2024-04-05.txt"
    app = app_for(trio_folder, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"ferry", "enter")
        assert 0 < len(app.main.shown) < len(app.briefing.items)
        await pilot.press("w")
        await ready(pilot)
        assert [n.message for n in app._notifications] == [f"Wrote {written}, all items (some hidden on screen)"]
        text = written.read_text(encoding="utf-8")
        assert all(f"\n{number}. " in text for number in range(1, len(app.briefing.items) + 1))
