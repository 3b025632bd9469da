"""The header line: the day, what was read, the algorithm, what the filter shows, the key terms.

One line at any width: the key terms come last and are cut with an ellipsis when the line is
too long, so the counts and the filter's trace are always in sight.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from briefing.models import Briefing
from briefing.output.render import all_new, plural
from briefing.sanitize import shown_name


def shown_text(shown: int, total: int, query: str, hide_repeats: bool) -> Text:
    """`8 items`, or what a filter or hidden repeats leave of them: `2 of 8 items match “ferry”`,
    `3 new of 8 items` (short enough for a pane's border at 120 columns)."""
    if not query and not hide_repeats:
        return Text(plural(total, "item"))
    text = Text(f"{shown}{' new' if hide_repeats else ''} of {plural(total, 'item')}", style="bold yellow")
    if query:
        text.append(f" {'matches' if total == 1 else 'match'} “", style="bold yellow")
        text.append(shown_name(query), style="bold yellow")
        text.append("”", style="bold yellow")
    return text


def status_text(briefing: Briefing, shown: int, query: str = "", hide_repeats: bool = False) -> Text:
    """`Briefing for 2024-04-05 · 3 articles, 7 items · lexrank · Harbour Bridge, …` (`7 items,
    all new` for a day of one story none of whose items an earlier briefing told); where
    --stories or the topic kept some of the stories found, `10 of 52 stories`, as the digest
    counts them."""
    text = Text(f"Briefing for {briefing.date or 'today'}", style="bold")
    text.append(f" · {plural(len(briefing.articles), 'article')}")
    kept, found = len(briefing.stories), briefing.story_count
    if found > kept and found > 1:
        text.append(f", {kept} of {plural(found, 'story', 'stories')}")
    elif kept > 1:
        text.append(f", {plural(kept, 'story', 'stories')}")
    text.append(", ")
    text.append_text(shown_text(shown, len(briefing.items), query, hide_repeats))
    if all_new(briefing) and not query and not hide_repeats:  # its items are not each marked
        text.append(", all new")
    if briefing.settings.topic:
        text.append(f" · about “{shown_name(briefing.settings.topic)}”", style="bold")
    text.append(f" · {briefing.settings.algorithm}", style="dim")
    if briefing.key_terms:
        text.append(f" · {shown_name(', '.join(briefing.key_terms))}")
    return text


def stored_text(made: str, day: str, doing: str) -> Text:
    """`Stored briefing of 06:12, updating: cleaning articles… 40% · `: the briefing shown is
    the one last made of these sources (at `made`, an ISO time; its date too unless it is
    `day`), and what making today's is doing (nothing: it failed, the stored one stays)."""
    when = made[11:16] if made[:10] == day else f"{made[:10]} {made[11:16]}"
    text = Text(f"Stored briefing of {when}", style="bold reverse yellow")
    text.append(f", updating: {doing[:1].lower()}{doing[1:]}" if doing else ", not updated", style="bold yellow")
    text.append(" · ")
    return text


class StatusBar(Static):
    def show(
        self, briefing: Briefing, shown: int, query: str = "", hide_repeats: bool = False, stored: Text | None = None
    ) -> None:
        """The header of `briefing`, after `stored` (`stored_text`) while it is the stored one."""
        text = status_text(briefing, shown, query, hide_repeats)
        self.update(stored + text if stored else text)
