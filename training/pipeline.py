"""Train and evaluate TriageModels on labelled data (used by the CLI and the benchmark)."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np

from training.datasets import LabelledData
from triage.bundle import Bundle, data_fingerprint, save_bundle
from triage.metrics import score_head
from triage.model import HOAX, TriageModel, hoax_labels


def fit_model(data: LabelledData, encoder: str, progress=None, **params) -> tuple[TriageModel, float]:
    t0 = time.perf_counter()
    model = TriageModel(encoder=encoder, **params).fit(data.texts, data.labels, dates=data.dates, progress=progress)
    return model, time.perf_counter() - t0


def train_bundle(data: LabelledData, out: Path, encoder: str, overwrite: bool = False, progress=None,
                 command: str | None = None, **params) -> Bundle:
    model, seconds = fit_model(data, encoder, progress=progress, **params)
    metrics = {"fit_seconds": round(seconds, 2),
               "validation": {h: head.validation_ for h, head in model.heads_.items()}}
    return save_bundle(model, out, data_hash=data_fingerprint(data.texts, data.labels),
                       training_command=command or "training.pipeline.train_bundle", training_rows=len(data),
                       metrics=metrics, overwrite=overwrite)


def evaluate_model(model: TriageModel, data: LabelledData) -> tuple[dict, dict]:
    """Metrics per head on ``data``, and for each head the (proba, classes, y) used for reports.

    Rows whose label the model never saw are dropped from that head's scores, as the
    benchmark protocol prescribes, and counted in ``unseen_label_rows``.
    """
    t0 = time.perf_counter()
    probas = model.predict_proba(data.texts)
    ms_per_doc = 1000 * (time.perf_counter() - t0) / max(1, len(data))
    results, arrays = {}, {}
    for head, raw in data.labels.items():
        if head not in model.heads_:
            continue
        y = hoax_labels(raw) if head == "hoax" else np.asarray(raw, dtype=object)
        classes = model.heads_[head].classes_
        present = np.array([v is not None for v in y])
        seen = present & np.isin(y.astype(str), classes)
        metrics = score_head(probas[head][seen], classes, y[seen].astype(str),
                             positive=HOAX if head == "hoax" else None)
        metrics["unseen_label_rows"] = int((present & ~seen).sum())
        metrics["predict_ms_per_doc"] = round(ms_per_doc, 4)
        results[head] = metrics
        arrays[head] = (probas[head][seen], classes, y[seen].astype(str))
    return results, arrays
