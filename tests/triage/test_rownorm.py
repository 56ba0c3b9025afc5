"""l2 rows without scikit-learn are scikit-learn's, bit for bit (sparse and dense, float32 and float64)."""

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.preprocessing import normalize

from triage.rownorm import l2_normalize


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_sparse_rows_equal_scikit_learn(dtype):
    rng = np.random.default_rng(0)
    X = sp.random(40, 500, density=0.2, random_state=1, dtype=dtype, format="csr")
    X.data = (X.data * rng.lognormal(0, 3, len(X.data))).astype(dtype)
    X = sp.vstack([X, sp.csr_matrix((1, 500), dtype=dtype)], format="csr")  # an empty row stays empty
    before = X.copy()
    got, want = l2_normalize(X), normalize(X)
    assert got.dtype == want.dtype
    assert np.array_equal(got.indptr, want.indptr) and np.array_equal(got.indices, want.indices)
    assert np.array_equal(got.data, want.data)
    assert np.array_equal(X.data, before.data)  # the input is not touched


@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.int64])
def test_dense_rows_equal_scikit_learn(dtype):
    X = (np.random.default_rng(2).normal(size=(30, 17)) * 100).astype(dtype)
    X[3] = 0
    got, want = l2_normalize(X), normalize(X)
    assert got.dtype == want.dtype and np.array_equal(got, want)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_one_sparse_row_equals_scikit_learn(dtype):
    # One row (a classify of one report) takes its own path: still scikit-learn's numbers.
    rng = np.random.default_rng(3)
    for density in (0.01, 0.3, 1.0):
        X = sp.random(1, 700, density=density, random_state=4, dtype=dtype, format="csr")
        X.data = (X.data * rng.lognormal(0, 3, len(X.data))).astype(dtype)
        got, want = l2_normalize(X), normalize(X)
        assert got.dtype == want.dtype and np.array_equal(got.data, want.data)
    empty = sp.csr_matrix((1, 50), dtype=dtype)
    assert l2_normalize(empty).nnz == 0


def test_row_lengths_equal_numpys_norm_bit_for_bit():
    from triage.rownorm import row_lengths

    rng = np.random.default_rng(5)
    for dtype in (np.float32, np.float64):
        for shape in ((1, 256), (7, 256), (3, 1), (0, 4)):
            X = (rng.normal(size=shape) * rng.lognormal(0, 3, size=(shape[0], 1))).astype(dtype)
            want = np.linalg.norm(X, axis=1, keepdims=True)
            got = row_lengths(X)
            assert got.dtype == want.dtype and np.array_equal(got, want)
