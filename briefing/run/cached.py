"""Reading a day's files and articles through the history's cache (`briefing.storage.cache`).

A file is known by the hash of its bytes (and its kind of name: `.html` and `.md` are read
as such), an article by the hash of its document and the cleaning settings: what reading
them gave before is decoded from JSON instead of parsed, cleaned and cut into sentences
again, and each article's view (`briefing.summary.views`) comes with it. What was not kept
is read as without a cache, on the same mapper, and kept. The briefing is the same either
way: the cache only holds what the same code gave for the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from time import time_ns
from typing import Any, TypeVar

from briefing.config import Config
from briefing.errors import StoreError
from briefing.models import Article, Document, Problem, Removal, Rest, Sentence
from briefing.run.unchanged import content_hash, file_key, files_key, settled, status_key
from briefing.sources.files import checked, collected, file_ids, parse_article, read_bytes
from briefing.sources.files import read_sources as read_files
from briefing.sources.folders import read_stated, survey
from briefing.sources.markdown import is_markdown
from briefing.storage.cache import Cache
from briefing.summary.pipeline import article_view
from briefing.summary.views import StoryView
from briefing.tasks import Mapper, Progress, biggest_first, in_turn
from briefing.text.language import language_of

T = TypeVar("T")


class CachedReader:
    """Files and documents read through a cache; the views of the articles it gave, by id.

    A cache that fails (a full disk, a locked or read-only history) is left alone for the
    rest of the run: it only ever saves time, and the run's delivery must not depend on it.
    """

    def __init__(self, cache: Cache | None) -> None:
        self.cache = cache  # None: read everything, keep nothing (--no-store)
        self.views: dict[str, StoryView] = {}  # each article's view, by the article's id
        self.files: str | None = None  # the files read, as `briefing.run.unchanged.files_key`

    def _get(self, kind: str, keys: Iterable[str]) -> dict[str, str]:
        if self.cache is not None:
            try:
                return self.cache.get(kind, keys)
            except StoreError:
                self.cache = None
        return {}

    def _put(self, kind: str, values: dict[str, str]) -> None:
        if self.cache is not None:
            try:
                self.cache.put(kind, values)
            except StoreError:
                self.cache = None

    def _touch(self, kind: str, keys: list[str]) -> None:
        if self.cache is not None and keys:
            try:
                self.cache.touch(kind, keys)
            except StoreError:
                self.cache = None

    def prune(self) -> None:
        """Forget what no run read for a while (`briefing.storage.cache.KEEP_DAYS`)."""
        if self.cache is not None:
            try:
                self.cache.prune()
            except StoreError:
                self.cache = None

    def read_sources(
        self, sources: Iterable[str], max_bytes: int = 5_000_000, mapper: Mapper | None = None
    ) -> tuple[list[Document], list[Problem]]:
        """As `briefing.sources.files.read_sources`, each file parsed only if its bytes are new."""
        if self.cache is None:  # no keys to work out: nothing is looked up or kept
            return read_files(sources, max_bytes, mapper)
        paths, others = survey(sources)
        ids = file_ids(paths)
        reading_from = time_ns()  # before any status is taken: the earliest it can tell
        stated = [read_stated(path, max_bytes) for path in paths]
        data = [found for found, _ in stated]
        keys = {n: file_key(d, path) for n, (d, path) in enumerate(zip(data, paths)) if isinstance(d, bytes)}
        self.files = files_key(paths, [d if isinstance(d, Problem) else keys[n] for n, d in enumerate(data)], others)
        # Each file's status as it was read, for a launch to tell it unchanged unread (`briefing.run.unchanged`).
        statuses = {n: info for n, (_, info) in enumerate(stated) if n in keys and info and settled(info, reading_from)}
        self._put("status", {status_key(paths[n], info): json.dumps(keys[n]) for n, info in statuses.items()})
        kept = self._get("file", keys.values())
        decoded = {n: _decoded(_documents, kept[keys[n]], paths[n], ids[n]) for n in keys if keys[n] in kept}
        known = {n: documents for n, documents in decoded.items() if documents is not None}
        new = [n for n in keys if n not in known]
        sizes = {n: len(d) for n, d in enumerate(data) if isinstance(d, bytes)}
        tasks = [(data[n], paths[n], ids[n]) for n in new]
        parsed = dict(zip(new, biggest_first(mapper or in_turn(), read_bytes, tasks, [sizes[n] for n in new])))
        self._put("file", {keys[n]: _documents_json(parsed[n], ids[n]) for n in new})
        self._touch("file", [keys[n] for n in keys if n not in parsed])
        read: list[list[Document] | Problem] = []
        for n, found in enumerate(data):
            if isinstance(found, Problem):
                read.append(found)
            elif n in parsed:
                read.append(parsed[n])
            else:
                read.append(known[n])
        documents, skipped = collected(read)
        return documents, [*others, *skipped]

    def load_documents(
        self,
        documents: list[Document],
        config: Config | None = None,
        progress: Progress | None = None,
        mapper: Mapper | None = None,
        segmented: bool = True,
        lead: int | None = None,
    ) -> tuple[tuple[Article, ...], list[Problem]]:
        """As `briefing.sources.files.load_documents`, each document cleaned only if it is new."""
        config = config or Config()
        patterns = config.clean.drop_patterns
        keys = [_document_key(document, patterns, segmented, lead) for document in documents] if self.cache else []
        kept = self._get("article", keys)
        decoded = {
            n: _decoded(_article, kept[key], documents[n], patterns) for n, key in enumerate(keys) if key in kept
        }
        known = {n: found for n, found in decoded.items() if found is not None}
        new = [n for n in range(len(documents)) if n not in known]
        clean = partial(_article_and_view, drop_patterns=patterns, segmented=segmented, lead=lead)
        read = (mapper or in_turn(progress, "cleaning articles"))(clean, [documents[n] for n in new])
        cleaned = {n: article for n, (article, _, _) in zip(new, read)}
        views = {n: view for n, (_, view, _) in zip(new, read)}
        languages = {n: language for n, (_, _, language) in zip(new, read)}
        if self.cache is not None:
            self._put("article", {keys[n]: _article_json(cleaned[n], views[n], languages[n]) for n in new})
        articles: list[Article] = []
        found: list[str | None] = []
        for n in range(len(documents)):
            if n in cleaned:
                article, view, language = cleaned[n], views[n], languages[n]
            else:
                article, view, language = known[n]
            articles.append(article)
            found.append(language)
            self.views[article.id] = view
        self._touch("article", [keys[n] for n in range(len(keys)) if n not in cleaned])
        return checked(documents, articles, found)

    def views_of(self, articles: Sequence[Article]) -> list[StoryView] | None:
        """The views of `articles`, if this reader gave them all."""
        views = [self.views.get(article.id) for article in articles]
        return None if any(view is None for view in views) else [v for v in views if v is not None]


def _decoded(decode: Callable[..., T], *args: Any) -> T | None:
    """What `decode` makes of a kept entry, or None when the entry is not what this code wrote
    (the history is a file another program may have changed): it is then read again."""
    try:
        return decode(*args)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
        return None


def _texts(*values: object, optional: bool = False) -> None:
    """TypeError unless every value is a string (or None, if `optional`): what this code wrote."""
    if not all(isinstance(value, str) or (optional and value is None) for value in values):
        raise TypeError("not text")


def _article_and_view(
    document: Document, drop_patterns: tuple[str, ...], segmented: bool, lead: int | None = None
) -> tuple[Article, StoryView, str | None]:
    """A document cleaned (up to its `lead`, where it can be), the view of the article and its
    language (None: English), all where the mapper runs: telling a language loads a model and
    reads 140 of a feed day's articles at 20 ms each."""
    article = parse_article(document, drop_patterns, segmented, lead)
    return article, article_view(article), language_of(article.text) if article.text else None


def _document_key(document: Document, patterns: tuple[str, ...], segmented: bool, lead: int | None) -> str:
    """A document by everything cleaning reads of it, the user's patterns, whether its text is
    cut into sentences, and how much of it is cleaned (`lead`)."""
    fields = [document.text, document.title, document.source, document.date, document.url, document.author]
    shape = [document.extracted, is_markdown(document.path), list(patterns), segmented, lead]
    return content_hash(json.dumps([fields, shape], ensure_ascii=False))


def _documents_json(read: list[Document] | Problem, id: str) -> str:
    """A file's documents (or why it was skipped) as JSON, their ids relative to the file's."""
    if isinstance(read, Problem):
        return json.dumps({"skipped": read.reason}, ensure_ascii=False)
    return json.dumps(
        [
            [d.id[len(id) :], d.text, d.title, d.source, d.date, d.url, d.author, d.extracted, d.full, d.note]
            for d in read
        ],
        ensure_ascii=False,
    )


def _documents(text: str, path: Path, id: str) -> list[Document] | Problem:
    data = json.loads(text)
    if isinstance(data, dict):
        _texts(data["skipped"])
        return Problem("skipped", data["skipped"], str(path))
    documents = []
    for suffix, body, title, source, date, url, author, extracted, full, note in data:
        _texts(suffix, body)
        _texts(title, source, date, url, author, note, optional=True)
        documents.append(
            Document(id + suffix, str(path), body, title, source, date, url, author, bool(extracted), bool(full), note)
        )
    return documents


def _article_json(article: Article, view: StoryView, language: str | None) -> str:
    spans = [number for sentence in article.sentences for number in (sentence.start, sentence.end)]
    return json.dumps(
        {
            "article": [article.title, article.source, article.date, article.url, article.text, article.author],
            "spans": spans,
            "segmented": article.segmented,
            "whole": article.rest is None,
            "language": language,
            "removed": [[removal.rule, removal.text] for removal in article.removed],
            "view": [
                view.title,
                view.lead,
                sorted(view.names),
                sorted(view.acronyms),
                view.date,
                view.source,
                view.words,
            ],
        },
        ensure_ascii=False,
    )


def _article(text: str, document: Document, patterns: tuple[str, ...]) -> tuple[Article, StoryView, str | None]:
    data = json.loads(text)
    title, source, date, url, body, author = data["article"]
    spans = data["spans"]
    _texts(title, source, body)
    _texts(date, url, author, optional=True)
    if not all(isinstance(number, int) and 0 <= number <= len(body) for number in spans):
        raise ValueError("spans outside the text")
    sentences = tuple(
        Sentence(index, body[start:end], start, end) for index, (start, end) in enumerate(zip(spans[::2], spans[1::2]))
    )
    removed = tuple(Removal(rule, removal) for rule, removal in data["removed"])
    segmented = bool(data["segmented"])
    rest = None if bool(data["whole"]) else Rest(document, patterns)
    article = Article(
        document.id, title, source, date, document.path, url, body, sentences, removed, author, segmented, rest
    )
    view_title, lead, names, acronyms, view_date, view_source, words = data["view"]
    view = StoryView(
        tuple(view_title), tuple(lead), frozenset(names), frozenset(acronyms), view_date, view_source, words
    )
    language = data["language"]
    _texts(language, optional=True)
    return article, view, language
