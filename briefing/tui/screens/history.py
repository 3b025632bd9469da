"""Past briefings from the history database; enter shows one exactly as it was written."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from briefing.history.store import PastBriefing
from briefing.render import printable


class PastBriefingScreen(Screen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="past.back")]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="article-body"):
            yield Static(Text(printable(self.text)))
        yield Footer()


class HistoryScreen(ModalScreen[int | None]):
    """Choose a past briefing; dismisses with its id."""

    BINDINGS = [Binding("escape", "dismiss_none", "Close", id="history.close")]

    def __init__(self, past: list[PastBriefing]) -> None:
        super().__init__()
        self.past = past

    def compose(self) -> ComposeResult:
        options = OptionList(
            *(
                Option(
                    Text(
                        printable(
                            f"{p.created[:16].replace('T', ' ')}  {p.date or 'undated'}  {p.items} items  "
                            f"{', '.join(p.key_terms)}"
                        )
                    ),
                    id=str(p.id),
                )
                for p in reversed(self.past)
            ),
            id="history-list",
        )
        options.border_title = "Past briefings"
        yield options

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
