"""Reading the agency directory (the `agency` table)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import Agency


def list_agencies(s: Session, *, active_only: bool = False) -> list[Agency]:
    stmt = select(Agency).order_by(Agency.code)
    if active_only:
        stmt = stmt.where(Agency.active.is_(True))
    return list(s.scalars(stmt))


def agency_by_code(s: Session, code: str) -> Agency | None:
    return s.scalar(select(Agency).where(Agency.code == code))


def agency_by_id(s: Session, agency_id: int | None) -> Agency | None:
    return s.get(Agency, agency_id) if agency_id else None
