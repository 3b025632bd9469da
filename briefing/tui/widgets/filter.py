"""The filter's field above the footer: what the reader types to see only the items that hold it."""

from __future__ import annotations

from textual.keys import REPLACED_KEYS, key_to_character
from textual.widgets import Input

from briefing.tui.keys import screen_binding


class FilterInput(Input):
    """The filter's text; escape clears it and goes back to the items."""

    BINDINGS = [screen_binding("back", "screen.clear_filter", "Clear", "clear the filter")]

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """Keys typed here are not offered in the footer. Textual finds no character for
        "plus" and "minus" (names it gave "plus_sign" and "hyphen_minus"), so the footer
        offered + Longer and - Shorter while + and - went into the text."""
        return super().check_consume_key(key, character or key_to_character(REPLACED_KEYS.get(key, key)))
