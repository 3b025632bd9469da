"""KL-Sum (Haghighi and Vanderwende) as sumy computes it, in quadratic instead of cubic time.

sumy's KL picks, turn after turn, the sentence whose words added to the summary so far give
the smallest divergence from the day's word distribution, recounting the whole summary for
every candidate at every turn: cubic, over ten minutes for 60 articles. The divergence
splits into a part for the summary (updated when a sentence joins it), a part for each
candidate's own words (updated only for the candidates that share a word with the sentence
that joined), and a length term computed for all candidates at once; each turn is then a few
vector operations.

sumy's quirks are kept, since they decide its picks: the day's distribution drops stop words
before lower-casing them (so "The" counts, as "the"), candidates are lower-cased content
words, and the summary is counted as written, stop words and capitals included (its "the"
meets the day's "the"; its "Clinton" meets nothing but adds to its length).

Ties: sumy takes the first sentence with the smallest divergence, and so does this. Sentences
with the same content words, the common tie (wire copies), get bit-identical divergences
here, as they do in sumy. Two divergences equal in exact arithmetic but summed along
different paths can differ in the last bit, here or in sumy, and then the smaller one wins;
no such case turned up on the seeds or the DUC clusters compared.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from briefing.models import Article
from briefing.summary.features import SentenceFeatures
from briefing.summary.ratings.by_text import picked_ratings, sentence_texts
from briefing.summary.scipy_sparse import sparse


def rate(articles: tuple[Article, ...], features: Sequence[SentenceFeatures], key_terms: tuple[str, ...]) -> np.ndarray:
    """Minus the turn at which KL-Sum picks each sentence (0 for the first pick)."""
    return picked_ratings(pick_order(features), sentence_texts(articles, features))


def _matrix(rows: list[list[int]], columns: int) -> sparse.csr_matrix:
    """Counts of each key in each row."""
    indptr = np.cumsum([0, *map(len, rows)])
    indices = np.fromiter((k for row in rows for k in row), dtype=np.int64, count=int(indptr[-1]))
    matrix = sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), max(columns, 1)))
    matrix.sum_duplicates()
    return matrix


def _spans(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """The positions start..end-1 of every span, one after the other."""
    sizes = ends - starts
    offsets = np.repeat(starts - np.cumsum(sizes) + sizes, sizes)
    return np.asarray(np.arange(int(sizes.sum())) + offsets)


def pick_order(features: Sequence[SentenceFeatures]) -> list[int]:
    """The sentences in the order KL-Sum picks them."""
    count = len(features)
    keys: dict[str, int] = {}
    day = [keys.setdefault(t.lowered, len(keys)) for f in features for t in f.tokens if t.cased or not t.stop]
    if not day:
        return list(range(count))  # every divergence is 0: sumy takes the sentences in order
    p = np.bincount(day, minlength=len(keys)) / len(day)
    log_p = np.log(p)
    own = _matrix([[keys[t.lowered] for t in f.tokens if not t.stop] for f in features], len(keys))
    joins = _matrix(
        [[keys[t.lowered] for t in f.tokens if not t.cased and t.lowered in keys] for f in features], len(keys)
    )
    users = own.tocsc()
    holder_counts = users.data.astype(np.int64)
    lengths = np.asarray(own.sum(axis=1)).ravel().astype(np.int64)
    longest = int(lengths.max())
    holders_of = np.diff(users.indptr)
    written = [f.words for f in features]
    # Every count met below is a whole number no larger than this: logs come from a table.
    log_of = np.log(np.maximum(np.arange(sum(written) + longest + 1), 1))

    # divergence(s) = summary's part + own_part[s] + log(lengths[s] + summary_length) * (mass + own_mass[s]);
    # the summary's part is the same for every candidate, so it is left out.
    rows = np.repeat(np.arange(count), np.diff(own.indptr))
    weights = p[own.indices]
    own_part = np.bincount(
        rows, weights=weights * (log_p[own.indices] - log_of[own.data.astype(np.int64)]), minlength=count
    )
    own_mass = np.bincount(rows, weights=weights, minlength=count)
    mass = 0.0
    summary_length = 0
    in_summary = np.zeros(len(keys), dtype=np.int64)
    # The candidates left, packed: once half are picked, the picked ones leave the arrays, so
    # a turn costs the number left, not all. Updates for picked sentences go to a spare slot.
    left = np.arange(count)  # packed position -> sentence
    place = np.arange(count)  # sentence -> packed position, or the spare slot
    own_part, own_mass = np.append(own_part, np.inf), np.append(own_mass, 0.0)
    left_lengths = lengths
    order: list[int] = []
    for turn in range(count):
        if 2 * (count - turn) < len(left):
            keep = np.flatnonzero(np.isfinite(own_part[:-1]))
            left, left_lengths = left[keep], left_lengths[keep]
            own_part, own_mass = np.append(own_part[keep], np.inf), np.append(own_mass[keep], 0.0)
            place = np.full(count, len(keep))
            place[left] = np.arange(len(keep))
        # With nothing written yet a sentence without words has an empty sum (0): log_of[0] is 0.
        scale = log_of[summary_length : summary_length + longest + 1][left_lengths]
        divergence = own_part[:-1] + scale * (mass + own_mass[:-1])
        position = int(np.argmin(divergence))
        best = int(left[position])
        order.append(best)
        own_part[position] = np.inf  # picked: never a candidate again
        summary_length += written[best]
        joined = slice(joins.indptr[best], joins.indptr[best + 1])
        keys_in = joins.indices[joined]
        if not keys_in.size:
            continue
        before = in_summary[keys_in]
        after = before + joins.data[joined].astype(np.int64)
        in_summary[keys_in] = after
        weight = p[keys_in]
        new = before == 0
        mass += float(weight[new].sum())
        # The candidates holding a joined word: their own part for that word changes.
        spans = _spans(users.indptr[keys_in], users.indptr[keys_in + 1])
        if not spans.size:
            continue
        sizes = holders_of[keys_in]
        holders, counts = place[users.indices[spans]], holder_counts[spans]
        weight, before, after, new = (np.repeat(a, sizes) for a in (weight, before, after, new))
        was = np.where(new, log_p[np.repeat(keys_in, sizes)] - log_of[counts], log_of[before] - log_of[before + counts])
        now = log_of[after] - log_of[after + counts]
        np.add.at(own_part, holders, weight * (now - was))
        np.subtract.at(own_mass, holders, weight * new)
    return order
