"""Pick the algorithm that rates sentences, knowing what each favours and what it will cost today.

Descriptions and measured costs come from the core's registry (`summary.algorithms`), the
same list `--algorithm` and config validation read.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.output.render import plural
from briefing.summary.algorithms import ALGORITHMS, Algorithm
from briefing.tui.keys import dialog_bindings

SLOW = 10.0  # seconds from which a choice is flagged as slow for the day


def estimate(algorithm: Algorithm, articles: int) -> float:
    """Seconds a summary of `articles` articles should take: the registry's measurements on 100
    and 500 articles, joined by straight lines (through 0 below 100, extended above 500)."""
    if articles <= 100:
        return algorithm.seconds_100 * articles / 100
    slope = (algorithm.seconds_500 - algorithm.seconds_100) / 400
    return algorithm.seconds_100 + slope * (articles - 100)


def option_prompt(algorithm: Algorithm, articles: int | None, current: bool = False) -> Text:
    """`lexrank    under a second today`, slow choices flagged; the one in use says so."""
    prompt = Text(f"{algorithm.name:<10}", style="bold")
    if articles is not None:
        seconds = estimate(algorithm, articles)
        if seconds >= SLOW:
            prompt.append(f" slow: about {seconds:.0f} s today", style="bold yellow")
        elif seconds < 1:
            prompt.append(" under a second today", style="dim")
        else:
            prompt.append(f" about {seconds:.0f} s today", style="dim")
    if current:
        prompt.append("  (in use)", style="italic")
    return prompt


def about(algorithm: Algorithm, articles: int | None) -> Text:
    """The highlighted algorithm: what it favours, what it costs, and a warning if slow today."""
    text = Text(algorithm.name, style="bold")
    text.append(f": {algorithm.description}.\n")
    text.append(f"Measured: {algorithm.cost}.", style="dim")
    if articles is not None and estimate(algorithm, articles) >= SLOW:
        text.append(
            f"\nOn this day's {plural(articles, 'article')} expect about "
            f"{estimate(algorithm, articles):.0f} s; the current briefing stays until then, and another choice or q cancels it.",
            style="bold yellow",
        )
    return text


class AlgorithmScreen(ModalScreen[str | None]):
    """Dismisses with the chosen algorithm's name, or None."""

    BINDINGS = [
        Binding("escape", "dismiss_none", "Cancel", tooltip="keep the current algorithm", id="algorithm.cancel"),
        Binding("j", "cursor('down')", "Down", show=False, tooltip="next algorithm", id="algorithm.down"),
        Binding("k", "cursor('up')", "Up", show=False, tooltip="previous algorithm", id="algorithm.up"),
        *dialog_bindings(),
    ]

    def __init__(self, current: str, articles: int | None = None) -> None:
        super().__init__()
        self.current = current
        self.articles = articles

    def compose(self) -> ComposeResult:
        with Vertical(id="algorithm-box"):
            options = OptionList(
                *(
                    Option(option_prompt(a, self.articles, a.name == self.current), id=a.name)
                    for a in ALGORITHMS.values()
                ),
                id="algorithm-list",
            )
            options.border_title = "Algorithm (enter picks, escape keeps)"
            yield options
            yield Static(id="algorithm-about")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = list(ALGORITHMS).index(self.current)
        options.focus()

    @on(OptionList.OptionHighlighted)
    def _describe(self, event: OptionList.OptionHighlighted) -> None:
        self.query_one("#algorithm-about", Static).update(about(ALGORITHMS[event.option.id or ""], self.articles))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cursor(self, direction: str) -> None:
        options = self.query_one(OptionList)
        options.action_cursor_down() if direction == "down" else options.action_cursor_up()

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
