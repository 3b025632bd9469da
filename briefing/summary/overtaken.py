"""Previews the story has overtaken: "will meet in Geneva Tuesday" in Monday's report, when
reports of Wednesday are in the story too.

A report written before an event says it is coming; once later reports tell how it went, the
preview is stale beside them, and an item saying the talks "will" happen reads as if they had
not. Only a future that names its day is read (a weekday after "will" or "would", or "set for",
"scheduled for", "due on" ...): counted from the report's own date, that day is the first such
weekday on or after it, and a report dated in the week after it must be in the story.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date

from briefing.models import Article
from briefing.summary.features import SentenceFeatures
from briefing.summary.stories import day_number
from briefing.text.lexicon import WEEKDAYS

_DAY = "|".join(WEEKDAYS)
# A weekday up to five words after "will" or "would" ("will meet in Geneva Tuesday", "would be
# held on Friday"), or right after "set for", "scheduled on", "slated for", "due on".
_FUTURE_DAY = re.compile(
    rf"\b(?:will|would)\b(?:\W+\w+){{0,5}}?\W+(?:on\W+)?({_DAY})\b|\b(?:set|scheduled|slated|due)\W+(?:for|on)\W+({_DAY})\b",
    re.IGNORECASE,
)


_WEEK = 7


def overtaken(
    articles: Sequence[Article], features: Sequence[SentenceFeatures], texts: Sequence[str]
) -> frozenset[int]:
    """The sentences (indices into `features`) that announce an event on a named weekday which,
    counted from their article's date, the story has a report of from the week after: a copy
    republished months later (the seeds' spun copies are dated two years after their source)
    tells nothing of how the event went."""
    days = [day_number(article.date) for article in articles]
    dated = sorted({int(day) for day in days if not math.isnan(day)})
    stale = set()
    for number, feature in enumerate(features):
        written = days[feature.article]
        if math.isnan(written) or written >= dated[-1]:
            continue
        for match in _FUTURE_DAY.finditer(texts[number]):
            named = WEEKDAYS.index((match.group(1) or match.group(2)).lower())
            event = int(written) + (named - date.fromordinal(int(written)).weekday()) % 7
            if any(event < later <= event + _WEEK for later in dated):
                stale.add(number)
    return frozenset(stale)
