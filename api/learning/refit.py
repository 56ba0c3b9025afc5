"""An automatic refit of the agency head, as the job worker runs it (or `triage learning refit`).

1. The routing evidence: every decision that still teaches (`api.learning.evidence`), oldest first,
   plus the shipped sample when the model in service is the demo model built from it.
2. The latest `refit_holdout` share of the decisions is held out; the head is fitted again on the rest
   (`triage.learning.refit.refit_agency_head`: encoder kept, recent decisions weigh more).
3. The new bundle (the same encoder files, a new agency head) is written, registered and stored in the
   database, so that every machine can load it.
4. It becomes active only through `registry.activate`, which compares it with the active model on the
   decisions neither trained on (the same comparison as `triage models activate`) and refuses a worse
   one. Either way the outcome is logged (`learning_event`, and the activation log when promoted);
   `triage models rollback` undoes a promotion.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from sqlalchemy.orm import Session

from api import registry
from api.learning import evidence
from api.learning import service as learning
from api.registry import storage
from api.services.errors import ServiceError
from triage.learning.refit import Evidence, refit_agency_head, split_holdout
from triage.learning.settings import LearningSettings

log = logging.getLogger(__name__)
ACTOR = "learning:auto"


def current_evidence(s: Session) -> Evidence:
    """Every decision that still teaches, one per report (the latest), oldest first."""
    latest: dict[int, evidence.Change] = {}
    after = 0
    while True:
        changes = evidence.changes_since(s, after, limit=5_000)
        if not changes:
            break
        for c in changes:
            if c.learn:
                latest.pop(c.complaint_id, None)
                latest[c.complaint_id] = c
            else:
                latest.pop(c.complaint_id, None)
        after = changes[-1].event_id
    rows = sorted(latest.values(), key=lambda c: (c.at or dt.datetime.min.replace(tzinfo=dt.UTC), c.event_id))
    return Evidence([c.text or "" for c in rows], [c.title for c in rows], [c.label for c in rows],
                    [c.at for c in rows])


def _seed_for(bundle) -> Evidence | None:
    """The shipped sample, when the model in service was built from it (the demo office)."""
    if "shipped sample" not in str((bundle.meta.get("training") or {}).get("command", "")):
        return None
    from triage.data import load_sample_complaints

    df = load_sample_complaints()
    return Evidence(df["text"].tolist(), df["title"].tolist(), df["agency"].tolist(), df["date"].tolist())


def run_refit(s: Session, *, models_dir: str | Path, model_path: str | Path, settings: LearningSettings | None = None,
              actor: str = ACTOR, report=None) -> dict:
    from triage.bundle import derive_bundle, load_bundle

    settings = settings or LearningSettings()
    report = report or (lambda progress, message=None: None)
    decisions = current_evidence(s)
    if len(decisions) < settings.refit_min_decisions:
        message = f"only {len(decisions)} decisions teach routing (need {settings.refit_min_decisions}): no refit"
        learning.record(s, "refit_failed", message, {"decisions": len(decisions)}, actor=actor)
        return {"promoted": False, "message": message}
    act = registry.active(s)
    if act is None:
        # The model in service becomes the registry's baseline, so the candidate is compared with it.
        registry.activate(s, str(Path(model_path).resolve()), actor=actor, models_dir=models_dir,
                          reason="the model in service, the baseline of automatic refits")
        act = registry.active(s)
    base = load_bundle(storage.materialize(s, act.entry, models_dir))
    train, holdout = split_holdout(decisions, settings)
    seed = _seed_for(base)
    fit_on = (seed + train) if seed is not None else train
    report(0.1, f"melatih ulang kepala instansi pada {len(fit_on)} laporan")
    try:
        model = refit_agency_head(base.model, fit_on, settings)
    except ValueError as exc:
        learning.record(s, "refit_failed", str(exc), {"decisions": len(decisions)}, actor=actor)
        return {"promoted": False, "message": str(exc)}
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    data_until = train.dates[-1] if train.dates else None
    training = {"command": "automatic refit of the agency head (api.learning.refit)", "source": ACTOR,
                "rows": len(fit_on), "decisions": len(train), "seed_rows": len(seed) if seed is not None else 0,
                "held_out": len(holdout),
                "data_until": data_until.isoformat() if isinstance(data_until, dt.datetime) else data_until}
    report(0.7, "menyimpan model baru")
    bundle = derive_bundle(base, Path(models_dir) / f"auto-{stamp}", model, changed_heads=["agency"],
                           training=training, name=f"auto-{stamp}")
    entry = registry.register(s, bundle.path)
    s.commit()
    size = storage.store(s, entry, bundle.path)
    report(0.8, "membandingkan dengan model aktif")
    result = {"bundle": str(bundle.path), "version": bundle.version, "stored_bytes": size, "training": training}
    try:
        row = registry.activate(s, entry.version, actor=actor, models_dir=models_dir,
                                reason=f"automatic refit on {len(train)} decisions")
    except registry.Refused as exc:
        comparison = (exc.details or {}).get("comparison") or {}
        learning.record(s, "refit_refused", exc.message, {**result, "comparison": comparison}, actor=actor)
        return {**result, "promoted": False, "message": exc.message, "comparison": comparison}
    except ServiceError as exc:
        learning.record(s, "refit_failed", exc.message, result, actor=actor)
        return {**result, "promoted": False, "message": exc.message}
    message = f"{bundle.version} promoted: {(row.comparison or {}).get('message', 'no model was active')}"
    learning.record(s, "refit_promoted", message, {**result, "comparison": row.comparison}, actor=actor)
    log.info("%s", message)
    return {**result, "promoted": True, "message": message, "comparison": row.comparison}
