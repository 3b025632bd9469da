"""Reading order for the chosen facts: what the articles report early comes early.

Score order reads as a jumble; document order only exists within one article. A fact's place is
the earliest relative position any supporting article gives it, ties broken by the article's
date and then its order in the input.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.models import Article
from briefing.summary.features import SentenceFeatures
from briefing.summary.merge import Group


def order_groups(
    groups: Sequence[Group], features: Sequence[SentenceFeatures], articles: Sequence[Article]
) -> list[Group]:
    """Groups sorted by earliest relative position, then article date, then article order."""

    def key(group: Group) -> tuple[float, str, int, int]:
        first = min(group.members, key=lambda m: (features[m].position, features[m].article, features[m].index))
        feature = features[first]
        return (round(feature.position, 6), articles[feature.article].date or "9999", feature.article, feature.index)

    return sorted(groups, key=key)
