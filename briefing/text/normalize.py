"""One spelling of each character: what every text is turned into before any rule reads it.

Pages and feeds spell one text many ways: CRLF or CR line ends, decomposed accents,
non-breaking and other odd spaces, soft hyphens, HTML character references left in the text,
terminal escapes and other control characters.
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.entities import html5

from briefing.sanitize import without_sequences

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")

# An HTML character reference left in text ("Standard &AMP; Poor's", "it&#39;s"), as scraped
# and wire text keep them; only known, complete ones, so "AT&T" and "R&D;" stay as written.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|([A-Za-z][A-Za-z0-9]{1,31}));")


def _character(reference: re.Match[str]) -> str:
    name = reference.group(1)
    if name is None:
        return html.unescape(reference.group())
    return html5.get(f"{name};", reference.group())


def normalize(text: str) -> str:
    """Unicode NFC, one kind of newline and space, no control or bidi-override characters,
    no soft hyphens (a page's invisible hyphenation: "Sun\xadday" is "Sunday"), no HTML
    character references."""
    if "&" in text:
        text = _ENTITY.sub(_character, text)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    # Escape sequences go whole (no "[2J" left in the text), then any stray control character.
    text = _CONTROL.sub("", without_sequences(text))
    return single_spaced(text)


def single_spaced(text: str) -> str:
    """Every run of spaces and tabs as one space. Most text has none: finding that out is
    cheap, where substituting every single space for itself is not (and in ASCII text the
    only odd space is a tab)."""
    if "  " in text or ("\t" in text if text.isascii() else _ODD_SPACE.search(text)):
        return _SPACES.sub(" ", text)
    return text
