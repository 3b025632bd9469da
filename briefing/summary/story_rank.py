"""How important each story of the day is: the order of the briefing's sections.

A weighted sum of signals, each scaled to [0, 1] by the day's highest value: how many
articles and outlets report the story, how well its items are corroborated, how recent it
is and how much of it is new against history. Never its length: an outlet that writes at
length, or repeats itself, does not make a story more important. config.toml [rank]
documents the formula and its weights.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, fields

import numpy as np

from briefing.config import RankConfig
from briefing.models import UNKNOWN_SOURCE, Article, BriefingItem
from briefing.summary.stories import day_number


@dataclass(frozen=True, slots=True)
class Signals:
    """A story's raw importance signals, before scaling; one field per [rank] weight."""

    articles: float
    sources: float
    corroboration: float
    recency: float
    novelty: float


def signals(
    articles: Sequence[Article],
    items: Sequence[BriefingItem],
    corroboration: float,
    newest: float | None,
    marked: bool,
) -> Signals:
    """The signals of a story told by `articles` and summarized by `items`.

    `corroboration` is the mean number of reports behind the story's leading facts;
    `newest` is the day's newest article date as a day number (None: no dates); `marked`
    says whether the items were compared with history.
    """
    days = [day_number(article.date) for article in articles]
    dated = [day for day in days if not math.isnan(day)]
    age = newest - max(dated) if newest is not None and dated else 0.0
    return Signals(
        articles=math.log2(1 + reports(articles)),
        sources=math.log2(1 + len({article.source for article in articles} - {UNKNOWN_SOURCE})),
        corroboration=corroboration,
        recency=0.5 ** max(age, 0.0),
        novelty=sum(item.mark == "new" for item in items) / len(items) if marked and items else 0.0,
    )


def reports(articles: Sequence[Article]) -> int:
    """How many independent reports `articles` are: one per outlet, where the outlet is known.

    A feed that posts eleven near-identical entries, or an outlet that runs a story in five
    pieces, is one voice; articles that name no outlet (bare text files) count one each,
    since nothing says they share one.
    """
    known = {article.source for article in articles if article.source != UNKNOWN_SOURCE}
    return len(known) + sum(article.source == UNKNOWN_SOURCE for article in articles)


def scores(story_signals: Sequence[Signals], weights: RankConfig) -> list[float]:
    """Each story's importance in [0, 1]: signals scaled by the day's highest, weighted mean."""
    if not story_signals:
        return []
    names = [field.name for field in fields(Signals)]
    table = np.array([[getattr(s, name) for name in names] for s in story_signals], dtype=float)
    highest = table.max(axis=0)
    scaled = table / np.where(highest > 0, highest, 1.0)
    weight = np.array([getattr(weights, name) for name in names], dtype=float)
    total = weight.sum() or 1.0
    return [round(float(value), 4) for value in scaled @ weight / total]
