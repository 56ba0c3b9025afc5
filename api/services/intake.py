"""Intake: a complaint, its reporter contact, its suggestion and its duplicate link are stored in one
transaction.

The model runs before the transaction opens (no lock held during inference). If it fails the
complaint is stored anyway, status `received` without a suggestion, for a human to handle.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, make_transient_to_detached
from sqlalchemy.orm.attributes import instance_dict, set_committed_value

from api import metrics
from api.deadlines import DeadlinePolicy
from api.duplicates import service as duplicates
from api.model_holder import ModelHolder
from api.models import Complaint, Event, ReporterContact, Suggestion, month_number, utcnow
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


def suggestion_fields(payload: dict) -> dict:
    """The columns of a suggestion row (and the complaint's copies for the queues) read off a payload."""
    agency = payload.get("agency") or {}
    candidates = agency.get("candidates") or []
    return {"model_name": payload["model"]["name"], "model_version": payload["model"]["version"],
            "payload": payload, "agency_band": agency.get("band"),
            "top_agency": candidates[0]["label"] if candidates else None,
            "hoax_probability": (payload.get("hoax") or {}).get("probability")}


def store_suggestion(s: Session, c: Complaint, payload: dict) -> Suggestion:
    sug = Suggestion(complaint=c, **suggestion_fields(payload))
    s.add(sug)
    c.band, c.suggested_agency, c.hoax_probability = sug.agency_band, sug.top_agency, sug.hoax_probability
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
    # Issue 7: the earlier report about the same problem is found before writing (reads only), so the
    # link commits with the report: one transaction, one durable commit.
    link = duplicates.plan_link(s, holder, data.text, data.title, now, embedding)
    row = _Row(data, channel, payload, now, deadlines.verify_due(now), principal.actor, scoped_key, digest)
    try:
        c = _store(s, row, link)
    except IntegrityError:
        if scoped_key and (replay := _replay(s, scoped_key, digest)):
            # A concurrent retry with the same key won the race: answer as a replay.
            return replay
        if link is None:
            raise
        # The report it was to join was put in a cluster meanwhile by another request: store it on its own.
        log.warning("linking a new report to %s lost a race; stored without the link", link.other_tracking_id)
        c = _store(s, row, None)
    except SQLAlchemyError:
        if link is None:
            raise
        # The link must never cost the report: store it without (if the database is down, this fails too).
        log.exception("writing the duplicate link failed; the report is stored without it")
        c = _store(s, row, None)
    metrics.INTAKE.labels(channel, "classified" if payload is not None else "unclassified").inc()
    try:
        duplicates.remember(holder, c.id, embedding)
    except Exception:  # a cache for the next catch-up: it encodes the report instead
        log.exception("could not keep the new report's vector for the duplicate index")
    return IntakeResult(c, created=True)


@dataclass(frozen=True)
class _Row:
    data: ComplaintCreate
    channel: str
    payload: dict | None
    now: dt.datetime
    verify_due: dt.datetime
    actor: str
    scoped_key: str | None
    digest: str


# Built once: a statement's construction and cache key cost more than running the insert.
_COMPLAINTS, _CONTACTS, _SUGGESTIONS, _EVENTS = (t.__table__.insert() for t in (Complaint, ReporterContact,
                                                                                Suggestion, Event))


def _store(s: Session, r: _Row, link: duplicates.LinkPlan | None) -> Complaint:
    """Write and commit; on failure roll back and forget the objects made here (an id can be handed out
    again after a rollback, and the session must not think it still holds that row)."""
    added: list = []
    try:
        c = _write(s, r, link, added)
        s.commit()
        return c
    except BaseException:
        s.rollback()
        for obj in added:
            if obj in s:
                s.expunge(obj)
        raise


def _write(s: Session, r: _Row, link: duplicates.LinkPlan | None, added: list) -> Complaint:
    """The complaint, its contact, its suggestion, its "received" event and its cluster link, as Core rows
    on the session's transaction: the ORM's unit of work cost several times the inserts themselves on this
    hottest write. The complaint and its suggestion are returned as persistent ORM objects, loaded."""
    conn, data = s.connection(), r.data
    sug = suggestion_fields(r.payload) if r.payload is not None else None
    values = {
        "tracking_id": new_tracking_id(), "title": data.title, "text": data.text, "channel": r.channel,
        "confidentiality": data.confidentiality, "status": Status.RECEIVED.value, "agency_id": None,
        "received_at": r.now, "received_month": month_number(r.now), "verify_due": r.verify_due, "followup_due": None, "due_at": r.verify_due,
        "band": sug and sug["agency_band"], "suggested_agency": sug and sug["top_agency"],
        "hoax_probability": sug and sug["hoax_probability"], "idempotency_key": r.scoped_key,
        "request_hash": r.digest, "submitted_by": r.actor, "created_at": r.now, "updated_at": r.now,
        "version_id": 1,  # the mapper's optimistic lock counts from 1
    }
    cid = conn.execute(_COMPLAINTS, values).inserted_primary_key[0]
    c = _persistent(s, Complaint, {"id": cid, **values}, added)
    reporter = data.reporter.given() if data.reporter else {}
    if reporter:
        conn.execute(_CONTACTS, {"complaint_id": cid, **reporter})
    suggestions = []
    if sug is not None:
        sug |= {"complaint_id": cid, "created_at": r.now}
        sid = conn.execute(_SUGGESTIONS, sug).inserted_primary_key[0]
        suggestions.append(_persistent(s, Suggestion, {"id": sid, **sug}, added))
    set_committed_value(c, "suggestions", suggestions)
    events = [{"complaint_id": cid, "type": "received", "from_status": None, "to_status": c.status,
               "actor": r.actor, "data": {"channel": r.channel, "classified": sug is not None}, "at": r.now}]
    if link is not None:
        duplicates.write_link(conn, cid, c.status, link, duplicates.MODEL_ACTOR, r.now, events)
    conn.execute(_EVENTS, events)  # the report's events (and the earlier report's, when linked) in one statement
    return c


def _persistent(s: Session, cls, values: dict, added: list):
    """An object of ``cls`` whose row was just inserted with Core with ``values`` (every column): persistent
    in the session without a query (relationships not set load on first use). The values are put in place
    as a query's load puts them, without the constructor's change event per attribute (which cost as
    much as the insert)."""
    obj = cls._sa_class_manager.new_instance()
    instance_dict(obj).update(values)
    make_transient_to_detached(obj)
    s.add(obj)
    added.append(obj)
    return obj
