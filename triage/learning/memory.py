"""A memory of recent decisions: where reports like this one were sent, by nearest neighbours.

Each decided report is kept as a unit-length feature vector (the model's own features, see
`triage.learning.router`), its agency and the time of the decision. A new report's neighbours vote
for their agencies, weighted by similarity (sharpened by a power, so that a near-identical report
counts far more than a loosely related one) and, optionally, by recency. The vote comes with its
total weight, so the caller can tell a strong precedent from none.

A decision made again on the same report (a correction, a return by the agency) replaces the
earlier one: the memory is keyed. The oldest entries leave when the capacity is reached.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from triage.rownorm import l2_normalize


@dataclass
class Vote:
    """Neighbours' votes for a batch: probabilities over `labels`, each row's total weight, and the
    similarity of its closest neighbour (0 when the memory is empty)."""

    labels: np.ndarray
    proba: np.ndarray
    weight: np.ndarray
    top_similarity: np.ndarray


class DecisionMemory:
    def __init__(self, capacity: int = 20_000, k: int = 10, power: float = 4.0, min_similarity: float = 0.2,
                 half_life_days: float | None = None):
        self.capacity = capacity
        self.k = k
        self.power = power
        self.min_similarity = min_similarity
        self.half_life_days = half_life_days
        self._items: OrderedDict[Hashable, tuple[object, str, dt.datetime | None]] = OrderedDict()
        self._matrix = None  # rows of the items, rebuilt after a change
        self._keys: list[Hashable] = []
        self._labels = np.array([], dtype=object)
        self._times = np.array([], dtype="datetime64[s]")

    def __len__(self) -> int:
        return len(self._items)

    @property
    def labels(self) -> set[str]:
        return {label for _, label, _ in self._items.values()}

    def add(self, keys: Sequence[Hashable], X, labels: Sequence[str], times: Sequence[dt.datetime | None] | None = None
            ) -> None:
        """Remember decided reports (rows of `X`); a key already remembered is replaced and moves to the end."""
        X = l2_normalize(X.tocsr() if sp.issparse(X) else np.asarray(X, dtype=np.float32))
        times = list(times) if times is not None else [None] * len(keys)
        for i, key in enumerate(keys):
            self._items.pop(key, None)
            self._items[key] = (X[i], str(labels[i]), times[i])
        while len(self._items) > self.capacity:
            self._items.popitem(last=False)
        self._matrix = None

    def forget(self, key: Hashable) -> bool:
        """Drop a decision that no longer holds (e.g. the agency handed the report back)."""
        found = self._items.pop(key, None) is not None
        if found:
            self._matrix = None
        return found

    def clear(self) -> None:
        self._items.clear()
        self._matrix = None

    def _build(self) -> None:
        rows = [x for x, _, _ in self._items.values()]
        if not rows:
            self._matrix = None
        elif sp.issparse(rows[0]):
            self._matrix = sp.vstack(rows, format="csr")
        else:
            self._matrix = np.vstack(rows).astype(np.float32)
        self._keys = list(self._items)
        self._labels = np.array([label for _, label, _ in self._items.values()], dtype=object)
        # Once per change, not per query: sorting 20,000 labels cost more than the similarity search.
        self._label_set, self._codes = np.unique(self._labels, return_inverse=True)
        self._times = np.array([np.datetime64(t.replace(tzinfo=None), "s") if t else np.datetime64("NaT")
                                for _, _, t in self._items.values()], dtype="datetime64[s]")

    def vote(self, X, at: dt.datetime | None = None) -> Vote:
        """Each row's neighbours' vote. `at`: the time of the new reports, for recency weighting."""
        n = X.shape[0]
        if self._matrix is None and self._items:
            self._build()
        if self._matrix is None:
            return Vote(np.array([], dtype=object), np.zeros((n, 0)), np.zeros(n), np.zeros(n))
        X = l2_normalize(X.tocsr() if sp.issparse(X) else np.asarray(X, dtype=np.float32))
        S = X @ self._matrix.T
        S = S.toarray() if sp.issparse(S) else np.asarray(S)
        labels, codes = self._label_set, self._codes
        decay = self._decay(at)
        proba = np.zeros((n, len(labels)))
        weight = np.zeros(n)
        k = min(self.k, S.shape[1])
        top = np.argpartition(-S, k - 1, axis=1)[:, :k] if k < S.shape[1] else np.tile(np.arange(S.shape[1]), (n, 1))
        for r in range(n):
            sims = S[r, top[r]]
            w = np.where(sims >= self.min_similarity, np.clip(sims, 0, None) ** self.power, 0.0)
            if decay is not None:
                w = w * decay[top[r]]
            np.add.at(proba[r], codes[top[r]], w)
            weight[r] = w.sum()
        total = proba.sum(axis=1, keepdims=True)
        proba = np.divide(proba, total, out=np.zeros_like(proba), where=total > 0)
        top_sim = S.max(axis=1) if S.shape[1] else np.zeros(n)
        return Vote(labels, proba, weight, top_sim)

    def _decay(self, at: dt.datetime | None):
        if not self.half_life_days or at is None:
            return None
        now = np.datetime64(at.replace(tzinfo=None), "s")
        age = (now - self._times).astype("timedelta64[s]").astype(float) / 86400.0
        age = np.where(np.isnan(age), 0.0, np.clip(age, 0, None))
        return np.power(0.5, age / self.half_life_days)
