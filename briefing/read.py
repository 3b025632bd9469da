"""What `briefing read` prints: each article exactly as the briefing sees it.

It is how a user checks what was extracted from a page or a feed, and the contract for
sentence spans: `briefing digest --format json` gives each source sentence a `span` of
character offsets into the `text` this prints in JSON (not into the raw file at `path`).
"""

from __future__ import annotations

import json
import re
from typing import Any, Literal

from briefing.models import Article
from briefing.render import printable

# Characters JSON leaves raw that a terminal or an editor would act on: escaped, not removed,
# so that the decoded text is still the article text the spans point into.
_RAW_IN_JSON = re.compile(r"[\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def article_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "author": article.author,
        "date": article.date,
        "url": article.url,
        "path": article.path,
        "text": article.text,
    }


def render_articles(articles: tuple[Article, ...], format: Literal["text", "json"] = "text") -> str:
    """The articles as JSON (`{"articles": [...]}`) or as text for a person to read."""
    if format == "json":
        dumped = json.dumps({"articles": [article_dict(a) for a in articles]}, ensure_ascii=False, indent=2)
        return _RAW_IN_JSON.sub(lambda match: f"\\u{ord(match.group(0)):04x}", dumped) + "\n"
    blocks = []
    for article in articles:
        facts = [
            ("id", article.id),
            ("source", article.source),
            ("author", article.author),
            ("date", article.date),
            ("url", article.url),
            ("path", article.path),
        ]
        lines = [f"# {article.title}", *(f"{name}: {value}" for name, value in facts if value), "", article.text]
        blocks.append(printable("\n".join(lines)))
    return "\n\n".join(blocks) + ("\n" if blocks else "")
