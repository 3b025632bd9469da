"""Only the stories about a topic: "Ukraine", "Hurricane Mitch", "the Ukraine crisis", "UN".

A query's terms (its content words, as `briefing.text.forms` writes them, and its acronyms as
written: `briefing.text.query`) are matched against each story's articles' views: a story is
about the topic when, on average over the query's words, most of its articles tell of it, in
their headline, in the opening of their text, or twice in their lead. A story that mentions a
word in passing in one article is not about it, nor an essay that names it once 300 words in.
A place's name also matches the word for its people ("Iranians mourn ..." is about Iran).
Each article counts by how typical its headline is of the story: a roundup whose headline
lists other stories too ("Rev. Jesse Jackson has died. And, U.S. and Iran set for high-stakes
nuclear talks") counts less in the story it was grouped with (Jackson's death) than that
story's own report, so Jackson's death is no story about Iran.

Some terms must be there: an acronym, and a word typed with a capital, a name ("Taylor
Swift": a post quoting "Elise Taylor" is not about her; "Peru election": not Germany's). The
other words of a query that has names only add to the mean ("the Ukraine crisis" is every
story about Ukraine); a query of lower-case words needs every word ("tree-sitter", "climate
policy": a story that says "tree" is not about it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from briefing.summary.views import StoryView
from briefing.text.forms import content, forms, word_form
from briefing.text.query import ACRONYM_MARK, query_acronyms

# The mean share of a story's articles that must use each query word.
_MATCH = 0.5
# An article tells of a word in its headline, in the first `_OPENING` words of its text (news
# says what happened first; a feed's teaser is all opening), or twice in its lead. Said once
# further on, it is in passing: on the 100 real feeds "Ukraine" once in essays on the
# Washington Post's cuts, on Jesse Jackson's legacy and on Musk's EU fine, 60 to 320 words in.
_OPENING = 50
# The common English endings of a people's word made from a place's name (its final a or e
# dropped or not): Israeli, Iranian, Ukrainian, Gazan, Russian, Chinese, European.
_PEOPLE = ("i", "ian", "an", "ean", "n", "ese")


def query_forms(query: str) -> frozenset[str]:
    """The terms of a topic query: its content words as views write them, and its acronyms
    (marked "#US"), which match only as written."""
    acronyms = query_acronyms(query)
    words = [word for word in content(forms(query)) if word.upper() not in acronyms]
    return frozenset([*words, *(ACRONYM_MARK + acronym for acronym in acronyms)])


def spellings(term: str) -> frozenset[str]:
    """The word forms that use a query word: itself and, for a word of four letters or more,
    the word for its people ("iran": "iranian"; "ukraine": "ukrainian"; "china": "chinese")."""
    if len(term) < 4:
        return frozenset([term])
    stems = {term, term[:-1]} if term[-1] in "ae" else {term}
    return frozenset([term, *(stem + ending for stem in stems for ending in _PEOPLE)])


def used(terms: frozenset[str], view: StoryView) -> set[str]:
    """The query terms an article tells of: words, in any of their `spellings`, in its headline,
    in the first `_OPENING` words of its lead or twice in the lead; an acronym written in
    capitals (with dots or without) anywhere in the headline or lead, or as the word it spells
    when it is one ("UKRAINE" typed in capitals)."""
    opening = {*view.title, *view.lead[:_OPENING]}
    counts = Counter(view.lead)
    found = set()
    for term in terms:
        if term.startswith(ACRONYM_MARK):
            letters = term[len(ACRONYM_MARK) :]
            form = word_form(letters.lower())
            if letters in view.acronyms or form in opening or counts[form] > 1:
                found.add(term)
        else:
            forms_of = spellings(term)
            if not forms_of.isdisjoint(opening) or sum(counts[form] for form in forms_of) > 1:
                found.add(term)
    return found


def headline_names(must: frozenset[str], view: StoryView) -> bool:
    """Whether an article's headline names every term a story about the query must use
    (`required`): the article is about the topic, whatever story it was grouped with."""
    title = set(view.title)
    return bool(must) and all(
        word_form(term[len(ACRONYM_MARK) :].lower()) in title
        if term.startswith(ACRONYM_MARK)
        else not spellings(term).isdisjoint(title)
        for term in must
    )


def required(query: str) -> frozenset[str]:
    """The terms a story about `query` must use: its acronyms and its words typed with a
    capital; all its terms when it has neither."""
    terms = query_forms(query)
    capitalised = {form for word in query.split() if word.lstrip("\"'“‘(")[:1].isupper() for form in forms(word)}
    names = frozenset(term for term in terms if term.startswith(ACRONYM_MARK) or term in capitalised)
    return names or terms


def relevance(terms: frozenset[str], article_terms: Sequence[set[str]], weights: Sequence[float]) -> float:
    """The mean, over the query's terms, of the share of the story's articles using each, each
    article counting its weight (all alike when no weight is above 0)."""
    if not terms or not article_terms:
        return 0.0
    if not any(weights):
        weights = [1.0] * len(article_terms)
    used_weight = sum(weight for t in terms for words, weight in zip(article_terms, weights) if t in words)
    return used_weight / (len(terms) * sum(weights))


def headline_weights(views: Sequence[StoryView]) -> list[float]:
    """How typical each article's headline is of its story: the mean, over the headline's
    content words, of the share of the story's articles that use the word (headline or lead).
    An article whose headline tells other stories too scores low; one with no headline, 0."""
    uses = [{*view.title, *view.lead} for view in views]
    weights = []
    for view in views:
        words = set(content(view.title))
        weights.append(sum(word in use for word in words for use in uses) / (len(words) * len(uses)) if words else 0.0)
    return weights


def is_about(terms: frozenset[str], must: frozenset[str], views: Sequence[StoryView]) -> bool:
    """Whether a story (the views of its articles) is about the query: most of its articles,
    each counting by how typical its headline is of the story (`headline_weights`), use each
    term it `must` (`required`), and its terms on average."""
    article_terms = [used(terms, view) for view in views]
    weights = headline_weights(views)
    return relevance(terms, article_terms, weights) >= _MATCH and all(
        relevance(frozenset([term]), article_terms, weights) >= _MATCH for term in must
    )
