"""briefing: one short, clean, sourced briefing from many overlapping news articles.

The public API: `load_articles` reads and cleans (with a `Problem` for each source it could
not use), `summarize` builds the briefing, `render` prints it. Names are imported on first
use, so `import briefing` does not pay for the NLP stack.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from briefing.version import __version__

if TYPE_CHECKING:
    from briefing.config import Config, load_config
    from briefing.models import Article, Briefing, BriefingItem, Document, Problem, Removal, Sentence, SourceSentence
    from briefing.output.render import render
    from briefing.sources.files import load_articles, parse_article, read_sources
    from briefing.summary.pipeline import summarize


_HOMES = {
    "Config": "briefing.config",
    "load_config": "briefing.config",
    "Document": "briefing.models",
    "load_articles": "briefing.sources.files",
    "parse_article": "briefing.sources.files",
    "read_sources": "briefing.sources.files",
    "Article": "briefing.models",
    "Briefing": "briefing.models",
    "BriefingItem": "briefing.models",
    "Problem": "briefing.models",
    "Removal": "briefing.models",
    "Sentence": "briefing.models",
    "SourceSentence": "briefing.models",
    "summarize": "briefing.summary.pipeline",
    "render": "briefing.output.render",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'briefing' has no attribute {name!r}")


# A literal list, so that type checkers see the lazily imported names as exported too.
__all__ = [
    "Article",
    "Briefing",
    "BriefingItem",
    "Config",
    "Document",
    "Problem",
    "Removal",
    "Sentence",
    "SourceSentence",
    "__version__",
    "load_articles",
    "load_config",
    "parse_article",
    "read_sources",
    "render",
    "summarize",
]
