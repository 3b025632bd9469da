"""What each sentence is made of: content stems, concepts, names, numbers, position, form.

Computed once per sentence and shared by scoring, grouping, selection and key terms, so the
tokenizer and stemmer run once per sentence and once per distinct word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from itertools import pairwise
from operator import attrgetter
from typing import NamedTuple

from briefing.models import Article
from briefing.summary.form import ENDS_STATEMENT, form
from briefing.text.lexicon import (
    EVENT_VERBS,
    HEDGES,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NAME_PARTICLES,
    NUMBER_WORDS,
)
from briefing.text.segment import WORD, stem, stop_words, tokenizer, unaccented

_NUMBER = re.compile(r"^\d[\d,.:]*$")
# Spelled-out numbers, as style guides and synonym spinners write them ("Jan. ten").
_NUMBER_WORDS = {word: str(value) for value, word in enumerate(NUMBER_WORDS)}


@dataclass(frozen=True, slots=True)
class SentenceFeatures:
    """One sentence as the summarizer sees it."""

    article: int
    index: int
    words: int
    tokens: tuple[Token, ...]  # every word in order, stop words too, as sumy's algorithms read them
    stems: tuple[str, ...]
    forms: tuple[str, ...]
    concepts: frozenset[tuple[str, str]]
    names: frozenset[str]
    numbers: frozenset[str]
    position: float
    form: float
    # The words least likely to be reworded, each alone: the words of its names after the
    # first word (hyphenated ones split, "Biden-Putin"), months in one spelling, numbers.
    anchors: frozenset[str] = frozenset()
    # The capitalised words the sentence opens with ("Putin requested ..."): names or not,
    # which the sentence alone cannot tell; the story can (`briefing.summary.facts`).
    lead: tuple[str, ...] = ()
    # Counts as (number, role, unit as written): "killing at least 60 people" gives
    # ("60", "kill peopl", "people"), the role being the stems around the number.
    figures: tuple[tuple[str, str, str], ...] = ()
    event: bool = False  # it tells, in its own words, that something happened (`_reports_event`)
    # The content stems before the first comma, colon, semicolon or dash: who did what to
    # whom, before the details ("Peru's Congress voted on Tuesday to remove President Jeri, ...").
    clause: frozenset[str] = frozenset()
    # Every run of `QUOTE_RUN` words inside quotation marks with at least three content words:
    # what outlets reporting one statement share verbatim however they frame it.
    quoted: frozenset[tuple[str, ...]] = frozenset()
    # The concepts inside a run of capitalised words after its first pair ("antony blinken" of
    # "State Antony Blinken"): selection counts a name once, not once per pair of its words.
    name_tails: frozenset[tuple[str, str]] = frozenset()
    # The stems of what the sentence names as met before: the nouns of its opening's definite
    # descriptions said in the sentences just before it ("the camps" of "According to U.S.
    # intelligence sources, the camps were ...", `_met_before`), and the people its article
    # named whole before and it names by the last word alone ("Jaffrelot said", `_short_names`),
    # the acronyms it spelled out before ("The ICO cited ...", `_acronyms_met`) and speakers it
    # named just before, as a bare plural ("Regulators said ...", `_bare_speakers`).
    refers: frozenset[str] = frozenset()


# Every field but `article`, which comes first: what a renumbered copy keeps.
_AFTER_ARTICLE = attrgetter(*(field.name for field in fields(SentenceFeatures)[1:]))


def renumbered(feature: SentenceFeatures, article: int) -> SentenceFeatures:
    """`feature` as a sentence of the `article`th article: `dataclasses.replace` at half the
    cost, which counts where each story renumbers thousands of sentences."""
    return SentenceFeatures(article, *_AFTER_ARTICLE(feature))


class Token(NamedTuple):
    """What a token contributes, worked out once per distinct token: a day's news repeats
    the same few thousand words, and the regexes, stemmer and lookups cost more than a cache.
    A tuple of strings, which the garbage collector stops tracking, unlike a dataclass."""

    word: bool  # letters, as sumy counts words
    lowered: str
    cased: bool  # written with a capital: sumy's KL matches stop words before lower-casing
    stem: str
    stop: bool
    name: bool  # may be part of a name: a capitalised word that is not a stop word
    number: str | None


@lru_cache(maxsize=200_000)
def _token(token: str) -> Token:
    lowered = token.lower()
    word = WORD.match(token) is not None
    stop = lowered in stop_words()
    number = token.replace(",", "") if _NUMBER.match(token) else _NUMBER_WORDS.get(lowered)
    name = word and token[:1].isupper() and not stop
    return Token(word, lowered, lowered != token, stem(lowered) if word else "", stop, name, number)


# A month's spellings as one word ("September", "Sept.", "Sep." are "sep"); not "may", also a verb.
_MONTHS = {word: word[:3] for word in (*MONTHS, *MONTH_ABBREVIATIONS) if word != "may"}
_MONTH_SET = frozenset(_MONTHS.values())


def anchor_words(name: str) -> list[str]:
    """The single words of a name as anchors: hyphenated parts apart, months in one spelling,
    particles and joiners left out ("bin", "de" and "&" belong to many names)."""
    stops = stop_words()
    return [
        _MONTHS.get(part, part)
        for word in unaccented(name).split()
        for part in word.split("-")
        if part and part not in NAME_PARTICLES and part not in stops and part != "&"
    ]


def _lead(tokens: list[Token]) -> tuple[str, ...]:
    """The anchor words of the capitalised run a sentence opens with."""
    run: list[str] = []
    for token in tokens:
        if not token.name:
            break
        run.extend(anchor_words(token.lowered))
    return tuple(run)


def _figures(raw: Sequence[str], tokens: list[Token]) -> tuple[tuple[str, str, str], ...]:
    """Each number with what it counts: the content word right after it ("one other died"
    counts nothing), keyed with the word before it past hedges ("killing at least 60
    people" -> "kill people"), so that only figures in the same role compare. Years and
    days of a month count nothing."""
    found = []
    for position, token in enumerate(tokens):
        if token.number is None or (len(token.number) == 4 and token.number[:2] in ("19", "20")):
            continue
        before = position - 1
        while before >= 0 and tokens[before].lowered in HEDGES:
            before -= 1
        left = tokens[before] if before >= 0 else None
        if left is not None and _MONTHS.get(left.lowered.rstrip("."), left.lowered.rstrip(".")) in _MONTH_SET:
            continue
        unit = position + 1
        if unit < len(tokens) and tokens[unit].word and not tokens[unit].stop:
            role = f"{left.stem or left.lowered if left else ''} {tokens[unit].stem}"
            found.append((token.number, role, raw[unit]))
    return tuple(found)


def _joins_name(token: Token) -> bool:
    """Whether a token may stand between two words of one name: a particle or "&"
    ("Standard & Poor's")."""
    return token.lowered in NAME_PARTICLES or token.lowered == "&"


def _in_name(token: Token) -> bool:
    """Whether a token goes on a name begun before it: a capitalised stop word does ("Pan Am",
    "Bank Of Tokyo"); "I" does not."""
    return token.cased and token.stop and token.word and len(token.lowered) > 1


def _names(tokens: list[Token]) -> set[str]:
    """Capitalised word sequences after the first word: people, places, organisations; a
    particle or joiner between two of their words belongs to the name."""
    names: set[str] = set()
    run: list[str] = []
    last = len(tokens) - 1
    for position in range(1, len(tokens)):
        token = tokens[position]
        if token.name:
            run.append(token.lowered)
        elif run:
            if _in_name(token) or (position < last and tokens[position + 1].name and _joins_name(token)):
                run.append(token.lowered)
            else:
                names.add(" ".join(run))
                run = []
    if run:
        names.add(" ".join(run))
    return names


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_LATIN_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")


def _reports_event(text: str, words: list[Token]) -> bool:
    """Whether a sentence reports an event in its own words: an event verb outside quotation
    marks (what a speaker says happened is comment until the paper says so itself)."""
    if EVENT_VERBS.isdisjoint([token.lowered for token in words]):
        return False  # most sentences: no need to take the quotes out
    unquoted = _QUOTED.sub(" ", text)
    return any(word.lower() in EVENT_VERBS for word in _LATIN_WORD.findall(unquoted))


QUOTE_RUN = 4
# A quotation: curly quotes say which way they face; a straight one opens only at the start or
# after a space, bracket or dash, before a letter. A sentence that closes a quotation begun in
# the one before and opens another ('... principles," Varga told reporters, "and ...') quotes
# neither its middle nor its end.
_QUOTATION = re.compile(r'“[^”]*”|(?:^|(?<=[\s(\[—–-]))"[^"\s][^"]*"')


def _quoted_runs(text: str) -> frozenset[tuple[str, ...]]:
    """The lower-cased runs of `QUOTE_RUN` words inside quotation marks, three of them
    content words ("set of guiding principles"; not "to be able to")."""
    if '"' not in text and "“" not in text:
        return frozenset()
    stops = stop_words()
    runs: set[tuple[str, ...]] = set()
    for quote in _QUOTATION.findall(text):
        words = _LATIN_WORD.findall(quote.lower())
        content = [word not in stops for word in words]
        for start in range(len(words) - QUOTE_RUN + 1):
            if sum(content[start : start + QUOTE_RUN]) >= 3:
                runs.add(tuple(words[start : start + QUOTE_RUN]))
    return frozenset(runs)


_CLAUSE_BREAKS = frozenset([",", ";", ":", "--", "-", "–", "—", "_"])


def _opening_clause(raw: Sequence[str], tokens: list[Token]) -> frozenset[str]:
    """The content stems of the words before the sentence's first clause break."""
    stems = []
    for raw_word, token in zip(raw, tokens):
        if raw_word in _CLAUSE_BREAKS:
            break
        if token.word and not token.stop:
            stems.append(token.stem)
    return frozenset(stems)


def sentence_features(articles: tuple[Article, ...]) -> list[SentenceFeatures]:
    """Features of every sentence of every article, in article then sentence order."""
    tokenize = tokenizer().to_tokens
    features: list[SentenceFeatures] = []
    for article_index, article in enumerate(articles):
        count = max(len(article.sentences), 1)
        punctuated = any(ENDS_STATEMENT.search(sentence.text[-3:]) for sentence in article.sentences)
        recent: list[frozenset[str]] = []
        surnames: set[str] = set()
        spelled: set[str] = set()  # acronyms the article spelled out so far
        for sentence in article.sentences:
            raw = tokenize(sentence.text)
            tokens = list(map(_token, raw))
            words = [t for t in tokens if t.word]
            content = [t for t in words if not t.stop]
            names = _names(tokens)
            numbers = frozenset(t.number for t in tokens if t.number is not None)
            before = frozenset().union(*recent[-_RECENT:])  # the stems of the sentences just before
            features.append(
                SentenceFeatures(
                    article=article_index,
                    index=sentence.index,
                    words=len(words),
                    tokens=tuple(words),
                    stems=tuple(t.stem for t in content),
                    forms=tuple(raw_word for raw_word, t in zip(raw, tokens) if t.word and not t.stop),
                    concepts=frozenset((a.stem, b.stem) for a, b in pairwise(words) if not (a.stop and b.stop)),
                    names=frozenset(names),
                    numbers=numbers,
                    position=sentence.index / count,
                    form=form(sentence.text, tokens, punctuated),
                    anchors=frozenset(word for name in names for word in anchor_words(name)) | numbers,
                    lead=_lead(tokens),
                    figures=_figures(raw, tokens) if numbers else (),
                    event=_reports_event(sentence.text, words),
                    clause=_opening_clause(raw, tokens),
                    quoted=_quoted_runs(sentence.text),
                    name_tails=_name_tails(words),
                    refers=_met_before(tokens, before)
                    | _bare_speakers(tokens, before)
                    | _short_names(tokens, names, surnames)
                    | _acronyms_met(raw, tokens, spelled),
                )
            )
            spelled.update(_spelled_out(raw))
            recent.append(frozenset(t.stem for t in content))
            surnames.update(name.rsplit(" ", 1)[1] for name in names if " " in name)
    return features


def _name_tails(words: list[Token]) -> frozenset[tuple[str, str]]:
    """The pairs of a run of three or more capitalised words after the run's first pair."""
    return frozenset(
        (words[i].stem, words[i + 1].stem)
        for i in range(1, len(words) - 1)
        if words[i - 1].name and words[i].name and words[i + 1].name
    )


# Where a definite description refers back: the sentences before it that may have introduced its
# noun, and the words of the opening (where a sentence names what it is about) that may hold it.
# Six words: at nine, "The stock market has continued to fall since the crisis hit" pointed back
# too, and DUC 2004 at 665 bytes lost R-2 on its odd half (9.70 -> 9.69).
_RECENT = 3
_OPENING_WORDS = 6
# What says which one a description means, after it: "of", a relative pronoun, an apposition.
_SAYS_WHICH = frozenset(["of", ",", "_", "-", "--", "–", "—", "(", "that", "who", "which", "whose"])
_ONE_OF_A_KIND = frozenset(["first", "last", "only", "next", "whole", "entire"])


def _met_before(tokens: list[Token], before: frozenset[str]) -> frozenset[str]:
    """The head nouns of the opening's "the <noun>" descriptions ("According to U.S.
    intelligence sources, the camps were being used ...") that `before` holds and the sentence
    has not named earlier itself: a reader of the item alone meets them as known without
    having met them. Not a description that says which one it is ("the wife of ...", "the
    businessmen, members of ...", "the hostages _ three Britons and a New Zealander _"), one
    of a kind ("the largest rallies", "the first module"), one with a name or number in it
    ("the U.S. delegation", "the shuttle's robot arm") or a name ("the United States")."""
    found: set[str] = set()
    said: set[str] = set()
    words = 0
    for place, token in enumerate(tokens):
        words += token.word
        if words > _OPENING_WORDS:
            break
        said.add(token.stem)
        if token.lowered != "the":
            continue
        phrase = []
        for word in tokens[place + 1 : place + 3]:
            if not word.word or word.stop or word.name or word.number is not None:
                break
            phrase.append(word)
        after = tokens[place + 1 + len(phrase)] if place + 1 + len(phrase) < len(tokens) else None
        if not phrase or phrase[0].lowered in _ONE_OF_A_KIND or phrase[0].lowered.endswith("est"):
            continue
        if after is not None and (after.lowered in _SAYS_WHICH or after.name or after.lowered in ("'s", "’s")):
            continue
        if phrase[-1].stem in before and phrase[-1].stem not in said:
            found.add(phrase[-1].stem)
    return frozenset(found)


# What a speaker does, after a bare plural that opens a sentence ("Regulators said ...").
_SAYS = frozenset(["said", "say", "says", "told", "added", "noted", "warned", "argued", "believe", "believed"])


def _bare_speakers(tokens: list[Token], before: frozenset[str]) -> frozenset[str]:
    """The stem of a bare plural that opens a sentence as its speaker ("Regulators said X's blue
    checkmark system ... breach the law's transparency requirements") when the sentences just
    before it (`before`) named them: the reader of the item alone does not know which."""
    if len(tokens) < 2 or tokens[1].lowered not in _SAYS:
        return frozenset()
    first = tokens[0]
    if first.word and first.lowered.endswith("s") and first.stem in before:
        return frozenset([first.stem])
    return frozenset()


def _spelled_out(raw: Sequence[str]) -> set[str]:
    """The acronyms a sentence gives in parentheses after what they stand for ("the United
    Kingdom Information Commissioner's Office (ICO)")."""
    return {
        word
        for before, word, after in zip(raw, raw[1:], raw[2:])
        if before == "(" and after == ")" and 2 <= len(word) <= 6 and word.isalpha() and word.isupper()
    }


def _acronyms_met(raw: Sequence[str], tokens: list[Token], spelled: set[str]) -> frozenset[str]:
    """The stems of the acronyms its article spelled out before that a sentence uses without
    spelling them out itself ("The ICO cited reports of the tool's use"): the reader of the item
    alone has not met them."""
    if not spelled:
        return frozenset()
    here = _spelled_out(raw)
    return frozenset(token.stem for word, token in zip(raw, tokens) if word in spelled and word not in here)


def _short_names(tokens: list[Token], names: set[str], surnames: set[str]) -> frozenset[str]:
    """The stems of the names the sentence gives by the last word alone that its article gave
    whole before ("Jaffrelot said" after "the political scientist Christophe Jaffrelot ..."):
    the reader of the item alone has not met them."""
    words = {name for name in names if " " not in name}
    if tokens and tokens[0].name:
        words.add(tokens[0].lowered)
    whole = {word for name in names if " " in name for word in name.split()}
    return frozenset(stem(word) for word in words & surnames - whole)
