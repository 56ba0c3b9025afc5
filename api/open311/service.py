"""Open311 GeoReport v2 <-> triage: services are our categories, requests are our complaints.

Status: `open` while someone still has to act (received, need_info, dispatched, returned, followed_up),
`closed` when nobody will (closed, archived, hoax). `status_notes` is the Indonesian status label.
Open311 fields we have no column for (service_code, address, lat, long, media_url, device/account ids)
are kept in an `open311` event appended to the complaint's history after intake.
"""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from api import access, workflow
from api.models import Category, Complaint, Event
from api.principal import Principal
from api.workflow import Status

OPEN = frozenset({Status.RECEIVED, Status.NEED_INFO, Status.DISPATCHED, Status.RETURNED, Status.FOLLOWED_UP})
CLOSED = frozenset({Status.CLOSED, Status.ARCHIVED, Status.HOAX})
GROUP = "SP4N-LAPOR!"
DEFAULT_DAYS = 90  # GeoReport v2: without dates, the last 90 days
MAX_RESULTS = 1000


class Open311Error(Exception):
    def __init__(self, status: int, description: str):
        super().__init__(description)
        self.status, self.description = status, description


def open311_status(status: str) -> str:
    return "closed" if Status(status) in CLOSED else "open"


def statuses_for(value: str) -> list[str]:
    if value == "open":
        return [s.value for s in OPEN]
    if value == "closed":
        return [s.value for s in CLOSED]
    raise Open311Error(400, f"status must be 'open' or 'closed', not {value!r}")


def service_code(category_code: str) -> str:
    """A URL-safe code for a category: "Lampu Penerangan Jalan" -> "lampu-penerangan-jalan"."""
    return re.sub(r"[^a-z0-9]+", "-", category_code.lower()).strip("-")


def categories(s: Session) -> list[Category]:
    return list(s.scalars(select(Category).where(Category.active.is_(True)).order_by(Category.code)))


def services(s: Session) -> list[dict]:
    return [{
        "service_code": service_code(c.code),
        "service_name": c.code,
        "description": f"Pengaduan kategori {c.code} (SP4N-LAPOR!)",
        "metadata": False,
        "type": "realtime",
        "keywords": ", ".join(w.lower() for w in re.findall(r"\w+", c.code) if len(w) > 2),
        "group": GROUP,
    } for c in categories(s)]


def category_for(s: Session, code: str) -> Category:
    for c in categories(s):
        if service_code(c.code) == code or c.code == code:
            return c
    raise Open311Error(404, f"unknown service_code {code!r}; see services.json")


def local_iso(value: dt.datetime | None, tz) -> str | None:
    return value.astimezone(tz).isoformat(timespec="seconds") if value else None


def _open311_data(c: Complaint) -> dict:
    for e in reversed(c.events):
        if e.type == "open311":
            return e.data or {}
    return {}


def _suggested_category(c: Complaint) -> str | None:
    if not c.suggestions:
        return None
    cands = ((c.suggestions[-1].payload or {}).get("category") or {}).get("candidates") or []
    return cands[0]["label"] if cands else None


def request_dict(c: Complaint, p: Principal, tz) -> dict:
    data = _open311_data(c)
    category = data.get("category") or _suggested_category(c)
    see_text = access.may_see_text(c, p)
    return {
        "service_request_id": c.tracking_id,
        "status": open311_status(c.status),
        "status_notes": workflow.label(c.status),
        "service_name": category,
        "service_code": service_code(category) if category else None,
        "description": c.text if see_text else None,
        "agency_responsible": c.agency.name if c.agency else None,
        "service_notice": None,
        "requested_datetime": local_iso(c.received_at, tz),
        "updated_datetime": local_iso(c.updated_at, tz),
        "expected_datetime": local_iso(c.due_at, tz),
        "address": data.get("address"),
        "address_id": data.get("address_id"),
        "zipcode": None,
        "lat": data.get("lat"),
        "long": data.get("long"),
        "media_url": data.get("media_url"),
    }


def find_requests(s: Session, p: Principal, *, ids: list[str] | None = None, code: str | None = None,
                  start: dt.datetime | None = None, end: dt.datetime | None = None, status: str | None = None,
                  now: dt.datetime | None = None) -> list[Complaint]:
    stmt = access.scope(select(Complaint), p).options(
        selectinload(Complaint.agency), selectinload(Complaint.events), selectinload(Complaint.suggestions))
    if ids:
        # GeoReport v2: with service_request_id every other filter is ignored.
        return list(s.scalars(stmt.where(Complaint.tracking_id.in_(ids)).order_by(Complaint.received_at.desc())))
    if start is None and end is None:
        start = (now or dt.datetime.now(dt.UTC)) - dt.timedelta(days=DEFAULT_DAYS)
    if start is not None:
        stmt = stmt.where(Complaint.received_at >= start)
    if end is not None:
        stmt = stmt.where(Complaint.received_at <= end)
    if status:
        stmt = stmt.where(Complaint.status.in_(statuses_for(status)))
    rows = s.scalars(stmt.order_by(Complaint.received_at.desc(), Complaint.id.desc()))
    if code is None:
        return list(rows)[:MAX_RESULTS]
    return [c for c in rows if (request_category := (_open311_data(c).get("category") or _suggested_category(c)))
            and service_code(request_category) == code][:MAX_RESULTS]


def record_open311(s: Session, c: Complaint, actor: str, data: dict) -> None:
    """Keep the Open311-only fields with the complaint (append-only history)."""
    c.events.append(Event(type="open311", from_status=c.status, to_status=c.status, actor=actor,
                          data={k: v for k, v in data.items() if v not in (None, "")}))
    s.commit()
