"""Server-side sessions for the console (and the API's cookie auth, which reads the same `session`).

Flask's default session is the data itself, signed, in the cookie: it cannot be revoked and it
outlives a logout if someone kept a copy. Here the cookie holds only a random id (32 bytes); the
`console_session` table keeps its sha256 (a database dump reveals no usable cookie) and the data.
Logout and deactivating a user end the session on the server. Sessions expire after
`CONSOLE_IDLE_MINUTES` without a request and `CONSOLE_MAX_HOURS` after login; anonymous sessions
(the login page's CSRF token) after an hour. Expired rows are purged at each login.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets

from flask import Flask
from flask.sessions import SessionInterface, SessionMixin
from sqlalchemy import delete
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.datastructures import CallbackDict

from api import extensions
from api.models import ConsoleSession, utcnow

log = logging.getLogger(__name__)
# Refreshing last_seen on every request would turn each page view into a write.
TOUCH_EVERY = dt.timedelta(minutes=1)
ANONYMOUS_LIFETIME = dt.timedelta(hours=1)


def _digest(sid: str) -> str:
    return hashlib.sha256(sid.encode()).hexdigest()


class ServerSession(CallbackDict, SessionMixin):
    def __init__(self, initial=None, sid: str | None = None, created_at=None, last_seen_at=None):
        def on_update(_self):
            _self.modified = True

        super().__init__(initial or {}, on_update)
        self.sid = sid
        self.created_at = created_at
        self.last_seen_at = last_seen_at
        self.modified = False
        self.rotate = False

    def regenerate(self) -> None:
        """Issue a new id at the next response (call at login: no session fixation)."""
        self.rotate = True
        self.modified = True


class ServerSessionInterface(SessionInterface):
    def _maker(self, app: Flask):
        return extensions.sessionmaker(app)

    def _limits(self, app: Flask) -> tuple[dt.timedelta, dt.timedelta]:
        return (dt.timedelta(minutes=app.config.get("CONSOLE_IDLE_MINUTES", 8 * 60)),
                dt.timedelta(hours=app.config.get("CONSOLE_MAX_HOURS", 12)))

    def open_session(self, app: Flask, request) -> ServerSession:
        sid = request.cookies.get(self.get_cookie_name(app))
        if not sid or len(sid) > 100:
            return ServerSession()
        try:
            with self._maker(app)() as s:
                row = s.get(ConsoleSession, _digest(sid))
        except SQLAlchemyError:
            log.warning("session store unreachable; treating the request as logged out")
            return ServerSession()
        if row is None or row.expires_at <= utcnow():
            return ServerSession()
        return ServerSession(dict(row.data or {}), sid=sid, created_at=row.created_at, last_seen_at=row.last_seen_at)

    def _expiry(self, app: Flask, session: ServerSession, now: dt.datetime) -> dt.datetime:
        if session.get("user_id") is None:
            return now + ANONYMOUS_LIFETIME
        idle, absolute = self._limits(app)
        return min(now + idle, (session.created_at or now) + absolute)

    def save_session(self, app: Flask, session: ServerSession, response) -> None:
        name = self.get_cookie_name(app)
        domain, path = self.get_cookie_domain(app), self.get_cookie_path(app)
        now = utcnow()
        with self._maker(app)() as s:
            if session.sid and (session.rotate or not session):
                s.execute(delete(ConsoleSession).where(ConsoleSession.id == _digest(session.sid)))
                s.commit()
                if not session:
                    response.delete_cookie(name, domain=domain, path=path)
                    return
                session.sid = None
            if not session:
                return  # nothing to keep (an API call, or a page without a form)
            if session.sid is None:
                session.sid = secrets.token_urlsafe(32)
                session.created_at = now
                s.add(ConsoleSession(id=_digest(session.sid), user_id=session.get("user_id"), data=dict(session),
                                     created_at=now, last_seen_at=now, expires_at=self._expiry(app, session, now)))
            elif session.modified or now - (session.last_seen_at or now) > TOUCH_EVERY:
                row = s.get(ConsoleSession, _digest(session.sid))
                if row is None:  # logged out elsewhere meanwhile
                    response.delete_cookie(name, domain=domain, path=path)
                    return
                row.data, row.user_id = dict(session), session.get("user_id")
                row.last_seen_at, row.expires_at = now, self._expiry(app, session, now)
            else:
                return
            s.commit()
        response.set_cookie(name, session.sid, httponly=self.get_cookie_httponly(app),
                            secure=self.get_cookie_secure(app), samesite=self.get_cookie_samesite(app),
                            domain=domain, path=path)
        response.vary.add("Cookie")
