"""Scoring a model on recent verifiers' decisions, and comparing a candidate with the active model."""

from __future__ import annotations

import datetime as dt

import numpy as np
from sqlalchemy.orm import Session

from api.models import utcnow
from api.registry.models import ModelEntry
from triage.metrics import coverage_at

MIN_COMPARE_ROWS = 30
COMPARED = ("macro_f1", "coverage_at_95")


def _data_until(entry: ModelEntry) -> dt.datetime:
    """The latest time the model may have seen: training.data_until, else its creation time."""
    t = entry.training or {}
    raw = t.get("data_until") or t.get("created_at")
    if not raw:
        return utcnow()
    d = dt.datetime.fromisoformat(str(raw).replace(" ", "T"))
    return d if d.tzinfo else d.replace(tzinfo=dt.UTC)


def score_suggester(suggester, rows: list[dict]) -> dict:
    """Agency accuracy, macro-F1 and coverage at 95% of `suggester` on rows (dicts with text, title, agency)."""
    from sklearn.metrics import f1_score

    texts = [r["text"] for r in rows]
    titles = [r.get("title") or None for r in rows]
    preds, conf = [], []
    for i in range(0, len(texts), 64):
        for sg in suggester.suggest(texts[i : i + 64], titles=titles[i : i + 64]):
            top = sg.agency.candidates[0] if sg.agency and sg.agency.candidates else None
            preds.append(top.label if top else "")
            conf.append(top.probability if top else 0.0)
    y = np.array([r["agency"] for r in rows], dtype=object)
    pred = np.array(preds, dtype=object)
    correct = pred == y
    return {"n": len(rows), "accuracy": float(correct.mean()) if len(rows) else 0.0,
            "macro_f1": float(f1_score(y.astype(str), pred.astype(str), labels=np.unique(y.astype(str)),
                                       average="macro", zero_division=0)),
            "coverage_at_95": coverage_at(np.array(conf), correct)}


def load_suggester(path: str):
    from triage.bundle import load_bundle
    from triage.suggest import Suggester

    return Suggester(load_bundle(path))


def compare(s: Session, candidate: ModelEntry, current: ModelEntry, min_rows: int = MIN_COMPARE_ROWS,
            suggesters: dict | None = None) -> dict:
    """Score both on the agency of decisions made after both models' training data ended.

    Labels the model knows under an old agency code are remapped like in service (agency mapping),
    and an agency a model never saw counts as a miss for it, so the comparison is fair to both."""
    from api.registry.remap import remapping_suggester
    from api.training_data import export_decisions

    since = max(_data_until(candidate), _data_until(current))
    rows = [r for r in export_decisions(s, since=since).rows if r["agency"]]
    out = {"since": since.isoformat(), "rows": len(rows), "min_rows": min_rows,
           "candidate": {"name": candidate.name, "version": candidate.version},
           "active": {"name": current.name, "version": current.version}}
    if len(rows) < min_rows:
        out["verdict"] = "insufficient"
        out["message"] = (f"only {len(rows)} decisions after {since:%Y-%m-%d %H:%M} (need {min_rows}) that "
                          "neither model trained on: cannot show the candidate is not worse")
        return out
    suggesters = suggesters or {}
    for key, entry in (("candidate", candidate), ("active", current)):
        sug = suggesters.get(entry.version) or remapping_suggester(s, load_suggester(entry.path))
        out[key].update(score_suggester(sug, rows))
    worse = [m for m in COMPARED if out["candidate"][m] < out["active"][m] - 1e-9]
    out["worse_on"] = worse
    out["verdict"] = "worse" if worse else "not_worse"
    out["message"] = ("candidate is worse on " + " and ".join(worse)) if worse else "candidate is not worse"
    return out
