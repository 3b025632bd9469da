"""The algorithm picker: j/k move, each algorithm says what it favours and what it costs today."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pilots import app_for, ready, text_of
from textual.widgets import OptionList, Static

from briefing.run import day
from briefing.summary import algorithms
from briefing.tui.screens.algorithm import AlgorithmScreen, DayCost, estimate, option_prompt
from briefing.tui.screens.algorithm import about as algorithm_about


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


async def test_the_costs_come_from_the_day_at_hand(trio_folder: Path, tmp_path: Path) -> None:
    app = app_for(trio_folder, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("a")
        options = app.screen.query_one(OptionList)
        prompts = {option.id: str(option.prompt) for option in options.options}
        assert "instant: rated today" in prompts["lexrank"]  # the shown stories were rated by it
        about = " ".join(text_of(app.screen.query_one("#algorithm-about", Static)).split())
        sentences = app.session.shown_sentences
        assert sentences > 0 and f"({sentences} sentences today)" in about


async def test_the_other_algorithms_rate_the_shown_stories_ahead(
    trio_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once the briefing is on screen, every other algorithm rates its stories in the
    background: the picker says each is instant, and a switch to one never used only selects."""
    app = app_for(trio_folder, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        rated: list[str] = []
        rate_story = day.rate_story
        monkeypatch.setattr(
            day, "rate_story", lambda story, config: rated.append(config.summary.algorithm) or rate_story(story, config)
        )
        await pilot.press("a")
        options = app.screen.query_one(OptionList)
        assert all("instant: rated today" in str(option.prompt) for option in options.options)
        await pilot.press(*"jjjj", "enter")  # kl
        await ready(pilot)
        assert app.briefing.settings.algorithm == "kl"
        assert rated == []


def test_a_choice_slow_for_the_day_is_flagged() -> None:
    kl = algorithms.ALGORITHMS["kl"]
    # Lexrank rated 2,000 sentences here in 0.4 s: this machine is 10 times the measurements'.
    day = DayCost(20_000, {"lexrank": (2000, 0.4)})
    assert estimate(kl, day) == pytest.approx(kl.seconds(20_000) * 10)
    assert "slow: about 19 s today" in str(option_prompt(kl, day))
    about = " ".join(str(algorithm_about(kl, day)).split())
    assert "On this day's 20,000 sentences expect about 19 s" in about or "20000 sentences" in about
    assert "instant: rated today" in str(option_prompt(algorithms.ALGORITHMS["lexrank"], day))


def test_the_estimate_follows_the_measurements() -> None:
    lexrank = algorithms.ALGORITHMS["lexrank"]
    assert estimate(lexrank, DayCost(3000, {})) == pytest.approx(lexrank.seconds(3000))
    assert estimate(lexrank, DayCost(3000, {"lexrank": (1000, 0.5)})) == pytest.approx(1.5)  # its own time here
    measured = replace(lexrank, per_thousand=1.0)
    assert estimate(measured, DayCost(500, {})) == pytest.approx(0.5)
