"""An OptionList whose wrapped options stay whole when its scrollbar comes and goes."""

from __future__ import annotations

from textual.widgets import OptionList


class WrappedOptionList(OptionList):
    """OptionList measures each option's wrapped height once, at the width it has then. When
    the list grows past its height a scrollbar appears, the text gets narrower and wraps onto
    one more line, which the stale height cuts off: a long item lost its last line and its
    support badge. Measuring again whenever the scrollbar shows or hides keeps every option
    whole, and keeps the full width while no scrollbar is needed."""

    def watch_show_vertical_scrollbar(self, shown: bool) -> None:
        self._clear_caches()  # Textual's own reset on resize: heights and renders at the new width
