"""What `briefing read` prints: each article exactly as the briefing sees it.

It is how a user checks what was extracted from a page or a feed, and the contract for
sentence spans: `briefing digest --format json` gives each source sentence a `span` of
character offsets into the `text` this prints in JSON (not into the raw file at `path`).
"""

from __future__ import annotations

from typing import Any, Literal

from briefing.models import Article
from briefing.output.render import json_text, known_source
from briefing.sanitize import printable, shown_name, shown_path


def article_dict(article: Article) -> dict[str, Any]:
    """Names as the digest's JSON gives them; the text exactly (JSON escapes what it must)."""
    facts = {
        "id": article.id,
        "title": article.title,
        "source": known_source(article),
        "author": article.author,
        "date": article.date,
        "url": article.url,
    }
    names = {key: None if value is None else shown_name(value) for key, value in facts.items()}
    return {**names, "path": shown_path(article.path), "text": article.text}


def render_articles(articles: tuple[Article, ...], format: Literal["text", "json"] = "text") -> str:
    """The articles as JSON (`{"articles": [...]}`) or as text for a person to read."""
    if format == "json":
        return json_text({"articles": [article_dict(a) for a in articles]})
    blocks = []
    for article in articles:
        facts = [
            ("id", article.id),
            ("source", article.source),
            ("author", article.author),
            ("date", article.date),
            ("url", article.url),
        ]
        lines = [f"# {shown_name(article.title)}", *(f"{key}: {shown_name(value)}" for key, value in facts if value)]
        lines.append(f"path: {shown_path(article.path)}")
        blocks.append("\n".join([*lines, "", printable(article.text)]))
    return "\n\n".join(blocks) + ("\n" if blocks else "")
