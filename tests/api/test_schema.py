"""The migrations and the models agree, and history is append-only."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, select

from api.models import Base, Event


def test_migrations_match_the_models(db_url):
    engine = create_engine(db_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    engine.dispose()
    assert diff == [], f"models and migrations differ; write a migration: {diff}"


def test_events_cannot_be_changed_or_deleted(db_session, complaint):
    ev = db_session.scalars(select(Event)).first()
    ev.actor = "someone else"
    with pytest.raises(ValueError, match="append-only|never changed"):
        db_session.commit()
    db_session.rollback()
    db_session.delete(db_session.scalars(select(Event)).first())
    with pytest.raises(ValueError):
        db_session.commit()
    db_session.rollback()


def test_unexpected_errors_are_json_500(client, verifier, monkeypatch):
    from api.services import complaints

    def boom(*a, **k):
        raise RuntimeError("bug")

    monkeypatch.setattr(complaints, "list_complaints", boom)
    resp = client.get("/api/v1/complaints", headers=verifier)
    assert resp.status_code == 500 and resp.mimetype == "application/json"
    assert resp.json["error"]["code"] == "internal_error" and "bug" not in resp.json["error"]["message"]


def test_the_migration_heads_read_without_alembic_are_alembics():
    from alembic.script import ScriptDirectory

    from api.db import alembic_config, migration_heads

    assert migration_heads() == set(ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads())


def test_needs_upgrade_compares_the_database_revision_with_the_heads(tmp_path):
    """Start-up checks the schema without importing alembic; it is imported only to migrate."""
    from api.db import needs_upgrade, upgrade

    url = f"sqlite:///{tmp_path / 'schema.db'}"
    engine = create_engine(url)
    assert needs_upgrade(engine)  # empty: no alembic_version table
    upgrade(url, "0009")
    assert needs_upgrade(engine)
    upgrade(url)
    assert not needs_upgrade(engine)
    engine.dispose()


def test_a_start_on_a_migrated_database_does_not_import_alembic(tmp_path, bundle_path, models_dir):
    import os
    import subprocess
    import sys

    from api.db import upgrade

    url = f"sqlite:///{tmp_path / 'start.db'}"
    upgrade(url)
    env = dict(os.environ, TRIAGE_DATABASE_URL=url, TRIAGE_INSTANCE_PATH=str(tmp_path), TRIAGE_MODEL=str(bundle_path),
               TRIAGE_MODELS_DIR=str(models_dir), TRIAGE_SECRET_KEY="test", TRIAGE_AUTO_MIGRATE="1")
    script = ("import sys; from api import create_app; app = create_app({'RATE_LIMITS': False}); "
              "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))")
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_a_migration_script_that_is_not_plain_is_read_by_alembic(tmp_path, monkeypatch, caplog):
    """A revision that is not a literal (or a script that does not parse) is left to alembic itself."""
    from api import db

    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "0001_a.py").write_text('revision = "0001"\ndown_revision = None\n')
    (versions / "0002_b.py").write_text('revision = "00" + "02"\ndown_revision = "0001"\n')
    (versions / ".#0003_lock.py").write_text("not python at all (") # an editor's lock file: skipped by both
    monkeypatch.setattr(db, "MIGRATIONS_DIR", tmp_path)
    caplog.set_level("INFO", logger="api.db")
    assert db.migration_heads() == {"0002"} and "with alembic" in caplog.text
    caplog.clear()
    (versions / "0002_b.py").write_text('revision = "0002"\ndown_revision = "0001"\n')
    assert db.migration_heads() == {"0002"} and "with alembic" not in caplog.text
