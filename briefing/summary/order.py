"""Reading order for the chosen facts: what the articles report early comes early.

Score order reads as a jumble; document order only exists within one article. A fact's place is
the earliest relative position any supporting article gives it, ties broken by the article's
date and then its order in the input. Under a word or byte budget, the item that crossed the
budget comes last.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from briefing.models import Article
from briefing.summary.features import SentenceFeatures
from briefing.summary.form import counts_from_before
from briefing.summary.merge import Group
from briefing.summary.select import Selection, told_before
from briefing.summary.stories import day_number
from briefing.text.lexicon import CALENDAR_WORDS

# A headline of at least this many content stems, a third of them (and this many) in one
# sentence. A half missed "A number of prominent figures have stepped down or are facing
# investigations after ... Jeffrey Epstein" under "The Epstein files have brought a wave of
# resignations and investigations" (2 of 6).
_HEADLINE_STEMS = 2
_HEADLINE_SHARE = 1 / 3


def order_groups(
    groups: Sequence[Group], features: Sequence[SentenceFeatures], articles: Sequence[Article]
) -> list[Group]:
    """Groups sorted by earliest relative position, then the newest article first (undated
    last), then the article's id, never input order. Among the leads of a story's reports, the
    latest says where the story stands: "will meet in Geneva Tuesday" is stale beside "the
    talks ended Tuesday"."""

    def place(member: int) -> tuple[float, str, int]:
        return (round(features[member].position, 6), articles[features[member].article].id, features[member].index)

    def key(group: Group) -> tuple[float, float, str, int]:
        first = min(group.members, key=place)
        position, id, index = place(first)
        day = day_number(articles[features[first].article].date)
        return (position, math.inf if math.isnan(day) else -day, id, index)

    return sorted(groups, key=key)


def headline_lead(
    groups: Sequence[Group],
    features: Sequence[SentenceFeatures],
    headline: frozenset[str],
    scores: np.ndarray,
    own_words: np.ndarray | None = None,
    headlined: frozenset[int] = frozenset(),
) -> Group | None:
    """The group that states the event the story's headline names: its representative reads
    alone (`features.SentenceFeatures.form` 1) and holds at least a third of the headline's
    content stems; of those, one reported by an article the headline is the headline of
    (`headlined`, article numbers), then the one that holds most, then one in its outlet's own
    words (`own_words`, `wording`), then the better scored. None without one.

    The headline's own report states its event, in other words: "U.S. and Iranian negotiators
    say there's been progress" under "U.S. and Iran wrap up second round of nuclear talks",
    where a day-old "a day ahead of a second round of US-Iranian talks" holds more of its words.

    A headline names the news ("Nine arrested after ...", "Jesse Jackson dies at 84"); the
    sentences that score best may be background or a gallery's promo ("A look back at the
    remarkable life of ..."), and order by position puts the report of the event sixth. A
    group holds the headline's stems when one of its sentences does: they state one fact."""
    if len(headline) < _HEADLINE_STEMS:
        return None
    best, best_key = None, (False, 0.0, False, 0.0)
    for group in groups:
        feature = features[group.representative]
        if feature.form < 1.0:
            continue
        # The fact's words in any of its reports: the group states one fact.
        shared = max(len(headline.intersection(features[m].stems)) for m in group.members)
        covered = shared / len(headline)
        own = own_words is None or bool(own_words[group.representative])
        reported = any(features[m].article in headlined for m in group.members)
        key = (reported, covered, own, float(scores[group.representative]))
        if shared >= _HEADLINE_STEMS and covered >= _HEADLINE_SHARE and key > best_key:
            best, best_key = group, key
    return best


def reading_order(
    selection: Selection,
    features: Sequence[SentenceFeatures],
    articles: Sequence[Article],
    lead: Group | None = None,
) -> list[Group]:
    """The items chosen within the budget in `order_groups` order, then the one that crossed it;
    `lead`, when chosen, first (the event the headline names, `headline_lead`), else the first
    that reads as news (`_tells_news`).

    A summary cut at its budget (the DUC evaluations cut theirs at 665 bytes) then loses only
    the tail of that item, never part of an item chosen within the budget. In reading order
    the crossing item came before the end in 41 of the 50 DUC 2004 summaries, and the cut fell
    on an item chosen within the budget instead."""
    crossing = [selection.crossing] if selection.crossing is not None else []
    ordered = order_groups(selection.within, features, articles)
    if lead is None or lead not in ordered:
        lead = next((group for group in ordered if _tells_news(features[group.representative])), None)
    if lead is not None:
        ordered.remove(lead)
        ordered.insert(0, lead)
    return _after_their_time([*ordered, *crossing], features)


def _after_their_time(groups: list[Group], features: Sequence[SentenceFeatures]) -> list[Group]:
    """`groups` with each whose sentence counts its time from the sentence before ("Since then,
    ...", `form.counts_from_before`) moved right after the group holding that sentence."""
    for group in [g for g in groups if counts_from_before(features[g.representative].tokens)]:
        row = told_before(features, group.representative, groups)
        if row is None:
            continue
        anchor = groups[row]
        groups.remove(group)
        groups.insert(next(i for i, g in enumerate(groups) if g is anchor) + 1, group)
    return groups


def _tells_news(feature: SentenceFeatures) -> bool:
    """Whether a sentence reads as a news lead: it reports an event, or pins what it says to a
    day or a number. A feature's scene-setting opening does neither ("At first, the passing
    bicyclist thought the crumpled form lashed to a ranch fence was a scarecrow." led the
    Matthew Shepard section of the DUC 2004 day, above "Matthew Shepard ... died here Monday")."""
    return feature.event or any(word[:1].isdigit() or word in CALENDAR_WORDS for word in feature.anchors)
