"""Helpers for driving the TUI with Textual's Pilot."""

from __future__ import annotations

import contextlib
import io
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from rich.console import Console
from textual.app import App
from textual.message_pump import MessagePump
from textual.pilot import Pilot
from textual.widgets import Static
from textual.worker import WorkerFailed

from briefing.config import Config, KeysConfig, OutputConfig
from briefing.tui.app import BriefingApp, create_app


async def ready(pilot: Pilot[None]) -> None:
    """Wait until every worker, and the workers their results start, have finished, and every
    message they posted (and the messages those caused) has been handled.

    Pilot's own pause waits until the process looks idle (its CPU time stops advancing), which a
    loaded machine fakes: a result could still be queued, its notice not yet given, the footer
    not yet drawn."""
    app = pilot.app
    while True:
        with contextlib.suppress(WorkerFailed):
            await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(worker.is_running for worker in app.workers) and handled(app):
            await pilot.pause()  # the screen drawn as the last message left it
            return


def handled(app: App[None]) -> bool:
    """Whether the app and every widget on its screens has no message queued and no callback
    waiting."""
    nodes: list[MessagePump] = [app]
    for screen in app.screen_stack:
        nodes += screen.walk_children(with_self=True)
    return all(
        node._message_queue.empty() and node._pending_message is None and not node._next_callbacks for node in nodes
    )


async def until(pilot: Pilot[None], condition: Callable[[], object], what: str, timeout: float = 30) -> None:
    """Let the app run until `condition()` holds: a wait on what the test needs, not a sleep
    that a loaded machine outlasts. `timeout` only ends a test that would hang; it decides nothing."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"{what}: not within {timeout} s"
        await pilot.pause(0.01)


def app_for(folder: Path, tmp_path: Path, store: bool = True, **keys: str) -> BriefingApp:
    """The app on `folder`, writing its digest into `tmp_path`, with `keys` remapped."""
    config = replace(
        Config(), output=OutputConfig(path=str(tmp_path / "digest-{date}.txt")), keys=replace(KeysConfig(), **keys)
    )
    return create_app([str(folder)], config, store)


def screen_text(app: BriefingApp) -> str:
    """What a person sees on the screen right now, as lines of text."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def footer(app: BriefingApp) -> str:
    """The keys the footer offers right now, as a person reads them on its line."""
    return screen_text(app).splitlines()[-1]


def text_of(static: Static, width: int = 200) -> str:
    """What a Static shows, as plain text (for Rich tables and groups, which have no `plain`)."""
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(static.content)
    return console.export_text()


def earlier_briefing(tmp_path: Path) -> None:
    """A briefing of another story recorded in the history, so the next one has items to be
    new against (a history's first briefing marks nothing)."""
    from briefing.cli.main import main

    earlier = tmp_path / "earlier"
    earlier.mkdir()
    (earlier / "weather.txt").write_text(
        "Title: Sunny Week Ahead\n\nForecasters expect a dry and sunny week across the region with light winds.",
        encoding="utf-8",
    )
    assert main(["digest", str(earlier)]) == 0
