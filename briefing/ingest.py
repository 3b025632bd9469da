"""Articles from files: discovery, decoding, the optional header block, and metadata fallbacks.

Reading files is the only I/O here (`read_sources`); `parse_article` is pure, so tests and the
TUI can build articles from strings.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from briefing.clean import clean_page, normalize, parse_date
from briefing.errors import SourceError
from briefing.models import Article, Removal
from briefing.segment import segment

EXTENSIONS = (".txt", ".md")
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
    """Text from bytes: a BOM wins, then UTF-8, then Windows-1252 (never fails)."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_sources(sources: list[str]) -> tuple[list[Document], list[str]]:
    """Decoded documents from `sources`, and a message for each file that had to be skipped."""
    documents: list[Document] = []
    problems: list[str] = []
    for path in discover(sources):
        try:
            data = path.read_bytes()
        except OSError as error:
            problems.append(f"{path}: cannot read ({error.strerror or error})")
            continue
        documents.append(Document(path.stem, str(path), decode(data)))
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


def parse_article(document: Document, drop_patterns: tuple[str, ...] = ()) -> Article:
    """Clean a document into an Article, with metadata from its header, its page, or fallbacks."""
    header, page = _split_header(normalize(document.text))
    cleaned = clean_page(page, drop_patterns)
    sentences = segment(cleaned.body)
    url = header.get("url")
    title = header.get("title") or cleaned.title or (sentences[0].text[:80] if sentences else document.id)
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
