"""Typed SQLAlchemy 2.0 models of the service's database.

Status names live in api.workflow; this module only stores them as strings.
All timestamps are stored as naive UTC and returned timezone-aware (UTCDateTime) so that
SQLite and PostgreSQL behave the same.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    event,
)
from sqlalchemy import Enum as SAEnum
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

CHANNELS = ("web", "sms", "app", "social", "hotline", "api")
CONFIDENTIALITY = ("public", "anonymous", "secret")
ROLES = ("verifier", "admin", "data_scientist", "agency_officer")
DISPOSITION_ACTIONS = ("confirm", "reassign", "archive", "hoax", "need_info")
FOLLOWUP_STATUSES = ("in_progress", "done", "not_our_authority")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator):
    """Aware UTC datetimes in Python, naive UTC in the database (SQLite has no time zones)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


def _enum(values: tuple[str, ...], name: str) -> SAEnum:
    # Stored as VARCHAR + CHECK: adding a value later is a small migration on both databases.
    return SAEnum(*values, name=name, native_enum=False, create_constraint=True, length=20)


class Base(DeclarativeBase):
    type_annotation_map = {dt.datetime: UTCDateTime, dict[str, Any]: JSON, list[Any]: JSON}


class Agency(Base):
    __tablename__ = "agency"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    aliases: Mapped[list[Any]] = mapped_column(default=list)
    parent: Mapped[str | None] = mapped_column(String(40))
    kind: Mapped[str | None] = mapped_column(String(40))
    deadline_days: Mapped[int] = mapped_column(default=5)
    active: Mapped[bool] = mapped_column(default=True)


class Category(Base):
    __tablename__ = "category"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)


class User(Base):
    __tablename__ = "user_account"  # "user" is reserved in PostgreSQL

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(_enum(ROLES, "user_role"))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id"))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    agency: Mapped[Agency | None] = relationship()


class ApiKey(Base):
    __tablename__ = "api_key"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 hex of the whole key
    prefix: Mapped[str] = mapped_column(String(16))  # shown in listings to recognise a key
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[dt.datetime | None]
    last_used_at: Mapped[dt.datetime | None]


class Complaint(Base):
    __tablename__ = "complaint"
    __table_args__ = (
        Index("ix_complaint_status_received", "status", "received_at"),
        Index("ix_complaint_agency_status", "agency_id", "status"),
        Index("ix_complaint_received_id", "received_at", "id"),
        Index("ix_complaint_due", "due_at"),
        Index("ix_complaint_band", "band"),
        # The verifiers' queue (api.services.queue): walk one status by deadline; count bands per status.
        Index("ix_complaint_queue", "status", "due_at", "id"),
        Index("ix_complaint_status_band", "status", "band"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tracking_id: Mapped[str] = mapped_column(String(20), unique=True)
    title: Mapped[str | None] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)  # as received, never rewritten
    channel: Mapped[str] = mapped_column(_enum(CHANNELS, "complaint_channel"))
    confidentiality: Mapped[str] = mapped_column(_enum(CONFIDENTIALITY, "complaint_confidentiality"))
    status: Mapped[str] = mapped_column(String(20))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id"))  # current agency
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    verify_due: Mapped[dt.datetime | None]
    followup_due: Mapped[dt.datetime | None]
    # The deadline of the clock running in the current status (null when none runs):
    # `overdue` is `due_at < now`, filterable and sortable with an index.
    due_at: Mapped[dt.datetime | None]
    # Copied from the latest suggestion for indexed filtering in queues.
    band: Mapped[str | None] = mapped_column(String(10))
    suggested_agency: Mapped[str | None] = mapped_column(String(40))
    hoax_probability: Mapped[float | None] = mapped_column(Float)
    # Scoped by the submitting principal ("key:3:abc"), so clients cannot collide.
    idempotency_key: Mapped[str | None] = mapped_column(String(300), unique=True)
    request_hash: Mapped[str | None] = mapped_column(String(64))
    submitted_by: Mapped[str | None] = mapped_column(String(100))  # "key:NAME" or "user:NAME"
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # Optimistic locking: a decision made on a stale copy fails instead of overwriting.
    version_id: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version_id}

    agency: Mapped[Agency | None] = relationship()
    contact: Mapped[ReporterContact | None] = relationship(back_populates="complaint", uselist=False)
    suggestions: Mapped[list[Suggestion]] = relationship(
        back_populates="complaint", order_by="Suggestion.id"
    )
    dispositions: Mapped[list[Disposition]] = relationship(order_by="Disposition.id")
    followups: Mapped[list[FollowUp]] = relationship(order_by="FollowUp.id")
    events: Mapped[list[Event]] = relationship(order_by="Event.id")
    cluster_member: Mapped[ClusterMember | None] = relationship(  # issue 7: its duplicate cluster, if any
        foreign_keys="ClusterMember.complaint_id", uselist=False, viewonly=True)


class ReporterContact(Base):
    """Who to reach: kept apart from the complaint text so that access can be restricted."""

    __tablename__ = "reporter_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id"), unique=True)
    name: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(Text)

    complaint: Mapped[Complaint] = relationship(back_populates="contact")


class Suggestion(Base):
    __tablename__ = "suggestion"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id"), index=True)
    model_name: Mapped[str] = mapped_column(String(100))
    model_version: Mapped[str] = mapped_column(String(200))
    payload: Mapped[dict[str, Any]]  # Suggestion.to_dict(), stored as it is
    agency_band: Mapped[str | None] = mapped_column(String(10))
    top_agency: Mapped[str | None] = mapped_column(String(40))
    hoax_probability: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    complaint: Mapped[Complaint] = relationship(back_populates="suggestions")


class Disposition(Base):
    __tablename__ = "disposition"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id"), index=True)
    suggestion_id: Mapped[int | None] = mapped_column(ForeignKey("suggestion.id"))
    action: Mapped[str] = mapped_column(_enum(DISPOSITION_ACTIONS, "disposition_action"))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id"))
    reason: Mapped[str | None] = mapped_column(Text)
    user: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    agency: Mapped[Agency | None] = relationship()


class FollowUp(Base):
    __tablename__ = "followup"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    status: Mapped[str] = mapped_column(_enum(FOLLOWUP_STATUSES, "followup_status"))
    text: Mapped[str] = mapped_column(Text)
    user: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    agency: Mapped[Agency] = relationship()


class ConsoleSession(Base):
    """A console login kept server-side: the cookie holds a random id, this table its sha256 and the data."""

    __tablename__ = "console_session"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 hex of the cookie value
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), index=True)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(index=True)


class Event(Base):
    """Append-only history: one row per state change, never updated."""

    __tablename__ = "event"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id"), index=True)
    type: Mapped[str] = mapped_column(String(40))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str | None] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(100))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)


@event.listens_for(Event, "before_update")
@event.listens_for(Event, "before_delete")
def _history_is_append_only(_mapper, _conn, target: Event) -> None:
    raise ValueError(f"event {target.id} is history: events are never changed or deleted")


class ImportBatch(Base):
    """One run of an import (api.imports): what file, by whom, what came of its rows."""

    __tablename__ = "import_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(20))  # "lapor"
    filename: Mapped[str] = mapped_column(String(500))
    file_sha256: Mapped[str] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(100))
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[dt.datetime | None]
    rows_total: Mapped[int] = mapped_column(default=0)
    created: Mapped[int] = mapped_column(default=0)
    unchanged: Mapped[int] = mapped_column(default=0)
    held: Mapped[int] = mapped_column(default=0)  # waiting for an agency name to be reviewed
    failed: Mapped[int] = mapped_column(default=0)
    problems: Mapped[list[Any]] = mapped_column(default=list)  # [{"row", "column", "message"}]


class ImportedRecord(Base):
    """An external report (e.g. a SP4N-LAPOR! tracking id) and the complaint it became: imports are idempotent."""

    __tablename__ = "imported_record"
    __table_args__ = (UniqueConstraint("source", "external_id", name="uq_imported_record_source_external"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(20))
    external_id: Mapped[str] = mapped_column(String(100))
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id"), unique=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id"), index=True)
    row_number: Mapped[int] = mapped_column(Integer)
    row_hash: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)  # category, classification, raw status...

    complaint: Mapped[Complaint] = relationship()


class AgencyNameReview(Base):
    """An agency name from an import that did not match the directory confidently, for a human to resolve."""

    __tablename__ = "agency_name_review"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)  # normalised name
    name: Mapped[str] = mapped_column(String(300))  # as first written
    candidate: Mapped[str | None] = mapped_column(String(40))  # best fuzzy match (agency code)
    score: Mapped[float | None] = mapped_column(Float)
    rows: Mapped[int] = mapped_column(default=0)  # rows of the latest batch that named it
    status: Mapped[str] = mapped_column(String(20), default="pending")  # pending, resolved, ignored
    agency_code: Mapped[str | None] = mapped_column(String(40))  # resolution
    resolved_by: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[dt.datetime | None]
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"))


# -- learning from verifiers (issue 6): registry, activation log, agency restructuring, jobs ------------

class ModelEntry(Base):
    """A model bundle known to the registry, with the metrics recorded in its bundle.json."""

    __tablename__ = "model_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    version: Mapped[str] = mapped_column(String(200), unique=True)
    path: Mapped[str] = mapped_column(String(1000))
    metrics: Mapped[dict[str, Any]] = mapped_column(default=dict)
    training: Mapped[dict[str, Any]] = mapped_column(default=dict)  # rows, data hash, data_until, command
    registered_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ModelActivation(Base):
    """Append-only log: the latest row names the active model of every worker."""

    __tablename__ = "model_activation"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("model_entry.id"))
    previous_entry_id: Mapped[int | None] = mapped_column(ForeignKey("model_entry.id"))
    action: Mapped[str] = mapped_column(String(20))  # activate | rollback
    forced: Mapped[bool] = mapped_column(default=False)
    reason: Mapped[str | None] = mapped_column(Text)
    comparison: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    actor: Mapped[str] = mapped_column(String(100))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    entry: Mapped[ModelEntry] = relationship(foreign_keys=[entry_id])
    previous_entry: Mapped[ModelEntry | None] = relationship(foreign_keys=[previous_entry_id])


class AgencyMapping(Base):
    """Agency restructuring: decisions labelled old_code are relabelled new_code from effective_date.

    A split has several rows with the same old_code (it cannot be relabelled automatically)."""

    __tablename__ = "agency_mapping"

    id: Mapped[int] = mapped_column(primary_key=True)
    old_code: Mapped[str] = mapped_column(String(40), index=True)
    new_code: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(10))  # merge | rename | split
    effective_date: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class JobRecord(Base):
    """A background job (retraining, batch re-classification): the database is the source of truth,
    the queue only delivers; a job whose lease ran out (dead worker) is queued again."""

    __tablename__ = "job_record"
    __table_args__ = (Index("ix_job_record_status", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20))  # queued | running | done | failed
    params: Mapped[dict[str, Any]] = mapped_column(default=dict)
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    message: Mapped[str | None] = mapped_column(Text)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    worker: Mapped[str | None] = mapped_column(String(200))
    lease_until: Mapped[dt.datetime | None]
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    started_at: Mapped[dt.datetime | None]
    finished_at: Mapped[dt.datetime | None]


# -- guards around each report (issue 7): duplicate clusters, hoax clarifications --------------------

class ComplaintCluster(Base):
    """Reports about the same problem (same meaning, similar place, recent), handled together.

    Open while any member still waits for a decision; `dispatched_*` record a joint dispatch."""

    __tablename__ = "complaint_cluster"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100))  # "model" or the verifier who linked them
    dispatched_at: Mapped[dt.datetime | None]
    dispatched_by: Mapped[str | None] = mapped_column(String(100))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id"))

    members: Mapped[list[ClusterMember]] = relationship(back_populates="cluster", order_by="ClusterMember.id")


class ClusterMember(Base):
    """One complaint in one cluster (a complaint is in at most one), with why it was linked."""

    __tablename__ = "cluster_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    cluster_id: Mapped[int] = mapped_column(ForeignKey("complaint_cluster.id"), index=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id"), unique=True)
    linked_to_id: Mapped[int | None] = mapped_column(ForeignKey("complaint.id"))  # the match that linked it
    similarity: Mapped[float | None] = mapped_column(Float)
    evidence: Mapped[dict[str, Any]] = mapped_column(default=dict)  # place overlap, days apart, reason
    linked_by: Mapped[str] = mapped_column(String(100))
    linked_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    cluster: Mapped[ComplaintCluster] = relationship(back_populates="members")
    complaint: Mapped[Complaint] = relationship(foreign_keys=[complaint_id])


class HoaxClarification(Base):
    """The standard clarification sent for a confirmed hoax, and what it was about (for Diskominfo's counts)."""

    __tablename__ = "hoax_clarification"
    __table_args__ = (Index("ix_hoax_clarification_created_topic", "created_at", "topic"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id"), index=True)
    template: Mapped[str] = mapped_column(String(40))
    topic: Mapped[str] = mapped_column(String(80))
    text: Mapped[str] = mapped_column(Text)
    hoax_probability: Mapped[float | None] = mapped_column(Float)  # the model's, when it was confirmed
    actor: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class LoginFailure(Base):
    """A failed password check (console login or HTTP Basic), kept to lock an account out across workers."""

    __tablename__ = "login_failure"
    __table_args__ = (Index("ix_login_failure_username_at", "username", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100))  # as typed (lower-cased): unknown names count too
    ip: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
