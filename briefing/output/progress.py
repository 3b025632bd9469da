"""A progress bar on stderr for runs longer than a second, only on a terminal, erased at the end.

Drawn by `rich.progress` (transient: the line is gone when the run ends), which handles
terminal widths, redraws and dumb terminals better than code we would write. rich is
imported only once a bar is actually drawn, so short runs and cron jobs never pay for it.
"""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO

DELAY = 1.0  # seconds before anything is drawn: short runs stay silent


class _Bar:
    """The one bar of a run, shared by its phases; started lazily."""

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream
        self.began = time.monotonic()
        self.enabled = stream is not None and stream.isatty()
        self.progress: Any = None
        self.task: Any = None

    def update(self, description: str, completed: float) -> None:
        if not self.enabled or time.monotonic() - self.began < DELAY:
            return
        if self.progress is None:
            self._start()
            if self.progress is None:
                return
        self.progress.update(self.task, description=description, completed=completed)

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

        console = Console(file=self.stream, stderr=True)
        if not console.is_terminal or console.is_dumb_terminal:
            self.enabled = False
            return
        self.progress = Progress(
            BarColumn(bar_width=24),
            TaskProgressColumn(),
            TextColumn("{task.description}"),
            console=console,
            transient=True,
        )
        self.task = self.progress.add_task("", total=1.0)
        self.progress.start()

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None


class ProgressBar:
    """Callable as `progress(stage, fraction)`; `close()` erases the bar."""

    def __init__(self, stream: TextIO | None = None, start: float = 0.0, span: float = 1.0) -> None:
        # Looked up now, not at import: tests and callers may replace sys.stderr.
        self._bar = _Bar(stream or sys.stderr)
        self.start = start
        self.span = span

    def part(self, start: float, span: float) -> ProgressBar:
        """A bar for one phase of the run, drawn as `span` of the whole from `start`."""
        phase = ProgressBar(self._bar.stream, start, span)
        phase._bar = self._bar
        return phase

    def __call__(self, stage: str, fraction: float) -> None:
        self._bar.update(stage, self.start + self.span * max(0.0, min(1.0, fraction)))

    def close(self) -> None:
        self._bar.close()
