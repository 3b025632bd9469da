"""Articles from files: discovery, decoding, the optional header block, and metadata fallbacks.

Reading files is the only I/O here (`read_sources`); `parse_article` is pure, so tests and the
TUI can build articles from strings.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from briefing.config import Config
from briefing.errors import SourceError
from briefing.models import Article, Removal
from briefing.sources.html import html_to_text, looks_like_html
from briefing.text.clean import clean_page, normalize, parse_date
from briefing.text.segment import looks_english, segment

EXTENSIONS = (".txt", ".md")
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
)
_HEADER = re.compile(r"^(title|source|date|url)\s*:\s*(.*\S)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Document:
    """A file's decoded text, before cleaning."""

    id: str
    path: str
    text: str


def discover(sources: list[str]) -> list[Path]:
    """Article files named by `sources` (folders or files), each folder's files in sorted order."""
    files: list[Path] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in EXTENSIONS))
        elif path.is_file():
            files.append(path)
        else:
            raise SourceError(f"{source}: no such file or folder")
    if not files:
        raise SourceError(f"no .txt or .md articles in {', '.join(sources)}")
    return files


def decode(data: bytes) -> str:
    """Text from bytes, never failing: a BOM wins; then UTF-8, where a few bad bytes become
    U+FFFD; then Windows-1252, the usual encoding of text that is not UTF-8."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") * 100 <= len(text) and max(data, default=0) >= 0xC2:
        return text
    return data.decode("cp1252", errors="replace") if "\ufffd" in text else text


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


def read_sources(sources: list[str], max_bytes: int = 5_000_000) -> tuple[list[Document], list[str]]:
    """Decoded documents from `sources`, and a message for each file that had to be skipped."""
    documents: list[Document] = []
    problems: list[str] = []
    for path in discover(sources):
        try:
            size = path.stat().st_size
            if max_bytes and size > max_bytes:
                problems.append(
                    f"{path}: skipped, {size:,} bytes is above the limit of {max_bytes:,} ([sources] max_bytes)"
                )
                continue
            data = path.read_bytes()
        except OSError as error:
            problems.append(f"{path}: skipped, cannot read it ({error.strerror or error})")
            continue
        kind = binary_kind(data)
        if kind:
            problems.append(f"{path}: skipped, {kind} is not text")
            continue
        text = decode(data)
        if looks_like_html(text):
            text = html_to_text(text)
        documents.append(Document(path.stem, str(path), text))
    return documents, problems


def _split_header(text: str) -> tuple[dict[str, str], str]:
    lines = text.split("\n")
    header: dict[str, str] = {}
    for count, line in enumerate(lines):
        match = _HEADER.match(line)
        if match:
            header.setdefault(match.group(1).lower(), match.group(2))
        elif line.strip() or not header:
            return header, "\n".join(lines[count:]) if header else text
    return header, ""


def _shortened(text: str, limit: int = 80) -> str:
    """The text cut at a word boundary to at most `limit` characters, with an ellipsis if cut."""
    if len(text) <= limit:
        return text
    return text[: text.rfind(" ", 0, limit - 1)].rstrip(" ,;:") + "…"


def parse_article(document: Document, drop_patterns: tuple[str, ...] = ()) -> Article:
    """Clean a document into an Article, with metadata from its header, its page, or fallbacks."""
    header, page = _split_header(normalize(document.text))
    cleaned = clean_page(page, drop_patterns)
    sentences = segment(cleaned.body)
    url = header.get("url")
    title = header.get("title") or cleaned.title or (_shortened(sentences[0].text) if sentences else document.id)
    source = header.get("source") or cleaned.source or (urlparse(url).hostname if url else None) or "unknown source"
    date = parse_date(header["date"]) if "date" in header else None
    removed = tuple(Removal("header", f"{key.title()}: {value}") for key, value in header.items())
    return Article(
        id=document.id,
        title=title,
        source=source,
        date=date or cleaned.date,
        path=document.path,
        url=url,
        text=cleaned.body,
        sentences=sentences,
        removed=removed + cleaned.removed,
    )


def load_articles(
    sources: list[str], config: Config | None = None, progress: Callable[[str, float], None] | None = None
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
