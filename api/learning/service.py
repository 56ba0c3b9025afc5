"""Learning from decisions: switched on or off by an admin (the environment may force it), the office's
directory as the router sees it, the log of what was learned, and when a refit is due."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.learning.models import LearningEvent
from api.models import Agency, Event, utcnow
from api.services import settings as stored
from triage.routing.directory import AgencyEntry, is_placeholder

SETTING = "learning"
REFIT_KINDS = ("refit_promoted", "refit_refused", "refit_failed")


def enabled(s: Session, forced: bool | None = None) -> bool:
    """On unless an admin switched it off; `forced` (TRIAGE_LEARNING) wins over the stored switch."""
    if forced is not None:
        return forced
    value = stored.get(s, SETTING)
    return bool((value or {}).get("enabled", True))


def switch(s: Session, on: bool, *, actor: str, reason: str | None = None) -> LearningEvent:
    stored.put(s, SETTING, {"enabled": bool(on)}, actor=actor)
    word = "on" if on else "off"
    return record(s, "switched", f"learning from decisions switched {word}" + (f": {reason}" if reason else ""),
                  {"enabled": bool(on)}, actor=actor)


def record(s: Session, kind: str, message: str, data: dict | None = None, *, actor: str) -> LearningEvent:
    ev = LearningEvent(kind=kind, message=message, data=data or {}, actor=actor, at=utcnow())
    s.add(ev)
    s.commit()
    return ev


def events(s: Session, limit: int = 50) -> list[LearningEvent]:
    return list(s.scalars(select(LearningEvent).order_by(LearningEvent.id.desc()).limit(limit)))


def directory(s: Session) -> list[AgencyEntry]:
    """The active agencies as routing sees them (placeholders left out), in code order."""
    out = []
    for a in s.scalars(select(Agency).where(Agency.active.is_(True)).order_by(Agency.code)):
        if is_placeholder(a.name) or is_placeholder(a.code):
            continue
        out.append(AgencyEntry(code=a.code, name=a.name, aliases=tuple(a.aliases or ()), type=a.type or None,
                               keywords=tuple(a.keywords or ()), description=a.description or "",
                               parent=a.parent or None))
    return out


def directory_marker(s: Session) -> tuple:
    """Changes when the directory routing sees changes (agencies added, edited, deactivated)."""
    return tuple(s.execute(select(func.count(), func.max(Agency.id)).select_from(Agency)
                           .where(Agency.active.is_(True))).one()) + (_agency_text_hash(s),)


def _agency_text_hash(s: Session) -> int:
    # Aliases and keywords too: an admin adding keywords must reach the routing prior (lists are JSON).
    rows = s.execute(select(Agency.code, Agency.name, Agency.type, Agency.description, Agency.parent,
                            Agency.aliases, Agency.keywords).where(Agency.active.is_(True)).order_by(Agency.code))
    return hash(tuple((*r[:5], tuple(r.aliases or ()), tuple(r.keywords or ())) for r in rows))


def last_refit_at(s: Session) -> dt.datetime | None:
    return s.scalar(select(func.max(LearningEvent.at)).where(LearningEvent.kind.in_(REFIT_KINDS)))


def decisions_since(s: Session, since: dt.datetime | None) -> int:
    """Dispatch decisions made after `since` (all of them when None)."""
    stmt = select(func.count()).select_from(Event).where(Event.type == "disposition")
    if since is not None:
        stmt = stmt.where(Event.at > since)
    return int(s.scalar(stmt) or 0)


def timeline(s: Session, limit: int = 20, days: int = 14) -> list[dict]:
    """The learning events, newest first, each with the acceptance of suggestions in the `days` before and
    after it (after: up to the next event or now): what a promotion or a switch changed."""
    from api.monitoring.service import acceptance

    rows = events(s, limit)
    out = []
    for i, ev in enumerate(rows):
        nxt = rows[i - 1].at if i > 0 else utcnow()
        before = acceptance(s, ev.at - dt.timedelta(days=days), ev.at)
        after = acceptance(s, ev.at, min(nxt, ev.at + dt.timedelta(days=days)))
        out.append({"id": ev.id, "kind": ev.kind, "message": ev.message, "actor": ev.actor, "at": ev.at.isoformat(),
                    "version": (ev.data or {}).get("version"),
                    "acceptance_before": {k: before[k] for k in ("decisions", "accepted", "rate")},
                    "acceptance_after": {k: after[k] for k in ("decisions", "accepted", "rate")}})
    return out
