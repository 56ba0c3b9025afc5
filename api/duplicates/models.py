"""Tables of duplicate clusters: reports about the same problem, handled together."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Float, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from api.models import Base, Complaint, utcnow


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
