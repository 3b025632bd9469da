"""What bytes are, told from their start: a feed or an HTML page (else plain text).

Every file read is sniffed; only those that are feeds or pages import the parsers
(`briefing.sources.feeds`, `briefing.sources.html`): a folder of text files, as `briefing
digest seeds`, pays for neither (their modules, html.parser and their patterns: 0.01 s of its
start).
"""

from __future__ import annotations

import re

# How far into a file its kind is told.
SNIFF = 4096
# The first element of an XML feed, after any declaration, comments, doctype or stylesheet.
_XML_FEED = re.compile(
    rb"^(?:\s|<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<(?:[\w.-]+:)?(?:rss|feed|RDF)[\s>/]", re.DOTALL | re.IGNORECASE
)
_JSON_FEED = re.compile(rb'^\s*\{.*?"version"\s*:\s*"https?://jsonfeed\.org/version/', re.DOTALL)
# A feed's root element after junk a server printed first (a PHP warning, a stray tag),
# provided no page began before it.
_FEED_ROOT = re.compile(rb"<(?:[\w.-]+:)?(?:rss|RDF)[\s>]|<feed[\s>][^>]*?http://www\.w3\.org/2005/Atom", re.IGNORECASE)
_PAGE_ROOT = re.compile(rb"<(?:html|body)[\s>]", re.IGNORECASE)
_LOOKS_LIKE_HTML = re.compile(r"<(?:!doctype html|html|body|head|p|div|article)[\s>]", re.IGNORECASE)


def looks_like_feed(data: bytes) -> bool:
    """Whether the bytes start like an RSS, Atom, RDF or JSON Feed document (BOM allowed)."""
    head = data[:SNIFF].removeprefix(b"\xef\xbb\xbf")
    if _XML_FEED.match(head) or _JSON_FEED.match(head):
        return True
    root = _FEED_ROOT.search(head)
    return root is not None and _PAGE_ROOT.search(head, 0, root.start()) is None


def is_json_feed(data: bytes) -> bool:
    """Whether the bytes start like a JSON Feed document (BOM allowed)."""
    return bool(_JSON_FEED.match(data[:SNIFF].removeprefix(b"\xef\xbb\xbf")))


def looks_like_html(text: str) -> bool:
    """Whether the text is markup rather than prose (several block tags near the start)."""
    return len(_LOOKS_LIKE_HTML.findall(text[:20000])) >= 2
