"""Whether an article is in English, and if not, which language it is in.

The summarizer reads English (its stop words, stemmer and sentence splitter are English): a
Korean page summarized as English made a Korean section and "Key terms: Ukraine, 엘제이의".
Such an article is set aside, with a line naming its language.

Two steps. Common English words make up a quarter or more of any English article; where they
do, the text is English and nothing more is asked. Where they do not, py3langid (langid.py's
model, shipped in the package: no download) names the language. Measured on the 181 real pages
of the article-extraction set (20 not in English): the stop-word ratio alone (below 0.15: not
English) missed 4 of the 20 (Italian and Portuguese pages run 0.15 to 0.19) and set aside an
English sports round-up (0.085); with the model asked below 0.25 every page is placed right,
and 159 of the 161 English pages never load it (unpacked once into the user's cache, `language_model`).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

from briefing.models import LEAD_WORDS
from briefing.text.forms import leading_words
from briefing.text.segment import letter_runs, stop_words

SURELY_ENGLISH = 0.25  # no page in another language reaches it (0.19 at most); 159 of 161 English pages do
MIN_WORDS = 30  # fewer words than this in Latin letters: too short to tell, read as English
# Words read: the lead, as many as grouping reads of an article (`briefing.models.LEAD_WORDS`).
# Enough to tell: on the 2,980 articles of the 100 shared feeds (123 not in English), DUC
# 2004's 500 and the 181 extraction pages (20) every article is placed as on its first 20,000
# characters, which cost the feeds' articles 1.1 s of CPU against 0.35 s (the model's load aside).
SAMPLE_WORDS = LEAD_WORDS
# How sure the model must be (its probabilities normalised over its 142 languages) to set an
# article aside: the pages in other languages score 0.80 to 1.00, while text that is in no
# language (a word repeated, a list of names) scores low for every one ("word word..." 0.27).
SURE = 0.5

NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "az": "Azerbaijani", "be": "Belarusian", "bg": "Bulgarian",
    "bn": "Bengali", "bs": "Bosnian", "ca": "Catalan", "cs": "Czech", "cy": "Welsh", "da": "Danish",
    "de": "German", "el": "Greek", "eo": "Esperanto", "es": "Spanish", "et": "Estonian", "eu": "Basque",
    "fa": "Persian", "fi": "Finnish", "fr": "French", "ga": "Irish", "gl": "Galician", "gu": "Gujarati",
    "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "hy": "Armenian",
    "id": "Indonesian", "is": "Icelandic", "it": "Italian", "ja": "Japanese", "ka": "Georgian",
    "kk": "Kazakh", "km": "Khmer", "kn": "Kannada", "ko": "Korean", "ku": "Kurdish", "la": "Latin",
    "lb": "Luxembourgish", "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian", "ml": "Malayalam",
    "mn": "Mongolian", "mr": "Marathi", "ms": "Malay", "mt": "Maltese", "my": "Burmese", "ne": "Nepali",
    "nl": "Dutch", "nn": "Norwegian", "no": "Norwegian", "pa": "Punjabi", "pl": "Polish", "ps": "Pashto",
    "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "si": "Sinhala", "sk": "Slovak",
    "sl": "Slovenian", "sq": "Albanian", "sr": "Serbian", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil",
    "te": "Telugu", "th": "Thai", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu",
    "uz": "Uzbek", "vi": "Vietnamese", "yue": "Cantonese", "zh": "Chinese",
}  # fmt: skip
# Codes the model gives that are no other language: English-based pidgin (short English news
# gets it), and "no language" (numbers, tables).
ENGLISH_LIKE = frozenset({"en", "pcm", "zxx"})


def language_of(text: str) -> str | None:
    """The ISO 639 code of the language `text` is in, when it is not English; None for English,
    or for a text too short or too odd to tell."""
    sample = leading_words(text, SAMPLE_WORDS)[0]
    words = letter_runs(sample.lower())
    if not words:
        return None
    common = stop_words()
    if sum(map(common.__contains__, words)) / len(words) >= SURELY_ENGLISH:
        return None
    if len(words) < MIN_WORDS and not _mostly_other_scripts(words):
        return None
    code, probability = _identifier().classify(sample)
    if code in ENGLISH_LIKE or probability < SURE:
        return None
    return str(code)


def language_name(code: str) -> str:
    """ "Korean" for "ko"; a code without a name here is shown as it is ("language 'ace'")."""
    return NAMES.get(code, f"language {code!r}")


def _mostly_other_scripts(words: list[str]) -> bool:
    """Whether most letters are not Latin (Hangul, Cyrillic, kana...): a short text is telling then."""
    letters = "".join(words)
    latin = sum("LATIN" in unicodedata.name(char, "") for char in letters)
    return latin < len(letters) / 2


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's model, loaded once per process and only by a run with a doubtful article:
    unpacked the first time (half a second), mapped from the user's cache after."""
    from briefing.text.language_model import load_identifier

    return load_identifier()
