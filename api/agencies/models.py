"""Tables of agency restructuring (the directory itself is `api.models.Agency`)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from api.models import Base, utcnow


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
