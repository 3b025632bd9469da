"""Past briefings as the lines `briefing history` prints and the TUI's history list shows:
one format, so the two agree on order, ids and column headers."""

from __future__ import annotations

from collections.abc import Sequence

from briefing.models import PastBriefing, Settings
from briefing.output.render import plural
from briefing.sanitize import shown_name

HEADER = f"{'id':>5}  {'made':<16}  {'news of':<10}  {'articles':>8}  {'items':>5}  key terms"


def history_line(entry: PastBriefing, usual: Settings | None = None) -> str:
    """One past briefing: id, when it was made, its news date, counts and key terms, after
    what its settings narrow from the `usual` ones, if anything: `(topic: nurses strike)`."""
    made = f"{entry.day} {entry.created[11:16]}" if entry.created[:10] == entry.day else entry.day
    labels = narrowed(entry.settings, usual) if entry.settings and usual else []
    said = f"({shown_name('; '.join(labels))}) " if labels else ""
    return (
        f"{shown_name(entry.id):>5}  {shown_name(made):<16}  {shown_name(entry.date or 'undated'):<10}  "
        f"{shown_name(entry.articles):>8}  {shown_name(entry.items):>5}  {said}{shown_name(', '.join(entry.key_terms))}"
    )


def narrowed(settings: Settings, usual: Settings) -> list[str]:
    """How a briefing's settings differ from the `usual` ones (the config's, what a plain
    `briefing digest` makes), in the words of its options: `topic: nurses strike`, `3 stories`,
    `1 item a story`, `200 words`, `kl`."""
    labels = [f"topic: {settings.topic}" if settings.topic else "no topic"] if settings.topic != usual.topic else []
    if settings.stories != usual.stories:
        labels.append(plural(settings.stories, "story", "stories") if settings.stories else "all stories")
    length = (settings.sentences, settings.words, settings.bytes)
    if length != (usual.sentences, usual.words, usual.bytes):
        if settings.words or settings.bytes:
            labels.append(plural(settings.words, "word") if settings.words else plural(settings.bytes, "byte"))
        else:
            labels.append(f"{plural(settings.sentences, 'item')} a story" if settings.sentences else "all items")
    if settings.algorithm != usual.algorithm:
        labels.append(settings.algorithm)
    if settings.threshold != usual.threshold:
        labels.append(f"threshold {settings.threshold}")
    return labels


def history_lines(past: Sequence[PastBriefing], usual: Settings | None = None) -> list[str]:
    """The header, then the briefings oldest first (as `history` reads them from the store)."""
    return [HEADER, *(history_line(entry, usual) for entry in past)]
