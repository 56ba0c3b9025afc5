"""Who may see which complaint, and which parts of it. Documented in api.openapi.VISIBILITY.

The one place these rules live: every surface (JSON, console, exports, reports, Open311) asks here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from sqlalchemy import Select

from api.models import Complaint
from api.principal import Principal
from api.workflow import Role
from triage.text import redact
from triage.text.pii import PiiSpan

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


# -- what each part of a complaint looks like to the caller ---------------------------------------
# One rule per part, by text access (above):
#   title, text, snippet  RAW as written · MASKED personal data as [KIND] · HIDDEN none (null)
#   pii[].value           only with RAW (a masked reader gets the placeholders' spans, no values)
#   reporter contact      only with RAW
#   disposition reasons   as the text, but HIDDEN for a secret report unless RAW: a verifier's reason on a
#     and history reasons secret report ("pelapor adalah staf kepala dinas") is about the reporter;
#                         and HIDDEN to the public (Open311 without a key)
#   follow-up texts       as the text (the agency reads its own answers masked, like the report)
# docs/privacy.md has the table per role and confidentiality.

@dataclass(frozen=True)
class Rules:
    words: TextAccess
    contact: bool
    reasons: TextAccess
    followups: TextAccess

    @property
    def pii_values(self) -> bool:
        return self.words == TextAccess.RAW


def rules_for(c: Complaint, p: Principal | None) -> Rules:
    words = text_access(c, p)
    reasons = words
    if words == TextAccess.MASKED and (p is None or c.confidentiality == "secret"):
        reasons = TextAccess.HIDDEN  # the public never reads a verifier's reasons
    return Rules(words=words, contact=words == TextAccess.RAW, reasons=reasons, followups=words)


class ComplaintView:
    """A complaint as one caller may see it: every surface (JSON, console, Open311, exports) renders
    from this, never from the model's columns. Detection runs once per view, on title and text together
    plus the reporter's contact (triage.text.redact), so a name found in the text is masked in the title."""

    def __init__(self, c: Complaint, p: Principal | None):
        self.complaint = c
        self.rules = rules_for(c, p)

    @property
    def hidden(self) -> bool:
        return self.rules.words == TextAccess.HIDDEN

    @property
    def masked(self) -> bool:
        return self.rules.words == TextAccess.MASKED

    @cached_property
    def _known(self) -> list[tuple[str, str | None]]:
        ct = self.complaint.contact
        return redact.contact_values(ct.name, ct.phone, ct.email, ct.address) if ct else []

    @cached_property
    def _report(self) -> redact.RedactedReport:
        return redact.redact_report(self.complaint.title, self.complaint.text, self._known)

    @property
    def title(self) -> str | None:
        if self.hidden:
            return None
        return self.complaint.title if self.rules.words == TextAccess.RAW else self._report.title

    @property
    def text(self) -> str | None:
        if self.hidden:
            return None
        return self.complaint.text if self.rules.words == TextAccess.RAW else self._report.text

    @property
    def masked_text(self) -> str | None:
        """The text with every personal-data item as [KIND], for anyone who sees the text at all."""
        return None if self.hidden else self._report.text

    @property
    def spans(self) -> list[PiiSpan]:
        """Personal data in `text` as this caller gets it: the values in the raw text, or the
        placeholders in the masked one."""
        if self.hidden:
            return []
        m = self._report.text_masked
        return m.found if self.rules.words == TextAccess.RAW else m.spans

    def pii(self) -> list[dict] | None:
        if self.hidden:
            return None
        keep_value = self.rules.pii_values
        return [{"kind": s.kind, "start": s.start, "end": s.end, **({"value": s.value} if keep_value else {})}
                for s in self.spans]

    def snippet(self, length: int = 140) -> str | None:
        """A one-line preview: masked first, then cut, so no part of a value shows at the cut."""
        if self.hidden:
            return None
        short = " ".join(self.masked_text.split())
        if len(short) <= length:
            return short
        cut = short[:length]
        return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + " …"

    @property
    def contact(self):
        return self.complaint.contact if self.rules.contact else None

    def _words(self, access: TextAccess, value: str | None) -> str | None:
        if value is None or access == TextAccess.HIDDEN:
            return None
        if access == TextAccess.RAW:
            return value
        # the contact and every value found in the report: "Rudi Hartono" introduced in the text is
        # masked in a reason that names him without a cue
        found = [(sp.kind, sp.value) for m in (self._report.title_masked, self._report.text_masked) if m
                 for sp in m.found]
        return redact.redact_report(None, value, self._known + found).text

    def reason(self, value: str | None) -> str | None:
        """A disposition's reason, or a reason in the history."""
        return self._words(self.rules.reasons, value)

    def followup(self, value: str | None) -> str | None:
        return self._words(self.rules.followups, value)


def view_of(c: Complaint, p: Principal | None) -> ComplaintView:
    """The one way a surface asks what of `c` the caller `p` (None: the public) sees."""
    return ComplaintView(c, p)
