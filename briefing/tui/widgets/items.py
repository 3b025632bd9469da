"""The briefing items, numbered, each with its support badge; the filter leaves a visible trace."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rich.text import Text
from textual.widgets.option_list import Option

from briefing.models import Briefing, BriefingItem, Problem
from briefing.output.problems import is_routine, problems_count
from briefing.output.render import differ, shown_mark
from briefing.sanitize import printable
from briefing.tui.widgets.wrapped import WrappedOptionList

MARK_STYLES = {"new": "bold green", "update": "bold yellow", "repeat": "dim"}
MATCH_STYLE = "bold reverse"


def highlighted(text: str, query: str, style: str = "") -> Text:
    """`text` as Text (never markup), every case-insensitive occurrence of `query` stressed."""
    shown = Text(printable(text), style=style)
    if query:
        shown.highlight_regex(re.compile(re.escape(query), re.IGNORECASE), MATCH_STYLE)
    return shown


def item_prompt(number: int, item: BriefingItem, articles: int, query: str = "", mark: str | None = None) -> Text:
    """`1. (new) text  3/5`: 3 of the 5 articles on the item's story report it; where they give
    different figures for one count, it says so. The mark in brackets, as the digest prints
    it: without colour a bare "new" read as the sentence's first word (a new user's finding).
    `mark` as `render.shown_mark` gives it."""
    prompt = Text(f"{number}. ", style="bold")
    if mark:
        prompt.append(f"({mark}) ", style=MARK_STYLES[mark])
    prompt.append_text(highlighted(item.text, query))
    if item.disagreement:
        prompt.append(printable(differ(item)), style="bold yellow")
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


class ItemList(WrappedOptionList):
    """The items of one story (or of the day); highlighting one shows its sources beside it."""

    def show(
        self,
        briefing: Briefing,
        shown: list[int],
        numbers: dict[int, int],
        articles: int,
        query: str,
        nothing: Text,
        highlight: int = 0,
    ) -> None:
        """List the items `shown` (indexes into the briefing), numbered by `numbers`, each badge
        counting of `articles`, `query` stressed, the `highlight`th highlighted (or the last);
        with none, the line `nothing` says why."""
        self.clear_options()
        stories = {i: story for story in briefing.stories for i in story.items} if len(briefing.stories) > 1 else {}
        self.add_options(
            Option(
                item_prompt(
                    numbers[i],
                    briefing.items[i],
                    articles,
                    query,
                    shown_mark(briefing.items[i], stories.get(i), briefing),
                ),
                id=str(i),
            )
            for i in shown
        )
        if shown:
            self.highlighted = min(highlight, len(shown) - 1)
        else:
            self.add_option(Option(nothing, disabled=True))

    def tell(self, text: Text) -> None:
        """Only `text` in the list, where no briefing can be: it stays until one comes."""
        self.clear_options()
        self.add_option(Option(text, disabled=True))


def nothing_shown(query: str, hide_repeats: bool, has_items: bool, elsewhere: bool, topic: str = "") -> Text:
    """Why the list is empty, and what brings items back. `has_items`: the story shown (or
    the day, on a day of one story) has any."""
    why = Text(style="dim")
    if topic and not has_items:
        why.append(f"No story is about “{printable(topic)}”.")
    elif not has_items:
        why.append("Headline only: these articles hold too little text to quote.")
    elif query:
        why.append("No item matches “")
        why.append(printable(query), style="bold")
        why.append("”" + (" among the new ones" if hide_repeats else ""))
        why.append(" here; ] shows the next story that has one" if elsewhere else "")
        why.append(" (escape clears the filter)")
    else:
        why.append("No item is new: every one repeats an earlier briefing (r shows them)")
    return why


def no_articles(reason: str, skipped: bool, fetch: bool) -> Text:
    """Why reading gave no article, and what the reader can do from here: what the welcome
    says on a first start, for a folder (or [sources]) that held nothing to read. `skipped`:
    some files were skipped (e lists them); `fetch`: f would bring articles into this briefing."""
    text = Text("No articles to read", style="bold")
    text.append(f": {printable(reason).rstrip('.')}.\n\n")
    if skipped:
        text.append("e", style="bold")
        text.append(" lists what was skipped, and why.\n")
    if fetch:
        text.append("f", style="bold")
        text.append(" fetches the feeds of [sources] feeds now.\n")
    text.append("q", style="bold")
    text.append(" quits. To read other articles: briefing FOLDER, or briefing URL.")
    return text


def problems_summary(problems: Sequence[Problem]) -> str:
    """One line for what reading skipped or noted, however much; "" when all of it is routine
    (`is_routine`: feed entries set aside, wire copies), of which the command line says nothing on
    a good morning either (the s8 trial's TUI warned of one fetched page at every launch). `e`
    lists them all."""
    said = [problem for problem in problems if not is_routine(problem)]
    if not said:
        return ""
    usual = len(problems) - len(said)
    more = f"; {usual} more set aside as usual" if usual else ""
    return problems_count(said) + more + ("; e explains" if len(problems) > 1 else "")
