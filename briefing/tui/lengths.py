"""How long a briefing is, and when + can make it no longer."""

from __future__ import annotations

from briefing.models import Briefing

NOTHING_MORE = "Every fact worth a line is already in the briefing"


def most_items(briefing: Briefing) -> int:
    """The most items any story of the briefing has: what `-` shortens and `+` lengthens."""
    return max((len(story.items) for story in briefing.stories), default=len(briefing.items))


def nothing_more(before: Briefing, after: Briefing) -> bool:
    """Whether `after` was asked for more items (+) than `before` was made with, and its stories
    hold fewer than it asked for: every fact worth a line is in. Said when it is shown, not only
    at the next +: a + pressed before the last one's briefing came asked for one more again,
    the briefing came back no longer, and nothing was said (a test saw it at load 9)."""
    asked = after.settings.sentences
    return asked > before.settings.sentences and asked > most_items(after)
