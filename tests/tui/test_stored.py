"""A launch shows the briefing last made of the same sources (cron's, or the TUI's own) at once,
marked as stored with its time, and replaces it with today's once that is made."""

from __future__ import annotations

import os
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
from builders import Clock
from commands import run_briefing
from pilots import app_for, footer, ready, screen_text, until

import briefing.run.cached
import briefing.run.day
import briefing.run.unchanged
from briefing.config import Config, RankConfig
from briefing.models import FORMATS
from briefing.output.render import render
from briefing.storage.cache import Cache
from briefing.storage.db import Store, store_path
from briefing.tui.app import BriefingApp, create_app
from briefing.tui.widgets.items import ItemList
from briefing.tui.widgets.status import StatusBar


def _held(monkeypatch: pytest.MonkeyPatch, name: str) -> tuple[threading.Event, threading.Event]:
    """`briefing.run.day.<name>` waits for a go-ahead: the day is being read until the test says."""
    started, go = threading.Event(), threading.Event()
    original = getattr(briefing.run.day, name)

    def waiting(*args: object, **kwargs: object) -> object:
        started.set()
        assert go.wait(30), "the test never let the reading go on"
        return original(*args, **kwargs)

    monkeypatch.setattr(briefing.run.day, name, waiting)
    return started, go


def header(app: BriefingApp) -> str:
    return str(app.query_one(StatusBar).render())


def listed(app: BriefingApp) -> list[str]:
    """The item texts the list shows, as a person reads them (the highlighted story's)."""
    items = app.query_one(ItemList)
    return [str(items.get_option_at_index(n).prompt) for n in range(items.option_count)]


def _cron(folder: Path, clock: Clock) -> None:
    """Cron's digest of `folder` at 06:00, with the history on; the clock back at 07:00 after."""
    clock.advance(hours=-1)
    assert run_briefing("digest", str(folder)).returncode == 0
    clock.advance(hours=1)


async def test_a_launch_shows_crons_briefing_until_todays_replaces_it(
    trio_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    _cron(trio_folder, clock)
    (trio_folder / sorted(p.name for p in trio_folder.iterdir())[0]).unlink()  # news moved on since
    _, go = _held(monkeypatch, "earlier_items")
    app = app_for(trio_folder, tmp_path)
    async with app.run_test(size=(140, 30)) as pilot:
        await until(pilot, lambda: "reading the history" in header(app), "the stored briefing, and progress")
        stored = listed(app)
        assert header(app).startswith("Stored briefing of 06:00, updating: reading the history")
        assert "3 articles" in header(app) and stored
        await pilot.pause()
        assert "w Write" not in footer(app)  # w writes today's briefing, not a stored one
        go.set()
        await ready(pilot)
        assert "Stored" not in screen_text(app) and "2 articles" in header(app)
        assert listed(app) != stored and "w Write" in footer(app)
        assert not any("As it was left" in n.message for n in app._notifications)  # cron's: config.toml's


async def test_the_tui_keeps_its_briefing_for_its_next_launch(
    trio_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    first = app_for(trio_folder, tmp_path)
    async with first.run_test(size=(140, 30)) as pilot:
        await ready(pilot)
        await pilot.press("minus")
        await ready(pilot)
        shown, count = listed(first), first.wanted.count
    clock.advance(days=1)
    _, go = _held(monkeypatch, "gather")
    app = app_for(trio_folder, tmp_path)
    async with app.run_test(size=(140, 30)) as pilot:
        await until(pilot, lambda: app.briefing is not None, "the stored briefing")
        assert header(app).startswith("Stored briefing of 2024-04-05 07:00, updating: reading articles")
        assert listed(app) == shown  # as it was left: one item fewer
        go.set()
        await ready(pilot)
        assert app.stored is None and "Stored" not in header(app)
        # Today's is made as the reader left it, not with the config's length: nothing reorders.
        assert app.briefing is not None and app.briefing.settings.sentences == count != 8
        assert len(listed(app)) == len(shown)
        # ... and the reader is told so: the digest and cron's file keep config.toml's 8 items.
        said = [n.message for n in app._notifications]
        assert f"As it was left: {count} items a story, lexrank; config.toml asks for 8 items a story" in " ".join(said)
        assert "(+ and - change the length, a the algorithm)" in " ".join(said)


async def test_a_stored_briefing_the_launch_would_not_make_again_is_not_shown(
    trio_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    clock.advance(hours=-1)
    assert run_briefing("digest", str(trio_folder), "--words", "40").returncode == 0  # cron's, by words
    clock.advance(hours=1)
    await _nothing_until_read(app_for(trio_folder, tmp_path), *_held(monkeypatch, "gather"))


async def test_no_stored_briefing_without_the_history_or_from_a_damaged_one(
    trio_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    _cron(trio_folder, clock)
    held = _held(monkeypatch, "gather")
    app = app_for(trio_folder, tmp_path, store=False)  # --no-store: the history is not read
    await _nothing_until_read(app, *held)
    with Store(store_path(app.config)) as store, store.writing() as db:
        db.execute("UPDATE analysed SET value = '[\"07:00\", [[[1]]]]' WHERE kind = 'shown'")
        assert Cache(store).get("shown", [app.key])  # what the app would read, damaged
    app = app_for(trio_folder, tmp_path)
    await _nothing_until_read(app, *held)
    assert not [n for n in app._notifications if n.severity == "error"]


async def test_the_day_is_read_once_the_stored_briefing_is_shown(
    trio_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    """The reading holds the interpreter (on 100 feeds its imports alone take a second): begun
    beside the lookup of the stored briefing, it made that briefing come late."""
    _cron(trio_folder, clock)
    shown_first: list[bool] = []
    original = briefing.run.day.read_day

    def reading(*args: object, **kwargs: object) -> object:
        shown_first.append(app.briefing is not None)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(briefing.run.day, "read_day", reading)
    app = app_for(trio_folder, tmp_path)
    async with app.run_test(size=(140, 30)) as pilot:
        await ready(pilot)
    assert shown_first == [True]


async def test_a_launch_on_the_files_cron_read_shows_todays_briefing_at_once(
    trio_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    """Cron's briefing of the same files, settings and earlier items is today's: shown as such
    (not marked stored, w writes it) while the day is read again, and made again the same."""
    _cron(trio_folder, clock)
    _, go = _held(monkeypatch, "gather")
    app = app_for(trio_folder, tmp_path)
    async with app.run_test(size=(140, 30)) as pilot:
        await until(pilot, lambda: app.briefing is not None, "today's briefing")
        kept = app.briefing
        assert kept is not None and app.stored is None
        assert header(app).startswith("Briefing for 2024-04-05 · 3 articles")
        await until(pilot, lambda: "w Write" in footer(app), "w, to write it")
        go.set()
        await ready(pilot)
        assert app.briefing is not kept and app.briefing is not None  # made again from the articles
        assert [render(kept, f) for f in FORMATS] == [render(app.briefing, f) for f in FORMATS]


async def test_a_file_or_a_setting_changed_since_makes_the_kept_briefing_stored_again(
    trio_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    """A briefing kept from other bytes, or made with other settings, is not today's: it is
    shown marked as stored until today's is made."""
    _cron(trio_folder, clock)
    file = sorted(trio_folder.iterdir())[0]
    file.write_text(file.read_text(encoding="utf-8") + "\nOfficials said more talks would follow.\n", encoding="utf-8")
    _, go = _held(monkeypatch, "gather")
    await _stored_until_read(app_for(trio_folder, tmp_path), go)
    await _stored_until_read(create_app([str(trio_folder)], replace(Config(), rank=RankConfig(recency=0.0))), go)


async def _stored_until_read(app: BriefingApp, go: threading.Event) -> None:
    """The stored briefing is shown marked as such until the day is read; then today's."""
    async with app.run_test(size=(140, 30)) as pilot:
        await until(pilot, lambda: app.briefing is not None, "the stored briefing")
        assert app.stored is not None and header(app).startswith("Stored briefing of")
        go.set()
        await ready(pilot)
        assert app.stored is None
    go.clear()


async def _nothing_until_read(app: BriefingApp, started: threading.Event, go: threading.Event) -> None:
    """While the day is read, the screen says so and shows no briefing; then today's."""
    async with app.run_test() as pilot:
        await until(pilot, started.is_set, "the reading")
        await until(pilot, lambda: not any(w.is_running for w in app.workers if w.group == "stored"), "the history")
        await pilot.pause()
        assert app.briefing is None and "Reading articles" in header(app)
        go.set()
        await ready(pilot)
        assert app.briefing is not None
    started.clear()
    go.clear()


def _cron_later(folder: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch, hours: float = 1) -> None:
    """Cron's digest (`_cron`), reading the files `hours` after they were written: long enough
    for each file's status to tell its bytes (`briefing.run.unchanged.settled`)."""
    with monkeypatch.context() as later:
        later.setattr(briefing.run.cached, "time_ns", lambda: time.time_ns() + int(hours * 3600e9), raising=False)
        _cron(folder, clock)


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the launch's check reads, as it reads them."""
    names: list[str] = []
    original = briefing.run.unchanged.read_file

    def reading(path: Path, max_bytes: int = 0) -> object:
        names.append(path.name)
        return original(path, max_bytes)

    monkeypatch.setattr(briefing.run.unchanged, "read_file", reading)
    return names


async def test_files_cron_read_are_told_unchanged_without_being_read_again(
    trio_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    """A launch tells the files cron read unchanged by their status (size, times, inode) as
    cron read them, without reading their bytes again, and shows today's briefing at once;
    a file changed shortly before cron read it (an edit in the same tick of the file system's
    clock would leave its times as they were) is read again to tell."""
    fresh = sorted(trio_folder.iterdir())[0]
    soon = time.time() + 3600 - 5  # five seconds before cron reads it
    os.utime(fresh, (soon, soon))
    _cron_later(trio_folder, clock, monkeypatch)
    reads = _reads(monkeypatch)
    _, go = _held(monkeypatch, "gather")
    app = app_for(trio_folder, tmp_path)
    async with app.run_test(size=(140, 30)) as pilot:
        await until(pilot, lambda: app.briefing is not None, "today's briefing")
        assert app.stored is None and header(app).startswith("Briefing for 2024-04-05 · 3 articles")
        go.set()
        await ready(pilot)
    assert reads == [fresh.name]


async def test_a_file_edited_to_the_same_size_and_times_is_noticed(
    trio_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    """An edit that keeps a file's size and puts its modification time back (as `cp -p`,
    `rsync -t` or `touch -r` do) still makes the kept briefing stored: the file's change
    time, which no one sets, tells it."""
    _cron_later(trio_folder, clock, monkeypatch)
    file = sorted(trio_folder.iterdir())[0]
    before = file.stat()
    file.write_text(file.read_text(encoding="utf-8").replace("said", "Said", 1), encoding="utf-8")
    os.utime(file, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (file.stat().st_size, file.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    _, go = _held(monkeypatch, "gather")
    await _stored_until_read(app_for(trio_folder, tmp_path), go)
