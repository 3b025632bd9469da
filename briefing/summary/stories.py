"""A day's articles grouped into stories, before anything is summarized.

A morning's inbox holds many stories; summarizing it as one interleaves them and lets a
sentence from one story back an item of another. Grouping reads each article's view
(`briefing.summary.views`: its headline and lead, not its sentences), so that a morning of
feeds is grouped in a second, and every entry takes part, a headline with a teaser too.

Evidence that two entries report one event is the content words they share (stop words
never count, alone or in a pair, nor titles of office: "President Macron" in India and in a
budget fight at home, "Secretary of State Rubio" in Budapest and in Munich, are an actor in
two stories): the headline's twice, as the densest statement of the
story, names twice, the lead's first `LEAD_WORDS` words once, each entry cut to its
`TERMS` heaviest TF-IDF terms so that a 40-word teaser and an 800-word article compare alike.
One shared word is no story ("race" joins nothing) unless it is a name in both. Average
linkage then merges the two closest groups while their mean cosine reaches the threshold
and most of their cross pairs share evidence: a join is checked against every member of
both groups, so neither one shared phrase nor one bridging entry chains two stories.
A second pass joins groups whose headlines share `HEADLINE_WORDS` content words, pair by
pair for half of their cross pairs, at half the threshold: reports of one event from
different angles ("Vance says ...", "Araghchi says ...") whose leads share little.
Two teasers whose headlines each name two actors the other never mentions are two events,
whatever words they share ("Geneva", "talks"). On a day of wire copy, where every story is told
many times, a third pass joins groups of teasers at a lower mean: a teaser's forty words share
few with another report's, though both tell one story. On a morning of lone reports, a few
entries that share only a topic are no story (`briefing.summary.slices`).

The threshold follows the odds that two entries of the day report one story, read from the
day itself: how many close neighbours an entry has, against how many entries there are. A
day of wire reports, ten to a story, merges readily; a morning of feeds, where most entries
are the only report of their event (four stories on Iran, six on the Winter Olympics, one
report each), asks more of a shared word, whatever its size. benchmarks/grouping.py and
config.toml [stories] give the measurements behind the numbers.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, partial

import numpy as np

from briefing.config import StoriesConfig
from briefing.summary.scipy_sparse import sparse
from briefing.summary.slices import peeled
from briefing.summary.vectors import count_matrix, similar_pairs, unit_tfidf
from briefing.summary.views import StoryView
from briefing.text.forms import stop_forms
from briefing.text.lexicon import CALENDAR_WORDS, OFFICE_WORDS

# Words of an article's lead read after its headline. Tuned on halves of the labelled days
# (benchmarks/stories.py): 100 words gave tune/confirm mean F1 0.787/0.754, 200 words
# 0.787/0.800 (whole feed posts stop outweighing their headlines).
LEAD_WORDS = 200
# A headline word, and a name, count this many times.
TITLE_WEIGHT = 2.0
NAME_WEIGHT = 2.0
# Each entry keeps its heaviest terms: small days of whole articles rose from 0.83-0.86 to
# 0.93-0.97, teasers within 0.03.
TERMS = 40
# Idf as if the day held at least this many articles: in a small day a story's own words are
# in a third of the articles and their idf falls to that of everyday words.
_DAY_AT_LEAST = 200
# The threshold is the configured one where 1 pair in 100 of the day's entries is one story
# (`_ODDS`), and grows by `PER_DECADE` for each tenfold lower odds, never below `_FLOOR`. The
# odds are each entry's neighbours at cosine `_CLOSE` or more, plus `_SMOOTH`, over the entries
# it could pair with. Tuned on halves of the labelled days (benchmarks/grouping.py): the size
# of the day stood for these odds before, and a morning of 5 real feeds (~150 entries) then
# merged at 0.05, pairwise F1 0.17/0.39 (now 0.33/0.71).
PER_DECADE = 0.10
_FLOOR = 0.04
_ODDS = 0.01
_CLOSE = 0.15
_SMOOTH = 0.2
# A join needs this share of the cross pairs of the two groups linked: a chain of entries
# each like only the next grew to 5 without it, and a roundup naming two stories joined them.
_LINKED = 0.5
# Two groups whose headlines share this many content words join at half the threshold, when
# half of their cross pairs do: the US-Iran talks' 15 reports of a day of 2,790 entries fell
# into 5 groups (pair similarities 0.11-0.63 against 0.23), their headlines saying "Iran",
# "nuclear", "talks" where their leads tell of Vance, Araghchi and Geneva. Two words joined
# topics (Olympics, Silicon Valley), four little (benchmarks/grouping.py, issue 32's notes).
HEADLINE_WORDS = 3
# Two teasers (leads under `TEASER_WORDS` words) whose headlines each name `APART_NAMES` or more
# people, places or bodies the other entry never mentions report two events, whatever words
# they share: "Ukraine, Russia hold peace talks in Geneva" and "Iran, US talks in Geneva". A
# teaser tells its headline's actors or it is about others; a whole article may name them far
# below its lead. Tuned on halves of small mornings of real feeds (benchmarks/grouping.py):
# feeds/10 F1 0.497/0.717 -> 0.544/0.800; one unmatched name each lost the feeds' confirm half.
TEASER_WORDS = 80
APART_NAMES = 2
# On a day of wire copy (entries have `WIRE_NEIGHBOURS` or more neighbours at cosine `_CLOSE` on
# average: DUC's days and halves 5.6-8.1, their teasers 3.2-4.3, any morning of the 100 real
# feeds, whole, halves or 5-10 files, 0.0-0.8), a few teasers (`FEW_TEASERS` or fewer) join a
# story at `TEASER_SHARE` of the threshold when more than a third of the members of each group
# are linked to the other: teasers of one story told by several outlets share few words (on the
# DUC teaser morning the first two passes left recall at 0.46). A roundup linked to two stories
# is one member, not more than a third of a story of three; two stories of many reports each
# that the first passes kept apart are related stories (the Israeli-Palestinian clusters), not
# one. Tuned on halves (benchmarks/grouping.py): teasers 0.703/0.618 -> 0.860/0.697, small
# teaser days of 5 and 10 stories 0.76/0.70 -> 0.91/0.81 and 0.72/0.73 -> 0.86/0.81 (half the
# members: 0.853/0.679, 0.90/0.79, 0.85/0.78); on a sparse morning the same pass cost the feeds
# 0.77 -> 0.64, so there it is not taken.
WIRE_NEIGHBOURS = 1.5
# ... and half of the entries have one: where most are lone reports, a few stories told by many
# outlets (the 13 labelled news feeds as one morning: 1.8 neighbours, 46% of entries with one)
# are no wire copy, and there the pass added 3 right and 211 wrong pairs (F1 0.57, now 0.73).
WIRE_SHARE = 0.5
TEASER_SHARE = 0.4
FEW_TEASERS = 5
# Pairs below this share of the threshold are left out of the similarity graph (sparse,
# linear memory): they count 0 in the group means and as unlinked.
_SPARSE = 0.5


def find_stories(views: Sequence[StoryView], config: StoriesConfig) -> list[tuple[int, ...]]:
    """The stories of the day as sorted tuples of indexes into `views` (one per article), in
    order of first article. Entries with the same headline and lead are one entry."""
    first: dict[tuple[tuple[str, ...], tuple[str, ...]], int] = {}
    distinct: list[int] = []  # the view of each distinct entry
    copy_of: list[int] = []  # each view's distinct entry
    for index, view in enumerate(views):
        if (view.title, view.lead) not in first:
            first[view.title, view.lead] = len(distinct)
            distinct.append(index)
        copy_of.append(first[view.title, view.lead])
    if len(distinct) < 2:
        groups = [list(range(len(distinct)))]
    else:
        unique = [views[i] for i in distinct]
        evidence = _Evidence.of(unique, config.days_apart)
        close = evidence.similar(_CLOSE)
        threshold = day_threshold(close, config.threshold)
        similar = evidence.similar(threshold * _SPARSE)
        groups = average_linkage(similar, threshold)
        # Reports of one event that tell it in other words share their headline's words.
        groups = average_linkage(similar, threshold * _SPARSE, _LINKED, groups, headline_pairs(unique))
        near = np.asarray((close >= _CLOSE).sum(axis=1)).ravel()
        if neighbours(close) >= WIRE_NEIGHBOURS and np.count_nonzero(near) >= WIRE_SHARE * len(near):
            teasers = evidence.between_teasers(similar)
            groups = average_linkage(
                teasers, threshold * TEASER_SHARE, 0.0, groups, joins=partial(_teasers_join, teasers)
            )
        else:  # a morning of lone reports: a few entries that share only a topic are no story
            groups = peeled(groups, similar)
    story_of = {member: number for number, group in enumerate(groups) for member in group}
    stories: dict[int, list[int]] = {}
    for index, copy in enumerate(copy_of):
        stories.setdefault(story_of[copy], []).append(index)
    return sorted((tuple(story) for story in stories.values()), key=lambda story: story[0])


def headline_pairs(views: Sequence[StoryView]) -> sparse.csr_matrix:
    """The pairs of views whose headlines share at least `HEADLINE_WORDS` content words."""
    stops = _not_evidence()
    words = [sorted({word for word in view.title if word not in stops}) for view in views]
    present = count_matrix(words)
    shared = sparse.csr_matrix(present @ present.T)
    shared.data[shared.data < HEADLINE_WORDS] = 0.0
    shared.setdiag(0.0)
    shared.eliminate_zeros()
    return shared


@lru_cache(maxsize=1)
def _not_evidence() -> frozenset[str]:
    """The words two entries may share without it saying they report one event: stop words,
    days and months ("on Tuesday" is in half the day's news, a name in none) and titles of
    office. With "President", "Secretary", "State" counted, the 100 real feeds' Macron-in-India
    story held a piece on France's budget, Rubio's visit to Hungary two pieces on the Hungarian
    campaign and one on Munich; pairwise F1 on the feeds 0.70, now 0.77 (benchmarks/grouping.py)."""
    return stop_forms() | CALENDAR_WORDS | OFFICE_WORDS


def day_threshold(similar: sparse.csr_matrix, typical: float) -> float:
    """The mean cosine two groups need to merge, given the day's similarities (no diagonal):
    `typical` where 1 pair in 100 is one story, more where fewer are."""
    odds = (neighbours(similar) + _SMOOTH) / max(similar.shape[0] - 1, 1)
    return max(_FLOOR, typical + PER_DECADE * math.log10(_ODDS / odds))


def neighbours(similar: sparse.csr_matrix) -> float:
    """How many neighbours at cosine `_CLOSE` or more an entry has on average (no diagonal)."""
    return float(np.count_nonzero(similar.data >= _CLOSE) / max(similar.shape[0], 1))


def _terms(view: StoryView) -> tuple[list[str], list[float], set[str]]:
    """The view's content words with their weights before idf, and which are names."""
    stops = _not_evidence()
    named = {word for name in view.names for word in name.split()} | {a.lower() for a in view.acronyms}
    terms: list[str] = []
    weights: list[float] = []
    for words, weight in ((view.title, TITLE_WEIGHT), (view.lead[:LEAD_WORDS], 1.0)):
        for word in words:
            if word not in stops:
                terms.append(word)
                weights.append(NAME_WEIGHT if weight == 1.0 and word in named else weight)
    return terms, weights, named


@dataclass(frozen=True)
class _Evidence:
    """The day's entries as weighted term vectors, which terms each keeps and which of those
    are names, and their dates: what `similar` reads, built once for the two thresholds it is
    asked at."""

    vectors: sparse.csr_matrix
    kept: sparse.csr_matrix
    named: sparse.csr_matrix
    days: np.ndarray
    days_apart: float
    # Of each teaser, the names in its headline, all its words and names, and how many of the
    # first there are (0 for a whole article: the rule asks nothing of it).
    headline_names: tuple[frozenset[str], ...]
    mentions: tuple[frozenset[str], ...]
    named_in_headline: np.ndarray
    teasers: np.ndarray

    @classmethod
    def of(cls, views: Sequence[StoryView], days_apart: float) -> _Evidence:
        rows = [_terms(view) for view in views]
        terms = [row_terms for row_terms, _, _ in rows]
        vectors = unit_tfidf(
            count_matrix(terms, [weights for _, weights, _ in rows]),
            sublinear=True,
            documents=_DAY_AT_LEAST,
            heaviest=TERMS,
        )
        # The same rows give the same columns: which kept terms are names in each view.
        kept = sparse.csr_matrix(vectors > 0, dtype=float)
        named = sparse.csr_matrix(count_matrix(terms, [[float(t in names) for t in ts] for ts, _, names in rows]) > 0)
        days = np.array([day_number(view.date) for view in views], dtype=float)
        teasers = [len(view.lead) < TEASER_WORDS for view in views]
        headline_names = tuple(
            frozenset(names.intersection(view.title) if teaser else ())
            for view, (_, _, names), teaser in zip(views, rows, teasers)
        )
        mentions = tuple(
            frozenset((*view.title, *view.lead, *names) if teaser else ())
            for view, (_, _, names), teaser in zip(views, rows, teasers)
        )
        counts = np.array([len(headline) for headline in headline_names])
        named = sparse.csr_matrix(named.multiply(kept))
        return cls(
            vectors, kept, named, days, days_apart, headline_names, mentions, counts, np.array(teasers, dtype=bool)
        )

    def similar(self, keep: float) -> sparse.csr_matrix:
        """Cosine similarities, decayed by time, those at least `keep` (no diagonal). A pair
        that shares a single kept term keeps its similarity only when it is a name in both."""
        similar = similar_pairs(self.vectors, keep)
        similar.setdiag(0.0)
        similar.eliminate_zeros()
        pairs = similar.tocoo()
        shared = np.asarray(self.kept[pairs.row].multiply(self.kept[pairs.col]).sum(axis=1)).ravel()
        shared_names = np.asarray(self.named[pairs.row].multiply(self.named[pairs.col]).sum(axis=1)).ravel()
        pairs.data[(shared < 2) & (shared_names < 1)] = 0.0
        pairs.data[self._apart(pairs.row, pairs.col)] = 0.0
        similar = _apart_in_time(sparse.csr_matrix(pairs), self.days, self.days, self.days_apart)
        similar.data[similar.data < keep] = 0.0
        similar.eliminate_zeros()
        return similar

    def between_teasers(self, similar: sparse.csr_matrix) -> sparse.csr_matrix:
        """The similarities of pairs of two teasers only."""
        pairs = similar.tocoo()
        both = self.teasers[pairs.row] & self.teasers[pairs.col]
        return sparse.csr_matrix((pairs.data[both], (pairs.row[both], pairs.col[both])), shape=similar.shape)

    def _apart(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """Whether each pair is two teasers whose headlines each name `APART_NAMES` the other never mentions."""
        apart = np.zeros(len(rows), dtype=bool)
        named = self.named_in_headline
        (asked,) = np.nonzero((named[rows] >= APART_NAMES) & (named[columns] >= APART_NAMES))
        for pair, a, b in zip(asked.tolist(), rows[asked].tolist(), columns[asked].tolist()):
            apart[pair] = (
                len(self.headline_names[a] - self.mentions[b]) >= APART_NAMES
                and len(self.headline_names[b] - self.mentions[a]) >= APART_NAMES
            )
        return apart


def _apart_in_time(
    similar: sparse.csr_matrix, row_days: np.ndarray, column_days: np.ndarray, days_apart: float
) -> sparse.csr_matrix:
    """Similarities halved for every `days_apart` days between two dated articles beyond the first."""
    if not days_apart:
        return similar
    pairs = similar.tocoo()
    factor = _decay(np.abs(row_days[pairs.row] - column_days[pairs.col]), days_apart)
    return sparse.csr_matrix((pairs.data * factor, (pairs.row, pairs.col)), shape=similar.shape)


def _decay(apart: np.ndarray, days_apart: float) -> np.ndarray:
    """The factor for dates `apart` days: halved every `days_apart` days beyond the first, 1 when undated."""
    return np.where(np.isnan(apart), 1.0, 0.5 ** (np.maximum(np.nan_to_num(apart) - 1.0, 0.0) / days_apart))


def day_number(iso: str | None) -> float:
    """Days since year 1 for an ISO date (YYYY-MM-DD...), NaN when there is none."""
    try:
        return float(date.fromisoformat(iso[:10]).toordinal()) if iso else float("nan")
    except ValueError:
        return float("nan")


def average_linkage(
    similar: sparse.csr_matrix,
    threshold: float,
    linked: float = _LINKED,
    groups: Sequence[Sequence[int]] | None = None,
    evidence: sparse.spmatrix | None = None,
    joins: Callable[[list[int], list[int]], bool] | None = None,
) -> list[list[int]]:
    """Agglomerative clustering with average linkage on a sparse similarity graph.

    Repeatedly merges the two groups with the highest mean pairwise similarity while it is
    at least `threshold` and at least `linked` of their cross pairs are linked (in the graph,
    or in `evidence` when given); pairs absent from the graph count as 0. The mean alone
    decays slowly along a chain (k entries each like only the next keep a mean of about 2s/k):
    the linked share keeps a group close to all of itself. `joins`, when given, may refuse a
    merge of two groups' members. The groups start as `groups`
    (default: each entry alone). Each merge adds the two groups' link sums, so the work grows
    with the number of links, not with n squared. Ties go to the pair with the smaller indexes.
    """
    count = similar.shape[0]
    start = [list(group) for group in groups] if groups is not None else [[i] for i in range(count)]
    group_of = np.empty(count, dtype=int)
    for number, group in enumerate(start):
        group_of[group] = number
    links: list[dict[int, list[float]]] = [{} for _ in start]  # [similarity sum, pairs linked]
    pairs = sparse.triu(similar, k=1).tocoo()
    for i, j, value in zip(group_of[pairs.row].tolist(), group_of[pairs.col].tolist(), pairs.data.tolist()):
        if i != j:
            link = links[i].setdefault(j, [0.0, 0.0])
            links[j][i] = link
            link[0] += value
            link[1] += evidence is None
    if evidence is not None:
        shown = sparse.triu(evidence, k=1).tocoo()
        for i, j in zip(group_of[shown.row].tolist(), group_of[shown.col].tolist()):
            if i != j:
                link = links[i].setdefault(j, [0.0, 0.0])
                links[j][i] = link
                link[1] += 1.0
    sizes = [len(group) for group in start]
    members: dict[int, list[int]] = dict(enumerate(start))
    # A pair below the threshold can only merge after its groups grow, and then it is pushed
    # again with its new mean: the heap starts with the pairs that may merge as they are.
    heap = [
        (-total / (sizes[i] * sizes[j]), i, j)
        for i, row in enumerate(links)
        for j, (total, _) in row.items()
        if i < j and total / (sizes[i] * sizes[j]) >= threshold
    ]
    heapq.heapify(heap)
    while heap:
        negative, i, j = heapq.heappop(heap)
        if i not in members or j not in members or j not in links[i]:
            continue
        total, linked_pairs = links[i][j]
        if total / (sizes[i] * sizes[j]) != -negative:  # an entry from before one of the two grew
            continue
        if linked_pairs < linked * sizes[i] * sizes[j] or (joins is not None and not joins(members[i], members[j])):
            continue  # pushed again if either group grows
        members[i].extend(members.pop(j))
        sizes[i] += sizes[j]
        for k, (value, linked_k) in links[j].items():
            if k != i:
                del links[k][j]
                if k in links[i]:
                    links[i][k][0] += value
                    links[i][k][1] += linked_k
                else:
                    links[i][k] = links[k][i] = [value, linked_k]
        links[i].pop(j, None)
        links[j] = {}
        for k, (value, _) in links[i].items():
            mean = value / (sizes[i] * sizes[k])
            if mean >= threshold:
                heapq.heappush(heap, (-mean, min(i, k), max(i, k)))
    return list(members.values())


def _teasers_join(similar: sparse.csr_matrix, first: list[int], second: list[int]) -> bool:
    """Whether a few teasers (`FEW_TEASERS` or fewer) join a story, more than a third of the
    members of each group linked to the other in `similar`."""
    if min(len(first), len(second)) > FEW_TEASERS:
        return False
    cross = similar[first][:, second]
    return bool(
        np.count_nonzero(cross.getnnz(axis=1)) > len(first) / 3
        and np.count_nonzero(cross.getnnz(axis=0)) > len(second) / 3
    )
