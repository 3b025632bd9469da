"""The key footer, compact on narrow terminals so that Quit stays in sight at 80 columns.

Textual's Footer makes new keys whenever the bindings change (every new briefing does), and
each key it makes watches the footer's `compact` through `data_bind`. Textual forgets the
watchers of removed keys only when `compact` itself changes, so each recompose kept the
keys it replaced, their styles and caches with them: 90 MB over 500 presses of + and -.
`recompose` here forgets them, by the test Textual's own pruning uses.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Footer

NARROW = 100  # columns below which the footer drops its padding and the palette hint


class KeyFooter(Footer):
    def on_resize(self, event: events.Resize) -> None:
        self.compact = event.size.width < NARROW

    async def recompose(self) -> None:
        await super().recompose()
        watchers: dict[str, list[tuple[object, object]]] = getattr(self, "__watchers", {})
        for pairs in watchers.values():
            pairs[:] = [(node, callback) for node, callback in pairs if not getattr(node, "_closing", False)]
