"""Authentication under attack (issue 14, items 7-10): the lockout covers every route that checks a
password, failures and successes are recorded where the password is checked (not read off status
codes), an unknown user costs a password hash, and callers whose credentials are not valid are limited
and locked by address, with `login_failure` bounded per address."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from support.api import PASSWORD, basic
from support.console import login

from api import create_app, extensions
from api.models import LoginFailure
from api.services import accounts, logins

# Every route outside the console that takes HTTP Basic, with a role that may not use it (403) or may.
BASIC_ROUTES = ["/metrics", "/reports/performance.json", "/imports/reviews.json", "/monitoring",
                "/api/v1/monitoring", "/api/v1/complaints"]


@pytest.fixture
def make_app(app_config):
    apps = []

    def make(**extra):
        app = create_app({**app_config, **extra})
        apps.append(app)
        return app

    yield make
    for app in apps:
        extensions.engine(app).dispose()


def failures(db_session, **where) -> int:
    db_session.expire_all()
    q = select(func.count()).select_from(LoginFailure)
    for column, value in where.items():
        q = q.where(getattr(LoginFailure, column) == value)
    return db_session.scalar(q)


@pytest.mark.parametrize("path", BASIC_ROUTES)
def test_wrong_passwords_on_any_basic_route_lock_the_username_everywhere(client, make_user, db_session, path):
    make_user("admin", username="sari")
    for _ in range(5):
        resp = client.get(path, headers=basic("sari", "salah"))
        assert resp.status_code == 401 and resp.json["error"]["code"] == "invalid_credentials", path
    assert failures(db_session, username="sari") == 5
    for where in (path, "/api/v1/complaints", "/metrics"):
        resp = client.get(where, headers=basic("sari"))  # the right password, refused unread
        assert resp.status_code == 429, where
        assert resp.json["error"]["code"] == "account_locked"
        assert 0 < int(resp.headers["Retry-After"]) <= 15 * 60 + 1
    login_page = login(client, "sari")
    assert login_page.status_code == 429 and "Terlalu banyak percobaan" in login_page.get_data(as_text=True)


def test_status_codes_tell_valid_from_invalid_credentials_until_locked(client, make_user, db_session):
    """401: not valid credentials; 403: valid, but this role may not. Once locked, 429 for both."""
    make_user("agency_officer", agency="DPUPR", username="oki")
    wrong = client.get("/metrics", headers=basic("oki", "salah"))
    right = client.get("/metrics", headers=basic("oki"))
    assert (wrong.status_code, wrong.json["error"]["code"]) == (401, "invalid_credentials")
    assert (right.status_code, right.json["error"]["code"]) == (403, "forbidden")
    assert "WWW-Authenticate" in wrong.headers
    assert failures(db_session, username="oki") == 0, "the right password cleared the failure before it"
    for _ in range(5):
        client.get("/metrics", headers=basic("oki", "salah"))
    answers = {client.get("/metrics", headers=basic("oki", pw)).status_code for pw in ("salah", PASSWORD)}
    assert answers == {429}, "during a lock the right password must look like a wrong one"


def test_a_route_that_needs_no_password_does_not_clear_failures(make_app, make_user):
    """20 wrong guesses with GET /api/v1/healthz in between lock: healthz checks no password unless one
    is sent, and then the check counts like any other."""
    client = make_app(RATE_LIMITS=False).test_client()  # 60 requests a second are not the point here
    make_user("verifier", username="tono")
    wrong = basic("tono", "salah")
    for _ in range(20):
        client.get("/api/v1/complaints", headers=wrong)
        assert client.get("/api/v1/healthz").status_code == 200
        assert client.get("/api/v1/healthz", headers=wrong).status_code == 200  # no password needed there
    resp = client.get("/api/v1/complaints", headers=basic("tono"))
    assert resp.status_code == 429 and resp.json["error"]["code"] == "account_locked"


def test_a_right_password_on_a_forbidden_route_is_a_success(client, make_user, db_session):
    """Recorded where the password is checked: the 403 that follows a right password does not matter."""
    make_user("agency_officer", agency="DPUPR", username="wati")
    for _ in range(4):
        assert client.get("/api/v1/complaints", headers=basic("wati", "salah")).status_code == 401
    assert failures(db_session, username="wati") == 4
    assert client.get("/imports/reviews.json", headers=basic("wati")).status_code == 403
    assert failures(db_session, username="wati") == 0


def test_an_unknown_or_inactive_user_costs_one_password_hash(client, make_user, db_session, monkeypatch):
    """Constant work: the answer for an unknown name is not faster than for a known one."""
    make_user("verifier", username="ani")
    make_user("verifier", username="lama")
    accounts.deactivate_user(db_session, "lama")
    calls = []
    real = logins.check_password_hash
    monkeypatch.setattr(logins, "check_password_hash", lambda h, pw: calls.append(h) or real(h, pw))
    for user in ("ani", "tidak-ada", "lama"):
        calls.clear()
        resp = client.get("/api/v1/complaints", headers=basic(user, "salah"))
        assert resp.status_code == 401 and resp.json["error"]["message"] == "wrong username or password"
        assert len(calls) == 1, f"{user}: {len(calls)} password hashes"
        assert (calls[0] == logins._dummy_hash()) == (user == "tidak-ada")


def test_callers_with_made_up_credentials_share_their_address_bucket(make_app, db_session):
    app = make_app(RATE_LIMIT_API="5/minute", LOCKOUT_IP_THRESHOLD=1000)
    client = app.test_client()
    codes = [client.get("/api/v1/agencies", headers={"Authorization": f"Bearer trg_bogus{i}"}).status_code
             for i in range(3)]
    codes += [client.get("/metrics", headers=basic(f"nobody{i}", "x")).status_code for i in range(2)]
    assert codes == [401] * 5
    resp = client.get("/api/v1/agencies", headers=basic("nobody-else", "x"))
    assert resp.status_code == 429 and resp.json["error"]["code"] == "too_many_requests"
    assert client.get("/api/v1/agencies").status_code == 429, "no credentials: the same address bucket"
    _row, key = accounts.create_key(db_session, "gateway")
    ok = client.get("/api/v1/agencies", headers={"Authorization": f"Bearer {key}"})
    assert ok.status_code == 200, "a valid key has its own bucket"
    # Open311's api_key parameter is the same key: it has the key's bucket, not a fresh one per value.
    assert client.get(f"/open311/v2/services.json?api_key={key}").status_code == 200


def test_an_address_is_locked_after_its_threshold_and_its_rows_stay_bounded(make_app, make_user, db_session):
    app = make_app(LOCKOUT_IP_THRESHOLD=4, RATE_LIMITS=False)
    client = app.test_client()
    make_user("verifier", username="dewi")
    _row, key = accounts.create_key(db_session, "gateway")
    for i in range(3):
        assert client.get("/api/v1/complaints", headers=basic(f"palsu{i}", "x")).status_code == 401
    assert client.get("/api/v1/complaints", headers={"Authorization": "Bearer trg_bogus"}).status_code == 401
    assert failures(db_session, ip="127.0.0.1") == 4
    for i in range(30):  # made-up names and keys: each would have been a row
        client.get("/api/v1/complaints", headers=basic(f"lagi{i}", "x"))
        client.get("/api/v1/complaints", headers={"Authorization": f"Bearer trg_lagi{i}"})
    assert failures(db_session) == 4, "login_failure grows without bound"
    resp = client.get("/api/v1/complaints", headers=basic("dewi"))  # an unlocked user, right password
    assert resp.status_code == 429 and resp.json["error"]["code"] == "address_locked"
    page = login(client, "dewi")
    assert page.status_code == 429 and "alamat ini" in page.get_data(as_text=True)
    assert client.get("/api/v1/agencies", headers={"Authorization": f"Bearer {key}"}).status_code == 200
    # Another address is not affected.
    other = client.get("/api/v1/complaints", headers=basic("dewi"), environ_base={"REMOTE_ADDR": "10.1.2.3"})
    assert other.status_code == 200
    # When the window has passed the address is free again.
    for row in db_session.scalars(select(LoginFailure)):
        row.at = row.at - dt.timedelta(minutes=16)
    db_session.commit()
    assert client.get("/api/v1/complaints", headers=basic("dewi")).status_code == 200


def test_old_failures_are_purged_when_a_new_one_is_written(client, db_session):
    db_session.add(LoginFailure(username="kuno", ip="10.0.0.9", at=logins.utcnow() - dt.timedelta(days=2)))
    db_session.commit()
    client.get("/api/v1/complaints", headers=basic("baru", "x"))
    assert failures(db_session, username="kuno") == 0 and failures(db_session, username="baru") == 1


def test_a_nul_in_a_console_username_is_an_ordinary_failure(client, make_user, db_session):
    make_user("verifier", username="nia")
    resp = login(client, "ni\x00a")
    assert resp.status_code == 401 and "salah" in resp.get_data(as_text=True)
    assert failures(db_session, username="nia") == 1  # counted under the name without the NUL
