"""Security: headers and cookies, rate limits, lockout after failed logins, no secret in code or
logs, SQL injection and XSS attempts (complaint text is attacker-controlled and shown to verifiers)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import logging
import re
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import inspect, select
from support.console import csrf_token, login
from support.hardening import COMPLAINT

from api import create_app, extensions
from api.models import Complaint, LoginFailure
from api.security import template_script_hashes
from api.services import accounts

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "rahasia-123"  # tests/api's make_user password


def basic(username, password=PASSWORD):
    return {"Authorization": "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()}


def _app(app_config, **extra):
    return create_app({**app_config, **extra})


# -- headers and cookies ---------------------------------------------------------------------------

def test_security_headers_on_api_console_and_docs(client, verifier):
    api = client.get("/api/v1/agencies", headers=verifier)
    assert api.headers["X-Content-Type-Options"] == "nosniff"
    assert api.headers["X-Frame-Options"] == "DENY"
    assert api.headers["Referrer-Policy"] == "same-origin"
    assert api.headers["Content-Security-Policy"] == "default-src 'none'; frame-ancestors 'none'"
    assert "Strict-Transport-Security" not in api.headers  # plain HTTP in tests: no HSTS

    page = client.get("/console/masuk")
    csp = page.headers["Content-Security-Policy"]
    assert "script-src 'self';" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    html = page.get_data(as_text=True)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline script on a console page"
    assert not re.search(r"\son[a-z]+=", html), "inline event handler on a console page"

    docs = client.get("/api/v1/docs")
    csp = docs.headers["Content-Security-Policy"]
    script_src = csp.split("script-src", 1)[1].split(";", 1)[0]
    assert "unsafe-inline" not in script_src
    for body in re.findall(r"<script>(.*?)</script>", docs.get_data(as_text=True), re.S):
        import base64 as b64

        digest = b64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in script_src, "the docs page's own script is not allowed by its CSP"


def test_only_scripts_written_in_templates_are_allowed():
    hashes = template_script_hashes()
    assert hashes and all(h.startswith("'sha256-") for h in hashes)


def test_hsts_and_secure_cookie_when_secure_cookies_are_on(app_config, make_user):
    app = _app(app_config, SESSION_COOKIE_SECURE=True)
    client = app.test_client()
    make_user("verifier", username="rina")
    resp = login(client, "rina")
    assert resp.status_code == 302
    cookie = resp.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert resp.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    extensions.engine(app).dispose()


# -- rate limits -----------------------------------------------------------------------------------

def test_rate_limit_per_api_key_is_429_json_with_retry_after(app_config, db_session):
    app = _app(app_config, RATE_LIMIT_API="5/minute")
    client = app.test_client()
    _r1, key1 = accounts.create_key(db_session, "one")
    _r2, key2 = accounts.create_key(db_session, "two")
    h1, h2 = {"Authorization": f"Bearer {key1}"}, {"Authorization": f"Bearer {key2}"}
    assert [client.get("/api/v1/agencies", headers=h1).status_code for _ in range(5)] == [200] * 5
    resp = client.get("/api/v1/agencies", headers=h1)
    assert resp.status_code == 429 and resp.mimetype == "application/json"
    assert resp.json["error"]["code"] == "too_many_requests"
    assert 0 < int(resp.headers["Retry-After"]) <= 61
    assert client.get("/api/v1/agencies", headers=h2).status_code == 200, "another key has its own budget"
    # the limiter's own storage never holds the key itself
    storage = extensions.limiter(app).storage
    assert key1 not in repr(getattr(storage, "storage", storage))
    extensions.engine(app).dispose()


def test_login_rate_limit_per_ip(app_config, make_user):
    app = _app(app_config, RATE_LIMIT_LOGIN_IP="3/minute", LOCKOUT_THRESHOLD=100)
    client = app.test_client()
    codes = []
    for i in range(4):
        page = client.get("/console/masuk")
        codes.append(client.post("/console/masuk", data={"username": f"nobody{i}", "password": "x",
                                                         "csrf_token": csrf_token(page.get_data(as_text=True))}
                                 ).status_code)
    assert codes == [401, 401, 401, 429]
    extensions.engine(app).dispose()


# -- lockout ---------------------------------------------------------------------------------------

def test_lockout_after_repeated_failed_logins_holds_across_workers_and_ends(app_config, make_user, db_session):
    make_user("verifier", username="rina")
    worker1, worker2 = _app(app_config), _app(app_config)  # two processes sharing the database
    c1, c2 = worker1.test_client(), worker2.test_client()
    for i in range(5):
        assert login(c1 if i % 2 else c2, "rina", "wrong-password").status_code == 401
    assert db_session.scalar(select(LoginFailure.username).limit(1)) == "rina"
    # The right password no longer opens it, on either worker, and says when to come back.
    for c in (c1, c2):
        resp = login(c, "rina")
        assert resp.status_code == 429 and int(resp.headers["Retry-After"]) > 0
        assert "Terlalu banyak percobaan" in resp.get_data(as_text=True)
    # HTTP Basic on the API is the same password check: locked too.
    resp = c1.get("/api/v1/complaints", headers=basic("rina"))
    assert resp.status_code == 429 and resp.json["error"]["code"] == "account_locked"
    # Other users are not affected.
    make_user("verifier", username="budi")
    assert login(c2, "budi").status_code == 302
    # When the window has passed, the right password works and the failures are cleared.
    for row in db_session.scalars(select(LoginFailure)):
        row.at = row.at - dt.timedelta(minutes=16)
    db_session.commit()
    assert login(c1, "rina").status_code == 302
    db_session.expire_all()
    assert db_session.scalar(select(LoginFailure).where(LoginFailure.username == "rina")) is None
    for a in (worker1, worker2):
        extensions.engine(a).dispose()


def test_basic_auth_lockout(client, make_user):
    make_user("verifier", username="andi")
    for _ in range(5):
        assert client.get("/api/v1/complaints", headers=basic("andi", "salah")).status_code == 401
    resp = client.get("/api/v1/complaints", headers=basic("andi"))
    assert resp.status_code == 429 and resp.headers["Retry-After"]


def test_unknown_usernames_lock_the_same_way(client):
    """A lockout says nothing about whether an account exists."""
    for _ in range(5):
        assert client.get("/api/v1/complaints", headers=basic("tidak-ada", "x")).status_code == 401
    assert client.get("/api/v1/complaints", headers=basic("tidak-ada", "x")).status_code == 429


# -- no secret in logs or code ---------------------------------------------------------------------

def test_no_secret_in_the_logs_of_a_request_cycle(app_config, make_user, db_session, caplog):
    secret_key = "s3cret-key-" + "x" * 20
    app = _app(app_config, SECRET_KEY=secret_key)
    client = app.test_client()
    caplog.set_level(logging.DEBUG)
    _row, key = accounts.create_key(db_session, "logged")
    make_user("verifier", username="lia")
    bearer = {"Authorization": f"Bearer {key}"}
    client.post("/api/v1/complaints", json=COMPLAINT, headers=bearer)
    client.post("/api/v1/complaints", json={"text": ""}, headers=bearer)  # a 422
    client.get("/api/v1/complaints", headers=basic("lia"))
    client.get("/api/v1/complaints", headers=basic("lia", "wrong-" + PASSWORD))
    client.get("/api/v1/complaints", headers={"Authorization": f"Bearer {key}x"})
    resp = login(client, "lia")
    session_cookie = resp.headers.get("Set-Cookie", "").split(";")[0].split("=", 1)[-1]
    client.get("/console/antrian")
    app.logger.info("config at start: %s", app.config.get("DATABASE_URL"))
    text = caplog.text
    assert caplog.records, "nothing was logged: the test would prove nothing"
    for secret in (key, key[-20:], PASSWORD, secret_key, session_cookie):
        assert secret and secret not in text, f"a secret appears in the logs: {secret[:6]}…"
    extensions.engine(app).dispose()


SECRET_PATTERNS = {
    "private key": re.compile(r"-----BEGIN (?:RSA |EC |OPENSSH |DSA )?PRIVATE KEY-----"),
    "triage API key": re.compile(r"\btrg_[0-9a-f]{8}_[A-Za-z0-9_-]{30,}"),
    "AWS key": re.compile(r"\bAKIA[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36}\b"),
    "Slack token": re.compile(r"\bxox[baprs]-[A-Za-z0-9-]{10,}"),
    "password in a URL": re.compile(r"[a-z+]+://[^/\s:@]+:[^/\s:@]{4,}@(?!example|host|db\b)"),
    "hard-coded secret key": re.compile(r"""(?i)\b(?:SECRET_KEY|TRIAGE_SECRET_KEY|api_key|password)\s*=\s*["'][^"'\s]{12,}["']"""),
}
# Test fixtures use throw-away values on purpose; everything else must read secrets from the environment.
ALLOWED_DIRS = ("tests/", "notebooks/")


def test_the_repository_contains_no_hard_coded_secrets():
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    found = []
    for rel in files:
        path = ROOT / rel
        if rel.startswith(ALLOWED_DIRS) or not path.is_file() or path.stat().st_size > 2_000_000:
            continue
        try:
            content = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for name, pattern in SECRET_PATTERNS.items():
            for m in pattern.finditer(content):
                found.append(f"{rel}: {name}: {m.group()[:40]}")
    assert not found, "\n".join(found)


# -- SQL injection ---------------------------------------------------------------------------------

SQLI = ["'; DROP TABLE complaint; --", "' OR '1'='1", "1; SELECT pg_sleep(5)--", "\" OR \"\"=\"",
        "LPR-' UNION SELECT password_hash FROM user_account--", "%' OR 1=1 --", "\\'; DELETE FROM event; --"]


@pytest.mark.parametrize("payload", SQLI)
def test_sql_injection_attempts_are_data(client, verifier, api_key, db_session, payload):
    resp = client.post("/api/v1/complaints", json={**COMPLAINT, "text": f"Jalan rusak {payload}", "title": payload},
                       headers=api_key)
    assert resp.status_code == 201
    stored = db_session.scalar(select(Complaint).where(Complaint.tracking_id == resp.json["tracking_id"]))
    assert stored.text == f"Jalan rusak {payload}" and stored.title == payload
    # Each parameter is checked for what it is: refused with the field named, or matched as plain data.
    date_problem = "maxLength" if len(payload) > 40 else "format"
    for name, expected in (("status", "enum"), ("channel", "unknown_field"), ("cursor", "format"),
                           ("limit", "type"), ("received_from", date_problem)):
        r = client.get("/api/v1/complaints", query_string={name: payload}, headers=verifier)
        assert r.status_code == 422, (name, r.status_code)
        assert (r.json["error"]["details"][0]["field"], r.json["error"]["details"][0]["code"]) == (name, expected)
    r = client.get("/api/v1/complaints", query_string={"agency": payload}, headers=verifier)
    if len(payload) <= 40:  # an agency code that does not exist: no rows, not an error
        assert r.status_code == 200 and r.json["items"] == []
    else:
        assert r.status_code == 422 and r.json["error"]["details"][0]["code"] == "maxLength"
    r = client.get(f"/api/v1/complaints/{payload}", headers=verifier)
    assert r.status_code == 404 and r.json["error"]["code"] == "not_found"
    assert client.get("/api/v1/complaints", headers=basic(payload, payload)).status_code == 401
    page = client.get("/console/masuk")
    r = client.post("/console/masuk", data={"username": payload, "password": payload,
                                            "csrf_token": csrf_token(page.get_data(as_text=True))})
    assert r.status_code == 401
    assert {"complaint", "event", "user_account"} <= set(inspect(db_session.get_bind()).get_table_names())
    db_session.expire_all()
    assert db_session.scalar(select(Complaint).where(Complaint.tracking_id == resp.json["tracking_id"]))


# -- XSS: complaint text is shown to verifiers -----------------------------------------------------

XSS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg/onload=alert(1)>",
    "javascript:alert(1)",
    "</textarea><script>alert(1)</script>",
    "{{ config.SECRET_KEY }}",
]


def test_xss_in_complaint_text_is_escaped_in_queue_and_complaint_page(client, make_user, api_key):
    # Personal data next to and inside the payloads, so that the highlighting code runs over them.
    text = ("Nama saya Budi Santoso hubungi 081234567890 atau <b>budi@example.id</b>. "
            + " ".join(XSS) + " email \"<script>\"@evil.id https://x.id/?q=<script>alert(1)</script>")
    r = client.post("/api/v1/complaints", json={"title": "<script>alert('judul')</script>", "text": text,
                                                "reporter": {"name": "<img src=x onerror=alert(2)>"}},
                    headers=api_key)
    assert r.status_code == 201
    tid = r.json["tracking_id"]
    make_user("verifier", username="vera")
    assert login(client, "vera").status_code == 302
    for url in ("/console/antrian", f"/console/aduan/{tid}"):
        page = client.get(url)
        assert page.status_code == 200, url
        html = page.get_data(as_text=True)
        scripts = re.findall(r"<script[^>]*>", html)
        assert all("src=" in s for s in scripts), f"{url}: injected script tag {scripts}"
        for raw in ("<script>alert", "<img src=x", "<svg/onload", "onerror=alert(2)>", "<b>budi"):
            assert raw not in html, f"{url}: {raw!r} reached the page unescaped"
        assert "test-secret" not in html  # the template expression was not evaluated
    page = client.get(f"/console/aduan/{tid}").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, "the text is shown, escaped"
    assert "{{ config.SECRET_KEY }}" in page


def test_xss_in_api_responses_is_json_not_html(client, api_key):
    r = client.post("/api/v1/complaints", json={**COMPLAINT, "text": "<script>alert(1)</script> jalan"},
                    headers=api_key)
    got = client.get(f"/api/v1/complaints/{r.json['tracking_id']}", headers=api_key)
    assert got.mimetype == "application/json" and got.headers["X-Content-Type-Options"] == "nosniff"
