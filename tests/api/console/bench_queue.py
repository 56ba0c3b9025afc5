"""Time the verifier queue against 100,000 complaints in SQLite.

    python tests/api/console/bench_queue.py [--rows 100000] [--queue-share 0.3]

Builds a fresh SQLite database with the migrations, bulk-inserts complaints (a share of them waiting
for verification, the rest dispatched / closed, as in a running office), then times the queries the
queue page runs: band counts, the first page, a deep page (keyset), filtered pages, and the
"next complaint" lookup after a decision. Prints a Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, insert
from sqlalchemy.orm import sessionmaker

from api.db import upgrade
from api.models import Agency, Complaint
from api.principal import Principal
from api.services import queue
from api.services.reference import seed_reference_data

BANDS = ("auto", "review", "manual", None)
CHANNELS = ("web", "sms", "app", "social", "hotline")


def build(url: str, rows: int, queue_share: float, seed: int = 7) -> None:
    upgrade(url)
    engine = create_engine(url)
    maker = sessionmaker(engine)
    with maker() as s:
        seed_reference_data(s)
        agencies = [(a.id, a.code) for a in s.query(Agency)]
    rnd = random.Random(seed)
    now = dt.datetime.now(dt.UTC)
    batch = []
    with engine.begin() as conn:
        for i in range(rows):
            received = now - dt.timedelta(minutes=rnd.randint(0, 60 * 24 * 365))
            aid, code = rnd.choice(agencies)
            waiting = rnd.random() < queue_share
            status = rnd.choice(("received", "received", "received", "returned", "need_info")) if waiting else \
                rnd.choice(("dispatched", "followed_up", "closed", "closed", "archived"))
            due = None
            if status in ("received", "returned"):
                due = received + dt.timedelta(days=rnd.choice((3, 4, 5)))
            elif status in ("dispatched", "followed_up"):
                due = received + dt.timedelta(days=rnd.randint(5, 20))
            batch.append({
                "tracking_id": f"LPR-B{i:08d}", "title": "Jalan rusak", "text": "Jalan di desa kami rusak parah.",
                "channel": rnd.choice(CHANNELS), "confidentiality": "public", "status": status,
                "agency_id": None if waiting else aid, "received_at": received, "verify_due": due, "due_at": due,
                "band": rnd.choice(BANDS), "suggested_agency": code, "hoax_probability": rnd.random() ** 4,
                "created_at": received, "updated_at": received, "version_id": 1,
            })
            if len(batch) == 5000:
                conn.execute(insert(Complaint.__table__), batch)
                batch = []
        if batch:
            conn.execute(insert(Complaint.__table__), batch)
    engine.dispose()


def timed(fn, repeat: int = 7) -> float:
    fn()  # warm the page cache
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--queue-share", type=float, default=0.3)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        t = time.perf_counter()
        build(url, args.rows, args.queue_share)
        print(f"built {args.rows} complaints in {time.perf_counter() - t:.1f} s")
        engine = create_engine(url)
        s = sessionmaker(engine)()
        p = Principal("user", 1, "bench", "verifier")
        f = queue.QueueFilters()
        rows, cursor = queue.list_queue(s, p, f, limit=50)
        deep = cursor
        for _ in range(200):  # page 201: 10,000 complaints down the queue
            _rows, deep = queue.list_queue(s, p, f, limit=50, cursor=deep)
        pos = queue.encode_position(rows[10])
        cases = [
            ("band counts (all filters off)", lambda: queue.band_counts(s, p, f)),
            ("first page, 50 rows", lambda: queue.list_queue(s, p, f, limit=50)),
            ("page 201 (keyset cursor)", lambda: queue.list_queue(s, p, f, limit=50, cursor=deep)),
            ("band=review, first page", lambda: queue.list_queue(s, p, queue.QueueFilters(band="review"), limit=50)),
            ("channel=sms + agency=DPUPR", lambda: queue.list_queue(
                s, p, queue.QueueFilters(channel="sms", agency="DPUPR"), limit=50)),
            ("hoax >= 80%", lambda: queue.list_queue(s, p, queue.QueueFilters(hoax_min=0.8), limit=50)),
            ("band counts, channel=sms", lambda: queue.band_counts(s, p, queue.QueueFilters(channel="sms"))),
            ("next/previous after a decision", lambda: queue.neighbours(s, p, f, pos)),
        ]
        waiting = queue.band_counts(s, p, f)["all"]
        print(f"\n{args.rows} complaints, {waiting} waiting for verification; median of 7 runs\n")
        print("| query | ms |\n|---|---:|")
        for name, fn in cases:
            print(f"| {name} | {timed(fn):.1f} |")
        s.close()
        engine.dispose()


if __name__ == "__main__":
    main()
