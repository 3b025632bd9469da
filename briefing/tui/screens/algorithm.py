"""Pick the algorithm that rates sentences, knowing what each favours and what it will cost today.

Descriptions come from the core's registry (`summary.algorithms`), the same list
`--algorithm` and config validation read; costs from the day at hand: the sentences of the
stories shown, and what rating them took in this session (`briefing.run.day.Day.rating`).
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.output.render import plural
from briefing.summary.algorithms import ALGORITHMS, Algorithm
from briefing.tui.keys import dialog_bindings, screen_binding

SLOW = 10.0  # seconds from which a choice is flagged as slow for the day


@dataclass(frozen=True, slots=True)
class DayCost:
    """What the day at hand tells of the algorithms' cost: the sentences of the stories shown,
    and what rating them took here, by algorithm: (sentences, seconds)."""

    sentences: int
    measured: Mapping[str, tuple[int, float]]


def estimate(algorithm: Algorithm, day: DayCost) -> float:
    """Seconds a switch to `algorithm` should take today: its own time here if it ran (per
    sentence, scaled to today's), else the registry's measurement scaled by how this machine
    compares with the development machine on the algorithms that ran."""
    own = day.measured.get(algorithm.name)
    if own and own[0]:
        return own[1] * day.sentences / own[0]
    ratios = [
        seconds / ALGORITHMS[name].seconds(sentences)
        for name, (sentences, seconds) in day.measured.items()
        if sentences and name in ALGORITHMS and ALGORITHMS[name].per_thousand
    ]
    return algorithm.seconds(day.sentences) * (statistics.median(ratios) if ratios else 1.0)


def option_prompt(algorithm: Algorithm, day: DayCost | None, current: bool = False) -> Text:
    """`lexrank    under a second today`, slow choices flagged, one rated already said to be
    instant; the one in use says so."""
    prompt = Text(f"{algorithm.name:<10}", style="bold")
    if day is not None and algorithm.name in day.measured:
        prompt.append(" instant: rated today", style="dim")
    elif day is not None:
        seconds = estimate(algorithm, day)
        if seconds >= SLOW:
            prompt.append(f" slow: about {seconds:.0f} s today", style="bold yellow")
        elif seconds < 1:
            prompt.append(" under a second today", style="dim")
        else:
            prompt.append(f" about {seconds:.0f} s today", style="dim")
    if current:
        prompt.append("  (in use)", style="italic")
    return prompt


def about(algorithm: Algorithm, day: DayCost | None) -> Text:
    """The highlighted algorithm: what it favours, what it costs, and a warning if slow today."""
    text = Text(algorithm.name, style="bold")
    text.append(f": {algorithm.description}.\n")
    text.append(f"Cost: {algorithm.cost}", style="dim")
    if day is not None:
        text.append(f" ({plural(day.sentences, 'sentence')} today).", style="dim")
    else:
        text.append(".", style="dim")
    if day is not None and algorithm.name not in day.measured and estimate(algorithm, day) >= SLOW:
        text.append(
            f"\nOn this day's {plural(day.sentences, 'sentence')} expect about "
            f"{estimate(algorithm, day):.0f} s; the current briefing stays until then, and another choice or q cancels it.",
            style="bold yellow",
        )
    return text


class AlgorithmScreen(ModalScreen[str | None]):
    """Dismisses with the chosen algorithm's name, or None."""

    BINDINGS = [
        screen_binding("back", "dismiss_none", "Cancel", "keep the current algorithm"),
        screen_binding("down", "cursor('down')", "Down", "next algorithm", show=False),
        screen_binding("up", "cursor('up')", "Up", "previous algorithm", show=False),
        *dialog_bindings(),
    ]

    def __init__(self, current: str, day: DayCost | None = None) -> None:
        super().__init__()
        self.current = current
        self.day = day

    def compose(self) -> ComposeResult:
        with Vertical(id="algorithm-box"):
            options = OptionList(
                *(Option(option_prompt(a, self.day, a.name == self.current), id=a.name) for a in ALGORITHMS.values()),
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
        self.query_one("#algorithm-about", Static).update(about(ALGORITHMS[event.option.id or ""], self.day))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cursor(self, direction: str) -> None:
        options = self.query_one(OptionList)
        options.action_cursor_down() if direction == "down" else options.action_cursor_up()

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
