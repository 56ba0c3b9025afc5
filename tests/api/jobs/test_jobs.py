"""Background jobs: progress in the database, re-classification of the backlog, and no lost job when a
worker dies (needs the Redis at 127.0.0.1:6379; skipped when it is unreachable)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid

import pytest

from api import extensions, jobs, registry
from api.jobs.models import JobRecord
from api.jobs.tasks import run_job
from api.models import Suggestion
from triage.bundle import data_fingerprint, save_bundle
from triage.data import load_sample_complaints
from triage.model import TriageModel


@pytest.fixture(scope="module")
def small_bundle(tmp_path_factory):
    df = load_sample_complaints().iloc[:400]
    labels = {"agency": df["agency"].tolist(), "hoax": df["hoax"].tolist()}
    model = TriageModel(encoder="tfidf").fit(df["text"].tolist(), labels, dates=df["date"].tolist())
    out = tmp_path_factory.mktemp("jobs-models") / "small"
    save_bundle(model, out, data_hash=data_fingerprint(df["text"].tolist(), labels), training_command="test",
                training_rows=len(df), name="small", overwrite=True)
    return out


def test_reclassify_job_records_progress_and_is_safe_to_rerun(app, client, verifier, db_session, small_bundle):
    tids = [client.post("/api/v1/complaints", json={"text": t, "channel": "web"}, headers=verifier).json["tracking_id"]
            for t in load_sample_complaints()["text"].iloc[:5]]
    client.post(f"/api/v1/complaints/{tids[0]}/disposition", json={"action": "confirm"}, headers=verifier)
    act = registry.activate(db_session, str(small_bundle), actor="test", models_dir="models")
    job = jobs.enqueue(db_session, "reclassify", {}, actor="test", deliver=False)
    make = extensions.sessionmaker(app)
    result = run_job(make, job.id)
    assert result == {"reclassified": 4, "model_version": act.entry.version}  # the dispatched one is not backlog
    db_session.expire_all()
    done = db_session.get(JobRecord, job.id)
    assert done.status == "done" and done.progress == 1.0 and done.attempts == 1 and done.finished_at
    assert db_session.query(Suggestion).filter_by(model_version=act.entry.version).count() == 4
    assert run_job(make, job.id) is None  # a finished job is not claimed again
    again = jobs.enqueue(db_session, "reclassify", {}, actor="test", deliver=False)
    assert run_job(make, again.id)["reclassified"] == 0


def test_a_failing_job_is_marked_failed_with_its_message(app, db_session):
    job = jobs.enqueue(db_session, "sleep", {"steps": "x"}, actor="test", deliver=False)
    with pytest.raises(ValueError):
        run_job(extensions.sessionmaker(app), job.id)
    db_session.expire_all()
    j = db_session.get(JobRecord, job.id)
    assert j.status == "failed" and "ValueError" in j.message


def test_claim_is_exclusive_and_lease_loss_stops_the_old_worker(db_session):
    job = jobs.enqueue(db_session, "sleep", {}, actor="test", deliver=False)
    assert jobs.claim(db_session, job.id, "w1") is not None
    assert jobs.claim(db_session, job.id, "w2") is None  # lease still valid
    with pytest.raises(jobs.LeaseLost):
        jobs.heartbeat(db_session, job.id, "w2", 0.5)


@pytest.fixture
def redis_env(monkeypatch, app_config, tmp_path):
    monkeypatch.setenv("TRIAGE_REDIS_URL", "redis://127.0.0.1:6379/15")
    if not jobs.redis_available():
        pytest.skip("Redis is not reachable at 127.0.0.1:6379")
    env = {"TRIAGE_DATABASE_URL": app_config["DATABASE_URL"], "TRIAGE_INSTANCE_PATH": str(tmp_path / "inst"),
           "TRIAGE_REDIS_URL": "redis://127.0.0.1:6379/15", "TRIAGE_JOBS_QUEUE": f"test-{uuid.uuid4().hex[:8]}",
           "TRIAGE_JOB_LEASE_SECONDS": "2", "TRIAGE_AUTO_MIGRATE": "0"}
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    yield {**os.environ, **env}
    q = jobs.queue()
    q.delete(delete_jobs=True)


def _worker(env, burst=False):
    cmd = [sys.executable, "-c", "from triage.cli import main; main()", "jobs", "worker"] + (["--burst"] if burst else [])
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def _wait(db_session, job_id, cond, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        db_session.expire_all()
        j = db_session.get(JobRecord, job_id)
        if cond(j):
            return j
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} stuck: {jobs.to_dict(j)}")


def test_a_job_survives_the_death_of_its_worker(redis_env, db_session):
    job = jobs.enqueue(db_session, "sleep", {"steps": 12, "seconds": 0.5}, actor="test")
    worker = _worker(redis_env)
    try:
        running = _wait(db_session, job.id, lambda j: j.status == "running" and j.progress >= 0.15)
        assert running.attempts == 1
        os.killpg(worker.pid, signal.SIGKILL)  # the worker and its job die mid-way
        worker.wait(10)
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)
    time.sleep(2.5)  # the lease (2 s) runs out
    db_session.expire_all()
    assert db_session.get(JobRecord, job.id).status == "running"  # nobody noticed yet
    assert jobs.requeue_stale(db_session) == [job.id]
    second = _worker(redis_env, burst=True)
    try:
        done = _wait(db_session, job.id, lambda j: j.status in ("done", "failed"))
    finally:
        second.wait(60)
    assert done.status == "done" and done.progress == 1.0 and done.attempts == 2
