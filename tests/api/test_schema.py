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
