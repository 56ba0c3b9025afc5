"""The queue service: order by deadline risk, paused clocks last, keyset pages and neighbours agree."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from api.models import Complaint
from api.principal import Principal
from api.services import queue

VERIFIER = Principal("user", 1, "v", "verifier")


def _walk(s, f, limit):
    out, cursor = [], None
    while True:
        rows, cursor = queue.list_queue(s, VERIFIER, f, limit=limit, cursor=cursor)
        out += [r.tracking_id for r in rows]
        if cursor is None:
            return out


def test_order_pages_and_neighbours(app, db_session, seeded):
    now = dt.datetime.now(dt.UTC)
    rows = {c.tracking_id: c for c in db_session.scalars(select(Complaint))}
    a, b, c, d = seeded
    rows[a].status, rows[a].due_at = "need_info", None      # clock stopped: last
    rows[b].status = "returned"                              # back from an agency: still in the queue
    rows[c].due_at = now - dt.timedelta(hours=1)             # overdue: first
    rows[d].status, rows[d].due_at = "dispatched", now       # not waiting for a verifier
    db_session.commit()
    expected = [c, b, a]
    for limit in (1, 2, 50):
        assert _walk(db_session, queue.QueueFilters(), limit) == expected
    f = queue.QueueFilters()
    positions = {t: queue.encode_position(rows[t]) for t in expected}
    assert queue.neighbours(db_session, VERIFIER, f, positions[c]) == (None, b)
    assert queue.neighbours(db_session, VERIFIER, f, positions[b]) == (c, a)
    assert queue.neighbours(db_session, VERIFIER, f, positions[a]) == (b, c)  # wraps to the head
    assert queue.neighbours(db_session, VERIFIER, f, positions[a], exclude_id=rows[c].id)[1] == b
    assert queue.band_counts(db_session, VERIFIER, f)["all"] == 3
    assert _walk(db_session, queue.QueueFilters(status="need_info"), 1) == [a]


def test_officers_see_no_queue(app, db_session, seeded):
    officer = Principal("user", 2, "o", "agency_officer", agency_id=None)
    assert queue.list_queue(db_session, officer, queue.QueueFilters())[0] == []
