"""Articles from files and folders: ids, reading, and cleaning into Articles (which files, and
their bytes read safely, are `briefing.sources.folders`').

Reading files is the only I/O here (`read_sources`); `parse_article` is pure, so tests and the
TUI can build articles from strings. What a file holds (feed, page, text) is decided by
`documents.read_document`, from its bytes rather than its name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path

from briefing.config import Config
from briefing.models import SAME_TEXT, UNKNOWN_SOURCE, Article, Copy, Document, Problem, Removal, Rest, lead_of, located
from briefing.sources.documents import NotReadable, read_document
from briefing.sources.folders import read_file, skipped, survey
from briefing.sources.markdown import front_matter, is_markdown, markdown_text
from briefing.tasks import Mapper, Progress, biggest_first, in_turn
from briefing.text.clean import clean_extracted, clean_page
from briefing.text.dates import parse_date
from briefing.text.language import language_name, language_of
from briefing.text.normalize import normalize
from briefing.text.segment import segment
from briefing.urls import hostname

_HEADER = re.compile(r"^(title|source|date|url)\s*:\s*(.*\S)\s*$", re.IGNORECASE)
_ADDRESS = re.compile(r"https?://[^\s/]+/?$", re.IGNORECASE)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Feeds and pages write a placeholder when they have no date: Go's zero time, 0001-01-01, in
# the feeds of Hugo sites. No news is older than this; such a date is no date.
_EARLIEST = "1900-01-01"
NO_TEXT = "no article text left after cleaning"
# A copy under another headline is listed with its original's story only when the text they
# share is this many words or more: one article carried twice. Shorter, it is a feed's
# boilerplate: the 55 copies under another headline in the 100 shared feeds share 1 to 10
# words ("[allAfrica]", "Status: Broken => Running" under 40 game titles), the teaser
# morning's copies 34 to 40, DUC's whole articles hundreds.
COPY_WORDS = 20
OTHER_LANGUAGE = "briefing summarizes English only"


def file_ids(paths: list[Path]) -> list[str]:
    """Readable ids that tell files apart: the stem, else the file name ("storm.html" beside
    "storm.txt"), else as many parent folders as it takes ("inbox/storm", "archive/storm").
    The same files always get the same ids."""
    level = dict.fromkeys(paths, 0)

    def name(path: Path) -> str:
        # Level 0: stem; 1: name; 2: parent/stem; 3: parent/name; ...
        folders, with_suffix = divmod(level[path], 2)
        parts = [*path.parent.parts[len(path.parent.parts) - folders :], path.name if with_suffix else path.stem]
        return "/".join(part.strip("/") or "/" for part in parts)

    while True:
        groups: dict[str, list[Path]] = {}
        for path in paths:
            groups.setdefault(name(path), []).append(path)
        clashes = [group for group in groups.values() if len(group) > 1]
        deeper = [path for group in clashes for path in group if level[path] < 2 * len(path.parent.parts) + 1]
        if not deeper:
            break
        for path in deeper:
            level[path] += 1
    return unique([name(path) for path in paths])


def unique(ids: list[str]) -> list[str]:
    """The ids with any repeat made distinct by a suffix (-2, -3...), first one unchanged."""
    seen: set[str] = set()
    result: list[str] = []
    for id in ids:
        candidate, extra = id, 2
        while candidate in seen:
            candidate, extra = f"{id}-{extra}", extra + 1
        seen.add(candidate)
        result.append(candidate)
    return result


def read_path(path: Path, id: str, max_bytes: int) -> list[Document] | Problem:
    """The documents of one file (a feed holds many), or why it was skipped."""
    data = read_file(path, max_bytes)
    if isinstance(data, Problem):
        return data
    return read_bytes((data, path, id))


def read_sources(
    sources: Iterable[str], max_bytes: int = 5_000_000, mapper: Mapper | None = None
) -> tuple[list[Document], list[Problem]]:
    """Decoded documents from `sources`, and a record for each file that had to be skipped.

    `mapper` reads the files (default: here, in turn); an engine reads them where it runs.
    """
    paths, others = survey(sources)
    tasks = [(path, id, max_bytes) for path, id in zip(paths, file_ids(paths))]
    read = biggest_first(mapper or in_turn(), _read_path_task, tasks, [_size(path) for path in paths])
    documents, skipped = collected(read)
    return documents, [*others, *skipped]


def _size(path: Path) -> int:
    """The file's size in bytes, 0 if it cannot be looked at (reading it says why)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def collected(read: Iterable[list[Document] | Problem]) -> tuple[list[Document], list[Problem]]:
    """The documents of each file read (or why it was skipped), in order, their ids made unique."""
    read = list(read)
    skipped = [result for result in read if isinstance(result, Problem)]
    documents = [document for result in read if not isinstance(result, Problem) for document in result]
    ids = unique([document.id for document in documents])
    return [replace(document, id=id) for document, id in zip(documents, ids)], skipped


def read_bytes(task: tuple[bytes, Path, str]) -> list[Document] | Problem:
    """The documents of a file's bytes (a feed holds many), or why it was skipped."""
    data, path, id = task
    try:
        return read_document(data, str(path), id)
    except NotReadable as error:
        return skipped(path, str(error))
    except RecursionError:
        return skipped(path, "nested too deeply to read")
    except Exception as error:  # a bug met on one file costs that file, said as such, not the run
        return skipped(path, f"could not be read: internal error (a bug in briefing): {type(error).__name__}: {error}")


def _read_path_task(task: tuple[Path, str, int]) -> list[Document] | Problem:
    return read_path(*task)


def _split_header(text: str) -> tuple[dict[str, str], str]:
    lines = text.split("\n")
    header: dict[str, str] = {}
    for count, line in enumerate(lines):
        match = _HEADER.match(line)
        if match:
            header.setdefault(match.group(1).lower(), match.group(2))
        elif line.strip() or not header:
            return header, "\n".join(lines[count:]) if header else text
    return header, ""


def _shortened(text: str, limit: int = 80) -> str:
    """The text cut at a word boundary to at most `limit` characters, with an ellipsis if cut."""
    if len(text) <= limit:
        return text
    return text[: text.rfind(" ", 0, limit - 1)].rstrip(" ,;:") + "…"


def _site_name(source: str | None) -> str | None:
    """An outlet's name as a reader knows it: a page that names itself by its address
    ("https://www.hawaiinewsnow.com", one of the 181 saved pages) is named by its host, as a
    page that names itself nowhere is."""
    if source and _ADDRESS.match(source):
        return hostname(source) or source
    return source


def parse_article(
    document: Document, drop_patterns: tuple[str, ...] = (), segmented: bool = True, lead: int | None = None
) -> Article:
    """Clean a document into an Article, with metadata from its header, its page, or fallbacks.
    Not `segmented`: its text is not cut into sentences yet (`text.segment.segmented` does it).
    With `lead` (and not `segmented`), text an extractor took out of a page or a feed is
    cleaned only until more than `lead` of its words are final: the article's `rest` then
    holds what `whole` reads to clean the rest.

    A Markdown file (by name) is read as the text it renders to, after its header: its
    leading `#` heading is the title when the header names none.
    """
    markdown_title: str | None = None
    markup: tuple[Removal, ...] = ()
    if document.extracted:
        header: dict[str, str] = {}
        cleaned = clean_extracted(document.text, document.title, drop_patterns, None if segmented else lead)
    else:
        header, page = _split_header(normalize(document.text))
        if is_markdown(document.path):
            fields, page = front_matter(page)
            header = {**fields, **header}
            markdown = markdown_text(page)
            page, markdown_title, markup = markdown.text, markdown.title, markdown.removed
        cleaned = clean_page(page, drop_patterns)
    named = header.get("title") or document.title or markdown_title or cleaned.title
    # Not segmented, an untitled article still takes its first sentence for a title: its
    # first paragraph's is cut (a feed entry always has a title: nothing is cut at all).
    if segmented or not named:
        sentences = segment(cleaned.body) if segmented else segment(cleaned.body.split("\n\n", 1)[0], 1)
    else:
        sentences = ()
    url = header.get("url") or document.url
    title = named or (_shortened(sentences[0].text) if sentences else document.id)
    source = _site_name(header.get("source") or document.source or cleaned.source) or hostname(url) or UNKNOWN_SOURCE
    date = parse_date(header["date"]) if "date" in header else None
    page_date = (
        document.date if document.date and _ISO_DATE.match(document.date) and document.date >= _EARLIEST else None
    )
    removed = tuple(Removal("header", f"{key.title()}: {value}") for key, value in header.items())
    return Article(
        id=document.id,
        title=title,
        source=source,
        date=date or page_date or cleaned.date,
        path=document.path,
        url=url,
        text=cleaned.body,
        sentences=sentences if segmented else (),
        removed=removed + markup + cleaned.removed,
        author=document.author,
        segmented=segmented,
        rest=None if cleaned.whole else Rest(document, drop_patterns),
    )


def whole(article: Article) -> Article:
    """`article` with all of its text cleaned, where it was cleaned only up to its lead."""
    if article.rest is None:
        return article
    return parse_article(article.rest.document, article.rest.drop_patterns, article.segmented)


def load_documents(
    documents: list[Document],
    config: Config | None = None,
    progress: Progress | None = None,
    mapper: Mapper | None = None,
    segmented: bool = True,
    lead: int | None = None,
) -> tuple[tuple[Article, ...], list[Problem]]:
    """Cleaned articles from documents, and a record for each one skipped or worth a note.

    Documents empty after cleaning, or the same text as an earlier one, are skipped (a copy
    would count twice as corroboration; its Problem keeps its `Copy`, which the briefing lists
    with its original's story). `mapper` cleans them (default: here, in turn). Not
    `segmented`: their texts are not cut into sentences (`text.segment.segmented` does it later),
    and with `lead`, cleaned only up to their lead where they can be (`parse_article`).
    """
    config = config or Config()
    clean = partial(parse_article, drop_patterns=config.clean.drop_patterns, segmented=segmented, lead=lead)
    return checked(documents, (mapper or in_turn(progress, "cleaning articles"))(clean, documents))


def checked(
    documents: list[Document], cleaned: list[Article], languages: Sequence[str | None] | None = None
) -> tuple[tuple[Article, ...], list[Problem]]:
    """The articles cleaned from `documents` (one each, in order) that are worth reading, and a
    record for each one skipped (empty, the same text as an earlier one, another language) or
    worth a note. `languages`: each article's `language_of`, if the caller knows them."""
    articles: list[Article] = []
    problems: list[Problem] = []
    seen: dict[str, tuple[str, Article]] = {}  # text: where it was first read, and that article
    per_path = Counter(document.path for document in documents)
    for number, (document, article) in enumerate(zip(documents, _whole_where_alike(cleaned))):
        if document.note:
            problems.append(Problem("noted", document.note, document.path))
        # A feed holds many articles: its entries are named by id as well as by path.
        entry = document.id if per_path[document.path] > 1 else None
        if not (article.sentences if article.segmented else article.text):
            problems.append(Problem("skipped", NO_TEXT, document.path, entry=entry))
        elif article.text in seen:
            where, original = seen[article.text]
            problems.append(Problem("skipped", SAME_TEXT, document.path, where, entry, copy_of(article, original)))
        elif language := (languages[number] if languages is not None else language_of(article.text)):
            # The summarizer reads English: another language made a section of its own and
            # key terms no reader could use. Said once, and the article is left out.
            reason = f"in {language_name(language)}: {OTHER_LANGUAGE}"
            problems.append(Problem("skipped", reason, document.path, entry=entry))
        else:
            seen[article.text] = (located(document.path, entry), article)
            articles.append(article)
    return tuple(articles), problems


def _whole_where_alike(articles: Sequence[Article]) -> list[Article]:
    """The articles, each cleaned only up to its lead made whole where another article has the
    same first `LEAD_WORDS` words: a copy is told by its whole text, and two reports can share
    a lead and part after it. Two texts alike have the same lead, and an article cleaned up to
    its lead has its whole text's (it holds more than `LEAD_WORDS` words: `load_documents`'
    `lead` is never fewer). On the 100 shared feeds 106 articles share a first paragraph
    (a dateline, a standfirst), none a lead."""
    leads = Counter(lead_of(article.text) for article in articles)
    return [whole(article) if article.rest and leads[lead_of(article.text)] > 1 else article for article in articles]


def copy_of(article: Article, original: Article) -> Copy | None:
    """`article`, the same text as `original`, as a copy of it to list with its story; None
    when they are not one article: another headline over a text too short to tell one
    (`COPY_WORDS`), a feed's boilerplate under each of its entries."""
    headline = " ".join(article.title.split()).casefold() == " ".join(original.title.split()).casefold()
    if not headline and len(article.text.split()) < COPY_WORDS:
        return None
    return Copy(replace(article, text="", sentences=(), removed=(), segmented=False, rest=None), original.id)


def load_articles(
    sources: list[str], config: Config | None = None, progress: Progress | None = None, mapper: Mapper | None = None
) -> tuple[tuple[Article, ...], list[Problem]]:
    """Cleaned articles from files or folders, and a record for each file skipped or noted.

    Files that are not text, not regular files, too large, empty after cleaning, or the same
    text as an earlier file are skipped. `mapper` runs the reading and cleaning of each file.
    """
    config = config or Config()
    documents, skipped = read_sources(sources, config.sources.max_bytes, mapper)
    articles, problems = load_documents(documents, config, progress, mapper)
    return articles, [*skipped, *problems]
