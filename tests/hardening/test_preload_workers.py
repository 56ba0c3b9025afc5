"""gunicorn --preload on PostgreSQL: the model is loaded once in the master and the forked workers serve
it (the same objects, not a reload) with the suggestions an in-process app gives; activating another
model in the registry still reaches every worker."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from support.hardening import free_port, scratch_pg_database, wait_until_ready

ROOT = Path(__file__).resolve().parents[2]
TEXTS = ["Jalan di depan pasar desa rusak parah dan berlubang, sudah tiga bulan tidak diperbaiki.",
         "Air PDAM tidak mengalir ke rumah warga RT 03 sejak kemarin pagi, mohon segera ditangani.",
         "Sebarkan! Besok ada pemadaman listrik total se-kabupaten selama tiga hari, info dari grup WA.",
         "Puskesmas tutup lebih awal dari jadwal, pasien yang datang siang tidak dilayani."]

# Hooks that write, per process, which model objects it serves: the master after the preload, each
# worker after every request.
HOOKS = """
import json, os
from api.gunicorn_conf import *  # noqa: F403 (the shipped settings, preload included)
from api.registry.remap import unwrap

def _record(app, role):
    loaded = app.extensions["triage.model"].current
    base = unwrap(loaded.suggester)
    with open(os.environ["PRELOAD_PROBE"], "a") as fh:
        fh.write(json.dumps({"pid": os.getpid(), "role": role, "version": loaded.version,
                             "suggester": id(base), "model": id(base.bundle.model)}) + "\\n")

def when_ready(server):
    _record(server.app.wsgi(), "master")

def post_request(worker, req, environ, resp):
    _record(worker.wsgi, "worker")
"""


@pytest.fixture
def pg_database():
    yield from scratch_pg_database("preload")


def _second_bundle(models_dir: Path) -> str:
    from triage.bundle import data_fingerprint, save_bundle
    from triage.data import load_sample_complaints
    from triage.model import TriageModel

    df = load_sample_complaints()
    labels = {h: df[h].tolist() for h in ("agency", "hoax")}
    model = TriageModel(encoder="tfidf").fit(df["text"].tolist(), labels)
    out = models_dir / "second"
    return save_bundle(model, out, data_hash=data_fingerprint(df["text"].tolist(), labels), training_command="test",
                       training_rows=len(df), name="second").version



def _probe(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def test_preloaded_workers_share_the_model_and_follow_the_registry(pg_database, bundle_path, tmp_path):
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent))
    if not gunicorn:
        pytest.skip("gunicorn is not installed")
    models_dir = tmp_path / "models"
    second = _second_bundle(models_dir)
    probe = tmp_path / "probe.jsonl"
    (tmp_path / "hooks.py").write_text(textwrap.dedent(HOOKS))
    env = dict(os.environ, TRIAGE_DATABASE_URL=pg_database, TRIAGE_INSTANCE_PATH=str(tmp_path / "instance"),
               TRIAGE_MODEL=str(bundle_path), TRIAGE_MODELS_DIR=str(models_dir), TRIAGE_SECRET_KEY="preload",
               TRIAGE_RATE_LIMIT_API="1000000/minute", TRIAGE_MODEL_CHECK_SECONDS="1", PRELOAD_PROBE=str(probe),
               TRIAGE_REDIS_URL="redis://127.0.0.1:1/0")
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    cli = [sys.executable, "-m", "triage"]
    subprocess.run([*cli, "users", "create", "rina", "--role", "verifier", "--password-stdin"], input="rahasia-123\n",
                   env=env, cwd=ROOT, check=True, capture_output=True, text=True)

    # What an app in this process (same database, same bundle, same wrappers) suggests.
    from api import create_app, extensions

    local = create_app({"DATABASE_URL": pg_database, "INSTANCE_PATH": str(tmp_path / "local"), "MODEL_PATH": str(bundle_path),
                        "MODELS_DIR": str(models_dir), "SECRET_KEY": "x", "RATE_LIMITS": False, "AUTO_MIGRATE": False})
    client = local.test_client()
    import base64

    basic = {"Authorization": "Basic " + base64.b64encode(b"rina:rahasia-123").decode()}
    expected = {t: client.post("/api/v1/classify", json={"text": t}, headers=basic).json["suggestion"] for t in TEXTS}
    assert all(e["agency"]["candidates"] for e in expected.values())
    extensions.engine(local).dispose()

    port = free_port()
    log = open(tmp_path / "gunicorn.log", "w")
    proc = subprocess.Popen([gunicorn, "-c", str(tmp_path / "hooks.py"), "-w", "2", "-b", f"127.0.0.1:{port}",
                             "api:create_app()"], env=env, cwd=ROOT, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}/api/v1"
    auth = ("rina", "rahasia-123")
    try:
        wait_until_ready(base + "/readyz", proc, tmp_path / "gunicorn.log")

        def classify(i: int) -> dict:
            r = requests.post(base + "/classify", json={"text": TEXTS[i % len(TEXTS)]}, auth=auth, timeout=60)
            r.raise_for_status()
            return r.json()["suggestion"]

        with ThreadPoolExecutor(4) as pool:  # concurrent calls land on both workers
            answers = list(pool.map(classify, range(32)))
        for i, got in enumerate(answers):
            assert got == expected[TEXTS[i % len(TEXTS)]], f"worker answer {i} differs from the in-process app"

        records = _probe(probe)
        [master] = [r for r in records if r["role"] == "master"]
        workers = {r["pid"]: r for r in records if r["role"] == "worker"}
        assert len(workers) == 2 and master["pid"] not in workers, records
        for w in workers.values():  # the master's objects, inherited by the fork: nothing was loaded again
            assert (w["suggester"], w["model"]) == (master["suggester"], master["model"]), (w, master)

        subprocess.run([*cli, "models", "activate", "second", "--force", "--reason", "preload test"], env=env,
                       cwd=ROOT, check=True, capture_output=True, text=True)
        activated = time.monotonic()
        with ThreadPoolExecutor(4) as pool:
            while True:
                versions = {a["model"]["version"] for a in pool.map(classify, range(24))}
                if versions == {second}:
                    break
                assert time.monotonic() - activated < 60, f"some workers still serve {versions - {second}}"
                time.sleep(0.5)
        served = {r["pid"] for r in _probe(probe) if r["role"] == "worker" and r["version"] == second}
        assert served == set(workers), f"the new model reached workers {served}, not all of {set(workers)}"
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()
