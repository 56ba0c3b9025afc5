"""Stateless classification through the app's ModelHolder."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from api import metrics
from api.model_holder import Loaded, ModelHolder
from api.schemas import ClassifyItem


@dataclass
class Classified:
    payloads: list[dict]  # `Suggestion.to_dict()` per report, in order
    loaded: Loaded  # the model that made them
    embeddings: np.ndarray | None  # the reports' unit-length embeddings (None: the encoder has none)


def classify(holder: ModelHolder, reports: Sequence[ClassifyItem], source: str = "classify",
             heads: Sequence[str] | None = None) -> list[dict]:
    """`Suggestion.to_dict()` for each report, in order (only the heads in `heads`, when given)."""
    return analyse(holder, reports, source, heads).payloads


def analyse(holder: ModelHolder, reports: Sequence[ClassifyItem], source: str = "classify",
            heads: Sequence[str] | None = None) -> Classified:
    try:
        loaded, analysis = holder.analyse([r.text for r in reports], titles=[r.title for r in reports],
                                          heads=None if heads is None else list(heads))
    except Exception:
        metrics.MODEL_FAILURES.labels(source).inc()
        raise
    out = [s.to_dict() for s in analysis.suggestions]
    metrics.record_suggestions(out, source)
    return Classified(out, loaded, analysis.embeddings)
