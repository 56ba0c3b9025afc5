"""The verifiers' queue: complaints waiting for a decision, most urgent first.

Order: those with a running clock by deadline (`due_at`; overdue ones have the smallest), then those
without one (`need_info`: the clock waits for the reporter), by id. Keyset pagination on
(due_at is null, due_at, id), so page 2000 costs what page 1 costs.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass, fields, replace

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, selectinload

from api import access
from api.models import Complaint
from api.principal import Principal
from api.schemas import MAX_ID
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
        due, last_id = (None if stamp == "-" else dt.datetime.fromisoformat(stamp)), int(id_)
        # Positions we hand out are aware and name an INTEGER id; anything else was made up.
        if (due is not None and due.tzinfo is None) or not 0 <= last_id <= MAX_ID:
            raise ValueError(cursor)
        return due, last_id
    except Exception:
        raise Invalid("cursor: not a position in the queue", "validation_error") from None


def _timed(stmt, due: dt.datetime | None, last_id: int | None, backwards: bool):
    """Complaints with a running clock, by (due_at, id)."""
    stmt = stmt.where(Complaint.due_at.is_not(None))
    if due is not None:
        if backwards:
            stmt = stmt.where(or_(Complaint.due_at < due, and_(Complaint.due_at == due, Complaint.id < last_id)))
        else:
            stmt = stmt.where(or_(Complaint.due_at > due, and_(Complaint.due_at == due, Complaint.id > last_id)))
    order = (Complaint.due_at.desc(), Complaint.id.desc()) if backwards else (Complaint.due_at, Complaint.id)
    return stmt.order_by(*order)


def _paused(stmt, last_id: int | None, backwards: bool):
    """Complaints whose clock is stopped (need_info), by id."""
    stmt = stmt.where(Complaint.due_at.is_(None))
    if last_id is not None:
        stmt = stmt.where(Complaint.id < last_id if backwards else Complaint.id > last_id)
    return stmt.order_by(Complaint.id.desc() if backwards else Complaint.id)


def _page(s: Session, p: Principal, f: QueueFilters, limit: int, cursor: str | None, backwards: bool = False):
    """One page from a position, in queue order.

    No single ORDER BY (due_at IS NULL, due_at, id) over `status IN (...)` can walk an index, so
    the database would sort the whole queue for every page. Instead: per status, the complaints with
    a running clock walk ix_complaint_queue (status, due_at, id) and stop after `limit`; then those
    whose clock is stopped (due_at null) by id; the few rows are merged here.
    """
    due, last_id = _decode(cursor) if cursor else (None, None)
    paused_cursor = cursor is not None and due is None
    if not backwards:
        parts = ([] if paused_cursor else [("timed", due, last_id)]) + [("paused", None, last_id if paused_cursor else None)]
    else:
        parts = ([("paused", None, last_id)] if paused_cursor else []) + [("timed", due, last_id)]
    statuses = [f.status] if f.status else QUEUE_STATUSES
    rows: list[Complaint] = []
    for kind, part_due, part_id in parts:
        got: list[Complaint] = []
        for status in statuses:
            # the contact comes with the rows: snippets mask the reporter's own name (api.access.view_of)
            base = access.scope(_filtered(select(Complaint).options(selectinload(Complaint.contact)),
                                          replace(f, status=status)), p)
            stmt = _timed(base, part_due, part_id, backwards) if kind == "timed" else _paused(base, part_id, backwards)
            got.extend(s.scalars(stmt.limit(limit - len(rows))))
        key = (lambda c: (c.due_at, c.id)) if kind == "timed" else (lambda c: c.id)
        got.sort(key=key, reverse=backwards)
        rows.extend(got[: limit - len(rows)])
        if len(rows) >= limit:
            break
    return rows


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
