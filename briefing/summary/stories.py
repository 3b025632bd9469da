"""A day's articles grouped into stories, before anything is summarized.

A morning's inbox holds many stories; summarizing it as one interleaves them and lets a
sentence from one story back an item of another. Grouping reads each article's view
(`briefing.summary.views`: its headline and lead, not its sentences), so that a morning of
feeds is grouped in a second. Each article becomes a TF-IDF vector of its concepts (pairs of
adjacent words of its lead, not both stop words): related but distinct stories share words
and names ("Ocalan", "Netanyahu") far more than word pairs. Average linkage then merges the closest
groups while their mean cosine reaches the threshold (single linkage chains a whole day into
one group); pieces of one story that share words but few concepts then merge, and a
fragment of one or two articles joins the story it is clearly closest to by plain word
overlap. config.toml [stories] gives the measurements behind the numbers.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from datetime import date
from itertools import pairwise

import numpy as np
from scipy import sparse

from briefing.config import StoriesConfig
from briefing.summary.vectors import count_matrix, similar_pairs, unit_tfidf
from briefing.summary.views import StoryView
from briefing.text.forms import content, stop_forms

# Fragments: groups this small may have too few words to share concepts with their story.
_FRAGMENT = 2
# A fragment joins a story only when it resembles it this many times more than it
# resembles the rest of the day: a one-article story about something else stays alone.
_CLEARLY_CLOSER = 2.5
# Idf as if the day held at least this many articles. In a small day a story's own words are
# in a third of the articles and their idf falls to that of everyday words, so reports of one
# story look no closer than reports of different stories and a small day splits its stories:
# measured on random DUC 2004 days of 3 stories, mean pairwise F1 0.915 without the floor,
# 0.934 with it, 0.949 with the runner-up rule below too; days of 2 to 5 stories of 2 to 5
# articles each rise from 0.84-0.93 to 0.90-0.98; days of 10 stories or more are unchanged
# (0.95, 0.93, 0.90 at 10, 25 and 46 stories).
_DAY_AT_LEAST = 200
# How much closer a story's closest match must be than the next one, for two pieces of a story
# to merge, and for a fragment to join a story when the test against the rest of the day fails
# (in a small day the rest holds the story's other pieces). Merging pieces took random days of
# 3 stories from 0.949 to 0.956 (the worst from 0.59 to 0.71) and the 46-story day from 0.903
# to 0.908, with days of 5, 10 and 25 stories up 0.005-0.008.
_RUNNER_UP = 2.0
# Article pairs below this share of the threshold count as unrelated, which keeps the
# similarity graph sparse; measured on the DUC 2004 day, it changes no story.
_FLOOR = 0.5


def find_stories(views: Sequence[StoryView], config: StoriesConfig) -> list[tuple[int, ...]]:
    """The stories of the day as sorted tuples of indexes into `views` (one per article), in
    order of first article."""
    count = len(views)
    if count < 2:
        return [tuple(range(count))]
    stems = [content(view.lead) for view in views]
    days = np.array([day_number(view.date) for view in views], dtype=float)
    vectors = unit_tfidf(
        count_matrix([_concepts(view.lead) for view in views]), sublinear=True, documents=_DAY_AT_LEAST
    )
    similar = similar_pairs(vectors, config.threshold * _FLOOR)
    similar.setdiag(0.0)
    similar.eliminate_zeros()
    similar = _apart_in_time(similar, days, days, config.days_apart)
    groups = average_linkage(similar, config.threshold)
    words = unit_tfidf(count_matrix(stems), sublinear=True, documents=_DAY_AT_LEAST)
    groups = _attach_fragments(_merge_pieces(groups, words, days, config), words, days, config)
    return sorted((tuple(sorted(group)) for group in groups), key=lambda group: group[0])


def _concepts(words: Sequence[str]) -> list[tuple[str, str]]:
    """Pairs of adjacent words, not both stop words ("prime minister", "minister of")."""
    stops = stop_forms()
    return [(a, b) for a, b in pairwise(words) if a not in stops or b not in stops]


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


def average_linkage(similar: sparse.csr_matrix, threshold: float) -> list[list[int]]:
    """Agglomerative clustering with average linkage on a sparse similarity graph.

    Repeatedly merges the two groups with the highest mean pairwise similarity while it is
    at least `threshold`; pairs absent from the graph count as 0. Each merge adds the two
    groups' link sums, so the work grows with the number of links, not with n squared.
    Ties go to the pair with the smaller indexes, so the result never depends on order noise.
    """
    count = similar.shape[0]
    pairs = sparse.triu(similar, k=1).tocoo()
    links: list[dict[int, float]] = [{} for _ in range(count)]
    for i, j, value in zip(pairs.row.tolist(), pairs.col.tolist(), pairs.data.tolist()):
        links[i][j] = links[j][i] = value
    sizes = [1] * count
    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    # A pair below the threshold can only merge after its groups grow, and then it is pushed
    # again with its new mean: the heap starts with the pairs that may merge as they are.
    strong = pairs.data >= threshold
    heap = list(zip((-pairs.data[strong]).tolist(), pairs.row[strong].tolist(), pairs.col[strong].tolist()))
    heapq.heapify(heap)
    while heap:
        negative, i, j = heapq.heappop(heap)
        if i not in members or j not in members:
            continue
        mean = links[i].get(j, 0.0) / (sizes[i] * sizes[j])
        if mean != -negative:  # an entry from before one of the two grew
            continue
        if mean < threshold:
            break
        members[i].extend(members.pop(j))
        sizes[i] += sizes[j]
        for k, value in links[j].items():
            if k != i:
                del links[k][j]
                links[i][k] = links[k][i] = links[i].get(k, 0.0) + value
        links[i].pop(j, None)
        links[j] = {}
        for k, value in links[i].items():
            heapq.heappush(heap, (-value / (sizes[i] * sizes[k]), min(i, k), max(i, k)))
    return list(members.values())


def _membership(stories: list[list[int]], count: int) -> sparse.csr_matrix:
    """Articles by stories: 1 where the article belongs to the story."""
    rows = [article for story in stories for article in story]
    columns = [number for number, story in enumerate(stories) for _ in story]
    return sparse.csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(count, len(stories)))


def _merge_pieces(
    groups: list[list[int]], vectors: sparse.csr_matrix, days: np.ndarray, config: StoriesConfig
) -> list[list[int]]:
    """Stories found in pieces joined: a story told over days in different words ("Mitch nears
    Honduras", "the death toll", "the aid") can share too few concepts to hold together.

    The two stories with the highest mean stem cosine merge while it is at least `attach` and
    twice what either has with any other story: related but distinct stories (three on Israel
    and the Palestinians) are as close to a third one and stay apart. Cosine sums come from
    the stories' summed vectors, so the cost grows with the stories, not the article pairs;
    dates count by each story's median day.
    """
    stories = [group for group in groups if len(group) > _FRAGMENT]
    if len(stories) < 3:  # no third story to tell a clear pair from a related one
        return groups
    count = vectors.shape[0]
    membership = _membership(stories, count)
    sums = sparse.csr_matrix(membership.T @ vectors)
    links = np.asarray((sums @ sums.T).todense(), dtype=float)
    if config.days_apart:
        middle = np.array([np.nanmedian(days[s]) if not np.isnan(days[s]).all() else np.nan for s in stories])
        links *= _decay(np.abs(middle[:, None] - middle[None, :]), config.days_apart)
    sizes = np.array([len(story) for story in stories], dtype=float)
    alive = np.ones(len(stories), dtype=bool)
    joined = [list(story) for story in stories]
    while alive.sum() >= 3:
        means = links / np.outer(sizes, sizes)
        means[~alive, :] = -1.0
        means[:, ~alive] = -1.0
        np.fill_diagonal(means, -1.0)
        a, b = np.unravel_index(int(np.argmax(means)), means.shape)
        closest = means[a, b]
        runner_up = max(np.partition(means[a], -2)[-2], np.partition(means[b], -2)[-2])
        if closest < config.attach or closest < _RUNNER_UP * runner_up:
            break
        links[a, :] += links[b, :]
        links[:, a] += links[:, b]
        sizes[a] += sizes[b]
        alive[b] = False
        joined[a].extend(joined[b])
    return [story for story, kept in zip(joined, alive) if kept] + [g for g in groups if len(g) <= _FRAGMENT]


def _attach_fragments(
    groups: list[list[int]], vectors: sparse.csr_matrix, days: np.ndarray, config: StoriesConfig
) -> list[list[int]]:
    """Groups of one or two articles joined to the story they clearly belong to, by stem cosine.

    Every fragment is weighed against the stories as they were before any joined, so all are
    weighed at once: one sparse product for all of them, where one each cost 20 s on a
    morning of 2,000 fragments.
    """
    stories = [group for group in groups if len(group) > _FRAGMENT]
    fragments = [group for group in groups if len(group) <= _FRAGMENT]
    if not stories or not fragments:
        return groups
    count = vectors.shape[0]
    membership = _membership(stories, count)
    sizes = np.array([len(story) for story in stories], dtype=float)
    rows = np.array([article for fragment in fragments for article in fragment])
    owner = np.array([number for number, fragment in enumerate(fragments) for _ in fragment])
    lengths = np.array([len(fragment) for fragment in fragments], dtype=float)
    # Each fragment article's similarity with every article, then summed per fragment.
    similarity = _apart_in_time(sparse.csr_matrix(vectors[rows] @ vectors.T), days[rows], days, config.days_apart)
    by_fragment = sparse.csr_matrix(
        (np.ones(len(rows)), (owner, np.arange(len(rows)))), shape=(len(fragments), len(rows))
    )
    sums = np.asarray((by_fragment @ similarity @ membership).todense(), dtype=float)
    means = sums / (sizes[None, :] * lengths[:, None])
    order = np.argsort(-means, axis=1, kind="stable")
    best = order[:, 0]
    picked = np.arange(len(fragments))
    to_story = means[picked, best]
    runner_up = means[picked, order[:, 1]] if len(stories) > 1 else np.zeros(len(fragments))
    # Each fragment's mean cosine with the articles outside that story and outside itself.
    totals = np.asarray(by_fragment @ similarity.sum(axis=1), dtype=float).ravel()
    fragment_of = np.full(count, -1)
    fragment_of[rows] = owner
    pairs = similarity.tocoo()
    own = fragment_of[pairs.col] == owner[pairs.row]
    within = np.bincount(owner[pairs.row[own]], weights=pairs.data[own], minlength=len(fragments))
    outside = count - sizes[best] - lengths
    rest = totals - within - sums[picked, best]
    to_rest = np.divide(rest, outside * lengths, out=np.zeros(len(fragments)), where=outside > 0)
    joins = (to_story >= config.attach) & (
        (to_story >= _CLEARLY_CLOSER * to_rest) | (to_story >= _RUNNER_UP * runner_up)
    )
    joined: list[list[int]] = [list(story) for story in stories]
    alone: list[list[int]] = []
    for fragment, join, story in zip(fragments, joins.tolist(), best.tolist()):
        if join:
            joined[story].extend(fragment)
        else:
            alone.append(fragment)
    return joined + alone
