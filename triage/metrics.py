"""Evaluation metrics for suggestion heads, as the benchmark protocol defines them.

One module for training (benchmarks, reports), the service's registry (comparing models on recent
decisions) and the heads' band thresholds, which all rest on the same running-precision scan.
"""

from __future__ import annotations

import numpy as np


def top_k_hits(proba: np.ndarray, classes: np.ndarray, y: np.ndarray, k: int) -> np.ndarray:
    top = classes[np.argsort(-proba, axis=1)[:, :k]]
    return (top == np.asarray(y)[:, None]).any(axis=1)


def running_precision(confidence: np.ndarray, correct: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Confidences sorted high to low, and the share correct among the first k items for every k."""
    order = np.argsort(-np.asarray(confidence), kind="stable")
    hits = np.asarray(correct, dtype=float)[order]
    return np.asarray(confidence)[order], np.cumsum(hits) / np.arange(1, len(hits) + 1)


def coverage_at(confidence: np.ndarray, correct: np.ndarray, target: float = 0.95) -> float:
    """Largest share of reports, taken in order of confidence, whose suggestions are >= target correct."""
    if len(correct) == 0:
        return 0.0
    _, running = running_precision(confidence, correct)
    ok = np.where(running >= target)[0]
    return float((ok.max() + 1) / len(correct)) if len(ok) else 0.0


def coverage_curve(confidence: np.ndarray, correct: np.ndarray, points: int = 50) -> tuple[np.ndarray, np.ndarray]:
    _, running = running_precision(confidence, correct)
    cov = np.arange(1, len(correct) + 1) / len(correct)
    idx = np.unique(np.linspace(0, len(correct) - 1, points).astype(int))
    return cov[idx], running[idx]


def expected_calibration_error(confidence: np.ndarray, correct: np.ndarray, bins: int = 15) -> float:
    edges = np.linspace(0, 1, bins + 1)
    ece = 0.0
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        sel = (confidence > lo) & (confidence <= hi)
        if sel.any():
            ece += sel.mean() * abs(correct[sel].mean() - confidence[sel].mean())
    return float(ece)


def reliability(confidence: np.ndarray, correct: np.ndarray, bins: int = 10):
    edges = np.linspace(0, 1, bins + 1)
    mids, accs, counts = [], [], []
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        sel = (confidence > lo) & (confidence <= hi)
        if sel.any():
            mids.append(confidence[sel].mean())
            accs.append(correct[sel].mean())
            counts.append(int(sel.sum()))
    return np.array(mids), np.array(accs), np.array(counts)


def score_head(proba: np.ndarray, classes: np.ndarray, y, positive: str | None = None) -> dict:
    """All protocol metrics for one head. ``positive`` names the positive label of a binary head."""
    # Imported here: the bands' running precision above is on the serving path, scikit-learn is not.
    from sklearn.metrics import average_precision_score, f1_score, roc_auc_score

    y = np.asarray(y).astype(str)
    classes = np.asarray(classes).astype(str)
    pred = classes[proba.argmax(axis=1)]
    conf = proba.max(axis=1)
    correct = pred == y
    present = np.unique(y)
    out = {
        "n": int(len(y)),
        "accuracy": float(correct.mean()) if len(y) else 0.0,
        "macro_f1": float(f1_score(y, pred, labels=present, average="macro", zero_division=0)),
        "top3_accuracy": float(top_k_hits(proba, classes, y, 3).mean()) if len(y) else 0.0,
        "coverage_at_95": coverage_at(conf, correct, 0.95),
        "ece": expected_calibration_error(conf, correct),
    }
    if positive is not None and len(classes) == 2 and positive in classes:
        pos = int(np.where(classes == positive)[0][0])
        is_pos = (y == positive).astype(int)
        if 0 < is_pos.sum() < len(is_pos):
            out["roc_auc"] = float(roc_auc_score(is_pos, proba[:, pos]))
            out["average_precision"] = float(average_precision_score(is_pos, proba[:, pos]))
    return out
