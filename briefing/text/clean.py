"""Turn a scraped page into article text: metadata kept, page chrome dropped and recorded.

Scraped news pages carry site names and taglines above the headline, share counters, video
titles with durations, promo inserts glued into paragraphs, bullets of related links,
copyright, comment and skip-link lines, and paragraphs broken around names. Each rule here is a
general pattern of such pages, never a string from one site, and every piece of text a rule
drops is kept as a `Removal` so that `--explain` can show what went and why.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from html.entities import html5

from briefing.models import Removal
from briefing.sanitize import without_sequences
from briefing.text.lexicon import FUNCTION_WORDS, MONTH_PATTERN
from briefing.text.patterns import Pattern, compile_user

_DATE_LINE = re.compile(
    rf"^(?:(?:updated|published|posted)(?: on)?:?\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    rf"(?:{MONTH_PATTERN}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{MONTH_PATTERN},?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}(?:[T ][\d:.]+(?:Z|[+-]\d{{2}}:?\d{{2}})?)?)"
    rf"(?:[\s,|]+\d{{1,2}}:\d{{2}}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{{2,4}})?)?$",
    re.IGNORECASE,
)
_DURATION = re.compile(r"(?:^|\s)\d{1,2}:\d{2}(?::\d{2})?$")


@dataclass(frozen=True, slots=True)
class Rule:
    """A cleaning rule: its name (the reason `--explain` gives), its pattern, and substrings
    of the lower-cased text one of which every match contains, so that text holding none of
    them (most body text) skips the search. None holds an "i" or an "s" where the pattern
    ignores case: `re` folds "ı" and "ſ" to those letters, str.lower() does not. A
    case-sensitive pattern's literal words, lower-cased, are in the lower-cased text wherever
    the words are in the text. No `needs`: always searched (anchored patterns cost little).
    With `after_colon`, every match ends the text at most that many characters after its last
    colon, spaces after the colon aside (a caption's credit): a paragraph skips the search."""

    name: str
    pattern: re.Pattern[str]
    needs: tuple[str, ...] = ()
    after_colon: int = 0

    def search(self, text: str, lowered: str) -> bool:
        """Whether the pattern occurs in `text` (`lowered` is `text.lower()`)."""
        if self.needs and not any(map(lowered.__contains__, self.needs)):
            return False
        if self.after_colon and len(text[text.rfind(":") + 1 :].lstrip()) > self.after_colon:
            return False
        return self.pattern.search(text) is not None


# Sentences that are page furniture wherever they stand, as a line of their own or inside a
# paragraph: a photo caption, an embedded post's widget text, an author's byline or
# disclaimer, a call to sign up. Cleaning drops such lines; a sentence matching one inside a
# paragraph is never an item (`is_junk`). A rule with an anchored and an unanchored part is
# two rules of one name, so that the unanchored part alone needs its substrings.
JUNK_RULES: tuple[Rule, ...] = (
    Rule(
        "photo_caption",
        re.compile(
            r"^FILE\s*[-–—_]+\s|^In this\b.{0,60}?\b(?:photo|image|picture)(?:,| taken| made| provided| released| shot)"
        ),
    ),
    Rule(
        "photo_caption", re.compile(r"\((?:AP|AFP|Reuters|Getty|EPA)\b[\w ]{0,20}Photos?\b[^)]{0,60}\)\s*$"), ("photo",)
    ),
    Rule(
        "widget",
        re.compile(
            r"add location information to your tweets|pic\.twitter\.com/|\(@\w{1,15}\) \w+ \d{1,2}, \d{4}$"
            r"|this (?:tweet|post|video|content) is (?:unavailable|no longer available)|to view this (?:video|content)",
            re.I,
        ),
        ("add locat", ".com/", "(@", "unava", "longer ava", "ew th"),
    ),
    Rule(
        "byline",
        re.compile(
            r"^(?:the )?(?:author|writer)s? (?:is|are|was) (?:a |an |the )?.{0,80}\b(?:columnist|contributor"
            r"|correspondent|fellow|professor|editor|writer|reporter|analyst)s?\b|^the (?:views|opinions) expressed\b",
            re.I,
        ),
    ),
    Rule(
        "newsletter",
        re.compile(r"^(?:sign up|subscribe|register)\b.{0,80}\b(?:newsletters?|e-?mails?|alerts?)\b", re.I),
    ),
    Rule("newsletter", re.compile(r"delivered (?:straight |directly )?to your inbox", re.I), ("nbox",)),
    Rule("call_to_action", re.compile(r"^(?:click|tap) (?:here|below|on (?:the|this) link|the link)\b", re.I)),
    # A lead-in that promises the news instead of telling it ("This is the tech news you need
    # to know this Tuesday.", "Here's everything you need to know about the ban."): 1 item on
    # the 181 saved pages, 3 sentences of the 100 real feeds, none in DUC 2004.
    Rule("lead_in", re.compile(r"^(?:this is|here(?:'s|’s| is| are)) .{0,60}\byou (?:need to|should) know\b", re.I)),
    Rule(
        "disclosure",
        re.compile(
            r"^this (?:post|article|story|shop|page|content) (?:has been|was|is) (?:compensated|sponsored)\b", re.I
        ),
    ),
)


def is_junk(sentence: str) -> bool:
    """Whether a sentence is page furniture (`JUNK_RULES`), wherever cleaning left it."""
    lowered = sentence.lower()
    return any(rule.search(sentence, lowered) for rule in JUNK_RULES)


_LINE_RULES: tuple[Rule, ...] = (
    Rule("skip_link", re.compile(r"skip to (?:the )?(?:main )?content", re.I), ("content",)),
    Rule(
        "copyright",
        re.compile(r"^(?:copyright\b|©|\(c\)\s*\d{4})|all rights reserved", re.I),
        ("copyr", "©", "(c)", "erve"),
    ),
    Rule(
        "comments",
        re.compile(
            r"^(?:leave a (?:reply|comment)|please enter your \w+|comments are closed|\d+\s+comments?"
            r"|(?:post|add) a comment|you must be logged in|cancel reply|click to share|share this\b)",
            re.I,
        ),
    ),
    Rule("read_time", re.compile(r"^\d+\s*(?:min(?:ute)?s?)\.? read$", re.I)),
    Rule("advertising", re.compile(r"^(?:advertising|advertisement|sponsored(?: content)?|ad)$", re.I)),
    Rule("video", re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$|^.{1,120}\s\d{1,2}:\d{2}(?::\d{2})?$")),
    Rule("counter", re.compile(r"^[\d\s.,;:|+\-–—/]*$")),
    # The local part starts only where a run of its characters starts: tried from inside a
    # run, it rescans that run to its end at every position (quadratic on "a.a.a.…@").
    Rule("contact", re.compile(r"\[email\s*protected\]|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+\b", re.I), ("@", "[")),
    Rule(
        "credit",
        re.compile(
            r"^(?:with (?:inputs?|information|reporting|additional reporting) from|additional reporting by"
            r"|reporting by|written by|edited by|compiled by|associated press writers?)\b"
            r"|^(?=.{0,250}$).*\bcontributed(?: reporting| to this (?:report|story|article))?(?: from [^.]{1,60})?\.?$",
            re.I,
        ),
    ),
    # A line that only points elsewhere: "Related: ...", "READ MORE: ...", "Also on example.com ...".
    Rule(
        "promo",
        re.compile(
            r"^(?:related(?: posts?| stories| articles| coverage)?|read more|see more|see also|also read|read also|more"
            r"|also|don'?t miss|listen|download|filed under|tags)\s*:|^also on \S+\.[a-z]{2,}\b"
            r"|^(?:click to tweet|don'?t miss|tags|comments)$",
            re.I,
        ),
    ),
    # Calls to follow, share or subscribe: "Follow us on Twitter", "Subscribe to our newsletter".
    Rule(
        "social",
        re.compile(
            r"^(?=.{0,300}$).*\b(?:follow|subscribe|sign up|share)\b.*\b(?:twitter|facebook|instagram|youtube"
            r"|newsletters?|inbox)\b|^like this (?:story|article)\?",
            re.I,
        ),
    ),
    Rule("source_line", re.compile(r"^source(?: link)?:?$|^source:\s*\S.{0,60}$", re.I)),
    Rule("bullet", re.compile(r"^[•·▪►▸●◦‣]\s*")),
    # One camelCase word (the lookahead finds the lower-upper pair in one pass), or hashtags.
    Rule("tags", re.compile(r"^#?(?=\w*[a-z][A-Z])\w+$|^(?:#\w+\s*){1,}$")),
    Rule(
        "caption",
        re.compile(r"(?:photo|video|image|illustration|graphic)(?:\s+\w+)?(?:/[\w ]+)?:\s*[A-Z][\w.' -]{2,40}$", re.I),
        (":",),
        after_colon=42,  # a capital, 2 to 40 more, a final newline before `$`
    ),
    Rule("date", _DATE_LINE),
    *JUNK_RULES,
)
# A longer line that names an address is a paragraph about someone, not a contact line.
_CONTACT_WORDS = 20
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
# any case (lower-cased, without "i" or "s": see `Rule`). Paragraphs with neither skip `_PROMO`.
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
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")


@dataclass(frozen=True, slots=True)
class CleanedPage:
    """What cleaning keeps: the body and the metadata found on the page."""

    body: str
    title: str | None
    source: str | None
    date: str | None
    removed: tuple[Removal, ...]


@dataclass(slots=True)
class _Line:
    block: int
    text: str


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
    return _single_spaced(text)


def _single_spaced(text: str) -> str:
    """Every run of spaces and tabs as one space. Most text has none: finding that out is
    cheap, where substituting every single space for itself is not (and in ASCII text the
    only odd space is a tab)."""
    if "  " in text or ("\t" in text if text.isascii() else _ODD_SPACE.search(text)):
        return _SPACES.sub(" ", text)
    return text


def parse_date(text: str) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date line, or None when it is not one."""
    if not _DATE_LINE.match(text.strip()):
        return None
    iso = re.search(r"\d{4}-\d{2}-\d{2}", text)
    if iso:
        return iso.group(0)
    found = re.search(rf"({MONTH_PATTERN})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", text, re.I) or re.search(
        rf"(\d{{1,2}})\s+({MONTH_PATTERN}),?\s+(\d{{4}})", text, re.I
    )
    if not found:
        return None
    parts = found.groups()
    month, day = (parts[0], parts[1]) if parts[0][0].isalpha() else (parts[1], parts[0])
    try:
        return datetime.strptime(f"{month[:3]} {day} {parts[2]}", "%b %d %Y").date().isoformat()
    except ValueError:
        return None


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


def clean_extracted(text: str, title: str | None = None, drop_patterns: tuple[str, ...] = ()) -> CleanedPage:
    """Clean text an extractor already took out of a page (one paragraph a line).

    The extractor found the article, so the rules that find it in a whole page (the block
    above the first body sentence, headings, the footer) stay off: on the extraction
    benchmark they cut real text. The title repeated above the body goes, and so do the
    chrome lines and inline promos an extractor keeps.
    """
    removed: list[Removal] = []
    lines = [_Line(block, line.strip()) for block, line in enumerate(normalize(text).split("\n")) if line.strip()]
    heading = _title_key(title or "")
    while lines and heading and _repeats_title(_title_key(lines[0].text), heading):
        removed.append(Removal("headline", lines.pop(0).text))
    lines = _drop_lines(lines, [compile_user(p) for p in drop_patterns], removed, footer=False)
    paragraphs = [_clean_inline(line.text, removed) for line in lines]
    body = "\n\n".join(p for p in paragraphs if any(ch.isalpha() for ch in p))
    return CleanedPage(body, None, None, None, tuple(removed))


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


def _line_rule(text: str) -> str | None:
    lowered = text.lower()
    for rule in _LINE_RULES:
        if rule.search(text, lowered) and not (rule.name == "contact" and len(lowered.split()) > _CONTACT_WORDS):
            return rule.name
    return None


def _drop_lines(lines: list[_Line], user: list[Pattern], removed: list[Removal], footer: bool = True) -> list[_Line]:
    """Drop chrome lines, the footer after an end-of-article line (if `footer`), and video titles."""
    kept: list[_Line] = []
    in_footer = False
    for position, line in enumerate(lines):
        rule = "user_pattern" if any(p.search(line.text) for p in user) else _line_rule(line.text)
        near_end = position >= len(lines) / 2
        if footer and near_end and (rule in _FOOTER_RULES or _FOOTER_LINE.match(line.text)):
            in_footer = True
        if rule is None and in_footer:
            rule = "footer"
        if rule is None:
            kept.append(line)
            continue
        removed.append(Removal(rule, line.text))
        if rule == "video" and kept and _is_title_like(kept[-1].text):
            # The line above a duration is the video's title.
            removed.insert(len(removed) - 1, Removal("video", kept.pop().text))
    return kept


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
    return _single_spaced(text).strip()


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
