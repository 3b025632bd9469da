"""The day's stories, most important first: each one's label, how many articles report it,
and whether it is new. Shown only on a day of several stories."""

from __future__ import annotations

from rich.text import Text
from textual.widgets.option_list import Option

from briefing.models import Story
from briefing.output.render import plural
from briefing.sanitize import shown_name
from briefing.tui.widgets.wrapped import WrappedOptionList

MARKS = {"new": ("new", "bold green"), "ongoing": ("ongoing", "yellow")}


def story_prompt(number: int, story: Story, shown: int, filtering: bool) -> Text:
    """`1. Cracks Close Harbour Bridge` over `3 articles · new`; with a filter, how many items it shows."""
    prompt = Text(f"{number}. ", style="bold")
    prompt.append(shown_name(story.title), style="bold")
    prompt.append(f"\n   {plural(len(story.articles), 'article')}", style="dim")
    if story.mark in MARKS:
        label, style = MARKS[story.mark]
        prompt.append(" · ", style="dim")
        prompt.append(label, style=style)
    if filtering:
        prompt.append(f" · {shown} shown", style="bold yellow" if shown else "dim")
    return prompt


class StoryList(WrappedOptionList):
    """Highlighting a story lists its items beside."""

    def show(self, stories: tuple[Story, ...], shown: list[int], filtering: bool, highlighted: int) -> None:
        """List `stories`; `shown[k]` is how many of story k's items the filter and hidden repeats
        leave. The same list as shown (+ and -, another algorithm) is left as it is: listed
        again, it was measured and drawn again, a tenth of the time of a key."""
        prompts = [story_prompt(k + 1, story, shown[k], filtering) for k, story in enumerate(stories)]
        if prompts != [option.prompt for option in self.options]:
            self.clear_options()
            self.add_options(Option(prompt, id=str(k)) for k, prompt in enumerate(prompts))
        self.border_title = f"Stories: {len(stories)}"
        if stories:
            self.highlighted = highlighted
