"""Shared fixtures for every test folder: the shipped-sample bundle (built once per session), the
service's database, app, client and callers.

The database is SQLite in a temporary file, or TRIAGE_TEST_DATABASE_URL (PostgreSQL in CI): its
schema is built once per session with the Alembic migrations and emptied before each test.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from support.api import COMPLAINT, PASSWORD, basic
from werkzeug.security import generate_password_hash

from api import create_app, extensions
from api.db import upgrade
from api.model_holder import ModelHolder
from api.models import Agency, Base, User
from api.services import accounts

SHARED_DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"


@pytest.fixture(scope="session")
def models_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("models")


@pytest.fixture(scope="session")
def bundle_path(models_dir):
    from triage.bundle import ensure_default_bundle

    return Path(ensure_default_bundle(models_dir, progress=False))


@pytest.fixture(scope="session")
def sample_bundle(bundle_path):
    from triage.bundle import load_bundle

    return load_bundle(bundle_path)


@pytest.fixture(scope="session")
def shared_datasets():
    if not SHARED_DATASETS.is_dir():
        pytest.skip("../shared/datasets is absent")
    return SHARED_DATASETS


# -- the service -------------------------------------------------------------------------------

TABLES_CHILD_FIRST = [t.name for t in reversed(Base.metadata.sorted_tables)]


@pytest.fixture(scope="session")
def model_holder(bundle_path):
    holder = ModelHolder()
    holder.load(bundle_path)
    return holder


@pytest.fixture(autouse=True)
def _session_bundle_is_served(request):
    """Some tests activate another bundle on the shared holder: every test starts from the session bundle."""
    if "model_holder" in request.fixturenames:
        holder = request.getfixturevalue("model_holder")
        path = Path(request.getfixturevalue("bundle_path")).resolve()
        if holder.current is None or holder.current.path != path:
            holder.load(path)


def _drop_everything(engine) -> None:
    with engine.begin() as conn:
        names = set(inspect(conn).get_table_names())
        for name in TABLES_CHILD_FIRST + ["alembic_version"]:
            if name in names:
                conn.execute(text(f'DROP TABLE "{name}"' + (" CASCADE" if engine.dialect.name == "postgresql" else "")))


@pytest.fixture(scope="session")
def db_url(tmp_path_factory):
    url = os.environ.get("TRIAGE_TEST_DATABASE_URL") or f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    engine = create_engine(url)
    _drop_everything(engine)
    upgrade(url)  # the migrations themselves are under test here
    yield url
    _drop_everything(engine)
    engine.dispose()


def _empty_tables(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in TABLES_CHILD_FIRST) + " RESTART IDENTITY CASCADE"))
        else:
            for t in TABLES_CHILD_FIRST:
                conn.execute(text(f'DELETE FROM "{t}"'))
    engine.dispose()


@pytest.fixture
def app_config(tmp_path, db_url, model_holder, models_dir):
    _empty_tables(db_url)
    return {
        "TESTING": True,
        "INSTANCE_PATH": str(tmp_path / "instance"),
        "DATABASE_URL": db_url,
        "AUTO_MIGRATE": False,
        "MODEL_HOLDER": model_holder,
        "MODELS_DIR": str(models_dir),
        "SECRET_KEY": "test-secret",
        # The learning check runs in the request, not in a thread that outlives the test: a thread still
        # reading when the next test empties the tables deadlocked TRUNCATE on PostgreSQL.
        "LEARNING_SYNC_BLOCKING": True,
    }


@pytest.fixture
def app(app_config):
    app = create_app(app_config)
    yield app
    extensions.engine(app).dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def db_session(app):
    with extensions.sessionmaker(app)() as s:
        yield s



@pytest.fixture
def make_user(db_session):
    """make_user(role, agency=None) -> Basic auth headers for a new account."""
    counter = iter(range(1000))

    def make(role: str, agency: str | None = None, username: str | None = None) -> dict:
        username = username or f"{role}{next(counter)}"
        agency_id = None
        if agency:
            agency_id = db_session.query(Agency).filter_by(code=agency).one().id
        # A cheap hash keeps the suite fast; production uses werkzeug's default (scrypt).
        db_session.add(User(username=username, password_hash=generate_password_hash(PASSWORD, "pbkdf2:sha256:1000"),
                            role=role, agency_id=agency_id))
        db_session.commit()
        return basic(username)

    return make


@pytest.fixture
def verifier(make_user):
    return make_user("verifier")


@pytest.fixture
def admin(make_user):
    return make_user("admin")


@pytest.fixture
def scientist(make_user):
    return make_user("data_scientist")


@pytest.fixture
def api_key(db_session):
    _row, key = accounts.create_key(db_session, "gateway")
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture
def agency_codes(db_session):
    return [a.code for a in db_session.query(Agency).order_by(Agency.code)]




@pytest.fixture
def complaint(client, verifier):
    """A stored complaint (public, with contact), as the 201 body."""
    resp = client.post("/api/v1/complaints", json=COMPLAINT, headers=verifier)
    assert resp.status_code == 201, resp.json
    return resp.json


# -- complaints and decisions through the API (registry, monitoring, jobs, learning tests) ------------
@pytest.fixture
def submit(client, verifier):
    """submit(text, title=None, headers=verifier, confidentiality='public') -> tracking id."""

    def make(text: str, title: str | None = None, headers=None, confidentiality: str = "public") -> str:
        body = {"text": text, "channel": "web", "confidentiality": confidentiality}
        if title:
            body["title"] = title
        resp = client.post("/api/v1/complaints", json=body, headers=headers or verifier)
        assert resp.status_code == 201, resp.json
        return resp.json["tracking_id"]

    return make


@pytest.fixture
def decide(client, verifier):
    """decide(tid, action, agency=None, headers=verifier, reason=None) -> response json."""

    def make(tid: str, action: str, agency: str | None = None, headers=None, reason: str | None = None):
        body = {"action": action}
        if agency:
            body["agency"] = agency
        if reason or action in ("archive", "need_info"):
            body["reason"] = reason or "alasan"
        resp = client.post(f"/api/v1/complaints/{tid}/disposition", json=body, headers=headers or verifier)
        assert resp.status_code == 200, resp.json
        return resp.json

    return make


@pytest.fixture
def cli_env(app_config, tmp_path, models_dir):
    return {
        "TRIAGE_DATABASE_URL": app_config["DATABASE_URL"],
        "TRIAGE_INSTANCE_PATH": str(tmp_path / "cli-instance"),
        "TRIAGE_MODELS_DIR": str(tmp_path / "cli-models"),
        "TRIAGE_MODEL": "",
    }
