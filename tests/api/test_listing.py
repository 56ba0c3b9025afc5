"""GET /complaints: filters and keyset pagination."""

import datetime as dt

from sqlalchemy import select

from api.models import Complaint, utcnow


def _make(client, headers, n, **extra):
    return [client.post("/api/v1/complaints", json={"text": f"Keluhan nomor {i} tentang jalan", **extra},
                        headers=headers).json["tracking_id"] for i in range(n)]


def _shift(db_session, tid, **fields):
    c = db_session.scalar(select(Complaint).where(Complaint.tracking_id == tid))
    for k, v in fields.items():
        setattr(c, k, v)
    db_session.commit()


def test_pages_cover_everything_once_newest_first(client, verifier):
    tids = _make(client, verifier, 7)
    seen, cursor = [], None
    while True:
        q = "/api/v1/complaints?limit=3" + (f"&cursor={cursor}" if cursor else "")
        page = client.get(q, headers=verifier).json
        seen += [c["tracking_id"] for c in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == list(reversed(tids))
    oldest_first = client.get("/api/v1/complaints?sort=received_at&limit=50", headers=verifier).json
    assert [c["tracking_id"] for c in oldest_first["items"]] == tids and oldest_first["next_cursor"] is None


def test_status_agency_and_band_filters(client, verifier, agency_codes):
    a, b, c = _make(client, verifier, 3)
    client.post(f"/api/v1/complaints/{a}/disposition", json={"action": "reassign", "agency": agency_codes[0]},
                headers=verifier)
    client.post(f"/api/v1/complaints/{b}/disposition", json={"action": "hoax"}, headers=verifier)
    get = lambda q: [x["tracking_id"] for x in client.get("/api/v1/complaints?" + q, headers=verifier).json["items"]]  # noqa: E731
    assert get("status=dispatched") == [a]
    assert set(get("status=hoax,received")) == {b, c}
    assert get(f"agency={agency_codes[0]}") == [a]
    bands = {x["tracking_id"]: x["band"] for x in client.get("/api/v1/complaints", headers=verifier).json["items"]}
    for band in ("auto", "review", "manual"):
        assert set(get(f"band={band}")) == {t for t, bd in bands.items() if bd == band}


def test_overdue_filter_and_flag(client, verifier, db_session):
    late, on_time = _make(client, verifier, 2)
    _shift(db_session, late, due_at=utcnow() - dt.timedelta(hours=1))
    items = client.get("/api/v1/complaints?overdue=true", headers=verifier).json["items"]
    assert [x["tracking_id"] for x in items] == [late] and items[0]["overdue"] is True
    items = client.get("/api/v1/complaints?overdue=false", headers=verifier).json["items"]
    assert [x["tracking_id"] for x in items] == [on_time] and items[0]["overdue"] is False
    by_deadline = client.get("/api/v1/complaints?sort=due_at", headers=verifier).json["items"]
    assert [x["tracking_id"] for x in by_deadline] == [late, on_time]


def test_date_range(client, verifier, db_session):
    old, new = _make(client, verifier, 2)
    _shift(db_session, old, received_at=dt.datetime(2026, 1, 5, 3, tzinfo=dt.UTC))
    items = client.get("/api/v1/complaints?received_from=2026-01-01&received_to=2026-01-06", headers=verifier).json
    assert [x["tracking_id"] for x in items["items"]] == [old]
    items = client.get("/api/v1/complaints?received_from=2026-02-01T00:00:00Z", headers=verifier).json
    assert [x["tracking_id"] for x in items["items"]] == [new]
