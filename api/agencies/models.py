"""Tables of the agency directory beside `api.models.Agency`: restructuring and the history of changes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Date, String, Text, event
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


class AgencyChange(Base):
    """History of the directory: who changed which agency, when, from where, and what (field -> [old, new]).

    Append-only, like `api.models.Event`. action: create | update | deactivate | reactivate | merge."""

    __tablename__ = "agency_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_code: Mapped[str] = mapped_column(String(40), index=True)
    action: Mapped[str] = mapped_column(String(20))
    changes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    source: Mapped[str] = mapped_column(String(300))  # "import:agencies.csv", "console", "from-lapor:rekap.xlsx"
    actor: Mapped[str] = mapped_column(String(100))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)


@event.listens_for(AgencyChange, "before_update")
@event.listens_for(AgencyChange, "before_delete")
def _history_is_append_only(_mapper, _conn, target: AgencyChange) -> None:
    raise ValueError(f"agency change {target.id} is history: it is never changed or deleted")
