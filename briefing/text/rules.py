"""What page furniture looks like: the named rules that cleaning drops lines by, and that keep
a sentence of furniture left inside a paragraph from becoming an item (`is_junk`).

Each rule is a general pattern of news pages, never a string from one site; its name is the
reason `--explain` gives for what it removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.text.dates import DATE_LINE


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


LINE_RULES: tuple[Rule, ...] = (
    Rule("skip_link", re.compile(r"skip to (?:the )?(?:main )?content", re.I), ("content",)),
    Rule(
        "copyright",
        re.compile(r"^(?:copyright\b|©|\(c\)\s*\d{4})|all rights reserved", re.I),
        ("copyr", "©", "(c)", "erved"),
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
    # Ends in a time: two digits after the last colon (and a final newline before `$`).
    Rule("video", re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$|^.{1,120}\s\d{1,2}:\d{2}(?::\d{2})?$"), after_colon=3),
    Rule("counter", re.compile(r"^[\d\s.,;:|+\-–—/]*$")),
    # The local part starts only where a run of its characters starts: tried from inside a
    # run, it rescans that run to its end at every position (quadratic on "a.a.a.…@").
    Rule("contact", re.compile(r"\[email\s*protected\]|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+\b", re.I), ("@", "[")),
    Rule(
        "credit",
        re.compile(
            r"^(?:with (?:inputs?|information|reporting|additional reporting) from|additional reporting by"
            r"|reporting by|written by|edited by|compiled by|associated press writers?)\b",
            re.I,
        ),
    ),
    Rule(
        "credit",
        re.compile(
            r"^(?=.{0,250}$).*\bcontributed(?: reporting| to this (?:report|story|article))?(?: from [^.]{1,60})?\.?$",
            re.I,
        ),
        ("contr",),
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
        ("tter", "faceb", "tagram", "youtube", "nbox", "ke th"),  # "tter": twitter and newsletter
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
    Rule("date", DATE_LINE),
    *JUNK_RULES,
)
# A longer line that names an address is a paragraph about someone, not a contact line.
_CONTACT_WORDS = 20


def line_rule(text: str) -> str | None:
    """The name of the first rule a whole line matches, or None."""
    lowered = text.lower()
    for rule in LINE_RULES:
        if rule.search(text, lowered) and not (rule.name == "contact" and len(lowered.split()) > _CONTACT_WORDS):
            return rule.name
    return None
