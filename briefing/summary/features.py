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
from briefing.text.lexicon import (
    BACK_NOUNS,
    CONTRASTS,
    EVENT_VERBS,
    FEW,
    HEDGES,
    MODALS,
    MONTH_ABBREVIATIONS,
    MONTH_PATTERN,
    MONTHS,
    NAME_PARTICLES,
    NUMBER_WORDS,
    OPENERS,
    PERSONAL,
    POINTERS,
    REFERRING,
)
from briefing.text.rules import is_junk
from briefing.text.segment import WORD, cut_at_title, stem, stop_words, tokenizer, unaccented

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


_ENDS_STATEMENT = re.compile(r"[.!][”\"’'»)]?$")
_ASKS = re.compile(r"\?[”\"’'»)]?$")
# A sentence that trails off: a feed's teaser cut at its length limit ("...ahead of elections
# in April,…"), or a quote left hanging. Never a briefing line. (On 100 real feeds, 103
# entries end so; in DUC 2004's 500 articles, no sentence does.)
_TRAILS_OFF = re.compile(r"(?:…|\.\.\.)[”\"’)]?$")
# An entry of a timeline: a year or a day, a label, a colon, then what happened without saying
# to whom ("1948 Mideast war: Fights as junior officer, wounded three times.", "Oct. 9, 1998:
# Netanyahu appoints him foreign minister"). On the DUC 2004 articles, 12 sentences, all of one
# profile of Ariel Sharon; one was an item.
_TIMELINE = re.compile(
    rf"(?:\d{{4}}(?:[-–/]\d{{2,4}})?|{MONTH_PATTERN} \d{{1,2}}(?:, \d{{4}})?)"
    r"\b[^.:;]{0,50}:\s"
)


# A sentence that points ahead to what follows ("Here is a look at where the medal count
# stands ...", "Here's what to know:", "Here's how it works."): it tells nothing by itself.
# On the 100 real feeds 105 sentences open so, on the 181 saved pages 10, in DUC 2004 none.
_POINTS_AHEAD = re.compile(r"here(?:'s|’s| is| are) (?:a look|what|how|why|where|everything|the latest)\b", re.I)


# A sentence that ends saying someone gave no comment ("Aides to Netanyahu were not
# immediately available for comment.", "(Meta did not respond to a request for comment.)"):
# no news, though reporters write one in most stories. In DUC 2004, 16 sentences; on the 181
# saved pages 7; in the 100 real feeds 12. One ", but said ..." after it is news, and stays.
_NO_COMMENT = re.compile(
    r"\b(?:(?:was|were|is|are|could|would) not (?:be )?(?:immediately )?(?:available|reached) for comment"
    r"|declined (?:to|further) comment|did not (?:immediately )?(?:respond|reply) to (?:a |an )?"
    r"(?:requests?|e-?mails?|messages?|calls?) for comment|had no (?:immediate )?comment)\b[^,;]*$"
)


def _form(text: str, tokens: list[Token], punctuated: bool = True) -> float:
    """How well-formed a sentence reads alone: 1 for a plain complete statement, less otherwise.

    Fragments of quotes, questions, and sentences that open with a pronoun or a connective
    (whose meaning depends on the sentence before) make poor briefing lines; a sentence cut
    at a title abbreviation or trailing off is a fragment, and page furniture (a caption, a
    byline) is no news: both score 0.
    """
    if cut_at_title(text) or is_junk(text) or _TRAILS_OFF.search(text[-4:]):
        return 0.0
    score = 1.0
    first = text.lstrip("“\"‘'(")
    if not first[:1].isupper() and not first[:1].isdigit():
        score -= 0.5
    # In an article that ends its sentences, a line that ends no statement (a heading, a list
    # entry, a line broken mid-sentence, a question) is never an item: on the 181 saved pages,
    # 38 such lines were items. A feed's teaser that ends none of its sentences reads less
    # well, but is the news; unless it asks a question ("How did Epstein amass such great
    # wealth?" led a section of the 100 real feeds): a question tells nothing.
    if not _ENDS_STATEMENT.search(text[-3:]):  # a match ends the text or its final newline
        score -= 0.6 if punctuated or _ASKS.search(text[-3:]) else 0.3
    if _TIMELINE.match(text) or _POINTS_AHEAD.match(first) or ("comment" in text and _NO_COMMENT.search(text)):
        score -= 0.6
    if text[:1] in '“"‘':
        score -= 0.3
    if text.count("“") != text.count("”") or text.count('"') % 2:
        score -= 0.3
    # A sentence that leans on the one before it (a pronoun or connective opening, "here",
    # "that November") is no item: its reader never saw the sentence before. At 0.2 less, 13
    # of the 400 items of DUC 2004's 50 sections (8 items each) leaned back; at 0.6 less (no
    # longer eligible, `quality.eligible`), 5; ROUGE at 665 bytes 39.80/10.41 -> 39.74/10.38.
    if (tokens and tokens[0].lowered in OPENERS) or _points_back(tokens) or _points_to_place_or_time(text):
        score -= 0.6
    # A whole sentence in quotation marks names no speaker: who is "we"?
    elif text[:1] in '“"' and text.rstrip()[-1:] in '”"' and text.count("“") + text.count('"') <= 2:
        score -= 0.3
    return max(score, 0.0)


# "here" and "there" as places, and days pointed back to ("that November", "the next day"),
# early in a sentence and outside quotation marks: the place of a dateline cleaning removed
# ("Egyptian President Hosni Mubarak met here Sunday"), the day of the sentence before.
_PLACE_OR_TIME = re.compile(
    r"\b(?:here|there)\b(?! (?:is|are|was|were|has|have|had|will|would|may|might|could|should|must|can|be|being|seems?|appears?|remains?|used)\b)(?!['’]s)"
    r"|\b(?:that|the same|the following|the next|the previous|later that|earlier that) (?:day|night|morning|afternoon"
    rf"|evening|week|weekend|month|year|spring|summer|autumn|fall|winter|{MONTH_PATTERN}|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b",
    re.IGNORECASE,
)
_OPENING = 60  # characters: where a sentence sets its place and time


# A quotation put in a pronoun's mouth ('"We hope to make clear ...," he said.'): the speaker
# was named in a sentence before.
_UNNAMED_SPEAKER = re.compile(r"[,.!?][”\"]\s*(?:he|she|they) (?:said|says|added|told|wrote)\b")


def _points_to_place_or_time(text: str) -> bool:
    """Whether a sentence points to a place, day or speaker it does not name: at its opening,
    or a quotation's speaker."""
    if ("”" in text or '"' in text) and _UNNAMED_SPEAKER.search(text):
        return True
    opening = text[:_OPENING]
    if not _PLACE_OR_TIME.search(opening):
        return False
    return _PLACE_OR_TIME.search(_QUOTED.sub(" ", opening)) is not None


def _pronoun_before_name(tokens: list[Token]) -> bool:
    """Whether a personal pronoun comes early, before any name it could stand for ("After a
    three-month impasse, they agreed ...", "The authorities also say he may ...")."""
    for token in tokens[1:]:
        if token.name:
            return False
        if token.lowered in PERSONAL:
            return True
    return False


def _points_back(tokens: list[Token]) -> bool:
    """Whether a sentence leans on the one before: a personal pronoun early on before any name,
    "such" or "these" early on, an opening phrase built on "that" or "this" ("To that end,",
    "After this,"), a contrast set off early ("In Brussels, however,"), "the latter" or "the
    other", a pronoun "one would", or a counted reference near the start ("the two leaders",
    "the 3 companies") to people named earlier."""
    words = [token.lowered for token in tokens[:9]]  # the rules look no further
    if _pronoun_before_name(tokens[:9]):
        return True
    if not REFERRING.isdisjoint(words[1:4]):
        return True
    if (
        "," in words[1:7]
        and not CONTRASTS.isdisjoint(words[2:8])
        and any(word in CONTRASTS and words[i] == "," for i, word in enumerate(words[2:8], start=1))
    ):
        return True
    if words[:1] == ["the"] and words[1:2] and words[1] in BACK_NOUNS:
        return True
    if words[:1] == ["one"] and words[1:2] and words[1] in MODALS:
        return True
    if "," in words[1:5] and not POINTERS.isdisjoint(words[: words.index(",")]):
        return True
    # Set tests first: most sentences have no "the" before a small number.
    return (
        "the" in words
        and not FEW.isdisjoint(words)
        and any(first == "the" and second in FEW for first, second in pairwise(words))
    )


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
        punctuated = any(_ENDS_STATEMENT.search(sentence.text[-3:]) for sentence in article.sentences)
        for sentence in article.sentences:
            raw = tokenize(sentence.text)
            tokens = list(map(_token, raw))
            words = [t for t in tokens if t.word]
            content = [t for t in words if not t.stop]
            names = _names(tokens)
            numbers = frozenset(t.number for t in tokens if t.number is not None)
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
                    form=_form(sentence.text, tokens, punctuated),
                    anchors=frozenset(word for name in names for word in anchor_words(name)) | numbers,
                    lead=_lead(tokens),
                    figures=_figures(raw, tokens) if numbers else (),
                    event=_reports_event(sentence.text, words),
                    clause=_opening_clause(raw, tokens),
                    quoted=_quoted_runs(sentence.text),
                    name_tails=_name_tails(words),
                )
            )
    return features


def _name_tails(words: list[Token]) -> frozenset[tuple[str, str]]:
    """The pairs of a run of three or more capitalised words after the run's first pair."""
    return frozenset(
        (words[i].stem, words[i + 1].stem)
        for i in range(1, len(words) - 1)
        if words[i - 1].name and words[i].name and words[i + 1].name
    )
