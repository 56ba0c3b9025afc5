"""Query and response shapes of `GET /api/v1/monitoring`."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from api.schemas import ModelRef, Query, Response


class MonitoringQuery(Query):
    weeks: Annotated[int, Field(ge=1, le=52, description="how many weeks back")] = 8


class Rate(Response):
    decisions: int
    accepted: int
    rate: float | None


class Acceptance(Rate):
    per_agency: dict[str, Rate]
    per_week: dict[str, Rate]


class Bands(Response):
    suggestions: int
    share: dict[str, float | None]
    per_week: dict[str, dict[str, float | None]]


class HoaxWeek(Response):
    suggestions: int
    flagged: int
    share: float | None
    hoax_decisions: int


class HoaxFlags(Response):
    flagged: int
    share: float | None
    per_week: dict[str, HoaxWeek]
    hoax_decisions: int


class Drift(Response):
    status: Literal["ok", "drifting", "unknown", "no_data", "unavailable"]
    reason: str | None = None
    reason_code: Literal["no_model", "no_reference"] | None = None  # why unavailable (the page says it in Indonesian)
    window_days: int | None = None
    texts: int | None = None
    baseline_similarity: float | None = None
    margin: float | None = None
    model: str | None = None
    similarity: float | None = None
    delta: float | None = None


class Window(Response):
    since: str
    weeks: int


class MonitoringSnapshot(Response):
    generated_at: str
    window: Window
    model: ModelRef | None
    acceptance: Acceptance
    bands: Bands
    hoax: HoaxFlags
    drift: Drift
