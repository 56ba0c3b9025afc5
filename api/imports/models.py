"""Tables of imports: each run, each imported record, agency names waiting for review."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Float, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from api.models import Base, Complaint, utcnow


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
