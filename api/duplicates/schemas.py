"""Request, query and response shapes of the duplicate and related-report API."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from api.models import DISPOSITION_ACTIONS
from api.schemas import AgencyCode, ComplaintSummary, Query, Reason, Request, Response, TrackingId
from triage.duplicates import WINDOW_DAYS

WINDOW_DAYS_MAX = 365


class RelatedQuery(Query):
    limit: Annotated[int, Field(ge=1, le=50)] = 10
    window_days: Annotated[int, Field(ge=1, le=WINDOW_DAYS_MAX)] = WINDOW_DAYS


class ClusterDispositionCreate(Request):
    action: Literal[DISPOSITION_ACTIONS] = Field(description="applied to every member still waiting for a "
                                                 "verifier; `confirm` only when their suggestions name one agency")
    agency: AgencyCode = None
    reason: Reason | None = None


class ClusterLinkCreate(Request):
    tracking_id: TrackingId = Field(description="the complaint whose cluster this one joins")


class RelatedItem(ComplaintSummary):
    similarity: float
    same_problem: bool
    place_overlap: float | None
    days_apart: int | None
    shared_places: list[str]
    reason: str


class RelatedList(Response):
    tracking_id: str
    cluster_id: int | None
    window_days: int
    items: list[RelatedItem]


class ClusterMemberOut(ComplaintSummary):
    similarity: float | None
    evidence: dict
    linked_by: str
    linked_at: str | None
    linked_to: str | None


class Cluster(Response):
    id: int
    open: bool
    created_at: str | None
    created_by: str
    dispatched_at: str | None
    dispatched_by: str | None
    members: list[ClusterMemberOut]


class MemberResult(Response):
    tracking_id: str
    ok: bool
    status: str | None = None
    error: str | None = None
    message: str | None = None


class ClusterDisposition(Response):
    cluster: Cluster
    results: list[MemberResult]
