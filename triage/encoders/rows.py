"""Feature rows assembled with numpy, then one CSR matrix built from them.

Serving encodes one report per request, and scipy's sparse constructors and ``hstack`` check their
input on every call: for a single short report that checking cost more than the TF-IDF arithmetic
(about a dozen matrices per classify before this module). Encoders hand their blocks over as ``Rows``
and :func:`hstack_rows` builds the matrix once, with the same values, column order and dtype as
``scipy.sparse.hstack(..., format="csr")`` (tests/triage/encoders/test_rows.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp


@dataclass(frozen=True)
class Rows:
    """A CSR block: sorted column indices within each row, ``n_cols`` wide."""

    data: np.ndarray
    indices: np.ndarray
    indptr: np.ndarray
    n_cols: int

    @property
    def n_rows(self) -> int:
        return len(self.indptr) - 1

    @classmethod
    def dense(cls, values: np.ndarray) -> Rows:
        """Every entry of a dense block, zeros included (a product reads them as zeros)."""
        n, d = values.shape
        return cls(np.ascontiguousarray(values).ravel(), np.tile(np.arange(d, dtype=np.int32), n),
                   np.arange(0, n * d + 1, d, dtype=np.int32) if d else np.zeros(n + 1, np.int32), d)

    @classmethod
    def of(cls, X) -> Rows:
        X = X.tocsr() if sp.issparse(X) else sp.csr_matrix(X)
        if not X.has_sorted_indices:
            X = X.sorted_indices()
        return cls(X.data, X.indices, X.indptr, X.shape[1])


def hstack_rows(blocks: Sequence[Rows]) -> sp.csr_matrix:
    """The blocks side by side, as one CSR matrix."""
    n = blocks[0].n_rows
    offsets = np.cumsum([0] + [b.n_cols for b in blocks])
    dtype = np.result_type(*(b.data.dtype for b in blocks))
    if n == 1 or len(blocks) == 1:  # one row (or one block): the blocks' entries follow one another
        data = np.concatenate([b.data for b in blocks]).astype(dtype, copy=False)
        indices = np.concatenate([b.indices.astype(np.int32, copy=False) + np.int32(off)
                                  for b, off in zip(blocks, offsets, strict=False)])
        if n == 1:
            indptr = np.array([0, len(data)], dtype=np.int32)
        else:
            indptr = np.array(blocks[0].indptr, dtype=np.int32)
        return sp.csr_matrix((data, indices, indptr), shape=(n, int(offsets[-1])))
    lengths = [np.diff(b.indptr) for b in blocks]
    indptr = np.zeros(n + 1, dtype=np.int32)
    np.cumsum(sum(lengths), out=indptr[1:])
    # Each entry's place is known: its row's start, the row's entries of the blocks before it, its rank
    # within its own block's row. Writing them there keeps each row's blocks (and sorted columns) in
    # order, without sorting.
    data = np.empty(int(indptr[-1]), dtype=dtype)
    indices = np.empty(int(indptr[-1]), dtype=np.int32)
    start = indptr[:-1].astype(np.int64)
    for b, off, length in zip(blocks, offsets, lengths, strict=False):
        if len(b.data):
            at = np.repeat(start - b.indptr[:-1], length) + np.arange(len(b.data))
            data[at] = b.data
            indices[at] = b.indices + off
        start = start + length
    return sp.csr_matrix((data, indices, indptr), shape=(n, int(offsets[-1])))


def leading_columns(X, width: int) -> np.ndarray:
    """``X[:, :width]`` as a dense array, without scipy's column slicing (slow for one row)."""
    if not sp.issparse(X):
        return np.asarray(X)[:, :width]
    X = X.tocsr()
    if X.shape[0] == 1 and X.indptr[1] >= width and np.array_equal(X.indices[:width], np.arange(width)):
        # One row that stores all its first `width` columns (the hybrid's dense block, zeros included):
        # they are its first `width` entries.
        return X.data[:width].reshape(1, width).copy()
    out = np.zeros((X.shape[0], width), dtype=X.dtype)
    rows = np.repeat(np.arange(X.shape[0]), np.diff(X.indptr))
    keep = X.indices < width
    out[rows[keep], X.indices[keep]] = X.data[keep]
    return out
