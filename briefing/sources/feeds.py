"""RSS 0.9x/1.0/2.0, Atom and JSON Feed documents: recognised by content, parsed into entries.

Parsed with fastfeedparser, chosen by measurement on 100 real feeds (benchmarks/feeds.py):
it read all 100 (JSON Feed included) in 0.21 s, where feedparser 6.0 took 9.0 s and read no
JSON Feed; on 400 damaged copies of those feeds both kept about the same entries. Pure: bytes
in, entries out; downloading is `briefing.net.fetch`'s job.
"""

from __future__ import annotations

import html.entities
import json
import re
from dataclasses import dataclass
from typing import Any

from briefing.sanitize import printable
from briefing.sources.html import fragment_text
from briefing.sources.jsonfeed import NotJSON, typed_json_feed
from briefing.sources.sniff import SNIFF, is_json_feed

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
# An `&` that XML cannot read: bare, or opening an HTML entity (`&nbsp;`). The five XML
# entities and character references are left alone (and cost no Python call).
_AMPERSAND = re.compile(
    rb"&(?!(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});)(?:([A-Za-z][A-Za-z0-9]{0,31});)?"
)
_ESCAPED_AMPERSAND = re.compile(r"&(?:amp|#0*38|#[xX]0*26);")
_ATOM_ROOT = re.compile(rb"<feed(?=[\s>])[^>]*")
# What XML 1.0 forbids in a document, as feeds carry it: an escape sequence (removed whole, so no
# "[2J" is left in the text), a C0 control but tab, LF and CR, or a character reference to one.
_FORBIDDEN = re.compile(
    rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b<]{0,500}(?:\x07|\x1b\\))?"
    rb"|[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f]"
    rb"|&#(?:0*(?:[0-8]|1[124-9]|2[0-9]|3[01])|[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]));"
)
_WIDE = re.compile(rb"\xff\xfe|\xfe\xff|\x00.|.\x00", re.DOTALL)
# The end of a whole RSS, Atom or RDF document: its root's closing tag, near the end (servers
# append comments and scripts after it). The XML parser recovers from a file cut short without
# a word, keeping the entries before the cut.
_CLOSED = re.compile(rb"</\s*(?:[\w.-]+:)?(?:rss|feed|RDF)\s*>")


class NotAFeed(ValueError):
    """The bytes are not a feed any parser could read; the message says why."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One feed entry: its text as plain lines, and whether that text is the full article."""

    title: str | None
    link: str | None
    date: str | None
    author: str | None
    text: str
    full: bool


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    link: str | None
    entries: tuple[Entry, ...]
    complete: bool = True  # False: the XML stops before its root's closing tag (a cut download or copy)
    description: str | None = None  # what the feed says of itself ("The Washington Post World section ...")


def parse_feed(data: bytes) -> Feed:
    """The feed's title, link and entries; NotAFeed when the bytes hold none."""
    import fastfeedparser  # 0.05 s to import: only runs that meet a feed pay for it

    json_feed = is_json_feed(data)
    if json_feed:
        try:
            data = typed_json_feed(data.removeprefix(b"\xef\xbb\xbf"))
        except NotJSON as error:
            raise NotAFeed(f"not JSON: {_first_line(str(error))}") from None
    else:
        data = repaired(data)
    try:
        parsed = fastfeedparser.parse(data)
    except (ValueError, TypeError, json.JSONDecodeError) as error:
        raise NotAFeed(_first_line(str(error))) from error
    except Exception as error:  # lxml raises its own error types on broken XML
        raise NotAFeed(f"{type(error).__name__}: {_first_line(str(error))}") from error
    feed = parsed.get("feed") or {}
    return Feed(
        title=_name(feed.get("title")),
        link=_link(feed.get("link")),
        entries=tuple(_entry(entry) for entry in parsed.get("entries") or ()),
        complete=json_feed or _CLOSED.search(data[-SNIFF:]) is not None,
        description=_name(feed.get("subtitle")),
    )


def repaired(data: bytes) -> bytes:
    """XML as feeds are really written, made well-formed where the fix is certain: HTML
    entities (`&nbsp;`, `&eacute;`) become character references, a bare `&` becomes `&amp;`
    (outside CDATA sections, whose text is taken as written), an Atom root without its
    namespace gets it. Without this the XML parser's recovery drops the text after each such
    `&` (measured: "A&nbsp;&mdash; b" read as "A").

    Control characters XML forbids (C0 but tab and line ends, raw or as character references)
    become spaces, and a terminal escape sequence goes whole: the parser stopped at the first
    of them, so one stray byte in an entry lost every entry after it (an Atom feed, all)."""
    if not _WIDE.match(data[:2]):  # UTF-16 and UTF-32 hold NUL bytes in every character
        data = _FORBIDDEN.sub(lambda match: b"" if match.group().startswith(b"\x1b") else b" ", data)
    data = _escaped_ampersands(data)
    root = _ATOM_ROOT.search(data[:SNIFF])
    if root and b"xmlns" not in root.group(0):
        data = data[: root.start()] + b'<feed xmlns="http://www.w3.org/2005/Atom"' + data[root.start() + 5 :]
    return data


def _escaped_ampersands(data: bytes) -> bytes:
    """The `&`s XML cannot read escaped, outside CDATA sections: XML takes their text as
    written, so an escaped `&` stayed "&amp;" (the link `<![CDATA[https://x/a?b=1&c=2]]>` read
    as "...b=1&amp;c=2"). A section left open runs to the end. Found with `bytes.find`: a
    pattern for the sections made this step 7 times slower on the 100 real feeds, this 1.1."""
    parts: list[bytes] = []
    start = 0
    while (opened := data.find(b"<![CDATA[", start)) != -1:
        closed = data.find(b"]]>", opened + 9)
        end = len(data) if closed == -1 else closed + 3
        parts += (_AMPERSAND.sub(_reference, data[start:opened]), data[opened:end])
        start = end
    parts.append(_AMPERSAND.sub(_reference, data[start:]))
    return b"".join(parts)


def _reference(match: re.Match[bytes]) -> bytes:
    entity = match.group(1)
    text = html.entities.html5.get(f"{entity.decode('ascii')};") if entity else None
    if text is None:
        return b"&amp;" + (entity + b";" if entity else b"")
    return "".join(f"&#{ord(char)};" for char in text).encode("ascii")


# Markup left in a fragment's text: the feed escaped its HTML twice (`&lt;p&gt;` in a JSON
# Feed's content_html, whose content_text was clean), and one pass of reading leaves the tags.
_LEFT_MARKUP = re.compile(r"</?(?:p|a|div|span|br|img|em|strong|b|i|ul|ol|li|h[1-6]|blockquote|figure)\b[^<>]{0,500}>")
# A teaser that stops mid-sentence ("... with theories ranging from stress to directed energy,
# but the cause remai"): the feed cut it at its length limit without saying so. A last line of
# prose this long that ends without a full stop, question or exclamation mark, closing quote
# or bracket was cut; a short one is a label or a headline repeated ("Algal blooms may have a
# fungus problem"). On the 100 real feeds 166 of 425 teasers end so, all at 190-400 characters.
_CUT_TEASER = re.compile(r"[^\s.!?…\"”’')\]:]$")
_PROSE = 100


def entry_text(markup: str) -> str:
    """The plain text of an entry's markup, read twice when the feed escaped it twice (three
    tags left: an article about HTML may quote one or two)."""
    text = fragment_text(markup)
    return fragment_text(text) if len(_LEFT_MARKUP.findall(text, 0, 20_000)) >= 3 else text


def marked_cut(text: str) -> str:
    """A teaser's text, ending with "…" when the feed cut it short: its last sentence is then
    never taken for a whole one."""
    last = text.rstrip().rsplit("\n", 1)[-1]
    return text.rstrip() + "…" if len(last) >= _PROSE and _CUT_TEASER.search(last) else text


def _entry(entry: dict[str, Any]) -> Entry:
    contents = [c.get("value") or "" for c in entry.get("content") or () if isinstance(c, dict)]
    content = max(contents, key=len, default="")
    summary = entry.get("description") or entry.get("summary") or ""
    full = bool(content.strip()) and len(content) >= len(summary)
    text = entry_text(content if full else summary)
    date = entry.get("published") or entry.get("updated") or ""
    return Entry(
        title=_clean(fragment_text(entry.get("title") or "")),
        link=_link(entry.get("link")) or _alternate(entry),
        date=date[:10] if _ISO_DATE.match(date) else None,
        author=_name(entry.get("author")),
        # A description alone is often read as the content too: one paragraph is a teaser.
        text=marked_cut(text) if not full or "\n" not in text.strip() else text,
        full=full,
    )


def _alternate(entry: dict[str, Any]) -> str | None:
    for link in entry.get("links") or ():
        if isinstance(link, dict) and link.get("href") and link.get("rel", "alternate") == "alternate":
            return _link(link["href"])
    return None


def _link(value: object) -> str | None:
    """A link as its feed means it: an `&amp;` left in it (a CDATA section escaped again,
    `<![CDATA[https://x/a?b=1&amp;c=2]]>`) is the `&` it escapes, as feedparser and a
    browser reading an href take it; a query never means a parameter named "amp;c"."""
    link = _clean(value)
    return _ESCAPED_AMPERSAND.sub("&", link) if link else None


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _name(value: object) -> str | None:
    """A name (a byline, the feed's title) as a person reads it, on one line, HTML entities
    decoded as publishers leave them in names (`Emily Mazo,&nbsp;JS Tan` in a CDATA byline,
    `Science &amp;amp; technology` in an Atom title of type html), as an entry's title is. A
    page's names need none of this: trafilatura decodes them. The name is untrusted: a decoded
    reference may be a format or bidi character (`&#8238;`), and none is kept."""
    text = _clean(value)
    return _clean(printable(html.unescape(text), one_line=True)) if text and "&" in text else text


def _first_line(message: str) -> str:
    return message.strip().split("\n")[0][:200] or "unreadable"
