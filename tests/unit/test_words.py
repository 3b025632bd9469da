"""Our word tokenizer gives exactly NLTK's tokens, only faster."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.tokenize import NLTKWordTokenizer

from briefing.text.words import WordTokenizer, _plain

NLTK = NLTKWordTokenizer()
OURS = WordTokenizer()

# Characters NLTK's rules treat specially, plus letters, digits, spaces and non-ASCII that
# `re` folds case for specially (Kelvin sign, long s, dotted I).
TRICKY = "abcnotgimewlsdy'\"`’‘“”«»„.,:;?!()[]{}<>-–—*@#$%&1 \n\tKſİ"
# Runs shaped like what the rules look for: a word, a contraction or quote, a separator.
RUN = st.tuples(
    st.sampled_from(["a", "you", "I", "can", "gon", "", "'t", "1"]),
    st.sampled_from(
        [
            "'re",
            "'RE",
            "'ll",
            "'LL",
            "'ve",
            "'VE",
            "n't",
            "N'T",
            "'s",
            "'S",
            "'m",
            "'M",
            "'d",
            "'D",
            "'",
            "not",
            "na",
            "is",
            "was",
            "",
        ]
    ),
    st.sampled_from([" ", ".", ",", ":", '"', "``", "''", "..", "--", "“", "”", "?", "!", "' ", ""]),
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=TRICKY, max_size=60))
def test_tokens_equal_nltk_on_arbitrary_text(text: str) -> None:
    assert OURS.tokenize(text) == NLTK.tokenize(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(RUN, max_size=6).map("".join))
def test_tokens_equal_nltk_around_contractions_and_quotes(text: str) -> None:
    assert OURS.tokenize(text) == NLTK.tokenize(text)


@pytest.mark.parametrize("word", WordTokenizer.CONTRACTIONS2[0].words)
@pytest.mark.parametrize("case", [str.lower, str.upper, str.title])
def test_contractions_split_as_nltk_splits_them(word: str, case) -> None:
    text = f"I said{case(word)} it, “{case(word.strip())}” and {case(word.strip())}."
    assert OURS.tokenize(text) == NLTK.tokenize(text)
    assert OURS.tokenize(f"x {case(word.strip())} y") != f"x {case(word.strip())} y".split()


def _rules(tokenizer: NLTKWordTokenizer) -> list[tuple[object, str]]:
    return [
        *tokenizer.STARTING_QUOTES,
        *tokenizer.PUNCTUATION,
        tokenizer.PARENS_BRACKETS,
        tokenizer.DOUBLE_DASHES,
        *tokenizer.ENDING_QUOTES,
    ]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=TRICKY + "»”’ \u00a0\u2003\x1c\x85", max_size=40))
def test_each_rule_substitutes_as_nltk_rule_does_anywhere_in_the_pipeline(text: str) -> None:
    """Rules gated, run on the text's tail or by str.split(), with their templates as functions,
    equal NLTK's patterns and templates on `re` for any text, not only for text the earlier
    rules have shaped. (On `re`, as all our rules run: NLTK's engine, `regex`, takes
    \\x1c-\\x1f for no whitespace; cleaning leaves none.)"""
    for (ours, replacement), (theirs, template) in zip(_rules(OURS), _rules(NLTK), strict=True):
        assert ours.sub(replacement, text) == _plain(theirs).sub(template, text)


def test_real_sentences_match_nltk() -> None:
    sentences = [
        "Good muffins cost $3.88 (roughly 3,36 euros)\nin New York.  Please buy me\ntwo of them.\nThanks.",
        "“I can't,” she said -- 'twas the U.S. team's 2nd loss... Wasn't it?",
        "Gimme the cannot-do list; it's gonna be 10:30, right?' He'd say: [yes] {no} <maybe>",
    ]
    for sentence in sentences:
        assert OURS.tokenize(sentence) == NLTK.tokenize(sentence)
