"""Automatic refits of the agency head, and the comparison that decides whether one is promoted.

A refit keeps the model's encoder (training it is the slow part, and every other head reads the same
features) and fits the agency head again on the routing evidence so far: the seed data the model was
trained on, if any, plus the decisions, recent ones weighing more. The latest `refit_holdout` share
of decisions is held out: the candidate is compared with the model in service on those reports,
which neither has seen, and promoted only if it is not worse on macro-F1 nor on coverage at 95%.

The job worker (`api/learning`) and the replay (`triage.learning.replay`) run these same functions.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass

import numpy as np
from sklearn.metrics import f1_score

from triage.heads import LabelHead
from triage.learning.settings import LearningSettings
from triage.metrics import coverage_at
from triage.model import TriageModel, recency_weights
from triage.text.fulltext import full_texts

COMPARED = ("macro_f1", "coverage_at_95")


@dataclass
class Evidence:
    """Reports with the agency a human sent them to, oldest first."""

    texts: list[str]
    titles: list[str | None]
    labels: list[str]
    dates: list[dt.datetime | str | None]

    def __len__(self) -> int:
        return len(self.texts)

    def slice(self, start: int, stop: int | None = None) -> Evidence:
        return Evidence(self.texts[start:stop], self.titles[start:stop], self.labels[start:stop],
                        self.dates[start:stop])

    def __add__(self, other: Evidence) -> Evidence:
        return Evidence(self.texts + other.texts, self.titles + other.titles, self.labels + other.labels,
                        self.dates + other.dates)


def split_holdout(decisions: Evidence, settings: LearningSettings) -> tuple[Evidence, Evidence]:
    """(train, holdout): the latest `refit_holdout` share of the decisions is held out."""
    n_hold = int(round(len(decisions) * settings.refit_holdout))
    cut = len(decisions) - n_hold
    return decisions.slice(0, cut), decisions.slice(cut)


def refit_agency_head(model: TriageModel, evidence: Evidence, settings: LearningSettings) -> TriageModel:
    """A copy of `model` whose agency head is fitted again on `evidence` (encoder and other heads kept)."""
    labels = np.asarray(evidence.labels, dtype=object).astype(str)
    if len(np.unique(labels)) < 2:
        raise ValueError("a refit needs decisions for at least two agencies")
    X, _norm = model.encode(full_texts(evidence.texts, evidence.titles))
    dates = [d.isoformat() if isinstance(d, dt.datetime) else d for d in evidence.dates]
    weights = recency_weights(dates, settings.refit_half_life_days) if any(dates) else None
    old = model.heads_.get("agency")
    params = old.get_params() if old is not None else {"target_precision": model.target_precision}
    head = LabelHead(**params).fit(X, labels, order=np.asarray(dates, dtype=object) if any(dates) else None,
                                   sample_weight=weights)
    new = copy.copy(model)
    new.heads_ = {**model.heads_, "agency": head}
    if new.primary_head_ not in new.heads_:
        new.primary_head_ = "agency"
    return new


def score_routing(suggester, evidence: Evidence, batch: int = 128) -> dict:
    """Accuracy, macro-F1 (labels present) and coverage at 95% of a suggester's top agency on `evidence`."""
    preds, conf = [], []
    for i in range(0, len(evidence), batch):
        part = evidence.slice(i, i + batch)
        for sg in suggester.suggest(part.texts, titles=part.titles):
            top = sg.agency.candidates[0] if sg.agency is not None and sg.agency.candidates else None
            preds.append(top.label if top else "")
            conf.append(top.probability if top else 0.0)
    y = np.asarray(evidence.labels, dtype=object).astype(str)
    pred = np.asarray(preds, dtype=object).astype(str)
    correct = pred == y
    return {"n": len(y), "accuracy": float(correct.mean()) if len(y) else 0.0,
            "macro_f1": float(f1_score(y, pred, labels=np.unique(y), average="macro", zero_division=0)) if len(y) else 0.0,
            "coverage_at_95": coverage_at(np.asarray(conf), correct) if len(y) else 0.0}


def verdict(candidate: dict, current: dict) -> tuple[str, list[str]]:
    """("not_worse" | "worse", the metrics it is worse on)."""
    worse = [m for m in COMPARED if candidate[m] < current[m] - 1e-9]
    return ("worse" if worse else "not_worse"), worse


def choose(candidate_scores: dict, current_scores: dict, holdout_size: int, min_rows: int) -> dict:
    """The comparison record kept with every automatic promotion or refusal."""
    out = {"rows": holdout_size, "min_rows": min_rows, "candidate": candidate_scores, "active": current_scores}
    if holdout_size < min_rows:
        out.update(verdict="insufficient", worse_on=[],
                   message=f"only {holdout_size} held-out decisions (need {min_rows}): not promoted")
        return out
    v, worse = verdict(candidate_scores, current_scores)
    out.update(verdict=v, worse_on=worse,
               message=("candidate is worse on " + " and ".join(worse)) if worse else "candidate is not worse")
    return out
