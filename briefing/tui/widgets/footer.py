"""The key footer, compact on narrow terminals so that Quit stays in sight at 80 columns."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer

NARROW = 100  # columns below which the footer drops its padding and the palette hint


class KeyFooter(Footer):
    def on_resize(self, event: events.Resize) -> None:
        self.compact = event.size.width < NARROW
