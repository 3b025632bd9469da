"""The key footer, compact on narrow terminals so that Quit stays in sight at 80 columns.

Textual's Footer makes new keys whenever the bindings change (every new briefing does), and
each key it makes watches the footer's `compact` through `data_bind`. Textual forgets the
watchers of removed keys only when `compact` itself changes, so each recompose kept the
keys it replaced, their styles and caches with them: 90 MB over 500 presses of + and -.
`recompose` here forgets them, by the test Textual's own pruning uses.

Keys made again lay the screen out once more: the footer makes none when the ones shown
would be the same (+ and -, another algorithm: each new briefing refreshes the bindings).
"""

from __future__ import annotations

from textual import events
from textual.widgets import Footer

NARROW = 100  # columns below which the footer drops its padding and the palette hint


class KeyFooter(Footer):
    def __init__(self) -> None:
        super().__init__()
        self._shown: object = None  # what the keys made last show, as `_keys` says it

    def on_resize(self, event: events.Resize) -> None:
        self.compact = event.size.width < NARROW

    def _keys(self) -> object:
        """All that Footer.compose makes its keys of."""
        bindings = tuple(
            (binding, self.app.get_key_display(binding), enabled, tooltip)
            for _, binding, enabled, tooltip in self.screen.active_bindings.values()
        )
        return self._bindings_ready, self.show_command_palette, bindings

    async def recompose(self) -> None:
        keys = self._keys() if self.is_attached else None
        if keys is not None and keys == self._shown:
            return
        await super().recompose()
        self._shown = keys
        watchers: dict[str, list[tuple[object, object]]] = getattr(self, "__watchers", {})
        for pairs in watchers.values():
            pairs[:] = [(node, callback) for node, callback in pairs if not getattr(node, "_closing", False)]
