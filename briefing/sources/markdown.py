"""Markdown files read as the text a reader sees: no `#`, `**`, `[...](...)` or list markers.

A `.md` article is prose with markup around it. Parsing it with markdown-it (CommonMark, the
parser rich already brings) rather than stripping marks with patterns keeps what CommonMark
says is text: `snake_case`, `2*3` and an escaped `\\*` stay as written, and emphasis, links and
setext headings are found as a renderer finds them. Pure: a string in, text and records out;
the text then meets the same cleaning as a `.txt` file's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from briefing.models import Removal

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

SUFFIXES = (".md", ".markdown")
# YAML front matter, as static-site generators and web clippers write it above the text: a
# `key:` line first and no blank line, so that text between two rules is never taken for it.
_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\n((?:[\w-]+[ \t]*:[^\n]*\n)(?:[ \t]*\S[^\n]*\n)*?)(?:---|\.\.\.)[ \t]*(?:\n|\Z)"
)
_FIELD = re.compile(r"^(title|source|date|url)[ \t]*:[ \t]*(.*\S)[ \t]*$", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True, slots=True)
class MarkdownText:
    """A Markdown file as text: one block (paragraph, list entry, quote, table row) a line,
    blocks apart by a blank line; the leading `#` heading as the title; what went, recorded."""

    text: str
    title: str | None
    removed: tuple[Removal, ...]


def is_markdown(path: str) -> bool:
    """Whether a file is read as Markdown: by its name, as nothing in plain text tells them apart."""
    return path.lower().endswith(SUFFIXES)


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """The title, source, date and URL named in a leading `---` block, and the text after it.

    The same fields as a `Title:` header, so a Jekyll post or a clipped page keeps its title;
    other keys (tags, layout) go with the block. Without it CommonMark reads the block as a
    rule and a heading.
    """
    found = _FRONT_MATTER.match(text)
    if not found:
        return {}, text
    fields: dict[str, str] = {}
    for key, value in _FIELD.findall(found.group(1)):
        unquoted = value[1:-1].strip() if len(value) > 1 and value[0] == value[-1] and value[0] in "'\"" else value
        if unquoted:
            fields.setdefault(key.lower(), unquoted)
    return fields, text[found.end() :]


@cache
def _parser() -> MarkdownIt:
    # Imported at first use: only runs that meet a Markdown file pay for it.
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def markdown_text(markdown: str) -> MarkdownText:
    """The text of a Markdown document, its title, and the pieces dropped.

    A level-1 heading before any text is the title; other headings are dropped (a heading is
    not a statement, even one that ends in a full stop), as are fenced code, images, rules and
    HTML comments. The lines of a paragraph are joined, as Markdown renders them. Indented
    code is kept as text: in an article it is far more often an indented paragraph.
    """
    blocks: list[str] = []
    removed: list[Removal] = []
    title: str | None = None
    heading: str | None = None
    headings = 0
    row: list[str] | None = None
    for token in _parser().parse(markdown):
        kind = token.type
        if kind == "heading_open":
            heading = token.tag
            headings += 1
        elif kind == "heading_close":
            heading = None
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            blocks.append(" | ".join(cell for cell in row if cell))
            row = None
        elif kind == "inline":
            line = _inline_text(token.children or (), removed)
            if heading is None and row is not None:
                row.append(line)
            elif heading is None:
                blocks.append(line)
            elif heading == "h1" and headings == 1 and not blocks and line:
                title = line
                removed.append(Removal("headline", line))
            elif line:
                removed.append(Removal("heading", line))
        elif kind == "fence":
            removed.append(Removal("code", token.content.strip()))
        elif kind == "code_block":
            blocks.append(token.content)
        elif kind == "html_block":
            _html_block(token.content, blocks, removed)
    return MarkdownText("\n\n".join(block.strip() for block in blocks if block.strip()), title, tuple(removed))


def _inline_text(children: Sequence[Token], removed: list[Removal]) -> str:
    """The text of a paragraph's inline tokens: emphasis and link marks gone, link text kept,
    images and inline HTML dropped, a soft line break a space."""
    parts: list[str] = []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind == "image":
            alt = "".join(grandchild.content for grandchild in child.children or ())
            removed.append(Removal("image", alt or str(child.attrs.get("src", ""))))
        elif kind == "html_inline":
            if child.content.startswith("<!--"):
                removed.append(Removal("comment", child.content))
            elif child.content.lower().startswith("<br"):
                parts.append("\n")
    return "".join(parts)


def _html_block(markup: str, blocks: list[str], removed: list[Removal]) -> None:
    """An HTML block's text as blocks of its own (a comment is dropped and recorded)."""
    if markup.lstrip().startswith("<!--") and markup.rstrip().endswith("-->"):
        removed.append(Removal("comment", markup.strip()))
        return
    from briefing.sources.html import fragment_text  # html.parser: only for Markdown that holds HTML

    blocks.extend(fragment_text(markup).split("\n"))
