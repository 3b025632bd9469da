"""What is new since the last briefings: each item marked new, update or repeat.

An item repeats a previous one when they share most content words, updates it when they
share a good part (same story, new detail), and is new otherwise. Pure: the store supplies
the previous items' texts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from briefing.models import Briefing, Mark
from briefing.text.segment import WORD, stem, stop_words, tokenizer

REPEAT = 0.6  # Jaccard overlap of content stems at or above which an item says nothing new
UPDATE = 0.25  # overlap at or above which it continues a previous story


def content_stems(text: str) -> frozenset[str]:
    stops = stop_words()
    words = tokenizer().to_tokens(text)
    return frozenset(stem(w) for w in words if WORD.match(w) and w.lower() not in stops)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def mark_items(texts: Sequence[str], previous: Sequence[str]) -> tuple[Mark, ...]:
    """The mark of each text against the previous briefings' item texts."""
    before = [content_stems(text) for text in previous]
    marks: list[Mark] = []
    for text in texts:
        stems = content_stems(text)
        best = max((overlap(stems, other) for other in before), default=0.0)
        marks.append("repeat" if text in previous or best >= REPEAT else "update" if best >= UPDATE else "new")
    return tuple(marks)


def without_repeats(briefing: Briefing) -> Briefing:
    """The briefing without the items marked as repeats (counted in `repeats_left_out`), and
    without stories left empty."""
    kept = [index for index, item in enumerate(briefing.items) if item.mark != "repeat"]
    position = {index: new for new, index in enumerate(kept)}
    stories = []
    for story in briefing.stories:
        items = tuple(position[i] for i in story.items if i in position)
        if items:
            stories.append(replace(story, items=items))
    return replace(
        briefing,
        items=tuple(briefing.items[i] for i in kept),
        stories=tuple(stories),
        repeats_left_out=briefing.repeats_left_out + len(briefing.items) - len(kept),
    )
