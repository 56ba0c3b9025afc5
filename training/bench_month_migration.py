"""How long migration 0012 (complaint.received_month, filled in, and its index) takes on a table of reports.

    python -m training.bench_month_migration [--reports 20000 200000] [--database-url URL]

A fresh database (SQLite in a temporary directory, or a new database created and dropped on the
PostgreSQL server of ``--database-url``) is migrated to 0011, filled with that many reports a minute
apart, then upgraded to head; prints the upgrade's seconds and checks that no report is left without
its month. The upgrade holds the complaint table for that long (one UPDATE, a plain CREATE INDEX).
"""

from __future__ import annotations

import argparse
import tempfile
import time
import uuid

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

_FILL = {
    "postgresql": "INSERT INTO complaint (tracking_id, text, channel, confidentiality, status, received_at, created_at, "
                  "updated_at, version_id) SELECT 'T' || g, 'laporan ' || g, 'web', 'public', 'received', "
                  "timestamp '2026-01-01' + (g || ' minutes')::interval, now(), now(), 1 FROM generate_series(1, :n) g",
    "sqlite": "WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < :n) "
              "INSERT INTO complaint (tracking_id, text, channel, confidentiality, status, received_at, created_at, "
              "updated_at, version_id) SELECT 'T' || x, 'laporan ' || x, 'web', 'public', 'received', "
              "datetime('2026-01-01', '+' || x || ' minutes'), datetime('now'), datetime('now'), 1 FROM g",
}


def time_upgrade(url: str, n: int) -> float:
    from api.db import upgrade

    upgrade(url, "0011")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(_FILL[engine.dialect.name]), {"n": n})
    t0 = time.perf_counter()
    upgrade(url)
    seconds = time.perf_counter() - t0
    with engine.connect() as conn:
        missing = conn.execute(text("SELECT count(*) FROM complaint WHERE received_month IS NULL")).scalar()
    engine.dispose()
    assert missing == 0, f"{missing} reports without their month"
    return round(seconds, 2)


def run(server: str | None, n: int) -> float:
    if server is None:
        with tempfile.TemporaryDirectory() as tmp:
            return time_upgrade(f"sqlite:///{tmp}/month.db", n)
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    name = f"bench_month_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        return time_upgrade(make_url(server).set(database=name).render_as_string(hide_password=False), n)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reports", type=int, nargs="+", default=[20_000, 200_000])
    ap.add_argument("--database-url", help="a PostgreSQL server's URL (a database is created there and dropped)")
    args = ap.parse_args(argv)
    for n in args.reports:
        print(f"{n} reports: upgrade 0011 -> head in {run(args.database_url, n)} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
