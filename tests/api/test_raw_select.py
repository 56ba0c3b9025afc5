"""api.raw_select runs the API key lookup on a pooled DBAPI connection: the same rows, with the same
Python types, as Connection.execute gives (on SQLite, where DateTime is stored as text, and on PostgreSQL)."""

import datetime as dt

import pytest
from sqlalchemy import bindparam, select

from api import extensions
from api.auth import _KEY_BY_HASH, hash_key
from api.models import ApiKey
from api.raw_select import RawSelect
from api.services import accounts


def test_rows_equal_those_of_connection_execute(app, db_session):
    engine = extensions.engine(app)
    _fresh, fresh_key = accounts.create_key(db_session, "fresh")
    used, used_key = accounts.create_key(db_session, "used")
    used.last_used_at = dt.datetime(2026, 11, 30, 8, 15, 2, 123456, tzinfo=dt.UTC)
    db_session.commit()
    accounts.revoke_key(db_session, "used")
    stmt = _KEY_BY_HASH.stmt
    for key in (fresh_key, used_key):
        with engine.connect() as conn:
            want = conn.execute(stmt, {"digest": hash_key(key)}).first()
        got = _KEY_BY_HASH.first(engine, {"digest": hash_key(key)})
        assert tuple(got) == tuple(want) and got._fields == tuple(want._fields)
        assert [type(v) for v in got] == [type(v) for v in want]
    got = _KEY_BY_HASH.first(engine, {"digest": hash_key(used_key)})
    assert got.revoked_at is not None and got.last_used_at == used.last_used_at
    assert _KEY_BY_HASH.first(engine, {"digest": hash_key("trg_unknown")}) is None
    # the connection went back to the pool: as many checked out as before
    assert engine.pool.checkedout() == 0


def test_a_parameter_that_needs_converting_is_refused(app):
    stmt = RawSelect(select(ApiKey.id).where(ApiKey.last_used_at > bindparam("since", type_=ApiKey.last_used_at.type)))
    engine = extensions.engine(app)
    if ApiKey.last_used_at.type.dialect_impl(engine.dialect).bind_processor(engine.dialect) is None:
        pytest.skip(f"{engine.dialect.name} takes a datetime as it is")
    with pytest.raises(ValueError, match="since"):
        stmt.first(engine, {"since": dt.datetime(2026, 1, 1, tzinfo=dt.UTC)})


def test_a_revoked_key_is_refused_on_its_next_request(client, db_session):
    _row, key = accounts.create_key(db_session, "soon-revoked")
    auth = {"Authorization": f"Bearer {key}"}
    assert client.get("/api/v1/agencies", headers=auth).status_code == 200
    accounts.revoke_key(db_session, "soon-revoked")
    resp = client.get("/api/v1/agencies", headers=auth)
    assert resp.status_code == 401 and resp.json["error"]["code"] == "invalid_credentials"


def test_all_reads_in_the_callers_transaction_with_the_same_rows(app, db_session):
    """`all` runs on the session's own connection: it sees what the session wrote and has not committed,
    and gives the rows (an outer join, a DateTime, a NULL) Connection.execute gives."""
    from api.duplicates.service import _CANDIDATES, SEARCHED
    from api.models import Complaint
    from api.workflow import Status

    at = dt.datetime(2026, 5, 4, 7, 30, 15, 250000, tzinfo=dt.UTC)
    rows = [Complaint(id=700 + i, tracking_id=f"LPR-RAW{i}", text=f"Lampu jalan mati {i}", title=None if i else "Lampu",
                      channel="web", confidentiality="public", status=Status.RECEIVED.value, received_at=at)
            for i in range(3)]
    db_session.add_all(rows)
    db_session.flush()  # written in the session's transaction, not committed
    params = {f"id{k}": (700 + k if k < 3 else 0) for k in range(SEARCHED)}
    got = _CANDIDATES.all(db_session.connection(), params)
    want = db_session.connection().execute(_CANDIDATES.stmt, params).all()
    assert sorted(map(tuple, got)) == sorted(map(tuple, want)) and len(got) == 3
    assert {r.received_at for r in got} == {at} and {r.cluster_id for r in got} == {None}
    assert sorted(r.title for r in got if r.title) == ["Lampu"]
    db_session.rollback()


def test_a_driver_error_is_raised_as_sqlalchemy_raises_it_without_the_values(app):
    """The service answers SQLAlchemy's errors (an unreachable database: 503); a driver's own exception
    would be a 500. The bound values (a key's digest) are not in the message."""
    from sqlalchemy import column, exc, table

    engine = extensions.engine(app)
    missing = RawSelect(select(column("x")).select_from(table("no_such_table")).where(column("x") == bindparam("v")))
    with pytest.raises(exc.DBAPIError) as caught:
        missing.first(engine, {"v": "secret-digest-value"})
    assert "no_such_table" in str(caught.value) and "secret-digest-value" not in str(caught.value)
    assert engine.pool.checkedout() == 0
