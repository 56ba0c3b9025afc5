"""Turning raw classifier scores into calibrated probabilities.

Multi-class heads use temperature scaling (one scalar, so it cannot overfit
a small validation split and keeps the ranking); binary heads use Platt
scaling (slope and intercept), which also corrects a shifted threshold.
Both are fitted on a validation split that the scorer did not train on.
"""

from __future__ import annotations

import numpy as np
from scipy.special import expit, log_softmax


def fit_temperature(scores: np.ndarray, y_idx: np.ndarray) -> float:
    """Temperature minimising the negative log-likelihood of ``y_idx`` (column indices)."""
    from scipy.optimize import minimize_scalar  # fitting only: serving applies the temperature

    if len(y_idx) == 0:
        return 1.0
    rows = np.arange(len(y_idx))

    def nll(log_t: float) -> float:
        return -log_softmax(scores / np.exp(log_t), axis=1)[rows, y_idx].mean()

    res = minimize_scalar(nll, bounds=(-6.0, 4.0), method="bounded")
    return float(np.exp(res.x))


def softmax_with_temperature(scores: np.ndarray, temperature: float) -> np.ndarray:
    # scipy.special.softmax(x, axis=1)'s arithmetic, step for step, without its array-API dispatch (a
    # tenth of a one-report classify's model time went to that dispatch).
    # np.max and np.sum are these ufunc reductions behind a Python-level dispatch: called directly.
    x = scores / temperature
    e = np.exp(x - np.maximum.reduce(x, axis=1, keepdims=True))
    return e / np.add.reduce(e, axis=1, keepdims=True)


def fit_platt(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Slope and intercept of P(y=1 | score); identity-like fallback when one class is missing."""
    from sklearn.linear_model import LogisticRegression  # fitting only: serving applies the slope

    if len(np.unique(y)) < 2:
        return 1.0, 0.0
    lr = LogisticRegression(C=1e4).fit(scores.reshape(-1, 1), y)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def platt_probability(scores: np.ndarray, slope: float, intercept: float) -> np.ndarray:
    return expit(slope * scores + intercept)
