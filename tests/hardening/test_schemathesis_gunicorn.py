"""schemathesis against the production setup: gunicorn with two workers on PostgreSQL (issue 14), not
only the dev server on SQLite (test_schemathesis.py). For any generated input: no 500, and every
response matches the document. Afterwards gunicorn's access log holds no API key (item 14).

Bounded: TRIAGE_FUZZ_EXAMPLES cases per operation (default 4), a budget per run
(TRIAGE_FUZZ_BUDGET_SECONDS, default 240), 127.0.0.1 only. Needs TRIAGE_TEST_DATABASE_URL on PostgreSQL.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine
from sqlalchemy.orm import Session
from support import fuzz
from support.hardening import COMPLAINT, free_port, scratch_pg_database
from werkzeug.security import generate_password_hash

from api.models import User
from api.services import accounts

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
MAX_EXAMPLES = int(os.environ.get("TRIAGE_FUZZ_EXAMPLES", "4"))
BUDGET = float(os.environ.get("TRIAGE_FUZZ_BUDGET_SECONDS", "240"))
PASSWORD = "rahasia-fuzz-123"


@pytest.fixture(scope="module")
def pg_url():
    yield from scratch_pg_database("schemathesis")


@pytest.fixture(scope="module")
def gunicorn_server(pg_url, bundle_path, tmp_path_factory):
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent))
    if not gunicorn:
        pytest.skip("gunicorn is not installed")
    root = tmp_path_factory.mktemp("gunicorn")
    engine = create_engine(pg_url)
    with Session(engine) as s:
        _row, key = accounts.create_key(s, "fuzzer")
        s.add(User(username="fuzz-verifier", password_hash=generate_password_hash(PASSWORD, "pbkdf2:sha256:1000"),
                   role="verifier"))
        s.commit()
    engine.dispose()
    env = dict(os.environ, TRIAGE_DATABASE_URL=pg_url, TRIAGE_INSTANCE_PATH=str(root / "instance"),
               TRIAGE_MODEL=str(bundle_path), TRIAGE_MODELS_DIR=str(root / "models"),
               TRIAGE_SECRET_KEY="fuzz-gunicorn", TRIAGE_RATE_LIMIT_API="1000000/minute",
               # schemathesis sends wrong passwords on purpose; the lockout has its own tests.
               TRIAGE_LOCKOUT_THRESHOLD="1000000", TRIAGE_LOCKOUT_IP_THRESHOLD="1000000",
               TRIAGE_REDIS_URL="redis://127.0.0.1:1/0")
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    port = free_port()
    access_log, error_log = root / "access.log", root / "error.log"
    proc = subprocess.Popen([gunicorn, "-w", "2", "-b", f"127.0.0.1:{port}", "--timeout", "120",
                             "--access-logfile", str(access_log), "--error-logfile", str(error_log),
                             "api:create_app()"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                if requests.get(url + "/readyz", timeout=5).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                pytest.fail("gunicorn did not start: " + error_log.read_text()[-3000:])
            time.sleep(1)
        for i in range(3):  # something to find: reads and decisions reach real rows
            requests.post(url + "/api/v1/complaints", json=dict(COMPLAINT, title=f"uji {i}"),
                          headers={"Authorization": f"Bearer {key}"}, timeout=60).raise_for_status()
        yield type("Server", (), {"url": url, "key": key, "access_log": access_log, "error_log": error_log})
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(scope="module")
def schema(gunicorn_server):
    return fuzz.load_schema(gunicorn_server.url)


def _run(schema, **kwargs):
    failures, ran = fuzz.run_all_operations(schema, MAX_EXAMPLES, BUDGET, **kwargs)
    assert not failures, "\n\n".join(failures)
    total = len(list(schema.get_all_operations()))
    print(f"{ran} of {total} operations, {MAX_EXAMPLES} cases each")
    assert ran >= min(total, 10), f"only {ran} of {total} operations within {BUDGET:.0f} s"


def test_gunicorn_on_postgresql_as_a_system_key(schema, gunicorn_server):
    _run(schema, headers={"Authorization": f"Bearer {gunicorn_server.key}"})


def test_gunicorn_on_postgresql_as_a_verifier(schema, gunicorn_server):
    _run(schema, auth=("fuzz-verifier", PASSWORD))


def test_gunicorn_on_postgresql_without_credentials(schema, gunicorn_server):
    _run(schema)


def test_gunicorn_access_log_keeps_no_credentials(gunicorn_server):
    key = gunicorn_server.key
    resp = requests.get(gunicorn_server.url + "/open311/v2/services.json", params={"api_key": key}, timeout=30)
    assert resp.status_code == 200
    requests.get(gunicorn_server.url + "/api/v1/healthz", params={"token": key, "password": "hunter2-x"}, timeout=30)
    deadline = time.monotonic() + 10
    while "healthz" not in gunicorn_server.access_log.read_text() and time.monotonic() < deadline:
        time.sleep(0.2)  # the worker writes its line after answering
    log = gunicorn_server.access_log.read_text()
    assert "services.json?api_key=[REDACTED]" in log, log[-2000:]
    for secret in (key, key[-20:], "hunter2-x"):
        assert secret not in log, "a credential is in gunicorn's access log"
    assert "Traceback" not in gunicorn_server.error_log.read_text()
