"""Hardening that wraps the whole app: security headers, rate limits, and lockout after failed logins.

Registered by `create_app` with `security.init_app(app)`. Settings come from `api.config` (`RATE_LIMIT_*`,
`LOCKOUT_*`; tests override the Flask config keys of the same name).

* Rate limits use Flask-Limiter. The key of an API key's bucket is a hash of the key, never the key.
  With the in-memory store every worker counts alone (a limit of N is N per worker); a Redis store
  is shared. If Redis is unreachable the limiter falls back to memory and never fails a request.
  A refused request is `429` with `Retry-After` (JSON `too_many_requests` under /api).
* Lockout: every failed password check (console login, HTTP Basic) is a row in `login_failure`, so
  the count holds across workers and restarts. With `threshold` failures for one username in the last
  `minutes`, that username is refused (429, `Retry-After`) without checking the password until the
  window has passed; a successful login clears its failures. Unknown usernames are counted the same
  way, so a lockout does not reveal whether an account exists. The trade-off: anyone can lock a known
  username for `minutes`; the per-IP login limit slows that down.
* Headers on every response: `X-Content-Type-Options`, `Referrer-Policy`, `X-Frame-Options` and a CSP
  with `frame-ancestors 'none'`; `Strict-Transport-Security` when cookies are `Secure` (HTTPS). The
  console sets its own, stricter CSP (no inline script or style at all); the JSON API gets
  `default-src 'none'`; other HTML pages (API docs, reports, monitoring) may use inline styles and
  only the inline scripts that are written in the templates themselves (allowed by their sha256,
  computed from the template files at start, so a script injected through data would not run).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import logging
import re
import time
from pathlib import Path

from flask import Flask, current_app, g, render_template, request, session
from sqlalchemy import delete, func, select

from api import extensions
from api.errors import error_response
from api.models import LoginFailure, utcnow

log = logging.getLogger(__name__)

LIMITED_PREFIXES = ("/api/", "/open311/")
LOGIN_ENDPOINT = "console.login"
API_DIR = Path(__file__).parent
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)


def _setting(app: Flask, name: str) -> str:
    return str(app.config[name])


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8", "replace")).hexdigest()[:24]


# -- who is calling (for rate limits) ------------------------------------------------------------

def caller_key() -> str:
    """The rate-limit bucket of this request. Never contains a secret (keys and passwords are hashed)."""
    header = request.headers.get("Authorization", "")
    if header[:7].lower() == "bearer ":
        return "key:" + _digest(header[7:].strip())
    auth = request.authorization
    if auth is not None and auth.type == "basic":
        return "user:" + _normalise(auth.username or "")
    if request.path.startswith("/open311/") and request.values.get("api_key"):
        return "key:" + _digest(request.values["api_key"])
    user_id = session.get("user_id") if request.cookies else None
    if user_id is not None:
        return f"uid:{user_id}"
    return "ip:" + (request.remote_addr or "unknown")


def _login_username_key() -> str:
    return "login-user:" + _normalise(request.form.get("username", ""))


def _login_ip_key() -> str:
    return "login-ip:" + (request.remote_addr or "unknown")


def _normalise(username: str) -> str:
    return username.strip().lower()[:100]


# -- lockout -------------------------------------------------------------------------------------

def _password_attempt() -> tuple[str, str] | None:
    """(username, 'console'|'basic') when this request checks a password."""
    if request.endpoint == LOGIN_ENDPOINT and request.method == "POST":
        return _normalise(request.form.get("username", "")), "console"
    if request.path.startswith(LIMITED_PREFIXES) and not request.headers.get("Authorization", "")[:7].lower() == "bearer ":
        auth = request.authorization
        if auth is not None and auth.type == "basic":
            return _normalise(auth.username or ""), "basic"
    return None


def locked_until(s, username: str, threshold: int, minutes: int, now: dt.datetime | None = None) -> dt.datetime | None:
    """When the lock on `username` ends, or None if it is not locked."""
    now = now or utcnow()
    window = dt.timedelta(minutes=minutes)
    recent = list(s.scalars(select(LoginFailure.at).where(LoginFailure.username == username,
                                                         LoginFailure.at > now - window)
                            .order_by(LoginFailure.at.desc()).limit(threshold)))
    if len(recent) < threshold:
        return None
    return recent[-1] + window


def _lockout_params(app: Flask) -> tuple[int, int]:
    return int(_setting(app, "LOCKOUT_THRESHOLD")), int(_setting(app, "LOCKOUT_MINUTES"))


def _before_request():
    attempt = _password_attempt()
    if attempt is None:
        return None
    username, kind = attempt
    g.password_attempt = attempt
    threshold, minutes = _lockout_params(current_app)
    with extensions.sessionmaker()() as s:
        until = locked_until(s, username, threshold, minutes)
    if until is None:
        return None
    g.password_attempt = None  # refused before the password was looked at: not another failure
    retry = max(1, int((until - utcnow()).total_seconds()) + 1)
    log.warning("login refused: username locked after %d failed attempts (%s)", threshold, kind)
    headers = {"Retry-After": str(retry)}
    message = (f"too many failed logins for this username; try again in {retry // 60 + 1} minutes")
    if kind == "basic":
        return error_response(429, "account_locked", message, headers=headers)
    html = render_template("console/login.html", error=(
        f"Terlalu banyak percobaan masuk yang gagal untuk nama pengguna ini. Coba lagi dalam "
        f"{retry // 60 + 1} menit."))
    return html, 429, headers


def _after_request(resp):
    attempt = g.pop("password_attempt", None)
    if attempt is not None:
        username, kind = attempt
        failed = resp.status_code == 401
        succeeded = (resp.status_code == 302) if kind == "console" else resp.status_code < 400
        if failed or succeeded:
            try:
                with extensions.sessionmaker()() as s:
                    if failed:
                        s.add(LoginFailure(username=username, ip=(request.remote_addr or "")[:64]))
                        log.info("failed login recorded (%s)", kind)
                    else:
                        s.execute(delete(LoginFailure).where(LoginFailure.username == username))
                        if kind == "console":
                            purge_failures(s)
                    s.commit()
            except Exception:
                log.exception("could not record a login attempt")
    _headers(resp)
    return resp


def purge_failures(s, older_than: dt.timedelta = dt.timedelta(days=1)) -> int:
    """Delete failures older than `older_than` (called at each successful console login)."""
    res = s.execute(delete(LoginFailure).where(LoginFailure.at < utcnow() - older_than))
    return res.rowcount or 0


def failure_count(s, username: str) -> int:
    return s.scalar(select(func.count()).select_from(LoginFailure).where(LoginFailure.username == _normalise(username)))


# -- headers -------------------------------------------------------------------------------------

def template_script_hashes(root: Path = API_DIR) -> list[str]:
    """CSP sources for the inline scripts written in the templates (those without Jinja in them), in
    api/templates and in the feature packages' own templates folders."""
    out = set()
    for path in sorted(p for p in root.rglob("*.html") if "templates" in p.relative_to(root).parts):
        for body in _INLINE_SCRIPT.findall(path.read_text(encoding="utf-8")):
            if "{{" in body or "{%" in body:
                continue
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            out.add(f"'sha256-{digest}'")
    return sorted(out)


def _headers(resp) -> None:
    h = resp.headers
    h.setdefault("X-Content-Type-Options", "nosniff")
    h.setdefault("Referrer-Policy", "same-origin")
    h.setdefault("X-Frame-Options", "DENY")
    if "Content-Security-Policy" not in h:
        if resp.mimetype == "text/html":
            h["Content-Security-Policy"] = extensions.csp_html()
        else:
            h["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'none'"
    if current_app.config.get("SESSION_COOKIE_SECURE"):
        h.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")


# -- registration --------------------------------------------------------------------------------

def _limited_path() -> bool:
    return request.path.startswith(LIMITED_PREFIXES) and request.method != "OPTIONS"


def init_app(app: Flask) -> None:
    from flask_limiter import Limiter

    scripts = " ".join(template_script_hashes())
    app.extensions[extensions.CSP_HTML] = (
        f"default-src 'self'; script-src 'self' {scripts}; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")

    app.config.setdefault("RATELIMIT_ENABLED", app.config.get("RATE_LIMITS", True))
    # Flask-Limiter's headers would put a Retry-After on every response: only 429s get one (below).
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", False)
    app.config.setdefault("RATELIMIT_SWALLOW_ERRORS", True)  # a broken limiter store never fails a request
    app.config.setdefault("RATELIMIT_KEY_PREFIX", "triage")
    limiter = Limiter(
        caller_key,
        app=None,
        storage_uri=_setting(app, "RATE_LIMIT_STORAGE"),
        storage_options={"socket_connect_timeout": 1, "socket_timeout": 1}
        if _setting(app, "RATE_LIMIT_STORAGE").startswith("redis") else {},
        in_memory_fallback_enabled=True,
        application_limits=[lambda: _setting(current_app, "RATE_LIMIT_API")],
        application_limits_exempt_when=lambda: not _limited_path(),
        strategy="moving-window",
    )
    limiter.init_app(app)
    app.extensions[extensions.LIMITER] = limiter

    view = app.view_functions.get(LOGIN_ENDPOINT)
    if view is not None:
        view = limiter.limit(lambda: _setting(current_app, "RATE_LIMIT_LOGIN_USER"), key_func=_login_username_key,
                             methods=["POST"], scope="login-user")(view)
        view = limiter.limit(lambda: _setting(current_app, "RATE_LIMIT_LOGIN_IP"), key_func=_login_ip_key,
                             methods=["POST"], scope="login-ip")(view)
        app.view_functions[LOGIN_ENDPOINT] = view

    from flask_limiter.errors import RateLimitExceeded

    @app.errorhandler(RateLimitExceeded)
    def _too_many(e: RateLimitExceeded):
        current = limiter.current_limit
        retry = max(1, int(current.reset_at - time.time()) + 1) if current else 60
        headers = {"Retry-After": str(retry)}
        log.warning("rate limit %s exceeded on %s %s", e.description, request.method, request.path)
        if request.endpoint == LOGIN_ENDPOINT:
            html = render_template("console/login.html", error=(
                f"Terlalu banyak percobaan masuk. Coba lagi dalam {retry} detik."))
            return html, 429, headers
        return error_response(429, "too_many_requests", f"rate limit exceeded ({e.description}); "
                              f"retry after {retry} seconds", headers=headers)

    app.before_request(_before_request)
    app.after_request(_after_request)
