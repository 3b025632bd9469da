"""Text and metadata from HTML: whole pages through trafilatura, feed fragments by their blocks.

A saved or fetched page is mostly menus, teasers and footers around one article; trafilatura
finds the article (F1 0.964 on the ScrapingHub benchmark with `favor_precision`, against
0.960 without it: see benchmarks/extraction.py) and reads the page's metadata. A feed entry's
content is already the article, only marked up: its block elements become paragraphs.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

_WHOLE_PAGE = re.compile(r"<(?:html|body|head)[\s>]", re.IGNORECASE)
_BLOCKS = frozenset(
    ["p", "div", "article", "section", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "blockquote", "title"]
)
# Not the article's prose. A figure's caption neither: a feed of 41 photo captions ended
# each in "(Image credit: ...)", and one made an item.
_SKIPPED = frozenset(
    [
        "script",
        "style",
        "noscript",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "svg",
        "template",
        "iframe",
        "figcaption",
    ]
)


@dataclass(frozen=True, slots=True)
class Page:
    """The article trafilatura found in a page, one paragraph a line, and the page's metadata."""

    text: str
    title: str | None = None
    source: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None


def extract_page(markup: str | bytes, url: str | None = None) -> Page:
    """The main text and metadata of a whole page; empty text when the page holds no article.

    Bytes are decoded by trafilatura from the page's own charset declarations. `url` (where
    the page came from) helps resolve the canonical URL and the site name.
    """
    import trafilatura  # 0.12 s to import: only runs that meet a page pay for it

    _quiet("trafilatura", "htmldate", "courlan")
    document = trafilatura.bare_extraction(
        markup,
        url=url,
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
    )
    if document is None:
        # No tree trafilatura could read: a bare fragment saved as a page is still its blocks.
        fragment = isinstance(markup, str) and not _WHOLE_PAGE.search(markup[:20000])
        return Page(fragment_text(markup) if isinstance(markup, str) and fragment else "", url=url)
    found = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    return Page(
        text=found.get("text") or "",
        title=_value(found.get("title")),
        source=_value(found.get("sitename")) or _value(found.get("hostname")),
        author=_value(found.get("author")),
        date=_value(found.get("date")),
        url=_value(found.get("url")) or url,
    )


def _quiet(*names: str) -> None:
    """Keep the extractors' log lines ("discarding data: None") off stderr, where each failed
    page gets one line of ours; once per logger, at first use rather than at import (a day
    without pages imports no logging)."""
    import logging

    for name in names:
        logger = logging.getLogger(name)
        if not any(isinstance(handler, logging.NullHandler) for handler in logger.handlers):
            logger.addHandler(logging.NullHandler())
            logger.propagate = False


def _value(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


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


def fragment_text(markup: str) -> str:
    """Block-level text of an HTML fragment (a feed entry's content), one block a line.

    No boilerplate detection: a fragment is the article already, and trafilatura would judge
    a short entry too small to be one. Tags are found by one regular expression, which gives
    what the standard library's HTMLParser gives (`_TextExtractor`, kept as the reference:
    tests/unit/test_html.py holds the two equal) at a fifth of its cost: on the 100 real
    feeds, 10,660 fragments and titles, 24 MB, read in 2.4 s by HTMLParser.
    """
    if "<" not in markup:
        return " ".join(html.unescape(markup).split()) if "&" in markup else " ".join(markup.split())
    blocks: list[str] = []
    current: list[str] = []
    skipping = 0
    position = 0
    for match in _MARKUP.finditer(markup):
        start = match.start()
        if start < position:  # inside the raw text of a script or style, skipped below
            continue
        if start > position and not skipping:
            current.append(markup[position:start])
        position = match.end()
        name = match.group(2)
        if name is None:  # a comment, a declaration, a processing instruction
            continue
        tag = name.lower()
        closing = bool(match.group(1))
        if not closing and tag in _RAW:
            # Script and style hold raw text up to their end tag, whatever it looks like.
            end = _RAW_END[tag].search(markup, position)
            position = end.end() if end else len(markup)
            if end is None or tag in _SKIPPED:
                continue
        if tag in _SKIPPED:
            if closing:
                skipping = max(0, skipping - 1)
            elif not match.group(3).endswith("/"):
                skipping += 1
        elif tag in _BLOCKS:
            _flush(current, blocks)
    if position < len(markup) and not skipping:
        current.append(markup[position:])
    _flush(current, blocks)
    return "\n".join(blocks)


def _flush(current: list[str], blocks: list[str]) -> None:
    """The text gathered since the last block boundary as one block, if any."""
    if current:
        text = " ".join(html.unescape("".join(current)).split())
        if text:
            blocks.append(text)
        current.clear()


# A comment (one left open is text, as HTMLParser reads it), a declaration or processing instruction, or a tag:
# its name, and its attributes; a quote after "=" opens a value that may hold ">", any other
# quote is a character (`href=x">` ends there, as HTMLParser reads it). Each attribute piece is
# atomic: a closed quoted value is never re-read as characters, so a tag left open after many
# quoted values fails at once (20 values took 1.6 s, each 4 more 16 times longer; the texts of
# all 2,795 articles of the 100 shared feeds read the same). Between values, a run of characters
# other than ">" and "=" is one step (the 100 feeds' tags: a fifth less time in the pattern).
_MARKUP = re.compile(
    r"<!--.*?--!?>|<![^>]*>|<\?[^>]*>"
    r"|<(/?)([a-zA-Z][^\s/>\x00]*)((?>(?<==)\s*(?:\"[^\"]*\"|'[^']*')|[^>=]+|=)*)>",
    re.DOTALL,
)
_RAW = frozenset(["script", "style"])
_RAW_END = {tag: re.compile(rf"</{tag}\s*>", re.IGNORECASE) for tag in _RAW}


def reference_fragment_text(markup: str) -> str:
    """`fragment_text` by the standard library's HTMLParser: the slow reference it must equal."""
    extractor = _TextExtractor()
    extractor.feed(markup)
    extractor.close()
    extractor._flush()
    return "\n".join(extractor.blocks)
