"""Credentials never reach the logs: access-log lines lose the values of `api_key=`, `token=`,
`password=` and the like.

Open311 passes its key as `?api_key=` (GeoReport v2), so the request line the dev server (werkzeug) and
gunicorn write for every request would keep it in full. `install()` puts a filter on their access
loggers (`werkzeug`, `gunicorn.access`, `gunicorn.error`), called by `create_app`, so it holds in the
dev server and in every gunicorn worker alike. Parameter names are compared after percent-decoding
(`api%5Fkey=` is `api_key=` to the server).
"""

from __future__ import annotations

import logging
import re
from urllib.parse import unquote_plus

SENSITIVE = frozenset({"api_key", "apikey", "key", "token", "access_token", "refresh_token", "auth",
                       "password", "passwd", "pass", "secret", "client_secret", "session", "csrf_token"})
REDACTED = "[REDACTED]"
LOGGERS = ("werkzeug", "gunicorn.access", "gunicorn.error")
# name=value after ? & or ; (a query string, also inside a quoted request line or Referer)
_PARAM = re.compile(r"(?P<lead>[?&;])(?P<name>[^=&;?\s\"']+)=(?P<value>[^&;\s\"']*)")


def _normalised(name: str) -> str:
    return unquote_plus(name).strip().lower().replace("-", "_")


def redact(text: str) -> str:
    """`text` with the value of every sensitive query parameter replaced by [REDACTED]."""
    if "=" not in text:
        return text

    def sub(m: re.Match) -> str:
        if _normalised(m["name"]) in SENSITIVE and m["value"]:
            return f"{m['lead']}{m['name']}={REDACTED}"
        return m.group(0)

    return _PARAM.sub(sub, text)


class RedactCredentials(logging.Filter):
    """Rewrites a record's message when it holds a credential; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string is not ours to fix here
            return True
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        return True


_FILTER = RedactCredentials()


def install(names: tuple[str, ...] = LOGGERS) -> None:
    """Put the filter on the access loggers (once each)."""
    for name in names:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
