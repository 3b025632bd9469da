"""The algorithm picker: j/k move, each algorithm says what it favours and what it costs today."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pilots import app_for, ready, text_of
from textual.widgets import OptionList, Static

from briefing.summary import algorithms
from briefing.tui.screens.algorithm import AlgorithmScreen, estimate


async def test_j_and_k_move_and_the_highlighted_one_is_described(trio_folder: Path, tmp_path: Path) -> None:
    app = app_for(trio_folder, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("a")
        assert isinstance(app.screen, AlgorithmScreen)
        options = app.screen.query_one(OptionList)
        assert options.highlighted == 0
        await pilot.press("j", "j")
        assert options.highlighted == 2
        await pilot.press("k")
        assert options.highlighted == 1
        about = text_of(app.screen.query_one("#algorithm-about", Static))
        textrank = algorithms.ALGORITHMS["textrank"]
        assert textrank.description in " ".join(about.split())
        assert textrank.cost in " ".join(about.split())
        await pilot.press("enter")
        await ready(pilot)
        assert app.briefing.settings.algorithm == "textrank"


async def test_a_choice_slow_for_the_day_is_flagged(
    trio_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = replace(algorithms.ALGORITHMS["kl"], seconds_100=600.0, seconds_500=3000.0)
    monkeypatch.setitem(algorithms.ALGORITHMS, "kl", slow)
    app = app_for(trio_folder, tmp_path)  # 3 articles: kl would take about 18 s
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("a")
        options = app.screen.query_one(OptionList)
        prompts = {option.id: str(option.prompt) for option in options.options}
        assert "slow: about 18 s today" in prompts["kl"]
        assert "slow" not in prompts["lexrank"]
        options.highlighted = list(algorithms.ALGORITHMS).index("kl")
        await pilot.pause()
        about = " ".join(text_of(app.screen.query_one("#algorithm-about", Static)).split())
        assert "On this day's 3 articles expect about 18 s" in about


def test_the_estimate_follows_the_measurements() -> None:
    measured = replace(algorithms.ALGORITHMS["lexrank"], seconds_100=1.0, seconds_500=5.0)
    assert estimate(measured, 50) == pytest.approx(0.5)
    assert estimate(measured, 100) == pytest.approx(1.0)
    assert estimate(measured, 300) == pytest.approx(3.0)
    assert estimate(measured, 1000) == pytest.approx(10.0)
