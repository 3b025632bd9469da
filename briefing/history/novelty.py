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


def with_marks(briefing: Briefing, previous: Sequence[str]) -> Briefing:
    """The briefing with each item marked against the previous briefings' item texts."""
    marks = mark_items([item.text for item in briefing.items], previous)
    return replace(briefing, items=tuple(replace(item, mark=mark) for item, mark in zip(briefing.items, marks)))


def without_repeats(briefing: Briefing) -> Briefing:
    """The briefing without the items marked as repeats."""
    return replace(briefing, items=tuple(item for item in briefing.items if item.mark != "repeat"))
