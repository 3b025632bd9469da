"""The TUI's threads: workers report back by message, never block the keys, fail softly, end on quit."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from builders import TRIO, article, big_day
from pilots import app_for, ready, until

import briefing.run.day
import briefing.tui.app
import briefing.tui.workers
from briefing.models import Briefing, BriefingItem, Settings, SourceSentence
from briefing.storage.briefings import Briefings
from briefing.storage.db import Store, store_path
from briefing.tui.app import BriefingApp
from briefing.tui.messages import Progressed, Summarized
from briefing.tui.screens.help import HelpScreen
from briefing.tui.widgets.items import ItemList
from briefing.tui.widgets.status import StatusBar

STATE = ("articles", "previous", "briefing", "history", "wanted", "shown")


class Watched(BriefingApp):
    """The app, noting which thread sets each piece of its state."""

    CSS_PATH = str(Path(briefing.tui.app.__file__).with_name("app.tcss"))

    def __setattr__(self, name: str, value: object) -> None:
        if name in STATE:
            self.__dict__.setdefault("_setters", set()).add(threading.current_thread().name)
        super().__setattr__(name, value)


async def test_only_the_app_thread_changes_the_app_state(trio_folder: Path, tmp_path: Path) -> None:
    config = app_for(trio_folder, tmp_path).config
    app = Watched([str(trio_folder)], config)
    async with app.run_test() as pilot:
        await pilot.press("plus", "plus")
        await ready(pilot)
        assert app.briefing is not None
    assert app.__dict__["_setters"] == {threading.main_thread().name}


async def test_plus_during_the_first_load_records_nothing(trio_folder: Path, tmp_path: Path) -> None:
    app = app_for(trio_folder, tmp_path)
    async with app.run_test() as pilot:
        await pilot.press("plus", "plus")
        await ready(pilot)
        assert app.previous == [] and {item.mark for item in app.briefing.items} == {None}  # history read: empty
        with Store(store_path(app.config)) as store:
            assert Briefings(store).history() == []


async def test_a_failing_worker_is_a_notification_and_the_app_carries_on(
    trio_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> Briefing:
        raise RuntimeError("the summarizer broke")

    monkeypatch.setattr("briefing.run.day.Day.briefing", broken)
    app = app_for(trio_folder, tmp_path)
    async with app.run_test() as pilot:
        await ready(pilot)
        assert app.is_running and app.return_code is None
        assert any("the summarizer broke" in n.message for n in app._notifications)
        assert "No briefing" in str(app.query_one(StatusBar).render())
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)


def _blocked(monkeypatch: pytest.MonkeyPatch, name: str) -> tuple[threading.Event, threading.Event]:
    """Make `briefing.tui.workers.<name>` (or `briefing.run.day.<name>`, where the workers'
    core function calls it) wait for a go-ahead; returns (started, go)."""
    started, go = threading.Event(), threading.Event()
    module = briefing.tui.workers if hasattr(briefing.tui.workers, name) else briefing.run.day
    original = getattr(module, name)

    def waiting(*args: object, **kwargs: object) -> object:
        started.set()
        assert go.wait(30), "the test never let the blocked call go on"
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, waiting)
    return started, go


async def test_reading_a_locked_history_does_not_block_the_keys(
    trio_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, go = _blocked(monkeypatch, "earlier_items")
    app = app_for(trio_folder, tmp_path)
    async with app.run_test() as pilot:
        while not started.is_set():
            await pilot.pause(0.01)
        # The worker says so before it asks the history; the app shows it once it has the message.
        for _ in range(500):
            if "Reading the history" in str(app.query_one(StatusBar).render()):
                break
            await pilot.pause(0.01)
        assert "Reading the history" in str(app.query_one(StatusBar).render())
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        go.set()
        await ready(pilot)
        assert app.briefing is not None and app.previous == []  # the history was read: it is empty


@pytest.mark.parametrize(
    ("blocked", "key", "said"),
    [("Store", "h", "No briefing recorded yet"), ("write_output", "w", "Wrote ")],
    ids=["history", "write"],
)
async def test_opening_the_history_or_writing_does_not_block_the_keys(
    trio_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, blocked: str, key: str, said: str
) -> None:
    started, go = _blocked(monkeypatch, blocked)
    app = app_for(trio_folder, tmp_path, store=False)
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press(key)
        while not started.is_set():
            await pilot.pause(0.01)
        await pilot.press("j")
        assert app.query_one(ItemList).highlighted == 1
        go.set()
        await ready(pilot)
        assert any(n.message.startswith(said) for n in app._notifications)


@dataclass
class Endless:
    ends: list[str] = field(default_factory=list)  # how each call ended
    calls: int = 0  # calls begun


@pytest.fixture
def endless(monkeypatch: pytest.MonkeyPatch) -> Iterator[Endless]:
    """A summarize that runs until its progress callback stops it.

    A worker is "running" from the moment Textual hands its function to a thread, which a
    loaded machine may not start at once: a worker cancelled by then never calls it (nothing
    to stop, and no end to see: 2 of 4 runs failed at load 3-6). So tests wait for `calls`."""
    state = Endless()
    ends = state.ends
    finished = threading.Event()

    def endless(day: object, config: object, progress, first: object = None) -> Briefing:  # type: ignore[no-untyped-def]
        state.calls += 1
        try:
            while not finished.wait(0.01):
                progress("rating sentences", 0.5)
        except BaseException as stop:
            ends.append(type(stop).__name__)
            raise
        ends.append("ran to the end of the test")
        raise AssertionError("never cancelled")

    monkeypatch.setattr("briefing.run.day.Day.briefing", endless)
    yield state
    finished.set()  # no thread outlives the test, whatever happened


def ended(ends: list[str], count: int) -> list[str]:
    """`ends` once `count` calls have ended: a cancelled worker's thread stops at its next stage,
    which may come after the app has gone."""
    deadline = time.monotonic() + 30
    while len(ends) < count and time.monotonic() < deadline:
        time.sleep(0.01)
    return ends


async def test_quit_during_a_slow_summary_ends_it(trio_folder: Path, tmp_path: Path, endless: Endless) -> None:
    ends = endless.ends
    app = app_for(trio_folder, tmp_path)
    async with app.run_test() as pilot:
        await until(pilot, lambda: endless.calls == 1, "the summary runs")
        await pilot.press("q")
        assert app.return_code == 0
    assert ended(ends, 1) == ["Cancelled"]


async def test_a_new_request_cancels_the_running_summary(trio_folder: Path, tmp_path: Path, endless: Endless) -> None:
    ends = endless.ends
    app = app_for(trio_folder, tmp_path)
    async with app.run_test() as pilot:
        await until(pilot, lambda: endless.calls == 1, "the summary runs")
        await pilot.press("minus")
        await until(pilot, lambda: ends and endless.calls == 2, "the first summary ends, the second runs")
        assert ends == ["Cancelled"]
        await pilot.press("q")
    assert ended(ends, 2) == ["Cancelled", "Cancelled"]


def _briefing_of(count: int, algorithm: str) -> Briefing:
    """A briefing with `count` items, as if the day had that many facts worth a line."""
    source = article("a_gazette", TRIO["a_gazette"])
    sentence = source.sentences[0]
    items = tuple(
        BriefingItem(
            f"Fact number {n} of the day.",
            source.id,
            0,
            (SourceSentence(source.id, 0, sentence.start, sentence.end, sentence.text, 1.0),),
            1.0,
        )
        for n in range(count)
    )
    return Briefing(items, (source,), ("bridge",), Settings(algorithm, count, 0, 0, 0.45))


async def test_rapid_presses_of_plus_add_up(trio_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    go = threading.Event()

    def many_facts(day: object, config, progress=print, first: object = None) -> Briefing:  # type: ignore[no-untyped-def]
        if config.summary.sentences > 8:  # the recomputes wait until every key was pressed
            assert go.wait(30)
        progress("rating sentences", 0.5)
        return _briefing_of(config.summary.sentences, config.summary.algorithm)

    monkeypatch.setattr("briefing.run.day.Day.briefing", many_facts)
    app = app_for(trio_folder, tmp_path)
    async with app.run_test() as pilot:
        await ready(pilot)
        assert len(app.briefing.items) == 8
        await pilot.press("plus", "plus", "plus", "plus")
        go.set()
        await ready(pilot)
        assert len(app.briefing.items) == 12
        assert app.query_one(ItemList).option_count == 12


async def test_a_result_for_an_older_request_is_not_shown(
    trio_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_for(trio_folder, tmp_path)
    async with app.run_test() as pilot:
        await ready(pilot)
        shown = app.briefing
        stale = replace(shown, items=shown.items[:1])
        app.post_message(Summarized(replace(app.wanted, count=app.wanted.count + 5), stale))
        await pilot.pause()
        assert app.briefing is shown


@pytest.mark.slow
async def test_a_day_of_many_files_opens_with_the_briefing_digest_prints(tmp_path: Path) -> None:
    """A day of 100 files or more is read on worker processes in the TUI too: its loop is a
    thread, so they are forked from a server process, which Textual's stderr must not stop."""
    import json
    import subprocess
    import sys

    from briefing.run import local

    day = big_day(tmp_path / "day", local.MINIMUM_INPUTS + 20)
    app = app_for(day, tmp_path, store=False)
    async with app.run_test() as pilot:
        await ready(pilot)
        assert not [n.message for n in app._notifications if n.severity == "error"]
        assert app.briefing is not None
        shown = [item.text for item in app.briefing.items]
    command = [sys.executable, "-m", "briefing", "digest", str(day), "--format", "json", "--no-store"]
    printed = subprocess.run(command, capture_output=True, text=True, timeout=300, check=True)
    assert shown == [item["text"] for item in json.loads(printed.stdout)["items"]]
    assert len(shown) > 3


async def test_the_busy_indicator_waits_a_moment_over_a_briefing(
    trio_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While nothing is shown it spins at once; over a briefing, + and - (a tenth of a second)
    leave the screen still, and only work that outlasts a moment shows it."""
    go = threading.Event()
    real = briefing.run.day.Day.briefing

    def held(day, config, progress=None, first=None):  # type: ignore[no-untyped-def]
        if config.summary.sentences != 8:  # - waits
            assert go.wait(30)
        return real(day, config, progress, first)

    monkeypatch.setattr(briefing.run.day.Day, "briefing", held)
    app = app_for(trio_folder, tmp_path)
    async with app.run_test() as pilot:
        assert app.main.query_one("#busy").display  # reading: nothing to look at yet
        await ready(pilot)
        assert not app.main.query_one("#busy").display
        await pilot.press("minus")
        assert not app.main.query_one("#busy").display
        await until(pilot, lambda: app.main.query_one("#busy").display, "the indicator, the work outlasting a moment")
        go.set()
        await ready(pilot)
        assert not app.main.query_one("#busy").display and app.briefing.settings.sentences < 8


async def test_progress_that_arrives_after_quitting_is_not_a_crash(trio_folder: Path, tmp_path: Path) -> None:
    """A worker's progress report can be handled after the app closed its screens (the reader
    quit while the day was summarized): it is dropped, and the app exits cleanly."""
    app = app_for(trio_folder, tmp_path)
    async with app.run_test() as pilot:
        await ready(pilot)
    assert not app.screen_stack
    await app._on_message(Progressed("summarizing", 0.5))
    await app._on_message(Summarized(app.wanted, app.briefing, app.generation))
    assert app.return_code in (None, 0)
