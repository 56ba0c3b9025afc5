"""Settings the office changes while the service runs, kept in the database so every worker and machine
reads the same value (the `setting` table). The environment may override a key (api.config)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from api.models import StoredSetting, utcnow


def get(s: Session, key: str) -> dict | None:
    row = s.get(StoredSetting, key)
    return dict(row.value) if row is not None else None


def put(s: Session, key: str, value: dict, *, actor: str) -> StoredSetting:
    row = s.get(StoredSetting, key)
    if row is None:
        row = StoredSetting(key=key, value=value, updated_by=actor, updated_at=utcnow())
        s.add(row)
    else:
        row.value, row.updated_by, row.updated_at = value, actor, utcnow()
    s.commit()
    return row
