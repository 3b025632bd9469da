"""Pick the sumy algorithm that rates sentences."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.summary.algorithms import NAMES as ALGORITHMS


class AlgorithmScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "dismiss_none", "Cancel", id="algorithm.cancel")]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        options = OptionList(*(Option(name, id=name) for name in ALGORITHMS), id="algorithm-list")
        options.border_title = "Algorithm"
        yield options

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = ALGORITHMS.index(self.current)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
