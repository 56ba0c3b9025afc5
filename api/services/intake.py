"""Intake: a complaint, its reporter contact and its suggestion are stored in one transaction.

The model runs before the transaction opens (no lock held during inference). If it fails the
complaint is stored anyway, status `received` without a suggestion, for a human to handle.
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api import metrics
from api.deadlines import DeadlinePolicy
from api.model_holder import ModelHolder
from api.models import Complaint, Event, ReporterContact, Suggestion, utcnow
from api.principal import Principal
from api.schemas import ClassifyItem, ComplaintCreate
from api.services.classify import analyse
from api.services.errors import Conflict
from api.workflow import Role, Status

log = logging.getLogger(__name__)
# No 0/O, 1/I/L: tracking ids are read out over the phone.
TRACKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


@dataclass
class IntakeResult:
    complaint: Complaint
    created: bool  # False: replay of an earlier request with the same Idempotency-Key


def new_tracking_id() -> str:
    return "LPR-" + "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(8))


def request_hash(data: ComplaintCreate) -> str:
    """The body as sent (fields the client set), so a retry of the same request hashes the same."""
    sent = data.model_dump(mode="json", exclude_unset=True)
    return hashlib.sha256(json.dumps(sent, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _replay(s: Session, scoped_key: str, digest: str) -> IntakeResult | None:
    existing = s.scalar(select(Complaint).where(Complaint.idempotency_key == scoped_key))
    if existing is None:
        return None
    if existing.request_hash != digest:
        raise Conflict("this Idempotency-Key was used with a different body", "idempotency_conflict",
                       {"tracking_id": existing.tracking_id})
    return IntakeResult(existing, created=False)


def store_suggestion(s: Session, c: Complaint, payload: dict) -> Suggestion:
    agency = payload.get("agency") or {}
    candidates = agency.get("candidates") or []
    hoax = (payload.get("hoax") or {}).get("probability")
    sug = Suggestion(
        complaint=c,
        model_name=payload["model"]["name"],
        model_version=payload["model"]["version"],
        payload=payload,
        agency_band=agency.get("band"),
        top_agency=candidates[0]["label"] if candidates else None,
        hoax_probability=hoax,
    )
    s.add(sug)
    c.band, c.suggested_agency, c.hoax_probability = sug.agency_band, sug.top_agency, hoax
    return sug


def intake(
    data: ComplaintCreate,
    *,
    session: Session,
    principal: Principal,
    holder: ModelHolder,
    deadlines: DeadlinePolicy,
    idempotency_key: str | None = None,
) -> IntakeResult:
    s = session
    digest = request_hash(data)
    scoped_key = f"{principal.kind}:{principal.id}:{idempotency_key}" if idempotency_key else None
    if scoped_key and (replay := _replay(s, scoped_key, digest)):
        metrics.INTAKE.labels(replay.complaint.channel, "replayed").inc()
        return replay

    channel = data.channel or ("api" if principal.role == Role.SYSTEM else "web")
    payload, embedding = None, None
    try:
        done = analyse(holder, [ClassifyItem(text=data.text, title=data.title)], source="intake")
        [payload] = done.payloads
        if done.embeddings is not None:
            embedding = (done.loaded.version, done.embeddings[0])
    except Exception:
        # Nothing accepted is lost: store it for a human, without a suggestion.
        log.exception("classification failed during intake; storing the complaint without a suggestion")

    now = utcnow()
    c = Complaint(
        tracking_id=new_tracking_id(),
        title=data.title,
        text=data.text,
        channel=channel,
        confidentiality=data.confidentiality,
        status=Status.RECEIVED.value,
        received_at=now,
        verify_due=deadlines.verify_due(now),
        idempotency_key=scoped_key,
        request_hash=digest,
        submitted_by=principal.actor,
    )
    c.due_at = c.verify_due
    s.add(c)
    reporter = data.reporter.given() if data.reporter else {}
    if reporter:
        s.add(ReporterContact(complaint=c, **reporter))
    if payload is not None:
        store_suggestion(s, c, payload)
    c.events.append(Event(type="received", from_status=None, to_status=c.status, actor=principal.actor,
                data={"channel": channel, "classified": payload is not None}, at=now))
    try:
        s.commit()
    except IntegrityError:
        # A concurrent retry with the same key won the race: answer as a replay.
        s.rollback()
        if scoped_key and (replay := _replay(s, scoped_key, digest)):
            return replay
        raise
    metrics.INTAKE.labels(channel, "classified" if payload is not None else "unclassified").inc()
    _link_duplicates(s, holder, c, embedding)
    return IntakeResult(c, created=True)


def _link_duplicates(s: Session, holder: ModelHolder, c: Complaint, embedding=None) -> None:
    """Issue 7: link to an open cluster about the same problem. The complaint is already committed;
    nothing that goes wrong here may lose it or fail the request."""
    tracking_id = c.tracking_id  # read now: after a failed flush the session cannot load it
    try:
        from api.duplicates import service as duplicates

        duplicates.on_intake(s, holder, c, embedding)
    except Exception:
        try:
            s.rollback()
        except Exception:
            pass
        log.exception("duplicate linking failed for %s", tracking_id)
