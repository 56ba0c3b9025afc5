"""complaint.received_month: kept with received_at on every write path, filled in by its migration, and
the duplicates catch-up reads one range of its index whatever the size of newer months."""

import datetime as dt

import pytest
from sqlalchemy import create_engine, insert, select, text
from sqlalchemy.orm import Session

from api.models import Complaint, month_number
from api.workflow import Status

WIB = dt.timezone(dt.timedelta(hours=7))


def _fields(tracking_id: str, **extra) -> dict:
    return {"tracking_id": tracking_id, "text": "lampu jalan mati", "channel": "web", "confidentiality": "public",
            "status": Status.RECEIVED.value, "version_id": 1, **extra}


def test_the_month_follows_received_at_on_every_write_path(db_session):
    # 1 December 00:30 in Jakarta is still 30 November in UTC: the index's months are UTC months.
    wib_midnight = dt.datetime(2026, 12, 1, 0, 30, tzinfo=WIB)
    given = Complaint(**_fields("LPR-MONTH1"), received_at=wib_midnight)
    defaulted = Complaint(**_fields("LPR-MONTH2"))
    db_session.add_all([given, defaulted])
    db_session.commit()
    db_session.execute(insert(Complaint), [_fields("LPR-MONTH3", received_at=dt.datetime(2024, 2, 29, tzinfo=dt.UTC)),
                                           _fields("LPR-MONTH4")])
    db_session.commit()
    given.received_at = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)  # back-dated through the ORM
    db_session.commit()
    db_session.expire_all()
    got = {c.tracking_id: (c.received_month, c.received_at) for c in db_session.scalars(select(Complaint))}
    assert got["LPR-MONTH1"][0] == 202603
    assert got["LPR-MONTH3"][0] == 202402
    assert month_number(wib_midnight) == 202611
    for month, at in got.values():
        assert month == month_number(at)


def test_intake_stores_the_month(client, api_key, db_session):
    resp = client.post("/api/v1/complaints", json={"text": "jalan berlubang di depan pasar", "channel": "web"},
                       headers=api_key)
    assert resp.status_code == 201
    c = db_session.scalars(select(Complaint).where(Complaint.tracking_id == resp.json["tracking_id"])).one()
    assert c.received_month == month_number(c.received_at)


def _migration_fills_the_month(url: str) -> None:
    from api.db import upgrade

    upgrade(url, "0011")
    engine = create_engine(url)
    rows = [("LPR-OLD1", "2025-12-31 23:59:59.999999"), ("LPR-OLD2", "2026-01-01 00:00:00"),
            ("LPR-OLD3", "2024-02-29 12:00:00")]
    with engine.begin() as conn:
        for tid, at in rows:
            conn.execute(text("INSERT INTO complaint (tracking_id, text, channel, confidentiality, status, "
                              "received_at, created_at, updated_at, version_id) VALUES "
                              "(:t, 'x', 'web', 'public', 'received', :at, :at, :at, 1)"),
                         {"t": tid, "at": dt.datetime.fromisoformat(at)})
    upgrade(url)
    with engine.connect() as conn:
        got = dict(conn.execute(text("SELECT tracking_id, received_month FROM complaint")).all())
    engine.dispose()
    assert got == {"LPR-OLD1": 202512, "LPR-OLD2": 202601, "LPR-OLD3": 202402}


def test_the_migration_fills_the_month_of_existing_reports_sqlite(tmp_path):
    _migration_fills_the_month(f"sqlite:///{tmp_path / 'old.db'}")


@pytest.fixture
def scratch_pg():
    from tests.support.hardening import scratch_pg_database

    yield from scratch_pg_database("month")


def test_the_migration_fills_the_month_of_existing_reports_postgresql(scratch_pg):
    from sqlalchemy import text as sql

    engine = create_engine(scratch_pg)
    with engine.begin() as conn:  # scratch_pg_database migrated it: start again from nothing
        conn.execute(sql("DROP SCHEMA public CASCADE"))
        conn.execute(sql("CREATE SCHEMA public"))
    engine.dispose()
    _migration_fills_the_month(scratch_pg)


def _plan(engine, months: list[str], marks: dict[str, int]) -> str:
    from api.duplicates.service import _month_number, _newer_in_months

    stmt = _newer_in_months(len(months), engine.dialect.name == "postgresql").compile(dialect=engine.dialect)
    params = dict(stmt.params)
    for k, m in enumerate(months):
        params |= {f"month{k}": _month_number(m), f"above{k}": marks[m], f"batch{k}": 2000}
    explain = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN "
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        order = getattr(stmt, "positiontup", None)
        cur.execute(explain + stmt.string, tuple(params[k] for k in order) if stmt.positional else params)
        return "\n".join(" ".join(str(v) for v in row) for row in cur.fetchall())
    finally:
        raw.close()


def test_the_catch_up_reads_one_range_of_the_month_index(db_url):
    """Two months in arrival order: the older month's mark is below every newer report. Its check must
    start at the mark within the month, not walk the primary key over the newer month (which made the
    check grow with the current month: training/bench_catchup.py)."""
    engine = create_engine(db_url)
    try:
        rows = [_fields(f"LPR-PLAN{m}-{i}", received_at=dt.datetime(2026, m, 1 + i % 28, i % 24, tzinfo=dt.UTC))
                for m in (10, 11) for i in range(3000)]
        with engine.begin() as conn:
            conn.execute(insert(Complaint), rows)
            if engine.dialect.name == "postgresql":
                conn.execute(text("ANALYZE complaint"))
        with Session(engine) as s:
            marks = {m: s.scalar(select(Complaint.id).where(Complaint.received_month == _n)
                                 .order_by(Complaint.id.desc()).limit(1))
                     for m, _n in (("2026-10", 202610), ("2026-11", 202611))}
        plan = _plan(engine, ["2026-10", "2026-11"], marks)
        assert "ix_complaint_month_id" in plan, plan
        assert "complaint_pkey" not in plan and "INTEGER PRIMARY KEY" not in plan, plan
    finally:
        with engine.begin() as conn:
            conn.execute(Complaint.__table__.delete().where(Complaint.tracking_id.like("LPR-PLAN%")))
        engine.dispose()


def _old_release_insert(conn, tracking_id: str, at: dt.datetime) -> None:
    """A report as the previous release writes it after `triage db upgrade` added the column: no month."""
    conn.execute(text("INSERT INTO complaint (tracking_id, text, channel, confidentiality, status, received_at, "
                      "created_at, updated_at, version_id) VALUES (:t, 'lampu mati', 'web', 'public', 'received', "
                      ":at, :at, :at, 1)"), {"t": tracking_id, "at": at.astimezone(dt.UTC).replace(tzinfo=None)})


def test_reports_written_without_a_month_get_it_and_are_then_indexed(db_url, db_session):
    from api.duplicates.service import _first_rows, fill_missing_months

    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            _old_release_insert(conn, "LPR-NOMONTH1", dt.datetime(2026, 11, 30, 23, 59, tzinfo=dt.UTC))
            _old_release_insert(conn, "LPR-NOMONTH2", dt.datetime(2027, 1, 1, 0, 0, 1, tzinfo=dt.UTC))
            # received_at as an SQL expression: the Python default cannot know its month (no KeyError).
            conn.execute(insert(Complaint).values(**_fields("LPR-NOMONTH3"), received_at=text("CURRENT_TIMESTAMP")))

        class Marks:
            def high_water(self, month):
                return 0

        def found():
            rows = _first_rows(db_session, Marks(), ["2026-11", "2027-01"], 2000)
            db_session.rollback()
            return {m: [r.text for r in rs] for m, rs in rows.items()}

        assert found() == {"2026-11": [], "2027-01": []}  # unseen by the catch-up, as the reviewer found
        with engine.begin() as conn:
            assert fill_missing_months(conn) == 3
        with engine.begin() as conn:
            assert fill_missing_months(conn) == 0
        assert found() == {"2026-11": ["lampu mati"], "2027-01": ["lampu mati"]}
        got = {c.tracking_id: c for c in db_session.scalars(select(Complaint).where(Complaint.tracking_id.like("LPR-NOMONTH%")))}
        assert {t: c.received_month for t, c in got.items()} == {
            "LPR-NOMONTH1": 202611, "LPR-NOMONTH2": 202701, "LPR-NOMONTH3": month_number(got["LPR-NOMONTH3"].received_at)}
    finally:
        with engine.begin() as conn:
            conn.execute(Complaint.__table__.delete().where(Complaint.tracking_id.like("LPR-NOMONTH%")))
        engine.dispose()


def test_a_start_fills_in_the_months_the_previous_release_left_out(app_config, db_session):
    from api import create_app

    engine = create_engine(app_config["DATABASE_URL"])
    with engine.begin() as conn:
        _old_release_insert(conn, "LPR-OLDRELEASE", dt.datetime(2026, 11, 2, 8, tzinfo=dt.UTC))
    engine.dispose()
    create_app(app_config)
    db_session.expire_all()
    c = db_session.scalars(select(Complaint).where(Complaint.tracking_id == "LPR-OLDRELEASE")).one()
    assert c.received_month == 202611


def test_a_naive_time_has_no_utc_month():
    with pytest.raises(ValueError, match="naive"):
        month_number(dt.datetime(2026, 12, 1, 3))
