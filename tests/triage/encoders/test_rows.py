"""triage.encoders.rows builds what scipy.sparse.hstack builds, without its per-call checking."""

import numpy as np
import pytest
import scipy.sparse as sp

from triage.encoders.rows import Rows, hstack_rows, leading_columns


def _random_csr(rng, n, d, density, dtype):
    X = sp.random(n, d, density=density, format="csr", random_state=rng, dtype=dtype)
    X.sort_indices()
    return X


@pytest.mark.parametrize("n", [1, 2, 7, 60])
def test_hstack_rows_equals_scipy_hstack(n):
    rng = np.random.default_rng(n)
    dense = rng.standard_normal((n, 5)).astype(np.float32)
    dense[0, 2] = 0.0  # an exact zero in the dense block stays an entry, worth zero
    a = _random_csr(rng, n, 40, 0.2, np.float32)
    b = _random_csr(rng, n, 30, {2: 0.0, 60: 0.02}.get(n, 0.3), np.float32)  # an empty block; many empty rows
    cues = rng.random((n, 3))  # float64: the result is upcast as scipy's is
    got = hstack_rows([Rows.dense(dense), Rows.of(a), Rows.of(b), Rows.dense(cues)])
    want = sp.hstack([sp.csr_matrix(dense), a, b, sp.csr_matrix(cues)], format="csr")
    assert got.shape == want.shape and got.dtype == want.dtype == np.float64
    assert np.array_equal(got.toarray(), want.toarray())
    assert got.has_sorted_indices or np.all(np.diff(got.indices[got.indptr[0]:got.indptr[1]]) > 0)
    W = rng.standard_normal((got.shape[1], 4))
    assert np.array_equal(got @ W, want @ W)  # explicit zeros change no product
    alone = hstack_rows([Rows.of(a)])  # one block: its own rows
    assert np.array_equal(alone.indptr, a.indptr) and np.array_equal(alone.toarray(), a.toarray())


def test_leading_columns_equals_slicing():
    rng = np.random.default_rng(0)
    X = _random_csr(rng, 6, 50, 0.3, np.float32)
    assert np.array_equal(leading_columns(X, 12), X[:, :12].toarray())
    assert np.array_equal(leading_columns(X.toarray(), 12), X[:, :12].toarray())
    assert leading_columns(sp.csr_matrix((0, 50), dtype=np.float32), 12).shape == (0, 12)
