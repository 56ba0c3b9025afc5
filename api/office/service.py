"""The office identity: one function, `identity(session)`, that every page, report and text reads.

Precedence per field: environment variable (api.config.OFFICE_ENV) > value stored by `triage setup` or
the console > value derived from the name > the demo kabupaten's. Unit and issuer are derived from the
short name when not given, so renaming the office renames them too.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from pydantic import ValidationError
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from api.config import DEFAULT_TIMEZONE
from api.models import StoredSetting
from api.office.schemas import OfficeSettings
from api.services import settings as stored_settings
from api.services.errors import Invalid

log = logging.getLogger(__name__)

SETTING_KEY = "office"
# The fictional kabupaten of the shipped sample data: what a fresh instance shows until setup.
DEMO = OfficeSettings(name="Pemerintah Kabupaten Sukamaju Raya", short_name="Kabupaten Sukamaju Raya")
FIELDS = ("name", "short_name", "timezone", "unit", "issuer", "contact", "email")


@dataclass(frozen=True)
class OfficeIdentity:
    name: str                 # "Pemerintah Kabupaten Contoh"
    short_name: str           # "Kabupaten Contoh"
    timezone: str             # IANA name, e.g. Asia/Jakarta
    unit: str                 # "Diskominfo Kabupaten Contoh": the unit that runs the console
    issuer: str               # "Dinas Komunikasi dan Informatika Kabupaten Contoh": reports, clarifications
    contact: str | None = None
    email: str | None = None
    demo: bool = False        # nothing set up: the shipped demo kabupaten
    overridden: dict[str, str] = field(default_factory=dict)  # field -> environment variable that set it
    updated_by: str | None = None
    updated_at: dt.datetime | None = None

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in (*FIELDS, "demo")} | {"overridden": dict(self.overridden)}


def short_name_of(name: str) -> str:
    """"Pemerintah Kabupaten Contoh" -> "Kabupaten Contoh"; other names stay as they are."""
    words = name.split()
    if len(words) > 1 and words[0].lower() in ("pemerintah", "pemkab", "pemkot", "pemprov"):
        return " ".join(words[1:])
    return name


def derive(data: OfficeSettings, *, demo: bool = False, overridden: dict[str, str] | None = None,
           updated_by: str | None = None, updated_at: dt.datetime | None = None) -> OfficeIdentity:
    short = data.short_name or short_name_of(data.name)
    return OfficeIdentity(
        name=data.name, short_name=short, timezone=data.timezone or DEFAULT_TIMEZONE,
        unit=data.unit or f"Diskominfo {short}",
        issuer=data.issuer or f"Dinas Komunikasi dan Informatika {short}",
        contact=data.contact, email=data.email, demo=demo, overridden=dict(overridden or {}),
        updated_by=updated_by, updated_at=updated_at)


def _overrides(overrides: dict | None) -> dict[str, tuple[str, str]]:
    if overrides is not None:
        return overrides
    from flask import current_app, has_app_context

    if has_app_context() and "OFFICE_OVERRIDES" in current_app.config:
        return current_app.config["OFFICE_OVERRIDES"]
    from api.config import office_overrides

    return office_overrides()


def stored(s: Session) -> OfficeSettings | None:
    """What `triage setup` or the console saved, or None. A row that no longer validates is ignored
    (logged), so a bad value never takes the console down."""
    value = stored_settings.get(s, SETTING_KEY)
    if not value:
        return None
    try:
        return OfficeSettings.model_validate({k: v for k, v in value.items() if k in FIELDS})
    except ValidationError as exc:
        log.error("stored office settings are invalid, using the demo office: %s", exc)
        return None


def identity(s: Session, overrides: dict | None = None) -> OfficeIdentity:
    """The office as everything shows it. `overrides`: {field: (variable, value)}; default: the app's
    configuration (api.config.office_overrides), read from the environment."""
    env = _overrides(overrides)
    row = s.get(StoredSetting, SETTING_KEY)
    saved = stored(s)
    base = saved.model_dump() if saved is not None else {}
    values = base | {f: v for f, (_var, v) in env.items()}
    demo = saved is None and "name" not in env
    if demo:
        values = DEMO.model_dump() | {f: v for f, (_var, v) in env.items()}
    try:
        data = OfficeSettings.model_validate(values)
    except ValidationError as exc:  # a bad environment value: say which, keep serving the stored one
        log.error("office settings from the environment are invalid (%s); ignoring them", exc)
        data, env = (saved or DEMO), {}
    return derive(data, demo=demo, overridden={f: var for f, (var, _v) in env.items()},
                  updated_by=row.updated_by if row is not None and saved is not None else None,
                  updated_at=row.updated_at if row is not None and saved is not None else None)


def validate(values: dict) -> OfficeSettings:
    """Form or CLI values -> OfficeSettings, or Invalid whose details name each field (Indonesian)."""
    from api.office.schemas import FIELD_LABELS_ID, messages

    try:
        return OfficeSettings.model_validate({k: v for k, v in values.items() if k in FIELDS})
    except ValidationError as exc:
        errors = messages(exc)
        text = "; ".join(f"{FIELD_LABELS_ID.get(f, f)}: {m}" for f, m in errors.items())
        raise Invalid(f"pengaturan kantor tidak sah — {text}", "invalid_office",
                      [{"field": f, "message": m} for f, m in errors.items()]) from None


def save(s: Session, data: OfficeSettings, *, actor: str) -> OfficeIdentity:
    """Store the office's identity (a whole replacement: an empty optional field is derived again)."""
    stored_settings.put(s, SETTING_KEY, data.model_dump(exclude_none=True), actor=actor)
    return identity(s)


def startup_timezone(s: Session, configured: str, overrides: dict) -> str:
    """The timezone a new app uses: TRIAGE_TIMEZONE if set, else the stored office's, else `configured`.
    Tolerates a database without the `setting` table yet (a fresh PostgreSQL before `db upgrade`)."""
    if "timezone" in overrides:
        return configured
    try:
        saved = stored(s)
    except SQLAlchemyError:
        s.rollback()
        return configured
    return saved.timezone if saved is not None and saved.timezone else configured
