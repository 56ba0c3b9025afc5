"""Typed SQLAlchemy 2.0 models of the service's database.

Status names live in api.workflow; this module only stores them as strings.
All timestamps are stored as naive UTC and returned timezone-aware (UTCDateTime) so that
SQLite and PostgreSQL behave the same.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    event,
)
from sqlalchemy import Enum as SAEnum
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from api.workflow import USER_ROLES

if TYPE_CHECKING:
    from api.duplicates.models import ClusterMember

CHANNELS = ("web", "sms", "app", "social", "hotline", "api")
CONFIDENTIALITY = ("public", "anonymous", "secret")
DISPOSITION_ACTIONS = ("confirm", "reassign", "archive", "hoax", "need_info")
FOLLOWUP_STATUSES = ("in_progress", "done", "not_our_authority")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def month_number(at: dt.datetime) -> int:
    """The UTC month of ``at`` as 202611: the duplicates index's monthly shard ("2026-11") as a number."""
    if at.tzinfo is None:  # as UTCDateTime: a naive time would be read as the server's local time
        raise ValueError("naive datetime given for a UTC month")
    at = at.astimezone(dt.UTC)
    return at.year * 100 + at.month


def _received_month(context) -> int | None:
    # Core inserts too: a row given no month gets its received_at's (computed first when defaulted, as
    # received_at comes before it in the table). A received_at that is an SQL expression (or None, which
    # the NOT NULL refuses) gives no month here; api.duplicates.service.fill_missing_months fills it in.
    at = context.get_current_parameters().get("received_at")
    return month_number(at) if isinstance(at, dt.datetime) else None


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
    # What routing knows of it beyond its name: agency-type codes of triage/data/agency_types.yaml
    # ("pupr", "kecamatan|..."), and words or a description an admin adds (the cold-start prior reads them).
    type: Mapped[str | None] = mapped_column(String(200))
    keywords: Mapped[list[Any] | None] = mapped_column(default=list)
    description: Mapped[str | None] = mapped_column(Text)


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
    role: Mapped[str] = mapped_column(_enum(tuple(r.value for r in USER_ROLES), "user_role"))
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
        # The duplicates catch-up (api.duplicates.service): one month's rows above an id, on every intake.
        Index("ix_complaint_month_id", "received_month", "id"),
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
    # received_at's UTC month (month_number), kept with it by the validator below and the default: "this
    # month's rows above id N" is then one index range, where a received_at range read every newer row.
    # Nullable only so that SQLite could add it without rebuilding the table; every write path sets it.
    received_month: Mapped[int | None] = mapped_column(Integer, default=_received_month)
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

    @validates("received_at")
    def _keep_month(self, _key, value: dt.datetime) -> dt.datetime:
        # A report back-dated through the ORM moves to its new month's shard (a bulk UPDATE would not).
        if value is not None:
            self.received_month = month_number(value)
        return value


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


class StoredSetting(Base):
    """A setting the office changes while the service runs (learning on/off, the office's identity):
    every worker and machine reads it from here; the environment may override it (api.config)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(default=dict)
    updated_by: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class LoginFailure(Base):
    """A failed password check (console login or HTTP Basic), kept to lock an account out across workers."""

    __tablename__ = "login_failure"
    __table_args__ = (Index("ix_login_failure_username_at", "username", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100))  # as typed (lower-cased): unknown names count too
    ip: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)


# Feature packages keep their own tables (Dispatch style); importing them here completes the metadata
# that Alembic and the relationships above ("ClusterMember") resolve against.
import api.agencies.models  # noqa: E402,F401
import api.duplicates.models  # noqa: E402,F401
import api.hoaxes.models  # noqa: E402,F401
import api.imports.models  # noqa: E402,F401
import api.jobs.models  # noqa: E402,F401
import api.learning.models  # noqa: E402,F401
import api.registry.models  # noqa: E402,F401
