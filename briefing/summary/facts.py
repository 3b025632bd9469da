"""Whether two sentences state the same fact: the one decision grouping and selection share.

Articles about one story repeat facts in different words: spun synonyms ("navy buildup" for
"military buildup"), translations, reordered clauses. Two signals say that two sentences
report one fact: their words agree (the cosine of TF-IDF vectors over content stems, with the
facts least likely to be reworded, numbers and names, counted double), or they name the same
who, when and where however the rest is worded (nearly all of their fact words shared).
Grouping uses the similarity to gather a fact's sentences, selection uses the decision to keep
a second wording of a chosen fact out of the briefing; both ask this module, so the two can
never disagree about what "the same fact" is.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Literal

from briefing.summary.features import SentenceFeatures, anchor_words
from briefing.summary.scipy_sparse import sparse
from briefing.summary.vectors import SparseRows, count_matrix, similar_pairs, unit_tfidf
from briefing.text.lexicon import CALENDAR_WORDS, HAPPENINGS
from briefing.text.segment import stem

# The tests that can make two sentences one fact (`SameFact.test`).
SameFactTest = Literal["cosine", "clause", "event", "quote"]

# Numbers and names survive paraphrase and translation, so they count more than a single word.
_FACT_WEIGHT = 1.0
# Sentences this close (relative to the threshold) are looked at as possible paraphrases.
_NEIGHBOUR_FACTOR = 0.75
# The same who, when and where: at least this many things named in common (a name of many
# words is one: "King Norodom Sihanouk", "Hun Sen" and "2" are three, though six words), and
# this share of the fact words of the sentence with fewer. Counted by word, "parties have asked
# King Norodom Sihanouk to host a summit ... two opposition groups and Hun Sen's party" was one
# fact with "King Norodom Sihanouk on Tuesday praised agreements by Cambodia's top two political
# parties ... led by strongman Hun Sen". Of the 19 DUC 2004 supports this rule alone gave
# (cosine below the threshold), counting things drops 5 (3 of another fact, 2 borderline) and
# keeps the 9 of one fact; Sam Rainsy's letter to the king (four things) stays, wrongly.
_EVENT_WORDS = 4
_EVENT_SHARE = 0.8
# With fewer than six fact words shared, their other words must agree this much too (relative
# to the threshold): the same person, place and day doing different things is two events of
# one story. On 50 hand-judged DUC 2004 pairs the rule linked, 60% stated one fact; with this
# floor 77% do and 77% of the true links remain. Six shared (two people, a place, a day) are
# enough alone: spinners and translators keep them while changing every other word.
_EVENT_FLOOR = 0.6
_SURE_EVENT_WORDS = 6
# Two sentences quoting the same run of words (`features.QUOTE_RUN`) may report one statement
# (`SameFact._same_quote`). On DUC 2004 the rule links 11 pairs the others do not: 6 are one
# statement, 2 borderline (one speaker, two points of one speech), 3 not (a book's title, a
# slogan); ROUGE is unchanged. On the 100 real feeds it makes Araghchi's "set of guiding
# principles", reported by three outlets, one item instead of two.
# Two opening clauses state one fact when at least this many content stems, and this share of
# the stems of both, agree. On DUC 2004 the rule links 5 pairs the others do not (4 of them
# one fact); on the 100 real feeds it makes the three reports of Peru's impeachment one fact.
_CLAUSE_WORDS = 5
_CLAUSE_SHARE = 0.6
# Or one opening clause told nearly whole inside another's longer one ("Peru's Congress voted to
# impeach President José Jerí, four months after ..." and "Congress voted to impeach interim
# President Jose Jeri over secret meetings with Chinese businessmen ..."): at least
# `_CLAUSE_THINGS` things in common, a name of many words counted once, and `_CLAUSE_HELD` of the
# shorter clause's. Names counted a word each, "The delegation will travel to Kuala Lumpur for the
# Asia-Pacific Economic Cooperation forum" was one fact with a summit's agenda there. On the 100
# real feeds the Peru section's item is backed by 3 of its 5 outlets (was 1), the rest of the
# briefing the same; DUC 2004 at 665 bytes 39.49/10.30 -> 39.53/10.32 (odd half 39.34/9.67
# -> 39.42/9.70, where 0.6 gave 39.25/9.62; even half the same); its 8-item sections gain 5 supports of
# the item's fact (one borderline) and lose 5 with the items they backed.
_CLAUSE_HELD = 0.75
_CLAUSE_THINGS = 4
# A sentence restates another when this share of its content stems and anchors (at least this
# many) are the other's (`SameFact.restates`), unless one of the two denies ("not", "no"...).
_RESTATED_WORDS = 3
_RESTATED_SHARE = 0.6
# Two sentences that share names and no other word state one fact only if one of them says
# little besides the names (fewer than this many other content stems): a list of members.
_OWN_SAY = 2
_NEGATIONS = frozenset(["not", "no", "never", "n't", "none", "nobody", "nothing", "neither", "nor", "without"])


# Names or numbers two tellings of one happening share (`SameFact.same_happening`): two, or
# one and the day. One alone ("Russia") is every happening of a story: "a top banker was
# killed last week" is not "a liberal lawmaker ... was killed Friday in St. Petersburg".
_HAPPENING_NAMES = 2
_KINDS = {phrase: kind for kind, phrases in HAPPENINGS.items() for phrase in phrases}


def _happenings(feature: SentenceFeatures) -> frozenset[str]:
    """The kinds of happening a sentence tells, by its words and two-word phrases."""
    words = [token.lowered for token in feature.tokens]
    found = {_KINDS[word] for word in words if word in _KINDS}
    found.update(_KINDS[pair] for pair in map(" ".join, pairwise(words)) if pair in _KINDS)
    return frozenset(found)


def _entities(feature: SentenceFeatures) -> dict[str, str]:
    """Each word of the sentence's names, mapped to its name: the words of one name count once."""
    return {word: name for name in sorted(feature.names) for word in anchor_words(name) if not _is_when(word)}


def _count_named(words: frozenset[str], entities: dict[str, str]) -> int:
    """How many things `words` name: a name's words are one, a day or number each its own."""
    return len({entities.get(word, word) for word in words})


def _is_when(word: str) -> bool:
    """A day, a month or a number: what pins a fact to one event."""
    return word in CALENDAR_WORDS or word[:1].isdigit()


def term_matrix(features: Sequence[SentenceFeatures], anchors: Sequence[frozenset[str]]) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows, one per sentence, over stems and anchor words."""
    # Sorted, so that float sums never depend on set order (the hash seed).
    ordered = [sorted(words) for words in anchors]
    facts = [[f"@{word}" for word in words] for words in ordered]
    weights = [_anchor_weights(f, words) for f, words in zip(features, ordered)]
    # A name counts once, as an anchor: as a stem too, a long name shared by two sentences
    # about different things ("President Fernando Henrique Cardoso") outweighs their words.
    words = [_unnamed(f.stems, named) for f, named in zip(features, anchors)]
    counts = sparse.hstack([count_matrix(words), _FACT_WEIGHT * count_matrix(facts, weights)], format="csr")
    return unit_tfidf(counts)


def _anchor_weights(feature: SentenceFeatures, words: list[str]) -> list[float]:
    """Each anchor word's weight: a name of n words counts once, 1/sqrt(n) a word.

    A fully shared name then adds to the dot product what a one-word name adds. Counted a
    word each, a long name ("Asia Pacific Economic Cooperation") shared by two sentences about
    different things made them one fact: on the 500 DUC 2004 articles read as a day, "Estrada
    said he was considering not going to the Asia-Pacific Economic Cooperation forum" was
    backed by "He also said there is no connection between Anwar's case and the summit of the
    Asia Pacific Economic Cooperation forum", from another story. There, 17 items' support
    changed: of 14 sentences dropped, 11 stated another fact; of 8 added, 4 stated the item's.
    """
    weight = dict.fromkeys(words, 1.0)
    lead = [word for word in feature.lead if word in weight]
    for group in (*map(anchor_words, feature.names), lead):
        for word in group:
            if word in weight:
                weight[word] = min(weight[word], len(group) ** -0.5)
    return [weight[word] for word in words]


def _unnamed(stems: tuple[str, ...], named: frozenset[str]) -> list[str]:
    """The stems that are no anchor word's stem."""
    anchored = {stem(word) for word in named}
    return [s for s in stems if s not in anchored]


def story_anchors(features: Sequence[SentenceFeatures]) -> list[frozenset[str]]:
    """Each sentence's anchor words, its opening capitalised words among them when the story
    writes them capitalised inside a sentence too ("Putin requested ..." opens with a name,
    "Officials said ..." does not): co-occurrence in the story tells names from other words."""
    known = {word for f in features for word in f.anchors}
    return [f.anchors | {word for word in f.lead if word in known} for f in features]


class SameFact:
    """The same-fact relation over one story's sentences (indices into its feature list)."""

    def __init__(
        self, features: Sequence[SentenceFeatures], threshold: float, own_words: Sequence[bool] | None = None
    ) -> None:
        """`own_words` says, per article, whether it is in its outlet's own words (`wording`)."""
        self.threshold = threshold
        self._facts = story_anchors(features)
        self._entities = [_entities(f) for f in features]
        self._named_stems = [{stem(word): name for word, name in named.items()} for named in self._entities]
        self._spun = [not own_words[f.article] for f in features] if own_words is not None else None
        self._article = [f.article for f in features]
        self._clauses = [f.clause for f in features]
        self._quoted = [f.quoted for f in features]
        # The sentences quoting each run of words, so that only they are tested as quoting alike.
        self._quoting: dict[tuple[str, ...], list[int]] = {}
        for index, runs in enumerate(self._quoted):
            for run in runs:
                self._quoting.setdefault(run, []).append(index)
        self.vectors = SparseRows(term_matrix(features, self._facts))
        self._words = [frozenset(f.stems) | anchors for f, anchors in zip(features, self._facts)]
        self._said = [frozenset(_unnamed(f.stems, anchors)) for f, anchors in zip(features, self._facts)]
        self._negated = [not _NEGATIONS.isdisjoint(t.lowered for t in f.tokens) for f in features]
        self._kinds = [_happenings(f) for f in features]
        self._near = SparseRows(similar_pairs(self.vectors.matrix, threshold * _NEIGHBOUR_FACTOR))
        # The sentences holding each day, month or number: two reports of one event share one,
        # so only those pairs are tested (a name shared by every sentence would make it n²).
        self._holding: dict[str, list[int]] = {}
        self._candidates: dict[int, tuple[int, ...]] = {}
        for index, words in enumerate(self._facts):
            for word in words:
                if _is_when(word):
                    self._holding.setdefault(word, []).append(index)

    def _same_event(self, a: int, b: int) -> bool:
        """Whether two sentences name the same who, when and where, however they are worded.

        Spinners and translators change the verbs and nouns of a sentence but not its names,
        days and numbers: when nearly all of one sentence's fact words appear in the other
        (at least four of them, a day, month or number among them; below six, some of their
        other words must agree too), the two report the same event. Names alone are not
        enough: a story's sentences share its people and places.
        """
        first, second = self._facts[a], self._facts[b]
        shared = first & second
        if not (
            len(shared) >= _EVENT_WORDS
            and len(shared) >= _EVENT_SHARE * min(len(first), len(second))
            and any(_is_when(word) for word in shared)
        ):
            return False
        # As many things named, not only words: "King Norodom Sihanouk", "Hun Sen" and "2" are
        # three, though six words. Unless a spinner reworded one of the two: then every word of
        # the names is what is left of the sentence's own ("Deputy Secretary of State Wendy
        # Sherman will lead the US delegation in the talks, which will take place on January 10"
        # and "... talks will just take area very first on Jan. ten ... led on the U.S. side by
        # Deputy Secretary of State Wendy Sherman").
        if self._spun is not None and (self._spun[a] or self._spun[b]):
            named = len(shared)
        else:
            named = min(_count_named(shared, self._entities[a]), _count_named(shared, self._entities[b]))
        return named >= _EVENT_WORDS and (
            len(shared) >= _SURE_EVENT_WORDS or self._cosine(a, b) >= self.threshold * _EVENT_FLOOR
        )

    def _same_clause(self, a: int, b: int) -> bool:
        """Whether two sentences open with the same clause in nearly the same words: who did
        what to whom, the details after it aside ("Peru's Congress on Tuesday impeached interim
        president Jose Jeri, the country's seventh head of state in 10 years" and "Peru's
        Congress voted on Tuesday to remove interim President José Jerí, just four months after
        he took office"), or one whole inside the other's longer one (`_CLAUSE_HELD`). Their
        details differ, so their cosine stays low."""
        first, second = self._clauses[a], self._clauses[b]
        shared = len(first & second)
        if shared < _CLAUSE_WORDS:
            return False
        if shared >= _CLAUSE_SHARE * len(first | second):
            return True
        named_a, named_b = self._named_stems[a], self._named_stems[b]
        things = min(_count_named(first & second, named_a), _count_named(first & second, named_b))
        shorter = min(_count_named(first, named_a), _count_named(second, named_b))
        return things >= _CLAUSE_THINGS and things >= _CLAUSE_HELD * shorter

    def _same_quote(self, a: int, b: int) -> bool:
        """Whether two sentences report one statement: they quote the same words, and their
        other words agree as those of one event must (`_EVENT_FLOOR`). Outlets that report a
        statement quote it verbatim and frame it each in their own words ("Araghchi said on
        Tuesday the latest talks ... saw them agree on “a set of guiding principles” that would
        pave the way for a deal" and "The Iranian minister, Abbas Araghchi, said both sides had
        agreed on a “set of guiding principles.”"), so their cosine stays low. A quoted phrase
        alone is not enough: a book's title or a slogan ("the politics of personal
        destruction") is quoted by different people about different things."""
        return not self._quoted[a].isdisjoint(self._quoted[b]) and self._cosine(a, b) >= self.threshold * _EVENT_FLOOR

    def _cosine(self, a: int, b: int) -> float:
        """The cosine of two sentences' vectors, from the neighbour table when it holds it."""
        near = self._near.row(a)
        return near[b] if b in near else self.vectors.dot(a, self.vectors.row(b))

    def similarity(self, a: int, b: int) -> float:
        """How alike two sentences are as facts: their cosine, raised to the threshold when
        they report the same event; cosines below the neighbour cut count as 0, and so does a
        cosine made of shared names alone (`_only_names_shared`) unless they report one event."""
        cosine = self._near.row(a).get(b, 0.0)
        test = self.test(a, b)
        if test == "cosine":
            return cosine
        if test is not None:
            return self.threshold
        return cosine if cosine < self.threshold else 0.0

    def test(self, a: int, b: int) -> SameFactTest | None:
        """Which test says sentences `a` and `b` state the same fact, the first that does in
        this order: "cosine" (their cosine reaches the threshold, and is not names alone),
        "clause" (`_same_clause`), "event" (`_same_event`), "quote" (`_same_quote`); None
        when none does. The JSON names it for each source sentence of an item."""
        if self._near.row(a).get(b, 0.0) >= self.threshold and not self._only_names_shared(a, b):
            return "cosine"
        if self._same_clause(a, b):
            return "clause"
        if self._same_event(a, b):
            return "event"
        return "quote" if self._same_quote(a, b) else None

    def _only_names_shared(self, a: int, b: int) -> bool:
        """Whether two sentences agree on whom they name and on nothing they say of them: no
        word outside their names in common, and each says something of its own (at least
        `_OWN_SAY` words). "The victims _ Britons Peter Kennedy, Darren Hickey, and Rudolf
        Petschi, and New Zealand's Stanley Shaw _ were identified by their former bodyguard"
        and "The hostages _ (the same four names) _ were engineers" have cosine 0.62, all of
        it names. Such a pair is one fact only as one event (`_same_event`: a day or number
        shared too), which is how a spinner's rewording, every word changed but the names,
        still joins its original."""
        first, second = self._said[a], self._said[b]
        return first.isdisjoint(second) and min(len(first), len(second)) >= _OWN_SAY

    def same(self, a: int, b: int) -> bool:
        """The decision: whether sentences `a` and `b` state the same fact."""
        return a == b or self.similarity(a, b) >= self.threshold

    def same_happening(self, a: int, b: int) -> bool:
        """Whether two sentences tell one happening in other words: the same kind (a death, an
        arrest: `lexicon.HAPPENINGS`), on the same day when both name one, to the same people or
        place (`_HAPPENING_NAMES`). "A liberal lawmaker ...
        was killed Friday in St. Petersburg" and "Galina Starovoitova ... was shot dead ... in
        St. Petersburg on Friday night" share too few words to be one fact by their words."""
        if self._kinds[a].isdisjoint(self._kinds[b]):
            return False
        first, second = self._facts[a], self._facts[b]
        days_a = {word for word in first if word in CALENDAR_WORDS}
        days_b = {word for word in second if word in CALENDAR_WORDS}
        if days_a and days_b and days_a.isdisjoint(days_b):
            return False
        who = (first & second) - days_a - days_b
        return len(who) >= _HAPPENING_NAMES or bool(who and days_a & days_b)

    def restates(self, a: int, b: int) -> bool:
        """Whether sentence `a` says nothing that `b` does not: most of its words and names are
        in `b` ("Turkey has asked for Ocalan's extradition." beside "Turkey wants Italy to
        extradite the rebel, Abdullah Ocalan, ..."), and it does not deny what `b` affirms.
        Not the same fact (`b` says more), but a briefing holding `b` gains nothing from `a`."""
        words, other = self._words[a], self._words[b]
        shared = len(words & other)
        return (
            shared >= _RESTATED_WORDS
            and shared >= _RESTATED_SHARE * len(words)
            and self._negated[a] == self._negated[b]
        )

    def told_within(self, a: int, b: int) -> bool:
        """Whether sentence `b`, another outlet's, tells all that `a` does and more, in words
        close enough to be `a`'s paraphrase: `a` restates `b` (`restates`) and their cosine
        reaches the neighbour cut (`_NEIGHBOUR_FACTOR` of the threshold), and `b` names every
        person, place, day and number `a` does. "Forecasters said a
        second storm could arrive by Thursday." is told within "Forecasters warned that a second
        storm could reach the coast by Thursday, bringing more rain." (cosine 0.44).

        Restating alone is names and a few words: "Bin Laden is believed to be living in
        Afghanistan." restates a sentence on last August's raid on Afghanistan to kill him
        (cosine 0.16; DUC 2004's sections, 4 such pairs, none one fact). Within one article,
        close words are the next step of a how-to or the next point of a post: on the 100 real
        feeds, 23 of 23 such pairs told two things. Names: two entries of one status feed,
        "Mirror War was newly added and is "Broken"" and "War Robots was newly added and is
        "Running"", are two games."""
        return (
            self._article[a] != self._article[b]
            and self._facts[a] <= self._facts[b]
            and a in self._near.row(b)
            and self.restates(a, b)
        )

    def candidates(self, a: int) -> tuple[int, ...]:
        """The other sentences that may state the fact `a` states, most similar first.

        Grouping asks for each leader's, scoring for each group's representative (mostly
        the same sentences): each is worked out once."""
        if a not in self._candidates:
            self._candidates[a] = self._find_candidates(a)
        return self._candidates[a]

    def _find_candidates(self, a: int) -> tuple[int, ...]:
        near = self._near.row(a)
        events = {
            other
            for word in self._facts[a]
            for other in self._holding.get(word, ())
            if other not in near and other != a and self._same_event(a, other)
        }
        quoting = {other for run in self._quoted[a] for other in self._quoting[run]}
        similar = {other: self.similarity(a, other) for other in {*near, *events, *quoting} if other != a}
        return tuple(sorted(similar, key=lambda other: (-similar[other], other)))
