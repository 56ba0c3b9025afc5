"""Authentication (API key, HTTP Basic, console session) and per-endpoint role checks."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import hmac
import logging
import secrets

from flask import g, request, session
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.security import check_password_hash

from api import db
from api.errors import ApiError
from api.models import ApiKey, User, utcnow
from api.principal import SYSTEM, Principal

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


def _from_key(token: str) -> Principal:
    s = db.session()
    key = s.scalar(select(ApiKey).where(ApiKey.key_hash == hash_key(token)))
    if key is None or key.revoked_at is not None or not hmac.compare_digest(key.key_hash, hash_key(token)):
        raise ApiError(401, "invalid_credentials", "unknown or revoked API key", headers=CHALLENGE)
    now = utcnow()
    if key.last_used_at is None or now - key.last_used_at > LAST_USED_RESOLUTION:
        key.last_used_at = now
        try:
            s.commit()
        except SQLAlchemyError:
            s.rollback()  # bookkeeping only: a busy database must not refuse the request for it
            log.warning("could not record last use of API key %s", key.name)
    return Principal("key", key.id, key.name, SYSTEM)


def _user_principal(user: User) -> Principal:
    return Principal("user", user.id, user.username, user.role, user.agency_id)


def _from_basic(username: str, password: str) -> Principal:
    user = db.session().scalar(select(User).where(User.username == username))
    if user is None or not user.active or not check_password_hash(user.password_hash, password):
        raise ApiError(401, "invalid_credentials", "wrong username or password", headers=CHALLENGE)
    return _user_principal(user)


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _from_session() -> Principal | None:
    user_id = session.get("user_id")
    if user_id is None:
        return None
    user = db.session().get(User, user_id)
    if user is None or not user.active:
        session.clear()
        return None
    if request.method not in SAFE_METHODS:
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


def authenticate() -> Principal:
    header = request.headers.get("Authorization", "")
    if header[:7].lower() == "bearer ":
        return _from_key(header[7:].strip())
    if request.authorization is not None and request.authorization.type == "basic":
        auth = request.authorization
        return _from_basic(auth.username or "", auth.password or "")
    if header:
        raise ApiError(401, "invalid_credentials", "unsupported Authorization scheme", headers=CHALLENGE)
    principal = _from_session()
    if principal is None:
        raise ApiError(401, "unauthorized", "authentication required: an API key (Bearer) or a user account",
                       headers=CHALLENGE)
    return principal


def current() -> Principal:
    if "principal" not in g:
        g.principal = authenticate()
    return g.principal


def roles(*allowed: str):
    """Authenticate the caller and require one of `allowed` roles (403 otherwise)."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            principal = current()
            if principal.role not in allowed:
                raise ApiError(403, "forbidden", f"role {principal.role!r} may not do this",
                               {"allowed_roles": list(allowed)})
            return view(*args, **kwargs)

        wrapper.roles = allowed
        return wrapper

    return decorate
