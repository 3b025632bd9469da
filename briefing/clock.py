"""The run's date and time, read in one place: the seam tests move to make another day.

The core never reads the clock; the shells (CLI, TUI) ask here and pass the date on.
"""

from __future__ import annotations

from datetime import datetime


def now() -> datetime:
    """The current local time, with its UTC offset."""
    return datetime.now().astimezone()


def today() -> str:
    """The local date, YYYY-MM-DD: the day a briefing is made for."""
    return now().date().isoformat()
