"""Password checks and the lockout: the one place that checks a password and records how it went.

Every password check (console login, HTTP Basic on any route) goes through `check_password`, and every
API-key check reports a miss through `key_failed`, so failures and successes are recorded where the
credential is checked, never guessed from a response's status code.

* A username with `threshold` failures in the last `minutes` is refused (`LockedOut`, 429) before its
  password is looked at, so during a lock the right and the wrong password get the same answer.
  Unknown usernames are counted the same way: a lock says nothing about whether an account exists.
* An address with `ip_threshold` failures in the window is refused every password check, whichever
  usernames it tries. That also bounds `login_failure`: an address writes at most `ip_threshold` rows
  per window, however many made-up usernames or keys it sends; rows older than a day are purged
  whenever one is written. Valid API keys are not refused (a key cannot be guessed, so there is nothing
  to protect, and a gateway behind the same address keeps working).
* An unknown or inactive user costs one password hash like a known one (constant work).

Addresses are `request.remote_addr`: behind a reverse proxy configure it to pass the client's address
(e.g. gunicorn's `--forwarded-allow-ips` with werkzeug's ProxyFix), or every caller shares one address.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from api.models import LoginFailure, User, utcnow

log = logging.getLogger(__name__)

# The username under which failed API keys are counted: Basic usernames cannot contain ':', and
# console usernames are looked up exactly, so no account can be locked through it.
KEY_FAILURE = ":api-key"
USERNAME_CHARS = 100  # login_failure.username
PURGE_AFTER = dt.timedelta(days=1)
@functools.cache
def _dummy_hash() -> str:
    """Checked when the username is unknown, so that a wrong name costs as long as a wrong password.
    Made at first use, not at import: a hash costs about 0.1 s of every worker's start."""
    return generate_password_hash("not-a-password")


@dataclass(frozen=True)
class Policy:
    threshold: int  # failures that lock a username
    ip_threshold: int  # failures that lock an address
    minutes: int  # the window, and how long a lock lasts

    @classmethod
    def from_config(cls, config) -> Policy:
        return cls(int(config["LOCKOUT_THRESHOLD"]), int(config["LOCKOUT_IP_THRESHOLD"]),
                   int(config["LOCKOUT_MINUTES"]))


class LockedOut(Exception):
    """Refused before the password was checked; `scope` is "username" or "address"."""

    def __init__(self, scope: str, retry_after: int, threshold: int):
        super().__init__(f"{scope} locked for {retry_after} s")
        self.scope, self.retry_after, self.threshold = scope, retry_after, threshold

    @property
    def minutes(self) -> int:
        return self.retry_after // 60 + 1


def normalise(username: str) -> str:
    """The username as counted (NUL removed: PostgreSQL cannot store it)."""
    return username.replace("\x00", "").strip().lower()[:USERNAME_CHARS]


def verify_password(s: Session, username: str, password: str) -> User | None:
    """The active user with this username and password, or None; the same work whether or not the
    account exists or is active."""
    # No account has a NUL in its name (and PostgreSQL refuses to compare with one): not looked up.
    user = None if "\x00" in username else s.scalar(select(User).where(User.username == username))
    if user is None:
        check_password_hash(_dummy_hash(), password)
        return None
    if not check_password_hash(user.password_hash, password) or not user.active:
        return None
    return user


def _lock_end(s: Session, column, value: str, threshold: int, window: dt.timedelta, now: dt.datetime):
    """(when the lock ends or None, whether there are failures on record at all)."""
    latest = list(s.scalars(select(LoginFailure.at).where(column == value)
                            .order_by(LoginFailure.at.desc()).limit(threshold)))
    recent = [at for at in latest if at > now - window]
    if len(recent) < threshold:
        return None, bool(latest)
    return recent[-1] + window, True


def refuse_if_locked(s: Session, username: str | None, ip: str, policy: Policy) -> bool:
    """Raise `LockedOut` if the address or the username is locked; else whether the username has
    failures on record (to be cleared by a success)."""
    now, window = utcnow(), dt.timedelta(minutes=policy.minutes)
    until, _ = _lock_end(s, LoginFailure.ip, ip, policy.ip_threshold, window, now)
    scope, threshold, failures = "address", policy.ip_threshold, False
    if until is None and username is not None:
        until, failures = _lock_end(s, LoginFailure.username, username, policy.threshold, window, now)
        scope, threshold = "username", policy.threshold
    if until is None:
        return failures
    log.warning("password check refused: %s locked after %d failed attempts", scope, threshold)
    raise LockedOut(scope, max(1, int((until - now).total_seconds()) + 1), threshold)


def record_failure(s: Session, username: str, ip: str, kind: str) -> None:
    s.add(LoginFailure(username=username[:USERNAME_CHARS], ip=ip))
    s.execute(delete(LoginFailure).where(LoginFailure.at < utcnow() - PURGE_AFTER))
    s.commit()
    log.info("failed %s recorded", kind)


def record_success(s: Session, username: str) -> None:
    s.execute(delete(LoginFailure).where(LoginFailure.username == username))
    s.commit()


def check_password(s: Session, username: str, password: str, ip: str, policy: Policy, kind: str) -> User | None:
    """The user if the password is right; None (a failure recorded) if not. Raises `LockedOut` without
    checking anything while the username or the address is locked."""
    name = normalise(username)
    failures = refuse_if_locked(s, name, _ip(ip), policy)
    user = verify_password(s, username, password)
    if user is None:
        record_failure(s, name, _ip(ip), kind)
    elif failures:
        record_success(s, name)  # only when there is something to clear: no write per request
    return user


def key_failed(s: Session, ip: str, policy: Policy) -> None:
    """A wrong API key: counted against the address (until it is locked, so the rows stay bounded)."""
    try:
        refuse_if_locked(s, None, _ip(ip), policy)
    except LockedOut:
        return
    record_failure(s, KEY_FAILURE, _ip(ip), "API key")


def _ip(ip: str | None) -> str:
    return (ip or "unknown")[:64]
