"""Which articles are set aside as not English, and named: the cases a ratio of common English
words got wrong on real pages (a Portuguese page read as English, a sports round-up of names
and scores set aside), and texts too short or too odd to tell."""

from __future__ import annotations

from briefing.text.language import SAMPLE_WORDS, language_name, language_of
from briefing.text.segment import letter_runs, stop_words

# Portuguese whose short words ("a", "no", "as", "do"...) are English stop words as well.
PORTUGUESE = (
    "Viver uma verdadeira experiência amorosa é um dos maiores prazeres da vida. Gostar de alguém e ser "
    "correspondido é algo que nos faz sentir bem, mas o amor próprio é a base de tudo. Quem se ama não "
    "aceita qualquer coisa, sabe o seu valor e não se deixa levar por relações que fazem mal. Amar a si "
    "mesmo é o primeiro passo para amar o outro, e no fim as pessoas que se amam vivem melhor a vida."
)
# Names and scores, few common words: English all the same.
ROUNDUP = (
    "High School Roundup: Viera defeats Rockledge. Viera 3, Rockledge 1: Kayla Smith 12 kills, Jordan Lee "
    "9 digs, Emma Cruz 24 assists. Melbourne 2, Eau Gallie 0: Ava Brown 10 kills, Mia Davis 7 aces. Cocoa "
    "Beach 3, Titusville 2: Zoe Miller 15 kills, Lily Wilson 11 digs, Grace Moore 30 assists. Palm Bay 3, "
    "Bayside 1: Chloe Taylor 14 kills, Ella Anderson 8 blocks, Sofia Thomas 19 digs. Records: Viera 12-2, "
    "Melbourne 10-4, Cocoa Beach 9-5. Next: Viera at Satellite, Thursday 7 p.m."
)


def common_share(text: str) -> float:
    words = letter_runs(text.lower())
    return sum(word in stop_words() for word in words) / len(words)


def test_a_language_close_to_english_in_its_short_words_is_named() -> None:
    assert common_share(PORTUGUESE) >= 0.15  # the old rule's bar: it was read as English
    assert language_of(PORTUGUESE) == "pt" and language_name("pt") == "Portuguese"


def test_english_with_few_common_words_is_english() -> None:
    assert common_share(ROUNDUP) < 0.15  # the old rule set it aside
    assert language_of(ROUNDUP) is None


def test_short_or_odd_text_is_read_as_english_and_short_korean_is_not() -> None:
    assert language_of("Bolsonaro vence eleição") is None  # three words: too short to tell
    assert language_of("word " * 300) is None  # in no language: the model is sure of none
    assert language_of("") is None
    assert language_of("엘제이의 리벤지인가, 류화영의 코스프레인가") == "ko"  # another script tells at once
    assert language_name("ace") == "language 'ace'"


def test_an_article_is_placed_by_its_lead_the_words_grouping_reads() -> None:
    english = "The council said on Monday that the new bridge over the river would open in the spring. "
    lead = len(english.split())
    # An English article that quotes a long letter in Portuguese is still read, and summarized.
    assert language_of(english * (SAMPLE_WORDS // lead + 1) + PORTUGUESE * 40) is None
    # A Portuguese article with a long English appendix is set aside all the same.
    portuguese = PORTUGUESE * (SAMPLE_WORDS // len(PORTUGUESE.split()) + 1)
    assert language_of(portuguese + english * 200) == "pt"
