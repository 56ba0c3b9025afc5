"""JSON shapes of complaints, filtered by what the caller may see (api.access)."""

from __future__ import annotations

import datetime as dt

from api import access, workflow
from api.models import CONFIDENTIALITY, Complaint, utcnow
from api.principal import Principal


def iso(value: dt.datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


def summary(c: Complaint, p: Principal, now: dt.datetime | None = None,
            view: access.ComplaintView | None = None) -> dict:
    now = now or utcnow()
    view = view or access.view_of(c, p)
    return {
        "id": c.id,
        "tracking_id": c.tracking_id,
        "title": view.title,
        "channel": c.channel,
        "confidentiality": c.confidentiality,
        "status": c.status,
        "status_label": workflow.label(c.status),
        "agency": c.agency.code if c.agency else None,
        "band": c.band,
        "suggested_agency": c.suggested_agency,
        "hoax_probability": c.hoax_probability,
        "received_at": iso(c.received_at),
        "verify_due": iso(c.verify_due),
        "followup_due": iso(c.followup_due),
        "due_at": iso(c.due_at),
        "overdue": bool(c.due_at and c.due_at < now),
        "redacted": view.hidden,
        "version": c.version_id,
        "cluster_id": c.cluster_member.cluster_id if c.cluster_member else None,
    }


def list_item(c: Complaint, p: Principal) -> dict:
    """A complaint in a list: the summary, with its personal data and masked text when visible."""
    view = access.view_of(c, p)
    return {**summary(c, p, view=view), "pii": view.pii(), "masked_text": view.masked_text}


def suggestion_row(sug) -> dict:
    return {"id": sug.id, "created_at": iso(sug.created_at), **sug.payload}


def detail(c: Complaint, p: Principal) -> dict:
    view = access.view_of(c, p)
    out = summary(c, p, view=view)
    out.update(text=view.text, pii=view.pii(), masked_text=view.masked_text)
    contact = view.contact
    out["reporter"] = (
        {k: getattr(contact, k) for k in ("name", "phone", "email", "address")} if contact else None
    )
    out["suggestion"] = suggestion_row(c.suggestions[-1]) if c.suggestions else None
    out["suggestions"] = [suggestion_row(s) for s in c.suggestions]
    out["dispositions"] = [
        {"id": d.id, "action": d.action, "agency": d.agency.code if d.agency else None,
         "reason": view.reason(d.reason), "suggestion_id": d.suggestion_id, "user": d.user,
         "created_at": iso(d.created_at)}
        for d in c.dispositions
    ]
    out["followups"] = [
        {"id": f.id, "agency": f.agency.code, "status": f.status, "text": view.followup(f.text), "user": f.user,
         "created_at": iso(f.created_at)}
        for f in c.followups
    ]
    out["history"] = [
        {"type": e.type, "from_status": e.from_status, "to_status": e.to_status,
         "to_label": workflow.label(e.to_status) if e.to_status else None, "actor": e.actor,
         "data": event_data(e.data, view), "at": iso(e.at)}
        for e in c.events
    ]
    return out


def personal_data(text: str, title: str | None = None) -> dict:
    """`pii` (kind and character span of each item) and `masked_text` (each item replaced by `[KIND]`):
    for text the caller sent itself (/classify), so no visibility applies. A title gets the same as
    `title_pii` and `masked_title`: LAPOR! titles carry names and numbers too."""
    from triage.text import pii

    def found(value: str) -> tuple[list[dict], str]:
        spans = pii.detect(value)
        return [{"kind": sp.kind, "start": sp.start, "end": sp.end} for sp in spans], pii.mask(value, spans)

    out = dict(zip(("pii", "masked_text"), found(text), strict=True))
    if title:
        out.update(zip(("title_pii", "masked_title"), found(title), strict=True))
    return out


def event_data(data: dict, view: access.ComplaintView) -> dict:
    """A history event's data: its `reason` (a verifier's or an agency's words) as the caller may read it."""
    out = dict(data or {})
    if out.get("reason") is not None:
        out["reason"] = view.reason(out["reason"])
        if out["reason"] is None:
            del out["reason"]
    return out


def created(c: Complaint) -> dict:
    return {
        "id": c.id,
        "tracking_id": c.tracking_id,
        "status": c.status,
        "status_label": workflow.label(c.status),
        "received_at": iso(c.received_at),
        "verify_due": iso(c.verify_due),
        "suggestion": c.suggestions[0].payload if c.suggestions else None,
        "confidentiality": c.confidentiality,
        "confidentiality_hint": confidentiality_hint(c),
    }


def confidentiality_hint(c: Complaint) -> dict | None:
    """{level, reason} when the text asks for more confidentiality than the report was filed with."""
    from api.services.complaints import suggested_confidentiality

    level, reason = suggested_confidentiality(c)
    if CONFIDENTIALITY.index(level) <= CONFIDENTIALITY.index(c.confidentiality):
        return None
    return {"level": level, "reason": reason}
