"""What cleaning removed from the article at hand, and which files were skipped, and why."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Collapsible, Static

from briefing.models import Article, Problem
from briefing.output.problems import by_cause, cause_lines, problems_count
from briefing.sanitize import printable, shown_name
from briefing.tui.keys import dialog_bindings, screen_binding

_OPEN = 10  # up to this many problems are listed open; more, by cause, each cause folded


def removed_table(article: Article) -> Table | Text:
    """What cleaning removed from `article`, rule by rule, or a line saying nothing was: a new
    user read an empty "rule" column beside "nothing was removed" as a table that broke."""
    title = Text("Removed from “" if article.removed else "Nothing was removed from “")
    title.append(shown_name(article.title), style="bold")
    title.append(f"” ({shown_name(article.source)})")
    if not article.removed:
        return title.append(": its text is read as it came.")
    table = Table(title=title, expand=True, show_lines=False)
    table.add_column("rule", style="cyan", no_wrap=True)
    table.add_column("text", ratio=1)
    for removal in article.removed:
        table.add_row(Text(removal.rule), Text(printable(removal.text)))
    return table


def problem_groups(problems: list[Problem]) -> list[Widget]:
    """The files and entries read with a problem: a heading that counts them, then their causes.

    Up to `_OPEN` problems are listed open. More are shown by cause, most common first, each
    cause's list folded under its count (Enter unfolds it): the 100 real feeds' 896 skipped
    entries, a line each, filled 22 screens of 40 lines; by cause they are 3 lines."""
    folded = len(problems) > _OPEN
    counted = problems_count(problems) if len(problems) > 1 else f"{len(problems)}"
    widgets: list[Widget] = [Static(Text(f"Set aside or noted: {counted}", style="bold"), classes="heading")]
    if folded:
        widgets.append(
            Static(Text("Enter lists a cause's files and entries; Tab goes to the next cause.", style="dim"))
        )
    for line, members in by_cause(problems):
        listed = Text("\n".join(shown_name(line) for line in cause_lines(members)))
        widgets.append(Collapsible(Static(listed), title=escape(shown_name(line)), collapsed=folded))
    return widgets


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
        with VerticalScroll(id="explain-box"):
            if self.article is not None:
                yield Static(removed_table(self.article))
            if self.problems:
                yield from problem_groups(self.problems)
            if self.article is None and not self.problems:
                yield Static(Text("Nothing was removed and no file was skipped."))

    def on_mount(self) -> None:
        """The first cause at hand: Enter unfolds it, the arrows scroll, Tab goes on."""
        titles = self.query("CollapsibleTitle")
        (titles.first() if titles else self.query_one(VerticalScroll)).focus()
