"""What a first start without articles shows: how to point briefing at some."""

from __future__ import annotations

import re
from pathlib import Path

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from briefing.sanitize import printable, shown_name
from briefing.tui.widgets.footer import KeyFooter


def ways(config_file: Path | None) -> tuple[tuple[str, str], ...]:
    """Each way to give briefing articles; `config_file` is the config it reads (None: no
    config folder is known, so only --config names one)."""
    where = shown_name(config_file) if config_file else "a config file named with --config"
    return (
        ("briefing FOLDER", "summarize the articles in a folder (.txt, .md, saved .html pages, saved feeds)"),
        ("briefing URL", "fetch a page or a feed now and summarize it"),
        ("[sources] paths", f'in {where}, e.g. paths = ["~/news"]: read when none is named'),
        (
            "[sources] feeds",
            "feeds `briefing fetch` downloads (cron it); `briefing feeds add URL` adds one, `feeds import FILE` OPML/newsboat",
        ),
    )


def welcome_text(reason: str, config_file: Path | None) -> Group:
    """`reason` is why nothing was read, as reading said it (it names [sources] paths itself)."""
    intro = Text("Welcome to briefing\n\n", style="bold")
    intro.append("briefing turns a morning's overlapping news articles into one short briefing, ")
    intro.append("each fact once, with the articles that report it.\n\n")
    intro.append("No articles to read yet", style="bold")
    # Reading's reason may open with the same words ("no articles to read: name a folder ...").
    why = re.sub(r"^no articles to read(: |$)", "", reason, flags=re.IGNORECASE)
    intro.append(f" ({printable(why)})" if why else "")
    intro.append(". Point it at some:\n")
    table = Table(show_header=False, box=None, padding=(0, 1))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    for command, what in ways(config_file):
        table.add_row(Text(command), Text(what))
    return Group(intro, table, Text("\nq quits.", style="dim"))


class WelcomeScreen(Screen[None]):
    """Shown instead of an empty briefing; q quits."""

    def __init__(self, reason: str, config_file: Path | None) -> None:
        super().__init__()
        self.reason = reason
        self.config_file = config_file

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="welcome"):
            yield Static(welcome_text(self.reason, self.config_file))
        yield KeyFooter()
