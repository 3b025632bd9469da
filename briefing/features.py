"""What each sentence is made of: content stems, concepts, names, numbers, position, form.

Computed once per sentence and shared by scoring, grouping, selection and key terms, so the
tokenizer and stemmer run once per sentence and once per distinct word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.models import Article
from briefing.segment import WORD, stem, stop_words, tokenizer

_NUMBER = re.compile(r"^\d[\d,.:]*$")
# Spelled-out numbers, as style guides and synonym spinners write them ("Jan. ten").
_NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
        " sixteen seventeen eighteen nineteen twenty".split()
    )
}

_REFERRING = frozenset("these those such".split())
_OPENERS = frozenset("he she it they this that these those his her its their but and also however".split())


@dataclass(frozen=True, slots=True)
class SentenceFeatures:
    """One sentence as the summarizer sees it."""

    article: int
    index: int
    words: int
    stems: tuple[str, ...]
    forms: tuple[str, ...]
    concepts: frozenset[tuple[str, str]]
    names: frozenset[str]
    numbers: frozenset[str]
    position: float
    form: float


def _names(tokens: list[str], stops: frozenset[str]) -> set[str]:
    """Capitalised word sequences after the first word: people, places, organisations."""
    names: set[str] = set()
    run: list[str] = []
    for position, token in enumerate([*tokens, "."]):
        lowered = token.lower()
        if position > 0 and token[:1].isupper() and lowered not in stops and WORD.match(token):
            run.append(lowered)
            continue
        if run:
            names.add(" ".join(run))
        run = []
    return names


def _form(text: str, tokens: list[str]) -> float:
    """How well-formed a sentence reads alone: 1 for a plain complete statement, less otherwise.

    Fragments of quotes, questions, and sentences that open with a pronoun or a connective
    (whose meaning depends on the sentence before) make poor briefing lines.
    """
    score = 1.0
    first = text.lstrip("“\"‘'(")
    if not first[:1].isupper() and not first[:1].isdigit():
        score -= 0.5
    if not re.search(r"[.!][”\"’)]?$", text):
        score -= 0.3
    if text[:1] in "“\"‘":
        score -= 0.3
    if text.count("“") != text.count("”") or text.count('"') % 2:
        score -= 0.3
    if tokens and tokens[0].lower() in _OPENERS:
        score -= 0.2
    elif any(token.lower() in _REFERRING for token in tokens[1:4]):
        score -= 0.2
    return max(score, 0.0)


def sentence_features(articles: tuple[Article, ...]) -> list[SentenceFeatures]:
    """Features of every sentence of every article, in article then sentence order."""
    tokenize = tokenizer().to_tokens
    stops = stop_words()
    features: list[SentenceFeatures] = []
    for article_index, article in enumerate(articles):
        count = max(len(article.sentences), 1)
        for sentence in article.sentences:
            tokens = tokenize(sentence.text)
            words = [token for token in tokens if WORD.match(token)]
            stemmed = [stem(word) for word in words]
            lowered = [word.lower() for word in words]
            content = [(s, w) for s, w, l in zip(stemmed, words, lowered) if l not in stops]
            concepts = frozenset(
                (a, b)
                for (a, wa), (b, wb) in zip(zip(stemmed, lowered), zip(stemmed[1:], lowered[1:]))
                if not (wa in stops and wb in stops)
            )
            features.append(
                SentenceFeatures(
                    article=article_index,
                    index=sentence.index,
                    words=len(words),
                    stems=tuple(s for s, _ in content),
                    forms=tuple(w for _, w in content),
                    concepts=concepts,
                    names=frozenset(_names(tokens, stops)),
                    numbers=frozenset(
                        t.replace(",", "") if _NUMBER.match(t) else _NUMBER_WORDS[t.lower()]
                        for t in tokens
                        if _NUMBER.match(t) or t.lower() in _NUMBER_WORDS
                    ),
                    position=sentence.index / count,
                    form=_form(sentence.text, tokens),
                )
            )
    return features
