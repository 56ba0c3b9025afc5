"""The clarification sent for each confirmed hoax."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from api.models import Base, utcnow


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
