"""Authentication (API key, HTTP Basic, console session) and per-endpoint role checks.

One loader finds the caller (`principal_or_none`, `current`), and one decorator (`roles`) guards every
view: JSON views answer 401/403 as JSON errors, console pages redirect to the login page or show the
console's 403 page.

Every password is checked by `api.services.logins.check_password`, which refuses a locked username or
address (429) before looking at the password and records each failure and success itself, whichever
route the credential was sent to (/api, /open311, /metrics, /reports, /imports, /monitoring, ...).

Status codes: 401 means "these credentials are not valid" (wrong, unknown, revoked, or none), 403 means
"valid, but this role may not". A right password therefore gets 403 where a wrong one gets 401 on a
route the role may not use. Hiding that would not hide the answer: any account may read some route
(e.g. /api/v1/agencies), so a 200 there says the same. What stops guessing is that every check on every
route counts towards the same lockout, and that a locked username or address gets 429 for the right
password as for a wrong one.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import hmac
import logging
import secrets

from flask import abort, current_app, g, has_request_context, redirect, request, session, url_for
from sqlalchemy import bindparam, select, update
from sqlalchemy.exc import SQLAlchemyError

from api import db, extensions
from api.errors import ApiError
from api.models import ApiKey, User, utcnow
from api.principal import Principal
from api.raw_select import RawSelect
from api.services import logins
from api.workflow import Role

log = logging.getLogger(__name__)
KEY_PREFIX = "trg_"
CHALLENGE = {"WWW-Authenticate": 'Bearer realm="triage", Basic realm="triage"'}
# Writing last_used on every call would turn each read into a write; once a minute is enough.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def new_key() -> tuple[str, str]:
    """A new API key and its display prefix: `trg_<8 chars>_<secret>`."""
    prefix = KEY_PREFIX + secrets.token_hex(4)
    return f"{prefix}_{secrets.token_urlsafe(32)}", prefix


def _policy() -> logins.Policy:
    return logins.Policy.from_config(current_app.config)


def locked_error(exc: logins.LockedOut) -> ApiError:
    """The JSON answer to a locked username or address: 429 with Retry-After."""
    if exc.scope == "username":
        code, what = "account_locked", "this username"
    else:
        code, what = "address_locked", "this address"
    return ApiError(429, code, f"too many failed logins for {what}; try again in {exc.minutes} minutes",
                    headers={"Retry-After": str(exc.retry_after)})


def from_api_key(token: str) -> Principal:
    """The key's principal, or 401. A miss is counted against the caller's address (once per request:
    the rate limiter and the view may both ask)."""
    memo = g.setdefault("key_checks", {}) if has_request_context() else {}
    digest = hash_key(token)
    if digest not in memo:
        try:
            memo[digest] = _check_key(token, digest)
        except ApiError as exc:
            memo[digest] = exc
    if isinstance(memo[digest], ApiError):
        raise memo[digest]
    return memo[digest]


# Only the columns needed, read on a pooled DBAPI connection (api.raw_select) rather than the request's
# ORM session: this runs on every API request, and the ORM path cost ten times as much. A key is looked up
# on each request, never cached, so that revoking it takes effect at once in every worker.
_KEY_BY_HASH = RawSelect(select(ApiKey.id, ApiKey.name, ApiKey.key_hash, ApiKey.revoked_at, ApiKey.last_used_at)
                         .where(ApiKey.key_hash == bindparam("digest")))


def _check_key(token: str, digest: str) -> Principal:
    key = _KEY_BY_HASH.first(extensions.engine(), {"digest": digest})
    if key is None or key.revoked_at is not None or not hmac.compare_digest(key.key_hash, digest):
        try:
            with extensions.sessionmaker()() as ls:
                logins.key_failed(ls, request.remote_addr, _policy())
        except SQLAlchemyError:
            log.exception("could not record a failed API key")
        raise ApiError(401, "invalid_credentials", "unknown or revoked API key", headers=CHALLENGE)
    now = utcnow()
    if key.last_used_at is None or now - key.last_used_at > LAST_USED_RESOLUTION:
        try:
            with extensions.engine().begin() as conn:
                conn.execute(update(ApiKey).where(ApiKey.id == key.id).values(last_used_at=now))
        except SQLAlchemyError:  # bookkeeping only: a busy database must not refuse the request for it
            log.warning("could not record last use of API key %s", key.name)
    return Principal("key", key.id, key.name, Role.SYSTEM)


def _user_principal(user: User) -> Principal:
    return Principal("user", user.id, user.username, Role(user.role), user.agency_id)


def _from_basic(username: str, password: str) -> Principal:
    if "\x00" in username:  # cannot be a username, and PostgreSQL refuses to compare with it
        raise ApiError(400, "bad_request", "Authorization: the Basic username contains a NUL character",
                       [{"field": "Authorization", "code": "invalid_character",
                         "message": "the Basic username contains a NUL character"}], headers=CHALLENGE)
    with extensions.sessionmaker()() as s:
        try:
            user = logins.check_password(s, username, password, request.remote_addr, _policy(), "HTTP Basic")
        except logins.LockedOut as exc:
            raise locked_error(exc) from None
    if user is None:
        raise ApiError(401, "invalid_credentials", "wrong username or password", headers=CHALLENGE)
    return _user_principal(user)


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _in_console() -> bool:
    return "console" in request.blueprints


def _from_session() -> Principal | None:
    user_id = session.get("user_id")
    if user_id is None:
        return None
    user = db.session().get(User, user_id)
    if user is None or not user.active:
        session.clear()
        return None
    # Console forms carry Flask-WTF's form token (checked by CSRFProtect); JSON writes need the header.
    if request.method not in SAFE_METHODS and not _in_console():
        _check_csrf_header()
    return _user_principal(user)


def _check_csrf_header() -> None:
    """A write authenticated by the console cookie must carry the session's CSRF token (X-CSRFToken).

    JSON-only bodies and SameSite=Lax already stop cross-site forms; this also stops any same-site
    page or a browser quirk from writing with a logged-in verifier's cookie.
    """
    from flask_wtf.csrf import validate_csrf
    from wtforms.validators import ValidationError

    try:
        validate_csrf(request.headers.get("X-CSRFToken"))
    except ValidationError as exc:
        raise ApiError(403, "csrf_failed", f"a write with the console session cookie needs the X-CSRFToken "
                       f"header: {exc}") from None


def _authenticate() -> Principal | None:
    """The caller from the Authorization header, else the console session; None when neither is given.
    Console pages know only the session (a browser never sends a key there)."""
    if not _in_console():
        header = request.headers.get("Authorization", "")
        if header[:7].lower() == "bearer ":
            return from_api_key(header[7:].strip())
        if request.authorization is not None and request.authorization.type == "basic":
            auth = request.authorization
            return _from_basic(auth.username or "", auth.password or "")
        if header:
            raise ApiError(401, "invalid_credentials", "unsupported Authorization scheme", headers=CHALLENGE)
    return _from_session()


def principal_or_none() -> Principal | None:
    """The caller of this request (loaded once), or None without credentials; wrong ones raise 401."""
    if "principal" not in g:
        try:
            g.principal = _authenticate()
        except ApiError as exc:
            g.principal, g.principal_error = None, exc
    if g.get("principal_error") is not None:
        raise g.principal_error  # the same answer however often the caller is asked for
    return g.principal


def current() -> Principal:
    principal = principal_or_none()
    if principal is None:
        raise ApiError(401, "unauthorized", "authentication required: an API key (Bearer) or a user account",
                       headers=CHALLENGE)
    return principal


def roles(*allowed: str):
    """Authenticate the caller and require one of `allowed` roles.

    JSON views: 401 without credentials, 403 for another role, as JSON errors. Console pages: a redirect
    to the login page (back here afterwards), and the console's own 403 page."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            if _in_console():
                principal = principal_or_none()
                if principal is None:
                    nxt = request.full_path.rstrip("?") if request.method == "GET" else None
                    return redirect(url_for("console.login", next=nxt))
                if principal.role not in allowed:
                    abort(403)
                return view(*args, **kwargs)
            principal = current()
            if principal.role not in allowed:
                raise ApiError(403, "forbidden", f"role '{principal.role}' may not do this",
                               {"allowed_roles": [str(r) for r in allowed]})
            return view(*args, **kwargs)

        wrapper.roles = allowed
        return wrapper

    return decorate
