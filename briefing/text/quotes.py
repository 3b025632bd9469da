"""Whether a sentence's quotation marks pair up: a quotation it opens and does not close, or
closes without having opened, is a quote broken by where the sentence ends.

A reporter's quotation often runs over two sentences ('TikTok said in a statement to TIME:
“[Child sexual abuse material] is abhorrent and categorically prohibited on our platform.' and
then 'We ... remove it.”'); cut into sentences, each half shows a reader a broken quote.

Double marks are curly (“ ”) or straight ("), where a straight one opens before a word and
after a space, a bracket, a dash or a slash, and closes elsewhere; one after a digit with no quotation open is an inch mark
(8.5" paper). Single marks are quotation marks only where they cannot be apostrophes: ‘ ' or `
open at a word's start before a letter, unless an elision follows ('em, 'til, 'net, 'Tis; not
the '90s, before a digit); ’ or ' close at a word's end while a single quotation is open, or
after a stop or a comma ("... to vote `no,' " Taylor said). Anywhere else (don't, Reuters'
report, the players' union) they are apostrophes.
"""

from __future__ import annotations

import re

_DOUBLE_OPEN, _DOUBLE_CLOSE, _STRAIGHT_DOUBLE = "“", "”", '"'
_SINGLE_OPEN = "‘`"
# What a mark that opens a quotation follows: the start, a space, a bracket, a dash or another mark.
_BEFORE_OPENING = frozenset(" \t\n([{—–“‘\"'`")
_ENDS_CLAUSE = frozenset(".,!?;:")
# Words spoken with their first letters left out, written after an apostrophe: not quotations.
_ELIDED = re.compile(r"(?:em|n|til|cause|cos|cuz|tis|twas|bout|round|net|ere|droid|s|d|ll|re|ve|m|t)\b", re.IGNORECASE)
_MARKS = re.compile(r"[“”\"‘’'`]")


def _opens(before: str, after: str) -> bool:
    """Whether a straight double mark between these two characters opens a quotation: not
    before a space, and after one, a bracket, a dash or a slash (capital-"Q", gyaru/"gal")."""
    return not after.isspace() and (before in _BEFORE_OPENING or before in "-/")


def broken_quote(text: str) -> bool:
    """Whether `text` opens a quotation it does not close, or closes one it did not open."""
    double = single = 0
    for match in _MARKS.finditer(text):
        at = match.start()
        mark, before = match.group(), text[at - 1] if at else " "
        after = text[at + 1] if at + 1 < len(text) else " "
        if mark == _DOUBLE_OPEN or (mark == _STRAIGHT_DOUBLE and _opens(before, after)):
            double += 1
        elif mark in (_DOUBLE_CLOSE, _STRAIGHT_DOUBLE):
            if double:
                double -= 1
            elif not (mark == _STRAIGHT_DOUBLE and before.isdigit()):
                return True
        elif before in _BEFORE_OPENING and after.isalpha() and (mark in _SINGLE_OPEN or mark == "'"):
            if not _ELIDED.match(text, at + 1):
                single += 1
        elif not after.isalnum() and not before.isspace():
            if single:
                single -= 1
            elif before in _ENDS_CLAUSE:
                return True
    return double > 0 or single > 0
