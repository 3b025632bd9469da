"""Bytes to documents, by what the bytes are: a feed, an HTML page, or plain text.

Files and downloads meet the same sniffing, decoding and extraction here, so a page reads the
same whether it was saved or fetched. Pure: bytes in, `Document`s out, `NotReadable` with a
reason a person understands when there is no article in them.
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from dataclasses import replace
from typing import TYPE_CHECKING
from urllib.parse import unquote

from briefing.models import Document
from briefing.sanitize import shown_name
from briefing.sources.sniff import looks_like_feed, looks_like_html
from briefing.urls import hostname, url_path

if TYPE_CHECKING:
    from briefing.sources.feeds import Entry, Feed

_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
)
# Declared encodings: an HTML meta tag or an XML declaration near the start.
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9._:-]{2,40})""", re.IGNORECASE)
# Characters no text file holds: C0 controls other than whitespace, C1 controls, U+FFFD.
_NOT_TEXT = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f\ufffd]")
# Declared charsets the undeclared guess covers: UTF-8 with a few bad bytes, else Windows-1252.
_GUESSED = frozenset({"utf-8", "ascii", "latin-1", "iso8859-1", "cp1252"})
_SLUG = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bc`]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


class NotReadable(ValueError):
    """No article in these bytes; the message says why ("a PNG image is not text")."""


def binary_kind(data: bytes) -> str | None:
    """A name for bytes that are not text (an image, a PDF, an archive...), else None."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    sample = data[:8192]
    if sample and sample.count(0) > len(sample) // 100:
        return "binary data"
    return None


def decode(data: bytes, declared: str | None = None) -> str:
    """Text from bytes. A BOM wins, then valid UTF-8 (whatever a header claims: a wrong
    `charset=iso-8859-1` on UTF-8 is common), then the declared charset (the argument, else a
    meta tag or XML declaration). Undeclared bytes that are not UTF-8 are Windows-1252, the
    usual encoding of such text; a declared charset the bytes do not fit is NotReadable."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    found = _DECLARED.search(data[:2048])
    charset = declared or (found.group(1).decode("ascii") if found else None)
    if charset:
        name = _known(charset)
        if name is None:
            raise NotReadable(f"bad encoding: unknown charset {shown_name(charset)!r}")
        if not _makes_text(name):
            raise NotReadable(f"bad encoding: {name} is not a text encoding")
        if name not in _GUESSED:
            try:
                return data.decode(name)
            except UnicodeError as error:  # "undefined" raises UnicodeError itself
                raise NotReadable(
                    f"bad encoding: the bytes are neither UTF-8 nor {shown_name(charset)} as declared"
                ) from error
    # UTF-8 with a few damaged bytes, if some of its non-ASCII characters are whole and the
    # damage is small: at most 1% of the text, or no more than the whole characters (a short
    # text's two bad bytes beside its curly quotes). A single-byte text (Windows-1252 quotes
    # and one "í") has no valid sequence at all.
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd")
    whole = len(_NON_ASCII.findall(text)) - damaged
    if whole > 0 and (damaged * 100 <= len(text) or damaged <= whole):
        return text
    return data.decode("cp1252", errors="replace")


def _known(charset: str) -> str | None:
    try:
        return codecs.lookup(charset).name
    except (LookupError, ValueError, TypeError):  # unknown, or a name holding NUL
        return None


def _makes_text(name: str) -> bool:
    """Whether a codec makes text of bytes. Python's registry also holds bytes-to-bytes and
    text-to-text codecs (base64, rot13, hex, zlib, uu, bz2, quopri): a page declaring one of
    them crashed the run that read it."""
    return bool(getattr(codecs.lookup(name), "_is_text_encoding", True))


def looks_binary(text: str) -> bool:
    """Whether decoded text is mostly not text (random bytes named .md): over 2% controls."""
    sample = text[:65536]
    return bool(sample) and len(_NOT_TEXT.findall(sample)) * 50 > len(sample)


def read_document(
    data: bytes, path: str, id: str, url: str | None = None, charset: str | None = None
) -> list[Document]:
    """The documents in one file or download: one per feed entry, else one.

    `id` names the file's (or page's) article; feed entries get `id/slug-of-entry`.
    """
    kind = binary_kind(data)
    if kind:
        raise NotReadable(f"{kind} is not text")
    if looks_like_feed(data):
        from briefing.sources.feeds import NotAFeed, parse_feed  # a folder of text files needs no parser

        try:
            feed = parse_feed(data)
        except NotAFeed as error:
            raise NotReadable(f"not a feed: {error}") from error
        if not feed.entries:
            raise NotReadable("a feed with no entries")
        return feed_documents(feed, path, id, url)
    text = decode(data, charset)
    if looks_binary(text):
        raise NotReadable("binary data is not text")
    damaged = text.count("\ufffd") - data.count("\ufffd".encode())
    note = f"{damaged} byte{'s' if damaged > 1 else ''} that no encoding reads, shown as �" if damaged > 0 else None
    if text.lstrip()[:1] in ("{", "["):
        try:
            json.loads(text)
        except RecursionError:  # 100,000 '[': nested past what json reads
            raise NotReadable("JSON data nested too deeply to read") from None
        except ValueError:
            pass
        else:
            raise NotReadable("JSON data that is not a JSON Feed")
    if looks_like_html(text) or (path.lower().endswith((".html", ".htm")) and "<" in text):
        from briefing.sources.html import extract_page

        page = extract_page(text, url)
        return [
            Document(
                id,
                path,
                page.text,
                title=page.title,
                source=page.source,
                date=page.date,
                url=page.url or url,
                author=page.author,
                extracted=True,
                note=note,
            )
        ]
    return [Document(id, path, text, url=url, note=note)]


# Where a feed's title joins the outlet and a section: "NYT > World News", "World - CBSNews.com",
# "Tech – TIME", "AllAfrica News: Latest", "Always Twisted| Articles".
_TITLE_PARTS = re.compile(r"\s+[>|–—-]\s*|\s*[|:]\s+")
# A feed title of more words than this that spells its site's address is a description of the
# outlet, cut to the words that spell it.
_SHORT_TITLE = 3
_FEED_WORD = re.compile(r"\s*\b(?:rss|atom)?\s*feed\s*$|^\s*rss\s*$", re.IGNORECASE)


def _letters(text: str) -> str:
    return "".join(char for char in text.lower() if char.isalnum())


def outlet_name(
    title: str | None, host: str | None, description: str | None = None, sections: frozenset[str] = frozenset()
) -> str | None:
    """The outlet a feed's title names, without the section it adds: the part of the title its
    site's address spells ("NYT > World News" on www.nytimes.com is "NYT", "Japan Today -
    Category World" "Japan Today"), without a trailing "feed" ("TheWeek feed"). Outlets count
    as sources: two sections of one outlet are not two sources. A title that names no part of
    the address is kept whole; a long one that does, up to the words that spell it. A title
    that is only a section of the site (`sections`: the folders of its entries' addresses, as
    "World" of The Washington Post's www.washingtonpost.com/world/...) names no outlet: the
    publisher is the words of the feed's `description` that spell the address ("The
    Washington Post World section provides ..."), else the host."""
    name = _FEED_WORD.sub("", title or "").strip()
    if not name:
        return host
    site = _letters(host or "")
    labels = [label for label in (host or "").lower().split(".")[:-1] if label not in ("www", "feeds", "rss")]
    if _letters(name) in sections:
        return _spelled(description or "", labels) or host
    for part in _TITLE_PARTS.split(name):
        letters = _letters(part)
        if len(letters) >= 3 and (letters in site or any(len(label) >= 3 and label in letters for label in labels)):
            words = part.split()
            if len(words) <= _SHORT_TITLE:
                return part.strip()
            # A long title describes the feed ("NDTV News Search Records Found 1000",
            # "Stratechery by Ben Thompson"): the outlet is the words up to the address's.
            for end in range(1, len(words)):
                letters = _letters(" ".join(words[:end]))
                if any(len(label) >= 3 and label in letters for label in labels):
                    return " ".join(words[:end]).rstrip(".,;:!")
            return part.strip()
    return name


def _spelled(text: str, labels: list[str]) -> str | None:
    """The fewest words of `text` that spell one of the address's `labels` (3 letters or more):
    "Washington Post" of "The Washington Post World section ..." on www.washingtonpost.com."""
    words = text.split()
    for end in range(1, len(words) + 1):
        for start in range(end - 1, max(end - _SHORT_TITLE, 0) - 1, -1):
            letters = _letters(" ".join(words[start:end]))
            if any(len(label) >= 3 and label in letters for label in labels):
                return " ".join(words[start:end]).strip(".,;:!()\"'")
    return None


def feed_documents(feed: Feed, path: str, id: str, url: str | None = None) -> list[Document]:
    """One document per entry (an entry listed twice, once), with the outlet its feed names
    (`outlet_name`) as the source; a feed cut short says so in its first document's note."""
    sections = frozenset(_letters(part) for entry in feed.entries for part in url_path(entry.link).split("/") if part)
    source = outlet_name(feed.title, hostname(feed.link or url), feed.description, sections) or None
    documents: list[Document] = []
    used: set[str] = set()
    links: set[str] = set()
    for number, entry in enumerate(feed.entries, start=1):
        if entry.link:
            if entry.link in links:
                continue  # the same entry listed twice (it happens): one article
            links.add(entry.link)
        slug = entry_slug(entry) or str(number)
        entry_id, extra = f"{id}/{slug}", 2
        while entry_id in used:
            entry_id, extra = f"{id}/{slug}-{extra}", extra + 1
        used.add(entry_id)
        documents.append(
            Document(
                entry_id,
                path,
                entry.text,
                title=entry.title,
                source=source,
                date=entry.date,
                url=entry.link,
                author=entry.author,
                extracted=True,
                full=entry.full,
            )
        )
    if documents and not feed.complete:
        documents[0] = replace(documents[0], note="the feed stops before its end (cut off?); read up to there")
    return documents


def entry_slug(entry: Entry) -> str:
    """A short readable name for an entry: its link's last path segment, else its title."""
    segments = [part for part in url_path(entry.link).split("/") if part]
    name = re.sub(r"\.(?:s?html?|php|aspx?)$", "", unquote(segments[-1])) if segments else ""
    slug = _slugged(name)
    if len(slug) < 3 or slug.isdigit():
        slug = _slugged(entry.title or "") or slug
    return slug[:48].rstrip("-")


def _slugged(text: str) -> str:
    """`text` as words of ASCII letters and digits joined by "-": percent-escapes read first
    by the caller (a link's "iran%E2%80%99s" was "iran-e2-80-99s"), apostrophes dropped
    ("Peru's" is "perus", not "peru-s"), accents too ("café" is "cafe")."""
    plain = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", text.lower()))
    return _SLUG.sub("-", "".join(char for char in plain if not unicodedata.combining(char))).strip("-")
