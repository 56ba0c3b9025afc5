"""Authentication (API key, HTTP Basic, console session) and per-endpoint role checks.

One loader finds the caller (`principal_or_none`, `current`), and one decorator (`roles`) guards every
view: JSON views answer 401/403 as JSON errors, console pages redirect to the login page or show the
console's 403 page.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import hmac
import logging
import secrets

from flask import abort, g, redirect, request, session, url_for
from sqlalchemy import select, update
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.security import check_password_hash

from api import db
from api.errors import ApiError
from api.models import ApiKey, User, utcnow
from api.principal import Principal
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


def from_api_key(token: str) -> Principal:
    s = db.session()
    digest = hash_key(token)
    # Only the columns needed, not an ORM object: this runs on every API request (issue 16).
    key = s.execute(select(ApiKey.id, ApiKey.name, ApiKey.key_hash, ApiKey.revoked_at, ApiKey.last_used_at)
                    .where(ApiKey.key_hash == digest)).first()
    if key is None or key.revoked_at is not None or not hmac.compare_digest(key.key_hash, digest):
        raise ApiError(401, "invalid_credentials", "unknown or revoked API key", headers=CHALLENGE)
    now = utcnow()
    if key.last_used_at is None or now - key.last_used_at > LAST_USED_RESOLUTION:
        try:
            s.execute(update(ApiKey).where(ApiKey.id == key.id).values(last_used_at=now))
            s.commit()
        except SQLAlchemyError:
            s.rollback()  # bookkeeping only: a busy database must not refuse the request for it
            log.warning("could not record last use of API key %s", key.name)
    return Principal("key", key.id, key.name, Role.SYSTEM)


def _user_principal(user: User) -> Principal:
    return Principal("user", user.id, user.username, Role(user.role), user.agency_id)


def _from_basic(username: str, password: str) -> Principal:
    user = db.session().scalar(select(User).where(User.username == username))
    if user is None or not user.active or not check_password_hash(user.password_hash, password):
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
        g.principal = _authenticate()
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
