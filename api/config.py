"""All service configuration, read from the environment in one place.

Every setting has an embedded default so that `triage serve` works on a fresh machine.
Values that are secrets (the Flask secret key) are never logged or shown by `describe()`.
"""

from __future__ import annotations

import datetime as dt
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
        "TIMEZONE": env.get("TRIAGE_TIMEZONE") or "Asia/Jakarta",
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
    }


PUBLIC_KEYS = ("DATABASE_URL", "MODEL_PATH", "MODELS_DIR", "BATCH_LIMIT", "MAX_TEXT_CHARS", "TIMEZONE")


def describe(config) -> dict:
    """Settings safe to log: no secret key, and no password inside the database URL."""
    from sqlalchemy.engine import make_url

    out = {k: config.get(k) for k in PUBLIC_KEYS}
    out["DATABASE_URL"] = make_url(out["DATABASE_URL"]).render_as_string(hide_password=True)
    return out
