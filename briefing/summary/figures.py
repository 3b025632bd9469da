"""Honest support: the figures an item's sentences give for one count, when they differ.

Reports of one fact often disagree on its number as a story unfolds ("at least 60 dead",
"65 dead", "162 dead"). Such sentences still report the same fact and stay in its group,
but their articles do not corroborate the representative's number: the item carries every
figure with the articles that give it, and the renderers say that the sources differ.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.models import Figure
from briefing.summary.features import SentenceFeatures


def disagreement(
    members: Sequence[int], representative: int, features: Sequence[SentenceFeatures], article_ids: Sequence[str]
) -> tuple[Figure, ...]:
    """The figures of a count the representative states that the members' articles give
    differently, smallest first, each with its articles in order; () when all agree.

    Only a sentence giving one figure for the count speaks for its article, and not one that
    names the representative's figure too ("64 of the 122 seats" compares two counts), and
    only an article that gives one figure throughout: one that gives two is updating itself,
    not disagreeing with others.
    """
    for unit, (stated, written) in _single(features[representative]).items():
        by_article: dict[str, set[str]] = {}
        for member in members:
            single = _single(features[member])
            # A sentence that also names the representative's figure compares two counts.
            if unit in single and (single[unit][0] == stated or stated not in features[member].numbers):
                by_article.setdefault(article_ids[features[member].article], set()).add(single[unit][0])
        given: dict[str, list[str]] = {}
        for article, values in by_article.items():
            if len(values) == 1:
                given.setdefault(next(iter(values)), []).append(article)
        if len(given) > 1:
            return tuple(Figure(value, written, tuple(given[value])) for value in sorted(given, key=_magnitude))
    return ()


def _single(feature: SentenceFeatures) -> dict[str, tuple[str, str]]:
    """The counts a sentence gives exactly one figure for: unit stem -> (figure, unit as written)."""
    figures: dict[str, set[str]] = {}
    written: dict[str, str] = {}
    for value, unit, form in feature.figures:
        figures.setdefault(unit, set()).add(value)
        written.setdefault(unit, form)
    return {unit: (next(iter(values)), written[unit]) for unit, values in figures.items() if len(values) == 1}


def _magnitude(value: str) -> tuple[float, str]:
    try:
        return float(value), value
    except ValueError:
        return float("inf"), value
