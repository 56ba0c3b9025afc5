"""What learning did and when: decisions taken in, refits promoted or refused, switched on or off."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from api.models import Base, utcnow


class LearningEvent(Base):
    """Append-only log of automatic learning (the monitoring page shows it)."""

    __tablename__ = "learning_event"
    __table_args__ = (Index("ix_learning_event_kind_at", "kind", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))  # refit_promoted | refit_refused | refit_failed | switched
    message: Mapped[str] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    actor: Mapped[str] = mapped_column(String(100))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
