"""The review list of agency names from imports that did not match the directory confidently.

Resolving a name maps it to an agency and adds it to that agency's aliases, so every later import (and
anyone reading the directory) knows it; ignoring it imports its rows without an agency.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.imports.agencies import normalise
from api.imports.models import AgencyNameReview, ImportBatch
from api.models import Agency, utcnow
from api.services.errors import Invalid, NotFound

STATUSES = ("pending", "resolved", "ignored")


def list_reviews(s: Session, status: str | None = "pending") -> list[AgencyNameReview]:
    stmt = select(AgencyNameReview).order_by(AgencyNameReview.rows.desc(), AgencyNameReview.key)
    if status:
        if status not in STATUSES:
            raise Invalid(f"status must be one of {', '.join(STATUSES)}", "validation_error")
        stmt = stmt.where(AgencyNameReview.status == status)
    return list(s.scalars(stmt))


def review_dict(r: AgencyNameReview) -> dict:
    return {
        "id": r.id, "name": r.name, "key": r.key, "status": r.status, "candidate": r.candidate,
        "score": r.score, "rows": r.rows, "agency": r.agency_code, "resolved_by": r.resolved_by,
        "created_at": r.created_at.isoformat().replace("+00:00", "Z") if r.created_at else None,
        "resolved_at": r.resolved_at.isoformat().replace("+00:00", "Z") if r.resolved_at else None,
    }


def _find(s: Session, name: str) -> AgencyNameReview:
    key = normalise(name)
    row = s.scalar(select(AgencyNameReview).where(AgencyNameReview.key == key))
    if row is None and name.isdigit():
        row = s.get(AgencyNameReview, int(name))
    if row is None:
        raise NotFound(f"no agency name {name!r} in the review list")
    return row


def resolve(s: Session, name: str, agency_code: str | None, actor: str) -> AgencyNameReview:
    """Map a reviewed name to `agency_code` and learn it as an alias.

    Without a code the name must now be an agency's code, name or alias exactly (after normalisation),
    e.g. once the directory has been completed: a best guess is never taken, because the closest name
    is often another agency ("Kecamatan Baleendah" is not "Kecamatan Cibeureum"). The error lists the
    closest agencies to choose from."""
    from api.imports.lapor import build_matcher

    row = _find(s, name)
    code = agency_code
    if not code:
        matcher = build_matcher(s)
        code = matcher.exact_match(row.name)
        if code is None:
            names = {c: n for c, n in s.execute(select(Agency.code, Agency.name))}
            closest = "; ".join(f"{c} ({names.get(c, c)}, {score:.0f})" for c, score in matcher.candidates(row.name)
                                if score > 0)
            raise Invalid(f"{row.name!r} is not the code, name or alias of an agency in the directory; give the "
                          f"agency code: triage import resolve {row.name!r} CODE"
                          + (f". Closest: {closest}" if closest else ""), "agency_required",
                          {"candidates": [c for c, _ in matcher.candidates(row.name)]})
    agency = s.scalar(select(Agency).where(Agency.code == code))
    if agency is None:
        raise Invalid(f"no agency {code!r}", "unknown_agency")
    if normalise(row.name) not in {normalise(a) for a in agency.aliases or []}:
        agency.aliases = [*(agency.aliases or []), row.name]
    row.status, row.agency_code, row.resolved_by, row.resolved_at = "resolved", agency.code, actor, utcnow()
    s.commit()
    return row


def ignore(s: Session, name: str, actor: str) -> AgencyNameReview:
    """Import the rows naming it without an agency (e.g. a name that is not an agency at all)."""
    row = _find(s, name)
    row.status, row.agency_code, row.resolved_by, row.resolved_at = "ignored", None, actor, utcnow()
    s.commit()
    return row


def list_batches(s: Session, limit: int = 20) -> list[ImportBatch]:
    return list(s.scalars(select(ImportBatch).order_by(ImportBatch.id.desc()).limit(limit)))


def batch_dict(b: ImportBatch) -> dict:
    iso = lambda v: v.isoformat().replace("+00:00", "Z") if v else None  # noqa: E731
    return {"id": b.id, "source": b.source, "file": b.filename, "sha256": b.file_sha256, "actor": b.actor,
            "started_at": iso(b.started_at), "finished_at": iso(b.finished_at), "rows": b.rows_total,
            "created": b.created, "unchanged": b.unchanged, "held_for_review": b.held, "failed": b.failed,
            "problems": b.problems}
