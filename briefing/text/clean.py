"""Turn a scraped page into article text: metadata kept, page chrome dropped and recorded.

Scraped news pages carry site names and taglines above the headline, share counters, video
titles with durations, promo inserts glued into paragraphs, bullets of related links,
copyright, comment and skip-link lines, and paragraphs broken around names. The rules
(`briefing.text.rules`, and the inline patterns here) are general patterns of such pages,
never strings from one site, and every piece of text cleaning drops is kept as a `Removal`
so that `--explain` can show what went and why.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from briefing.models import Removal
from briefing.text.dates import parse_date
from briefing.text.lexicon import FUNCTION_WORDS
from briefing.text.normalize import normalize, single_spaced
from briefing.text.patterns import Pattern, compile_user
from briefing.text.rules import line_rule

# Lines that end the article proper: everything after them, near the end of a page, is footer.
_FOOTER_RULES = frozenset({"copyright", "comments", "source_line"})
_FOOTER_LINE = re.compile(
    r"^(?:you may (?:also )?like|related(?: articles| stories| posts| news)?|more from\b.*|recommended(?: for you)?"
    r"|trending(?: now)?|trends \d+h|latest(?: news)?|most (?:popular|read)|read next|all news articles on\b.*)$",
    re.I,
)
_PROMO = re.compile(
    r"(?:(?i:also read|read also|read more|must read|see also)|SEE|WATCH|RELATED|LISTEN)\s*:\s*"
    r".+?(?:(?<=[a-z0-9’'”\")!?])(?=[A-Z“\"‘][a-z])|(?<=[A-Z])(?=[A-Z][a-z])|$)"
)
# What every promo insert holds besides its colon: a cue in capitals, or a "read" phrase in
# any case (lower-cased, without "i" or "s": see `briefing.text.rules.Rule`). Paragraphs with neither skip `_PROMO`.
_PROMO_CUES = ("SEE", "WATCH", "RELATED", "LISTEN")
_PROMO_PHRASES = ("o read", "read al", "read more", "t read", "ee al")
_GLUED = re.compile(
    r"(?<=[a-z]{2}[.!?])(?=[“\"‘]?[A-Z])|(?<=[A-Z]{2}[.!?])(?=[A-Z][a-z])|(?<=[a-z][.!?,][”\"’])(?=[A-Z“\"‘])"
)
# Every glue point follows one of . ! ? ” " ’ and precedes a capital or an opening quote: a
# scan for that pair finds the few places where the full pattern needs trying.
_GLUE_HINT = re.compile(r"[.!?”\"’](?=[A-Z“\"‘])")
_HEX = frozenset("0123456789abcdef")
_BRACES = re.compile(r"\{([^{}\n]{1,60})\}")
# Tried only where a run of spaces starts: from inside a run it would rescan the run each time.
_TRAILING_HASH = re.compile(r"(?<!\s)\s+(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{16,}$")
_ORPHAN_PERIOD = re.compile(r"(?<=[.!?”\"])\s+\.(?=\s|$)")
# An orphan period follows a space; in ASCII text these are all the spaces `\s` matches.
_SPACED_PERIODS = tuple(f"{chr(code)}." for code in range(128) if chr(code).isspace())
_TERMINAL = re.compile(r"[.!?…\"”’)\]]$")


@dataclass(frozen=True, slots=True)
class CleanedPage:
    """What cleaning keeps: the body and the metadata found on the page. Not `whole`: the
    body is only the page's start (`clean_extracted`'s `lead`), `removed` what went up to there."""

    body: str
    title: str | None
    source: str | None
    date: str | None
    removed: tuple[Removal, ...]
    whole: bool = True


@dataclass(slots=True)
class _Line:
    block: int
    text: str


def clean_page(text: str, drop_patterns: tuple[str, ...] = ()) -> CleanedPage:
    """Split a page into metadata and body text, recording every piece dropped."""
    removed: list[Removal] = []
    lines = _lines(normalize(text))
    lines = _drop_lines(lines, [compile_user(p) for p in drop_patterns], removed)
    title, source, date, lines = _leading_block(lines, removed)
    for item in removed:
        if date is None and item.rule == "date":
            date = parse_date(item.text)
    paragraphs = [_clean_inline(p, removed) for p in _paragraphs(lines, removed)]
    body = "\n\n".join(p for p in paragraphs if any(ch.isalpha() for ch in p))
    return CleanedPage(body, title, source, date, tuple(removed))


def clean_extracted(
    text: str, title: str | None = None, drop_patterns: tuple[str, ...] = (), lead: int | None = None
) -> CleanedPage:
    """Clean text an extractor already took out of a page (one paragraph a line).

    The extractor found the article, so the rules that find it in a whole page (the block
    above the first body sentence, headings, the footer) stay off: on the extraction
    benchmark they cut real text. The title repeated above the body goes, and so do the
    chrome lines and inline promos an extractor keeps.

    With `lead`, cleaning stops once the body holds more than `lead` words that no later line
    can change (the body is then not `whole`): what grouping and the language check read of an
    article whose story is not shown. A kept line is final once a line after it is kept that
    no video duration below can take away (`_drop_line`); each line is cleaned alone.
    """
    user = [compile_user(p) for p in drop_patterns]
    dropped: list[Removal] = []  # lines, in order: the headline, then chrome
    inline: list[Removal] = []  # then what went from inside the kept lines, in their order
    lines = _extracted_lines(text)
    heading = _title_key(title or "")
    line = next(lines, None)
    while line is not None and heading and _repeats_title(_title_key(line.text), heading):
        dropped.append(Removal("headline", line.text))
        line = next(lines, None)
    kept: list[_Line] = []
    paragraphs: list[str] = []
    words = 0
    whole = True
    while line is not None:
        _drop_line(line, _rule(line.text, user), kept, dropped)
        if lead is not None and kept and not _is_title_like(kept[-1].text):  # the lines kept so far are final
            for paragraph in (_clean_inline(final.text, inline) for final in kept):
                if any(ch.isalpha() for ch in paragraph):
                    paragraphs.append(paragraph)
                    words += len(paragraph.split())
            kept.clear()
        line = next(lines, None)
        if lead is not None and words > lead and line is not None:
            whole = False
            break
    paragraphs += [p for p in (_clean_inline(final.text, inline) for final in kept) if any(ch.isalpha() for ch in p)]
    return CleanedPage("\n\n".join(paragraphs), None, None, None, (*dropped, *inline), whole)


def _extracted_lines(text: str, piece: int = 4096) -> Iterator[_Line]:
    """The non-blank lines of `normalize(text)`, stripped, normalized a piece of about `piece`
    characters at a time: a piece ends at a line break, and no step of `normalize` reaches
    across one, so a lead costs the same whatever follows it."""
    start = 0
    while start < len(text):
        end = text.find("\n", start + piece)
        end = len(text) if end < 0 else end + 1
        yield from (_Line(0, line.strip()) for line in normalize(text[start:end]).split("\n") if line.strip())
        start = end


def _title_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _repeats_title(line: str, title: str) -> bool:
    """Whether a line is the page's title (or the title cut short, or the title and a site name)."""
    if not line:
        return False
    if line == title or (len(line) > 10 and title.startswith(line)):
        return True
    return len(title) > 10 and line.startswith(title) and len(line.split()) < 25


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    for block, chunk in enumerate(re.split(r"\n\s*\n", text)):
        lines.extend(_Line(block, line.strip()) for line in chunk.split("\n") if line.strip())
    return lines


def _drop_lines(lines: list[_Line], user: list[Pattern], removed: list[Removal], footer: bool = True) -> list[_Line]:
    """Drop chrome lines, the footer after an end-of-article line (if `footer`), and video titles."""
    kept: list[_Line] = []
    in_footer = False
    for position, line in enumerate(lines):
        rule = _rule(line.text, user)
        near_end = position >= len(lines) / 2
        if footer and near_end and (rule in _FOOTER_RULES or _FOOTER_LINE.match(line.text)):
            in_footer = True
        if rule is None and in_footer:
            rule = "footer"
        _drop_line(line, rule, kept, removed)
    return kept


def _rule(text: str, user: list[Pattern]) -> str | None:
    """The rule a line is dropped by: the user's patterns first, then `line_rule`'s; None: kept."""
    return "user_pattern" if any(p.search(text) for p in user) else line_rule(text)


def _drop_line(line: _Line, rule: str | None, kept: list[_Line], removed: list[Removal]) -> None:
    """Keep `line` (no `rule`) or record it as removed; a video duration takes the title-like
    line kept just above it too (`_is_title_like`), so a line kept can go while the last kept."""
    if rule is None:
        kept.append(line)
        return
    removed.append(Removal(rule, line.text))
    if rule == "video" and kept and _is_title_like(kept[-1].text):
        # The line above a duration is the video's title.
        removed.insert(len(removed) - 1, Removal("video", kept.pop().text))


def _is_title_like(text: str) -> bool:
    return not text.endswith(".") and len(text.split()) <= 15


def _is_body_sentence(text: str) -> bool:
    words = len(text.split())
    return words >= 25 or (words >= 8 and bool(_TERMINAL.search(text)))


def _leading_block(
    lines: list[_Line], removed: list[Removal]
) -> tuple[str | None, str | None, str | None, list[_Line]]:
    """Title, site name and date from the lines above the first body sentence."""
    start = next((i for i, line in enumerate(lines) if _is_body_sentence(line.text)), len(lines))
    if start == len(lines):
        return None, None, None, lines
    head = [line.text for line in lines[:start]]
    date = next((parse_date(text) for text in head if parse_date(text)), None)
    candidates = [text for text in head if not parse_date(text) and len(text.split()) >= 3]
    title = max(candidates, key=lambda text: len(text.split()), default=None)
    source = None
    for text in head:
        if text == title:
            break
        if not parse_date(text) and len(text.split()) <= 4 and text[:1].isupper() and not _TERMINAL.search(text):
            source = text
            break
    for text in head:
        rule = "date" if parse_date(text) else "headline" if text == title else "site_chrome"
        removed.append(Removal(rule, text))
    return title, source, date, lines[start:]


def _is_name_fragment(text: str) -> bool:
    words = text.rstrip(",").split()
    return 0 < len(words) <= 5 and all(w[:1].isupper() or w in FUNCTION_WORDS for w in words)


def _continues(previous: _Line, line: _Line, after: _Line | None) -> bool:
    """Whether `line` carries on the sentence `previous` left open (a paragraph broken mid-sentence)."""
    if _TERMINAL.search(previous.text) or previous.text.endswith(":"):
        return False
    if line.block == previous.block or line.text[:1].islower() or line.text[:1] in ",;)":
        return True
    last_word = previous.text.split()[-1].lower()
    if previous.text.endswith(",") or last_word in FUNCTION_WORDS:
        return True
    return _is_name_fragment(line.text) and after is not None and (after.text[:1].islower() or line.text.endswith(","))


def _paragraphs(lines: list[_Line], removed: list[Removal]) -> list[str]:
    """Join lines broken mid-sentence; drop headings (short lines that end no sentence)."""
    paragraphs: list[str] = []
    i = 0
    while i < len(lines):
        current = lines[i]
        parts = [current.text]
        i += 1
        while i < len(lines) and _continues(current, lines[i], lines[i + 1] if i + 1 < len(lines) else None):
            parts.append(lines[i].text)
            current = _Line(lines[i].block, " ".join(parts))
            i += 1
        text = " ".join(parts)
        if not _TERMINAL.search(text) and len(text.split()) < 15:
            removed.append(Removal("heading", text))
        else:
            paragraphs.append(text)
    return paragraphs


def _clean_inline(text: str, removed: list[Removal]) -> str:
    """Remove promo inserts and artifacts inside a paragraph; unglue sentences."""

    def drop(rule: str, replacement: str) -> Callable[[re.Match[str]], str]:
        def replace(match: re.Match[str]) -> str:
            removed.append(Removal(rule, match.group(0).strip()))
            return replacement

        return replace

    if _may_hold_promo(text):
        text = _PROMO.sub(drop("promo", " "), text)
    if _HEX.issuperset(text[-16:]):
        text = _TRAILING_HASH.sub(drop("trailing_hash", ""), text)

    def unbrace(match: re.Match[str]) -> str:
        removed.append(Removal("artifact", match.group(0)))
        return match.group(1)

    text = _BRACES.sub(unbrace, text)
    text = _unglue(text)
    if not text.isascii() or any(map(text.__contains__, _SPACED_PERIODS)):
        text = _ORPHAN_PERIOD.sub("", text)
    return single_spaced(text).strip()


def _may_hold_promo(text: str) -> bool:
    """Whether `_PROMO` can match `text`: a colon, and a cue or a phrase before it."""
    return ":" in text and (
        any(map(text.__contains__, _PROMO_CUES)) or any(map(text.lower().__contains__, _PROMO_PHRASES))
    )


def _unglue(text: str) -> str:
    """A space at every glue point: what `_GLUED.sub(" ", text)` does, without trying the
    pattern's three lookbehinds at every character of a long paragraph."""
    points = [match.end() for match in _GLUE_HINT.finditer(text) if _GLUED.match(text, match.end())]
    if not points:
        return text
    return " ".join(text[start:end] for start, end in zip([0, *points], [*points, len(text)]))
