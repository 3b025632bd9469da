"""What a first start without articles shows: how to point briefing at some."""

from __future__ import annotations

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


def welcome_text(reason: str) -> Text:
    text = Text("Welcome to briefing\n\n", style="bold")
    text.append("briefing turns a morning's overlapping news articles into one short briefing, ")
    text.append("each fact once, with the articles that report it.\n\n")
    text.append("No articles to read yet", style="bold")
    text.append(f" ({printable(reason)}).\n\nPoint it at some:\n\n")
    for command, what in WAYS:
        text.append(f"  {command:<18}", style="bold cyan")
        text.append(f"{what}\n")
    return text


class WelcomeScreen(Screen[None]):
    """Shown instead of an empty briefing; q quits."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="welcome"):
            yield Static(welcome_text(self.reason))
        yield KeyFooter()
