"""Text from an HTML page saved as an article: the readable blocks, without scripts or menus."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_LOOKS_LIKE_HTML = re.compile(r"<(?:!doctype html|html|body|head|p|div|article)[\s>]", re.IGNORECASE)
_BLOCKS = frozenset(
    ["p", "div", "article", "section", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "blockquote", "title"]
)
_SKIPPED = frozenset(
    ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "template", "iframe"]
)


def looks_like_html(text: str) -> bool:
    """Whether the text is markup rather than prose (several block tags near the start)."""
    return len(_LOOKS_LIKE_HTML.findall(text[:20000])) >= 2


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(text)
        self.current = []


def html_to_text(markup: str) -> str:
    """Block-level text of a page, one block a paragraph; scripts, styles and menus dropped."""
    extractor = _TextExtractor()
    extractor.feed(markup)
    extractor.close()
    extractor._flush()
    return "\n\n".join(extractor.blocks)
