"""A text digest's lines: wrapped at `WIDTH` as it is made, wrapped again at a screen's width
when the history shows it (`rewrap`), a section title never leaving its closing marks alone."""

from __future__ import annotations

import re
import textwrap

WIDTH = 78
# A line of a text digest that is a source's address: never joined to the line before it.
_ADDRESS_LINE = re.compile(r"^ +https?://\S+$")


# Joins a heading's last word to its closing marks while it is wrapped: no title holds it
# (`shown_name` drops control characters), and `textwrap` breaks no line at it.
_GLUE = "\x00"


def heading_lines(title: str, width: int) -> list[str]:
    """A section's `== title ==`, wrapped at `width` with the title's last word kept with the
    closing marks: a new user saw "== Trump told Netanyahu ... sources say" and then "   =="
    alone on the next line, read as a line broken by mistake."""
    head, _, last = f"== {title}".rpartition(" ")
    return [
        line.replace(_GLUE, " ") for line in textwrap.wrap(f"{head} {last}{_GLUE}==", width, subsequent_indent="   ")
    ]


def rewrap(text: str, width: int) -> str:
    """A text digest, wrapped at `WIDTH` when it was made, wrapped again at `width` (a screen's).

    A line that starts with a space continues the one before it (not a source's address, which
    is a line of its own), and its indent is kept; lines
    that were never wrapped (the header, blank lines) are kept as they are. A word that
    `textwrap` broke after its hyphen is joined again without a space; a word longer than
    `width` (a file's path under Sources) is never broken.
    """
    logical: list[tuple[str, str]] = []  # (text, the indent of its continuation lines)
    for line in text.split("\n"):
        if (
            line.startswith(" ")
            and logical
            and logical[-1][0].strip()
            and not _ADDRESS_LINE.match(line)
            and not _ADDRESS_LINE.match(logical[-1][0])  # an address ends its source: "also carried" is apart
        ):
            first, indent = logical[-1]
            joint = "" if re.search(r"\w-$", first) else " "
            logical[-1] = (first + joint + line.strip(), indent or line[: len(line) - len(line.lstrip())])
        else:
            logical.append((line, ""))
    lines: list[str] = []
    for line, indent in logical:
        if line.startswith("== ") and line.endswith(" ==") and len(line) > width:
            lines += heading_lines(line[3:-3], width)
        else:
            lines += (
                textwrap.wrap(line, width, subsequent_indent=indent, break_on_hyphens=False, break_long_words=False)
                if indent
                else [line]
            )
    return "\n".join(lines)
