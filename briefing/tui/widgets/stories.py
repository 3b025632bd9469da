"""The day's stories, most important first: each one's label, how many articles report it,
and whether it is new; under a filter, only the stories it leaves items in. Shown only on a
day of several stories."""

from __future__ import annotations

from rich.text import Text
from textual.widgets.option_list import Option

from briefing.models import Story
from briefing.output.render import plural
from briefing.sanitize import shown_name
from briefing.tui.widgets.wrapped import WrappedOptionList

MARKS = {"new": ("new", "bold green"), "ongoing": ("ongoing", "yellow")}


def story_prompt(number: int, story: Story, shown: int, filtering: bool) -> Text:
    """`1. Cracks Close Harbour Bridge` over `3 articles · new`; with a filter, how many items it
    shows on a line of its own: at the end of the other, it wrapped in two ("0" / "shown")."""
    prompt = Text(f"{number}. ", style="bold")
    prompt.append(shown_name(story.title), style="bold")
    prompt.append(f"\n   {plural(len(story.articles), 'article')}", style="dim")
    if story.mark in MARKS:
        label, style = MARKS[story.mark]
        prompt.append(" · ", style="dim")
        prompt.append(label, style=style)
    if filtering:
        prompt.append(f"\n   {plural(shown, 'item')} shown", style="bold yellow" if shown else "dim")
    return prompt


class StoryList(WrappedOptionList):
    """Highlighting a story lists its items beside."""

    def show(self, stories: tuple[Story, ...], shown: list[int], filtering: bool, highlighted: int) -> None:
        """List `stories`, the `highlighted`th highlighted; `shown[k]` is how many of story k's
        items the filter and hidden repeats leave. While `filtering`, a story they leave
        nothing of is not listed, unless it is the highlighted one (searching "Hormuz" listed
        all 10 stories of the real feeds, 9 with "0 shown"). Each option's id is its story's
        index. The same list as shown (+ and -, another algorithm) is left as it is: listed
        again, it was measured and drawn again, a tenth of the time of a key."""
        listed = [k for k in range(len(stories)) if not filtering or shown[k] or k == highlighted]
        prompts = [story_prompt(k + 1, stories[k], shown[k], filtering) for k in listed]
        ids = [str(k) for k in listed]
        if (prompts, ids) != ([option.prompt for option in self.options], [option.id for option in self.options]):
            self.clear_options()
            self.add_options(Option(prompt, id=id) for id, prompt in zip(ids, prompts, strict=True))
        self.border_title = (
            f"Stories: {len(listed)} of {len(stories)}" if len(listed) < len(stories) else f"Stories: {len(stories)}"
        )
        if listed:
            self.highlighted = listed.index(highlighted) if highlighted in listed else 0
