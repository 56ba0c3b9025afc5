"""A calibrated linear classifier with decision bands: the agency, category,
classification and hoax heads are all this estimator over encoded texts."""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.model_selection import train_test_split
from sklearn.utils.validation import check_is_fitted

from triage.heads.bands import NEVER, tune_thresholds
from triage.heads.calibration import (
    fit_platt,
    fit_temperature,
    platt_probability,
    softmax_with_temperature,
)
from triage.heads.head_runtime import LabelHeadInference
from triage.heads.linear_svm import OneVsRestLinearSVC


def validation_split(n: int, y: np.ndarray, order, fraction: float, seed: int):
    """Indices (train, validation). With ``order`` (dates), validation is the most recent part:
    a deployed model routes the future, so thresholds are tuned on later reports."""
    idx = np.arange(n)
    if order is not None:
        ranked = idx[np.argsort(np.asarray(order), kind="stable")]
        cut = int(round(n * (1 - fraction)))
        return ranked[:cut], ranked[cut:]
    counts = dict(zip(*np.unique(y, return_counts=True), strict=True))
    strat = np.array([lab if counts[lab] >= 2 else "__rare__" for lab in y], dtype=object)
    if min(np.unique(strat, return_counts=True)[1]) < 2:
        strat = None
    return train_test_split(idx, test_size=fraction, random_state=seed, stratify=strat)


class LabelHead(LabelHeadInference, ClassifierMixin, BaseEstimator):
    """Linear SVM scores, calibrated on a validation split, with thresholds for the bands.

    ``fit`` carves a validation split out of what it is given (the latest
    reports when ``order`` is passed), fits the scorer on the rest, fits the
    calibration and the band thresholds on the validation part, then refits
    the scorer on everything with the same settings.
    """

    def __init__(self, C: float = 0.5, validation_fraction: float = 0.2, target_precision: float = 0.95,
                 review_top3: float = 0.90, class_weight=None, random_state: int = 0):
        self.C = C
        self.validation_fraction = validation_fraction
        self.target_precision = target_precision
        self.review_top3 = review_top3
        self.class_weight = class_weight
        self.random_state = random_state

    def _scorer(self):
        # liblinear's one-vs-rest problems on threads: the same model, a fraction of a refit's wall time.
        return OneVsRestLinearSVC(C=self.C, class_weight=self.class_weight, random_state=self.random_state)

    def fit(self, X, y, order=None, sample_weight=None):
        y = np.asarray(y, dtype=object).astype(str)
        n = len(y)
        self.classes_ = np.unique(y)
        if len(self.classes_) < 2:
            raise ValueError(f"a head needs at least two labels; got only {self.classes_.tolist()!r}")
        self.binary_ = len(self.classes_) == 2
        sw = None if sample_weight is None else np.asarray(sample_weight, dtype=float)
        self.temperature_, self.platt_ = 1.0, (1.0, 0.0)
        self.thresholds_ = {"auto": NEVER, "review": 0.0, "target_precision": self.target_precision,
                            "review_top3": self.review_top3, "validation_size": 0, "validation_auto_share": 0.0}
        self.validation_ = {}
        if n >= 40:
            tr, va = validation_split(n, y, order, self.validation_fraction, self.random_state)
            if len(np.unique(y[tr])) >= 2:
                self._calibrate(X, y, tr, va, sw)
        self.estimator_ = self._scorer().fit(X, y, sample_weight=sw)
        return self

    def _calibrate(self, X, y, tr, va, sw) -> None:
        part = self._scorer().fit(X[tr], y[tr], sample_weight=None if sw is None else sw[tr])
        classes = part.classes_
        pos = {c: i for i, c in enumerate(classes)}
        y_idx = np.array([pos.get(v, -1) for v in y[va]])
        scores = part.decision_function(X[va])
        if self.binary_ and len(classes) == 2:
            self.platt_ = fit_platt(scores, y_idx)
            p1 = platt_probability(scores, *self.platt_)
            proba = np.column_stack([1 - p1, p1])
        else:
            if scores.ndim == 1:  # the validation model saw two labels only
                scores = np.column_stack([-scores, scores])
            seen = y_idx >= 0
            self.temperature_ = fit_temperature(scores[seen], y_idx[seen])
            proba = softmax_with_temperature(scores, self.temperature_)
        self.thresholds_ = tune_thresholds(proba, y_idx, self.target_precision, self.review_top3)
        top1 = proba.argmax(1) == y_idx
        self.validation_ = {"size": int(len(va)), "accuracy": float(top1.mean()),
                            "unseen_labels": int((y_idx < 0).sum())}

    def decision_function(self, X) -> np.ndarray:
        check_is_fitted(self, "estimator_")
        return self.estimator_.decision_function(X)

    # predict_proba, predict, bands, top_k, class_coefficients: LabelHeadInference (shared with serving)
