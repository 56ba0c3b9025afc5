"""Request, query and response shapes of the hoax API (generated into the OpenAPI document)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from api.hoaxes.service import STATUSES
from api.schemas import MAX_ID, Clean, ComplaintSummary, Query, Reason, Request, Response


class HoaxQuery(Query):
    status: Literal[STATUSES] = Field("pending", description="`pending` (flagged, waiting for a verifier), "
                                      "`confirmed`, `rejected`, `all`")
    limit: Annotated[int, Field(ge=1, le=200)] = 50
    before: Annotated[int, Field(ge=1, le=MAX_ID, description="`next_before` of the previous page")] = None


class HoaxStatsQuery(Query):
    start: Annotated[str, Field(max_length=40)] = Field(None, alias="from",
                                                              description="ISO date or date-time, inclusive")
    end: Annotated[str, Field(max_length=40)] = Field(None, alias="to",
                                                            description="ISO date or date-time, exclusive")


class HoaxConfirm(Request):
    template: Annotated[Clean, Field(max_length=40)] = Field(None, description="`GET /hoaxes/templates`; "
                                                                 "default `umum`")
    claim: Annotated[Clean, Field(min_length=1, max_length=500)] = Field(
        description="what the hoax says, in a few words (fills `{klaim}`)")
    facts: Annotated[Clean, Field(max_length=2000)] | None = None
    topic: Annotated[Clean, Field(max_length=80)] | None = Field(None, description="default: the template's topic")
    reason: Reason | None = None


class Clarification(Response):
    id: int
    template: str
    topic: str
    text: str
    hoax_probability: float | None
    actor: str
    created_at: str


class HoaxItem(ComplaintSummary):
    reasons: list[str]
    clarifications: list[Clarification]


class HoaxList(Response):
    status: Literal[STATUSES]
    threshold: float
    items: list[HoaxItem]
    next_before: int | None


class HoaxTemplate(Response):
    code: str
    topic: str
    title: str
    text: str


class HoaxTemplateList(Response):
    items: list[HoaxTemplate]


class HoaxConfirmed(Response):
    complaint: ComplaintSummary
    clarification: Clarification


class HoaxMonth(Response):
    month: str
    flagged: int
    pending: int
    confirmed: int
    confirmed_flagged: int
    clarified: int
    by_topic: dict[str, int]


class HoaxTotals(Response):
    flagged: int
    confirmed: int
    clarified: int
    by_topic: dict[str, int]
    by_suggested_agency: dict[str, int]
    flag_precision: float | None = Field(description="of the flagged reports verifiers decided, the share "
                                                     "they confirmed as hoaxes")


class HoaxStats(Response):
    start: str | None = Field(alias="from")
    end: str | None = Field(alias="to")
    threshold: float
    months: list[HoaxMonth]
    totals: HoaxTotals
