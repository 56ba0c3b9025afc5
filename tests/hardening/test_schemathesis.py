"""schemathesis against the OpenAPI document of a live server (werkzeug on a free port, SQLite in a
temporary file, the session's model bundle): for any generated input, no 500, and every response
matches the documented status codes, content types, headers and schemas.

Bounded for CI: MAX_EXAMPLES per operation (TRIAGE_FUZZ_EXAMPLES to raise it locally).
"""

from __future__ import annotations

import os

import pytest
from sqlalchemy import create_engine
from support import fuzz
from support.fuzz import load_schema
from support.hardening import COMPLAINT, LiveServer
from werkzeug.security import generate_password_hash

from api import create_app, extensions
from api.models import User
from api.services import accounts

MAX_EXAMPLES = int(os.environ.get("TRIAGE_FUZZ_EXAMPLES", "12"))
PASSWORD = "rahasia-fuzz-123"


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory, model_holder, models_dir):
    """One live server for the whole module, on its own SQLite file (not the shared test database)."""
    root = tmp_path_factory.mktemp("fuzz")
    app = create_app({"TESTING": False, "INSTANCE_PATH": str(root / "instance"),
                      "DATABASE_URL": f"sqlite:///{root / 'fuzz.db'}", "AUTO_MIGRATE": True,
                      "MODEL_HOLDER": model_holder, "MODELS_DIR": str(models_dir), "SECRET_KEY": "fuzz-secret",
                      "RATE_LIMITS": False,
                      # schemathesis sends wrong passwords on purpose; the lockout has its own tests.
                      "LOCKOUT_THRESHOLD": 10**6, "LOCKOUT_IP_THRESHOLD": 10**6})
    with app.app_context(), extensions.sessionmaker(app)() as s:
        _row, key = accounts.create_key(s, "fuzzer")
        s.add(User(username="fuzz-verifier", password_hash=generate_password_hash(PASSWORD, "pbkdf2:sha256:1000"),
                   role="verifier"))
        s.commit()
    with LiveServer(app) as server:
        import requests

        # Something to find: a few complaints, so that reads and decisions reach real rows.
        for i in range(3):
            requests.post(server.url + "/api/v1/complaints", json=dict(COMPLAINT, title=f"uji {i}"),
                          headers={"Authorization": f"Bearer {key}"}, timeout=30).raise_for_status()
        server.key = key
        yield server
    extensions.engine(app).dispose()
    create_engine(f"sqlite:///{root / 'fuzz.db'}").dispose()


@pytest.fixture(scope="module")
def live_schema(fuzz_server):
    return load_schema(fuzz_server.url)


def run_all_operations(schema, **call_kwargs) -> list[str]:
    failures, _ran = fuzz.run_all_operations(schema, MAX_EXAMPLES, **call_kwargs)
    return failures


def test_api_as_a_system_key(live_schema, fuzz_server):
    failures = run_all_operations(live_schema, headers={"Authorization": f"Bearer {fuzz_server.key}"})
    assert not failures, "\n\n".join(failures)


def test_api_as_a_verifier(live_schema, fuzz_server):
    failures = run_all_operations(live_schema, auth=("fuzz-verifier", PASSWORD))
    assert not failures, "\n\n".join(failures)


def test_api_without_credentials(live_schema, fuzz_server):
    failures = run_all_operations(live_schema)
    assert not failures, "\n\n".join(failures)
