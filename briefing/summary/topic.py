"""Only the stories about a topic: "Ukraine", "Hurricane Mitch", "the Ukraine crisis".

A query is matched by its content words, stemmed, against each story's articles (titles and
text): a story is about the topic when, on average over the query's words, most of its
articles use the word. A story that mentions a word in passing in one article is not about it.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.text.segment import WORD, stem, stop_words, tokenizer

# The mean share of a story's articles that must use each query word.
_MATCH = 0.5


def query_stems(query: str) -> frozenset[str]:
    """The content stems of a topic query (stop words and punctuation dropped)."""
    stops = stop_words()
    return frozenset(stem(w) for w in tokenizer().to_words(query) if WORD.match(w) and w.lower() not in stops)


def relevance(stems: frozenset[str], article_stems: Sequence[set[str]]) -> float:
    """The mean, over the query's stems, of the share of the story's articles using each."""
    if not stems or not article_stems:
        return 0.0
    return sum(sum(s in words for words in article_stems) for s in stems) / (len(stems) * len(article_stems))


def is_about(stems: frozenset[str], article_stems: Sequence[set[str]]) -> bool:
    """Whether a story (the stems of each of its articles) is about the query."""
    return relevance(stems, article_stems) >= _MATCH
