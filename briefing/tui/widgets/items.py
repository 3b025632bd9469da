"""The briefing items, numbered, each with its support badge; the filter leaves a visible trace."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.models import Briefing, BriefingItem
from briefing.printable import printable

MARK_STYLES = {"new": "bold green", "update": "bold yellow", "repeat": "dim"}
MATCH_STYLE = "bold reverse"


def highlighted(text: str, query: str, style: str = "") -> Text:
    """`text` as Text (never markup), every case-insensitive occurrence of `query` stressed."""
    shown = Text(printable(text), style=style)
    if query:
        shown.highlight_regex(re.compile(re.escape(query), re.IGNORECASE), MATCH_STYLE)
    return shown


def item_prompt(number: int, item: BriefingItem, articles: int, query: str = "") -> Text:
    """`1. new text  3/5`: 3 of the day's 5 articles report the item."""
    prompt = Text(f"{number}. ", style="bold")
    if item.mark:
        prompt.append(f"{item.mark} ", style=MARK_STYLES[item.mark])
    prompt.append_text(highlighted(item.text, query))
    prompt.append(f"  {item.support}/{articles}", style="bold cyan")
    return prompt


def matches(item: BriefingItem, query: str) -> bool:
    """The item, or one of the sentences behind it, contains `query` (any case)."""
    folded = query.casefold()
    return not query or any(folded in text.casefold() for text in (item.text, *(s.text for s in item.sources)))


def shown_items(briefing: Briefing, query: str, hide_repeats: bool, among: Iterable[int] | None = None) -> list[int]:
    """Indexes of the items the user asks to see: matching `query`, repeats left out if asked."""
    indexes = range(len(briefing.items)) if among is None else among
    return [
        i
        for i in indexes
        if matches(briefing.items[i], query) and not (hide_repeats and briefing.items[i].mark == "repeat")
    ]


class ItemList(OptionList):
    """The briefing's items; highlighting one shows its sources beside it."""

    def show(self, briefing: Briefing, shown: list[int], query: str = "", hide_repeats: bool = False) -> None:
        """List the items `shown`; with none, one line says why (never an empty box)."""
        self.clear_options()
        self.add_options(
            Option(item_prompt(i + 1, briefing.items[i], len(briefing.articles), query), id=str(i)) for i in shown
        )
        if shown:
            self.highlighted = 0
        elif briefing.items:
            self.add_option(Option(_nothing_shown(query, hide_repeats), disabled=True))
        else:
            self.add_option(
                Option(Text("No sentence of these articles is worth a briefing.", style="dim"), disabled=True)
            )


def _nothing_shown(query: str, hide_repeats: bool) -> Text:
    why = Text("No item ", style="dim")
    if query:
        why.append("matches “")
        why.append(printable(query), style="bold")
        why.append("”")
        if hide_repeats:
            why.append(" among the new ones")
    else:
        why.append("is new: every one repeats an earlier briefing (r shows them)")
    if query:
        why.append(" (escape clears the filter)")
    return why
