"""Hardening that wraps the whole app: security headers, rate limits, and the answer to a lockout.

Registered by `create_app` with `security.init_app(app)`. Settings come from `api.config` (`RATE_LIMIT_*`,
`LOCKOUT_*`; tests override the Flask config keys of the same name).

* Rate limits use Flask-Limiter, on every route outside the console (which has its own login limits):
  /api, /open311, /metrics, /healthz, /reports, /imports, /monitoring. The bucket is the *verified*
  caller (API key or user id, whichever way it authenticated); a caller whose credentials are missing or
  wrong is counted by its address, so made-up keys or usernames do not each get a fresh bucket.
  With the in-memory store every worker counts alone (a limit of N is N per worker); a Redis store
  is shared. If Redis is unreachable the limiter falls back to memory and never fails a request.
  A refused request is `429` with `Retry-After` (JSON `too_many_requests` outside the console).
* Lockout: `api.services.logins` checks every password and records the outcome where it checks it
  (per username and per address, in `login_failure`, shared by all workers). Here a `LockedOut`
  raised by the console login becomes the login page with 429 and `Retry-After`; HTTP Basic answers
  JSON 429 (`api.auth.locked_error`).
* Headers on every response: `X-Content-Type-Options`, `Referrer-Policy`, `X-Frame-Options` and a CSP
  with `frame-ancestors 'none'`; `Strict-Transport-Security` when cookies are `Secure` (HTTPS). The
  console sets its own, stricter CSP (no inline script or style at all); the JSON API gets
  `default-src 'none'`; other HTML pages (API docs, reports, monitoring) may use inline styles and
  only the inline scripts that are written in the templates themselves (allowed by their sha256,
  computed from the template files at start, so a script injected through data would not run).
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
import time
from pathlib import Path

from flask import Flask, current_app, render_template, request

from api import extensions
from api.errors import ApiError, error_response
from api.services import logins

log = logging.getLogger(__name__)

LOGIN_ENDPOINT = "console.login"
API_DIR = Path(__file__).parent
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)


def _setting(app: Flask, name: str) -> str:
    return str(app.config[name])


# -- who is calling (for rate limits) ------------------------------------------------------------

def _address() -> str:
    return request.remote_addr or "unknown"


def caller_key() -> str:
    """The rate-limit bucket of this request: the verified caller, else its address. Never a secret.

    Authenticating here (once per request: `auth` keeps the result) means the password or key is
    checked, and a failure recorded, before the limiter counts the request."""
    from api import auth

    try:
        principal = auth.principal_or_none()
    except ApiError:
        principal = None
    if principal is None and request.path.startswith("/open311/") and request.values.get("api_key"):
        try:
            principal = auth.from_api_key(request.values["api_key"].strip())  # Open311's way of passing a key
        except ApiError:
            principal = None
    if principal is not None:
        return f"{principal.kind}:{principal.id}"
    return "ip:" + _address()


def _login_username_key() -> str:
    return "login-user:" + logins.normalise(request.form.get("username", ""))


def _login_ip_key() -> str:
    return "login-ip:" + _address()


def _locked_out(exc: logins.LockedOut):
    """A locked username or address: the console's login page, or the API's JSON error."""
    from api.auth import locked_error

    if request.endpoint != LOGIN_ENDPOINT:
        e = locked_error(exc)
        return error_response(e.status, e.code, e.message, headers=e.headers)
    what = "nama pengguna ini" if exc.scope == "username" else "alamat ini"
    html = render_template("console/login.html", error=(
        f"Terlalu banyak percobaan masuk yang gagal untuk {what}. Coba lagi dalam {exc.minutes} menit."))
    return html, 429, {"Retry-After": str(exc.retry_after)}


def _after_request(resp):
    _headers(resp)
    return resp


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
    """Every route that accepts an API key or HTTP Basic: all but the console (and its static files)."""
    return request.method != "OPTIONS" and "console" not in request.blueprints and request.endpoint != "static"


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

    app.register_error_handler(logins.LockedOut, _locked_out)
    app.after_request(_after_request)
