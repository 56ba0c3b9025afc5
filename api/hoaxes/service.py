"""Hoax handling: the review list, confirmation with a standard clarification, and counts.

* Review list: complaints whose latest suggestion gives a hoax probability at or above the
  threshold (``HOAX_REVIEW_THRESHOLD``, default 0.5, the head's `flagged` cut-off; calibrated on a
  held-out later split, see docs/hoax.md). ``pending`` = still waiting for a verifier,
  ``confirmed`` = status `hoax` (also those the model did not flag), ``rejected`` = flagged but
  decided otherwise (dispatched, archived, ...), ``all``.
* Confirming records the verifier's `hoax` disposition (api.services.decisions) and stores the
  clarification text made from a template (api.hoaxes.clarification_texts) with its topic.
* Stats count, per month received, what the model flagged, what verifiers confirmed and the
  confirmed hoaxes by topic, so Diskominfo can report how many came in and about what.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from flask import current_app, has_app_context
from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from api import access, workflow
from api.hoaxes import clarification_texts
from api.hoaxes.models import HoaxClarification
from api.models import Complaint, Event, utcnow
from api.office.service import identity
from api.principal import Principal
from api.schemas import DispositionCreate
from api.services import decisions
from api.services.complaints import get_complaint
from api.services.errors import Conflict, Invalid
from api.workflow import Status

if TYPE_CHECKING:
    from api.hoaxes.schemas import HoaxConfirm

DEFAULT_THRESHOLD = 0.5
STATUSES = ("pending", "confirmed", "rejected", "all")
NO_CLARIFICATION = "tanpa_klarifikasi"


def threshold() -> float:
    if has_app_context():
        return float(current_app.config.get("HOAX_REVIEW_THRESHOLD", DEFAULT_THRESHOLD))
    return DEFAULT_THRESHOLD


def _where(status: str, th: float):
    flagged = Complaint.hoax_probability >= th
    decidable = Complaint.status.in_([s.value for s in workflow.DECIDABLE])
    if status == "pending":
        return flagged & decidable
    if status == "confirmed":
        return Complaint.status == Status.HOAX.value
    if status == "rejected":
        return flagged & ~decidable & (Complaint.status != Status.HOAX.value)
    if status == "all":
        return or_(flagged, Complaint.status == Status.HOAX.value)
    raise Invalid(f"status must be one of {', '.join(STATUSES)}", "validation_error",
                  [{"field": "status", "code": "enum"}])


def review_list(status: str = "pending", limit: int = 50, before: int | None = None, *, session: Session,
                principal: Principal, min_probability: float | None = None) -> tuple[list[Complaint], int | None]:
    """A page of the review list, highest id (newest) first; the second value is the next `before`."""
    th = threshold() if min_probability is None else min_probability
    stmt = (select(Complaint).where(_where(status, th))
            .options(selectinload(Complaint.suggestions), selectinload(Complaint.agency), selectinload(Complaint.contact))
            .order_by(Complaint.id.desc()).limit(limit + 1))
    if before is not None:
        stmt = stmt.where(Complaint.id < before)
    rows = list(session.scalars(access.scope(stmt, principal)))
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (rows[-1].id if more and rows else None)


def reasons(c: Complaint) -> list[str]:
    if not c.suggestions:
        return []
    return list((c.suggestions[-1].payload.get("hoax") or {}).get("reasons") or [])


def clarifications(complaint_ids: list[int], *, session: Session) -> dict[int, list[HoaxClarification]]:
    out: dict[int, list[HoaxClarification]] = defaultdict(list)
    if complaint_ids:
        for h in session.scalars(select(HoaxClarification).where(HoaxClarification.complaint_id.in_(complaint_ids))
                           .order_by(HoaxClarification.id)):
            out[h.complaint_id].append(h)
    return out


def confirm(tracking_id: str, data: HoaxConfirm, *, session: Session, principal: Principal, deadlines,
            today: dt.date | None = None) -> tuple[Complaint, HoaxClarification]:
    """Mark the complaint a hoax (if it is not yet) and store the clarification made from a template."""
    s = session
    code = data.template or "umum"
    if code not in clarification_texts.TEMPLATES:
        raise Invalid(f"unknown template {code!r}; templates: {', '.join(clarification_texts.TEMPLATES)}",
                      "unknown_template", [{"field": "template", "code": "unknown"}])
    klaim = (data.claim or "").strip()
    if not klaim:
        raise Invalid("`claim` (what the hoax says, in a few words) is needed for the clarification",
                      "claim_required", [{"field": "claim", "code": "required"}])
    c = get_complaint(tracking_id, session=s, principal=principal)
    if s.scalar(select(HoaxClarification.id).where(HoaxClarification.complaint_id == c.id)):
        raise Conflict("this complaint already has a clarification", "already_clarified")
    if c.status != Status.HOAX.value:
        c = decisions.decide(tracking_id, DispositionCreate(action="hoax", reason=data.reason), session=s,
                             principal=principal, deadlines=deadlines)
    topic = (data.topic or clarification_texts.TEMPLATES[code]["topic"]).strip().lower()[:80]
    tanggal = (today or dt.datetime.now(deadlines.calendar.tz).date()).strftime("%d-%m-%Y")  # the office's day
    office = identity(s)
    text = clarification_texts.render(code, klaim=klaim, fakta=data.facts, tracking_id=c.tracking_id,
                                      tanggal=tanggal, instansi=office.issuer, pemerintah=office.name)
    now = utcnow()
    h = HoaxClarification(complaint_id=c.id, template=code, topic=topic, text=text,
                          hoax_probability=c.hoax_probability, actor=principal.actor, created_at=now)
    s.add(h)
    c.events.append(Event(type="hoax_clarification", from_status=c.status, to_status=c.status,
                          actor=principal.actor, data={"template": code, "topic": topic}, at=now))
    s.commit()
    return c, h


def _month(at: dt.datetime, tz) -> str:
    local = at.astimezone(tz)
    return f"{local.year:04d}-{local.month:02d}"


def stats(start: dt.datetime | None, end: dt.datetime | None, tz, *, session: Session) -> dict:
    """Counts per month received (in the service's time zone): flagged by the model, confirmed by
    verifiers, confirmed by topic, and the model's precision on what verifiers have decided."""
    th = threshold()
    stmt = select(Complaint.id, Complaint.received_at, Complaint.status, Complaint.hoax_probability,
                  Complaint.suggested_agency).where(or_(Complaint.hoax_probability >= th,
                                                        Complaint.status == Status.HOAX.value))
    if start is not None:
        stmt = stmt.where(Complaint.received_at >= start)
    if end is not None:
        stmt = stmt.where(Complaint.received_at < end)
    rows = session.execute(stmt).all()
    topics = {r.complaint_id: r.topic for r in session.execute(
        select(HoaxClarification.complaint_id, HoaxClarification.topic)
        .where(HoaxClarification.complaint_id.in_([r.id for r in rows] or [-1])))}
    months: dict[str, dict] = {}
    tot_topic: Counter = Counter()
    tot_agency: Counter = Counter()
    decided_flagged = confirmed_flagged = 0
    decidable = {st.value for st in workflow.DECIDABLE}
    for r in rows:
        m = months.setdefault(_month(r.received_at, tz), {"flagged": 0, "pending": 0, "confirmed": 0,
                                                          "confirmed_flagged": 0, "clarified": 0,
                                                          "topics": Counter()})
        flagged = r.hoax_probability is not None and r.hoax_probability >= th
        m["flagged"] += flagged
        m["pending"] += flagged and r.status in decidable
        if flagged and r.status not in decidable:
            decided_flagged += 1
        if r.status == Status.HOAX.value:
            topic = topics.get(r.id, NO_CLARIFICATION)
            m["confirmed"] += 1
            m["confirmed_flagged"] += flagged
            confirmed_flagged += flagged
            m["clarified"] += r.id in topics
            m["topics"][topic] += 1
            tot_topic[topic] += 1
            tot_agency[r.suggested_agency or "-"] += 1
    out_months = [{"month": k, **{kk: vv for kk, vv in v.items() if kk != "topics"},
                   "by_topic": dict(v["topics"].most_common())} for k, v in sorted(months.items())]
    return {
        "from": start.isoformat() if start else None,
        "to": end.isoformat() if end else None,
        "threshold": th,
        "months": out_months,
        "totals": {
            "flagged": sum(m["flagged"] for m in out_months),
            "confirmed": sum(m["confirmed"] for m in out_months),
            "clarified": sum(m["clarified"] for m in out_months),
            "by_topic": dict(tot_topic.most_common()),
            "by_suggested_agency": dict(tot_agency.most_common()),
            # Of the flagged reports verifiers have decided, the share they confirmed as hoaxes.
            "flag_precision": round(confirmed_flagged / decided_flagged, 4) if decided_flagged else None,
        },
    }
