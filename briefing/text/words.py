"""NLTK's Treebank word tokenizer: NLTK's class and rules, run for a quarter of the cost.

Tokenizing was the largest single cost of a briefing. nltk 3.10 routes every pattern through
`nltk.redos`, the third-party `regex` engine under a wall-clock timeout, a defence meant for
caller-supplied patterns; these are NLTK's own fixed ones, so they run on `re`. And most of
the 33 substitutions cannot match a given sentence (it has no "?", no "--", no "cannot"), so
they are skipped after a check for the characters or words every match needs; the two
final-period rules run on the sentence's tail, the only place they can match, and runs of
whitespace become one space by str.split(). Tokens are NLTK's: property tests compare the
two tokenizers, and each rule with NLTK's pattern on `re`, on arbitrary text.
"""

from __future__ import annotations

import re
from typing import Any

from briefing.text.nltk_parts import NLTKWordTokenizer

# What turns a contraction rule such as (?i)\b(can)(?#X)(not)\b into its word "cannot".
_LITERAL_SYNTAX = re.compile(r"\(\?i\)|\(\?#X\)|\(\?=\\s\)|\\b|[()]")
# For each of NLTK's rules, strings of which every match holds at least one: on text with
# none of them the substitution is a no-op, and checking costs a twentieth of running it.
# A rule not listed here (NLTK changed its pattern) simply always runs.
_NEEDS: dict[str, tuple[str, ...]] = {
    "([«“‘„]|[`]+)": tuple("«“‘„`"),
    '^\\"': ('"',),
    "(``)": ("``",),
    "([ \\(\\[{<])(\\\"|\\'{2})": ('"', "''"),
    "(?i)(?<!\\w)(\\')(?!(?:re|ve|ll|m|t|s|d|n)\\b)(?=\\w)": ("'",),
    "([:,])([^\\d])": (":", ","),
    "\\.{2,}": ("..",),
    "[;@#$%&]": tuple(";@#$%&"),
    "[\\u2012-\\u2015]": tuple("\u2012\u2013\u2014\u2015"),
    "[?!]": ("?", "!"),
    "([^'])' ": ("' ",),
    "[*]": ("*",),
    "([»”’])": tuple("»”’"),
    "''": ("''",),
    '"': ('"',),
    "([^' ])('[sS]|'[mM]|'[dD]|') ": ("'s", "'S", "'m", "'M", "'d", "'D", "' "),
    "([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ": ("'ll", "'LL", "'re", "'RE", "'ve", "'VE", "n't", "N'T"),
    "[\\]\\[\\(\\)\\{\\}\\<\\>]": tuple("[](){}<>"),
    "--": ("--",),
}
# The two final-period rules: anchored at the text's end (`$`), a match holds the text's last
# period and the character before it, so they run on that tail alone instead of being tried
# at every character of the sentence.
_FINAL_PERIOD = frozenset(
    [
        "([^\\.])(\\.)([\\]\\)}>\"\\'»”’ ]*+)\\s*$",
        "([^\\.])(\\.)([\\]\\)}>\"\\']*)\\s*$",
    ]
)
_WHITESPACE = "\\s+"
_FLAGS = (re.IGNORECASE, re.MULTILINE, re.DOTALL, re.UNICODE, re.VERBOSE, re.ASCII)


def _plain(pattern: Any) -> Any:
    """The same pattern compiled by `re`, or NLTK's own where `re` rejects it.

    Python before 3.11 has no possessive quantifiers, which one of NLTK's rules uses.
    """
    flags = 0
    for flag in _FLAGS:
        if pattern.flags & flag.value:
            flags |= flag
    try:
        return re.compile(pattern.pattern, flags)
    except re.error:
        return pattern


class _Gated:
    """A rule that runs only on text holding one of the strings each of its matches needs."""

    __slots__ = ("_needs", "_pattern")

    def __init__(self, pattern: Any, needs: tuple[str, ...]) -> None:
        self._pattern = pattern
        self._needs = needs

    def sub(self, replacement: str, text: str) -> str:
        for part in self._needs:
            if part in text:
                return str(self._pattern.sub(replacement, text))
        return text


class _FinalPeriod:
    """A final-period rule (`_FINAL_PERIOD`) applied from the character before the last period."""

    __slots__ = ("_pattern",)

    def __init__(self, pattern: Any) -> None:
        self._pattern = pattern

    def sub(self, replacement: str, text: str) -> str:
        start = text.rfind(".") - 1
        if start < 0:
            return text
        return text[:start] + str(self._pattern.sub(replacement, text[start:]))


class _Spaces:
    """NLTK's `\\s+` to one space, as str.split() finds the runs (the same characters as
    `re`'s `\\s`): no match object and template expansion per space of the sentence."""

    def sub(self, replacement: str, text: str) -> str:
        words = text.split()
        if not words:
            return replacement if text else text
        lead = replacement if text[0].isspace() else ""
        tail = replacement if text[-1].isspace() else ""
        return lead + replacement.join(words) + tail


def _rule(pattern: Any) -> Any:
    """NLTK's rule on the `re` engine, gated by the strings it needs where they are known,
    run on the text's tail where only the tail can match."""
    compiled = _plain(pattern)
    if compiled.pattern == _WHITESPACE and not compiled.flags & re.ASCII:
        return _Spaces()
    if compiled.pattern in _FINAL_PERIOD:
        return _FinalPeriod(compiled)
    needs = _NEEDS.get(compiled.pattern)
    return _Gated(compiled, needs) if needs else compiled


class _Contractions:
    """NLTK's contraction rules, in order, skipped at once where none of them can match.

    Each rule is a word ("cannot", "gonna", "'tis") split in two; almost no sentence holds one.
    On ASCII text a case-insensitive match needs the word in the lower-cased text, so where
    none is there every substitution would leave the text unchanged and skipping them is
    exact. Other text (whose case folding `re` treats specially) always runs the rules.
    """

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        self._patterns = patterns
        self.words = tuple(_LITERAL_SYNTAX.sub("", p.pattern).lower() for p in patterns)

    def sub(self, replacement: str, text: str) -> str:
        if text.isascii():
            lowered = text.lower()
            if not any(map(lowered.__contains__, self.words)):
                return text
        for pattern in self._patterns:
            text = pattern.sub(replacement, text)
        return text


# The group references of NLTK's replacement templates: "\\1", "\\g<0>".
_GROUP_REFERENCE = re.compile(r"\\(\d)(?!\d)|\\g<(\d)>")


def _replacement(template: str) -> Any:
    """NLTK's replacement template as a function of the match, where it holds group references:
    given a template, `re` parses it in Python on every substitution and expands it in Python
    at every match. A template with other escapes is left to `re`."""
    if "\\" not in template:
        return template
    fields = _GROUP_REFERENCE.sub(
        lambda match: "{" + (match[1] or match[2]) + "}", template.replace("{", "{{").replace("}", "}}")
    )
    if "\\" in fields:
        return template
    shape = fields.format
    return lambda match: shape(match[0], *match.groups(""))


def _rules(rules: list[tuple[Any, str]]) -> list[tuple[Any, Any]]:
    return [(_rule(pattern), _replacement(template)) for pattern, template in rules]


class WordTokenizer(NLTKWordTokenizer):  # type: ignore[misc]  # nltk ships no types
    """`NLTKWordTokenizer` with its rules on `re`, skipped where they cannot match: same tokens."""

    STARTING_QUOTES = _rules(NLTKWordTokenizer.STARTING_QUOTES)
    ENDING_QUOTES = _rules(NLTKWordTokenizer.ENDING_QUOTES)
    PUNCTUATION = _rules(NLTKWordTokenizer.PUNCTUATION)
    (PARENS_BRACKETS,) = _rules([NLTKWordTokenizer.PARENS_BRACKETS])
    CONVERT_PARENTHESES = _rules(NLTKWordTokenizer.CONVERT_PARENTHESES)
    (DOUBLE_DASHES,) = _rules([NLTKWordTokenizer.DOUBLE_DASHES])
    # tokenize() applies CONTRACTIONS2 then CONTRACTIONS3, all with the same replacement.
    CONTRACTIONS2 = [_Contractions([*NLTKWordTokenizer.CONTRACTIONS2, *NLTKWordTokenizer.CONTRACTIONS3])]
    CONTRACTIONS3: list[Any] = []
