"""How important each story of the day is: the order of the briefing's sections, decided
before any story's sentences are read.

A weighted sum of signals, each scaled to [0, 1] by the day's highest value: how many
independent reports and outlets tell the story, how much of its headlines and names those
reports share, how recent it is against the run's own clock, and how much of it is new
against history. All come from the articles' views (`briefing.summary.views`), so the
stories can be ranked first and only the shown ones read. Never its length: an outlet that
writes at length, or repeats itself, does not make a story more important. config.toml
[rank] documents the formula and its weights.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, fields

import numpy as np

from briefing.config import RankConfig
from briefing.models import UNKNOWN_SOURCE
from briefing.summary.scipy_sparse import sparse
from briefing.summary.stories import day_number
from briefing.summary.vectors import count_matrix
from briefing.summary.views import StoryView
from briefing.text.forms import content, forms

# How many of a story's terms its corroboration counts: the headline words and names most
# of its reports share.
_LEADING_TERMS = 8
# A headline is old news when an earlier briefing's item holds this share of its content words.
_SEEN = 0.5


@dataclass(frozen=True, slots=True)
class Signals:
    """A story's raw importance signals, before scaling; one field per [rank] weight."""

    articles: float
    sources: float
    corroboration: float
    recency: float
    novelty: float


def rank(
    ids: Sequence[str],
    views: Sequence[StoryView],
    stories: Sequence[tuple[int, ...]],
    weights: RankConfig,
    today: float | None,
    previous: Sequence[str] | None,
    carried: Sequence[frozenset[str]] | None = None,
) -> list[tuple[int, float]]:
    """The stories (indexes into `stories`) with their importance, most important first.

    `today` is the day the briefing is for, as a day number (None: no clock, every story
    counts as recent; with one, an undated story counts as old); `previous` the item texts
    of earlier briefings (None: not compared); `carried` names, for each article, the other
    outlets that ran it word for word (their copies were set aside when read). Equal scores
    go to the story more widely reported, then to the one whose first article id sorts first:
    never to input order.
    """
    new = _new_headlines(views, previous) if previous is not None else None
    story_signals = [
        signals(
            [views[a] for a in story],
            today,
            None if new is None else [new[a] for a in story],
            frozenset().union(*(carried[a] for a in story)) if carried else frozenset(),
        )
        for story in stories
    ]
    importance = scores(story_signals, weights)
    order = sorted(
        range(len(stories)),
        key=lambda k: (
            -importance[k],
            -story_signals[k].articles,
            -len(stories[k]),
            min(ids[a] for a in stories[k]),
        ),
    )
    return [(k, importance[k]) for k in order]


def signals(
    views: Sequence[StoryView],
    today: float | None,
    new: Sequence[bool] | None = None,
    carried: frozenset[str] = frozenset(),
) -> Signals:
    """The signals of a story told by the articles `views` describe.

    `new` says for each article whether its headline is new against history (None: not
    compared). `carried`: the outlets that ran some of the articles word for word; each is one
    more outlet reporting the story (as aggregators count syndication), never corroboration.
    """
    dated = [day for day in (day_number(view.date) for view in views) if not math.isnan(day)]
    # A story with no date earns no recency against a clock: an undated page ("My setup",
    # "Publications") outranked two outlets' reports of the day's news.
    recency = 0.5 ** max(today - max(dated), 0.0) if today is not None and dated else float(today is None)
    return Signals(
        articles=math.log2(1 + reports(views, carried)),
        sources=math.log2(1 + len(({view.source for view in views} | carried) - {UNKNOWN_SOURCE})),
        corroboration=corroboration(views),
        recency=recency,
        novelty=sum(new) / len(new) if new else 0.0,
    )


def reports(views: Sequence[StoryView], carried: frozenset[str] = frozenset()) -> int:
    """How many independent reports the articles are: one per outlet, where the outlet is known,
    the `carried` outlets (which ran some of them word for word) among them.

    A feed that posts eleven near-identical entries, or an outlet that runs a story in five
    pieces, is one voice; articles that name no outlet (bare text files) count one each,
    since nothing says they share one.
    """
    known = {view.source for view in views if view.source != UNKNOWN_SOURCE} | (carried - {UNKNOWN_SOURCE})
    return len(known) + sum(view.source == UNKNOWN_SOURCE for view in views)


def corroboration(views: Sequence[StoryView]) -> float:
    """The mean number of independent reports behind the story's `_LEADING_TERMS` most
    reported headline words and names: as many as its reports when they all tell one event,
    barely one when a group holds reports that share a word or two."""
    if len(views) == 1:
        return 1.0 if views[0].title or views[0].names else 0.0
    voices: dict[str, set[str]] = {}
    for number, view in enumerate(views):
        voice = view.source if view.source != UNKNOWN_SOURCE else f"#{number}"
        for term in {*content(view.title), *(f"@{name}" for name in view.names)}:
            voices.setdefault(term, set()).add(voice)
    leading = sorted((len(outlets) for outlets in voices.values()), reverse=True)[:_LEADING_TERMS]
    return sum(leading) / len(leading) if leading else 0.0


def _new_headlines(views: Sequence[StoryView], previous: Sequence[str]) -> list[bool]:
    """For each article, whether its headline is news against the earlier items: no earlier
    item holds `_SEEN` of the headline's content words."""
    headlines = [set(content(view.title)) for view in views]
    if not previous:
        return [True] * len(views)
    items = [set(content(forms(text))) for text in previous]
    matrix = count_matrix([sorted(words) for words in (*headlines, *items)])
    matrix.data[:] = 1.0
    heads, earlier = matrix[: len(views)], matrix[len(views) :]
    shared = sparse.csr_matrix(heads @ earlier.T)
    most = np.asarray(shared.max(axis=1).todense(), dtype=float).ravel() if shared.shape[1] else np.zeros(len(views))
    sizes = np.array([max(len(words), 1) for words in headlines], dtype=float)
    return [bool(not words or value < _SEEN * size) for words, value, size in zip(headlines, most, sizes)]


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
