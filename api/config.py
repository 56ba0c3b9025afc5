"""All service configuration, read from the environment in one place.

Every setting has an embedded default so that `triage serve` works on a fresh machine.
Values that are secrets (the Flask secret key) are never logged or shown by `describe()`.
Processes without a Flask app (the CLI, the job worker, `training/`'s export) call `settings()`.

| variable | default | meaning |
|---|---|---|
| `TRIAGE_INSTANCE_PATH` | Flask's `instance/` | SQLite database, secret key, duplicate index |
| `TRIAGE_DATABASE_URL` | SQLite in the instance folder | e.g. `postgresql+psycopg2://user@host/db` |
| `TRIAGE_MODELS_DIR`, `TRIAGE_MODEL` | `models`, `models/default` | bundles; the model served without a registry |
| `TRIAGE_MODEL_CHECK_SECONDS` | `5` | how often each process checks the registry's active model |
| `TRIAGE_BLAS_THREADS` | `1` | BLAS threads per serving process (triage.threads: small products, one thread each; 0 = the library's default) |
| `TRIAGE_RATE_LIMIT_API` | `1200/minute;60/second` | per verified caller (else per address) on every route but the console |
| `TRIAGE_RATE_LIMIT_LOGIN_IP`, `TRIAGE_RATE_LIMIT_LOGIN_USER` | `30/minute`, `10/minute` | console logins |
| `TRIAGE_RATE_LIMIT_STORAGE` | `memory://` | `redis://127.0.0.1:6379/1` to share counters between workers |
| `TRIAGE_LOCKOUT_THRESHOLD`, `TRIAGE_LOCKOUT_MINUTES` | `5`, `15` | failed password checks that lock a username |
| `TRIAGE_LOCKOUT_IP_THRESHOLD` | `50` | failed password or key checks from one address that lock the address |
| `TRIAGE_REDIS_URL`, `TRIAGE_JOBS_QUEUE`, `TRIAGE_JOB_LEASE_SECONDS` | `redis://127.0.0.1:6379/0`, `triage`, `60` | jobs |
| `TRIAGE_HOAX_REVIEW_THRESHOLD` | `0.5` | hoax probability that puts a report on the review list |
| `TRIAGE_LEARNING` | unset | `on`/`off` forces learning from decisions; unset: the admin's switch (default on) |
| `TRIAGE_LEARNING_CHECK_SECONDS` | `2` | how often each process takes in new decisions |
| `TRIAGE_LEARNING_SETTINGS` | `{}` | JSON overrides of `triage.learning.settings.LearningSettings` |
| `TRIAGE_OFFICE_NAME`, `TRIAGE_OFFICE_SHORT_NAME` | stored by `triage setup` | the office's identity (api.office) |
| `TRIAGE_OFFICE_UNIT`, `TRIAGE_OFFICE_CONTACT`, `TRIAGE_OFFICE_EMAIL` | stored | Diskominfo unit, contact, e-mail |
| `TRIAGE_REPORT_ISSUER` (or `REPORT_ISSUER`) | stored | who issues the reports (letterhead, signature) |
| `TRIAGE_TIMEZONE` | stored, else `Asia/Jakarta` | the office's clock (deadlines, reports) |
| `TRIAGE_OPEN311_JURISDICTION_ID`, `TRIAGE_OPEN311_CONTACT` | `triage`, the office | GeoReport v2 jurisdiction and contact |
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
from pathlib import Path

# Limits are part of the public contract: the OpenAPI document is built from them.
DEFAULT_BATCH_LIMIT = 64
DEFAULT_MAX_TEXT_CHARS = 20_000
DEFAULT_MAX_TITLE_CHARS = 300
DEFAULT_MAX_CONTENT_LENGTH = 8 * 1024 * 1024


def _int(env: dict, name: str, default: int) -> int:
    raw = env.get(name)
    if raw in (None, ""):
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be an integer, got {raw!r}") from exc


def _bool(env: dict, name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw in (None, ""):
        return default
    return raw.strip().lower() in ("1", "true", "yes", "on")


def parse_holidays(raw: str | None) -> list[dt.date]:
    """TRIAGE_HOLIDAYS: extra non-working dates (e.g. cuti bersama), comma or space separated ISO dates."""
    if not raw:
        return []
    out = []
    for part in raw.replace(",", " ").split():
        try:
            out.append(dt.date.fromisoformat(part))
        except ValueError as exc:
            raise ValueError(f"TRIAGE_HOLIDAYS: {part!r} is not a YYYY-MM-DD date") from exc
    return out


def secret_key(instance_path: str | os.PathLike, env: dict) -> str:
    """TRIAGE_SECRET_KEY, or a key generated once and kept in the instance folder (mode 0600)."""
    if env.get("TRIAGE_SECRET_KEY"):
        return env["TRIAGE_SECRET_KEY"]
    path = Path(instance_path) / "secret_key"
    if path.exists():
        return path.read_text().strip()
    key = secrets.token_hex(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(key)
    return key


def _float(env: dict, name: str, default: float) -> float:
    raw = env.get(name)
    if raw in (None, ""):
        return default
    try:
        return float(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be a number, got {raw!r}") from exc


def _switch(env: dict, name: str) -> bool | None:
    """on/off, or None when unset (then the value stored by an admin decides)."""
    raw = (env.get(name) or "").strip().lower()
    if not raw:
        return None
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"{name} must be on or off, got {raw!r}")


def _json(env: dict, name: str) -> dict:
    raw = env.get(name)
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be a JSON object, got {raw!r}") from exc
    if not isinstance(value, dict):
        raise ValueError(f"{name} must be a JSON object, got {raw!r}")
    return value


# Environment variables that override the office identity stored by `triage setup` (api.office).
OFFICE_ENV = {
    "name": ("TRIAGE_OFFICE_NAME",),
    "short_name": ("TRIAGE_OFFICE_SHORT_NAME",),
    "unit": ("TRIAGE_OFFICE_UNIT",),
    "issuer": ("TRIAGE_REPORT_ISSUER", "REPORT_ISSUER"),
    "timezone": ("TRIAGE_TIMEZONE",),
    "contact": ("TRIAGE_OFFICE_CONTACT",),
    "email": ("TRIAGE_OFFICE_EMAIL",),
}
DEFAULT_TIMEZONE = "Asia/Jakarta"


def office_overrides(env: dict | None = None) -> dict[str, tuple[str, str]]:
    """{field: (variable, value)} for each office field set in the environment (non-empty)."""
    env = os.environ if env is None else env
    out = {}
    for field, names in OFFICE_ENV.items():
        for name in names:
            value = (env.get(name) or "").strip()
            if value:
                out[field] = (name, value)
                break
    return out


def instance_path(env: dict | None = None) -> str:
    """TRIAGE_INSTANCE_PATH, or the instance folder Flask would use for the `api` package."""
    env = os.environ if env is None else env
    path = env.get("TRIAGE_INSTANCE_PATH")
    if not path:
        from flask import Flask

        path = Flask("api").instance_path
    os.makedirs(path, exist_ok=True)
    return path


def settings(env: dict | None = None) -> dict:
    """The configuration of a process that has no Flask app (CLI, job worker, exports)."""
    return from_env(instance_path(env), env)


def from_env(instance_path: str | os.PathLike, env: dict | None = None) -> dict:
    """Flask config mapping built from TRIAGE_* environment variables."""
    env = dict(os.environ if env is None else env)
    instance_path = Path(instance_path)
    models_dir = env.get("TRIAGE_MODELS_DIR") or "models"
    db_url = env.get("TRIAGE_DATABASE_URL") or f"sqlite:///{instance_path / 'triage.db'}"
    batch_limit = _int(env, "TRIAGE_BATCH_LIMIT", DEFAULT_BATCH_LIMIT)
    max_text = _int(env, "TRIAGE_MAX_TEXT_CHARS", DEFAULT_MAX_TEXT_CHARS)
    return {
        "DATABASE_URL": db_url,
        # SQLite is migrated on start (the zero-setup default); other databases by `triage db upgrade`.
        "AUTO_MIGRATE": _bool(env, "TRIAGE_AUTO_MIGRATE", db_url.startswith("sqlite")),
        "MODELS_DIR": models_dir,
        "MODEL_PATH": env.get("TRIAGE_MODEL") or os.path.join(models_dir, "default"),
        "HOLIDAYS": parse_holidays(env.get("TRIAGE_HOLIDAYS")),
        # The stored office timezone replaces the default when the app starts (api.office.apply_timezone).
        "TIMEZONE": env.get("TRIAGE_TIMEZONE") or DEFAULT_TIMEZONE,
        "OFFICE_OVERRIDES": office_overrides(env),
        "VERIFY_DAYS": _int(env, "TRIAGE_VERIFY_DAYS", 3),
        "BATCH_LIMIT": batch_limit,
        "MAX_TEXT_CHARS": max_text,
        "MAX_TITLE_CHARS": DEFAULT_MAX_TITLE_CHARS,
        "MAX_CONTENT_LENGTH": _int(env, "TRIAGE_MAX_CONTENT_LENGTH", DEFAULT_MAX_CONTENT_LENGTH),
        "PAGE_SIZE_MAX": 200,
        "RETRY_AFTER_SECONDS": 5,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": _bool(env, "TRIAGE_SECURE_COOKIES", False),
        "MODEL_CHECK_SECONDS": _float(env, "TRIAGE_MODEL_CHECK_SECONDS", 5.0),
        "RATE_LIMIT_API": env.get("TRIAGE_RATE_LIMIT_API") or "1200/minute;60/second",
        "BLAS_THREADS": int(env.get("TRIAGE_BLAS_THREADS") or 1),
        "RATE_LIMIT_LOGIN_IP": env.get("TRIAGE_RATE_LIMIT_LOGIN_IP") or "30/minute",
        "RATE_LIMIT_LOGIN_USER": env.get("TRIAGE_RATE_LIMIT_LOGIN_USER") or "10/minute",
        "RATE_LIMIT_STORAGE": env.get("TRIAGE_RATE_LIMIT_STORAGE") or "memory://",
        "LOCKOUT_THRESHOLD": _int(env, "TRIAGE_LOCKOUT_THRESHOLD", 5),
        "LOCKOUT_MINUTES": _int(env, "TRIAGE_LOCKOUT_MINUTES", 15),
        "LOCKOUT_IP_THRESHOLD": _int(env, "TRIAGE_LOCKOUT_IP_THRESHOLD", 50),
        "REDIS_URL": env.get("TRIAGE_REDIS_URL") or "redis://127.0.0.1:6379/0",
        "JOBS_QUEUE": env.get("TRIAGE_JOBS_QUEUE") or "triage",
        "JOB_LEASE_SECONDS": _float(env, "TRIAGE_JOB_LEASE_SECONDS", 60.0),
        "HOAX_REVIEW_THRESHOLD": _float(env, "TRIAGE_HOAX_REVIEW_THRESHOLD", 0.5),
        "LEARNING": _switch(env, "TRIAGE_LEARNING"),
        "LEARNING_CHECK_SECONDS": _float(env, "TRIAGE_LEARNING_CHECK_SECONDS", 2.0),
        "LEARNING_SETTINGS": _json(env, "TRIAGE_LEARNING_SETTINGS"),
        "OPEN311_JURISDICTION_ID": env.get("TRIAGE_OPEN311_JURISDICTION_ID") or "triage",
        "OPEN311_CONTACT": env.get("TRIAGE_OPEN311_CONTACT") or "",
    }


PUBLIC_KEYS = ("DATABASE_URL", "MODEL_PATH", "MODELS_DIR", "BATCH_LIMIT", "MAX_TEXT_CHARS", "TIMEZONE", "REDIS_URL")


def describe(config) -> dict:
    """Settings safe to log: no secret key, and no password inside the database URL."""
    from sqlalchemy.engine import make_url

    out = {k: config.get(k) for k in PUBLIC_KEYS}
    out["DATABASE_URL"] = make_url(out["DATABASE_URL"]).render_as_string(hide_password=True)
    if out.get("REDIS_URL") and "@" in out["REDIS_URL"]:  # redis://:password@host
        scheme, _, rest = out["REDIS_URL"].partition("://")
        out["REDIS_URL"] = f"{scheme}://***@{rest.rsplit('@', 1)[1]}"
    return out
