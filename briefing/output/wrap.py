"""A text digest's lines: wrapped at `WIDTH` as it is made, wrapped again at a screen's width
when the history shows it (`rewrap`), a section title never leaving its closing marks alone."""

from __future__ import annotations

import re
import textwrap

WIDTH = 78
# A line of a text digest that is a source's address, or under Sources the file it was read
# from: never joined to the line before it.
_ADDRESS_LINE = re.compile(r"^ +https?://\S+$")
_FILE_LINE = re.compile(r"^    \(.+\)$")
# A source's headline and date (`[3] NDTV, "... Talks", 2026-02-17`): the date wraps with its last word.
_DATED_SOURCE = re.compile(r'^(\[\d+\] .*",) (\d{4}-\d\d-\d\d)$')


# Joins two words while they are wrapped (a heading's last word and its closing marks, a
# headline's and its date): no name holds it (`shown_name` drops control characters), and
# `textwrap` breaks no line at it.
GLUE = "\x00"


def heading_lines(title: str, width: int) -> list[str]:
    """A section's `== title ==`, wrapped at `width` with the title's last word kept with the
    closing marks: a new user saw "== Trump told Netanyahu ... sources say" and then "   =="
    alone on the next line, read as a line broken by mistake."""
    head, _, last = f"== {title}".rpartition(" ")
    return [line.replace(GLUE, " ") for line in textwrap.wrap(f"{head} {last}{GLUE}==", width, subsequent_indent="   ")]


def rewrap(text: str, width: int) -> str:
    """A text digest, wrapped at `WIDTH` when it was made, wrapped again at `width` (a screen's).

    A line that starts with a space continues the one before it (not a source's address or
    file, each a line of its own), and its indent is kept; lines
    that were never wrapped (the header, blank lines) are kept as they are. A word that
    `textwrap` broke after its hyphen is joined again without a space; a word longer than
    `width` (a file's path under Sources) is never broken. A header line longer than `width`
    (the note on teasers quoted, written on one line) is wrapped: the screen cut it.
    """
    logical: list[tuple[str, str]] = []  # (text, the indent of its continuation lines)
    sources = closed = False
    for line in text.split("\n"):
        sources = sources or line == "Sources"
        alone = bool(_ADDRESS_LINE.match(line) or (sources and _FILE_LINE.match(line)))
        if line.startswith(" ") and logical and logical[-1][0].strip() and not alone and not closed:
            first, indent = logical[-1]
            joint = "" if re.search(r"\w-$", first) else " "
            logical[-1] = (first + joint + line.strip(), indent or line[: len(line) - len(line.lstrip())])
        else:
            logical.append((line, ""))
        closed = alone  # an address or a file ends its source: "also carried" under it is apart
    lines: list[str] = []
    for line, indent in logical:
        if line.startswith("== ") and line.endswith(" ==") and len(line) > width:
            lines += heading_lines(line[3:-3], width)
        elif indent:
            glued = _DATED_SOURCE.sub(rf"\1{GLUE}\2", line)
            wrapped = textwrap.wrap(
                glued, width, subsequent_indent=indent, break_on_hyphens=False, break_long_words=False
            )
            lines += [part.replace(GLUE, " ") for part in wrapped]
        elif len(line) > width and not line.startswith(" "):  # a header's long note: wrapped, not cut
            lines += textwrap.wrap(line, width, break_on_hyphens=False, break_long_words=False)
        else:
            lines.append(line)
    return "\n".join(lines)
