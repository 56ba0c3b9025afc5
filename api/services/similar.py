"""The most similar earlier complaints and where they were sent, with the active model's encoder.

Brute force for now: cosine similarity between the complaint and the latest `pool` complaints that
were dispatched to an agency. Vectors are cached per (model version, complaint id) in the process,
so a page view encodes only complaints it has not seen yet. A later issue replaces this with an
ANN index over stored embeddings.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from api import access
from api.model_holder import ModelHolder
from api.models import Complaint
from api.principal import Principal

DEFAULT_POOL = 500
CACHE_SIZE = 20_000


@dataclass
class Similar:
    complaint: Complaint
    score: float


class _VectorCache:
    def __init__(self, size: int = CACHE_SIZE):
        self._data: OrderedDict[tuple[str, int], object] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            v = self._data.get(key)
            if v is not None:
                self._data.move_to_end(key)
            return v

    def put(self, key, value) -> None:
        with self._lock:
            self._data[key] = value
            while len(self._data) > self._size:
                self._data.popitem(last=False)


_cache = _VectorCache()


def _full_text(c: Complaint) -> str:
    # The same joining as triage.suggest.Suggester.suggest, so vectors match what the heads saw.
    return f"{c.title}. {c.text}" if c.title else (c.text or "")


def _normalise(X):
    if sp.issparse(X):
        X = sp.csr_matrix(X, dtype=np.float64)
        norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1))).ravel()
        norms[norms == 0] = 1.0
        return sp.diags(1.0 / norms) @ X
    X = np.asarray(X, dtype=np.float64)
    norms = np.linalg.norm(X, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return X / norms


def encode(holder: ModelHolder, complaints: list[Complaint]):
    """Unit-length vectors of the complaints (rows, in order) with the active model; cached."""
    loaded = holder.current
    if loaded is None or not complaints:
        return None
    version = loaded.version
    missing = [c for c in complaints if _cache.get((version, c.id)) is None]
    if missing:
        X, _norm = loaded.suggester.encode([_full_text(c) for c in missing])
        X = _normalise(X)
        for i, c in enumerate(missing):
            _cache.put((version, c.id), X[i : i + 1] if sp.issparse(X) else X[i : i + 1, :])
    rows = [_cache.get((version, c.id)) for c in complaints]
    return sp.vstack(rows).tocsr() if sp.issparse(rows[0]) else np.vstack(rows)


def similar_complaints(s: Session, holder: ModelHolder, c: Complaint, p: Principal, limit: int = 5,
                       pool: int = DEFAULT_POOL) -> list[Similar]:
    """Up to `limit` earlier dispatched complaints closest to `c`, best first (empty without a model)."""
    if holder.current is None:
        return []
    stmt = (select(Complaint).where(Complaint.agency_id.is_not(None), Complaint.id != c.id)
            .options(selectinload(Complaint.agency)).order_by(Complaint.id.desc()).limit(pool))
    candidates = list(s.scalars(access.scope(stmt, p)))
    if not candidates:
        return []
    X = encode(holder, [c, *candidates])
    scores = X[1:] @ X[0].T
    scores = np.asarray(scores.todense() if sp.issparse(scores) else scores).ravel()
    order = np.argsort(-scores)[:limit]
    return [Similar(candidates[i], float(scores[i])) for i in order if scores[i] > 0]
