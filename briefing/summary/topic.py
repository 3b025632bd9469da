"""Only the stories about a topic: "Ukraine", "Hurricane Mitch", "the Ukraine crisis", "UN".

A query's terms (`briefing.text.query`: its content words, stemmed, and its acronyms as
written) are matched against each story's articles (titles and text): a story is about the
topic when, on average over the query's words, most of its articles use the word. A story
that mentions a word in passing in one article is not about it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.models import Article
from briefing.text.query import ACRONYM_MARK
from briefing.text.segment import stem

# The mean share of a story's articles that must use each query word.
_MATCH = 0.5


def acronyms_used(stems: frozenset[str], article: Article, words: set[str]) -> set[str]:
    """The query's acronyms that `article` uses, as query terms: written in its title or text
    in capitals, with dots or without, or as the word they spell when it is one ("UKRAINE"
    typed in capitals; `words` holds the article's stems)."""
    used = set()
    for term in stems:
        if term.startswith(ACRONYM_MARK):
            letters = term[len(ACRONYM_MARK) :]
            pattern = r"(?<![\w.])" + r"\.?".join(letters) + r"\.?(?!\w)"
            if stem(letters.lower()) in words or re.search(pattern, article.title) or re.search(pattern, article.text):
                used.add(term)
    return used


def relevance(stems: frozenset[str], article_stems: Sequence[set[str]]) -> float:
    """The mean, over the query's stems, of the share of the story's articles using each."""
    if not stems or not article_stems:
        return 0.0
    return sum(sum(s in words for words in article_stems) for s in stems) / (len(stems) * len(article_stems))


def is_about(stems: frozenset[str], article_stems: Sequence[set[str]]) -> bool:
    """Whether a story (the stems of each of its articles) is about the query."""
    return relevance(stems, article_stems) >= _MATCH
