"""The briefing items, numbered, each with its support badge."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.models import Briefing, BriefingItem
from briefing.render import printable

MARK_STYLES = {"new": "bold green", "update": "bold yellow", "repeat": "dim"}


def item_prompt(number: int, item: BriefingItem, articles: int) -> Text:
    """`1. new text  3/5`: built as Text, so article text is never read as markup."""
    prompt = Text(f"{number}. ", style="bold")
    if item.mark:
        prompt.append(f"{item.mark} ", style=MARK_STYLES[item.mark])
    prompt.append(printable(item.text))
    prompt.append(f"  {item.support}/{articles}", style="bold cyan")
    return prompt


class ItemList(OptionList):
    """The briefing's items; highlighting one shows its sources beside it."""

    def show(self, briefing: Briefing, query: str = "", hide_repeats: bool = False) -> list[int]:
        """Fill the list with the items matching `query`; returns their indices in the briefing."""
        shown = [
            i
            for i, item in enumerate(briefing.items)
            if (
                not query
                or query.lower() in item.text.lower()
                or any(query.lower() in s.text.lower() for s in item.sources)
            )
            and not (hide_repeats and item.mark == "repeat")
        ]
        self.clear_options()
        self.add_options(
            Option(item_prompt(i + 1, briefing.items[i], len(briefing.articles)), id=str(i)) for i in shown
        )
        if shown:
            self.highlighted = 0
        return shown
