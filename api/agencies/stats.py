"""Per agency: what it has open, overdue and closed, and how fast it answers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from api.models import Agency, Complaint, Disposition, FollowUp, utcnow
from api.workflow import AWAITING_AGENCY, Status

OPEN = sorted(s.value for s in AWAITING_AGENCY)


@dataclass
class AgencyStats:
    code: str
    name: str
    active: bool
    open: int = 0
    overdue: int = 0
    closed: int = 0
    returned: int = 0          # answered "bukan kewenangan"
    answered: int = 0          # dispatches with a first answer, behind avg_response
    avg_response: dt.timedelta | None = None  # dispatch -> the agency's first follow-up


def agency_stats(s: Session, now: dt.datetime | None = None) -> list[AgencyStats]:
    now = now or utcnow()
    out = {a.code: AgencyStats(a.code, a.name, a.active) for a in s.scalars(select(Agency).order_by(Agency.code))}
    by_id = {a.id: a.code for a in s.scalars(select(Agency))}
    counts = select(
        Complaint.agency_id,
        func.sum(case((Complaint.status.in_(OPEN), 1), else_=0)),
        func.sum(case((and_(Complaint.status.in_(OPEN), Complaint.due_at < now), 1), else_=0)),
        func.sum(case((Complaint.status == Status.CLOSED.value, 1), else_=0)),
    ).where(Complaint.agency_id.is_not(None)).group_by(Complaint.agency_id)
    for agency_id, open_, overdue, closed in s.execute(counts):
        st = out[by_id[agency_id]]
        st.open, st.overdue, st.closed = int(open_ or 0), int(overdue or 0), int(closed or 0)
    returned = (select(FollowUp.agency_id, func.count()).where(FollowUp.status == "not_our_authority")
                .group_by(FollowUp.agency_id))
    for agency_id, n in s.execute(returned):
        out[by_id[agency_id]].returned = n
    for code, (total, n) in _response_times(s).items():
        out[code].answered, out[code].avg_response = n, total / n
    return list(out.values())


def _response_times(s: Session) -> dict[str, tuple[dt.timedelta, int]]:
    """Sum and count of (first follow-up - dispatch) per agency code, in Python: portable across databases."""
    codes = {a.id: a.code for a in s.scalars(select(Agency))}
    first_answer = (select(FollowUp.complaint_id, FollowUp.agency_id, func.min(FollowUp.created_at))
                    .group_by(FollowUp.complaint_id, FollowUp.agency_id))
    answers = {(cid, aid): at for cid, aid, at in s.execute(first_answer)}
    if not answers:
        return {}
    dispatched = (select(Disposition.complaint_id, Disposition.agency_id, func.max(Disposition.created_at))
                  .where(Disposition.agency_id.is_not(None))
                  .group_by(Disposition.complaint_id, Disposition.agency_id))
    sums: dict[str, tuple[dt.timedelta, int]] = {}
    for cid, aid, sent in s.execute(dispatched):
        answered = answers.get((cid, aid))
        if answered is None:
            continue
        sent = _aware(sent)
        answered = _aware(answered)
        if answered < sent:
            continue  # answered an earlier dispatch; the latest one is still open
        total, n = sums.get(codes[aid], (dt.timedelta(), 0))
        sums[codes[aid]] = (total + (answered - sent), n + 1)
    return sums


def _aware(value: dt.datetime) -> dt.datetime:
    # Aggregates bypass the UTCDateTime column type: SQLite returns naive UTC or text.
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
