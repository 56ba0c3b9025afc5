"""The office settings an admin or `triage setup` submits. Messages are Indonesian: the console shows them."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

# Indonesia's three zones first; any IANA zone is accepted (an office abroad, a test).
INDONESIAN_ZONES = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
LIMITS = {"name": 200, "short_name": 100, "unit": 200, "issuer": 200, "contact": 200, "email": 200}
FIELD_LABELS_ID = {"name": "Nama kantor", "short_name": "Nama singkat", "timezone": "Zona waktu",
                   "unit": "Unit Diskominfo", "issuer": "Penerbit laporan", "contact": "Kontak",
                   "email": "Surel"}


def _clean(value) -> str | None:
    value = " ".join(str(value).split()) if value is not None else ""
    return value or None


class OfficeSettings(BaseModel):
    """What is stored; empty optional fields are derived from the name (see service.identity)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str | None = Field(default=None, validate_default=True)  # required: _name refuses None
    short_name: str | None = None
    timezone: str | None = None
    unit: str | None = None
    issuer: str | None = None
    contact: str | None = None
    email: str | None = None

    @field_validator("*", mode="before")
    @classmethod
    def _normalise(cls, v):
        return _clean(v)

    @field_validator("name")
    @classmethod
    def _name(cls, v):
        if v is None or len(v) < 3:
            raise ValueError("wajib diisi (paling sedikit 3 huruf), mis. \"Pemerintah Kabupaten Contoh\"")
        return v

    @field_validator("name", "short_name", "unit", "issuer", "contact", "email")
    @classmethod
    def _length(cls, v, info):
        limit = LIMITS[info.field_name]
        if v is not None and len(v) > limit:
            raise ValueError(f"terlalu panjang ({len(v)} karakter, paling banyak {limit})")
        return v

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, v):
        if v is None:
            return v
        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"\"{v}\" bukan zona waktu yang dikenal; gunakan Asia/Jakarta (WIB), "
                             "Asia/Makassar (WITA) atau Asia/Jayapura (WIT)") from None
        if v not in available_timezones():
            raise ValueError(f"\"{v}\" bukan nama zona waktu IANA, mis. Asia/Jakarta")
        return v

    @field_validator("email")
    @classmethod
    def _email(cls, v):
        if v is not None and not EMAIL_RE.match(v):
            raise ValueError(f"\"{v}\" bukan alamat surel yang sah, mis. diskominfo@contoh.go.id")
        return v


def messages(exc: ValidationError) -> dict[str, str]:
    """{field: Indonesian message} from a validation error (our validators raise Indonesian text)."""
    out: dict[str, str] = {}
    for err in exc.errors():
        field = str(err["loc"][0]) if err["loc"] else "name"
        if err["type"] == "value_error":
            text = str(err["ctx"]["error"])
        elif err["type"] == "missing":
            text = "wajib diisi"
        elif err["type"] == "extra_forbidden":
            text = "isian tidak dikenal"
        else:
            text = "isian tidak sah"
        out.setdefault(field, text)
    return out
