"""What a first start without articles shows: how to point briefing at some."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from briefing.printable import printable
from briefing.tui.widgets.footer import KeyFooter

WAYS = (
    ("briefing FOLDER", "summarize the articles in a folder (.txt, .md, saved .html pages, saved feeds)"),
    ("briefing URL", "fetch a page or a feed now and summarize it"),
    ("[sources] paths", 'in ~/.config/briefing/config.toml, e.g. paths = ["~/news"]: read when none is named'),
    ("[sources] feeds", "feeds `briefing fetch` downloads (cron it); `briefing feeds import FILE` adds OPML/newsboat"),
)


def welcome_text(reason: str) -> Group:
    intro = Text("Welcome to briefing\n\n", style="bold")
    intro.append("briefing turns a morning's overlapping news articles into one short briefing, ")
    intro.append("each fact once, with the articles that report it.\n\n")
    intro.append("No articles to read yet", style="bold")
    intro.append(f" ([sources] paths: {printable(reason)}). Point it at some:\n")
    ways = Table(show_header=False, box=None, padding=(0, 1))
    ways.add_column(style="bold cyan", no_wrap=True)
    ways.add_column()
    for command, what in WAYS:
        ways.add_row(Text(command), Text(what))
    return Group(intro, ways, Text("\nq quits.", style="dim"))


class WelcomeScreen(Screen[None]):
    """Shown instead of an empty briefing; q quits."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="welcome"):
            yield Static(welcome_text(self.reason))
        yield KeyFooter()
