"""briefing: one short, clean, sourced briefing from many overlapping news articles.

The public API: `load_articles` reads and cleans, `summarize` builds the briefing, `render`
prints it. The CLI and the TUI are thin shells over these three.
"""

from __future__ import annotations

from briefing.config import Config, load_config
from briefing.ingest import Document, parse_article, read_sources
from briefing.models import Article, Briefing, BriefingItem, Removal, Sentence, SourceSentence
from briefing.render import render
from briefing.pipeline import Progress, summarize
from briefing.segment import looks_english

__version__ = "0.1.0"


def load_articles(
    sources: list[str], config: Config | None = None, progress: Progress | None = None
) -> tuple[tuple[Article, ...], list[str]]:
    """Cleaned articles from files or folders, and a message for each file skipped.

    Files that are not text, too large, empty after cleaning, or the same text as an earlier
    file are skipped (a copy would count twice as corroboration).
    """
    config = config or Config()
    documents, problems = read_sources(sources, config.sources.max_bytes)
    articles: list[Article] = []
    seen: dict[str, str] = {}
    for number, document in enumerate(documents):
        if progress:
            progress("cleaning articles", number / len(documents))
        article = parse_article(document, config.clean.drop_patterns)
        if not article.sentences:
            problems.append(f"{document.path}: skipped, no article text left after cleaning")
        elif article.text in seen:
            problems.append(f"{document.path}: skipped, same text as {seen[article.text]}")
        else:
            seen[article.text] = document.path
            articles.append(article)
            if not looks_english(article.text):
                problems.append(f"{document.path}: does not look like English; summarized anyway")
    return tuple(articles), problems


__all__ = [
    "Article",
    "Briefing",
    "BriefingItem",
    "Config",
    "Document",
    "Removal",
    "Sentence",
    "SourceSentence",
    "load_articles",
    "load_config",
    "parse_article",
    "render",
    "summarize",
    "__version__",
]
