"""Stateless classification through the app's ModelHolder."""

from __future__ import annotations

from api import metrics
from api.model_holder import ModelHolder


def classify(holder: ModelHolder, items: list[dict], source: str = "classify") -> list[dict]:
    """items: [{"text", "title"?}] -> Suggestion.to_dict() for each, in order."""
    texts = [i["text"] for i in items]
    titles = [i.get("title") for i in items]
    try:
        _loaded, suggestions = holder.suggest(texts, titles=titles)
    except Exception:
        metrics.MODEL_FAILURES.labels(source).inc()
        raise
    out = [s.to_dict() for s in suggestions]
    metrics.record_suggestions(out, source)
    return out
