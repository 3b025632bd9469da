"""Each sentence once in a briefing: an item an earlier section showed, as an item or as one
of an item's sources, is not shown again.

Stories are summarized apart, so nothing kept two sections from showing one sentence: an
outlet's report that two stories share (on the DUC 2004 day, "Indonesia invaded East Timor in
1975 and annexed it the following year." led two sections), a feed entry carried by two feeds.
Only the sentence itself counts, not a paraphrase by the same-fact test selection uses within a
story (`SameFact.same`): across the day's unrelated stories that test joins sentences sharing a
few words ("The meaning of this is obvious." and "Obvious enough, just consider that we skip
case where (= a b)."). Pure: drafts in, drafts out, the first showing kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from briefing.models import BriefingItem
from briefing.summary.story import StoryDraft


def said_once(drafts: Sequence[StoryDraft]) -> list[StoryDraft]:
    """`drafts` in their order, each without the items an earlier one showed: its sentence is an
    earlier item's or one of its sources', or one of its sources is an earlier item's sentence."""
    shown: set[str] = set()  # the earlier items' sentences
    behind: set[str] = set()  # their sources' sentences
    kept: list[StoryDraft] = []
    for draft in drafts:
        items = tuple(item for item in draft.items if not _shown_before(item, shown, behind))
        shown.update(item.text for item in items)
        behind.update(source.text for item in items for source in item.sources)
        kept.append(replace(draft, items=items))
    return kept


def _shown_before(item: BriefingItem, shown: set[str], behind: set[str]) -> bool:
    return item.text in shown or item.text in behind or any(source.text in shown for source in item.sources)
