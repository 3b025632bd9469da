"""What cleaning removed from the article at hand, and which files were skipped, and why."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing.models import Article, Problem
from briefing.output.problems import problem_lines
from briefing.sanitize import printable, shown_name
from briefing.tui.keys import dialog_bindings, screen_binding


def removed_table(article: Article) -> Table:
    title = Text("Removed from “")
    title.append(shown_name(article.title), style="bold")
    title.append(f"” ({shown_name(article.source)})")
    table = Table(title=title, expand=True, show_lines=False)
    table.add_column("rule", style="cyan", no_wrap=True)
    table.add_column("text", ratio=1)
    for removal in article.removed:
        table.add_row(Text(removal.rule), Text(printable(removal.text)))
    if not article.removed:
        table.add_row("", "nothing was removed")
    return table


def problems_table(problems: list[Problem]) -> Table:
    table = Table(title=f"Read with a problem: {len(problems)}", expand=True)
    table.add_column("file, and why", ratio=1)
    for line in problem_lines(problems, every=True):
        table.add_row(Text(shown_name(line)))
    return table


class ExplainScreen(ModalScreen[None]):
    BINDINGS = [
        screen_binding("back", "app.pop_screen", "Close", "close"),
        screen_binding("explain", "app.pop_screen", "Close", "close", show=False),  # e again
        *dialog_bindings(),
    ]

    def __init__(self, article: Article | None, problems: list[Problem]) -> None:
        super().__init__()
        self.article = article
        self.problems = problems

    def compose(self) -> ComposeResult:
        parts: list[RenderableType] = []
        if self.article is not None:
            parts.append(removed_table(self.article))
        if self.problems:
            parts.append(problems_table(self.problems))
        if not parts:
            parts.append(Text("Nothing was removed and no file was skipped."))
        with VerticalScroll(id="explain-box"):
            yield Static(Group(*parts))
