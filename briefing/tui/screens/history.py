"""Past briefings from the history database; enter shows one as it was written, wrapped again
to the screen's width. j/k move in both, as on the main screen.

The list is `briefing history`'s, line for line (order, ids, column headers), the newest,
last, highlighted.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import ScrollableContainer
from textual.screen import ModalScreen, Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.models import PastBriefing, Settings
from briefing.output.listing import HEADER, history_line
from briefing.output.wrap import WIDTH, rewrap
from briefing.sanitize import printable
from briefing.tui.keys import dialog_bindings, motion_bindings, screen_binding
from briefing.tui.widgets.footer import KeyFooter


class PastBriefingScreen(Screen[None]):
    BINDINGS = [
        screen_binding("back", "app.pop_screen", "Back", "back to the briefing"),
        *motion_bindings("line"),
    ]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        # Wrapped again at the screen's width, never narrower than it was written (78 columns):
        # a narrow screen scrolls sideways instead.
        with ScrollableContainer(id="past-body"):
            yield Static(Text(printable(self.text), no_wrap=True), id="past-text")
        yield KeyFooter()

    def on_resize(self) -> None:
        width = max(WIDTH, self.size.width - 2)  # a column for the scrollbar, one to spare
        self.query_one("#past-text", Static).update(Text(printable(rewrap(self.text, width)), no_wrap=True))

    def action_move(self, step: int) -> None:
        self.query_one("#past-body", ScrollableContainer).scroll_relative(y=step, animate=False)


class HistoryScreen(ModalScreen[int | None]):
    """Choose a past briefing; dismisses with its id."""

    BINDINGS = [
        screen_binding("back", "dismiss_none", "Close", "close"),
        *motion_bindings("past briefing"),
        *dialog_bindings(),
    ]

    def __init__(self, past: list[PastBriefing], usual: Settings | None = None) -> None:
        super().__init__()
        self.past = past
        self.usual = usual  # a past briefing made with other settings says how

    def compose(self) -> ComposeResult:
        options = OptionList(
            Option(Text(HEADER, style="bold"), disabled=True),
            *(Option(Text(history_line(entry, self.usual)), id=str(entry.id)) for entry in self.past),
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

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
