"""Stateless classification through the app's ModelHolder."""

from __future__ import annotations

from collections.abc import Sequence

from api import metrics
from api.model_holder import ModelHolder
from api.schemas import ClassifyItem


def classify(holder: ModelHolder, reports: Sequence[ClassifyItem], source: str = "classify") -> list[dict]:
    """`Suggestion.to_dict()` for each report, in order."""
    try:
        _loaded, suggestions = holder.suggest([r.text for r in reports], titles=[r.title for r in reports])
    except Exception:
        metrics.MODEL_FAILURES.labels(source).inc()
        raise
    out = [s.to_dict() for s in suggestions]
    metrics.record_suggestions(out, source)
    return out
