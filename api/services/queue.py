"""The verifiers' queue: complaints waiting for a decision, most urgent first.

Order: those with a running clock by deadline (`due_at`; overdue ones have the smallest), then those
without one (`need_info`: the clock waits for the reporter), by id. Keyset pagination on
(due_at is null, due_at, id), so page 2000 costs what page 1 costs.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass, fields

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from api import access
from api.models import Complaint
from api.principal import Principal
from api.services.errors import Invalid
from api.workflow import DECIDABLE

QUEUE_STATUSES = sorted(s.value for s in DECIDABLE)
BANDS = ("auto", "review", "manual")


@dataclass
class QueueFilters:
    band: str | None = None          # auto / review / manual / "none" (no suggestion)
    channel: str | None = None
    agency: str | None = None        # suggested agency code
    hoax_min: float | None = None    # hoax probability at least
    received_from: dt.datetime | None = None
    received_to: dt.datetime | None = None
    status: str | None = None        # one of QUEUE_STATUSES

    def active(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) not in (None, "")}


def _filtered(stmt, f: QueueFilters, with_band: bool = True):
    if f.status:
        if f.status not in QUEUE_STATUSES:
            raise Invalid(f"status {f.status!r} is not a queue status")
        stmt = stmt.where(Complaint.status == f.status)
    else:
        stmt = stmt.where(Complaint.status.in_(QUEUE_STATUSES))
    if with_band and f.band:
        stmt = stmt.where(Complaint.band.is_(None) if f.band == "none" else Complaint.band == f.band)
    if f.channel:
        stmt = stmt.where(Complaint.channel == f.channel)
    if f.agency:
        stmt = stmt.where(Complaint.suggested_agency == f.agency)
    if f.hoax_min is not None:
        stmt = stmt.where(Complaint.hoax_probability >= f.hoax_min)
    if f.received_from:
        stmt = stmt.where(Complaint.received_at >= f.received_from)
    if f.received_to:
        stmt = stmt.where(Complaint.received_at < f.received_to)
    return stmt


def encode_position(c: Complaint) -> str:
    stamp = c.due_at.isoformat() if c.due_at else "-"
    return base64.urlsafe_b64encode(f"{stamp}|{c.id}".encode()).decode()


def _decode(cursor: str) -> tuple[dt.datetime | None, int]:
    try:
        stamp, id_ = base64.urlsafe_b64decode(cursor.encode()).decode().split("|")
        return (None if stamp == "-" else dt.datetime.fromisoformat(stamp)), int(id_)
    except Exception:
        raise Invalid("cursor: not a position in the queue", "validation_error") from None


def _after(stmt, cursor: str, backwards: bool = False):
    due, last_id = _decode(cursor)
    if not backwards:
        if due is None:
            return stmt.where(Complaint.due_at.is_(None), Complaint.id > last_id)
        return stmt.where(or_(Complaint.due_at > due, and_(Complaint.due_at == due, Complaint.id > last_id),
                              Complaint.due_at.is_(None)))
    if due is None:
        return stmt.where(or_(Complaint.due_at.is_not(None), Complaint.id < last_id))
    return stmt.where(Complaint.due_at.is_not(None),
                      or_(Complaint.due_at < due, and_(Complaint.due_at == due, Complaint.id < last_id)))


def _order(backwards: bool = False):
    nulls_last = case((Complaint.due_at.is_(None), 1), else_=0)
    if backwards:
        return (nulls_last.desc(), Complaint.due_at.desc(), Complaint.id.desc())
    return (nulls_last, Complaint.due_at, Complaint.id)


def _page(s: Session, p: Principal, f: QueueFilters, limit: int, cursor: str | None, backwards: bool = False):
    stmt = access.scope(_filtered(select(Complaint), f), p)
    if cursor:
        stmt = _after(stmt, cursor, backwards)
    return list(s.scalars(stmt.order_by(*_order(backwards)).limit(limit)))


def list_queue(s: Session, p: Principal, f: QueueFilters, limit: int = 50,
               cursor: str | None = None) -> tuple[list[Complaint], str | None]:
    """A page of the queue and the cursor of the next page (None at the end)."""
    rows = _page(s, p, f, limit + 1, cursor)
    if len(rows) > limit:
        rows = rows[:limit]
        return rows, encode_position(rows[-1])
    return rows, None


def band_counts(s: Session, p: Principal, f: QueueFilters) -> dict[str, int]:
    """Queue size per band under the other filters: {"auto": n, "review": n, "manual": n, "none": n, "all": n}."""
    stmt = access.scope(_filtered(select(Complaint.band, func.count()), f, with_band=False), p).group_by(Complaint.band)
    counts = {b: 0 for b in (*BANDS, "none")}
    for band, n in s.execute(stmt):
        counts[band if band in BANDS else "none"] += n
    counts["all"] = sum(counts.values())
    return counts


def neighbours(s: Session, p: Principal, f: QueueFilters, position: str | None,
               exclude_id: int | None = None) -> tuple[str | None, str | None]:
    """Tracking ids before and after a position (`encode_position`) in the filtered queue.

    After the last one, "next" wraps to the head of the queue (other verifiers may have left some);
    `exclude_id` (the complaint just decided) is never returned.
    """
    def first(rows):
        return next((r.tracking_id for r in rows if r.id != exclude_id), None)

    if position is None:
        return None, first(_page(s, p, f, 2, None))
    nxt = first(_page(s, p, f, 2, position)) or first(_page(s, p, f, 2, None))
    return first(_page(s, p, f, 2, position, backwards=True)), nxt
