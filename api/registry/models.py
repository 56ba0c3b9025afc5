"""Tables of the model registry: known bundles and the append-only activation log."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from api.models import Base, utcnow


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


class ModelBlob(Base):
    """A bundle directory as a gzip'ed tar, in parts: how a bundle made on one machine (an automatic
    refit in the job worker) reaches every other, which may not share a file system."""

    __tablename__ = "model_blob"
    __table_args__ = (UniqueConstraint("entry_id", "part", name="uq_model_blob_entry_part"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("model_entry.id"), index=True)
    part: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
