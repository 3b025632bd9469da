"""A progress bar on stderr for runs longer than a second, and only on a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 24
DELAY = 1.0  # seconds before anything is drawn: short runs stay silent


class ProgressBar:
    """Callable as `progress(stage, fraction)`; `close()` erases the bar."""

    def __init__(self, stream: TextIO | None = None, start: float = 0.0, span: float = 1.0) -> None:
        stream = stream or sys.stderr  # looked up now: tests and callers may replace sys.stderr
        self.stream = stream
        self.enabled = stream.isatty()
        self.began = time.monotonic()
        self.start = start
        self.span = span
        self.drawn = False

    def part(self, start: float, span: float) -> ProgressBar:
        """A bar for one phase of the run, drawn as `span` of the whole from `start`."""
        phase = ProgressBar(self.stream, start, span)
        phase.began = self.began
        phase.enabled = self.enabled
        return phase

    def __call__(self, stage: str, fraction: float) -> None:
        if not self.enabled or time.monotonic() - self.began < DELAY:
            return
        done = self.start + self.span * max(0.0, min(1.0, fraction))
        filled = int(WIDTH * done)
        self.stream.write(f"\r[{'#' * filled}{'.' * (WIDTH - filled)}] {stage:<20}")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r" + " " * (WIDTH + 24) + "\r")
            self.stream.flush()
