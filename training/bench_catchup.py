"""What intake's duplicate catch-up costs when the index is already up to date, as months fill.

    python -m training.bench_catchup [--per-month 10000] [--database-url URL] [--rounds 200]

On every intake the duplicates index asks the database for the reports of the window's months that it
does not hold yet (``api.duplicates.service._first_rows``): nearly always none. This times that question
on a fresh database (SQLite in a temporary directory, or a new database created and dropped on the
PostgreSQL server of ``--database-url``) holding ``--per-month`` reports in each of two months, the
index's marks at each month's newest report, so the answer is empty. Its cost should not grow with the
months' size. Prints the median in milliseconds at each size (a tenth of ``--per-month``, then all).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
import uuid

from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.engine import make_url


class _Marks:
    """The index's side of the question: each month's highest id."""

    def __init__(self, marks: dict[str, int]):
        self.marks = marks

    def high_water(self, month: str) -> int:
        return self.marks.get(month, 0)


def _fill(engine, months: list[str], n: int, start_id: int) -> None:
    from api.models import Complaint

    rows = []
    for k, month in enumerate(months):
        y, m = int(month[:4]), int(month[5:7])
        for i in range(n):
            at = dt.datetime(y, m, 1 + i % 27, i % 24, tzinfo=dt.UTC)
            rows.append({"tracking_id": f"B{start_id}-{k}-{i}", "text": f"laporan {i}", "channel": "web",
                         "confidentiality": "public", "status": "received", "received_at": at,
                         "created_at": at, "updated_at": at, "version_id": 1})
    # In arrival order, as a live office takes them in: the older month's reports all have lower ids.
    rows.sort(key=lambda r: r["received_at"])
    with engine.begin() as conn:
        for at in range(0, len(rows), 5000):
            conn.execute(insert(Complaint), rows[at:at + 5000])


def _time(engine, months: list[str], rounds: int) -> float:
    from sqlalchemy.orm import Session

    from api.duplicates.service import _first_rows
    from api.models import Complaint

    with Session(engine) as s:
        marks = {}
        for month in months:
            y, m = int(month[:4]), int(month[5:7])
            lo = dt.datetime(y, m, 1, tzinfo=dt.UTC)
            hi = dt.datetime(y + (m == 12), 1 if m == 12 else m + 1, 1, tzinfo=dt.UTC)
            marks[month] = s.scalar(select(func.max(Complaint.id)).where(Complaint.received_at >= lo,
                                                                         Complaint.received_at < hi)) or 0
        index = _Marks(marks)
        times = []
        for _ in range(rounds):
            t0 = time.perf_counter()
            found = _first_rows(s, index, months, 2000)
            times.append(time.perf_counter() - t0)
            s.rollback()
        assert not any(found.values()), "the marks are each month's newest: nothing is new"
    return round(statistics.median(times) * 1000, 3)


def run(url: str | None, per_month: int, rounds: int) -> dict:
    from api.db import upgrade

    months = ["2026-10", "2026-11"]
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        admin, name = None, None
        if url is None:
            url = f"sqlite:///{tmp}/catchup.db"
        else:
            admin = create_engine(url, isolation_level="AUTOCOMMIT")
            name = f"bench_catchup_{uuid.uuid4().hex[:8]}"
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            url = make_url(url).set(database=name).render_as_string(hide_password=False)
        engine = None
        try:
            upgrade(url)
            engine = create_engine(url)
            done = 0
            for size in (per_month // 10, per_month):
                _fill(engine, months, size - done, done)
                done = size
                if engine.dialect.name == "postgresql":
                    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                        conn.execute(text("ANALYZE complaint"))
                out[size] = _time(engine, months, rounds)
        finally:
            if engine is not None:
                engine.dispose()
            if admin is not None:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--per-month", type=int, default=10_000)
    ap.add_argument("--database-url", help="a PostgreSQL server's URL (a database is created there and dropped)")
    ap.add_argument("--rounds", type=int, default=200)
    args = ap.parse_args(argv)
    for size, ms in run(args.database_url, args.per_month, args.rounds).items():
        print(f"{size} reports in each of two months: catch-up check {ms} ms (median of {args.rounds})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
