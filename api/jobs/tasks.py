"""What a worker runs: `run(job_id)` claims the job in the database and calls its handler.

Handlers take (session, job, report) where report(progress, message) records progress and renews
the lease (raising LeaseLost if another worker has taken the job over).
"""

from __future__ import annotations

import datetime as dt
import logging
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from api import jobs
from api.jobs.models import JobRecord
from api.models import Complaint, Suggestion

log = logging.getLogger(__name__)
BATCH = 32


def _settings() -> dict:
    from api.config import settings

    return settings()


@contextmanager
def _sessions():
    from api import db

    engine = db.make_engine(_settings()["DATABASE_URL"])
    try:
        yield sessionmaker(engine, expire_on_commit=False)
    finally:
        engine.dispose()


def run(job_id: int) -> dict | None:
    """The RQ entry point."""
    with _sessions() as make:
        return run_job(make, job_id)


def run_job(make_session, job_id: int, worker: str | None = None) -> dict | None:
    worker = worker or jobs.worker_id()
    with make_session() as s:
        job = jobs.claim(s, job_id, worker)
        if job is None:
            log.info("job %s is not claimable (done, or held by a live worker)", job_id)
            return None
        handler = HANDLERS[job.kind]

        def report(progress: float, message: str | None = None) -> None:
            with make_session() as hs:
                jobs.heartbeat(hs, job_id, worker, progress, message)

        try:
            result = handler(s, job, report)
        except jobs.LeaseLost as exc:
            log.warning("%s", exc)
            return None
        except Exception as exc:
            s.rollback()
            log.exception("job %s failed", job_id)
            with make_session() as fs:
                jobs.finish(fs, job_id, worker, ok=False, message=f"{type(exc).__name__}: {exc}")
            raise
        with make_session() as fs:
            jobs.finish(fs, job_id, worker, ok=True, result=result, message="selesai")
        return result


# -- handlers -----------------------------------------------------------------------------------------

def _sleep(s: Session, job: JobRecord, report) -> dict:
    """For tests and smoke checks: `steps` steps of `seconds` each."""
    steps, seconds = int(job.params.get("steps", 10)), float(job.params.get("seconds", 0.5))
    for i in range(steps):
        time.sleep(seconds)
        report((i + 1) / steps, f"langkah {i + 1}/{steps}")
    return {"steps": steps}


def _active_suggester(s: Session):
    from api import registry
    from triage.bundle import load_bundle
    from triage.suggest import Suggester

    act = registry.active(s)
    path = act.entry.path if act else _settings()["MODEL_PATH"]
    return registry.remapping_suggester(s, Suggester(load_bundle(path)))


def _reclassify(s: Session, job: JobRecord, report) -> dict:
    """Suggestions from the active model for the backlog (complaints waiting for a verifier) that have
    none from it yet. Safe to re-run: complaints already done by this model version are skipped."""
    from api.services.intake import store_suggestion
    from api.workflow import AWAITING_VERIFIER, Status

    statuses = [st.value for st in AWAITING_VERIFIER] + [Status.NEED_INFO.value]
    statuses = job.params.get("statuses") or statuses
    suggester = _active_suggester(s)
    version = suggester.version
    done_ids = set(s.scalars(select(Suggestion.complaint_id).where(Suggestion.model_version == version)))
    ids = [cid for cid in s.scalars(select(Complaint.id).where(Complaint.status.in_(statuses)).order_by(Complaint.id))
           if cid not in done_ids]
    limit = job.params.get("limit")
    if limit:
        ids = ids[: int(limit)]
    report(0.0, f"{len(ids)} laporan akan diklasifikasi ulang dengan {version}")
    n = 0
    for i in range(0, len(ids), BATCH):
        batch = [s.get(Complaint, cid) for cid in ids[i : i + BATCH]]
        suggestions = suggester.suggest([c.text for c in batch], titles=[c.title for c in batch])
        for c, sg in zip(batch, suggestions, strict=True):
            store_suggestion(s, c, sg.to_dict())
        s.commit()
        n += len(batch)
        report(n / max(1, len(ids)), f"{n}/{len(ids)} laporan")
    return {"reclassified": n, "model_version": version}


def _retrain(s: Session, job: JobRecord, report) -> dict:
    """`triage train --from-db` in a child process (the training code stays on its side of the
    layering), then registers the bundle and compares it with the active model. It never activates:
    promotion is a person's decision (`triage models activate`)."""
    from api import registry

    p = job.params
    models_dir = Path(_settings()["MODELS_DIR"])
    name = p.get("name") or f"retrain-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M}"
    out = models_dir / name
    cmd = [sys.executable, "-c", "from triage.cli import main; main()", "train", "--from-db", "--out", str(out),
           "--encoder", p.get("encoder", "hybrid"), "--overwrite", "--no-activate"]
    for seed in p.get("seed") or []:
        cmd += ["--seed", seed]
    if p.get("recency_half_life"):
        cmd += ["--recency-half-life", str(p["recency_half_life"])]
    report(0.05, f"melatih {name}")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    tail: list[str] = []
    started = time.monotonic()
    while proc.poll() is None:
        line = proc.stdout.readline()
        if line:
            tail = (tail + [line.rstrip()])[-20:]
        # Progress of an unknown duration: creep towards 0.9 while renewing the lease.
        report(min(0.9, 0.05 + (time.monotonic() - started) / 600), f"melatih {name}")
    tail += [ln.rstrip() for ln in proc.stdout.read().splitlines()][-20:]
    if proc.returncode != 0:
        raise RuntimeError(f"training failed ({proc.returncode}): " + " | ".join(tail[-5:]))
    entry = registry.register(s, out)
    s.commit()
    result = {"bundle": str(out), "version": entry.version, "output": tail[-5:]}
    current = registry.active(s)
    if current is not None:
        report(0.95, "membandingkan dengan model aktif")
        result["comparison"] = registry.compare(s, entry, current.entry)
    return result


def _monitoring(s: Session, job: JobRecord, report) -> dict:
    """Refresh the monitoring snapshot (and this process's gauges) on a schedule."""
    from api.model_holder import Loaded
    from api.monitoring import service as monitoring

    suggester = _active_suggester(s)

    class _Holder:
        current = Loaded(suggester, Path(suggester.path))

    snap = monitoring.snapshot(s, _Holder(), weeks=int(job.params.get("weeks", 8)))
    return {"acceptance": snap["acceptance"]["rate"], "drift": snap["drift"].get("status")}


def _learning_refit(s: Session, job: JobRecord, report) -> dict:
    """An automatic refit of the agency head, promoted only if not worse (api.learning.refit)."""
    from api.learning.refit import run_refit
    from triage.learning.settings import LearningSettings

    cfg = _settings()
    return run_refit(s, models_dir=cfg["MODELS_DIR"], model_path=cfg["MODEL_PATH"],
                     settings=LearningSettings.from_dict(cfg.get("LEARNING_SETTINGS")), report=report)


HANDLERS = {"sleep": _sleep, "reclassify": _reclassify, "retrain": _retrain, "monitoring": _monitoring,
            "learning_refit": _learning_refit}
