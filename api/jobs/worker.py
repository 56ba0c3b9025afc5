"""`triage jobs worker`: an RQ worker for the triage queue, with a watchdog that re-delivers jobs
whose worker died (see api.jobs)."""

from __future__ import annotations

import logging
import threading

from sqlalchemy.orm import sessionmaker

from api import jobs

log = logging.getLogger(__name__)


def _watchdog(make_session, stop: threading.Event, every: float) -> None:
    while not stop.wait(every):
        try:
            with make_session() as s:
                jobs.requeue_stale(s)
        except Exception:
            log.exception("requeue of stale jobs failed")


def work(burst: bool = False) -> None:
    """A SimpleWorker: jobs run in this process (no fork), so the model and its libraries load once
    per job and a killed worker takes its job down with it - the lease then expires and another
    worker picks it up."""
    from rq import SimpleWorker

    from api import db
    from api.jobs.tasks import _settings

    engine = db.make_engine(_settings()["DATABASE_URL"])
    make_session = sessionmaker(engine, expire_on_commit=False)
    with make_session() as s:
        jobs.requeue_stale(s)
    stop = threading.Event()
    t = threading.Thread(target=_watchdog, args=(make_session, stop, max(1.0, jobs.lease_seconds() / 2)),
                         daemon=True, name="jobs-watchdog")
    t.start()
    try:
        SimpleWorker([jobs.queue()], connection=jobs.connection()).work(burst=burst, with_scheduler=False)
    finally:
        stop.set()
        engine.dispose()
