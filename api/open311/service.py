"""Open311 GeoReport v2 <-> triage: services are our categories, requests are our complaints.

Status: `open` while someone still has to act (received, need_info, dispatched, returned, followed_up),
`closed` when nobody will (closed, archived, hoax). `status_notes` is the Indonesian status label.
Open311 fields we have no column for (service_code, address, lat, long, media_url, device/account ids)
are kept in an `open311` event appended to the complaint's history after intake.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

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


SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
CHANGESET = "2026-12-02T00:00:00Z"  # when this endpoint's behaviour last changed (discovery says so)


class Open311Error(Exception):
    """One GeoReport error array: a status and one description per problem."""

    def __init__(self, status: int, *descriptions: str):
        super().__init__("; ".join(descriptions))
        self.status, self.descriptions = status, descriptions


def discovery(office, url_root: str) -> dict:
    """GeoReport v2 service discovery (wiki.open311.org/Service_Discovery) for this one endpoint."""
    return {
        "changeset": CHANGESET,
        "contact": f"{office.name}: {office.contact}" if office.contact != office.name else office.name,
        "key_service": f"Reading is open to all. To submit requests, ask {office.name} for an API key "
                       "(`triage keys create`); pass it as the api_key parameter.",
        "endpoints": [{
            "specification": SPECIFICATION,
            "url": url_root.rstrip("/") + "/open311/v2",
            "changeset": CHANGESET,
            "type": "production",
            "formats": ["text/xml", "application/json"],
        }],
    }


def storable_id(value: str) -> bool:
    """A tracking id we could have issued (anything else matches nothing, and never reaches the database)."""
    return 0 < len(value) <= 20 and not re.search("[\x00\ud800-\udfff]", value)


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


# How much of a report each caller reads, most first (api.access decides; nobody reads less than the public).
_ORDER = (access.TextAccess.RAW, access.TextAccess.MASKED, access.TextAccess.HIDDEN)


def text_level(c: Complaint, p: Principal | None) -> access.TextAccess:
    """The public's reading (`p` None), or the caller's where api.access lets them see the complaint."""
    public = access.text_access(c, None)
    if p is None or not access.may_see(c, p):
        return public
    return min(public, access.text_access(c, p), key=_ORDER.index)


def _shown(value: str | None, level: access.TextAccess) -> str | None:
    from triage.text import pii

    if value is None or level == access.TextAccess.RAW:
        return value
    return pii.mask(value)  # masked: personal data replaced by [NIK], [TELEPON], ...


def request_dict(c: Complaint, p: Principal | None, tz) -> dict:
    """A complaint as a GeoReport v2 service request, as far as `p` (None: the public) may read it.

    Never the reporter (the spec has no field for it) nor the title; the description at the caller's
    text level; the photo link only to those who read the report. The address is where the problem is,
    what Open311 is for: as given on public reports, masked on anonymous and secret ones for callers who
    do not read them raw (it may be the reporter's own door)."""
    data = _open311_data(c)
    category = data.get("category") or _suggested_category(c)
    level = text_level(c, p)
    hidden = level == access.TextAccess.HIDDEN
    return {
        "service_request_id": c.tracking_id,
        "status": open311_status(c.status),
        "status_notes": workflow.label(c.status),
        "service_name": category,
        "service_code": service_code(category) if category else None,
        "description": None if hidden else _shown(c.text, level),
        "agency_responsible": c.agency.name if c.agency else None,
        "service_notice": None,
        "requested_datetime": local_iso(c.received_at, tz),
        "updated_datetime": local_iso(c.updated_at, tz),
        "expected_datetime": local_iso(c.due_at, tz),
        "address": _shown(data.get("address"), access.TextAccess.RAW if c.confidentiality == "public" else level),
        "address_id": data.get("address_id"),
        "zipcode": None,
        "lat": data.get("lat"),
        "long": data.get("long"),
        "media_url": None if hidden else data.get("media_url"),
    }


@dataclass(frozen=True)
class RequestFilter:
    """GET requests, as parsed at the boundary. `start`/`end` already carry the spec's defaults."""

    ids: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    statuses: tuple[str, ...] = ()
    page: int = 1
    page_size: int = MAX_RESULTS


def date_range(start: dt.datetime | None, end: dt.datetime | None,
               now: dt.datetime | None = None) -> tuple[dt.datetime, dt.datetime]:
    """GeoReport v2: without dates the last 90 days; one date opens 90 days from it; never more than 90."""
    span = dt.timedelta(days=DEFAULT_DAYS)
    if start is None and end is None:
        end = now or dt.datetime.now(dt.UTC)
    if start is None:
        start = end - span
    if end is None:
        end = start + span
    if end < start:
        raise Open311Error(400, "end_date is before start_date")
    if end - start > span:
        raise Open311Error(400, f"start_date and end_date may not span more than {DEFAULT_DAYS} days")
    return start, end


def _base():
    """Every request: GeoReport reads are public, so nobody lists fewer than the public does; each is
    then shown as far as its caller may read it (text_level)."""
    stmt = select(Complaint).options(
        selectinload(Complaint.agency), selectinload(Complaint.events), selectinload(Complaint.suggestions))
    return stmt


def find_requests(s: Session, f: RequestFilter) -> list[Complaint]:
    stmt = _base()
    if f.ids:
        # GeoReport v2: with service_request_id every other filter is ignored.
        ids = [i for i in f.ids if storable_id(i)]
        if not ids:
            return []
        return list(s.scalars(stmt.where(Complaint.tracking_id.in_(ids)).order_by(Complaint.received_at.desc())))
    if f.start is not None:
        stmt = stmt.where(Complaint.received_at >= f.start)
    if f.end is not None:
        stmt = stmt.where(Complaint.received_at <= f.end)
    if f.statuses:
        stmt = stmt.where(Complaint.status.in_([v for st in f.statuses for v in statuses_for(st)]))
    stmt = stmt.order_by(Complaint.received_at.desc(), Complaint.id.desc())
    offset = (f.page - 1) * f.page_size
    if not f.codes:
        return list(s.scalars(stmt.offset(offset).limit(f.page_size)))
    # The service is kept in the complaint's open311 event or its suggestion: filtered here, not in SQL.
    rows = [c for c in s.scalars(stmt) if (category := (_open311_data(c).get("category") or _suggested_category(c)))
            and service_code(category) in f.codes]
    return rows[offset:offset + f.page_size]


def record_open311(s: Session, c: Complaint, actor: str, data: dict) -> None:
    """Keep the Open311-only fields with the complaint (append-only history)."""
    c.events.append(Event(type="open311", from_status=c.status, to_status=c.status, actor=actor,
                          data={k: v for k, v in data.items() if v not in (None, "")}))
    s.commit()
