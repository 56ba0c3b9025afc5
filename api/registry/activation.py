"""The activation log: which model every worker serves is the latest row of `model_activation`."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import utcnow
from api.registry.models import ModelActivation
from api.registry.registration import resolve
from api.registry.scoring import MIN_COMPARE_ROWS, compare
from api.services.errors import Conflict, Invalid

log = logging.getLogger(__name__)


class Refused(Conflict):
    """Activation refused: the candidate is worse (or cannot be shown not to be) without --force."""


def active(s: Session) -> ModelActivation | None:
    return s.scalar(select(ModelActivation).order_by(ModelActivation.id.desc()).limit(1))


def history(s: Session, limit: int = 20) -> list[ModelActivation]:
    return list(s.scalars(select(ModelActivation).order_by(ModelActivation.id.desc()).limit(limit)))


def activate(s: Session, name: str, *, actor: str, models_dir: str | Path, force: bool = False,
             reason: str | None = None, min_rows: int = MIN_COMPARE_ROWS, suggesters: dict | None = None
             ) -> ModelActivation:
    reason = (reason or "").strip() or None
    if force and not reason:
        raise Invalid("--force needs a --reason (it is kept in the activation log)", "reason_required")
    entry = resolve(s, name, models_dir)
    current = active(s)
    comparison = None
    if current is not None:
        if current.entry_id == entry.id:
            raise Conflict(f"{entry.name} ({entry.version}) is already active", "already_active")
        comparison = compare(s, entry, current.entry, min_rows, suggesters)
        if comparison["verdict"] != "not_worse" and not force:
            raise Refused(f"refused: {comparison['message']}; activate with --force --reason \"...\" to override",
                          "candidate_worse", {"comparison": comparison})
    row = ModelActivation(entry=entry, previous_entry=current.entry if current else None, action="activate",
                          forced=bool(force and comparison and comparison["verdict"] != "not_worse"),
                          reason=reason, comparison=comparison, actor=actor, at=utcnow())
    s.add(row)
    s.commit()
    log.info("model %s (%s) activated by %s%s", entry.name, entry.version, actor, " (forced)" if row.forced else "")
    return row


def rollback(s: Session, *, actor: str, reason: str | None = None) -> ModelActivation:
    """Back to the model that was active before the current one (no comparison: the emergency path)."""
    current = active(s)
    if current is None or current.previous_entry_id is None:
        raise Conflict("nothing to roll back to: no earlier model in the activation log", "no_previous_model")
    row = ModelActivation(entry_id=current.previous_entry_id, previous_entry_id=current.entry_id, action="rollback",
                          forced=False, reason=(reason or "").strip() or None, actor=actor, at=utcnow())
    s.add(row)
    s.commit()
    return row


def register_and_activate(path: str | Path, *, actor: str, database_url: str | None = None) -> ModelActivation:
    """For `triage train --from-db`: register the bundle at `path` and activate it with the comparison
    (Refused when it is worse). Opens the service's database from its configuration."""
    from sqlalchemy.orm import sessionmaker

    from api import db
    from api.config import settings

    cfg = settings()
    engine = db.make_engine(database_url or cfg["DATABASE_URL"])
    try:
        with sessionmaker(engine, expire_on_commit=False)() as s:
            try:
                row = activate(s, str(Path(path).resolve()), actor=actor, models_dir=cfg["MODELS_DIR"])
            except Exception:
                s.commit()  # the registration stands even when activation is refused
                raise
            _ = row.entry.name  # loaded while the session is open
            return row
    finally:
        engine.dispose()
