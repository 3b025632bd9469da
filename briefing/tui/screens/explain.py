"""What cleaning removed from one article, and the rule that removed each piece."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing.models import Article
from briefing.render import printable


class ExplainScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,e", "app.pop_screen", "Close", id="explain.close")]

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article

    def compose(self) -> ComposeResult:
        table = Table(title=f"Removed from {printable(self.article.id)}", expand=True, show_lines=False)
        table.add_column("rule", style="cyan", no_wrap=True)
        table.add_column("text", ratio=1)
        for removal in self.article.removed:
            table.add_row(removal.rule, Text(printable(removal.text)))
        if not self.article.removed:
            table.add_row("", "nothing was removed")
        with VerticalScroll(id="explain-box"):
            yield Static(table)
