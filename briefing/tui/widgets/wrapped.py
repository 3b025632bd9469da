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

    def on_resize(self) -> None:
        """At a new width every option's height changes, and the old scroll offset points at
        other options: the highlighted one went out of sight while the sources beside it
        still showed its sentences. Scroll to it again, once the new heights are measured."""
        self.call_after_refresh(self.scroll_to_highlight)
