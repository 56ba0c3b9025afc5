"""Who answers at this Open311 endpoint: the office's name, its jurisdiction_id and how to reach it.

One small reader over the app config (api.config: TRIAGE_OFFICE_NAME, TRIAGE_OPEN311_JURISDICTION_ID,
TRIAGE_OPEN311_CONTACT), so that the office's own settings can take its place without touching the views.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app


@dataclass(frozen=True)
class Office:
    name: str
    jurisdiction_id: str
    contact: str


def office(app=None) -> Office:
    cfg = (app or current_app).config
    name = cfg.get("OFFICE_NAME") or "Diskominfo"
    return Office(name=name, jurisdiction_id=cfg.get("OPEN311_JURISDICTION_ID") or "triage",
                  contact=cfg.get("OPEN311_CONTACT") or f"{name}, pengelola SP4N-LAPOR!")
