"""Words as grouping and ranking compare them: found by one regular expression, each form
written one way, with no sentence splitter, word tokenizer or stemmer.

Sentence features (`briefing.summary.features`) read words with NLTK's tokenizer and the
Snowball stemmer, once per sentence of the stories that are shown. Grouping a day reads every
article's headline and lead, and there that costs too much: the Snowball stemmer takes about
40 microseconds a new word, 2 s for a morning of feeds' 50,000 distinct words, more than the
rest of grouping. A lower-cased form without its plural or possessive ending serves grouping
as well (`briefing.summary.views` gives the measurements).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from briefing.text.segment import stop_words, unaccented

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Every ASCII character but letters and the apostrophe, as a space: in ASCII text the words
# are what str.split() then leaves, at a fifth of the regular expression's cost.
_ASCII_WORDS = str.maketrans({chr(code): " " for code in range(128) if not chr(code).isalpha() and chr(code) != "'"})
_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")


def forms(text: str) -> tuple[str, ...]:
    """The words of `text` in order, each as `word_form` writes it."""
    words = text.translate(_ASCII_WORDS).split() if text.isascii() else _WORD.findall(text)
    return tuple(map(word_form, words))


@lru_cache(maxsize=200_000)
def word_form(word: str) -> str:
    """One spelling for a word's forms that matter to grouping: lower case, no accents, no
    possessive, no plural s ("Russia's" and "russia", "talks" and "talk", "parties" and "party")."""
    lowered = unaccented(word.lower()).replace("’", "'").strip("'")
    if lowered.endswith("'s"):
        lowered = lowered[:-2]
    if len(lowered) > 4 and lowered.endswith("ies"):
        return lowered[:-3] + "y"
    if len(lowered) > 3 and lowered.endswith("s") and not lowered.endswith(("ss", "us", "is")):
        return lowered[:-1]
    return lowered


def content(words: Iterable[str]) -> list[str]:
    """`words` without the stop words and single letters."""
    stops = stop_forms()
    return [word for word in words if word not in stops]


@lru_cache(maxsize=1)
def stop_forms() -> frozenset[str]:
    """The stop words as `word_form` writes them ("does" is "doe"), and single letters: words
    that say nothing of a story by themselves."""
    letters = (chr(code) for code in range(ord("a"), ord("z") + 1))
    return frozenset((*stop_words(), *map(word_form, stop_words()), *letters))


def leading_words(text: str, words: int) -> tuple[str, int]:
    """The first `words` words of `text`, as written (line breaks kept), and how many words
    `text` has, `words + 1` if it goes on past them: a lead costs the same whatever follows it."""
    pieces = text.split(None, words)
    if len(pieces) <= words:
        return text, len(pieces)
    return text[: len(text) - len(pieces[-1])].rstrip(), words + 1


def names_and_acronyms(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The runs of capitalised words inside sentences, lower-cased, possessives off, stop
    words at either end dropped ("the Kremlin's" gives "kremlin"); and the acronyms, by their
    letters ("U.S." and "US" are "US").

    One pass over the whitespace-separated tokens: a capital after a token that ends in a
    lower-case letter, a digit or a comma continues or starts a name; a token that ends in a
    full stop ends one.
    """
    stops = stop_words()
    names: set[str] = set()
    acronyms: set[str] = set()
    run: list[str] = []
    inside = False  # the token before ends inside a sentence
    for token in text.split():
        first = token[0]
        if first.isupper():
            word = token.strip(_PUNCTUATION)
            if len(word) > 1 and (word.isupper() or _INITIALS.fullmatch(word)):
                acronyms.add(word.replace(".", ""))
            if inside or run:
                spelled = word if _INITIALS.fullmatch(word) else word.rstrip(".")
                run.append(spelled.lower().replace("’", "'").removesuffix("'s"))
        elif run:
            _add_name(run, names, stops)
            run = []
        last = token[-1]
        inside = last.islower() or last.isdigit() or last in ",;:"
        if run and not inside and not last.isupper():
            _add_name(run, names, stops)
            run = []
    if run:
        _add_name(run, names, stops)
    return frozenset(names), frozenset(acronyms)


_PUNCTUATION = "\"'“”‘’()[],;:!?"


def _add_name(run: list[str], names: set[str], stops: frozenset[str]) -> None:
    """The run of words as a name, without stop words at either end."""
    start, end = 0, len(run)
    while start < end and run[start] in stops:
        start += 1
    while end > start and run[end - 1] in stops:
        end -= 1
    if start < end:
        names.add(" ".join(run[start:end]))
