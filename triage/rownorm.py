"""Unit-length rows, as ``sklearn.preprocessing.normalize(X, norm="l2")`` computes them, without scikit-learn.

Serving must not import scikit-learn (its ``sklearn.utils.fixes`` pulls in pandas and scipy.stats: about
140 MiB per worker), yet the TF-IDF rows and the memory of decisions need the same l2 rows as training.
The arithmetic follows scikit-learn 1.9 step by step, so the results are bit-identical
(tests/triage/test_rownorm.py):

- sparse rows (``inplace_csr_row_normalize_l2``): squares in the data's dtype, summed in order into a
  double, one square root, each value divided in double and stored back in the data's dtype; empty
  (all-zero) rows stay as they are;
- dense rows (``row_norms`` + ``_handle_zeros_in_scale``): ``sqrt(einsum("ij,ij->i"))``, norms below ten
  machine epsilons count as 1.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp


def row_lengths(X: np.ndarray) -> np.ndarray:
    """``np.linalg.norm(X, axis=1, keepdims=True)`` of a real 2-D array, the same arithmetic (squares,
    ``add.reduce`` over the row, square root) without its argument handling, which cost more than the
    sums for one report's row."""
    return np.sqrt(np.add.reduce(X * X, axis=1, keepdims=True))


def _float_dtype(dtype) -> np.dtype:
    return np.dtype(dtype) if np.dtype(dtype) in (np.float32, np.float64) else np.dtype(np.float64)


def l2_normalize_csr_inplace(data: np.ndarray, indptr: np.ndarray) -> None:
    """Scale each CSR row of ``data`` (float) to unit l2 length, in place."""
    lengths = np.diff(indptr)
    if len(data) == 0:
        return
    if len(lengths) == 1:  # one row (a classify of one report): its squares added in order
        data[:] = data.astype(np.float64) / (np.sqrt(np.cumsum(data * data, dtype=np.float64)[-1]) or 1.0)
        return
    rows = np.repeat(np.arange(len(lengths)), lengths)
    # Each row's squares laid out on its own line, zero-padded: a cumulative sum along the line adds them
    # in order, as the Cython loop does (np.sum would add pairwise); the padding adds exact zeros.
    square = np.zeros((len(lengths), int(lengths.max())))
    square[rows, np.arange(len(data)) - np.repeat(indptr[:-1], lengths)] = data * data
    norms = np.sqrt(np.cumsum(square, axis=1)[:, -1])
    norms[norms == 0.0] = 1.0  # empty rows stay as they are (x / 1.0 is x)
    data[:] = data.astype(np.float64) / norms[rows]


def l2_normalize(X):
    """A copy of ``X`` (dense or sparse) with unit-length rows; floats keep their dtype, integers become float64."""
    if sp.issparse(X):
        X = sp.csr_matrix(X, dtype=_float_dtype(X.dtype), copy=True)
        l2_normalize_csr_inplace(X.data, X.indptr)
        return X
    X = np.array(X, dtype=_float_dtype(np.asarray(X).dtype), copy=True)
    norms = np.sqrt(np.einsum("ij,ij->i", X, X))
    norms[norms < 10 * np.finfo(norms.dtype).eps] = 1.0
    X /= norms[:, None]
    return X
