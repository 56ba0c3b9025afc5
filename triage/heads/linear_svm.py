"""A one-vs-rest linear SVM whose per-class problems are solved on several threads.

`LinearSVC` solves its one-vs-rest problems one after another on one core: with the ~150 agencies of a
real kota that is most of a refit's time. liblinear releases the GIL, so the same binary problems on a
thread pool give the same model (the same solver, the same settings per class) in a fraction of the
wall time on a machine with cores to spare. A worker with one core simply runs them in turn.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.svm import LinearSVC
from sklearn.utils.validation import check_is_fitted

from triage.heads.head_runtime import label_of_scores, linear_scores


def default_threads() -> int:
    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1))


class OneVsRestLinearSVC(ClassifierMixin, BaseEstimator):
    """`LinearSVC` with its one-vs-rest problems on `n_jobs` threads (None: the cores available, up to 4).

    Exposes `classes_`, `coef_` and `intercept_` as `LinearSVC` does, so explanations read it alike.
    Class weights are per-class in liblinear's own multi-class loop; with them set, it fits `LinearSVC`
    as is (one thread) rather than approximate them.
    """

    def __init__(self, C: float = 1.0, class_weight=None, random_state: int = 0, n_jobs: int | None = None):
        self.C = C
        self.class_weight = class_weight
        self.random_state = random_state
        self.n_jobs = n_jobs

    def _svc(self) -> LinearSVC:
        return LinearSVC(C=self.C, class_weight=self.class_weight, random_state=self.random_state)

    def fit(self, X, y, sample_weight=None):
        y = np.asarray(y)
        self.classes_ = np.unique(y)
        threads = self.n_jobs or default_threads()
        if len(self.classes_) <= 2 or self.class_weight is not None or threads == 1:
            svc = self._svc().fit(X, y, sample_weight=sample_weight)
            self.coef_, self.intercept_ = svc.coef_, svc.intercept_
            return self

        def one(label):
            svc = self._svc().fit(X, (y == label).astype(np.int8), sample_weight=sample_weight)
            return svc.coef_[0], svc.intercept_[0]

        with ThreadPoolExecutor(max_workers=threads) as pool:
            parts = list(pool.map(one, self.classes_))
        self.coef_ = np.vstack([c for c, _ in parts])
        self.intercept_ = np.array([b for _, b in parts])
        return self

    def decision_function(self, X) -> np.ndarray:
        check_is_fitted(self, "coef_")
        return linear_scores(X, self.coef_, self.intercept_)

    def predict(self, X) -> np.ndarray:
        return label_of_scores(self.decision_function(X), self.classes_)
