"""Reference data: the agency directory and the categories, loaded into empty tables."""

from __future__ import annotations

import logging

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.models import Agency, Category

log = logging.getLogger(__name__)


def seed_reference_data(s: Session) -> None:
    if not s.scalar(select(func.count()).select_from(Agency)):
        from triage.data import load_agencies

        agencies = load_agencies()
        for a in agencies:
            s.add(Agency(code=a["code"], name=a["name"], aliases=list(a.get("aliases") or []),
                         parent=a.get("parent") or None, deadline_days=int(a["deadline_days"]),
                         kind=a.get("kind"), active=True))
        log.info("loaded %d agencies from the shipped directory", len(agencies))
    if not s.scalar(select(func.count()).select_from(Category)):
        for code in _sample_categories():
            s.add(Category(code=code, name=code.replace("_", " ").capitalize()))
    s.commit()


def _sample_categories() -> list[str]:
    try:
        from triage.data import sample_categories

        return sample_categories()
    except (ImportError, OSError, ValueError, KeyError) as exc:
        log.warning("no categories loaded: sample complaints unavailable (%s)", exc)
        return []


def agency_by_code(s: Session, code: str) -> Agency | None:
    return s.scalar(select(Agency).where(Agency.code == code))
