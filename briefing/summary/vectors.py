"""Sentences as sparse vectors: term counts, TF-IDF rows of unit length, and the cosine
similarities above a threshold, in memory linear in the number of sentences.

Stories, same-fact tests, grouping and the graph ratings (LexRank, LSA, TextRank) all
compare sentences this way.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from itertools import chain

import numpy as np

from briefing.summary.scipy_sparse import sparse


def count_matrix(
    rows: Sequence[Sequence[Hashable]], weights: Sequence[Sequence[float]] | None = None
) -> sparse.csr_matrix:
    """How often each term occurs in each row: sentences by terms, columns in order of first use.

    With `weights` (one per term of each row), an occurrence counts its weight instead of 1.
    """
    vocabulary: dict[Hashable, int] = {}
    columns = [vocabulary.setdefault(term, len(vocabulary)) for row in rows for term in row]
    indptr = np.cumsum([0, *(len(row) for row in rows)])
    data = np.ones(len(columns)) if weights is None else np.fromiter(chain.from_iterable(weights), float, len(columns))
    counts = sparse.csr_matrix((data, columns, indptr), shape=(len(rows), max(len(vocabulary), 1)))
    counts.sum_duplicates()
    return counts


def unit_tfidf(
    counts: sparse.csr_matrix, sublinear: bool = False, documents: int = 0, heaviest: int = 0
) -> sparse.csr_matrix:
    """TF-IDF rows scaled to unit length, so that a row product is a cosine.

    Smooth idf, log((1 + n) / (1 + df)) + 1, with n the rows or `documents` if more;
    `sublinear` takes 1 + log(tf), so a word repeated ten times in one long text does not
    outweigh ten different words. With `heaviest`, each row keeps only its that many largest
    weights (ties: the earlier column), so a long text and a short one carry vectors of a size.
    """
    counts = sparse.csr_matrix(counts, dtype=float, copy=True)
    document_frequency = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = np.log((1 + max(counts.shape[0], documents)) / (1 + document_frequency)) + 1.0
    if sublinear:
        counts.data = 1.0 + np.log(counts.data)
    weighted = sparse.csr_matrix(counts.multiply(idf))
    if heaviest:
        _keep_heaviest(weighted, heaviest)
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return scale_rows(weighted, 1.0 / norms)


def scale_rows(matrix: sparse.csr_matrix, factors: np.ndarray) -> sparse.csr_matrix:
    """Each row of `matrix` times its factor. (Not `sparse.diags(factors) @ matrix`: scipy's
    diagonal matrix calls np.unique, and that imports numpy.ma, 0.03 s of a start.)"""
    scaled = sparse.csr_matrix(matrix, dtype=float, copy=True)
    scaled.data *= np.repeat(factors, np.diff(scaled.indptr))
    return scaled


def _keep_heaviest(matrix: sparse.csr_matrix, count: int) -> None:
    """Zero all but the `count` largest values of each row (ties: the earlier column), in place."""
    for row in np.nonzero(np.diff(matrix.indptr) > count)[0].tolist():
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        values = matrix.data[start:end]
        values[np.lexsort((matrix.indices[start:end], -values))[count:]] = 0.0
    matrix.eliminate_zeros()


_BLOCK_CELLS = 4_000_000
# The most pairs a similarity graph keeps in all. Past it each row keeps only its strongest
# `_MOST_PAIRS // rows` (a pair stays when either of its rows keeps it). A day of ordinary
# news is far below it: 3,000 feed entries keep a few hundred thousand pairs above the story
# floor. 16,000 near-identical feed entries (4.6 MB, under max_bytes) linked all 256 million
# pairs and the run died past 3 GB; its callers (average linkage, LexRank, the same-fact
# neighbours) hold every pair again in Python, so the cap is on what they are given.
_MOST_PAIRS = 2_000_000


def similar_pairs(matrix: sparse.csr_matrix, threshold: float) -> sparse.csr_matrix:
    """Cosine similarities at or above `threshold`, computed in row blocks to bound memory.

    A block's product may hold a value for nearly every pair of its rows with all rows
    (common words link almost everything), so blocks hold at most `_BLOCK_CELLS` pairs, and
    the result at most about `_MOST_PAIRS`: on a day that would pass it, each row keeps its
    strongest neighbours only. Memory stays linear in the number of rows, whatever the day.
    """
    count = matrix.shape[0]
    rows = max(1, _BLOCK_CELLS // max(count, 1))
    most = max(1, _MOST_PAIRS // max(count, 1))
    blocks = []
    pruned = False
    for start in range(0, count, rows):
        block = (matrix[start : start + rows] @ matrix.T).tocsr()
        block.data[block.data < threshold] = 0.0
        block.eliminate_zeros()
        if block.nnz > most * block.shape[0]:
            block, pruned = _strongest(block, most), True
        blocks.append(block)
    if not blocks:
        return sparse.csr_matrix(matrix.shape)
    similar = sparse.csr_matrix(sparse.vstack(blocks))
    return sparse.csr_matrix(similar.maximum(similar.T)) if pruned else similar


def _strongest(block: sparse.csr_matrix, most: int) -> sparse.csr_matrix:
    """Each row of `block` with only its `most` largest values (ties: the lower column)."""
    lengths = np.diff(block.indptr)
    keep = np.ones(block.nnz, dtype=bool)
    for row in np.flatnonzero(lengths > most).tolist():
        start, end = block.indptr[row], block.indptr[row + 1]
        order = np.lexsort((block.indices[start:end], -block.data[start:end]))
        keep[start + order[most:]] = False
    rows = np.repeat(np.arange(block.shape[0]), lengths)[keep]
    return sparse.csr_matrix((block.data[keep], (rows, block.indices[keep])), shape=block.shape)


class SparseRows:
    """Rows of a CSR matrix as dicts, built on demand: a dot product of two short rows in
    Python costs microseconds where slicing the sparse matrix for it costs a hundred."""

    def __init__(self, matrix: sparse.csr_matrix) -> None:
        self.matrix = matrix
        self._rows: dict[int, dict[int, float]] = {}

    def row(self, index: int) -> dict[int, float]:
        if index not in self._rows:
            start, end = self.matrix.indptr[index], self.matrix.indptr[index + 1]
            self._rows[index] = dict(zip(self.matrix.indices[start:end].tolist(), self.matrix.data[start:end].tolist()))
        return self._rows[index]

    def dot(self, index: int, other: dict[int, float]) -> float:
        """The dot product of row `index` with a vector given as {column: value}."""
        return sum(value * other.get(term, 0.0) for term, value in self.row(index).items())
