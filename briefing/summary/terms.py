"""What a story is about, in words a reader knows: its key terms and its headline.

Key terms are the names and words most of the story's articles use and the rest of the day
does not ("Hun Sen", "Hurricane Mitch"), never clitics or filler ("n't", "year", "make").
The label is the headline most typical of the story's articles; where the articles have no
headline of their own (a title made from the first sentence), the key terms stand in.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain

from briefing.models import Article
from briefing.summary.features import SentenceFeatures
from briefing.summary.stories import day_number
from briefing.text.lexicon import CALENDAR_WORDS, NAME_PARTICLES
from briefing.text.segment import WORD, stem, stop_words, tokenizer

# Names are how readers know a story, so they count double against common words.
_NAME_WEIGHT = 2.0
_LABEL_TERMS = 3
# A headline a day older than a story's newest report must be this much more typical of the
# story to name it: at 0.5 the next day's aside ("Bridge Closure Snarls Traffic", 0.50)
# displaced the event's own headline ("Cracks Close Harbour Bridge", 0.83); at 0.8 the Iran
# talks' "wrap up second round" (0.62) displaces the day before's "to meet" (0.66).
_STALE = 0.8
# A story's lead sentences say what it is about: terms there count twice.
_LEAD = 3
# Capitalised, but dates rather than names: "Monday" is in every story of the week.
_CALENDAR_STEMS = frozenset(stem(word) for word in CALENDAR_WORDS)


def term_keys(feature: SentenceFeatures) -> set[str]:
    """The candidate terms of a sentence: names ("@hun sen") and content stems worth showing."""
    keys = {f"@{name}" for name in feature.names if not CALENDAR_WORDS.issuperset(name.split())}
    keys.update(s for s in feature.stems if len(s) > 2 and "'" not in s and "’" not in s and s not in _CALENDAR_STEMS)
    return keys


def article_terms(features: Iterable[SentenceFeatures], count: int) -> list[set[str]]:
    """The candidate terms of each of `count` articles."""
    terms: list[set[str]] = [set() for _ in range(count)]
    for feature in features:
        terms[feature.article] |= term_keys(feature)
    return terms


def key_terms(
    features: Sequence[SentenceFeatures],
    terms: Sequence[set[str]],
    day_frequency: Counter[str],
    day_size: int,
    count: int = 5,
) -> tuple[str, ...]:
    """The story's `count` key terms, as written: share of its articles using a term, times
    how rare the term is in the rest of the day (its idf outside the story), names doubled;
    no term repeats a chosen one. With one story in the day, the share alone decides.

    `features` and `terms` are the story's (terms per story article); `day_frequency` counts
    the day's articles using each term, of `day_size` articles.
    """
    story_frequency: Counter[str] = Counter()
    for article_terms_ in terms:
        story_frequency.update(article_terms_)
    # How often the story writes each stem and each name (whole-story counts, no loop per sentence).
    uses = Counter(chain.from_iterable(feature.stems for feature in features))
    uses.update(f"@{name}" for feature in features for name in feature.names)
    lead: dict[int, set[str]] = {}
    for feature in features:
        if feature.index < _LEAD:
            lead.setdefault(feature.article, set()).update(term_keys(feature))
    in_lead = Counter(term for terms_ in lead.values() for term in terms_)
    others, size = day_size - len(terms), max(len(terms), 1)
    keys = {
        term: (
            -round(
                (frequency + in_lead[term])
                / (2 * size)
                * (math.log((1 + others) / (1 + day_frequency[term] - frequency)) + 1.0)
                * (_NAME_WEIGHT if term[0] == "@" else 1.0),
                9,
            ),
            -uses[term],
            -len(term),
            term,
        )
        for term, frequency in story_frequency.items()
    }
    # The best few suffice unless many overlap the ones chosen; then all are ranked.
    chosen = _choose(heapq.nsmallest(8 * count, keys, key=keys.__getitem__), story_frequency, count)
    if len(chosen) < count < len(keys):
        chosen = _choose(sorted(keys, key=keys.__getitem__), story_frequency, count)
    return _written(chosen, features)


def _choose(ranked: Sequence[str], frequency: Counter[str], count: int) -> list[str]:
    """The first `count` terms of `ranked` that repeat no word of an earlier one."""
    chosen: list[str] = []
    for term in ranked:
        overlapping = [k for k, other in enumerate(chosen) if _overlap(_words(term), _words(other))]
        if not overlapping:
            if len(chosen) == count:
                break
            chosen.append(term)
        elif _longer_name(term, chosen[overlapping[0]], frequency) and len(overlapping) == 1:
            # "Mitch" opens sentences as "Hurricane Mitch": the fuller name wins when it is common.
            chosen[overlapping[0]] = term
    return chosen


def _written(terms: list[str], features: Sequence[SentenceFeatures]) -> tuple[str, ...]:
    """The terms in their most common written form ("Hun Sen", "Ukraine"); the words of a
    name as they are written capitalised ("President", not "president"), a short word that
    only joined the name capitalised ("Pan Am") capitalised too, particles as they are
    ("Osama bin Laden")."""
    stems = {term for term in terms if term[0] != "@"}
    words = {word for term in terms if term[0] == "@" for word in term[1:].split()}
    forms: Counter[tuple[str, str]] = Counter()
    for feature in features:
        for stem_, form in zip(feature.stems, feature.forms):
            if stem_ in stems:
                forms[stem_, form] += 1
            if form[:1].isupper() and form.lower() in words:
                forms[form.lower(), form] += 1
    return tuple(
        " ".join(_form(word, forms, _name_word(word)) for word in term[1:].split())
        if term[0] == "@"
        else _form(term, forms, term)
        for term in terms
    )


# The endings that make a place's people or adjective ("Russia-n", "Iran-ian", "Israel-i",
# "Japan-ese"), and the shortest place stem they count on ("us" and "un" begin too much).
_DEMONYM = re.compile(r"(?:n|an|ian|ean|i|ese|ish)")
_ROOT = 4


def _overlap(first: set[str], second: set[str]) -> bool:
    """Whether two terms share a word, or a place and its people ("Russia", "Russian";
    "Honduras", "Honduran"): they name one thing twice in a short list."""
    return any(a == b or _demonym(a, b) or _demonym(b, a) for a in first for b in second)


def _demonym(word: str, place: str) -> bool:
    return len(place) >= _ROOT and word.startswith(place) and _DEMONYM.fullmatch(word[len(place) :]) is not None


def _words(term: str) -> set[str]:
    return {stem(word) for word in term[1:].split()} if term[0] == "@" else {term}


def _longer_name(term: str, other: str, frequency: Counter[str]) -> bool:
    """Whether name `term` contains name `other` and at least half as many articles use it."""
    return term[0] == other[0] == "@" and _words(other) < _words(term) and 2 * frequency[term] >= frequency[other]


def _form(key: str, forms: Counter[tuple[str, str]], unseen: str) -> str:
    written = [(uses, form) for (k, form), uses in forms.items() if k == key]
    return max(written)[1] if written else unseen


def _name_word(word: str) -> str:
    return word if word in NAME_PARTICLES or not word.isalpha() else word.capitalize()


# A headline that asks or beckons ("Why is the Strait of Hormuz so crucial?", "How Epstein got
# so rich", "See the Olympic medal count ...") heads an explainer or a promotion, not the news:
# on the 100 real feeds such headlines labelled the sections of the Iran talks and the Epstein
# files. It labels a story only when no headline of it tells.
_ASKS_OR_BECKONS = re.compile(
    r"^(?:how|why|what|who|where|when|which|can|could|should|is|are|will|does|do|see|watch|read|listen|here(?:'s|’s| is| are))\b"
    r"|\?\s*$",
    re.IGNORECASE,
)


def story_title(articles: Sequence[Article], terms: Sequence[set[str]], shown_terms: tuple[str, ...]) -> str:
    """The headline whose words most of the story's articles use, one that tells the news
    rather than asks or beckons if there is one; the key terms only where no article has a
    headline of its own.

    A headline counts `_STALE` as much for each day it is older than the story's newest dated
    report: a story goes on, and "US and Iran to meet for second round of nuclear talks" is
    stale once "U.S. and Iran wrap up second round of nuclear talks" is out. Of two as typical, the one
    that says more; then the article whose id sorts first, never input order."""
    frequency: Counter[str] = Counter()
    for article_terms_ in terms:
        frequency.update(article_terms_)
    days = [day_number(article.date) for article in articles]
    newest = max((day for day in days if not math.isnan(day)), default=math.nan)
    best, best_rank = "", (False, -1.0, 0)
    for article, day in sorted(zip(articles, days), key=lambda pair: pair[0].id):
        if not article.title.strip() or _title_from_text(article):
            continue
        words = title_stems(article.title)
        score = sum(frequency[w] for w in words) / (len(words) * len(articles)) if words else 0.0
        if not math.isnan(day):
            score *= _STALE ** (newest - day)
        rank = (not _ASKS_OR_BECKONS.search(article.title.strip("\"'“”‘’ ")), round(score, 9), len(words))
        if rank > best_rank:  # a headline whose words the text never uses still beats key terms
            best, best_rank = article.title, rank
    return best or ", ".join(shown_terms[:_LABEL_TERMS]) or articles[0].title


def headline_stems(articles: Sequence[Article], title: str) -> frozenset[str]:
    """The content stems of a story's title when it is a headline of its articles (not its key
    terms, nor a title made from a first sentence): the event the story's first item states."""
    if not any(article.title == title and not _title_from_text(article) for article in articles):
        return frozenset()
    return frozenset(title_stems(title))


def title_stems(title: str) -> set[str]:
    """The content stems of a headline."""
    stops = stop_words()
    return {stem(w) for w in tokenizer().to_words(title) if WORD.match(w) and w.lower() not in stops}


def _title_from_text(article: Article) -> bool:
    """Whether the title was made from the first sentence because the page had none."""
    return bool(article.sentences) and article.sentences[0].text.startswith(article.title.rstrip("…"))
