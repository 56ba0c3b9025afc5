"""Reading complaints: one by tracking id, and filtered pages with keyset pagination."""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, selectinload

from api import access
from api.models import Agency, Complaint, Disposition, FollowUp, utcnow
from api.principal import Principal
from api.schemas import MAX_ID, ComplaintQuery
from api.services.errors import Invalid, NotFound

TRACKING_ID_CHARS = 20  # complaint.tracking_id


def get_complaint(tracking_id: str, *, session: Session, principal: Principal) -> Complaint:
    """The complaint if the principal may see it; 404 otherwise (existence is not revealed)."""
    if "\x00" in tracking_id or len(tracking_id) > TRACKING_ID_CHARS:
        # No tracking id has these (and PostgreSQL refuses to compare a NUL): nothing to look up.
        message = f"a tracking id has at most {TRACKING_ID_CHARS} characters and no NUL"
        raise NotFound(f"tracking_id: no complaint has this id ({message})",
                       details=[{"field": "tracking_id", "code": "format", "message": message}])
    c = session.scalar(
        select(Complaint)
        .where(Complaint.tracking_id == tracking_id)
        .options(
            selectinload(Complaint.agency),
            selectinload(Complaint.contact),
            selectinload(Complaint.suggestions),
            selectinload(Complaint.dispositions).selectinload(Disposition.agency),
            selectinload(Complaint.followups).selectinload(FollowUp.agency),
            selectinload(Complaint.events),
        )
    )
    if c is None or not access.may_see(c, principal):
        raise NotFound(f"no complaint {tracking_id!r}")
    return c


@dataclass
class Filters:
    statuses: list[str] | None = None
    agency: str | None = None
    band: str | None = None
    overdue: bool | None = None
    received_from: dt.datetime | None = None
    received_to: dt.datetime | None = None
    sort: str = "-received_at"
    limit: int = 50
    cursor: str | None = None

    @classmethod
    def from_query(cls, q: ComplaintQuery, tz) -> Filters:
        return cls(statuses=q.status, agency=q.agency, band=q.band,
                   overdue={"true": True, "false": False}.get(q.overdue or ""),
                   received_from=parse_instant(q.received_from, "received_from", tz) if q.received_from else None,
                   received_to=parse_instant(q.received_to, "received_to", tz) if q.received_to else None,
                   sort=q.sort, limit=q.limit, cursor=q.cursor)


# Dates outside this range are typing mistakes; they would also overflow time-zone arithmetic.
YEARS = (1900, 2200)


def parse_instant(value: str, field: str, tz) -> dt.datetime:
    """ISO date (midnight local time) or date-time (UTC if no offset)."""
    try:
        if len(value) == 10:
            parsed = dt.datetime.combine(dt.date.fromisoformat(value), dt.time(), tzinfo=tz)
        else:
            parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise Invalid(f"{field}: {value!r} is not an ISO date or date-time", "validation_error",
                      [{"field": field, "code": "format", "message": "not an ISO date or date-time"}]) from None
    if not YEARS[0] <= parsed.year <= YEARS[1]:
        raise Invalid(f"{field}: {value!r} is out of range (years {YEARS[0]}..{YEARS[1]})", "validation_error",
                      [{"field": field, "code": "range", "message": f"years {YEARS[0]}..{YEARS[1]}"}])
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


SORTS = {
    "-received_at": (Complaint.received_at, True),
    "received_at": (Complaint.received_at, False),
    "due_at": (Complaint.due_at, False),
}


def _encode_cursor(value: dt.datetime, id_: int) -> str:
    return base64.urlsafe_b64encode(f"{value.isoformat()}|{id_}".encode()).decode()


def _decode_cursor(cursor: str) -> tuple[dt.datetime, int]:
    try:
        stamp, id_ = base64.urlsafe_b64decode(cursor.encode()).decode().split("|")
        value, last_id = dt.datetime.fromisoformat(stamp), int(id_)
        # Cursors we hand out are aware and name an INTEGER id; anything else was made up.
        if value.tzinfo is None or not 0 <= last_id <= MAX_ID:
            raise ValueError(cursor)
        return value, last_id
    except Exception:
        raise Invalid("cursor: not a cursor returned by this API", "validation_error",
                      [{"field": "cursor", "code": "format", "message": "not a cursor returned by this API"}]) from None


def suggested_confidentiality(c: Complaint) -> tuple[str, str | None]:
    """What the report's words ask for ("public" | "anonymous" | "secret", and why), read from the title
    and the text together: a pungli accusation or a phone number in the title counts as in the text.
    The one reading behind the console's suggestion and intake's ``confidentiality_hint``."""
    from triage.text import pii
    from triage.text.fulltext import full_text

    return pii.suggest_confidentiality(full_text(c.text, c.title))


def list_complaints(f: Filters, *, session: Session, principal: Principal, now: dt.datetime | None = None):
    """A page of complaints and the cursor of the next page (None at the end)."""
    now = now or utcnow()
    column, descending = SORTS[f.sort]
    stmt = access.scope(select(Complaint).options(selectinload(Complaint.agency), selectinload(Complaint.contact)),
                        principal)
    if f.statuses:
        stmt = stmt.where(Complaint.status.in_(f.statuses))
    if f.agency:
        stmt = stmt.join(Agency, Complaint.agency_id == Agency.id).where(Agency.code == f.agency)
    if f.band:
        stmt = stmt.where(Complaint.band == f.band)
    if f.overdue is True:
        stmt = stmt.where(Complaint.due_at < now)
    elif f.overdue is False:
        stmt = stmt.where(or_(Complaint.due_at.is_(None), Complaint.due_at >= now))
    if f.received_from:
        stmt = stmt.where(Complaint.received_at >= f.received_from)
    if f.received_to:
        stmt = stmt.where(Complaint.received_at < f.received_to)
    if f.sort == "due_at":
        stmt = stmt.where(Complaint.due_at.is_not(None))
    if f.cursor:
        value, last_id = _decode_cursor(f.cursor)
        if descending:
            stmt = stmt.where(or_(column < value, and_(column == value, Complaint.id < last_id)))
        else:
            stmt = stmt.where(or_(column > value, and_(column == value, Complaint.id > last_id)))
    order = (column.desc(), Complaint.id.desc()) if descending else (column.asc(), Complaint.id.asc())
    rows = list(session.scalars(stmt.order_by(*order).limit(f.limit + 1)))
    next_cursor = None
    if len(rows) > f.limit:
        rows = rows[: f.limit]
        last = rows[-1]
        next_cursor = _encode_cursor(getattr(last, column.key), last.id)
    return rows, next_cursor
