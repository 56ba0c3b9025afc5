"""State changes: the verifier's disposition and the agency's follow-up.

Each change appends an Event. Complaint rows carry a version counter (version_id_col): a decision
made on a copy that another request changed meanwhile fails with 409 instead of overwriting it.
"""

from __future__ import annotations

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from api import workflow
from api.agencies.service import agency_by_code
from api.deadlines import DeadlinePolicy
from api.models import CONFIDENTIALITY, Complaint, Disposition, Event, FollowUp, Suggestion, utcnow
from api.principal import Principal
from api.schemas import DispositionCreate, FollowUpCreate
from api.services.complaints import get_complaint
from api.services.errors import Conflict, Invalid, NotFound
from api.workflow import Status

NEEDS_REASON = {"archive", "need_info"}


def _transition(c: Complaint, target: Status, actor: str, type_: str, data: dict, at) -> None:
    try:
        workflow.check(c.status, target)
    except workflow.InvalidTransition as exc:
        raise Conflict(str(exc), "invalid_transition", {"status": c.status, "target": target.value}) from None
    c.events.append(Event(type=type_, from_status=c.status, to_status=target.value, actor=actor, data=data, at=at))
    c.status = target.value


def _commit(s: Session) -> None:
    try:
        s.commit()
    except StaleDataError:
        s.rollback()
        raise Conflict("the complaint was changed by someone else meanwhile; reload it and decide again",
                       "concurrent_update") from None


def _pick_suggestion(c: Complaint, suggestion_id: int | None) -> Suggestion | None:
    if suggestion_id is None:
        return c.suggestions[-1] if c.suggestions else None
    for sug in c.suggestions:
        if sug.id == suggestion_id:
            return sug
    raise Invalid(f"suggestion {suggestion_id} does not belong to this complaint", "unknown_suggestion",
                  [{"field": "suggestion_id", "code": "unknown", "message": "not a suggestion of this complaint"}])


def decide(tracking_id: str, data: DispositionCreate, *, session: Session, principal: Principal,
           deadlines: DeadlinePolicy) -> Complaint:
    s = session
    c = get_complaint(tracking_id, session=s, principal=principal)
    action = data.action
    reason = (data.reason or "").strip() or None
    if action in NEEDS_REASON and not reason:
        raise Invalid(f"action {action!r} needs a reason", "reason_required",
                      [{"field": "reason", "code": "required", "message": f"action {action!r} needs a reason"}])
    if data.version is not None and c.version_id != data.version:
        # The console sends the version it showed: someone else's decision meanwhile is not overwritten.
        raise Conflict("the complaint was changed by someone else meanwhile; reload it and decide again",
                       "concurrent_update", {"status": c.status})
    if Status(c.status) not in workflow.DECIDABLE:
        raise Conflict(f"complaint is {c.status!r} ({workflow.label(c.status)}); it is not waiting for a verifier",
                       "invalid_transition", {"status": c.status})
    suggestion = _pick_suggestion(c, data.suggestion_id)
    agency = None
    if action == "confirm":
        if suggestion is None or not suggestion.top_agency:
            raise Invalid("no suggestion to confirm; use `reassign` with an agency", "no_suggestion")
        agency = agency_by_code(s, suggestion.top_agency)
        if agency is None or not agency.active:
            raise Invalid(f"the suggested agency {suggestion.top_agency!r} is not an active agency; use `reassign`",
                          "unknown_agency")
    elif action == "reassign":
        if not data.agency:
            raise Invalid("`reassign` needs an agency code", "agency_required",
                          [{"field": "agency", "code": "required", "message": "`reassign` needs an agency code"}])
        agency = agency_by_code(s, data.agency)
        if agency is None or not agency.active:
            raise Invalid(f"no active agency {data.agency!r}", "unknown_agency",
                          [{"field": "agency", "code": "unknown", "message": f"no active agency {data.agency!r}"}])

    now = utcnow()
    target = workflow.ACTION_STATUS[action]
    event_data = {"action": action, "reason": reason, "suggestion_id": suggestion.id if suggestion else None}
    if agency is not None:
        event_data["agency"] = agency.code
    _transition(c, target, principal.actor, "disposition", event_data, now)
    c.dispositions.append(Disposition(suggestion_id=suggestion.id if suggestion else None, action=action,
                                      agency_id=agency.id if agency else None, reason=reason,
                                      user=principal.actor, created_at=now))
    if target == Status.DISPATCHED:
        c.agency = agency
        c.followup_due = deadlines.followup_due(now, agency.deadline_days)
        c.due_at = c.followup_due
    else:
        # Archived/hoax: no clock. need_info: the clock waits for the reporter.
        c.due_at = None
    _commit(s)
    return c


def follow_up(tracking_id: str, data: FollowUpCreate, *, session: Session, principal: Principal,
              deadlines: DeadlinePolicy) -> Complaint:
    s = session
    c = get_complaint(tracking_id, session=s, principal=principal)
    if principal.agency_id is None or c.agency_id != principal.agency_id:
        raise NotFound(f"no complaint {tracking_id!r}")
    status, text = data.status, data.text.strip()
    if not text:
        raise Invalid("text must not be blank", "validation_error",
                      [{"field": "text", "code": "blank", "message": "must not be blank"}])
    now = utcnow()
    agency_code = c.agency.code
    c.followups.append(FollowUp(agency_id=c.agency_id, status=status, text=text, user=principal.actor, created_at=now))
    ev = {"followup_status": status, "agency": agency_code}
    if status == "not_our_authority":
        _transition(c, Status.RETURNED, principal.actor, "followup", {**ev, "reason": text}, now)
        c.agency = None
        c.followup_due = None
        c.verify_due = deadlines.verify_due(now)
        c.due_at = c.verify_due
    else:
        if c.status == Status.DISPATCHED or status == "in_progress":
            _transition(c, Status.FOLLOWED_UP, principal.actor, "followup", ev, now)
        if status == "done":
            _transition(c, Status.CLOSED, principal.actor, "followup", ev, now)
            c.due_at = None
    _commit(s)
    return c


def set_confidentiality(tracking_id: str, value: str, *, session: Session, principal: Principal,
                        version: int | None = None) -> Complaint:
    """Change who may read the report (public / anonymous / secret); recorded as an event."""
    s = session
    if value not in CONFIDENTIALITY:
        raise Invalid(f"confidentiality must be one of {', '.join(CONFIDENTIALITY)}", "validation_error",
                      [{"field": "confidentiality", "code": "enum", "message": "public, anonymous or secret"}])
    c = get_complaint(tracking_id, session=s, principal=principal)
    if version is not None and c.version_id != version:
        raise Conflict("the complaint was changed by someone else meanwhile; reload it and decide again",
                       "concurrent_update")
    if c.confidentiality != value:
        c.events.append(Event(type="confidentiality", from_status=c.status, to_status=c.status,
                              actor=principal.actor, data={"from": c.confidentiality, "to": value}, at=utcnow()))
        c.confidentiality = value
        _commit(s)
    return c
