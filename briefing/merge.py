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

from briefing.features import SentenceFeatures

# Numbers and names survive paraphrase and translation, so they count more than a single word.
_FACT_WEIGHT = 2.0
_CHUNK = 2048
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
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    values: list[float] = []
    for row, feature in enumerate(features):
        terms = [(s, 1.0) for s in feature.stems]
        # Sorted, so that float sums never depend on set order (the hash seed).
        terms += [(f"#{n}", _FACT_WEIGHT) for n in sorted(feature.numbers)]
        terms += [(f"@{n}", _FACT_WEIGHT) for n in sorted(feature.names)]
        for term, weight in terms:
            rows.append(row)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
            values.append(weight)
    shape = (len(features), max(len(vocabulary), 1))
    counts = sparse.csr_matrix((values, (rows, cols)), shape=shape)
    counts.sum_duplicates()
    document_frequency = np.bincount(counts.indices, minlength=shape[1])
    idf = np.log((1 + shape[0]) / (1 + document_frequency)) + 1.0
    weighted = counts.multiply(idf).tocsr()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ weighted)


def similar_pairs(matrix: sparse.csr_matrix, threshold: float) -> sparse.csr_matrix:
    """Cosine similarities at or above `threshold`, computed in row blocks to bound memory."""
    blocks = []
    for start in range(0, matrix.shape[0], _CHUNK):
        block = (matrix[start : start + _CHUNK] @ matrix.T).tocsr()
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
    # Rows as dicts: thousands of tiny lookups are far cheaper in Python than in scipy.
    near = [
        dict(zip(similar.indices[start:end].tolist(), similar.data[start:end].tolist()))
        for start, end in zip(similar.indptr[:-1].tolist(), similar.indptr[1:].tolist())
    ]
    # A sentence with only a few content terms ("The company changed its mind.") looks like
    # many others and states no checkable fact; it stays on its own.
    informative = [len(f.stems) + len(f.numbers) + len(f.names) >= _MIN_TERMS for f in features]
    assigned = [False] * len(features)
    groups: list[Group] = []
    for leader in np.argsort(-priority, kind="stable").tolist():
        if assigned[leader]:
            continue
        members = [leader]
        if informative[leader]:
            neighbours = sorted((-s, i) for i, s in near[leader].items() if i != leader)
            for _, candidate in neighbours:
                # Similarities below the neighbour cut count as 0: cheap, and too low to matter.
                if not assigned[candidate] and informative[candidate]:
                    if sum(near[m].get(candidate, 0.0) for m in members) / len(members) >= threshold:
                        members.append(candidate)
        members.sort()
        for member in members:
            assigned[member] = True
        groups.append(_with_representative(members, matrix, features))
    return groups


def _with_representative(members: list[int], matrix: sparse.csr_matrix, features: Sequence[SentenceFeatures]) -> Group:
    """The best-formed member whose words are most typical of the group speaks for it."""
    if len(members) == 1:
        return Group((members[0],), members[0], (1.0,))
    block = (matrix[members] @ matrix[members].T).toarray()
    typicality = (block.sum(axis=1) - 1.0) / (len(members) - 1)
    form = np.array([features[m].form for m in members])
    best = int(np.lexsort((np.arange(len(members)), -typicality, -form))[0])
    return Group(tuple(members), members[best], tuple(float(min(1.0, s)) for s in block[best]))
