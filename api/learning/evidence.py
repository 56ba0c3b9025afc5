"""Which decisions teach routing, read from the append-only event log.

A decision teaches when a person (a verifier, or an imported LAPOR! decision marked human) dispatched
the report to a real agency (`confirm` or `reassign`). It stops teaching when the agency hands the
report back as not its own, or when the report is decided again as archived, a hoax or waiting for
information: those say nothing about the agency, and the earlier dispatch no longer stands. Agencies
that are placeholders ("Tidak Diketahui", "Lainnya") never teach; merged or renamed agencies teach
under their current code.

Every worker and machine reads the same log, in event order, so they all learn the same things.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.agencies.mapping import mapping_table, resolve_code
from api.models import Agency, Complaint, Event, Suggestion
from triage.routing.directory import is_placeholder

ROUTING_ACTIONS = ("confirm", "reassign")
UNDOING_ACTIONS = ("archive", "hoax", "need_info")


@dataclass
class Change:
    event_id: int
    complaint_id: int
    learn: bool  # False: forget what this complaint taught
    label: str | None = None
    text: str | None = None
    title: str | None = None
    at: dt.datetime | None = None
    suggestion: dict | None = None


def _human(e: Event) -> bool:
    return e.actor.startswith("user:") or (e.data or {}).get("human_decision") is True


def changes_since(s: Session, after_event_id: int, limit: int = 5_000) -> list[Change]:
    """What the events after `after_event_id` teach or undo, in order (at most `limit` events read)."""
    events = list(s.scalars(select(Event).where(Event.id > after_event_id, Event.type.in_(("disposition", "followup")))
                            .order_by(Event.id).limit(limit)))
    if not events:
        return []
    table = mapping_table(s)
    routable = {a.code for a in s.scalars(select(Agency)) if not is_placeholder(a.name) and not is_placeholder(a.code)}
    out: list[Change] = []
    for e in events:
        data = e.data or {}
        if e.type == "followup":
            if data.get("followup_status") == "not_our_authority":
                out.append(Change(e.id, e.complaint_id, learn=False))
            continue
        action = data.get("action")
        if action in UNDOING_ACTIONS:
            out.append(Change(e.id, e.complaint_id, learn=False))
            continue
        if action not in ROUTING_ACTIONS or not _human(e) or not data.get("agency"):
            continue
        code, how = resolve_code(data["agency"], table)
        if how == "split" or code is None or code not in routable:
            out.append(Change(e.id, e.complaint_id, learn=False))
            continue
        out.append(Change(e.id, e.complaint_id, learn=True, label=code, at=e.at,
                          suggestion={"id": data.get("suggestion_id")}))
    _fill(s, out)
    return out


def _fill(s: Session, changes: list[Change]) -> None:
    learning = [c for c in changes if c.learn]
    if not learning:
        return
    ids = {c.complaint_id for c in learning}
    texts = {r.id: (r.text, r.title) for r in s.execute(select(Complaint.id, Complaint.text, Complaint.title)
                                                         .where(Complaint.id.in_(ids)))}
    sugg_ids = {c.suggestion["id"] for c in learning if c.suggestion and c.suggestion.get("id")}
    payloads = ({r.id: r.payload for r in s.execute(select(Suggestion.id, Suggestion.payload)
                                                    .where(Suggestion.id.in_(sugg_ids)))} if sugg_ids else {})
    for c in learning:
        c.text, c.title = texts.get(c.complaint_id, ("", None))
        sid = c.suggestion.get("id") if c.suggestion else None
        c.suggestion = payloads.get(sid)


def window_start(s: Session, capacity: int) -> int:
    """The event id after which the latest `capacity` dispatch decisions lie (where a new process starts)."""
    ids = list(s.scalars(select(Event.id).where(Event.type == "disposition").order_by(Event.id.desc())
                         .limit(capacity)))
    return (min(ids) - 1) if len(ids) == capacity else 0


def latest_event_id(s: Session) -> int:
    return int(s.scalar(select(func.max(Event.id))) or 0)
