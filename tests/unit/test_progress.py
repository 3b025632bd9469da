"""The progress bar: silent for short runs and off a terminal, erased when the run ends."""

from __future__ import annotations

import io

import pytest

from briefing.output import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_bar_is_drawn_on_a_terminal_and_erased_at_the_end(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setenv("TERM", "xterm-256color")
    screen = Terminal()
    bar = progress.ProgressBar(screen)
    bar.part(0.3, 0.7)("grouping facts", 0.5)
    bar.close()
    drawn = screen.getvalue()
    assert "grouping facts" in drawn
    # rich's transient display ends by erasing its line: nothing is left on the screen.
    last = drawn.rsplit("grouping facts", 1)[1]
    assert "\x1b[2K" in last


def test_no_bar_off_a_terminal_or_on_a_dumb_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.0)
    pipe = io.StringIO()
    bar = progress.ProgressBar(pipe)
    bar("reading", 0.5)
    bar.close()
    assert pipe.getvalue() == ""
    monkeypatch.setenv("TERM", "dumb")
    dumb = Terminal()
    bar = progress.ProgressBar(dumb)
    bar("reading", 0.5)
    bar.close()
    assert "\x1b" not in dumb.getvalue()
