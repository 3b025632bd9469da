"""The header line: date, key terms, counts and algorithm of the briefing on screen."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from briefing.models import Briefing
from briefing.render import printable


def status_text(briefing: Briefing) -> Text:
    text = Text(f"Briefing for {briefing.date or 'today'}", style="bold")
    text.append(f"  ·  {printable(', '.join(briefing.key_terms))}")
    text.append(
        f"  ·  {len(briefing.articles)} articles, {briefing.sentence_count} sentences, "
        f"{len(briefing.items)} items  ·  {briefing.settings.algorithm}",
        style="dim",
    )
    return text


class StatusBar(Static):
    """One line above the panes; wraps rather than cutting words on narrow screens."""

    def show(self, briefing: Briefing) -> None:
        self.update(status_text(briefing))
