"""Untrusted strings made safe to show: the one sanitiser for article text and names alike.

Article text, file names, paths, URLs, titles and feed names all come from outside. Any of
them can carry a terminal escape (an OSC 52 clipboard write, a screen clear), a C1 control
that some terminals obey as ESC, a bidi override that reorders what a reader sees, or a
newline that forges a line of output. A name from a file system that is not UTF-8 arrives as
lone surrogates, which crash any UTF-8 writer. Every output (stdout, stderr, files, JSON,
Markdown, the history, the TUI) passes such strings through `printable` first.

Only characters change here; markup languages (Markdown, Rich/Textual markup) need their
own escaping on top, done where that format is written.
"""

from __future__ import annotations

import re

# Escape sequences removed whole, so that no "[31m" or "]52;c;..." residue is left behind:
# CSI (ESC [ or C1 0x9b) with its parameters; a terminated OSC, DCS, SOS, PM or APC string
# (ESC ] P X ^ _ or C1 0x9d 0x90 0x98 0x9e 0x9f, up to BEL or ST); any other ESC + one
# character. An unterminated string loses only its introducer (below): a stray C1 byte in
# mis-decoded text must not swallow the rest of a paragraph. The string's body stops at the
# line's end and at the next introducer, so a search never rescans text (linear time).
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\x90\x98\x9d\x9e\x9f\n]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -~]?"
)
# Unicode's control (Cc), format (Cf: zero-width, bidi embeddings, overrides and isolates,
# invisible tags) and line/paragraph separator (Zl, Zp) characters, except newline and tab.
# A test checks this class against `unicodedata` for every code point.
INVISIBLE = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_CONTROL = re.compile(f"[{INVISIBLE}]")
# What str.splitlines() breaks lines at: each is a newline here, so removing controls never
# glues two words together (U+2028 between sentences, a form feed between paragraphs).
_BREAK = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAK = re.compile(r"[\n\t]+")


def valid_unicode(text: str) -> str:
    """`text` with lone surrogates (undecodable bytes of a file name) as U+FFFD.

    Such strings cannot be encoded as UTF-8, so writing them to a terminal, a file or
    SQLite fails; one replacement character per byte keeps the rest of the name readable.
    """
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def without_sequences(text: str) -> str:
    """`text` without terminal escape sequences, removed whole: what cleaning does to article
    text before its own, narrower, removal of invisible characters."""
    if "\x1b" not in text and text.isascii():
        return text  # every sequence opens with ESC or a C1 control, which is not ASCII
    return _SEQUENCE.sub("", text)


def printable(text: str, *, one_line: bool = False) -> str:
    """`text` without escape sequences, control, format or bidi characters; valid Unicode.

    Line breaks of every kind become newlines; newlines and tabs stay, unless `one_line`:
    names (file names, titles, ids) are shown on one line, where a newline could forge a line
    of output, so they become spaces.
    """
    text = _CONTROL.sub("", _BREAK.sub("\n", without_sequences(valid_unicode(text))))
    if one_line:
        text = _LINE_BREAK.sub(" ", text)
    return text


# What json.dumps leaves raw of what printable removes (it escapes only C0), and surrogates.
_JSON_RAW = re.compile(f"[{INVISIBLE}\ud800-\udfff]")


def escaped_json(text: str) -> str:
    """A JSON document with every character a terminal or an editor would act on written as a
    `\\uXXXX` escape: inside a string it decodes to the same character, so the data is kept,
    and nothing reaches a terminal raw. (A control character cannot stand outside a string in
    JSON: there it was never valid, and is now visible.)"""
    return _JSON_RAW.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def shown_path(value: object) -> str:
    """A file's path fit to show on one line and still tell apart: each control, format or
    line-breaking character written as its escape (`esc\\x1b[31mred.txt`, as `ls -b` does),
    an undecodable byte as `\\xNN`. Removed, `new\\nline.txt` and `new line.txt` read alike,
    and a path shown with its escape code taken out opens nothing (the s9 trial)."""
    return _PATH_ESCAPE.sub(_escape, str(value))


_PATH_ESCAPE = re.compile(f"[{INVISIBLE}\n\t\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if "\udc80" <= char <= "\udcff":  # a byte no encoding read (surrogateescape)
        return f"\\x{ord(char) - 0xDC00:02x}"
    return char.encode("unicode_escape", "backslashreplace").decode("ascii")


def shown_name(value: object) -> str:
    """A name (path, id, title, URL, key term) fit to show on one line."""
    return printable(str(value), one_line=True)
