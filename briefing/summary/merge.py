"""Group sentences that report the same fact, across articles, and pick who speaks for each group.

Articles about one story repeat facts in different words: spun synonyms ("navy buildup" for
"military buildup"), translations, reordered clauses. Sentences are compared as TF-IDF vectors
of content-word stems plus the facts least likely to be reworded (numbers and names), so two
sentences sharing a name but reporting different things stay apart unless their words agree too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from briefing.summary.features import SentenceFeatures, count_matrix, unit_tfidf

# Numbers and names survive paraphrase and translation, so they count more than a single word.
_FACT_WEIGHT = 2.0
_BLOCK_CELLS = 4_000_000
# Sentences this close to a leader (relative to the threshold) are considered for its group.
_NEIGHBOUR_FACTOR = 0.75
_MIN_TERMS = 5


@dataclass(frozen=True, slots=True)
class Group:
    """Sentences (indices into the feature list) that say the same thing."""

    members: tuple[int, ...]
    representative: int
    similarity: tuple[float, ...]


def term_matrix(features: Sequence[SentenceFeatures]) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows, one per sentence, over stems, numbers and names."""
    # Sorted, so that float sums never depend on set order (the hash seed).
    facts = [[*(f"#{n}" for n in sorted(f.numbers)), *(f"@{n}" for n in sorted(f.names))] for f in features]
    counts = sparse.hstack(
        [count_matrix([f.stems for f in features]), _FACT_WEIGHT * count_matrix(facts)], format="csr"
    )
    return unit_tfidf(counts)


def similar_pairs(matrix: sparse.csr_matrix, threshold: float) -> sparse.csr_matrix:
    """Cosine similarities at or above `threshold`, computed in row blocks to bound memory.

    A block's product may hold a value for nearly every pair of its rows with all rows
    (common words link almost everything), so blocks hold at most `_BLOCK_CELLS` pairs:
    memory stays linear in the number of rows, whatever the day's size.
    """
    rows = max(1, _BLOCK_CELLS // max(matrix.shape[0], 1))
    blocks = []
    for start in range(0, matrix.shape[0], rows):
        block = (matrix[start : start + rows] @ matrix.T).tocsr()
        block.data[block.data < threshold] = 0.0
        block.eliminate_zeros()
        blocks.append(block)
    return sparse.csr_matrix(sparse.vstack(blocks)) if blocks else sparse.csr_matrix(matrix.shape)


def group_sentences(
    features: Sequence[SentenceFeatures], matrix: sparse.csr_matrix, threshold: float, priority: np.ndarray
) -> list[Group]:
    """Leader clustering with average linkage.

    The highest-priority free sentence starts a group; a free sentence near the leader joins
    when its mean similarity to the members so far reaches `threshold`. Averaging over members
    (not linking to any one) keeps chains of loosely related sentences from collapsing into
    one group, yet admits a paraphrase that resembles the group as a whole.
    """
    similar = similar_pairs(matrix, threshold * _NEIGHBOUR_FACTOR)
    near = SparseRows(similar)
    # A sentence with only a few content terms ("The company changed its mind.") looks like
    # many others and states no checkable fact; it stays on its own.
    informative = [len(f.stems) + len(f.numbers) + len(f.names) >= _MIN_TERMS for f in features]
    assigned = [False] * len(features)
    rows = SparseRows(matrix)
    groups: list[Group] = []
    for leader in np.argsort(-priority, kind="stable").tolist():
        if assigned[leader]:
            continue
        members = [leader]
        if informative[leader]:
            neighbours = sorted((-s, i) for i, s in near.row(leader).items() if i != leader)
            for _, candidate in neighbours:
                # Similarities below the neighbour cut count as 0: cheap, and too low to matter.
                if (
                    not assigned[candidate]
                    and informative[candidate]
                    and sum(near.row(m).get(candidate, 0.0) for m in members) / len(members) >= threshold
                ):
                    members.append(candidate)
        members.sort()
        for member in members:
            assigned[member] = True
        groups.append(_with_representative(members, rows, features, priority))
    return groups


def _with_representative(
    members: list[int], rows: SparseRows, features: Sequence[SentenceFeatures], priority: np.ndarray
) -> Group:
    """The best-formed member whose words are most typical of the group speaks for it.

    A member's typicality is its mean cosine with the others: its dot product with the sum
    of the group's unit vectors, less its own 1, which costs one pass over the members. In a
    pair both are equally typical; the one rated higher (the leader) speaks.
    """
    if len(members) == 1:
        return Group((members[0],), members[0], (1.0,))
    total: dict[int, float] = {}
    for member in members:
        for term, value in rows.row(member).items():
            total[term] = total.get(term, 0.0) + value
    # Rounded so that members tied but for float noise fall back to the rating, not to noise.
    typicality = [round((rows.dot(member, total) - 1.0) / (len(members) - 1), 9) for member in members]
    best = min(
        range(len(members)), key=lambda i: (-features[members[i]].form, -typicality[i], -priority[members[i]], i)
    )
    representative = rows.row(members[best])
    return Group(tuple(members), members[best], tuple(min(1.0, rows.dot(m, representative)) for m in members))


class SparseRows:
    """Rows of a CSR matrix as dicts, built on demand: a dot product of two short rows in
    Python costs microseconds where slicing the sparse matrix for it costs a hundred."""

    def __init__(self, matrix: sparse.csr_matrix) -> None:
        self._matrix = matrix
        self._rows: dict[int, dict[int, float]] = {}

    def row(self, index: int) -> dict[int, float]:
        if index not in self._rows:
            start, end = self._matrix.indptr[index], self._matrix.indptr[index + 1]
            self._rows[index] = dict(
                zip(self._matrix.indices[start:end].tolist(), self._matrix.data[start:end].tolist())
            )
        return self._rows[index]

    def dot(self, index: int, other: dict[int, float]) -> float:
        """The dot product of row `index` with a vector given as {column: value}."""
        return sum(value * other.get(term, 0.0) for term, value in self.row(index).items())
