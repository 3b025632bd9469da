"""briefing: one short, clean, sourced briefing from many overlapping news articles.

The public API: `load_articles` reads and cleans, `summarize` builds the briefing, `render`
prints it. The CLI and the TUI are thin shells over these three.
"""

from __future__ import annotations

from briefing.config import Config, load_config
from briefing.ingest import Document, parse_article, read_sources
from briefing.models import Article, Briefing, BriefingItem, Removal, Sentence, SourceSentence
from briefing.render import render
from briefing.pipeline import summarize

__version__ = "0.1.0"


def load_articles(sources: list[str], config: Config | None = None) -> tuple[tuple[Article, ...], list[str]]:
    """Cleaned articles from files or folders, and a message for each file skipped."""
    patterns = (config or Config()).clean.drop_patterns
    documents, problems = read_sources(sources)
    return tuple(parse_article(document, patterns) for document in documents), problems


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
