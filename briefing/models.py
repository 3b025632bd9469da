"""The plain data the stages pass on: documents and articles in, a briefing with provenance out,
and what the history and the network keep of them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Mark = Literal["new", "update", "repeat"]
StoryMark = Literal["new", "ongoing"]
# The shapes a briefing is rendered in (`briefing.output.render`) and recorded in (`briefing.storage`).
Format = Literal["text", "markdown", "json"]
FORMATS: tuple[Format, ...] = ("text", "markdown", "json")

# The outlet of an article that names none (a bare text file): shown, never counted as one.
UNKNOWN_SOURCE = "unknown source"
# How many words of an article's text are read of every article, before it is known whether
# its story is shown: grouping and ranking read its view of them (`briefing.summary.views`
# says why 400), the language check reads them, and a day's set of articles is known by them
# (`briefing.storage.briefings.articles_key`). Cleaning an article stops once this many words
# of its text are final (`briefing.text.clean.clean_extracted`); the shown ones are made whole.
LEAD_WORDS = 400


def lead_of(text: str) -> str:
    """The first `LEAD_WORDS` words of `text`, as written; the whole text if it has no more."""
    pieces = text.split(None, LEAD_WORDS)
    return text if len(pieces) <= LEAD_WORDS else text[: len(text) - len(pieces[-1])].rstrip()


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of page text that cleaning dropped, and the rule that dropped it."""

    rule: str
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article; `text == article.text[start:end]`."""

    index: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: metadata, body text and its sentences with spans."""

    id: str
    title: str
    source: str
    date: str | None
    path: str
    url: str | None
    text: str
    sentences: tuple[Sentence, ...]
    removed: tuple[Removal, ...] = ()
    author: str | None = None
    # False: the text is not cut into sentences yet and `sentences` is empty. Cutting a day's
    # text into sentences costs as much as cleaning it; a story that is not shown needs none.
    segmented: bool = True
    # Set while `text` is only the article's start, cleaned up to its lead (`removed` what went
    # up to there): what cleaning it whole reads (`briefing.sources.files.whole`). Grouping,
    # ranking and the language check read no further; a story that is not shown needs no more.
    rest: Rest | None = None


@dataclass(frozen=True, slots=True)
class Rest:
    """What cleaning an article whole reads: its document, and the user's patterns."""

    document: Document
    drop_patterns: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Document:
    """Decoded text before cleaning, with what the page or feed said about itself.

    `extracted` text came out of markup (a page's main text, a feed entry), one paragraph a
    line; other text is a file as written, perhaps with a `Title:`/`Date:` header block (a
    `.md` file's Markdown is read when it is cleaned, by `files.parse_article`).
    """

    id: str
    path: str
    text: str
    title: str | None = None
    source: str | None = None
    date: str | None = None
    url: str | None = None
    author: str | None = None
    extracted: bool = False
    full: bool = True
    note: str | None = None  # worth telling about the file it came from (a feed cut short)


@dataclass(frozen=True, slots=True)
class Copy:
    """A file or feed entry skipped as the same text as an earlier article: never read (a copy
    is no independent report of a fact), but listed, under its own outlet and address, with the
    story of the article it repeats: a story three outlets carry word for word is a story three
    outlets carry."""

    article: Article  # its own id, headline, outlet, date, path and address; no text
    original: str  # the id of the article it repeats


# What happened to a source with a problem: it gave no article (a file or feed entry), it was
# read with something worth knowing, or a URL could not be fetched.
ProblemKind = Literal["skipped", "noted", "failed"]
# The reason of a source skipped as a copy; `detail` names the earlier one it repeats.
SAME_TEXT = "same text as"


@dataclass(frozen=True, slots=True)
class Problem:
    """A file, feed entry, URL or setting that gave no article or gave one with a caveat.

    `reason` is the why in words shared by every problem of that cause (so the report can
    group them); `detail` is this one's particular (the earlier file a copy repeats). Facts
    live in fields: `briefing.output.problems` writes the lines, nothing parses them back.
    """

    kind: ProblemKind
    reason: str
    path: str  # a file, a folder, a URL, or a config key such as "[sources] paths"
    detail: str = ""
    entry: str | None = None  # which of a feed's entries, when the file holds many
    copy: Copy | None = None  # a copy's own record: listed with its original's story
    fetched: bool = False  # a feed entry `briefing fetch` stored: `path` is its page's address

    @property
    def is_copy(self) -> bool:
        return self.kind == "skipped" and self.reason == SAME_TEXT

    @property
    def is_entry(self) -> bool:
        """Whether it is about a feed's entry: one of a feed file's, or one fetched and stored."""
        return self.entry is not None or self.fetched


def located(path: str, entry: str | None) -> str:
    """A file, or one entry of a feed file."""
    return f"{path} ({entry})" if entry else path


@dataclass(frozen=True, slots=True)
class FeedState:
    """What a server said about a feed last time: sent back for a conditional GET."""

    etag: str | None = None
    modified: str | None = None


@dataclass(frozen=True, slots=True)
class SourceSentence:
    """A source sentence that supports a briefing item."""

    article: str
    sentence: int
    start: int
    end: int
    text: str
    similarity: float  # the cosine with the item's sentence, rounded to 3 places
    # Which same-fact test made it support: "item" (the item's own sentence), "cosine",
    # "clause", "event", "quote" (`summary.facts.SameFact.test`) against the item's sentence,
    # "restated" (an item chosen before that says nothing this one does not, `SameFact.told_within`),
    # or "group" (none alone: its mean similarity to the fact's other sentences). "" when not
    # known (a briefing recorded before this was kept).
    joined: str = ""


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure some of an item's articles give for a count its sentences share ("60 dead"),
    where others give another: reports of one fact that do not agree on a number."""

    value: str
    unit: str
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BriefingItem:
    """One fact of the briefing: its representative sentence and everything behind it."""

    text: str
    article: str
    sentence: int
    sources: tuple[SourceSentence, ...]
    score: float
    mark: Mark | None = None  # against history: None until the briefing was compared with it
    story: str = ""  # the id of the story the item belongs to
    disagreement: tuple[Figure, ...] = ()  # the figures, when the sources give different ones

    @property
    def support(self) -> int:
        """How many distinct articles report this fact (its corroboration)."""
        return len({source.article for source in self.sources})

    @property
    def article_ids(self) -> tuple[str, ...]:
        """Supporting article ids, each once, in the order they were found."""
        return tuple(dict.fromkeys(source.article for source in self.sources))


@dataclass(frozen=True, slots=True)
class Settings:
    """The settings a briefing was made with, echoed in every output format."""

    algorithm: str
    sentences: int
    words: int
    bytes: int
    threshold: float
    stories: int = 0  # at most this many stories (0: all)
    topic: str = ""  # only the stories about this topic (empty: all)


@dataclass(frozen=True, slots=True)
class Story:
    """One story of the day: the articles that report it and the items that summarize it."""

    id: str
    title: str  # a clean label: the most typical headline of its articles, or its key terms
    articles: tuple[str, ...]  # article ids, then those of the copies of them (Briefing.copies)
    sources: int  # distinct outlets among the articles and their copies
    items: tuple[int, ...]  # indexes into Briefing.items
    score: float  # importance, by the formula in config.toml [rank]
    key_terms: tuple[str, ...]
    mark: StoryMark | None = None  # "new" when none of its items relates to earlier briefings


@dataclass(frozen=True, slots=True)
class Briefing:
    """The summary of a set of articles, in reading order."""

    items: tuple[BriefingItem, ...]
    articles: tuple[Article, ...]
    key_terms: tuple[str, ...]
    settings: Settings
    stories: tuple[Story, ...] = ()  # most important first; items are in the same order
    story_count: int = 1  # stories found among the articles, before --topic and --stories
    # The local date (YYYY-MM-DD) the briefing was made for: the day a reader reads it. The
    # shells set it from the clock; the pure pipeline leaves it None.
    date: str | None = None
    # How many items were left out because they repeat earlier briefings (--only-new).
    repeats_left_out: int = 0
    # The copies of the shown stories' articles, story by story: listed, never read.
    copies: tuple[Copy, ...] = ()
    # The ids of the articles that are only their feed's headline and teaser: the page they
    # link failed to download (`briefing.run.day.read_day` tells them from the history).
    teasers: frozenset[str] = frozenset()

    @property
    def sentence_count(self) -> int:
        """How many sentences the articles read sentence by sentence had in all (those of a
        story not shown are not cut into sentences)."""
        return sum(len(article.sentences) for article in self.articles)

    @property
    def news_dates(self) -> tuple[str, str] | None:
        """The oldest and newest date of the articles read, or None when no article is dated.

        Dates after the briefing's own date are left out: no news comes from the future, so
        such a date is a page's mistake or a spammer's, and must not pose as the news date.
        """
        return self._span(self.articles)

    @property
    def quoted_dates(self) -> tuple[str, str] | None:
        """The oldest and newest date of the articles the items quote (the Sources list), or
        None when none of them is dated: the span of the news shown. A day's feeds hold old
        entries of stories not shown (a blog's archive): the 100 real feeds' articles span
        2008-05-22 to 2026-02-18, the ones a briefing of them quotes 2026-02-13 to 2026-02-18."""
        quoted = {article for item in self.items for article in item.article_ids}
        return self._span(a for a in self.articles if a.id in quoted)

    def _span(self, articles: Iterable[Article]) -> tuple[str, str] | None:
        dates = sorted(a.date for a in articles if a.date and (self.date is None or a.date <= self.date))
        return (dates[0], dates[-1]) if dates else None

    @property
    def news_date(self) -> str | None:
        """The newest article date: what the articles are about, beside the day they are read."""
        span = self.news_dates
        return span[1] if span else None


@dataclass(frozen=True, slots=True)
class PastBriefing:
    """One row of `briefing history`."""

    id: int
    created: str
    day: str
    date: str | None
    key_terms: tuple[str, ...]
    articles: int
    items: int
    settings: Settings | None = None  # None: what was recorded is not settings this code wrote
