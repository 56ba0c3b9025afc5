"""Who may see which complaint, and which parts of it. Documented in api.openapi.VISIBILITY."""

from __future__ import annotations

from sqlalchemy import Select

from api.models import Complaint
from api.principal import Principal
from api.workflow import Role

FULL_ACCESS = frozenset({Role.VERIFIER, Role.ADMIN})


def scope(stmt: Select, p: Principal) -> Select:
    """Restrict a complaint query to what the principal may see at all."""
    if p.role in FULL_ACCESS or p.role == Role.DATA_SCIENTIST:
        return stmt
    if p.role == Role.AGENCY_OFFICER:
        return stmt.where(Complaint.agency_id == p.agency_id) if p.agency_id else stmt.where(False)
    if p.role == Role.SYSTEM:
        return stmt.where(Complaint.submitted_by == p.actor)
    return stmt.where(False)


def may_see(c: Complaint, p: Principal) -> bool:
    if p.role in FULL_ACCESS or p.role == Role.DATA_SCIENTIST:
        return True
    if p.role == Role.AGENCY_OFFICER:
        return p.agency_id is not None and c.agency_id == p.agency_id
    if p.role == Role.SYSTEM:
        return c.submitted_by == p.actor
    return False


def may_see_text(c: Complaint, p: Principal) -> bool:
    if c.confidentiality != "secret" or p.role in FULL_ACCESS:
        return True
    # The agency must act on a secret report, so its officer reads it.
    return p.role == Role.AGENCY_OFFICER and c.agency_id == p.agency_id


def may_see_contact(c: Complaint, p: Principal) -> bool:
    if p.role in FULL_ACCESS:
        return True
    return p.role == Role.AGENCY_OFFICER and c.agency_id == p.agency_id and c.confidentiality == "public"
