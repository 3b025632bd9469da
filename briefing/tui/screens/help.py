"""Every key, as currently bound (after remapping from config.toml)."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark", "app.pop_screen", "Close", id="help.close")]

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        table = Table(title="Keys", show_header=False, box=None, padding=(0, 2))
        for keys, description in self.rows:
            table.add_row(keys, description)
        table.add_row("ctrl+p", "command palette: the same actions, and themes")
        with VerticalScroll(id="help-box"):
            yield Static(table)
            yield Static("escape closes", classes="hint")
