"""Where else an article ran word for word: the copies of it that reading set aside
(`briefing.models.Copy`), named by outlet, for the Sources of every format and the TUI.

A copy is never read (it is no independent report of a fact), but a story carried word for
word by three outlets is a story three outlets carry, and a reader may want another's address.
"""

from __future__ import annotations

from briefing.models import UNKNOWN_SOURCE, Article, Briefing, Copy
from briefing.sanitize import shown_name


def copies_of(briefing: Briefing) -> dict[str, list[Copy]]:
    """The copies of each article that has some, by the article's id."""
    copies: dict[str, list[Copy]] = {}
    for copy in briefing.copies:
        copies.setdefault(copy.original, []).append(copy)
    return copies


def carriers(article: Article, copies: list[Copy]) -> list[Copy]:
    """The copies that show where else the article ran: one per outlet but its own (a copy
    that names no outlet, a file, stands for itself)."""
    kept: dict[str, Copy] = {}
    for copy in copies:
        key = carrier_name(copy)
        if key != article.source:
            kept.setdefault(key, copy)
    return list(kept.values())


def carrier_name(copy: Copy) -> str:
    """The copy's outlet; its id where it names none (a file stands for itself)."""
    return shown_name(copy.article.id if copy.article.source == UNKNOWN_SOURCE else copy.article.source)


def carried_by(briefing: Briefing) -> dict[str, str]:
    """For each article that ran elsewhere word for word, where: `Outlet B, Outlet C`."""
    by_article = {article.id: article for article in briefing.articles}
    return {
        id: ", ".join(carrier_name(copy) for copy in carried)
        for id, copies in copies_of(briefing).items()
        if id in by_article and (carried := carriers(by_article[id], copies))
    }


CARRIED = "also carried word for word by: "
