"""Past briefings as the lines `briefing history` prints and the TUI's history list shows:
one format, so the two agree on order, ids and column headers."""

from __future__ import annotations

from collections.abc import Sequence

from briefing.models import PastBriefing
from briefing.sanitize import shown_name

HEADER = f"{'id':>5}  {'made':<16}  {'news of':<10}  {'articles':>8}  {'items':>5}  key terms"


def history_line(entry: PastBriefing) -> str:
    """One past briefing: id, when it was made, its news date, counts and key terms."""
    made = f"{entry.day} {entry.created[11:16]}" if entry.created[:10] == entry.day else entry.day
    return (
        f"{shown_name(entry.id):>5}  {shown_name(made):<16}  {shown_name(entry.date or 'undated'):<10}  "
        f"{shown_name(entry.articles):>8}  {shown_name(entry.items):>5}  {shown_name(', '.join(entry.key_terms))}"
    )


def history_lines(past: Sequence[PastBriefing]) -> list[str]:
    """The header, then the briefings oldest first (as `history` reads them from the store)."""
    return [HEADER, *(history_line(entry) for entry in past)]
