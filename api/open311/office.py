"""Who answers at this Open311 endpoint: the office (api.office: `triage setup`, the console's office page,
or TRIAGE_OFFICE_* variables), its jurisdiction_id (TRIAGE_OPEN311_JURISDICTION_ID) and how to reach it
(TRIAGE_OPEN311_CONTACT, else the office's own contact)."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from api import db
from api.office.service import identity


@dataclass(frozen=True)
class Office:
    name: str
    jurisdiction_id: str
    contact: str


def office(app=None) -> Office:
    cfg = (app or current_app).config
    who = identity(db.session())
    contact = cfg.get("OPEN311_CONTACT") or who.contact or who.email or f"{who.unit}, pengelola SP4N-LAPOR!"
    return Office(name=who.name, jurisdiction_id=cfg.get("OPEN311_JURISDICTION_ID") or "triage", contact=contact)
