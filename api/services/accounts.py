"""API keys and user accounts (used by the CLI and the admin side)."""

from __future__ import annotations

import re

from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from werkzeug.security import generate_password_hash

from api.agencies.service import agency_by_code
from api.auth import hash_key, new_key
from api.models import ApiKey, ConsoleSession, User, utcnow
from api.services import logins
from api.services.errors import Conflict, Invalid, NotFound
from api.workflow import USER_ROLES, Role

MIN_PASSWORD = 8
USERNAME_MAX = 80  # user_account.username
_USERNAME = re.compile(r"[^:\s\x00-\x1f\x7f-\x9f]+")


def create_key(s: Session, name: str) -> tuple[ApiKey, str]:
    """A new key; the plain key is returned once and only its sha256 is stored."""
    if s.scalar(select(ApiKey).where(ApiKey.name == name)):
        raise Conflict(f"an API key named {name!r} exists", "duplicate_name")
    key, prefix = new_key()
    row = ApiKey(name=name, key_hash=hash_key(key), prefix=prefix)
    s.add(row)
    s.commit()
    return row, key


def list_keys(s: Session) -> list[ApiKey]:
    return list(s.scalars(select(ApiKey).order_by(ApiKey.name)))


def revoke_key(s: Session, name: str) -> ApiKey:
    row = s.scalar(select(ApiKey).where(ApiKey.name == name))
    if row is None:
        raise NotFound(f"no API key named {name!r}")
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        s.commit()
    return row


def create_user(s: Session, username: str, password: str, role: str, agency_code: str | None = None) -> User:
    if not 1 <= len(username) <= USERNAME_MAX or not _USERNAME.fullmatch(username):
        # ':' cannot be sent in HTTP Basic; control characters (NUL) cannot be stored or typed.
        raise Invalid(f"username must be 1..{USERNAME_MAX} characters, without ':', spaces or control characters")
    if role not in USER_ROLES:
        raise Invalid(f"role must be one of {', '.join(USER_ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise Invalid(f"password must have at least {MIN_PASSWORD} characters")
    agency = None
    if role == Role.AGENCY_OFFICER:
        if not agency_code:
            raise Invalid("an agency_officer needs --agency CODE")
        agency = agency_by_code(s, agency_code)
        if agency is None:
            raise Invalid(f"no agency {agency_code!r}")
    elif agency_code:
        raise Invalid("only agency_officer accounts belong to an agency")
    if s.scalar(select(User).where(User.username == username)):
        raise Conflict(f"user {username!r} exists", "duplicate_name")
    user = User(username=username, password_hash=generate_password_hash(password), role=role,
                agency_id=agency.id if agency else None)
    s.add(user)
    s.commit()
    return user


def list_users(s: Session) -> list[User]:
    return list(s.scalars(select(User).order_by(User.username)))


def deactivate_user(s: Session, username: str) -> User:
    """Deactivate the account and end its console sessions everywhere."""
    user = s.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFound(f"no user {username!r}")
    user.active = False
    s.execute(delete(ConsoleSession).where(ConsoleSession.user_id == user.id))
    s.commit()
    return user


def console_login(s: Session, username: str, password: str, *, ip: str, policy: logins.Policy) -> User | None:
    """The console's login: the user (and expired console sessions swept away), or None. Raises
    `logins.LockedOut` while the username or the address is locked."""
    user = logins.check_password(s, username, password, ip, policy, "console login")
    if user is not None:
        s.execute(delete(ConsoleSession).where(ConsoleSession.expires_at <= utcnow()))
        s.commit()
    return user


def authenticate(s: Session, username: str, password: str) -> User | None:
    """The active user with this username and password, or None (constant work; no lockout)."""
    return logins.verify_password(s, username, password)
