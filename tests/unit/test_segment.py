"""Sentence spans from the offline Punkt model, and the tokenizer sumy uses."""

from __future__ import annotations

import re

import punkt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.text.segment import (
    MULTI_CHAR,
    PUNKT_MULTI_CHAR,
    _model,
    _rules,
    cut_at_title,
    letter_runs,
    segment,
    tokenizer,
)

words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=12)
sentence = st.lists(words, min_size=1, max_size=12).map(" ".join).map(lambda s: s + st_end(s))


def st_end(text: str) -> str:
    return "." if text and text[-1].isalnum() else ""


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(sentence, st.sampled_from(["\n\n", "\n", "  ", "Mr. Smith.", "U.S. troops left."])), max_size=15
    ).map(" ".join)
)
def test_each_span_slices_the_text_to_its_sentence(text: str) -> None:
    sentences = segment(text)
    previous_end = 0
    for position, item in enumerate(sentences):
        assert item.index == position
        assert text[item.start : item.end] == item.text
        assert item.text == item.text.strip() and item.text
        assert item.start >= previous_end
        previous_end = item.end


def test_abbreviations_do_not_end_sentences() -> None:
    texts = [s.text for s in segment("Mr. Putin met U.S. officials on Jan. 10 in Geneva. They talked.")]
    assert texts == ["Mr. Putin met U.S. officials on Jan. 10 in Geneva.", "They talked."]


@pytest.mark.parametrize(
    "text",
    [
        "Republicans should forgive Texas Gov. Rick Perry's uneven debate performances, he said.",
        "The Rev. Royce Brown, the pastor of St. Mark's, spoke in a eulogy on Sunday.",
        "Lt. Col. Anna Reyes and Sgt. Tom Bell met Capt. Ahab at Mt. Everest and Ft. Worth.",
        "Sen. Bob Dole and Rep. Dick Armey met Gen. Wesley Clark before dawn.",
        "Mobil, the No. 2 U.S. oil company, gained 9 percent in Sept. trading.",
    ],
)
def test_titles_and_numbered_ranks_do_not_end_sentences(text: str) -> None:
    assert [s.text for s in segment(f"{text} Then the meeting ended.")] == [text, "Then the meeting ended."]


def test_an_unknown_consonant_abbreviation_does_not_end_a_sentence() -> None:
    texts = [
        s.text
        for s in segment(
            "The tribunal cleared Cmndr. Zejnil Delalic of all charges. It was born in Baltimore, Md. Then."
        )
    ]
    assert texts == [
        "The tribunal cleared Cmndr. Zejnil Delalic of all charges.",
        "It was born in Baltimore, Md.",
        "Then.",
    ]


def test_initials_end_a_sentence_only_before_one_that_starts_afresh() -> None:
    texts = [
        s.text
        for s in segment(
            "Indonesian President B.J. Habibie may stay away. The envoy met former U.S. Ambassador Peter Mandelson."
            " A court heard that the A.N.C. and other movements bombed towns. She lives in the U.S."
            " The family moved there in 2010."
        )
    ]
    assert texts == [
        "Indonesian President B.J. Habibie may stay away.",
        "The envoy met former U.S. Ambassador Peter Mandelson.",
        "A court heard that the A.N.C. and other movements bombed towns.",
        "She lives in the U.S.",
        "The family moved there in 2010.",
    ]


def test_i_e_and_e_g_never_end_a_sentence() -> None:
    texts = [
        s.text
        for s in segment(
            "The rule binds large firms, i.e. Those with 500 staff. Some fruits, e.g. Apples, are cheap."
            " It uses a cache (i.e. a store) for speed."
        )
    ]
    assert texts == [
        "The rule binds large firms, i.e. Those with 500 staff.",
        "Some fruits, e.g. Apples, are cheap.",
        "It uses a cache (i.e. a store) for speed.",
    ]


def test_no_ends_a_sentence_when_no_number_follows() -> None:
    texts = [s.text for s in segment("Asked whether he would run again, he said no. He left at noon.")]
    assert texts == ["Asked whether he would run again, he said no.", "He left at noon."]


def test_a_sentence_cut_at_a_title_is_known_as_one() -> None:
    assert cut_at_title("He says fellow Republicans should forgive Texas Gov.")
    assert not cut_at_title("The ruling party is led by strongman Hun Sen.")


@pytest.mark.parametrize(
    "dateline",
    [
        "KUALA LUMPUR, Malaysia (AP) - ",
        "WASHINGTON _ ",
        "(CNN) -- ",
        "WOODLAND HILLS >> ",
        "ST. LOUIS (AP) -- ",
        "Hong Kong (CNN Business)",
        "(CNN)",
        "[Capital FM] Nairobi -- ",
        "[Addis Standard] Addis Abeba -- ",
        "[allAfrica] ",
    ],
)
def test_a_leading_dateline_is_in_no_sentence(dateline: str) -> None:
    text = f"{dateline}Anwar Ibrahim was arrested on Sunday.\n\n{dateline}The police said so."
    sentences = segment(text)
    assert [s.text for s in sentences] == ["Anwar Ibrahim was arrested on Sunday.", "The police said so."]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_capitals_and_a_dash_inside_a_sentence_are_no_dateline() -> None:
    texts = [
        "NATO -- the alliance -- met on Monday.",
        "U.S. - Russia talks began.",
        "Ford (the carmaker) Recalled cars.",
        "It rained. PARIS - Cold.",
        "[sic] was in the letter.",
    ]
    assert [s.text for t in texts for s in segment(t)] == [*texts[:3], "It rained.", "PARIS - Cold.", texts[-1]]


def test_no_sentence_crosses_a_paragraph_break() -> None:
    texts = [s.text for s in segment("A heading without a stop\n\nThe body starts here.")]
    assert texts == ["A heading without a stop", "The body starts here."]


def test_tokenizer_is_what_sumy_expects() -> None:
    words = tokenizer()
    assert words.language == "english"
    assert words.to_sentences("One here. Two there.") == ("One here.", "Two there.")
    assert words.to_words("Russia's 100,000 troops can't wait.") == ("Russia", "troops", "ca", "n't", "wait")


# Dots, hyphens and the whitespace `\s` takes (Unicode spaces and separators too), in runs, with
# words and sentence ends around them: what Punkt's ellipsis and dash pattern looks at.
PUNCTUATED = st.lists(st.sampled_from([".", ". ", "-", "--", " ", "\n", "\u00a0", "\x85", "a", "!"]), max_size=20)


@settings(max_examples=400, deadline=None)
@given(PUNCTUATED.map("".join))
def test_multi_char_pattern_matches_where_punkts_does(text: str) -> None:
    ours, theirs = re.compile(MULTI_CHAR), re.compile(PUNKT_MULTI_CHAR)
    assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["Mr.", "U.S.", "Wait", "...", ". . .", "--", "-", "it", "Yes", ".", "!", " ", "\n"])).map(
        " ".join
    )
)
def test_sentences_are_punkts_with_its_default_rules(text: str) -> None:
    model = _model()
    ours = punkt.PunktSentenceTokenizer(model, rules=_rules())
    assert list(ours.span_tokenize(text)) == list(punkt.PunktSentenceTokenizer(model).span_tokenize(text))


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(alphabet=st.characters(max_codepoint=127)), st.text()))
def test_letter_runs_are_the_regexs_matches(text: str) -> None:
    assert letter_runs(text) == re.findall(r"[^\W\d_]+", text)


def test_a_typographic_apostrophe_in_a_word_is_read_as_a_straight_one() -> None:
    """Web pages write "won’t": read as "won", "’", "t", the verb "won" matched an election's."""
    words = tokenizer().to_tokens
    assert words("Russia won’t join, Peru’s Congress said.") == words("Russia won't join, Peru's Congress said.")
    assert "won" not in tokenizer().to_words("Russia won’t join.")
    assert words("the ‘moment of crisis’ came") == ("the", "‘", "moment", "of", "crisis", "’", "came")
