"""Request and response shapes of `/api/v1/learning`."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from api.monitoring.schemas import Rate
from api.schemas import Reason, Request, Response


class LearningSwitch(Request):
    enabled: bool = Field(description="false: suggestions come from the model alone and no refit runs")
    reason: Reason | None = None


class LearningEventOut(Response):
    id: int
    kind: Literal["refit_promoted", "refit_refused", "refit_failed", "switched"]
    message: str
    actor: str
    at: str
    version: str | None
    acceptance_before: Rate
    acceptance_after: Rate


class LearningStatus(Response):
    enabled: bool
    forced: bool | None = Field(description="set by TRIAGE_LEARNING: the admin's switch does not apply")
    decisions_in_memory: int = Field(description="decisions this process has taken in")
    decisions_since_refit: int
    settings: dict[str, Any]
    events: list[LearningEventOut]
