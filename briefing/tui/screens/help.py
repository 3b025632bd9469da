"""The keys that work on the screen `?` was pressed on (as remapped), and what the marks mean:
all of it on an 80x24 screen."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing.tui.keys import screen_binding


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        screen_binding("back", "app.pop_screen", "Close"),
        screen_binding("help", "app.pop_screen", "Close", show=False),  # ? again
    ]

    def __init__(self, rows: list[tuple[str, str]], legend: tuple[tuple[str, str], ...] = ()) -> None:
        super().__init__()
        self.rows = rows
        self.legend = legend

    def compose(self) -> ComposeResult:
        # Title and hint in the border, not on lines of their own: every row fits on 80x24.
        table = Table(show_header=False, box=None, padding=(0, 1))
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        for keys, description in self.rows:
            table.add_row(Text(keys), Text(description))
        table.add_row("ctrl+p", "command palette: every action by name, and themes")
        box = VerticalScroll(id="help-box")
        box.border_title, box.border_subtitle = "Keys", "escape closes"
        with box:
            yield Static(table)
            if self.legend:
                legend = Table(show_header=False, box=None, padding=(0, 1))
                legend.add_column(style="bold cyan", no_wrap=True)
                legend.add_column()
                for sign, meaning in self.legend:
                    legend.add_row(Text(sign), Text(meaning))
                yield Static(legend, classes="legend")
