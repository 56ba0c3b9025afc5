"""Background jobs: retraining and batch re-classification, outside the request path.

RQ on the local Redis delivers jobs; the database (`job_record`) is the source of truth for what a
job is, its progress and its outcome. A worker *claims* a job with a conditional UPDATE that sets a
lease (`lease_until`) and renews it with every progress report. A job whose worker died stops
renewing: `requeue_stale()` (run by every worker's watchdog thread, and by `triage jobs requeue` from
cron) puts jobs whose lease ran out back in the queue, and jobs that RQ lost (Redis flushed) too. A
job runs at least once; the handlers are written to be re-run safely (re-classification skips
complaints already classified by the active model; retraining writes its bundle atomically).

Configuration: `REDIS_URL`, `JOBS_QUEUE`, `JOB_LEASE_SECONDS` in `api.config`.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from api import config
from api.jobs.models import JobRecord
from api.models import utcnow

log = logging.getLogger(__name__)

KINDS = ("reclassify", "retrain", "monitoring", "learning_refit", "sleep")
STATUSES = ("queued", "running", "done", "failed")
MAX_ATTEMPTS = 3


def redis_url() -> str:
    return config.settings()["REDIS_URL"]


def queue_name() -> str:
    return config.settings()["JOBS_QUEUE"]


def lease_seconds() -> float:
    return float(config.settings()["JOB_LEASE_SECONDS"])


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def connection():
    from redis import Redis

    return Redis.from_url(redis_url(), socket_connect_timeout=2)


def redis_available() -> bool:
    try:
        return bool(connection().ping())
    except Exception:
        return False


def queue():
    from rq import Queue

    return Queue(queue_name(), connection=connection())


JOB_TIMEOUT = {"retrain": 6 * 3600, "reclassify": 3 * 3600, "learning_refit": 3600}


def _deliver(job: JobRecord, q=None) -> None:
    q = q or queue()
    q.enqueue("api.jobs.tasks.run", job.id, job_id=f"triage-job-{job.id}-{job.attempts}",
              job_timeout=JOB_TIMEOUT.get(job.kind, 3600), result_ttl=86400, failure_ttl=7 * 86400)


def enqueue(s: Session, kind: str, params: dict | None = None, *, actor: str, deliver: bool = True) -> JobRecord:
    if kind not in KINDS:
        raise ValueError(f"unknown job kind {kind!r}; kinds are {', '.join(KINDS)}")
    job = JobRecord(kind=kind, status="queued", params=params or {}, progress=0.0, attempts=0, created_by=actor,
                    created_at=utcnow())
    s.add(job)
    s.commit()
    if deliver:
        _deliver(job)
    return job


def claim(s: Session, job_id: int, worker: str) -> JobRecord | None:
    """Take the job if it is queued, or running with an expired lease; None if someone else has it."""
    now = utcnow()
    res = s.execute(
        update(JobRecord)
        .where(JobRecord.id == job_id,
               or_(JobRecord.status == "queued", (JobRecord.status == "running") & (JobRecord.lease_until < now)))
        .values(status="running", worker=worker, attempts=JobRecord.attempts + 1, started_at=now,
                lease_until=now + dt.timedelta(seconds=lease_seconds()), message=None)
    )
    s.commit()
    if res.rowcount != 1:
        return None
    return s.get(JobRecord, job_id, populate_existing=True)


class LeaseLost(Exception):
    """Another worker took the job over (this one was presumed dead): stop quietly."""


def heartbeat(s: Session, job_id: int, worker: str, progress: float | None = None, message: str | None = None) -> None:
    values = {"lease_until": utcnow() + dt.timedelta(seconds=lease_seconds())}
    if progress is not None:
        values["progress"] = round(max(0.0, min(1.0, progress)), 4)
    if message is not None:
        values["message"] = message
    res = s.execute(update(JobRecord).where(JobRecord.id == job_id, JobRecord.worker == worker,
                                            JobRecord.status == "running").values(**values))
    s.commit()
    if res.rowcount != 1:
        raise LeaseLost(f"job {job_id} is no longer held by {worker}")


def finish(s: Session, job_id: int, worker: str, *, ok: bool, result: dict | None = None,
           message: str | None = None) -> None:
    s.execute(update(JobRecord).where(JobRecord.id == job_id, JobRecord.worker == worker)
              .values(status="done" if ok else "failed", result=result, message=message, finished_at=utcnow(),
                      lease_until=None, **({"progress": 1.0} if ok else {})))
    s.commit()


def requeue_stale(s: Session, q=None, now: dt.datetime | None = None) -> list[int]:
    """Deliver again: running jobs whose lease expired (dead worker) and queued jobs RQ no longer has.
    A job that already failed MAX_ATTEMPTS times by dying is marked failed instead."""
    now = now or utcnow()
    q = q if q is not None else queue()
    out = []
    stale = s.scalars(select(JobRecord).where(JobRecord.status == "running", JobRecord.lease_until < now)).all()
    for job in stale:
        if job.attempts >= MAX_ATTEMPTS:
            job.status, job.finished_at = "failed", now
            job.message = f"abandoned {job.attempts} times (worker died or lost); not retried"
            continue
        job.status = "queued"
        job.message = f"requeued: worker {job.worker} stopped renewing its lease"
        out.append(job.id)
    s.commit()
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    for job in s.scalars(select(JobRecord).where(JobRecord.status == "queued")):
        rq_id = f"triage-job-{job.id}-{job.attempts}"
        try:
            status = Job.fetch(rq_id, connection=q.connection).get_status()
        except NoSuchJobError:
            status = None
        if job.id in out or status in (None, "failed", "stopped", "canceled", "finished"):
            _deliver(job, q)
            if job.id not in out:
                out.append(job.id)
    for jid in out:
        log.warning("job %s delivered again", jid)
    return out


def recent(s: Session, limit: int = 20) -> list[JobRecord]:
    return list(s.scalars(select(JobRecord).order_by(JobRecord.id.desc()).limit(limit)))


def get(s: Session, job_id: int) -> JobRecord | None:
    return s.get(JobRecord, job_id)


def to_dict(job: JobRecord) -> dict:
    return {"id": job.id, "kind": job.kind, "status": job.status, "progress": job.progress, "message": job.message,
            "attempts": job.attempts, "worker": job.worker, "params": job.params, "result": job.result,
            "created_by": job.created_by, "created_at": job.created_at.isoformat() if job.created_at else None,
            "started_at": job.started_at.isoformat() if job.started_at else None,
            "finished_at": job.finished_at.isoformat() if job.finished_at else None}
