"""The last briefing made of a set of sources, kept in the history so that the next launch of
the TUI shows it at once (marked as stored, with its time) while today's is made.

Kept as JSON text in the analysis cache (`briefing.storage.cache`, kind "shown"), under a
key the caller makes of the sources: one entry per key, replaced each time, gone after
`KEEP_DAYS` days unused or with another analysis version. Only the articles of the
briefing's stories keep their text (what the panes and the article screen show); the others
keep their names, which the header counts. An entry that is not what this code wrote (the
history is a file another program may change) is no stored briefing: never a crash.
"""

from __future__ import annotations

import json
from dataclasses import astuple, dataclass
from typing import Any

from briefing.models import (
    Article,
    Briefing,
    BriefingItem,
    Copy,
    Figure,
    Removal,
    Sentence,
    Settings,
    SourceSentence,
    Story,
)
from briefing.storage.cache import Cache
from briefing.storage.db import Store

KIND = "shown"


@dataclass(frozen=True, slots=True)
class Origin:
    """What a briefing was made from (`briefing.run.unchanged`): its reading, as one key, and
    its articles (`briefing.storage.briefings.articles_key`: the earlier items depend on them)."""

    reading: str
    articles: str


@dataclass(frozen=True, slots=True)
class Stored:
    """A briefing kept in the history, when it was made (an ISO time with its offset), and
    what from, if that can be told again (files named as sources)."""

    briefing: Briefing
    made: str
    origin: Origin | None = None


def keep(store: Store, key: str, briefing: Briefing, made: str, origin: Origin | None = None) -> None:
    """Keep `briefing`, made at `made` from `origin`, as the last one of the sources `key` names."""
    # ASCII: a file name that is not UTF-8 holds lone surrogates, which SQLite's text cannot;
    # escaped, they come back as they were.
    kept = [made, _briefing(briefing), *([[origin.reading, origin.articles]] if origin else [])]
    Cache(store).put(KIND, {key: json.dumps(kept)})


def last(store: Store, key: str) -> Stored | None:
    """The briefing last kept under `key`, or None (none kept, or not one this code wrote)."""
    text = Cache(store).get(KIND, [key]).get(key)
    if text is None:
        return None
    try:
        made, data, *origin = json.loads(text)  # one kept before origins were has none
        if not isinstance(made, str):
            return None
        briefing = _from(data)
        told = Origin(*_texts(origin[0])) if origin else None
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
        return None
    return Stored(briefing, made, told) if _whole(briefing) else None


def _briefing(briefing: Briefing) -> list[Any]:
    told = {id for story in briefing.stories for id in story.articles} | {
        source.article for item in briefing.items for source in item.sources
    }
    return [
        [_item(item) for item in briefing.items],
        [_article(article, article.id in told) for article in briefing.articles],
        list(briefing.key_terms),
        list(astuple(briefing.settings)),
        [_story(story) for story in briefing.stories],
        briefing.story_count,
        briefing.date,
        briefing.repeats_left_out,
        [[_article(copy.article, False), copy.original] for copy in briefing.copies],
    ]


def _article(article: Article, told: bool) -> list[Any]:
    """An article; without its text and sentences unless the briefing `told` of it."""
    if not told:
        return [article.id, article.title, article.source, article.date, article.path, article.url]
    spans = [number for sentence in article.sentences for number in (sentence.start, sentence.end)]
    removed = [[removal.rule, removal.text] for removal in article.removed]
    fields = [article.id, article.title, article.source, article.date, article.path, article.url]
    return [*fields, article.text, spans, removed, article.author, article.segmented]


def _item(item: BriefingItem) -> list[Any]:
    sources = [[s.article, s.sentence, s.start, s.end, s.text, s.similarity, s.joined] for s in item.sources]
    figures = [[f.value, f.unit, list(f.articles)] for f in item.disagreement]
    return [item.text, item.article, item.sentence, sources, item.score, item.mark, item.story, figures]


def _story(story: Story) -> list[Any]:
    fields = [story.id, story.title, list(story.articles), story.sources, list(story.items), story.score]
    return [*fields, list(story.key_terms), story.mark]


def _from(data: list[Any]) -> Briefing:
    items, articles, key_terms, settings, stories, story_count, date, repeats, copies = data
    return Briefing(
        tuple(_item_from(item) for item in items),
        tuple(_article_from(article) for article in articles),
        _texts(key_terms),
        _settings(*settings),
        tuple(_story_from(story) for story in stories),
        int(story_count),
        _text(date, optional=True),
        int(repeats),
        tuple(Copy(_article_from(article), _text(original)) for article, original in copies),
    )


def _settings(
    algorithm: Any, sentences: Any, words: Any, bytes: Any, threshold: Any, stories: Any, topic: Any
) -> Settings:
    return Settings(
        _text(algorithm), int(sentences), int(words), int(bytes), float(threshold), int(stories), _text(topic)
    )


def _article_from(data: list[Any]) -> Article:
    id, title, source, date, path, url, *told = data
    _texts([id, title, source, path])
    _text(date, optional=True)
    _text(url, optional=True)
    if not told:
        return Article(id, title, source, date, path, url, "", (), segmented=False)
    text, spans, removed, author, segmented = told
    _text(text)
    _text(author, optional=True)
    if not all(isinstance(number, int) and 0 <= number <= len(text) for number in spans):
        raise ValueError("spans outside the text")
    sentences = tuple(
        Sentence(index, text[start:end], start, end) for index, (start, end) in enumerate(zip(spans[::2], spans[1::2]))
    )
    kept = tuple(Removal(_text(rule), _text(what)) for rule, what in removed)
    return Article(id, title, source, date, path, url, text, sentences, kept, author, bool(segmented))


def _item_from(data: list[Any]) -> BriefingItem:
    text, article, sentence, sources, score, mark, story, figures = data
    _texts([text, article, story])
    said = tuple(
        # One kept before `joined` was (six fields) is shown without it.
        SourceSentence(_text(a), int(n), int(start), int(end), _text(told), float(similarity), *map(_text, joined[:1]))
        for a, n, start, end, told, similarity, *joined in sources
    )
    if mark not in (None, "new", "update", "repeat") or not said:
        raise ValueError("not an item")
    differ = tuple(Figure(_text(value), _text(unit), _texts(ids)) for value, unit, ids in figures)
    return BriefingItem(text, article, int(sentence), said, float(score), mark, story, differ)


def _story_from(data: list[Any]) -> Story:
    id, title, articles, sources, items, score, key_terms, mark = data
    _texts([id, title])
    if mark not in (None, "new", "ongoing"):
        raise ValueError("not a story mark")
    numbers = tuple(int(number) for number in items)
    return Story(id, title, _texts(articles), int(sources), numbers, float(score), _texts(key_terms), mark)


def _text(value: Any, optional: bool = False) -> Any:
    """`value`, if it is a string (or None, if `optional`): what this code wrote; else TypeError."""
    if not (isinstance(value, str) or (optional and value is None)):
        raise TypeError("not text")
    return value


def _texts(values: list[Any]) -> tuple[str, ...]:
    return tuple(_text(value) for value in values)


def _whole(briefing: Briefing) -> bool:
    """Whether every index and name in the briefing points at something in it: the screens
    look them up without asking."""
    ids = {article.id for article in briefing.articles} | {copy.article.id for copy in briefing.copies}
    told = {article.id: article for article in briefing.articles if article.text}
    count = len(briefing.items)
    return (
        bool(briefing.items)
        and all(0 <= n < count for story in briefing.stories for n in story.items)
        and all(set(story.articles) <= ids for story in briefing.stories)
        and all(
            s.article in told and 0 <= s.sentence < len(told[s.article].sentences)
            for item in briefing.items
            for s in item.sources
        )
    )
