"""How the screens look: main, article view and help at 120x40 and 80x24."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import CHESS, STRIKE, TRIO
from pilots import ready

from briefing.config import Config
from briefing.tui.app import create_app

SIZES = [(120, 40), (80, 24)]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("keys", [[], ["enter"], ["question_mark"]], ids=["main", "article", "help"])
def test_screen(snap_compare, trio_folder: Path, size: tuple[int, int], keys: list[str]) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await ready(pilot)
        await pilot.press(*keys)
        await pilot.pause()

    app = create_app([str(trio_folder)], Config())
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_a_day_of_three_stories(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "mixed"
    folder.mkdir()
    for id, text in {**CHESS, **STRIKE, **TRIO}.items():
        (folder / f"{id}.txt").write_text(text, encoding="utf-8")

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await ready(pilot)
        await pilot.press("right_square_bracket")
        await pilot.pause()

    app = create_app([str(folder)], Config())
    assert snap_compare(app, terminal_size=size, run_before=run_before)
