"""The terms of a topic query ("Ukraine", "the Ukraine crisis", "U.N."): its content words,
stemmed, and its acronyms as written.

Config validation asks whether a query has any term at all; `briefing.summary.topic` matches
stories against them. An acronym in capitals ("US", "U.N.", "EU") is kept as written, dots or
none: lower-cased, "US" is the stop word "us", and "UN" too short to be a term.
"""

from __future__ import annotations

import re

from briefing.text.segment import WORD, stem, stop_words, tokenizer

_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,}")
ACRONYM_MARK = "#"  # an acronym's term, apart from stems and names ("@")


def query_acronyms(query: str) -> list[str]:
    """The query's acronyms, by their letters: "U.S." is "US"."""
    words = (word.strip("\"'“”‘’(),;:!?") for word in query.split())
    return [word.replace(".", "") for word in words if _ACRONYM.fullmatch(word)]


def query_stems(query: str) -> frozenset[str]:
    """The terms of a topic query: its content stems, and its acronyms (marked "#US")."""
    acronyms = query_acronyms(query)
    stops = stop_words()
    words = (
        w
        for w in tokenizer().to_words(query)
        if WORD.match(w) and w.lower() not in stops and w.replace(".", "") not in acronyms
    )
    return frozenset([*map(stem, words), *(ACRONYM_MARK + acronym for acronym in acronyms)])
