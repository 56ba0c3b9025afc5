"""Who may see which complaint, and which parts of it. Documented in api.openapi.VISIBILITY.

The one place these rules live: every surface (JSON, console, exports, reports, Open311) asks here.
"""

from __future__ import annotations

from enum import StrEnum

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


class TextAccess(StrEnum):
    RAW = "raw"  # the words as written
    MASKED = "masked"  # personal data replaced by [NIK], [TELEPON], ... (triage.text.pii.mask)
    HIDDEN = "hidden"  # none of the words


def text_access(c: Complaint, p: Principal | None) -> TextAccess:
    """How much of a complaint's words (title, text, disposition reasons, follow-up texts) the caller
    sees; `p` None is the public (Open311 reads without a key).

    Only those who may reach the reporter read the words as written: Diskominfo's verifiers and admins,
    and the officer of the agency handling a public report. The agency handling an anonymous or secret
    report must act on it, so its officer reads it masked (SP4N-LAPOR!: the reporter's identity is not
    given to the agency). Data scientists and other systems read masked text, and nothing of a secret
    report; the public reads public reports masked and nothing of the others."""
    if p is None:
        return TextAccess.MASKED if c.confidentiality == "public" else TextAccess.HIDDEN
    if p.role in FULL_ACCESS:
        return TextAccess.RAW
    if p.role == Role.AGENCY_OFFICER:
        if p.agency_id is None or c.agency_id != p.agency_id:
            return TextAccess.HIDDEN
        return TextAccess.RAW if c.confidentiality == "public" else TextAccess.MASKED
    if c.confidentiality == "secret":
        return TextAccess.HIDDEN
    return TextAccess.MASKED


def may_see_text(c: Complaint, p: Principal | None) -> bool:
    return text_access(c, p) != TextAccess.HIDDEN


def may_see_contact(c: Complaint, p: Principal | None) -> bool:
    """The reporter's name, phone, e-mail and address: exactly those who read the raw text."""
    return text_access(c, p) == TextAccess.RAW
