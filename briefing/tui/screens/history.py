"""Past briefings from the history database; enter shows one exactly as it was written.

The list is `briefing history`'s, line for line (order, ids, column headers), the newest,
last, highlighted.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.screen import ModalScreen, Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.models import PastBriefing
from briefing.output.listing import HEADER, history_line
from briefing.sanitize import printable
from briefing.tui.keys import dialog_bindings
from briefing.tui.widgets.footer import KeyFooter


class PastBriefingScreen(Screen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", tooltip="back to the briefing", id="past.back")]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        # As it was written (wrapped at 78 columns): never wrapped again, scrolled sideways if need be.
        with ScrollableContainer(id="past-body"):
            yield Static(Text(printable(self.text), no_wrap=True), id="past-text")
        yield KeyFooter()


class HistoryScreen(ModalScreen[int | None]):
    """Choose a past briefing; dismisses with its id."""

    BINDINGS = [Binding("escape", "dismiss_none", "Close", tooltip="close", id="history.close"), *dialog_bindings()]

    def __init__(self, past: list[PastBriefing]) -> None:
        super().__init__()
        self.past = past

    def compose(self) -> ComposeResult:
        options = OptionList(
            Option(Text(HEADER, style="bold"), disabled=True),
            *(Option(Text(history_line(entry)), id=str(entry.id)) for entry in self.past),
            id="history-list",
        )
        options.border_title = "Past briefings (enter shows one)"
        yield options

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = len(self.past)  # the newest
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
