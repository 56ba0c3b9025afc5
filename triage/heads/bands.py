"""Decision bands and their thresholds.

- ``auto``: the top suggestion may be pre-filled: among validation reports
  at least this confident, the top suggestion was right at least
  ``target_precision`` of the time (default 95%).
- ``review``: show the candidates: the right answer was among the top 3 at
  least ``review_top3`` of the time at this confidence.
- ``manual``: below that, the model does not know.

Thresholds are tuned only on a validation split carved out of the
training data, never on test data.
"""

from __future__ import annotations

import numpy as np

from triage.metrics import running_precision

BANDS = ("auto", "review", "manual")
NEVER = 1.01  # a threshold no probability reaches


def _lowest_threshold(conf: np.ndarray, hit: np.ndarray, target: float, min_support: int) -> float:
    """Lowest confidence t such that items with conf >= t have mean(hit) >= target."""
    if len(conf) == 0:
        return NEVER
    c, running = running_precision(conf, hit)
    ok = np.where((running >= target) & (np.arange(1, len(c) + 1) >= min_support))[0]
    if len(ok) == 0:
        return NEVER
    k = ok.max()
    # Ties at the cut would let in items the tuning never vouched for.
    t = c[k]
    if k + 1 < len(c) and c[k + 1] == t:
        above = c[c > t]
        t = above.min() if len(above) else NEVER
    return float(t)


def tune_thresholds(proba: np.ndarray, y_idx: np.ndarray, target_precision: float = 0.95,
                    review_top3: float = 0.90, min_support: int = 10) -> dict:
    """Thresholds on the top probability from validation probabilities and true column indices (-1 = unseen)."""
    conf = proba.max(axis=1)
    top1 = proba.argmax(axis=1) == y_idx
    top3_idx = np.argsort(-proba, axis=1)[:, :3]
    top3 = (top3_idx == y_idx[:, None]).any(axis=1)
    return thresholds_from_hits(conf, top1, top3, target_precision, review_top3, min_support)


def thresholds_from_hits(conf: np.ndarray, top1: np.ndarray, top3: np.ndarray, target_precision: float = 0.95,
                         review_top3: float = 0.90, min_support: int = 10) -> dict:
    """Thresholds from each suggestion's confidence and whether its top one (top three) held the answer:
    on a validation split at training time, or on the latest decisions while learning."""
    auto = _lowest_threshold(conf, top1, target_precision, min_support)
    review = _lowest_threshold(conf, top3, review_top3, min_support)
    return {"auto": auto, "review": min(review, auto), "target_precision": target_precision,
            "review_top3": review_top3, "validation_size": int(len(conf)),
            "validation_auto_share": float(np.mean(conf >= auto)) if len(conf) else 0.0}


_BAND_NAMES = np.array(["manual", "review", "auto"], dtype=object)


def assign_bands(top_proba: np.ndarray, thresholds: dict, known: np.ndarray | None = None) -> np.ndarray:
    """Band per report from its top probability; reports with no known features are ``manual``."""
    if len(top_proba) == 1:  # one report: the same comparisons on one number
        p = top_proba[0]
        band = "auto" if p >= thresholds["auto"] else "review" if p >= thresholds["review"] else "manual"
        return np.array(["manual" if known is not None and not known[0] else band], dtype=object)
    # Indices into the names, then one gather: no string array to build and convert on every call.
    out = _BAND_NAMES[np.where(top_proba >= thresholds["auto"], 2, np.where(top_proba >= thresholds["review"], 1, 0))]
    if known is not None:
        out[~known] = "manual"
    return out
